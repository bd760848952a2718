//! Reads GPX 1.1 (and 1.0): waypoints (`<wpt>`) and route points (`<rtept>`, except those that
//! repeat a waypoint's name and position) are the stops; when there are neither, each track's
//! first and last points. Tracks (`<trk>`, all segments joined) are recorded paths.
//!
//! A stop's `<name>`, `<desc>` (note), `<type>` (kind) and `<time>` (arrival) are read, and the
//! `tripmap` extensions tripmap writes (`arrive`, `depart`, `tz`, `kind`, `note`, `place` as
//! given, and `mode`, how the traveller arrived), so a `trip.gpx` reads back to the same stops.
//! Track points keep their `<ele>` (metres) and `<time>`. The file's `<metadata>` `<name>` and
//! `<desc>` are the map's title and subtitle.

use super::track_ends::track_ends;
use super::xml::{child, child_text, children, error_at, expect_root, line_of, parse};
use crate::error::Error;
use crate::format::brief_text;
use crate::model::StopBuilder;
use crate::model::{Itinerary, Samples, Stop, Track};
use jiff::Timestamp;
use roxmltree::Node;

/// Parses GPX text into an itinerary.
pub fn read(text: &str) -> Result<Itinerary, Error> {
    let doc = parse(text)?;
    let root = doc.root_element();
    expect_root(root, "gpx", "a GPX document")?;
    let metadata = child(root, "metadata");
    let title = metadata
        .and_then(|m| child_text(m, "name"))
        .or_else(|| child_text(root, "name"));
    let subtitle = metadata
        .and_then(|m| child_text(m, "desc"))
        .or_else(|| child_text(root, "desc"));
    let tracks = read_tracks(root)?;
    let mut stops = Vec::new();
    for (i, node) in stop_nodes(root).iter().enumerate() {
        stops.push(read_stop(*node, i + 1)?);
    }
    if stops.is_empty() {
        // A phone's recording: the track's ends are the stops.
        stops = track_ends(&tracks)?;
    }
    if stops.is_empty() {
        return Err(Error::Shape(
            "the GPX has no points: no waypoints (<wpt>), route points (<rtept>) or track points (<trkpt>)".into(),
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

/// Each `<trk>` with points, all its segments joined, with the points' `<time>` and `<ele>`.
fn read_tracks(root: Node) -> Result<Vec<Track>, Error> {
    let mut tracks = Vec::new();
    for trk in children(root, "trk") {
        let mut points = Vec::new();
        let mut times = Vec::new();
        let mut elevations = Vec::new();
        for pt in track_points(trk) {
            points.push(point(pt)?);
            times.push(time(pt)?);
            elevations.push(elevation(pt)?);
        }
        if !points.is_empty() {
            tracks.push(
                Track::new(child_text(trk, "name"), points)
                    .with_samples(Samples::new(times, elevations)),
            );
        }
    }
    Ok(tracks)
}

/// A point's `<time>`: an xsd:dateTime, UTC when it has no offset (as GPX 1.1 says).
fn time(node: Node) -> Result<Option<Timestamp>, Error> {
    let Some(text) = child_text(node, "time") else {
        return Ok(None);
    };
    let parsed = text.parse::<Timestamp>().ok().or_else(|| {
        text.parse::<jiff::civil::DateTime>()
            .ok()
            .and_then(|dt| jiff::tz::Offset::UTC.to_timestamp(dt).ok())
    });
    match parsed {
        Some(t) => Ok(Some(t)),
        None => Err(error_at(
            child(node, "time").unwrap_or(node),
            format!("<time> `{text}` is not a date and time (2024-05-01T08:00:00Z)"),
        )),
    }
}

/// A point's `<ele>` in metres.
fn elevation(node: Node) -> Result<Option<f64>, Error> {
    let Some(text) = child_text(node, "ele") else {
        return Ok(None);
    };
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(error_at(
            child(node, "ele").unwrap_or(node),
            format!("<ele> `{text}` is not a number of metres"),
        )),
    }
}

/// The `<trkpt>` elements of a `<trk>`, all segments in order.
fn track_points<'a, 'i: 'a>(trk: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    children(trk, "trkseg").flat_map(|s| children(s, "trkpt"))
}

/// The elements that are stops: the waypoints, then the route points that do not repeat a
/// waypoint (same name and position, as tripmap writes them).
fn stop_nodes<'a, 'i>(root: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let wpts: Vec<Node> = children(root, "wpt").collect();
    let rtepts: Vec<Node> = children(root, "rte")
        .flat_map(|r| children(r, "rtept"))
        .collect();
    let key = |n: &Node| {
        (
            child_text(*n, "name"),
            n.attribute("lat").map(str::trim).map(str::to_string),
            n.attribute("lon").map(str::trim).map(str::to_string),
        )
    };
    let wpt_keys: Vec<_> = wpts.iter().map(key).collect();
    wpts.iter()
        .copied()
        .chain(rtepts.into_iter().filter(|r| !wpt_keys.contains(&key(r))))
        .collect()
}

/// A point's `lon`/`lat` attributes, checked; errors name the line and column.
fn point(node: Node) -> Result<(f64, f64), Error> {
    let coord = |name: &str, limit: f64| -> Result<f64, Error> {
        let raw = node
            .attribute(name)
            .ok_or_else(|| error_at(node, format!("<{}> has no `{name}` attribute", tag(node))))?;
        let v: f64 = raw.trim().parse().map_err(|_| {
            error_at(
                node,
                format!(
                    "<{}> `{name}` is `{}`, not a number",
                    tag(node),
                    brief_text(raw)
                ),
            )
        })?;
        if !v.is_finite() || v.abs() > limit {
            return Err(error_at(
                node,
                format!(
                    "<{}> `{name}` {} is out of range [-{limit}, {limit}]",
                    tag(node),
                    brief_text(raw.trim())
                ),
            ));
        }
        Ok(v)
    };
    Ok((coord("lon", 180.0)?, coord("lat", 90.0)?))
}

/// The element's local name (`wpt`), for messages.
fn tag<'a>(node: Node<'a, '_>) -> &'a str {
    node.tag_name().name()
}

/// A `<wpt>` or `<rtept>` as a validated stop.
fn read_stop(node: Node, number: usize) -> Result<Stop, Error> {
    let (lon, lat) = point(node)?;
    let ext = child(node, "extensions");
    let from_ext = |name: &str| ext.and_then(|e| child_text(e, name));
    let raw = StopBuilder {
        name: child_text(node, "name").or_else(|| Some(format!("Point {number}"))),
        lat: Some(lat),
        lon: Some(lon),
        arrive: from_ext("arrive").or_else(|| child_text(node, "time")),
        depart: from_ext("depart"),
        tz: from_ext("tz"),
        note: from_ext("note").or_else(|| child_text(node, "desc")),
        kind: from_ext("kind").or_else(|| child_text(node, "type")),
        place: from_ext("place"),
        mode: from_ext("mode"),
        extra: Vec::new(),
    };
    raw.validate(number).map_err(|e| e.at_line(line_of(node)))
}

#[cfg(test)]
mod test {
    use super::*;

    const GPX: &str = r#"<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><name>Ferry</name></metadata>
  <wpt lat="60.1699" lon="24.9384"><time>2024-05-01T08:00:00Z</time><name>Helsinki</name><desc>Start</desc></wpt>
  <wpt lat="59.4370" lon="24.7536"><time>2024-05-01T10:30:00Z</time><name>Tallinn</name></wpt>
  <trk><name>Crossing</name><trkseg>
    <trkpt lat="60.16" lon="24.95"/><trkpt lat="59.8" lon="24.85"/><trkpt lat="59.45" lon="24.76"/>
  </trkseg></trk>
</gpx>"#;

    #[test]
    fn reads_waypoints_and_tracks() {
        let it = read(GPX).unwrap();
        assert_eq!(it.title.as_deref(), Some("Ferry"));
        assert_eq!(it.stops.len(), 2);
        assert_eq!(it.stops[0].name, "Helsinki");
        assert_eq!(it.stops[0].note.as_deref(), Some("Start"));
        assert_eq!(
            it.stops[1].arrive.as_ref().unwrap().to_string(),
            "2024-05-01T10:30:00Z"
        );
        assert_eq!(it.tracks.len(), 1);
        assert_eq!(it.tracks[0].points.len(), 3);
        assert_eq!(it.tracks[0].points[1], (24.85, 59.8));
    }

    #[test]
    fn a_bare_track_gives_its_ends_as_stops() {
        let it = read(r#"<gpx><trk><trkseg><trkpt lat="1" lon="2"><time>2024-01-01T00:00:00Z</time></trkpt><trkpt lat="3" lon="4"/></trkseg></trk></gpx>"#).unwrap();
        assert_eq!(it.stops.len(), 2);
        assert_eq!(it.stops[0].name, "Track 1 (start)");
        assert_eq!(
            it.stops[0].arrive.as_ref().unwrap().to_string(),
            "2024-01-01T00:00:00Z"
        );
        assert_eq!(it.stops[1].position.unwrap().lat(), 3.0);
    }

    #[test]
    fn track_points_keep_their_times_and_elevations() {
        let it = read(r#"<gpx><wpt lat="1" lon="2"><name>A</name><extensions><mode>ferry</mode></extensions></wpt><trk><trkseg>
<trkpt lat="1" lon="2"><ele>12.5</ele><time>2024-01-01T00:00:00Z</time></trkpt>
<trkpt lat="3" lon="4"><time>2024-01-01T01:00:00.5+01:00</time></trkpt>
<trkpt lat="5" lon="6"><time>2024-01-01T02:00:00</time></trkpt></trkseg></trk></gpx>"#).unwrap();
        let s = &it.tracks[0].samples;
        assert_eq!(s.elevations_m, vec![Some(12.5), None, None]);
        let times: Vec<String> = s.times.iter().map(|t| t.unwrap().to_string()).collect();
        assert_eq!(
            times,
            [
                "2024-01-01T00:00:00Z",
                "2024-01-01T00:00:00.5Z",
                "2024-01-01T02:00:00Z"
            ]
        );
        assert_eq!(it.stops[0].mode, Some(crate::model::Mode::Ferry));
        let e = read("<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\">\n<time>noon</time></trkpt></trkseg></trk></gpx>").unwrap_err();
        assert!(
            e.to_string().starts_with("line 2, column 1: <time> `noon`"),
            "{e}"
        );
        let e = read("<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><ele>high</ele></trkpt></trkseg></trk></gpx>").unwrap_err();
        assert!(e.to_string().contains("<ele> `high`"), "{e}");
    }

    #[test]
    fn route_points_are_stops_unless_they_repeat_a_waypoint() {
        let it = read(r#"<gpx><wpt lat="1" lon="2"><name>A</name></wpt><wpt lat="5" lon="6"><name>Lunch</name></wpt>
<rte><rtept lat="1" lon="2"><name>A</name></rtept><rtept lat="3" lon="4"><name>B</name></rtept></rte></gpx>"#).unwrap();
        let names: Vec<_> = it.stops.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "Lunch", "B"]);
    }

    #[test]
    fn route_points_are_stops_when_there_are_no_waypoints() {
        let it = read(r#"<gpx><rte><rtept lat="1" lon="2"><name>A</name></rtept><rtept lat="3" lon="4"><name>B</name></rtept></rte></gpx>"#).unwrap();
        let names: Vec<_> = it.stops.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
    }

    #[test]
    fn errors_name_the_place() {
        let e = read("<gpx>\n<wpt lat=\"95\" lon=\"2\"/></gpx>").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 2, column 1: <wpt> `lat` 95 is out of range [-90, 90]"
        );
        let e = read("<gpx>\n<trk><trkseg><trkpt lat=\"x\" lon=\"2\"/></trkseg></trk></gpx>")
            .unwrap_err();
        assert!(e.to_string().starts_with("line 2, column 14:"), "{e}");
        let e = read("<gpx><metadata/></gpx>").unwrap_err();
        assert!(e.to_string().contains("no points"), "{e}");
        let e = read("<kml/>").unwrap_err();
        assert!(e.to_string().contains("expected a GPX"), "{e}");
        let e = read("<gpx><wpt lat=\"1\" lon=\"2\"><time>soon</time></wpt></gpx>").unwrap_err();
        assert!(
            e.to_string()
                .contains("line 1, stop 1 \"Point 1\", field `arrive`"),
            "{e}"
        );
    }
}
