//! Quality of `tripmap extract` over the corpus in tests/fixtures/extract: texts written for
//! tripmap in the shapes of real ones (announcements, readouts, programmes, news, tours, blogs,
//! itineraries, timetables, Q&A pages, crowded texts, two travellers), each with its itinerary by
//! hand in `NAME.expected.json`. The targets apply to the tuning texts; the held-out ones
//! (`*heldout*`) are scored by `examples/extract_quality.rs --heldout` and reported in the README.

use tripmap::extract::quality::{self, CorpusText, Score};
use tripmap::extract::{Options, extract};

/// Mean F1, mean order score and date accuracy the tuning texts must reach.
const TARGETS: (f64, f64, f64) = (0.9, 0.9, 0.8);

fn corpus() -> Vec<CorpusText> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    quality::read_corpus(&dir).unwrap()
}

#[test]
fn the_corpus_is_big_and_a_quarter_is_held_out() {
    let all = corpus();
    let held = all.iter().filter(|t| t.held_out).count();
    assert!(all.len() >= 60, "only {} texts", all.len());
    assert!(
        held * 4 >= all.len() - 1,
        "{held} of {} held out",
        all.len()
    );
    let mut genres: Vec<&str> = all.iter().map(|t| t.expected.genre.as_str()).collect();
    genres.sort_unstable();
    genres.dedup();
    assert!(genres.len() >= 12, "{genres:?}");
}

#[test]
fn tuning_texts_reach_the_targets() {
    let tuning: Vec<CorpusText> = corpus().into_iter().filter(|t| !t.held_out).collect();
    let scored = quality::score_corpus(&tuning, tripmap::geocode::Gazetteer::get());
    let mut total = Score::default();
    for s in &scored {
        total.add(&s.score);
    }
    let table = quality::table(&scored, true);
    let (f1, order, dates) = TARGETS;
    assert!(total.mean_f1() >= f1, "mean F1 below {f1}\n{table}");
    assert!(total.mean_order() >= order, "order below {order}\n{table}");
    assert!(
        total.date_accuracy() >= dates,
        "dates below {dates}\n{table}"
    );
}

#[test]
fn extraction_is_deterministic() {
    for t in corpus().into_iter().step_by(7) {
        let run = || {
            let options = Options {
                published: t.expected.published,
            };
            let x = extract(&t.text, &options, tripmap::geocode::Gazetteer::get()).unwrap();
            tripmap::extract::trip::to_json(&x, &t.name)
        };
        assert_eq!(run(), run(), "{}", t.name);
    }
}

#[test]
fn never_panics_on_cut_or_odd_text() {
    let gazetteer = tripmap::geocode::Gazetteer::get();
    let options = Options {
        published: Some(jiff::civil::date(2024, 1, 1)),
    };
    for t in corpus().into_iter().step_by(3) {
        let text = &t.text;
        // Every prefix cut at a character boundary, every 29 bytes.
        for cut in (0..text.len())
            .step_by(29)
            .filter(|&c| text.is_char_boundary(c))
        {
            let _ = extract(&text[..cut], &options, gazetteer);
        }
        let _ = extract(&text.to_uppercase(), &options, gazetteer);
        let _ = extract(&text.replace(' ', "\n"), &options, gazetteer);
        let _ = extract(&text.replace('.', ". . ."), &options, gazetteer);
        assert!(extract(text, &options, gazetteer).is_ok(), "{}", t.name);
    }
    for odd in [
        "",
        "   \n\n ",
        "...",
        "'s 's",
        "Mr.",
        "U.S.",
        "May 32",
        "from March 31 to 2",
        "on -",
        "\u{201c}\u{201d}",
        "Day 0: Day 99999999999999999999",
        "12:00\n99:99 Arrival at\n–",
        "ROME – – ROME",
    ] {
        let _ = extract(odd, &options, gazetteer);
    }
    assert!(extract("  \n ", &options, gazetteer).is_err());
}
