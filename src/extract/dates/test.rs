//! Tests of date expressions: absolute forms, weekdays and tense, days of the trip, datelines.

use super::super::tokens::tokenize;
use super::*;
use jiff::civil::date;

fn first(s: &str) -> Expr {
    find(&tokenize(s, 0, s.len()))[0].expr
}

#[test]
fn absolute_forms() {
    assert_eq!(
        first("on June 25 he"),
        Expr::Day {
            month: 6,
            day: 25,
            year: None,
            to: None
        }
    );
    assert_eq!(
        first("from March 14 to 23, 2024"),
        Expr::Day {
            month: 3,
            day: 14,
            year: Some(2024),
            to: Some((3, 23))
        }
    );
    assert_eq!(
        first("September 9 and 10"),
        Expr::Day {
            month: 9,
            day: 9,
            year: None,
            to: Some((9, 10))
        }
    );
    assert_eq!(
        first("on 3 Nov. 2023"),
        Expr::Day {
            month: 11,
            day: 3,
            year: Some(2023),
            to: None
        }
    );
    assert_eq!(
        first("Sept. 9-10"),
        Expr::Day {
            month: 9,
            day: 9,
            year: None,
            to: Some((9, 10))
        }
    );
    let s = "he may go";
    assert!(find(&tokenize(s, 0, s.len())).is_empty());
}

#[test]
fn weekdays_follow_tense() {
    let monday = date(2023, 11, 6);
    let at = |future| Anchors {
        reference: monday,
        future,
        previous: None,
        trip_start: None,
    };
    let r = |e, f| resolve(&e, &at(f)).unwrap().from;
    assert_eq!(
        r(Expr::Weekday(Weekday::Friday, 0), false),
        date(2023, 11, 3)
    );
    assert_eq!(r(Expr::Weekday(Weekday::Monday, 0), false), monday);
    assert_eq!(
        r(Expr::Weekday(Weekday::Friday, 0), true),
        date(2023, 11, 10)
    );
    assert_eq!(
        r(Expr::Weekday(Weekday::Monday, 1), false),
        date(2023, 11, 13)
    );
    assert_eq!(
        r(
            Expr::Day {
                month: 12,
                day: 30,
                year: None,
                to: None
            },
            false
        ),
        date(2023, 12, 30)
    );
    assert_eq!(
        r(
            Expr::Day {
                month: 1,
                day: 2,
                year: None,
                to: None
            },
            false
        ),
        date(2024, 1, 2)
    );
    let prev = resolve(&Expr::Weekday(Weekday::Saturday, 0), &at(false)).unwrap();
    let after = Anchors {
        previous: Some(&prev),
        ..at(false)
    };
    assert_eq!(
        resolve(&Expr::SameDay, &after).unwrap().from,
        date(2023, 11, 4)
    );
    assert_eq!(
        resolve(&Expr::DayAfter(1), &after).unwrap().from,
        date(2023, 11, 5)
    );
}

#[test]
fn days_of_the_trip() {
    assert_eq!(
        first("on the last day of her five-day tour"),
        Expr::LastDay(Some(5))
    );
    assert_eq!(first("on the last day we flew"), Expr::LastDay(None));
    assert_eq!(
        first("Day 2-3 – Sossusvlei"),
        Expr::TripDay { n: 2, to: Some(3) }
    );
    assert_eq!(first("on day ten"), Expr::TripDay { n: 10, to: None });
    assert_eq!(
        first("the third day of the trip"),
        Expr::TripDay { n: 3, to: None }
    );
    assert_eq!(
        first("Sat 28 June"),
        Expr::Day {
            month: 6,
            day: 28,
            year: None,
            to: None
        }
    );
    assert_eq!(
        first("14 & 16 May"),
        Expr::Day {
            month: 5,
            day: 14,
            year: None,
            to: Some((5, 16))
        }
    );
    let s = "she sat down on Sat";
    assert!(find(&tokenize(s, 0, s.len())).is_empty());
    let start = Anchors {
        reference: date(2025, 2, 3),
        future: true,
        previous: None,
        trip_start: Some(date(2025, 2, 4)),
    };
    assert_eq!(
        resolve(&Expr::LastDay(Some(7)), &start).unwrap().from,
        date(2025, 2, 10)
    );
    let span = resolve(&Expr::TripDay { n: 2, to: Some(3) }, &start).unwrap();
    assert_eq!((span.from, span.to), (date(2025, 2, 5), date(2025, 2, 6)));
    assert!(
        resolve(
            &Expr::TripDay { n: 2, to: None },
            &Anchors {
                trip_start: None,
                ..start
            }
        )
        .is_none()
    );
}

#[test]
fn tense() {
    let f = |s: &str| is_future(&tokenize(s, 0, s.len()));
    assert!(f("The envoy will travel to Paris"));
    assert!(f("The Secretary is traveling to Paris"));
    assert!(f("and then we'll see"));
    assert!(!f("She left Oslo for Rome on Monday"));
    // By clause: a past verb in the day's clause wins over "will" in another one.
    let at = |s: &str, day: &str| {
        let t = tokenize(s, 0, s.len());
        future_at(&t, t.iter().position(|x| x.text == day).unwrap())
    };
    let s = "She flew to Rome on Wednesday after talks in Paris on Tuesday, and will travel to Athens on Friday.";
    assert!(!at(s, "Wednesday"));
    assert!(!at(s, "Tuesday"));
    assert!(at(s, "Friday"));
    assert!(at(
        "On Thursday he is scheduled to fly to Lima.",
        "Thursday"
    ));
    assert!(!at(
        "Hours after meeting him on Friday, she said there would be no pause.",
        "Friday"
    ));
    assert!(!at(
        "She flew to Oslo on Sunday and will go on to Rome.",
        "Sunday"
    ));
    let s = "He left Oslo on Sunday for a tour that will take him to Rome on Wednesday.";
    assert!(!at(s, "Sunday"));
    assert!(at(s, "Wednesday"));
    let w = resolve(
        &Expr::Weekend(0),
        &Anchors {
            reference: date(2025, 3, 18),
            future: false,
            previous: None,
            trip_start: None,
        },
    )
    .unwrap();
    assert_eq!((w.from, w.to), (date(2025, 3, 15), date(2025, 3, 16)));
    assert_eq!(
        first("continued in Jakarta over the weekend"),
        Expr::Weekend(0)
    );
    let e = "Departs every Saturday";
    assert_eq!(find(&tokenize(e, 0, e.len()))[0].expr, Expr::Recurring);
}

#[test]
fn datelines() {
    let s = "TOKYO, Nov. 7 (Reuters) - The envoy arrived";
    let t = tokenize(s, 0, s.len());
    assert_eq!(dateline(&t, Some(2023)), Some(date(2023, 11, 7)));
    assert_eq!(dateline(&t, None), None);
    let s = "He left on Nov. 7, 2023";
    assert_eq!(dateline(&tokenize(s, 0, s.len()), None), None);
}
