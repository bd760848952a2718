//! `trip.kml`: KML 2.2 for Google Earth. The Placemarks are filed in a folder per local day (the
//! layers' `day`), each day's stops and legs in route order; several trips drawn together get a
//! folder each, holding their days; a trip with no date at all keeps a Stops and a Legs folder.
//! GIS readers see each folder as a layer (the README says what GDAL lists). Stops are Placemarks with a `TimeSpan` (or `TimeStamp`)
//! so the time slider plays the trip; legs are tessellated LineStrings (cut at ±180°, as a
//! MultiGeometry, where they cross it) so they follow the globe; each has a `Style`.
//!
//! Stop fields as given (`arrive`, `depart`, `tz`, `kind`, `place`, `mode`) and extras go in
//! `ExtendedData`, and legs carry `path` (`geodesic` or `recorded`) and `mode`, so tripmap reads
//! its own KML back to the same stops and tracks. A recorded leg whose track points all have
//! times is a Google `<gx:Track>` of those points (a `<when>` and a `<gx:coord>` with its
//! altitude each; the stops at its ends are Placemarks of their own), so Google Earth's time
//! slider replays it; other recorded legs are LineStrings with their altitudes.

use super::cut::{CutLeg, cut_path};
use super::xml_text::{degrees, escape, xsd_time};
use crate::model::{Leg, Route};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Google's KML extension namespace (`gx:Track`).
const GX: &str = "http://www.google.com/kml/ext/2.2";

/// The KML document for a route.
pub fn kml(route: &Route) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:gx=\"{GX}\">\n<Document>\n"
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
    ));
    if route.trips.len() > 1 {
        // Several trips drawn together: a folder each, holding its days (or stops and legs).
        for (t, name) in route.trips.iter().enumerate() {
            let _ = writeln!(s, "<Folder><name>{}</name>", escape(name));
            trip_contents(&mut s, route, |stop| route.stops[stop].trip == t);
            s.push_str("</Folder>\n");
        }
    } else {
        trip_contents(&mut s, route, |_| true);
    }
    s.push_str("</Document>\n</kml>\n");
    s
}

/// The stops for which `keep` holds (by index) and the legs that leave them: a folder per
/// local day when some of those stops has a date, else a folder of stops and one of legs.
fn trip_contents(s: &mut String, route: &Route, keep: impl Fn(usize) -> bool) {
    let dated = (0..route.stops.len()).any(|i| keep(i) && route.stops[i].day().is_some());
    if dated {
        day_folders(s, route, keep);
    } else {
        stops_and_legs(s, route, keep);
    }
}

/// One placemark of a day folder: a stop or a leg (by index).
enum Item {
    Stop(usize),
    Leg(usize),
}

/// A folder per local day (the `day` of the layers: a stop's arrival, else departure, on its own
/// clock; the day a leg is travelled), earliest first, then `No date` for the rest. Each holds
/// that day's stops and legs in route order, a leg after the stop it leaves, as a day of an
/// itinerary reads.
fn day_folders(s: &mut String, route: &Route, keep: impl Fn(usize) -> bool) {
    // Keyed (undated, day): the dated days in order, then the undated.
    let mut days: BTreeMap<(bool, Option<Date>), Vec<Item>> = BTreeMap::new();
    let mut leaving: Vec<Vec<usize>> = vec![Vec::new(); route.stops.len()];
    for (k, leg) in route.legs.iter().enumerate() {
        leaving[leg.from].push(k);
    }
    for i in (0..route.stops.len()).filter(|&i| keep(i)) {
        let day = route.stops[i].day();
        days.entry((day.is_none(), day))
            .or_default()
            .push(Item::Stop(i));
        for &k in &leaving[i] {
            let day = route.travel_day(k);
            days.entry((day.is_none(), day))
                .or_default()
                .push(Item::Leg(k));
        }
    }
    for ((_, day), items) in days {
        let name = match day {
            Some(d) => d.strftime("%a %-d %b %Y").to_string(),
            None => "No date".to_string(),
        };
        let _ = writeln!(s, "<Folder><name>{name}</name>");
        for item in items {
            match item {
                Item::Stop(i) => placemark(s, i, route),
                Item::Leg(k) => leg_placemark(s, k, &route.legs[k], route),
            }
        }
        s.push_str("</Folder>\n");
    }
}

/// The folders of the stops for which `keep` holds (by index) and of the legs that leave them.
fn stops_and_legs(s: &mut String, route: &Route, keep: impl Fn(usize) -> bool) {
    s.push_str("<Folder><name>Stops</name>\n");
    for i in (0..route.stops.len()).filter(|&i| keep(i)) {
        placemark(s, i, route);
    }
    s.push_str("</Folder>\n<Folder><name>Legs</name>\n");
    for (i, leg) in route.legs.iter().enumerate().filter(|(_, l)| keep(l.from)) {
        leg_placemark(s, i, leg, route);
    }
    s.push_str("</Folder>\n");
}

/// Leg `i` as a Placemark: its ExtendedData and its line.
fn leg_placemark(s: &mut String, i: usize, leg: &Leg, route: &Route) {
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
    data(s, "order", &(i + 1).to_string());
    data(s, "path", path);
    if let Some(mode) = leg.mode {
        data(s, "mode", mode.name());
    }
    data(s, "dist_km", &format!("{:.3}", leg.distance_m / 1000.0));
    day_and_trip(s, route.travel_day(i), route, route.stops[leg.from].trip);
    s.push_str("</ExtendedData>");
    match timed_stretch(leg) {
        Some(range) => {
            let mut samples = leg.samples.clone();
            let keep: Vec<bool> = (0..leg.path.len()).map(|i| range.contains(&i)).collect();
            samples.retain(&keep);
            gx_tracks(s, &cut_path(&leg.path[range], &samples));
        }
        None => line_strings(s, &cut_path(&leg.path, &leg.samples)),
    }
    s.push_str("</Placemark>\n");
}

/// The points of a recorded leg that a `<gx:Track>` holds: all but its ends when those are the
/// stops' own positions without a time, provided every point between has a time; `None` when
/// some point has none (the leg is then a LineString).
fn timed_stretch(leg: &Leg) -> Option<std::ops::Range<usize>> {
    let times = &leg.samples.times;
    let n = times.len();
    if n < 2 {
        return None;
    }
    let start = usize::from(times[0].is_none());
    let end = n - usize::from(times[n - 1].is_none());
    (end > start + 1 && times[start..end].iter().all(Option::is_some)).then_some(start..end)
}

/// The parts of a leg as tessellated LineStrings (a MultiGeometry when there are several), with
/// altitudes where recorded.
fn line_strings(s: &mut String, cut: &CutLeg) {
    let multi = cut.parts.len() > 1;
    if multi {
        s.push_str("<MultiGeometry>");
    }
    for (p, part) in cut.parts.iter().enumerate() {
        s.push_str("<LineString><tessellate>1</tessellate><coordinates>");
        for (k, &(lon, lat)) in part.iter().enumerate() {
            if k > 0 {
                s.push(' ');
            }
            let _ = write!(s, "{},{}", degrees(lon), degrees(lat));
            if let Some(e) = cut.elevations_m.get(p).and_then(|e| e[k]) {
                let _ = write!(s, ",{}", altitude(e));
            }
        }
        s.push_str("</coordinates></LineString>");
    }
    if multi {
        s.push_str("</MultiGeometry>");
    }
}

/// The parts of a timed recorded leg as `<gx:Track>`s (in a `<gx:MultiTrack>` when there are
/// several): all `<when>`s, then all `<gx:coord>`s, as the schema orders them.
fn gx_tracks(s: &mut String, cut: &CutLeg) {
    let multi = cut.parts.len() > 1;
    if multi {
        s.push_str("<gx:MultiTrack>");
    }
    for (p, part) in cut.parts.iter().enumerate() {
        s.push_str("<gx:Track>");
        for t in cut.times[p].iter().flatten() {
            let _ = write!(s, "<when>{t}</when>");
        }
        for (k, &(lon, lat)) in part.iter().enumerate() {
            let _ = write!(s, "<gx:coord>{} {}", degrees(lon), degrees(lat));
            if let Some(e) = cut.elevations_m.get(p).and_then(|e| e[k]) {
                let _ = write!(s, " {}", altitude(e));
            }
            s.push_str("</gx:coord>");
        }
        s.push_str("</gx:Track>");
    }
    if multi {
        s.push_str("</gx:MultiTrack>");
    }
}

/// An altitude in metres to the centimetre.
fn altitude(m: f64) -> String {
    let r = (m * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    format!("{r}")
}

/// Stop `i` as a Placemark: its times, its fields as given in ExtendedData, its point.
fn placemark(s: &mut String, i: usize, route: &Route) {
    let rs = &route.stops[i];
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
    if let Some(mode) = st.mode {
        data(s, "mode", mode.name());
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
    day_and_trip(s, rs.day(), route, rs.trip);
    let _ = writeln!(
        s,
        "</ExtendedData><Point><coordinates>{},{}</coordinates></Point></Placemark>",
        degrees(rs.position.lon()),
        degrees(rs.position.lat())
    );
}

/// The `day` (ISO date, when known) and `trip` (its name, when it has one) that the layers'
/// columns of the same names hold.
fn day_and_trip(s: &mut String, day: Option<Date>, route: &Route, trip: usize) {
    if let Some(day) = day {
        data(s, "day", &day.to_string());
    }
    if let Some(name) = route.trip_name(trip) {
        data(s, "trip", name);
    }
}

/// One `<Data>` of an ExtendedData.
fn data(s: &mut String, name: &str, value: &str) {
    let _ = write!(
        s,
        "<Data name=\"{}\"><value>{}</value></Data>",
        escape(name),
        escape(value)
    );
}
