//! `Mode`: how the traveller arrived at a stop (flight, train, bus, car, ferry, walk, bike).

use std::fmt;
use std::str::FromStr;

/// How the traveller got to a stop, and so how the leg that ends there was travelled.
///
/// Read from a stop's `mode` field in every input format; [`Mode::parse`] takes the names below
/// and a few common aliases (`plane`, `rail`, `coach`, `drive`, `boat`, `foot`, `bicycle`...).
///
/// ```
/// use tripmap::model::Mode;
/// assert_eq!(Mode::parse("Plane"), Ok(Mode::Flight));
/// assert_eq!(Mode::Ferry.name(), "ferry");
/// assert!(Mode::Flight.is_flight() && !Mode::Ferry.is_flight());
/// assert!(Mode::parse("hovercraft").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Mode {
    /// By air: drawn as the geodesic arc.
    Flight,
    /// By rail.
    Train,
    /// By bus or coach.
    Bus,
    /// By car (driving, taxi).
    Car,
    /// By boat: ferry, ship, cruise.
    Ferry,
    /// On foot.
    Walk,
    /// By bicycle.
    Bike,
}

/// A `mode` value that names no travel mode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a travel mode; use one of {}{}", Mode::NAMES.join(", "), suggestion(.input))]
pub struct UnknownMode {
    /// The text given.
    pub input: String,
}

/// Accepted spellings, lower case, and the mode each means. The first of each mode is its name.
const SPELLINGS: &[(&str, Mode)] = &[
    ("flight", Mode::Flight),
    ("fly", Mode::Flight),
    ("plane", Mode::Flight),
    ("airplane", Mode::Flight),
    ("aeroplane", Mode::Flight),
    ("air", Mode::Flight),
    ("train", Mode::Train),
    ("rail", Mode::Train),
    ("railway", Mode::Train),
    ("bus", Mode::Bus),
    ("coach", Mode::Bus),
    ("car", Mode::Car),
    ("drive", Mode::Car),
    ("driving", Mode::Car),
    ("taxi", Mode::Car),
    ("ferry", Mode::Ferry),
    ("boat", Mode::Ferry),
    ("ship", Mode::Ferry),
    ("cruise", Mode::Ferry),
    ("walk", Mode::Walk),
    ("walking", Mode::Walk),
    ("foot", Mode::Walk),
    ("on foot", Mode::Walk),
    ("hike", Mode::Walk),
    ("bike", Mode::Bike),
    ("bicycle", Mode::Bike),
    ("cycle", Mode::Bike),
    ("cycling", Mode::Bike),
];

/// `; did you mean `train`?` when `input` is close to an accepted spelling, else nothing.
fn suggestion(input: &str) -> String {
    let words: Vec<&str> = SPELLINGS.iter().map(|(s, _)| *s).collect();
    crate::error::did_you_mean(input.trim(), &words)
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

impl Mode {
    /// Every mode, in the order of [`Mode::NAMES`].
    pub const ALL: [Mode; 7] = [
        Mode::Flight,
        Mode::Train,
        Mode::Bus,
        Mode::Car,
        Mode::Ferry,
        Mode::Walk,
        Mode::Bike,
    ];

    /// The names modes are written with in every output.
    pub const NAMES: &'static [&'static str] =
        &["flight", "train", "bus", "car", "ferry", "walk", "bike"];

    /// Parses a mode's name or alias, in any case, ignoring space around it.
    pub fn parse(text: &str) -> Result<Mode, UnknownMode> {
        let lower = text.trim().to_lowercase();
        SPELLINGS
            .iter()
            .find(|(s, _)| *s == lower)
            .map(|&(_, m)| m)
            .ok_or_else(|| UnknownMode {
                input: text.to_string(),
            })
    }

    /// The mode's name as written in outputs: `flight`, `train`, `bus`, `car`, `ferry`, `walk`,
    /// `bike`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Flight => "flight",
            Mode::Train => "train",
            Mode::Bus => "bus",
            Mode::Car => "car",
            Mode::Ferry => "ferry",
            Mode::Walk => "walk",
            Mode::Bike => "bike",
        }
    }

    /// True for flights, which follow the geodesic (a great-circle arc); every other mode is a
    /// surface mode, drawn straight in the map's projection or along its recorded track.
    pub fn is_flight(self) -> bool {
        self == Mode::Flight
    }
}

impl FromStr for Mode {
    type Err = UnknownMode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Mode::parse(s)
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn names_and_aliases_parse_and_names_round_trip() {
        for (i, m) in Mode::ALL.iter().enumerate() {
            assert_eq!(m.name(), Mode::NAMES[i]);
            assert_eq!(Mode::parse(m.name()), Ok(*m));
            assert_eq!(Mode::parse(&m.name().to_uppercase()), Ok(*m));
        }
        assert_eq!(Mode::parse(" boat "), Ok(Mode::Ferry));
        assert_eq!(Mode::parse("On foot"), Ok(Mode::Walk));
        assert_eq!(Mode::parse("coach"), Ok(Mode::Bus));
        let names: Vec<&str> = SPELLINGS.iter().map(|(s, _)| *s).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "a spelling means one mode");
    }

    #[test]
    fn unknown_modes_list_the_names_and_suggest() {
        let e = Mode::parse("trian").unwrap_err().to_string();
        assert_eq!(
            e,
            "`trian` is not a travel mode; use one of flight, train, bus, car, ferry, walk, bike; did you mean `train`?"
        );
        let e = Mode::parse("hovercraft").unwrap_err().to_string();
        assert!(e.ends_with("walk, bike"), "{e}");
        assert!(Mode::parse("").is_err());
    }
}
