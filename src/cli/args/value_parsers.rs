//! Value parsers for options clap cannot type by itself: enum lists with spaces, `--stdout`
//! names from the output table, days, the PNG scale and tolerances in metres.

use clap::ValueEnum;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use tripmap::render::{OutputFormat, OutputName};

/// A `ValueEnum` parser that ignores space around the value (`--format "svg, png"`).
#[derive(Clone)]
pub struct Trimmed<E>(std::marker::PhantomData<E>);

impl<E> Default for Trimmed<E> {
    fn default() -> Self {
        Trimmed(std::marker::PhantomData)
    }
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Trimmed<E> {
    type Value = E;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<E, clap::Error> {
        let trimmed = value.to_str().map(str::trim).unwrap_or_default();
        clap::builder::EnumValueParser::<E>::new().parse_ref(
            cmd,
            arg,
            std::ffi::OsStr::new(trimmed),
        )
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            E::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

/// `--stdout`: the names of every output file, from the output table.
pub(super) fn stdout_parser() -> impl TypedValueParser<Value = (OutputFormat, OutputName)> {
    PossibleValuesParser::new(OutputFormat::stdout_names()).try_map(|name| {
        OutputFormat::by_stdout_name(&name).ok_or_else(|| format!("no output called `{name}`"))
    })
}

/// A day written `YYYY-MM-DD` (`extract --published`).
pub(super) fn parse_day(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|_| format!("{s:?} is not a date; write it as YYYY-MM-DD"))
}

/// `--scale`: a number above 0 and at most the PNG writer's largest scale.
pub(super) fn parse_scale(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= tripmap::render::png::MAX_SCALE => Ok(v),
        _ => Err(format!("`{s}` is not a scale between 0 and 8")),
    }
}

/// `--simplify`: a tolerance in metres, a finite number above 0.
pub(super) fn parse_tolerance(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("`{s}` is not a positive number of metres")),
    }
}

/// `--shard I/N` or `auto/N` (the index from the environment).
pub(super) fn parse_shard(s: &str) -> Result<tripmap::stream::Shard, String> {
    tripmap::stream::Shard::parse(s, |name| std::env::var(name).ok())
}
