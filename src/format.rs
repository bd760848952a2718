//! Numbers for people: counts with thousands separators, distances rounded for a subtitle, and
//! the distance units a map can use. Shared by the map, the gazetteer's reports and `check`.

/// Distance units for the scale bar and the subtitle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Units {
    /// Kilometres (default).
    #[default]
    Km,
    /// Statute miles.
    Miles,
}

impl Units {
    /// `km` or `mi`.
    pub fn symbol(self) -> &'static str {
        match self {
            Units::Km => "km",
            Units::Miles => "mi",
        }
    }

    /// How many kilometres one unit is.
    pub fn km(self) -> f64 {
        match self {
            Units::Km => 1.0,
            Units::Miles => 1.609_344,
        }
    }
}

/// A count with thousands separators: `2,138,551`.
pub fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole number of kilometres with thousands separators, from metres: `20,530 km`.
pub fn format_km(metres: f64) -> String {
    let km = (metres / 1000.0).round() as i64;
    let sign = if km < 0 { "-" } else { "" };
    format!("{sign}{} km", format_count(km.unsigned_abs()))
}

/// A number with thousands separators: `20,500`; fractions below 1 as written (`0.5`).
pub fn thousands(v: f64) -> String {
    if v < 1.0 {
        let s = format!("{v:.3}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    format_count(v.round() as u64)
}

/// A distance given in kilometres, rounded to three significant figures in `units` for a
/// subtitle: `21,000 km`.
pub fn round_distance(km: f64, units: Units) -> String {
    let v = km / units.km();
    let rounded = if v >= 100.0 {
        let p = 10f64.powf(v.log10().floor() - 2.0);
        (v / p).round() * p
    } else {
        v.round()
    };
    format!("{} {}", thousands(rounded), units.symbol())
}

/// A number short enough for a message: as written up to a million, in scientific notation
/// beyond (`1e308`, not 309 digits) and for tiny values (`1e-300`).
pub fn brief_number(x: f64) -> String {
    let a = x.abs();
    if a == 0.0 || !a.is_finite() || (1e-4..1e6).contains(&a) {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

/// `text` cut to 40 characters (with `…`), for echoing a value in a message.
pub fn brief_text(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(MAX - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn numbers_and_text_in_messages_stay_short() {
        assert_eq!(brief_number(1e308), "1e308");
        assert_eq!(brief_number(-95.5), "-95.5");
        assert_eq!(brief_number(1e-300), "1e-300");
        assert_eq!(brief_number(f64::NAN), "NaN");
        assert_eq!(brief_text("95"), "95");
        assert_eq!(brief_text(&"9".repeat(400)).chars().count(), 40);
    }

    #[test]
    fn counts_and_kilometres() {
        assert_eq!(format_count(2_138_551), "2,138,551");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_km(20_530_400.0), "20,530 km");
        assert_eq!(format_km(-1_500_000.0), "-1,500 km");
    }

    #[test]
    fn distances_round_to_three_figures() {
        assert_eq!(round_distance(21_048.6, Units::Km), "21,000 km");
        assert_eq!(round_distance(20_512.0, Units::Km), "20,500 km");
        assert_eq!(round_distance(21_048.6, Units::Miles), "13,100 mi");
        assert_eq!(round_distance(42.4, Units::Km), "42 km");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(0.25), "0.25");
    }
}
