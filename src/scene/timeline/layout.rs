//! How the timeline is laid out: the trip's days cut into rows of equal length (a long trip on
//! a narrow page wraps), each stop's marker and stay bar set in the first free lane of its row,
//! and the number of rows chosen to keep the lanes few and the strip short.

use super::moments::Moments;

/// Height of one lane of markers, pixels.
pub(crate) const LANE_PX: f64 = 20.0;
/// Height of a row apart from its lanes: leg track, axis, tick labels and the gap below,
/// pixels.
pub(crate) const ROW_FIXED_PX: f64 = 38.0;
/// Most rows a timeline is cut into.
const MAX_ROWS: usize = 12;
/// Most lanes a row should need: the fewest rows that keep every row to this many are
/// chosen.
const FEW_LANES: usize = 2;
/// Least room between two markers or bars in one lane, pixels.
const LANE_GAP_PX: f64 = 3.0;

/// The time axis: which days each row covers and where a moment falls on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Axis {
    /// Left end of every row, pixels.
    pub x0: f64,
    /// Pixels per day.
    pub px_per_day: f64,
    /// Days per row.
    pub days_per_row: usize,
    /// Rows.
    pub rows: usize,
    /// Days in all.
    pub days: usize,
}

impl Axis {
    /// The rows of `days` days laid `rows` to a page between `x0` and `x1`.
    pub fn new(days: usize, rows: usize, x0: f64, x1: f64) -> Axis {
        let days_per_row = days.div_ceil(rows.max(1)).max(1);
        Axis {
            x0,
            px_per_day: (x1 - x0) / days_per_row as f64,
            days_per_row,
            rows: days.div_ceil(days_per_row).max(1),
            days,
        }
    }

    /// The days row `row` covers, since the first: `from..to`.
    pub fn row_days(&self, row: usize) -> (usize, usize) {
        let from = row * self.days_per_row;
        (from, (from + self.days_per_row).min(self.days))
    }

    /// The row a moment `t` (days) falls in.
    pub fn row_of(&self, t: f64) -> usize {
        ((t.max(0.0) / self.days_per_row as f64) as usize).min(self.rows - 1)
    }

    /// Where moment `t` (days) falls in row `row`, pixels.
    pub fn x(&self, row: usize, t: f64) -> f64 {
        self.x0 + (t - (row * self.days_per_row) as f64) * self.px_per_day
    }
}

/// A stop's part in one row: its marker where it arrives in that row, and the stretch of its
/// stay within the row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    /// Index into `Moments::stops`.
    pub span: usize,
    /// The row.
    pub row: usize,
    /// The stay's ends in the row, pixels.
    pub x: (f64, f64),
    /// The marker's radius, when the stop arrives in this row.
    pub marker_r: Option<f64>,
    /// The lane, from the axis up (0 nearest).
    pub lane: usize,
}

impl Piece {
    /// What the piece covers along its lane, pixels.
    fn extent(&self) -> (f64, f64) {
        match self.marker_r {
            Some(r) => (self.x.0 - r, self.x.1.max(self.x.0 + r)),
            None => self.x,
        }
    }
}

/// Every stop's pieces on `axis`, each in its lane. `radius[i]` is the marker radius of
/// `m.stops[i]`.
pub(crate) fn pieces(m: &Moments, axis: &Axis, radius: &[f64]) -> Vec<Piece> {
    let mut out = Vec::new();
    for (i, s) in m.stops.iter().enumerate() {
        let (r0, r1) = (axis.row_of(s.start), axis.row_of(s.end));
        for row in r0..=r1 {
            let (from, to) = axis.row_days(row);
            let a = if row == r0 { s.start } else { from as f64 };
            let b = if row == r1 { s.end } else { to as f64 };
            out.push(Piece {
                span: i,
                row,
                x: (axis.x(row, a), axis.x(row, b)),
                marker_r: (row == r0).then_some(radius[i]),
                lane: 0,
            });
        }
    }
    assign_lanes(&mut out);
    out
}

/// Sets each piece in the lowest lane of its row where it touches nothing already there,
/// taking pieces from left to right.
fn assign_lanes(pieces: &mut [Piece]) {
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&pieces[a], &pieces[b]);
        pa.row
            .cmp(&pb.row)
            .then(pa.extent().0.total_cmp(&pb.extent().0))
            .then(a.cmp(&b))
    });
    // The right end of what each lane holds, for the current row.
    let mut ends: Vec<f64> = Vec::new();
    let mut current = None;
    for i in order {
        let key = pieces[i].row;
        if current != Some(key) {
            current = Some(key);
            ends.clear();
        }
        let (left, right) = pieces[i].extent();
        let lane = match ends.iter().position(|&e| left - e >= LANE_GAP_PX) {
            Some(l) => l,
            None => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
        };
        ends[lane] = right;
        pieces[i].lane = lane;
    }
}

/// How many lanes each row needs (at least 1).
pub(crate) fn lanes(pieces: &[Piece], rows: usize) -> Vec<usize> {
    let mut out = vec![1; rows];
    for p in pieces {
        out[p.row] = out[p.row].max(p.lane + 1);
    }
    out
}

/// The height of rows with these lanes, pixels.
pub(crate) fn height(lanes: &[usize]) -> f64 {
    lanes
        .iter()
        .map(|&l| ROW_FIXED_PX + l as f64 * LANE_PX)
        .sum()
}

/// The axis, cut into the fewest rows (up to [`MAX_ROWS`], at most one per day) in which no
/// row needs more than [`FEW_LANES`] lanes (failing that, the rows that give the shortest
/// strip), and the pieces laid on it.
pub(crate) fn choose(m: &Moments, x: (f64, f64), radius: &[f64]) -> (Axis, Vec<Piece>) {
    let mut best: Option<(f64, Axis, Vec<Piece>)> = None;
    let mut last_rows = 0;
    for rows in 1..=MAX_ROWS.min(m.days) {
        let axis = Axis::new(m.days, rows, x.0, x.1);
        if axis.rows == last_rows {
            continue;
        }
        last_rows = axis.rows;
        let pieces = pieces(m, &axis, radius);
        let lanes = lanes(&pieces, axis.rows);
        if lanes.iter().all(|&l| l <= FEW_LANES) {
            return (axis, pieces);
        }
        let h = height(&lanes);
        if best.as_ref().is_none_or(|(bh, _, _)| h < *bh) {
            best = Some((h, axis, pieces));
        }
    }
    let (_, axis, pieces) = best.expect("a trip spans at least one day");
    (axis, pieces)
}

#[cfg(test)]
mod test {
    use super::super::moments::StopSpan;
    use super::*;

    fn moments(spans: &[(f64, f64)], days: usize) -> Moments {
        Moments {
            first: jiff::civil::date(2024, 1, 1),
            days,
            stops: spans
                .iter()
                .enumerate()
                .map(|(i, &(start, end))| StopSpan {
                    stop: i,
                    start,
                    end,
                })
                .collect(),
            legs: Vec::new(),
            undated: Vec::new(),
        }
    }

    #[test]
    fn rows_split_the_days_and_a_stay_goes_on_in_the_next_row() {
        let axis = Axis::new(10, 2, 0.0, 100.0);
        assert_eq!(axis.days_per_row, 5);
        assert_eq!(axis.row_days(1), (5, 10));
        assert_eq!(axis.x(1, 6.0), 20.0);
        let m = moments(&[(4.5, 6.5)], 10);
        let p = pieces(&m, &axis, &[8.0]);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].x, (90.0, 100.0));
        assert_eq!(p[0].marker_r, Some(8.0));
        assert_eq!(p[1].x, (0.0, 30.0));
        assert_eq!(p[1].marker_r, None);
    }

    #[test]
    fn markers_that_would_touch_go_to_other_lanes() {
        let axis = Axis::new(1, 1, 0.0, 240.0);
        // 12:00, 13:00 (10 px later) and 20:00.
        let m = moments(
            &[(0.5, 0.5), (13.0 / 24.0, 13.0 / 24.0), (20.0 / 24.0, 0.9)],
            1,
        );
        let p = pieces(&m, &axis, &[8.0; 3]);
        let lanes_used: Vec<usize> = p.iter().map(|p| p.lane).collect();
        assert_eq!(lanes_used, [0, 1, 0]);
        assert_eq!(lanes(&p, 1), [2]);
    }

    #[test]
    fn the_shortest_strip_is_chosen() {
        // Twenty stops a day apart on a narrow page: more rows, fewer lanes.
        let spans: Vec<(f64, f64)> = (0..20).map(|d| (d as f64 + 0.5, d as f64 + 0.5)).collect();
        let m = moments(&spans, 20);
        let (axis, pieces) = choose(&m, (0.0, 200.0), &[9.0; 20]);
        let l = lanes(&pieces, axis.rows);
        assert!(axis.rows > 1, "{axis:?}");
        assert!(l.iter().all(|&r| r <= 2), "{l:?}");
    }
}
