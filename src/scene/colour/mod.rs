//! `--colour-by`: legs and markers coloured by local day, by leg, by travel mode or by trip,
//! with the legend's entries for those colours. In: the route, what to colour by and the theme.
//! Out: a `Colouring` (each stop's and leg's colour), which the `paint` step applies to a scene's
//! layers. The timeline and the legend read the same colours.

mod paint;
/// The palettes and what they are checked for.
pub mod palette;

pub(crate) use paint::{paint_item, paint_layers};

use super::dates::{self, DateStyle};
use super::theme::Theme;
use crate::error::Error;
use crate::model::{Mode, Route};
use jiff::civil::Date;
use std::str::FromStr;

/// What the route's colours stand for (`--colour-by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColourBy {
    /// The local calendar day: a sequential palette from the first day to the last (at most
    /// seven colours; a longer trip groups neighbouring days).
    Day,
    /// Each leg its own colour (six colours, repeated after the sixth leg).
    Leg,
    /// The travel mode of each leg (and of the leg arriving at each marker).
    Mode,
    /// The trip each stop belongs to (several trips on one map).
    Trip,
}

impl ColourBy {
    /// The names the CLI accepts.
    pub const NAMES: [&'static str; 4] = ["day", "leg", "mode", "trip"];
}

/// A `--colour-by` name that is not one of [`ColourBy::NAMES`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown colouring {0:?}: use day, leg, mode or trip")]
pub struct UnknownColourBy(pub String);

impl FromStr for ColourBy {
    type Err = UnknownColourBy;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" => Ok(ColourBy::Day),
            "leg" => Ok(ColourBy::Leg),
            "mode" => Ok(ColourBy::Mode),
            "trip" => Ok(ColourBy::Trip),
            _ => Err(UnknownColourBy(s.to_string())),
        }
    }
}

/// The colours of one map: each stop's and each leg's (`None`: the theme's route colour), and
/// the legend's entries.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Colouring {
    /// What the colours stand for.
    pub by: ColourBy,
    /// Each route stop's colour.
    pub stops: Vec<Option<&'static str>>,
    /// Each leg's colour.
    pub legs: Vec<Option<&'static str>>,
    /// The legend: a colour and what it stands for, in palette order.
    pub legend: Vec<(&'static str, String)>,
    /// Coloured by mode: each mode's colour (`None`: legs without a mode).
    pub modes: Vec<(Option<Mode>, &'static str)>,
    /// Coloured by trip: the ring class each stop's marker gets (its trip's marker style);
    /// empty otherwise.
    pub rings: Vec<Option<&'static str>>,
}

/// The marker style of trip `trip` on a map of several: the first plain, the second with a
/// ring around each marker, the third with a dashed ring, and so on in turn (the class of the
/// ring, `None` for plain).
pub(crate) fn trip_ring(trip: usize) -> Option<&'static str> {
    [None, Some("trip-ring"), Some("trip-ring-dashed")][trip % 3]
}

/// What the legend shows of a map's colours.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColourLegend {
    /// Colour swatches and their words (a day, a leg, a trip).
    pub swatches: Vec<(&'static str, String)>,
    /// On a map coloured by mode, each mode's colour, painted on its leg sample (which already
    /// names the mode).
    pub modes: Vec<(Option<Mode>, &'static str)>,
    /// On a map coloured by trip, each swatch's marker style (see `rings` of the colouring):
    /// the swatch is then a marker, ringed as the trip's are.
    pub rings: Vec<Option<&'static str>>,
}

/// The legend's entries for `c` (none without a colouring).
pub(crate) fn legend_entries(c: Option<&Colouring>) -> ColourLegend {
    match c {
        None => ColourLegend::default(),
        Some(c) if c.by == ColourBy::Mode => ColourLegend {
            swatches: Vec::new(),
            modes: c.modes.clone(),
            rings: Vec::new(),
        },
        Some(c) if c.by == ColourBy::Trip => ColourLegend {
            swatches: c.legend.clone(),
            modes: Vec::new(),
            rings: (0..c.legend.len()).map(trip_ring).collect(),
        },
        Some(c) => ColourLegend {
            swatches: c.legend.clone(),
            modes: Vec::new(),
            rings: Vec::new(),
        },
    }
}

/// The colours for drawing `route` in `theme`, coloured `by`. Fails when the route has nothing
/// to colour by: no dated stop for [`ColourBy::Day`].
pub(crate) fn colouring(route: &Route, by: ColourBy, theme: &Theme) -> Result<Colouring, Error> {
    let c = match by {
        ColourBy::Day => by_day(route, theme)?,
        ColourBy::Leg => by_leg(route, theme),
        ColourBy::Mode => by_mode(route, theme),
        ColourBy::Trip => by_trip(route, theme),
    };
    Ok(c)
}

/// Colours by local day: the days from the first dated stop to the last spread over the
/// sequential palette.
fn by_day(route: &Route, theme: &Theme) -> Result<Colouring, Error> {
    let days: Vec<Date> = route.stops.iter().filter_map(|s| s.day()).collect();
    let (Some(&first), Some(&last)) = (days.iter().min(), days.iter().max()) else {
        return Err(Error::Options(
            "--colour-by day: no stop has a date (arrive or depart); give dates, or colour by leg, mode or trip".into(),
        ));
    };
    let span = (last - first).get_days() as usize + 1;
    let steps = palette::sequential_steps(theme, span);
    let bins = steps.len();
    // Day d (0-based from the first) takes colour d * bins / span: neighbouring days share a
    // colour only when the trip has more days than the palette has colours.
    let bin = |d: Date| ((d - first).get_days().max(0) as usize * bins / span).min(bins - 1);
    let legend = (0..bins)
        .map(|b| {
            let lo = (0..span).find(|&d| d * bins / span == b).unwrap_or(0);
            let hi = (0..span)
                .rev()
                .find(|&d| d * bins / span == b)
                .unwrap_or(lo);
            let day = |n: usize| first.checked_add(jiff::Span::new().days(n as i64));
            let text = match (day(lo), day(hi)) {
                (Ok(a), Ok(b)) => dates::stay(a, b, DateStyle::Short).unwrap_or_default(),
                _ => String::new(),
            };
            (steps[b], text)
        })
        .collect();
    Ok(Colouring {
        by: ColourBy::Day,
        stops: route
            .stops
            .iter()
            .map(|s| s.day().map(|d| steps[bin(d)]))
            .collect(),
        legs: (0..route.legs.len())
            .map(|k| route.travel_day(k).map(|d| steps[bin(d)]))
            .collect(),
        legend,
        modes: Vec::new(),
        rings: Vec::new(),
    })
}

/// Most leg numbers a legend entry lists before it ends in "…".
const LEGS_PER_ENTRY: usize = 3;

fn by_leg(route: &Route, theme: &Theme) -> Colouring {
    let p = palette::categorical(theme);
    let legs: Vec<Option<&'static str>> = (0..route.legs.len())
        .map(|k| Some(p[k % p.len()]))
        .collect();
    let stops = stop_colours(route, &legs);
    let legend = (0..p.len().min(route.legs.len()))
        .map(|c| {
            let numbers: Vec<String> = (c..route.legs.len())
                .step_by(p.len())
                .map(|k| (k + 1).to_string())
                .collect();
            let text = if numbers.len() == 1 {
                format!("Leg {}", numbers[0])
            } else if numbers.len() <= LEGS_PER_ENTRY {
                format!("Legs {}", numbers.join(", "))
            } else {
                format!("Legs {}, …", numbers[..LEGS_PER_ENTRY].join(", "))
            };
            (p[c], text)
        })
        .collect();
    Colouring {
        by: ColourBy::Leg,
        stops,
        legs,
        legend,
        modes: Vec::new(),
        rings: Vec::new(),
    }
}

/// Each stop's colour from its legs' `legs`: the leg that arrives at it, or for the first stop
/// the leg that leaves it.
fn stop_colours(route: &Route, legs: &[Option<&'static str>]) -> Vec<Option<&'static str>> {
    let mut stops: Vec<Option<&'static str>> = vec![None; route.stops.len()];
    for (k, leg) in route.legs.iter().enumerate() {
        if leg.to > leg.from {
            stops[leg.to] = legs[k];
        }
    }
    for (k, leg) in route.legs.iter().enumerate() {
        if stops[leg.from].is_none() {
            stops[leg.from] = legs[k];
        }
    }
    stops
}

fn by_mode(route: &Route, theme: &Theme) -> Colouring {
    let p = palette::categorical(theme);
    let mut used: Vec<Option<Mode>> = Mode::ALL
        .iter()
        .filter(|&&m| route.legs.iter().any(|l| l.mode == Some(m)))
        .map(|&m| Some(m))
        .collect();
    if route.legs.iter().any(|l| l.mode.is_none()) {
        used.push(None);
    }
    let colour = |m: Option<Mode>| used.iter().position(|&u| u == m).map(|i| p[i % p.len()]);
    let legs: Vec<Option<&'static str>> = route.legs.iter().map(|l| colour(l.mode)).collect();
    let stops = stop_colours(route, &legs);
    let legend = used
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let text = match m {
                Some(m) => super::modes::wording(*m).to_string(),
                None => "Mode not given".to_string(),
            };
            (p[i % p.len()], text)
        })
        .collect();
    let modes = used
        .iter()
        .enumerate()
        .map(|(i, &m)| (m, p[i % p.len()]))
        .collect();
    Colouring {
        by: ColourBy::Mode,
        stops,
        legs,
        legend,
        modes,
        rings: Vec::new(),
    }
}

fn by_trip(route: &Route, theme: &Theme) -> Colouring {
    let p = palette::categorical(theme);
    let names = trip_names(route);
    let stops: Vec<Option<&'static str>> = route
        .stops
        .iter()
        .map(|s| Some(p[s.trip % p.len()]))
        .collect();
    let legs = route.legs.iter().map(|l| stops[l.from]).collect();
    let legend = names
        .into_iter()
        .enumerate()
        .map(|(i, n)| (p[i % p.len()], n))
        .collect();
    Colouring {
        by: ColourBy::Trip,
        stops,
        legs,
        legend,
        modes: Vec::new(),
        rings: route.stops.iter().map(|s| trip_ring(s.trip)).collect(),
    }
}

/// The name of each trip drawn: [`Route::trips`], or for a single trip its title (`Trip`
/// without one).
pub(crate) fn trip_names(route: &Route) -> Vec<String> {
    (0..route.trips.len().max(1))
        .map(|t| {
            route
                .trip_name(t)
                .map(super::clean_text)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "Trip".to_string())
        })
        .collect()
}

#[cfg(test)]
mod test;
