//! Speed of `tripmap extract`: a 5,000-word article, then 1 MB, 8 MB and 50 MB of text (the
//! corpus of tests/fixtures/extract repeated). Time grows in proportion to the text (50 MB in
//! well under a minute); memory stays the text plus the stops (README: extract, speed).
//!
//! `cargo bench --bench extract` (about five minutes: the 50 MB case takes ten samples).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use tripmap::extract::{Options, extract};

/// The corpus texts, joined as paragraphs.
fn corpus() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The corpus repeated to at least `bytes` bytes, cut at a paragraph.
fn text_of(corpus: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + corpus.len());
    while text.len() < bytes {
        text.push_str(corpus);
        text.push_str("\n\n");
    }
    text
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let options = Options {
        published: Some(jiff::civil::date(2024, 6, 3)),
    };
    let gazetteer = tripmap::geocode::Gazetteer::get();
    let mut article = String::new();
    for paragraph in corpus.split("\n\n") {
        if article.split_whitespace().count() >= 5_000 {
            break;
        }
        article.push_str(paragraph);
        article.push_str("\n\n");
    }
    let words = article.split_whitespace().count();
    assert!(
        !extract(&article, &options, gazetteer)
            .unwrap()
            .stops
            .is_empty()
    );
    c.bench_function(&format!("extract {words}-word article"), |b| {
        b.iter(|| extract(black_box(&article), &options, gazetteer).unwrap())
    });
    let mut group = c.benchmark_group("extract text");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    for mb in [1, 8, 50] {
        let text = text_of(&corpus, mb * 1_000_000);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb} MB")),
            &text,
            |b, t| b.iter(|| extract(black_box(t), &options, gazetteer).unwrap()),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
