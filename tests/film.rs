//! `map.gif` and `map.mp4`, read back: the GIF decoded by the `gif` crate (frame count, size,
//! timing, the last picture composed from its frames), the MP4's samples counted by the `mp4`
//! crate's reader, and both played by headless Chromium (`tests/js/film-check.js`), which
//! decodes the H.264 with its own decoder and gives the MP4's last picture. The last pictures
//! match `map.png` drawn at the film's size; the first does not (the check can fail). The
//! square preset is its own layout (the map built at 1080 x 1080, not a crop), and a film too
//! large is refused before anything is drawn.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// RGBA pixels and size of a PNG.
fn png(path: &Path) -> (u32, u32, Vec<u8>) {
    let p = resvg::tiny_skia::Pixmap::load_png(path).expect("a PNG");
    (p.width(), p.height(), p.data().to_vec())
}

/// Mean difference per colour channel (0 to 255) between two RGBA pictures over the part
/// both cover (a film is the map made even in size, so up to a row and a column larger).
fn mean_difference(a: (u32, u32, &[u8]), b: (u32, u32, &[u8])) -> f64 {
    let (w, h) = (a.0.min(b.0) as usize, a.1.min(b.1) as usize);
    let mut sum = 0u64;
    for y in 0..h {
        for x in 0..w {
            let (i, j) = ((y * a.0 as usize + x) * 4, (y * b.0 as usize + x) * 4);
            for c in 0..3 {
                sum += u64::from(a.2[i + c].abs_diff(b.2[j + c]));
            }
        }
    }
    sum as f64 / (w * h * 3) as f64
}

/// A GIF decoded: size, each frame's delay (hundredths), and the pictures after the first and
/// last frames (frames are rectangles drawn over the picture before).
struct Gif {
    width: u32,
    height: u32,
    delays: Vec<u16>,
    first: Vec<u8>,
    last: Vec<u8>,
}

fn read_gif(path: &Path) -> Gif {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut d = options
        .read_info(std::fs::File::open(path).unwrap())
        .unwrap();
    let (w, h) = (u32::from(d.width()), u32::from(d.height()));
    let mut canvas = vec![0u8; (w * h * 4) as usize];
    let mut delays = Vec::new();
    let mut first = Vec::new();
    while let Some(f) = d.read_next_frame().unwrap() {
        for y in 0..usize::from(f.height) {
            for x in 0..usize::from(f.width) {
                let s = (y * usize::from(f.width) + x) * 4;
                let t = ((y + usize::from(f.top)) * w as usize + x + usize::from(f.left)) * 4;
                canvas[t..t + 4].copy_from_slice(&f.buffer[s..s + 4]);
            }
        }
        assert_eq!(f.dispose, gif::DisposalMethod::Keep);
        delays.push(f.delay);
        if first.is_empty() {
            first = canvas.clone();
        }
    }
    Gif {
        width: w,
        height: h,
        delays,
        first,
        last: canvas,
    }
}

/// The MP4's video track: sample count, size and timescale.
fn read_mp4(path: &Path) -> (u32, u16, u16, u32) {
    let bytes = std::fs::read(path).unwrap();
    let size = bytes.len() as u64;
    let r = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).unwrap();
    let (&id, track) = r.tracks().iter().next().unwrap();
    (
        r.sample_count(id).unwrap(),
        track.width(),
        track.height(),
        track.timescale(),
    )
}

/// Plays the films in Chromium; one report per job.
fn play(jobs: &Value, scratch: &Path) -> Vec<Value> {
    node_reports("film-check.js", jobs, scratch)
}

#[test]
fn films_decode_back_to_the_animation_ending_on_the_static_map() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("film");
    // 2 s at 10 frames a second: 21 frames, the last at 2 s, on a 480 px map.
    render_ok(
        "data/trips/blinken-2023-11.json",
        &out,
        &[
            "--format",
            "gif,mp4,png",
            "--width",
            "480",
            "--scale",
            "1",
            "--fps",
            "10",
            "--duration",
            "2",
        ],
    );
    let still = png(&out.join("map.png"));
    let even = |v: u32| v + v % 2;
    let g = read_gif(&out.join("map.gif"));
    assert_eq!((g.width, g.height), (even(still.0), even(still.1)));
    // Frames that change nothing lengthen the one before: at most 21 of 0.1 s, then the hold.
    assert!((2..=21).contains(&g.delays.len()), "{:?}", g.delays);
    assert_eq!(
        g.delays.iter().map(|&d| u32::from(d)).sum::<u32>(),
        210 + 200
    );
    let last = mean_difference((g.width, g.height, &g.last), (still.0, still.1, &still.2));
    assert!(last < 2.0, "GIF last frame differs from map.png by {last}");
    let first = mean_difference((g.width, g.height, &g.first), (still.0, still.1, &still.2));
    assert!(
        first > last + 0.05,
        "GIF first frame is the static map ({first})"
    );

    let (samples, w, h, timescale) = read_mp4(&out.join("map.mp4"));
    assert_eq!(
        (samples, u32::from(w), u32::from(h)),
        (21, g.width, g.height)
    );
    assert_eq!(timescale, 10);

    let last_png = dir.path().join("mp4-last.png");
    let reports = play(
        &serde_json::json!([
            { "file": out.join("map.mp4"), "png": last_png },
            { "file": out.join("map.gif") },
        ]),
        dir.path(),
    );
    assert_eq!(reports[0]["playable"], true, "{}", reports[0]);
    assert_eq!(reports[0]["width"].as_u64(), Some(u64::from(g.width)));
    // 21 frames of 0.1 s and the 2 s hold.
    let d = reports[0]["duration"].as_f64().unwrap();
    assert!((d - 4.1).abs() < 0.05, "{d}");
    let played = png(&last_png);
    let diff = mean_difference(
        (played.0, played.1, &played.2),
        (still.0, still.1, &still.2),
    );
    assert!(diff < 4.0, "MP4 last frame differs from map.png by {diff}");
    assert_eq!(reports[1]["playable"], true, "{}", reports[1]);
    assert_eq!(reports[1]["height"].as_u64(), Some(u64::from(g.height)));
}

#[test]
fn the_square_film_is_its_own_layout_and_too_large_a_film_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let film = dir.path().join("square");
    render_ok(
        "data/trips/blinken-2023-11.json",
        &film,
        &[
            "--format",
            "gif",
            "--film",
            "square",
            "--fps",
            "2",
            "--duration",
            "1",
        ],
    );
    let page = dir.path().join("page");
    render_ok(
        "data/trips/blinken-2023-11.json",
        &page,
        &[
            "--format", "png", "--width", "1080", "--height", "1080", "--scale", "1",
        ],
    );
    let g = read_gif(&film.join("map.gif"));
    assert_eq!((g.width, g.height), (1080, 1080));
    let still = png(&page.join("map.png"));
    let diff = mean_difference((g.width, g.height, &g.last), (still.0, still.1, &still.2));
    assert!(
        diff < 2.0,
        "the square film is not the map laid out at 1080 x 1080: {diff}"
    );

    let start = std::time::Instant::now();
    let o = tripmap(&[
        "render",
        "data/trips/blinken-2023-11.json",
        "-o",
        dir.path().to_str().unwrap(),
        "--format",
        "mp4",
        "--film",
        "vertical",
        "--fps",
        "50",
        "--duration",
        "120",
    ]);
    assert!(!o.status.success());
    assert_stderr_has(&o, "more than the limit of 2500 megapixels");
    assert!(
        start.elapsed().as_secs() < 30,
        "the limit came after drawing"
    );
    let o = tripmap(&[
        "render",
        "data/trips/blinken-2023-11.json",
        "-o",
        dir.path().to_str().unwrap(),
        "--format",
        "gif",
        "--fps",
        "0",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_stderr_has(&o, "--fps: 0 frames per second: give 1 to 50");
}
