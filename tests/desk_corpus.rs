//! The desk checks of issue 16 on the corpus of real trips (`tests/corpus/`, see its README and
//! `docs/desk-checks.md`): every trip drawn through the library at 320, 640 and 960 px, light and
//! dark; every map checked as an editor would (markers, `<desc>`, labels and leaders, positions,
//! insets, names and notes, extent, parallel legs, furniture), measured in one headless Chromium
//! session (overlapping and clipped text, missing glyphs) and laid out by resvg's text engine with
//! the PNG's bundled fonts (missing glyphs).
//!
//! Today many maps fail; `tests/corpus/expected-failures.txt` lists each failing map and check,
//! and this test fails on any difference: a new failure, or a listed one that now passes (remove
//! its line, or rewrite the list with `TRIPMAP_DESK_BLESS=1`). The held-out trips
//! (`tests/corpus/heldout/`) are drawn and checked too, but only counted in the report, so that
//! who tunes the cartography does not see them; `TRIPMAP_DESK_HELDOUT=1` reports them in full and
//! holds them to `tests/corpus/heldout/expected-failures.txt`. The report is written to
//! `target/desk-report.md` on every run; the maps stay in `target/desk/maps/`.
//! `TRIPMAP_DESK_ONLY=trip,trip` checks only those trips; `TRIPMAP_DESK_TIMING=1` prints how long
//! each scene took to build.

mod common;
mod desk;

use desk::checks::Check;
use desk::corpus::{self, Entry, THEMES, WIDTHS};
use desk::expected::{self, Failure};
use desk::report::{self, MapResult};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The target folder (`target/`), where the report and the maps go.
fn target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// One map drawn: its result so far, its file and what it was read as.
struct Drawn {
    result: MapResult,
    file: Option<PathBuf>,
    reading: Option<desk::reading::Reading>,
}

/// Draws and checks every map of one trip (in-process, no browser).
fn draw_trip(root: &Path, e: &Entry, maps: &Path) -> Vec<Drawn> {
    let timing = std::env::var("TRIPMAP_DESK_TIMING").is_ok();
    let trip = corpus::load(root, e);
    let mut out = Vec::new();
    for w in WIDTHS {
        let t0 = Instant::now();
        let scene = trip
            .as_ref()
            .map_err(String::clone)
            .and_then(|t| corpus::scene(&t.route, w, e.annotate));
        if timing {
            eprintln!(
                "{} {w}: built in {:.0} ms",
                e.name,
                t0.elapsed().as_secs_f64() * 1000.0
            );
        }
        for theme in THEMES {
            let mut result = MapResult {
                trip: e.name.clone(),
                kinds: e.kinds.clone(),
                width: w,
                theme: theme.to_string(),
                problems: BTreeMap::new(),
            };
            let mut file = None;
            let mut reading = None;
            let svg = match (&trip, &scene) {
                (Err(err), _) => Err(format!("the trip does not plan: {err}")),
                (_, Err(err)) => Err(format!("the map is not drawn: {err}")),
                (Ok(_), Ok(scene)) => corpus::svg_in(scene, theme),
            };
            match (svg, &trip) {
                (Err(err), _) => {
                    result.problems.insert(Check::Render, vec![err]);
                }
                (_, Err(err)) => {
                    result.problems.insert(Check::Render, vec![err.clone()]);
                }
                (Ok(svg), Ok(t)) => {
                    let dir = maps.join(&e.name);
                    std::fs::create_dir_all(&dir).unwrap();
                    let path = dir.join(format!("{w}-{theme}.svg"));
                    std::fs::write(&path, &svg).unwrap();
                    file = Some(path);
                    match desk::reading::read(&svg) {
                        Ok(r) => {
                            result.problems = desk::check_reading(&r, t, e.title.as_deref());
                            reading = Some(r);
                        }
                        Err(err) => {
                            result.problems.insert(
                                Check::Render,
                                vec![format!("the SVG cannot be read: {err}")],
                            );
                        }
                    }
                }
            }
            out.push(Drawn {
                result,
                file,
                reading,
            });
        }
    }
    out
}

/// Check 10 in the PNG for one trip's maps: its texts laid out once with the PNG's fonts.
fn png_glyphs(drawn: &mut [Drawn]) {
    let Some(first) = drawn.iter().find_map(|d| d.reading.as_ref()) else {
        return;
    };
    let (prefix, css) = (first.prefix.clone(), first.css.clone());
    let mut texts: BTreeSet<(String, String)> = BTreeSet::new();
    for d in drawn.iter() {
        for t in d.reading.iter().flat_map(|r| &r.texts) {
            texts.insert((t.class.clone(), t.text.clone()));
        }
    }
    let texts: Vec<(String, String)> = texts.into_iter().collect();
    let missing = desk::png_glyphs::missing(&prefix, &css, &texts);
    for d in drawn.iter_mut() {
        let Some(r) = &d.reading else { continue };
        let mut problems: Vec<String> = Vec::new();
        let mut seen: BTreeSet<char> = BTreeSet::new();
        for t in &r.texts {
            for &c in &missing[&(t.class.clone(), t.text.clone())] {
                if seen.insert(c) {
                    let text: String = t.text.chars().take(40).collect();
                    problems.push(format!(
                        "U+{:04X} “{c}” in “{text}” has no glyph in map.png",
                        c as u32
                    ));
                }
            }
        }
        if !problems.is_empty() {
            d.result.problems.insert(Check::GlyphsPng, problems);
        }
    }
}

/// Check 9 through the CLI: `--title`, `--subtitle` and `--source` set the furniture, for one
/// trip of each input format. Problems per trip name.
fn cli_settable(entries: &[Entry]) -> BTreeMap<String, Vec<String>> {
    let mut firsts: BTreeMap<String, &Entry> = BTreeMap::new();
    for e in entries {
        let ext = Path::new(&e.path)
            .extension()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        firsts.entry(ext).or_insert(e);
    }
    firsts
        .into_values()
        .map(|e| {
            let path = format!("tests/corpus/{}", e.path);
            let args = [
                "render",
                path.as_str(),
                "--stdout",
                "svg",
                "--title",
                "Desk title",
                "--subtitle",
                "Desk subtitle",
                "--source",
                "Desk source",
            ];
            let o = common::tripmap(&args);
            let mut problems = Vec::new();
            if !o.status.success() {
                let err = common::stderr(&o);
                problems.push(format!(
                    "`tripmap render {} --title … --subtitle … --source …` fails: {}",
                    e.path,
                    err.lines().next().unwrap_or("").trim()
                ));
            } else {
                let svg = common::stdout(&o);
                match desk::reading::read(&svg) {
                    Err(err) => problems.push(format!("--stdout svg is not an SVG: {err}")),
                    Ok(r) => {
                        let join = |c: &str| {
                            r.texts_of(c)
                                .map(|t| t.text.clone())
                                .collect::<Vec<_>>()
                                .join(" ")
                        };
                        if join("title") != "Desk title" {
                            problems.push(format!("--title gave the title “{}”", join("title")));
                        }
                        if join("subtitle") != "Desk subtitle" {
                            problems.push(format!(
                                "--subtitle gave the subtitle “{}”",
                                join("subtitle")
                            ));
                        }
                        if join("source").matches("Desk source").count() != 1 {
                            problems.push(format!(
                                "--source gave the source line “{}”",
                                join("source")
                            ));
                        }
                    }
                }
            }
            (e.name.clone(), problems)
        })
        .filter(|(_, p)| !p.is_empty())
        .collect()
}

/// The failures of a run, as the expected-failures list writes them.
fn failures(results: &[&MapResult]) -> BTreeSet<Failure> {
    results
        .iter()
        .flat_map(|r| {
            r.problems
                .keys()
                .map(|c| (r.trip.clone(), r.width, r.theme.clone(), c.id().to_string()))
        })
        .collect()
}

/// Compares a run with its list (or rewrites the list); returns what differs, readably.
fn differences(results: &[&MapResult], list: &Path, bless: bool) -> Vec<String> {
    let actual = failures(results);
    if bless {
        assert!(
            std::env::var("TRIPMAP_DESK_ONLY").is_err(),
            "rewrite the list from a run of the whole corpus, without TRIPMAP_DESK_ONLY"
        );
        expected::write(
            list,
            "Desk checks that fail today: trip width theme check (see docs/desk-checks.md).\n\
             Remove a line when its check passes; TRIPMAP_DESK_BLESS=1 cargo test --test desk_corpus rewrites the list.",
            &actual,
        );
        return Vec::new();
    }
    // Only the trips of this run (`TRIPMAP_DESK_ONLY` may leave some out).
    let expected: BTreeSet<Failure> = expected::read(list)
        .into_iter()
        .filter(|f| results.iter().any(|r| r.trip == f.0))
        .collect();
    let (new, fixed) = expected::compare(&actual, &expected);
    let mut out = Vec::new();
    for (trip, w, theme, check) in new.iter().take(40) {
        let first = results
            .iter()
            .find(|r| r.trip == *trip && r.width == *w && r.theme == *theme)
            .and_then(|r| r.problems.get(&Check::from_id(check).unwrap()))
            .and_then(|p| p.first())
            .cloned()
            .unwrap_or_default();
        out.push(format!("new failure: {trip} {w} {theme} {check}: {first}"));
    }
    for (trip, w, theme, check) in fixed.iter().take(40) {
        out.push(format!(
            "now passes, remove its line from {}: {trip} {w} {theme} {check}",
            list.display()
        ));
    }
    if new.len() + fixed.len() > out.len() {
        out.push(format!("… {} differences in all", new.len() + fixed.len()));
    }
    if new
        .iter()
        .chain(&fixed)
        .any(|f| f.3 == Check::GlyphsSvg.id())
    {
        out.push(
            "10-glyphs-svg depends on the fonts installed where the browser runs (fc-list): the \
             lists were made with Debian's fonts-dejavu-core, fonts-noto-core and fonts-noto-cjk"
                .into(),
        );
    }
    out
}

#[test]
fn corpus_maps_pass_the_desk_checks_or_fail_as_listed() {
    let start = Instant::now();
    let root = common::root();
    let maps = target().join("desk/maps");
    let _ = std::fs::remove_dir_all(&maps);
    std::fs::create_dir_all(&maps).unwrap();
    let only = std::env::var("TRIPMAP_DESK_ONLY").unwrap_or_default();
    let entries: Vec<Entry> = corpus::manifest(&root)
        .into_iter()
        .filter(|e| only.is_empty() || only.split(',').any(|o| o == e.name))
        .collect();
    let heldout_shown = std::env::var("TRIPMAP_DESK_HELDOUT").is_ok_and(|v| v == "1");
    let bless = std::env::var("TRIPMAP_DESK_BLESS").is_ok_and(|v| v == "1");

    // In process, in parallel: draw, read back and check every map.
    let mut drawn: Vec<Vec<Drawn>> = entries
        .par_iter()
        .map(|e| {
            let mut d = draw_trip(&root, e, &maps);
            png_glyphs(&mut d);
            d
        })
        .collect();
    let drawn_s = start.elapsed().as_secs_f64();

    // One browser session for every map.
    let files: Vec<PathBuf> = drawn
        .iter()
        .flatten()
        .filter_map(|d| d.file.clone())
        .collect();
    let seen = desk::browser::measure(&root, &files, &target());
    let by_file: BTreeMap<&PathBuf, &desk::browser::Seen> = files.iter().zip(&seen).collect();
    for d in drawn.iter_mut().flatten() {
        let Some(s) = d.file.as_ref().and_then(|f| by_file.get(f)) else {
            continue;
        };
        for (check, problems) in [
            (Check::TextOverlap, &s.overlaps),
            (Check::TextClipped, &s.clipped),
            (Check::GlyphsSvg, &s.missing),
        ] {
            if !problems.is_empty() {
                d.result.problems.insert(check, problems.clone());
            }
        }
    }
    let browser_s = start.elapsed().as_secs_f64() - drawn_s;

    // The CLI's title flags, one trip per input format.
    let tuning: Vec<Entry> = entries.iter().filter(|e| !e.heldout).cloned().collect();
    let heldout: Vec<Entry> = entries.iter().filter(|e| e.heldout).cloned().collect();
    for set in [&tuning, &heldout] {
        for (trip, problems) in cli_settable(set) {
            for d in drawn.iter_mut().flatten() {
                if d.result.trip == trip && d.result.width == 960 && d.result.theme == "light" {
                    d.result
                        .problems
                        .entry(Check::Settable)
                        .or_default()
                        .extend(problems.clone());
                }
            }
        }
    }
    let total_s = start.elapsed().as_secs_f64();

    let results: Vec<MapResult> = drawn.into_iter().flatten().map(|d| d.result).collect();
    let tuned: Vec<&MapResult> = results
        .iter()
        .filter(|r| tuning.iter().any(|e| e.name == r.trip))
        .collect();
    let held: Vec<&MapResult> = results
        .iter()
        .filter(|r| heldout.iter().any(|e| e.name == r.trip))
        .collect();
    let owned = |v: &[&MapResult]| v.iter().map(|r| (*r).clone()).collect::<Vec<_>>();
    let mut text = format!(
        "# Desk report\n\n{} trips ({} tuning, {} held out) × {} widths × {} themes = {} maps, checked in {total_s:.1} s \
         (drawing and in-process checks {drawn_s:.1} s, one browser session {browser_s:.1} s). \
         Maps are in `target/desk/maps/`; checks are described in `docs/desk-checks.md`.\n\n\
         ## Tuning corpus\n\n{}\n## Tuning corpus, trip by check\n\n{}",
        entries.len(),
        tuning.len(),
        heldout.len(),
        WIDTHS.len(),
        THEMES.len(),
        results.len(),
        report::summary(&owned(&tuned)),
        report::details(&owned(&tuned)),
    );
    text.push_str("\n## Held-out corpus\n\n");
    if heldout_shown {
        text.push_str(&report::summary(&owned(&held)));
        text.push_str("\n## Held-out corpus, trip by check\n\n");
        text.push_str(&report::details(&owned(&held)));
    } else {
        let failing = held.iter().filter(|r| !r.problems.is_empty()).count();
        text.push_str(&format!(
            "{failing} of {} held-out maps fail at least one check; {} map × check failures. \
             Details only with `TRIPMAP_DESK_HELDOUT=1`, to keep them out of tuning.\n",
            held.len(),
            held.iter().map(|r| r.problems.len()).sum::<usize>()
        ));
    }
    std::fs::write(target().join("desk-report.md"), &text).unwrap();
    eprintln!(
        "desk: {} maps in {total_s:.1} s (draw + check {drawn_s:.1} s, browser {browser_s:.1} s); report in {}",
        results.len(),
        target().join("desk-report.md").display()
    );

    let mut diffs = differences(
        &tuned,
        &corpus::dir(&root).join("expected-failures.txt"),
        bless,
    );
    if heldout_shown {
        diffs.extend(differences(
            &held,
            &corpus::dir(&root).join("heldout/expected-failures.txt"),
            bless,
        ));
    }
    assert!(
        diffs.is_empty(),
        "the desk checks differ from tests/corpus/expected-failures.txt \
         (TRIPMAP_DESK_BLESS=1 rewrites it; target/desk-report.md has the details):\n{}",
        diffs.join("\n")
    );
}

/// The corpus writes each width's scene in both themes from one build: that holds only while
/// the theme colours a scene and changes nothing else, which this checks on a few trips.
#[test]
fn scene_is_the_same_in_every_theme() {
    let root = common::root();
    for e in corpus::manifest(&root)
        .iter()
        .filter(|e| !e.heldout)
        .take(4)
    {
        let trip = corpus::load(&root, e).unwrap();
        for w in [320, 960] {
            let light = corpus::scene(&trip.route, w, e.annotate).unwrap();
            let mut options = tripmap::scene::MapOptions::default();
            options.width_px = f64::from(w);
            options.annotate = e.annotate;
            options.theme = "dark".parse().unwrap();
            let dark = tripmap::scene::build(&trip.route, &options).unwrap();
            let mut recoloured = light.clone();
            recoloured.theme = dark.theme.clone();
            assert!(
                recoloured == dark,
                "{} at {w} px: the dark scene differs beyond its colours",
                e.name
            );
        }
    }
}

#[test]
fn the_manifest_lists_every_corpus_trip_and_the_readme_describes_each() {
    let root = common::root();
    let entries = corpus::manifest(&root);
    let readme = std::fs::read_to_string(corpus::dir(&root).join("README.md")).unwrap();
    let mut files = Vec::new();
    for sub in ["", "heldout"] {
        for f in std::fs::read_dir(corpus::dir(&root).join(sub)).unwrap() {
            let p = f.unwrap().path();
            let ext = p.extension().map(|e| e.to_string_lossy().into_owned());
            if matches!(
                ext.as_deref(),
                Some("json" | "csv" | "geojson" | "gpx" | "kml")
            ) {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                files.push(if sub.is_empty() {
                    name
                } else {
                    format!("{sub}/{name}")
                });
            }
        }
    }
    files.sort();
    let mut listed: Vec<String> = entries.iter().map(|e| e.path.clone()).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "tests/corpus/manifest.tsv must list exactly the corpus files"
    );
    let mut names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), entries.len(), "trip names are unique");
    for e in &entries {
        assert!(
            readme.contains(&format!("`{}`", e.path)),
            "tests/corpus/README.md does not describe {}",
            e.path
        );
    }
    let held = entries.iter().filter(|e| e.heldout).count();
    assert!(entries.len() >= 48, "{} trips", entries.len());
    assert!(
        4 * held >= entries.len(),
        "{held} of {} held out",
        entries.len()
    );
    for ext in ["json", "csv", "geojson", "gpx", "kml"] {
        for part in [false, true] {
            assert!(
                entries
                    .iter()
                    .any(|e| e.heldout == part && e.path.ends_with(ext)),
                "no .{ext} trip in the {} part",
                if part { "held-out" } else { "tuning" }
            );
        }
    }
}
