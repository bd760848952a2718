//! `trip.kml`: KML 2.2 for Google Earth. Stops are Placemarks with a `TimeSpan` (or `TimeStamp`)
//! so the time slider plays the trip; legs are tessellated LineStrings (cut at ±180°, as a
//! MultiGeometry, where they cross it) so they follow the globe; each has a `Style`.
//!
//! Stop fields as given (`arrive`, `depart`, `tz`, `kind`, `place`) and extras go in
//! `ExtendedData`, and legs carry `path` (`geodesic` or `recorded`), so tripmap reads its own KML
//! back to the same stops and tracks.

use super::xml_text::{degrees, escape, xsd_time};
use crate::geodesy::split_at_antimeridian;
use crate::model::{Route, RouteStop};
use std::fmt::Write;

/// The KML document for a route.
pub fn kml(route: &Route) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n",
    );
    if let Some(title) = &route.meta.title {
        let _ = writeln!(s, "<name>{}</name>", escape(title));
    }
    if let Some(sub) = &route.meta.subtitle {
        let _ = writeln!(s, "<description>{}</description>", escape(sub));
    }
    // Colours are aabbggrr: the SVG map's red (#c8372d) for stops and legs, orange for recorded.
    s.push_str(concat!(
        "<Style id=\"stop\"><IconStyle><color>ff2d37c8</color><scale>1.1</scale>",
        "<Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon>",
        "</IconStyle><LabelStyle><scale>0.9</scale></LabelStyle></Style>\n",
        "<Style id=\"leg\"><LineStyle><color>ff2d37c8</color><width>3</width></LineStyle></Style>\n",
        "<Style id=\"recorded\"><LineStyle><color>ff1e8cff</color><width>3</width></LineStyle></Style>\n",
        "<Folder><name>Stops</name>\n",
    ));
    for (i, stop) in route.stops.iter().enumerate() {
        placemark(&mut s, i, stop);
    }
    s.push_str("</Folder>\n<Folder><name>Legs</name>\n");
    for (i, leg) in route.legs.iter().enumerate() {
        let from = &route.stops[leg.from].stop.name;
        let to = &route.stops[leg.to].stop.name;
        let path = if leg.is_recorded() {
            "recorded"
        } else {
            "geodesic"
        };
        let _ = write!(
            s,
            "<Placemark><name>{} → {}</name><styleUrl>#{}</styleUrl><ExtendedData>",
            escape(from),
            escape(to),
            if leg.is_recorded() { "recorded" } else { "leg" }
        );
        data(&mut s, "order", &(i + 1).to_string());
        data(&mut s, "path", path);
        data(
            &mut s,
            "distance_km",
            &format!("{:.3}", leg.distance_m / 1000.0),
        );
        s.push_str("</ExtendedData>");
        let parts = split_at_antimeridian(&leg.path);
        if parts.len() > 1 {
            s.push_str("<MultiGeometry>");
        }
        for part in &parts {
            s.push_str("<LineString><tessellate>1</tessellate><coordinates>");
            for (k, &(lon, lat)) in part.iter().enumerate() {
                if k > 0 {
                    s.push(' ');
                }
                let _ = write!(s, "{},{}", degrees(lon), degrees(lat));
            }
            s.push_str("</coordinates></LineString>");
        }
        if parts.len() > 1 {
            s.push_str("</MultiGeometry>");
        }
        s.push_str("</Placemark>\n");
    }
    s.push_str("</Folder>\n</Document>\n</kml>\n");
    s
}

fn placemark(s: &mut String, i: usize, rs: &RouteStop) {
    let st = &rs.stop;
    let tz = st.time_zone();
    let _ = write!(s, "<Placemark><name>{}</name>", escape(&st.name));
    if let Some(note) = &st.note {
        let _ = write!(s, "<description>{}</description>", escape(note));
    }
    match (&st.arrive, &st.depart) {
        (Some(a), Some(d)) => {
            let _ = write!(
                s,
                "<TimeSpan><begin>{}</begin><end>{}</end></TimeSpan>",
                xsd_time(a, tz),
                xsd_time(d, tz)
            );
        }
        (Some(w), None) | (None, Some(w)) => {
            let _ = write!(s, "<TimeStamp><when>{}</when></TimeStamp>", xsd_time(w, tz));
        }
        (None, None) => {}
    }
    s.push_str("<styleUrl>#stop</styleUrl><ExtendedData>");
    data(s, "order", &(i + 1).to_string());
    if let Some(a) = &st.arrive {
        data(s, "arrive", &a.to_string());
    }
    if let Some(d) = &st.depart {
        data(s, "depart", &d.to_string());
    }
    if let Some(z) = &st.tz {
        data(s, "tz", &z.name);
    }
    for (k, v) in [("kind", &st.kind), ("place", &st.place)] {
        if let Some(v) = v {
            data(s, k, v);
        }
    }
    for (k, v) in st.resolved.iter().chain(&st.extra) {
        if v.is_null() {
            continue;
        }
        let text = match v {
            serde_json::Value::String(t) => t.clone(),
            other => other.to_string(),
        };
        data(s, k, &text);
    }
    let _ = writeln!(
        s,
        "</ExtendedData><Point><coordinates>{},{}</coordinates></Point></Placemark>",
        degrees(rs.position.lon()),
        degrees(rs.position.lat())
    );
}

fn data(s: &mut String, name: &str, value: &str) {
    let _ = write!(
        s,
        "<Data name=\"{}\"><value>{}</value></Data>",
        escape(name),
        escape(value)
    );
}
