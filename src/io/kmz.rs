//! KMZ: a zip archive holding a KML document (and its icons). The document is `doc.kml` at the
//! archive's root, else the first entry whose name ends in `.kml`.
//!
//! Nothing is extracted to disk and no entry name is used as a path. The archive is bounded like
//! any other input: at most [`MAX_ENTRIES`] entries, and the document is refused when it
//! inflates past `Limits::max_input_bytes`, counted while inflating (a zip bomb's declared size
//! is not trusted). Entry names with `..`, a leading `/` or `\`, or a drive letter are never
//! taken for the document.

use crate::error::Error;
use crate::limits::Limits;
use std::io::{Cursor, Read};

/// Most entries a KMZ may have (a document and its icons and overlays).
pub const MAX_ENTRIES: usize = 10_000;

/// The first bytes of a zip archive (a local file header).
pub(crate) const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The bytes of the KML document inside the KMZ `bytes`, within `limits`.
pub(crate) fn kml_bytes(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, Error> {
    let not_zip = |e: zip::result::ZipError| {
        Error::Shape(format!("the KMZ is not a readable zip archive: {e}"))
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_zip)?;
    if archive.len() > MAX_ENTRIES {
        return Err(Error::Shape(format!(
            "the KMZ has {} entries, more than the {MAX_ENTRIES} a KMZ may have",
            archive.len()
        )));
    }
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    let safe = |n: &&String| {
        !n.split(['/', '\\']).any(|part| part == "..")
            && !n.starts_with(['/', '\\'])
            && n.as_bytes().get(1) != Some(&b':')
    };
    let is_kml = |n: &&String| n.to_ascii_lowercase().ends_with(".kml");
    let mut candidates: Vec<&String> = names.iter().filter(safe).filter(is_kml).collect();
    // Archive order, but `doc.kml` at the root first (Google Earth's convention).
    candidates.sort_by_key(|n| !n.eq_ignore_ascii_case("doc.kml"));
    let Some(name) = candidates.first() else {
        return Err(Error::Shape(
            "the KMZ holds no KML document (no entry ending in .kml)".into(),
        ));
    };
    let entry = archive.by_name(name).map_err(not_zip)?;
    let declared = entry.size();
    if declared > limits.max_input_bytes {
        return Err(too_large(name, limits));
    }
    let capacity = declared.min(1 << 20) as usize;
    match inflate_capped(entry, limits.max_input_bytes, capacity) {
        Ok(Some(out)) => Ok(out),
        Ok(None) => Err(too_large(name, limits)),
        Err(e) => Err(Error::Shape(format!(
            "the KMZ's `{name}` cannot be inflated: {e}"
        ))),
    }
}

/// Reads `entry` to its end, or `None` as soon as it gives more than `cap` bytes: at most
/// `cap + 1` bytes are ever inflated, whatever the archive declares.
fn inflate_capped(entry: impl Read, cap: u64, capacity: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut out = Vec::with_capacity(capacity);
    entry.take(cap + 1).read_to_end(&mut out)?;
    Ok((out.len() as u64 <= cap).then_some(out))
}

/// The error for a document that inflates past the input limit.
fn too_large(name: &str, limits: &Limits) -> Error {
    Error::Shape(format!(
        "the KMZ's `{name}` inflates to more than the limit of {} bytes (raise it with `--max-input-bytes`, or `Limits::max_input_bytes`)",
        limits.max_input_bytes
    ))
}

#[cfg(test)]
mod test {
    use super::*;
    use std::io::Write;

    /// A zip archive of `entries` (name, bytes), deflated.
    pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            w.start_file(*name, options).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn reads_doc_kml_first_and_skips_unsafe_names() {
        let zip = zip_of(&[
            ("../evil.kml", b"<kml>evil</kml>"),
            ("files/other.kml", b"<kml>other</kml>"),
            ("DOC.KML", b"<kml>doc</kml>"),
        ]);
        assert_eq!(
            kml_bytes(&zip, &Limits::default()).unwrap(),
            b"<kml>doc</kml>"
        );
        let zip = zip_of(&[("../evil.kml", b"x"), ("a/b.kml", b"<kml/>")]);
        assert_eq!(kml_bytes(&zip, &Limits::default()).unwrap(), b"<kml/>");
        let e = kml_bytes(&zip_of(&[("icon.png", b"png")]), &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("no KML document"), "{e}");
        let e = kml_bytes(b"PK\x03\x04 not really", &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("not a readable zip"), "{e}");
    }

    #[test]
    fn a_zip_bomb_is_refused_while_inflating() {
        // 8 MiB of zeros deflate to a few kB; the limit is 1 MiB.
        let zeros = vec![0u8; 8 << 20];
        let zip = zip_of(&[("doc.kml", &zeros)]);
        assert!(zip.len() < 64 << 10, "{}", zip.len());
        let limits = Limits {
            max_input_bytes: 1 << 20,
            ..Limits::default()
        };
        let e = kml_bytes(&zip, &limits).unwrap_err();
        assert!(
            e.to_string().contains("inflates to more than the limit"),
            "{e}"
        );
        // A lying header: the declared size is not trusted, the bytes are counted.
        let mut lying = zip.clone();
        patch_sizes(&mut lying, 100);
        let e = kml_bytes(&lying, &limits).unwrap_err();
        assert!(
            e.to_string().contains("inflates to more than the limit")
                || e.to_string().contains("cannot be inflated"),
            "{e}"
        );
    }

    /// A reader that counts the bytes read from it.
    struct Counting<R> {
        inner: R,
        count: std::rc::Rc<std::cell::Cell<u64>>,
    }

    impl<R: Read> Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.count.set(self.count.get() + n as u64);
            Ok(n)
        }
    }

    #[test]
    fn inflating_stops_one_byte_past_the_cap() {
        let count = std::rc::Rc::new(std::cell::Cell::new(0));
        let stream = Counting {
            inner: std::io::repeat(b' ').take(64 << 20),
            count: count.clone(),
        };
        assert_eq!(inflate_capped(stream, 1 << 20, 0).unwrap(), None);
        assert_eq!(count.get(), (1 << 20) + 1, "read past the cap");
        let small = Counting {
            inner: &b"<kml/>"[..],
            count: count.clone(),
        };
        assert_eq!(
            inflate_capped(small, 6, 0).unwrap().as_deref(),
            Some(&b"<kml/>"[..])
        );
    }

    /// Overwrites the uncompressed size in every local and central header with `size`.
    fn patch_sizes(zip: &mut [u8], size: u32) {
        for i in 0..zip.len().saturating_sub(30) {
            if zip[i..].starts_with(b"PK\x03\x04") {
                zip[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
            }
            if zip[i..].starts_with(b"PK\x01\x02") {
                zip[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
            }
        }
    }
}
