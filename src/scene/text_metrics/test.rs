//! Unit tests of text measuring, truncating and line breaking.

use super::*;
use unicode_segmentation::UnicodeSegmentation;

#[test]
fn widths_come_from_the_bundled_fonts() {
    // DejaVu Sans: "0" is 1303/2048 em.
    assert!((width_px("00", 10.0, Weight::Regular) - 12.724609375).abs() < 1e-9);
    assert!(width_px("Amman", 12.0, Weight::Bold) > width_px("Amman", 12.0, Weight::Regular));
    assert_eq!(width_px("\u{202E}", 12.0, Weight::Regular), 0.0);
    // Full-width CJK: one em a character.
    assert!((width_px("東京", 10.0, Weight::Regular) - 20.0).abs() < 1e-9);
}

#[test]
fn truncates_and_wraps_within_width() {
    let long = "x".repeat(5000);
    let t = truncate_to(&long, 12.0, Weight::Regular, 100.0);
    assert!(t.ends_with('…') && width_px(&t, 12.0, Weight::Regular) <= 100.0);
    let lines = wrap(
        "Talks with Prime Minister Netanyahu, President Herzog and war-cabinet minister Gantz",
        10.0,
        Weight::Regular,
        120.0,
        3,
    );
    assert!(lines.len() == 3, "{lines:?}");
    for l in &lines {
        assert!(width_px(l, 10.0, Weight::Regular) <= 120.0, "{l}");
    }
    assert!(lines[2].ends_with('…'));
    assert_eq!(wrap("short", 10.0, Weight::Regular, 120.0, 3), ["short"]);
}

#[test]
fn never_splits_a_cluster_and_breaks_cjk_between_characters() {
    // A Devanagari conjunct with its vowel signs is one cluster: truncation keeps it whole.
    let t = truncate_to("दिल्ली दिल्ली दिल्ली", 12.0, Weight::Regular, 40.0);
    assert!(t.ends_with('…'), "{t}");
    let kept = t.trim_end_matches('…');
    assert!(
        "दिल्ली दिल्ली".starts_with(kept) && kept.graphemes(true).count() >= 1,
        "{t}"
    );
    assert!(kept.graphemes(true).all(|g| "दिल्ली".contains(g)), "{t}");
    // Japanese without spaces wraps between characters, never before 。 and loses nothing.
    let text = "東京から大阪まで新幹線で移動しました。京都にも寄りました。";
    let lines = wrap(text, 12.0, Weight::Regular, 100.0, 5);
    assert!(lines.len() > 2, "{lines:?}");
    assert_eq!(lines.concat(), text);
    for l in &lines {
        assert!(
            width_px(l, 12.0, Weight::Regular) <= 100.0 && !l.starts_with('。'),
            "{l}"
        );
    }
    let all = wrap_all(text, 12.0, Weight::Regular, 100.0);
    assert_eq!(all.concat(), text);
    // A long Thai word (no spaces, no dictionary) is cut between clusters only.
    let thai = "กรุงเทพมหานครอมรรัตนโกสินทร์มหินทรายุทธยา";
    for l in wrap_all(thai, 12.0, Weight::Regular, 60.0) {
        assert!(width_px(&l, 12.0, Weight::Regular) <= 60.0, "{l}");
        assert!(!l.starts_with(|c: char| "ิีุู่้๊๋็์ั".contains(c)), "{l}");
    }
}

#[test]
fn wrapping_everything_loses_no_character_and_breaks_long_words() {
    let text = "Source: https://www.state.gov/secretary-blinkens-travel-to-israel-jordan-and-turkiye/ and news reports, 2-8 Nov 2023.";
    let lines = wrap_all(text, 11.0, Weight::Regular, 120.0);
    assert!(lines.len() > 3, "{lines:?}");
    for l in &lines {
        assert!(width_px(l, 11.0, Weight::Regular) <= 120.0, "{l}");
        assert!(!l.contains('…'), "{l}");
    }
    let strip = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(strip(&lines.concat()), strip(text));
    assert!(lines.iter().any(|l| l.ends_with('/') || l.ends_with('-')));
    assert!(wrap_all("", 11.0, Weight::Regular, 120.0).is_empty());
}

#[test]
fn balanced_wrapping_evens_the_lines_without_adding_one() {
    let title = "Across the Pacific, March 2024";
    let plain = wrap(title, 20.0, Weight::Bold, 288.0, 3);
    assert_eq!(plain.last().unwrap(), "2024");
    let even = wrap_balanced(title, 20.0, Weight::Bold, 288.0, 3);
    assert_eq!(even.len(), plain.len());
    assert_eq!(even.join(" "), title);
    let w = |l: &String| width_px(l, 20.0, Weight::Bold);
    assert!(
        w(&even[1]) > w(&plain[1]) && w(&even[0]) <= 288.0,
        "{even:?}"
    );
    assert_eq!(
        wrap_balanced("Short", 20.0, Weight::Bold, 288.0, 3),
        ["Short"]
    );
}

#[test]
fn lines_reach_past_latin_extents_only_where_their_glyphs_do() {
    let latin = line_extents_px("Washington, D.C.", 12.0, Weight::Bold);
    assert_eq!(latin, (ascent_px(12.0), descent_px(12.0)));
    let (_, below) = line_extents_px("الإسكندرية", 12.0, Weight::Bold);
    assert!(below > descent_px(12.0) + 1.0, "{below}");
}

#[test]
fn missing_glyphs_are_named_per_stop() {
    assert!(missing_glyphs("東京 القاهرة Москва").is_empty());
    assert_eq!(missing_glyphs("Luxor 𓀀"), ['𓀀']);
    let json = r#"{"title": "Egypt 𓂀", "stops": [
            {"name": "Cairo", "lat": 30.04, "lon": 31.24},
            {"name": "Luxor 𓀀", "lat": 25.69, "lon": 32.64, "note": "𓁐 temple"}]}"#;
    let it = crate::io::read(json.as_bytes(), crate::io::Format::Json).unwrap();
    let route = crate::routing::plan(&it, crate::routing::Order::AsGiven).unwrap();
    let w = missing_glyph_warnings(&route, false);
    assert_eq!(
        w,
        [
            "title: no bundled font has 𓂀 (U+13080); map.png leaves a gap, map.svg relies \
                 on the reader's fonts",
            "stop 2 \"Luxor 𓀀\": no bundled font has 𓀀 (U+13000); map.png leaves a gap, \
                 map.svg relies on the reader's fonts"
        ]
    );
    assert_eq!(missing_glyph_warnings(&route, true).len(), 3);
}

#[test]
fn a_list_breaks_between_its_entries() {
    let entries = vec![
        "2 中環 (08:15–09:00)".to_string(),
        "4 大三巴牌坊 (10:45–13:00)".to_string(),
    ];
    let lines = wrap_list(
        "Not labelled on the map:",
        &entries,
        (" · ", "."),
        (11.0, Weight::Regular),
        290.0,
        60,
    );
    assert_eq!(
        lines,
        [
            "Not labelled on the map: 2 中環 (08:15–09:00) ·",
            "4 大三巴牌坊 (10:45–13:00)."
        ]
    );
    let one = wrap_list(
        "Key:",
        &entries[..1],
        (" · ", "."),
        (11.0, Weight::Regular),
        600.0,
        60,
    );
    assert_eq!(one, ["Key: 2 中環 (08:15–09:00)."]);
}

#[test]
fn a_long_list_stops_at_its_last_line_and_counts_the_rest() {
    let entries: Vec<String> = (1..=100_000).map(|i| format!("{i} Stop {i}")).collect();
    let font = (11.0, Weight::Regular);
    let lines = wrap_list("Key:", &entries, (" · ", "."), font, 300.0, 5);
    assert_eq!(lines.len(), 5);
    // The four lines shown hold the first entries, whole; the fifth counts all the others.
    let shown = lines[..4].join(" ");
    let last_shown: usize = shown
        .trim_end_matches(" ·")
        .rsplit(" · ")
        .next()
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(shown.starts_with("Key: 1 Stop 1 · 2 Stop 2 ·"), "{shown}");
    let expected = crate::format::format_count((100_000 - last_shown) as u64);
    assert_eq!(lines[4], format!("and {expected} more."));
    for l in &lines {
        assert!(width_px(l, 11.0, Weight::Regular) <= 300.0, "{l}");
    }
    // A list that fits in its lines is whole, the cap exactly reached included.
    let few = &entries[..20];
    let all = wrap_list("Key:", few, (" · ", "."), font, 300.0, 60);
    let capped = wrap_list("Key:", few, (" · ", "."), font, 300.0, all.len());
    assert_eq!(all, capped);
    assert!(all.len() >= 3, "{all:?}");
    assert!(all.last().unwrap().ends_with("20 Stop 20."));
    let one_short = wrap_list("Key:", few, (" · ", "."), font, 300.0, all.len() - 1);
    assert!(
        one_short.last().unwrap().starts_with("and "),
        "{one_short:?}"
    );
}
