//! Building stops and trips field by field, checked as the readers check a trip file's:
//! [`StopBuilder`] (every reader fills one per stop) and [`ItineraryBuilder`].

use super::{Itinerary, LonLat, LonLatError, Mode, Stop, Track, When, Zone};
use crate::error::{Error, StopRef};

/// A stop's fields as given, before they are checked. Readers fill one per stop;
/// [`StopBuilder::build`] checks it (names the field of the first bad value).
#[derive(Debug, Default, Clone)]
pub struct StopBuilder {
    pub(crate) name: Option<String>,
    pub(crate) place: Option<String>,
    pub(crate) lat: Option<f64>,
    pub(crate) lon: Option<f64>,
    pub(crate) arrive: Option<String>,
    pub(crate) depart: Option<String>,
    pub(crate) tz: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) mode: Option<String>,
    pub(crate) extra: Vec<(String, serde_json::Value)>,
}

/// Strings that are empty or only white space count as absent.
pub(crate) fn non_blank(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl StopBuilder {
    /// A stop called `name`, every other field empty.
    pub fn new(name: impl Into<String>) -> Self {
        StopBuilder {
            name: Some(name.into()),
            ..Default::default()
        }
    }

    /// At longitude `lon` and latitude `lat`, in degrees (WGS84).
    pub fn at(mut self, lon: f64, lat: f64) -> Self {
        self.lon = Some(lon);
        self.lat = Some(lat);
        self
    }

    /// A place name for the gazetteer (`"Ramallah, West Bank"`), for a stop without coordinates.
    pub fn place(mut self, place: impl Into<String>) -> Self {
        self.place = Some(place.into());
        self
    }

    /// Arrival: `2023-11-05`, `2023-11-05T14:00` (local to [`StopBuilder::tz`]) or an RFC 3339
    /// instant.
    pub fn arrive(mut self, when: impl Into<String>) -> Self {
        self.arrive = Some(when.into());
        self
    }

    /// Departure, written as for [`StopBuilder::arrive`].
    pub fn depart(mut self, when: impl Into<String>) -> Self {
        self.depart = Some(when.into());
        self
    }

    /// The stop's IANA time zone (`Asia/Tokyo`).
    pub fn tz(mut self, zone: impl Into<String>) -> Self {
        self.tz = Some(zone.into());
        self
    }

    /// Free text about the stop.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// What kind of stop (free text: origin, visit, stopover...).
    pub fn kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }

    /// How the traveller arrived.
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = Some(mode.name().to_string());
        self
    }

    /// An extra attribute, passed through to the outputs.
    pub fn property(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.extra.push((key.into(), value.into()));
        self
    }

    /// Checks every field; errors name the stop as stop 1 (in an [`ItineraryBuilder`], by its
    /// position) and the field.
    pub fn build(self) -> Result<Stop, Error> {
        self.validate(1)
    }

    /// Checks every field; `number` is the stop's 1-based position in the input.
    pub(crate) fn validate(self, number: usize) -> Result<Stop, Error> {
        let name = non_blank(self.name);
        let at = StopRef {
            number,
            name: name.clone(),
        };
        let Some(name) = name else {
            return Err(Error::field(at, "name", "missing: every stop needs a name"));
        };
        let position = position(self.lon, self.lat, &at)?;
        let tz = non_blank(self.tz)
            .map(|name| Zone::new(name).map_err(|e| Error::field(at.clone(), "tz", e.to_string())))
            .transpose()?;
        let when = |field: &str, v: Option<String>| -> Result<Option<When>, Error> {
            non_blank(v)
                .map(|s| {
                    When::parse(&s).map_err(|e| Error::field(at.clone(), field, e.to_string()))
                })
                .transpose()
        };
        let arrive = when("arrive", self.arrive)?;
        let depart = when("depart", self.depart)?;
        let mode = non_blank(self.mode)
            .map(|m| Mode::parse(&m).map_err(|e| Error::field(at.clone(), "mode", e.to_string())))
            .transpose()?;
        let stop = Stop {
            name,
            place: non_blank(self.place),
            position,
            arrive,
            depart,
            tz,
            note: non_blank(self.note),
            kind: non_blank(self.kind),
            mode,
            extra: self.extra,
            resolved: Vec::new(),
        };
        check_departs_after_arrival(&stop, &at)?;
        Ok(stop)
    }
}

/// The position from `lon` and `lat`: both or neither, each in range.
fn position(lon: Option<f64>, lat: Option<f64>, at: &StopRef) -> Result<Option<LonLat>, Error> {
    match (lon, lat) {
        (Some(lon), Some(lat)) => LonLat::new(lon, lat).map(Some).map_err(|e| match e {
            LonLatError::Lon(_) => Error::field(at.clone(), "lon", e.to_string()),
            LonLatError::Lat(_) => Error::field(at.clone(), "lat", e.to_string()),
        }),
        (Some(_), None) => Err(Error::field(
            at.clone(),
            "lat",
            "missing: `lon` is given, so `lat` must be too",
        )),
        (None, Some(_)) => Err(Error::field(
            at.clone(),
            "lon",
            "missing: `lat` is given, so `lon` must be too",
        )),
        (None, None) => Ok(None),
    }
}

/// A trip built in code: title lines, stops and recorded tracks; [`ItineraryBuilder::build`]
/// checks every stop.
#[derive(Debug, Default, Clone)]
pub struct ItineraryBuilder {
    title: Option<String>,
    subtitle: Option<String>,
    source: Option<String>,
    stops: Vec<StopBuilder>,
    tracks: Vec<Track>,
}

impl ItineraryBuilder {
    /// The map's title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The map's subtitle (generated when absent).
    pub fn subtitle(mut self, subtitle: impl Into<String>) -> Self {
        self.subtitle = Some(subtitle.into());
        self
    }

    /// The source or credit line.
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The next stop, in input order.
    pub fn stop(mut self, stop: StopBuilder) -> Self {
        self.stops.push(stop);
        self
    }

    /// A recorded path that legs follow where it passes by both of their stops.
    pub fn track(mut self, track: Track) -> Self {
        self.tracks.push(track);
        self
    }

    /// The itinerary; an error names the first bad stop (by its 1-based number) and field, or
    /// says that there is no stop.
    pub fn build(self) -> Result<Itinerary, Error> {
        if self.stops.is_empty() {
            return Err(Error::Shape("a trip needs at least one stop".into()));
        }
        let stops = self
            .stops
            .into_iter()
            .enumerate()
            .map(|(i, s)| s.validate(i + 1))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Itinerary {
            title: non_blank(self.title),
            subtitle: non_blank(self.subtitle),
            source: non_blank(self.source),
            stops,
            tracks: self.tracks,
        })
    }
}

/// Departing before arriving is an error; compared as instants where both are exact, else by day
/// (or wall-clock time when both are local).
fn check_departs_after_arrival(stop: &Stop, at: &StopRef) -> Result<(), Error> {
    let (Some(a), Some(d)) = (&stop.arrive, &stop.depart) else {
        return Ok(());
    };
    let tz = stop.time_zone();
    let backwards = match (a.instant(tz), d.instant(tz), a, d) {
        (Some(ai), Some(di), _, _) => di < ai,
        (_, _, When::Local(al), When::Local(dl)) => dl < al,
        _ => d.local_date() < a.local_date(),
    };
    if backwards {
        return Err(Error::field(
            at.clone(),
            "depart",
            format!("departure {d} is before arrival {a}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod test {
    use super::*;

    fn raw(name: &str) -> StopBuilder {
        StopBuilder {
            name: Some(name.into()),
            lat: Some(33.3),
            lon: Some(44.4),
            ..Default::default()
        }
    }

    #[test]
    fn departure_before_arrival_is_an_error() {
        let mut r = raw("Baghdad");
        r.arrive = Some("2023-11-05".into());
        r.depart = Some("2023-11-04".into());
        let e = r.validate(4).unwrap_err().to_string();
        assert!(e.contains("stop 4 \"Baghdad\", field `depart`"), "{e}");
    }

    #[test]
    fn same_day_arrival_and_departure_is_fine() {
        let mut r = raw("Larnaca");
        r.arrive = Some("2023-11-05T14:00".into());
        r.depart = Some("2023-11-05".into());
        r.tz = Some("Asia/Nicosia".into());
        assert!(r.validate(1).is_ok());
    }

    #[test]
    fn names_the_bad_coordinate() {
        let mut r = raw("X");
        r.lat = Some(91.0);
        assert!(
            r.validate(2)
                .unwrap_err()
                .to_string()
                .contains("field `lat`")
        );
        let mut r = raw("X");
        r.lon = None;
        assert!(
            r.validate(2)
                .unwrap_err()
                .to_string()
                .contains("field `lon`")
        );
    }

    #[test]
    fn modes_are_checked_and_named() {
        let mut r = raw("Ferry port");
        r.mode = Some("Boat".into());
        assert_eq!(r.validate(3).unwrap().mode, Some(Mode::Ferry));
        let mut r = raw("Ferry port");
        r.mode = Some("hovercraft".into());
        let e = r.validate(3).unwrap_err().to_string();
        assert!(
            e.starts_with("stop 3 \"Ferry port\", field `mode`: `hovercraft` is not a travel mode"),
            "{e}"
        );
    }

    #[test]
    fn itinerary_builder_numbers_its_stops() {
        let e = Itinerary::builder()
            .stop(StopBuilder::new("A").at(1.0, 2.0))
            .stop(StopBuilder::new("B").at(1.0, 2.0).arrive("soon"))
            .build()
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("stop 2 \"B\", field `arrive`"), "{e}");
        assert!(Itinerary::builder().title("x").build().is_err());
    }

    #[test]
    fn unknown_zone_is_an_error() {
        let mut r = raw("X");
        r.tz = Some("Mars/Olympus".into());
        assert!(
            r.validate(1)
                .unwrap_err()
                .to_string()
                .contains("field `tz`")
        );
    }
}
