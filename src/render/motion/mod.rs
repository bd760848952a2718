//! `--animate`: the route draws itself. The legs are drawn one after another in visiting order
//! (each through a mask whose path's dash offset CSS keyframes run from 1 to 0, with
//! `pathLength="1"` so no length is measured), each stop's marker and label fade in as its leg
//! arrives, and the date of the stop last reached shows in a corner of the map. Everything is
//! CSS: no script. The picture's resting state is the finished map — an animation only holds
//! the earlier states during its run — so `prefers-reduced-motion: reduce`, which turns the
//! animations off, shows the finished map at once, and the last frame is the static map.
//!
//! In: the route (the timing depends on the legs' lengths only, so every layout of `map.html`
//! shares it) and a duration. Out: a [`Schedule`], its CSS ([`css`]) and the date corner of one
//! scene (`clock`). `map.svg` with `--animate` is [`animated_svg`].

use super::html::stops::{Entry, entries};
use super::svg::xml::{escape_into, num, num_into};
use super::svg::{self, Extras};
use crate::model::Route;
use crate::scene::text_metrics::{Weight, width_px};
use crate::scene::{DateStyle, Item, Rect, Scene, Theme};

pub(crate) mod frames;
use std::fmt::Write as _;

/// The shortest and longest `--duration`, seconds.
pub const DURATION_RANGE_S: (f64, f64) = (1.0, 120.0);

/// How the animation runs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub struct MotionOptions {
    /// Seconds from the first stop to the finished map; `None` scales it to the trip
    /// ([`default_duration_s`]).
    pub duration_s: Option<f64>,
}

impl MotionOptions {
    /// Animating over `seconds` ([`DURATION_RANGE_S`]); the error says what to give.
    pub fn with_duration(seconds: f64) -> Result<Self, String> {
        let (lo, hi) = DURATION_RANGE_S;
        if !(seconds.is_finite() && (lo..=hi).contains(&seconds)) {
            return Err(format!("duration {seconds} s: give {lo} to {hi} seconds"));
        }
        Ok(MotionOptions {
            duration_s: Some(seconds),
        })
    }
}

/// The duration a trip of `legs` legs gets: 2 s and 0.8 s a leg, 4 to 20 s.
pub fn default_duration_s(legs: usize) -> f64 {
    (2.0 + 0.8 * legs as f64).clamp(4.0, 20.0)
}

/// Share of the duration the legs take; the rest holds the finished map with the last date.
const DRAWING_SHARE: f64 = 0.85;
/// Seconds a marker or label takes to fade in.
const FADE_S: f64 = 0.3;

/// When everything happens, in seconds from the start.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// The whole animation; at its end the picture is the static map.
    pub total_s: f64,
    /// Each leg's start and duration, by leg index (leg `i` is `data-leg="i+1"`).
    pub legs: Vec<(f64, f64)>,
    /// When each stop appears, by stop index (the first at 0).
    pub stops: Vec<f64>,
}

impl Schedule {
    /// The schedule of `route` over `options`' duration. Legs take time in proportion to the
    /// square root of their length (a long flight is slower than a short hop, but does not
    /// take the whole film), with a floor of a fifth of the mean.
    pub fn new(route: &Route, options: &MotionOptions) -> Schedule {
        let total_s = options
            .duration_s
            .unwrap_or_else(|| default_duration_s(route.legs.len()));
        let raw: Vec<f64> = route
            .legs
            .iter()
            .map(|l| l.distance_m.max(0.0).sqrt())
            .collect();
        let mean = raw.iter().sum::<f64>() / raw.len().max(1) as f64;
        let weights: Vec<f64> = raw.iter().map(|w| w.max(mean / 5.0).max(1e-9)).collect();
        let sum: f64 = weights.iter().sum();
        let drawing = total_s * DRAWING_SHARE;
        let mut t = 0.0;
        let mut legs = Vec::with_capacity(weights.len());
        let mut stops = vec![f64::NAN; route.stops.len()];
        if let Some(first) = stops.first_mut() {
            *first = 0.0;
        }
        for (leg, w) in route.legs.iter().zip(&weights) {
            let d = drawing * w / sum;
            legs.push((t, d));
            t += d;
            if let Some(s) = stops.get_mut(leg.to)
                && s.is_nan()
            {
                *s = t;
            }
        }
        // A stop no leg reaches (none should) appears with the last one.
        for s in &mut stops {
            if s.is_nan() {
                *s = t;
            }
        }
        Schedule {
            total_s,
            legs,
            stops,
        }
    }

    /// Index of the stop whose date shows at `t` seconds: the last one reached.
    pub fn current_stop(&self, t: f64) -> usize {
        let mut order: Vec<usize> = (0..self.stops.len()).collect();
        order.sort_by(|&a, &b| self.stops[a].total_cmp(&self.stops[b]).then(a.cmp(&b)));
        order
            .into_iter()
            .rev()
            .find(|&i| self.stops[i] <= t)
            .unwrap_or(0)
    }
}

fn secs(v: f64) -> String {
    format!("{}s", (v * 1000.0).round() / 1000.0)
}

/// The animation's rules for a map (or the layouts of a page) whose classes start with `p`,
/// its keyframes named with the map's own prefix `ids`.
pub fn css(ids: &str, p: &str, t: &Theme, s: &Schedule) -> String {
    let mut css = format!(
        "@keyframes {ids}-draw{{from{{stroke-dashoffset:1}}to{{stroke-dashoffset:0}}}}\n\
         @keyframes {ids}-appear{{from{{opacity:0}}to{{opacity:1}}}}\n\
         @keyframes {ids}-window{{from,to{{visibility:visible}}}}\n\
         .{p}-reveal{{fill:none;stroke:#fff;stroke-width:18;stroke-linecap:round;\
         stroke-linejoin:round;stroke-dasharray:1 1;stroke-dashoffset:0;\
         animation:{ids}-draw linear both}}\n\
         .{p}-stops [data-stop],.{p}-labels [data-stop],.{p}-insets [data-stop]\
         {{animation:{ids}-appear {fade} ease-out both}}\n\
         .{p}-clock{{visibility:hidden;animation:{ids}-window {total} linear}}\n\
         .{p}-clock text{{visibility:hidden;animation-name:{ids}-window;\
         animation-timing-function:linear}}\n\
         .{p}-clock-box{{fill:{halo};fill-opacity:0.9;stroke:{frame};stroke-width:0.5}}\n\
         .{p}-clock-date{{fill:{route};font-size:13px;font-weight:700}}\n",
        fade = secs(FADE_S),
        total = secs(s.total_s),
        halo = t.halo,
        frame = t.frame,
        route = t.route,
    );
    for (i, (start, d)) in s.legs.iter().enumerate() {
        let _ = writeln!(
            css,
            ".{p}-reveal[data-reveal=\"{}\"]{{animation-delay:{};animation-duration:{}}}",
            i + 1,
            secs(*start),
            secs(d.max(0.001))
        );
    }
    // Last stop first: a marker of several stops ("1 8") takes its first stop's time, the rule
    // written last.
    for (i, at) in s.stops.iter().enumerate().rev() {
        let sel = |layer: &str| format!(".{p}-{layer} [data-stop~=\"{}\"]", i + 1);
        let _ = writeln!(
            css,
            "{},{},{}{{animation-delay:{}}}",
            sel("stops"),
            sel("labels"),
            sel("insets"),
            secs(*at)
        );
    }
    let _ = writeln!(
        css,
        "@media (prefers-reduced-motion:reduce){{.{p}-reveal,.{p}-stops [data-stop],\
         .{p}-labels [data-stop],.{p}-insets [data-stop],.{p}-clock,.{p}-clock text\
         {{animation:none}}}}"
    );
    css
}

/// A box: left, top, right, bottom.
type Bounds = (f64, f64, f64, f64);

fn overlaps(a: Bounds, b: Bounds) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// What `items` (shifted by `off`) put on the page that the date corner should not cover:
/// texts (as their anchor points) and insets.
fn busy(items: &[Item], off: (f64, f64), out: &mut Vec<Bounds>) {
    for item in items {
        match item {
            Item::Text { at, .. } => {
                let (x, y) = (at.0 + off.0, at.1 + off.1);
                out.push((x - 30.0, y - 10.0, x + 30.0, y + 3.0));
            }
            Item::Circle { c, r, .. } => out.push((
                c.0 + off.0 - r,
                c.1 + off.1 - r,
                c.0 + off.0 + r,
                c.1 + off.1 + r,
            )),
            Item::Rect { class, rect } if *class == "inset-bg" => out.push((
                rect.x + off.0,
                rect.y + off.1,
                rect.x + rect.w + off.0,
                rect.y + rect.h + off.1,
            )),
            Item::Group { items, .. } | Item::Painted { items, .. } => busy(items, off, out),
            Item::Tagged { item, .. } | Item::Rotated { item, .. } => {
                busy(std::slice::from_ref(item), off, out)
            }
            _ => {}
        }
    }
}

/// The map's frame on the page: the furniture's `frame` rectangle, or the whole page.
fn frame(scene: &Scene) -> Bounds {
    for layer in &scene.layers {
        for item in &layer.items {
            if let Item::Rect { class, rect } = item
                && *class == "frame"
            {
                let (x, y) = (rect.x + layer.offset.0, rect.y + layer.offset.1);
                return (x, y, x + rect.w, y + rect.h);
            }
        }
    }
    (0.0, 0.0, scene.width, scene.height)
}

/// Where the date corner of `scene` goes: its box and the anchor of its text (middle,
/// baseline), in the corner of the map that covers least; `None` when no stop is dated.
pub(crate) fn clock_box(scene: &Scene, entries: &[Entry]) -> Option<(Rect, (f64, f64))> {
    let widest = entries
        .iter()
        .filter_map(|e| e.dates.as_deref())
        .map(|d| width_px(d, 13.0, Weight::Bold))
        .reduce(f64::max)?;
    let (w, h) = (widest + 12.0, 22.0);
    let f = frame(scene);
    let mut taken = Vec::new();
    for layer in &scene.layers {
        if layer.name != "furniture" {
            busy(&layer.items, layer.offset, &mut taken);
        }
    }
    let corners = [
        (f.0 + 8.0, f.3 - 8.0 - h),
        (f.2 - 8.0 - w, f.3 - 8.0 - h),
        (f.0 + 8.0, f.1 + 8.0),
        (f.2 - 8.0 - w, f.1 + 8.0),
    ];
    let (x, y) = corners
        .into_iter()
        .min_by_key(|&(x, y)| {
            taken
                .iter()
                .filter(|b| overlaps(**b, (x, y, x + w, y + h)))
                .count()
        })
        .unwrap_or(corners[0]);
    Some((Rect::new(x, y, w, h), (x + w / 2.0, y + 15.5)))
}

/// The date corner of `scene` (ids prefixed `ids`, classes `p`): one date per stop reached,
/// each shown while it is the latest ([`clock_box`]); nothing when no stop is dated.
pub(crate) fn clock(
    scene: &Scene,
    (ids, p): (&str, &str),
    s: &Schedule,
    entries: &[Entry],
) -> String {
    let Some((r, at)) = clock_box(scene, entries) else {
        return String::new();
    };
    let dated: Vec<(usize, &str)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.dates.as_deref().map(|d| (i, d)))
        .collect();
    let mut out = format!(
        "<g id=\"{ids}-clock\" class=\"{p}-layer {p}-clock\" aria-hidden=\"true\">\n<rect class=\"{p}-clock-box\""
    );
    for (name, v) in [
        ("x", r.x),
        ("y", r.y),
        ("width", r.w),
        ("height", r.h),
        ("rx", 3.0),
    ] {
        let _ = write!(out, " {name}=\"{}\"", num(v));
    }
    out.push_str("/>\n");
    // Each date from its stop's arrival to the next dated stop's (the last to the end).
    for (k, &(i, date)) in dated.iter().enumerate() {
        let from = s.stops.get(i).copied().unwrap_or(0.0);
        let to = dated
            .get(k + 1)
            .and_then(|&(j, _)| s.stops.get(j).copied())
            .unwrap_or(s.total_s)
            .max(from + 0.001);
        let _ = write!(
            out,
            "<text class=\"{p}-clock-date\" x=\"{}\" y=\"",
            num(at.0)
        );
        num_into(&mut out, at.1);
        let _ = write!(
            out,
            "\" text-anchor=\"middle\" style=\"animation-delay:{};animation-duration:{}\">",
            secs(from),
            secs(to - from)
        );
        escape_into(&mut out, date);
        out.push_str("</text>\n");
    }
    out.push_str("</g>\n");
    out
}

/// `map.svg` animated: [`svg::write`]'s map with the legs drawn through reveal masks, the date
/// corner, and the animation's CSS.
pub fn animated_svg(route: &Route, scene: &Scene, dates: DateStyle, s: &Schedule) -> Vec<u8> {
    let entries = entries(route, dates);
    let p = &scene.prefix;
    let css = css(p, p, &scene.theme, s);
    let after = clock(scene, (p, p), s, &entries);
    let extras = Extras {
        ids: None,
        classes: None,
        no_style: false,
        css: &css,
        after: &after,
        reveal: true,
        swaps: &[],
        compact: false,
        bare_legs: None,
    };
    svg::write_with(scene, &extras).into_bytes()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn durations_are_checked() {
        assert!(MotionOptions::with_duration(0.5).is_err());
        assert!(MotionOptions::with_duration(f64::NAN).is_err());
        assert_eq!(
            MotionOptions::with_duration(8.0).unwrap().duration_s,
            Some(8.0)
        );
        assert_eq!(default_duration_s(1), 4.0);
        assert_eq!(default_duration_s(100), 20.0);
    }
}
