//! The street basemap's style sheet, added only to maps drawn on one: muted land, water, land
//! use, buildings and roads (the larger on a faint casing), small grey names with a halo of the
//! land's colour, and a wider route, so the trip stays on top. Road widths are for maps of
//! about 3 m per pixel (`streets`) or thinner for larger areas (`streets-far`).

use super::style::{HALO, text};
use crate::scene::{Item, Scene, Theme};

/// The street basemap's colours in one theme.
struct Palette {
    /// Where the archive has no data (beyond its extent): neither land nor sea.
    none: &'static str,
    earth: &'static str,
    water: &'static str,
    green: &'static str,
    bare: &'static str,
    built: &'static str,
    square: &'static str,
    building: &'static str,
    casing: &'static str,
    path: &'static str,
    street: &'static str,
    major: &'static str,
    rail: &'static str,
    boundary: &'static str,
    street_name: &'static str,
    place_name: &'static str,
    water_name: &'static str,
}

/// Light: a pale grey city, white streets on faint casings, pale blue water.
const LIGHT: Palette = Palette {
    none: "#e3e1dc",
    earth: "#f2f0eb",
    water: "#c9d9e5",
    green: "#dde7d4",
    bare: "#ebe6da",
    built: "#eeebe5",
    square: "#e8e5df",
    building: "#e0dcd4",
    casing: "#d3cec4",
    path: "#d0cbc1",
    street: "#ffffff",
    major: "#ffffff",
    rail: "#b9b4aa",
    boundary: "#b8b0c8",
    street_name: "#6f6b64",
    place_name: "#4f4b44",
    water_name: "#52748e",
};

/// Dark: a charcoal city, grey streets, deep blue water.
const DARK: Palette = Palette {
    none: "#1a1d21",
    earth: "#23272c",
    water: "#16212b",
    green: "#243029",
    bare: "#2b2a27",
    built: "#262a2f",
    square: "#2a2e33",
    building: "#2f343a",
    casing: "#1a1d21",
    path: "#3a4047",
    street: "#3d434b",
    major: "#4d545d",
    rail: "#4a5058",
    boundary: "#5d5773",
    street_name: "#a3abb3",
    place_name: "#c9d0d6",
    water_name: "#85a3ba",
};

/// Whether the scene's basemap is a street basemap (its `streets` group).
pub(super) fn has_streets(scene: &Scene) -> bool {
    scene
        .layers
        .iter()
        .filter(|l| l.name == "basemap")
        .any(|l| {
            l.items.iter().any(|i| {
                matches!(
                    i,
                    Item::Group {
                        class: "streets" | "streets-far",
                        ..
                    }
                )
            })
        })
}

/// Rules for a map with classes prefixed `p` in theme `t` (after the map's own rules, so the
/// wider route wins).
pub(super) fn css(p: &str, t: &Theme) -> String {
    let c = if t.name == "dark" { &DARK } else { &LIGHT };
    let area = |fill: &str| format!("fill:{fill};fill-rule:nonzero;stroke:none");
    let line = |stroke: &str, extra: &str| {
        format!("fill:none;stroke:{stroke};stroke-linecap:round;stroke-linejoin:round{extra}")
    };
    let name = |fill: &str, class: &str| format!("{};stroke:{};{HALO}", text(fill, class), c.earth);
    let rules: Vec<(&str, String)> = vec![
        // The archive's water layer draws the sea; what is left has no data.
        ("ocean", format!("fill:{}", c.none)),
        ("st-earth", area(c.earth)),
        ("st-green", area(c.green)),
        ("st-bare", area(c.bare)),
        ("st-built", area(c.built)),
        ("st-square", area(c.square)),
        ("st-water", area(c.water)),
        ("st-waterway", line(c.water, ";stroke-width:1.2")),
        ("st-building", area(c.building)),
        ("st-casing", line(c.casing, "")),
        ("st-path", line(c.path, "")),
        ("st-service", line(c.street, "")),
        ("st-minor", line(c.street, "")),
        ("st-rail", line(c.rail, ";stroke-dasharray:3 2")),
        ("st-major", line(c.major, "")),
        ("st-highway", line(c.major, "")),
        (
            "st-boundary",
            line(c.boundary, ";stroke-width:1;stroke-dasharray:4 3"),
        ),
        ("street-name", name(c.street_name, "street-name")),
        ("place-name", name(c.place_name, "place-name")),
        ("water-name", name(c.water_name, "water-name")),
        ("leg", "stroke-width:3".to_string()),
        ("leg-flight", "stroke-width:2.4".to_string()),
        ("leg-train", "stroke-width:3.4".to_string()),
        ("leg-bus", "stroke-width:3".to_string()),
        ("leg-car", "stroke-width:3".to_string()),
        ("leg-ferry", "stroke-width:3".to_string()),
        ("leg-walk", "stroke-width:3.4".to_string()),
        ("leg-bike", "stroke-width:3".to_string()),
    ];
    let mut css = String::new();
    for (class, body) in rules {
        css.push_str(&format!(".{p}-{class}{{{body}}}\n"));
    }
    // Road widths, pixels: near (about 3 m per pixel) and far.
    let widths: [(&str, f64, f64); 7] = [
        ("st-path", 0.8, 0.5),
        ("st-service", 1.2, 0.7),
        ("st-minor", 2.6, 1.3),
        ("st-rail", 1.0, 0.7),
        ("st-casing", 5.4, 3.2),
        ("st-major", 4.0, 2.2),
        ("st-highway", 4.4, 2.6),
    ];
    for (class, near, far) in widths {
        css.push_str(&format!(
            ".{p}-streets .{p}-{class}{{stroke-width:{near}}}\n"
        ));
        css.push_str(&format!(
            ".{p}-streets-far .{p}-{class}{{stroke-width:{far}}}\n"
        ));
    }
    css
}
