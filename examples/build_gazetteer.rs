//! Builds tripmap's embedded gazetteer index (`data/gazetteer/gazetteer.bin`) from the GeoNames
//! TSV files and the extra sources `scripts/prepare_gazetteer_sources.py` writes. Run through
//! `scripts/build_gazetteer.sh`; see `src/geocode/index.rs` for the format.
//!
//! ```text
//! cargo run --release --example build_gazetteer -- SOURCE_DIR cities.tsv data/gazetteer/gazetteer.bin 5000 \
//!     --native native.tsv --extras extras.tsv
//! ```
//!
//! In: `SOURCE_DIR/countries.tsv` and the cities TSV (columns geonameid, name, asciiname, country,
//! admin1_code, admin1_name, lat, lon, population, timezone, alt_latin); the fourth argument, when
//! given, is the smallest population whose alternate names are indexed; `--native` names a TSV of
//! native-script names per geonameid, `--extras` a TSV of airports, parks, landmarks and
//! mountains (columns in the script). Out: one binary file. Places are sorted by population (for
//! places that are not towns, the weight they rank with; largest first), so a place's index is
//! its rank. Each extra place takes its first-level region and time zone (and, when the source
//! gives none, its country) from the nearest town; a place of the hand-written landmarks table
//! more than 150 km from every town of its country is an error (a mistyped position).

#[path = "../src/geocode/normalize.rs"]
mod normalize;

use normalize::{native, normalize};
use rstar::{PointDistance, RTree, RTreeObject};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::error::Error;
use std::path::Path;
use tripmap::trig;

/// Other names people use for countries, beyond GeoNames' short English name.
const COUNTRY_ALIASES: &[(&str, &[&str])] = &[
    ("US", &["United States of America", "USA", "America"]),
    ("GB", &["UK", "Britain", "Great Britain"]),
    (
        "PS",
        &["Palestine", "State of Palestine", "Palestinian Territories"],
    ),
    ("CZ", &["Czech Republic"]),
    ("CI", &["Cote d'Ivoire"]),
    ("MM", &["Burma"]),
    ("CV", &["Cape Verde"]),
    ("SZ", &["Swaziland"]),
    ("MK", &["Macedonia"]),
    ("KR", &["Korea", "Republic of Korea"]),
    ("KP", &["DPRK"]),
    ("RU", &["Russian Federation"]),
    ("VN", &["Viet Nam"]),
    ("NL", &["Netherlands", "Holland"]),
    ("VA", &["Vatican City", "Holy See"]),
    ("CD", &["DR Congo", "DRC", "Congo-Kinshasa"]),
    ("CG", &["Congo", "Congo-Brazzaville"]),
    ("TR", &["Turkiye"]),
    ("AE", &["UAE", "Emirates"]),
    ("TL", &["East Timor"]),
    ("GM", &["The Gambia"]),
    ("BS", &["The Bahamas"]),
    ("IR", &["Persia"]),
    ("FM", &["Federated States of Micronesia"]),
];

struct Place {
    /// 0 for a town, else the `Kind` code of `src/geocode/index.rs`.
    kind: u8,
    /// The source's id for places not from GeoNames ("ourairports:2434").
    source_id: String,
    iata: String,
    icao: String,
    geonameid: u32,
    name: String,
    country: String,
    admin1: (String, String),
    lat: f64,
    lon: f64,
    population: u32,
    timezone: String,
    keys: BTreeSet<String>,
    alt_keys: BTreeSet<String>,
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let native_file = take_flag(&mut args, "--native")?;
    let extras_file = take_flag(&mut args, "--extras")?;
    let (source, cities, out, alt_min) = match args.as_slice() {
        [s, c, o] => (s, c, o, 0),
        [s, c, o, m] => (s, c, o, m.parse()?),
        _ => {
            return Err(
                "usage: build_gazetteer SOURCE_DIR CITIES_TSV OUT_FILE [ALT_NAMES_MIN_POPULATION] [--native TSV] [--extras TSV]"
                    .into(),
            );
        }
    };
    let source = Path::new(source);
    let mut places = read_places(&source.join(cities), alt_min)?;
    if let Some(path) = &native_file {
        add_native_names(&mut places, Path::new(path))?;
    }
    if let Some(path) = &extras_file {
        let extras = read_extras(Path::new(path), &places)?;
        places.extend(extras);
    }
    places.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then(a.kind.cmp(&b.kind))
            .then(a.geonameid.cmp(&b.geonameid))
            .then(a.source_id.cmp(&b.source_id))
    });
    let countries = read_tsv(&source.join("countries.tsv"))?;

    // Small tables, as text: time zones, admin-1 regions, countries.
    let zones: BTreeSet<&str> = places.iter().map(|p| p.timezone.as_str()).collect();
    let zones: Vec<&str> = zones.into_iter().collect();
    let zone_index: HashMap<&str, usize> = zones.iter().enumerate().map(|(i, z)| (*z, i)).collect();
    let mut admin1: BTreeMap<(String, String), String> = BTreeMap::new();
    for p in &places {
        let name = admin1
            .entry((p.country.clone(), p.admin1.0.clone()))
            .or_default();
        if name.is_empty() {
            name.clone_from(&p.admin1.1);
        }
    }
    let admin1_index: HashMap<&(String, String), usize> =
        admin1.keys().enumerate().map(|(i, k)| (k, i)).collect();
    let by_id: HashMap<u32, usize> = places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.geonameid, i))
        .collect();
    let mut country_rows = Vec::new();
    for row in &countries {
        let get = |k: &str| row.get(k).map(String::as_str).unwrap_or("");
        let iso2 = get("iso2");
        let mut keys = BTreeSet::new();
        keys.insert(normalize(get("name")));
        for (code, names) in COUNTRY_ALIASES {
            if *code == iso2 {
                keys.extend(names.iter().map(|n| normalize(n)));
            }
        }
        keys.remove("");
        let capital_place = get("capital_geonameid")
            .parse::<u32>()
            .ok()
            .and_then(|id| by_id.get(&id))
            .map_or(-1, |&i| i as i64);
        country_rows.push(format!(
            "{iso2}\t{}\t{}\t{}\t{capital_place}\t{}\t{}\t{}\t{}\t{}",
            get("iso3"),
            get("name").trim(),
            get("capital"),
            get("capital_lat"),
            get("capital_lon"),
            get("capital_geonameid"),
            get("population"),
            keys.into_iter().collect::<Vec<_>>().join("|"),
        ));
    }
    let country_index: HashMap<String, usize> = country_rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r[..2].to_string(), i))
        .collect();
    let admin1_text: String = admin1
        .iter()
        .map(|((cc, code), name)| format!("{cc}\t{code}\t{name}\t{}\n", normalize(name)))
        .collect();

    // Places: fixed 28-byte records; names in a string blob.
    let mut strings = Vec::new();
    let mut records = Vec::new();
    for p in &places {
        let country = *country_index
            .get(&p.country)
            .ok_or_else(|| format!("place {} has unknown country {}", p.geonameid, p.country))?;
        let name_off = strings.len() as u32;
        strings.extend_from_slice(p.name.as_bytes());
        records.extend_from_slice(&p.geonameid.to_le_bytes());
        records.extend_from_slice(&((p.lat * 1e5).round() as i32).to_le_bytes());
        records.extend_from_slice(&((p.lon * 1e5).round() as i32).to_le_bytes());
        records.extend_from_slice(&p.population.to_le_bytes());
        records.extend_from_slice(&name_off.to_le_bytes());
        records.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
        records.extend_from_slice(
            &(admin1_index[&(p.country.clone(), p.admin1.0.clone())] as u16).to_le_bytes(),
        );
        records.extend_from_slice(&(zone_index[p.timezone.as_str()] as u16).to_le_bytes());
        records.push(country as u8);
        records.push(p.kind);
    }

    // Airport codes: 8-byte records (code padded with zero bytes, place index), sorted; and the
    // extra places' ids and codes as text lines, in place order.
    let reserved: BTreeSet<String> = SHORT_ALTERNATES
        .iter()
        .map(|s| s.to_string())
        .chain(
            COUNTRY_ALIASES
                .iter()
                .flat_map(|(_, n)| n.iter().map(|a| normalize(a))),
        )
        .collect();
    let mut codes: Vec<([u8; 4], u32)> = Vec::new();
    let mut extras_text = String::new();
    for (i, p) in places.iter().enumerate() {
        if p.kind == 0 {
            continue;
        }
        extras_text.push_str(&format!("{i}\t{}\t{}\t{}\n", p.source_id, p.iata, p.icao));
        for code in [&p.iata, &p.icao] {
            if code.is_empty() {
                continue;
            }
            if reserved.contains(&code.to_ascii_lowercase()) {
                eprintln!(
                    "code {code} of {} not indexed: it is a place's abbreviation",
                    p.name
                );
                continue;
            }
            let mut c = [0u8; 4];
            c[..code.len()].copy_from_slice(code.as_bytes());
            codes.push((c, i as u32));
        }
    }
    codes.sort_unstable();
    let mut code_records = Vec::new();
    for (c, i) in &codes {
        code_records.extend_from_slice(c);
        code_records.extend_from_slice(&i.to_le_bytes());
    }

    // Keys: sorted normalised names, each with its postings (place index << 1 | alternate flag).
    let mut keys: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, p) in places.iter().enumerate() {
        for k in &p.keys {
            keys.entry(k).or_default().push((i as u32) << 1);
        }
        for k in p.alt_keys.difference(&p.keys) {
            keys.entry(k).or_default().push(((i as u32) << 1) | 1);
        }
    }
    let mut key_blob = Vec::new();
    let mut key_records = Vec::new();
    let mut postings = Vec::new();
    for (k, list) in &keys {
        key_records.extend_from_slice(&(key_blob.len() as u32).to_le_bytes());
        key_records.extend_from_slice(&((postings.len() / 4) as u32).to_le_bytes());
        key_blob.extend_from_slice(k.as_bytes());
        let mut list = list.clone();
        list.sort_unstable();
        for v in list {
            postings.extend_from_slice(&v.to_le_bytes());
        }
    }

    let sections: Vec<Vec<u8>> = vec![
        strings,
        records,
        key_records,
        postings,
        key_blob,
        (country_rows.join("\n") + "\n").into_bytes(),
        admin1_text.into_bytes(),
        (zones.join("\n") + "\n").into_bytes(),
        code_records,
        extras_text.into_bytes(),
    ];
    let mut file = b"TRIPGAZ2".to_vec();
    file.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    let mut offset = 12 + 8 * sections.len();
    for s in &sections {
        file.extend_from_slice(&(offset as u32).to_le_bytes());
        file.extend_from_slice(&(s.len() as u32).to_le_bytes());
        offset += s.len();
    }
    for s in &sections {
        file.extend_from_slice(s);
    }
    std::fs::write(out, &file)?;
    let extra_count = places.iter().filter(|p| p.kind != 0).count();
    eprintln!(
        "{out}: {} places ({} towns, {extra_count} others), {} keys, {} codes, {} admin-1 regions, {} countries, {} zones, {} bytes",
        places.len(),
        places.len() - extra_count,
        keys.len(),
        codes.len(),
        admin1.len(),
        country_rows.len(),
        zones.len(),
        file.len()
    );
    Ok(())
}

/// A TSV with a header row, as maps from column name to value.
fn read_tsv(path: &Path) -> Result<Vec<HashMap<String, String>>, Box<dyn Error>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_path(path)?;
    let headers = reader.headers()?.clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record?;
        rows.push(
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect(),
        );
    }
    Ok(rows)
}

/// Short alternate names kept although short: abbreviations people write for their cities.
const SHORT_ALTERNATES: &[&str] = &["nyc", "la", "sf", "kl", "df", "cdmx", "hcmc", "rio"];

/// Words that are alternate names of some place in GeoNames but far more often just words
/// ("From" for Frome, "North" for North Salt Lake): not indexed as alternate names.
const NOT_ALTERNATES: &[&str] = &[
    "about", "after", "also", "before", "capital", "central", "city", "east", "from", "have",
    "into", "june", "july", "lower", "north", "over", "place", "south", "that", "their", "there",
    "they", "this", "town", "under", "upper", "west", "what", "when", "where", "which", "will",
    "with", "would",
];

/// Whether an alternate name is worth indexing: written with a capital letter (GeoNames' all
/// lower-case entries are machine transliterations such as "an dao er cheng"), not too long, and
/// neither a code of 3 letters or fewer (airport codes: "SEA", "CAN", "WAS" would turn the words
/// "sea", "can", "was" into cities) nor a common word.
fn useful_alternate(name: &str) -> bool {
    let key = normalize(name);
    name.chars().any(char::is_uppercase)
        && name.chars().count() <= 40
        && (key.len() > 3 || SHORT_ALTERNATES.contains(&key.as_str()))
        && !NOT_ALTERNATES.contains(&key.as_str())
}

/// The places of a cities TSV; alternate names only for places of `alt_min` people or more.
fn read_places(path: &Path, alt_min: u32) -> Result<Vec<Place>, Box<dyn Error>> {
    let mut places = Vec::new();
    for row in read_tsv(path)? {
        let get = |k: &str| row.get(k).map(String::as_str).unwrap_or("");
        let name = get("name").to_string();
        // Not the `asciiname` column: its ASCII fold drops letters such as "ø" ("Bø" -> "B"),
        // where `normalize` transliterates them ("bo").
        let mut keys: BTreeSet<String> = [normalize(&name)].into();
        keys.remove("");
        if keys.is_empty() {
            continue;
        }
        let population: u32 = get("population").parse()?;
        let alt_names = if population >= alt_min {
            get("alt_latin")
        } else {
            ""
        };
        let alt_keys: BTreeSet<String> = alt_names
            .split('|')
            .filter(|a| useful_alternate(a))
            .map(normalize)
            .filter(|k| !k.is_empty())
            .collect();
        places.push(Place {
            kind: 0,
            source_id: String::new(),
            iata: String::new(),
            icao: String::new(),
            geonameid: get("geonameid").parse()?,
            name,
            country: get("country").to_string(),
            admin1: (
                get("admin1_code").to_string(),
                get("admin1_name").to_string(),
            ),
            lat: get("lat").parse()?,
            lon: get("lon").parse()?,
            population,
            timezone: get("timezone").to_string(),
            keys,
            alt_keys,
        });
    }
    Ok(places)
}

/// Removes `flag VALUE` from `args`, returning the value.
fn take_flag(args: &mut Vec<String>, flag: &str) -> Result<Option<String>, Box<dyn Error>> {
    let Some(at) = args.iter().position(|a| a == flag) else {
        return Ok(None);
    };
    if at + 1 >= args.len() {
        return Err(format!("{flag} needs a file").into());
    }
    let value = args.remove(at + 1);
    args.remove(at);
    Ok(Some(value))
}

/// Adds the native-script names of `path` (geonameid, `|`-joined names) to the places as
/// alternate names, under their [`native`] form.
fn add_native_names(places: &mut [Place], path: &Path) -> Result<(), Box<dyn Error>> {
    let by_id: HashMap<u32, usize> = places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.geonameid, i))
        .collect();
    let (mut names, mut missing) = (0, 0);
    for row in read_tsv(path)? {
        let id: u32 = row["geonameid"].parse()?;
        let Some(&i) = by_id.get(&id) else {
            missing += 1;
            continue;
        };
        for name in row["names"].split('|') {
            if let Some(key) = native(name) {
                places[i].alt_keys.insert(key);
                names += 1;
            }
        }
    }
    eprintln!(
        "{}: {names} native-script names ({missing} places not among the towns)",
        path.display()
    );
    Ok(())
}

/// The `Kind` code of an extras row's kind.
fn kind_code(kind: &str) -> Option<u8> {
    match kind {
        "airport" => Some(1),
        "park" => Some(2),
        "landmark" => Some(3),
        "mountain" => Some(4),
        _ => None,
    }
}

/// A town's position on the unit sphere, for nearest-town searches.
struct TownPoint {
    xyz: [f64; 3],
    index: usize,
}

fn unit_vector(lat: f64, lon: f64) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [
        trig::cos(lat) * trig::cos(lon),
        trig::cos(lat) * trig::sin(lon),
        trig::sin(lat),
    ]
}

impl RTreeObject for TownPoint {
    type Envelope = rstar::AABB<[f64; 3]>;
    fn envelope(&self) -> Self::Envelope {
        rstar::AABB::from_point(self.xyz)
    }
}

impl PointDistance for TownPoint {
    fn distance_2(&self, p: &[f64; 3]) -> f64 {
        (0..3).map(|k| (self.xyz[k] - p[k]).powi(2)).sum()
    }
}

/// Great-circle distance in kilometres between two unit vectors.
fn chord_km(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    let chord = (0..3).map(|k| (a[k] - b[k]).powi(2)).sum::<f64>().sqrt();
    2.0 * 6371.0 * trig::asin((chord / 2.0).min(1.0))
}

/// The airports, parks, landmarks and mountains of `path`, each with the first-level region and
/// time zone of the nearest town (in its country when the row names one; else the nearest
/// town's country too).
fn read_extras(path: &Path, towns: &[Place]) -> Result<Vec<Place>, Box<dyn Error>> {
    let tree = RTree::bulk_load(
        towns
            .iter()
            .enumerate()
            .map(|(index, t)| TownPoint {
                xyz: unit_vector(t.lat, t.lon),
                index,
            })
            .collect(),
    );
    let mut out = Vec::new();
    let mut farthest = (0.0f64, String::new());
    for (line, row) in read_tsv(path)?.into_iter().enumerate() {
        let get = |k: &str| row.get(k).map(String::as_str).unwrap_or("");
        let at = format!("{}:{}", path.display(), line + 2);
        let kind = kind_code(get("kind")).ok_or(format!("{at}: unknown kind {}", get("kind")))?;
        let (lat, lon): (f64, f64) = (get("lat").parse()?, get("lon").parse()?);
        let xyz = unit_vector(lat, lon);
        let country = get("country");
        // The nearest town of the place's country; for a country without towns (Antarctica),
        // the nearest town anywhere gives the time zone, and the place keeps its country.
        let in_country = tree
            .nearest_neighbor_iter(&xyz)
            .find(|t| country.is_empty() || towns[t.index].country == country);
        let town = match in_country {
            Some(t) => t,
            None => tree
                .nearest_neighbor(&xyz)
                .ok_or(format!("{at}: no towns to place it by"))?,
        };
        let town_km = chord_km(&xyz, &town.xyz);
        if country.is_empty() && town_km > 300.0 {
            // No country given and no town near to take one from (Antarctic peaks): left out.
            eprintln!(
                "{at}: {} left out: {town_km:.0} km from any town",
                get("name")
            );
            continue;
        }
        let hand_written = get("id").starts_with("tripmap:");
        if hand_written && town_km > 150.0 {
            return Err(format!(
                "{at}: {} is {town_km:.0} km from the nearest town of {country}, {}: wrong position or country?",
                get("name"),
                towns[town.index].name
            )
            .into());
        }
        if town_km > farthest.0 {
            farthest = (town_km, get("name").to_string());
        }
        let town = &towns[town.index];
        let (country, admin1) = if country.is_empty() || country == town.country {
            (town.country.clone(), town.admin1.clone())
        } else {
            (country.to_string(), (String::new(), String::new()))
        };
        let name = get("name").to_string();
        let mut keys: BTreeSet<String> = [normalize(&name)].into();
        keys.extend(native(&name));
        keys.remove("");
        let mut alt_keys = BTreeSet::new();
        for a in get("alternates")
            .split('|')
            .filter(|a| !a.trim().is_empty())
        {
            let key = normalize(a);
            if key.len() > 3 && !NOT_ALTERNATES.contains(&key.as_str()) {
                alt_keys.insert(key);
            }
            alt_keys.extend(native(a));
        }
        out.push(Place {
            kind,
            source_id: get("id").to_string(),
            iata: get("iata").to_string(),
            icao: get("icao").to_string(),
            geonameid: 0,
            name,
            country,
            admin1,
            lat,
            lon,
            population: get("weight").parse()?,
            timezone: town.timezone.clone(),
            keys,
            alt_keys,
        });
    }
    eprintln!(
        "{}: {} places; farthest from a town: {} ({:.0} km)",
        path.display(),
        out.len(),
        farthest.1,
        farthest.0
    );
    Ok(out)
}
