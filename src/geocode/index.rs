//! The embedded gazetteer index: the bytes of `data/gazetteer/gazetteer.bin`, read in place.
//!
//! Built by `examples/build_gazetteer.rs` (run `scripts/build_gazetteer.sh`). Layout, all
//! integers little-endian: the magic `TRIPGAZ2`, a u32 section count, then (u32 offset, u32
//! length) per section, then the sections:
//!
//! 0. place names, UTF-8, concatenated;
//! 1. places, 28-byte records sorted by weight (largest first): geonameid u32 (0 for places not
//!    from GeoNames), latitude and longitude i32 in 1e-5 degrees, weight u32 (a town's
//!    population; for an airport, park, landmark or mountain, the population it ranks like),
//!    name offset u32 and length u16 (into section 0), admin-1 index u16, time-zone index u16,
//!    country index u8, kind u8 (0 town, 1 airport, 2 park, 3 landmark, 4 mountain);
//! 2. keys, 8-byte records sorted by normalised name (bytes): name offset u32 (into section 4; it
//!    ends where the next begins), first posting u32 (the postings end where the next key's
//!    begin);
//! 3. postings, u32 each: place index << 1, plus 1 when the key is an alternate name;
//! 4. normalised names, concatenated: [`normalize`](super::normalize) forms (ASCII) and
//!    [`native`](super::normalize::native) forms of names in other scripts (UTF-8);
//! 5. countries, a text line each: iso2, iso3, name, capital, capital's place index or -1,
//!    capital latitude, longitude, geonameid, population, `|`-joined normalised names;
//! 6. admin-1 regions, a text line each: country, code, name, normalised name;
//! 7. IANA time zones, one per line;
//! 8. airport codes, 8-byte records sorted by code: the IATA (3 letters) or ICAO (4) code padded
//!    with zero bytes to 4, place index u32;
//! 9. places not from GeoNames, a text line each in place order: place index, source id
//!    (`ourairports:2434`, `nps:YELL`, `naturalearth:...`, `tripmap:eiffel-tower`), IATA, ICAO.
//!
//! Loading reads only the small text tables (sections 5 to 7 and 9); places, keys and codes are
//! read from the embedded bytes when a lookup touches them.

/// The index bytes, embedded in the binary.
pub(crate) static BYTES: &[u8] = include_bytes!("../../data/gazetteer/gazetteer.bin");

/// A country from the index.
#[derive(Debug, Clone)]
pub(crate) struct CountryRow {
    pub iso2: &'static str,
    pub iso3: &'static str,
    pub name: &'static str,
    pub capital: &'static str,
    pub capital_place: Option<u32>,
    pub capital_lat: Option<f64>,
    pub capital_lon: Option<f64>,
    pub capital_geonameid: Option<u32>,
    pub population: u64,
    pub keys: Vec<&'static str>,
}

/// An admin-1 region (state, province) from the index.
#[derive(Debug, Clone)]
pub(crate) struct Admin1Row {
    pub country: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub key: &'static str,
}

/// A place that is not from GeoNames: its source's id and its airport codes.
#[derive(Debug, Clone)]
pub(crate) struct ExtraRow {
    pub place: u32,
    pub id: &'static str,
    pub iata: &'static str,
    pub icao: &'static str,
}

/// One place record, decoded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlaceRow {
    pub geonameid: u32,
    pub lat: f64,
    pub lon: f64,
    pub population: u32,
    pub name: &'static str,
    pub admin1: u16,
    pub zone: u16,
    pub country: u8,
    pub kind: u8,
}

/// The index, with its sections located and small tables decoded.
#[derive(Debug)]
pub(crate) struct Index {
    names: &'static [u8],
    places: &'static [u8],
    keys: &'static [u8],
    postings: &'static [u8],
    key_names: &'static [u8],
    codes: &'static [u8],
    pub extras: Vec<ExtraRow>,
    pub countries: Vec<CountryRow>,
    pub admin1: Vec<Admin1Row>,
    pub zones: Vec<&'static str>,
    /// The keys, ascending, by their length in bytes, each with the set of letters and digits
    /// in it (built on first use, by the "did you mean" scan, which looks only at names of
    /// about the length and letters asked for).
    by_length: std::sync::OnceLock<Vec<Vec<(u32, u64)>>>,
}

const PLACE_SIZE: usize = 28;
const KEY_SIZE: usize = 8;

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn text(b: &'static [u8]) -> &'static str {
    std::str::from_utf8(b).expect("gazetteer text tables are UTF-8 (checked by tests)")
}

impl Index {
    /// Locates the sections of `bytes` and decodes the small tables. Panics only on a corrupt
    /// embedded index, which the crate's tests rule out.
    pub fn parse(bytes: &'static [u8]) -> Index {
        assert_eq!(&bytes[..8], b"TRIPGAZ2", "gazetteer index magic");
        let n = u32_at(bytes, 8) as usize;
        let section = |i: usize| -> &'static [u8] {
            assert!(i < n, "gazetteer index section {i}");
            let off = u32_at(bytes, 12 + 8 * i) as usize;
            let len = u32_at(bytes, 16 + 8 * i) as usize;
            &bytes[off..off + len]
        };
        let countries = text(section(5))
            .lines()
            .map(|l| {
                let f: Vec<&'static str> = l.split('\t').collect();
                CountryRow {
                    iso2: f[0],
                    iso3: f[1],
                    name: f[2],
                    capital: f[3],
                    capital_place: f[4].parse().ok(),
                    capital_lat: f[5].parse().ok(),
                    capital_lon: f[6].parse().ok(),
                    capital_geonameid: f[7].parse().ok(),
                    population: f[8].parse().unwrap_or(0),
                    keys: f[9].split('|').filter(|k| !k.is_empty()).collect(),
                }
            })
            .collect();
        let admin1 = text(section(6))
            .lines()
            .map(|l| {
                let f: Vec<&'static str> = l.split('\t').collect();
                Admin1Row {
                    country: f[0],
                    code: f[1],
                    name: f[2],
                    key: f[3],
                }
            })
            .collect();
        let extras = text(section(9))
            .lines()
            .map(|l| {
                let f: Vec<&'static str> = l.split('\t').collect();
                ExtraRow {
                    place: f[0].parse().unwrap_or(u32::MAX),
                    id: f[1],
                    iata: f[2],
                    icao: f[3],
                }
            })
            .collect();
        Index {
            names: section(0),
            codes: section(8),
            extras,
            places: section(1),
            keys: section(2),
            postings: section(3),
            key_names: section(4),
            countries,
            admin1,
            zones: text(section(7)).lines().collect(),
            by_length: std::sync::OnceLock::new(),
        }
    }

    /// The keys whose normalised names are `len` bytes long, ascending, each with
    /// set of letters (`suggest::letter_set`).
    pub fn keys_of_length(&self, len: usize) -> &[(u32, u64)] {
        let by_length = self.by_length.get_or_init(|| {
            let mut by: Vec<Vec<(u32, u64)>> = Vec::new();
            for k in 0..self.key_count() {
                let bytes = self.key_bytes(k);
                if by.len() <= bytes.len() {
                    by.resize_with(bytes.len() + 1, Vec::new);
                }
                by[bytes.len()].push((k as u32, super::suggest::letter_set(bytes)));
            }
            by
        });
        by_length.get(len).map_or(&[], Vec::as_slice)
    }

    /// Number of places.
    pub fn place_count(&self) -> usize {
        self.places.len() / PLACE_SIZE
    }

    /// Number of distinct normalised names.
    pub fn key_count(&self) -> usize {
        self.keys.len() / KEY_SIZE
    }

    /// Place `i` (0 is the most populous).
    pub fn place(&self, i: u32) -> PlaceRow {
        let at = i as usize * PLACE_SIZE;
        let r = &self.places[at..at + PLACE_SIZE];
        let name_off = u32_at(r, 16) as usize;
        let name_len = u16_at(r, 20) as usize;
        PlaceRow {
            geonameid: u32_at(r, 0),
            lat: f64::from(u32_at(r, 4) as i32) / 1e5,
            lon: f64::from(u32_at(r, 8) as i32) / 1e5,
            population: u32_at(r, 12),
            name: text(&self.names[name_off..name_off + name_len]),
            admin1: u16_at(r, 22),
            zone: u16_at(r, 24),
            country: r[26],
            kind: r[27],
        }
    }

    /// The source id and codes of place `i` when it is not from GeoNames.
    pub fn extra(&self, i: u32) -> Option<&ExtraRow> {
        self.extras
            .binary_search_by_key(&i, |e| e.place)
            .ok()
            .map(|k| &self.extras[k])
    }

    /// The places whose IATA or ICAO code is `code` (upper case), by weight.
    pub fn by_code(&self, code: &str) -> Vec<u32> {
        let mut wanted = [0u8; 4];
        if code.is_empty() || code.len() > 4 {
            return Vec::new();
        }
        wanted[..code.len()].copy_from_slice(code.as_bytes());
        let count = self.codes.len() / 8;
        let at = |k: usize| &self.codes[k * 8..k * 8 + 4];
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if at(mid) < &wanted[..] {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo..count)
            .take_while(|&k| at(k) == &wanted[..])
            .map(|k| u32_at(self.codes, k * 8 + 4))
            .collect()
    }

    /// The normalised name of key `i`.
    pub fn key(&self, i: usize) -> &'static str {
        text(self.key_bytes(i))
    }

    /// The normalised name of key `i`, as bytes (ASCII, or UTF-8 for a native-script key).
    pub fn key_bytes(&self, i: usize) -> &'static [u8] {
        let start = u32_at(self.keys, i * KEY_SIZE) as usize;
        let end = if i + 1 < self.key_count() {
            u32_at(self.keys, (i + 1) * KEY_SIZE) as usize
        } else {
            self.key_names.len()
        };
        &self.key_names[start..end]
    }

    /// The places named `key` (already normalised), as (place index, is an alternate name), in
    /// population order.
    pub fn postings(&self, key: &str) -> Vec<(u32, bool)> {
        let (mut lo, mut hi) = (0, self.key_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.postings_of(mid),
            }
        }
        Vec::new()
    }

    /// The postings of key `i`.
    pub fn postings_of(&self, i: usize) -> Vec<(u32, bool)> {
        let start = u32_at(self.keys, i * KEY_SIZE + 4) as usize;
        let end = if i + 1 < self.key_count() {
            u32_at(self.keys, (i + 1) * KEY_SIZE + 4) as usize
        } else {
            self.postings.len() / 4
        };
        (start..end)
            .map(|p| {
                let v = u32_at(self.postings, p * 4);
                (v >> 1, v & 1 == 1)
            })
            .collect()
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::geocode::normalize;

    /// The builder and the lookups must agree: keys sorted and unique, postings in range and in
    /// population order, and every place findable under its own normalised name.
    #[test]
    fn the_embedded_index_is_consistent_with_normalize() {
        let index = Index::parse(BYTES);
        assert!(index.place_count() > 100_000);
        for k in 1..index.key_count() {
            assert!(index.key(k - 1) < index.key(k), "keys sorted at {k}");
        }
        let mut previous_population = u32::MAX;
        for i in 0..index.place_count() as u32 {
            let p = index.place(i);
            assert!(
                p.population <= previous_population,
                "population order at {i}"
            );
            previous_population = p.population;
            assert!((-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon));
            assert!(usize::from(p.country) < index.countries.len());
            assert!(usize::from(p.admin1) < index.admin1.len());
            assert!(usize::from(p.zone) < index.zones.len());
            assert!(p.kind <= 4);
            assert_eq!(
                p.kind == 0,
                p.geonameid != 0,
                "{}: GeoNames ids for towns",
                p.name
            );
            assert_eq!(
                p.kind != 0,
                index.extra(i).is_some(),
                "{}: extras row",
                p.name
            );
            let own = index.postings(&normalize(p.name));
            assert!(own.contains(&(i, false)), "{} under its own name", p.name);
        }
        for k in (0..index.key_count()).step_by(101) {
            let postings = index.postings_of(k);
            assert!(!postings.is_empty());
            assert!(postings.windows(2).all(|w| w[0].0 < w[1].0));
            assert!(
                postings
                    .iter()
                    .all(|&(i, _)| (i as usize) < index.place_count())
            );
        }
        assert!(index.extras.windows(2).all(|w| w[0].place < w[1].place));
        for k in 0..index.codes.len() / 8 {
            let i = u32_at(index.codes, k * 8 + 4);
            let e = index.extra(i).expect("a code belongs to an extra place");
            let code = std::str::from_utf8(&index.codes[k * 8..k * 8 + 4])
                .unwrap()
                .trim_end_matches('\0');
            assert!(code == e.iata || code == e.icao, "{code}");
            assert!(index.by_code(code).contains(&i), "{code}");
        }
        for zone in &index.zones {
            assert!(
                crate::model::time_zone(zone).is_ok(),
                "{zone} in jiff's database"
            );
        }
        let capitals = index
            .countries
            .iter()
            .filter(|c| c.capital_place.is_some())
            .count();
        assert!(capitals > 230, "{capitals} capitals among the places");
    }
}
