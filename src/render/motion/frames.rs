//! The animation as still pictures, for the videos: the scene as it stands at a moment of the
//! [`Schedule`]: each leg cut to the share of it drawn (its arrowheads shown once the line has
//! passed them), the markers and labels of the stops not yet reached left out (fading in over
//! [`FADE_S`](super::FADE_S)), and the date of the stop last reached in a corner. At or after
//! the end it is the scene itself.

use super::{Schedule, clock_box};
use crate::render::html::stops::Entry;
use crate::scene::{Item, Layer, Scene, Tag};

/// Polylines, pixels.
type Parts = [Vec<(f64, f64)>];

/// Length of a polyline.
fn length(points: &[(f64, f64)]) -> f64 {
    points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
        .sum()
}

/// `parts` cut to their first `share` (0 to 1) of their summed length.
fn cut(parts: &[Vec<(f64, f64)>], share: f64) -> Vec<Vec<(f64, f64)>> {
    let total: f64 = parts.iter().map(|p| length(p)).sum();
    let mut left = total * share;
    let mut out = Vec::new();
    for part in parts {
        if left <= 0.0 {
            break;
        }
        let mut kept = vec![part[0]];
        for w in part.windows(2) {
            let d = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
            if d <= left {
                kept.push(w[1]);
                left -= d;
            } else {
                let f = if d > 0.0 { left / d } else { 0.0 };
                kept.push((
                    w[0].0 + (w[1].0 - w[0].0) * f,
                    w[0].1 + (w[1].1 - w[0].1) * f,
                ));
                left = 0.0;
                break;
            }
        }
        out.push(kept);
    }
    out
}

/// Where along `parts` (a share of their length) the point nearest `p` lies.
fn share_at(parts: &[Vec<(f64, f64)>], p: (f64, f64)) -> f64 {
    let total: f64 = parts.iter().map(|q| length(q)).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let (mut best, mut best_d, mut walked) = (0.0, f64::INFINITY, 0.0);
    for part in parts {
        for w in part.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len2 = dx * dx + dy * dy;
            let f = if len2 > 0.0 {
                (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let q = (a.0 + dx * f, a.1 + dy * f);
            let d = (q.0 - p.0).hypot(q.1 - p.1);
            if d < best_d {
                best_d = d;
                best = walked + f * len2.sqrt();
            }
            walked += len2.sqrt();
        }
    }
    best / total
}

/// Centre of an arrowhead's outline.
fn centre(parts: &[Vec<(f64, f64)>]) -> (f64, f64) {
    let pts: Vec<&(f64, f64)> = parts.iter().flatten().collect();
    let n = pts.len().max(1) as f64;
    (
        pts.iter().map(|p| p.0).sum::<f64>() / n,
        pts.iter().map(|p| p.1).sum::<f64>() / n,
    )
}

/// How much of a stop-tagged item shows at `t`: 0 before its first stop is reached, rising to
/// 1 over the fade.
fn shown(s: &Schedule, stops: &[usize], t: f64) -> f64 {
    let at = stops
        .iter()
        .filter_map(|&k| s.stops.get(k.wrapping_sub(1)).copied())
        .fold(f64::INFINITY, f64::min);
    if !at.is_finite() {
        return 1.0;
    }
    ((t - at) / super::FADE_S).clamp(0.0, 1.0)
}

/// `items` as they stand at `t`. `last_leg` is the drawn share and outline of the leg before
/// (its arrowheads follow it).
fn items_at(items: &[Item], s: &Schedule, t: f64, stops_layer: bool) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    let mut last_leg: Option<(f64, &Parts)> = None;
    for item in items {
        match item {
            Item::Tagged {
                tag: Tag::Leg(k),
                item: inner,
            } => {
                if let Item::Path {
                    class,
                    parts,
                    closed,
                } = inner.as_ref()
                {
                    let (start, d) = s.legs.get(k - 1).copied().unwrap_or((0.0, 0.0));
                    let share = if d > 0.0 {
                        ((t - start) / d).clamp(0.0, 1.0)
                    } else {
                        f64::from(u8::from(t >= start))
                    };
                    last_leg = Some((share, parts));
                    if share >= 1.0 {
                        out.push(item.clone());
                    } else if share > 0.0 {
                        out.push(
                            Item::Path {
                                class,
                                parts: cut(parts, share),
                                closed: *closed,
                            }
                            .tagged(Tag::Leg(*k)),
                        );
                    }
                } else {
                    out.push(item.clone());
                }
            }
            Item::Path { class, parts, .. } if class.starts_with("arrow") => match last_leg {
                Some((share, leg)) if share < 1.0 => {
                    if share > 0.0 && share >= share_at(leg, centre(parts)) {
                        out.push(item.clone());
                    }
                }
                _ => out.push(item.clone()),
            },
            Item::Tagged {
                tag: Tag::Stops(v), ..
            } if stops_layer => {
                last_leg = None;
                let a = shown(s, v, t);
                if a >= 1.0 {
                    out.push(item.clone());
                } else if a > 0.0 {
                    out.push(Item::Painted {
                        css: format!("opacity:{a:.2}"),
                        items: vec![item.clone()],
                    });
                }
            }
            Item::Group { class, items } => {
                last_leg = None;
                out.push(Item::Group {
                    class,
                    items: items_at(items, s, t, stops_layer),
                });
            }
            _ => {
                last_leg = None;
                out.push(item.clone());
            }
        }
    }
    out
}

/// `scene` as it stands `t` seconds into `s` (the scene itself at or after the end), without
/// the layers named in `leave_out` (a background drawn once), with the date corner.
pub(crate) fn scene_at(
    scene: &Scene,
    s: &Schedule,
    entries: &[Entry],
    t: f64,
    leave_out: &[&str],
) -> Scene {
    let mut layers: Vec<Layer> = scene
        .layers
        .iter()
        .filter(|l| !leave_out.contains(&l.name))
        .map(|l| {
            if t >= s.total_s {
                return l.clone();
            }
            let stops_layer = matches!(l.name, "stops" | "labels" | "insets");
            Layer {
                name: l.name,
                offset: l.offset,
                items: items_at(&l.items, s, t, stops_layer),
            }
        })
        .collect();
    if t < s.total_s
        && let Some((rect, at)) = clock_box(scene, entries)
        && let Some(date) = entries.get(s.current_stop(t)).and_then(|e| e.dates.clone())
    {
        let t = &scene.theme;
        layers.push(Layer {
            name: "clock",
            offset: (0.0, 0.0),
            items: vec![
                Item::Painted {
                    css: format!(
                        "fill:{};fill-opacity:0.9;stroke:{};stroke-width:0.5",
                        t.halo, t.frame
                    ),
                    items: vec![Item::Rect {
                        class: "clock-box",
                        rect,
                    }],
                },
                // As the CSS draws `clock-date`, which has no rule in the map's style sheet.
                Item::Painted {
                    css: format!("fill:{};font-size:13px;font-weight:700", t.route),
                    items: vec![Item::Text {
                        class: "clock-date",
                        at,
                        anchor: crate::scene::Anchor::Middle,
                        text: date,
                    }],
                },
            ],
        });
    }
    Scene {
        layers,
        ..scene.clone()
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn legs_are_cut_by_length_and_arrows_found_along_them() {
        let parts = vec![
            vec![(0.0, 0.0), (10.0, 0.0)],
            vec![(10.0, 0.0), (10.0, 10.0)],
        ];
        assert_eq!(cut(&parts, 0.25), vec![vec![(0.0, 0.0), (5.0, 0.0)]]);
        assert_eq!(
            cut(&parts, 0.75),
            vec![
                vec![(0.0, 0.0), (10.0, 0.0)],
                vec![(10.0, 0.0), (10.0, 5.0)]
            ]
        );
        assert!((share_at(&parts, (10.5, 5.0)) - 0.75).abs() < 1e-9);
        assert!(cut(&parts, 0.0).is_empty());
    }
}
