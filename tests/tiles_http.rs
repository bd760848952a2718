//! Street-level basemaps over HTTP, from loopback servers the tests start themselves: one that
//! answers Range requests, one that ignores them, and ones that answer 404, cut the body
//! short, serve something that is not PMTiles, or never answer. Each failure names the URL.

mod tiles_common;

use std::time::{Duration, Instant};

use tiles_common::*;
use tripmap::tiles::{self, Archive, Limits, Protomaps, TileCoord};

fn quick() -> Limits {
    Limits {
        http_timeout: Duration::from_millis(300),
        ..Limits::default()
    }
}

fn fixture_bytes() -> Vec<u8> {
    std::fs::read(helsinki()).unwrap()
}

#[test]
fn a_map_from_the_server_is_the_map_from_the_file() {
    let server = Server::start(fixture_bytes(), Behaviour::Ranges);
    let remote = Archive::open(&server.url, &quick()).unwrap();
    let local = Archive::open(&helsinki(), &quick()).unwrap();
    assert_eq!(remote.name(), server.url);
    let map = walk_map(960.0);
    let from_http = tiles::view(&remote, &map, &Protomaps).unwrap();
    let from_file = tiles::view(&local, &map, &Protomaps).unwrap();
    assert_eq!(from_http, from_file);
    assert_eq!(remote.attribution(), local.attribution());
    // One request for the header, root directory and metadata, then one per tile read.
    assert_eq!(from_http.tiles_read, 4);
    assert_eq!(server.requests(), 1 + 4);
}

#[test]
fn leaf_directories_are_read_once_over_http() {
    let server = Server::start(
        std::fs::read(fixture("leaves.pmtiles")).unwrap(),
        Behaviour::Ranges,
    );
    let a = Archive::open(&server.url, &quick()).unwrap();
    let t = |x, y| TileCoord { z: 8, x, y };
    assert_eq!(a.tile(t(0, 0)).unwrap().as_deref(), Some(&b"west"[..]));
    assert_eq!(
        a.tile(t(200, 100)).unwrap(),
        Some(leaves_content(8, 200, 100))
    );
    let before = server.requests();
    // A tile next to one already read: its leaf directory is cached, one request.
    a.tile(t(200, 101)).unwrap();
    assert_eq!(server.requests(), before + 1);
}

#[test]
fn a_404_names_the_url_and_the_status() {
    let server = Server::start(Vec::new(), Behaviour::NotFound);
    let e = Archive::open(&server.url, &quick())
        .unwrap_err()
        .to_string();
    assert_eq!(e, format!("{}: HTTP status 404 Not Found", server.url));
    assert_eq!(server.requests(), 1, "a 404 is not retried");
}

#[test]
fn a_truncated_body_is_retried_once_then_named() {
    let server = Server::start(fixture_bytes(), Behaviour::Truncated);
    let e = Archive::open(&server.url, &quick())
        .unwrap_err()
        .to_string();
    assert!(e.starts_with(&format!("{}: ", server.url)), "{e}");
    assert!(e.contains("truncated"), "{e}");
    assert_eq!(server.requests(), 2);
}

#[test]
fn a_server_with_something_else_than_pmtiles_is_named() {
    let mut bytes = fixture_bytes();
    bytes[..7].copy_from_slice(b"<html>\n");
    let server = Server::start(bytes, Behaviour::Ranges);
    let e = Archive::open(&server.url, &quick())
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        format!(
            "{}: not a PMTiles archive (the file does not start with \"PMTiles\")",
            server.url
        )
    );
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::start(fixture_bytes(), Behaviour::Stall);
    let started = Instant::now();
    let e = Archive::open(&server.url, &quick())
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        format!("{}: no answer within 0.3 s (2 attempts)", server.url)
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_server_that_ignores_ranges_is_read_once_within_the_cap() {
    let server = Server::start(fixture_bytes(), Behaviour::IgnoreRanges);
    let remote = Archive::open(&server.url, &quick()).unwrap();
    let map = walk_map(960.0);
    let from_file = tiles::view(
        &Archive::open(&helsinki(), &quick()).unwrap(),
        &map,
        &Protomaps,
    );
    assert_eq!(
        tiles::view(&remote, &map, &Protomaps).unwrap(),
        from_file.unwrap()
    );
    assert_eq!(
        server.requests(),
        1,
        "the whole file came with the first answer"
    );
    // A file over the cap is refused, not read into memory.
    let server = Server::start(fixture_bytes(), Behaviour::IgnoreRanges);
    let small = Limits {
        max_whole_file_bytes: 100_000,
        ..quick()
    };
    let e = Archive::open(&server.url, &small).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "{}: the server ignores Range requests (HTTP 200 with the whole file) and the file is \
             larger than the limit of 100000 bytes",
            server.url
        )
    );
}

#[test]
fn a_connection_refused_names_the_url() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/x.pmtiles");
    let e = Archive::open(&url, &quick()).unwrap_err().to_string();
    assert!(e.starts_with(&format!("{url}: connection failed")), "{e}");
}
