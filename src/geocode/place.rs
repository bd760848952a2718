//! What a lookup returns: [`Place`], [`Match`] (a place plus how it was found), [`Level`],
//! [`Kind`] and [`CountryInfo`].

use crate::model::LonLat;
use serde::Serialize;

/// What sort of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A city, town or village (GeoNames populated place).
    Town,
    /// An airport (OurAirports), with its IATA and ICAO codes when it has them.
    Airport,
    /// A national park or other protected area.
    Park,
    /// A monument, building, site or natural landmark.
    Landmark,
    /// A mountain or peak.
    Mountain,
}

impl Kind {
    /// The kind stored in the index as `code` (0 town, 1 airport, 2 park, 3 landmark,
    /// 4 mountain); anything else reads as a landmark.
    pub(crate) fn from_code(code: u8) -> Kind {
        match code {
            0 => Kind::Town,
            1 => Kind::Airport,
            2 => Kind::Park,
            4 => Kind::Mountain,
            _ => Kind::Landmark,
        }
    }

    /// The kind in lower case, as `tripmap geocode` and the GeoJSON output write it ("airport").
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Town => "town",
            Kind::Airport => "airport",
            Kind::Park => "park",
            Kind::Landmark => "landmark",
            Kind::Mountain => "mountain",
        }
    }
}

/// A place from the gazetteer: a town, or an airport, park, landmark or mountain (see
/// [`Place::kind`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// Name ("Ramallah", "São Paulo", "London Heathrow Airport").
    pub name: String,
    /// Town, airport, park, landmark or mountain.
    pub kind: Kind,
    /// Latitude, degrees north (WGS84).
    pub lat: f64,
    /// Longitude, degrees east (WGS84).
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code ("PS").
    pub country: String,
    /// GeoNames' English country name ("Palestinian Territory").
    pub country_name: String,
    /// First-level region: state, province ("West Bank", "Illinois"), when known; for a place
    /// that is not a town, the nearest town's.
    pub admin1: Option<String>,
    /// Population (people); 0 for places that are not towns.
    pub population: u64,
    /// IANA time zone ("Asia/Hebron"), when known; for a place that is not a town, the nearest
    /// town's.
    pub timezone: Option<String>,
    /// GeoNames id (`https://www.geonames.org/<id>`); 0 for places not from GeoNames (see
    /// [`Place::source_id`]).
    pub geonameid: u32,
    /// For places not from GeoNames, the source and its id: `ourairports:2434` (OurAirports),
    /// `nps:YELL` (US National Park Service unit, via Natural Earth), `naturalearth:...` (a Natural
    /// Earth mountain), `tripmap:eiffel-tower` (tripmap's landmarks table).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// An airport's IATA code ("LHR").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iata: Option<String>,
    /// An airport's ICAO code ("EGLL").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icao: Option<String>,
}

impl Place {
    /// The position as a [`LonLat`].
    pub fn lonlat(&self) -> LonLat {
        LonLat::new(self.lon, self.lat).expect("gazetteer coordinates are in range")
    }

    /// A stable identity across sources: `geonames:4250542`, or [`Place::source_id`].
    pub fn id(&self) -> String {
        match &self.source_id {
            Some(id) => id.clone(),
            None => format!("geonames:{}", self.geonameid),
        }
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
    /// The place itself: a city, town or village, or (see [`Place::kind`]) an airport, park,
    /// landmark or mountain.
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
    /// True when the name matched is one of the place's alternate names ("Bombay" for Mumbai,
    /// "東京" for Tokyo, "Heathrow" for London Heathrow Airport); false for an airport code.
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
