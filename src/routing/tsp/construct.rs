//! Construction: a first tour by greedy matching of edges (shortest candidate edges first, no
//! node of degree 3, no early cycle; fragments then joined nearest end first), turned into a
//! closed tour that already keeps the fixed ends and the precedence chain.

use super::closed::Closed;
use super::problem::Problem;
use rstar::RTree;
use rstar::primitives::GeomWithData;

/// Nodes of `p` in greedy-edge order (a cycle; `lists` are the candidate edges).
pub fn greedy_edge(p: &Problem, lists: &[Vec<u32>]) -> Vec<usize> {
    let n = p.len();
    if n < 3 {
        return (0..n).collect();
    }
    let mut edges: Vec<(f64, u32, u32)> = Vec::with_capacity(n * 8);
    for (i, list) in lists.iter().enumerate().take(n) {
        for &j in list {
            if (j as usize) < n && (i as u32) < j {
                edges.push((p.dist(i, j as usize), i as u32, j));
            }
        }
    }
    edges.sort_by(|a, b| a.0.total_cmp(&b.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    edges.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut v: u32) -> u32 {
        while parent[v as usize] != v {
            parent[v as usize] = parent[parent[v as usize] as usize];
            v = parent[v as usize];
        }
        v
    }
    let mut adj = vec![[u32::MAX; 2]; n];
    let degree =
        |adj: &[[u32; 2]], v: u32| adj[v as usize].iter().filter(|&&x| x != u32::MAX).count();
    let link = |adj: &mut [[u32; 2]], a: u32, b: u32| {
        let slot = if adj[a as usize][0] == u32::MAX { 0 } else { 1 };
        adj[a as usize][slot] = b;
    };
    let mut added = 0;
    for &(_, a, b) in &edges {
        if degree(&adj, a) >= 2 || degree(&adj, b) >= 2 {
            continue;
        }
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        parent[ra as usize] = rb;
        link(&mut adj, a, b);
        link(&mut adj, b, a);
        added += 1;
        if added == n - 1 {
            break;
        }
    }
    // Fragments as paths, each read from one end.
    let mut seen = vec![false; n];
    let mut fragments: Vec<Vec<u32>> = Vec::new();
    for v in 0..n as u32 {
        if seen[v as usize] || degree(&adj, v) == 2 {
            continue;
        }
        let mut path = vec![v];
        seen[v as usize] = true;
        let mut prev = u32::MAX;
        let mut cur = v;
        loop {
            let next = adj[cur as usize]
                .iter()
                .copied()
                .find(|&x| x != u32::MAX && x != prev);
            match next {
                Some(x) if !seen[x as usize] => {
                    seen[x as usize] = true;
                    path.push(x);
                    prev = cur;
                    cur = x;
                }
                _ => break,
            }
        }
        fragments.push(path);
    }
    join_fragments(p, fragments)
}

/// Joins path fragments into one cycle, always going to the nearest free fragment end.
fn join_fragments(p: &Problem, mut fragments: Vec<Vec<u32>>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(p.len());
    let mut used = vec![false; fragments.len()];
    let mut current = std::mem::take(&mut fragments[0]);
    used[0] = true;
    // Ends of the other fragments: (node, fragment, is_first_end).
    let ends: Vec<(u32, usize, bool)> = fragments
        .iter()
        .enumerate()
        .skip(1)
        .flat_map(|(f, path)| {
            let first = (path[0], f, true);
            let last = (*path.last().expect("fragments are not empty"), f, false);
            if path.len() == 1 {
                vec![first]
            } else {
                vec![first, last]
            }
        })
        .collect();
    let tree = p.points.as_ref().filter(|_| ends.len() > 200).map(|pts| {
        RTree::bulk_load(
            ends.iter()
                .map(|&(v, f, first)| GeomWithData::new(pts[v as usize], (f, first)))
                .collect(),
        )
    });
    out.extend(current.iter().map(|&v| v as usize));
    let mut tail = *current.last().expect("fragments are not empty");
    for _ in 1..fragments.len() {
        let (f, first) = match (&tree, &p.points) {
            (Some(tree), Some(pts)) => tree
                .nearest_neighbor_iter(&pts[tail as usize])
                .map(|g| g.data)
                .find(|&(f, _)| !used[f])
                .expect("a free fragment remains"),
            _ => ends
                .iter()
                .filter(|e| !used[e.1])
                .min_by(|a, b| {
                    p.dist(tail as usize, a.0 as usize)
                        .total_cmp(&p.dist(tail as usize, b.0 as usize))
                })
                .map(|e| (e.1, e.2))
                .expect("a free fragment remains"),
        };
        used[f] = true;
        current = std::mem::take(&mut fragments[f]);
        if !first {
            current.reverse();
        }
        out.extend(current.iter().map(|&v| v as usize));
        tail = *current.last().expect("fragments are not empty");
    }
    out
}

/// A closed tour for `c` (node ids of the closed view) built from the cycle `cycle` of the
/// problem's nodes so that it keeps every constraint: cut into a path at the right place, ends
/// moved into place, chain nodes taken out and put back in order where each costs least.
pub(crate) fn closed_tour(c: &Closed, cycle: &[usize]) -> Vec<u32> {
    let p = c.p;
    let mut path = open_path(p, cycle);
    if let Some(e) = p.fixed_end()
        && path.last() != Some(&e)
    {
        path.retain(|&v| v != e);
        path.push(e);
    }
    if p.chain().len() > 1 {
        insert_chain(p, &mut path);
    }
    let mut out: Vec<u32> = Vec::with_capacity(c.n);
    if let Some(x) = c.dummy {
        out.push(x);
    }
    out.extend(path.iter().map(|&v| v as u32));
    out
}

/// The cycle rotated into a path: from the start if fixed (or node 0 of a round trip), else
/// towards the end if fixed, else (an open path) starting after the longest edge.
fn open_path(p: &Problem, cycle: &[usize]) -> Vec<usize> {
    let n = cycle.len();
    let d = |a: usize, b: usize| p.dist(a, b);
    let at = |v: usize| {
        cycle
            .iter()
            .position(|&x| x == v)
            .expect("node is in the cycle")
    };
    if let Some(s) = p.fixed_start().or(p.is_round_trip().then_some(0)) {
        let i = at(s);
        let fwd: Vec<usize> = (0..n).map(|k| cycle[(i + k) % n]).collect();
        // Drop the longer of the start's two edges (it is not part of an open path).
        let (next, prev) = (cycle[(i + 1) % n], cycle[(i + n - 1) % n]);
        if !p.is_round_trip() && d(s, next) > d(s, prev) {
            std::iter::once(s)
                .chain(fwd[1..].iter().rev().copied())
                .collect()
        } else {
            fwd
        }
    } else if let Some(e) = p.fixed_end() {
        let i = at(e);
        let (next, prev) = (cycle[(i + 1) % n], cycle[(i + n - 1) % n]);
        let mut v: Vec<usize> = (1..=n).map(|k| cycle[(i + k) % n]).collect();
        if d(e, next) < d(e, prev) {
            v.pop();
            v.reverse();
            v.push(e);
        }
        v
    } else {
        let cut = (0..n).max_by(|&a, &b| {
            d(cycle[a], cycle[(a + 1) % n]).total_cmp(&d(cycle[b], cycle[(b + 1) % n]))
        });
        let i = cut.map_or(0, |a| (a + 1) % n);
        (0..n).map(|k| cycle[(i + k) % n]).collect()
    }
}

/// Takes the precedence chain's nodes out of `path` (except the pinned ends) and puts each back
/// after the previous one, where it costs least.
fn insert_chain(p: &Problem, path: &mut Vec<usize>) {
    let d = |a: usize, b: usize| p.dist(a, b);
    let chain = p.chain();
    let pinned = |v: usize| {
        Some(v) == p.fixed_start().or(p.is_round_trip().then_some(0)) || Some(v) == p.fixed_end()
    };
    let mut in_chain = vec![false; p.len()];
    for &v in chain {
        in_chain[v] = true;
    }
    path.retain(|&v| !in_chain[v] || pinned(v));
    let first_free = usize::from(
        path.first()
            .is_some_and(|&v| pinned(v) && Some(v) != p.fixed_end()),
    );
    let mut lo = first_free;
    for &v in chain {
        if pinned(v) {
            lo = path.iter().position(|&x| x == v).map_or(lo, |i| i + 1);
            continue;
        }
        let hi = path.len() - usize::from(p.fixed_end().is_some_and(|e| path.last() == Some(&e)));
        let cost = |i: usize| {
            let before = if i == 0 { None } else { Some(path[i - 1]) };
            let after = path.get(i).copied().filter(|_| i < path.len());
            match (before, after) {
                (Some(a), Some(b)) => d(a, v) + d(v, b) - d(a, b),
                (Some(a), None) => d(a, v),
                (None, Some(b)) => d(v, b),
                (None, None) => 0.0,
            }
        };
        let best = (lo..=hi.max(lo))
            .min_by(|&a, &b| cost(a).total_cmp(&cost(b)))
            .unwrap_or(lo);
        path.insert(best, v);
        lo = best + 1;
    }
}
