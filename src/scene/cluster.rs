//! Stops too close together to tell apart at the map's scale. In: marker centres in pixels and
//! a distance. Out: groups of two or more markers closer than that, linked in chains (single
//! linkage), each group's indices ascending, groups ordered by their first index.

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
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (points[i], points[j]);
            if (a.0 - b.0).hypot(a.1 - b.1) < within_px {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj {
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
