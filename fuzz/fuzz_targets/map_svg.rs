//! Bytes -> reader (first byte picks JSON or CSV) -> routing -> scene -> `map.svg`, which must be
//! well-formed XML: no input may break the markup or panic the layout.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tripmap::io::{Format, read};
use tripmap::pipeline::{RenderOptions, render};
use tripmap::render::OutputFormat;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let format = if selector & 1 == 0 { Format::Json } else { Format::Csv };
    let Ok(itinerary) = read(rest, format) else {
        return;
    };
    let mut options = RenderOptions::default();
    options.formats = vec![OutputFormat::Svg];
    if let Ok(rendered) = render(&itinerary, &options) {
        for f in &rendered.files {
            let text = std::str::from_utf8(&f.bytes).expect("map.svg is UTF-8");
            assert!(roxmltree::Document::parse(text).is_ok(), "{} is not well-formed", f.name);
        }
    }
});
