//! The bundled Natural Earth data, embedded in the binary and decoded on first use, one detail
//! level at a time (a render touches only the level it uses).

use super::Detail;
use super::context_decode::{ContextLayers, decode_context_bundled};
use super::decode::{Layers, decode_bundled};
use std::sync::OnceLock;

/// Natural Earth 1:110m (land, lakes, borders, countries).
pub static NE_110M: &[u8] = include_bytes!("../../data/basemap/ne_110m.bin");
/// Natural Earth 1:50m (land, lakes, borders, countries).
pub static NE_50M: &[u8] = include_bytes!("../../data/basemap/ne_50m.bin");
/// Natural Earth 1:10m (land, lakes of scale rank ≤ 6, borders; simplified to 0.002°).
pub static NE_10M: &[u8] = include_bytes!("../../data/basemap/ne_10m.bin");

/// The context layer: Natural Earth 10m admin-1 boundary lines (simplified to 0.005°),
/// populated places and named water (marine areas and lakes).
pub static CONTEXT: &[u8] = include_bytes!("../../data/basemap/context.bin");

/// The decoded layers of a detail level.
pub fn layers(detail: Detail) -> &'static Layers {
    static LOW: OnceLock<Layers> = OnceLock::new();
    static MEDIUM: OnceLock<Layers> = OnceLock::new();
    static HIGH: OnceLock<Layers> = OnceLock::new();
    let (cell, bytes) = match detail {
        Detail::Low => (&LOW, NE_110M),
        Detail::Medium => (&MEDIUM, NE_50M),
        Detail::High => (&HIGH, NE_10M),
    };
    // The bytes are part of the binary and checked by the tests, so they decode.
    cell.get_or_init(|| decode_bundled(bytes).expect("bundled basemap data decodes"))
}

/// The decoded context layer (admin-1 lines, cities, named water).
pub fn context() -> &'static ContextLayers {
    static CONTEXT_LAYERS: OnceLock<ContextLayers> = OnceLock::new();
    // The bytes are part of the binary and checked by the tests, so they decode.
    CONTEXT_LAYERS
        .get_or_init(|| decode_context_bundled(CONTEXT).expect("bundled context data decodes"))
}

/// The country polygons to draw at a detail level (10m has none of its own: 50m's are used).
pub fn countries(detail: Detail) -> &'static [super::decode::CountryGeom] {
    match detail {
        Detail::High => &layers(Detail::Medium).countries,
        d => &layers(d).countries,
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::basemap::context_decode::decode_context;
    use crate::basemap::decode::{bbox_of, decode};

    #[test]
    fn every_level_decodes_with_content() {
        for d in [Detail::Low, Detail::Medium, Detail::High] {
            let l = layers(d);
            assert!(l.land.len() > 100, "{d:?}");
            assert!(!l.lakes.is_empty() && !l.borders.is_empty());
            // Every feature's block decodes, to the box stored before it.
            for f in &l.land {
                let land = f.geometry.get();
                assert_eq!(bbox_of(land.polygon.iter().flatten()), f.bbox, "{d:?}");
                assert_eq!(land.coast.len(), land.coast_boxes.len());
            }
            assert!(l.land.iter().any(|f| !f.geometry.get().coast.is_empty()));
            for f in &l.lakes {
                assert_eq!(bbox_of(f.geometry.get().iter().flatten()), f.bbox, "{d:?}");
            }
            for f in &l.borders {
                assert_eq!(bbox_of(f.geometry.get().iter()), f.bbox, "{d:?}");
            }
            assert!(countries(d).len() > 170, "{d:?}");
            // Every country's block decodes, to the boxes stored beside it.
            for c in countries(d) {
                let polygons = c.polygons.get();
                assert_eq!(polygons.len(), c.boxes.len(), "{}", c.adm0_a3);
                for (p, b) in polygons.iter().zip(&c.boxes) {
                    assert_eq!(bbox_of(p.iter().flatten()), *b, "{}", c.adm0_a3);
                }
                assert_eq!(bbox_of(polygons.iter().flatten().flatten()), c.bbox);
            }
        }
        let mut names: Vec<&str> = countries(Detail::Medium)
            .iter()
            .map(|c| c.adm0_a3.as_str())
            .collect();
        names.dedup();
        assert!(names.contains(&"FRA") && names.contains(&"NOR"));
    }

    /// The runs decode the bundled files without checking each block again; this checks them
    /// all, as a file from elsewhere would be.
    #[test]
    fn every_bundled_block_is_well_formed() {
        for bytes in [NE_110M, NE_50M, NE_10M] {
            decode(bytes).unwrap();
        }
        decode_context(CONTEXT).unwrap();
    }

    #[test]
    fn context_decodes_with_content() {
        let c = context();
        assert!(c.admin1.len() > 150, "{} countries", c.admin1.len());
        assert!(
            c.admin1
                .iter()
                .map(|a| a.lines.get().lines.len())
                .sum::<usize>()
                > 3000
        );
        // Every block decodes, to the box stored before it.
        for a in &c.admin1 {
            let lines = a.lines.get();
            let all = bbox_of(lines.lines.iter().flatten());
            assert_eq!(all, a.bbox, "{}", a.adm0_a3);
        }
        for w in &c.water {
            for p in &w.polygons {
                assert_eq!(
                    bbox_of(p.geometry.get().iter().flatten()),
                    p.bbox,
                    "{}",
                    w.name
                );
            }
        }
        assert!(c.cities.len() > 7000 && c.water.len() > 1000);
        assert!(c.cities.windows(2).all(|w| w[0].min_zoom <= w[1].min_zoom));
    }
}
