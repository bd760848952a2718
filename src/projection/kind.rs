//! `ProjectionKind`: the projections a user can ask for, with their CLI names (`equal-earth`)
//! and the names a map's source line gives them (`Equal Earth`).

use std::fmt;
use std::str::FromStr;

/// The projections a user can ask for by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum ProjectionKind {
    /// `mercator`: conformal cylinder.
    Mercator,
    /// `equirectangular`: plate carrée, true to scale at the trip's mid-latitude.
    Equirectangular,
    /// `equal-earth`: equal-area world map.
    EqualEarth,
    /// `natural-earth`: compromise world map.
    NaturalEarth,
    /// `lambert-conic`: conformal conic for regions and continents.
    LambertConic,
    /// `azimuthal-equidistant`: true distances from the trip's centre.
    AzimuthalEquidistant,
    /// `orthographic`: the globe seen from space above the trip's centre.
    Orthographic,
}

impl ProjectionKind {
    /// Every kind, in CLI order.
    pub const ALL: [ProjectionKind; 7] = [
        ProjectionKind::Mercator,
        ProjectionKind::Equirectangular,
        ProjectionKind::EqualEarth,
        ProjectionKind::NaturalEarth,
        ProjectionKind::LambertConic,
        ProjectionKind::AzimuthalEquidistant,
        ProjectionKind::Orthographic,
    ];

    /// The CLI name (`equal-earth`, ...).
    pub fn name(self) -> &'static str {
        match self {
            ProjectionKind::Mercator => "mercator",
            ProjectionKind::Equirectangular => "equirectangular",
            ProjectionKind::EqualEarth => "equal-earth",
            ProjectionKind::NaturalEarth => "natural-earth",
            ProjectionKind::LambertConic => "lambert-conic",
            ProjectionKind::AzimuthalEquidistant => "azimuthal-equidistant",
            ProjectionKind::Orthographic => "orthographic",
        }
    }
}

impl ProjectionKind {
    /// The name a map's source line gives it (`Lambert conformal conic`).
    pub fn display_name(self) -> &'static str {
        match self {
            ProjectionKind::Mercator => "Mercator",
            ProjectionKind::Equirectangular => "equirectangular",
            ProjectionKind::EqualEarth => "Equal Earth",
            ProjectionKind::NaturalEarth => "Natural Earth",
            ProjectionKind::LambertConic => "Lambert conformal conic",
            ProjectionKind::AzimuthalEquidistant => "azimuthal equidistant",
            ProjectionKind::Orthographic => "orthographic",
        }
    }
}

impl fmt::Display for ProjectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A projection name the CLI does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown projection {name:?}: use one of mercator, equirectangular, equal-earth, \
     natural-earth, lambert-conic, azimuthal-equidistant, orthographic"
)]
pub struct UnknownProjection {
    /// The name given.
    pub name: String,
}

impl FromStr for ProjectionKind {
    type Err = UnknownProjection;

    /// Parses a CLI name, ignoring case and surrounding space.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|k| k.name() == wanted)
            .ok_or_else(|| UnknownProjection {
                name: s.to_string(),
            })
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_errors() {
        for k in ProjectionKind::ALL {
            assert_eq!(k.to_string().parse::<ProjectionKind>(), Ok(k));
        }
        assert_eq!(
            " Equal-Earth ".parse::<ProjectionKind>(),
            Ok(ProjectionKind::EqualEarth)
        );
        let err = "robinson".parse::<ProjectionKind>().unwrap_err();
        assert!(err.to_string().contains("\"robinson\""));
    }
}
