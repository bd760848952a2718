//! Checks 6 and 10 (SVG) in a real browser: one headless Chromium session (`tests/js/desk-measure.js`,
//! npm `playwright-core`, Debian's `/usr/bin/chromium`) measures every map at once: overlapping
//! texts, texts leaving the picture, and characters no installed font draws.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What the browser saw on one map.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// The SVG file.
    pub file: PathBuf,
    /// How many texts it measured.
    pub texts: usize,
    /// Pairs of texts that overlap.
    pub overlaps: Vec<String>,
    /// Texts that leave the picture.
    pub clipped: Vec<String>,
    /// Characters drawn as the missing-glyph box.
    pub missing: Vec<String>,
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Measures `files` in one browser session; one [`Seen`] per file, in order. Panics when the
/// browser cannot run (`scripts/test.sh` installs Node, Chromium and playwright-core).
pub fn measure(root: &Path, files: &[PathBuf], scratch: &Path) -> Vec<Seen> {
    if files.is_empty() {
        return Vec::new();
    }
    let list = scratch.join("desk-measure-list.json");
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    std::fs::write(&list, serde_json::to_string(&names).unwrap()).unwrap();
    let o = Command::new("node")
        .arg(root.join("tests/js/desk-measure.js"))
        .arg(&list)
        .current_dir(root)
        .output()
        .expect("node is installed (scripts/test.sh installs it)");
    assert!(
        o.status.success(),
        "the browser did not run: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    let seen: Vec<Seen> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            Seen {
                file: PathBuf::from(v["file"].as_str().unwrap_or("")),
                texts: v["texts"].as_u64().unwrap_or(0) as usize,
                overlaps: strings(&v["overlaps"]),
                clipped: strings(&v["clipped"]),
                missing: strings(&v["missing"]),
            }
        })
        .collect();
    assert_eq!(seen.len(), files.len(), "{out}");
    seen
}
