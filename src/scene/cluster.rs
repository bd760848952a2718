//! Stops too close together to tell apart at the map's scale. In: marker centres in pixels and
//! a distance. Out: groups of two or more markers closer than that, linked in chains (single
//! linkage), each group's indices ascending, groups ordered by their first index.

use crate::geometry::at_least_apart;
use std::collections::HashMap;

/// Groups of indices of `points` whose markers lie within `within_px` of another in the group.
pub fn clusters(points: &[(f64, f64)], within_px: f64) -> Vec<Vec<usize>> {
    let n = points.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Points bucketed by cells `within_px` wide: a pair closer than that is in the same or a
    // neighbouring cell, so each point is compared only with those (the groups are the same
    // whatever order the pairs are joined in: each group's root is its lowest index).
    let cell = |v: f64| (v / within_px).floor() as i64;
    let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let finite = |p: (f64, f64)| p.0.is_finite() && p.1.is_finite();
    if within_px > 0.0 && within_px.is_finite() {
        for (i, &p) in points.iter().enumerate().filter(|&(_, &p)| finite(p)) {
            cells.entry((cell(p.0), cell(p.1))).or_default().push(i);
        }
    }
    for (i, &a) in points.iter().enumerate().filter(|&(_, &p)| finite(p)) {
        let (cx, cy) = (cell(a.0), cell(a.1));
        for key in [-1, 0, 1]
            .into_iter()
            .flat_map(|dy| [-1, 0, 1].map(|dx| (cx + dx, cy + dy)))
        {
            for &j in cells.get(&key).into_iter().flatten().filter(|&&j| j > i) {
                // Already in one group: nothing to measure (in a crowd, most pairs are).
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj && !at_least_apart(a, points[j], within_px) {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn chains_link_and_far_points_stay_alone() {
        let pts = [
            (0.0, 0.0),
            (500.0, 0.0),
            (10.0, 0.0),
            (20.0, 1.0),
            (505.0, 3.0),
            (900.0, 0.0),
        ];
        assert_eq!(clusters(&pts, 12.0), vec![vec![0, 2, 3], vec![1, 4]]);
        assert!(clusters(&pts, 1.0).is_empty());
    }
}
