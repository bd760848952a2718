//! Bytes -> reader (first byte picks the format and the order) -> routing -> GeoJSON layers,
//! which must parse back as JSON.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tripmap::io::{Format, read};
use tripmap::pipeline::{RenderOptions, render};
use tripmap::routing::Order;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let format = if selector & 1 == 0 { Format::Json } else { Format::Csv };
    let order = if selector & 2 == 0 { Order::Time } else { Order::AsGiven };
    let Ok(itinerary) = read(rest, format) else {
        return;
    };
    let mut options = RenderOptions::default();
    options.order = order;
    options.formats = vec![tripmap::render::OutputFormat::GeoJson];
    if let Ok(rendered) = render(&itinerary, &options) {
        for f in &rendered.files {
            let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&f.bytes);
            assert!(parsed.is_ok(), "{} is not JSON", f.name);
        }
    }
});
