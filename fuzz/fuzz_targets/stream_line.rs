//! Any bytes as one `render --jsonl` input line: the request (id, options) and then its trip
//! read as native JSON, or an error result, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(request) = tripmap::stream::request::parse(data) {
        let _ = tripmap::io::read(request.trip_json.as_bytes(), tripmap::io::Format::Json);
    }
});
