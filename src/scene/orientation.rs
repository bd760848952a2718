//! Names for orientation: a few cities and the seas and lakes around the trip (Natural Earth,
//! through [`crate::basemap::context_labels`]), set after every label of the trip where they
//! touch nothing, so they never collide with the trip's own names and never outrank them.
//! A city the trip stops at is not named twice.

use super::labels::Placer;
use super::places::Place;
use super::text_metrics::{Weight, ascent_px, width_px};
use super::{Anchor, Item, clean_text};
use crate::basemap::{ContextKind, ContextLabel};
use crate::geometry::{Rect, round_pt, round1};

/// Type size of context names, pixels.
pub(crate) const CONTEXT_PX: f64 = 10.0;
/// Radius of a context city's dot, pixels.
const CITY_DOT_R: f64 = 1.8;
/// From a context city's point to its name, pixels: clear of the dot and the space kept around
/// every label.
const TEXT_GAP_PX: f64 = 6.5;
/// A context city this close to a stop (pixels) is the stop's own town: not named again.
const NEAR_STOP_PX: f64 = 12.0;
/// A context city this close to a stop (pixels) whose name the gazetteer reads as that very
/// city is the stop's own town too: "Pokhara" is not written beside a stop named पोखरा.
const SAME_TOWN_PX: f64 = 60.0;

/// The items of the context names that fit, most important first: for a city a small dot and
/// its name to the right (or left) of it, for a sea or lake its name centred on its open water.
/// Each is added to `placer`, so later names keep clear of it.
pub(crate) fn orientation_labels(
    offered: &[ContextLabel],
    places: &[Place],
    place_px: &[(f64, f64)],
    placer: &mut Placer,
) -> Vec<Item> {
    let mut items = Vec::new();
    // Each place's GeoNames id, looked up in the gazetteer at most once per map.
    let town_ids: Vec<std::cell::OnceCell<Option<u32>>> =
        places.iter().map(|_| std::cell::OnceCell::new()).collect();
    let town_id = |k: usize| {
        *town_ids[k].get_or_init(|| {
            crate::geocode::find(&places[k].name, &crate::geocode::Hints::default())
                .map(|m| m.place.geonameid)
        })
    };
    for label in offered {
        let text = clean_text(&label.text);
        if text.is_empty() || names_a_stop(label, &text, places, place_px, &town_id) {
            continue;
        }
        let w = width_px(&text, CONTEXT_PX, Weight::Regular);
        let h = 1.17 * CONTEXT_PX;
        let (x, y) = label.at;
        match label.kind {
            ContextKind::City => {
                let dot = Rect::new(x - 3.0, y - 3.0, 6.0, 6.0);
                let spots = [
                    Rect::new(x + TEXT_GAP_PX, y - h / 2.0, w, h),
                    Rect::new(x - TEXT_GAP_PX - w, y - h / 2.0, w, h),
                ];
                if !placer.try_fixed(dot) {
                    continue;
                }
                if let Some(r) = spots.into_iter().find(|&r| placer.try_fixed(r)) {
                    items.push(Item::Circle {
                        class: "context-dot",
                        c: round_pt((x, y)),
                        r: round1(CITY_DOT_R),
                    });
                    items.push(text_item("context-city", r, text));
                }
            }
            ContextKind::Water(_) => {
                let r = Rect::new(x - w / 2.0, y - h / 2.0, w, h);
                if w <= 2.0 * label.room_px && placer.try_fixed(r) {
                    items.push(text_item("context-water", r, text));
                }
            }
        }
    }
    items
}

/// Whether a context city is one of the trip's stops: near a stop's place on the map, with a
/// stop's name, or near a stop whose name (in any script or spelling the gazetteer knows) finds
/// the same city.
fn names_a_stop(
    label: &ContextLabel,
    text: &str,
    places: &[Place],
    place_px: &[(f64, f64)],
    town_id: &impl Fn(usize) -> Option<u32>,
) -> bool {
    if !matches!(label.kind, ContextKind::City) {
        return false;
    }
    let (x, y) = label.at;
    let near = |&(px, py): &(f64, f64), within: f64| (px - x).hypot(py - y) < within;
    place_px.iter().any(|p| near(p, NEAR_STOP_PX))
        || places.iter().any(|p| p.name.eq_ignore_ascii_case(text))
        || label.geonameid.is_some_and(|id| {
            (0..places.len().min(place_px.len()))
                .any(|k| near(&place_px[k], SAME_TOWN_PX) && town_id(k) == Some(id))
        })
}

fn text_item(class: &'static str, r: Rect, text: String) -> Item {
    Item::Text {
        class,
        at: round_pt((r.x, r.y + ascent_px(CONTEXT_PX))),
        anchor: Anchor::Start,
        text,
    }
}
