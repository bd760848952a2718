//! Dates to stops, within one segment: a range over a list goes to its first arrival and last
//! departure (`will travel to Seoul, Manila and Singapore from March 17 to 22`); each stop first
//! claims a day written right after it (`in Amman on Saturday`) or right before `in X` (`on
//! Sunday in Suva`); other days go to the stop before them in their clause, else to the stop
//! after them in their clause (`..., and tomorrow we take the train to Budapest`), else to the
//! first stop when they open the sentence; `left X for Y on Monday` is X's departure. A stop
//! still without a day takes the day heading it stands under (`Saturday, 2 March 2024` over a
//! programme's lines).

use super::cues::Role;
use super::dates::{DateMention, Resolved};
use super::sequence::{Dated, Occurrence};
use super::tokens::Token;

/// Words that end a clause for dates: `Rome on Wednesday after talks in Paris on Tuesday`.
const CLAUSE_ENDS: &[&str] = &[";", "before", "after", "then", "while", "but", "where"];

/// A day and how it was found.
pub fn dated(date: jiff::civil::Date, dm: &DateMention, r: &Resolved, role: &str) -> Dated {
    Dated {
        date,
        text: dm.text.clone(),
        how: format!("{role}: `{}` ({})", dm.text, r.how),
    }
}

/// Attaches the segment's resolved `dates` to its stops `occs` (in order), then `heading` to
/// those still without a day.
pub fn attach(
    tokens: &[Token<'_>],
    occs: &mut [Occurrence],
    dates: &[(DateMention, Resolved)],
    heading: Option<&Dated>,
) {
    if !occs.is_empty() && !dates.is_empty() {
        days(tokens, occs, dates);
    }
    if let Some(h) = heading {
        for o in occs.iter_mut() {
            if o.arrive.is_some() || o.depart.is_some() {
                continue;
            }
            let d = Dated {
                how: format!("the day heading the line: {}", h.how),
                ..h.clone()
            };
            if o.role == Role::DepartFrom {
                o.depart = Some(d);
            } else {
                o.arrive = Some(d);
            }
        }
    }
}

/// The clause of token `t`: from after the last clause end before it to the next one.
fn clause(low: &[String], t: usize) -> (usize, usize) {
    let ends = |k: &usize| {
        CLAUSE_ENDS.contains(&low[*k].as_str())
            || (low[*k] == "," && low.get(*k + 1).is_some_and(|n| n == "and" || n == "then"))
    };
    let start = (0..t).rev().find(ends).map_or(0, |k| k + 1);
    let end = (t + 1..low.len()).find(ends).unwrap_or(low.len());
    (start, end)
}

/// Gives the segment's resolved `dates` to its occurrences `occs`: a single range spread over a
/// list, else each day to the stop it belongs to ([`plan`]), as an arrival or a departure.
fn days(tokens: &[Token<'_>], occs: &mut [Occurrence], dates: &[(DateMention, Resolved)]) {
    if spread_range(occs, dates) {
        return;
    }
    let low: Vec<String> = tokens.iter().map(Token::lower).collect();
    for (k, j) in plan(&low, occs, dates) {
        let (dm, r) = &dates[k];
        give_day(occs, j, dm, r);
    }
}

/// "from March 14 to 23" over two or more stops: the first arrives on the first day, the last
/// leaves on the last. True when it applied.
fn spread_range(occs: &mut [Occurrence], dates: &[(DateMention, Resolved)]) -> bool {
    let n = occs.len();
    if dates.len() != 1 || n < 2 {
        return false;
    }
    let (dm, r) = &dates[0];
    if r.from == r.to {
        return false;
    }
    occs[0].arrive = Some(dated(
        r.from,
        dm,
        r,
        "start of a range spread over the listed stops",
    ));
    occs[n - 1].depart = Some(dated(
        r.to,
        dm,
        r,
        "end of a range spread over the listed stops",
    ));
    true
}

/// Which stop each day belongs to, as (date, stop) pairs: a day right after a stop (`in Amman
/// on Saturday`), a day right before `in X` (`on Sunday in Suva`); other days go to the stop
/// before them in their clause, else the one after them, else the first stop when they open the
/// sentence, else the stop before them.
fn plan(
    low: &[String],
    occs: &[Occurrence],
    dates: &[(DateMention, Resolved)],
) -> Vec<(usize, usize)> {
    let n = occs.len();
    let firsts: Vec<usize> = occs.iter().map(|o| o.first).collect();
    let lasts: Vec<usize> = occs.iter().map(|o| o.last).collect();
    let mut has = vec![false; n];
    let mut plan: Vec<(usize, usize)> = Vec::new(); // (date, stop)
    let mut claimed = vec![false; dates.len()];
    // Each date not yet claimed goes to the first stop without a day for which `near` holds.
    let mut claim = |near: &dyn Fn(&DateMention, usize) -> bool| {
        for (k, (dm, _)) in dates.iter().enumerate() {
            if claimed[k] {
                continue;
            }
            if let Some(j) = (0..n).find(|&j| !has[j] && near(dm, j)) {
                has[j] = true;
                claimed[k] = true;
                plan.push((k, j));
            }
        }
    };
    // A day right after a stop: "in Amman on Saturday".
    claim(&|dm, j| dm.first > lasts[j] && dm.first <= lasts[j] + 3);
    // A day right before "in X": "on Sunday in Suva".
    claim(&|dm, j| dm.last + 2 == firsts[j] && matches!(low[firsts[j] - 1].as_str(), "in" | "at"));
    // Other days: the stop before them in their clause, else the one after them, else the first
    // stop when they open the sentence, else the stop before them.
    for (k, (dm, _)) in dates.iter().enumerate() {
        if claimed[k] {
            continue;
        }
        let (start, end) = clause(low, dm.first);
        let before = (0..n)
            .rev()
            .find(|&j| firsts[j] < dm.first && firsts[j] >= start);
        let after = (0..n).find(|&j| firsts[j] > dm.last && firsts[j] < end && !has[j]);
        let chosen = match (before, after) {
            (Some(j), _) if !has[j] || after.is_none() => Some(j),
            (_, Some(j)) => Some(j),
            (None, None) if !has[0] && firsts[0] > dm.last && dm.first <= 2 => Some(0),
            _ => (0..n).rev().find(|&j| firsts[j] < dm.first),
        };
        if let Some(j) = chosen {
            has[j] = true;
            plan.push((k, j));
        }
    }
    plan
}

/// Gives day `r` (written `dm`) to stop `j`, or to the stop it stands for: the place left in
/// `left X for Y`, both ends of `from X to Y`, the arrival of `flew to X from Y`.
fn give_day(occs: &mut [Occurrence], j: usize, dm: &DateMention, r: &Resolved) {
    let n = occs.len();
    let mut t = j;
    // "left X for Y on Monday": the day is X's departure.
    if occs[t].cue == "left X for Y"
        && let Some(x) = occs[t].follows_local
    {
        t = x;
    }
    // "crossed from X to Y on Monday": Y's arrival and X's departure.
    if occs[t].role == Role::DepartFrom
        && let Some(y) = (0..n)
            .find(|&y| occs[y].follows_local == Some(t) && occs[y].cue.contains("from X to Y"))
    {
        if occs[y].arrive.is_none() {
            occs[y].arrive = Some(dated(r.from, dm, r, "arrival"));
        }
        t = y;
    }
    if occs[t].cue.contains("from X to Y")
        && let Some(x) = occs[t].follows_local
        && occs[x].depart.is_none()
    {
        occs[x].depart = Some(dated(r.from, dm, r, "departure for the next stop"));
    }
    // "flew to Canberra from Wellington on Sunday": Canberra's arrival too.
    if occs[t].cue == "to X from Y" && t > 0 && occs[t - 1].arrive.is_none() {
        occs[t - 1].arrive = Some(dated(r.from, dm, r, "arrival, from the place left"));
    }
    let o = &mut occs[t];
    if o.role == Role::DepartFrom {
        if o.depart.is_none() {
            o.depart = Some(dated(r.from, dm, r, "departure"));
        }
    } else if o.arrive.is_none() {
        o.arrive = Some(dated(r.from, dm, r, "arrival"));
        if r.to != r.from {
            o.depart = Some(dated(r.to, dm, r, "end of the range"));
        }
    } else if o.depart.is_none() && o.arrive.as_ref().is_some_and(|a| a.date < r.to) {
        // "arrived on May 30 and stayed until May 31".
        o.depart = Some(dated(r.to, dm, r, "departure (a later day, same stop)"));
    }
}
