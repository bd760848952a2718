//! The stops layer's columns beyond the fixed fields: the gazetteer's facts and the input's own
//! extra fields, each under a unique column name and with a type taken from its values.

use super::{GAZETTEER_COLUMNS, STOP_FIELDS};
use crate::model::{Route, RouteStop};

/// The extra columns of the stops layer beyond [`STOP_FIELDS`]: the gazetteer's facts, then the
/// input's own extra fields, each under the name it is written with, in first-seen order; every
/// stop has a value (null where it has none) for each.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ExtraColumns {
    /// (column name, key in `Stop::resolved`).
    pub resolved: Vec<(String, String)>,
    /// (column name, key in `Stop::extra`).
    pub extra: Vec<(String, String)>,
}

impl ExtraColumns {
    /// The extra columns of `route`'s stops. A name that another column already has (compared
    /// without case, as SQL does), or one of the `reserved` names of the file format, gets `_2`,
    /// `_3`... added.
    pub fn of(route: &Route, reserved: &[&str]) -> Self {
        let mut columns = ExtraColumns::default();
        let taken = |c: &ExtraColumns, name: &str| {
            STOP_FIELDS
                .iter()
                .map(|f| f.name)
                .chain(reserved.iter().copied())
                .chain(c.resolved.iter().chain(&c.extra).map(|(n, _)| n.as_str()))
                .any(|n| n.eq_ignore_ascii_case(name))
        };
        let unique = |c: &ExtraColumns, base: String| {
            let mut name = base.clone();
            let mut n = 2;
            while taken(c, &name) {
                name = format!("{base}_{n}");
                n += 1;
            }
            name
        };
        for s in &route.stops {
            for (k, _) in &s.stop.resolved {
                if !columns.resolved.iter().any(|(_, key)| key == k) {
                    let name = unique(&columns, gazetteer_column(k));
                    columns.resolved.push((name, k.clone()));
                }
            }
        }
        for s in &route.stops {
            for (k, _) in &s.stop.extra {
                if !columns.extra.iter().any(|(_, key)| key == k) {
                    let name = unique(&columns, extra_column(k));
                    columns.extra.push((name, k.clone()));
                }
            }
        }
        columns
    }

    /// Every extra column name, gazetteer facts first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.resolved
            .iter()
            .chain(&self.extra)
            .map(|(n, _)| n.as_str())
    }

    /// Each extra column's type, from the values of `route`'s stops.
    pub fn types(&self, route: &Route) -> Vec<ExtraType> {
        let rows: Vec<Vec<serde_json::Value>> =
            route.stops.iter().map(|s| self.values(s)).collect();
        (0..self.resolved.len() + self.extra.len())
            .map(|k| ExtraType::of(&rows.iter().map(|r| &r[k]).collect::<Vec<_>>()))
            .collect()
    }

    /// Stop `s`'s values for the extra columns, in [`ExtraColumns::names`] order.
    pub fn values(&self, s: &RouteStop) -> Vec<serde_json::Value> {
        let find = |list: &[(String, serde_json::Value)], key: &str| {
            list.iter()
                .find(|(k, _)| k == key)
                .map_or(serde_json::Value::Null, |(_, v)| v.clone())
        };
        self.resolved
            .iter()
            .map(|(_, k)| find(&s.stop.resolved, k))
            .chain(self.extra.iter().map(|(_, k)| find(&s.stop.extra, k)))
            .collect()
    }
}

/// The type of an extra column, from its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtraType {
    /// Every value a whole number.
    Integer,
    /// Every value a number.
    Real,
    /// Every value true or false.
    Boolean,
    /// Anything else (strings; other JSON written as JSON text).
    Text,
}

impl ExtraType {
    /// The type of a column whose values are `values` (nulls do not count; none at all is text).
    pub fn of(values: &[&serde_json::Value]) -> Self {
        let present: Vec<&&serde_json::Value> = values.iter().filter(|v| !v.is_null()).collect();
        if present.is_empty() {
            ExtraType::Text
        } else if present.iter().all(|v| v.is_i64()) {
            ExtraType::Integer
        } else if present.iter().all(|v| v.is_number()) {
            ExtraType::Real
        } else if present.iter().all(|v| v.is_boolean()) {
            ExtraType::Boolean
        } else {
            ExtraType::Text
        }
    }
}

/// The column a gazetteer fact called `key` is written in.
pub fn gazetteer_column(key: &str) -> String {
    GAZETTEER_COLUMNS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, c)| c)
        .to_string()
}

/// The column an input extra called `key` goes in: `input_<key>` when tripmap writes a field of
/// that name itself (in any case), so the input's value is never lost.
pub fn extra_column(key: &str) -> String {
    let own = STOP_FIELDS.iter().any(|f| f.name.eq_ignore_ascii_case(key));
    if own {
        format!("input_{key}")
    } else {
        key.to_string()
    }
}
