//! Issue 22's size budget: `map.html` with its five default layouts weighs at most three times
//! one `map.svg` (960 px), on every bundled trip and every trip of the corpus's tuning part.
//! The held-out part (`tests/corpus/heldout/`) is measured too and reported only as a count and
//! its worst ratio, as `desk_corpus` reports it, so no one tunes the page to those trips.

mod common;
#[allow(dead_code)]
#[path = "desk/corpus.rs"]
mod corpus;

use std::path::Path;
use tripmap::render::html::{self, HtmlOptions};
use tripmap::render::svg;
use tripmap::routing::Order;
use tripmap::scene::{self, MapOptions};

/// The most `map.html` may weigh, in `map.svg`s.
const BUDGET: f64 = 3.0;

/// `map.html`'s bytes over `map.svg`'s for `route`, drawn as `tripmap render` draws them.
fn ratio(route: &tripmap::model::Route, map: &MapOptions) -> f64 {
    let one = svg::write(&scene::build(route, map).expect("draws")).len();
    let page = html::write(route, map, None, &HtmlOptions::default(), None).expect("writes");
    page.len() as f64 / one as f64
}

/// The ratios of the bundled trips and of the corpus, the held-out part apart.
fn measured(root: &Path) -> (Vec<(String, f64)>, Vec<f64>) {
    let mut seen = Vec::new();
    let mut heldout = Vec::new();
    for trip in common::bundled_trips() {
        let limits = tripmap::limits::Limits::default();
        let itinerary = tripmap::io::read_path(&root.join(&trip), None, &limits).unwrap();
        let route = tripmap::pipeline::plan(&itinerary, Order::Time).unwrap();
        seen.push((common::stem(&trip), ratio(&route, &MapOptions::default())));
    }
    for e in corpus::manifest(root) {
        let trip = corpus::load(root, &e).unwrap_or_else(|err| panic!("{}: {err}", e.path));
        let mut map = MapOptions::default();
        map.annotate = e.annotate;
        let r = ratio(&trip.route, &map);
        if e.heldout {
            heldout.push(r);
        } else {
            seen.push((e.name, r));
        }
    }
    (seen, heldout)
}

#[test]
fn map_html_is_within_three_maps_on_every_trip() {
    let (mut seen, heldout) = measured(&common::root());
    assert!(seen.len() >= 40, "only {} trips", seen.len());
    seen.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (name, r) in &seen[..5] {
        println!("{name}: map.html {r:.2} x map.svg");
    }
    let within = heldout.iter().filter(|&&r| r <= BUDGET).count();
    let worst = heldout.iter().copied().fold(0.0, f64::max);
    println!(
        "held out: {within} of {} within {BUDGET} x, the worst {worst:.2} x",
        heldout.len()
    );
    let over: Vec<String> = seen
        .iter()
        .filter(|(_, r)| *r > BUDGET)
        .map(|(n, r)| format!("{n} {r:.2} x"))
        .collect();
    assert!(
        over.is_empty(),
        "map.html over {BUDGET} x map.svg: {over:?}"
    );
}
