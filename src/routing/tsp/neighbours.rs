//! Candidate lists: for each node its `k` nearest others, nearest first. From the problem's
//! points with an R*-tree when it has them, else from the distances (O(n²)).

use super::closed::Closed;
use super::problem::Problem;
use rstar::RTree;
use rstar::primitives::GeomWithData;

/// The `k` nearest other nodes of every node of `p`, nearest first.
pub fn nearest(p: &Problem, k: usize) -> Vec<Vec<u32>> {
    let n = p.len();
    let k = k.min(n.saturating_sub(1));
    let by_distance = |i: usize, mut cand: Vec<u32>| {
        cand.sort_by(|&a, &b| {
            p.dist(i, a as usize)
                .total_cmp(&p.dist(i, b as usize))
                .then(a.cmp(&b))
        });
        cand.truncate(k);
        cand
    };
    if let Some(points) = &p.points
        && n > 64
    {
        let tree = RTree::bulk_load(
            points
                .iter()
                .enumerate()
                .map(|(i, &q)| GeomWithData::new(q, i as u32))
                .collect(),
        );
        return (0..n)
            .map(|i| {
                // A few spare candidates so that ties and the metric's small differences from
                // straight-line distance between points do not drop a true neighbour.
                let cand = tree
                    .nearest_neighbor_iter(&points[i])
                    .map(|g| g.data)
                    .filter(|&j| j as usize != i)
                    .take(k + 3)
                    .collect();
                by_distance(i, cand)
            })
            .collect();
    }
    (0..n)
        .map(|i| {
            let mut cand: Vec<u32> = (0..n as u32).filter(|&j| j as usize != i).collect();
            if cand.len() > k {
                cand.select_nth_unstable_by(k, |&a, &b| {
                    p.dist(i, a as usize)
                        .total_cmp(&p.dist(i, b as usize))
                        .then(a.cmp(&b))
                });
                cand.truncate(k + 1);
            }
            by_distance(i, cand)
        })
        .collect()
}

/// Candidate lists for the closed view: the problem's lists, with the dummy node first in the
/// list of every node allowed at an end, and the dummy's own list those nodes (at most `k`).
pub(crate) fn closed_lists(c: &Closed, k: usize) -> Vec<Vec<u32>> {
    let mut lists = nearest(c.p, k);
    if let Some(x) = c.dummy {
        let mut own = Vec::new();
        for (v, list) in lists.iter_mut().enumerate() {
            if c.end_allowed(v) {
                list.insert(0, x);
                if own.len() < k {
                    own.push(v as u32);
                }
            }
        }
        lists.push(own);
    }
    lists
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn tree_and_scan_agree() {
        let mut rng = fastrand::Rng::with_seed(3);
        let p = super::super::exact::test::random_plane(300, &mut rng);
        let fast = nearest(&p, 8);
        let slow = nearest(&Problem::new(300, move |i, j| p.dist(i, j)), 8);
        assert_eq!(fast, slow);
    }
}
