//! Geocoding against the embedded GeoNames gazetteer: queries with the place each must resolve
//! to (reference coordinates from city centres, within 10 km), misspellings that must fail with
//! suggestions, qualifiers, hints, and trips given by place names through the binary.

mod common;
use common::*;
use serde_json::Value;
use tripmap::geocode::{Gazetteer, GeocodeError, Hints, Kind, Level, find, lookup};
use tripmap::trig;

/// Great-circle distance in km (spherical; the tolerance is 10 km).
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let a = trig::sin((p2 - p1) / 2.0).powi(2)
        + trig::cos(p1) * trig::cos(p2) * trig::sin((lon2 - lon1).to_radians() / 2.0).powi(2);
    2.0 * 6371.0 * trig::asin(a.sqrt())
}

/// (query, country, latitude, longitude): where each query must land.
const EXPECTED: &[(&str, &str, f64, f64)] = &[
    ("Amman", "JO", 31.95, 35.93),
    ("Amman, Jordan", "JO", 31.95, 35.93),
    ("amman,jordan", "JO", 31.95, 35.93),
    ("Ramallah, West Bank", "PS", 31.90, 35.20),
    ("Ramallah", "PS", 31.90, 35.20),
    ("Washington, DC", "US", 38.90, -77.04),
    ("Washington, D.C.", "US", 38.90, -77.04),
    ("Washington DC", "US", 38.90, -77.04),
    ("Washington", "US", 38.90, -77.04),
    ("Paris", "FR", 48.857, 2.352),
    ("Paris, France", "FR", 48.857, 2.352),
    ("Paris, Texas", "US", 33.66, -95.55),
    ("Paris, TX", "US", 33.66, -95.55),
    ("Paris Texas", "US", 33.66, -95.55),
    ("Paris (Texas)", "US", 33.66, -95.55),
    ("Springfield, Illinois", "US", 39.80, -89.65),
    ("Springfield, IL", "US", 39.80, -89.65),
    ("Sao Paulo", "BR", -23.55, -46.63),
    ("São Paulo", "BR", -23.55, -46.63),
    ("SAO PAULO", "BR", -23.55, -46.63),
    ("Köln", "DE", 50.94, 6.96),
    ("Koln", "DE", 50.94, 6.96),
    ("Cologne", "DE", 50.94, 6.96),
    ("Kyiv", "UA", 50.45, 30.52),
    ("Kiev", "UA", 50.45, 30.52),
    ("Киев", "UA", 50.45, 30.52),
    ("Bombay", "IN", 19.08, 72.88),
    ("Mumbai", "IN", 19.08, 72.88),
    ("New York", "US", 40.71, -74.01),
    ("New York City", "US", 40.71, -74.01),
    ("NYC", "US", 40.71, -74.01),
    ("Tel Aviv", "IL", 32.08, 34.78),
    ("Jerusalem", "IL", 31.77, 35.22),
    ("Larnaca", "CY", 34.92, 33.63),
    ("Baghdad", "IQ", 33.34, 44.40),
    ("Ankara", "TR", 39.93, 32.86),
    ("Tokyo", "JP", 35.69, 139.69),
    ("Peking", "CN", 39.90, 116.40),
    ("Munich", "DE", 48.14, 11.58),
    ("München", "DE", 48.14, 11.58),
    ("Wien", "AT", 48.21, 16.37),
    ("Praha", "CZ", 50.09, 14.42),
    ("Lisboa", "PT", 38.72, -9.14),
    ("Москва", "RU", 55.75, 37.62),
    ("St. Petersburg", "RU", 59.94, 30.31),
    ("Calcutta", "IN", 22.57, 88.36),
    ("Madras", "IN", 13.08, 80.27),
    ("Bangalore", "IN", 12.97, 77.59),
    ("Saigon", "VN", 10.82, 106.63),
    ("Zurich", "CH", 47.37, 8.54),
    ("Den Haag", "NL", 52.08, 4.30),
    ("Cracow", "PL", 50.06, 19.94),
    ("Lodz", "PL", 51.77, 19.46),
    ("Montreal", "CA", 45.51, -73.59),
    ("Portland, Oregon", "US", 45.52, -122.68),
    ("Portland, Maine", "US", 43.66, -70.26),
    ("Portland, ME", "US", 43.66, -70.26),
    ("Cambridge, MA", "US", 42.37, -71.11),
    ("Cambridge, England", "GB", 52.21, 0.12),
    ("Cambridge, UK", "GB", 52.21, 0.12),
    ("London, Ontario", "CA", 42.98, -81.25),
    ("London, ON", "CA", 42.98, -81.25),
    ("Victoria, BC", "CA", 48.43, -123.37),
    ("Newcastle, NSW", "AU", -32.93, 151.78),
    ("Perth", "AU", -31.95, 115.86),
    ("Perth, Scotland", "GB", 56.40, -3.43),
    ("Birmingham, Alabama", "US", 33.52, -86.80),
    ("Santiago, Chile", "CL", -33.45, -70.67),
    ("Córdoba, Spain", "ES", 37.88, -4.77),
    ("Valencia, Venezuela", "VE", 10.16, -68.00),
    ("Hebron, West Bank", "PS", 31.53, 35.10),
    ("Bethlehem, West Bank", "PS", 31.70, 35.20),
    ("Bethlehem, Palestine", "PS", 31.70, 35.20),
    ("Gaza", "PS", 31.50, 34.47),
    ("Reykjavík", "IS", 64.14, -21.94),
    ("Mexico City", "MX", 19.43, -99.13),
    ("Cape Town", "ZA", -33.92, 18.42),
    ("Buenos Aires", "AR", -34.60, -58.38),
    ("Sydney", "AU", -33.87, 151.21),
    ("Nairobi", "KE", -1.29, 36.82),
    ("Rio", "BR", -22.91, -43.18),
    ("LA", "US", 34.05, -118.24),
];

#[test]
fn every_query_lands_within_10_km_of_its_place() {
    assert!(EXPECTED.len() >= 70);
    let mut wrong = Vec::new();
    for &(q, country, lat, lon) in EXPECTED {
        match lookup(q, &Hints::none()) {
            Ok(m) => {
                let d = km(m.place.lat, m.place.lon, lat, lon);
                if m.place.country != country || d > 10.0 {
                    wrong.push(format!(
                        "{q}: got {} ({}), {d:.1} km off",
                        m.label(),
                        m.place.country
                    ));
                }
            }
            Err(e) => wrong.push(format!("{q}: {e}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// (query, country, capital latitude, longitude): a country's name gives its capital.
const COUNTRIES: &[(&str, &str, f64, f64)] = &[
    ("Iraq", "IQ", 33.34, 44.40),
    ("Jordan", "JO", 31.95, 35.93),
    ("Israel", "IL", 31.77, 35.22),
    ("Japan", "JP", 35.69, 139.69),
    ("USA", "US", 38.90, -77.04),
    ("United Kingdom", "GB", 51.51, -0.13),
    ("Türkiye", "TR", 39.93, 32.86),
    ("Trinidad & Tobago", "TT", 10.67, -61.52),
];

#[test]
fn a_country_name_gives_its_capital_marked_country_level() {
    for &(q, country, lat, lon) in COUNTRIES {
        let m = lookup(q, &Hints::none()).unwrap_or_else(|e| panic!("{q}: {e}"));
        assert_eq!(m.level, Level::Country, "{q}");
        assert_eq!(m.place.country, country, "{q}");
        assert!(
            km(m.place.lat, m.place.lon, lat, lon) < 10.0,
            "{q}: {}",
            m.label()
        );
    }
    // A country without a capital is no place (not 0°, 0°).
    assert!(lookup("Antarctica", &Hints::none()).is_err());
    // A city is a city, even where it shares its country's name's first word.
    assert_eq!(lookup("Amman", &Hints::none()).unwrap().level, Level::City);
}

#[test]
fn misspellings_fail_with_the_intended_place_suggested() {
    for (q, want) in [
        ("Bagdhad", "Baghdad"),
        ("Jerusalme", "Jerusalem"),
        ("Pariss", "Paris"),
        ("Ammann", "Amman"),
        ("Tokyoo", "Tokyo"),
        ("Springfeld", "Springfield"),
        ("Kyivv", "Kyiv"),
        ("Larnacca", "Larnaca"),
        ("Ankarra", "Ankara"),
    ] {
        match lookup(q, &Hints::none()) {
            Err(GeocodeError::NotFound { suggestions, .. }) => assert!(
                suggestions.iter().any(|s| s.starts_with(want)),
                "{q}: {suggestions:?}"
            ),
            other => panic!("{q}: expected not found, got {other:?}"),
        }
    }
    // With a region, the suggestion is the place in that region.
    let e = lookup("Springfeld, Illinois", &Hints::none()).unwrap_err();
    assert!(
        e.to_string()
            .ends_with("did you mean Springfield, Illinois, United States?"),
        "{e}"
    );
    // A misspelt region is not ignored: it is an error suggesting the place in the right region.
    for (q, want) in [
        ("Paris, Texsa", "Paris, Texas, United States"),
        (
            "Springfield, Ilinois",
            "Springfield, Illinois, United States",
        ),
        (
            "Ramallah, Wes Bank",
            "Ramallah, West Bank, Palestinian Territory",
        ),
        ("Amman, Jordna", "Amman, Jordan"),
    ] {
        match lookup(q, &Hints::none()) {
            Err(GeocodeError::NotFound { suggestions, .. }) => assert_eq!(suggestions, [want]),
            other => panic!("{q}: expected not found, got {other:?}"),
        }
    }
    let e = lookup("Xyzzyqq", &Hints::none()).unwrap_err();
    assert_eq!(e.to_string(), "no place called `Xyzzyqq` in the gazetteer");
    assert_eq!(lookup(" ,. ", &Hints::none()), Err(GeocodeError::Empty));
}

#[test]
fn a_region_without_that_name_lists_where_it_is() {
    let e = lookup("Paris, Mexico", &Hints::none()).unwrap_err();
    let GeocodeError::NotInRegion { elsewhere, .. } = &e else {
        panic!("{e:?}");
    };
    assert!(
        elsewhere[0].starts_with("Paris, Île-de-France, France"),
        "{elsewhere:?}"
    );
    assert!(
        e.to_string()
            .starts_with("no place called `Paris` in Mexico"),
        "{e}"
    );
}

#[test]
fn similar_size_homonyms_warn_and_name_the_alternatives() {
    let m = lookup("Springfield", &Hints::none()).unwrap();
    assert_eq!(m.warnings.len(), 1, "{:?}", m.warnings);
    assert!(m.warnings[0].contains("ambiguous"), "{}", m.warnings[0]);
    assert!(
        m.warnings[0].contains("Springfield, Massachusetts"),
        "{}",
        m.warnings[0]
    );
    assert!(
        m.alternatives
            .iter()
            .any(|a| a.admin1.as_deref() == Some("Illinois"))
    );
    // Paris, France is far bigger than any other Paris: no warning.
    assert!(lookup("Paris", &Hints::none()).unwrap().warnings.is_empty());
    // An unknown qualifier is ignored, with a warning.
    let m = lookup("Amman, Narnia", &Hints::none()).unwrap();
    assert_eq!(m.place.country, "JO");
    assert!(m.warnings[0].contains("`Narnia`"), "{:?}", m.warnings);
}

#[test]
fn hints_choose_the_homonym_near_the_trip() {
    let mut hints = Hints::none();
    for q in ["Chicago", "Peoria"] {
        hints.add_match(&lookup(q, &Hints::none()).unwrap());
    }
    let m = lookup("Springfield", &hints).unwrap();
    assert_eq!(m.place.admin1.as_deref(), Some("Illinois"));
    assert!(
        m.warnings
            .iter()
            .any(|w| w.contains("on its own the name means")),
        "{:?}",
        m.warnings
    );
    let mut hints = Hints::none();
    hints.add_match(&lookup("Jerusalem", &Hints::none()).unwrap());
    assert_eq!(lookup("Bethlehem", &hints).unwrap().place.country, "PS");
    let mut hints = Hints::none();
    hints.add_match(&lookup("Dallas", &Hints::none()).unwrap());
    assert_eq!(
        lookup("Paris", &hints).unwrap().place.admin1.as_deref(),
        Some("Texas")
    );
}

#[test]
fn results_are_deterministic_and_carry_every_field() {
    let a = lookup("Ramallah, West Bank", &Hints::none()).unwrap();
    let b = lookup("ramallah ,  west bank", &Hints::none()).unwrap();
    assert_eq!(
        (a.place.geonameid, &a.alternatives),
        (b.place.geonameid, &b.alternatives)
    );
    assert_eq!(a, lookup("Ramallah, West Bank", &Hints::none()).unwrap());
    assert_eq!(a.place.geonameid, 282239);
    assert_eq!(a.place.admin1.as_deref(), Some("West Bank"));
    assert_eq!(a.place.timezone.as_deref(), Some("Asia/Hebron"));
    assert!(a.place.population > 10_000);
    assert_eq!(a.place.country_name, "Palestinian Territory");
    let c = tripmap::geocode::country_by_name("iraq").unwrap();
    assert_eq!(
        (c.iso2.as_str(), c.iso3.as_str(), c.capital.as_deref()),
        ("IQ", "IRQ", Some("Baghdad"))
    );
    assert_eq!(tripmap::geocode::country_by_name("PSE").unwrap().iso2, "PS");
    assert!(tripmap::geocode::country_by_name("Atlantis").is_none());
}

#[test]
fn cli_geocode_prints_text_and_json_and_fails_on_unknown_names() {
    let o = tripmap(&["geocode", "Paris, TX", "Kiev"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Paris, TX -> Paris, Texas, United States (US)"),
        "{out}"
    );
    assert!(
        out.contains("Kiev -> Kyiv, Kyiv City, Ukraine (UA)"),
        "{out}"
    );
    let o = tripmap(&["geocode", "--json", "Springfield", "Bagdhad"]);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for key in [
        "name",
        "lat",
        "lon",
        "country",
        "admin1",
        "population",
        "timezone",
        "geonameid",
        "alternatives",
    ] {
        assert!(lines[0].get(key).is_some(), "{key} in {}", lines[0]);
    }
    assert_eq!(lines[0]["country"], "US");
    assert_eq!(lines[0]["alternatives"][0]["name"], "Springfield");
    assert_eq!(lines[1]["suggestions"][0], "Baghdad, Iraq");
    assert_stderr_has(&o, "did you mean Baghdad, Iraq?");
}

#[test]
fn a_trip_by_place_names_renders_with_gazetteer_facts() {
    let (dir, trip) = temp_file(
        "trip.json",
        r#"{"stops": [
          {"name": "Washington, D.C.", "depart": "2023-11-02T12:00"},
          {"name": "Tel Aviv", "arrive": "2023-11-03T08:00"},
          {"name": "Amman"},
          {"name": "Ramallah", "place": "Ramallah, West Bank"},
          {"name": "Iraq"}
        ]}"#,
    );
    let out = dir.path().join("out");
    let o = render_ok(trip.to_str().unwrap(), &out, &[]);
    assert_stderr_has(&o, "stop 5 \"Iraq\": `Iraq` is a country");
    let stops = read_json(&out.join("stops.geojson"));
    let f = &stops["features"];
    assert_eq!(f[3]["properties"]["geonameid"], 282239);
    assert_eq!(f[3]["properties"]["country"], "PS");
    assert_eq!(f[3]["properties"]["gaz_tz"], "Asia/Hebron");
    assert_eq!(f[4]["properties"]["place_lvl"], "country");
    // Local times without `tz` take the place's zone: 08:00 in Tel Aviv is 06:00 UTC.
    assert_eq!(f[1]["properties"]["tz"], "Asia/Jerusalem");
    assert_eq!(f[1]["properties"]["arr_utc"], "2023-11-03T06:00:00Z");
    let c = f[2]["geometry"]["coordinates"].as_array().unwrap();
    assert!(km(c[1].as_f64().unwrap(), c[0].as_f64().unwrap(), 31.95, 35.93) < 10.0);

    let out = stdout(&tripmap(&["check", trip.to_str().unwrap()]));
    assert!(
        out.contains("= Ramallah, West Bank, PS (GeoNames 282239)"),
        "{out}"
    );
    assert!(out.contains("= Baghdad, IQ, the capital"), "{out}");
}

#[test]
fn csv_place_and_country_columns_resolve() {
    let (_dir, trip) = temp_file(
        "trip.csv",
        "name,place,country\nHome,Paris,US\nWork,Portland,Maine\nNowhere Special,,\n",
    );
    let o = tripmap(&["check", trip.to_str().unwrap()]);
    assert!(!o.status.success());
    assert_stderr_has(
        &o,
        "stop 3 \"Nowhere Special\", field `name`: no place called `Nowhere Special` in the gazetteer; the gazetteer has places of 1,000+ people: give `lat` and `lon` for others",
    );
    std::fs::write(
        &trip,
        "name,place,country\nHome,Paris,US\nWork,Portland,Maine\n",
    )
    .unwrap();
    let o = tripmap(&["check", trip.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    // The country column narrows Paris to the US; the next stop, in Maine, picks Paris, Maine.
    assert!(out.contains("= Paris, Maine, US"), "{out}");
    assert!(
        out.contains("on its own the name means Paris, Texas"),
        "{out}"
    );
    assert!(out.contains("= Portland, Maine, US"), "{out}");
}

#[test]
fn an_unknown_place_names_the_stop_and_field() {
    let (dir, trip) = temp_file(
        "trip.json",
        r#"{"stops": [{"name": "Amman"}, {"name": "Work", "place": "Bagdhad"}, {"name": "Qqqzzq"}, {"name": "Ankara"}, {"name": "Zzqqx"}]}"#,
    );
    let o = tripmap(&[
        "render",
        trip.to_str().unwrap(),
        "-o",
        dir.path().join("o").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(
        &o,
        "stop 2 \"Work\", field `place`: no place called `Bagdhad` in the gazetteer; did you mean Baghdad, Iraq?",
    );
    assert_stderr_has(
        &o,
        " (not found either: stop 3 \"Qqqzzq\", stop 5 \"Zzqqx\")",
    );
    assert!(!dir.path().join("o").exists(), "no output on error");
}

#[test]
fn the_reference_trip_without_coordinates_lands_where_it_was() {
    let bytes = std::fs::read(root().join("data/trips/blinken-2023-11.json")).unwrap();
    let given = tripmap::io::read(&bytes, tripmap::io::Format::Json).unwrap();
    let mut by_name = given.clone();
    for s in &mut by_name.stops {
        s.position = None;
    }
    let resolved = tripmap::geocode::resolve(by_name).unwrap();
    for (a, b) in given.stops.iter().zip(&resolved.itinerary.stops) {
        let (p, q) = (a.position.unwrap(), b.position.unwrap());
        let d = km(p.lat(), p.lon(), q.lat(), q.lon());
        assert!(d < 10.0, "{}: {d:.1} km from the given coordinates", a.name);
    }
    assert!(resolved.warnings.is_empty(), "{:?}", resolved.warnings);
    let route =
        tripmap::pipeline::plan(&resolved.itinerary, tripmap::routing::Order::Time).unwrap();
    assert_eq!(route.credits(), ["GeoNames (CC BY 4.0)"]);
    let plain = tripmap::pipeline::plan(&given, tripmap::routing::Order::Time).unwrap();
    assert!(plain.credits().is_empty() && !plain.used_gazetteer());
}

#[test]
fn coordinates_with_local_times_but_no_tz_take_the_nearest_places_zone() {
    let (dir, trip) = temp_file(
        "trip.csv",
        "name,lat,lon,arrive\nNear Peoria,40.70,-89.60,2024-06-02T12:30\nAtlantic,30,-40,2024-06-03T12:00\n",
    );
    let out = dir.path().join("out");
    let o = render_ok(trip.to_str().unwrap(), &out, &[]);
    assert_stderr_has(
        &o,
        "stop 1 \"Near Peoria\": no `tz` for its local times; took America/Chicago from the nearest place, Peoria, Illinois",
    );
    assert_stderr_has(
        &o,
        "stop 2 \"Atlantic\": no `tz` for its local times, and no place within 50 km",
    );
    let stops = read_json(&out.join("stops.geojson"));
    let p = &stops["features"][0]["properties"];
    assert_eq!(p["tz"], "America/Chicago");
    assert_eq!(p["arr_utc"], "2024-06-02T17:30:00Z");
    assert_eq!(p["tz_from_id"], 4905687);
    assert_eq!(stops["features"][1]["properties"]["arr_utc"], Value::Null);
}

#[test]
fn find_is_lookup_without_suggestions() {
    let g = tripmap::geocode::Gazetteer::get();
    assert_eq!(
        g.find("Paris, TX", &Hints::none()),
        g.lookup("Paris, TX", &Hints::none()).ok()
    );
    assert_eq!(tripmap::geocode::find("Bagdhad", &Hints::none()), None);
    // A misspelt qualifier is no match for `find` either (not Paris, France).
    assert_eq!(tripmap::geocode::find("Paris, Texsa", &Hints::none()), None);
}

#[test]
fn cli_near_gives_context_and_a_country_lists_its_namesake_towns() {
    let o = tripmap(&["geocode", "Springfield", "--near", "Chicago", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(m["admin1"], "Illinois");
    let o = tripmap(&["geocode", "Springfield", "--near", "Qqqzzq"]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "--near: no place called `Qqqzzq`");
    let jordan = lookup("Jordan", &Hints::none()).unwrap();
    assert_eq!(jordan.level, Level::Country);
    assert!(
        jordan
            .alternatives
            .iter()
            .any(|p| p.admin1.as_deref() == Some("Minnesota")),
        "{:?}",
        jordan.alternatives
    );
}

/// Places travellers go that are not big cities: the sample behind the choice of places of
/// 1,000+ people (data/README.md: 38 of these with places of 15,000+, 60 with 5,000+).
const DESTINATIONS: &[&str] = &[
    "Zermatt",
    "Chamonix-Mont-Blanc",
    "Grindelwald",
    "Hallstatt",
    "Giverny",
    "Positano",
    "Bled",
    "Wadi Musa",
    "Jericho",
    "Nazareth",
    "Bethlehem",
    "Banff",
    "Aspen",
    "Key West",
    "Sedona",
    "Moab",
    "Jackson",
    "Taos",
    "Interlaken",
    "Sankt Moritz",
    "Davos",
    "Kitzbuehel",
    "Rovaniemi",
    "Tromso",
    "Ubud",
    "Luang Prabang",
    "Siem Reap",
    "Hoi An",
    "Cusco",
    "Ushuaia",
    "El Calafate",
    "Queenstown",
    "Oia",
    "Mykonos",
    "Dubrovnik",
    "Kotor",
    "Mostar",
    "Cesky Krumlov",
    "Rothenburg ob der Tauber",
    "Carcassonne",
    "Saint-Tropez",
    "Portofino",
    "Sintra",
    "Ronda",
    "Gruyeres",
    "Bruges",
    "Assisi",
    "San Gimignano",
    "Amalfi",
    "Kyoto",
    "Nikko",
    "Hakone",
    "Reykjavik",
    "Vik",
    "Akureyri",
    "Lourdes",
    "Fatima",
    "Santiago de Compostela",
    "Oxford",
    "Stratford-upon-Avon",
    "Bath",
    "St Andrews",
    "Killarney",
    "Galway",
    "Tofino",
    "Whistler",
    "Niagara Falls",
    "Lake Placid",
    "Provincetown",
    "Bar Harbor",
    "Gatlinburg",
    "Ketchikan",
    "Skagway",
    "Hilo",
    "Lahaina",
];

#[test]
fn most_small_destinations_are_in_the_gazetteer() {
    assert_eq!(DESTINATIONS.len(), 75);
    let missing: Vec<&str> = DESTINATIONS
        .iter()
        .copied()
        .filter(|q| tripmap::geocode::find(q, &Hints::none()).is_none())
        .collect();
    // Villages under 1,000 people are not in the gazetteer.
    assert_eq!(missing, ["Hallstatt", "Giverny"]);
}

#[test]
fn regions_conflicts_and_common_words_are_not_places() {
    // A state is not a place: its biggest places are offered.
    match lookup("Texas", &Hints::none()) {
        Err(GeocodeError::NotFound { suggestions, .. }) => {
            assert_eq!(suggestions[0], "Houston, Texas, United States")
        }
        other => panic!("{other:?}"),
    }
    // Qualifiers that do not overlap hold nothing.
    let e = lookup("Paris, Texas, France", &Hints::none()).unwrap_err();
    assert!(matches!(e, GeocodeError::NotInRegion { .. }), "{e:?}");
    // Airport codes and common words listed as alternate names in GeoNames are not indexed.
    for word in ["The", "Sea", "Was", "Can't", "From", "North", "Air"] {
        if let Some(m) = tripmap::geocode::find(word, &Hints::none()) {
            assert!(
                !m.alternate_name,
                "{word} -> {} by an alternate name",
                m.label()
            );
        }
    }
}

#[test]
fn a_place_far_from_its_coordinates_is_warned_about() {
    let (_dir, trip) = temp_file(
        "trip.json",
        r#"{"stops": [
          {"name": "A", "place": "Amman", "lat": 35.95, "lon": 31.95},
          {"name": "B", "place": "Paris", "lat": 33.66, "lon": -95.55},
          {"name": "C", "place": "Baghdad", "lat": 33.34, "lon": 44.40}
        ]}"#,
    );
    let o = tripmap(&["check", trip.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("warning: stop 1 \"A\": `place` Amman, Jordan is 577 km from the given lat 35.95, lon 31.95 (are lat and lon swapped?); kept the coordinates"),
        "{out}"
    );
    // Paris next to Paris, Texas and Baghdad at Baghdad are fine.
    assert_eq!(out.matches("warning").count(), 1, "{out}");
}

/// (query, expected name, country, latitude, longitude): names in their own scripts, written as
/// people write them (with or without vowel points, accents, administrative suffixes).
const NATIVE: &[(&str, &str, &str, f64, f64)] = &[
    ("東京", "Tokyo", "JP", 35.69, 139.69),
    ("東京都", "Tokyo", "JP", 35.69, 139.69),
    ("دبي", "Dubai", "AE", 25.08, 55.31),
    ("Москва", "Moscow", "RU", 55.75, 37.62),
    ("москва", "Moscow", "RU", 55.75, 37.62),
    ("서울", "Seoul", "KR", 37.57, 126.98),
    ("서울특별시", "Seoul", "KR", 37.57, 126.98),
    ("北京", "Beijing", "CN", 39.91, 116.40),
    ("Αθήνα", "Athens", "GR", 37.98, 23.73),
    ("ΑΘΗΝΑ", "Athens", "GR", 37.98, 23.73),
    ("दिल्ली", "Delhi", "IN", 28.65, 77.23),
    ("กรุงเทพมหานคร", "Bangkok", "TH", 13.75, 100.50),
    ("ירושלים", "Jerusalem", "IL", 31.77, 35.22),
    ("יְרוּשָׁלַיִם", "Jerusalem", "IL", 31.77, 35.22),
    ("大阪", "Osaka", "JP", 34.69, 135.50),
    ("大阪市", "Osaka", "JP", 34.69, 135.50),
    ("القاهرة", "Cairo", "EG", 30.06, 31.25),
    ("القَاهِرَة", "Cairo", "EG", 30.06, 31.25),
    ("Київ", "Kyiv", "UA", 50.45, 30.52),
    ("Киев", "Kyiv", "UA", 50.45, 30.52),
    ("東京, Japan", "Tokyo", "JP", 35.69, 139.69),
    ("大阪、日本", "Osaka", "JP", 34.69, 135.50),
    // Towns of 5,000 to 100,000 people, in their own country's script.
    ("箱根", "Hakone", "JP", 35.19, 139.03),
    ("Суздаль", "Suzdal’", "RU", 56.42, 40.44),
    ("צפת", "Safed", "IL", 32.97, 35.50),
    ("Ναύπλιο", "Náfplio", "GR", 37.57, 22.80),
];

#[test]
fn native_script_names_find_their_places() {
    let mut wrong = Vec::new();
    for &(q, name, country, lat, lon) in NATIVE {
        match lookup(q, &Hints::none()) {
            Ok(m) => {
                let d = km(m.place.lat, m.place.lon, lat, lon);
                if m.place.name != name || m.place.country != country || d > 10.0 {
                    wrong.push(format!("{q}: got {} ({d:.1} km off)", m.label()));
                }
                assert!(m.alternate_name, "{q}: a native name is an alternate name");
            }
            Err(e) => wrong.push(format!("{q}: {e}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn native_names_follow_the_same_ranking_and_hints() {
    // A native name shared by several places: the bigger one, unless the trip is elsewhere.
    // "Springfield" in Cyrillic has no native entry for small US towns: it falls back to the
    // transliteration and ranks as the Latin name does.
    let cyrillic = lookup("Спрингфилд", &Hints::none()).unwrap();
    let latin = lookup("Springfield", &Hints::none()).unwrap();
    assert_eq!(cyrillic.place.geonameid, latin.place.geonameid);
    let mut hints = Hints::none();
    hints.add_match(&lookup("Chicago", &Hints::none()).unwrap());
    let near = lookup("Спрингфилд", &hints).unwrap();
    assert_eq!(near.place.admin1.as_deref(), Some("Illinois"));
    // A misspelt native name suggests the place.
    match lookup("Москвва", &Hints::none()) {
        Err(GeocodeError::NotFound { suggestions, .. }) => {
            assert!(suggestions[0].starts_with("Moscow, "), "{suggestions:?}")
        }
        other => panic!("{other:?}"),
    }
}

/// (query, IATA, ICAO, latitude, longitude): airports by code and by name.
const AIRPORTS: &[(&str, &str, &str, f64, f64)] = &[
    ("LHR", "LHR", "EGLL", 51.47, -0.45),
    ("EGLL", "LHR", "EGLL", 51.47, -0.45),
    ("Heathrow", "LHR", "EGLL", 51.47, -0.45),
    ("Heathrow Airport", "LHR", "EGLL", 51.47, -0.45),
    ("London Heathrow Airport", "LHR", "EGLL", 51.47, -0.45),
    ("JFK", "JFK", "KJFK", 40.64, -73.78),
    ("KJFK", "JFK", "KJFK", 40.64, -73.78),
    ("NBO", "NBO", "HKJK", -1.32, 36.93),
    (
        "Jomo Kenyatta International Airport",
        "NBO",
        "HKJK",
        -1.32,
        36.93,
    ),
    ("Jomo Kenyatta Airport", "NBO", "HKJK", -1.32, 36.93),
    ("FRA", "FRA", "EDDF", 50.04, 8.56),
    ("CDG", "CDG", "LFPG", 49.01, 2.55),
    ("Charles de Gaulle Airport", "CDG", "LFPG", 49.01, 2.55),
    ("O'Hare", "ORD", "KORD", 41.98, -87.90),
    ("Dulles Airport", "IAD", "KIAD", 38.94, -77.46),
    ("Narita International Airport", "NRT", "RJAA", 35.77, 140.39),
    ("Dubai International Airport", "DXB", "OMDB", 25.25, 55.36),
    ("Dubai Airport", "DXB", "OMDB", 25.25, 55.36),
];

#[test]
fn airports_resolve_by_iata_icao_and_name() {
    let mut wrong = Vec::new();
    for &(q, iata, icao, lat, lon) in AIRPORTS {
        match lookup(q, &Hints::none()) {
            Ok(m) => {
                let p = &m.place;
                let d = km(p.lat, p.lon, lat, lon);
                if p.kind != Kind::Airport
                    || p.iata.as_deref() != Some(iata)
                    || p.icao.as_deref() != Some(icao)
                    || d > 5.0
                {
                    wrong.push(format!(
                        "{q}: got {} {:?} ({d:.1} km off)",
                        m.label(),
                        p.kind
                    ));
                }
                assert!(
                    p.timezone.is_some(),
                    "{q}: a time zone from the nearest town"
                );
                assert_eq!(p.geonameid, 0);
                assert!(p.source_id.as_deref().unwrap().starts_with("ourairports:"));
            }
            Err(e) => wrong.push(format!("{q}: {e}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn codes_count_only_in_capitals_and_never_shadow_countries_or_words() {
    let g = Gazetteer::get();
    // Lower-case codes are names like any other.
    for q in ["lhr", "Lhr", "jfk"] {
        if let Some(m) = find(q, &Hints::none()) {
            assert_ne!(m.place.kind, Kind::Airport, "{q} -> {}", m.label());
        }
    }
    assert!(g.by_code("lhr").is_none());
    assert_eq!(
        g.by_code(" LHR ").unwrap().place.icao.as_deref(),
        Some("EGLL")
    );
    // Four capitals that are a town's name are the town; its airport goes by its own code.
    for (q, town) in [("LIMA", "Lima"), ("OSLO", "Oslo"), ("ROME", "Rome")] {
        let m = lookup(q, &Hints::none()).unwrap();
        assert_eq!(
            (m.place.kind, m.place.name.as_str()),
            (Kind::Town, town),
            "{q}"
        );
    }
    assert_eq!(
        lookup("SPJC", &Hints::none())
            .unwrap()
            .place
            .iata
            .as_deref(),
        Some("LIM")
    );
    // Country aliases written in capitals stay countries (USA is also an airport's IATA code).
    for q in ["USA", "UAE", "DRC"] {
        assert_eq!(
            lookup(q, &Hints::none()).unwrap().level,
            Level::Country,
            "{q}"
        );
    }
    // Words that are codes in capitals elsewhere stay words when written as words.
    for word in ["Sea", "Can", "Was", "Bad", "Man"] {
        if let Some(m) = find(word, &Hints::none()) {
            assert_eq!(m.place.kind, Kind::Town, "{word} -> {}", m.label());
        }
    }
    // Text scanning (`exact`) never reads codes and finds towns and countries only.
    assert!(g.exact("LHR", &Hints::none()).is_none());
    let town = g.exact("Heathrow", &Hints::none()).unwrap();
    assert_eq!(
        (town.place.kind, town.place.country.as_str()),
        (Kind::Town, "US")
    );
    let any = g.exact_any("Heathrow", &Hints::none()).unwrap();
    assert_eq!(any.place.iata.as_deref(), Some("LHR"));
    assert!(
        g.exact("Yellowstone National Park", &Hints::none())
            .is_none()
    );
    assert_eq!(
        g.exact_any("Yellowstone National Park", &Hints::none())
            .unwrap()
            .place
            .kind,
        Kind::Park
    );
}

/// (query, kind, expected name, country, latitude, longitude, time zone).
const SIGHTS: &[(&str, Kind, &str, &str, f64, f64, &str)] = &[
    (
        "Yellowstone",
        Kind::Park,
        "Yellowstone National Park",
        "US",
        44.6,
        -110.5,
        "America/Denver",
    ),
    (
        "Yellowstone National Park",
        Kind::Park,
        "Yellowstone National Park",
        "US",
        44.6,
        -110.5,
        "America/Denver",
    ),
    (
        "Kruger",
        Kind::Park,
        "Kruger National Park",
        "ZA",
        -24.0,
        31.5,
        "Africa/Johannesburg",
    ),
    (
        "Kruger National Park",
        Kind::Park,
        "Kruger National Park",
        "ZA",
        -24.0,
        31.5,
        "Africa/Johannesburg",
    ),
    (
        "Banff National Park",
        Kind::Park,
        "Banff National Park",
        "CA",
        51.5,
        -115.9,
        "America/Edmonton",
    ),
    (
        "Serengeti",
        Kind::Park,
        "Serengeti National Park",
        "TZ",
        -2.3,
        34.8,
        "Africa/Dar_es_Salaam",
    ),
    (
        "Grand Canyon",
        Kind::Park,
        "Grand Canyon National Park",
        "US",
        36.1,
        -112.1,
        "America/Phoenix",
    ),
    (
        "Uluru",
        Kind::Landmark,
        "Uluru",
        "AU",
        -25.34,
        131.04,
        "Australia/Darwin",
    ),
    (
        "Ayers Rock",
        Kind::Landmark,
        "Uluru",
        "AU",
        -25.34,
        131.04,
        "Australia/Darwin",
    ),
    (
        "Eiffel Tower",
        Kind::Landmark,
        "Eiffel Tower",
        "FR",
        48.858,
        2.294,
        "Europe/Paris",
    ),
    (
        "Machu Picchu",
        Kind::Landmark,
        "Machu Picchu",
        "PE",
        -13.16,
        -72.55,
        "America/Lima",
    ),
    (
        "Mount Rushmore",
        Kind::Landmark,
        "Mount Rushmore National Memorial",
        "US",
        43.88,
        -103.46,
        "America/Denver",
    ),
    (
        "Statue of Liberty",
        Kind::Landmark,
        "Statue of Liberty National Monument",
        "US",
        40.69,
        -74.04,
        "America/New_York",
    ),
    (
        "Taj Mahal",
        Kind::Landmark,
        "Taj Mahal",
        "IN",
        27.17,
        78.04,
        "Asia/Kolkata",
    ),
    (
        "Mount Everest",
        Kind::Mountain,
        "Mount Everest",
        "NP",
        27.99,
        86.93,
        "Asia/Kathmandu",
    ),
    (
        "Kilimanjaro",
        Kind::Mountain,
        "Mount Kilimanjaro",
        "TZ",
        -3.07,
        37.36,
        "Africa/Dar_es_Salaam",
    ),
    (
        "Mt Fuji",
        Kind::Landmark,
        "Mount Fuji",
        "JP",
        35.36,
        138.73,
        "Asia/Tokyo",
    ),
];

#[test]
fn parks_landmarks_and_mountains_resolve_with_their_kind_and_zone() {
    let mut wrong = Vec::new();
    for &(q, kind, name, country, lat, lon, zone) in SIGHTS {
        match lookup(q, &Hints::none()) {
            Ok(m) => {
                let p = &m.place;
                let d = km(p.lat, p.lon, lat, lon);
                // A park is placed at its visitor point or, for the biggest, its area's centre.
                let tolerance = if kind == Kind::Park { 60.0 } else { 25.0 };
                if p.kind != kind
                    || p.name != name
                    || p.country != country
                    || d > tolerance
                    || p.timezone.as_deref() != Some(zone)
                {
                    wrong.push(format!(
                        "{q}: got {} {:?} {:?} ({d:.1} km off)",
                        m.label(),
                        p.kind,
                        p.timezone
                    ));
                }
                assert_eq!(p.population, 0, "{q}: not a town");
            }
            Err(e) => wrong.push(format!("{q}: {e}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn towns_keep_their_names_beside_parks_and_airports() {
    // A town's own name beats a park's or airport's short name unless the town is far smaller.
    let banff = lookup("Banff", &Hints::none()).unwrap();
    assert_eq!(
        (banff.place.kind, banff.place.country.as_str()),
        (Kind::Town, "CA")
    );
    // The city of Narita is the town; its airport is "Narita Airport" or NRT.
    let narita = lookup("Narita", &Hints::none()).unwrap();
    assert_eq!(narita.place.kind, Kind::Town);
    let airport = lookup("Narita Airport", &Hints::none()).unwrap();
    assert_eq!(airport.place.iata.as_deref(), Some("NRT"));
    // Heathrow, Florida (5,896 people) is listed when the airport wins, and a qualifier picks it.
    let heathrow = lookup("Heathrow", &Hints::none()).unwrap();
    assert_eq!(heathrow.place.kind, Kind::Airport);
    assert!(
        heathrow
            .alternatives
            .iter()
            .any(|a| a.kind == Kind::Town && a.country == "US")
    );
    let florida = lookup("Heathrow, Florida", &Hints::none()).unwrap();
    assert_eq!(
        (florida.place.kind, florida.place.name.as_str()),
        (Kind::Town, "Heathrow")
    );
    // A trip near Orlando means the town.
    let mut hints = Hints::none();
    hints.add_match(&lookup("Orlando", &Hints::none()).unwrap());
    assert_eq!(lookup("Heathrow", &hints).unwrap().place.kind, Kind::Town);
    // Places that are not towns never give a stop its time zone by nearness, nor stand for a
    // region's biggest places.
    let (nearest, _) = Gazetteer::get()
        .nearest(51.4706, -0.4619, 50_000.0)
        .unwrap();
    assert_eq!(nearest.kind, Kind::Town);
}

#[test]
fn cli_geocode_reports_kind_and_codes() {
    let o = tripmap(&["geocode", "LHR", "Yellowstone", "東京"]);
    let out = stdout(&o);
    assert!(
        out.contains(
            "LHR -> London Heathrow Airport, England, United Kingdom (GB), airport LHR / EGLL"
        ),
        "{out}"
    );
    assert!(out.contains("ourairports:2434"), "{out}");
    assert!(
        out.contains("Yellowstone -> Yellowstone National Park"),
        "{out}"
    );
    assert!(out.contains(", park\n"), "{out}");
    assert!(out.contains("東京 -> Tokyo, Japan (JP)\n"), "{out}");
    let o = tripmap(&["geocode", "--json", "EGLL", "Tokyo"]);
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["kind"], "airport");
    assert_eq!(lines[0]["iata"], "LHR");
    assert_eq!(lines[0]["icao"], "EGLL");
    assert_eq!(lines[0]["source_id"], "ourairports:2434");
    assert_eq!(lines[1]["kind"], "town");
    assert!(lines[1].get("iata").is_none() && lines[1].get("source_id").is_none());
}

#[test]
fn a_trip_through_an_airport_and_a_park_carries_their_kind() {
    let (dir, trip) = temp_file(
        "trip.json",
        r#"{"stops": [
          {"name": "Arrival", "place": "NBO"},
          {"name": "Safari", "place": "Maasai Mara"},
          {"name": "大阪"}
        ]}"#,
    );
    let out = dir.path().join("out");
    render_ok(trip.to_str().unwrap(), &out, &[]);
    let stops = read_json(&out.join("stops.geojson"));
    let f = &stops["features"];
    assert_eq!(f[0]["properties"]["place_kind"], "airport");
    assert_eq!(f[0]["properties"]["iata"], "NBO");
    assert_eq!(f[0]["properties"]["icao"], "HKJK");
    assert!(f[0]["properties"]["geonameid"].is_null());
    assert_eq!(f[0]["properties"]["gaz_tz"], "Africa/Nairobi");
    assert_eq!(f[1]["properties"]["place_kind"], "park");
    assert_eq!(
        f[1]["properties"]["place_id"],
        "tripmap:maasai-mara-national-reserve"
    );
    assert_eq!(f[2]["properties"]["gaz_name"], "Osaka");
    assert_eq!(f[2]["properties"]["geonameid"], 1853909);
    assert!(f[2]["properties"]["place_kind"].is_null());
}
