//! One test per kind of failure issue 21 found in `tripmap extract` on real texts, each on short
//! texts written for this test in the shape of the real ones: lists after one cue, programmes and
//! timetables, layouts without sentences, origin and destination and the order words, whose trip,
//! dates, and places that are not towns. Plus the seed story's shape, exactly.

use jiff::civil::{Date, date};
use tripmap::extract::{Extraction, Options, extract};

/// Extracts `text` published on `published`.
fn run(text: &str, published: Date) -> Extraction {
    let options = Options {
        published: Some(published),
    };
    extract(text, &options, tripmap::geocode::Gazetteer::get()).unwrap()
}

/// (name, day) of each stop: the arrival day, else the departure day.
fn stops(x: &Extraction) -> Vec<(String, Option<String>)> {
    x.stops
        .iter()
        .map(|s| {
            let day = s.arrive.as_ref().or(s.depart.as_ref());
            (s.place.name.clone(), day.map(|d| d.date.to_string()))
        })
        .collect()
}

/// The stops' names.
fn names(x: &Extraction) -> Vec<String> {
    x.stops.iter().map(|s| s.place.name.clone()).collect()
}

fn s(name: &str, day: Option<&str>) -> (String, Option<String>) {
    (name.to_string(), day.map(str::to_string))
}

#[test]
fn a_list_after_one_cue_is_all_stops() {
    let x = run(
        "The nine-day visit will take in Perth, Darwin and Apia, officials said.",
        date(2024, 10, 7),
    );
    assert_eq!(names(&x), ["Perth", "Darwin", "Apia"]);
    let x = run(
        "The envoy visited Warsaw, Vilnius and Riga last month. She will travel to Oslo, Norway; \
         Helsinki, Finland; and Tallinn.",
        date(2024, 10, 7),
    );
    // "last month" is another trip; qualifiers and semicolons stay inside the second list.
    assert_eq!(names(&x), ["Oslo", "Helsinki", "Tallinn"]);
    let x = run(
        "His tour of Chile, Peru and Ecuador ended in Quito.",
        date(2024, 10, 7),
    );
    assert!(names(&x).contains(&"Quito".to_string()), "{:?}", names(&x));
    assert_eq!(x.stops.len(), 3, "{:?}", names(&x));
}

#[test]
fn programmes_are_read_by_day_heading_time_and_leg() {
    let text = "PROGRAMME OF THE VISIT\n\nFriday, 7 March 2025\nLISBON – LUANDA\n\
        09:00 Departure by plane from Lisbon Humberto Delgado Airport to Luanda\n\
        16:30 Arrival at Luanda Quatro de Fevereiro International Airport\nOfficial welcome\n\n\
        Saturday, 8 March 2025\nLUANDA\n10:00 Meeting with the President\n\n\
        Sunday, 9 March 2025\nLUANDA – LISBON\n11:00 Farewell ceremony\n\
        19:45 Arrival at Lisbon Humberto Delgado Airport\n";
    let x = run(text, date(2025, 2, 20));
    assert_eq!(
        stops(&x),
        [
            s("Lisbon", Some("2025-03-07")),
            s("Luanda", Some("2025-03-07")),
            s("Lisbon", Some("2025-03-09")),
        ]
    );
    assert!(x.stops[0].is_origin && x.stops[2].is_return);
    // A timetable: rows of stations and times.
    let text = "Train 412, daily\n\nStation        arr.    dep.\nSalzburg Hbf     -     08:12\n\
        Linz Hbf       09:20   09:22\nVienna Hbf     10:40     -\n";
    assert_eq!(
        names(&run(text, date(2025, 2, 20))),
        ["Salzburg", "Linz", "Vienna"]
    );
}

#[test]
fn layouts_without_sentences_questions_and_tour_dates() {
    let text = "Summer tour: what you need to know\n\nWhere do they play?\n\
        The first match is on Saturday 5 July at the national stadium in Lima, Peru. The second \
        is in Santiago on 9 July.\n\nWho is injured?\nTwo players are recovering in Madrid.\n";
    assert_eq!(
        stops(&run(text, date(2025, 6, 1))),
        [
            s("Lima", Some("2025-07-05")),
            s("Santiago", Some("2025-07-09"))
        ]
    );
    let text = "TOUR DATES\n\nMAY 02  Oslo, Norway – Sentrum Scene\nMAY 04  Stockholm, Sweden – \
        Fallan\nMAY 06  Helsinki, Finland – Tavastia – CANCELLED\nMAY 08  Copenhagen, Denmark – \
        Vega\n";
    assert_eq!(
        stops(&run(text, date(2025, 1, 10))),
        [
            s("Oslo", Some("2025-05-02")),
            s("Stockholm", Some("2025-05-04")),
            s("Copenhagen", Some("2025-05-08")),
        ]
    );
}

#[test]
fn origin_destination_and_order_words() {
    let x = run(
        "Our cycling trip from Bordeaux to Biarritz\n\nWe spent a night in Arcachon, and then \
         we pedalled south to Mimizan before a long day to Bayonne.",
        date(2024, 9, 2),
    );
    // The origin first (kind origin), the destination last, the places on the way between.
    assert_eq!(
        names(&x),
        ["Bordeaux", "Arcachon", "Mimizan", "Bayonne", "Biarritz"]
    );
    assert!(x.stops[0].is_origin);
    // Order from the words, not from where the text names the places.
    let x = run(
        "The tour ends in Hanoi. It begins in Bangkok, and the team flies to Phnom Penh after \
         playing in Vientiane.",
        date(2024, 9, 2),
    );
    assert_eq!(names(&x), ["Bangkok", "Vientiane", "Phnom Penh", "Hanoi"]);
}

#[test]
fn whose_trip_it_is() {
    let x = run(
        "SOFIA, May 21, 2025 (Wire) - The foreign minister arrived in Sofia on Wednesday. \"We are \
         close,\" said the minister, who has already visited Ankara and Athens on this tour. Her \
         Bulgarian counterpart, who flew to Brussels on Monday, agreed. The minister goes on to \
         Bucharest on Thursday, while her deputy travels to Skopje.",
        date(2025, 5, 21),
    );
    assert_eq!(
        stops(&x),
        [
            s("Ankara", None),
            s("Athens", None),
            s("Sofia", Some("2025-05-21")),
            s("Bucharest", Some("2025-05-22")),
        ]
    );
    let why: Vec<&str> = x.mentioned.iter().map(|m| m.reason.as_str()).collect();
    assert!(
        why.iter()
            .any(|w| w.contains("someone else's trip (Her Bulgarian counterpart)")),
        "{why:?}"
    );
    assert!(
        why.iter()
            .any(|w| w.contains("someone else's trip (her deputy)")),
        "{why:?}"
    );
}

#[test]
fn dates_relative_to_the_publication_day() {
    // Weekdays by tense, against a Wednesday publication.
    let x = run(
        "We got into Krakow on Monday after a long bus ride from Berlin. Tomorrow we take the \
         train to Budapest, and after that a few days in Belgrade, getting in sometime Sunday.",
        date(2025, 3, 12),
    );
    assert_eq!(
        stops(&x),
        [
            s("Berlin", None),
            s("Kraków", Some("2025-03-10")),
            s("Budapest", Some("2025-03-13")),
            s("Belgrade", Some("2025-03-16")),
        ]
    );
    // The last day of an N-day tour, counted from its first day.
    let x = run(
        "The premier leaves Canberra on Tuesday for a five-day tour, stopping in Jakarta on \
         Wednesday. The tour ends in Manila on the last day of the five-day tour.",
        date(2025, 2, 3),
    );
    assert_eq!(
        stops(&x),
        [
            s("Canberra", Some("2025-02-04")),
            s("Jakarta", Some("2025-02-05")),
            s("Manila", Some("2025-02-08")),
        ]
    );
    // A range over a list: the first stop's arrival, the last one's departure.
    let x = run(
        "The secretary will travel to Seoul, Tokyo and Manila from March 17 to 22.",
        date(2025, 3, 1),
    );
    let first = x.stops[0].arrive.as_ref().unwrap().date;
    let last = x.stops[2].depart.as_ref().unwrap().date;
    assert_eq!((first, last), (date(2025, 3, 17), date(2025, 3, 22)));
    // Days of an itinerary from its first day.
    let text = "Departures on 14 June 2025.\n\nDay 1: Arrive in Lima\nDay 2: Lima – Arequipa\n\
        Day 4: Puno\n";
    assert_eq!(
        stops(&run(text, date(2025, 5, 1))),
        [
            s("Lima", Some("2025-06-14")),
            s("Arequipa", Some("2025-06-15")),
            s("Puno", Some("2025-06-17")),
        ]
    );
}

#[test]
fn parks_landmarks_and_airports_are_places() {
    let x = run(
        "We drove from Las Vegas to Zion National Park on Saturday and spent Monday at the \
         Grand Canyon Village before heading to Page.",
        date(2025, 5, 20),
    );
    assert_eq!(names(&x)[..2], ["Las Vegas", "Zion National Park"]);
    // An airport is the town it serves.
    let text = "Saturday, 2 March 2024\nROME – NAIROBI\n16:00 Arrival at Jomo Kenyatta \
        International Airport\n\nMonday, 4 March 2024\nLHR – JFK\n";
    let x = run(text, date(2024, 2, 1));
    assert_eq!(names(&x)[..2], ["Rome", "Nairobi"]);
    assert!(
        names(&x).iter().any(|n| n.contains("Heathrow")),
        "{:?}",
        names(&x)
    );
    assert!(
        names(&x).iter().any(|n| n.contains("Kennedy")),
        "{:?}",
        names(&x)
    );
}

#[test]
fn a_text_that_names_places_without_a_cue_gives_marked_guesses() {
    let x = run(
        "Gas prices in Oslo and Rotterdam rose again, and traders in Hamburg are watching.",
        date(2024, 10, 1),
    );
    assert!(x.guessed);
    assert!(!x.stops.is_empty() && x.stops.iter().all(|s| s.confidence < 0.5));
    let json = tripmap::extract::trip::to_json(&x, "story.txt");
    assert!(json.contains("\"low_confidence\": true"));
    assert!(x.warnings()[0].contains("low-confidence guesses"));
}

/// The seed story's shape, in the corpus's own-words version: six stops (three countries, a
/// territory, two towns) and three dates, exactly.
#[test]
fn the_seed_storys_shape_is_exact() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/extract/37-news-seed-shape.txt"
    );
    let x = run(&std::fs::read_to_string(path).unwrap(), date(2023, 11, 6));
    assert_eq!(
        stops(&x),
        [
            s("Israel", Some("2023-11-03")),
            s("Amman", Some("2023-11-04")),
            s("West Bank", None),
            s("Iraq", None),
            s("Ankara", Some("2023-11-06")),
            s("Tokyo", None),
        ]
    );
}
