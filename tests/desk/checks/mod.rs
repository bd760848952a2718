//! The desk checks of issue 16, one file per check, each a function from a [`Case`] (one map of
//! one trip, read back) to the problems an editor would see; none means the map passes. The
//! browser's checks (6, and 10 in the SVG) are in [`super::browser`], the PNG's glyphs in
//! [`super::png_glyphs`].

pub mod extent;
pub mod furniture;
pub mod insets;
pub mod labels;
pub mod markers;
pub mod named;
pub mod parallel;
pub mod position;

use super::identify::Identified;
use super::reading::Reading;
use tripmap::model::Route;

/// One desk check. Its [`Check::id`] is what `tests/corpus/expected-failures.txt` and the report
/// name it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    /// The trip reads, plans and renders at all.
    Render,
    /// 1: every stop has its own marker unless two stops are within 50 m.
    Markers,
    /// 1: `<desc>` names every stop as itself, in order.
    Desc,
    /// 2: every label is nearer its own marker than any other.
    LabelNearest,
    /// 2: no leader longer than [`labels::LEADER_MAX_PX`], none crossing another leader or a marker.
    Leaders,
    /// 3: no marker more than [`position::MAX_OFFSET_PX`] from its true place on its map.
    Position,
    /// 4: no inset covers a leg, marker, dot or label of the main map (or another inset).
    InsetCovers,
    /// 4: an inset takes at most a quarter of the map and stays on the page.
    InsetSize,
    /// 5: every stop is named on the map or in the key.
    Named,
    /// 5: every note asked for is on the page in full.
    Notes,
    /// 6: Chromium measures no two texts overlapping.
    TextOverlap,
    /// 6: Chromium measures no text leaving the picture.
    TextClipped,
    /// 7: the stops fill the frame, with a minimum context.
    Extent,
    /// 8: out-and-back and parallel legs apart, arrowheads apart.
    Parallel,
    /// 9: no doubled words in the furniture.
    Furniture,
    /// 9: title, subtitle and source as given (in the file or by `--title`, `--subtitle`, `--source`).
    Settable,
    /// 10: every character has a glyph in the font Chromium draws it with.
    GlyphsSvg,
    /// 10: every character has a glyph in `map.png` (resvg with the bundled fonts).
    GlyphsPng,
}

impl Check {
    /// Every check, in report order.
    pub const ALL: [Check; 18] = [
        Check::Render,
        Check::Markers,
        Check::Desc,
        Check::LabelNearest,
        Check::Leaders,
        Check::Position,
        Check::InsetCovers,
        Check::InsetSize,
        Check::Named,
        Check::Notes,
        Check::TextOverlap,
        Check::TextClipped,
        Check::Extent,
        Check::Parallel,
        Check::Furniture,
        Check::Settable,
        Check::GlyphsSvg,
        Check::GlyphsPng,
    ];

    /// The check's name in the expected-failures list and the report.
    pub fn id(self) -> &'static str {
        match self {
            Check::Render => "0-render",
            Check::Markers => "1-markers",
            Check::Desc => "1-desc",
            Check::LabelNearest => "2-label-nearest",
            Check::Leaders => "2-leaders",
            Check::Position => "3-position",
            Check::InsetCovers => "4-inset-covers",
            Check::InsetSize => "4-inset-size",
            Check::Named => "5-named",
            Check::Notes => "5-notes",
            Check::TextOverlap => "6-text-overlap",
            Check::TextClipped => "6-text-clipped",
            Check::Extent => "7-extent",
            Check::Parallel => "8-parallel",
            Check::Furniture => "9-furniture",
            Check::Settable => "9-settable",
            Check::GlyphsSvg => "10-glyphs-svg",
            Check::GlyphsPng => "10-glyphs-png",
        }
    }

    /// The check named `id`.
    pub fn from_id(id: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// One map of one trip, as the checks see it.
pub struct Case<'a> {
    /// The planned route (stops in visiting order).
    pub route: &'a Route,
    /// Stop names as the map should write them (`tripmap::scene::clean_text`), visiting order.
    pub names: &'a [String],
    /// The map read back.
    pub reading: &'a Reading,
    /// What its elements stand for.
    pub ids: &'a Identified,
    /// Per stop: the note the map was asked to show (with `--annotate` or a `callout` property).
    pub notes: &'a [Option<String>],
    /// The title the map must carry (the file's own title or name element), if the file has one.
    pub title: Option<&'a str>,
    /// The trip's source line, if it has one.
    pub source: Option<&'a str>,
}

/// Runs every check that needs only the SVG and the trip; returns the problems per check.
pub fn run(case: &Case) -> Vec<(Check, Vec<String>)> {
    vec![
        (Check::Markers, markers::own_markers(case)),
        (Check::Desc, markers::desc_names(case)),
        (Check::LabelNearest, labels::nearest(case)),
        (Check::Leaders, labels::leaders(case)),
        (Check::Position, position::check(case)),
        (Check::InsetCovers, insets::covers(case)),
        (Check::InsetSize, insets::size(case)),
        (Check::Named, named::named(case)),
        (Check::Notes, named::notes(case)),
        (Check::Extent, extent::check(case)),
        (Check::Parallel, parallel::check(case)),
        (Check::Furniture, furniture::doubled(case)),
        (Check::Settable, furniture::as_given(case)),
    ]
}

/// `stop 3 “Amman”`.
pub fn stop_ref(case: &Case, i: usize) -> String {
    format!(
        "stop {} “{}”",
        i + 1,
        case.names.get(i).map(String::as_str).unwrap_or("?")
    )
}

/// `the main map` or `inset 1`.
pub fn view_name(v: usize) -> String {
    if v == 0 {
        "the main map".into()
    } else {
        format!("inset {v}")
    }
}
