//! Property tests: random valid trips anywhere on Earth (poles, ±180°, duplicate places, 1..500
//! stops, random dates and time zones from jiff's bundled tzdb) go through the reader and the whole
//! pipeline without panicking, and the results keep their promises: GeoJSON within RFC 7946
//! ranges with lines cut at ±180°, a bbox containing everything, routing a permutation of the
//! input, finite non-negative distances, time order under `Order::Time`.
//! 64 cases per property (32 for the map, which draws a whole SVG per case), a few seconds in debug
//! builds; set `PROPTEST_CASES` to run more, e.g. `PROPTEST_CASES=5000` for a long soak.

use proptest::prelude::*;
use serde_json::{Value, json};
use tripmap::io::{self, Format};
use tripmap::pipeline::{self, RenderOptions};
use tripmap::routing::Order;

/// Cases per property: `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn zones() -> Vec<String> {
    // The zones tripmap knows: those of the database bundled in it (not the machine's, which
    // may hold names such as `localtime` that are no IANA zone).
    let mut z: Vec<String> = jiff::tz::TimeZoneDatabase::bundled()
        .available()
        .map(|n| n.to_string())
        .collect();
    z.sort();
    z
}

/// A coordinate that favours the awkward places: poles, ±180°, 0.
fn coord(limit: f64) -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(limit),
        Just(-limit),
        Just(0.0),
        (-limit..=limit),
        ((limit - 1.0)..=limit),
        ((-limit)..=(1.0 - limit)),
    ]
}

#[derive(Debug, Clone)]
struct GenStop {
    lat: f64,
    lon: f64,
    /// Days since 2000-01-01 and minute of the day.
    day: i64,
    minute: i64,
    zone: usize,
}

fn stops() -> impl Strategy<Value = Vec<GenStop>> {
    let one = (
        coord(90.0),
        coord(180.0),
        0i64..11_000,
        0i64..1440,
        any::<usize>(),
    )
        .prop_map(|(lat, lon, day, minute, zone)| GenStop {
            lat,
            lon,
            day,
            minute,
            zone,
        });
    // Duplicates: sometimes repeat earlier stops' places.
    (prop::collection::vec(one, 1..500), any::<bool>()).prop_map(|(mut v, dup)| {
        if dup && v.len() > 2 {
            let n = v.len();
            for i in (0..n).step_by(3) {
                let j = (i * 7) % n;
                v[i].lat = v[j].lat;
                v[i].lon = v[j].lon;
            }
        }
        v
    })
}

/// The civil arrival time of a stop, `YYYY-MM-DDTHH:MM`, kept at noon-ish to stay clear of DST gaps.
fn civil(s: &GenStop) -> jiff::civil::DateTime {
    let date = jiff::civil::date(2000, 1, 1)
        .checked_add(jiff::Span::new().days(s.day))
        .unwrap();
    date.at(10 + (s.minute / 60 % 4) as i8, (s.minute % 60) as i8, 0, 0)
}

fn trip_json(stops: &[GenStop], zones: &[String]) -> String {
    let stops: Vec<Value> = stops
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "name": format!("Stop {i}"),
                "lat": s.lat,
                "lon": s.lon,
                "arrive": civil(s).to_string(),
                "tz": zones[s.zone % zones.len()],
            })
        })
        .collect();
    json!({"title": "Property trip", "stops": stops}).to_string()
}

fn points(geometry: &Value) -> Vec<Vec<(f64, f64)>> {
    let pt = |p: &Value| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
    let c = &geometry["coordinates"];
    match geometry["type"].as_str().unwrap() {
        "Point" => vec![vec![pt(c)]],
        "LineString" => vec![c.as_array().unwrap().iter().map(pt).collect()],
        "MultiLineString" => c
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_array().unwrap().iter().map(pt).collect())
            .collect(),
        other => panic!("unexpected geometry {other}"),
    }
}

fn in_bbox(b: &[f64], (x, y): (f64, f64)) -> bool {
    let e = 1e-9;
    let lat_ok = b[1] - e <= y && y <= b[3] + e;
    let lon_ok = if b[0] <= b[2] {
        b[0] - e <= x && x <= b[2] + e
    } else {
        x >= b[0] - e || x <= b[2] + e
    };
    lat_ok && lon_ok
}

/// Checks one GeoJSON layer against RFC 7946: ranges, no line jumping across ±180°, bbox.
fn check_layer(text: &[u8]) -> Result<(), TestCaseError> {
    let fc: Value = serde_json::from_slice(text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(fc["type"].as_str(), Some("FeatureCollection"));
    let bbox = fc["bbox"]
        .as_array()
        .map(|b| b.iter().map(|v| v.as_f64().unwrap()).collect::<Vec<f64>>());
    for f in fc["features"].as_array().unwrap() {
        let parts = points(&f["geometry"]);
        let multi = parts.len() > 1;
        for part in &parts {
            for w in part.windows(2) {
                prop_assert!(
                    (w[1].0 - w[0].0).abs() <= 180.0,
                    "line jumps across ±180°: {:?}",
                    w
                );
            }
            for &(x, y) in part {
                prop_assert!((-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y));
                if let Some(b) = &bbox {
                    prop_assert!(in_bbox(b, (x, y)), "{:?} outside bbox {:?}", (x, y), b);
                }
            }
        }
        if multi {
            // A cut leg: every inner end of a part sits on the antimeridian.
            for pair in parts.windows(2) {
                let end = pair[0].last().unwrap().0;
                let start = pair[1][0].0;
                prop_assert!(end.abs() == 180.0 && start.abs() == 180.0, "{end} {start}");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn any_trip_renders_valid_geojson_and_a_permutation(stops in stops(), by_time in any::<bool>()) {
        let zones = zones();
        let text = trip_json(&stops, &zones);
        let itinerary = io::read(text.as_bytes(), Format::Json)
            .map_err(|e| TestCaseError::fail(format!("read: {e}")))?;
        let order = if by_time { Order::Time } else { Order::AsGiven };
        let mut options = RenderOptions::default();
        options.order = order;
        options.formats = vec![tripmap::render::OutputFormat::GeoJson];
        let rendered = pipeline::render(&itinerary, &options)
            .map_err(|e| TestCaseError::fail(format!("render: {e}")))?;
        let route = &rendered.route;

        let mut seen: Vec<usize> = route.stops.iter().map(|s| s.input_index).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..stops.len()).collect::<Vec<_>>());

        for leg in &route.legs {
            prop_assert!(leg.distance_m.is_finite() && leg.distance_m >= 0.0);
            prop_assert!((0.0..360.0).contains(&leg.bearing_deg) || leg.distance_m == 0.0);
        }
        prop_assert!(route.total_distance_m().is_finite() && route.total_distance_m() >= 0.0);

        if by_time {
            let instants: Vec<jiff::Timestamp> = route
                .stops
                .iter()
                .map(|s| {
                    let g = &stops[s.input_index];
                    // The bundled database, as tripmap reads it: the machine's may be older
                    // (Canada/Mountain on 3 Jan 2027 is UTC-6 in one and UTC-7 in the other).
                    let tz = jiff::tz::TimeZoneDatabase::bundled()
                        .get(&zones[g.zone % zones.len()])
                        .unwrap();
                    tz.to_ambiguous_timestamp(civil(g)).compatible().unwrap()
                })
                .collect();
            for w in instants.windows(2) {
                prop_assert!(w[0] <= w[1], "time order broken: {} then {}", w[0], w[1]);
            }
        } else {
            let order: Vec<usize> = route.stops.iter().map(|s| s.input_index).collect();
            prop_assert_eq!(order, (0..stops.len()).collect::<Vec<_>>());
        }

        for f in &rendered.files {
            check_layer(&f.bytes)?;
        }
    }

    #[test]
    fn rendering_is_deterministic(stops in stops()) {
        let zones = zones();
        let text = trip_json(&stops, &zones);
        let itinerary = io::read(text.as_bytes(), Format::Json).unwrap();
        let a = pipeline::render(&itinerary, &RenderOptions::default()).unwrap();
        let b = pipeline::render(&itinerary, &RenderOptions::default()).unwrap();
        for (x, y) in a.files.iter().zip(&b.files) {
            prop_assert_eq!(&x.bytes, &y.bytes);
        }
    }
}

proptest! {
    // Drawing the map is the slow part: fewer cases, at most 40 stops each.
    #![proptest_config(ProptestConfig::with_cases(cases(32)))]

    /// Any trip draws a well-formed `map.svg` in which every stop has a marker (a place visited
    /// twice shares one marker: `data-stop="1 3"`; a crowded map draws some as small dots).
    #[test]
    fn any_trip_draws_a_wellformed_map_with_every_stop(
        stops in stops().prop_map(|mut v| { v.truncate(40); v }),
    ) {
        let zones = zones();
        let text = trip_json(&stops, &zones);
        let itinerary = io::read(text.as_bytes(), Format::Json)
            .map_err(|e| TestCaseError::fail(format!("read: {e}")))?;
        let mut options = RenderOptions::default();
        options.formats = vec![tripmap::render::OutputFormat::Svg];
        let rendered = pipeline::render(&itinerary, &options)
            .map_err(|e| TestCaseError::fail(format!("render: {e}")))?;
        let svg = rendered.files.iter().find(|f| f.name == "map.svg").expect("map.svg");
        let svg = std::str::from_utf8(&svg.bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let doc = roxmltree::Document::parse(svg).map_err(|e| TestCaseError::fail(format!("XML: {e}")))?;
        // Every marker, numbered or small, names the stops it stands for in `data-stop`.
        let mut numbers = std::collections::BTreeSet::new();
        for n in doc.descendants().filter(|n| {
            n.attribute("class").is_some_and(|c| c.ends_with("-marker"))
        }) {
            for part in n.attribute("data-stop").unwrap_or("").split_whitespace() {
                if let Ok(k) = part.parse::<usize>() {
                    numbers.insert(k);
                }
            }
        }
        for k in 1..=stops.len() {
            prop_assert!(numbers.contains(&k), "stop {} has no marker: {:?}", k, numbers);
        }
    }
}
