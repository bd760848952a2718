//! Joining line pieces that meet end to end: a street cut at tile edges (and split into
//! several OSM ways) becomes one line, so it is drawn without joints and a label can follow
//! its whole length. Ends within 0.5 px count as meeting: the same point is quantized to
//! different grids in neighbouring tiles.

use std::collections::HashMap;

/// How close two ends must be to join, pixels.
const JOIN_PX: f64 = 0.5;

type Line = Vec<(f64, f64)>;

/// Joins lines whose ends meet, keeping each line's direction where it can (a piece is
/// reversed to join only when its far end meets). Deterministic: lines are taken in input
/// order and each grows forward, then backward, from the first piece that fits.
pub fn join(lines: Vec<Line>) -> Vec<Line> {
    let cell = |p: (f64, f64)| {
        (
            (p.0 / JOIN_PX).floor() as i64,
            (p.1 / JOIN_PX).floor() as i64,
        )
    };
    // End index: cell → (line, at its start?).
    let mut ends: HashMap<(i64, i64), Vec<(usize, bool)>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if let (Some(&a), Some(&b)) = (l.first(), l.last()) {
            ends.entry(cell(a)).or_default().push((i, true));
            ends.entry(cell(b)).or_default().push((i, false));
        }
    }
    let mut used = vec![false; lines.len()];
    // The first unused line with an end within JOIN_PX of p (not `me`).
    let find = |p: (f64, f64), me: usize, used: &[bool]| -> Option<(usize, bool)> {
        let (cx, cy) = cell(p);
        let mut best: Option<(usize, bool)> = None;
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &(i, at_start) in ends.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                    if i == me || used[i] {
                        continue;
                    }
                    let q = if at_start {
                        lines[i][0]
                    } else {
                        lines[i][lines[i].len() - 1]
                    };
                    if (q.0 - p.0).hypot(q.1 - p.1) <= JOIN_PX
                        && best.is_none_or(|(b, s)| (i, !at_start) < (b, !s))
                    {
                        best = Some((i, at_start));
                    }
                }
            }
        }
        best
    };
    let mut out = Vec::new();
    for start in 0..lines.len() {
        if used[start] || lines[start].len() < 2 {
            continue;
        }
        used[start] = true;
        let mut line = lines[start].clone();
        // Forward.
        while let Some((i, at_start)) = find(line[line.len() - 1], start, &used) {
            used[i] = true;
            let mut next = lines[i].clone();
            if !at_start {
                next.reverse();
            }
            line.extend(next.into_iter().skip(1));
        }
        // Backward.
        while let Some((i, at_start)) = find(line[0], start, &used) {
            used[i] = true;
            let mut prev = lines[i].clone();
            if at_start {
                prev.reverse();
            }
            prev.pop();
            prev.extend(line);
            line = prev;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn pieces_join_across_small_gaps_in_either_direction() {
        let lines = vec![
            vec![(0.0, 0.0), (10.0, 0.0)],
            vec![(20.0, 0.0), (10.2, 0.1)],
            vec![(-10.0, 5.0), (0.1, -0.2)],
            vec![(100.0, 100.0), (110.0, 100.0)],
        ];
        let joined = join(lines);
        assert_eq!(joined.len(), 2);
        assert_eq!(
            joined[0],
            vec![(-10.0, 5.0), (0.0, 0.0), (10.0, 0.0), (20.0, 0.0)]
        );
        assert_eq!(joined[1], vec![(100.0, 100.0), (110.0, 100.0)]);
    }

    #[test]
    fn ends_farther_than_half_a_pixel_stay_apart() {
        let joined = join(vec![
            vec![(0.0, 0.0), (10.0, 0.0)],
            vec![(10.6, 0.0), (20.0, 0.0)],
        ]);
        assert_eq!(joined.len(), 2);
    }
}
