//! Every desk check can fail: a hand-written map of a four-stop trip that passes every check,
//! and for each check one or more deliberate breakages (a merged marker, a wrong `<desc>`, a
//! label beside the wrong marker, a long or crossing leader, a marker off its place, an inset
//! over the route or too large, a name or note missing, text that overlaps or leaves the page or
//! has no glyph, a map far too wide for its stops, legs on one line, doubled words, a title not
//! as given), each caught by its check and by no other.

mod common;
mod desk;

use desk::checks::Check;
use desk::corpus::Trip;
use std::collections::BTreeMap;
use tripmap::scene::clean_text;

/// The trip the fixture map draws: four German cities 0.5° of longitude apart on 50.5° N, a note
/// on stop 2 asked for as a callout.
const TRIP: &str = r#"{"title": "Four stops", "source": "Desk fixture", "stops": [
  {"name": "Aachen", "lat": 50.5, "lon": 10.0, "arrive": "2024-05-01"},
  {"name": "Bonn", "lat": 50.5, "lon": 10.5, "arrive": "2024-05-02", "note": "Beethoven was born here.", "properties": {"callout": true}},
  {"name": "Coburg", "lat": 50.5, "lon": 11.0, "arrive": "2024-05-03"},
  {"name": "Dresden", "lat": 50.5, "lon": 11.5, "arrive": "2024-05-04"}
]}"#;

/// The fixture map: what tripmap draws, reduced to what the checks read. Markers at x = 80, 180,
/// 280, 380 (layer y 140, page y 190), legs between them, labels above, a callout for stop 2.
const GOOD: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 460 400" width="460" height="400" role="img" aria-labelledby="tm-t-title tm-t-desc" class="tm-t">
<title id="tm-t-title">Four stops</title>
<desc id="tm-t-desc">Route map of 4 stops in visiting order: 1 Aachen (1 May), 2 Bonn (2 May), 3 Coburg (3 May), 4 Dresden (4 May).</desc>
<style>
.tm-t{font-family:system-ui, sans-serif}
.tm-t-label-name{font-size:12px;font-weight:700}
.tm-t-label-date{font-size:11px}
.tm-t-note{font-size:10.5px}
.tm-t-marker-num{font-size:10.5px;font-weight:700}
.tm-t-title{font-size:20px;font-weight:700}
.tm-t-subtitle{font-size:13px}
.tm-t-legend{font-size:11px}
.tm-t-source{font-size:11px}
.tm-t-key{font-size:11px}
</style>
<g id="tm-t-basemap" class="tm-t-layer tm-t-basemap" transform="translate(0 50)">
<rect class="tm-t-ocean" x="0" y="0" width="460" height="280"/>
</g>
<g id="tm-t-route" class="tm-t-layer tm-t-route" transform="translate(0 50)">
<path class="tm-t-leg" d="M80 140l100 0"/>
<path class="tm-t-arrow" d="M135 140l-9 -4.5 2.5 4.5 -2.5 4.5z"/>
<path class="tm-t-leg" d="M180 140l100 0"/>
<path class="tm-t-arrow" d="M235 140l-9 -4.5 2.5 4.5 -2.5 4.5z"/>
<path class="tm-t-leg" d="M280 140l100 0"/>
<path class="tm-t-arrow" d="M335 140l-9 -4.5 2.5 4.5 -2.5 4.5z"/>
</g>
<g id="tm-t-stops" class="tm-t-layer tm-t-stops" transform="translate(0 50)">
<g class="tm-t-marker"><circle class="tm-t-marker-dot" cx="80" cy="140" r="8"/><text class="tm-t-marker-num" x="80" y="143.8" text-anchor="middle">1</text></g>
<g class="tm-t-marker"><circle class="tm-t-marker-dot" cx="180" cy="140" r="8"/><text class="tm-t-marker-num" x="180" y="143.8" text-anchor="middle">2</text></g>
<g class="tm-t-marker"><circle class="tm-t-marker-dot" cx="280" cy="140" r="8"/><text class="tm-t-marker-num" x="280" y="143.8" text-anchor="middle">3</text></g>
<g class="tm-t-marker"><circle class="tm-t-marker-dot" cx="380" cy="140" r="8"/><text class="tm-t-marker-num" x="380" y="143.8" text-anchor="middle">4</text></g>
</g>
<g id="tm-t-labels" class="tm-t-layer tm-t-labels" transform="translate(0 50)">
<g class="tm-t-label"><text class="tm-t-label-name" x="60" y="112">Aachen</text><text class="tm-t-label-date" x="60" y="125">1 May</text></g>
<g class="tm-t-label"><rect class="tm-t-callout" x="150" y="150" width="70" height="62"/><text class="tm-t-label-name" x="154" y="164">Bonn</text><text class="tm-t-label-date" x="154" y="177">2 May</text><text class="tm-t-note" x="154" y="190">Beethoven was</text><text class="tm-t-note" x="154" y="203">born here.</text></g>
<g class="tm-t-label"><text class="tm-t-label-name" x="260" y="112">Coburg</text><text class="tm-t-label-date" x="260" y="125">3 May</text></g>
<g class="tm-t-label"><text class="tm-t-label-name" x="355" y="112">Dresden</text><text class="tm-t-label-date" x="355" y="125">4 May</text></g>
</g>
<g id="tm-t-insets" class="tm-t-layer tm-t-insets" transform="translate(0 50)">
</g>
<g id="tm-t-furniture" class="tm-t-layer tm-t-furniture">
<text class="tm-t-title" x="16" y="26">Four stops</text>
<text class="tm-t-subtitle" x="16" y="44">4 stops · 1–4 May 2024 · 110 km</text>
<rect class="tm-t-frame" x="0" y="50" width="460" height="280"/>
<text class="tm-t-legend" x="35" y="352">Stop, in visiting order</text>
<path class="tm-t-scale" d="M380 345l0 4 64 0 0-4"/>
<text class="tm-t-legend" x="374" y="352" text-anchor="end">20 km</text>
<text class="tm-t-source" x="16" y="372">Source: Desk fixture. Map: tripmap, Lambert conformal conic</text>
<text class="tm-t-source" x="16" y="387">projection; scale true at the centre.</text>
</g>
</svg>
"##;

fn trip() -> Trip {
    let itinerary = tripmap::io::read(TRIP.as_bytes(), tripmap::io::Format::Json).unwrap();
    let route = tripmap::routing::plan(&itinerary, tripmap::routing::Order::AsGiven).unwrap();
    Trip {
        names: route
            .stops
            .iter()
            .map(|s| clean_text(&s.stop.name))
            .collect(),
        notes: route
            .stops
            .iter()
            .map(|s| s.stop.note.as_deref().map(clean_text))
            .collect(),
        source: Some("Desk fixture".into()),
        route,
    }
}

/// The checks' problems on `svg`, the trip's title expected.
fn check(svg: &str) -> BTreeMap<Check, Vec<String>> {
    desk::check_svg(svg, &trip(), Some("Four stops"))
}

/// `GOOD` with `from` replaced by `to` (which must occur).
fn broken(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "the fixture has no {from:?}");
    GOOD.replacen(from, to, 1)
}

/// Asserts that `svg` fails `want` and no other check; returns the problems.
#[track_caller]
fn fails_only(svg: &str, want: Check) -> Vec<String> {
    let problems = check(svg);
    assert!(
        problems.contains_key(&want),
        "{} not caught: {problems:?}",
        want.id()
    );
    let others: Vec<&Check> = problems.keys().filter(|c| **c != want).collect();
    assert!(
        others.is_empty(),
        "{} also fails {others:?}: {problems:?}",
        want.id()
    );
    problems[&want].clone()
}

#[test]
fn the_fixture_passes_every_check() {
    let problems = check(GOOD);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn check_1_catches_merged_and_missing_markers() {
    // Stops 3 and 4, 35 km apart, on one marker (as city walks are drawn today).
    let merged = broken(
        r#"text-anchor="middle">3</text>"#,
        r#"text-anchor="middle">3,4</text>"#,
    );
    let p = check(&merged);
    assert!(p[&Check::Markers][0].contains("share one marker"), "{p:?}");
    // A stop without a marker.
    let gone = broken(
        r#"<g class="tm-t-marker"><circle class="tm-t-marker-dot" cx="380" cy="140" r="8"/><text class="tm-t-marker-num" x="380" y="143.8" text-anchor="middle">4</text></g>"#,
        "",
    );
    let p = check(&gone);
    assert!(
        p[&Check::Markers]
            .iter()
            .any(|m| m.contains("stop 4 “Dresden” has no marker")),
        "{p:?}"
    );
}

#[test]
fn check_1_catches_a_desc_that_names_a_stop_after_another() {
    let p = fails_only(&broken("3 Coburg (3 May)", "3 Bonn (3 May)"), Check::Desc);
    assert!(p[0].contains("stop 3 “Coburg”"), "{p:?}");
}

#[test]
fn check_2_catches_a_label_beside_the_wrong_marker() {
    // Dresden's label moved next to Coburg's marker.
    let svg = broken(
        r#"<text class="tm-t-label-name" x="355" y="112">Dresden</text><text class="tm-t-label-date" x="355" y="125">4 May</text>"#,
        r#"<text class="tm-t-label-name" x="292" y="132">Dresden</text><text class="tm-t-label-date" x="292" y="145">4 May</text>"#,
    );
    let p = fails_only(&svg, Check::LabelNearest);
    assert!(
        p[0].contains("label “Dresden”") && p[0].contains("[3]"),
        "{p:?}"
    );
}

#[test]
fn check_2_catches_long_and_crossing_leaders() {
    // Coburg's label on an 88 px leader.
    let long = broken(
        r#"<text class="tm-t-label-name" x="260" y="112">Coburg</text>"#,
        r#"<line class="tm-t-leader" x1="280" y1="132" x2="280" y2="44"/><text class="tm-t-label-name" x="260" y="112">Coburg</text>"#,
    );
    let p = fails_only(&long, Check::Leaders);
    assert!(p[0].contains("88 px long"), "{p:?}");
    // Two leaders that cross.
    let crossing = broken(
        r#"<text class="tm-t-label-name" x="260" y="112">Coburg</text>"#,
        r#"<line class="tm-t-leader" x1="272" y1="132" x2="300" y2="110"/><text class="tm-t-label-name" x="260" y="112">Coburg</text>"#,
    );
    let crossing = crossing.replacen(
        r#"<text class="tm-t-label-name" x="355" y="112">Dresden</text>"#,
        r#"<line class="tm-t-leader" x1="372" y1="140" x2="270" y2="110"/><text class="tm-t-label-name" x="355" y="112">Dresden</text>"#,
        1,
    );
    let p = fails_only(&crossing, Check::Leaders);
    assert!(p.iter().any(|m| m.contains("crosses")), "{p:?}");
    // A leader through another stop's marker.
    let through = broken(
        r#"<text class="tm-t-label-name" x="355" y="112">Dresden</text>"#,
        r#"<line class="tm-t-leader" x1="372" y1="140" x2="250" y2="136"/><text class="tm-t-label-name" x="355" y="112">Dresden</text>"#,
    );
    let p = fails_only(&through, Check::Leaders);
    assert!(
        p.iter().any(|m| m.contains("passes through marker [3]")),
        "{p:?}"
    );
}

#[test]
fn check_3_catches_a_marker_far_from_its_place() {
    // Coburg's marker 30 px below where its legs end.
    let svg = broken(
        r#"<circle class="tm-t-marker-dot" cx="280" cy="140" r="8"/><text class="tm-t-marker-num" x="280" y="143.8" text-anchor="middle">3</text>"#,
        r#"<circle class="tm-t-marker-dot" cx="280" cy="170" r="8"/><text class="tm-t-marker-num" x="280" y="173.8" text-anchor="middle">3</text>"#,
    );
    let p = check(&svg);
    assert!(
        p[&Check::Position][0].contains("stop 3 “Coburg” on the main map is 30 px"),
        "{p:?}"
    );
    // 10 px is within the bound.
    let near = broken(r#"cx="280" cy="140""#, r#"cx="280" cy="150""#);
    assert!(!check(&near).contains_key(&Check::Position));
}

/// An empty inset at `x`, `y` (layer pixels) of `w` × `h`.
fn with_inset(x: f64, y: f64, w: f64, h: f64) -> String {
    broken(
        "<g id=\"tm-t-insets\" class=\"tm-t-layer tm-t-insets\" transform=\"translate(0 50)\">\n",
        &format!(
            "<g id=\"tm-t-insets\" class=\"tm-t-layer tm-t-insets\" transform=\"translate(0 50)\">\n<g class=\"tm-t-inset\"><rect class=\"tm-t-inset-bg\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\"/><rect class=\"tm-t-inset-frame\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\"/></g>\n"
        ),
    )
}

#[test]
fn check_4_catches_an_inset_over_the_route_or_too_large() {
    // In the free bottom-left corner: fine.
    assert!(check(&with_inset(10.0, 215.0, 120.0, 60.0)).is_empty());
    // Over leg 3 and Dresden's marker.
    let p = fails_only(&with_inset(300.0, 120.0, 100.0, 60.0), Check::InsetCovers);
    assert!(p.iter().any(|m| m.contains("covers leg 3")), "{p:?}");
    assert!(p.iter().any(|m| m.contains("covers marker [4]")), "{p:?}");
    // In a free band, but more than a quarter of the map.
    let p = fails_only(&with_inset(0.0, 213.0, 460.0, 72.0), Check::InsetSize);
    assert!(p[0].contains("takes 26%"), "{p:?}");
}

#[test]
fn check_5_catches_a_stop_named_nowhere_and_a_cut_note() {
    let unlabelled = broken(
        r#"<g class="tm-t-label"><text class="tm-t-label-name" x="355" y="112">Dresden</text><text class="tm-t-label-date" x="355" y="125">4 May</text></g>"#,
        "",
    );
    let p = fails_only(&unlabelled, Check::Named);
    assert!(p[0].contains("stop 4 “Dresden” is named neither"), "{p:?}");
    // In the key it is named.
    let keyed = unlabelled.replacen(
        "</g>\n</svg>",
        "<text class=\"tm-t-key\" x=\"16\" y=\"398\">Not labelled on the map: 4 Dresden (4 May).</text>\n</g>\n</svg>",
        1,
    );
    assert!(check(&keyed).is_empty(), "{:?}", check(&keyed));
    // A note cut short, its full text nowhere.
    let cut = broken(">born here.</text>", ">born…</text>");
    let p = fails_only(&cut, Check::Notes);
    assert!(p[0].contains("note of stop 2 “Bonn” is cut"), "{p:?}");
    // A note dropped with its callout.
    let dropped = broken(
        r#"<text class="tm-t-note" x="154" y="190">Beethoven was</text><text class="tm-t-note" x="154" y="203">born here.</text>"#,
        "",
    );
    let p = fails_only(&dropped, Check::Notes);
    assert!(p[0].contains("is not on the page"), "{p:?}");
}

#[test]
fn check_7_catches_a_map_far_wider_than_its_stops() {
    // The same stops in a frame ten times wider: a 1,000 km map of a 107 km trip.
    let svg = broken(
        r#"<rect class="tm-t-frame" x="0" y="50" width="460" height="280"/>"#,
        r#"<rect class="tm-t-frame" x="0" y="50" width="4600" height="2800"/>"#,
    );
    let p = fails_only(&svg, Check::Extent);
    assert!(p[0].contains("fill 7% of the map's width"), "{p:?}");
}

#[test]
fn check_8_catches_legs_on_one_line_and_touching_arrowheads() {
    // A fourth leg back from Bonn to Aachen along the first.
    let svg = broken(
        r#"<path class="tm-t-leg" d="M180 140l100 0"/>"#,
        r#"<path class="tm-t-leg" d="M180 141l-100 0"/><path class="tm-t-leg" d="M180 140l100 0"/>"#,
    );
    let p = fails_only(&svg, Check::Parallel);
    assert!(p[0].contains("on one line"), "{p:?}");
    // Two arrowheads on top of each other.
    let svg = broken(
        r#"<path class="tm-t-leg" d="M280 140l100 0"/>"#,
        r#"<path class="tm-t-leg" d="M280 140l0 100"/><path class="tm-t-arrow" d="M237 141l-9 -4.5 2.5 4.5 -2.5 4.5z"/><path class="tm-t-leg" d="M280 140l100 0"/>"#,
    );
    let p = check(&svg);
    assert!(
        p[&Check::Parallel].iter().any(|m| m.contains("arrowheads")),
        "{p:?}"
    );
}

#[test]
fn check_9_catches_doubled_words_and_a_title_not_as_given() {
    let p = fails_only(
        &broken("Source: Desk fixture.", "Source: Source: Desk fixture."),
        Check::Furniture,
    );
    assert!(p[0].contains("“Source: Source:”"), "{p:?}");
    let p = fails_only(
        &broken(
            r#"<text class="tm-t-title" x="16" y="26">Four stops</text>"#,
            r#"<text class="tm-t-title" x="16" y="26">Trip map</text>"#,
        ),
        Check::Settable,
    );
    assert!(p[0].contains("the title is “Trip map”"), "{p:?}");
    let p = fails_only(
        &broken(
            "Source: Desk fixture.",
            "Source: Desk fixture. Desk fixture.",
        ),
        Check::Settable,
    );
    assert!(p[0].contains("2 times"), "{p:?}");
}

/// Machine-readable attributes take over from inference: `data-stop` on markers and labels,
/// `data-leg` on legs (see `docs/desk-checks.md`).
#[test]
fn attributes_say_what_elements_stand_for() {
    let mut svg = GOOD.to_string();
    for (n, x) in [(1, 80), (2, 180), (3, 280), (4, 380)] {
        svg = svg.replacen(
            &format!(r#"<g class="tm-t-marker"><circle class="tm-t-marker-dot" cx="{x}""#),
            &format!(
                r#"<g class="tm-t-marker" data-stop="{n}"><circle class="tm-t-marker-dot" cx="{x}""#
            ),
            1,
        );
    }
    for (k, x) in [(1, 80), (2, 180), (3, 280)] {
        svg = svg.replacen(
            &format!(r#"<path class="tm-t-leg" d="M{x} 140"#),
            &format!(r#"<path class="tm-t-leg" data-leg="{k}" d="M{x} 140"#),
            1,
        );
    }
    // The label reads "Aachen" but says it is stop 4's: attributes win, so it is beside the
    // wrong marker.
    svg = svg.replacen(
        r#"<g class="tm-t-label"><text class="tm-t-label-name" x="60""#,
        r#"<g class="tm-t-label" data-stop="4"><text class="tm-t-label-name" x="60""#,
        1,
    );
    let reading = desk::reading::read(&svg).unwrap();
    let ids = desk::identify::identify(&reading, &trip().route, &trip().names);
    assert_eq!(ids.how, "attributes");
    assert_eq!(ids.leg_ids[0], vec![Some(0), Some(1), Some(2)]);
    assert_eq!(ids.label_stops[0][0], vec![3]);
    let p = check(&svg);
    assert!(
        p[&Check::LabelNearest][0].contains("label “Aachen”"),
        "{p:?}"
    );
}

/// Check 6 and check 10 (SVG) in the browser: text that overlaps, leaves the picture or has no
/// glyph in any installed font (a private-use character) is reported; the fixture is clean.
#[test]
fn checks_6_and_10_in_the_browser_catch_overlaps_clipping_and_missing_glyphs() {
    let dir = tempfile::tempdir().unwrap();
    let root = common::root();
    let write = |name: &str, svg: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, svg).unwrap();
        p
    };
    let files = vec![
        write("good.svg", GOOD),
        write(
            "overlap.svg",
            &broken(
                r#"x="260" y="112">Coburg</text>"#,
                r#"x="350" y="112">Coburg</text>"#,
            ),
        ),
        write(
            "clipped.svg",
            &broken(
                r#"x="355" y="112">Dresden</text>"#,
                r#"x="430" y="112">Dresden</text>"#,
            ),
        ),
        write(
            "glyph.svg",
            &broken(">Coburg</text>", ">Cob\u{E9D0}urg</text>"),
        ),
    ];
    let seen = desk::browser::measure(&root, &files, dir.path());
    assert!(
        seen[0].overlaps.is_empty() && seen[0].clipped.is_empty() && seen[0].missing.is_empty(),
        "{:?}",
        seen[0]
    );
    assert!(seen[0].texts >= 15, "{:?}", seen[0]);
    assert!(
        seen[1].overlaps.iter().any(|o| o.contains("Coburg")),
        "{:?}",
        seen[1]
    );
    assert!(
        seen[2].clipped.iter().any(|o| o.contains("Dresden")),
        "{:?}",
        seen[2]
    );
    assert_eq!(seen[3].missing.len(), 1, "{:?}", seen[3]);
    assert!(seen[3].missing[0].contains("U+E9D0"), "{:?}", seen[3]);
}

/// Check 10 in the PNG: usvg with the bundled fonts finds no glyph for a private-use character
/// (nor, with today's Latin subset, for Japanese), and finds every glyph of a Latin name.
#[test]
fn check_10_in_the_png_catches_missing_glyphs() {
    let reading = desk::reading::read(GOOD).unwrap();
    let texts = vec![
        ("label-name".to_string(), "Coburg".to_string()),
        ("label-name".to_string(), "Cob\u{E9D0}urg".to_string()),
        ("title".to_string(), "Zürich–Genève".to_string()),
    ];
    let missing = desk::png_glyphs::missing(&reading.prefix, &reading.css, &texts);
    assert_eq!(missing[&texts[0]], Vec::<char>::new());
    assert_eq!(missing[&texts[1]], vec!['\u{E9D0}']);
    assert_eq!(missing[&texts[2]], Vec::<char>::new());
}

/// A leg styled by travel mode (`leg-ferry`, alone or beside `leg`) is still a leg, and its
/// arrowhead (`arrow-ferry`) still its arrowhead.
#[test]
fn legs_styled_by_mode_are_still_legs() {
    let svg = broken(
        r#"<path class="tm-t-leg" d="M80 140l100 0"/>
<path class="tm-t-arrow""#,
        r#"<path class="tm-t-leg-ferry" d="M80 140l100 0"/>
<path class="tm-t-arrow-ferry""#,
    )
    .replacen(
        r#"<path class="tm-t-leg" d="M180 140l100 0"/>"#,
        r#"<path class="tm-t-leg tm-t-leg-train" d="M180 140l100 0"/>"#,
        1,
    );
    let reading = desk::reading::read(&svg).unwrap();
    assert_eq!(reading.views[0].legs.len(), 3);
    assert!(reading.views[0].legs.iter().all(|l| l.arrow.is_some()));
    assert!(check(&svg).is_empty(), "{:?}", check(&svg));
}
