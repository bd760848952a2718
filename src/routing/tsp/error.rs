//! `TspError`: why a [`Problem`](super::Problem) cannot be solved as posed. Nodes are 0-based
//! indices; the routing layer turns them into stop numbers and names.

/// A problem whose constraints are contradictory or which is too large to solve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TspError {
    /// A node index (start, end or in the precedence chain) is not below the node count.
    #[error("node {index} does not exist: the problem has {n} nodes")]
    NoSuchNode {
        /// The index given.
        index: usize,
        /// The node count.
        n: usize,
    },
    /// The start is in the precedence chain but not first in it.
    #[error("start node {start} must come first, but the order requires node {first} before it")]
    StartNotFirst {
        /// The start node.
        start: usize,
        /// The chain's first node.
        first: usize,
    },
    /// The end is in the precedence chain but not last in it.
    #[error("end node {end} must come last, but the order requires node {last} after it")]
    EndNotLast {
        /// The end node.
        end: usize,
        /// The chain's last node.
        last: usize,
    },
    /// The same node is both the fixed start and the fixed end of an open path.
    #[error("node {0} cannot be both the start and the end of an open path (use a round trip)")]
    StartIsEnd(usize),
    /// A round trip ends where it starts, so it cannot have a separate end.
    #[error("a round trip returns to its start, so it cannot also have a fixed end")]
    RoundTripWithEnd,
    /// A node appears twice in the precedence chain.
    #[error("node {0} appears twice in the precedence chain")]
    ChainRepeats(usize),
    /// More nodes than the solver accepts.
    #[error("{n} nodes is more than the {max} the solver accepts")]
    TooLarge {
        /// The node count.
        n: usize,
        /// The limit, [`MAX_NODES`](super::MAX_NODES).
        max: usize,
    },
    /// A distance is NaN, infinite or negative, or a matrix has the wrong size.
    #[error("bad distance: {0}")]
    BadDistance(String),
}
