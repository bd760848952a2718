//! Prints the quality table of `tripmap extract` over the texts in tests/fixtures/extract:
//! per text and overall, precision and recall of the stop sequence by country and by town, and
//! date accuracy; then the same over the held-out texts (`*heldout*`: written after the rules and
//! scored before any rule was changed for them).
//!
//! `cargo run --release --example extract_quality`

use tripmap::extract::quality::{self, Expected, Score};
use tripmap::extract::{Options, extract};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/extract")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut total = Score::default();
    let mut heldout = Score::default();
    let mut heldout_n = 0;
    println!(
        "{:<34} {:>4} {:>4}  {:>7} {:>7}  {:>7} {:>7}  {:>6}",
        "text", "exp", "got", "P(ctry)", "R(ctry)", "P(town)", "R(town)", "dates"
    );
    for path in &names {
        let text = std::fs::read_to_string(path).expect("fixture text");
        let want: Expected = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("expected.json")).expect("sidecar"),
        )
        .expect("sidecar JSON");
        let got = extract(
            &text,
            &Options {
                published: want.published,
            },
            tripmap::geocode::Gazetteer::get(),
        )
        .expect("extract");
        let s = quality::score(&got, &want);
        total.add(&s);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if stem.contains("heldout") {
            heldout.add(&s);
            heldout_n += 1;
        }
        row(&stem, &s);
    }
    row(&format!("all {} texts", names.len()), &total);
    // Texts written after the rules, scored before any rule was changed for them.
    row(&format!("{heldout_n} held-out texts"), &heldout);
}

fn row(name: &str, s: &Score) {
    println!(
        "{:<34} {:>4} {:>4}  {:>7.2} {:>7.2}  {:>7.2} {:>7.2}  {:>3}/{:<3}",
        name,
        s.expected,
        s.found,
        s.precision(s.country_matched),
        s.recall(s.country_matched),
        s.precision(s.city_matched),
        s.recall(s.city_matched),
        s.dates_right,
        s.dated
    );
}
