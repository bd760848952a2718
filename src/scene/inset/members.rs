//! Which stops go into detail insets: clusters of places whose markers would touch, that a
//! nudge cannot part, each reduced to the members its inset can show apart.

use super::FittedMap;
use super::fit::fit_inset;
use crate::geometry::Rect;
use crate::model::LonLat;
use crate::scene::cluster::clusters;
use crate::scene::places::Place;
use crate::scene::spread::spread;

/// Places whose markers are closer than this (pixels) go into a detail inset.
pub(crate) const CLUSTER_PX: f64 = 20.0;
/// At most this many insets; smaller clusters stay on the main map.
const MAX_INSETS: usize = 2;
/// A cluster of more places than this is a dense trip, not a knot in one: no inset.
const MAX_INSET_PLACES: usize = 12;

/// The clusters that become insets (the biggest first, at most [`MAX_INSETS`], then in place
/// order), each with the members it keeps and its fitted projection. A cluster whose markers
/// part with a nudge (each stays over its place) needs no inset: the nudge does it, and on a
/// phone-width map an inset costs a third of the map.
pub(crate) fn inset_groups(
    places: &[Place],
    place_px: &[(f64, f64)],
    radii: &[f64],
    width: f64,
) -> Vec<(Vec<usize>, FittedMap)> {
    let mut groups = clusters(place_px, CLUSTER_PX);
    groups.retain(|g| g.len() <= MAX_INSET_PLACES && is_knot(g, place_px, radii));
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups.truncate(MAX_INSETS);
    groups.sort();
    groups
        .iter()
        .filter_map(|g| inset_members(g, places, place_px, width))
        .collect()
}

/// Whether the markers of cluster `g` (at `place_px`, of `radii`) are a knot: moved apart, one
/// of them would leave its place (move by more than its radius).
fn is_knot(g: &[usize], place_px: &[(f64, f64)], radii: &[f64]) -> bool {
    let c: Vec<(f64, f64)> = g.iter().map(|&i| place_px[i]).collect();
    if c.iter().any(|p| !(p.0.is_finite() && p.1.is_finite())) {
        return true;
    }
    let r: Vec<f64> = g.iter().map(|&i| radii[i]).collect();
    let area = Rect::around(c.iter().copied())
        .unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0))
        .grow(1000.0);
    let moved = spread(&c, &r, area, &[]);
    c.iter()
        .zip(&moved)
        .zip(&r)
        .any(|((a, b), r)| (a.0 - b.0).hypot(a.1 - b.1) > *r)
}

/// The members of cluster `g` an inset can show apart, with the inset's projection; `None` when
/// fewer than two remain. While two markers would still touch at the inset's scale, the most
/// isolated member (farthest from its nearest neighbour on the main map) goes back to the main
/// map.
fn inset_members(
    g: &[usize],
    places: &[Place],
    place_px: &[(f64, f64)],
    width: f64,
) -> Option<(Vec<usize>, FittedMap)> {
    let mut members = g.to_vec();
    while members.len() >= 2 {
        let positions: Vec<LonLat> = members.iter().map(|&i| places[i].position).collect();
        let fitted = fit_inset(&positions, width)?;
        let pts: Vec<(f64, f64)> = positions
            .iter()
            .map(|&p| fitted.project_px(p).unwrap_or((f64::NAN, f64::NAN)))
            .collect();
        if clusters(&pts, CLUSTER_PX).is_empty() {
            return Some((members, fitted));
        }
        let isolation = |i: usize| {
            members
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| (place_px[i].0 - place_px[j].0).hypot(place_px[i].1 - place_px[j].1))
                .fold(f64::INFINITY, f64::min)
        };
        let far = members
            .iter()
            .copied()
            .max_by(|&a, &b| isolation(a).total_cmp(&isolation(b)).then(b.cmp(&a)))?;
        members.retain(|&i| i != far);
    }
    None
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::places::place_at as place;

    #[test]
    fn a_knot_gets_an_inset_and_a_loose_pair_does_not() {
        // Tel Aviv, Ramallah and Amman 1-5 px apart on a world map: a knot.
        let places = [
            place(34.78, 32.08),
            place(35.2, 31.9),
            place(35.91, 31.95),
            place(139.7, 35.7),
        ];
        let px = [
            (500.0, 200.0),
            (501.0, 201.0),
            (504.0, 201.0),
            (900.0, 180.0),
        ];
        let groups = inset_groups(&places, &px, &[8.0; 4], 960.0);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].0, [0, 1, 2]);
        // Two markers 12 px apart part with a nudge: no inset.
        let loose = [(500.0, 200.0), (512.0, 200.0)];
        assert!(inset_groups(&places[..2], &loose, &[8.0; 2], 960.0).is_empty());
    }
}
