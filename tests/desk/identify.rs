//! Which stop each label stands for, which route leg each drawn leg is, and so where each stop
//! truly is on each view: the one place that ties a [`Reading`] to the trip.
//!
//! Two ways, behind [`identify`]: a map that carries `data-stop` / `data-leg` attributes says it
//! (see `docs/desk-checks.md`); a map drawn as today is read by inference: a label is the stop
//! whose name it shows (a name cut with `…` matches by its start), and drawn legs are the route's
//! legs in order, less the shortest ones when fewer are drawn (a leg shorter than the pixel grid
//! draws nothing); in an inset, the legs that touch one of its stops.
//!
//! A stop's *true* position on a view is where the map's own projection puts it: the unclipped
//! end of one of its legs there (legs are the projected geodesics or tracks, drawn from stop to
//! stop, independently of where markers are nudged to).

use super::geometry::{Pt, Rect};
use super::reading::{Reading, View};
use tripmap::model::Route;

/// What the map's elements stand for.
#[derive(Debug, Clone)]
pub struct Identified {
    /// `[view][label]`: the stops (0-based) a label names.
    pub label_stops: Vec<Vec<Vec<usize>>>,
    /// `[view][drawn leg]`: the route leg (0-based) it draws, when known.
    pub leg_ids: Vec<Vec<Option<usize>>>,
    /// `[view][stop]`: the stop's true position on that view, when a leg shows it.
    pub true_pos: Vec<Vec<Option<Pt>>>,
    /// How the map was read: `attributes` or `inference`.
    pub how: &'static str,
}

/// Stops (0-based) whose cleaned name `label` shows (whole, or cut with a trailing `…`).
pub fn stops_named(label: &str, names: &[String]) -> Vec<usize> {
    let label = label.trim();
    let cut = label.strip_suffix('…').map(str::trim_end);
    (0..names.len())
        .filter(|&i| match cut {
            Some(c) => !c.is_empty() && names[i].starts_with(c),
            None => names[i] == label,
        })
        .collect()
}

/// Stops (0-based) on the markers of `view`.
pub fn members(view: &View) -> Vec<usize> {
    let mut m: Vec<usize> = view
        .markers
        .iter()
        .flat_map(|k| k.numbers.iter().map(|n| n.wrapping_sub(1)))
        .collect();
    m.sort();
    m.dedup();
    m
}

/// Route legs (0-based) of the drawn legs of view `v` (see the module docs).
fn leg_ids(reading: &Reading, v: usize, route: &Route) -> Vec<Option<usize>> {
    let view = &reading.views[v];
    let drawn = view.legs.len();
    if view.legs.iter().all(|l| l.leg.is_some()) {
        return view.legs.iter().map(|l| l.leg.map(|n| n - 1)).collect();
    }
    let n = route.legs.len();
    let candidates: Vec<usize> = if v == 0 {
        if drawn > n {
            return vec![None; drawn];
        }
        // The legs left out are the shortest ones.
        let mut by_length: Vec<usize> = (0..n).collect();
        by_length.sort_by(|&a, &b| {
            route.legs[a]
                .distance_m
                .total_cmp(&route.legs[b].distance_m)
                .then(a.cmp(&b))
        });
        let dropped = &by_length[..n - drawn];
        (0..n).filter(|i| !dropped.contains(i)).collect()
    } else {
        let m = members(view);
        (0..n)
            .filter(|&i| m.contains(&route.legs[i].from) || m.contains(&route.legs[i].to))
            .collect()
    };
    if candidates.len() == drawn {
        candidates.into_iter().map(Some).collect()
    } else {
        vec![None; drawn]
    }
}

/// Whether `p` lies on the frame's edge (a leg cut there does not end at its stop).
fn on_frame(rect: &Rect, p: Pt) -> bool {
    rect.on_edge(p, 1.0) || !rect.grow(1.0).contains(p)
}

/// Reads what the map's elements stand for (see the module docs).
pub fn identify(reading: &Reading, route: &Route, names: &[String]) -> Identified {
    let mut label_stops = Vec::new();
    let mut all_leg_ids = Vec::new();
    let mut true_pos = Vec::new();
    for (v, view) in reading.views.iter().enumerate() {
        label_stops.push(
            view.labels
                .iter()
                .map(|l| {
                    if l.numbers.is_empty() {
                        stops_named(&l.name, names)
                    } else {
                        l.numbers.iter().map(|n| n.wrapping_sub(1)).collect()
                    }
                })
                .collect(),
        );
        let ids = leg_ids(reading, v, route);
        let mut pos: Vec<Option<Pt>> = vec![None; route.stops.len()];
        for (line, id) in view.legs.iter().zip(&ids) {
            let Some(id) = *id else { continue };
            let Some(leg) = route.legs.get(id) else {
                continue;
            };
            let first = line.parts.first().and_then(|p| p.first()).copied();
            let last = line.parts.last().and_then(|p| p.last()).copied();
            if let Some(p) = first
                && !on_frame(&view.rect, p)
                && pos[leg.from].is_none()
            {
                pos[leg.from] = Some(p);
            }
            if let Some(p) = last
                && !on_frame(&view.rect, p)
                && pos[leg.to].is_none()
            {
                pos[leg.to] = Some(p);
            }
        }
        all_leg_ids.push(ids);
        true_pos.push(pos);
    }
    Identified {
        label_stops,
        leg_ids: all_leg_ids,
        true_pos,
        how: if reading.annotated {
            "attributes"
        } else {
            "inference"
        },
    }
}
