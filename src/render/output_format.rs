//! Which output files a render writes: `--format svg,geojson,png,kml,gpx`.

use crate::error::Error;
use crate::model::Route;
use crate::output::OutputFile;
use std::fmt;
use std::str::FromStr;

/// One kind of output, and the file(s) it is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutputFormat {
    /// `map.svg`.
    Svg,
    /// `stops.geojson` and `legs.geojson`.
    GeoJson,
    /// `map.png`, the SVG rasterised.
    Png,
    /// `trip.kml`.
    Kml,
    /// `trip.gpx`.
    Gpx,
}

impl OutputFormat {
    /// Every format, in the order of [`OutputFormat::NAMES`].
    pub const ALL: [OutputFormat; 5] = [
        OutputFormat::Svg,
        OutputFormat::GeoJson,
        OutputFormat::Png,
        OutputFormat::Kml,
        OutputFormat::Gpx,
    ];
    /// The names `--format` accepts.
    pub const NAMES: &'static [&'static str] = &["svg", "geojson", "png", "kml", "gpx"];
    /// What `--format` is when not given.
    pub const DEFAULT: &'static [OutputFormat] = &[OutputFormat::Svg, OutputFormat::GeoJson];

    /// The file names this format is written as.
    pub fn file_names(self) -> &'static [&'static str] {
        match self {
            OutputFormat::Svg => &["map.svg"],
            OutputFormat::GeoJson => &["stops.geojson", "legs.geojson"],
            OutputFormat::Png => &["map.png"],
            OutputFormat::Kml => &["trip.kml"],
            OutputFormat::Gpx => &["trip.gpx"],
        }
    }

    /// The format a file name belongs to, if any.
    pub fn of_file(name: &str) -> Option<OutputFormat> {
        OutputFormat::ALL
            .into_iter()
            .find(|f| f.file_names().contains(&name))
    }

    /// Parses a comma-separated list (`svg,geojson`), removing repeats; errors name the bad item.
    pub fn parse_list(list: &str) -> Result<Vec<OutputFormat>, String> {
        let mut out = Vec::new();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let f: OutputFormat = item.parse()?;
            if !out.contains(&f) {
                out.push(f);
            }
        }
        if out.is_empty() {
            return Err(format!(
                "no output format given; expected some of: {}",
                OutputFormat::NAMES.join(",")
            ));
        }
        Ok(out)
    }
}

impl FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.to_ascii_lowercase();
        OutputFormat::NAMES
            .iter()
            .position(|n| *n == lower)
            .map(|i| OutputFormat::ALL[i])
            .ok_or_else(|| {
                format!(
                    "unknown output format `{s}`; expected one of: {}",
                    OutputFormat::NAMES.join(", ")
                )
            })
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(OutputFormat::NAMES[*self as usize])
    }
}

/// Adds the KML and GPX files when asked for, and `map.png` (`map.svg` rasterised at
/// `png_scale`), then keeps only the files of the `formats` asked for, in the order written. When `strict` (the formats were named by the user), a format asked
/// for but not produced (a writer this build does not have) is an error rather than a silently
/// missing file.
pub fn select(
    route: &Route,
    mut files: Vec<OutputFile>,
    formats: &[OutputFormat],
    strict: bool,
    png_scale: f64,
) -> Result<Vec<OutputFile>, Error> {
    if formats.contains(&OutputFormat::Png)
        && let Some(svg) = files.iter().find(|f| f.name == "map.svg")
    {
        let bytes = super::png::png(&svg.bytes, png_scale)?;
        files.push(OutputFile {
            name: "map.png".into(),
            bytes,
        });
    }
    if formats.contains(&OutputFormat::Kml) {
        files.push(OutputFile {
            name: "trip.kml".into(),
            bytes: super::kml::kml(route).into_bytes(),
        });
    }
    if formats.contains(&OutputFormat::Gpx) {
        files.push(OutputFile {
            name: "trip.gpx".into(),
            bytes: super::gpx::gpx(route).into_bytes(),
        });
    }
    files.retain(|f| OutputFormat::of_file(&f.name).is_none_or(|of| formats.contains(&of)));
    for f in formats.iter().filter(|_| strict) {
        for name in f.file_names() {
            if !files.iter().any(|file| file.name == *name) {
                return Err(Error::Route(format!(
                    "output format `{f}` ({name}) is not available in this build"
                )));
            }
        }
    }
    Ok(files)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn parses_lists() {
        assert_eq!(
            OutputFormat::parse_list("kml, gpx,kml").unwrap(),
            vec![OutputFormat::Kml, OutputFormat::Gpx]
        );
        assert!(
            OutputFormat::parse_list("svg,pdf")
                .unwrap_err()
                .contains("`pdf`")
        );
        assert!(OutputFormat::parse_list("").is_err());
        assert_eq!(OutputFormat::Png.to_string(), "png");
        assert_eq!(
            OutputFormat::of_file("legs.geojson"),
            Some(OutputFormat::GeoJson)
        );
    }
}
