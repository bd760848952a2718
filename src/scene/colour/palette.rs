//! The palettes of `--colour-by`: a sequential one for days and a categorical one for legs,
//! modes and trips, each in a light and a dark version. In: the theme and how many colours.
//! Out: CSS hex colours.
//!
//! Every colour keeps 3:1 contrast (WCAG 2, for lines and shapes) against the theme's page,
//! land, sea and visited-country fills, and 4.5:1 against the marker numbers written on it;
//! neighbouring steps of the sequential palette, and any two colours of the categorical one,
//! stay apart under simulated protanopia and deuteranopia, also at the size of a marker
//! (`tests/palettes.rs` checks all of this). The sequential palettes turn one way round the
//! hues while their lightness rises step by step: dark red, purple, blue, teal, green, olive
//! on a light map; violet-blue, blue, teal, green, yellow, sand, pale pink on a dark one.
//! Lightness, which every reader sees, and a marker this small shows best, changes by a
//! clear step from each day to the next.

use crate::scene::Theme;

/// Day colours on a light map, earliest first.
pub const SEQUENTIAL_LIGHT: [&str; 7] = [
    "#530c07", "#510272", "#0c00d0", "#074db7", "#036786", "#1b7751", "#498503",
];
/// Day colours on a dark map, earliest first.
pub const SEQUENTIAL_DARK: [&str; 7] = [
    "#7672ff", "#5398ce", "#3ead95", "#68cd73", "#ddce02", "#f0d28d", "#f9d5e4",
];
/// Colours for legs, modes and trips on a light map, most distinct first.
pub const CATEGORICAL_LIGHT: [&str; 6] = [
    "#0b5fa5", "#c0440f", "#2d2d2d", "#a3195b", "#0a7f86", "#880000",
];
/// Colours for legs, modes and trips on a dark map, most distinct first.
pub const CATEGORICAL_DARK: [&str; 6] = [
    "#66b3ff", "#ff8f4d", "#e6e6e6", "#ff7ab8", "#6fd08c", "#789078",
];

/// The sequential palette for `theme`.
pub fn sequential(theme: &Theme) -> &'static [&'static str] {
    if theme.name == "dark" {
        &SEQUENTIAL_DARK
    } else {
        &SEQUENTIAL_LIGHT
    }
}

/// The categorical palette for `theme`.
pub fn categorical(theme: &Theme) -> &'static [&'static str] {
    if theme.name == "dark" {
        &CATEGORICAL_DARK
    } else {
        &CATEGORICAL_LIGHT
    }
}

/// `n` colours spread evenly over the sequential palette, first and last at its ends (one
/// colour: the middle); `n` is at most the palette's length.
pub fn sequential_steps(theme: &Theme, n: usize) -> Vec<&'static str> {
    let p = sequential(theme);
    let n = n.clamp(1, p.len());
    if n == 1 {
        return vec![p[p.len() / 2]];
    }
    (0..n)
        .map(|i| p[(i * (p.len() - 1) + (n - 1) / 2) / (n - 1)])
        .collect()
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::theme::{DARK, LIGHT};

    #[test]
    fn steps_keep_both_ends_and_their_order() {
        assert_eq!(sequential_steps(&LIGHT, 7), SEQUENTIAL_LIGHT.to_vec());
        assert_eq!(
            sequential_steps(&DARK, 2),
            [SEQUENTIAL_DARK[0], SEQUENTIAL_DARK[6]]
        );
        let three = sequential_steps(&LIGHT, 3);
        assert_eq!(
            three,
            [
                SEQUENTIAL_LIGHT[0],
                SEQUENTIAL_LIGHT[3],
                SEQUENTIAL_LIGHT[6]
            ]
        );
        assert_eq!(sequential_steps(&LIGHT, 40).len(), 7);
        assert_eq!(sequential_steps(&LIGHT, 1), [SEQUENTIAL_LIGHT[3]]);
    }
}
