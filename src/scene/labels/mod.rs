//! Label placement. In: a frame, obstacles (markers, insets, other labels) and the route, all in
//! pixels; then one label at a time (its anchor marker and lines of text). Out: where each label
//! goes, as scene items.
//!
//! For each label the placer tries twelve positions around its marker (right first, then left,
//! the four diagonals, above and below: centred, then shifted either way) and keeps the cheapest that stays inside the frame and
//! overlaps no obstacle, where the cost is the candidate's rank plus how much route it would
//! cover. When none fits it looks further out on rings of growing radius and joins the label to
//! its marker with a leader line (which must not cross a marker or a placed label either). A label
//! must be read as its own marker's: beside its marker or on a leader (at most 40 px), its box
//! must be nearer that marker's disc than any other disc (by [`SLACK`]), and a leader must keep
//! [`GRAZE`] from every other disc (see
//! [`Placer::add_marker`]). A place that breaks this is never taken; one nearer another disc
//! than its own costs more. Above and below, a leader's box may hang to either side. A placed
//! label
//! becomes an obstacle for the next. If nothing fits at all, `place` returns `None` and the
//! caller lists the stop in the map's key instead, so no stop is ever dropped.

mod obstacles;
mod place;
mod reading;
mod route_grid;

use super::Item;
use super::text_metrics::Weight;
use crate::geometry::Rect;
use obstacles::{Obstacles, crosses};
use place::{near_positions, size};
use route_grid::RouteGrid;

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
/// How much farther than its own marker's disc every other disc must be from a label without a
/// leader, pixels: the box is a little larger than its text, so a tie in box distance may be a
/// loss in what the reader sees.
const SLACK: f64 = 1.5;
/// How far a leader must pass from every other marker's disc, pixels.
const GRAZE: f64 = 4.0;
/// Space kept between a courtesy name (country, city, sea, street) and any stop label, pixels:
/// across, more than two word spaces of a label's 12-pixel text, so a grey name on a label's
/// baseline never reads as the label's next word ("5 Nov Jordan"); up and down, more than the
/// gap between a label's own lines, so it never reads as the label's next line.
const COURTESY_GAP: (f64, f64) = (10.0, 4.0);

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
    /// The stop labels' boxes, pixels: courtesy names keep [`COURTESY_GAP`] from them.
    stop_labels: Obstacles,
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
            stop_labels: Obstacles::new(frame),
        }
    }

    /// A marker of radius `r` at `c`: an obstacle, and a place whose label must not look like
    /// another marker's (a label beside a marker is read as that marker's).
    pub fn add_marker(&mut self, c: (f64, f64), r: f64) {
        let disc = Rect::new(c.0 - r, c.1 - r, 2.0 * r, 2.0 * r);
        self.obstacles.insert(disc);
        self.markers.insert(disc);
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

    /// Takes `r` for a courtesy name that has one possible place (a country name at its label
    /// point) if it is free, clear of the route and [`COURTESY_GAP`] away from every stop label;
    /// returns whether it was.
    pub fn try_fixed(&mut self, r: Rect) -> bool {
        let (gx, gy) = COURTESY_GAP;
        let free = self.is_free(&r)
            && !self.stop_labels.any_overlap(&r.grow_xy(gx, gy))
            && self.grid.cost(&r.grow(2.0)) == 0.0;
        if free {
            self.obstacles.insert(r);
        }
        free
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
    fn a_courtesy_name_keeps_clear_of_stop_labels() {
        let mut p = Placer::new(Rect::new(0.0, 0.0, 600.0, 400.0));
        p.add_marker((100.0, 200.0), 8.0);
        let label = p.place(&spec((100.0, 200.0), "Larnaca")).unwrap().rect;
        // A grey name on the label's baseline, one word space after it, would read as its
        // next word; two or more word spaces on, it reads as a name of its own.
        let after = |gap: f64| Rect::new(label.right() + gap, label.y, 40.0, 12.0);
        assert!(!p.clone().try_fixed(after(5.0)));
        assert!(p.clone().try_fixed(after(COURTESY_GAP.0 + 0.5)));
        // Just under the label, it would read as the label's next line.
        let under = |gap: f64| Rect::new(label.x, label.bottom() + gap, 40.0, 12.0);
        assert!(!p.clone().try_fixed(under(2.0)));
        assert!(p.clone().try_fixed(under(COURTESY_GAP.1 + 0.5)));
        // Other things keep only the common margin: a box after the same gap beside an
        // obstacle that is not a stop label is taken.
        let mut q = Placer::new(Rect::new(0.0, 0.0, 600.0, 400.0));
        q.add_obstacle(label);
        assert!(q.try_fixed(after(5.0)));
    }

    #[test]
    fn beside_only_never_draws_a_leader() {
        // A small square in the middle of each place beside the marker: none is free, while
        // boxes further out, on a leader between the squares, are.
        let a = (300.0, 200.0);
        let s = spec(a, "Amman");
        let (w, h, _) = size(&s);
        let blocked = || {
            let mut p = Placer::new(Rect::new(0.0, 0.0, 600.0, 400.0));
            p.add_marker(a, 8.0);
            for (left, top, _) in near_positions(&s, w, h) {
                p.add_obstacle(Rect::new(
                    left + w / 2.0 - 1.0,
                    top + h / 2.0 - 1.0,
                    2.0,
                    2.0,
                ));
            }
            p
        };
        assert_eq!(blocked().free_near(&s), 0);
        let with_leader = blocked().place(&s).expect("a place on a leader");
        assert!(with_leader.leader.is_some());
        assert!(blocked().place_beside(&s).is_none());
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
        assert!(p.misread(&right, (a, 8.0)) && !p.misread(&right, (b, 8.0)));
        let placed = p.place(&spec(a, "Ankara")).unwrap();
        assert!(
            !p.misread(&placed.rect, (a, 8.0)) && !p.ambiguous(&placed.rect, a),
            "{:?}",
            placed.rect
        );
        assert_eq!(p.free_near(&spec((500.0, 100.0), "Alone")), 12);
    }
}
