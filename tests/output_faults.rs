//! The output folder is always entirely old or entirely new, and nothing is left behind: the
//! binary is killed (`kill -9`), or made to fail as a full or read-only disk would, at every step
//! of a write, by the fault-injection hook of a `fault-injection` build (`TRIPMAP_FAULT`, see
//! src/output/fault.rs); then real full and read-only disks (small tmpfs mounts, as root), writers
//! racing for one folder, and random sequences of all of these.
//!
//! Run with `cargo test --features fault-injection --test output_faults` (scripts/test.sh does).

mod common;
use common::*;
use proptest::prelude::*;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Output;

const TRIP: &str = "data/trips/blinken-2023-11.json";

/// The renders the tests switch between: each a different set of files.
const VARIANTS: [&[&str]; 3] = [
    &[],
    &["--format", "geojson,kml"],
    &["--format", "svg,gpx", "--theme", "dark"],
];

/// `tripmap render TRIP -o out <variant>` with `TRIPMAP_FAULT=fault` (none when empty).
fn render(out: &Path, variant: usize, fault: &str) -> Output {
    let mut c = assert_cmd::Command::cargo_bin("tripmap").unwrap();
    c.current_dir(root())
        .args(["render", TRIP, "-o", out.to_str().unwrap()])
        .args(VARIANTS[variant]);
    if !fault.is_empty() {
        c.env("TRIPMAP_FAULT", fault);
    }
    c.output().unwrap()
}

/// The folder's files and bytes with the user's file left out.
fn outputs(dir: &Path) -> Set {
    let mut s = snapshot(dir);
    s.retain(|(n, _)| n != "notes.txt");
    s
}

/// Names beside `dir` in its parent, sorted.
fn beside(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A folder's files: names and bytes, sorted.
type Set = Vec<(String, Vec<u8>)>;

/// The files each variant writes, rendered once without faults.
fn reference_sets() -> Vec<Set> {
    let tmp = tempfile::tempdir().unwrap();
    (0..VARIANTS.len())
        .map(|v| {
            let out = tmp.path().join(format!("ref{v}"));
            let o = render(&out, v, "");
            assert!(o.status.success(), "{}", stderr(&o));
            snapshot(&out)
        })
        .collect()
}

/// A folder `out` in a fresh temporary folder, holding variant 0 and the user's `notes.txt`.
fn old_folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    assert!(render(&out, 0, "").status.success());
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    (tmp, out)
}

fn killed(o: &Output) -> bool {
    o.status.signal() == Some(9)
}

/// Kills a write at step 1, 2, 3... until a write goes through, in both swap modes: after each
/// kill the folder is exactly the old set or exactly the new one, the user's file is there, and
/// the next write removes what the killed one left.
#[test]
fn kill_9_at_every_step_leaves_the_old_set_or_the_new() {
    let sets = reference_sets();
    for mode in ["", ",rename"] {
        let (_tmp, out) = old_folder();
        let mut n = 1;
        let mut saw_new = false;
        loop {
            let o = render(&out, 1, &format!("kill@{n}{mode}"));
            if o.status.success() {
                break;
            }
            assert!(killed(&o), "step {n}{mode}: {:?} {}", o.status, stderr(&o));
            if out.exists() {
                let now = outputs(&out);
                assert!(
                    now == sets[0] || now == sets[1],
                    "step {n}{mode}: a mixed set"
                );
                saw_new |= now == sets[1];
                assert_eq!(read_text(&out.join("notes.txt")), "mine", "step {n}{mode}");
            } else {
                // Only the fallback has a moment with no folder; the next write restores it.
                assert_eq!(mode, ",rename", "step {n}: the folder is gone");
            }
            // Back to the old set: the write after a kill cleans up, leaving only the folder.
            let o = render(&out, 0, "");
            assert!(o.status.success(), "{}", stderr(&o));
            assert_eq!(outputs(&out), sets[0]);
            assert_eq!(read_text(&out.join("notes.txt")), "mine", "step {n}{mode}");
            assert_eq!(beside(&out), ["out"], "step {n}{mode}: left behind");
            n += 1;
        }
        assert!(n > 8, "only {n} steps");
        assert!(saw_new, "no kill fell after the swap");
        assert_eq!(outputs(&out), sets[1]);
        assert_eq!(beside(&out), ["out"]);
    }
}

/// A full disk or a read-only one at every step: exit 1, a message that says what failed and
/// what to do, the old set untouched, nothing left beside it.
#[test]
fn a_failure_at_every_step_changes_nothing() {
    let sets = reference_sets();
    for (fault, says) in [("enospc", "no space left"), ("erofs", "read-only")] {
        let (_tmp, out) = old_folder();
        let mut n = 1;
        loop {
            let o = render(&out, 2, &format!("{fault}@{n}"));
            if o.status.success() {
                break;
            }
            assert_eq!(o.status.code(), Some(1), "{fault}@{n}: {}", stderr(&o));
            assert_stderr_has(&o, says);
            assert_stderr_has(&o, "nothing was changed");
            assert_eq!(outputs(&out), sets[0], "{fault}@{n}");
            assert_eq!(beside(&out), ["out"], "{fault}@{n}");
            n += 1;
        }
        assert_eq!(outputs(&out), sets[2]);
        assert_eq!(read_text(&out.join("notes.txt")), "mine");
    }
}

/// A batch and `extract -o` go through the same staged write: killed at every step, each
/// folder (and the extracted file) is old or new.
#[test]
fn batch_and_extract_are_swapped_whole_too() {
    let tmp = tempfile::tempdir().unwrap();
    let trips = [
        "data/trips/blinken-2023-11.json",
        "data/trips/pacific-2024.json",
    ];
    let batch = |fault: &str, format: &str| {
        let mut c = assert_cmd::Command::cargo_bin("tripmap").unwrap();
        c.current_dir(root())
            .args([
                "render",
                trips[0],
                trips[1],
                "-o",
                tmp.path().to_str().unwrap(),
            ])
            .args(["--format", format])
            .env("TRIPMAP_FAULT", fault);
        c.output().unwrap()
    };
    assert!(batch("", "geojson").status.success());
    let old: Vec<_> = ["blinken-2023-11", "pacific-2024"]
        .iter()
        .map(|d| snapshot(&tmp.path().join(d)))
        .collect();
    for n in 1..40 {
        let o = batch(&format!("kill@{n}"), "kml");
        for (i, d) in ["blinken-2023-11", "pacific-2024"].iter().enumerate() {
            let now = snapshot(&tmp.path().join(d));
            let names: Vec<&str> = now.iter().map(|(n, _)| n.as_str()).collect();
            assert!(
                now == old[i] || names == ["trip.kml"],
                "kill@{n}: {d}: {names:?}"
            );
        }
        assert!(o.status.success() || killed(&o));
        assert!(batch("", "geojson").status.success());
        let left: Vec<_> = beside(&tmp.path().join("x"));
        assert_eq!(left, ["blinken-2023-11", "pacific-2024"], "kill@{n}");
    }

    let story = root().join("tests/fixtures/extract");
    let story = std::fs::read_dir(&story)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    let trip = tmp.path().join("trip.json");
    std::fs::write(&trip, "old").unwrap();
    let mut n = 1;
    loop {
        let mut c = assert_cmd::Command::cargo_bin("tripmap").unwrap();
        c.args([
            "extract",
            story.to_str().unwrap(),
            "-o",
            trip.to_str().unwrap(),
        ])
        .args(["--published", "2024-01-01"])
        .env("TRIPMAP_FAULT", format!("kill@{n}"));
        let o = c.output().unwrap();
        let now = read_text(&trip);
        assert!(now == "old" || now.starts_with('{'), "kill@{n}: {now:.40}");
        if o.status.success() {
            break;
        }
        assert!(killed(&o), "{}", stderr(&o));
        n += 1;
    }
    assert!(n > 3);
}

/// Writers racing for one folder take turns: each succeeds, and the folder ends as exactly one
/// writer's set with nothing beside it.
#[test]
fn concurrent_writers_to_one_folder_never_mix() {
    let sets = reference_sets();
    let (_tmp, out) = old_folder();
    for round in 0..6 {
        let children: Vec<_> = (0..6)
            .map(|i| {
                // Half of them with the two-rename fallback, which needs the lock most.
                let mode = if i % 2 == 0 { "rename" } else { "" };
                std::process::Command::new(assert_cmd::cargo::cargo_bin("tripmap"))
                    .current_dir(root())
                    .args(["render", TRIP, "-o", out.to_str().unwrap()])
                    .args(VARIANTS[i % VARIANTS.len()])
                    .env("TRIPMAP_FAULT", mode)
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let o = c.wait_with_output().unwrap();
            assert!(o.status.success(), "round {round}: {}", stderr(&o));
        }
        let now = outputs(&out);
        assert!(sets.contains(&now), "round {round}: a mixed set");
        assert_eq!(read_text(&out.join("notes.txt")), "mine");
        assert_eq!(beside(&out), ["out"]);
    }
}

/// Writers to one folder take turns: a first writer is paused (a named pipe) right after taking
/// the lock, and, with the two-rename fallback, in its moment with no folder at the target; a
/// second writer is seen blocked on the first's lock (`/proc/PID/wchan`), and only then is the
/// first let go. Both succeed, and the folder is the second's set, with the user's file.
#[test]
fn a_second_writer_waits_for_the_first() {
    let sets = reference_sets();
    let (tmp, out) = old_folder();
    // The step between the fallback's renames: the first kill that leaves no folder.
    let between = (1..40)
        .find(|n| {
            let o = render(&out, 1, &format!("kill@{n},rename"));
            let gone = !out.exists();
            assert!(render(&out, 0, "").status.success(), "{}", stderr(&o));
            gone
        })
        .expect("a step with no folder");
    let fifo = tmp.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let spawn = |variant: usize, fault: &str| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("tripmap"))
            .current_dir(root())
            .args(["render", TRIP, "-o", out.to_str().unwrap()])
            .args(VARIANTS[variant])
            .env("TRIPMAP_FAULT", fault)
            .env("TRIPMAP_FAULT_FIFO", &fifo)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    for first_fault in ["pause@1".to_string(), format!("pause@{between},rename")] {
        let first = spawn(1, &first_fault);
        // Opening the pipe returns once the first writer waits on it.
        let release = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
        let mut second = spawn(2, "");
        let wchan = format!("/proc/{}/wchan", second.id());
        loop {
            let blocked = std::fs::read_to_string(&wchan).is_ok_and(|w| w.contains("lock"));
            if blocked || second.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::yield_now();
        }
        assert!(
            second.try_wait().unwrap().is_none(),
            "{first_fault}: the second writer went ahead of the first"
        );
        drop(release);
        let first = first.wait_with_output().unwrap();
        assert!(first.status.success(), "{first_fault}: {}", stderr(&first));
        let second = second.wait_with_output().unwrap();
        assert!(
            second.status.success(),
            "{first_fault}: {}",
            stderr(&second)
        );
        assert_eq!(outputs(&out), sets[2], "{first_fault}");
        assert_eq!(read_text(&out.join("notes.txt")), "mine");
        assert_eq!(beside(&out), ["fifo", "out"]);
    }
}

/// A small tmpfs mounted for a test (root only; `None` elsewhere), unmounted when dropped.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    fn tmpfs(size: &str) -> Option<Mount> {
        let dir = tempfile::tempdir().ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then_some(Mount { dir })
    }

    fn remount_read_only(&self) {
        let o = std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.dir.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .output();
    }
}

/// A real full disk: the old set fits, the old and the new together do not. Needs root to mount
/// a small tmpfs; elsewhere the injected ENOSPC above stands in.
#[test]
fn a_really_full_disk_keeps_the_old_set() {
    let Some(disk) = Mount::tmpfs("512k") else {
        eprintln!("skipped: cannot mount a tmpfs (not root)");
        return;
    };
    let out = disk.dir.path().join("out");
    assert!(render(&out, 1, "").status.success());
    let before = snapshot(&out);
    // Fill the disk to within 32 KiB, so the new map cannot be staged.
    let filler = disk.dir.path().join("filler");
    let free = fs_free(disk.dir.path());
    std::fs::write(&filler, vec![0u8; (free - 32 * 1024) as usize]).unwrap();
    let o = render(&out, 0, "");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_stderr_has(&o, "no space left on the disk");
    assert_eq!(snapshot(&out), before);
    assert_eq!(beside(&out), ["filler", "out"]);
    std::fs::remove_file(&filler).unwrap();
    assert!(render(&out, 0, "").status.success());
}

/// Free bytes on the file system of `path` (`df`).
fn fs_free(path: &Path) -> u64 {
    let o = std::process::Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(path)
        .output()
        .unwrap();
    stdout(&o).lines().nth(1).unwrap().trim().parse().unwrap()
}

/// A read-only disk (a tmpfs remounted read-only as root; a folder without write permission
/// otherwise): exit 1, a message naming the cause, the old set untouched.
#[test]
fn a_read_only_folder_keeps_the_old_set() {
    let (_keep, out, mount) = match Mount::tmpfs("4m") {
        Some(m) => {
            let out = m.dir.path().join("out");
            assert!(render(&out, 0, "").status.success());
            m.remount_read_only();
            (None, out, Some(m))
        }
        None => {
            use std::os::unix::fs::PermissionsExt;
            let (tmp, out) = old_folder();
            let ro = std::fs::Permissions::from_mode(0o555);
            std::fs::set_permissions(tmp.path(), ro.clone()).unwrap();
            std::fs::set_permissions(&out, ro).unwrap();
            (Some(tmp), out, None)
        }
    };
    let before = snapshot(&out);
    let o = render(&out, 1, "");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("read-only") || err.contains("permission denied"),
        "{err}"
    );
    assert_eq!(snapshot(&out), before);
    assert_eq!(beside(&out), ["out"]);
    drop(mount);
}

/// One step of the property test.
#[derive(Debug, Clone)]
enum Op {
    Render(usize),
    Fail(usize, usize),
    Kill(usize, usize, bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..3usize).prop_map(Op::Render),
        (0..3usize, 1..14usize).prop_map(|(v, n)| Op::Fail(v, n)),
        (0..3usize, 1..14usize, any::<bool>()).prop_map(|(v, n, r)| Op::Kill(v, n, r)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Random sequences of renders, failures and kills into one folder: after each, the folder
    /// holds exactly one complete set (the last one written, or the one before a failure), and
    /// whatever a kill left beside it is gone after the next write.
    #[test]
    fn after_any_sequence_the_folder_holds_one_complete_set(ops in prop::collection::vec(op(), 1..6)) {
        let sets = reference_sets_cached();
        let (_tmp, out) = old_folder();
        let mut current = 0;
        for op in ops {
            match op {
                Op::Render(v) => {
                    prop_assert!(render(&out, v, "").status.success());
                    current = v;
                    prop_assert_eq!(beside(&out), ["out"]);
                }
                Op::Fail(v, n) => {
                    let o = render(&out, v, &format!("enospc@{n}"));
                    if o.status.success() {
                        current = v;
                    }
                    prop_assert_eq!(beside(&out), ["out"]);
                }
                Op::Kill(v, n, rename) => {
                    let mode = if rename { ",rename" } else { "" };
                    let o = render(&out, v, &format!("kill@{n}{mode}"));
                    // Killed after the swap is as good as done.
                    if o.status.success() || (out.exists() && outputs(&out) == sets[v]) {
                        current = v;
                    }
                    if !out.exists() {
                        // The fallback's moment without a folder: the next write restores it.
                        prop_assert!(rename);
                        prop_assert!(render(&out, current, "").status.success());
                    }
                }
            }
            prop_assert!(outputs(&out) == sets[current], "not exactly set {}", current);
            prop_assert_eq!(read_text(&out.join("notes.txt")), "mine");
        }
    }
}

/// [`reference_sets`], made once for the whole property test.
fn reference_sets_cached() -> &'static [Set] {
    static SETS: std::sync::OnceLock<Vec<Set>> = std::sync::OnceLock::new();
    SETS.get_or_init(reference_sets)
}
