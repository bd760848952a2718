//! A map SVG read back into what the desk checks look at: the main map and each inset as a
//! *view* with its frame, markers, dots, legs (with their arrows), labels and leaders, plus every
//! text and the furniture, all in page pixels (every `transform` applied).
//!
//! Which stop a marker, label or leg belongs to is read from machine-readable attributes when
//! the map carries them (`data-stop="3"` or `"1 3"` on marker groups, label groups and dots,
//! `data-leg="2"` on leg paths; see `docs/desk-checks.md`), and otherwise inferred from the map as
//! drawn today (a marker's numbers, a label's name, the order of the legs): see
//! [`super::identify`]. Nothing here knows how the map was made.

use super::geometry::{Pt, Rect};
use roxmltree::{Document, Node};
use svgtypes::{SimplePathSegment, SimplifyingPathParser, Transform};

/// Where a line of text is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left end.
    Start,
    /// `x` is the middle.
    Middle,
    /// `x` is the right end.
    End,
}

/// One `<text>` with its style class (without the map's prefix) and position in page pixels.
#[derive(Debug, Clone)]
pub struct Text {
    /// Class without the prefix: `label-name`, `source`, `key`...
    pub class: String,
    /// The text as a reader sees it (entities decoded).
    pub text: String,
    /// Anchor point on the baseline.
    pub at: Pt,
    /// Which end `at` is.
    pub anchor: Anchor,
    /// The layer it is in: `labels`, `furniture`...
    pub layer: String,
    /// The view it belongs to: 0 the main map, 1.. the insets; `None` outside the map.
    pub view: Option<usize>,
}

/// A numbered stop marker.
#[derive(Debug, Clone)]
pub struct Marker {
    /// Centre.
    pub c: Pt,
    /// Radius.
    pub r: f64,
    /// Stop numbers (1-based, visiting order) it stands for.
    pub numbers: Vec<usize>,
}

/// A small dot: a stop's true place when its marker was moved, or a stop drawn in an inset.
#[derive(Debug, Clone)]
pub struct Dot {
    /// Centre.
    pub c: Pt,
    /// Radius.
    pub r: f64,
    /// Stop numbers from `data-stop`; empty when the map does not say.
    pub numbers: Vec<usize>,
}

/// One leg as drawn: its polylines (curves flattened) and its arrowhead.
#[derive(Debug, Clone)]
pub struct LegLine {
    /// Polylines in page pixels.
    pub parts: Vec<Vec<Pt>>,
    /// The leg's number (leg 1 joins stops 1 and 2) from `data-leg`; `None` when not given.
    pub leg: Option<usize>,
    /// The arrowhead drawn after it, as a polygon.
    pub arrow: Option<Vec<Pt>>,
}

/// A stop's label.
#[derive(Debug, Clone)]
pub struct Label {
    /// Its lines of text: `label-name`, `label-date`, `note`.
    pub lines: Vec<Text>,
    /// The name line as drawn (may end in `…` when cut).
    pub name: String,
    /// Its box: the callout's, or the box around its lines (text metrics of the map's own
    /// width table and the sizes in the map's style sheet).
    pub bbox: Rect,
    /// Its leader line, when it stands away from its marker.
    pub leader: Option<(Pt, Pt)>,
    /// Stop numbers from `data-stop`; empty when the map does not say.
    pub numbers: Vec<usize>,
}

/// The main map or one inset.
#[derive(Debug, Clone)]
pub struct View {
    /// Its frame.
    pub rect: Rect,
    /// Markers drawn in it.
    pub markers: Vec<Marker>,
    /// Dots drawn in it.
    pub dots: Vec<Dot>,
    /// Legs drawn in it, in document order.
    pub legs: Vec<LegLine>,
    /// Labels drawn in it.
    pub labels: Vec<Label>,
    /// Leaders from a dot to a moved marker (not those of labels).
    pub leaders: Vec<(Pt, Pt)>,
    /// Locator boxes (on the main map: where an inset's area is).
    pub locators: Vec<Rect>,
}

impl View {
    fn new(rect: Rect) -> View {
        View {
            rect,
            markers: Vec::new(),
            dots: Vec::new(),
            legs: Vec::new(),
            labels: Vec::new(),
            leaders: Vec::new(),
            locators: Vec::new(),
        }
    }
}

/// A map SVG as the checks see it.
#[derive(Debug, Clone)]
pub struct Reading {
    /// Page width (viewBox).
    pub width: f64,
    /// Page height (viewBox).
    pub height: f64,
    /// The `<title>` text.
    pub title: String,
    /// The `<desc>` text.
    pub desc: String,
    /// Views: `views[0]` is the main map, then the insets in document order.
    pub views: Vec<View>,
    /// Every `<text>` in document order, `<title>` and `<desc>` aside.
    pub texts: Vec<Text>,
    /// The main scale bar: its length in pixels and its label (`200 km`).
    pub scale_bar: Option<(f64, String)>,
    /// Whether the map carries `data-stop` attributes (see the module docs).
    pub annotated: bool,
    /// The prefix of its ids and classes.
    pub prefix: String,
    /// Its style sheet.
    pub css: String,
}

impl Reading {
    /// The texts of one class, in document order.
    pub fn texts_of<'a>(&'a self, class: &'a str) -> impl Iterator<Item = &'a Text> + 'a {
        self.texts.iter().filter(move |t| t.class == class)
    }

    /// The main map's frame.
    pub fn frame(&self) -> Rect {
        self.views[0].rect
    }
}

/// Font size (px) and boldness of each text class, from the map's style sheet.
struct Fonts(Vec<(String, f64, bool)>);

impl Fonts {
    fn parse(css: &str, prefix: &str) -> Fonts {
        let mut out = Vec::new();
        for rule in css.split('}') {
            let Some((sel, decls)) = rule.split_once('{') else {
                continue;
            };
            let size = decls.split(';').find_map(|d| {
                let (k, v) = d.split_once(':')?;
                (k.trim() == "font-size").then(|| v.trim().trim_end_matches("px").parse().ok())?
            });
            let bold = decls.split(';').any(|d| {
                d.split_once(':').is_some_and(|(k, v)| {
                    k.trim() == "font-weight" && matches!(v.trim(), "700" | "bold" | "800" | "900")
                })
            });
            for s in sel.split(',') {
                if let Some(class) = s.trim().strip_prefix(&format!(".{prefix}-"))
                    && let Some(size) = size
                {
                    out.push((class.to_string(), size, bold));
                }
            }
        }
        Fonts(out)
    }

    fn of(&self, class: &str) -> (f64, bool) {
        self.0
            .iter()
            .rev()
            .find(|(c, _, _)| c == class)
            .map(|(_, s, b)| (*s, *b))
            .unwrap_or((12.0, false))
    }
}

/// The box of a line of text, from the map's own width table (`tripmap::scene::text_metrics`).
pub fn text_box(t: &Text, size: f64, bold: bool) -> Rect {
    use tripmap::scene::text_metrics::{Weight, ascent_px, descent_px, width_px};
    let w = width_px(
        &t.text,
        size,
        if bold { Weight::Bold } else { Weight::Regular },
    );
    let x0 = match t.anchor {
        Anchor::Start => t.at.0,
        Anchor::Middle => t.at.0 - w / 2.0,
        Anchor::End => t.at.0 - w,
    };
    Rect {
        x0,
        y0: t.at.1 - ascent_px(size),
        x1: x0 + w,
        y1: t.at.1 + descent_px(size),
    }
}

struct Walker {
    prefix: String,
    fonts: Fonts,
    views: Vec<View>,
    texts: Vec<Text>,
    scale_paths: Vec<Vec<Pt>>,
    annotated: bool,
}

fn apply(ts: &Transform, p: Pt) -> Pt {
    (
        ts.a * p.0 + ts.c * p.1 + ts.e,
        ts.b * p.0 + ts.d * p.1 + ts.f,
    )
}

fn then(outer: &Transform, inner: &Transform) -> Transform {
    Transform::new(
        outer.a * inner.a + outer.c * inner.b,
        outer.b * inner.a + outer.d * inner.b,
        outer.a * inner.c + outer.c * inner.d,
        outer.b * inner.c + outer.d * inner.d,
        outer.a * inner.e + outer.c * inner.f + outer.e,
        outer.b * inner.e + outer.d * inner.f + outer.f,
    )
}

fn num(n: &Node, a: &str) -> f64 {
    n.attribute(a)
        .and_then(|v| v.trim().trim_end_matches("px").parse().ok())
        .unwrap_or(0.0)
}

fn numbers_attr(n: &Node, a: &str) -> Option<Vec<usize>> {
    n.attribute(a).map(|v| {
        v.split([' ', ','])
            .filter_map(|s| s.trim().parse().ok())
            .collect()
    })
}

/// The numbers written on a marker: `1,3` → [1, 3].
pub fn numbers_in(text: &str) -> Vec<usize> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// Path data as polylines, curves flattened into 8 steps each.
pub fn path_polylines(d: &str) -> Vec<Vec<Pt>> {
    let mut out: Vec<Vec<Pt>> = Vec::new();
    let mut cur: Vec<Pt> = Vec::new();
    let mut start = (0.0, 0.0);
    for seg in SimplifyingPathParser::from(d) {
        let Ok(seg) = seg else { break };
        let last = cur.last().copied().unwrap_or(start);
        match seg {
            SimplePathSegment::MoveTo { x, y } => {
                if cur.len() > 1 {
                    out.push(std::mem::take(&mut cur));
                }
                cur.clear();
                start = (x, y);
                cur.push((x, y));
            }
            SimplePathSegment::LineTo { x, y } => cur.push((x, y)),
            SimplePathSegment::CurveTo {
                x1,
                y1,
                x2,
                y2,
                x,
                y,
            } => {
                for k in 1..=8 {
                    let t = f64::from(k) / 8.0;
                    let u = 1.0 - t;
                    let b = |p0: f64, p1: f64, p2: f64, p3: f64| {
                        u * u * u * p0
                            + 3.0 * u * u * t * p1
                            + 3.0 * u * t * t * p2
                            + t * t * t * p3
                    };
                    cur.push((b(last.0, x1, x2, x), b(last.1, y1, y2, y)));
                }
            }
            SimplePathSegment::Quadratic { x1, y1, x, y } => {
                for k in 1..=8 {
                    let t = f64::from(k) / 8.0;
                    let u = 1.0 - t;
                    let b = |p0: f64, p1: f64, p2: f64| u * u * p0 + 2.0 * u * t * p1 + t * t * p2;
                    cur.push((b(last.0, x1, x), b(last.1, y1, y)));
                }
            }
            SimplePathSegment::ClosePath => {
                cur.push(start);
                out.push(std::mem::take(&mut cur));
                cur.push(start);
            }
        }
    }
    if cur.len() > 1 {
        out.push(cur);
    }
    out
}

impl Walker {
    /// The element's class without the map's prefix (the first class token that has it).
    fn class(&self, n: &Node) -> Option<String> {
        let p = format!("{}-", self.prefix);
        n.attribute("class")?
            .split_whitespace()
            .find_map(|c| c.strip_prefix(&p))
            .map(str::to_string)
    }

    /// What the element is, from its class tokens: the first known kind among them, with
    /// styled variants folded in (`leg-ferry` is a `leg`, `arrow-flight` an `arrow`), else its
    /// first class.
    fn kind(&self, n: &Node) -> String {
        const KINDS: [&str; 15] = [
            "inset",
            "inset-frame",
            "inset-bg",
            "marker",
            "marker-dot",
            "marker-num",
            "label",
            "leader",
            "callout",
            "dot",
            "leg",
            "arrow",
            "locator",
            "frame",
            "scale",
        ];
        let p = format!("{}-", self.prefix);
        let tokens: Vec<&str> = n
            .attribute("class")
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|c| c.strip_prefix(&p))
            .collect();
        for t in &tokens {
            if KINDS.contains(t) {
                return t.to_string();
            }
            for family in ["leg", "arrow"] {
                if t.strip_prefix(family).is_some_and(|r| r.starts_with('-')) {
                    return family.to_string();
                }
            }
        }
        tokens.first().map(|t| t.to_string()).unwrap_or_default()
    }

    fn text_of(&self, n: &Node, ts: &Transform, layer: &str, view: Option<usize>) -> Text {
        let at = apply(ts, (num(n, "x"), num(n, "y")));
        let anchor = match n.attribute("text-anchor") {
            Some("middle") => Anchor::Middle,
            Some("end") => Anchor::End,
            _ => Anchor::Start,
        };
        Text {
            class: self.class(n).unwrap_or_default(),
            text: n
                .descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect(),
            at,
            anchor,
            layer: layer.to_string(),
            view,
        }
    }

    fn walk(&mut self, n: Node, ts: Transform, layer: &str, view: Option<usize>) {
        let ts = match n.attribute("transform") {
            Some(t) => then(&ts, &t.parse::<Transform>().unwrap_or_default()),
            None => ts,
        };
        let class = self.kind(&n);
        let mut layer = layer.to_string();
        let mut view = view;
        if n.has_tag_name("g")
            && let Some(id) = n.attribute("id")
            && let Some(name) = id.strip_prefix(&format!("{}-", self.prefix))
        {
            layer = name.to_string();
            if ["basemap", "route", "stops", "labels", "insets"].contains(&name) {
                view = Some(0);
            } else {
                view = None;
            }
        }
        if n.has_tag_name("text") && !n.text().unwrap_or("").is_empty() {
            let t = self.text_of(&n, &ts, &layer, view);
            self.texts.push(t);
            return;
        }
        match (n.tag_name().name(), class.as_str()) {
            ("g", "inset") => {
                let frame = n
                    .descendants()
                    .find(|c| {
                        c.has_tag_name("rect")
                            && matches!(self.kind(c).as_str(), "inset-frame" | "inset-bg")
                    })
                    .map(|r| self.rect_of(&r, &ts))
                    .unwrap_or(Rect::xywh(0.0, 0.0, 0.0, 0.0));
                self.views.push(View::new(frame));
                let v = self.views.len() - 1;
                for c in n.children().filter(|c| c.is_element()) {
                    self.walk(c, ts, &layer, Some(v));
                }
            }
            ("g", "marker") if view.is_some() => {
                let disc = n.descendants().find(|c| self.kind(c) == "marker-dot");
                let number = n.descendants().find(|c| self.kind(c) == "marker-num");
                if let Some(d) = disc {
                    let numbers = match numbers_attr(&n, "data-stop") {
                        Some(v) => {
                            self.annotated = true;
                            v
                        }
                        None => numbers_in(number.and_then(|t| t.text()).unwrap_or("")),
                    };
                    let c = apply(&ts, (num(&d, "cx"), num(&d, "cy")));
                    self.views[view.unwrap()].markers.push(Marker {
                        c,
                        r: num(&d, "r") * ts.a.abs().max(1e-9),
                        numbers,
                    });
                }
                if let Some(t) = number {
                    let t = self.text_of(&t, &ts, &layer, view);
                    self.texts.push(t);
                }
            }
            ("g", "label") if view.is_some() => {
                let mut lines = Vec::new();
                let mut leader = None;
                let mut callout = None;
                for c in n.descendants().filter(|c| c.is_element()) {
                    match (c.tag_name().name(), Some(self.kind(&c).as_str())) {
                        ("text", _) => lines.push(self.text_of(&c, &ts, &layer, view)),
                        ("line", Some("leader")) => {
                            leader = Some((
                                apply(&ts, (num(&c, "x1"), num(&c, "y1"))),
                                apply(&ts, (num(&c, "x2"), num(&c, "y2"))),
                            ))
                        }
                        ("path", Some("leader")) => {
                            let pts: Vec<Pt> = path_polylines(c.attribute("d").unwrap_or(""))
                                .concat()
                                .into_iter()
                                .map(|p| apply(&ts, p))
                                .collect();
                            if let (Some(&a), Some(&b)) = (pts.first(), pts.last()) {
                                leader = Some((a, b));
                            }
                        }
                        ("rect", Some("callout")) => callout = Some(self.rect_of(&c, &ts)),
                        _ => {}
                    }
                }
                let bbox = callout.unwrap_or_else(|| {
                    lines
                        .iter()
                        .map(|t| {
                            let (size, bold) = self.fonts.of(&t.class);
                            text_box(t, size, bold)
                        })
                        .reduce(|a, b| Rect {
                            x0: a.x0.min(b.x0),
                            y0: a.y0.min(b.y0),
                            x1: a.x1.max(b.x1),
                            y1: a.y1.max(b.y1),
                        })
                        .unwrap_or(Rect::xywh(0.0, 0.0, 0.0, 0.0))
                });
                let name = lines
                    .iter()
                    .find(|t| t.class == "label-name")
                    .map(|t| t.text.clone())
                    .unwrap_or_default();
                let numbers = numbers_attr(&n, "data-stop").unwrap_or_default();
                self.annotated |= !numbers.is_empty();
                self.texts.extend(lines.iter().cloned());
                self.views[view.unwrap()].labels.push(Label {
                    lines,
                    name,
                    bbox,
                    leader,
                    numbers,
                });
            }
            ("circle", "dot") if view.is_some() => {
                let c = apply(&ts, (num(&n, "cx"), num(&n, "cy")));
                self.views[view.unwrap()].dots.push(Dot {
                    c,
                    r: num(&n, "r"),
                    numbers: numbers_attr(&n, "data-stop").unwrap_or_default(),
                });
            }
            ("line", "leader") if view.is_some() => {
                let seg = (
                    apply(&ts, (num(&n, "x1"), num(&n, "y1"))),
                    apply(&ts, (num(&n, "x2"), num(&n, "y2"))),
                );
                self.views[view.unwrap()].leaders.push(seg);
            }
            ("path", "leg") if view.is_some() => {
                let parts = path_polylines(n.attribute("d").unwrap_or(""))
                    .into_iter()
                    .map(|p| p.into_iter().map(|q| apply(&ts, q)).collect())
                    .collect();
                self.views[view.unwrap()].legs.push(LegLine {
                    parts,
                    leg: n.attribute("data-leg").and_then(|v| v.trim().parse().ok()),
                    arrow: None,
                });
            }
            ("path", "arrow") if view.is_some() => {
                let poly: Vec<Pt> = path_polylines(n.attribute("d").unwrap_or(""))
                    .concat()
                    .into_iter()
                    .map(|q| apply(&ts, q))
                    .collect();
                if let Some(last) = self.views[view.unwrap()].legs.last_mut()
                    && last.arrow.is_none()
                {
                    last.arrow = Some(poly);
                }
            }
            ("rect", "locator") if view.is_some() => {
                let r = self.rect_of(&n, &ts);
                self.views[view.unwrap()].locators.push(r);
            }
            ("rect", "frame") if layer == "furniture" => {
                self.views[0].rect = self.rect_of(&n, &ts);
            }
            ("path", "scale") if layer == "furniture" => {
                let pts: Vec<Pt> = path_polylines(n.attribute("d").unwrap_or(""))
                    .concat()
                    .into_iter()
                    .map(|q| apply(&ts, q))
                    .collect();
                self.scale_paths.push(pts);
            }
            _ => {
                for c in n.children().filter(|c| c.is_element()) {
                    self.walk(c, ts, &layer, view);
                }
            }
        }
    }

    fn rect_of(&self, n: &Node, ts: &Transform) -> Rect {
        let a = apply(ts, (num(n, "x"), num(n, "y")));
        let b = apply(
            ts,
            (
                num(n, "x") + num(n, "width"),
                num(n, "y") + num(n, "height"),
            ),
        );
        Rect {
            x0: a.0.min(b.0),
            y0: a.1.min(b.1),
            x1: a.0.max(b.0),
            y1: a.1.max(b.1),
        }
    }
}

/// Parses a scale bar's label: `1,000 km` → 1000 km, `0.2 km`, `500 m`, `20 mi`.
pub fn scale_label_km(label: &str) -> Option<f64> {
    let (v, unit) = label.trim().rsplit_once(' ')?;
    let v: f64 = v.replace([',', '\u{202f}', '\u{a0}'], "").parse().ok()?;
    match unit {
        "km" => Some(v),
        "m" => Some(v / 1000.0),
        "mi" => Some(v * 1.609_344),
        "ft" => Some(v * 0.000_304_8),
        _ => None,
    }
}

/// Reads a map SVG (see the module docs). Fails only when the text is not an SVG document.
pub fn read(svg: &str) -> Result<Reading, String> {
    let doc = Document::parse(svg).map_err(|e| format!("not XML: {e}"))?;
    let root = doc.root_element();
    if !root.has_tag_name("svg") {
        return Err("the root element is not <svg>".into());
    }
    let vb: Vec<f64> = root
        .attribute("viewBox")
        .unwrap_or("0 0 0 0")
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    let (width, height) = match vb.as_slice() {
        [_, _, w, h] => (*w, *h),
        _ => (num(&root, "width"), num(&root, "height")),
    };
    let prefix = root
        .attribute("class")
        .and_then(|c| c.split_whitespace().next())
        .unwrap_or("")
        .to_string();
    let text_child = |tag: &str| {
        root.children()
            .find(|c| c.has_tag_name(tag))
            .map(|c| c.descendants().filter_map(|d| d.text()).collect::<String>())
            .unwrap_or_default()
    };
    let css: String = root
        .children()
        .filter(|c| c.has_tag_name("style"))
        .flat_map(|c| c.descendants().filter_map(|d| d.text()))
        .collect();
    let mut w = Walker {
        fonts: Fonts::parse(&css, &prefix),
        prefix: prefix.clone(),
        views: vec![View::new(Rect::xywh(0.0, 0.0, width, height))],
        texts: Vec::new(),
        scale_paths: Vec::new(),
        annotated: false,
    };
    for c in root
        .children()
        .filter(|c| c.is_element() && !c.has_tag_name("title") && !c.has_tag_name("desc"))
    {
        w.walk(c, Transform::default(), "", None);
    }
    // The main scale bar: the furniture's bar (the longest, if several) and the legend text
    // set just left of it.
    let scale_bar = w
        .scale_paths
        .iter()
        .filter_map(|p| {
            let r = Rect::around(p.iter().copied())?;
            let label = w.texts.iter().find(|t| {
                t.layer == "furniture"
                    && scale_label_km(&t.text).is_some()
                    && (t.at.1 - r.y1).abs() < 8.0
                    && ((t.at.0 - r.x0).abs() < 12.0 || (t.at.0 - r.x1).abs() < 12.0)
            })?;
            Some((r.w(), label.text.clone()))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    Ok(Reading {
        width,
        height,
        title: text_child("title"),
        desc: text_child("desc"),
        views: w.views,
        texts: w.texts,
        scale_bar,
        annotated: w.annotated,
        prefix,
        css,
    })
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn paths_and_scale_labels() {
        let p = path_polylines("M1 2l3 4-1.5 0M10 10L20 20");
        assert_eq!(
            p,
            vec![
                vec![(1.0, 2.0), (4.0, 6.0), (2.5, 6.0)],
                vec![(10.0, 10.0), (20.0, 20.0)]
            ]
        );
        assert_eq!(path_polylines("M0 0Q5 5 10 0").concat().len(), 9);
        assert_eq!(scale_label_km("1,000 km"), Some(1000.0));
        assert_eq!(scale_label_km("500 m"), Some(0.5));
        assert_eq!(numbers_in("1,3"), vec![1, 3]);
    }
}
