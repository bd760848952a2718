//! Which ids may name a trip's output folder (`-o DIR` writes `DIR/<id>/`): unsafe ids are
//! refused, not mapped, so a folder's name is always exactly its trip's id.

/// Longest id that names a folder, in bytes.
pub const MAX_FOLDER_ID_BYTES: usize = 128;

/// Checks that `id` can be a folder name on every common file system: 1 to 128 ASCII letters,
/// digits, `-`, `_` or `.`, not starting with `.` (so never `.`, `..` or hidden). The error says
/// why.
pub fn check_folder_id(id: &str) -> Result<(), String> {
    let why = if id.is_empty() {
        "is empty"
    } else if id.len() > MAX_FOLDER_ID_BYTES {
        "is longer than 128 bytes"
    } else if id.starts_with('.') {
        "starts with `.`"
    } else if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        "has characters other than ASCII letters, digits, `-`, `_` and `.`"
    } else {
        return Ok(());
    };
    Err(format!(
        "id {id:?} {why}, so it cannot name an output folder (write such \
         trips with --inline, without -o)"
    ))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn safe_ids_only() {
        for ok in ["a", "trip-2024_01.v2", "A9"] {
            assert!(check_folder_id(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            ".hidden",
            "a/b",
            "a\\b",
            "é",
            "a b",
            "a:b",
            &"x".repeat(129),
        ] {
            assert!(check_folder_id(bad).is_err(), "{bad}");
        }
    }
}
