//! Builds tripmap's embedded gazetteer index (`data/gazetteer/gazetteer.bin`) from the GeoNames
//! TSV files. Run through `scripts/build_gazetteer.sh`; see `src/geocode/index.rs` for the format.
//!
//! ```text
//! cargo run --release --example build_gazetteer -- SOURCE_DIR cities.tsv data/gazetteer/gazetteer.bin 5000
//! ```
//!
//! In: `SOURCE_DIR/countries.tsv` and the cities TSV (columns geonameid, name, asciiname, country,
//! admin1_code, admin1_name, lat, lon, population, timezone, alt_latin); the last argument, when
//! given, is the smallest population whose alternate names are indexed. Out: one binary file.
//! Places are sorted by population (largest first), so a place's index is its rank.

#[path = "../src/geocode/normalize.rs"]
mod normalize;

use normalize::normalize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::error::Error;
use std::path::Path;

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
    let args: Vec<String> = std::env::args().collect();
    let (source, cities, out, alt_min) = match args.as_slice() {
        [_, s, c, o] => (s, c, o, 0),
        [_, s, c, o, m] => (s, c, o, m.parse()?),
        _ => {
            return Err(
                "usage: build_gazetteer SOURCE_DIR CITIES_TSV OUT_FILE [ALT_NAMES_MIN_POPULATION]"
                    .into(),
            );
        }
    };
    let source = Path::new(source);
    let mut places = read_places(&source.join(cities), alt_min)?;
    places.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then(a.geonameid.cmp(&b.geonameid))
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
        records.push(0);
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
    ];
    let mut file = b"TRIPGAZ1".to_vec();
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
    eprintln!(
        "{out}: {} places, {} keys, {} admin-1 regions, {} countries, {} zones, {} bytes",
        places.len(),
        keys.len(),
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
