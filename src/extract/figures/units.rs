//! Units of measure (`data/lexicons/figure_units.tsv`) and percent words.

use super::lexer::{Kind, Phrases, Tok, Ws};

const UNITS_TSV: &str = include_str!("../../../data/lexicons/figure_units.tsv");

#[derive(Debug, Clone)]
pub struct Unit {
    /// Normalised name ("kilometer").
    pub name: String,
    /// "quantity" or "temperature".
    pub kind: &'static str,
    /// Only right after the digits, or with nothing word-like after it.
    pub tight: bool,
    /// The surface as written in the file when case matters.
    pub cs: Option<String>,
}

pub struct Units {
    /// Several units can share a case-folded surface ("MB", "Mb").
    table: Phrases<Vec<Unit>>,
}

impl Units {
    pub fn load() -> anyhow::Result<Units> {
        let mut table: Phrases<Vec<Unit>> = Phrases::default();
        let mut all: Vec<(String, Unit)> = Vec::new();
        for (n, line) in UNITS_TSV.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                anyhow::bail!(
                    "data/lexicons/figure_units.tsv line {}: expected 3 or 4 tab-separated fields",
                    n + 1
                );
            }
            let kind = match f[2] {
                "quantity" => "quantity",
                "temperature" => "temperature",
                k => anyhow::bail!(
                    "data/lexicons/figure_units.tsv line {}: unknown kind {k:?}",
                    n + 1
                ),
            };
            let flags = f.get(3).copied().unwrap_or("");
            let cs = flags.split(',').any(|x| x == "cs");
            all.push((
                f[0].to_lowercase(),
                Unit {
                    name: f[1].to_string(),
                    kind,
                    tight: flags.split(',').any(|x| x == "tight"),
                    cs: cs.then(|| f[0].to_string()),
                },
            ));
        }
        let mut by_key: std::collections::BTreeMap<String, Vec<Unit>> = Default::default();
        for (k, u) in all {
            by_key.entry(k).or_default().push(u);
        }
        for (k, us) in by_key {
            table.insert(&k, us);
        }
        Ok(Units { table })
    }

    /// The unit starting at token `i` (right after a number): (unit, last token).
    pub fn at<'u>(&'u self, t: &[Tok], i: usize) -> Option<(&'u Unit, usize)> {
        let first = t.get(i)?;
        if first.ws == Ws::Line {
            return None;
        }
        let fits = |u: &Unit, last: usize| {
            if let Some(cs) = &u.cs {
                let raw: String = t[i..=last].iter().map(|x| x.text).collect();
                if raw != *cs {
                    return false;
                }
            }
            if u.tight && first.ws != Ws::None {
                // "1 m." yes, "5 m away" / "5 in the" no.
                return t
                    .get(last + 1)
                    .is_none_or(|n| n.kind == Kind::Sym && !n.is_sym('-') || n.ws == Ws::Line);
            }
            // A unit word must end the word: "5 kmx" is no unit.
            t.get(last + 1)
                .is_none_or(|n| n.ws != Ws::None || n.kind == Kind::Sym)
        };
        let (us, last) = self
            .table
            .longest(t, i, |us, last| us.iter().any(|u| fits(u, last)))?;
        us.iter().find(|u| fits(u, last)).map(|u| (u, last))
    }
}

/// Percent words at token `i`: ("percent" | "percentage_point", last token).
pub fn percent_at(t: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let x = t.get(i)?;
    let w = |k: usize| t.get(k).map(|x| x.lower.as_ref()).unwrap_or("");
    let point = |k: usize| matches!(w(k), "point" | "points");
    if x.is_sym('%') {
        if point(i + 1) {
            return Some(("percentage_point", i + 1));
        }
        return Some(("percent", i));
    }
    if x.kind != Kind::Word {
        return None;
    }
    let (pct_last, is_pct) = match w(i) {
        "percent" | "pct" | "percentage" | "percents" => (i, true),
        "per" if w(i + 1) == "cent" => (i + 1, true),
        "ppt" | "ppts" | "pp" => return Some(("percentage_point", i)),
        _ => (i, false),
    };
    if !is_pct {
        return None;
    }
    if point(pct_last + 1) {
        return Some(("percentage_point", pct_last + 1));
    }
    Some(("percent", pct_last))
}

/// Time words after a number: a duration ("five years", "five-year"), an age
/// or a time of day ("6 p.m.") — the dates table's business, not a figure.
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "yr"
            | "yrs"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "hr"
            | "hrs"
            | "minute"
            | "minutes"
            | "min"
            | "mins"
            | "second"
            | "seconds"
            | "sec"
            | "secs"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "night"
            | "nights"
            | "weekend"
            | "weekends"
            | "millennium"
            | "millennia"
            | "fortnight"
            | "am"
            | "pm"
            | "a.m."
            | "p.m."
            | "a.m"
            | "p.m"
            | "o'clock"
            | "o’clock"
            | "gmt"
            | "utc"
            | "est"
            | "edt"
            | "pst"
            | "pdt"
            | "bst"
            | "cet"
            | "kst"
            | "jst"
            | "hrs."
            | "quarter"
            | "quarters"
            | "semester"
            | "semesters"
            | "term"
            | "terms"
    )
}
