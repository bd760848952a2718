//! `map.html`: the map as a self-contained HTML fragment for pasting into a page, laid out for
//! several widths, with no script and no external reference.
//!
//! In: the route, the map's options and [`HtmlOptions`]. Out: one `<div>` holding one style
//! sheet (the embedded font subsets and the map's classes, written once for all layouts), one
//! SVG per width (each a scene built at that width: its own label placement, insets and
//! furniture; its ids prefixed `{prefix}-w{width}` so they never clash; the Natural Earth
//! basemap drawn once for the layouts that can share it, `shared_ground.rs`, and so their
//! locator maps, `shared_locator.rs`, and any other
//! drawing two layouts repeat exactly written once, `same_items.rs`), CSS container queries
//! that show exactly the one layout fitting the container (the widest not wider than it, the
//! narrowest below every width), focusable stops with CSS tooltips (`stops.rs`), and an ordered
//! list of the stops for screen readers and readers without CSS. `--animate` adds the drawing
//! animation ([`crate::render::motion`]). `--html-page` wraps the fragment in a minimal page.

mod same_items;
mod scope;
mod shared_ground;
mod shared_locator;
pub(crate) mod stops;

use super::RenderError;
use super::motion::{self, Schedule};
use super::svg::xml::escape_into;
use super::svg::{self, Extras};
use crate::model::Route;
use crate::scene::{self, MapOptions, Scene};
use rayon::prelude::*;
use std::fmt::Write as _;

/// The widths `map.html` is laid out for when `--widths` is not given.
pub const DEFAULT_WIDTHS: [u32; 5] = [320, 480, 640, 960, 1280];
/// The most layouts one `map.html` may hold.
pub const MAX_LAYOUTS: usize = 8;

/// The prefix of every class inside `map.html`'s embed: short, since a page of five layouts
/// of a hundred stops writes thousands of classes, and the same for every map, its style sheet
/// scoped to the embed's own class ([`scope`]). Ids, font families and animations, which are
/// page-wide, keep the map's own prefix.
const CLASSES: &str = "tm";

/// How `map.html` is written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HtmlOptions {
    /// The widths laid out, in pixels, increasing (see [`HtmlOptions::with_widths`]).
    pub widths: Vec<u32>,
    /// Wrap the fragment in a minimal HTML page (`--html-page`).
    pub page: bool,
    /// Draw the Natural Earth basemap once for the layouts that can share it (the default);
    /// `false` gives each layout its own (a larger file that looks the same).
    pub share_basemap: bool,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            widths: DEFAULT_WIDTHS.to_vec(),
            page: false,
            share_basemap: true,
        }
    }
}

impl HtmlOptions {
    /// These options laid out at `widths` (any order, each 320 to 10,000 px, at most
    /// [`MAX_LAYOUTS`], no repeats); the error names the bad width.
    ///
    /// ```
    /// use tripmap::render::html::HtmlOptions;
    /// let o = HtmlOptions::default().with_widths(&[640, 320]).unwrap();
    /// assert_eq!(o.widths, [320, 640]);
    /// assert!(HtmlOptions::default().with_widths(&[200]).unwrap_err().contains("200"));
    /// ```
    pub fn with_widths(mut self, widths: &[u32]) -> Result<Self, String> {
        if widths.is_empty() {
            return Err("no width given: give one to 8 widths, such as 320,640,960".into());
        }
        if widths.len() > MAX_LAYOUTS {
            return Err(format!(
                "{} widths: give at most {MAX_LAYOUTS} (each layout is a whole map)",
                widths.len()
            ));
        }
        let mut sorted = widths.to_vec();
        sorted.sort_unstable();
        for pair in sorted.windows(2) {
            if pair[0] == pair[1] {
                return Err(format!("width {} is given twice", pair[0]));
            }
        }
        if let Some(w) = sorted.iter().find(|w| !(320..=10_000).contains(*w)) {
            return Err(format!("width {w} px: give 320 to 10000"));
        }
        self.widths = sorted;
        Ok(self)
    }
}

/// The map laid out at `width` px: `main` when it was built at that width with no fixed
/// height, else a new scene with `map`'s options at that width and the height that suits it.
pub(crate) fn layout(
    route: &Route,
    map: &MapOptions,
    main: Option<&Scene>,
    width: f64,
    height: Option<f64>,
) -> Result<Scene, RenderError> {
    if let Some(s) = main
        && map.width_px == width
        && map.height_px == height
    {
        return Ok(s.clone());
    }
    let mut o = map.clone();
    o.width_px = width;
    o.height_px = height;
    // Every layout shares the main map's prefix, so one style sheet serves them all.
    if o.id_prefix.is_none() {
        o.id_prefix = main.map(|s| s.prefix.clone());
    }
    scene::build(route, &o).map_err(|e| RenderError::Layout(format!("{width} px wide: {e}")))
}

/// `map.html`'s bytes: the route laid out at each of `html`'s widths with `map`'s options
/// (`main`, the scene already built, is reused at its own width), animated by `schedule`.
pub fn write(
    route: &Route,
    map: &MapOptions,
    main: Option<&Scene>,
    html: &HtmlOptions,
    schedule: Option<&Schedule>,
) -> Result<Vec<u8>, RenderError> {
    // A layout wider than the map asked for draws that map's basemap detail: one basemap
    // drawing shared with the narrower layouts, and a file not dominated by its widest one.
    let mut capped = map.clone();
    capped.detail_width_px = Some(map.width_px);
    // The layouts are independent: built on every core, kept in width order.
    let layouts = html
        .widths
        .par_iter()
        .map(|&w| layout(route, &capped, main, f64::from(w), None))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(fragment(route, map, &layouts, html, schedule).into_bytes())
}

/// The fragment (or page) holding `layouts`, which are in increasing width.
fn fragment(
    route: &Route,
    map: &MapOptions,
    layouts: &[Scene],
    html: &HtmlOptions,
    schedule: Option<&Schedule>,
) -> String {
    let Some(first) = layouts.first() else {
        return String::new();
    };
    let p = first.prefix.as_str();
    let c = CLASSES;
    let mut out = String::with_capacity(256 * 1024);
    if html.page {
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        );
        escape_into(&mut out, &first.title);
        out.push_str("</title>\n</head>\n<body style=\"margin:0\">\n");
    }
    let mut shared = match html.share_basemap {
        true => shared_ground::share(route, map, layouts),
        false => shared_ground::SharedGround::none(layouts.len()),
    };
    if html.share_basemap {
        let (defs, swaps) = shared_locator::share((p, c), layouts);
        shared.defs.push_str(&defs);
        for (placed, more) in shared.placed.iter_mut().zip(swaps) {
            placed.extend(more);
        }
    }
    let (same, same_swaps) = same_items::share(p, layouts, &shared.placed);
    let entries = stops::entries(route, map.dates);
    // Each layout's own markup over its map (the clock, the focusable stops), first, so the
    // tooltips they place can be drawn once in the shared `<defs>`.
    let mut tips = stops::Tips::default();
    let afters: Vec<String> = layouts
        .iter()
        .zip(&html.widths)
        .map(|(scene, width)| {
            let ids = format!("{p}-w{width}");
            let mut after = String::new();
            if let Some(s) = schedule {
                after.push_str(&motion::clock(scene, (&ids, c), s, &entries));
            }
            after.push_str(&stops::focusable(scene, (&ids, p, c), &entries, &mut tips));
            after
        })
        .collect();
    let legs = commonest_leg(layouts);
    // The markup first (the style sheet written before it holds the rules of the classes the
    // markup uses). Drawings several layouts share, written once; not `display:none`, which
    // would hide them from every `<use>` in some browsers.
    let defs = format!(
        "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\" \
         focusable=\"false\"><defs>\n{}{same}{}</defs></svg>\n",
        shared.defs,
        tips.defs()
    );
    let mut body = String::with_capacity(256 * 1024);
    for (i, ((scene, width), after)) in layouts.iter().zip(&html.widths).zip(&afters).enumerate() {
        let swaps: Vec<svg::Swap> = shared.placed[i]
            .iter()
            .chain(&same_swaps[i])
            .cloned()
            .collect();
        let ids = format!("{p}-w{width}");
        let extras = Extras {
            ids: Some(&ids),
            classes: Some(c),
            no_style: true,
            css: "",
            after,
            reveal: schedule.is_some(),
            swaps: &swaps,
            compact: true,
            bare_legs: legs,
        };
        let _ = writeln!(body, "<div class=\"{p}-layout {p}-w{width}\">");
        // One line per layout: the line breaks between its thousands of elements are a
        // fiftieth of its bytes (every `<` and `>` of a text or an attribute is escaped, so a
        // `>`, a line break and a `<` are the end of one tag and the start of the next).
        body.push_str(&svg::write_with(scene, &extras).replace(">\n<", "><"));
        body.push_str("</div>\n");
    }
    body.push_str(&stops::list((p, c), &first.title, &entries));
    let _ = writeln!(out, "<div class=\"{p}-embed\">\n<style>");
    out.push_str(&container_css(p, &html.widths));
    // The layouts' rules, of short classes, scoped to the embed; the shared drawings', of the
    // map's own classes (which rules scoped to the embed would not reach through a `<use>`).
    let mut css = svg::style_sheet(layouts, c, &stops::tip_texts(&entries));
    css.push_str(&stops::css(c, &first.theme));
    if let Some(s) = schedule {
        css.push_str(&motion::css(p, c, &first.theme, s));
    }
    // A bare marker number is centred by this rule rather than an attribute.
    for (_, _, bare) in svg::BARE.iter().filter(|b| b.1 == svg::BARE_CENTRED) {
        let _ = writeln!(css, ".{c}-{bare}{{text-anchor:middle}}");
    }
    let aliases: Vec<(String, String)> = svg::BARE
        .iter()
        .map(|(_, class, bare)| (*class, *bare))
        .chain(legs.map(|l| (l, svg::BARE_LEGS)))
        .map(|(class, bare)| (format!(".{c}-{class}"), format!(".{c}-{bare}")))
        .collect();
    let in_layouts = scope::Scope {
        root: &format!(".{p}-embed"),
        classes: c,
        aliases: &aliases,
        used: &classes_in(&body),
    };
    out.push_str(&in_layouts.apply(&css));
    let mut css = svg::class_rules(layouts, p);
    css.push_str(&svg::scaled_line_rules(p));
    css.push_str(&stops::css(p, &first.theme));
    let in_defs = scope::Scope {
        root: "",
        classes: p,
        aliases: &[],
        used: &classes_in(&defs),
    };
    out.push_str(&in_defs.apply(&css));
    out.push_str("</style>\n");
    out.push_str(&defs);
    out.push_str(&body);
    out.push_str("</div>\n");
    if html.page {
        out.push_str("</body>\n</html>\n");
    }
    out
}

/// The commonest class of the legs drawn in the route layers of `layouts` (the first in name
/// order on a tie), which `map.html` writes bare.
fn commonest_leg(layouts: &[Scene]) -> Option<&'static str> {
    let mut counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
    for layer in layouts.iter().flat_map(|s| &s.layers) {
        if layer.name != "route" {
            continue;
        }
        for item in &layer.items {
            let item = match item {
                scene::Item::Tagged { item, .. } => item.as_ref(),
                other => other,
            };
            if let scene::Item::Path { class, .. } = item
                && class.starts_with("leg")
            {
                *counts.entry(class).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(class, _)| class)
}

/// The classes `markup` uses.
fn classes_in(markup: &str) -> std::collections::HashSet<&str> {
    markup
        .split("class=\"")
        .skip(1)
        .flat_map(|list| {
            list.split('"')
                .next()
                .unwrap_or_default()
                .split_ascii_whitespace()
        })
        .collect()
}

/// The container queries: the layout of width `widths[i]` shows while the container is at
/// least that wide and narrower than the next; the narrowest also below its width. Browsers
/// without container queries show the narrowest, scaled.
fn container_css(p: &str, widths: &[u32]) -> String {
    let mut css = format!(
        ".{p}-embed{{container:{p}-embed/inline-size;position:relative;margin:0;padding:0}}\n\
         .{p}-layout{{display:none}}\n\
         .{p}-layout>svg{{display:block;width:100%;height:auto}}\n"
    );
    for (i, w) in widths.iter().enumerate() {
        let low = (i > 0).then(|| format!("(width >= {w}px)"));
        let high = widths.get(i + 1).map(|n| format!("(width < {n}px)"));
        let query = match (low, high) {
            (Some(l), Some(h)) => format!("{l} and {h}"),
            (Some(l), None) => l,
            (None, Some(h)) => h,
            (None, None) => "(width >= 0px)".to_string(),
        };
        let _ = writeln!(
            css,
            "@container {p}-embed {query}{{.{p}-w{w}{{display:block}}}}"
        );
    }
    if let Some(w) = widths.first() {
        let _ = writeln!(
            css,
            "@supports not (container-type:inline-size){{.{p}-w{w}{{display:block}}}}"
        );
    }
    css
}

#[cfg(test)]
mod test {
    use super::*;

    /// Route 66 (a trip across the United States): the 320 px layout shows it at 12 km per
    /// pixel (1:110m land), the 480 px one at 7 (1:50m). The phone layouts show nearly the same
    /// ground: one drawing of it at 1:110m, at the 480 px layout's scale, is shorter than the
    /// 480 px layout drawing its own, and has the state lines (drawn by scale).
    #[test]
    fn the_phone_layouts_share_one_basemap_with_the_state_lines() {
        let bytes = include_bytes!("../../../data/trips/route66-by-name.json");
        let trip = crate::io::read(bytes, crate::io::Format::Json).unwrap();
        let route = crate::plan(&trip, crate::routing::Order::Time).unwrap();
        let html = HtmlOptions::default()
            .with_widths(&[320, 480, 960])
            .unwrap();
        let page =
            String::from_utf8(write(&route, &MapOptions::default(), None, &html, None).unwrap())
                .unwrap();
        let grounds: Vec<&str> = page
            .split("<div class=\"")
            .filter(|s| s.contains("-layout "))
            .map(|s| {
                let at = s.find("-ground-").expect("a shared basemap");
                &s[at..at + 9]
            })
            .collect();
        assert_eq!(grounds.len(), 3);
        assert_eq!(grounds[0], grounds[1], "the phones share one drawing");
        assert_ne!(grounds[1], grounds[2]);
        let drawing = |g: &str| {
            let at = page.find(&format!("{g}\"")).unwrap();
            &page[at..at + page[at..].find("</g>\n<g id=").unwrap()]
        };
        assert!(drawing(grounds[0]).contains("-admin1"), "state lines kept");
    }

    #[test]
    fn widths_are_checked_and_sorted() {
        let o = HtmlOptions::default();
        assert_eq!(o.widths, DEFAULT_WIDTHS);
        assert_eq!(
            o.clone().with_widths(&[960, 320]).unwrap().widths,
            [320, 960]
        );
        assert!(o.clone().with_widths(&[]).is_err());
        assert!(
            o.clone()
                .with_widths(&[320, 320])
                .unwrap_err()
                .contains("twice")
        );
        assert!(
            o.clone()
                .with_widths(&[20_000])
                .unwrap_err()
                .contains("20000")
        );
        assert!(o.with_widths(&[320; 9]).unwrap_err().contains("at most 8"));
    }

    #[test]
    fn the_commonest_leg_class_is_written_bare() {
        let path = |class: &'static str| scene::Item::Path {
            class,
            parts: vec![vec![(0.0, 0.0), (1.0, 1.0)]],
            closed: false,
        };
        let with = |items: Vec<scene::Item>| Scene {
            width: 100.0,
            height: 100.0,
            prefix: "tm".into(),
            theme: scene::Theme::default(),
            title: String::new(),
            desc: String::new(),
            layers: vec![scene::Layer {
                name: "route",
                offset: (0.0, 0.0),
                items,
            }],
            natural_earth: None,
            locator: None,
        };
        let tagged = |class| path(class).tagged(scene::Tag::Leg(1));
        let a = with(vec![
            tagged("leg-car"),
            tagged("leg-flight"),
            path("arrow-car"),
        ]);
        let b = with(vec![
            tagged("leg-car"),
            path("arrow-car"),
            path("arrow-car"),
        ]);
        assert_eq!(commonest_leg(&[a.clone(), b]), Some("leg-car"));
        // A tie goes to the first name; arrows and other layers do not count.
        assert_eq!(commonest_leg(std::slice::from_ref(&a)), Some("leg-car"));
        let mut c = with(vec![path("leg-walk"), path("leg-bus")]);
        assert_eq!(commonest_leg(std::slice::from_ref(&c)), Some("leg-bus"));
        c.layers[0].name = "furniture";
        assert_eq!(commonest_leg(&[c]), None);
    }

    #[test]
    fn each_width_has_one_query_and_the_ranges_touch() {
        let css = container_css("tm", &[320, 640, 960]);
        assert!(css.contains("@container tm-embed (width < 640px){.tm-w320{display:block}}"));
        assert!(css.contains(
            "@container tm-embed (width >= 640px) and (width < 960px){.tm-w640{display:block}}"
        ));
        assert!(css.contains("@container tm-embed (width >= 960px){.tm-w960{display:block}}"));
    }
}
