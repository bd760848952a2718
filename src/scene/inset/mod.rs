//! Detail insets for clusters: a magnified map of a few stops that sit too close together on
//! the main map. [`members`] picks the clusters that need one and the stops each can show
//! apart; [`fit`] fits its projection; [`frame`] finds its place on the main map, avoiding
//! markers and route, and the connector to its locator box; [`draw`] draws it.

pub(crate) mod draw;
pub(crate) mod fit;
pub(crate) mod frame;
pub(crate) mod members;

use crate::projection::{Fitted, Projection};

/// A boxed projection fitted to pixels, as maps and insets use.
pub type FittedMap = Fitted<Box<dyn Projection + Send + Sync>>;

/// Padding inside an inset, pixels: room for labels around the outer markers.
pub const PADDING_PX: f64 = 46.0;
