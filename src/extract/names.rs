//! Names the gazetteer does not hold, from `data/extract/names.tsv`: demonyms (`Israeli` -> IL),
//! metonyms (`White House` -> US), territories named like countries (`West Bank` -> PS, placed at
//! Ramallah), abbreviations (`U.S.`) and regions bigger than a country (`Middle East`).

use std::collections::HashMap;
use std::sync::OnceLock;

/// What a name in the table stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A people's adjective or noun; the ISO 3166-1 alpha-2 country. Never a stop by itself.
    Demonym(String),
    /// A building or street standing for a government; its country. Never a stop.
    Metonym(String),
    /// A territory: its country and the town a stop there is placed at.
    Territory {
        /// The ISO 3166-1 alpha-2 country.
        country: String,
        /// The town a stop in the territory is placed at.
        seat: String,
    },
    /// An abbreviation written in capitals (`UAE`); its country.
    Abbrev(String),
    /// A region bigger than a country: neither a stop nor a mention.
    Macro,
}

/// The table, keyed by the name exactly as written (case matters: `US` is not `us`).
pub fn table() -> &'static HashMap<String, Entry> {
    static TABLE: OnceLock<HashMap<String, Entry>> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("../../data/extract/names.tsv")))
}

/// Looks `name` up as written.
pub fn get(name: &str) -> Option<&'static Entry> {
    table().get(name)
}

fn parse(text: &str) -> HashMap<String, Entry> {
    let mut map = HashMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let entry = match (f[0], f.get(2), f.get(3)) {
            ("demonym", Some(c), _) => Entry::Demonym(c.to_string()),
            ("metonym", Some(c), _) => Entry::Metonym(c.to_string()),
            ("territory", Some(c), Some(s)) => Entry::Territory {
                country: c.to_string(),
                seat: s.to_string(),
            },
            ("abbrev", Some(c), _) => Entry::Abbrev(c.to_string()),
            ("macro", _, _) => Entry::Macro,
            _ => panic!("data/extract/names.tsv: bad line {line:?}"),
        };
        map.insert(f[1].to_string(), entry);
    }
    map
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn table_reads() {
        assert_eq!(get("Israeli"), Some(&Entry::Demonym("IL".into())));
        assert_eq!(get("White House"), Some(&Entry::Metonym("US".into())));
        assert!(
            matches!(get("West Bank"), Some(Entry::Territory { seat, .. }) if seat == "Ramallah")
        );
        assert_eq!(get("Middle East"), Some(&Entry::Macro));
        assert!(get("israeli").is_none());
        assert!(table().len() > 150);
    }
}
