//! Which shapes may show on a map: those near a regional map's box ([`Extent`]), or within a
//! wider map's reach ([`Reach`]); on a map with neither, all of them.

use super::decode::BBox;
use super::extent::Extent;
use super::reach::Reach;
use crate::projection::{Fitted, Projection};

/// The test a view applies to each shape's bounding box before cutting and projecting it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Nearby {
    /// The regional box, which shapes are also cut to.
    pub extent: Option<Extent>,
    reach: Option<Reach>,
}

impl Nearby {
    /// For `fitted`, whose cut meridian is `cm`.
    pub(crate) fn of<P: Projection>(fitted: &Fitted<P>, cm: f64) -> Nearby {
        let extent = Extent::of(fitted, cm);
        let reach = match extent {
            None => Reach::of(fitted),
            Some(_) => None,
        };
        Nearby { extent, reach }
    }

    /// Whether a shape with bounding box `b` may show.
    pub(crate) fn touches(&self, b: &BBox) -> bool {
        match (&self.extent, &self.reach) {
            (Some(e), _) => e.touches(b),
            (None, Some(r)) => r.touches(b),
            (None, None) => true,
        }
    }
}
