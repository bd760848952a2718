//! Speed of `tripmap extract` on a 5,000-word article: the quality texts (tests/fixtures/extract)
//! joined and repeated, as one story. Target: well under a second (it is milliseconds).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tripmap::extract::{Options, extract};

fn article() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut article = String::new();
    while article.split_whitespace().count() < 5_000 {
        for t in &texts {
            article.push_str(t);
            article.push('\n');
        }
    }
    article
}

fn bench(c: &mut Criterion) {
    let text = article();
    let words = text.split_whitespace().count();
    let options = Options {
        published: Some(jiff::civil::date(2024, 6, 3)),
    };
    let gazetteer = tripmap::geocode::Gazetteer::get();
    let found = extract(&text, &options, gazetteer).unwrap();
    assert!(!found.stops.is_empty());
    c.bench_function(&format!("extract {words}-word article"), |b| {
        b.iter(|| extract(black_box(&text), &options, gazetteer).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
