//! Unit tests of the command line: clap's names match the library's, and options parse to
//! typed values.

use super::*;

/// Every name clap offers parses back to the same value through the library's `FromStr`,
/// so the two lists cannot drift apart.
fn names_round_trip<E>()
where
    E: ValueEnum + std::str::FromStr + PartialEq + std::fmt::Debug,
    E::Err: std::fmt::Debug,
{
    for v in E::value_variants() {
        let name = v.to_possible_value().unwrap().get_name().to_string();
        assert_eq!(name.parse::<E>().unwrap(), *v, "{name}");
    }
}

#[test]
fn clap_names_are_the_library_names() {
    names_round_trip::<Order>();
    names_round_trip::<DateStyle>();
    names_round_trip::<ProjectionKind>();
    names_round_trip::<OutputFormat>();
    assert_eq!(ProjectionKind::value_variants(), ProjectionKind::ALL);
    for f in Format::value_variants() {
        let name = f.to_possible_value().unwrap().get_name().to_string();
        assert_eq!(Format::from_name(&name), Some(*f));
    }
    for t in ThemeName::value_variants() {
        let name = t.to_possible_value().unwrap().get_name().to_string();
        assert_eq!(name.parse::<tripmap::scene::Theme>().unwrap().name, name);
    }
}

#[test]
fn the_command_line_is_consistent() {
    use clap::CommandFactory;
    Cli::command().debug_assert();
}

#[test]
fn formats_and_stdout_are_typed() {
    let cli = Cli::try_parse_from([
        "tripmap", "render", "t.json", "--format", "kml, gpx", "--stdout", "legs",
    ])
    .unwrap();
    let Command::Render(r) = cli.command else {
        panic!("not render")
    };
    assert_eq!(r.output.format, [OutputFormat::Kml, OutputFormat::Gpx]);
    assert_eq!(
        r.output.stdout.map(|(f, n)| (f, n.file)),
        Some((OutputFormat::GeoJson, "legs.geojson"))
    );
    assert!(Cli::try_parse_from(["tripmap", "render", "t.json", "--stdout", "pdf"]).is_err());
}

#[test]
fn quiet_is_global_and_titles_belong_to_render() {
    let cli = Cli::try_parse_from(["tripmap", "render", "t.csv", "-q", "--title", "T"]).unwrap();
    assert!(cli.quiet);
    let Command::Render(r) = cli.command else {
        panic!("not render")
    };
    assert_eq!(r.titles.title.as_deref(), Some("T"));
    assert!(
        Cli::try_parse_from(["tripmap", "--quiet", "check", "t.csv"])
            .unwrap()
            .quiet
    );
    assert!(Cli::try_parse_from(["tripmap", "check", "t.csv", "--title", "T"]).is_err());
}
