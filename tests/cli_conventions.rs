//! Command-line conventions: shell completions and a manual page generated from the same
//! command line the binary parses, `-q/--quiet`, warnings in colour only on a terminal and never
//! under `NO_COLOR`, and `--title`, `--subtitle`, `--source` over any input's own.

mod common;
use common::*;
use std::process::Command;

/// A trip whose one leg is faster than any airliner, so rendering it warns.
const FAST: &str = r#"{"stops": [
  {"name": "A", "lat": 0, "lon": 0, "arrive": "2024-01-01T00:00:00Z"},
  {"name": "B", "lat": 0, "lon": 40, "arrive": "2024-01-01T01:00:00Z"}]}"#;

#[test]
fn completions_are_valid_scripts_for_each_shell() {
    let o = tripmap(&["completions", "bash"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let script = stdout(&o);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tripmap.bash");
    std::fs::write(&file, &script).unwrap();
    // bash parses it and registers the completion; it offers the commands and the flags.
    let check = Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p tripmap", file.display()))
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stdout(&check).contains("tripmap"), "{}", stdout(&check));
    for word in [
        "render",
        "completions",
        "--format",
        "--title",
        "--quiet",
        "gpkg",
    ] {
        assert!(script.contains(word), "bash completion lacks {word}");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let o = tripmap(&["completions", shell]);
        assert!(o.status.success(), "{shell}");
        assert!(stdout(&o).contains("subtitle"), "{shell}");
    }
    let o = tripmap(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_roff_that_groff_formats_without_a_warning() {
    for args in [&["man"][..], &["man", "render"]] {
        let o = tripmap(args);
        assert!(o.status.success(), "{}", stderr(&o));
        let roff = stdout(&o);
        assert!(roff.contains(".TH tripmap"), "{roff}");
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tripmap.1");
        std::fs::write(&file, &roff).unwrap();
        let g = Command::new("groff")
            // -k: through preconv, as man(1) does, for the non-ASCII dashes.
            .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
            .arg(&file)
            .output()
            .expect("groff is installed");
        assert!(g.status.success() && g.stderr.is_empty(), "{}", stderr(&g));
    }
    let page = stdout(&tripmap(&["man", "render"]));
    assert!(
        page.contains("tripmap\\-render") && page.contains("\\-\\-subtitle"),
        "{page}"
    );
    let o = tripmap(&["man", "draw"]);
    assert_eq!(o.status.code(), Some(2));
    assert_stderr_has(&o, "tripmap has no command `draw`");
}

#[test]
fn quiet_prints_only_errors() {
    let (dir, trip) = temp_file("fast.json", FAST);
    let out = dir.path().join("out");
    let o = tripmap(&[
        "render",
        trip.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_stderr_has(&o, "warning: ");
    assert_stderr_has(&o, "faster than");
    assert_stderr_has(&o, "wrote ");
    let o = tripmap(&[
        "-q",
        "render",
        trip.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_eq!(stderr(&o), "");
    let o = tripmap(&["render", "--quiet", "missing.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(&o, "error: cannot read missing.json");
}

#[test]
fn warnings_are_coloured_on_a_terminal_unless_no_color() {
    let (dir, trip) = temp_file("fast.json", FAST);
    let out = dir.path().join("out");
    let run = |env: &[(&str, &str)]| {
        let mut c = assert_cmd::Command::cargo_bin("tripmap").unwrap();
        c.args([
            "render",
            trip.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            c.env(k, v);
        }
        stderr(&c.output().unwrap())
    };
    let coloured = "\u{1b}[1m\u{1b}[33mwarning:\u{1b}[0m";
    assert!(!run(&[]).contains('\u{1b}'), "a pipe gets no colour");
    assert!(run(&[("CLICOLOR_FORCE", "1")]).contains(coloured));
    let plain = run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(
        !plain.contains('\u{1b}') && plain.contains("warning: "),
        "{plain}"
    );
    // On a real terminal (a pseudo-terminal from script(1)): colour, unless NO_COLOR.
    let bin = assert_cmd::cargo::cargo_bin("tripmap");
    let on_tty = |no_color: bool| {
        let command = format!(
            "{}{} render {} -o {}",
            if no_color { "NO_COLOR=1 " } else { "" },
            bin.display(),
            trip.display(),
            out.display()
        );
        let o = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env("TERM", "xterm")
            .output()
            .expect("script(1) is installed (bsdutils)");
        stdout(&o)
    };
    assert!(on_tty(false).contains(coloured), "{}", on_tty(false));
    let tty_plain = on_tty(true);
    assert!(
        tty_plain.contains("warning: ") && !tty_plain.contains("\u{1b}[33m"),
        "{tty_plain}"
    );
}

#[test]
fn title_lines_are_settable_for_every_input() {
    let dir = tempfile::tempdir().unwrap();
    for trip in bundled_trips() {
        let o = tripmap(&[
            "render",
            &trip,
            "--stdout",
            "stops",
            "--title",
            "A title",
            "--subtitle",
            "A subtitle",
            "--source",
            "A source",
        ]);
        assert!(o.status.success(), "{trip}: {}", stderr(&o));
        let stops: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(stops["title"], "A title", "{trip}");
        assert_eq!(stops["subtitle"], "A subtitle", "{trip}");
        assert_eq!(stops["source"], "A source", "{trip}");
    }
    // A CSV has no title of its own; the flags give it one on the map.
    let out = dir.path().join("csv");
    render_ok(
        "data/trips/europe-rail-2024.csv",
        &out,
        &[
            "--title",
            "Interrail, June",
            "--subtitle",
            "Six cities by train",
            "--source",
            "Tickets and diary",
        ],
    );
    let svg = read_text(&out.join("map.svg"));
    assert!(svg.contains(">Interrail, June<"), "{svg}");
    assert!(svg.contains(">Six cities by train<"), "{svg}");
    assert!(svg.contains(">Source: Tickets and diary. "), "{svg}");
    // GPX and KML files give their own name element as the title.
    let gpx = dir.path().join("gpx");
    render_ok("data/trips/helsinki-tallinn-2024.gpx", &gpx, &[]);
    assert!(read_json(&gpx.join("stops.geojson"))["title"].is_string());
    // A title over the text limit is refused like a trip file's.
    let (_small, small) = temp_file("small.csv", "name,lat,lon\nA,1,2\n");
    let o = tripmap(&[
        "render",
        small.to_str().unwrap(),
        "--stdout",
        "stops",
        "--max-text-chars",
        "5",
        "--title",
        "Far too long",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_stderr_has(
        &o,
        "the trip's `title`: 12 characters, more than the limit of 5",
    );
}
