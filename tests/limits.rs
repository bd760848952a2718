//! Oversized and pathological inputs are refused through the binary with a clear error, exit 1,
//! no panic or stack overflow, quickly and without reading a huge file into memory.

use assert_cmd::Command;

fn tripmap() -> Command {
    Command::cargo_bin("tripmap").unwrap()
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // Sparse: 300 MiB long (over the 256 MiB limit), no disk used.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(300 * 1024 * 1024).unwrap();
    let start = std::time::Instant::now();
    let out = tripmap().arg("check").arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the file is 300 MiB, more than tripmap reads (256 MiB)"),
        "{err}"
    );
    // Refusing from the size alone takes no time worth mentioning; reading would take seconds.
    assert!(start.elapsed().as_secs() < 20);
}

#[test]
fn json_nested_100000_deep_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
        let doc = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        let out = tripmap()
            .args(["check", "-", "--from", "json"])
            .write_stdin(doc)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("recursion limit exceeded"), "{err}");
    }
}
