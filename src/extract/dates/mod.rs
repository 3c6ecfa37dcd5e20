//! Dates extractor: every time expression (DATE, TIME, DURATION, SET) with its
//! TIMEX3 value and, for dates, the range of days it covers.
//!
//! * [`scan`] turns each paragraph into lower-cased words and numbers;
//! * [`grammar`] finds, at each position, the longest time expression and
//!   resolves it against the anchor, the clause's tense and the last date
//!   mentioned;
//! * [`value`] formats TIMEX3 values and day ranges;
//! * [`lexicon`] holds the vocabulary from `data/lexicons/dates.txt`.
//!
//! ## The anchor
//! Relative expressions ("last month", "Friday", "Dec. 24") are resolved
//! against one date per article, written to `anchor`:
//! 1. the article's `published` date (metadata, or the dateline as set by the
//!    reader with `published_from = dateline`);
//! 2. else the date in the dateline block (or the `dateline` string, or an
//!    opening "SEOUL, Dec. 24" in upper case within one of the first
//!    paragraphs), its year
//!    taken from the latest explicit full date in the article ("Oct. 29,
//!    2025"): that year, or the next one when the dateline day would fall more
//!    than 30 days before that latest date;
//! 3. else the latest explicit full date in the article;
//! 4. else none: relative expressions keep an unresolved value ("XXXX-11",
//!    "XXXX-WXX-5") and no day range.
//!
//! ## Tense
//! A bare weekday, month or month-day is the last occurrence on or before the
//! anchor, or the next on or after it when the nearest tense cue around the
//! expression ("will", "next", "scheduled", "plans") points to the future. The
//! nearest cue before the expression wins, then the nearest after it, then
//! the sentence as a whole.
//!
//! Day ranges: a day is itself; a month, quarter, half, year, decade and
//! century span their days; a week runs Monday–Sunday (ISO), a weekend
//! Saturday–Sunday, seasons are meteorological (spring = March–May, winter =
//! December–February); PRESENT_REF is the anchor day, PAST_REF ends and
//! FUTURE_REF starts at the anchor. Durations and sets have no range.

mod grammar;
mod lexicon;
mod scan;
mod value;

use super::{DateExpr, TimexType};
use crate::analyze::Analyzed;
use crate::article::{BlockKind, Span};
use chrono::NaiveDate;
use grammar::{Cx, Grammar, Tense};
use lexicon::Lexicon;
use scan::{scan, K, W};
use serde::Deserialize;
use value::V;

/// `[extract.dates]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatesConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
}

impl Default for DatesConfig {
    fn default() -> Self {
        DatesConfig { enabled: true }
    }
}

pub struct DateExtractor {
    lex: Lexicon,
}

/// Words with no entry in the lexicon that can still start an expression.
const STARTERS: &[&str] = &[
    "the",
    "every",
    "each",
    "per",
    "fiscal",
    "earlier",
    "later",
    "more",
    "less",
    "fewer",
    "at",
    "up",
    "that",
    "recent",
    "noon",
    "midday",
    "midnight",
    // first words of multi-word holidays ("Election Day", "Labor Day")
    "election",
    "labor",
    "memorial",
    "martin",
    "independence",
    "veterans",
    "armistice",
];

/// Tense cue of a token: 1 past, 2 future, 0 none.
fn cue(tok: &str) -> u8 {
    if tok.len() > 11 || tok.len() < 2 {
        return 0;
    }
    let mut buf = [0u8; 12];
    let b = tok.as_bytes();
    for (i, c) in b.iter().enumerate() {
        buf[i] = c.to_ascii_lowercase();
    }
    let t = &buf[..b.len()];
    match t {
        b"will" | b"'ll" | b"\xe2\x80\x99ll" | b"shall" | b"wo" | b"upcoming" | b"scheduled"
        | b"expected" | b"expects" | b"expect" | b"plans" | b"plan" | b"planned" | b"planning" | b"due"
        | b"next" | b"intends" | b"aims" | b"tomorrow" | b"soon" | b"payable" | b"supposed" | b"forecast"
        | b"slated" | b"coming" | b"effective" => 2,
        b"was" | b"were" | b"had" | b"did" | b"said" | b"ago" | b"told" | b"last" | b"yesterday"
        | b"earlier" | b"began" | b"came" | b"went" | b"took" | b"met" | b"made" | b"saw" | b"won"
        | b"lost" | b"rose" | b"fell" | b"gave" | b"left" | b"held" | b"became" | b"got" | b"since"
        | b"brought" | b"bought" | b"sold" | b"found" | b"paid" | b"kept" | b"led" | b"built" | b"sent"
        | b"spent" | b"struck" | b"ran" | b"wrote" | b"fought" | b"caught" | b"sought" | b"stood"
        | b"thought" | b"knew" | b"grew" | b"drew" | b"threw" | b"flew" | b"broke" | b"spoke" | b"chose"
        | b"froze" | b"stole" | b"woke" | b"wore" | b"bore" | b"swore" | b"tore" => 1,
        _ => {
            if t.len() >= 5
                && t.ends_with(b"ed")
                && !t.ends_with(b"eed")
                && t.iter().all(|c| c.is_ascii_lowercase())
            {
                1
            } else {
                0
            }
        }
    }
}

impl DateExtractor {
    pub fn new(_cfg: &DatesConfig) -> anyhow::Result<Self> {
        Ok(DateExtractor {
            lex: Lexicon::load()?,
        })
    }

    pub fn extract(&self, doc: &Analyzed) -> Vec<DateExpr> {
        let lc = doc.text.to_ascii_lowercase();
        let anchor = match doc.article.published {
            Some(p) => Some(p.date()),
            None => self.infer_anchor(doc, &lc),
        };
        self.run(doc, &lc, anchor)
    }

    /// Paragraph spans to scan (the whole text when the analysis has none).
    fn paragraphs(doc: &Analyzed) -> Vec<Span> {
        if doc.paragraphs.is_empty() {
            vec![Span::new(0, doc.text.len())]
        } else {
            doc.paragraphs.iter().map(|p| p.span).collect()
        }
    }

    fn run(&self, doc: &Analyzed, lc: &str, anchor: Option<NaiveDate>) -> Vec<DateExpr> {
        let grammar = Grammar { lex: &self.lex };
        let cues: Vec<u8> = doc.tokens.iter().map(|t| cue(t.span.slice(doc.text))).collect();
        let mut cx = Cx {
            anchor,
            tense: Tense::Unknown,
            reference: None,
            quarter: None,
            quarter_sentence: 0,
            sentence: 0,
        };
        let mut out = Vec::new();
        let mut ws: Vec<W> = Vec::new();
        for para in Self::paragraphs(doc) {
            ws.clear();
            scan(doc.text, lc, para.start, para.end, &self.lex, &mut ws);
            let mut i = 0;
            while i < ws.len() {
                let w = &ws[i];
                let candidate = match w.kind {
                    K::Punct => false,
                    K::Num => true,
                    K::Word => {
                        w.info.is_some()
                            || STARTERS.contains(&w.s.as_ref())
                            || (w.s.len() == 2 && w.s.as_bytes()[1].is_ascii_digit())
                            || w.s.starts_with("fy")
                    }
                };
                if !candidate {
                    i += 1;
                    continue;
                }
                let sent = doc.sentence_at(w.start);
                cx.sentence = sent.unwrap_or(0);
                cx.tense = tense_at(doc, &cues, w.start, sent);
                let found = grammar.parser(&ws, &cx).at(i);
                match found {
                    Some(h) if h.end > i && !ws.get(h.end).is_some_and(|n| n.hy) => {
                        let span = Span::new(ws[i].start, ws[h.end - 1].end);
                        let kind = match (&h.v, h.kind) {
                            (V::Time(..), _) => TimexType::Time,
                            (_, k) => k,
                        };
                        let (date_start, date_end) = match kind {
                            TimexType::Date | TimexType::Time => h.v.range(),
                            _ => (None, None),
                        };
                        if h.refable && kind == TimexType::Date && !matches!(h.v, V::Ref(..) | V::Raw(_)) {
                            cx.reference = Some((h.v.clone(), cx.sentence));
                            if let V::Quarter(y, q) = h.v {
                                cx.quarter = Some((y, q));
                                cx.quarter_sentence = cx.sentence;
                            }
                        }
                        out.push(DateExpr {
                            span,
                            kind,
                            value: h.v.timex(),
                            date_start,
                            date_end,
                            anchor,
                        });
                        i = h.end;
                    }
                    _ => i += 1,
                }
            }
        }
        out
    }

    /// Anchor when the article has no `published` date: see the module docs.
    fn infer_anchor(&self, doc: &Analyzed, lc: &str) -> Option<NaiveDate> {
        let found = self.run(doc, lc, None);
        let latest = found
            .iter()
            .filter(|d| d.kind == TimexType::Date && d.value.len() == 10 && !d.value.starts_with('X'))
            .filter_map(|d| d.date_start)
            .max();
        // the dateline: its block, else the `dateline` string found in the text
        let mut dl: Option<Span> = doc.article.blocks_of(BlockKind::Dateline).next().map(|b| b.span);
        if dl.is_none() {
            if let Some(s) = doc.article.dateline.as_deref().filter(|s| !s.is_empty()) {
                if let Some(p) = doc.text.find(s) {
                    dl = Some(Span::new(p, p + s.len()));
                }
            }
        }
        // no dateline marked: a "PLACE, Mon. DD" opening of one of the first paragraphs
        if dl.is_none() {
            dl = Self::paragraphs(doc).into_iter().take(4).find_map(|p| {
                let d = found.iter().find(|d| p.contains(d.span))?;
                let head = &doc.text[p.start..d.span.start];
                let n = head.chars().filter(|c| c.is_alphabetic()).count();
                let upper = head.chars().filter(|c| c.is_uppercase()).count();
                (d.span.start - p.start <= 80
                    && head.trim_end().ends_with(',')
                    && n >= 3
                    && upper * 10 >= n * 8)
                    .then_some(d.span)
            });
        }
        if let Some(dl) = dl {
            for d in found
                .iter()
                .filter(|d| dl.contains(d.span) && d.kind == TimexType::Date)
            {
                if d.value.len() == 10 && !d.value.starts_with('X') {
                    return d.date_start;
                }
                if let (Some(rest), Some(latest)) = (d.value.strip_prefix("XXXX-"), latest) {
                    let (m, day) = rest.split_once('-')?;
                    let (m, day) = (m.parse().ok()?, day.parse().ok()?);
                    use chrono::Datelike;
                    let mut y = latest.year();
                    let first = value::ymd(y, m, day)?;
                    if (latest - first).num_days() > 30 {
                        y += 1;
                    }
                    return value::ymd(y, m, day);
                }
            }
        }
        latest
    }
}

/// Tense around byte offset `pos`: the nearest cue before it in the sentence,
/// else the nearest after it, else none.
fn tense_at(doc: &Analyzed, cues: &[u8], pos: usize, sent: Option<usize>) -> Tense {
    let Some(s) = sent else { return Tense::Unknown };
    let r = doc.sentences[s].tokens.clone();
    let t = doc.token_at_or_after(pos).clamp(r.start, r.end);
    let to_tense = |c: u8| if c == 2 { Tense::Future } else { Tense::Past };
    let tok = |k: usize| doc.tokens[k].span.slice(doc.text);
    let is = |k: usize, w: &str| k >= r.start && k < r.end && tok(k).eq_ignore_ascii_case(w);
    // a deadline or an earliest date points forward: "until Tuesday", "by February",
    // "as soon as Tuesday", "as early as Monday"
    let past_near = (r.start..t)
        .rev()
        .take(10)
        .chain((t + 1..r.end).take(5))
        .any(|k| cues[k] == 1);
    // "between now and Friday", "from now to Election Day"
    if t >= r.start + 2 && is(t - 2, "now") && ["and", "to", "until", "till"].iter().any(|w| is(t - 1, w)) {
        return Tense::Future;
    }
    if t > r.start
        && ((is(t - 1, "until") || is(t - 1, "till") || is(t - 1, "by")) && !past_near
            || t >= r.start + 2 && is(t - 1, "as") && (is(t - 2, "soon") || is(t - 2, "early")))
    {
        return Tense::Future;
    }
    // the tense a cue token gives, if any
    let at = |k: usize| -> Option<Tense> {
        if cues[k] == 0 {
            return None;
        }
        let before = if k > r.start {
            tok(k - 1).to_ascii_lowercase()
        } else {
            String::new()
        };
        let me = tok(k).to_ascii_lowercase();
        if cues[k] == 2 {
            // "announced the plan Aug. 21": a noun, not an intention
            if matches!(me.as_str(), "plan" | "plans")
                && matches!(
                    before.as_str(),
                    "the" | "a" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
                )
            {
                return None;
            }
            // "next to the embassy": a place
            if me == "next" && is(k + 1, "to") {
                return None;
            }
            // "had been due to expire Friday": a plan in the past perfect is past
            if before == "been" && k >= r.start + 2 && is(k - 2, "had") {
                return Some(Tense::Past);
            }
        }
        // a passive participle carries no tense: "will be named", "is expected"
        if cues[k] == 1 && matches!(before.as_str(), "be" | "been" | "being") {
            return None;
        }
        Some(to_tense(cues[k]))
    };
    // the expression's own words ("last", "next") are not cues for it
    for k in (r.start..t).rev().take(10) {
        // "set to resume", "is to resume": the future
        if (is(k, "set") || is(k, "is") || is(k, "are")) && is(k + 1, "to") {
            return Tense::Future;
        }
        if let Some(x) = at(k) {
            return x;
        }
    }
    for k in (t + 1..r.end).take(5) {
        if let Some(x) = at(k) {
            return x;
        }
    }
    // else the nearest cue anywhere in the sentence ("Stocks rose, pushing the index …
    // within 70 points of its record set on Aug. 6"), but not a verb of saying: the
    // reported clause has its own time ("he added that a summit would be held on April 24")
    let far = |k: usize| {
        if cues[k] == 0 {
            return None;
        }
        let w = tok(k).to_ascii_lowercase();
        if matches!(
            w.as_str(),
            "said" | "added" | "told" | "announced" | "reported" | "stated" | "noted"
        ) {
            None
        } else {
            at(k)
        }
    };
    let (mut back, mut fwd) = (t.saturating_sub(10).max(r.start), (t + 6).min(r.end));
    while back > r.start || fwd < r.end {
        if fwd < r.end {
            if let Some(x) = far(fwd) {
                return x;
            }
            fwd += 1;
        }
        if back > r.start {
            back -= 1;
            if let Some(x) = far(back) {
                return x;
            }
        }
    }
    Tense::Unknown
}

#[cfg(test)]
mod tests;
