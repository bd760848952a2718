//! `--shard I/N`: which lines one of N workers processes, chosen by a stable hash of the id.

use std::fmt;

/// One shard of N: lines whose id hashes to `index` modulo `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 0-based index of this shard, below `count`.
    pub index: u64,
    /// Number of shards, at least 1.
    pub count: u64,
}

/// Environment variables `--shard auto/N` reads the index from, in this order: a Kubernetes
/// Indexed Job's pod index, then an AWS Batch array child's index.
pub const INDEX_VARIABLES: &[&str] = &["JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"];

impl Shard {
    /// Parses `I/N` (0 ≤ I < N), or `auto/N` with I from the first of [`INDEX_VARIABLES`] that
    /// is set (`env` looks a variable up).
    pub fn parse(text: &str, env: impl Fn(&str) -> Option<String>) -> Result<Shard, String> {
        let usage = || format!("`{text}`: give I/N with 0 <= I < N, or auto/N");
        let (index, count) = text.trim().split_once('/').ok_or_else(usage)?;
        let count: u64 = count.trim().parse().map_err(|_| usage())?;
        let index: u64 = if index.trim() == "auto" {
            let (name, value) = INDEX_VARIABLES
                .iter()
                .find_map(|name| env(name).map(|v| (*name, v)))
                .ok_or_else(|| {
                    format!(
                        "`{text}`: none of {} is set, so the shard index is unknown",
                        INDEX_VARIABLES.join(", ")
                    )
                })?;
            value
                .trim()
                .parse()
                .map_err(|_| format!("`{text}`: {name}={value:?} is not a shard index"))?
        } else {
            index.trim().parse().map_err(|_| usage())?
        };
        if count == 0 || index >= count {
            return Err(format!(
                "`{text}`: shard {index} of {count} does not exist (0 <= I < N)"
            ));
        }
        Ok(Shard { index, count })
    }

    /// Whether the trip with this id belongs to this shard: [`id_hash`] modulo the count.
    pub fn owns_id(&self, id: &str) -> bool {
        id_hash(id) % self.count == self.index
    }

    /// Whether a line with no readable id (not JSON, no `id`) belongs to this shard: its 1-based
    /// line number minus one, modulo the count, so exactly one shard reports it.
    pub fn owns_line(&self, line: u64) -> bool {
        line.saturating_sub(1) % self.count == self.index
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The 64-bit FNV-1a hash of the id's UTF-8 bytes (offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3): a fixed, published function, the same on every platform and in every
/// version of tripmap, so a shard's lines never move.
pub fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn hash_is_fnv1a_64() {
        // Reference values of FNV-1a 64 (the test vectors of the FNV authors' page).
        assert_eq!(id_hash(""), 0xcbf29ce484222325);
        assert_eq!(id_hash("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(id_hash("foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn parses_index_and_count() {
        let none = |_: &str| None;
        assert_eq!(Shard::parse("1/4", none), Ok(Shard { index: 1, count: 4 }));
        assert!(Shard::parse("4/4", none).is_err());
        assert!(Shard::parse("0/0", none).is_err());
        assert!(Shard::parse("1", none).is_err());
        assert!(
            Shard::parse("auto/3", none)
                .unwrap_err()
                .contains("JOB_COMPLETION_INDEX")
        );
        let k8s = |n: &str| (n == "AWS_BATCH_JOB_ARRAY_INDEX").then(|| "2".to_string());
        assert_eq!(
            Shard::parse("auto/3", k8s),
            Ok(Shard { index: 2, count: 3 })
        );
    }

    #[test]
    fn every_id_and_line_has_exactly_one_shard() {
        for n in 1..6 {
            for i in 0..200u64 {
                let id = format!("trip-{i}");
                let owners = (0..n)
                    .filter(|&k| Shard { index: k, count: n }.owns_id(&id))
                    .count();
                assert_eq!(owners, 1);
                let owners = (0..n)
                    .filter(|&k| Shard { index: k, count: n }.owns_line(i + 1))
                    .count();
                assert_eq!(owners, 1);
            }
        }
    }
}
