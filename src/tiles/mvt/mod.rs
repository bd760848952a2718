//! Mapbox Vector Tiles (specification 2.1): protobuf messages decoded by `prost`, geometry
//! command streams and property tags decoded here with every index and count checked.
//!
//! Not taken from crates.io: `mvt-reader` gives each line part a buffer as long as the whole
//! geometry stream (quadratic memory on a hostile tile) and adds deltas in `i32` (a panic in
//! debug builds); `geozero`'s MVT reader indexes the stream without bounds checks (a panic on
//! a truncated geometry) and needs `prost-build` at build time.

/// Geometry command streams to points, lines and polygons.
pub mod geometry;
/// The protobuf messages.
pub mod proto;

use prost::Message;

pub use geometry::{Geometry, TilePoint};

/// A decoded tile whose layers and tags have been checked: every tag pair points into its
/// layer's key and value tables, every layer has a usable version and extent.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorTile {
    /// The layers.
    pub layers: Vec<proto::Layer>,
}

/// A property value of a feature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// A string.
    Str(&'a str),
    /// Any number, as f64.
    Number(f64),
    /// A boolean.
    Bool(bool),
}

/// A feature's properties, looked up by key.
#[derive(Debug, Clone, Copy)]
pub struct Properties<'a> {
    layer: &'a proto::Layer,
    tags: &'a [u32],
}

impl<'a> Properties<'a> {
    /// The properties of `feature` in `layer` (of a [`VectorTile`], whose tags are checked).
    pub fn of(layer: &'a proto::Layer, feature: &'a proto::Feature) -> Self {
        Properties {
            layer,
            tags: &feature.tags,
        }
    }

    /// The value of `key`, if the feature has it.
    pub fn get(&self, key: &str) -> Option<Value<'a>> {
        self.tags.chunks_exact(2).find_map(|pair| {
            let k = self.layer.keys.get(pair[0] as usize)?;
            if k != key {
                return None;
            }
            let v = self.layer.values.get(pair[1] as usize)?;
            if let Some(s) = &v.string_value {
                Some(Value::Str(s))
            } else if let Some(b) = v.bool_value {
                Some(Value::Bool(b))
            } else {
                v.double_value
                    .or(v.float_value.map(f64::from))
                    .or(v.int_value.map(|i| i as f64))
                    .or(v.uint_value.map(|u| u as f64))
                    .or(v.sint_value.map(|i| i as f64))
                    .map(Value::Number)
            }
        })
    }

    /// The value of `key` if it is a string.
    pub fn str(&self, key: &str) -> Option<&'a str> {
        match self.get(key)? {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value of `key` as a number (numbers, and strings that parse as one).
    pub fn number(&self, key: &str) -> Option<f64> {
        match self.get(key)? {
            Value::Number(n) => Some(n),
            Value::Str(s) => s.trim().parse().ok(),
            Value::Bool(_) => None,
        }
    }

    /// The value of `key` as a boolean (`true`, 1, `"yes"`, `"true"`).
    pub fn flag(&self, key: &str) -> bool {
        match self.get(key) {
            Some(Value::Bool(b)) => b,
            Some(Value::Number(n)) => n != 0.0,
            Some(Value::Str(s)) => matches!(s, "yes" | "true" | "1"),
            None => false,
        }
    }
}

/// Decodes a (decompressed) tile, checking layer versions and extents, the number of
/// features (at most `max_features`) and every feature's tags.
pub fn decode(bytes: &[u8], max_features: usize) -> Result<VectorTile, String> {
    let tile = proto::Tile::decode(bytes).map_err(|e| format!("protobuf: {e}"))?;
    let mut features = 0usize;
    for layer in &tile.layers {
        if !matches!(layer.version, 1 | 2) {
            return Err(format!(
                "layer {:?} has version {} (1 or 2 expected)",
                layer.name, layer.version
            ));
        }
        if layer.extent == Some(0) {
            return Err(format!("layer {:?} has an extent of 0", layer.name));
        }
        features += layer.features.len();
        if features > max_features {
            return Err(format!("more than {max_features} features"));
        }
        for (i, f) in layer.features.iter().enumerate() {
            if f.tags.len() % 2 != 0 {
                return Err(format!(
                    "layer {:?} feature {i}: an odd number of tags",
                    layer.name
                ));
            }
            for pair in f.tags.chunks_exact(2) {
                if pair[0] as usize >= layer.keys.len() || pair[1] as usize >= layer.values.len() {
                    return Err(format!(
                        "layer {:?} feature {i}: tag {}={} points past the key or value table",
                        layer.name, pair[0], pair[1]
                    ));
                }
            }
        }
    }
    Ok(VectorTile {
        layers: tile.layers,
    })
}

/// A layer's extent (grid size), 4096 when not set.
pub fn extent(layer: &proto::Layer) -> u32 {
    layer.extent.unwrap_or(4096)
}

#[cfg(test)]
mod test {
    use super::*;

    fn tile_with(layer: proto::Layer) -> Vec<u8> {
        proto::Tile {
            layers: vec![layer],
        }
        .encode_to_vec()
    }

    fn layer(tags: Vec<u32>) -> proto::Layer {
        proto::Layer {
            version: 2,
            name: "roads".into(),
            features: vec![proto::Feature {
                id: None,
                tags,
                r#type: Some(2),
                geometry: vec![9, 0, 0, 10, 2, 2],
            }],
            keys: vec!["kind".into(), "min_zoom".into()],
            values: vec![
                proto::Value {
                    string_value: Some("major_road".into()),
                    ..Default::default()
                },
                proto::Value {
                    int_value: Some(9),
                    ..Default::default()
                },
            ],
            extent: Some(4096),
        }
    }

    #[test]
    fn properties_are_looked_up_by_key() {
        let t = decode(&tile_with(layer(vec![0, 0, 1, 1])), 10).unwrap();
        let p = Properties::of(&t.layers[0], &t.layers[0].features[0]);
        assert_eq!(p.str("kind"), Some("major_road"));
        assert_eq!(p.number("min_zoom"), Some(9.0));
        assert_eq!(p.get("name"), None);
    }

    #[test]
    fn bad_tiles_are_errors() {
        assert!(
            decode(b"\x1a\xff\xff\xff", 10)
                .unwrap_err()
                .starts_with("protobuf")
        );
        let e = decode(&tile_with(layer(vec![0, 5])), 10).unwrap_err();
        assert!(e.contains("past the key or value table"), "{e}");
        let e = decode(&tile_with(layer(vec![0])), 10).unwrap_err();
        assert!(e.contains("odd number"), "{e}");
        let mut l = layer(vec![]);
        l.version = 3;
        assert!(decode(&tile_with(l), 10).unwrap_err().contains("version 3"));
        let mut l = layer(vec![]);
        l.extent = Some(0);
        assert!(
            decode(&tile_with(l), 10)
                .unwrap_err()
                .contains("extent of 0")
        );
        let e = decode(&tile_with(layer(vec![])), 0).unwrap_err();
        assert!(e.contains("more than 0 features"), "{e}");
    }
}
