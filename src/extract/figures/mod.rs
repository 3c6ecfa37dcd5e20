//! Figures extractor: one row per number that means something — a sum of
//! money, a percentage, a quantity with its unit, a count of things — with its
//! normalised value, unit, kind, approximation and what it measures.
//!
//! * [`lexer`] splits the text into numbers, words and symbols, keeping the
//!   white space before each ("5km" vs "5 km", a line start);
//! * [`numbers`] reads a number's value: digits, words, scale words, fractions;
//! * [`money`] and [`units`] read the currency or unit around it, from
//!   `data/lexicons/figure_currencies.tsv` and `figure_units.tsv`;
//! * [`ranges`] joins "3-5%", "between 3 and 5 percent", "from $1 million to
//!   $2 million" into one figure with `value` and `value_max`;
//! * [`object`] reads the approximation ("about", "more than", "up to") and
//!   the object: the counted noun ("450,000 active-duty troops") or the "of"
//!   phrase ("3.5 percent of gross domestic product").
//!
//! ## What is not a figure
//! A number is a figure when it states an amount. It is not one when it
//! *names or places* something instead:
//! * time: anything the dates extractor found (years, dates, durations, times),
//!   a number followed by a time word ("five years", "five-year", "6 p.m."),
//!   a plain four-digit integer in the year range without unit or counted noun,
//!   "10:30", "1990s";
//! * names and labels: ordinals ("5th", "Fifth Avenue" — ordinal words are never
//!   read), a number after a label word ("page 5", "No. 3", "Route 66") or
//!   right after a capitalised name with no counted noun after it ("Boeing
//!   737", "Windows 10"), a number glued to letters or joined by a hyphen to a
//!   word before it ("A380", "COVID-19", "B52"), chains of numbers joined by
//!   "-", ".", "/", ":" (phone numbers, IP addresses, codes, scores, ratios);
//! * list markers: a number opening a line followed by "." or ")", or "1)";
//! * hyphenated classifiers: number-hyphen-noun where the noun is not a unit
//!   ("four-star general", "two-party system") — a rank or a type, not an
//!   amount; with a unit it is a quantity ("3-inch", "six-mile");
//! * "one" as a pronoun ("one of the", "the one", "one by one"): a spelled-out
//!   "one" is a figure only with a counted noun after it ("one soldier").

mod lexer;
mod money;
mod numbers;
mod object;
mod ranges;
mod units;

#[cfg(test)]
mod tests;

use super::{Approx, DateExpr, Figure};
use crate::analyze::Analyzed;
use crate::article::Span;
use lexer::{Kind, Tok, Ws};
use numbers::Core;
use serde::Deserialize;

/// `[extract.figures]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FiguresConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
    /// The unit written for a bare "$" (the text does not say which dollar).
    /// Default: "USD?" (probably US dollars, not stated).
    pub bare_dollar: String,
    /// Vague counts ("thousands of protesters" → 1000, more_than). Default: true.
    pub vague_counts: bool,
    /// Plain four-digit integers from `year_min` to `year_max` without a unit
    /// or counted noun are years, not figures. Default: 1500 and 2199.
    pub year_min: u32,
    pub year_max: u32,
}

impl Default for FiguresConfig {
    fn default() -> Self {
        FiguresConfig {
            enabled: true,
            bare_dollar: "USD?".into(),
            vague_counts: true,
            year_min: 1500,
            year_max: 2199,
        }
    }
}

pub struct FigureExtractor {
    cfg: FiguresConfig,
    units: units::Units,
    currencies: money::Currencies,
}

/// One amount as read: tokens `first..=last`, currency and unit included.
#[derive(Debug, Clone)]
pub(crate) struct Amount {
    pub first: usize,
    pub last: usize,
    pub core: Core,
    pub value: f64,
    pub unit: Option<String>,
    pub kind: &'static str,
}

/// What reading at a token gave.
enum Read {
    Fig(Amount),
    /// Not a figure; go on after this token.
    Skip(usize),
    No,
}

/// Words that label the number after them as a name or a reference.
fn is_label(w: &str) -> bool {
    matches!(
        w,
        "no" | "nos"
            | "nr"
            | "nrs"
            | "number"
            | "section"
            | "sections"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "chapter"
            | "article"
            | "articles"
            | "paragraph"
            | "clause"
            | "exit"
            | "route"
            | "highway"
            | "interstate"
            | "room"
            | "flight"
            | "gate"
            | "platform"
            | "item"
            | "rule"
            | "version"
            | "vol"
            | "volume"
            | "issue"
            | "episode"
            | "season"
            | "phase"
            | "grade"
            | "level"
            | "category"
            | "channel"
            | "figure"
            | "fig"
            | "table"
            | "step"
            | "stage"
            | "district"
            | "precinct"
            | "apartment"
            | "suite"
            | "ward"
            | "line"
            | "bus"
            | "row"
            | "seat"
            | "box"
            | "lot"
            | "block"
            | "amendment"
            | "resolution"
            | "title"
            | "act"
            | "code"
            | "model"
            | "type"
            | "class"
            | "division"
            | "jersey"
            | "tier"
            | "pier"
            | "terminal"
            | "lane"
            | "hall"
            | "building"
            | "floor"
            | "unit"
            | "bill"
            | "session"
            | "verse"
            | "psalm"
            | "mark"
            | "ward."
            | "#"
    )
}

fn is_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "of"
            | "before"
            | "after"
            | "during"
            | "through"
            | "to"
            | "and"
            | "or"
            | "early"
            | "late"
            | "mid"
            | "the"
            | "year"
            | "fiscal"
    )
}

fn sentence_start(t: &[Tok], i: usize) -> bool {
    i == 0
        || t[i].ws == Ws::Line
        || t[i - 1].kind == Kind::Sym
            && matches!(
                t[i - 1].text,
                "." | "!" | "?" | ":" | ";" | "\"" | "“" | "(" | "—" | "–"
            )
}

impl FigureExtractor {
    pub fn new(cfg: &FiguresConfig) -> anyhow::Result<Self> {
        Ok(FigureExtractor {
            cfg: cfg.clone(),
            units: units::Units::load()?,
            currencies: money::Currencies::load()?,
        })
    }

    pub fn extract(&self, doc: &Analyzed, dates: &[DateExpr]) -> Vec<Figure> {
        self.extract_text(doc.text, dates)
    }

    /// The figures of a text (byte spans), avoiding the dates' spans.
    pub fn extract_text(&self, text: &str, dates: &[DateExpr]) -> Vec<Figure> {
        let t = lexer::lex(text);
        let urls = url_spans(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            if t[i].kind == Kind::Sym {
                i += 1;
                continue;
            }
            if urls.iter().any(|u| u.start <= t[i].start && t[i].start < u.end) {
                i += 1;
                continue;
            }
            if let Some((f, next)) = self.percent_of(&t, i) {
                out.push(f);
                i = next;
                continue;
            }
            if self.cfg.vague_counts {
                if let Some((f, next)) = self.vague(&t, i) {
                    out.push(f);
                    i = next;
                    continue;
                }
            }
            match self.amount(&t, i) {
                Read::No => i += 1,
                Read::Skip(k) => i = k.max(i + 1),
                Read::Fig(a) => {
                    let next = a.last + 1;
                    match self.finish(text, &t, a, dates) {
                        Ok(f) => {
                            let end = t.partition_point(|x| x.start < f.span.end);
                            out.push(f);
                            i = end.max(next);
                        }
                        Err(k) => i = k.max(next),
                    }
                }
            }
        }
        out
    }

    /// "percent of 10", "per cent of twenty-two": the percent word first.
    fn percent_of(&self, t: &[Tok], i: usize) -> Option<(Figure, usize)> {
        if i > 0 && (t[i - 1].is_num() || numbers::is_number_word(&t[i - 1].lower)) {
            return None;
        }
        let (p, l) = units::percent_at(t, i)?;
        if !t.get(l + 1)?.is("of") {
            return None;
        }
        let c = numbers::core(t, l + 2)?;
        if t.get(c.last + 1).is_some_and(|n| n.is_word() && n.ws != Ws::Line) {
            // "percent of 10 states": a count of states, not a percentage.
            return None;
        }
        Some((
            Figure {
                span: Span::new(t[i].start, t[c.last].end),
                value: c.value,
                value_max: None,
                unit: Some(p.to_string()),
                kind: "percent",
                approx: Approx::Exact,
                object: None,
            },
            c.last + 1,
        ))
    }

    /// "thousands of protesters", "tens of thousands of", "dozens of".
    fn vague(&self, t: &[Tok], i: usize) -> Option<(Figure, usize)> {
        let base = |w: &str| match w {
            "dozens" => Some(12.0),
            "scores" => Some(20.0),
            "hundreds" => Some(100.0),
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => None,
        };
        let mut v = if t[i].is("tens") { 10.0 } else { base(&t[i].lower)? };
        if i > 0 && (t[i - 1].is_num() || numbers::is_number_word(&t[i - 1].lower)) {
            return None;
        }
        let mut j = i + 1;
        if !t.get(j)?.is("of") {
            return None;
        }
        // "tens of thousands of", "hundreds of millions of"
        if let Some(b) = t.get(j + 1).and_then(|x| base(&x.lower)) {
            if t.get(j + 2).is_some_and(|x| x.is("of")) && b > v {
                v *= b;
                j += 2;
            }
        }
        if t[i].is("tens") && v == 10.0 {
            return None;
        }
        let (_, nl, head) = object::counted(t, j, 2.0)?;
        Some((
            Figure {
                span: Span::new(t[i].start, t[j].end),
                value: v,
                value_max: None,
                unit: Some(head),
                kind: "count",
                approx: Approx::MoreThan,
                object: Some(t[..].get(j + 1..=nl).map(|r| span_text(r)).unwrap_or_default()),
            },
            nl + 1,
        ))
    }

    /// An amount whose number starts at token `i`.
    fn amount(&self, t: &[Tok], i: usize) -> Read {
        let x = &t[i];
        if x.kind == Kind::Word
            && !(numbers::is_number_word(&x.lower)
                || matches!(x.lower.as_ref(), "a" | "an" | "half" | "quarter"))
        {
            return Read::No;
        }
        let Some(mut core) = numbers::core(t, i) else {
            if x.is_num() {
                // "192.168.1.2", "24/7": skip the whole chain.
                return Read::Skip(chain_end(t, i) + 1);
            }
            return Read::No;
        };
        let digits = x.is_num();
        let mut first = i;
        if digits {
            // Glued to a word before: "A380", "B52" (not a currency code: "USD115").
            let glued_word = i > 0 && x.ws == Ws::None && t[i - 1].is_word();
            let hyphen_word = i > 1
                && x.ws == Ws::None
                && t[i - 1].is_sym('-')
                && t[i - 1].ws == Ws::None
                && t[i - 2].is_word()
                && !numbers::is_number_word(&t[i - 2].lower);
            if (glued_word || hyphen_word) && self.currencies.before(t, i).is_none() {
                return Read::Skip(chunk_end(t, i) + 1);
            }
            if i > 0 && t[i - 1].is_sym('+') && x.ws == Ws::None {
                return Read::Skip(chain_end(t, i) + 1);
            }
            let ce = chain_end(t, core.last);
            if ce > core.last {
                return Read::Skip(ce + 1);
            }
            if i > 0 && t[i - 1].is_sym('#') && x.ws == Ws::None {
                return Read::Skip(core.last + 1);
            }
            // Negative sign: "-5" (not "3-5").
            if i > 0
                && (t[i - 1].is_sym('-') || t[i - 1].is_sym('−'))
                && (x.ws == Ws::None && t[i - 1].ws != Ws::None || t[i - 1].ws == Ws::Line)
                && !(i > 1 && t[i - 2].is_num())
            {
                core.value = -core.value;
                first = i - 1;
            }
        }
        if first > 0 && (t[first - 1].is("minus") || t[first - 1].is("negative")) && t[first].ws != Ws::Line {
            core.value = -core.value;
            first -= 1;
        }
        let mut value = core.value;
        let mut last = core.last;
        let mut unit: Option<String> = None;
        let mut kind = "number";
        // Currency before: "$", "US$", "EUR".
        if let Some((code, p)) = self.currencies.before(t, first) {
            unit = Some(self.code(code));
            kind = "money";
            first = p;
            // "$5m", "£3 m"
            if let Some(n) = t.get(last + 1) {
                if (n.text == "m" || n.text == "M")
                    && n.ws != Ws::Line
                    && !core.scaled
                    && self.units.at(t, last + 1).is_none_or(|_| n.ws == Ws::None)
                {
                    value *= 1e6;
                    last += 1;
                }
            }
            // "$10 dollars", "US$ 5 USD"
            if let Some((c2, l2)) = self.currencies.after(t, last) {
                if c2 == code || code == "$" || c2 == "$" {
                    last = l2;
                    if c2 != "$" {
                        unit = Some(self.code(c2));
                    }
                }
            }
        } else if let Some((p, l)) = units::percent_at(t, last + 1).filter(|_| t[last + 1].ws != Ws::Line) {
            unit = Some(p.to_string());
            kind = "percent";
            last = l;
        } else if t.get(last + 1).is_some_and(|h| h.is_sym('-') && h.ws == Ws::None)
            && t.get(last + 2).is_some_and(|w| w.ws == Ws::None && w.is_word())
        {
            // "3-inch", "5-percent", "five-year", "four-star"
            if let Some((p, l)) = units::percent_at(t, last + 2) {
                unit = Some(p.to_string());
                kind = "percent";
                last = l;
            } else if let Some((u, l)) = self.units.at(t, last + 2) {
                unit = Some(u.name.clone());
                kind = u.kind;
                last = l;
            } else if let Some((code, l)) = self.currencies.after(t, last + 1) {
                // "12-cent", "one-yen"
                unit = Some(self.code(code));
                kind = "money";
                last = l;
            } else if numbers::scale(&t[last + 2].lower, false).is_some() {
                value *= numbers::scale(&t[last + 2].lower, false).unwrap_or(1.0);
                last += 2;
            } else {
                // A classifier compound: a rank, a type or a duration.
                return Read::Skip(last + 3);
            }
        } else if let Some((code, l)) = self.currencies.after(t, last) {
            if matches!(code, "won" | "KRW") && !digits && !core.scaled {
                // "one won", "two won": the verb, most likely.
            } else {
                unit = Some(self.code(code));
                kind = "money";
                last = l;
                // "75 USD million"
                if let Some(s) = t
                    .get(last + 1)
                    .filter(|x| x.ws == Ws::Space && !core.scaled)
                    .and_then(|x| numbers::scale(&x.lower, false))
                {
                    value *= s;
                    last += 1;
                }
            }
        } else if let Some(code) = t
            .get(last + 1)
            .filter(|x| x.ws != Ws::Line)
            .and_then(|x| self.currencies.million_code(x))
        {
            // "30 MUSD"
            unit = Some(self.code(code));
            kind = "money";
            value *= 1e6;
            last += 1;
        } else if money::pounds_at(t, last + 1) {
            if core.scaled || t.get(last + 2).is_some_and(|x| x.is("sterling")) {
                unit = Some("GBP".into());
                kind = "money";
                last += 1 + t.get(last + 2).is_some_and(|x| x.is("sterling")) as usize;
            } else {
                unit = Some("pound_weight".into());
                kind = "quantity";
                last += 1;
            }
        } else if let Some((u, l)) = self.units.at(t, last + 1) {
            unit = Some(u.name.clone());
            kind = u.kind;
            last = l;
        }
        if kind == "money" && !core.scaled {
            if let Some((c, l)) = cents_after(t, last, unit.as_deref().unwrap_or("")) {
                value += c;
                last = l;
            }
        }
        if unit.as_deref() == Some("foot") {
            if let Some((inches, l)) = inches_after(t, last) {
                value += inches / 12.0;
                last = l;
            }
        }
        if kind == "number" {
            if let Some(n) = t.get(last + 1) {
                if n.is_word() && units::is_time_word(&n.lower) && n.ws != Ws::Line {
                    return Read::Skip(last + 2);
                }
                if n.ws == Ws::None && digits && (n.is_word() || n.is_sym('\'') || n.is_sym('’')) {
                    // "5th", "1990s", "24703L202", "1990's"
                    return Read::Skip(chunk_end(t, last + 1) + 1);
                }
                if n.is_sym(':')
                    && n.ws == Ws::None
                    && t.get(last + 2).is_some_and(|x| x.is_num() && x.ws == Ws::None)
                {
                    return Read::Skip(last + 3);
                }
            }
        }
        Read::Fig(Amount {
            first,
            last,
            core,
            value,
            unit,
            kind,
        })
    }

    fn code(&self, code: &str) -> String {
        if code == "$" {
            self.cfg.bare_dollar.clone()
        } else {
            code.to_string()
        }
    }

    /// Turn an amount into a figure: ranges, approximation, object, and the
    /// rules for numbers that are not figures. Err(next token) when it is not one.
    fn finish(&self, text: &str, t: &[Tok], a: Amount, dates: &[DateExpr]) -> Result<Figure, usize> {
        let mut a = a;
        let core_span = Span::new(t[a.core.first].start, t[a.core.last].end);
        let mut value_max = None;
        let mut first = a.first;
        let mut skip_after = a.last + 1;
        if let Some((b, conn_first)) = ranges::second(self, t, &a) {
            if let Some((lo, hi, unit, kind)) = ranges::join(&a, &b) {
                a.value = lo;
                value_max = Some(hi);
                a.unit = unit;
                a.kind = kind;
                a.last = b.last;
                if first > 0
                    && (t[first - 1].is("between") || t[first - 1].is("from"))
                    && t[first].ws != Ws::Line
                {
                    first -= 1;
                }
            } else if b.core.plain_int && a.core.plain_int && t[conn_first].is_sym('-') {
                // "3-1": a score, not a range.
                return Err(b.last + 1);
            }
            let _ = conn_first;
        }
        skip_after = skip_after.max(a.last + 1);
        let plain = matches!(a.kind, "number");
        if plain || a.kind == "quantity" {
            // A date inside a longer number ("one billion and a quarter
            // million") is the date tagger's mistake; fractions are no dates.
            let fraction = a.core.worded && a.value.fract() != 0.0;
            if !fraction
                && dates.iter().any(|d| {
                    d.span.overlaps(core_span) && !(core_span.contains(d.span) && core_span != d.span)
                })
            {
                return Err(skip_after);
            }
        }
        let mut unit = a.unit.clone();
        let mut kind = a.kind;
        let mut object = None;
        let counted = if plain {
            object::counted(t, a.last, a.value)
        } else {
            None
        };
        if plain {
            let prev = a.first.checked_sub(1).map(|p| &t[p]);
            let prev_w = prev
                .filter(|p| p.ws != Ws::Line || t[a.first].ws != Ws::Line)
                .map(|p| p.lower.as_ref())
                .unwrap_or("");
            let tok = &t[a.core.first];
            // A year: "in 2021", "2030".
            if a.core.plain_int && tok.text.len() == 4 && value_max.is_none() {
                let y = a.value as u32;
                if (self.cfg.year_min..=self.cfg.year_max).contains(&y)
                    && (counted.is_none() || is_prep(prev_w))
                {
                    return Err(skip_after);
                }
            }
            // Labels: "page 5", "No. 3", "#2".
            let label_before = prev.is_some_and(|p| is_label(&p.lower))
                || a.first >= 2 && t[a.first - 1].is_sym('.') && is_label(&t[a.first - 2].lower);
            if label_before && t[a.first].ws != Ws::Line {
                return Err(skip_after);
            }
            // A name with a number: "Boeing 737", "Windows 10".
            if let Some(p) = prev {
                if p.is_word()
                    && p.capitalized()
                    && tok.is_num()
                    && counted.is_none()
                    && t[a.first].ws == Ws::Space
                    && !sentence_start(t, a.first - 1)
                    && !object::is_stop(&p.lower)
                    && object::approx_before(t, a.first).is_none()
                {
                    return Err(skip_after);
                }
            }
            // List markers: "1." or "2)" opening a line, "1 )".
            if tok.is_num() && value_max.is_none() {
                let next = t.get(a.last + 1);
                let line_start = t[a.first].ws == Ws::Line;
                if next.is_some_and(|n| {
                    n.is_sym(')') && !(a.first > 0 && t[a.first - 1].is_sym('(') && a.value > 9.0)
                }) || line_start
                    && next.is_some_and(|n| n.is_sym('.') && n.ws == Ws::None)
                    && t.get(a.last + 2).is_some_and(|w| w.is_word() && w.ws != Ws::Line)
                {
                    return Err(skip_after);
                }
            }
            // "one" as a pronoun.
            if a.core.worded && a.value == 1.0 && a.core.first == a.core.last && counted.is_none() {
                return Err(skip_after);
            }
        }
        if let Some((s, e, head)) = counted {
            kind = "count";
            unit = Some(head);
            object = Some(span_text(&t[s..=e]));
        } else if let Some((s, e)) = object::of_object(t, first, a.last) {
            object = Some(span_text(&t[s..=e]));
        }
        let mut approx = Approx::Exact;
        if let Some((ap, s)) = object::approx_before(t, first) {
            approx = ap;
            first = s;
        }
        let _ = text;
        Ok(Figure {
            span: Span::new(t[first].start, t[a.last].end),
            value: a.value,
            value_max,
            unit,
            kind,
            approx,
            object,
        })
    }
}

/// "3 dollars 50 cents", "15 dollars and 50", "$ 10 30 cent": cents after a
/// dollar amount ending at `last` — a number below 100 followed by "cents" or
/// by nothing word-like. (value to add, last token).
fn cents_after(t: &[Tok], last: usize, unit: &str) -> Option<(f64, usize)> {
    let dollar = unit.starts_with("USD")
        || matches!(unit, "CAD" | "AUD" | "NZD" | "HKD" | "SGD" | "TWD")
        || unit.ends_with('?') && unit.starts_with("USD");
    if !dollar {
        return None;
    }
    let mut j = last + 1;
    if t.get(j)?.ws == Ws::Line {
        return None;
    }
    if t[j].is("and") {
        j += 1;
    }
    let x = t.get(j)?;
    if x.ws == Ws::Line || x.is_num() && !x.plain {
        return None;
    }
    let c = numbers::core(t, j)
        .filter(|c| !c.scaled && c.value < 100.0 && c.value >= 1.0 && c.value.fract() == 0.0)?;
    let next = t.get(c.last + 1);
    if next.is_some_and(|n| n.is("cent") || n.is("cents")) {
        return Some((c.value / 100.0, c.last + 1));
    }
    if next
        .is_none_or(|n| n.kind == Kind::Sym && !matches!(n.text, "-" | "/" | "%" | "$") || n.ws == Ws::Line)
    {
        return Some((c.value / 100.0, c.last));
    }
    None
}

/// "5 ft 2 in", "5 feet 2 inches", "5 feet and 2 inches": inches after feet.
fn inches_after(t: &[Tok], last: usize) -> Option<(f64, usize)> {
    let mut j = last + 1;
    if t.get(j)?.is("and") {
        j += 1;
    }
    let x = t.get(j).filter(|x| x.is_num() && x.ws != Ws::Line)?;
    let n = x.value.filter(|v| *v < 12.0)?;
    let u = t.get(j + 1)?;
    (matches!(u.lower.as_ref(), "in" | "inch" | "inches" | "\"") && u.ws != Ws::Line).then_some((n, j + 1))
}

/// Byte spans of URLs and e-mail addresses (no figures inside them).
fn url_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for pat in ["://", "www.", "@"] {
        let mut from = 0;
        while let Some(p) = text[from..].find(pat) {
            let at = from + p;
            let start = text[..at]
                .rfind(|c: char| c.is_whitespace())
                .map(|s| s + 1)
                .unwrap_or(0);
            let end = text[at..]
                .find(|c: char| c.is_whitespace())
                .map(|e| at + e)
                .unwrap_or(text.len());
            if pat != "@" || text[at + 1..end].contains('.') {
                out.push(Span::new(start, end));
            }
            from = end.max(at + 1);
        }
    }
    out
}

/// The last token of the run glued to token `i` (no white space between).
fn chunk_end(t: &[Tok], i: usize) -> usize {
    let mut j = i;
    while t.get(j + 1).is_some_and(|x| {
        x.ws == Ws::None && x.kind != Kind::Sym
            || x.ws == Ws::None
                && matches!(x.text, "-" | "/" | "_")
                && t.get(j + 2)
                    .is_some_and(|y| y.ws == Ws::None && y.kind != Kind::Sym)
    }) {
        j += 1;
    }
    j
}

/// Text from the first token's start to the last token's end, white space
/// collapsed to single spaces.
fn span_text(r: &[Tok]) -> String {
    let mut s = String::new();
    for (n, x) in r.iter().enumerate() {
        if n > 0 && x.ws != Ws::None {
            s.push(' ');
        }
        s.push_str(x.text);
    }
    s
}

/// The last token of a chain of numbers joined without spaces by "-", ".",
/// "/" or ":" starting at number token `i` ("555-123-4567", "10:30",
/// "192.168.1.2"); `i` itself when there is no chain of three or more, or
/// two joined by ":" or "/".
fn chain_end(t: &[Tok], i: usize) -> usize {
    let mut j = i;
    let mut n = 1;
    let mut colon = false;
    while let (Some(s), Some(x)) = (t.get(j + 1), t.get(j + 2)) {
        let joiner = s.ws == Ws::None
            && x.ws == Ws::None
            && s.kind == Kind::Sym
            && matches!(s.text, "-" | "." | "/" | ":");
        if !(joiner && x.is_num()) {
            break;
        }
        colon |= s.text == ":" || s.text == "/";
        n += 1;
        j += 2;
    }
    if n >= 3 || colon && n >= 2 {
        j
    } else {
        i
    }
}
