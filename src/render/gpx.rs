//! `trip.gpx`: GPX 1.1. Stops are waypoints (`<wpt>`, in visiting order), the route through them
//! a `<rte>`, and each leg that follows a recorded track a `<trk>`.
//!
//! GPX times are UTC instants, so `<time>` is written only where a stop's arrival is an exact
//! instant; the values as given (`arrive`, `depart`, `tz`, `place`) and the travel `mode` go in
//! `<extensions>` under tripmap's namespace, so tripmap reads its own GPX back to the same stops.
//! A recorded leg's track points keep their `<ele>` and `<time>`, and its `<trk>`'s `<type>` is
//! the leg's mode. Longitudes are written in [-180, 180) as the schema requires (180 becomes
//! 179.999999).

use super::xml_text::{degrees, escape};
use crate::model::{Route, RouteStop};
use std::fmt::Write;

/// The XML namespace of tripmap's GPX extensions.
pub const NAMESPACE: &str = "https://tripmap.invalid/gpx/1";

/// The GPX document for a route.
pub fn gpx(route: &Route) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"tripmap\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:tripmap=\"{NAMESPACE}\" xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd\">"
    );
    if route.meta.title.is_some() || route.meta.subtitle.is_some() {
        s.push_str("<metadata>");
        if let Some(t) = &route.meta.title {
            let _ = write!(s, "<name>{}</name>", escape(t));
        }
        if let Some(d) = &route.meta.subtitle {
            let _ = write!(s, "<desc>{}</desc>", escape(d));
        }
        s.push_str("</metadata>\n");
    }
    for stop in &route.stops {
        waypoint(&mut s, "wpt", stop, true);
    }
    if route.stops.len() > 1 {
        let name = route.meta.title.as_deref().unwrap_or("Route");
        let _ = writeln!(s, "<rte><name>{}</name>", escape(name));
        for stop in &route.stops {
            waypoint(&mut s, "rtept", stop, false);
        }
        s.push_str("</rte>\n");
    }
    for leg in route.legs.iter().filter(|l| l.is_recorded()) {
        let _ = write!(
            s,
            "<trk><name>{} → {}</name>",
            escape(&route.stops[leg.from].stop.name),
            escape(&route.stops[leg.to].stop.name)
        );
        if let Some(mode) = leg.mode {
            let _ = write!(s, "<type>{}</type>", mode.name());
        }
        s.push_str("<trkseg>");
        for (k, &(lon, lat)) in leg.path.iter().enumerate() {
            let _ = write!(
                s,
                "<trkpt lat=\"{}\" lon=\"{}\"",
                degrees(lat),
                gpx_lon(lon)
            );
            let (ele, time) = (leg.samples.elevation_m(k), leg.samples.time(k));
            if ele.is_none() && time.is_none() {
                s.push_str("/>");
                continue;
            }
            s.push('>');
            if let Some(e) = ele {
                let _ = write!(s, "<ele>{}</ele>", (e * 100.0).round() / 100.0);
            }
            if let Some(t) = time {
                // RFC 3339 in UTC, with the fraction of a second when recorded.
                let _ = write!(s, "<time>{t}</time>");
            }
            s.push_str("</trkpt>");
        }
        s.push_str("</trkseg></trk>\n");
    }
    s.push_str("</gpx>\n");
    s
}

/// A longitude in GPX's [-180, 180).
fn gpx_lon(lon: f64) -> String {
    let wrapped = (lon + 180.0).rem_euclid(360.0) - 180.0;
    let r = (wrapped * 1e6).round() / 1e6;
    degrees(if r >= 180.0 { 179.999_999 } else { r })
}

/// A `<wpt>` or `<rtept>`: children in the schema's order (time, name, desc, type, extensions).
fn waypoint(s: &mut String, tag: &str, rs: &RouteStop, full: bool) {
    let st = &rs.stop;
    let _ = write!(
        s,
        "<{tag} lat=\"{}\" lon=\"{}\">",
        degrees(rs.position.lat()),
        gpx_lon(rs.position.lon())
    );
    if let Some(t) = st.arrive.as_ref().and_then(|a| a.instant(st.time_zone())) {
        let _ = write!(s, "<time>{}</time>", t.strftime("%Y-%m-%dT%H:%M:%SZ"));
    }
    let _ = write!(s, "<name>{}</name>", escape(&st.name));
    if full {
        if let Some(n) = &st.note {
            let _ = write!(s, "<desc>{}</desc>", escape(n));
        }
        if let Some(k) = &st.kind {
            let _ = write!(s, "<type>{}</type>", escape(k));
        }
        let fields = [
            ("arrive", st.arrive.as_ref().map(|w| w.to_string())),
            ("depart", st.depart.as_ref().map(|w| w.to_string())),
            ("tz", st.tz.as_ref().map(|z| z.name.clone())),
            ("place", st.place.clone()),
            ("mode", st.mode.map(|m| m.name().to_string())),
        ];
        if fields.iter().any(|(_, v)| v.is_some()) {
            s.push_str("<extensions>");
            for (k, v) in fields {
                if let Some(v) = v {
                    let _ = write!(s, "<tripmap:{k}>{}</tripmap:{k}>", escape(&v));
                }
            }
            s.push_str("</extensions>");
        }
    }
    let _ = writeln!(s, "</{tag}>");
}
