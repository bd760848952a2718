//! What a lookup returns: [`Place`], [`Match`] (a place plus how it was found), [`Level`] and
//! [`CountryInfo`].

use crate::model::LonLat;
use serde::Serialize;

/// A populated place from the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// GeoNames name ("Ramallah", "São Paulo").
    pub name: String,
    /// Latitude, degrees north (WGS84).
    pub lat: f64,
    /// Longitude, degrees east (WGS84).
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code ("PS").
    pub country: String,
    /// GeoNames' English country name ("Palestinian Territory").
    pub country_name: String,
    /// First-level region: state, province ("West Bank", "Illinois"), when known.
    pub admin1: Option<String>,
    /// Population (people).
    pub population: u64,
    /// IANA time zone ("Asia/Hebron"), when known.
    pub timezone: Option<String>,
    /// GeoNames id (`https://www.geonames.org/<id>`).
    pub geonameid: u32,
}

impl Place {
    /// The position as a [`LonLat`].
    pub fn lonlat(&self) -> LonLat {
        LonLat::new(self.lon, self.lat).expect("gazetteer coordinates are in range")
    }

    /// A label that tells homonyms apart: "Springfield, Illinois, United States".
    pub fn label(&self) -> String {
        let mut s = self.name.clone();
        if let Some(a) = &self.admin1
            && a != &self.name
        {
            s.push_str(", ");
            s.push_str(a);
        }
        s.push_str(", ");
        s.push_str(&self.country_name);
        s
    }
}

/// How much of the query the match stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A city, town or village.
    City,
    /// A whole country, placed at its capital.
    Country,
}

/// The place a query resolved to, how it was found, and the runners-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The query as given.
    pub query: String,
    /// The place; for a country, its capital (population 0 when the capital is not indexed),
    /// with the country's code and name.
    #[serde(flatten)]
    pub place: Place,
    /// `city`, or `country` when the query named a country and the match is its capital.
    pub level: Level,
    /// The normalised name that matched ("kiev").
    pub matched: String,
    /// True when the name matched is one of the place's alternate names ("Bombay" for Mumbai).
    pub alternate_name: bool,
    /// Other places the query could mean, best first (at most 5).
    pub alternatives: Vec<Place>,
    /// Doubts worth telling the user: similar-size homonyms, an ignored qualifier.
    pub warnings: Vec<String>,
}

impl Match {
    /// The position as a [`LonLat`].
    pub fn lonlat(&self) -> LonLat {
        self.place.lonlat()
    }

    /// "Springfield, Illinois, United States"; "Baghdad, Iraq (capital of Iraq)" for a country.
    pub fn label(&self) -> String {
        let label = self.place.label();
        match self.level {
            Level::City => label,
            Level::Country => format!("{label} (capital of {})", self.place.country_name),
        }
    }
}

/// A country from the gazetteer's country table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2 code ("IQ").
    pub iso2: String,
    /// ISO 3166-1 alpha-3 code ("IRQ").
    pub iso3: String,
    /// GeoNames' English short name ("Iraq").
    pub name: String,
    /// The capital's name ("Baghdad"); `None` for a few territories without one.
    pub capital: Option<String>,
    /// The capital's latitude, degrees north.
    pub capital_lat: Option<f64>,
    /// The capital's longitude, degrees east.
    pub capital_lon: Option<f64>,
    /// The capital's GeoNames id.
    pub capital_geonameid: Option<u32>,
    /// Population of the country (people).
    pub population: u64,
}
