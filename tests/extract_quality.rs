//! Quality of `tripmap extract` over the texts in tests/fixtures/extract (written for tripmap:
//! announcements, wire stories, diaries, lists, a return leg, a place visited twice, future tense,
//! and texts composed to break the rules). Each `NAME.txt` has `NAME.expected.json` beside it.
//! The floors are below the measured figures (README) so a regression fails here.

use tripmap::extract::quality::{self, Expected, Score};
use tripmap::extract::{Options, extract};

/// Every fixture: (name, text, expected).
fn fixtures() -> Vec<(String, String, Expected)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let side = p.with_extension("expected.json");
            let want: Expected = serde_json::from_str(&std::fs::read_to_string(&side).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", side.display()));
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                text,
                want,
            )
        })
        .collect()
}

#[test]
fn precision_recall_and_dates_stay_above_their_floors() {
    let all = fixtures();
    assert!(all.len() >= 15, "only {} texts", all.len());
    let mut total = Score::default();
    let mut report = String::new();
    for (name, text, want) in &all {
        let got = extract(
            text,
            &Options {
                published: want.published,
            },
            tripmap::geocode::Gazetteer::get(),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let s = quality::score(&got, want);
        report.push_str(&format!("{name}: {s:?}\n"));
        total.add(&s);
    }
    let figures = [
        (
            "country precision",
            total.precision(total.country_matched),
            0.9,
        ),
        ("country recall", total.recall(total.country_matched), 0.9),
        ("town precision", total.precision(total.city_matched), 0.85),
        ("town recall", total.recall(total.city_matched), 0.85),
        ("date accuracy", total.date_accuracy(), 0.85),
    ];
    for (what, got, floor) in figures {
        assert!(got >= floor, "{what} {got:.3} < {floor}\n{report}");
    }
}

#[test]
fn extraction_is_deterministic() {
    for (name, text, want) in fixtures().into_iter().take(5) {
        let run = || {
            let x = extract(
                &text,
                &Options {
                    published: want.published,
                },
                tripmap::geocode::Gazetteer::get(),
            )
            .unwrap();
            tripmap::extract::trip::to_json(&x, &name)
        };
        assert_eq!(run(), run(), "{name}");
    }
}

#[test]
fn never_panics_on_cut_or_odd_text() {
    let gazetteer = tripmap::geocode::Gazetteer::get();
    let options = Options {
        published: Some(jiff::civil::date(2024, 1, 1)),
    };
    for (name, text, _) in fixtures() {
        // Every prefix cut at a character boundary, every 13 bytes.
        for cut in (0..text.len())
            .step_by(13)
            .filter(|&c| text.is_char_boundary(c))
        {
            let _ = extract(&text[..cut], &options, gazetteer);
        }
        let _ = extract(&text.to_uppercase(), &options, gazetteer);
        let _ = extract(&text.replace(' ', "\n"), &options, gazetteer);
        let _ = extract(&text.replace('.', ". . ."), &options, gazetteer);
        assert!(extract(&text, &options, gazetteer).is_ok(), "{name}");
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
    ] {
        let _ = extract(odd, &options, gazetteer);
    }
    assert!(extract("  \n ", &options, gazetteer).is_err());
}
