//! Helpers for the street-level basemap tests: a small PMTiles writer (to make archives that
//! are broken in one chosen way), vector tile builders, the Helsinki walk map, and loopback
//! HTTP servers that serve bytes with or without Range support, fail, or stall.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use prost::Message;
use tripmap::model::LonLat;
use tripmap::projection::{Bounds, Fitted, Mercator, fit_bounds_min_span};
use tripmap::tiles::TileCoord;
use tripmap::tiles::mvt::proto;
use tripmap::tiles::pmtiles::tile_id::tile_id;

/// The Helsinki fixture's path.
pub fn helsinki() -> String {
    fixture("helsinki.pmtiles")
}

/// A fixture's path.
pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tiles")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A walk in central Helsinki (railway station, Kaisaniemi park, Hakaniemi, the Cathedral) on
/// a `width` px map, Mercator, 3:4.
pub fn walk_map(width: f64) -> Fitted<Mercator> {
    let stops = [
        (24.9414, 60.1710),
        (24.9470, 60.1745),
        (24.9510, 60.1790),
        (24.9522, 60.1703),
    ]
    .map(|(lon, lat)| LonLat::new(lon, lat).unwrap());
    map_of(&stops, width, (width * 0.75).round())
}

/// A Mercator map fitted to `stops` with no minimum span.
pub fn map_of(stops: &[LonLat], width: f64, height: f64) -> Fitted<Mercator> {
    let p = Mercator::sphere(stops[0].lon());
    let b = Bounds::of_positions(&p, stops).unwrap();
    fit_bounds_min_span(p, b, width, height, 40.0, 0.0).unwrap()
}

/// What `scripts/build_helsinki_pmtiles.py` puts in leaves.pmtiles at z/x/y.
pub fn leaves_content(z: u8, x: u32, y: u32) -> Vec<u8> {
    if z == 8 && x < 16 {
        return b"west".to_vec();
    }
    let (x, y, z) = (u64::from(x), u64::from(y), u64::from(z));
    (((x * 73856093) ^ (y * 19349663) ^ (z * 83492791)) % 251)
        .to_string()
        .into_bytes()
}

/// Writes `parts` to a temporary `.pmtiles` file (removed when the path is dropped) and opens
/// it with `limits`.
pub fn open_parts(
    parts: &Parts,
    limits: &tripmap::tiles::Limits,
) -> (tempfile::TempPath, tripmap::tiles::Archive) {
    let file = tempfile::Builder::new()
        .suffix(".pmtiles")
        .tempfile()
        .unwrap();
    std::fs::write(file.path(), parts.bytes()).unwrap();
    let path = file.into_temp_path();
    let archive = tripmap::tiles::Archive::open(path.to_str().unwrap(), limits).unwrap();
    (path, archive)
}

/// gzip of `data`.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A directory entry for [`write_archive`]: first tile id, offset, length, run length (0 for
/// a leaf).
pub type Entry = (u64, u64, u64, u64);

/// Directory bytes (uncompressed) for `entries`.
pub fn directory(entries: &[Entry]) -> Vec<u8> {
    let mut b = Vec::new();
    let v = |n: u64, b: &mut Vec<u8>| prost::encoding::encode_varint(n, b);
    v(entries.len() as u64, &mut b);
    let mut last = 0;
    for e in entries {
        v(e.0 - last, &mut b);
        last = e.0;
    }
    for e in entries {
        v(e.3, &mut b);
    }
    for e in entries {
        v(e.2, &mut b);
    }
    for e in entries {
        v(e.1 + 1, &mut b);
    }
    b
}

/// How [`write_archive`] lays an archive out.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Compression codes for directories and tiles (2: gzip).
    pub internal_compression: u8,
    /// Tile compression code.
    pub tile_compression: u8,
    /// Tile type (1: MVT).
    pub tile_type: u8,
    /// Zooms.
    pub min_zoom: u8,
    /// Zooms.
    pub max_zoom: u8,
    /// West, south, east, north.
    pub bounds: (f64, f64, f64, f64),
    /// Metadata JSON.
    pub metadata: String,
    /// Put the tile entries in a leaf directory instead of the root.
    pub leaf: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            internal_compression: 2,
            tile_compression: 2,
            tile_type: 1,
            min_zoom: 0,
            max_zoom: 16,
            bounds: (-180.0, -85.0, 180.0, 85.0),
            metadata: r#"{"attribution":"test"}"#.into(),
            leaf: false,
        }
    }
}

/// Parts of an archive, to be put together (and broken) by the tests.
#[derive(Debug, Clone)]
pub struct Parts {
    /// Header fields.
    pub layout: Layout,
    /// Root directory bytes (as stored).
    pub root: Vec<u8>,
    /// Metadata bytes (as stored).
    pub metadata: Vec<u8>,
    /// Leaf section bytes (as stored).
    pub leaves: Vec<u8>,
    /// Tile data section.
    pub data: Vec<u8>,
    /// Version byte.
    pub version: u8,
}

impl Parts {
    /// The archive's bytes: header, root, metadata, leaves, data.
    pub fn bytes(&self) -> Vec<u8> {
        let l = &self.layout;
        let root_at = 127u64;
        let meta_at = root_at + self.root.len() as u64;
        let leaves_at = meta_at + self.metadata.len() as u64;
        let data_at = leaves_at + self.leaves.len() as u64;
        let mut h = Vec::with_capacity(127);
        h.extend(b"PMTiles");
        h.push(self.version);
        for n in [
            root_at,
            self.root.len() as u64,
            meta_at,
            self.metadata.len() as u64,
            leaves_at,
            self.leaves.len() as u64,
            data_at,
            self.data.len() as u64,
            0,
            0,
            0,
        ] {
            h.extend(n.to_le_bytes());
        }
        h.extend([1, l.internal_compression, l.tile_compression, l.tile_type]);
        h.extend([l.min_zoom, l.max_zoom]);
        let deg = |d: f64| ((d * 1e7).round() as i32).to_le_bytes();
        for d in [l.bounds.0, l.bounds.1, l.bounds.2, l.bounds.3] {
            h.extend(deg(d));
        }
        h.push(l.min_zoom);
        h.extend(deg((l.bounds.0 + l.bounds.2) / 2.0));
        h.extend(deg((l.bounds.1 + l.bounds.3) / 2.0));
        assert_eq!(h.len(), 127);
        let mut out = h;
        out.extend(&self.root);
        out.extend(&self.metadata);
        out.extend(&self.leaves);
        out.extend(&self.data);
        out
    }
}

/// An archive's parts holding `tiles` (bytes as stored), in tile-id order.
pub fn archive_parts(tiles: &[(TileCoord, Vec<u8>)], layout: Layout) -> Parts {
    let mut sorted: Vec<(u64, &Vec<u8>)> = tiles
        .iter()
        .map(|(t, d)| (tile_id(*t).unwrap(), d))
        .collect();
    sorted.sort_by_key(|(id, _)| *id);
    let mut data = Vec::new();
    let mut entries = Vec::new();
    for (id, d) in sorted {
        entries.push((id, data.len() as u64, d.len() as u64, 1));
        data.extend(d.iter());
    }
    let compress = |b: Vec<u8>| {
        if layout.internal_compression == 2 {
            gzip(&b)
        } else {
            b
        }
    };
    let (root, leaves) = if layout.leaf {
        let leaf = compress(directory(&entries));
        let root = compress(directory(&[(entries[0].0, 0, leaf.len() as u64, 0)]));
        (root, leaf)
    } else {
        (compress(directory(&entries)), Vec::new())
    };
    Parts {
        metadata: compress(layout.metadata.clone().into_bytes()),
        layout,
        root,
        leaves,
        data,
        version: 3,
    }
}

/// A vector tile with one layer `name` holding `features` (type, geometry stream) tagged
/// `kind` = `kind`.
pub fn mvt(name: &str, kind: &str, features: Vec<(i32, Vec<u32>)>) -> Vec<u8> {
    proto::Tile {
        layers: vec![proto::Layer {
            version: 2,
            name: name.into(),
            features: features
                .into_iter()
                .map(|(t, g)| proto::Feature {
                    id: None,
                    tags: vec![0, 0],
                    r#type: Some(t),
                    geometry: g,
                })
                .collect(),
            keys: vec!["kind".into()],
            values: vec![proto::Value {
                string_value: Some(kind.into()),
                ..Default::default()
            }],
            extent: Some(4096),
        }],
    }
    .encode_to_vec()
}

/// What a loopback server does with each request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Behaviour {
    /// Answers Range requests with 206 and the bytes.
    Ranges,
    /// Ignores Range and answers 200 with the whole file.
    IgnoreRanges,
    /// 404 Not Found.
    NotFound,
    /// 206 headers promising the range, then half the body and a closed connection.
    Truncated,
    /// Reads the request and never answers (until the server stops).
    Stall,
}

/// A loopback HTTP server in a thread, stopping by itself after `LIFETIME` or
/// `MAX_CONNECTIONS` connections.
pub struct Server {
    /// `http://127.0.0.1:PORT/NAME.pmtiles`.
    pub url: String,
    requests: Arc<AtomicUsize>,
}

const LIFETIME: Duration = Duration::from_secs(30);
const MAX_CONNECTIONS: usize = 500;

impl Server {
    /// Starts serving `bytes` with `behaviour`.
    pub fn start(bytes: Vec<u8>, behaviour: Behaviour) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        let bytes = Arc::new(bytes);
        std::thread::spawn(move || {
            let start = Instant::now();
            let mut connections = 0;
            while start.elapsed() < LIFETIME && connections < MAX_CONNECTIONS {
                match listener.accept() {
                    Ok((stream, _)) => {
                        connections += 1;
                        let (bytes, counter) = (bytes.clone(), counter.clone());
                        std::thread::spawn(move || {
                            let _ = answer(stream, &bytes, behaviour, &counter);
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(2)),
                }
            }
        });
        Server {
            url: format!("http://127.0.0.1:{port}/helsinki.pmtiles"),
            requests,
        }
    }

    /// Requests answered (or stalled) so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

fn answer(
    mut stream: TcpStream,
    bytes: &[u8],
    behaviour: Behaviour,
    counter: &AtomicUsize,
) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 16_384 {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        request.extend(&buf[..n]);
    }
    counter.fetch_add(1, Ordering::SeqCst);
    let text = String::from_utf8_lossy(&request).to_lowercase();
    let range = text
        .lines()
        .find_map(|l| l.strip_prefix("range: bytes="))
        .and_then(|r| {
            let (a, b) = r.trim().split_once('-')?;
            Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?))
        });
    let len = bytes.len();
    match behaviour {
        Behaviour::Stall => {
            std::thread::sleep(Duration::from_secs(3));
            Ok(())
        }
        Behaviour::NotFound => stream.write_all(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found",
        ),
        Behaviour::IgnoreRanges => {
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
            )?;
            stream.write_all(bytes)
        }
        Behaviour::Ranges | Behaviour::Truncated => {
            let Some((a, b)) = range.filter(|&(a, _)| a < len) else {
                return stream.write_all(
                    b"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
            };
            let b = b.min(len - 1);
            let body = &bytes[a..=b];
            write!(
                stream,
                "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {a}-{b}/{len}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            if behaviour == Behaviour::Truncated {
                stream.write_all(&body[..body.len() / 2])?;
                stream.flush()?;
                return Ok(());
            }
            stream.write_all(body)
        }
    }
}
