//! Any bytes into format sniffing (standard input without `--from`), then into the reader it
//! picks: a format and an `Itinerary`, or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(format) = tripmap::io::sniff(data) {
        let _ = tripmap::io::read(data, format);
    }
});
