//! Writes a basemap view as an SVG, to look at the clipping by eye.
//!
//! `cargo run --release --example basemap_preview -- KIND OUT.svg` with KIND one of `world`
//! (Equal Earth), `pacific` (Equal Earth centred on 180°), `globe` (orthographic over the
//! North Atlantic), `mideast` (Lambert conic over the Middle East), `mercator`, `south`
//! (orthographic over the South Pole), `aeqd` (azimuthal equidistant world from Amman),
//! `conic-us` (Lambert conic over the United States).

use tripmap::basemap::{self, Detail, svg_path_data};
use tripmap::model::LonLat;
use tripmap::projection::{
    AzimuthalEquidistant, Bounds, EqualEarth, Fitted, LambertConic, Mercator, Orthographic,
    Projection, fit, fit_bounds,
};

fn ll(lon: f64, lat: f64) -> LonLat {
    LonLat::new(lon, lat).expect("valid position")
}

fn svg<P: Projection>(map: &Fitted<P>) -> String {
    let km = map.scale_at_centre_km_per_px().unwrap_or(f64::INFINITY);
    let detail = Detail::for_scale(km);
    let start = std::time::Instant::now();
    let v = basemap::view(map, detail, Some(15.0));
    eprintln!("{detail:?} at {km:.2} km/px: view in {:?}", start.elapsed());
    let (w, h) = (map.width_px(), map.height_px());
    let countries: String = v
        .countries
        .iter()
        .map(|c| format!("<path d=\"{}\"/>", svg_path_data(&c.paths)))
        .collect();
    format!(
        concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">",
            "<rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>",
            "<path d=\"{outline}\" fill=\"#dfeaf2\" stroke=\"#9ab\"/>",
            "<path d=\"{land}\" fill=\"#f4f1ea\" fill-rule=\"evenodd\"/>",
            "<g fill=\"#f4f1ea\" fill-rule=\"evenodd\" stroke=\"#e0d8c8\" stroke-width=\"0.5\">{countries}</g>",
            "<path d=\"{lakes}\" fill=\"#dfeaf2\" fill-rule=\"evenodd\"/>",
            "<path d=\"{grat}\" fill=\"none\" stroke=\"#9ab\" stroke-width=\"0.4\"/>",
            "<path d=\"{borders}\" fill=\"none\" stroke=\"#a99\" stroke-width=\"0.6\"/>",
            "<path d=\"{coast}\" fill=\"none\" stroke=\"#678\" stroke-width=\"0.6\"/>",
            "</svg>\n"
        ),
        w = w,
        h = h,
        outline = svg_path_data(&v.outline),
        land = svg_path_data(&v.land),
        countries = countries,
        lakes = svg_path_data(&v.lakes),
        grat = svg_path_data(&v.graticule),
        borders = svg_path_data(&v.borders),
        coast = svg_path_data(&v.coastline),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(kind), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!(
            "usage: basemap_preview world|pacific|globe|mideast|mercator|south|aeqd|conic-us OUT.svg"
        );
        std::process::exit(2);
    };
    let world = [
        ll(-179.9, -60.0),
        ll(179.9, 80.0),
        ll(0.0, -89.0),
        ll(0.0, 89.0),
    ];
    let text = match kind.as_str() {
        "world" => svg(&fit(EqualEarth::sphere(0.0), &world, 960.0, 470.0, 5.0).unwrap()),
        "pacific" => svg(&fit(
            EqualEarth::sphere(180.0),
            &[ll(0.1, -89.0), ll(0.1, 89.0), ll(-0.1, 0.0), ll(0.1, 0.0)],
            960.0,
            470.0,
            5.0,
        )
        .unwrap()),
        "mercator" => svg(&fit(
            Mercator::sphere(150.0),
            &[ll(-29.9, -84.0), ll(-30.1, 84.0)],
            800.0,
            800.0,
            5.0,
        )
        .unwrap()),
        "globe" => {
            let o = Orthographic::sphere(ll(-30.0, 35.0));
            svg(&fit(
                o,
                &[
                    ll(-30.0, -55.0),
                    ll(-30.0, 89.0),
                    ll(-120.0, 35.0),
                    ll(60.0, 35.0),
                ],
                700.0,
                700.0,
                10.0,
            )
            .unwrap())
        }
        "south" => {
            let o = Orthographic::sphere(ll(0.0, -90.0));
            svg(&fit(
                o,
                &[ll(0.0, 0.0), ll(90.0, 0.0), ll(180.0, 0.0), ll(-90.0, 0.0)],
                700.0,
                700.0,
                10.0,
            )
            .unwrap())
        }
        "mideast" => {
            let l = LambertConic::sphere(38.0, 32.0, 28.0, 36.0).unwrap();
            svg(&fit(
                l,
                &[
                    ll(34.5, 31.0),
                    ll(36.0, 32.0),
                    ll(44.4, 33.3),
                    ll(35.2, 31.9),
                ],
                960.0,
                600.0,
                60.0,
            )
            .unwrap())
        }
        "aeqd" => {
            let a = AzimuthalEquidistant::sphere(ll(35.9, 31.9));
            let pi = std::f64::consts::PI;
            let b = Bounds::centred(0.0, 0.0, pi, pi);
            svg(&fit_bounds(a, b, 700.0, 700.0, 10.0).unwrap())
        }
        "conic-us" => {
            let l = LambertConic::sphere(-96.0, 39.0, 33.0, 45.0).unwrap();
            svg(&fit(
                l,
                &[
                    ll(-125.0, 49.0),
                    ll(-67.0, 45.0),
                    ll(-80.0, 25.0),
                    ll(-117.0, 32.5),
                ],
                960.0,
                600.0,
                20.0,
            )
            .unwrap())
        }
        other => {
            eprintln!("unknown view {other}");
            std::process::exit(2);
        }
    };
    std::fs::write(out, text).expect("write the SVG");
}
