//! The dateline at the start of a text (`WASHINGTON, Nov. 6 (Reuters) -`).

use super::Expr;
use super::find::find;
use crate::extract::tokens::Token;
use jiff::civil::Date;

/// A dateline at the start of a text (`WASHINGTON, Nov. 6 (Reuters) -`, `TOKYO, 3 March 2024 —`):
/// its date, if it has a year or `year` is given.
pub fn dateline(first_sentence: &[Token<'_>], year: Option<i16>) -> Option<Date> {
    dateline_at(first_sentence, year).map(|(d, _)| d)
}

/// [`dateline`], with the index of the dateline date's last token.
pub fn dateline_at(first_sentence: &[Token<'_>], year: Option<i16>) -> Option<(Date, usize)> {
    let found = find(first_sentence);
    let d = found.first().filter(|d| d.first <= 4)?;
    // A dateline opens with a place in capitals and a comma.
    let opens = first_sentence.first().is_some_and(|t| {
        t.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    }) && first_sentence[..d.first].iter().any(|t| t.text == ",");
    if !opens {
        return None;
    }
    match d.expr {
        Expr::Day {
            month,
            day,
            year: y,
            ..
        } => Date::new(y.or(year)?, month, day).ok().map(|x| (x, d.last)),
        _ => None,
    }
}
