//! Reads KML 2.2: every Placemark with a `<Point>` is a stop (`<name>`, `<description>` as the
//! note, `<TimeStamp><when>` as arrival, `<TimeSpan><begin>/<end>` as arrival and departure);
//! every `<LineString>` (also inside `<MultiGeometry>`) and Google's `<gx:Track>` (its
//! `<gx:coord>` positions, with its `<when>` times) is a recorded path, except the legs tripmap
//! itself writes (marked `<Data name="path"><value>geodesic</value></Data>`). Altitudes are kept
//! as the track's elevations. A file with paths but no Point has the paths' ends as its stops.
//!
//! `<ExtendedData>` values named `arrive`, `depart`, `tz`, `kind`, `note`, `place`, `mode` take
//! precedence, so a `trip.kml` reads back to the same stops (in the order their `order` values
//! say, when each has its own; `day` and `trip` are dropped, being worked out again); other
//! `<Data>` values are kept as properties. The `<Document>`'s `<name>` and `<description>` are the title and subtitle.

use super::track_ends::track_ends;
use super::xml::{child, child_text, children, error_at, expect_root, line_of, parse};
use crate::error::Error;
use crate::format::brief_text;
use crate::model::StopBuilder;
use crate::model::{Itinerary, Samples, Stop, Track};
use jiff::Timestamp;
use roxmltree::Node;
use serde_json::Value;

/// Data names read into stop fields rather than kept as properties.
const FIELDS: &[&str] = &[
    "arrive", "depart", "tz", "kind", "note", "place", "mode", "path", "order", "seq", "day",
    "trip",
];

/// Parses KML text into an itinerary.
pub fn read(text: &str) -> Result<Itinerary, Error> {
    let doc = parse(text)?;
    let root = doc.root_element();
    expect_root(root, "kml", "a KML document")?;
    let document = child(root, "Document");
    let title = document.and_then(|d| child_text(d, "name"));
    let subtitle = document.and_then(|d| child_text(d, "description"));
    let mut stops = Vec::new();
    let mut orders = Vec::new();
    let mut tracks = Vec::new();
    for placemark in root
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "Placemark")
    {
        let data = extended_data(placemark);
        let geometry: Vec<Node> = placemark.descendants().filter(|n| n.is_element()).collect();
        if let Some(point) = geometry.iter().find(|n| n.tag_name().name() == "Point") {
            stops.push(stop(placemark, *point, &data, stops.len() + 1)?);
            orders.push(value(&data, "order").and_then(|o| o.parse::<u64>().ok()));
        } else if value(&data, "path").as_deref() != Some("geodesic") {
            tracks.extend(placemark_tracks(placemark, &geometry)?);
        }
    }
    in_written_order(&mut stops, &orders);
    if stops.is_empty() {
        // A recorded path and nothing else: its ends are the stops.
        stops = track_ends(&tracks)?;
    }
    if stops.is_empty() {
        return Err(Error::Shape(
            "the KML has no points: no Placemark with a <Point>, <LineString> or <gx:Track>".into(),
        ));
    }
    Ok(Itinerary {
        title,
        subtitle,
        source: None,
        stops,
        tracks,
    })
}

/// `stops` in the order their `order` values say, when every stop has one and no two the same
/// (tripmap's own KML files day by day, which need not be the route's order); else as they
/// came.
fn in_written_order(stops: &mut Vec<Stop>, orders: &[Option<u64>]) {
    let Some(mut keys) = orders.iter().copied().collect::<Option<Vec<u64>>>() else {
        return;
    };
    keys.sort_unstable();
    if keys.windows(2).any(|w| w[0] == w[1]) {
        return;
    }
    let mut numbered: Vec<(u64, Stop)> = orders
        .iter()
        .flatten()
        .copied()
        .zip(stops.drain(..))
        .collect();
    numbered.sort_by_key(|(o, _)| *o);
    stops.extend(numbered.into_iter().map(|(_, s)| s));
}

/// The value of the data called `k`, when there and not empty.
fn value(data: &[(String, String)], k: &str) -> Option<String> {
    data.iter()
        .find(|(n, _)| n == k)
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
}

/// Stop `number` from a placemark with a `<Point>` and its extended `data`. tripmap's own values
/// as given (`arrive`, `depart`), when there, say everything about the times; else `<TimeStamp>`
/// or `<TimeSpan>` do.
fn stop(
    placemark: Node,
    point: Node,
    data: &[(String, String)],
    number: usize,
) -> Result<Stop, Error> {
    let get = |k: &str| value(data, k);
    let (coords, _) = coordinates(point)?;
    let Some(&(lon, lat)) = coords.first() else {
        return Err(error_at(point, "<Point> has no <coordinates>"));
    };
    let stamp = child(placemark, "TimeStamp").and_then(|t| child_text(t, "when"));
    let span = child(placemark, "TimeSpan");
    let as_given = get("arrive").is_some() || get("depart").is_some();
    let extra = data
        .iter()
        .filter(|(k, _)| !FIELDS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    let raw = StopBuilder {
        name: child_text(placemark, "name").or_else(|| Some(format!("Placemark {number}"))),
        lat: Some(lat),
        lon: Some(lon),
        arrive: get("arrive").or_else(|| {
            if as_given {
                None
            } else {
                stamp.or_else(|| span.and_then(|s| child_text(s, "begin")))
            }
        }),
        depart: get("depart").or_else(|| {
            if as_given {
                None
            } else {
                span.and_then(|s| child_text(s, "end"))
            }
        }),
        tz: get("tz"),
        note: get("note").or_else(|| child_text(placemark, "description")),
        kind: get("kind"),
        place: get("place"),
        mode: get("mode"),
        extra,
    };
    raw.validate(number)
        .map_err(|e| e.at_line(line_of(placemark)))
}

/// The recorded tracks of a placemark without a point: each `<LineString>` or `<gx:Track>` in
/// its `geometry` elements that has points.
fn placemark_tracks(placemark: Node, geometry: &[Node]) -> Result<Vec<Track>, Error> {
    let mut tracks = Vec::new();
    for line in geometry
        .iter()
        .filter(|n| matches!(n.tag_name().name(), "LineString" | "Track"))
    {
        let (points, samples) = if line.tag_name().name() == "Track" {
            gx_track(*line)?
        } else {
            let (points, altitudes) = coordinates(*line)?;
            (points, Samples::new(Vec::new(), altitudes))
        };
        if !points.is_empty() {
            tracks.push(Track::new(child_text(placemark, "name"), points).with_samples(samples));
        }
    }
    Ok(tracks)
}

/// `<ExtendedData><Data name="k"><value>v</value></Data>` pairs, in order.
fn extended_data(placemark: Node) -> Vec<(String, String)> {
    let Some(ext) = child(placemark, "ExtendedData") else {
        return Vec::new();
    };
    children(ext, "Data")
        .filter_map(|d| {
            let name = d.attribute("name")?.to_string();
            Some((name, child_text(d, "value").unwrap_or_default()))
        })
        .collect()
}

/// The positions of a `<gx:Track>` (one `<gx:coord>lon lat [alt]</gx:coord>` each, checked),
/// with their altitudes and the times of its `<when>` elements (as many as positions, or none).
fn gx_track(track: Node) -> Result<(Vec<(f64, f64)>, Samples), Error> {
    let mut points = Vec::new();
    let mut altitudes = Vec::new();
    for (i, c) in children(track, "coord").enumerate() {
        let text = c.text().unwrap_or("");
        let mut parts = text.split_whitespace().map(str::parse::<f64>);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(lon)), Some(Ok(lat)), alt)
                if lon.abs() <= 180.0 && lat.abs() <= 90.0 && !matches!(alt, Some(Err(_))) =>
            {
                points.push((lon, lat));
                altitudes.push(alt.and_then(Result::ok).filter(|a| a.is_finite()));
            }
            _ => {
                return Err(error_at(
                    c,
                    format!(
                        "<gx:coord> {}: `{}` is not `longitude latitude [altitude]` within ±180, ±90",
                        i + 1,
                        text.trim()
                    ),
                ));
            }
        }
    }
    let whens: Vec<Node> = children(track, "when").collect();
    if !whens.is_empty() && whens.len() != points.len() {
        return Err(error_at(
            track,
            format!(
                "<gx:Track> has {} <when> and {} <gx:coord>: give one time per position",
                whens.len(),
                points.len()
            ),
        ));
    }
    let times = whens
        .iter()
        .map(|w| when_instant(*w))
        .collect::<Result<_, _>>()?;
    Ok((points, Samples::new(times, altitudes)))
}

/// A `<when>` of a `<gx:Track>` as an instant (UTC when it has no offset); a calendar day alone
/// (`2024-05-01`) is no instant.
fn when_instant(node: Node) -> Result<Option<Timestamp>, Error> {
    let text = node.text().unwrap_or("").trim();
    if let Ok(t) = text.parse::<Timestamp>() {
        return Ok(Some(t));
    }
    if let Ok(dt) = text.parse::<jiff::civil::DateTime>()
        && text.len() > 10
    {
        return Ok(jiff::tz::Offset::UTC.to_timestamp(dt).ok());
    }
    if text.parse::<jiff::civil::Date>().is_ok() {
        return Ok(None);
    }
    Err(error_at(
        node,
        format!("<when> `{text}` is not a date and time (2024-05-01T08:00:00Z)"),
    ))
}

/// Positions (lon, lat) and, one per position, their altitudes where given.
type PositionsWithAltitudes = (Vec<(f64, f64)>, Vec<Option<f64>>);

/// The `lon,lat[,alt]` tuples of a geometry's `<coordinates>`, checked, with their altitudes.
fn coordinates(geometry: Node) -> Result<PositionsWithAltitudes, Error> {
    let Some(c) = child(geometry, "coordinates") else {
        return Ok((Vec::new(), Vec::new()));
    };
    let text = c.text().unwrap_or("");
    let mut out = Vec::new();
    let mut altitudes = Vec::new();
    for (i, tuple) in text.split_whitespace().enumerate() {
        let mut parts = tuple.split(',');
        let mut num = |what: &str, limit: f64| -> Result<f64, Error> {
            let raw = parts.next().unwrap_or("");
            let v: f64 = raw.trim().parse().map_err(|_| {
                error_at(
                    c,
                    format!(
                        "coordinate {}: {what} `{}` is not a number",
                        i + 1,
                        brief_text(raw)
                    ),
                )
            })?;
            if !v.is_finite() || v.abs() > limit {
                return Err(error_at(
                    c,
                    format!(
                        "coordinate {}: {what} {} is out of range [-{limit}, {limit}]",
                        i + 1,
                        brief_text(raw.trim())
                    ),
                ));
            }
            Ok(v)
        };
        let lon = num("longitude", 180.0)?;
        let lat = num("latitude", 90.0)?;
        out.push((lon, lat));
        altitudes.push(
            parts
                .next()
                .and_then(|a| a.trim().parse::<f64>().ok())
                .filter(|a| a.is_finite()),
        );
    }
    Ok((out, altitudes))
}

#[cfg(test)]
mod test {
    use super::*;

    const KML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Coast</name>
  <Folder>
  <Placemark><name>Lisbon</name><TimeSpan><begin>2024-03-01</begin><end>2024-03-03</end></TimeSpan>
    <Point><coordinates>-9.1393,38.7223,0</coordinates></Point></Placemark>
  <Placemark><name>Porto</name><description>Wine</description><TimeStamp><when>2024-03-04</when></TimeStamp>
    <ExtendedData><Data name="tz"><value>Europe/Lisbon</value></Data><Data name="hotel"><value>Grande</value></Data></ExtendedData>
    <Point><coordinates>-8.6291,41.1579</coordinates></Point></Placemark>
  </Folder>
  <Placemark><name>Drive</name><LineString><coordinates>-9.14,38.72 -8.9,39.8
    -8.63,41.15</coordinates></LineString></Placemark>
  <Placemark><ExtendedData><Data name="path"><value>geodesic</value></Data></ExtendedData>
    <LineString><coordinates>0,0 1,1</coordinates></LineString></Placemark>
</Document></kml>"#;

    #[test]
    fn reads_placemarks_and_lines() {
        let it = read(KML).unwrap();
        assert_eq!(it.title.as_deref(), Some("Coast"));
        assert_eq!(it.stops.len(), 2);
        assert_eq!(
            it.stops[0].depart.as_ref().unwrap().to_string(),
            "2024-03-03"
        );
        assert_eq!(it.stops[1].note.as_deref(), Some("Wine"));
        assert_eq!(it.stops[1].tz.as_ref().unwrap().name, "Europe/Lisbon");
        assert_eq!(it.stops[1].extra[0].0, "hotel");
        assert_eq!(
            it.tracks.len(),
            1,
            "tripmap's own geodesic legs are not tracks"
        );
        assert_eq!(it.tracks[0].points[2], (-8.63, 41.15));
    }

    #[test]
    fn reads_google_tracks() {
        let it = read(r#"<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>
<Placemark><name>A</name><Point><coordinates>1,2</coordinates></Point></Placemark>
<Placemark><gx:Track><when>2024-01-01T00:00:00Z</when><when>2024-01-01T00:01:00Z</when>
<gx:coord>1 2 0</gx:coord><gx:coord>1.5 2.5 0</gx:coord></gx:Track></Placemark>
</Document></kml>"#)
        .unwrap();
        assert_eq!(it.tracks[0].points, vec![(1.0, 2.0), (1.5, 2.5)]);
        assert_eq!(
            it.tracks[0].samples.times[1].unwrap().to_string(),
            "2024-01-01T00:01:00Z"
        );
        assert_eq!(
            it.tracks[0].samples.elevations_m,
            vec![Some(0.0), Some(0.0)]
        );
        let e = read("<kml><Placemark><Point><coordinates>1,2</coordinates></Point></Placemark><Placemark><Track><when>2024-01-01T00:00:00Z</when></Track></Placemark></kml>").unwrap_err();
        assert!(e.to_string().contains("1 <when> and 0 <gx:coord>"), "{e}");
        let e = read("<kml><Placemark><Point><coordinates>1,2</coordinates></Point></Placemark><Placemark><Track>\n<coord>1 95</coord></Track></Placemark></kml>").unwrap_err();
        assert!(
            e.to_string().starts_with("line 2, column 1: <gx:coord> 1"),
            "{e}"
        );
    }

    #[test]
    fn stops_numbered_by_order_read_in_that_order() {
        let pm = |name: &str, order: &str| {
            format!(
                "<Placemark><name>{name}</name><ExtendedData><Data name=\"order\"><value>{order}</value></Data><Data name=\"day\"><value>2024-01-01</value></Data></ExtendedData><Point><coordinates>1,2</coordinates></Point></Placemark>"
            )
        };
        let names = |kml: String| -> Vec<String> {
            let it = read(&kml).unwrap();
            assert!(
                it.stops.iter().all(|s| s.extra.is_empty()),
                "day is not kept"
            );
            it.stops.into_iter().map(|s| s.name).collect()
        };
        let kml = |p: [String; 3]| {
            format!(
                "<kml><Document><Folder>{}</Folder><Folder>{}{}</Folder></Document></kml>",
                p[0], p[1], p[2]
            )
        };
        assert_eq!(
            names(kml([pm("B", "2"), pm("C", "3"), pm("A", "1")])),
            ["A", "B", "C"]
        );
        // Two stops with the same number, or one without: as they came.
        assert_eq!(
            names(kml([pm("B", "2"), pm("C", "2"), pm("A", "1")])),
            ["B", "C", "A"]
        );
        assert_eq!(
            names(kml([pm("B", "2"), pm("C", "x"), pm("A", "1")])),
            ["B", "C", "A"]
        );
    }

    #[test]
    fn a_path_alone_gives_its_ends_as_stops() {
        let it = read("<kml><Document><name>Walk</name><Placemark><name>Loop</name><LineString><coordinates>0,0,10 0.5,0.5,20 1,1</coordinates></LineString></Placemark></Document></kml>").unwrap();
        let names: Vec<&str> = it.stops.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Loop (start)", "Loop (end)"]);
        assert_eq!(it.title.as_deref(), Some("Walk"));
        assert_eq!(
            it.tracks[0].samples.elevations_m,
            vec![Some(10.0), Some(20.0), None]
        );
    }

    #[test]
    fn errors_name_the_place() {
        let e = read("<kml><Placemark><Polygon/></Placemark></kml>").unwrap_err();
        assert!(e.to_string().contains("no points"), "{e}");
        let e = read(
            "<kml>\n<Placemark><Point><coordinates>10,95</coordinates></Point></Placemark></kml>",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 2, column 19: coordinate 1: latitude 95 is out of range [-90, 90]"
        );
        let e = read("<kml><Placemark><name>X</name>\n<TimeStamp><when>later</when></TimeStamp><Point><coordinates>1,2</coordinates></Point></Placemark></kml>").unwrap_err();
        assert!(
            e.to_string().contains("stop 1 \"X\", field `arrive`"),
            "{e}"
        );
    }
}
