//! `Problem`: what to solve — `n` nodes, a distance between any two, and the constraints (fixed
//! start, fixed end, round trip, a chain of nodes that must be visited in order).
//!
//! Distances are pluggable: a closure, an explicit matrix, the WGS84 geodesic or the haversine
//! great circle between positions, or a TSPLIB metric ([`super::tsplib`]). Units are whatever the
//! distance function returns (metres for the geographic constructors).

use super::error::TspError;
use crate::model::LonLat;
use crate::trig;
use std::fmt;
use std::sync::Arc;

/// Problems up to this many nodes get a precomputed distance matrix (8·n² bytes).
pub const MATRIX_MAX: usize = 2_000;
/// [`Problem::geodesic`] computes true geodesics (about 1 µs each) up to this many nodes, and the
/// haversine great circle (0.1–0.5 % shorter or longer, same ranking almost always) above it.
pub const GEODESIC_MAX: usize = 400;
/// The largest problem the solver accepts.
pub const MAX_NODES: usize = 200_000;
/// Mean Earth radius in metres (IUGG), for the haversine distance.
pub use crate::geodesy::EARTH_RADIUS_M;

/// A distance function between node indices.
pub type DistFn = Arc<dyn Fn(usize, usize) -> f64 + Send + Sync>;

/// A travelling-salesman problem: nodes `0..n`, a symmetric distance and constraints.
#[derive(Clone)]
pub struct Problem {
    n: usize,
    matrix: Option<Arc<Vec<f64>>>,
    func: DistFn,
    pub(crate) points: Option<Arc<Vec<[f64; 3]>>>,
    pub(crate) start: Option<usize>,
    pub(crate) end: Option<usize>,
    pub(crate) round_trip: bool,
    pub(crate) chain: Vec<usize>,
}

impl fmt::Debug for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem")
            .field("n", &self.n)
            .field("matrix", &self.matrix.is_some())
            .field("points", &self.points.is_some())
            .field("start", &self.start)
            .field("end", &self.end)
            .field("round_trip", &self.round_trip)
            .field("chain", &self.chain)
            .finish()
    }
}

impl Problem {
    /// `n` nodes with distance `dist(i, j)` (symmetric, finite, non-negative). Precomputes a matrix
    /// when `n` ≤ [`MATRIX_MAX`]. An open path with free ends and no order constraints by default.
    pub fn new(n: usize, dist: impl Fn(usize, usize) -> f64 + Send + Sync + 'static) -> Self {
        let func: DistFn = Arc::new(dist);
        let matrix = (n <= MATRIX_MAX).then(|| {
            let mut m = vec![0.0; n * n];
            for i in 0..n {
                for j in i + 1..n {
                    let d = func(i, j);
                    m[i * n + j] = d;
                    m[j * n + i] = d;
                }
            }
            Arc::new(m)
        });
        Self {
            n,
            matrix,
            func,
            points: None,
            start: None,
            end: None,
            round_trip: false,
            chain: Vec::new(),
        }
    }

    /// `n` nodes with the row-major `n × n` matrix `m` (symmetric part used: `m[i*n+j]`, `i < j`).
    pub fn from_matrix(n: usize, m: Vec<f64>) -> Result<Self, TspError> {
        if m.len() != n * n {
            return Err(TspError::BadDistance(format!(
                "a matrix for {n} nodes needs {} entries, got {}",
                n * n,
                m.len()
            )));
        }
        let m = Arc::new(m);
        let inner = Arc::clone(&m);
        let mut p = Self::new(0, move |i, j| inner[i.min(j) * n + i.max(j)]);
        p.n = n;
        for i in 0..n {
            for j in 0..i {
                let v = m[j * n + i];
                if !v.is_finite() || v < 0.0 {
                    return Err(TspError::BadDistance(format!("entry ({j}, {i}) is {v}")));
                }
            }
        }
        let mut full = vec![0.0; n * n];
        for i in 0..n {
            for j in i + 1..n {
                full[i * n + j] = m[i * n + j];
                full[j * n + i] = m[i * n + j];
            }
        }
        p.matrix = Some(Arc::new(full));
        Ok(p)
    }

    /// The stops at `positions`, with geodesic distances in metres (haversine above
    /// [`GEODESIC_MAX`] nodes, see there), and unit vectors for the neighbour search.
    pub fn geodesic(positions: &[LonLat]) -> Self {
        if positions.len() > GEODESIC_MAX {
            return Self::haversine(positions);
        }
        let pos = positions.to_vec();
        Self::new(pos.len(), move |i, j| {
            crate::geodesy::distance_m(pos[i], pos[j])
        })
        .with_points(positions.iter().map(|&p| unit_vector(p)).collect())
    }

    /// The stops at `positions`, with great-circle distances in metres on a sphere of radius
    /// [`EARTH_RADIUS_M`], and unit vectors for the neighbour search.
    pub fn haversine(positions: &[LonLat]) -> Self {
        let units: Arc<Vec<[f64; 3]>> =
            Arc::new(positions.iter().map(|&p| unit_vector(p)).collect());
        let u = Arc::clone(&units);
        let mut p = Self::new(positions.len(), move |i, j| chord_to_arc_m(u[i], u[j]));
        p.points = Some(units);
        p
    }

    /// Points for the k-nearest neighbour search, one per node, such that Euclidean distance
    /// between points ranks pairs like the problem's distance (unit vectors for places on Earth,
    /// `[x, y, 0]` for the plane). Needed for fast solving above [`MATRIX_MAX`] nodes.
    pub fn with_points(mut self, points: Vec<[f64; 3]>) -> Self {
        if points.len() == self.n {
            self.points = Some(Arc::new(points));
        }
        self
    }

    /// The path starts at node `i`.
    pub fn start(mut self, i: usize) -> Self {
        self.start = Some(i);
        self
    }

    /// The path ends at node `j`.
    pub fn end(mut self, j: usize) -> Self {
        self.end = Some(j);
        self
    }

    /// The tour returns to its start (node 0 unless [`Problem::start`] says otherwise).
    pub fn round_trip(mut self) -> Self {
        self.round_trip = true;
        self
    }

    /// The nodes of `chain` must be visited in this order (others may come anywhere).
    pub fn precedence(mut self, chain: Vec<usize>) -> Self {
        self.chain = chain;
        self
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Whether the tour closes back to its start.
    pub fn is_round_trip(&self) -> bool {
        self.round_trip
    }

    /// The fixed start, if any.
    pub fn fixed_start(&self) -> Option<usize> {
        self.start
    }

    /// The fixed end, if any.
    pub fn fixed_end(&self) -> Option<usize> {
        self.end
    }

    /// The precedence chain.
    pub fn chain(&self) -> &[usize] {
        &self.chain
    }

    /// Distance between nodes `i` and `j`.
    #[inline]
    pub fn dist(&self, i: usize, j: usize) -> f64 {
        match &self.matrix {
            Some(m) => m[i * self.n + j],
            None => (self.func)(i, j),
        }
    }

    /// Length of visiting `order`, with the closing edge back to `order[0]` for a round trip.
    pub fn length(&self, order: &[usize]) -> f64 {
        let mut s: f64 = order.windows(2).map(|w| self.dist(w[0], w[1])).sum();
        if self.round_trip && order.len() > 1 {
            s += self.dist(order[order.len() - 1], order[0]);
        }
        s
    }

    /// Whether `order` is a permutation of the nodes meeting every constraint.
    pub fn is_feasible(&self, order: &[usize]) -> bool {
        let mut seen = vec![false; self.n];
        if order.len() != self.n
            || order
                .iter()
                .any(|&v| v >= self.n || std::mem::replace(&mut seen[v], true))
        {
            return false;
        }
        if self.n == 0 {
            return true;
        }
        let first = self.start.or(self.round_trip.then_some(0));
        if first.is_some_and(|s| order[0] != s) || self.end.is_some_and(|e| order[self.n - 1] != e)
        {
            return false;
        }
        let mut at = vec![0; self.n];
        for (k, &v) in order.iter().enumerate() {
            at[v] = k;
        }
        self.chain.windows(2).all(|w| at[w[0]] < at[w[1]])
    }

    /// Checks the constraints against each other and the node count.
    pub fn validate(&self) -> Result<(), TspError> {
        let n = self.n;
        if n > MAX_NODES {
            return Err(TspError::TooLarge { n, max: MAX_NODES });
        }
        let exists = |i: usize| {
            if i < n {
                Ok(())
            } else {
                Err(TspError::NoSuchNode { index: i, n })
            }
        };
        if let Some(s) = self.start {
            exists(s)?;
        }
        if let Some(e) = self.end {
            exists(e)?;
        }
        if self.round_trip && self.end.is_some() {
            return Err(TspError::RoundTripWithEnd);
        }
        if let (Some(s), Some(e)) = (self.start, self.end)
            && s == e
            && n > 1
        {
            return Err(TspError::StartIsEnd(s));
        }
        let mut seen = vec![false; n];
        for &c in &self.chain {
            exists(c)?;
            if std::mem::replace(&mut seen[c], true) {
                return Err(TspError::ChainRepeats(c));
            }
        }
        let start = self.start.or(self.round_trip.then_some(0));
        if let (Some(s), Some(&first)) = (start, self.chain.first())
            && seen[s]
            && first != s
        {
            return Err(TspError::StartNotFirst { start: s, first });
        }
        if let (Some(e), Some(&last)) = (self.end, self.chain.last())
            && seen[e]
            && last != e
        {
            return Err(TspError::EndNotLast { end: e, last });
        }
        if let Some(m) = &self.matrix
            && let Some(v) = m.iter().find(|v| !v.is_finite() || **v < 0.0)
        {
            return Err(TspError::BadDistance(format!("a distance is {v}")));
        }
        Ok(())
    }
}

pub use crate::geodesy::unit_vector;

/// Great-circle distance in metres between two unit vectors.
#[inline]
pub fn chord_to_arc_m(a: [f64; 3], b: [f64; 3]) -> f64 {
    let c = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
    2.0 * EARTH_RADIUS_M * trig::asin((c / 2.0).min(1.0))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn haversine_is_close_to_geodesic() {
        let a = LonLat::new(2.35, 48.86).unwrap();
        let b = LonLat::new(-74.0, 40.7).unwrap();
        let h = Problem::haversine(&[a, b]).dist(0, 1);
        let g = crate::geodesy::distance_m(a, b);
        assert!((h - g).abs() / g < 0.005, "{h} vs {g}");
    }

    #[test]
    fn constraints_are_checked() {
        let p = || Problem::new(4, |i, j| i.abs_diff(j) as f64);
        assert_eq!(
            p().round_trip().end(1).validate(),
            Err(TspError::RoundTripWithEnd)
        );
        assert_eq!(p().start(2).end(2).validate(), Err(TspError::StartIsEnd(2)));
        assert_eq!(
            p().start(4).validate(),
            Err(TspError::NoSuchNode { index: 4, n: 4 })
        );
        assert_eq!(
            p().start(2).precedence(vec![1, 2]).validate(),
            Err(TspError::StartNotFirst { start: 2, first: 1 })
        );
        assert_eq!(
            p().end(1).precedence(vec![1, 2]).validate(),
            Err(TspError::EndNotLast { end: 1, last: 2 })
        );
        assert_eq!(
            p().precedence(vec![1, 1]).validate(),
            Err(TspError::ChainRepeats(1))
        );
        assert!(Problem::from_matrix(2, vec![0.0, f64::NAN, f64::NAN, 0.0]).is_err());
        assert!(
            p().start(0)
                .end(3)
                .precedence(vec![0, 2, 3])
                .validate()
                .is_ok()
        );
    }
}
