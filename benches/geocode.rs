//! Gazetteer speed: decoding the embedded index (target: at most 20 ms) and lookups (target:
//! microseconds), including a qualifier, an alternate name, names in other scripts, an airport
//! code and name, a landmark, hints, and the "did you mean" path. The index's size is printed
//! once: it is what the gazetteer adds to the binary.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tripmap::geocode::{Gazetteer, Hints};

fn bench(c: &mut Criterion) {
    let g = Gazetteer::get();
    eprintln!(
        "gazetteer: {} places, {} names, {} bytes",
        g.len(),
        g.name_count(),
        include_bytes!("../data/gazetteer/gazetteer.bin").len()
    );
    c.bench_function("geocode/load", |b| b.iter(|| black_box(Gazetteer::load())));
    let none = Hints::none();
    for q in [
        "Amman",
        "Paris, TX",
        "Washington, D.C.",
        "Kiev",
        "Sao Paulo",
        "Iraq",
        "東京",
        "القاهرة",
        "Москва",
        "LHR",
        "Heathrow Airport",
        "Eiffel Tower",
    ] {
        c.bench_function(&format!("geocode/lookup {q}"), |b| {
            b.iter(|| black_box(g.lookup(black_box(q), &none).unwrap()))
        });
    }
    let mut hints = Hints::none();
    for q in ["Chicago", "Peoria"] {
        hints.add_match(&g.lookup(q, &none).unwrap());
    }
    c.bench_function("geocode/lookup Springfield with hints", |b| {
        b.iter(|| black_box(g.lookup("Springfield", &hints).unwrap()))
    });
    c.bench_function("geocode/find unknown Bagdhad (no suggestions)", |b| {
        b.iter(|| black_box(g.find("Bagdhad", &none)))
    });
    c.bench_function("geocode/unknown Bagdhad (did you mean)", |b| {
        b.iter(|| black_box(g.lookup("Bagdhad", &none).unwrap_err()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
