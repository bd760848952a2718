//! Placing one label: the twelve places beside its marker first, then rings further out with a
//! leader; then the label's items (leader, callout box, lines of text).

use super::reading::segments_cross;
use super::{LINE_PITCH, Placed, Placer, Spec};
use crate::geometry::{Rect, round_pt, round_rect};
use crate::scene::text_metrics::{line_extents_px, width_px};
use crate::scene::{Anchor, Item};
use crate::trig;

/// Radii of the rings searched for a place away from the marker, pixels beyond its gap.
const RINGS: [f64; 4] = [10.0, 18.0, 26.0, 34.0];
/// The longest leader, pixels: a leader is read with its label only while both fall in one
/// glance (about two and a half marker diameters); a label that needs a longer one goes to the
/// key.
pub(crate) const MAX_LEADER_PX: f64 = 40.0;

/// A candidate place: its cost, its box, and whether its text hugs the box's right edge.
type Candidate = (f64, Rect, bool);
/// A leader line: from the marker's edge to the label's box, pixels.
type Leader = ((f64, f64), (f64, f64));

impl Placer {
    /// Places a label, or `None` if no position in the frame is free.
    pub fn place(&mut self, spec: &Spec) -> Option<Placed> {
        self.place_with(spec, true)
    }

    /// [`Placer::place`] trying only the places beside the marker, not the rings with a
    /// leader (a crowded map's last resort, and most of a label's cost when nothing fits).
    pub fn place_beside(&mut self, spec: &Spec) -> Option<Placed> {
        self.place_with(spec, false)
    }

    fn place_with(&mut self, spec: &Spec, leaders: bool) -> Option<Placed> {
        let (w, h, widths) = size(spec);
        let mut leader = None;
        let mut best = self.best_beside(spec, w, h);
        if best.is_none()
            && leaders
            && let Some((candidate, line)) = self.best_on_leader(spec, w, h)
        {
            best = Some(candidate);
            leader = Some(line);
        }
        let (_, rect, right_aligned) = best?;
        self.obstacles.insert(rect);
        self.stop_labels.insert(rect);
        if let Some((a, b)) = leader {
            // Later labels must not cover the leader either.
            self.lines.push((a, b));
        }
        let items = label_items(spec, rect, leader, right_aligned, &widths);
        Some(Placed {
            rect,
            leader,
            items,
        })
    }

    /// The cheapest free place beside the marker that reads as its own: its rank plus the
    /// route it covers, plus a penalty where it is about as near a neighbour.
    fn best_beside(&self, spec: &Spec, w: f64, h: f64) -> Option<Candidate> {
        let own = (spec.anchor, spec.anchor_r);
        let mut best: Option<Candidate> = None;
        for (i, &(left, top, right_aligned)) in near_positions(spec, w, h).iter().enumerate() {
            let r = Rect::new(left, top, w, h);
            if !self.is_free(&r) || self.misread(&r, own) || self.hides_route(spec, &r) {
                continue;
            }
            let mut cost = i as f64 * 0.6 + self.grid.cost(&r);
            if self.ambiguous(&r, spec.anchor) {
                cost += 8.0;
            }
            if best.as_ref().is_none_or(|b| cost < b.0) {
                best = Some((cost, r, right_aligned));
            }
        }
        best
    }

    /// The cheapest place on the nearest ring that has one, with its leader from the marker's
    /// edge to the box. Above and below, the box may also hang to either side of the leader,
    /// as the near positions do, to stay clear of a neighbouring marker.
    fn best_on_leader(&self, spec: &Spec, w: f64, h: f64) -> Option<(Candidate, Leader)> {
        let (x, y) = spec.anchor;
        let gap = spec.anchor_r + 2.5;
        let hang = (w / 2.0 - spec.anchor_r).max(0.0);
        for ring in RINGS {
            let mut best: Option<(Candidate, Leader)> = None;
            for (k, shift) in (0..24).flat_map(|k| [(k, 0.0), (k, hang), (k, -hang)]) {
                let a = k as f64 * std::f64::consts::TAU / 24.0;
                let (c, s) = (trig::cos(a), trig::sin(a));
                if shift != 0.0 && s.abs() < 0.6 {
                    continue;
                }
                let cx = x + c * (gap + ring + w / 2.0) + shift;
                let cy = y + s * (gap + ring + h / 2.0);
                let r = Rect::new(cx - w / 2.0, cy - h / 2.0, w, h);
                let Some(line) = self.leader_to(spec, &r) else {
                    continue;
                };
                let base = k as f64 * 0.01 + f64::from(shift != 0.0) * 0.3;
                let cost = self.leader_cost(spec, &r, base);
                if best.as_ref().is_none_or(|b| cost < b.0.0) {
                    best = Some(((cost, r, c < -0.3), line));
                }
            }
            if best.is_some() {
                return best;
            }
        }
        None
    }

    /// The leader from the marker's edge to the box at `r`, when the box is free, the leader
    /// crosses no obstacle, grazes no other marker and crosses no other line, and the box does
    /// not read as a nearer marker's.
    fn leader_to(&self, spec: &Spec, r: &Rect) -> Option<Leader> {
        let (x, y) = spec.anchor;
        if !self.is_free(r) || self.hides_route(spec, r) {
            return None;
        }
        let end = r.nearest((x, y));
        let len = (end.0 - x).hypot(end.1 - y);
        if len <= spec.anchor_r {
            return None;
        }
        if len - spec.anchor_r > MAX_LEADER_PX {
            return None;
        }
        let start = (
            x + (end.0 - x) / len * spec.anchor_r,
            y + (end.1 - y) / len * spec.anchor_r,
        );
        let blocked = self.obstacles.crossed(start, end)
            || self.grazes(start, end, (x, y))
            || self
                .lines
                .iter()
                .any(|&(p, q)| segments_cross(start, end, p, q));
        if blocked || self.misread(r, (spec.anchor, spec.anchor_r)) {
            return None;
        }
        Some((start, end))
    }

    /// Whether a callout (an opaque box) at `r` would hide part of the route: callouts go only
    /// where no leg passes; plain labels, drawn with a halo, may cross one.
    fn hides_route(&self, spec: &Spec, r: &Rect) -> bool {
        spec.boxed && self.grid.cost(r) > 0.0
    }

    /// What a box on a leader costs: `base` (its ring position), the route it covers, and a
    /// penalty where it is about as near another marker's centre as its own.
    fn leader_cost(&self, spec: &Spec, r: &Rect, base: f64) -> f64 {
        let mut cost = base + self.grid.cost(r);
        if self.ambiguous(r, spec.anchor) {
            cost += 8.0;
        }
        cost
    }
}

/// The items of a placed label: its leader, its callout box, its lines of text.
fn label_items(
    spec: &Spec,
    rect: Rect,
    leader: Option<Leader>,
    right_aligned: bool,
    widths: &[f64],
) -> Vec<Item> {
    let pad = padding(spec);
    let mut items = Vec::new();
    if let Some((a, b)) = leader {
        items.push(Item::Line {
            class: "leader",
            a: round_pt(a),
            b: round_pt(b),
        });
    }
    if spec.boxed {
        items.push(Item::Rect {
            class: "callout",
            rect: round_rect(rect),
        });
    }
    let mut top = rect.y + pad;
    for (line, lw) in spec.lines.iter().zip(widths) {
        let (pitch, above, below) = line_box(line);
        let base = top + (pitch - (above + below)) / 2.0 + above;
        // A callout's lines read from the left edge of its box; a plain label's hug the
        // marker's side.
        let left = if right_aligned && !spec.boxed {
            rect.right() - pad - lw
        } else {
            rect.x + pad
        };
        items.push(Item::Text {
            class: line.class,
            at: round_pt((left, base)),
            anchor: Anchor::Start,
            text: line.text.clone(),
        });
        top += pitch;
    }
    items
}

/// Space between a label's box and its text, pixels: more in a callout's box.
fn padding(spec: &Spec) -> f64 {
    if spec.boxed { 4.0 } else { 1.0 }
}

/// A line's height in a label (its pitch) and how far its text reaches above and below the
/// baseline, pixels: the pitch is [`LINE_PITCH`] ems unless the glyphs reach further.
fn line_box(line: &super::Line) -> (f64, f64, f64) {
    let (above, below) = line_extents_px(&line.text, line.size_px, line.weight);
    let pitch = LINE_PITCH * line.size_px;
    let pitch = pitch.max(above + below + 0.05 * line.size_px);
    (pitch, above, below)
}

/// A label's box size (width, height, pixels) and its lines' widths.
pub(super) fn size(spec: &Spec) -> (f64, f64, Vec<f64>) {
    let pad = padding(spec);
    let widths: Vec<f64> = spec
        .lines
        .iter()
        .map(|l| width_px(&l.text, l.size_px, l.weight))
        .collect();
    let w = widths.iter().cloned().fold(0.0, f64::max) + 2.0 * pad;
    let h: f64 = spec.lines.iter().map(|l| line_box(l).0).sum::<f64>() + 2.0 * pad;
    (w, h, widths)
}

/// The twelve positions beside a marker, best first: (left, top, text aligned right?).
pub(super) fn near_positions(spec: &Spec, w: f64, h: f64) -> [(f64, f64, bool); 12] {
    let (x, y) = spec.anchor;
    let gap = spec.anchor_r + 2.5;
    let d = gap * std::f64::consts::FRAC_1_SQRT_2;
    [
        (x + gap, y - h / 2.0, false),
        (x - gap - w, y - h / 2.0, true),
        (x + d, y - d - h, false),
        (x - d - w, y - d - h, true),
        (x + d, y + d, false),
        (x - d - w, y + d, true),
        (x - w / 2.0, y - gap - h, false),
        (x - w / 2.0, y + gap, false),
        (x - spec.anchor_r, y - gap - h, false),
        (x + spec.anchor_r - w, y - gap - h, true),
        (x - spec.anchor_r, y + gap, false),
        (x + spec.anchor_r - w, y + gap, true),
    ]
}
