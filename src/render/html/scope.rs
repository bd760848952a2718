//! Style rules confined to one embed: every selector of a style sheet written for short,
//! common class names (`.tm-leg`) is prefixed with the embed's own unique class
//! (`.tm-1c8b0f2a-embed .tm-leg`), so two maps on one page never style each other and the
//! thousands of class attributes in `map.html` stay short. On the way, rules for classes the
//! page does not use are left out, and a class's rules are also written for the elements that
//! stand for it without a class ([`crate::render::svg::BARE`]).
//!
//! In: CSS as the map's writers produce it (rules, `@media`, `@container` and `@supports`
//! blocks, whose rules are scoped in turn; `@font-face` and `@keyframes` blocks, copied as
//! they are). Out: the same CSS, scoped. This is not a general CSS parser: it reads the CSS
//! tripmap writes, where no selector holds a brace, a quote or a comment.

use std::collections::HashSet;

/// The most forms one selector is written in (itself and its aliases'): a bound that the
/// aliases tripmap writes never reach.
const MAX_FORMS: usize = 16;

/// How a style sheet is confined to one embed.
pub(crate) struct Scope<'a> {
    /// The embed's own selector (`.tm-1c8b0f2a-embed`), put before every selector (none when
    /// empty).
    pub root: &'a str,
    /// The prefix of the classes whose use is checked (`tm`: `tm` and `tm-…`).
    pub classes: &'a str,
    /// Class selectors whose selectors are also written with another (`.tm-marker-dot` and
    /// `.tm-marker>circle:not([class])`).
    pub aliases: &'a [(String, String)],
    /// The classes the page uses; a selector naming another class of the prefix is left out,
    /// and a rule left with no selector.
    pub used: &'a HashSet<&'a str>,
}

impl Scope<'_> {
    /// `css`, scoped.
    pub fn apply(&self, css: &str) -> String {
        let mut out = String::with_capacity(css.len() + css.len() / 4);
        self.block(css, &mut out);
        out
    }

    /// Scopes the rules of `css` (the inside of a block, or a whole sheet) into `out`.
    fn block(&self, mut css: &str, out: &mut String) {
        while let Some(open) = css.find('{') {
            let Some(close) = matching_close(css, open) else {
                // An unbalanced tail: kept as it is.
                break;
            };
            let prelude = &css[..open];
            let body = &css[open + 1..close];
            let head = prelude.trim_start();
            let space = &prelude[..prelude.len() - head.len()];
            let nested = ["@media", "@container", "@supports"];
            if nested.iter().any(|n| head.starts_with(n)) {
                let mut inner = String::new();
                self.block(body, &mut inner);
                if !inner.trim().is_empty() {
                    out.push_str(space);
                    out.push_str(head);
                    out.push('{');
                    out.push_str(&inner);
                    out.push('}');
                }
            } else if head.starts_with('@') {
                out.push_str(space);
                out.push_str(head);
                out.push('{');
                out.push_str(body);
                out.push('}');
            } else {
                let selectors = self.selectors(head);
                if !selectors.is_empty() {
                    out.push_str(space);
                    out.push_str(&selectors.join(","));
                    out.push('{');
                    out.push_str(body);
                    out.push('}');
                }
            }
            css = &css[close + 1..];
            // A rule's line break goes before it (in its prelude), so a rule left out takes
            // its own; the sheet's first rule left out, the one after it.
            if out.is_empty() {
                css = css.strip_prefix('\n').unwrap_or(css);
            }
        }
        out.push_str(css);
    }

    /// The scoped selectors standing for the list `list`.
    fn selectors(&self, list: &str) -> Vec<String> {
        let mut out = Vec::new();
        for selector in split_selectors(list) {
            // The selector, and each written with an alias for a class it names, in turn (a
            // bare child of a bare group takes two).
            let mut all = vec![selector.trim().to_string()];
            let mut k = 0;
            while k < all.len() && all.len() < MAX_FORMS {
                for (from, to) in self.aliases {
                    if let Some(at) = find_class(&all[k], from) {
                        let form = format!("{}{to}{}", &all[k][..at], &all[k][at + from.len()..]);
                        if !all.contains(&form) {
                            all.push(form);
                        }
                    }
                }
                k += 1;
            }
            for s in all {
                if self.uses_all(&s) {
                    out.push(match self.root {
                        "" => s,
                        root => format!("{root} {s}"),
                    });
                }
            }
        }
        out
    }

    /// Whether every class of the checked prefix that `selector` names (outside parentheses)
    /// is used.
    fn uses_all(&self, selector: &str) -> bool {
        let mut depth = 0usize;
        for (i, ch) in selector.char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                '.' if depth == 0 => {
                    let rest = &selector[i + 1..];
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                        .unwrap_or(rest.len());
                    let class = &rest[..end];
                    let ours = class == self.classes
                        || class
                            .strip_prefix(self.classes)
                            .is_some_and(|r| r.starts_with('-'));
                    if ours && !self.used.contains(class) {
                        return false;
                    }
                }
                _ => {}
            }
        }
        true
    }
}

/// Where the class selector `class` (`.tm-marker-dot`) stands whole in `selector`.
fn find_class(selector: &str, class: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = selector[from..].find(class) {
        let at = from + i;
        let next = selector[at + class.len()..].chars().next();
        if !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Some(at);
        }
        from = at + class.len();
    }
    None
}

/// The position of the `}` closing the `{` at `open`.
fn matching_close(css: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in css[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The selectors of a list, split at the commas outside parentheses (`:not(.a,.b)` is one).
fn split_selectors(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                out.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&list[start..]);
    out
}

#[cfg(test)]
mod test {
    use super::*;

    fn scoped(css: &str, used: &[&str], aliases: &[(&str, &str)]) -> String {
        let used: HashSet<&str> = used.iter().copied().collect();
        let aliases: Vec<(String, String)> = aliases
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        Scope {
            root: ".s",
            classes: "tm",
            aliases: &aliases,
            used: &used,
        }
        .apply(css)
    }

    #[test]
    fn every_selector_of_every_rule_is_scoped() {
        assert_eq!(
            scoped(
                ".tm-a,.tm-b>g{x:1}\n.tm-c:not(.tm-d,.tm-e) text{y:2}\n",
                &["tm-a", "tm-b", "tm-c"],
                &[]
            ),
            ".s .tm-a,.s .tm-b>g{x:1}\n.s .tm-c:not(.tm-d,.tm-e) text{y:2}\n"
        );
    }

    #[test]
    fn rules_inside_media_queries_are_scoped_and_at_rules_kept() {
        let css = "@font-face{font-family:\"f\";src:url(data:font/woff2;base64,AB+/)}\n\
                   @keyframes k{from{opacity:0}to{opacity:1}}\n\
                   @media (prefers-reduced-motion:reduce){.tm-a,.tm-b{animation:none}}\n";
        assert_eq!(
            scoped(css, &["tm-a", "tm-b"], &[]),
            "@font-face{font-family:\"f\";src:url(data:font/woff2;base64,AB+/)}\n\
             @keyframes k{from{opacity:0}to{opacity:1}}\n\
             @media (prefers-reduced-motion:reduce){.s .tm-a,.s .tm-b{animation:none}}\n"
        );
    }

    #[test]
    fn rules_of_unused_classes_are_left_out() {
        let css = ".tm{f:1}\n.tm-leg{x:1}\n.tm-leg-bus{x:2}\n.tm-paint .tm-leg,.tm-paint .tm-leg-bus{x:3}\n\
                   .other .tm-leg{x:4}\n@media (x){.tm-leg-bus{x:5}}\n";
        assert_eq!(
            scoped(css, &["tm", "tm-leg"], &[]),
            ".s .tm{f:1}\n.s .tm-leg{x:1}\n.s .other .tm-leg{x:4}\n"
        );
        // A class of another prefix is not checked, nor one with the prefix only in part.
        assert_eq!(scoped(".tmx{x:1}", &[], &[]), ".s .tmx{x:1}");
        // With no root, the selectors are kept as they are.
        let used = HashSet::from(["tm-a"]);
        let unscoped = Scope {
            root: "",
            classes: "tm",
            aliases: &[],
            used: &used,
        };
        assert_eq!(
            unscoped.apply(".tm-a>g{x:1}\n.tm-b{x:2}\n"),
            ".tm-a>g{x:1}\n"
        );
    }

    #[test]
    fn an_aliased_class_is_also_written_for_its_bare_elements() {
        let aliases = [(".tm-marker-dot", ".tm-marker>circle:not([class])")];
        assert_eq!(
            scoped(
                ".tm-marker-dot{x:1}\n.tm-paint .tm-marker-dot,.tm-marker-dots{x:2}\n",
                &["tm-marker", "tm-paint", "tm-marker-dots"],
                &aliases
            ),
            ".s .tm-marker>circle:not([class]){x:1}\n\
             .s .tm-paint .tm-marker>circle:not([class]),.s .tm-marker-dots{x:2}\n"
        );
    }

    #[test]
    fn a_bare_child_of_a_bare_group_takes_both_aliases() {
        let aliases = [
            (".tm-marker-dot", ".tm-marker>circle:not([class])"),
            (".tm-marker", ".tm-stops>g:not([class])"),
        ];
        assert_eq!(
            scoped(
                ".tm-marker-dot{x:1}\n",
                &["tm-marker", "tm-stops"],
                &aliases
            ),
            ".s .tm-marker>circle:not([class]),.s .tm-stops>g:not([class])>circle:not([class]){x:1}\n"
        );
    }

    #[test]
    fn a_sheet_without_rules_is_unchanged() {
        assert_eq!(scoped("", &[], &[]), "");
        assert_eq!(scoped("\n", &[], &[]), "\n");
        // An unbalanced tail is kept, not lost.
        assert_eq!(scoped(".tm-a{x:1}.b{", &["tm-a"], &[]), ".s .tm-a{x:1}.b{");
    }
}
