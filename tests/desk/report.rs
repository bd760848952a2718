//! The desk report (`target/desk-report.md`): how many maps fail each check, per kind of trip, a
//! trip × check table and the first problem of each failing cell, so whoever fixes the
//! cartography sees what to fix first.

use super::checks::Check;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The outcome of the checks on one map.
#[derive(Debug, Clone)]
pub struct MapResult {
    /// The trip's name.
    pub trip: String,
    /// Its kinds.
    pub kinds: Vec<String>,
    /// Page width, pixels.
    pub width: u32,
    /// Theme.
    pub theme: String,
    /// Problems per failing check (checks that pass are absent).
    pub problems: BTreeMap<Check, Vec<String>>,
}

/// `320 light` → `320l`.
fn variant(r: &MapResult) -> String {
    format!("{}{}", r.width, &r.theme[..1])
}

/// Counts of failing maps per check and per kind, as markdown.
pub fn summary(results: &[MapResult]) -> String {
    let mut s = String::new();
    let maps = results.len();
    let failing = results.iter().filter(|r| !r.problems.is_empty()).count();
    writeln!(s, "{failing} of {maps} maps fail at least one check.\n").unwrap();
    writeln!(s, "| check | maps failing | of {maps} |\n|---|---:|---:|").unwrap();
    for c in Check::ALL {
        let n = results
            .iter()
            .filter(|r| r.problems.contains_key(&c))
            .count();
        writeln!(
            s,
            "| {} | {n} | {:.0}% |",
            c.id(),
            100.0 * n as f64 / maps.max(1) as f64
        )
        .unwrap();
    }
    let mut kinds: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for r in results {
        for k in &r.kinds {
            let e = kinds.entry(k.as_str()).or_default();
            e.0 += 1;
            e.1 += usize::from(!r.problems.is_empty());
            e.2 += r.problems.len();
        }
    }
    writeln!(
        s,
        "\n| kind of trip | maps | maps failing | failed checks (map × check) | per map |\n|---|---:|---:|---:|---:|"
    )
    .unwrap();
    for (k, (n, f, c)) in kinds {
        writeln!(
            s,
            "| {k} | {n} | {f} | {c} | {:.1} |",
            c as f64 / n.max(1) as f64
        )
        .unwrap();
    }
    s
}

/// The trip × check table and the details, as markdown.
pub fn details(results: &[MapResult]) -> String {
    let mut s = String::new();
    let mut trips: Vec<&str> = results.iter().map(|r| r.trip.as_str()).collect();
    trips.dedup();
    write!(s, "| trip |").unwrap();
    for c in Check::ALL {
        write!(s, " {} |", c.id()).unwrap();
    }
    write!(s, "\n|---|").unwrap();
    for _ in Check::ALL {
        write!(s, "---|").unwrap();
    }
    s.push('\n');
    for t in &trips {
        let rs: Vec<&MapResult> = results.iter().filter(|r| r.trip == *t).collect();
        write!(s, "| {t} |").unwrap();
        for c in Check::ALL {
            let n = rs.iter().filter(|r| r.problems.contains_key(&c)).count();
            if n == 0 {
                write!(s, " · |").unwrap();
            } else {
                write!(s, " {n}/{} |", rs.len()).unwrap();
            }
        }
        s.push('\n');
    }
    writeln!(
        s,
        "\nCells: how many of the trip's maps (3 widths × 2 themes) fail the check.\n"
    )
    .unwrap();
    writeln!(s, "## Problems (first of each failing trip and check)\n").unwrap();
    for t in &trips {
        let rs: Vec<&MapResult> = results.iter().filter(|r| r.trip == *t).collect();
        let failing: Vec<Check> = Check::ALL
            .into_iter()
            .filter(|c| rs.iter().any(|r| r.problems.contains_key(c)))
            .collect();
        if failing.is_empty() {
            continue;
        }
        writeln!(s, "### {t}\n").unwrap();
        for c in failing {
            let with: Vec<&&MapResult> =
                rs.iter().filter(|r| r.problems.contains_key(&c)).collect();
            let first = &with[0].problems[&c];
            let more = if first.len() > 1 {
                format!(" (and {} more)", first.len() - 1)
            } else {
                String::new()
            };
            writeln!(
                s,
                "- **{}** at {}: {}{more}",
                c.id(),
                with.iter()
                    .map(|r| variant(r))
                    .collect::<Vec<_>>()
                    .join(" "),
                first[0].replace('|', "\\|")
            )
            .unwrap();
        }
        s.push('\n');
    }
    s
}
