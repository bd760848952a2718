//! Label placement. In: a frame, obstacles (markers, insets, other labels) and the route, all in
//! pixels; then one label at a time (its anchor marker and lines of text). Out: where each label
//! goes, as scene items.
//!
//! For each label the placer tries twelve positions around its marker (right first, then left,
//! the four diagonals, above and below: centred, then shifted either way) and keeps the cheapest that stays inside the frame and
//! overlaps no obstacle, where the cost is the candidate's rank plus how much route it would
//! cover. When none fits it looks further out on rings of growing radius and joins the label to
//! its marker with a leader line (which must not cross a marker or a placed label either). A label
//! must be read as its own marker's: beside its marker, its box must be nearer that marker's
//! disc than any other disc (by [`SLACK`]); away from it, on a leader, it must keep [`CLEAR`]
//! from every nearer disc and its leader [`GRAZE`] from every other disc (see
//! [`Placer::add_marker`]). A place that breaks this is never taken; one nearer another disc
//! than its own costs more. Above and below, a leader's box may hang to either side. A placed
//! label
//! becomes an obstacle for the next. If nothing fits at all, `place` returns `None` and the
//! caller lists the stop in the map's key instead, so no stop is ever dropped.

use super::text_metrics::{Weight, ascent_px, width_px};
use super::{Anchor, Item};
use crate::geometry::{Rect, clip_segment, round_pt, round_rect};

/// One line of a label.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text, clean.
    pub text: String,
    /// Style name (`label-name`, `label-date`, `note`).
    pub class: &'static str,
    /// Font size, pixels.
    pub size_px: f64,
    /// Font weight.
    pub weight: Weight,
}

/// A label to place: lines of text for a marker at `anchor` of radius `anchor_r` (pixels).
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// The marker's centre, pixels.
    pub anchor: (f64, f64),
    /// The marker's radius, pixels.
    pub anchor_r: f64,
    /// Lines, top first.
    pub lines: Vec<Line>,
    /// Draw a background box behind the text (a callout, for notes).
    pub boxed: bool,
}

/// Vertical distance between baselines, as a multiple of the font size; more than a text box's
/// height (1.17 em) so lines of one label never overlap.
const LINE_PITCH: f64 = 1.22;
/// Space kept free around every label, pixels.
const MARGIN: f64 = 1.5;
/// How far a label on a leader must stay from every other marker's disc that is nearer than
/// its own, pixels: nearer, it reads as that marker's despite the leader.
const CLEAR: f64 = 8.0;
/// How much farther than its own marker's disc every other disc must be from a label without a
/// leader, pixels: the box is a little larger than its text, so a tie in box distance may be a
/// loss in what the reader sees.
const SLACK: f64 = 1.5;
/// How far a leader must pass from every other marker's disc, pixels.
const GRAZE: f64 = 4.0;

/// Places labels one by one without overlap.
#[derive(Debug, Clone)]
pub struct Placer {
    frame: Rect,
    obstacles: Obstacles,
    lines: Vec<((f64, f64), (f64, f64))>,
    grid: RouteGrid,
    /// Marker discs (as their bounding squares), pixels: a label must be read as its own
    /// marker's.
    markers: Obstacles,
}

/// How much route passes through each 8-pixel cell of the frame.
#[derive(Debug, Clone)]
struct RouteGrid {
    origin: (f64, f64),
    cols: usize,
    rows: usize,
    counts: Vec<u16>,
}

const CELL: f64 = 8.0;

/// Rectangles no label may cover, bucketed in 32-pixel cells so a test looks only at its
/// neighbourhood (a 1,000-stop map has thousands).
#[derive(Debug, Clone)]
struct Obstacles {
    origin: (f64, f64),
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    rects: Vec<Rect>,
}

const BUCKET: f64 = 32.0;

impl Obstacles {
    fn new(frame: Rect) -> Self {
        let cols = (frame.w / BUCKET).ceil().max(1.0) as usize;
        let rows = (frame.h / BUCKET).ceil().max(1.0) as usize;
        Obstacles {
            origin: (frame.x, frame.y),
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            rects: Vec::new(),
        }
    }

    /// The cells a box covers, clamped to the grid: (col0, row0, col1, row1).
    fn span(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> (usize, usize, usize, usize) {
        let c =
            |v: f64, o: f64, n: usize| (((v - o) / BUCKET).floor().max(0.0) as usize).min(n - 1);
        (
            c(x0, self.origin.0, self.cols),
            c(y0, self.origin.1, self.rows),
            c(x1, self.origin.0, self.cols),
            c(y1, self.origin.1, self.rows),
        )
    }

    fn insert(&mut self, r: Rect) {
        let idx = self.rects.len() as u32;
        self.rects.push(r);
        let (c0, r0, c1, r1) = self.span(r.x, r.y, r.right(), r.bottom());
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col].push(idx);
            }
        }
    }

    /// Whether a rectangle in the cells `g` covers passes `test`.
    fn any_in(&self, g: &Rect, test: impl Fn(&Rect) -> bool) -> bool {
        let (c0, r0, c1, r1) = self.span(g.x, g.y, g.right(), g.bottom());
        (r0..=r1).any(|row| {
            (c0..=c1).any(|col| {
                self.cells[row * self.cols + col]
                    .iter()
                    .any(|&i| test(&self.rects[i as usize]))
            })
        })
    }

    fn any_overlap(&self, g: &Rect) -> bool {
        let (c0, r0, c1, r1) = self.span(g.x, g.y, g.right(), g.bottom());
        (r0..=r1).any(|row| {
            (c0..=c1).any(|col| {
                self.cells[row * self.cols + col]
                    .iter()
                    .any(|&i| self.rects[i as usize].overlaps(g))
            })
        })
    }

    /// Whether segment a→b crosses an obstacle other than those holding `a` (the marker the
    /// segment starts from).
    fn crossed(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (c0, r0, c1, r1) = self.span(a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1));
        (r0..=r1).any(|row| {
            (c0..=c1).any(|col| {
                self.cells[row * self.cols + col].iter().any(|&i| {
                    let o = &self.rects[i as usize];
                    !o.contains(a) && crosses(a, b, o)
                })
            })
        })
    }
}

impl RouteGrid {
    fn new(frame: Rect) -> Self {
        let cols = (frame.w / CELL).ceil().max(1.0) as usize;
        let rows = (frame.h / CELL).ceil().max(1.0) as usize;
        RouteGrid {
            origin: (frame.x, frame.y),
            cols,
            rows,
            counts: vec![0; cols * rows],
        }
    }

    fn cell(&self, p: (f64, f64)) -> Option<usize> {
        let c = ((p.0 - self.origin.0) / CELL).floor();
        let r = ((p.1 - self.origin.1) / CELL).floor();
        if c < 0.0 || r < 0.0 || c >= self.cols as f64 || r >= self.rows as f64 {
            return None;
        }
        Some(r as usize * self.cols + c as usize)
    }

    fn add_polyline(&mut self, pts: &[(f64, f64)]) {
        for w in pts.windows(2) {
            let len = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
            let n = (len / 4.0).ceil().clamp(1.0, 10_000.0) as usize;
            for i in 0..n {
                let t = i as f64 / n as f64;
                let p = (
                    w[0].0 + t * (w[1].0 - w[0].0),
                    w[0].1 + t * (w[1].1 - w[0].1),
                );
                if let Some(k) = self.cell(p) {
                    self.counts[k] = self.counts[k].saturating_add(1);
                }
            }
        }
    }

    /// Route samples in the cells `r` covers.
    fn cost(&self, r: &Rect) -> f64 {
        let c0 = (((r.x - self.origin.0) / CELL).floor().max(0.0)) as usize;
        let r0 = (((r.y - self.origin.1) / CELL).floor().max(0.0)) as usize;
        let c1 =
            (((r.right() - self.origin.0) / CELL).floor().max(0.0) as usize).min(self.cols - 1);
        let r1 =
            (((r.bottom() - self.origin.1) / CELL).floor().max(0.0) as usize).min(self.rows - 1);
        let mut sum = 0.0;
        for row in r0..=r1 {
            for col in c0..=c1 {
                sum += f64::from(self.counts[row * self.cols + col]);
            }
        }
        sum
    }
}

/// A label's place: its box and, when it stands away from its marker, the leader line.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The box holding the text, pixels.
    pub rect: Rect,
    /// Leader from the marker's edge to the box, when there is one.
    pub leader: Option<((f64, f64), (f64, f64))>,
    /// The label's items: leader, callout box, lines of text.
    pub items: Vec<Item>,
}

impl Placer {
    /// A placer for labels that must stay inside `frame`.
    pub fn new(frame: Rect) -> Self {
        Placer {
            frame,
            obstacles: Obstacles::new(frame),
            lines: Vec::new(),
            grid: RouteGrid::new(frame),
            markers: Obstacles::new(frame),
        }
    }

    /// A marker of radius `r` at `c`: an obstacle, and a place whose label must not look like
    /// another marker's (a label beside a marker is read as that marker's).
    pub fn add_marker(&mut self, c: (f64, f64), r: f64) {
        let disc = Rect::new(c.0 - r, c.1 - r, 2.0 * r, 2.0 * r);
        self.obstacles.insert(disc);
        self.markers.insert(disc);
    }

    /// Whether a label at `r` for the marker at `own` is about as near another marker's centre
    /// as its own, or nearer: such a place is taken only when better ones are not free.
    fn ambiguous(&self, r: &Rect, own: (f64, f64)) -> bool {
        let dist = |p: (f64, f64)| {
            let q = r.nearest(p);
            (q.0 - p.0).hypot(q.1 - p.1)
        };
        let mine = dist(own);
        self.markers.any_in(&r.grow(mine + 2.0), |m| {
            let m = (m.x + m.w / 2.0, m.y + m.h / 2.0);
            (m.0 - own.0).abs() + (m.1 - own.1).abs() > 0.5 && dist(m) < mine + 2.0
        })
    }

    /// Whether a label at `r` for the marker at `own` (radius `own_r`) would be read as another
    /// marker's, so may not go there: without a leader (`leader` false), when another disc is
    /// less than [`SLACK`] farther from the box than its own; with one, when such a disc is also nearer than
    /// [`CLEAR`]. Distances run from the box to the discs' edges, pixels.
    fn misread(&self, r: &Rect, (own, own_r): ((f64, f64), f64), leader: bool) -> bool {
        let dist = |p: (f64, f64), rad: f64| {
            let q = r.nearest(p);
            ((q.0 - p.0).hypot(q.1 - p.1) - rad).max(0.0)
        };
        let mine = dist(own, own_r);
        let reach = if leader {
            CLEAR.min(mine)
        } else {
            mine + SLACK
        };
        self.markers.any_in(&r.grow(reach + 1.0), |m| {
            let c = (m.x + m.w / 2.0, m.y + m.h / 2.0);
            (c.0 - own.0).abs() + (c.1 - own.1).abs() > 0.5 && dist(c, m.w / 2.0) <= reach
        })
    }

    /// Whether a leader a→b from the marker at `own` passes within [`GRAZE`] of another marker's
    /// disc, where a reader could take it to end there.
    fn grazes(&self, a: (f64, f64), b: (f64, f64), own: (f64, f64)) -> bool {
        let bounds = Rect::new(
            a.0.min(b.0),
            a.1.min(b.1),
            (a.0 - b.0).abs(),
            (a.1 - b.1).abs(),
        );
        self.markers.any_in(&bounds.grow(GRAZE + 1.0), |m| {
            let c = (m.x + m.w / 2.0, m.y + m.h / 2.0);
            (c.0 - own.0).abs() + (c.1 - own.1).abs() > 0.5
                && point_to_segment(c, a, b) < m.w / 2.0 + GRAZE
        })
    }

    /// How many of the near positions (beside the marker, no leader) are free for `spec` now:
    /// labels with few choices are best placed before their neighbours take them.
    pub fn free_near(&self, spec: &Spec) -> usize {
        let (w, h, _) = size(spec);
        near_positions(spec, w, h)
            .iter()
            .filter(|&&(left, top, _)| {
                let r = Rect::new(left, top, w, h);
                self.is_free(&r) && !self.ambiguous(&r, spec.anchor)
            })
            .count()
    }

    /// Something no label may cover.
    pub fn add_obstacle(&mut self, r: Rect) {
        self.obstacles.insert(r);
    }

    /// A line no label may cross (an inset's connector).
    pub fn add_line_obstacle(&mut self, a: (f64, f64), b: (f64, f64)) {
        self.lines.push((a, b));
    }

    /// A route polyline labels should avoid covering when they can.
    pub fn add_route(&mut self, points: &[(f64, f64)]) {
        self.grid.add_polyline(points);
    }

    /// Route under a rectangle (a count of 4-pixel samples), for choosing an inset's place.
    pub fn route_cost(&self, r: &Rect) -> f64 {
        self.grid.cost(r)
    }

    /// Whether `r` fits: inside the frame, clear of every obstacle.
    pub fn is_free(&self, r: &Rect) -> bool {
        let g = r.grow(MARGIN);
        self.frame.contains_rect(r)
            && !self.obstacles.any_overlap(&g)
            && !self.lines.iter().any(|&(a, b)| crosses(a, b, &g))
    }

    /// Takes `r` for a label that has one possible place (a country name at its label point) if
    /// it is free and clear of the route; returns whether it was.
    pub fn try_fixed(&mut self, r: Rect) -> bool {
        let free = self.is_free(&r) && self.grid.cost(&r.grow(2.0)) == 0.0;
        if free {
            self.obstacles.insert(r);
        }
        free
    }

    /// Places a label, or `None` if no position in the frame is free.
    pub fn place(&mut self, spec: &Spec) -> Option<Placed> {
        let (w, h, widths) = size(spec);
        let pad = if spec.boxed { 4.0 } else { 1.0 };
        let (x, y) = spec.anchor;
        let gap = spec.anchor_r + 2.5;
        let near = near_positions(spec, w, h);
        let own = (spec.anchor, spec.anchor_r);
        let mut best: Option<(f64, Rect, bool)> = None;
        for (i, &(left, top, right_aligned)) in near.iter().enumerate() {
            let r = Rect::new(left, top, w, h);
            if !self.is_free(&r) {
                continue;
            }
            if self.misread(&r, own, false) {
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
        let mut leader = None;
        if best.is_none() {
            'rings: for ring in [14.0, 24.0, 36.0, 52.0, 72.0, 100.0, 140.0, 190.0, 260.0] {
                // Above and below, the box may also hang to either side of the leader, as the
                // near positions do, to stay clear of a neighbouring marker.
                let hang = (w / 2.0 - spec.anchor_r).max(0.0);
                for (k, shift) in (0..24).flat_map(|k| [(k, 0.0), (k, hang), (k, -hang)]) {
                    let a = k as f64 * std::f64::consts::TAU / 24.0;
                    let (c, s) = (a.cos(), a.sin());
                    if shift != 0.0 && s.abs() < 0.6 {
                        continue;
                    }
                    let cx = x + c * (gap + ring + w / 2.0) + shift;
                    let cy = y + s * (gap + ring + h / 2.0);
                    let r = Rect::new(cx - w / 2.0, cy - h / 2.0, w, h);
                    if !self.is_free(&r) {
                        continue;
                    }
                    let end = r.nearest((x, y));
                    let len = (end.0 - x).hypot(end.1 - y);
                    if len <= spec.anchor_r {
                        continue;
                    }
                    let start = (
                        x + (end.0 - x) / len * spec.anchor_r,
                        y + (end.1 - y) / len * spec.anchor_r,
                    );
                    if self.obstacles.crossed(start, end)
                        || self.grazes(start, end, (x, y))
                        || self
                            .lines
                            .iter()
                            .any(|&(p, q)| segments_cross(start, end, p, q))
                    {
                        continue;
                    }
                    if self.misread(&r, own, true) {
                        continue;
                    }
                    let mut cost =
                        k as f64 * 0.01 + f64::from(shift != 0.0) * 0.3 + self.grid.cost(&r);
                    if self.ambiguous(&r, spec.anchor) {
                        cost += 8.0;
                    }
                    // Nearer another disc than its own: allowed on a leader, but not liked.
                    if self.misread(&r, own, false) {
                        cost += 8.0;
                    }
                    if best.as_ref().is_none_or(|b| cost < b.0) {
                        best = Some((cost, r, c < -0.3));
                        leader = Some((start, end));
                    }
                }
                if best.is_some() {
                    break 'rings;
                }
            }
        }
        let (_, rect, right_aligned) = best?;
        self.obstacles.insert(rect);
        let mut items = Vec::new();
        if let Some((a, b)) = leader {
            // Later labels must not cover the leader either.
            self.lines.push((a, b));
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
        for (line, lw) in spec.lines.iter().zip(&widths) {
            let pitch = LINE_PITCH * line.size_px;
            let base = top + (pitch - 1.17 * line.size_px) / 2.0 + ascent_px(line.size_px);
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
        Some(Placed {
            rect,
            leader,
            items,
        })
    }
}

/// A label's box size (width, height, pixels) and its lines' widths.
fn size(spec: &Spec) -> (f64, f64, Vec<f64>) {
    let pad = if spec.boxed { 4.0 } else { 1.0 };
    let widths: Vec<f64> = spec
        .lines
        .iter()
        .map(|l| width_px(&l.text, l.size_px, l.weight))
        .collect();
    let w = widths.iter().cloned().fold(0.0, f64::max) + 2.0 * pad;
    let h: f64 = spec
        .lines
        .iter()
        .map(|l| LINE_PITCH * l.size_px)
        .sum::<f64>()
        + 2.0 * pad;
    (w, h, widths)
}

/// The twelve positions beside a marker, best first: (left, top, text aligned right?).
fn near_positions(spec: &Spec, w: f64, h: f64) -> [(f64, f64, bool); 12] {
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

/// Whether segments a→b and p→q cross inside both (touching ends or overlapping do not count).
fn segments_cross(a: (f64, f64), b: (f64, f64), p: (f64, f64), q: (f64, f64)) -> bool {
    matches!(
        geo::line_intersection::line_intersection(geo::Line::new(a, b), geo::Line::new(p, q)),
        Some(geo::LineIntersection::SinglePoint {
            is_proper: true,
            ..
        })
    )
}

/// Distance from `p` to the segment a→b, pixels.
fn point_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    use geo::{Distance, Euclidean};
    Euclidean.distance(&geo::Point::from(p), &geo::Line::new(a, b))
}

/// Whether segment a→b passes through the inside of `r` (not merely touching it).
fn crosses(a: (f64, f64), b: (f64, f64), r: &Rect) -> bool {
    match clip_segment(a, b, r.grow(-0.5).bounds()) {
        Some((p, q, _, _)) => (q.0 - p.0).hypot(q.1 - p.1) > 0.5,
        None => false,
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn spec(anchor: (f64, f64), text: &str) -> Spec {
        Spec {
            anchor,
            anchor_r: 8.0,
            lines: vec![Line {
                text: text.into(),
                class: "label-name",
                size_px: 12.0,
                weight: Weight::Bold,
            }],
            boxed: false,
        }
    }

    #[test]
    fn labels_never_overlap_each_other_markers_or_the_frame() {
        let frame = Rect::new(0.0, 0.0, 600.0, 400.0);
        let mut p = Placer::new(frame);
        // Six markers in a row, closer than their labels are wide: labels must spread out.
        let anchors: Vec<(f64, f64)> = (0..6).map(|i| (200.0 + 30.0 * i as f64, 200.0)).collect();
        for &a in &anchors {
            p.add_obstacle(Rect::new(a.0 - 8.0, a.1 - 8.0, 16.0, 16.0));
        }
        let mut rects = Vec::new();
        for (i, &a) in anchors.iter().enumerate() {
            let placed = p
                .place(&spec(a, &format!("Place number {i}")))
                .unwrap_or_else(|| panic!("label {i} found no room"));
            assert!(frame.contains_rect(&placed.rect));
            for &b in &anchors {
                assert!(
                    !placed
                        .rect
                        .overlaps(&Rect::new(b.0 - 8.0, b.1 - 8.0, 16.0, 16.0))
                );
            }
            for r in &rects {
                assert!(!placed.rect.overlaps(r));
            }
            rects.push(placed.rect);
        }
    }

    #[test]
    fn first_choice_is_to_the_right_and_a_full_frame_gives_none() {
        let mut p = Placer::new(Rect::new(0.0, 0.0, 400.0, 300.0));
        let placed = p.place(&spec((100.0, 100.0), "Amman")).unwrap();
        assert!(placed.rect.x > 100.0 && placed.leader.is_none());
        let mut full = Placer::new(Rect::new(0.0, 0.0, 50.0, 20.0));
        assert!(
            full.place(&spec((25.0, 10.0), "A very long name indeed"))
                .is_none()
        );
    }

    #[test]
    fn a_label_does_not_sit_beside_a_neighbouring_marker() {
        let frame = Rect::new(0.0, 0.0, 600.0, 400.0);
        let mut p = Placer::new(frame);
        let (a, b) = ((200.0, 200.0), (226.0, 214.0));
        p.add_marker(a, 8.0);
        p.add_marker(b, 8.0);
        // To the right of `a`, the label would end just above `b` and read as `b`'s.
        let right = Rect::new(210.5, 193.0, 60.0, 14.0);
        assert!(p.ambiguous(&right, a) && !p.ambiguous(&right, b));
        assert!(p.misread(&right, (a, 8.0), false) && !p.misread(&right, (b, 8.0), false));
        let placed = p.place(&spec(a, "Ankara")).unwrap();
        let leader = placed.leader.is_some();
        assert!(
            !p.misread(&placed.rect, (a, 8.0), leader) && !p.ambiguous(&placed.rect, a),
            "{:?}",
            placed.rect
        );
        assert_eq!(p.free_near(&spec((500.0, 100.0), "Alone")), 12);
    }
}
