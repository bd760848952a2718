//! The `--colour-by` palettes against the themes they are drawn on: every colour keeps WCAG
//! 2.1 contrast of 3:1 (graphics) against the page, land, sea, lakes and visited countries, and
//! 4.5:1 against the marker numbers written on it; under simulated protanopia and deuteranopia
//! (Machado, Oliveira and Fernandes 2009 at full severity, and Viénot, Brettel and Mollon 1999,
//! both applied to linear sRGB) any two colours of the categorical palettes, and neighbouring
//! steps of the sequential ones, stay apart by CIEDE2000 (the `palette` crate's), and the
//! sequential ones keep their order of lightness. Neighbouring days must also stay apart at the
//! size they are drawn: a numbered marker 16 px across, which Stone, Szafir and Setlur's model of
//! colour difference as a function of size ("An Engineering Model for Color Difference as a
//! Function of Size", Color and Imaging Conference 2014) judges in noticeable differences. Each
//! check is also shown failing on a palette that should fail it.

use palette::color_difference::{Ciede2000, Wcag21RelativeContrast};
use palette::{FromColor, Lab, LinSrgb, Srgb};
use tripmap::scene::Theme;
use tripmap::scene::colour::palette::{
    CATEGORICAL_DARK, CATEGORICAL_LIGHT, SEQUENTIAL_DARK, SEQUENTIAL_LIGHT,
};
use tripmap::scene::theme::{DARK, LIGHT};

type Matrix = [[f64; 3]; 3];

/// Machado et al. 2009, severity 1.0 (linear RGB).
const MACHADO_PROTANOPIA: Matrix = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const MACHADO_DEUTERANOPIA: Matrix = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
/// Viénot et al. 1999, as one matrix on linear sRGB (as in DaltonLens' reference code).
const VIENOT_PROTANOPIA: Matrix = [
    [0.11238, 0.88762, 0.0],
    [0.11238, 0.88762, 0.0],
    [0.00401, -0.00401, 1.0],
];
const VIENOT_DEUTERANOPIA: Matrix = [
    [0.29275, 0.70725, 0.0],
    [0.29275, 0.70725, 0.0],
    [-0.02234, 0.02234, 1.0],
];
const NORMAL: Matrix = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

/// Every way of seeing the colours that the palettes are checked under.
const VISIONS: [(&str, Matrix); 5] = [
    ("normal", NORMAL),
    ("protanopia (Machado)", MACHADO_PROTANOPIA),
    ("deuteranopia (Machado)", MACHADO_DEUTERANOPIA),
    ("protanopia (Viénot)", VIENOT_PROTANOPIA),
    ("deuteranopia (Viénot)", VIENOT_DEUTERANOPIA),
];

/// Least CIEDE2000 difference between two categorical colours, under every vision.
const CATEGORICAL_MIN_DE: f64 = 10.0;
/// Least CIEDE2000 difference between neighbouring sequential steps, under every vision.
const SEQUENTIAL_MIN_DE: f64 = 6.0;

/// Least difference between neighbouring sequential steps at marker size, under every vision, in
/// noticeable differences (see [`marker_difference`]).
const SEQUENTIAL_MIN_MARKER_ND: f64 = 2.5;

/// A numbered marker's diameter in CSS px (`2 × 8`, the least marker radius).
const MARKER_PX: f64 = 16.0;
/// The visual angle of one CSS px in degrees: the CSS reference pixel, 1/96 inch seen at arm's
/// length (28 inches).
const CSS_PX_DEGREES: f64 = 0.0213;

/// The CIELAB differences along L*, a* and b* that half of viewers notice between two patches
/// `degrees` across (Stone, Szafir and Setlur 2014: each axis `C + K / size`). Small marks need
/// much larger differences than large ones, in b* (blue–yellow) most of all.
fn noticeable_difference(degrees: f64) -> [f64; 3] {
    [
        5.079 + 0.751 / degrees,
        5.339 + 1.541 / degrees,
        5.349 + 2.871 / degrees,
    ]
}

/// How far apart `a` and `b` look to a reader with vision `m` as patches `degrees` across:
/// their CIELAB difference in noticeable differences (the Euclidean length of the difference
/// with each axis divided by its noticeable difference at that size).
fn sized_difference(a: &str, b: &str, m: &Matrix, degrees: f64) -> f64 {
    let nd = noticeable_difference(degrees);
    let (x, y) = (seen(a, m), seen(b, m));
    let d = [
        (x.l - y.l) / nd[0],
        (x.a - y.a) / nd[1],
        (x.b - y.b) / nd[2],
    ];
    d.iter().map(|v| v * v).sum::<f64>().sqrt()
}

/// [`sized_difference`] at the size of a marker.
fn marker_difference(a: &str, b: &str, m: &Matrix) -> f64 {
    sized_difference(a, b, m, MARKER_PX * CSS_PX_DEGREES)
}

/// Pairs (`pairs` of indices into `colours`) closer than `min` noticeable differences at marker
/// size under some vision.
fn marker_problems(colours: &[&str], pairs: &[(usize, usize)], min: f64) -> Vec<String> {
    closer_than(
        colours,
        pairs,
        (marker_difference, min),
        "noticeable differences as markers",
    )
}

fn srgb(hex: &str) -> Srgb<f64> {
    hex.parse::<Srgb<u8>>()
        .unwrap_or_else(|e| panic!("{hex}: {e}"))
        .into_format()
}

/// `hex` as a reader with vision `m` sees it, in CIELAB.
fn seen(hex: &str, m: &Matrix) -> Lab<palette::white_point::D65, f64> {
    let c: LinSrgb<f64> = srgb(hex).into_linear();
    let v = [c.red, c.green, c.blue];
    let row = |r: &[f64; 3]| (r[0] * v[0] + r[1] * v[1] + r[2] * v[2]).clamp(0.0, 1.0);
    Lab::from_color(LinSrgb::new(row(&m[0]), row(&m[1]), row(&m[2])))
}

fn difference(a: &str, b: &str, m: &Matrix) -> f64 {
    seen(a, m).difference(seen(b, m))
}

/// What the colours are drawn on.
fn backgrounds(t: &Theme) -> [&'static str; 5] {
    [t.page, t.land, t.ocean, t.lake, t.visited]
}

/// Colours under 3:1 against a background of `t`, or under 4.5:1 against its marker numbers.
fn contrast_problems(colours: &[&str], t: &Theme) -> Vec<String> {
    let mut out = Vec::new();
    for &c in colours {
        for bg in backgrounds(t) {
            let r = srgb(c).relative_contrast(srgb(bg));
            if r < 3.0 {
                out.push(format!("{c} on {bg} ({}): {r:.2}:1", t.name));
            }
        }
        let r = srgb(c).relative_contrast(srgb(t.marker_text));
        if r < 4.5 {
            out.push(format!(
                "{c} under numbers {} ({}): {r:.2}:1",
                t.marker_text, t.name
            ));
        }
    }
    out
}

/// Pairs (`pairs` of indices into `colours`) closer than `min` CIEDE2000 under some vision.
fn distinctness_problems(colours: &[&str], pairs: &[(usize, usize)], min: f64) -> Vec<String> {
    closer_than(colours, pairs, (difference, min), "ΔE00")
}

/// A way of measuring how far apart two colours look to a reader with some vision.
type Measure = fn(&str, &str, &Matrix) -> f64;

/// Pairs (`pairs` of indices into `colours`) that `measure` puts closer than `min` under some
/// vision, each said with the measure's `unit`.
fn closer_than(
    colours: &[&str],
    pairs: &[(usize, usize)],
    (measure, min): (Measure, f64),
    unit: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    for (name, m) in VISIONS {
        for &(i, j) in pairs {
            let d = measure(colours[i], colours[j], &m);
            if d < min {
                out.push(format!(
                    "{} and {} under {name}: {d:.2} {unit}",
                    colours[i], colours[j]
                ));
            }
        }
    }
    out
}

fn all_pairs(n: usize) -> Vec<(usize, usize)> {
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect()
}

fn neighbours(n: usize) -> Vec<(usize, usize)> {
    (1..n).map(|i| (i - 1, i)).collect()
}

/// Sequential steps whose lightness does not rise (light theme) or fall... in one direction
/// under some vision.
fn order_problems(colours: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, m) in VISIONS {
        let l: Vec<f64> = colours.iter().map(|c| seen(c, &m).l).collect();
        let rising = l.windows(2).all(|w| w[1] > w[0]);
        let falling = l.windows(2).all(|w| w[1] < w[0]);
        if !(rising || falling) {
            out.push(format!("lightness out of order under {name}: {l:.1?}"));
        }
    }
    out
}

#[test]
fn every_palette_colour_stands_out_on_its_theme() {
    let mut problems = Vec::new();
    for (colours, theme) in [
        (&SEQUENTIAL_LIGHT[..], &LIGHT),
        (&CATEGORICAL_LIGHT[..], &LIGHT),
        (&SEQUENTIAL_DARK[..], &DARK),
        (&CATEGORICAL_DARK[..], &DARK),
    ] {
        problems.extend(contrast_problems(colours, theme));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn categorical_colours_stay_apart_for_colour_blind_readers() {
    let mut problems = Vec::new();
    for colours in [&CATEGORICAL_LIGHT[..], &CATEGORICAL_DARK[..]] {
        problems.extend(distinctness_problems(
            colours,
            &all_pairs(colours.len()),
            CATEGORICAL_MIN_DE,
        ));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn sequential_steps_stay_apart_and_in_order_for_colour_blind_readers() {
    let mut problems = Vec::new();
    for colours in [&SEQUENTIAL_LIGHT[..], &SEQUENTIAL_DARK[..]] {
        problems.extend(distinctness_problems(
            colours,
            &neighbours(colours.len()),
            SEQUENTIAL_MIN_DE,
        ));
        problems.extend(order_problems(colours));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn neighbouring_days_stay_apart_as_markers_for_every_reader() {
    let problems: Vec<String> = [&SEQUENTIAL_LIGHT[..], &SEQUENTIAL_DARK[..]]
        .iter()
        .flat_map(|c| marker_problems(c, &neighbours(c.len()), SEQUENTIAL_MIN_MARKER_ND))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_checks_catch_palettes_that_fail_them() {
    // Pale yellow on a white page; orange too light for white numbers.
    assert_eq!(contrast_problems(&["#ffe680"], &LIGHT).len(), 6);
    assert!(!contrast_problems(&["#ff9933"], &LIGHT).is_empty());
    // Navy on the dark sea.
    assert!(!contrast_problems(&["#1e1f60"], &DARK).is_empty());
    // The classic red and green: apart for most readers, one colour for protanopes and
    // deuteranopes (and only for them).
    let red_green = ["#d62728", "#2ca02c"];
    let p = distinctness_problems(&red_green, &[(0, 1)], CATEGORICAL_MIN_DE);
    assert!(p.iter().any(|p| p.contains("deuteranopia")), "{p:?}");
    assert!(p.iter().all(|p| !p.contains("normal")), "{p:?}");
    // The day palettes before this check: 3 and 4 Nov of the reference trip (its second and
    // third steps, dark teal and dark green of one lightness) looked alike as markers, although
    // ΔE00 put them 12.9 apart; several neighbours fail for colour-blind readers too.
    let light_before = [
        "#00306b", "#004c5c", "#005148", "#005531", "#795000", "#ab3e46", "#b03f6a",
    ];
    let dark_before = [
        "#318de3", "#00b4f4", "#00cedd", "#00d9c7", "#00e3ac", "#4eed81", "#fff237",
    ];
    assert!(distinctness_problems(&light_before, &neighbours(7), SEQUENTIAL_MIN_DE).is_empty());
    let p = marker_problems(&light_before, &[(1, 2)], SEQUENTIAL_MIN_MARKER_ND);
    assert!(p.iter().any(|p| p.contains("normal")), "{p:?}");
    assert!(!marker_problems(&dark_before, &neighbours(7), SEQUENTIAL_MIN_MARKER_ND).is_empty());
    // Size matters: the same two colours are further apart as large patches than as markers.
    let m = &VISIONS[0].1;
    let at = |degrees| sized_difference("#004c5c", "#005148", m, degrees);
    assert!(at(2.0) > at(MARKER_PX * CSS_PX_DEGREES));
    // A "sequential" palette whose lightness goes down and up again.
    assert!(!order_problems(&["#00306b", "#ab3e46", "#004c5c"]).is_empty());
}

#[test]
fn simulators_leave_greys_grey() {
    // A grey is seen as itself by every simulation (each matrix's rows sum to 1).
    for (name, m) in VISIONS {
        let d = difference("#777777", "#777777", &m);
        assert!(d < 1e-9, "{name}");
        let g = seen("#777777", &m);
        assert!(g.a.abs() < 0.5 && g.b.abs() < 0.5, "{name}: {g:?}");
    }
}
