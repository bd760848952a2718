//! The basemap as scene items: graticule, land, the visited countries tinted, lakes, their
//! state and province lines, borders, coastlines, and the visited countries' names where they
//! fit.

use super::labels::Placer;
use super::legs::ProjectPx;
use super::places::Place;
use super::text_metrics::{Weight, ascent_px, width_px};
use super::{Anchor, Item, clean_text};
use crate::basemap::{self, BasemapView, Country, PixelPath};
use crate::geometry::{Rect, round_pt};
use crate::model::LonLat;
use crate::trig;

/// The countries the trip visits, once each, in visiting order. A coastal city can fall just
/// outside the 1:50m coastline (Copenhagen, Stockholm, Larnaca): then the country within
/// about 30 km is taken, looking in eight directions.
pub(crate) fn visited_countries(places: &[Place]) -> Vec<Country> {
    let mut out: Vec<Country> = Vec::new();
    for p in places.iter().take(200) {
        let (lon, lat) = (p.position.lon(), p.position.lat());
        let probes = std::iter::once((0.0, 0.0)).chain([0.1, 0.2, 0.3].into_iter().flat_map(|d| {
            (0..8).map(move |k| {
                let a = f64::from(k) * std::f64::consts::FRAC_PI_4;
                (
                    d * trig::cos(a) / trig::cos(lat.to_radians()).max(0.1),
                    d * trig::sin(a),
                )
            })
        }));
        let found = probes
            .filter_map(|(dx, dy)| LonLat::new(lon + dx, lat + dy).ok())
            .find_map(basemap::country_of);
        if let Some(c) = found
            && !out.iter().any(|q| q.adm0_a3 == c.adm0_a3)
        {
            out.push(c);
        }
    }
    out
}

/// Whether the country `adm0_a3` is one of `visited` (the countries [`basemap_layer`] draws
/// the shapes of: give it to [`crate::basemap::view_with`]).
pub(crate) fn is_visited(visited: &[Country], adm0_a3: &str) -> bool {
    visited.iter().any(|v| v.adm0_a3 == adm0_a3)
}

/// The basemap as scene items, shifted by `origin`: graticule, land, visited countries, lakes,
/// borders, coastlines.
pub(crate) fn basemap_layer(
    view: &BasemapView,
    visited: &[Country],
    origin: (f64, f64),
) -> Vec<Item> {
    let shift = |paths: &[PixelPath]| -> Vec<Vec<(f64, f64)>> {
        paths
            .iter()
            .map(|p| {
                p.points
                    .iter()
                    .map(|&(x, y)| (x + origin.0, y + origin.1))
                    .collect()
            })
            .collect()
    };
    let visited_paths: Vec<PixelPath> = view
        .countries
        .iter()
        .filter(|c| is_visited(visited, &c.adm0_a3))
        .flat_map(|c| c.paths.iter().cloned())
        .collect();
    // State and province lines of the visited countries only: context, not clutter.
    let admin1_paths: Vec<PixelPath> = view
        .admin1
        .iter()
        .filter(|a| is_visited(visited, &a.adm0_a3))
        .flat_map(|a| a.paths.iter().cloned())
        .collect();
    let layers: [(&'static str, &[PixelPath], bool); 7] = [
        ("graticule", &view.graticule, false),
        ("land", &view.land, true),
        ("visited", &visited_paths, true),
        ("lake", &view.lakes, true),
        ("admin1", &admin1_paths, false),
        ("border", &view.borders, false),
        ("coast", &view.coastline, false),
    ];
    layers
        .into_iter()
        .filter(|(_, paths, _)| !paths.is_empty())
        .map(|(class, paths, closed)| Item::Path {
            class,
            parts: shift(paths),
            closed,
        })
        .collect()
}

/// Small grey names of the visited countries at their label points, where they fit without
/// touching anything (a country name is a courtesy; a stop label never gives way to it).
pub(crate) fn country_labels(
    visited: &[Country],
    placer: &mut Placer,
    project: ProjectPx,
) -> Vec<Item> {
    const SIZE: f64 = 10.0;
    let mut items = Vec::new();
    for c in visited {
        let Some(p) = project(c.label) else { continue };
        let name = clean_text(&c.name);
        let w = width_px(&name, SIZE, Weight::Regular);
        let h = 1.17 * SIZE;
        for (dx, dy) in [
            (0.0, 0.0),
            (0.0, -14.0),
            (0.0, 14.0),
            (-24.0, 0.0),
            (24.0, 0.0),
        ] {
            let r = Rect::new(p.0 + dx - w / 2.0, p.1 + dy - h / 2.0, w, h);
            if placer.try_fixed(r) {
                items.push(Item::Text {
                    class: "country-name",
                    at: round_pt((r.x, r.y + ascent_px(SIZE))),
                    anchor: Anchor::Start,
                    text: name,
                });
                break;
            }
        }
    }
    items
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::places::place_at as place;

    #[test]
    fn coastal_cities_find_their_country_once() {
        // Larnaca sits just outside the 1:50m coast; Amman twice gives Jordan once.
        let v = visited_countries(&[
            place(33.6249, 34.8751),
            place(35.91, 31.95),
            place(35.93, 31.96),
        ]);
        let codes: Vec<&str> = v.iter().map(|c| c.adm0_a3.as_str()).collect();
        assert_eq!(codes, ["CYP", "JOR"]);
        assert!(
            visited_countries(&[place(-30.0, 0.0)]).is_empty(),
            "open sea"
        );
    }

    #[test]
    fn a_country_name_goes_where_it_fits_or_nowhere() {
        let jordan = visited_countries(&[place(35.91, 31.95)]);
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 400.0, 300.0));
        let items = country_labels(&jordan, &mut placer, &|_| Some((200.0, 150.0)));
        assert_eq!(items.len(), 1);
        // The same place again is taken now, and so are the nearby spots.
        let again = country_labels(&jordan, &mut placer, &|_| Some((200.0, 150.0)));
        assert!(again.len() <= 1);
        let mut tiny = Placer::new(Rect::new(0.0, 0.0, 20.0, 10.0));
        assert!(country_labels(&jordan, &mut tiny, &|_| Some((10.0, 5.0))).is_empty());
    }
}
