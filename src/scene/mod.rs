//! The map as a fully resolved picture: `Route` + [`MapOptions`] in, [`Scene`] out.
//!
//! A `Scene` is in pixels (y down) with every decision taken: projection fitted, legs projected,
//! cut at the map's edge and simplified, labels placed, clusters moved into insets, furniture
//! laid out, colours chosen. Writers ([`crate::render::svg`]) only serialise it and cannot fail
//! on user data. Text in a scene is plain (unescaped) and already cleaned of characters XML
//! forbids and of bidi overrides.
//!
//! ```
//! let json = br#"{"title": "Two capitals", "stops": [
//!     {"name": "Amman", "lat": 31.9539, "lon": 35.9106, "arrive": "2023-11-04"},
//!     {"name": "Baghdad", "lat": 33.3152, "lon": 44.3661, "arrive": "2023-11-05"}
//! ]}"#;
//! let itinerary = tripmap::io::read(json, tripmap::io::Format::Json)?;
//! let route = tripmap::routing::plan(&itinerary, tripmap::routing::Order::Time)?;
//! let scene = tripmap::scene::build(&route, &tripmap::scene::MapOptions::default())?;
//! assert_eq!(scene.width, 960.0);
//! let svg = tripmap::render::svg::write(&scene);
//! assert!(svg.starts_with(b"<svg"));
//! # Ok::<(), tripmap::Error>(())
//! ```

// The builder walks the steps; each concept has its own file.
mod basemap_layer;
mod build;
mod cluster;
/// `--colour-by`: colours by day, leg, travel mode or trip, and their palettes.
pub mod colour;
mod context;
/// Stop dates as labels show them (`5 Nov`, `7–8 Nov`) and the trip's span.
pub mod dates;
mod describe;
mod disc_grid;
mod framing;
/// Title, subtitle, legend, scale bar, source line, north arrow.
pub mod furniture;
mod ground;
mod inset;
mod labels;
mod legs;
mod locator;
mod map_area;
mod markers;
mod modes;
mod options;
mod orientation;
/// The user's own layers (`--overlay`).
pub mod overlay;
mod place_grid;
mod places;
mod spread;
mod stop_labels;
mod street_basemap;
/// Text widths from the bundled fonts, for deterministic placement.
pub mod text_metrics;
/// Light and dark colours.
pub mod theme;
mod thin_paths;
mod tile_labels;
mod tile_layer;
mod timeline;

pub use crate::format::Units;
pub use crate::geometry::Rect;
pub(crate) use basemap_layer::{basemap_layer, is_visited};
pub use build::build;
pub use colour::ColourBy;
pub use dates::DateStyle;
pub(crate) use framing::Framing;
pub use ground::NaturalEarthDrawn;
pub use inset::FittedMap;
pub(crate) use inset::fit::NARROW_PX;
pub use locator::LocatorDrawn;
pub use options::MapOptions;
pub use overlay::Overlay;
pub(crate) use places::stay_text;
pub use street_basemap::StreetBasemap;
pub use theme::Theme;

/// A picture ready to write: a page of `width` × `height` pixels and its layers, bottom first.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Page width, pixels.
    pub width: f64,
    /// Page height, pixels.
    pub height: f64,
    /// Prefix of every id and class in the output (`tm-1a2b3c`).
    pub prefix: String,
    /// Colours.
    pub theme: Theme,
    /// The map's title (accessible name).
    pub title: String,
    /// One-paragraph summary of the trip (accessible description).
    pub desc: String,
    /// Named layers, drawn in order: basemap, route, stops, labels, insets, furniture, and
    /// `timeline` when one is asked for.
    pub layers: Vec<Layer>,
    /// How the main map's Natural Earth basemap was drawn (`None` on a street basemap).
    pub natural_earth: Option<NaturalEarthDrawn>,
    /// How the locator map's basemap was drawn, when there is one.
    pub locator: Option<LocatorDrawn>,
}

/// A named group of items, drawn shifted by `offset`.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// The layer's name: `basemap`, `route`, `stops`, `labels`, `insets`, `furniture`,
    /// `timeline`.
    pub name: &'static str,
    /// Shift of the whole layer, pixels (the map area sits below the title band).
    pub offset: (f64, f64),
    /// What the layer holds, bottom first.
    pub items: Vec<Item>,
}

/// Where a line of text is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left end.
    Start,
    /// `x` is the middle.
    Middle,
    /// `x` is the right end.
    End,
}

/// What an item stands for in the trip, written into the SVG as `data-stop="1 8"` or
/// `data-leg="2"` (1-based visiting order; leg 2 joins stops 2 and 3), so a map can be read
/// back and checked by machine. Browsers and drawing programs ignore it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tag {
    /// The stops a marker, dot or label belongs to, 1-based.
    Stops(Vec<usize>),
    /// The leg a line draws, 1-based.
    Leg(usize),
}

/// One drawable thing. `class` names a style of the theme (the writer prefixes it).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One or more polylines drawn as a single path; closed ones are polygons (even-odd fill).
    Path {
        /// Style name.
        class: &'static str,
        /// Polylines, pixels.
        parts: Vec<Vec<(f64, f64)>>,
        /// Whether every part is closed.
        closed: bool,
    },
    /// A circle.
    Circle {
        /// Style name.
        class: &'static str,
        /// Centre, pixels.
        c: (f64, f64),
        /// Radius, pixels.
        r: f64,
    },
    /// A rectangle.
    Rect {
        /// Style name.
        class: &'static str,
        /// Where.
        rect: Rect,
    },
    /// A straight line.
    Line {
        /// Style name.
        class: &'static str,
        /// Start, pixels.
        a: (f64, f64),
        /// End, pixels.
        b: (f64, f64),
    },
    /// One line of text on a baseline.
    Text {
        /// Style name.
        class: &'static str,
        /// Anchor point on the baseline, pixels.
        at: (f64, f64),
        /// Which end `at` is.
        anchor: Anchor,
        /// The text, plain.
        text: String,
    },
    /// A group of items (a marker, a label, an inset) with a style name.
    Group {
        /// Style name.
        class: &'static str,
        /// Members.
        items: Vec<Item>,
    },
    /// Items drawn with their own colours (an overlay feature's simplestyle), written as a
    /// group with a `style` attribute: CSS declarations of checked colours and numbers.
    Painted {
        /// The declarations (`fill:#2f6db3;stroke:#2f6db3;stroke-width:3`).
        css: String,
        /// The items, which inherit them.
        items: Vec<Item>,
    },
    /// An item turned `deg` degrees clockwise about `about` (a street name along its street).
    Rotated {
        /// Angle, degrees clockwise.
        deg: f64,
        /// Centre of the turn, pixels.
        about: (f64, f64),
        /// The item, drawn turned.
        item: Box<Item>,
    },
    /// An item and what it stands for.
    Tagged {
        /// The stops or leg.
        tag: Tag,
        /// The item, drawn as it is.
        item: Box<Item>,
    },
}

impl Item {
    /// This item, marked as standing for `tag`.
    pub fn tagged(self, tag: Tag) -> Item {
        Item::Tagged {
            tag,
            item: Box::new(self),
        }
    }
}

/// Removes what must not reach a picture from user text: characters XML 1.0 forbids (C0
/// controls but tab, newline and return; U+FFFE, U+FFFF), other C1 controls, and bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which could reorder the
/// rest of a label. Line breaks and tabs become spaces; runs of spaces are kept as written.
pub fn clean_text(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => None,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            '\u{FFFE}' | '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn cleaning_drops_controls_and_overrides_but_keeps_scripts_and_emoji() {
        assert_eq!(clean_text("a\u{0}b\u{1b}[31mc\u{7}"), "ab[31mc");
        assert_eq!(clean_text("\u{202E}evil\u{202C}"), "evil");
        assert_eq!(clean_text("תל אביב 🇮🇱"), "תל אביב 🇮🇱");
        assert_eq!(clean_text(" x\ny "), "x y");
    }
}
