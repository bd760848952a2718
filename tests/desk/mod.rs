//! The desk checks of issue 16 (`docs/desk-checks.md`): a map SVG read back ([`reading`]), tied
//! to its trip ([`identify`]), checked as an editor would ([`checks`], [`browser`],
//! [`png_glyphs`]), on the corpus of real trips in `tests/corpus/` ([`corpus`]), against the
//! list of failures expected today ([`expected`]), with a report ([`report`]).
#![allow(dead_code)]

pub mod browser;
pub mod checks;
pub mod corpus;
pub mod expected;
pub mod geometry;
pub mod identify;
pub mod png_glyphs;
pub mod reading;
pub mod report;

use checks::{Case, Check};
use std::collections::BTreeMap;

/// Runs every check that needs only the SVG and the trip on one map read back; returns the
/// problems of each failing check.
pub fn check_reading(
    reading: &reading::Reading,
    trip: &corpus::Trip,
    title: Option<&str>,
) -> BTreeMap<Check, Vec<String>> {
    let ids = identify::identify(reading, &trip.route, &trip.names);
    let case = Case {
        route: &trip.route,
        names: &trip.names,
        reading,
        ids: &ids,
        notes: &trip.notes,
        title,
        source: trip.source.as_deref(),
    };
    checks::run(&case)
        .into_iter()
        .filter(|(_, p)| !p.is_empty())
        .collect()
}

/// [`check_reading`] on SVG text; an unreadable SVG fails `0-render`.
pub fn check_svg(
    svg: &str,
    trip: &corpus::Trip,
    title: Option<&str>,
) -> BTreeMap<Check, Vec<String>> {
    match reading::read(svg) {
        Ok(r) => check_reading(&r, trip, title),
        Err(e) => BTreeMap::from([(Check::Render, vec![format!("the SVG cannot be read: {e}")])]),
    }
}
