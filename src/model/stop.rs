//! `Stop` and `Itinerary`: what the user wrote, validated.

use super::{ItineraryBuilder, LonLat, Mode, StopBuilder, Track, When};
use jiff::tz::TimeZone;

/// One place on a trip, as read from the input and validated. Built with [`Stop::builder`]
/// (checked like any input), or [`Stop::named`] and then its fields set.
///
/// ```
/// use tripmap::model::{Mode, Stop};
/// let amman = Stop::builder("Amman")
///     .at(35.9106, 31.9539)
///     .arrive("2023-11-04T09:30")
///     .tz("Asia/Amman")
///     .mode(Mode::Flight)
///     .note("Talks with King Abdullah")
///     .build()?;
/// assert_eq!(amman.tz.as_ref().unwrap().name, "Asia/Amman");
/// assert_eq!(amman.arrive.as_ref().unwrap().to_string(), "2023-11-04T09:30:00");
/// // Bad values are refused as in a trip file, naming the field:
/// let e = Stop::builder("Nowhere").at(200.0, 0.0).build().unwrap_err();
/// assert!(e.to_string().contains("field `lon`"));
/// # Ok::<(), tripmap::Error>(())
/// ```
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
    /// How the traveller arrived here (and so the mode of the leg that ends here).
    pub mode: Option<Mode>,
    /// Fields tripmap does not interpret (CSV extra columns), in input order; passed through to outputs.
    pub extra: Vec<(String, serde_json::Value)>,
    /// Facts the gazetteer added (GeoNames id, country code), in a fixed order; empty when not geocoded.
    pub resolved: Vec<(String, serde_json::Value)>,
}

/// An IANA time zone with the name it was given by. Built with [`Zone::new`]; with the `serde`
/// feature it is written as its name and read through [`Zone::new`].
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "String", try_from = "String"))]
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
        match super::time_zone(&name) {
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
            mode: None,
            extra: Vec::new(),
            resolved: Vec::new(),
        }
    }

    /// A builder for a stop called `name`: set its fields, then [`StopBuilder::build`] checks
    /// them as the readers check a trip file's.
    pub fn builder(name: impl Into<String>) -> StopBuilder {
        StopBuilder::new(name)
    }

    /// The time zone, if known.
    pub fn time_zone(&self) -> Option<&TimeZone> {
        self.tz.as_ref().map(|z| &z.tz)
    }

    /// When the stop begins: its arrival, else its departure.
    pub fn first_time(&self) -> Option<&When> {
        self.arrive.as_ref().or(self.depart.as_ref())
    }

    /// When the stop ends: its departure, else its arrival.
    pub fn last_time(&self) -> Option<&When> {
        self.depart.as_ref().or(self.arrive.as_ref())
    }
}

/// A trip: a title, a source line and its stops in input order. Built with
/// [`Itinerary::builder`], or [`Itinerary::new`] (or `Default`) and then its fields set.
///
/// The title lines are the map's: set them here to override a trip file's own (the CLI's
/// `--title`, `--subtitle` and `--source` do just that).
///
/// ```
/// use tripmap::model::{Itinerary, Stop};
/// let trip = Itinerary::builder()
///     .title("Two capitals")
///     .source("State Department")
///     .stop(Stop::builder("Amman").at(35.9106, 31.9539).arrive("2023-11-04"))
///     .stop(Stop::builder("Baghdad").place("Baghdad, Iraq").arrive("2023-11-05"))
///     .build()?;
/// assert_eq!(trip.stops.len(), 2);
/// let mut trip = trip;
/// trip.title = Some("Blinken in the Middle East".into()); // overrides the title
/// # Ok::<(), tripmap::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
    /// A builder for a trip: its title lines, stops (each checked, errors naming its number) and
    /// recorded tracks.
    pub fn builder() -> ItineraryBuilder {
        ItineraryBuilder::default()
    }

    /// A trip of `stops` (in input order) with no title lines and no recorded tracks.
    pub fn new(stops: Vec<Stop>) -> Self {
        Itinerary {
            stops,
            ..Default::default()
        }
    }
}

impl From<Zone> for String {
    fn from(zone: Zone) -> String {
        zone.name
    }
}

impl TryFrom<String> for Zone {
    type Error = UnknownZone;
    fn try_from(name: String) -> Result<Self, Self::Error> {
        Zone::new(name)
    }
}
