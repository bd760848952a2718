//! `map.html` and `--animate` in a real browser: headless Chromium (Debian `chromium`, driven
//! by npm `playwright-core` through `tests/js/embed-check.js`, one browser session per test)
//! loads the page at 320, 400, 640, 960 and 1280 px. Exactly one layout shows, the right one;
//! no text of it overlaps another or leaves it; no script runs; Tab walks every stop in visiting
//! order and each shows its tooltip. Animated, the picture with reduced motion emulated, and
//! the picture after the animation, are the static map's. Each check is also run on a
//! deliberately broken page, where it must fail.

mod common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const WIDTHS: [u32; 5] = [320, 400, 640, 960, 1280];

/// Runs the browser on `jobs`; one report per job and width.
fn browse(jobs: &Value, scratch: &Path) -> Vec<Value> {
    node_reports("embed-check.js", jobs, scratch)
}

/// The layout a page of the default widths should show at `width`.
fn expected_layout(width: u64) -> u64 {
    [320, 480, 640, 960, 1280]
        .into_iter()
        .rev()
        .find(|&w| w <= width)
        .unwrap_or(320)
}

/// What is wrong with one report, given the stops' names in visiting order (empty: Tab not
/// checked).
fn problems(r: &Value, names: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let width = r["width"].as_u64().unwrap();
    let shown: Vec<&str> = r["shown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    if shown.len() != 1 {
        out.push(format!("{width} px: {} layouts visible", shown.len()));
    } else if r["layouts"].as_u64() != Some(1) {
        let want = format!("-w{}", expected_layout(width));
        if !shown[0].ends_with(&want) {
            out.push(format!("{width} px: shows {}, not {want}", shown[0]));
        }
    }
    for key in ["overlaps", "clipped"] {
        for p in r[key].as_array().unwrap() {
            out.push(format!("{width} px: {p}"));
        }
    }
    if r["texts"].as_u64().unwrap_or(0) == 0 {
        out.push(format!("{width} px: no text measured"));
    }
    if r["scripts"].as_u64() != Some(0) {
        out.push(format!("{width} px: a script ran"));
    }
    if !names.is_empty() {
        let tabs = r["tabs"].as_array().unwrap();
        for (i, name) in names.iter().enumerate() {
            let t = &tabs[i];
            if t["stop"].as_u64() != Some(i as u64 + 1) {
                out.push(format!("{width} px: Tab {} reached {}", i + 1, t["stop"]));
            } else if t["layout"].as_str() != shown.first().copied() {
                out.push(format!("{width} px: Tab {} is in a hidden layout", i + 1));
            } else if !t["tip"].as_str().is_some_and(|tip| tip.contains(name)) {
                out.push(format!(
                    "{width} px: stop {} shows no tooltip naming {name}: {}",
                    i + 1,
                    t["tip"]
                ));
            } else if t["tip_tofu"].as_str() != Some("") {
                out.push(format!(
                    "{width} px: stop {}'s tooltip has characters with no glyph: {}",
                    i + 1,
                    t["tip_tofu"]
                ));
            } else if t["tip_inside"] != true {
                out.push(format!(
                    "{width} px: stop {}'s tooltip is not wholly inside the map",
                    i + 1
                ));
            }
        }
    }
    out
}

/// The stops' names of a rendered trip, from its stops.geojson.
fn names(dir: &Path) -> Vec<String> {
    let v: Value = serde_json::from_str(&read_text(&dir.join("stops.geojson"))).unwrap();
    v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["name"].as_str().unwrap().to_string())
        .collect()
}

/// What would make the fragment unsafe to paste: a script, an event attribute, a reference
/// to anything outside the file.
fn unsafe_parts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    if lower.contains("<script") {
        out.push("a script element".to_string());
    }
    for (i, _) in lower.match_indices(" on") {
        let rest = &lower[i + 3..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if !name.is_empty() && rest[name.len()..].starts_with('=') {
            out.push(format!("event attribute on{name}"));
        }
    }
    for (i, _) in lower.match_indices("url(") {
        let rest = &lower[i + 4..];
        if !(rest.starts_with('#') || rest.starts_with("data:")) {
            out.push(format!("reference {}", &rest[..rest.len().min(30)]));
        }
    }
    for attr in ["href=\"http", "src=", "@import", "xlink:href=\"http"] {
        if lower.contains(attr) {
            out.push(format!("reference {attr}"));
        }
    }
    out
}

#[test]
fn one_layout_fits_each_width_and_every_stop_is_reachable_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let trips = [
        "data/trips/blinken-2023-11.json",
        "tests/corpus/japan-shinkansen.json",
        "tests/corpus/kyoto-higashiyama-walk.json",
    ];
    let mut jobs = Vec::new();
    let mut expected = Vec::new();
    for trip in trips {
        let out = dir.path().join(stem(trip));
        render_ok(trip, &out, &["--format", "geojson,html", "--html-page"]);
        jobs.push(serde_json::json!({
            "file": out.join("map.html"), "widths": WIDTHS, "tabs": true,
        }));
        expected.push(names(&out));
        // The fragment alone (no page) is safe to paste: no script, no outside reference.
        let fragment = dir.path().join(format!("{}-fragment", stem(trip)));
        render_ok(trip, &fragment, &["--format", "html"]);
        let html = read_text(&fragment.join("map.html"));
        assert!(html.starts_with("<div class=\"tm-"), "{}", &html[..60]);
        assert_eq!(unsafe_parts(&html), Vec::<String>::new(), "{trip}");
    }
    // A broken page for each check: layouts never shown, two shown, stops in reverse order,
    // a label drawn twice, a script.
    let good = read_text(&dir.path().join("blinken-2023-11/map.html"));
    let broken: Vec<(&str, String)> = vec![
        ("none", good.replace("@container", "@xcontainer")),
        ("two", good.replace("{display:none}", "{display:block}")),
        ("reversed", reverse_spots(&good)),
        (
            // Drawn large: inside a label's group it takes the label's small size otherwise,
            // and could fit between the title and the map.
            "overlap",
            good.replace(
                ">Amman</text>",
                ">Amman</text><text x=\"0\" y=\"0\" style=\"font-size:40px\">Amman Amman Amman Amman Amman</text>",
            ),
        ),
        (
            "script",
            good.replace("</body>", "<script>console.log(1)</script></body>"),
        ),
        // A tooltip placed off the map, and one with a character no font has.
        ("tip-out", tip_moved_off(&good)),
        (
            "tofu",
            good.replace(">3 Amman</text>", ">3 Amman \u{10FFFD}</text>"),
        ),
    ];
    for (name, html) in &broken {
        let d = dir.path().join(format!("broken-{name}"));
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("map.html"), html).unwrap();
        jobs.push(serde_json::json!({
            "file": d.join("map.html"), "widths": [320, 640, 1280], "tabs": true,
        }));
    }
    assert_eq!(unsafe_parts(&broken[4].1).len(), 1);
    let reports = browse(&Value::Array(jobs), dir.path());
    assert_eq!(reports.len(), trips.len() * WIDTHS.len() + broken.len() * 3);
    for (k, trip) in trips.iter().enumerate() {
        for r in &reports[k * WIDTHS.len()..(k + 1) * WIDTHS.len()] {
            assert_eq!(problems(r, &expected[k]), Vec::<String>::new(), "{trip}");
        }
    }
    let blinken = &expected[0];
    let found: Vec<Vec<String>> = reports[trips.len() * WIDTHS.len()..]
        .chunks(3)
        .map(|c| c.iter().flat_map(|r| problems(r, blinken)).collect())
        .collect();
    for ((name, _), (p, want)) in broken.iter().zip(found.iter().zip([
        "0 layouts visible",
        "5 layouts visible",
        "Tab 1 reached 8",
        "overlap",
        "a script ran",
        "tooltip is not wholly inside",
        "characters with no glyph",
    ])) {
        assert!(
            p.iter().any(|m| m.contains(want)),
            "broken page `{name}` was not caught ({want}): {p:?}"
        );
    }
}

/// The page with each layout's first tooltip moved far to the right of its map.
fn tip_moved_off(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("-tip-1\" x=\"") {
        let (head, tail) = rest.split_at(i + "-tip-1\" x=\"".len());
        out.push_str(head);
        out.push_str("5000");
        rest = &tail[tail.find('"').unwrap()..];
    }
    out.push_str(rest);
    out
}

/// The page with each layout's focusable stops in reverse order (a layout is one line).
fn reverse_spots(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("-spots\">") {
        let (head, tail) = rest.split_at(start + "-spots\">".len());
        out.push_str(head);
        let end = tail.find("</g></svg>").unwrap();
        let spots: Vec<&str> = tail[..end].split_inclusive("</g>").collect();
        for s in spots.iter().rev() {
            out.push_str(s);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// A screenshot as RGBA pixels.
fn pixels(path: &Path) -> (u32, u32, Vec<u8>) {
    let p = resvg::tiny_skia::Pixmap::load_png(path).expect("a PNG");
    (p.width(), p.height(), p.data().to_vec())
}

/// Share of the pixels of two pictures of one size that differ by more than 16 in a channel.
fn differing(a: &Path, b: &Path) -> f64 {
    let (wa, ha, pa) = pixels(a);
    let (wb, hb, pb) = pixels(b);
    if (wa, ha) != (wb, hb) {
        return 1.0;
    }
    let bad = pa
        .chunks(4)
        .zip(pb.chunks(4))
        .filter(|(x, y)| x.iter().zip(y.iter()).any(|(u, v)| u.abs_diff(*v) > 16))
        .count();
    bad as f64 / (wa * ha) as f64
}

#[test]
fn the_animation_ends_on_the_static_map_and_reduced_motion_shows_it_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let trip = "data/trips/blinken-2023-11.json";
    let still = dir.path().join("still");
    let moving = dir.path().join("moving");
    render_ok(trip, &still, &["--format", "svg,html", "--html-page"]);
    render_ok(
        trip,
        &moving,
        &[
            "--format",
            "svg,html",
            "--html-page",
            "--animate",
            "--duration",
            "1",
        ],
    );
    // A slow one, to be seen surely before its end; broken: the reduced-motion rule left
    // out, so the first frame is an empty map.
    let slow = dir.path().join("slow");
    render_ok(
        trip,
        &slow,
        &[
            "--format",
            "html",
            "--html-page",
            "--animate",
            "--duration",
            "60",
        ],
    );
    let careless = dir.path().join("careless");
    std::fs::create_dir_all(&careless).unwrap();
    let html = read_text(&slow.join("map.html"));
    std::fs::write(
        careless.join("map.html"),
        html.replace("prefers-reduced-motion:reduce", "max-width:1px"),
    )
    .unwrap();
    let shots = |name: &str| {
        let d = dir.path().join(format!("shots-{name}"));
        std::fs::create_dir_all(&d).unwrap();
        d
    };
    let widths = [400, 960];
    let job_at = |file: PathBuf, name: &str, reduced: bool, wait: u64, widths: &[u32]| {
        serde_json::json!({
            "file": file, "widths": widths, "shots": shots(name),
            "reduced": reduced, "wait_ms": wait,
        })
    };
    let job = |file, name: &str, reduced, wait| job_at(file, name, reduced, wait, &widths);
    // map.svg is 960 px wide: seen whole in a wider window.
    let svg_job = |file, name: &str, reduced, wait| job_at(file, name, reduced, wait, &[1000]);
    let jobs = serde_json::json!([
        job(still.join("map.html"), "still", false, 0),
        job(moving.join("map.html"), "reduced", true, 0),
        job(moving.join("map.html"), "after", false, 1600),
        job(slow.join("map.html"), "early", false, 0),
        job(careless.join("map.html"), "careless", true, 0),
        svg_job(still.join("map.svg"), "still-svg", false, 0),
        svg_job(moving.join("map.svg"), "reduced-svg", true, 0),
        svg_job(moving.join("map.svg"), "after-svg", false, 1600),
    ]);
    let reports = browse(&jobs, dir.path());
    let shot = |i: usize, w: usize| PathBuf::from(reports[i * 2 + w]["shot"].as_str().unwrap());
    for (w, width) in widths.iter().enumerate() {
        let still = shot(0, w);
        for (i, name) in [(1, "reduced motion"), (2, "after the animation")] {
            let d = differing(&still, &shot(i, w));
            assert!(d < 0.001, "{name} at {width} px: {d} of the pixels differ");
        }
        // Checks that can fail: the first frame of the animation is not the map, nor is a page
        // that forgets reduced motion.
        for (i, name) in [(3, "first frame"), (4, "no reduced-motion rule")] {
            let d = differing(&still, &shot(i, w));
            assert!(d > 0.001, "{name} at {width} px equals the static map");
        }
    }
    // map.svg alone: the same (its three reports follow the pages' ten).
    let svg_shot = |i: usize| PathBuf::from(reports[10 + i]["shot"].as_str().unwrap());
    for (i, name) in [(1, "reduced motion"), (2, "after the animation")] {
        let d = differing(&svg_shot(0), &svg_shot(i));
        assert!(d < 0.001, "map.svg, {name}: {d} of the pixels differ");
    }
    for r in &reports {
        assert_eq!(r["scripts"].as_u64(), Some(0));
    }
}

#[test]
fn bad_widths_and_durations_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    for (args, want) in [
        (
            vec!["--widths", "320,100"],
            "--widths: width 100 px: give 320 to 10000",
        ),
        (
            vec!["--widths", "640,640"],
            "--widths: width 640 is given twice",
        ),
        (
            vec!["--animate", "--duration", "0"],
            "--duration: duration 0 s",
        ),
    ] {
        let mut a = vec!["render", "data/trips/blinken-2023-11.json", "-o", out];
        a.extend(args);
        let o = tripmap(&a);
        assert_eq!(o.status.code(), Some(2), "{a:?}");
        assert_stderr_has(&o, want);
    }
}

/// `map.html` of `trip` (read by the library) with the basemap shared or each layout's own.
fn html_of(trip: &str, share_basemap: bool) -> String {
    use tripmap::render::html::{self, HtmlOptions};
    let bytes = std::fs::read(root().join(trip)).unwrap();
    let itinerary = tripmap::io::read(&bytes, tripmap::io::Format::Json).unwrap();
    let route = tripmap::routing::plan(&itinerary, tripmap::routing::Order::Time).unwrap();
    let mut options = HtmlOptions::default();
    options.page = true;
    options.share_basemap = share_basemap;
    let map = tripmap::scene::MapOptions::default();
    String::from_utf8(html::write(&route, &map, None, &options, None).unwrap()).unwrap()
}

#[test]
fn the_shared_basemap_looks_like_each_layouts_own() {
    let dir = tempfile::tempdir().unwrap();
    let widths = [320, 400, 640, 960, 1280];
    let shots = dir.path().join("shots");
    std::fs::create_dir_all(&shots).unwrap();
    let mut pages: Vec<(String, String)> = Vec::new();
    // The reference trip (one 1:110m basemap for the five layouts), a trip whose layouts
    // share two basemaps, and a city walk whose layouts share their locator maps (as a share
    // of the page without sharing, the most each may weigh).
    let trips = [
        ("data/trips/blinken-2023-11.json", "-ground-0", 0.67),
        ("tests/corpus/europe-grand-tour.json", "-ground-0", 0.67),
        ("tests/corpus/prague-old-town-walk.json", "-locator-0", 0.8),
    ];
    for (trip, shared_id, most) in trips {
        let (own, shared) = (html_of(trip, false), html_of(trip, true));
        assert!(!own.contains(shared_id), "{trip}");
        assert!(shared.contains(&format!("{shared_id}\"/></svg>")), "{trip}");
        assert!(
            (shared.len() as f64) < own.len() as f64 * most,
            "{trip}: {} of {}",
            shared.len(),
            own.len()
        );
        pages.push((format!("own-{}", stem(trip)), own));
        pages.push((format!("shared-{}", stem(trip)), shared));
    }
    // Broken: the shared basemap placed 20 px off, its lines not scaled back to width, and the
    // walk's shared locator placed 20 px off.
    let good = pages[1].1.clone();
    pages.push((
        "off".into(),
        good.replace("<use href=", "<use x=\"200\" href="),
    ));
    let p = good
        .split("<div class=\"")
        .nth(1)
        .unwrap()
        .split("-embed")
        .next()
        .unwrap();
    let unscaled = good.replace(&format!("--{p}-k:"), &format!("--{p}-kx:"));
    assert_ne!(unscaled, good);
    pages.push(("thin".into(), unscaled));
    let walk = &pages[5].1;
    let locator_off = walk.replace("><use href=\"#", "><use x=\"200\" href=\"#");
    assert_ne!(&locator_off, walk);
    pages.push(("locator-off".into(), locator_off));
    let mut jobs = Vec::new();
    for (name, html) in &pages {
        let d = dir.path().join(name);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("map.html"), html).unwrap();
        jobs.push(serde_json::json!({
            "file": d.join("map.html"), "widths": widths, "shots": shots,
        }));
    }
    let reports = browse(&Value::Array(jobs), dir.path());
    assert_eq!(reports.len(), pages.len() * widths.len());
    let shot = |page: usize, w: usize| {
        PathBuf::from(reports[page * widths.len() + w]["shot"].as_str().unwrap())
    };
    for (w, width) in widths.iter().enumerate() {
        for trip in 0..trips.len() {
            let d = differing(&shot(2 * trip, w), &shot(2 * trip + 1, w));
            assert!(
                d < 0.005,
                "{} at {width} px: {d} of the pixels differ",
                pages[2 * trip].0
            );
        }
    }
    // Each broken page differs from the layouts' own basemaps at every width.
    for (broken, own) in [(6, 0), (7, 0), (8, 4)] {
        for (w, width) in widths.iter().enumerate() {
            let d = differing(&shot(own, w), &shot(broken, w));
            assert!(
                d > 0.005,
                "broken page {} at {width} px looks right: {d}",
                pages[broken].0,
            );
        }
    }
}

/// `map.html`'s layouts are written leaner than `map.svg` (short classes scoped to the embed,
/// rules only for the classes used, a marker's circle and number and a label's name without a
/// class): a page of one layout 1,000 px wide, in a window as wide, looks exactly like
/// `map.svg` drawn 1,000 px wide. Broken: the rules that stand for the bare children's
/// classes dropped, or a class's rule lost.
#[test]
fn a_layout_looks_like_map_svg() {
    let dir = tempfile::tempdir().unwrap();
    let trips = [
        "data/trips/blinken-2023-11.json",
        "data/trips/route66-by-name.json",
        "tests/corpus/lisbon-alfama-walk.json",
    ];
    let shots = dir.path().join("shots");
    std::fs::create_dir_all(&shots).unwrap();
    let mut jobs = Vec::new();
    let mut pages = Vec::new();
    for trip in trips {
        let out = dir.path().join(stem(trip));
        render_ok(
            trip,
            &out,
            &[
                "--format",
                "svg,html",
                "--html-page",
                "--width",
                "1000",
                "--widths",
                "1000",
            ],
        );
        pages.push(read_text(&out.join("map.html")));
        for file in ["map.svg", "map.html"] {
            // Each in a folder of its own: a shot is named after its file's folder.
            let d = dir.path().join(format!("{}-{file}", stem(trip)));
            std::fs::create_dir_all(&d).unwrap();
            std::fs::copy(out.join(file), d.join(file)).unwrap();
            jobs.push(serde_json::json!({
                "file": d.join(file), "widths": [1000], "shots": shots,
            }));
        }
    }
    let good = &pages[0];
    let broken = [
        ("bare", good.replace(":not([class])", ":not(*)")),
        (
            "class-rule",
            good.replacen("-embed .tm-country-name{", "-embed .tm-country-namex{", 1),
        ),
    ];
    for (name, html) in &broken {
        assert_ne!(html, good, "{name}");
        let d = dir.path().join(format!("broken-{name}"));
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("map.html"), html).unwrap();
        jobs.push(serde_json::json!({
            "file": d.join("map.html"), "widths": [1000], "shots": shots,
        }));
    }
    let reports = browse(&Value::Array(jobs), dir.path());
    let shot = |i: usize| PathBuf::from(reports[i]["shot"].as_str().unwrap());
    for (i, trip) in trips.iter().enumerate() {
        let d = differing(&shot(2 * i), &shot(2 * i + 1));
        assert!(d < 0.001, "{trip}: {d} of the pixels differ from map.svg");
    }
    for (k, (name, _)) in broken.iter().enumerate() {
        let d = differing(&shot(0), &shot(2 * trips.len() + k));
        assert!(d > 0.001, "broken page `{name}` looks like map.svg");
    }
}
