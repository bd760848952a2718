//! Names in their own scripts, in a browser that has no font for them: headless Chromium (Debian
//! `chromium`, driven by npm `playwright-core`) with a font configuration holding DejaVu Sans
//! only, as on a machine without CJK, Arabic, Hebrew, Devanagari or Thai fonts. On the nine
//! trips of `tests/fixtures/scripts/` at 960 and 320 px, light and dark, every character of
//! every text is drawn with a real glyph (`tests/js/check-glyphs.js`: no last-resort box, no
//! blank) and no two texts overlap or leave the map (`tests/js/measure-svg.js`).

mod common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fontconfig file offering DejaVu Sans and DejaVu Sans Bold only (with the system's
/// rendering rules), in `dir`.
fn dejavu_only(dir: &Path) -> PathBuf {
    let fonts = dir.join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    for f in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] {
        let src = Path::new("/usr/share/fonts/truetype/dejavu").join(f);
        assert!(
            src.exists(),
            "{src:?}: scripts/test.sh installs fonts-dejavu-core"
        );
        std::fs::copy(&src, fonts.join(f)).unwrap();
    }
    let conf = dir.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n\
             <dir>{}</dir>\n<cachedir>{}</cachedir>\n\
             <include ignore_missing=\"yes\">/etc/fonts/conf.d</include>\n</fontconfig>\n",
            fonts.display(),
            dir.join("cache").display()
        ),
    )
    .unwrap();
    conf
}

/// Runs a script of `tests/js` on `files` in that browser; one JSON report per file, and
/// whether it exited 0.
fn run(script: &str, files: &[PathBuf], conf: &Path) -> (Vec<Value>, bool) {
    let o = Command::new("node")
        .arg(root().join("tests/js").join(script))
        .args(files)
        .env("FONTCONFIG_FILE", conf)
        .current_dir(root())
        .output()
        .expect("node is installed (scripts/test.sh installs it)");
    assert!(
        o.status.code() != Some(2),
        "the browser did not run: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let reports = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (reports, o.status.success())
}

/// The nine trips rendered at 960 px, and at 320 px light and dark with notes.
fn maps(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut trips: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/scripts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    trips.sort();
    for trip in trips {
        let trip = trip.to_str().unwrap().to_string();
        let stem = stem(&trip);
        for (name, extra) in [
            ("960", vec![]),
            ("320", vec!["--width", "320"]),
            (
                "320-dark",
                vec!["--width", "320", "--theme", "dark", "--annotate"],
            ),
        ] {
            let out = dir.join(format!("{stem}-{name}"));
            render_ok(&trip, &out, &extra);
            files.push(out.join("map.svg"));
        }
    }
    files
}

#[test]
fn every_character_is_drawn_and_no_text_overlaps_without_system_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dejavu_only(&dir.path().join("fontconfig"));
    let files = maps(dir.path());
    let (glyphs, ok) = run("check-glyphs.js", &files, &conf);
    assert_eq!(glyphs.len(), files.len());
    for r in &glyphs {
        assert!(r["chars"].as_u64().unwrap() > 50, "{r}");
        assert_eq!(r["missing"].as_array().unwrap().len(), 0, "{r}");
    }
    assert!(ok);
    let (boxes, ok) = run("measure-svg.js", &files, &conf);
    for r in &boxes {
        assert_eq!(r["overlaps"], 0, "{r}");
        assert_eq!(r["problems"].as_array().unwrap().len(), 0, "{r}");
    }
    assert!(ok);
}

/// The glyph check can fail: without the glyphs `map.svg` embeds, that browser draws boxes
/// for Japanese and Hindi names.
#[test]
fn without_the_embedded_glyphs_the_browser_draws_boxes() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dejavu_only(&dir.path().join("fontconfig"));
    let mut files = Vec::new();
    for trip in ["japan", "india"] {
        let out = dir.path().join(trip);
        render_ok(&format!("tests/fixtures/scripts/{trip}.json"), &out, &[]);
        let svg = read_text(&out.join("map.svg"));
        assert!(svg.contains("@font-face"), "{trip}");
        let bare: String = svg
            .lines()
            .filter(|l| !l.starts_with("@font-face"))
            .map(|l| format!("{l}\n"))
            .collect();
        let file = out.join("bare.svg");
        std::fs::write(&file, bare).unwrap();
        files.push(file);
    }
    let (reports, ok) = run("check-glyphs.js", &files, &conf);
    assert!(!ok);
    for r in &reports {
        assert!(r["missing"].as_array().unwrap().len() > 5, "{r}");
    }
}
