//! How the map should look: [`MapOptions`], and the checks that reject unusable ones.

use super::colour::ColourBy;
use super::dates::DateStyle;
use super::overlay::Overlay;
use super::street_basemap::StreetBasemap;
use super::theme::Theme;
use crate::error::Error;
use crate::format::Units;
use crate::projection::ProjectionKind;

/// How the map should look. `Default` is what `tripmap render` draws with no option.
///
/// ```
/// let mut options = tripmap::scene::MapOptions::default();
/// options.width_px = 320.0;
/// options.theme = tripmap::scene::theme::DARK;
/// assert!(options.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MapOptions {
    /// Page width in pixels (320 to 10,000; default 960).
    pub width_px: f64,
    /// Page height in pixels; `None` picks a height that suits the trip. The footer may add a
    /// few lines when labels must go into the key.
    pub height_px: Option<f64>,
    /// A projection to use instead of the one chosen for the trip.
    pub projection: Option<ProjectionKind>,
    /// Colours.
    pub theme: Theme,
    /// Show each stop's note as a callout under its label.
    pub annotate: bool,
    /// How dates are written on labels.
    pub dates: DateStyle,
    /// Kilometres or miles.
    pub units: Units,
    /// Draw a graticule every 10° (or 30° on world maps).
    pub graticule: bool,
    /// Prefix for ids and classes: a letter, then letters, digits, `-` or `_`; `None` derives
    /// one from the trip.
    pub id_prefix: Option<String>,
    /// A street-level basemap to draw instead of Natural Earth (`--basemap`).
    pub basemap: Option<StreetBasemap>,
    /// The user's own layers, drawn under the route in this order (`--overlay`).
    pub overlays: Vec<Overlay>,
    /// Draw a timeline strip under the map (`--timeline`); building fails when no stop has a
    /// date.
    pub timeline: bool,
    /// Colour legs and markers by day, leg, mode or trip (`--colour-by`); `None`: the theme's
    /// route colour.
    pub colour_by: Option<ColourBy>,
    /// Draw the Natural Earth basemap no finer than a map of this area this many pixels wide
    /// would draw it (`map.html`: a layout wider than the map asked for draws that map's
    /// detail, so it can share one basemap drawing with the others); `None`: this map's own.
    pub(crate) detail_width_px: Option<f64>,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            width_px: 960.0,
            height_px: None,
            projection: None,
            theme: Theme::default(),
            annotate: false,
            dates: DateStyle::Short,
            units: Units::Km,
            graticule: false,
            id_prefix: None,
            basemap: None,
            overlays: Vec::new(),
            timeline: false,
            colour_by: None,
            detail_width_px: None,
        }
    }
}

impl MapOptions {
    /// These options drawing the map on `basemap` (a PMTiles archive of street-level vector
    /// tiles) instead of Natural Earth.
    pub fn with_basemap(mut self, basemap: StreetBasemap) -> Self {
        self.basemap = Some(basemap);
        self
    }

    /// These options with `overlay` drawn over the earlier ones, under the route.
    pub fn with_overlay(mut self, overlay: Overlay) -> Self {
        self.overlays.push(overlay);
        self
    }

    /// Checks the sizes and the id prefix; the error says what to give instead.
    pub fn check(&self) -> Result<(), Error> {
        if !(self.width_px.is_finite() && (320.0..=10_000.0).contains(&self.width_px)) {
            return Err(Error::Options(format!(
                "map width {} px: give 320 to 10000",
                self.width_px
            )));
        }
        if let Some(h) = self.height_px
            && !(h.is_finite() && (200.0..=10_000.0).contains(&h))
        {
            return Err(Error::Options(format!(
                "map height {h} px: give 200 to 10000"
            )));
        }
        if let Some(p) = &self.id_prefix {
            let ok = p.len() <= 40
                && p.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !ok {
                return Err(Error::Options(format!(
                    "id prefix {p:?}: use a letter, then letters, digits, - or _ (at most 40)"
                )));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn sizes_and_prefixes_are_checked() {
        assert!(MapOptions::default().check().is_ok());
        let o = MapOptions {
            width_px: 0.0,
            ..Default::default()
        };
        assert!(o.check().unwrap_err().to_string().contains("320 to 10000"));
        let o = MapOptions {
            height_px: Some(f64::NAN),
            ..Default::default()
        };
        assert!(o.check().is_err());
        let mut o = MapOptions {
            id_prefix: Some("1-bad".into()),
            ..Default::default()
        };
        assert!(o.check().unwrap_err().to_string().contains("id prefix"));
        o.id_prefix = Some("ok-Prefix_2".into());
        assert!(o.check().is_ok());
    }
}
