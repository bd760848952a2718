//! The Mapbox Vector Tile protobuf messages (vector_tile.proto, specification 2.1), decoded by
//! `prost`. Geometry and tags stay as the raw integer streams; `geometry.rs` and `mod.rs`
//! interpret them with bounds checks.

/// A tile: its layers.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Tile {
    /// The layers, in file order.
    #[prost(message, repeated, tag = "3")]
    pub layers: Vec<Layer>,
}

/// A property value: exactly one of the fields is set in a valid tile.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Value {
    /// A string.
    #[prost(string, optional, tag = "1")]
    pub string_value: Option<String>,
    /// A 32-bit float.
    #[prost(float, optional, tag = "2")]
    pub float_value: Option<f32>,
    /// A 64-bit float.
    #[prost(double, optional, tag = "3")]
    pub double_value: Option<f64>,
    /// A signed integer.
    #[prost(int64, optional, tag = "4")]
    pub int_value: Option<i64>,
    /// An unsigned integer.
    #[prost(uint64, optional, tag = "5")]
    pub uint_value: Option<u64>,
    /// A zigzag-encoded signed integer.
    #[prost(sint64, optional, tag = "6")]
    pub sint_value: Option<i64>,
    /// A boolean.
    #[prost(bool, optional, tag = "7")]
    pub bool_value: Option<bool>,
}

/// A feature: tags (pairs of key and value indices), geometry type and command stream.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Feature {
    /// Feature id, if any.
    #[prost(uint64, optional, tag = "1")]
    pub id: Option<u64>,
    /// Key index, value index, key index, value index, …
    #[prost(uint32, repeated, packed = "true", tag = "2")]
    pub tags: Vec<u32>,
    /// 0 unknown, 1 point, 2 line string, 3 polygon.
    #[prost(int32, optional, tag = "3")]
    pub r#type: Option<i32>,
    /// Command integers and zigzag parameters.
    #[prost(uint32, repeated, packed = "true", tag = "4")]
    pub geometry: Vec<u32>,
}

/// A layer: its name, features, the key and value tables, and the extent of its grid.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Layer {
    /// Specification version (1 or 2).
    #[prost(uint32, required, tag = "15", default = "1")]
    pub version: u32,
    /// Layer name (`roads`, `water`).
    #[prost(string, required, tag = "1")]
    pub name: String,
    /// Features.
    #[prost(message, repeated, tag = "2")]
    pub features: Vec<Feature>,
    /// Property keys.
    #[prost(string, repeated, tag = "3")]
    pub keys: Vec<String>,
    /// Property values.
    #[prost(message, repeated, tag = "4")]
    pub values: Vec<Value>,
    /// Grid size of the tile (4096 unless set).
    #[prost(uint32, optional, tag = "5", default = "4096")]
    pub extent: Option<u32>,
}
