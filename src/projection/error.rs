//! `ProjectionError`: why a projection could not be built from its parameters.

/// A projection parameter that cannot be used, named with its value and the reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProjectionError {
    /// A parameter is not finite or out of range (`name` as in PROJ: `lat_1`, `lon_0`, `k_0` ...).
    #[error("projection parameter {name} = {value}: {why}")]
    Param {
        /// The parameter's PROJ-style name.
        name: &'static str,
        /// The value given.
        value: f64,
        /// What is wrong with it.
        why: &'static str,
    },
}
