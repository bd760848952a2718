//! Issue 16's corpus figure: every trip of `tests/corpus/` (tuning and held-out) read, planned
//! and drawn at 320, 640 and 960 px, each map written as SVG in the light and the dark theme,
//! one after another in one process, one core. Target: the whole corpus under 10 s.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

#[allow(dead_code)]
#[path = "../tests/desk/corpus.rs"]
mod corpus;

/// Reads, plans and draws every corpus trip at every width, in both themes; returns the
/// number of SVG bytes written (so nothing is optimised away).
fn whole_corpus(root: &Path, entries: &[corpus::Entry]) -> usize {
    let mut bytes = 0;
    for e in entries {
        let Ok(trip) = corpus::load(root, e) else {
            continue;
        };
        for w in corpus::WIDTHS {
            let Ok(scene) = corpus::scene(&trip.route, w, e.annotate) else {
                continue;
            };
            for theme in corpus::THEMES {
                bytes += corpus::svg_in(&scene, theme).map_or(0, |s| s.len());
            }
        }
    }
    bytes
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let entries = corpus::manifest(root);
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.bench_function(
        format!("{} trips x 3 widths x 2 themes (SVG)", entries.len()),
        |b| b.iter(|| whole_corpus(black_box(root), black_box(&entries))),
    );
    group.finish();
}

criterion_group!(corpus_benches, bench);
criterion_main!(corpus_benches);
