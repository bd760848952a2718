//! Turns a stop's raw field values (from any reader) into a validated [`Stop`].

use crate::error::{Error, StopRef};
use crate::model::{LonLat, LonLatError, Stop, When, Zone};

/// A stop's fields as read, before validation. Readers fill it; [`RawStop::validate`] checks it.
#[derive(Debug, Default)]
pub(crate) struct RawStop {
    pub name: Option<String>,
    pub place: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub arrive: Option<String>,
    pub depart: Option<String>,
    pub tz: Option<String>,
    pub note: Option<String>,
    pub kind: Option<String>,
    pub extra: Vec<(String, serde_json::Value)>,
}

/// Strings that are empty or only white space count as absent.
pub(crate) fn non_blank(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl RawStop {
    /// Validates every field; `number` is the stop's 1-based position in the input.
    pub fn validate(self, number: usize) -> Result<Stop, Error> {
        let name = non_blank(self.name);
        let at = StopRef {
            number,
            name: name.clone(),
        };
        let Some(name) = name else {
            return Err(Error::field(at, "name", "missing: every stop needs a name"));
        };
        let position = match (self.lon, self.lat) {
            (Some(lon), Some(lat)) => Some(LonLat::new(lon, lat).map_err(|e| match e {
                LonLatError::Lon(_) => Error::field(at.clone(), "lon", e.to_string()),
                LonLatError::Lat(_) => Error::field(at.clone(), "lat", e.to_string()),
            })?),
            (Some(_), None) => {
                return Err(Error::field(
                    at,
                    "lat",
                    "missing: `lon` is given, so `lat` must be too",
                ));
            }
            (None, Some(_)) => {
                return Err(Error::field(
                    at,
                    "lon",
                    "missing: `lat` is given, so `lon` must be too",
                ));
            }
            (None, None) => None,
        };
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
        let stop = Stop {
            name,
            place: non_blank(self.place),
            position,
            arrive,
            depart,
            tz,
            note: non_blank(self.note),
            kind: non_blank(self.kind),
            extra: self.extra,
            resolved: Vec::new(),
        };
        check_departs_after_arrival(&stop, &at)?;
        Ok(stop)
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

    fn raw(name: &str) -> RawStop {
        RawStop {
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
