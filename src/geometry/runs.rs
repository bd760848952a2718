//! Joining the pieces of rings cut at a closed boundary (a box's sides, a globe's horizon)
//! back into rings, the way d3-geo rejoins clipped rings: after each piece, walk forward along
//! the boundary to the nearest place where a piece enters, and go on from there until the ring
//! closes. Walking forward keeps the rings' inside on the left when the boundary is measured in
//! the direction that has the clipped region on its left.

/// A point, in whatever plane or degrees the caller works in.
pub(crate) type Pt = (f64, f64);

/// A piece of a ring inside the boundary, from where it enters to where it leaves, with those
/// two places as positions along the boundary (measured forward, modulo its period).
pub(crate) struct Run {
    pub points: Vec<Pt>,
    pub enters_at: f64,
    pub leaves_at: f64,
}

/// The runs joined into closed rings (not closed by a repeated point, consecutive duplicates
/// removed). `period` is the boundary's length in the units of the runs' positions;
/// `walk(ring, from, gap)` pushes the boundary's points strictly between position `from` and
/// `from + gap`.
pub(crate) fn join_runs(
    runs: &[Run],
    period: f64,
    mut walk: impl FnMut(&mut Vec<Pt>, f64, f64),
) -> Vec<Vec<Pt>> {
    let ahead = |from: f64, to: f64| (to - from).rem_euclid(period);
    let mut used = vec![false; runs.len()];
    let mut rings = Vec::new();
    for first in 0..runs.len() {
        if used[first] {
            continue;
        }
        let mut ring: Vec<Pt> = Vec::new();
        let mut at = first;
        loop {
            used[at] = true;
            ring.extend_from_slice(&runs[at].points);
            let leaves = runs[at].leaves_at;
            let next = (0..runs.len())
                .filter(|&k| !used[k] || k == first)
                .min_by(|&i, &j| {
                    ahead(leaves, runs[i].enters_at).total_cmp(&ahead(leaves, runs[j].enters_at))
                })
                .unwrap_or(first);
            walk(&mut ring, leaves, ahead(leaves, runs[next].enters_at));
            if next == first {
                break;
            }
            at = next;
        }
        ring.dedup();
        while ring.len() > 1 && ring.first() == ring.last() {
            ring.pop();
        }
        rings.push(ring);
    }
    rings
}

/// Twice the signed area of a ring (shoelace), positive when its inside is on its left (with
/// x to the right and y up).
pub(crate) fn signed_area(ring: &[Pt]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, c) = (ring[i], ring[(i + 1) % n]);
            a.0 * c.1 - c.0 * a.1
        })
        .sum()
}
