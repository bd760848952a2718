//! Benchmarks of the web and film outputs on the reference trip: `map.html` with its five
//! layouts against one map (`map.svg`: scene and writer), and a 10-second 1080 x 1080 MP4 at 30
//! frames a second (and the same GIF). Prints the films' sizes.
//!
//! Run: `cargo bench --bench embed`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use tripmap::io::{Format, read};
use tripmap::render::html::HtmlOptions;
use tripmap::render::motion::MotionOptions;
use tripmap::render::video::FilmSize;
use tripmap::render::{OutputFormat, WriteOptions, html, svg, write};
use tripmap::routing::{Order, plan};
use tripmap::scene::{self, MapOptions};

const REFERENCE: &[u8] = include_bytes!("../data/trips/blinken-2023-11.json");

fn benches(c: &mut Criterion) {
    let itinerary = read(REFERENCE, Format::Json).expect("reference trip");
    let route = plan(&itinerary, Order::Time).expect("plans");
    let map = MapOptions::default();
    c.bench_function("reference trip: map.svg (scene + writer)", |b| {
        b.iter(|| svg::write(&scene::build(black_box(&route), &map).unwrap()))
    });
    c.bench_function("reference trip: map.html, 5 layouts", |b| {
        b.iter(|| {
            html::write(black_box(&route), &map, None, &HtmlOptions::default(), None).unwrap()
        })
    });

    let scene = scene::build(&route, &map).unwrap();
    let mut options = WriteOptions::default();
    options.map = map.clone();
    options.film.size = FilmSize::Square;
    options.film.fps = 30;
    options.film.motion = MotionOptions::with_duration(10.0).unwrap();
    for format in [OutputFormat::Mp4, OutputFormat::Gif] {
        let bytes = write(format, &route, Some(&scene), &options).unwrap();
        eprintln!(
            "reference trip, 10 s 1080 x 1080 at 30 fps: {} is {} KB",
            format.files()[0].file,
            bytes[0].bytes.len() / 1000
        );
    }
    let mut group = c.benchmark_group("reference trip films");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(60));
    group.bench_function("10 s 1080x1080 MP4 at 30 fps", |b| {
        b.iter(|| write(OutputFormat::Mp4, black_box(&route), Some(&scene), &options).unwrap())
    });
    group.finish();
}

criterion_group!(embed_benches, benches);
criterion_main!(embed_benches);
