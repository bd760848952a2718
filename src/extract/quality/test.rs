//! Tests of the scorer: stops in order and in any order, dates, countries, empty lists.

use super::*;

fn at(lat: f64, lon: f64, country: &str, date: Option<Date>) -> FoundStop {
    FoundStop {
        at: LonLat::new(lon, lat).unwrap(),
        country: country.into(),
        date,
    }
}

fn town(name: &str, lat: f64, lon: f64, date: Option<Date>) -> ExpectedStop {
    ExpectedStop {
        name: name.into(),
        country: "XX".into(),
        level: Level::Town,
        lat: Some(lat),
        lon: Some(lon),
        date,
    }
}

fn want(stops: Vec<ExpectedStop>) -> Expected {
    Expected {
        published: None,
        genre: "test".into(),
        stops,
    }
}

#[test]
fn in_order_any_order_and_dates() {
    let d = |day| Some(jiff::civil::date(2024, 1, day));
    let w = want(vec![
        town("A", 0.0, 0.0, d(1)),
        town("B", 0.0, 10.0, d(2)),
        town("C", 0.0, 20.0, None),
    ]);
    // B and A swapped, C 30 km off (a match), one extra stop far away.
    let got = [
        at(0.0, 10.0, "XX", d(2)),
        at(0.0, 0.0, "XX", d(1)),
        at(0.27, 20.0, "XX", None),
        at(40.0, 40.0, "YY", None),
    ];
    let s = score_stops(&got, &w);
    assert_eq!((s.in_order, s.any_order, s.found, s.expected), (2, 3, 4, 3));
    assert_eq!((s.dates_given, s.dates_right), (2, 1));
    assert!((s.mean_order() - 2.0 / 3.0).abs() < 1e-9);
    let (p, r) = (0.5, 2.0 / 3.0);
    assert!((s.mean_f1() - 2.0 * p * r / (p + r)).abs() < 1e-9);
    // 60 km off is no match.
    let s = score_stops(
        &[at(0.54, 0.0, "XX", d(1))],
        &want(vec![town("A", 0.0, 0.0, d(1))]),
    );
    assert_eq!((s.in_order, s.dates_right), (0, 0));
}

#[test]
fn a_country_matches_any_stop_in_it() {
    let w = want(vec![ExpectedStop {
        name: "Iraq".into(),
        country: "IQ".into(),
        level: Level::Country,
        lat: None,
        lon: None,
        date: None,
    }]);
    assert_eq!(score_stops(&[at(36.0, 44.0, "IQ", None)], &w).in_order, 1);
    assert_eq!(score_stops(&[at(36.0, 44.0, "SY", None)], &w).in_order, 0);
}

#[test]
fn empty_lists() {
    let s = score_stops(&[], &want(vec![]));
    assert_eq!((s.mean_f1(), s.mean_order()), (1.0, 1.0));
    let s = score_stops(&[at(0.0, 0.0, "XX", None)], &want(vec![]));
    assert_eq!(s.mean_f1(), 0.0);
    assert!(
        want(vec![ExpectedStop {
            lat: None,
            ..town("A", 0.0, 0.0, None)
        }])
        .check()
        .is_err()
    );
}
