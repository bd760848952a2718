//! Travel order. Stops start in the order the text first names them; then each `Y right after
//! X` the cues give (`left X for Y`, `from X to Y`, a leg) moves Y right after X, each earlier
//! stop (`already visited`, `after talks in`) moves right before the stop its sentence is about,
//! first stops (`began in`, a trip's origin) go to the front and last ones (`ends in`, a trip's
//! destination) to the back; finally the stops are sorted by day, stably, each undated stop
//! keeping to the dated stop before it (an earlier one to the stop after it, a first or last one
//! to its end of the trip).
//!
//! Moves are on a linked list and the sort is one stable sort: linear in the stops, apart from
//! the sort.

use super::cues::Order;
use super::sequence::Stop;
use jiff::civil::Date;

/// Order relations between stops (indices into the stop list).
#[derive(Debug, Default, Clone)]
pub struct Relations {
    /// `(Y, X)`: Y comes right after X.
    pub after: Vec<(usize, usize)>,
    /// `(Y, A)`: Y comes right before A.
    pub before: Vec<(usize, usize)>,
}

/// A doubly linked list over `0..n` with a head sentinel at `n`.
struct Links {
    next: Vec<usize>,
    prev: Vec<usize>,
}

impl Links {
    fn new(n: usize) -> Links {
        // Sentinel n: next[n] is the first stop, prev[n] the last.
        let next = (0..=n).map(|i| (i + 1) % (n + 1)).collect();
        let prev = (0..=n).map(|i| (i + n) % (n + 1)).collect();
        Links { next, prev }
    }

    fn unlink(&mut self, y: usize) {
        let (p, n) = (self.prev[y], self.next[y]);
        self.next[p] = n;
        self.prev[n] = p;
    }

    /// Moves `y` right after `x` (`x` may be the sentinel: to the front).
    fn move_after(&mut self, y: usize, x: usize) {
        if y == x || self.next[x] == y {
            return;
        }
        self.unlink(y);
        let n = self.next[x];
        self.next[x] = y;
        self.prev[y] = x;
        self.next[y] = n;
        self.prev[n] = y;
    }

    /// Moves `y` right before `a`.
    fn move_before(&mut self, y: usize, a: usize) {
        if y == a || self.prev[a] == y {
            return;
        }
        let p = self.prev[a];
        self.move_after(y, p);
    }

    fn order(&self, n: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(n);
        let mut at = self.next[n];
        while at != n && out.len() < n {
            out.push(at);
            at = self.next[at];
        }
        out
    }
}

/// Puts `stops` (in order of first mention) in the order the cues give (see the module
/// documentation), before dates.
pub fn arrange(stops: Vec<Stop>, relations: &Relations) -> Vec<Stop> {
    let n = stops.len();
    if n < 2 {
        return stops;
    }
    let mut links = Links::new(n);
    for &(y, x) in &relations.after {
        links.move_after(y, x);
    }
    for &(y, a) in &relations.before {
        links.move_before(y, a);
    }
    // First stops to the front (in their order), last ones to the back (in theirs).
    let current = links.order(n);
    let mut front = n;
    for &i in &current {
        if stops[i].order == Order::First {
            links.move_after(i, front);
            front = i;
        }
    }
    for &i in &current {
        if stops[i].order == Order::Last {
            let last = links.prev[n];
            links.move_after(i, last);
        }
    }
    let order = links.order(n);
    let mut slots: Vec<Option<Stop>> = stops.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Where a stop sorts: before all, at a day, or after all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Start,
    Day(Date),
    End,
}

/// Stable sort by day (see the module documentation).
pub fn by_dates(stops: Vec<Stop>) -> Vec<Stop> {
    let day = |s: &Stop| s.arrive.as_ref().or(s.depart.as_ref()).map(|d| d.date);
    let n = stops.len();
    // The day of the nearest dated stop after each stop (for earlier stops).
    let mut next_day: Vec<Option<Key>> = vec![None; n];
    for i in (0..n.saturating_sub(1)).rev() {
        next_day[i] = day(&stops[i + 1]).map(Key::Day).or(next_day[i + 1]);
    }
    let mut keys: Vec<Key> = Vec::with_capacity(n);
    for (i, s) in stops.iter().enumerate() {
        let before = keys.last().copied().unwrap_or(Key::Start);
        keys.push(match (day(s), s.order) {
            (Some(d), _) => Key::Day(d),
            (None, Order::First) => Key::Start,
            (None, Order::Last) => Key::End,
            (None, Order::Earlier) => next_day[i].unwrap_or(before),
            (None, Order::Text) => before,
        });
    }
    let mut keyed: Vec<(Key, Stop)> = keys.into_iter().zip(stops).collect();
    // On one day, where the trip sets out from comes first.
    keyed.sort_by_key(|(k, s)| (*k, !s.is_origin));
    keyed.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn moves_on_the_linked_list() {
        let mut l = Links::new(4);
        assert_eq!(l.order(4), [0, 1, 2, 3]);
        l.move_after(0, 2);
        assert_eq!(l.order(4), [1, 2, 0, 3]);
        l.move_before(3, 1);
        assert_eq!(l.order(4), [3, 1, 2, 0]);
        l.move_after(2, 4); // to the front
        assert_eq!(l.order(4), [2, 3, 1, 0]);
        l.move_after(2, 2);
        assert_eq!(l.order(4), [2, 3, 1, 0]);
        assert!(Links::new(0).order(0).is_empty());
    }
}
