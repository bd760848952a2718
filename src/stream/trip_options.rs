//! A line's `"options"`: the render options that make sense per trip, over the command line's.

use super::error_report::ErrorReport;
use crate::error::did_you_mean;
use crate::format::Units;
use crate::model::Itinerary;
use crate::pipeline::RenderOptions;
use crate::render::OutputFormat;
use crate::scene::theme;
use clap::ValueEnum;
use serde_json::{Map, Value};
use std::str::FromStr;

/// The keys a line's `"options"` object may have.
pub const OPTION_KEYS: &[&str] = &[
    "order",
    "start",
    "end",
    "round_trip",
    "seed",
    "time_limit",
    "formats",
    "simplify",
    "scale",
    "width",
    "height",
    "projection",
    "theme",
    "annotate",
    "dates",
    "miles",
    "graticule",
    "id_prefix",
    "title",
    "subtitle",
    "source",
];

/// One trip's options: each key given replaces the command line's value for this trip only.
#[derive(Debug, Clone, Default)]
pub struct TripOptions {
    /// The `"options"` object as given (checked by [`TripOptions::parse`]).
    given: Map<String, Value>,
}

impl TripOptions {
    /// Checks an `"options"` value: an object whose keys are [`OPTION_KEYS`] with values of the
    /// right type and range. The error names the key (`options.width`).
    pub fn parse(value: Value) -> Result<TripOptions, ErrorReport> {
        let Value::Object(given) = value else {
            return Err(ErrorReport::field(
                "options",
                format!(
                    "`options` must be an object, found {}",
                    crate::io::json_kind(&value)
                ),
            ));
        };
        let options = TripOptions { given };
        // Applying to the defaults checks every value once, here, where the line is read.
        options.apply(&RenderOptions::default(), &mut Itinerary::default())?;
        Ok(options)
    }

    /// Whether no option was given.
    pub fn is_empty(&self) -> bool {
        self.given.is_empty()
    }

    /// `base` with this trip's options over it; the title lines go into the itinerary.
    pub fn apply(
        &self,
        base: &RenderOptions,
        itinerary: &mut Itinerary,
    ) -> Result<RenderOptions, ErrorReport> {
        let mut o = base.clone();
        for (key, value) in &self.given {
            let v = Val { key, value };
            match key.as_str() {
                "order" => o.order = v.value_enum()?,
                "start" => o.shortest.start = Some(v.string()?),
                "end" => o.shortest.end = Some(v.string()?),
                "round_trip" => o.shortest.round_trip = v.bool()?,
                "seed" => o.shortest.seed = v.u64()?,
                "time_limit" => {
                    let secs = v.number(|x| (0.0..=3600.0).contains(&x), "seconds, 0 to 3600")?;
                    o.shortest.time_limit = std::time::Duration::from_secs_f64(secs);
                }
                "formats" => o.formats = v.formats()?,
                "simplify" => o.simplify_m = Some(v.number(|x| x > 0.0, "metres above 0")?),
                "scale" => {
                    o.write.png_scale = v.number(
                        |x| x > 0.0 && x <= crate::render::png::MAX_SCALE,
                        "a scale above 0, up to 8",
                    )?
                }
                "width" => o.map.width_px = v.number(|_| true, "pixels")?,
                "height" => o.map.height_px = Some(v.number(|_| true, "pixels")?),
                "projection" => o.map.projection = Some(v.value_enum()?),
                "theme" => {
                    o.map.theme = match v.string()?.as_str() {
                        "light" => theme::LIGHT,
                        "dark" => theme::DARK,
                        other => return Err(v.error(format!("`{other}` is not light or dark"))),
                    }
                }
                "annotate" => o.map.annotate = v.bool()?,
                "dates" => o.map.dates = v.value_enum()?,
                "miles" => o.map.units = if v.bool()? { Units::Miles } else { Units::Km },
                "graticule" => o.map.graticule = v.bool()?,
                "id_prefix" => o.map.id_prefix = Some(v.string()?),
                "title" => itinerary.title = Some(v.string()?),
                "subtitle" => itinerary.subtitle = Some(v.string()?),
                "source" => itinerary.source = Some(v.string()?),
                _ => {
                    let hint = did_you_mean(key, OPTION_KEYS)
                        .map(|k| format!("; did you mean `{k}`?"))
                        .unwrap_or_default();
                    return Err(ErrorReport::field(
                        &format!("options.{key}"),
                        format!(
                            "unknown option `{key}`{hint} (known: {})",
                            OPTION_KEYS.join(", ")
                        ),
                    ));
                }
            }
        }
        o.map
            .check()
            .map_err(|e| ErrorReport::field("options", e.to_string()))?;
        Ok(o)
    }
}

/// One option's key and value, with the conversions that name the key when they fail.
struct Val<'a> {
    key: &'a str,
    value: &'a Value,
}

impl Val<'_> {
    fn error(&self, message: String) -> ErrorReport {
        ErrorReport::field(
            &format!("options.{}", self.key),
            format!("option `{}`: {message}", self.key),
        )
    }

    fn wrong_type(&self, expected: &str) -> ErrorReport {
        self.error(format!(
            "must be {expected}, found {}",
            crate::io::json_kind(self.value)
        ))
    }

    fn string(&self) -> Result<String, ErrorReport> {
        self.value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| self.wrong_type("a string"))
    }

    fn bool(&self) -> Result<bool, ErrorReport> {
        self.value
            .as_bool()
            .ok_or_else(|| self.wrong_type("true or false"))
    }

    fn u64(&self) -> Result<u64, ErrorReport> {
        self.value
            .as_u64()
            .ok_or_else(|| self.wrong_type("a whole number, 0 or more"))
    }

    fn number(&self, ok: impl Fn(f64) -> bool, what: &str) -> Result<f64, ErrorReport> {
        match self.value.as_f64() {
            Some(x) if x.is_finite() && ok(x) => Ok(x),
            Some(x) => Err(self.error(format!("{x} is out of range ({what})"))),
            None => Err(self.wrong_type(&format!("a number ({what})"))),
        }
    }

    fn value_enum<T: ValueEnum>(&self) -> Result<T, ErrorReport> {
        let s = self.string()?;
        T::from_str(&s, true).map_err(|_| {
            let names: Vec<String> = T::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value())
                .map(|p| p.get_name().to_string())
                .collect();
            self.error(format!("`{s}` is not one of {}", names.join(", ")))
        })
    }

    fn formats(&self) -> Result<Vec<OutputFormat>, ErrorReport> {
        let names: Vec<&str> = match self.value {
            Value::String(s) => s.split(',').collect(),
            Value::Array(items) => items
                .iter()
                .map(|i| {
                    i.as_str()
                        .ok_or_else(|| self.wrong_type("a list of strings"))
                })
                .collect::<Result<_, _>>()?,
            _ => return Err(self.wrong_type("a list of output names")),
        };
        names
            .iter()
            .map(|n| {
                <OutputFormat as FromStr>::from_str(n.trim()).map_err(|e| self.error(e.to_string()))
            })
            .collect()
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<TripOptions, ErrorReport> {
        TripOptions::parse(v)
    }

    #[test]
    fn options_apply_over_the_base() {
        let o = parse(
            json!({"width": 640, "theme": "dark", "formats": ["geojson"],
            "order": "as-given", "title": "T"}),
        )
        .unwrap();
        let mut trip = Itinerary::default();
        let r = o.apply(&RenderOptions::default(), &mut trip).unwrap();
        assert_eq!(r.map.width_px, 640.0);
        assert_eq!(r.map.theme, theme::DARK);
        assert_eq!(r.formats, [OutputFormat::GeoJson]);
        assert_eq!(r.order, crate::routing::Order::AsGiven);
        assert_eq!(trip.title.as_deref(), Some("T"));
    }

    #[test]
    fn bad_options_name_the_key() {
        let e = parse(json!({"colour": "red"})).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("options.colour"));
        assert!(
            e.message.contains("unknown option `colour`"),
            "{}",
            e.message
        );
        let e = parse(json!({"format": "svg"})).unwrap_err();
        assert!(
            e.message.contains("did you mean `formats`"),
            "{}",
            e.message
        );
        let e = parse(json!({"width": "wide"})).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("options.width"));
        let e = parse(json!({"order": "random"})).unwrap_err();
        assert!(
            e.message.contains("`random` is not one of time"),
            "{}",
            e.message
        );
        let e = parse(json!({"width": 5})).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("options"));
        assert!(parse(json!(["width"])).is_err());
        assert!(parse(json!({"scale": 9})).is_err());
    }
}
