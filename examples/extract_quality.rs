//! Prints the quality table of `tripmap extract` over the corpus in tests/fixtures/extract: per
//! text, per genre and overall, precision, recall, mean F1, order score and dates right / dates
//! given (see `tripmap::extract::quality`). The held-out texts (`*heldout*`) are left out unless
//! `--heldout` is given: they are scored once, at the end of a round of changes.
//!
//! `cargo run --release --example extract_quality [-- --heldout] [--genres]`

use tripmap::extract::quality;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let with_held_out = args.iter().any(|a| a == "--heldout");
    let per_text = !args.iter().any(|a| a == "--genres");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let texts: Vec<_> = quality::read_corpus(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .filter(|t| with_held_out || !t.held_out)
        .collect();
    let scored = quality::score_corpus(&texts, tripmap::geocode::Gazetteer::get());
    print!("{}", quality::table(&scored, per_text));
}
