//! Which outputs a render writes (`--format geojson,svg,png,kml,gpx,gpkg,fgb,html,gif,mp4`) and the only
//! place their file names are written down.

use clap::ValueEnum;
use std::fmt;
use std::str::FromStr;

/// One kind of output, and the file(s) it is written as. Variants are in writing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ValueEnum)]
#[non_exhaustive]
pub enum OutputFormat {
    /// `stops.geojson` and `legs.geojson`.
    #[value(name = "geojson")]
    GeoJson,
    /// `map.svg`.
    Svg,
    /// `map.png`, the SVG rasterised.
    Png,
    /// `trip.kml`.
    Kml,
    /// `trip.gpx`.
    Gpx,
    /// `trip.gpkg`: a GeoPackage with the `stops` and `legs` tables.
    Gpkg,
    /// `stops.fgb` and `legs.fgb`: FlatGeobuf layers.
    Fgb,
    /// `map.html`: the map laid out for several widths in one self-contained fragment.
    Html,
    /// `map.gif`: the route drawing itself, as an animated GIF.
    Gif,
    /// `map.mp4`: the route drawing itself, as an H.264 video.
    Mp4,
}

/// One file of an output: its name in the output folder and its name for `--stdout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputName {
    /// File name, such as `stops.geojson`.
    pub file: &'static str,
    /// What `--stdout` calls it, such as `stops`.
    pub stdout: &'static str,
}

impl OutputFormat {
    /// Every format, in writing order.
    pub const ALL: [OutputFormat; 10] = [
        OutputFormat::GeoJson,
        OutputFormat::Svg,
        OutputFormat::Png,
        OutputFormat::Kml,
        OutputFormat::Gpx,
        OutputFormat::Gpkg,
        OutputFormat::Fgb,
        OutputFormat::Html,
        OutputFormat::Gif,
        OutputFormat::Mp4,
    ];
    /// What `--format` is when not given.
    pub const DEFAULT: &'static [OutputFormat] = &[OutputFormat::GeoJson, OutputFormat::Svg];

    /// The files this format is written as, in the order its writer makes them.
    pub fn files(self) -> &'static [OutputName] {
        match self {
            OutputFormat::GeoJson => &[
                OutputName {
                    file: "stops.geojson",
                    stdout: "stops",
                },
                OutputName {
                    file: "legs.geojson",
                    stdout: "legs",
                },
            ],
            OutputFormat::Svg => &[OutputName {
                file: "map.svg",
                stdout: "svg",
            }],
            OutputFormat::Png => &[OutputName {
                file: "map.png",
                stdout: "png",
            }],
            OutputFormat::Kml => &[OutputName {
                file: "trip.kml",
                stdout: "kml",
            }],
            OutputFormat::Gpx => &[OutputName {
                file: "trip.gpx",
                stdout: "gpx",
            }],
            OutputFormat::Gpkg => &[OutputName {
                file: "trip.gpkg",
                stdout: "gpkg",
            }],
            OutputFormat::Fgb => &[
                OutputName {
                    file: "stops.fgb",
                    stdout: "stops-fgb",
                },
                OutputName {
                    file: "legs.fgb",
                    stdout: "legs-fgb",
                },
            ],
            OutputFormat::Html => &[OutputName {
                file: "map.html",
                stdout: "html",
            }],
            OutputFormat::Gif => &[OutputName {
                file: "map.gif",
                stdout: "gif",
            }],
            OutputFormat::Mp4 => &[OutputName {
                file: "map.mp4",
                stdout: "mp4",
            }],
        }
    }

    /// Whether the format draws the map (needs a [`Scene`](crate::scene::Scene)).
    pub fn needs_scene(self) -> bool {
        match self {
            OutputFormat::Svg
            | OutputFormat::Png
            | OutputFormat::Html
            | OutputFormat::Gif
            | OutputFormat::Mp4 => true,
            OutputFormat::GeoJson
            | OutputFormat::Kml
            | OutputFormat::Gpx
            | OutputFormat::Gpkg
            | OutputFormat::Fgb => false,
        }
    }

    /// The name `--format` takes (`geojson`).
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::GeoJson => "geojson",
            OutputFormat::Svg => "svg",
            OutputFormat::Png => "png",
            OutputFormat::Kml => "kml",
            OutputFormat::Gpx => "gpx",
            OutputFormat::Gpkg => "gpkg",
            OutputFormat::Fgb => "fgb",
            OutputFormat::Html => "html",
            OutputFormat::Gif => "gif",
            OutputFormat::Mp4 => "mp4",
        }
    }

    /// The format and file that `--stdout NAME` writes (`stops` → GeoJSON's `stops.geojson`).
    pub fn by_stdout_name(stdout: &str) -> Option<(OutputFormat, OutputName)> {
        OutputFormat::ALL.into_iter().find_map(|f| {
            f.files()
                .iter()
                .find(|n| n.stdout == stdout)
                .map(|n| (f, *n))
        })
    }

    /// Every name `--stdout` takes, in writing order.
    pub fn stdout_names() -> Vec<&'static str> {
        OutputFormat::ALL
            .iter()
            .flat_map(|f| f.files().iter().map(|n| n.stdout))
            .collect()
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
                names().join(",")
            ));
        }
        Ok(out)
    }
}

fn names() -> Vec<&'static str> {
    OutputFormat::ALL.iter().map(|f| f.name()).collect()
}

impl FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.to_ascii_lowercase();
        OutputFormat::ALL
            .into_iter()
            .find(|f| f.name() == lower)
            .ok_or_else(|| {
                format!(
                    "unknown output format `{s}`; expected one of: {}",
                    names().join(", ")
                )
            })
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
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
    }

    #[test]
    fn clap_names_match_from_str_and_stdout_names_are_unique() {
        for f in OutputFormat::ALL {
            let clap_name = f.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(clap_name, f.name());
            assert_eq!(clap_name.parse::<OutputFormat>(), Ok(f));
        }
        assert_eq!(
            OutputFormat::value_variants().len(),
            OutputFormat::ALL.len()
        );
        let names = OutputFormat::stdout_names();
        assert_eq!(
            names,
            [
                "stops",
                "legs",
                "svg",
                "png",
                "kml",
                "gpx",
                "gpkg",
                "stops-fgb",
                "legs-fgb",
                "html",
                "gif",
                "mp4"
            ]
        );
        assert_eq!(
            OutputFormat::by_stdout_name("legs").map(|(f, n)| (f, n.file)),
            Some((OutputFormat::GeoJson, "legs.geojson"))
        );
        assert!(OutputFormat::by_stdout_name("map").is_none());
    }
}
