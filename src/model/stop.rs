//! `Stop` and `Itinerary`: what the user wrote, validated.

use super::{LonLat, Track, When};
use jiff::tz::TimeZone;

/// One place on a trip, as read from the input and validated. Built with [`Stop::named`], then
/// its fields set.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Stop {
    /// Display name, never empty.
    pub name: String,
    /// A place name to look up in the gazetteer when `position` is absent (`"Ramallah, West Bank"`).
    pub place: Option<String>,
    /// Where the stop is; `None` until geocoded.
    pub position: Option<LonLat>,
    /// Arrival, as given.
    pub arrive: Option<When>,
    /// Departure, as given.
    pub depart: Option<When>,
    /// The stop's time zone (IANA name and the zone), used to turn local times into instants.
    pub tz: Option<Zone>,
    /// Free text about the stop.
    pub note: Option<String>,
    /// What kind of stop: origin, visit, stopover, meeting... (free text).
    pub kind: Option<String>,
    /// Fields tripmap does not interpret (CSV extra columns), in input order; passed through to outputs.
    pub extra: Vec<(String, serde_json::Value)>,
    /// Facts the gazetteer added (GeoNames id, country code), in a fixed order; empty when not geocoded.
    pub resolved: Vec<(String, serde_json::Value)>,
}

/// An IANA time zone with the name it was given by. Built with [`Zone::new`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Zone {
    /// The IANA name, `Asia/Nicosia`.
    pub name: String,
    /// The zone from the bundled database.
    pub tz: TimeZone,
}

/// A time zone name that is not in the bundled IANA database.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{name}` is not an IANA time zone (for example `Asia/Nicosia`)")]
pub struct UnknownZone {
    /// The name given.
    pub name: String,
}

impl Zone {
    /// The IANA zone called `name` (`"Asia/Tokyo"`), from the bundled database.
    ///
    /// ```
    /// let tokyo = tripmap::model::Zone::new("Asia/Tokyo")?;
    /// assert_eq!(tokyo.name, "Asia/Tokyo");
    /// assert!(tripmap::model::Zone::new("Mars/Olympus").is_err());
    /// # Ok::<(), tripmap::model::UnknownZone>(())
    /// ```
    pub fn new(name: impl Into<String>) -> Result<Self, UnknownZone> {
        let name = name.into();
        match TimeZone::get(&name) {
            Ok(tz) => Ok(Zone { name, tz }),
            Err(_) => Err(UnknownZone { name }),
        }
    }
}

impl Stop {
    /// A stop with only a name; every other field empty.
    pub fn named(name: impl Into<String>) -> Self {
        Stop {
            name: name.into(),
            place: None,
            position: None,
            arrive: None,
            depart: None,
            tz: None,
            note: None,
            kind: None,
            extra: Vec::new(),
            resolved: Vec::new(),
        }
    }

    /// The time zone, if known.
    pub fn time_zone(&self) -> Option<&TimeZone> {
        self.tz.as_ref().map(|z| &z.tz)
    }
}

/// A trip: a title, a source line and its stops in input order. Built with [`Itinerary::new`]
/// (or `Default`), then its fields set.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Itinerary {
    /// Map title.
    pub title: Option<String>,
    /// Map subtitle; generated when absent.
    pub subtitle: Option<String>,
    /// Source / credit line for the data.
    pub source: Option<String>,
    /// Stops in the order of the input.
    pub stops: Vec<Stop>,
    /// Recorded paths (GPX tracks, GeoJSON or KML LineStrings), in input order; legs follow them
    /// where they pass by both of a leg's stops.
    pub tracks: Vec<Track>,
}

impl Itinerary {
    /// A trip of `stops` (in input order) with no title lines and no recorded tracks.
    pub fn new(stops: Vec<Stop>) -> Self {
        Itinerary {
            stops,
            ..Default::default()
        }
    }
}
