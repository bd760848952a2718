//! Colours for the map: `light` (default) and `dark`. In: a theme name. Out: the palette the
//! SVG writer puts in the map's style sheet.

use std::str::FromStr;

/// The map's colours, as CSS colour strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The theme's name (`light`, `dark`).
    pub name: &'static str,
    /// Page background (header and footer bands).
    pub page: &'static str,
    /// Sea, behind the land.
    pub ocean: &'static str,
    /// Land fill.
    pub land: &'static str,
    /// Fill of the countries the trip visits.
    pub visited: &'static str,
    /// Lakes fill.
    pub lake: &'static str,
    /// Country borders.
    pub border: &'static str,
    /// Coastlines.
    pub coast: &'static str,
    /// Graticule lines.
    pub graticule: &'static str,
    /// Route lines, arrows and markers.
    pub route: &'static str,
    /// Numbers inside markers and the markers' outline.
    pub marker_text: &'static str,
    /// Main text.
    pub text: &'static str,
    /// Secondary text (dates, source, country names).
    pub muted: &'static str,
    /// Halo behind labels, and callout backgrounds.
    pub halo: &'static str,
    /// Frames of the map, insets and locator boxes.
    pub frame: &'static str,
    /// Names of seas and lakes.
    pub water_text: &'static str,
}

/// The light theme (default): pale land on a pale blue sea, a red route.
pub const LIGHT: Theme = Theme {
    name: "light",
    page: "#ffffff",
    ocean: "#e6eef4",
    land: "#fbfaf7",
    visited: "#f3ede0",
    lake: "#e6eef4",
    border: "#c5c0b6",
    coast: "#a9b8c4",
    graticule: "#d3dde6",
    route: "#c8372d",
    marker_text: "#ffffff",
    text: "#1a1a1a",
    muted: "#5c5c5c",
    halo: "#ffffff",
    frame: "#4d4d4d",
    water_text: "#4f7896",
};

/// The dark theme: dark land on a darker sea, an orange route.
pub const DARK: Theme = Theme {
    name: "dark",
    page: "#121519",
    ocean: "#18212b",
    land: "#2b3139",
    visited: "#353b44",
    lake: "#18212b",
    border: "#4f5863",
    coast: "#5b6978",
    graticule: "#26313d",
    route: "#ff8a5b",
    marker_text: "#121519",
    text: "#f2f2f2",
    muted: "#b3b3b3",
    halo: "#121519",
    frame: "#9aa4ae",
    water_text: "#8fb0c9",
};

impl Theme {
    /// The theme names the CLI accepts.
    pub const NAMES: [&'static str; 2] = ["light", "dark"];
}

impl Default for Theme {
    fn default() -> Self {
        LIGHT
    }
}

/// A theme name that is not `light` or `dark`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown theme {0:?}: use light or dark")]
pub struct UnknownTheme(pub String);

impl FromStr for Theme {
    type Err = UnknownTheme;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Ok(LIGHT),
            "dark" => Ok(DARK),
            _ => Err(UnknownTheme(s.to_string())),
        }
    }
}
