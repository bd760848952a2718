//! Tests of resolving an itinerary: placed stops, hints, errors naming the stop and field.

use super::*;
use crate::model::LonLat;

fn stop(name: &str, place: Option<&str>) -> Stop {
    let mut s = Stop::named(name);
    s.place = place.map(str::to_string);
    s
}

#[test]
fn places_only_the_stops_without_coordinates_using_their_neighbours() {
    let mut chicago = Stop::named("Chicago");
    chicago.position = Some(LonLat::new(-87.65, 41.85).unwrap());
    let itinerary = Itinerary {
        stops: vec![
            chicago,
            stop("Springfield", None),
            stop("Lunch", Some("Peoria")),
        ],
        ..Default::default()
    };
    let r = resolve(itinerary).unwrap();
    assert!(
        r.itinerary.stops[0].resolved.is_empty(),
        "given coordinates stay"
    );
    let springfield = &r.itinerary.stops[1];
    let get = |s: &Stop, k: &str| {
        s.resolved
            .iter()
            .find(|(key, _)| key == k)
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(get(springfield, "admin1"), "Illinois");
    assert_eq!(springfield.tz.as_ref().unwrap().name, "America/Chicago");
    assert_eq!(get(&r.itinerary.stops[2], "gazetteer_name"), "Peoria");
    assert_eq!(r.matches.len(), 2);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.starts_with("stop 2 \"Springfield\": ")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_given_time_zone_is_kept_and_errors_name_the_field() {
    let mut amman = stop("Amman", None);
    amman.tz = Some(Zone {
        name: "UTC".into(),
        tz: jiff::tz::TimeZone::UTC,
    });
    let r = resolve(Itinerary {
        stops: vec![amman],
        ..Default::default()
    })
    .unwrap();
    assert_eq!(r.itinerary.stops[0].tz.as_ref().unwrap().name, "UTC");
    let e = resolve(Itinerary {
        stops: vec![stop("Office", Some("Qqqzzq"))],
        ..Default::default()
    })
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("stop 1 \"Office\", field `place`: no place called `Qqqzzq`"),
        "{e}"
    );
}
