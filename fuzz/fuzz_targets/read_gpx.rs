//! Any bytes into the Gpx reader: an `Itinerary` or an `Error`, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tripmap::io::read(data, tripmap::io::Format::Gpx);
});
