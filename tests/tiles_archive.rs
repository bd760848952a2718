//! PMTiles reading from local files: the real Helsinki fixture, a leaf-directory archive
//! written by PyPI pmtiles (an independent writer), and archives broken in one way each. Every
//! failure is an error naming the file (and the tile where one is involved), never a panic.

mod tiles_common;

use tiles_common::*;
use tripmap::tiles::{Archive, Limits, TileCoord};

fn t(z: u8, x: u32, y: u32) -> TileCoord {
    TileCoord { z, x, y }
}

/// Writes `bytes` to a temporary file and opens it.
fn open_bytes(bytes: &[u8], limits: &Limits) -> (tempfile::TempPath, Result<Archive, String>) {
    let file = tempfile::Builder::new()
        .suffix(".pmtiles")
        .tempfile()
        .unwrap();
    std::fs::write(file.path(), bytes).unwrap();
    let path = file.into_temp_path();
    let archive = Archive::open(path.to_str().unwrap(), limits).map_err(|e| e.to_string());
    (path, archive)
}

#[test]
fn the_helsinki_fixture_opens_with_its_zooms_bounds_and_attribution() {
    let a = Archive::open(&helsinki(), &Limits::default()).unwrap();
    let h = a.header();
    assert_eq!((h.min_zoom, h.max_zoom), (12, 16));
    assert!((h.bounds.0 - 24.935176).abs() < 1e-6 && (h.bounds.3 - 60.179113).abs() < 1e-6);
    assert_eq!(
        a.attribution().as_deref(),
        Some("© OpenStreetMap contributors")
    );
    // The one z12 tile, the four z14 ones (ids and contents written by GDAL and PyPI pmtiles).
    assert!(a.tile(t(12, 2331, 1185)).unwrap().is_some());
    let z14: Vec<_> = (9326..=9327)
        .flat_map(|x| (4741..=4742).map(move |y| t(14, x, y)))
        .filter(|&c| a.tile(c).unwrap().is_some())
        .collect();
    assert_eq!(z14.len(), 4, "{z14:?}");
    assert_eq!(a.tile(t(14, 9000, 4000)).unwrap(), None);
    assert_eq!(a.tiles_read(), 5);
}

#[test]
fn every_tile_of_an_archive_with_leaf_directories_and_runs_reads_back() {
    let a = Archive::open(&fixture("leaves.pmtiles"), &Limits::default()).unwrap();
    let mut checked = 0;
    for z in 0..=8u8 {
        for x in 0..(1u32 << z) {
            for y in 0..(1u32 << z) {
                let got = a.tile(t(z, x, y)).unwrap();
                assert_eq!(got, Some(leaves_content(z, x, y)), "{z}/{x}/{y}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 87_381);
    assert_eq!(a.tile(t(9, 0, 0)).unwrap(), None);
    assert_eq!(
        a.attribution().as_deref(),
        Some("tripmap test fixture (no map data)")
    );
}

fn small_archive(layout: Layout) -> Parts {
    let tile = gzip(&mvt(
        "earth",
        "earth",
        vec![(3, vec![9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15])],
    ));
    archive_parts(&[(t(14, 9327, 4742), tile)], layout)
}

fn error_of(bytes: &[u8], limits: &Limits) -> String {
    let (path, r) = open_bytes(bytes, limits);
    let e = r.expect_err("an error");
    assert!(e.starts_with(path.to_str().unwrap()), "names the file: {e}");
    e
}

fn tile_error_of(bytes: &[u8], limits: &Limits, tile: TileCoord) -> String {
    let (path, r) = open_bytes(bytes, limits);
    let e = r.unwrap().tile(tile).expect_err("an error").to_string();
    assert!(e.starts_with(path.to_str().unwrap()), "names the file: {e}");
    assert!(e.contains(&format!("tile {tile}: ")), "names the tile: {e}");
    e
}

#[test]
fn files_that_are_not_pmtiles_v3_are_named_errors() {
    let limits = Limits::default();
    let e = error_of(b"{\"type\": \"FeatureCollection\"}", &limits);
    assert!(
        e.ends_with("not a PMTiles archive (the file does not start with \"PMTiles\")"),
        "{e}"
    );
    let e = error_of(b"PM\x02\0\0\0\0\0\0\0\0\0", &limits);
    assert!(
        e.ends_with("PMTiles version 2 is not supported (only version 3)"),
        "{e}"
    );
    let mut parts = small_archive(Layout::default());
    parts.version = 4;
    let e = error_of(&parts.bytes(), &limits);
    assert!(
        e.ends_with("PMTiles version 4 is not supported (only version 3)"),
        "{e}"
    );
    let e = error_of(b"PMTiles\x03", &limits);
    assert!(
        e.contains("header at bytes 0..127 lies outside the file of 8 bytes"),
        "{e}"
    );
    let e = error_of(b"", &limits);
    assert!(
        e.ends_with("not a PMTiles archive (the file does not start with \"PMTiles\")"),
        "{e}"
    );
}

#[test]
fn sections_outside_the_file_are_named_errors() {
    let limits = Limits::default();
    // The real fixture cut short: its root directory ends at byte 288.
    let real = std::fs::read(helsinki()).unwrap();
    let e = error_of(&real[..200], &limits);
    assert!(
        e.ends_with("root directory at bytes 127..288 lies outside the file of 200 bytes"),
        "{e}"
    );
    // A tile entry past the end of the data section.
    let mut parts = small_archive(Layout::default());
    let n = parts.data.len() as u64;
    parts.root = gzip(&directory(&[(tile_id(t(14, 9327, 4742)), 5, n, 1)]));
    let e = tile_error_of(&parts.bytes(), &limits, t(14, 9327, 4742));
    assert!(
        e.contains("tile at bytes") && e.contains("lies outside its section"),
        "{e}"
    );
    // A leaf directory entry past the end of the leaf section.
    let mut parts = small_archive(Layout {
        leaf: true,
        ..Layout::default()
    });
    let n = parts.leaves.len() as u64;
    parts.root = gzip(&directory(&[(0, 1, n, 0)]));
    let e = tile_error_of(&parts.bytes(), &limits, t(14, 9327, 4742));
    assert!(
        e.contains("leaf directory at bytes") && e.contains("lies outside its section"),
        "{e}"
    );
    // The whole data section claimed to run past the file's end.
    let parts = small_archive(Layout::default());
    let mut bytes = parts.bytes();
    bytes.truncate(bytes.len() - 3);
    let e = tile_error_of(&bytes, &limits, t(14, 9327, 4742));
    assert!(e.contains("lies outside the file of"), "{e}");
}

fn tile_id(c: TileCoord) -> u64 {
    tripmap::tiles::pmtiles::tile_id::tile_id(c).unwrap()
}

#[test]
fn leaf_directories_that_loop_or_nest_too_deep_are_errors() {
    let limits = Limits::default();
    // Uncompressed directories, so a leaf can point at exactly its own 5 bytes.
    let mut parts = small_archive(Layout {
        internal_compression: 1,
        ..Layout::default()
    });
    // A leaf whose only entry is a leaf entry pointing at itself.
    let leaf = directory(&[(0, 0, 5, 0)]);
    assert_eq!(leaf.len(), 5);
    parts.root = leaf.clone();
    parts.leaves = leaf;
    let e = tile_error_of(&parts.bytes(), &limits, t(14, 9327, 4742));
    assert!(
        e.ends_with("leaf directories nest deeper than 3 levels (or refer back to each other)"),
        "{e}"
    );
    // Two levels of leaves (root -> leaf A -> leaf B -> tile): read with the default limit,
    // refused with a limit of one level.
    let mut parts = small_archive(Layout {
        internal_compression: 1,
        ..Layout::default()
    });
    let id = tile_id(t(14, 9327, 4742));
    let leaf_b = directory(&[(id, 0, parts.data.len() as u64, 1)]);
    let leaf_a = directory(&[(0, 5, leaf_b.len() as u64, 0)]);
    assert_eq!(leaf_a.len(), 5);
    parts.root = directory(&[(0, 0, 5, 0)]);
    parts.leaves = [leaf_a, leaf_b].concat();
    let (_path, a) = open_bytes(&parts.bytes(), &limits);
    assert!(a.unwrap().tile(t(14, 9327, 4742)).unwrap().is_some());
    let one = Limits {
        max_directory_depth: 1,
        ..Limits::default()
    };
    let e = tile_error_of(&parts.bytes(), &one, t(14, 9327, 4742));
    assert!(
        e.ends_with("leaf directories nest deeper than 1 levels (or refer back to each other)"),
        "{e}"
    );
}

#[test]
fn gzip_bombs_in_directories_and_tiles_stop_at_the_limit() {
    let limits = Limits {
        max_decompressed_tile_bytes: 1 << 20,
        max_decompressed_directory_bytes: 1 << 20,
        ..Limits::default()
    };
    // 64 MiB of zeros in the root directory's place: about 64 KB stored.
    let mut parts = small_archive(Layout::default());
    parts.root = gzip(&vec![0u8; 64 << 20]);
    let e = error_of(&parts.bytes(), &limits);
    assert!(
        e.ends_with("decompressed directory is larger than the limit of 1 MiB"),
        "{e}"
    );
    // And in a tile.
    let parts = archive_parts(
        &[(t(14, 9327, 4742), gzip(&vec![0u8; 64 << 20]))],
        Layout::default(),
    );
    let e = tile_error_of(&parts.bytes(), &limits, t(14, 9327, 4742));
    assert!(
        e.ends_with("decompressed tile is larger than the limit of 1 MiB"),
        "{e}"
    );
    // A stored tile over its own limit is not read at all.
    let small = Limits {
        max_tile_bytes: 10,
        ..Limits::default()
    };
    let parts = small_archive(Layout::default());
    let e = tile_error_of(&parts.bytes(), &small, t(14, 9327, 4742));
    assert!(e.contains("is larger than the limit of 10 bytes"), "{e}");
}

#[test]
fn unsupported_compressions_and_bad_metadata_are_named() {
    let limits = Limits::default();
    for (code, name) in [(3, "brotli"), (4, "zstd")] {
        let parts = small_archive(Layout {
            tile_compression: code,
            ..Layout::default()
        });
        let e = error_of(&parts.bytes(), &limits);
        assert!(
            e.ends_with(&format!(
                "tile compression {name} is not supported (gzip or none)"
            )),
            "{e}"
        );
    }
    let parts = small_archive(Layout {
        tile_compression: 9,
        ..Layout::default()
    });
    assert!(
        error_of(&parts.bytes(), &limits)
            .ends_with("tile compression code 9 is not supported (gzip or none)")
    );
    let parts = small_archive(Layout {
        metadata: "[1, 2]".into(),
        ..Layout::default()
    });
    let e = error_of(&parts.bytes(), &limits);
    assert!(
        e.ends_with("metadata is not a JSON object: found an array"),
        "{e}"
    );
    // A directory whose bytes are not gzip.
    let mut parts = small_archive(Layout::default());
    parts.root = b"not gzip at all".to_vec();
    let e = error_of(&parts.bytes(), &limits);
    assert!(e.contains("directory does not decompress"), "{e}");
}

#[test]
fn archives_written_here_read_back_through_leaves_and_uncompressed() {
    let tile = mvt(
        "earth",
        "earth",
        vec![(3, vec![9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15])],
    );
    for (leaf, compression) in [(false, 2), (true, 2), (true, 1)] {
        let parts = archive_parts(
            &[
                (t(14, 9327, 4742), gzip(&tile)),
                (t(14, 9326, 4742), gzip(&tile)),
            ],
            Layout {
                leaf,
                internal_compression: compression,
                tile_compression: 2,
                ..Layout::default()
            },
        );
        let (_path, a) = open_bytes(&parts.bytes(), &Limits::default());
        let a = a.unwrap();
        assert!(a.tile(t(14, 9327, 4742)).unwrap().is_some());
        assert_eq!(a.tile(t(14, 9328, 4742)).unwrap(), None);
    }
}
