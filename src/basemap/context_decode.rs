//! Decoding the bundled context layer (`data/basemap/context.bin`, written by
//! `scripts/compact_context.py`): admin-1 boundary lines by country, cities, named water. The
//! format is described in the script's docstring.

use super::decode::{
    BBox, DecodeError, Feature, Polygon, Reader, Ring, bbox_of, check_polygon, check_run, polygon,
};
use super::lazy::Lazy;

/// The admin-1 (state, province) boundary lines of one country.
#[derive(Debug)]
pub struct Admin1Country {
    /// Natural Earth's `ADM0_A3` of the country the lines are in.
    pub adm0_a3: String,
    /// The typical size of one of its admin-1 units in km: the square root of the country's
    /// area over its number of units (Japan 88, the United States 430, the United Kingdom 32).
    pub unit_km: f64,
    /// The box around all its lines.
    pub bbox: BBox,
    /// The boundary lines (lon/lat degrees) and their boxes, in the same order; decoded when
    /// first asked for.
    pub lines: Lazy<'static, Admin1Lines>,
}

/// A country's admin-1 boundary lines, decoded.
#[derive(Debug)]
pub struct Admin1Lines {
    /// The boundary lines, lon/lat degrees.
    pub lines: Vec<Ring>,
    /// Bounding boxes of `lines`, in the same order.
    pub boxes: Vec<BBox>,
}

/// A populated place from Natural Earth's 10m populated places.
#[derive(Debug, Clone)]
pub struct CityRecord {
    /// Natural Earth's `NAME` (Latin script, with diacritics: "Ōsaka").
    pub name: String,
    /// The name in the country's own script where Natural Earth 4.1 has it (Chinese for China,
    /// Taiwan, Hong Kong and Macao; Russian for Russia, Belarus, Kazakhstan, Kyrgyzstan).
    pub local: Option<String>,
    /// Natural Earth's `min_zoom`: the Web Mercator zoom from which it is worth labelling.
    pub min_zoom: f64,
    /// Natural Earth's `SCALERANK` (0 = world cities … 10).
    pub scalerank: u8,
    /// Natural Earth's `POP_MAX` (the metropolitan population).
    pub population: u64,
    /// A national capital (`FEATURECLA` "Admin-0 capital").
    pub capital: bool,
    /// The GeoNames id Natural Earth gives, if any (names in other scripts are in the
    /// gazetteer under it).
    pub geonameid: Option<u32>,
    /// Longitude, latitude in degrees.
    pub at: (f64, f64),
}

/// What kind of water a named water body is (Natural Earth's `featurecla`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WaterKind {
    /// An ocean.
    Ocean,
    /// A sea.
    Sea,
    /// A gulf.
    Gulf,
    /// A bay.
    Bay,
    /// A strait.
    Strait,
    /// A channel.
    Channel,
    /// A sound.
    Sound,
    /// A fjord.
    Fjord,
    /// A lagoon.
    Lagoon,
    /// An inlet.
    Inlet,
    /// A reef (the Great Barrier Reef).
    Reef,
    /// A river mouth or estuary named as marine water.
    River,
    /// A lake or reservoir (Natural Earth's 10m lakes).
    Lake,
    /// Other named water.
    Other,
}

/// The order of `WATER_KINDS` in the script.
const WATER_KINDS: [WaterKind; 14] = [
    WaterKind::Ocean,
    WaterKind::Sea,
    WaterKind::Gulf,
    WaterKind::Bay,
    WaterKind::Strait,
    WaterKind::Channel,
    WaterKind::Sound,
    WaterKind::Fjord,
    WaterKind::Lagoon,
    WaterKind::Inlet,
    WaterKind::Reef,
    WaterKind::River,
    WaterKind::Lake,
    WaterKind::Other,
];

/// A named water body: a marine area or a lake, with an outline simplified to 0.02° that only
/// serves to place its label.
#[derive(Debug)]
pub struct WaterBody {
    /// Its name ("Aegean Sea", "Lake Victoria"; oceans in title case).
    pub name: String,
    /// What kind of water it is.
    pub kind: WaterKind,
    /// Natural Earth's `min_label`: the Web Mercator zoom from which it is labelled.
    pub min_zoom: f64,
    /// Natural Earth's `max_label` (marine areas): past it the name is too general to show.
    pub max_zoom: Option<f64>,
    /// Its polygons, lon/lat degrees, each with its box; decoded when first asked for.
    pub polygons: Vec<Feature<Polygon>>,
}

/// The decoded context layer.
#[derive(Debug, Default)]
pub struct ContextLayers {
    /// Admin-1 boundary lines, by country (sorted by `adm0_a3`).
    pub admin1: Vec<Admin1Country>,
    /// Cities, most important first (by `min_zoom`, then population, then name).
    pub cities: Vec<CityRecord>,
    /// Named water: marine areas, then lakes.
    pub water: Vec<WaterBody>,
}

/// Decodes a context file: names, ranks and boxes at once; geometry checked now and decoded
/// when a map first needs it.
pub fn decode_context(bytes: &'static [u8]) -> Result<ContextLayers, DecodeError> {
    decode_context_from(Reader::open(bytes, b"TMC2")?)
}

/// [`decode_context`] for tripmap's bundled file, whose blocks the tests check
/// (`basemap::data`): its geometry is not checked again on every run.
pub(crate) fn decode_context_bundled(bytes: &'static [u8]) -> Result<ContextLayers, DecodeError> {
    decode_context_from(Reader::open(bytes, b"TMC2")?.bundled())
}

/// Decodes a context file from its reader (after the header).
fn decode_context_from(mut r: Reader<'static>) -> Result<ContextLayers, DecodeError> {
    let admin1 = admin1(&mut r)?;
    let cities = cities(&mut r)?;
    let water = water(&mut r)?;
    r.finish()?;
    Ok(ContextLayers {
        admin1,
        cities,
        water,
    })
}

fn admin1(r: &mut Reader<'static>) -> Result<Vec<Admin1Country>, DecodeError> {
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let adm0_a3 = r.string()?;
        let unit_km = r.varint()? as f64;
        let (bbox, corner) = r.bbox()?;
        let lines = Lazy::checked(r.block(corner)?, check_admin1_lines, admin1_lines)?;
        out.push(Admin1Country {
            adm0_a3,
            unit_km,
            bbox,
            lines,
        });
    }
    Ok(out)
}

/// Checks a country's block of admin-1 lines without decoding it.
fn check_admin1_lines(r: &mut Reader) -> Result<usize, DecodeError> {
    let n = r.count()?;
    for _ in 0..n {
        check_run(r)?;
    }
    Ok(n)
}

/// Decodes a country's block of admin-1 lines.
fn admin1_lines(r: &mut Reader) -> Result<Admin1Lines, DecodeError> {
    let lines = (0..r.count()?)
        .map(|_| r.run())
        .collect::<Result<Vec<_>, _>>()?;
    let boxes = lines.iter().map(|l| bbox_of(l.iter())).collect();
    Ok(Admin1Lines { lines, boxes })
}

fn cities(r: &mut Reader) -> Result<Vec<CityRecord>, DecodeError> {
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    let mut last = (0i64, 0i64);
    for _ in 0..n {
        let name = r.string()?;
        let local = Some(r.string()?).filter(|s| !s.is_empty());
        let min_zoom = r.varint()? as f64 / 10.0;
        let Ok(scalerank) = u8::try_from(r.varint()?) else {
            return r.fail("a scale rank under 256");
        };
        let population = r.varint()?;
        let capital = r.varint()? & 1 == 1;
        let Ok(geonameid) = u32::try_from(r.varint()?) else {
            return r.fail("a GeoNames id of 32 bits");
        };
        last = (last.0 + r.svarint()?, last.1 + r.svarint()?);
        out.push(CityRecord {
            name,
            local,
            min_zoom,
            scalerank,
            population,
            capital,
            geonameid: (geonameid != 0).then_some(geonameid),
            at: (r.degrees(last.0), r.degrees(last.1)),
        });
    }
    Ok(out)
}

fn water(r: &mut Reader<'static>) -> Result<Vec<WaterBody>, DecodeError> {
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.string()?;
        let Some(&kind) = usize::try_from(r.varint()?)
            .ok()
            .and_then(|k| WATER_KINDS.get(k))
        else {
            return r.fail("a known kind of water");
        };
        let min_zoom = r.varint()? as f64 / 10.0;
        let max_zoom = Some(r.varint()? as f64 / 10.0).filter(|&z| z > 0.0);
        let polygons = (0..r.count()?)
            .map(|_| r.feature(check_polygon, polygon))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(WaterBody {
            name,
            kind,
            min_zoom,
            max_zoom,
            polygons,
        });
    }
    Ok(out)
}
#[cfg(test)]
mod test {
    use super::*;

    /// A file with one country's line, one city and one lake, written by hand.
    fn sample() -> Vec<u8> {
        let mut b = b"TMC2".to_vec();
        b.extend([0xe8, 0x07]); // 1000 units per degree
        // admin-1: one country "JPN", unit 88 km, box at (1000, 1) 2 wide and 1 high, a block
        // of 6 bytes with one line of two points.
        b.extend([
            1, 3, b'J', b'P', b'N', 88, 0xd0, 0x0f, 0x02, 0x02, 0x01, 6, 1, 2,
        ]);
        b.extend([0, 0, 0x04, 0x02]); // the box's corner (1000, 1), then (+2, +1)
        // cities: one, "Ab", no local name, zoom 5.1, rank 4, pop 300, capital, id 7.
        b.extend([1, 2, b'A', b'b', 0, 51, 4, 0xac, 0x02, 1, 7, 0x03, 0x04]); // at (-2, 2)
        // water: one lake "L" (kind 12), zoom 3.0, no max, one polygon with its box (corner
        // 0, 0, 1 wide and 1 high) and a block of 8 bytes: a triangle.
        b.extend([
            1, 1, b'L', 12, 30, 0, 1, 0, 0, 1, 1, 8, 1, 3, 0, 0, 2, 0, 0, 2,
        ]);
        b
    }

    #[test]
    fn decodes_each_layer() {
        let c = decode_context(sample().leak()).unwrap();
        assert_eq!(c.admin1.len(), 1);
        let jpn = &c.admin1[0];
        assert_eq!((jpn.adm0_a3.as_str(), jpn.unit_km), ("JPN", 88.0));
        assert_eq!(jpn.bbox, (1.0, 0.001, 1.002, 0.002));
        assert_eq!(
            jpn.lines.get().lines,
            vec![vec![(1.0, 0.001), (1.002, 0.002)]]
        );
        assert_eq!(jpn.lines.get().boxes[0], (1.0, 0.001, 1.002, 0.002));
        let city = &c.cities[0];
        assert_eq!(city.name, "Ab");
        assert_eq!(city.local, None);
        assert_eq!(
            (city.min_zoom, city.scalerank, city.population),
            (5.1, 4, 300)
        );
        assert!(city.capital);
        assert_eq!(city.geonameid, Some(7));
        assert_eq!(city.at, (-0.002, 0.002));
        let lake = &c.water[0];
        assert_eq!((lake.name.as_str(), lake.kind), ("L", WaterKind::Lake));
        assert_eq!((lake.min_zoom, lake.max_zoom), (3.0, None));
        assert_eq!(lake.polygons.len(), 1);
        assert_eq!(lake.polygons[0].bbox, (0.0, 0.0, 0.001, 0.001));
        assert_eq!(
            *lake.polygons[0].geometry.get(),
            vec![vec![(0.0, 0.0), (0.001, 0.0), (0.001, 0.001)]]
        );
    }

    #[test]
    fn rejects_corrupt_files() {
        let good = sample();
        assert!(
            decode_context(good[..good.len() - 1].to_vec().leak()).is_err(),
            "cut short"
        );
        let mut extra = good.clone();
        extra.push(0);
        assert!(
            decode_context(extra.clone().leak()).is_err(),
            "trailing byte"
        );
        let mut magic = good.clone();
        magic[3] = b'1'; // the first version of the format
        assert!(decode_context(magic.clone().leak()).is_err(), "wrong magic");
        let mut kind = good.clone();
        let at = kind.len() - 17; // the lake's kind
        assert_eq!(kind[at], 12);
        kind[at] = 40;
        let e = decode_context(kind.clone().leak()).unwrap_err();
        assert_eq!(e.what, "a known kind of water");
        let mut count = good.clone();
        count[6] = 0x7f; // 127 countries in a few bytes
        assert!(
            decode_context(count.clone().leak()).is_err(),
            "count beyond the data"
        );
        // A block whose geometry runs past its length is refused when the file is read, not
        // when the geometry is first used.
        let mut block = good.clone();
        let at = block.len() - 7; // the lake's ring: 3 points
        assert_eq!(block[at], 3);
        block[at] = 4;
        let e = decode_context(block.clone().leak()).unwrap_err();
        assert_eq!(e.what, "a number, found the end");
        let mut boxes = good;
        let at = boxes.len() - 14; // the lake's number of polygons
        assert_eq!(boxes[at], 1);
        boxes[at] = 0;
        assert!(
            decode_context(boxes.leak()).is_err(),
            "a polygon count that does not match the data"
        );
    }
}
