//! `Tour`: a cyclic tour as an array of nodes plus each node's position, changed only by
//! reversing a stretch (always the shorter of the two sides, so a reversal costs at most n/2
//! swaps). Every reversal is journalled so a batch of moves can be undone.

/// A cyclic tour over nodes `0..n`.
#[derive(Debug, Clone)]
pub(crate) struct Tour {
    /// Nodes in tour order.
    pub order: Vec<u32>,
    /// `pos[v]`: where node `v` is in `order`.
    pub pos: Vec<u32>,
    /// Reversals applied since the last [`Tour::clear_journal`]: (first position, length).
    journal: Vec<(u32, u32)>,
}

impl Tour {
    /// The tour visiting `order` (a permutation of `0..order.len()`).
    pub fn new(order: Vec<u32>) -> Self {
        let mut pos = vec![0; order.len()];
        for (i, &v) in order.iter().enumerate() {
            pos[v as usize] = i as u32;
        }
        Self {
            order,
            pos,
            journal: Vec::new(),
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// The node after `v`.
    #[inline]
    pub fn succ(&self, v: u32) -> u32 {
        let p = self.pos[v as usize] as usize + 1;
        self.order[if p == self.order.len() { 0 } else { p }]
    }

    /// The node before `v`.
    #[inline]
    pub fn pred(&self, v: u32) -> u32 {
        let p = self.pos[v as usize] as usize;
        self.order[if p == 0 { self.order.len() - 1 } else { p - 1 }]
    }

    /// The node after `v` going forward (`fwd`) or backward.
    #[inline]
    pub fn next(&self, v: u32, fwd: bool) -> u32 {
        if fwd { self.succ(v) } else { self.pred(v) }
    }

    /// Journal length, to undo back to later.
    pub fn mark(&self) -> usize {
        self.journal.len()
    }

    /// Forgets the journal (the current tour becomes the one undo returns to).
    pub fn clear_journal(&mut self) {
        self.journal.clear();
    }

    /// Undoes every reversal since `mark`.
    pub fn undo_to(&mut self, mark: usize) {
        while self.journal.len() > mark {
            let (i, len) = self.journal.pop().expect("journal is longer than mark");
            self.reverse_raw(i as usize, len as usize);
        }
    }

    /// Replaces edges {x1, x2} and {y1, y2} by {x1, y1} and {x2, y2}, where x2 follows x1 and
    /// y2 follows y1 in the same direction of travel.
    pub fn two_opt(&mut self, x1: u32, x2: u32, y1: u32, y2: u32) {
        if self.succ(x1) == x2 {
            self.reverse(
                self.pos[x2 as usize] as usize,
                self.pos[y1 as usize] as usize,
            );
        } else {
            self.reverse(
                self.pos[x1 as usize] as usize,
                self.pos[y2 as usize] as usize,
            );
        }
    }

    /// Reverses positions `i..=j` going forward (cyclically), or equivalently the other side.
    fn reverse(&mut self, i: usize, j: usize) {
        let n = self.order.len();
        let inner = (j + n - i) % n + 1;
        let (start, len) = if 2 * inner > n {
            ((j + 1) % n, n - inner)
        } else {
            (i, inner)
        };
        if len < 2 {
            return;
        }
        self.reverse_raw(start, len);
        self.journal.push((start as u32, len as u32));
    }

    fn reverse_raw(&mut self, start: usize, len: usize) {
        let n = self.order.len();
        let (mut a, mut b) = (start, (start + len - 1) % n);
        for _ in 0..len / 2 {
            self.order.swap(a, b);
            self.pos[self.order[a] as usize] = a as u32;
            self.pos[self.order[b] as usize] = b as u32;
            a = if a + 1 == n { 0 } else { a + 1 };
            b = if b == 0 { n - 1 } else { b - 1 };
        }
    }
}

#[cfg(test)]
pub(crate) mod test {
    use super::*;

    /// The tour's edges, each as (smaller, larger) node, sorted.
    pub(crate) fn edges(t: &Tour) -> Vec<(u32, u32)> {
        let mut e: Vec<_> = (0..t.len() as u32)
            .map(|v| (v.min(t.succ(v)), v.max(t.succ(v))))
            .collect();
        e.sort();
        e
    }

    /// Asserts that the order is a permutation of the nodes and the position index matches it.
    #[track_caller]
    pub(crate) fn assert_consistent(t: &Tour) {
        let mut seen = t.order.clone();
        seen.sort();
        assert_eq!(seen, (0..t.len() as u32).collect::<Vec<_>>());
        for (i, &v) in t.order.iter().enumerate() {
            assert_eq!(t.pos[v as usize] as usize, i);
        }
    }

    #[test]
    fn two_opt_swaps_edges_and_undo_restores() {
        let mut t = Tour::new((0..10).collect());
        let before = t.order.clone();
        t.two_opt(1, 2, 6, 7);
        let e = edges(&t);
        assert!(e.contains(&(1, 6)) && e.contains(&(2, 7)));
        assert!(!e.contains(&(1, 2)) && !e.contains(&(6, 7)));
        // The same move written against the other direction of travel.
        // Now 0 1 6 5 4 3 2 7 8 9: going backward, 8 follows 9 and 4 follows 3.
        t.two_opt(9, 8, 3, 4);
        let e = edges(&t);
        assert!(e.contains(&(3, 9)) && e.contains(&(4, 8)));
        t.undo_to(0);
        assert_eq!(t.order, before);
        assert_consistent(&t);
    }
}
