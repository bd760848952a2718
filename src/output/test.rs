//! Unit tests of the output writers: replacing a folder or a file whole, carrying over
//! foreign files, and what a fault at each step leaves behind.

use super::fault::Fault;
use super::*;

fn f(n: &str, b: &str) -> OutputFile {
    OutputFile {
        name: n.into(),
        bytes: b.as_bytes().to_vec(),
    }
}

/// Every entry of `dir` (names and bytes), sorted.
fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    v.sort();
    v
}

/// Names in the folder holding the target: the target alone, nothing staged.
fn beside(target: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_write_replaces_the_set_and_keeps_the_users_files() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("out");
    write_all(&dir, &[f("map.svg", "one"), f("map.png", "png")]).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    // Leftovers of the old file-by-file writer, killed midway.
    std::fs::write(dir.join(".map.svg.a1B2c3.tmp"), "half").unwrap();
    std::fs::write(dir.join(".stops.geojson.x9Y8z7.bak"), "old").unwrap();
    write_all(&dir, &[f("map.svg", "two")]).unwrap();
    assert_eq!(
        listing(&dir),
        vec![
            ("map.svg".into(), b"two".to_vec()),
            ("notes.txt".into(), b"mine".to_vec())
        ],
        "the old map.png goes with its render; the user's file stays"
    );
    assert_eq!(beside(&dir), ["out"]);
}

#[cfg(unix)]
#[test]
fn kept_files_are_the_same_files_and_outputs_are_readable_by_others() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    std::os::unix::fs::symlink("notes.txt", dir.join("link")).unwrap();
    let ino = std::fs::metadata(dir.join("notes.txt")).unwrap().ino();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o750)).unwrap();
    write_all(&dir, &[f("map.svg", "<svg/>")]).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.join("map.svg")) & 0o644, 0o644);
    assert_eq!(mode(&dir), 0o750, "the folder keeps its permissions");
    assert_eq!(std::fs::metadata(dir.join("notes.txt")).unwrap().ino(), ino);
    assert_eq!(
        std::fs::read_link(dir.join("link")).unwrap(),
        Path::new("notes.txt")
    );
}

/// A failure at each point in turn, in both swap modes: the folder is as it was and nothing
/// is left beside it; past the last point the write goes through.
#[test]
fn a_failure_at_any_step_changes_nothing() {
    for no_exchange in [false, true] {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out");
        write_all(&dir, &[f("map.svg", "old"), f("stops.geojson", "old")]).unwrap();
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        let before = listing(&dir);
        let new = [
            f("stops.geojson", "new"),
            f("map.svg", "new"),
            f("trip.kml", "new"),
        ];
        let mut n = 1;
        loop {
            let mut faults = Faults::at(n, Fault::NoSpace);
            faults.no_exchange = no_exchange;
            match write_all_with(&dir, &new, &mut faults, Sweep::Each) {
                Err(e) => {
                    assert!(e.to_string().contains("no space left"), "{e}");
                    assert_eq!(listing(&dir), before, "failing at point {n}");
                    assert_eq!(beside(&dir), ["out"], "failing at point {n}");
                }
                Ok(_) => break,
            }
            n += 1;
        }
        assert!(n > 6, "only {n} points");
        assert_eq!(listing(&dir).len(), 4);
        assert_eq!(beside(&dir), ["out"]);
    }
}

#[test]
fn a_new_folder_fails_into_nothing() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("out");
    for n in 1..4 {
        let e = write_all_with(
            &dir,
            &[f("map.svg", "x")],
            &mut Faults::at(n, Fault::ReadOnly),
            Sweep::Each,
        );
        assert!(e.unwrap_err().to_string().contains("read-only"));
        assert!(beside(&dir).is_empty(), "failing at point {n}");
    }
}

#[test]
fn writers_to_one_folder_take_turns() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("out");
    let sets: Vec<Vec<OutputFile>> = (0..8)
        .map(|i| {
            let text = format!("writer {i}");
            vec![
                f("stops.geojson", &text),
                f("map.svg", &text),
                f("legs.geojson", &text),
            ]
        })
        .collect();
    for _round in 0..5 {
        std::thread::scope(|s| {
            for set in &sets {
                s.spawn(|| write_all(&dir, set).unwrap());
            }
        });
        let now = listing(&dir);
        assert_eq!(now.len(), 3);
        assert!(
            now.iter().all(|(_, b)| *b == now[0].1),
            "a mixed set: {now:?}"
        );
        assert_eq!(beside(&dir), ["out"]);
    }
}

#[test]
fn what_cannot_be_carried_is_refused_before_anything_is_touched() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("out");
    write_all(&dir, &[f("map.svg", "old")]).unwrap();
    std::fs::create_dir(dir.join("stops.geojson")).unwrap();
    let e = write_all(&dir, &[f("map.svg", "new"), f("stops.geojson", "new")]).unwrap_err();
    assert!(
        e.to_string().contains("holds a folder `stops.geojson`"),
        "{e}"
    );
    std::fs::remove_dir(dir.join("stops.geojson")).unwrap();
    std::fs::create_dir(dir.join("photos")).unwrap();
    let e = write_all(&dir, &[f("map.svg", "new")]).unwrap_err();
    assert!(e.to_string().contains("give it a folder of its own"), "{e}");
    assert_eq!(std::fs::read(dir.join("map.svg")).unwrap(), b"old");
    assert_eq!(beside(&dir), ["out"]);
}

#[test]
fn a_file_is_not_a_folder() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("trip.json");
    std::fs::write(&file, "{}").unwrap();
    let e = write_all(&file, &[f("map.svg", "x")]).unwrap_err();
    assert!(e.to_string().contains("is a file, not a folder"), "{e}");
    let e = write_all(Path::new("/dev/full"), &[f("map.svg", "x")]).unwrap_err();
    assert!(e.to_string().contains("is a file, not a folder"), "{e}");
    let e = write_all(&file.join("out"), &[f("map.svg", "x")]).unwrap_err();
    assert!(
        e.to_string().contains("trip.json is a file, not a folder"),
        "{e}"
    );
    let e = write_all(Path::new("/"), &[f("map.svg", "x")]).unwrap_err();
    assert!(e.to_string().contains("folder of its own"), "{e}");
}

#[test]
fn a_single_file_is_replaced_whole() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("trip.json");
    std::fs::write(root.path().join("other.txt"), "mine").unwrap();
    write_file(&path, b"one").unwrap();
    for n in 1..5 {
        let e = write_file_with(&path, b"two", &mut Faults::at(n, Fault::NoSpace));
        assert!(e.is_err(), "point {n}");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
    }
    write_file(&path, b"two").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"two");
    assert_eq!(beside(&path), ["other.txt", "trip.json"]);
    let e = write_file(Path::new("/dev/full"), b"x").unwrap_err();
    assert!(e.to_string().contains("is a device, not a file"), "{e}");
    let e = write_file(root.path(), b"x").unwrap_err();
    assert!(e.to_string().contains("is a folder, not a file"), "{e}");
}

#[test]
fn refuses_names_that_could_leave_the_folder() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("out");
    for bad in [
        "../x", "..", ".", "", "a/b", "a\\b", "/etc/x", ".hidden", "c:x", "a\nb", "a\0b",
    ] {
        assert!(write_all(&dir, &[f(bad, "x")]).is_err(), "{bad:?}");
    }
    assert!(write_all(&dir, &[f("a", "1"), f("a", "2")]).is_err());
    assert!(!dir.exists());
}
