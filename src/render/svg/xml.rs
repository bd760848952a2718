//! A small XML writer for SVG: escaped text and attributes, numbers at fixed precision.
//!
//! Why not the `svg` crate: it stores path data as `f32` (so a map's coordinates would change
//! with the crate's float formatting, and large pages lose precision) and it passes characters
//! XML 1.0 forbids (most C0 controls) through into the document, which makes the file
//! ill-formed. This writer is 100 lines we control: it drops forbidden characters, escapes the
//! five markup characters everywhere (the escaper the KML and GPX writers use too), and formats
//! every number the same way on every machine.

pub use crate::render::xml_text::{escape, escape_into};

/// Appends a number with at most one decimal, no trailing zeros, no `-0`: `12`, `-3.5`.
pub fn num_into(out: &mut String, v: f64) {
    let tenths = (v * 10.0).round() as i64;
    if tenths < 0 {
        out.push('-');
    }
    let a = tenths.unsigned_abs();
    out.push_str(&(a / 10).to_string());
    if !a.is_multiple_of(10) {
        out.push('.');
        out.push(char::from(b'0' + (a % 10) as u8));
    }
}

/// A number as [`num_into`] writes it.
pub fn num(v: f64) -> String {
    let mut s = String::new();
    num_into(&mut s, v);
    s
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn numbers_have_one_fixed_form() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-3.46), "-3.5");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(0.05), "0.1");
        assert_eq!(num(1234.25), "1234.3");
    }
}
