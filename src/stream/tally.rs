//! The stream's counts, for the summary on standard error and the exit code.

use super::result_line::ResultLine;

/// How many lines gave what.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Result lines written.
    pub results: u64,
    /// Lines whose trip was rendered (or checked).
    pub ok: u64,
    /// Lines that failed.
    pub failed: u64,
    /// Blank lines, skipped.
    pub blank_lines: u64,
    /// Lines left to other shards (`--shard`).
    pub other_shards: u64,
    /// The first failed lines (up to [`Tally::LISTED`]), by number.
    pub first_failed: Vec<u64>,
}

impl Tally {
    /// How many failed line numbers the summary lists.
    pub const LISTED: usize = 10;

    /// Counts one result.
    pub fn count(&mut self, result: &ResultLine) {
        self.results += 1;
        if result.ok {
            self.ok += 1;
        } else {
            self.failed += 1;
            if self.first_failed.len() < Self::LISTED {
                self.first_failed.push(result.line);
            }
        }
    }

    /// The summary line: `3 trips: 2 ok, 1 failed (line 4)`, with the lines in other shards.
    pub fn summary(&self, verb: &str) -> String {
        let mut s = format!(
            "{} trips: {} {verb}, {} failed",
            self.results, self.ok, self.failed
        );
        if !self.first_failed.is_empty() {
            let lines: Vec<String> = self.first_failed.iter().map(u64::to_string).collect();
            let more = if self.failed > self.first_failed.len() as u64 {
                ", ..."
            } else {
                ""
            };
            s.push_str(&format!(
                " (line{} {}{more})",
                if self.failed == 1 { "" } else { "s" },
                lines.join(", ")
            ));
        }
        if self.other_shards > 0 {
            s.push_str(&format!("; {} lines in other shards", self.other_shards));
        }
        s
    }
}
