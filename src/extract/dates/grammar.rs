//! Patterns: at a token position, the longest time expression starting there,
//! resolved against the anchor (the article's date), the sentence's tense and
//! the last date mentioned (for "a year earlier", "the following day").
//!
//! Span conventions follow TimeML/TIMEX3 as annotated in TempEval-3: leading
//! prepositions are left out ("on Tuesday" → "Tuesday"), relative and
//! position words are kept ("last year", "early next year", "the past three
//! years", "mid-2026"), as are approximators ("about two years ago").

use super::lexicon::{Lexicon, Unit};
use super::scan::{K, W};
use super::value::{self, add_days, shift_day, weekday_from, ymd, V};
use crate::extract::TimexType;
use chrono::{Datelike, NaiveDate};

/// Tense of the clause around an expression, for choosing between the last
/// and the next occurrence of "Friday", "January" or "Dec. 24".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// Resolution context, updated as the article is read in order.
pub struct Cx {
    pub anchor: Option<NaiveDate>,
    /// Tense of the sentence being parsed.
    pub tense: Tense,
    /// Last date mentioned (value, sentence index), for "a year earlier".
    pub reference: Option<(V, usize)>,
    /// Last quarter mentioned (year, quarter): earnings reports compare a
    /// quarter with "a year earlier", "the year-ago period".
    pub quarter: Option<(i32, u32)>,
    /// Sentence of that quarter mention: it stays the context for a few sentences.
    pub quarter_sentence: usize,
    pub sentence: usize,
}

#[derive(Debug, Clone)]
pub struct Hit {
    /// Token index one past the last token of the expression.
    pub end: usize,
    pub kind: TimexType,
    pub v: V,
    /// This date becomes the reference for later relative expressions.
    pub refable: bool,
}

fn hit(end: usize, kind: TimexType, v: V) -> Option<Hit> {
    Some(Hit {
        end,
        kind,
        v,
        refable: true,
    })
}

/// A date counted from another date: never itself a reference.
fn rel_date(end: usize, v: V) -> Option<Hit> {
    Some(Hit {
        end,
        kind: TimexType::Date,
        v,
        refable: false,
    })
}

fn date(end: usize, v: V) -> Option<Hit> {
    hit(end, TimexType::Date, v)
}

fn dur(end: usize, s: String) -> Option<Hit> {
    hit(end, TimexType::Duration, V::Raw(s))
}

fn set(end: usize, s: impl Into<String>) -> Option<Hit> {
    hit(end, TimexType::Set, V::Raw(s.into()))
}

/// Prepositions after which a bare month, season or year is a date.
const TIME_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "from",
    "to",
    "before",
    "after",
    "of",
    "between",
    "and",
    "or",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "each",
    "every",
    "on",
    "into",
    "for",
    "as",
    "around",
    "circa",
    "at",
    "over",
    "past",
    "fiscal",
    "year",
    "than",
    "ending",
    "ended",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
];

/// Prepositions that make a following number a year even before a plural noun.
const STRONG_PREPS: &[&str] = &[
    "in", "since", "by", "until", "till", "through", "during", "before", "after", "fiscal", "of",
];

pub struct Grammar<'l> {
    pub lex: &'l Lexicon,
}

pub struct P<'a, 'b> {
    ws: &'b [W<'a>],
    cx: &'b Cx,
    lex: &'a Lexicon,
}

impl<'a> P<'a, '_> {
    fn w(&self, i: usize) -> Option<&W<'a>> {
        self.ws.get(i)
    }
    fn is(&self, i: usize, s: &str) -> bool {
        self.ws.get(i).is_some_and(|w| w.s == s)
    }
    fn is_any(&self, i: usize, list: &[&str]) -> bool {
        self.ws.get(i).is_some_and(|w| list.contains(&w.s.as_ref()))
    }
    fn punct(&self, i: usize, c: &str) -> bool {
        self.ws.get(i).is_some_and(|w| w.kind == K::Punct && w.s == c)
    }
    /// Skip an abbreviation dot right after token `i - 1` ("Oct." but not "January.").
    fn skip_dot(&self, i: usize) -> usize {
        let abbrev = i > 0 && {
            let p = &self.ws[i - 1].s;
            p.len() <= 4 && !matches!(p.as_ref(), "may" | "june" | "july")
        };
        if abbrev && self.punct(i, ".") && self.ws[i].glued {
            i + 1
        } else {
            i
        }
    }
    fn hy(&self, i: usize) -> bool {
        self.ws.get(i).is_some_and(|w| w.hy)
    }
    fn month(&self, i: usize) -> Option<u32> {
        let w = self.w(i)?;
        let m = w.info?.month?;
        // Month names are capitalised in news; "may" and "march" also need context
        if !w.cap {
            return None;
        }
        let full = matches!(
            w.s.as_ref(),
            "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        );
        if !full
            && !self.punct(i + 1, ".")
            && self.day_at(i + 1).is_none()
            && self.year_at(i + 1, true).is_none()
        {
            return None;
        }
        Some(m)
    }
    fn weekday(&self, i: usize) -> Option<u32> {
        let w = self.w(i)?;
        let d = w.info?.weekday?;
        (w.cap && !w.info?.weekday_plural).then_some(d)
    }
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        let w = self.w(i)?;
        let inf = w.info?;
        Some((inf.unit?, inf.unit_plural))
    }
    fn prev_is_any(&self, i: usize, list: &[&str]) -> bool {
        i > 0 && self.is_any(i - 1, list)
    }
    /// The quarter mentioned within the last few sentences.
    fn quarter_ctx(&self) -> Option<(i32, u32)> {
        self.cx
            .quarter
            .filter(|_| self.cx.sentence <= self.cx.quarter_sentence + 3)
    }
    fn anchor(&self) -> Option<NaiveDate> {
        self.cx.anchor
    }

    /// A count: "5", "2.5", "twenty-five", "a", "a few", "several", "two and a half".
    /// Returns (value or None for vague, next index).
    fn count(&self, i: usize) -> Option<(Option<f64>, usize)> {
        let w = self.w(i)?;
        if w.kind == K::Num {
            let s = w.s.replace(',', "");
            let v: f64 = s.parse().ok()?;
            // "5 1/2"
            if let Some(x) = self.w(i + 1) {
                if x.kind == K::Num && x.s == "1/2" {
                    return Some((Some(v + 0.5), i + 2));
                }
            }
            return Some((Some(v), i + 1));
        }
        let inf = w.info?;
        if w.s == "a" || w.s == "an" {
            if self.w(i + 1).and_then(|x| x.info).is_some_and(|x| x.few) && self.is(i + 1, "few") {
                return Some((None, i + 2));
            }
            if self.is(i + 1, "couple") {
                let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((Some(2.0), j));
            }
            if self.is(i + 1, "half")
                && self
                    .w(i + 2)
                    .is_some_and(|x| x.info.is_some_and(|x| x.unit.is_some()))
            {
                return Some((Some(0.5), i + 2));
            }
            return Some((Some(1.0), i + 1));
        }
        if inf.few {
            if w.s == "some"
                && !self
                    .w(i + 1)
                    .is_some_and(|x| x.info.is_some_and(|x| x.unit_plural))
            {
                return None;
            }
            return Some((None, i + 1));
        }
        let mut v = inf.num?;
        let mut j = i + 1;
        if w.s == "couple" {
            return None;
        }
        // twenty-five
        if (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
            if let Some(u) = self.w(j).and_then(|x| x.info).and_then(|x| x.num) {
                if (1.0..10.0).contains(&u) && !self.is_any(j, &["a", "an"]) {
                    v += u;
                    j += 1;
                }
            }
        }
        // two and a half
        if self.is(j, "and") && self.is_any(j + 1, &["a", "one"]) && self.is(j + 2, "half") {
            v += 0.5;
            j += 3;
        }
        Some((Some(v), j))
    }

    /// A 4-digit year at `i` (with a little context to tell it from a count).
    fn year_at(&self, i: usize, loose: bool) -> Option<i32> {
        let w = self.w(i)?;
        if w.kind != K::Num || w.s.len() != 4 {
            return None;
        }
        let y = w.n? as i32;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        if loose {
            return Some(y);
        }
        if !(1900..=2100).contains(&y) && !self.prev_is_any(i, TIME_PREPS) {
            return None;
        }
        // not a count or an amount: "$2000", "2000 troops", "about 2000"
        if i > 0 {
            let p = &self.ws[i - 1];
            if p.kind == K::Punct && matches!(p.s.as_ref(), "$" | "€" | "£" | "¥" | "#") {
                return None;
            }
            if matches!(
                p.s.as_ref(),
                "about" | "some" | "nearly" | "almost" | "than" | "over" | "up" | "around"
            ) {
                return None;
            }
        }
        if let Some(n) = self.w(i + 1) {
            if n.kind == K::Punct && n.s == "%" {
                return None;
            }
            if n.kind == K::Word && !n.cap && n.info.is_none() && n.s.ends_with('s') && n.s.len() > 3 {
                // "2000 troops" but keep "in 1998 elections"
                if !self.prev_is_any(i, STRONG_PREPS) {
                    return None;
                }
            }
            if n.kind == K::Word
                && matches!(
                    n.s.as_ref(),
                    "people"
                        | "percent"
                        | "km"
                        | "kilometers"
                        | "miles"
                        | "meters"
                        | "tons"
                        | "points"
                        | "won"
                )
            {
                return None;
            }
        }
        Some(y)
    }

    /// Day of month at `i`: "29", "29th".
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i)?;
        if w.kind != K::Num {
            return None;
        }
        let digits: &str = w.s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w.s[digits.len()..];
        if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) || digits.len() > 2 {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some((d, i + 1))
    }

    // ---------------------------------------------------------------- resolution

    /// Year for a month-day without a year, by tense.
    fn year_for_day(&self, m: u32, d: u32) -> Option<i32> {
        let a = self.anchor()?;
        let cand = |y: i32| ymd(y, m, d);
        let this = cand(a.year())?;
        Some(match self.cx.tense {
            // future: this year's unless more than a week past
            Tense::Future => {
                if this >= a || (a - this).num_days() <= 7 {
                    a.year()
                } else {
                    a.year() + 1
                }
            }
            // past: this year's unless more than two weeks ahead
            Tense::Past => {
                if this <= a || (this - a).num_days() <= 60 {
                    a.year()
                } else {
                    a.year() - 1
                }
            }
            Tense::Unknown => {
                // the closest of last, this and next year's
                let mut best = (i64::MAX, a.year());
                for y in [a.year() - 1, a.year(), a.year() + 1] {
                    if let Some(x) = cand(y) {
                        let dist = (x - a).num_days().abs();
                        if dist < best.0 {
                            best = (dist, y);
                        }
                    }
                }
                best.1
            }
        })
    }

    fn year_for_month(&self, m: u32) -> Option<i32> {
        let a = self.anchor()?;
        let (am, m) = (a.month() as i32, m as i32);
        Some(match self.cx.tense {
            Tense::Future => {
                if m >= am {
                    a.year()
                } else {
                    a.year() + 1
                }
            }
            // past: up to a month ahead counts as this year's
            Tense::Past => {
                if m <= am + 1 {
                    a.year()
                } else {
                    a.year() - 1
                }
            }
            // the closest: up to 3 months ahead counts as this year's
            Tense::Unknown => {
                if m <= am + 3 - 12 {
                    a.year() + 1
                } else if m <= am + 3 {
                    a.year()
                } else {
                    a.year() - 1
                }
            }
        })
    }

    fn month_v(&self, m: u32) -> V {
        match self.year_for_month(m) {
            Some(y) => V::Month(y, m),
            None => V::Raw(format!("XXXX-{m:02}")),
        }
    }

    fn month_day_v(&self, m: u32, d: u32) -> V {
        match self.year_for_day(m, d).and_then(|y| ymd(y, m, d)) {
            Some(x) => V::Day(x),
            None => V::Raw(format!("XXXX-{m:02}-{d:02}")),
        }
    }

    /// The weekday nearest the anchor: the past one (or today) unless the
    /// clause is in the future tense; `off` -1 = strictly before, 1 = strictly after.
    fn weekday_v(&self, wd: u32, off: i32) -> V {
        let Some(a) = self.anchor() else {
            return V::Raw(format!("XXXX-WXX-{wd}"));
        };
        let cur = a.weekday().number_from_monday() as i64;
        let wd = wd as i64;
        let back = (cur - wd).rem_euclid(7); // days back to the last such weekday (0 = today)
        let fwd = (wd - cur).rem_euclid(7);
        let days = match off {
            -1 => -(if back == 0 { 7 } else { back }),
            1 => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            _ => match self.cx.tense {
                Tense::Future => fwd,
                _ => -back,
            },
        };
        add_days(a, days)
            .map(V::Day)
            .unwrap_or(V::Raw(format!("XXXX-WXX-{wd}")))
    }

    fn season_v(&self, s: &'static str, off: i32) -> V {
        let Some(a) = self.anchor() else {
            return V::Raw(format!("XXXX-{s}"));
        };
        let order = |s: &str| match s {
            "SP" => 0,
            "SU" => 1,
            "FA" => 2,
            _ => 3,
        };
        // current season of the anchor
        let (cy, cs) = match a.month() {
            3..=5 => (a.year(), 0),
            6..=8 => (a.year(), 1),
            9..=11 => (a.year(), 2),
            12 => (a.year(), 3),
            _ => (a.year() - 1, 3),
        };
        let target = order(s);
        let y = match off {
            -1 => {
                if target < cs {
                    cy
                } else {
                    cy - 1
                }
            }
            1 => {
                if target > cs {
                    cy
                } else {
                    cy + 1
                }
            }
            _ => match self.cx.tense {
                Tense::Future if target < cs => cy + 1,
                Tense::Past if target > cs => cy - 1,
                _ => cy,
            },
        };
        V::Season(y, s)
    }

    fn shift_anchor(&self, unit: Unit, n: i32) -> V {
        match self.anchor().and_then(|a| shift_day(a, unit, n)) {
            Some(v) => v,
            None => V::Raw(unresolved(unit)),
        }
    }

    /// Quarter `q` without a year: this year's if it has begun, else last year's.
    fn quarter_v(&self, q: u32) -> V {
        // the year of a quarter just mentioned (within three sentences), unless
        // that puts this quarter after the anchor's
        if let Some((V::Quarter(y, _), _)) = &self.cx.reference {
            let recent = self.quarter_ctx().is_some();
            let not_ahead = self.anchor().is_none_or(|a| {
                let cur = (a.month() - 1) / 3 + 1;
                (*y, q) <= (a.year(), cur) || self.cx.tense == Tense::Future
            });
            if recent && not_ahead {
                return V::Quarter(*y, q);
            }
        }
        match self.anchor() {
            Some(a) => {
                let cur = (a.month() - 1) / 3 + 1;
                V::Quarter(if q <= cur { a.year() } else { a.year() - 1 }, q)
            }
            None => V::Raw(format!("XXXX-Q{q}")),
        }
    }

    fn holiday_v(&self, key: &str, year: Option<i32>, off: i32) -> Option<V> {
        let on = |y: i32| -> Option<NaiveDate> {
            if key == "easter" {
                return value::easter(y);
            }
            // US Election Day: the Tuesday after the first Monday of November
            if key == "election" {
                return add_days(value::nth_weekday(y, 11, chrono::Weekday::Mon, 1)?, 1);
            }
            let mut it = key.split('-');
            let m: u32 = it.next()?.parse().ok()?;
            let b = it.next()?;
            match it.next() {
                None => ymd(y, m, b.parse().ok()?),
                Some(wd) => {
                    let n = if b == "L" { 0 } else { b.parse().ok()? };
                    value::nth_weekday(y, m, weekday_from(wd.parse().ok()?), n)
                }
            }
        };
        if let Some(y) = year {
            return on(y).map(V::Day);
        }
        let Some(a) = self.anchor() else {
            return Some(V::Raw("XXXX-XX-XX".into()));
        };
        let this = on(a.year())?;
        let y = match (off, self.cx.tense) {
            (-1, _) => {
                if this < a {
                    a.year()
                } else {
                    a.year() - 1
                }
            }
            (1, _) | (0, Tense::Future) => {
                if this > a {
                    a.year()
                } else {
                    a.year() + 1
                }
            }
            (0, Tense::Past) => {
                if this <= a {
                    a.year()
                } else {
                    a.year() - 1
                }
            }
            _ => a.year(),
        };
        on(y).map(V::Day)
    }

    /// Reference date for "a year earlier", "the following day": the last date
    /// mentioned, else the anchor.
    fn reference(&self) -> Option<V> {
        match &self.cx.reference {
            Some((v, _)) => Some(v.clone()),
            None => self.anchor().map(V::Day),
        }
    }

    // ---------------------------------------------------------------- patterns

    /// The longest expression starting at token `i`.
    pub fn at(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        if w.kind == K::Punct || w.hy {
            return None;
        }
        // approximators kept in the span: "about two years ago", "more than a decade"
        let mut j = i;
        if w.info.is_some_and(|x| x.approx.is_some()) {
            j = i + 1;
        } else if (self.is_any(i, &["more", "less", "fewer"]) && self.is(i + 1, "than"))
            || (self.is(i, "at") && self.is_any(i + 1, &["least", "most"]))
            || (self.is(i, "up") && self.is(i + 1, "to"))
        {
            j = i + 2;
        }
        if j > i {
            let counted = self.count(j).is_some() || self.w(j).is_some_and(|w| w.kind == K::Num);
            if !counted {
                return None;
            }
            if let Some(h) = self.core(j) {
                let countable = self.count(j).is_some() || self.w(j).is_some_and(|w| w.kind == K::Num);
                if (h.kind == TimexType::Duration || h.kind == TimexType::Time || countable)
                    && h.kind != TimexType::Set
                {
                    return Some(h);
                }
                return None;
            }
            return None;
        }
        self.core(i)
    }

    fn core(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        let s = w.s.as_ref();
        if s == "the" {
            return self.the(i);
        }
        if let Some(h) = self.year_ago_adj(i) {
            return Some(h);
        }
        if let Some(h) = self.modified(i) {
            return Some(h);
        }
        if let Some(h) = self.relative(i) {
            return Some(h);
        }
        if let Some(h) = self.deictic(i) {
            return Some(h);
        }
        if let Some(h) = self.explicit(i) {
            return Some(h);
        }
        if let Some(h) = self.time(i) {
            return Some(h);
        }
        if let Some(h) = self.sets(i) {
            return Some(h);
        }
        self.duration_or_ago(i)
    }

    /// Expressions starting with "the".
    fn the(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        let w = self.w(j)?;
        let s = w.s.as_ref();
        // the past / the future / the present
        if s == "past" && !self.unit_or_count_follows(j + 1) {
            return date(j + 1, V::Ref("PAST_REF", self.anchor()));
        }
        if (s == "future" || s == "present")
            || (self.is_any(j, &["near", "distant", "foreseeable", "immediate"]) && self.is(j + 1, "future"))
        {
            let end = if s == "future" || s == "present" {
                j + 1
            } else {
                j + 2
            };
            let r = if s == "present" {
                "PRESENT_REF"
            } else {
                "FUTURE_REF"
            };
            return date(end, V::Ref(r, self.anchor()));
        }
        if self.is(j, "recent") && self.is(j + 1, "past") {
            return date(j + 2, V::Ref("PAST_REF", self.anchor()));
        }
        // broadcast transcripts: "the year two thousand"
        if self.is(j, "year") && self.is(j + 1, "two") && self.is(j + 2, "thousand") && !self.hy(j + 3) {
            return date(j + 3, V::Year(2000));
        }
        // the end/beginning/middle/start of X
        if self.is_any(j, &["end", "beginning", "start", "middle", "close"]) && self.is(j + 1, "of") {
            let h = self.core(j + 2)?;
            return (h.kind == TimexType::Date).then_some(h);
        }
        // the weekend
        if s == "weekend" {
            return date(j + 1, self.weekend_v(0));
        }
        // the 1990s, the mid-1990s, the late 1970s, the '90s
        if let Some(h) = self.decade(j) {
            return Some(h);
        }
        if w.info.and_then(|x| x.pos_mod).is_some() {
            if let Some(h) = self.decade(j + 1) {
                return Some(h);
            }
        }
        // the same day / the following day / the previous year (relative to the last date)
        if self.is_any(
            j,
            &["following", "next", "previous", "preceding", "prior", "same"],
        ) {
            // "the next morning", "the previous evening": the day beside the last day mentioned
            if s != "same"
                && self
                    .w(j + 1)
                    .and_then(|x| x.info)
                    .and_then(|x| x.part_of_day)
                    .is_some()
            {
                if let Some(V::Day(d)) = self.reference() {
                    let n = if matches!(s, "following" | "next") { 1 } else { -1 };
                    return date(j + 2, V::Day(add_days(d, n)?));
                }
            }
            if let Some((u, false)) = self.unit(j + 1) {
                let n = match s {
                    "following" | "next" => 1,
                    "same" => 0,
                    _ => -1,
                };
                let r = self.reference()?;
                let v = if n == 0 { r } else { r.shift(u, n)? };
                if u == Unit::Day || u == Unit::Week || u == Unit::Month || u == Unit::Year {
                    let v = granular(v, u);
                    return date(j + 2, v);
                }
            }
        }
        // "the last half of 1989", "the last quarter of 2024": the year's final part
        if s == "last" && self.is_any(j + 1, &["half", "quarter"]) && self.is(j + 2, "of") {
            if let Some(h) = self.ordinal_period(j) {
                return Some(h);
            }
        }
        // the past three years / the last decade / the coming year / the current quarter
        if let Some(h) = self.relative(j) {
            return Some(h);
        }
        // the first nine months / the first quarter / the first half (of 2025)
        if let Some(h) = self.ordinal_period(j) {
            return Some(h);
        }
        // the fiscal first quarter, the fiscal year
        if s == "fiscal" {
            if let Some(h) = self.ordinal_period(j + 1) {
                return Some(h);
            }
            if self.is(j + 1, "year") && !self.hy(j + 2) && self.year_at(j + 2, true).is_none() {
                if self.is_any(j + 2, &["ended", "ending", "through", "to"]) {
                    return dur(j + 2, Unit::Year.duration(Some(1.0)));
                }
                return date(j + 2, self.shift_anchor(Unit::Year, 0));
            }
        }
        // the nine months
        if let Some((Some(n), k)) = self.count(j) {
            if let Some((u, true)) = self.unit(k) {
                if n > 1.0 && w.kind == K::Word && !matches!(s, "a" | "an") {
                    return dur(k + 1, u.duration(Some(n)));
                }
            }
        }
        // the year-earlier quarter, the year-ago period
        if let Some(h) = self.year_ago_adj(j) {
            return Some(h);
        }
        // the latest quarter / the current quarter / the quarter
        if self.is_any(j, &["latest", "current", "recent", "most"]) || self.is(j, "quarter") {
            let mut k = j;
            while k < j + 3 && !self.is(k, "quarter") {
                k += 1;
            }
            if self.is(k, "quarter") && !self.hy(k + 1) {
                let mut v = match &self.cx.reference {
                    Some((V::Quarter(y, q), _)) => V::Quarter(*y, *q),
                    _ => self.shift_anchor(Unit::Quarter, -1),
                };
                // "the latest quarter" has been reported, so it is over: not a quarter that
                // ends after the anchor ("fourth-quarter outlook … the latest quarter")
                if self.is(j, "latest") {
                    if let (Some(a), (_, Some(end))) = (self.anchor(), v.range()) {
                        if end >= a {
                            v = self.shift_anchor(Unit::Quarter, -1);
                        }
                    }
                }
                // "the quarter a year ago": that quarter a year back
                if self.is(k + 1, "a") && self.is(k + 2, "year") && self.is_any(k + 3, &["ago", "earlier"]) {
                    if let V::Quarter(y, q) = v {
                        return rel_date(k + 4, V::Quarter(y - 1, q));
                    }
                }
                return date(k + 1, v);
            }
            // "the latest period" in an earnings report: the quarter just discussed
            if self.is(j, "latest") && self.is(j + 1, "period") {
                if let Some((y, q)) = self.quarter_ctx() {
                    return date(j + 2, V::Quarter(y, q));
                }
            }
        }
        // the full year: the anchor's (or the quarter's) year
        if s == "full" && self.is(j + 1, "year") && !self.hy(j + 2) {
            let v = match self.quarter_ctx() {
                Some((y, _)) => V::Year(y),
                None => self.shift_anchor(Unit::Year, 0),
            };
            return date(j + 2, v);
        }
        // "the week of March 6": the week holding that day
        if s == "week" && self.is(j + 1, "of") {
            if let Some(h) = self.core(j + 2) {
                if let V::Day(d) = h.v {
                    return date(h.end, value::week_of(d));
                }
            }
        }
        // the year, the week: the anchor's
        if (s == "year" || s == "week")
            && !self.hy(j + 1)
            && !self.is_any(j + 1, &["of", "before", "after", "earlier", "ago", "later"])
        {
            let u = if s == "year" { Unit::Year } else { Unit::Week };
            // "the year ended Sept. 30": a fiscal year, as a duration
            if self.is_any(j + 1, &["ended", "ending", "through", "to"]) {
                return dur(j + 1, u.duration(Some(1.0)));
            }
            return date(j + 1, self.shift_anchor(u, 0));
        }
        // the summer (of 1994)
        if let Some(se) = w.info.and_then(|x| x.season) {
            if self.is(j + 1, "of") {
                if let Some(y) = self.year_at(j + 2, true) {
                    return date(j + 3, V::Season(y, se));
                }
            }
            if s != "fall" || !self.is(j + 1, "of") {
                return date(j + 1, self.season_v(se, 0));
            }
        }
        // the 20th century
        if let Some(h) = self.century(j) {
            return Some(h);
        }
        None
    }

    fn unit_or_count_follows(&self, i: usize) -> bool {
        self.unit(i).is_some() || self.count(i).is_some_and(|(_, k)| self.unit(k).is_some())
    }

    fn weekend_v(&self, off: i32) -> V {
        match self.anchor() {
            Some(a) => {
                // the weekend before the anchor unless the anchor is a weekend day or future tense
                let wd = a.weekday().number_from_monday();
                let base = if off == 0 && (wd >= 6 || self.cx.tense == Tense::Future) {
                    a
                } else if off == 1 {
                    add_days(a, 7).unwrap_or(a)
                } else {
                    add_days(a, -(wd as i64)).unwrap_or(a)
                };
                match value::week_of(base) {
                    V::Week(y, w) => V::Weekend(y, w),
                    v => v,
                }
            }
            None => V::Raw("XXXX-WXX-WE".into()),
        }
    }

    fn decade(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        if w.kind != K::Num {
            return None;
        }
        let s = w.s.as_ref();
        let body = s.strip_suffix('s')?;
        if let Some(two) = body.strip_prefix('\'') {
            let n: i32 = two.parse().ok()?;
            if two.len() == 2 && n % 10 == 0 {
                return date(i + 1, V::Decade(1900 + n));
            }
            return None;
        }
        if body.len() == 4 {
            let n: i32 = body.parse().ok()?;
            if n % 10 == 0 && (1000..2200).contains(&n) {
                if n % 100 == 0 && !self.is(i - 1, "the") {
                    // "the 1900s" is a century in common use, but TimeML reads it as the decade
                }
                return date(i + 1, V::Decade(n));
            }
        }
        None
    }

    fn century(&self, i: usize) -> Option<Hit> {
        let o = self.w(i)?.info.and_then(|x| x.ordinal).or_else(|| {
            let w = self.w(i)?;
            let d = w.s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if w.kind == K::Num && d.len() <= 2 && d.len() < w.s.len() {
                d.parse().ok()
            } else {
                None
            }
        })?;
        if self.is(i + 1, "century") && (1..=22).contains(&o) {
            return date(i + 2, V::Century(o as i32 - 1));
        }
        None
    }

    /// "first quarter (of 2025)", "third-quarter", "first half", "first nine months".
    fn ordinal_period(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        let o = w
            .info
            .and_then(|x| x.ordinal)
            .or_else(|| if w.s == "last" { Some(0) } else { None })?;
        let mut k = i + 1;
        if self.is(k, "fiscal") {
            k += 1;
        }
        // first nine months → duration
        if let Some((Some(n), k2)) = self.count(k) {
            if let Some((u, true)) = self.unit(k2) {
                if n > 1.0 && o == 1 {
                    return dur(k2 + 1, u.duration(Some(n)));
                }
            }
        }
        let (u, plural) = self.unit(k)?;
        if plural {
            return None;
        }
        let year_after = |p: &Self, k: usize| -> Option<(i32, usize)> {
            if p.is(k, "of") || p.punct(k, ",") {
                if let Some(y) = p.year_at(k + 1, true) {
                    return Some((y, k + 2));
                }
                if p.is(k + 1, "fiscal") {
                    if let Some(y) = p.year_at(k + 2, true) {
                        return Some((y, k + 3));
                    }
                }
            }
            if let Some(y) = p.year_at(k, true) {
                return Some((y, k + 1));
            }
            None
        };
        match u {
            Unit::Quarter if (1..=4).contains(&o) || o == 0 => {
                if let Some((y, e)) = year_after(self, k + 1) {
                    return date(e, V::Quarter(y, if o == 0 { 4 } else { o }));
                }
                if o == 0 {
                    return date(k + 1, self.shift_anchor(Unit::Quarter, -1));
                }
                date(k + 1, self.quarter_v(o))
            }
            Unit::Half if o == 1 || o == 2 || o == 0 => {
                let h = if o == 0 { 2 } else { o };
                if let Some((y, e)) = year_after(self, k + 1) {
                    return date(e, V::Half(y, h));
                }
                let y = match &self.cx.reference {
                    Some((v, _)) => v.range().0.map(|d| d.year()),
                    None => self.anchor().map(|a| a.year()),
                };
                match y {
                    Some(y) => date(k + 1, V::Half(y, h)),
                    None => date(k + 1, V::Raw(format!("XXXX-H{h}"))),
                }
            }
            Unit::Century => self.century(i),
            _ => None,
        }
    }

    /// "year-earlier", "year-ago" (+ period / quarter): the reference a year back.
    fn year_ago_adj(&self, i: usize) -> Option<Hit> {
        let mut k = i;
        if self.is_any(k, &["comparable", "same"]) {
            k += 1;
        }
        if !(self.is(k, "year") && self.hy(k + 1) && self.is_any(k + 1, &["earlier", "ago"])) {
            return None;
        }
        let mut end = k + 2;
        let v = match (self.quarter_ctx(), self.reference()) {
            (Some((y, q)), _) => V::Quarter(y - 1, q),
            (None, Some(r)) => r.shift(Unit::Year, -1)?,
            (None, None) => V::Raw("XXXX".into()),
        };
        let v = match v {
            V::Day(d) => V::Year(d.year()),
            V::Month(y, _) => V::Year(y),
            v => v,
        };
        if let Some(o) = self.w(end).and_then(|x| x.info).and_then(|x| x.ordinal) {
            if self.is(end + 1, "quarter") && (1..=4).contains(&o) {
                let y = match &v {
                    V::Quarter(y, _) | V::Year(y) => *y,
                    _ => return rel_date(end + 2, v),
                };
                return rel_date(end + 2, V::Quarter(y, o));
            }
        }
        if self.is_any(end, &["quarter", "period"]) {
            end += 1;
        }
        rel_date(end, v)
    }

    /// early/mid/late X, earlier/later this X, end of X.
    fn modified(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        let s = w.s.as_ref();
        if w.info.and_then(|x| x.pos_mod).is_some() && !matches!(s, "close") {
            // "mid-afternoon yesterday", "late evening Friday": that day's part
            if let Some(p) = self.w(i + 1).and_then(|x| x.info).and_then(|x| x.part_of_day) {
                if matches!(p, "MO" | "AF" | "EV" | "NI") {
                    if let Some(h) = self.core(i + 2) {
                        if let (V::Day(d), TimexType::Date) = (&h.v, h.kind) {
                            return hit(h.end, TimexType::Time, V::PartOfDay(*d, p));
                        }
                    }
                }
            }
            let mut j = i + 1;
            if matches!(s, "end" | "beginning" | "start" | "middle") {
                if !self.is(j, "of") {
                    return None;
                }
                j += 1;
            } else if self.is(j, "in") && self.is(j + 1, "the") {
                j += 1;
            }
            let h = self.core(j)?;
            return (h.kind == TimexType::Date).then_some(h);
        }
        if matches!(s, "earlier" | "later") {
            if self.is_any(i + 1, &["this", "that", "next", "last"]) && self.unit(i + 2).is_some() {
                let h = if self.is(i + 1, "that") {
                    self.that_unit(i + 1)?
                } else {
                    self.relative(i + 1)?
                };
                return (h.kind == TimexType::Date).then_some(h);
            }
            if self.is(i + 1, "in") && self.is(i + 2, "the") && self.unit(i + 3).is_some_and(|(_, p)| !p) {
                let u = self.unit(i + 3)?.0;
                return date(i + 4, self.shift_anchor(u, 0));
            }
            if let Some(d) = self.w(i + 1).and_then(|x| x.info).and_then(|x| x.deictic) {
                if d.starts_with('d') {
                    let h = self.deictic(i + 1)?;
                    return Some(h);
                }
            }
        }
        None
    }

    /// "that day", "that year": the reference date.
    fn that_unit(&self, i: usize) -> Option<Hit> {
        let (u, plural) = self.unit(i + 1)?;
        if plural {
            return None;
        }
        let r = self.reference()?;
        date(i + 2, granular(r, u))
    }

    /// last/this/next + unit, weekday, month, season, holiday; past/next N units.
    fn relative(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        let s = w.s.as_ref();
        let mut off = w.info.and_then(|x| x.rel)?;
        let mut j = i + 1;
        // "this past spring", "this coming week"
        if off == 0 && self.is_any(j, &["past", "coming"]) {
            off = if self.is(j, "past") { -1 } else { 1 };
            j += 1;
        }
        if s == "present" || s == "prior" {
            return None;
        }
        // "the last-minute talks", "next-day delivery": a compound adjective
        if self.hy(j) {
            return None;
        }
        // a title in quotes: ABC's "This Week"
        if w.cap
            && self.w(j).is_some_and(|n| n.cap)
            && i > 0
            && self.ws[i - 1].kind == K::Punct
            && matches!(self.ws[i - 1].s.as_ref(), "\"" | "\u{201c}" | "`" | "``")
        {
            return None;
        }
        // the past three years / next two weeks → duration
        if let Some((n, k)) = self.count(j) {
            if let Some((u, plural)) = self.unit(k) {
                if (plural || n == Some(1.0) && !matches!(self.ws[j].s.as_ref(), "a" | "an"))
                    && (off != 0 || s == "last")
                {
                    return dur(k + 1, u.duration(n));
                }
            }
        }
        if s == "that" {
            return self.that_unit(i);
        }
        if let Some((u, plural)) = self.unit(j) {
            if plural {
                // "past years", "recent years"
                return None;
            }
            if u == Unit::Weekend {
                return date(j + 1, self.weekend_v(off));
            }
            if s == "past" && i > 0 && !self.is(i - 1, "the") && u != Unit::Year {
                // "past week" without "the": like "the past week"
            }
            let v = self.shift_anchor(u, off);
            // "last year's third quarter" handled by the caller sequence
            // "this year's third quarter"
            if self.is(j + 1, "'s") {
                if let Some(o) = self.w(j + 2).and_then(|x| x.info).and_then(|x| x.ordinal) {
                    if self.is(j + 3, "quarter") && u == Unit::Year {
                        if let V::Year(y) = v {
                            return date(j + 4, V::Quarter(y, o));
                        }
                    }
                }
            }
            return date(j + 1, v);
        }
        if s == "past" {
            return None;
        }
        if let Some(wd) = self.weekday(j) {
            let v = self.weekday_v(wd, if off == 0 { 0 } else { off.signum() });
            let (end, v) = self.with_part_of_day(j + 1, v);
            return date(end, v);
        }
        if let Some(m) = self
            .month(j)
            .filter(|_| self.day_at(self.skip_dot(j + 1)).is_none())
        {
            let a = self.anchor();
            let v = match a {
                Some(a) => {
                    let y = match off {
                        -1 => {
                            if m < a.month() {
                                a.year()
                            } else {
                                a.year() - 1
                            }
                        }
                        1 => {
                            if m > a.month() {
                                a.year()
                            } else {
                                a.year() + 1
                            }
                        }
                        _ => a.year(),
                    };
                    V::Month(y, m)
                }
                None => V::Raw(format!("XXXX-{m:02}")),
            };
            return date(j + 1, v);
        }
        if let Some(se) = self.w(j).and_then(|x| x.info).and_then(|x| x.season) {
            // "this summer" names the anchor year's season whatever the tense ("pledged
            // to protest this summer" read in March is not last summer)
            if off == 0 && s == "this" {
                if let Some(a) = self.anchor() {
                    let y = if se == "WI" && a.month() <= 2 {
                        a.year() - 1
                    } else {
                        a.year()
                    };
                    return date(j + 1, V::Season(y, se));
                }
            }
            return date(j + 1, self.season_v(se, off));
        }
        if let Some((key, end)) = self.holiday(j) {
            let v = self.holiday_v(key, None, off)?;
            return date(end, v);
        }
        // "last night", "this morning", "this afternoon"
        if let Some(p) = self.w(j).and_then(|x| x.info).and_then(|x| x.part_of_day) {
            let a = self.anchor();
            let d = if s == "last" && p == "NI" {
                a.and_then(|a| add_days(a, -1))
            } else {
                a
            };
            if s == "last" && p != "NI" {
                return None;
            }
            if s == "next" {
                return None;
            }
            let v = match d {
                Some(d) => V::PartOfDay(d, p),
                None => V::Raw(format!("XXXX-XX-XXT{p}")),
            };
            let kind = if p == "NI" {
                TimexType::Date
            } else {
                TimexType::Time
            };
            return hit(j + 1, kind, v);
        }
        // "this fiscal year"
        if self.is(j, "fiscal") && self.is(j + 1, "year") {
            return date(j + 2, self.shift_anchor(Unit::Year, off));
        }
        None
    }

    /// "Friday night", "yesterday morning": the part of the day joins the span;
    /// the value stays the day, as TempEval-3 mostly annotates it.
    /// A day followed by a part of day: "Friday evening" keeps the evening
    /// (TEV, TAF), "Friday morning/night" stays the day (TimeBank practice varies).
    fn with_part_of_day(&self, j: usize, v: V) -> (usize, V) {
        if let Some(p) = self.w(j).and_then(|x| x.info).and_then(|x| x.part_of_day) {
            let v = match (v, p) {
                (V::Day(d), "EV" | "AF") => V::PartOfDay(d, p),
                (v, _) => v,
            };
            return (j + 1, v);
        }
        (j, v)
    }

    fn holiday(&self, i: usize) -> Option<(&'static str, usize)> {
        // try the longest multi-word key first: "new year's day", "martin luther king day"
        let mut key = String::new();
        let mut best = None;
        let mut k = i;
        while k < i + 5 {
            let Some(w) = self.w(k) else { break };
            if w.kind != K::Word || !(w.cap || w.s == "'s" || w.s == "day" || w.s == "eve") {
                break;
            }
            if w.s == "'s" {
                key.push_str("'s");
            } else {
                if !key.is_empty() {
                    key.push('-');
                }
                key.push_str(&w.s);
            }
            if let Some(h) = self.lex_holiday(&key) {
                best = Some((h, k + 1));
            }
            k += 1;
        }
        let (h, mut end) = best?;
        // "Thanksgiving Day", "Easter Sunday"
        if self.is_any(end, &["day", "sunday"]) && self.w(end).is_some_and(|w| w.cap) {
            end += 1;
        }
        Some((h, end))
    }

    fn lex_holiday(&self, key: &str) -> Option<&'static str> {
        self.lex.get(key).and_then(|x| x.holiday)
    }

    /// today, yesterday, tomorrow, tonight, now, recently …
    fn deictic(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        let s = w.s.as_ref();
        if let Some(d) = w.info.and_then(|x| x.deictic) {
            if self.hy(i + 1) {
                return None;
            }
            let a = self.anchor();
            if let Some(off) = d.strip_prefix('d') {
                let off: i64 = off.parse().ok()?;
                let day = a.and_then(|a| add_days(a, off));
                let v = match day {
                    Some(d) => V::Day(d),
                    None => V::Raw("XXXX-XX-XX".into()),
                };
                let (end, v) = self.with_part_of_day(i + 1, v);
                return date(end, v);
            }
            if d == "tonight" {
                let v = match a {
                    Some(a) => V::PartOfDay(a, "NI"),
                    None => V::Raw("XXXX-XX-XXTNI".into()),
                };
                return date(i + 1, v);
            }
            // "Now, ..." opening a sentence is a discourse marker
            if s == "now" && self.punct(i + 1, ",") && (i == 0 || self.ws[i - 1].kind == K::Punct) {
                return None;
            }
            // "now that …" still says "at present" (TimeBank: PRESENT_REF); "until now" too
            return date(i + 1, V::Ref(d, a));
        }
        // "recent weeks": an unspecified stretch up to now; "recent years" is the
        // past as such (TimeBank: PAST_REF)
        if s == "recent" {
            if let Some((u, true)) = self.unit(i + 1) {
                if u == Unit::Year {
                    return date(i + 2, V::Ref("PAST_REF", self.anchor()));
                }
                return dur(i + 2, u.duration(None));
            }
            // "the recent bombings": a time before now (not "most/more recent")
            if !self.prev_is_any(i, &["most", "more", "less", "fairly", "relatively"])
                && self
                    .w(i + 1)
                    .is_some_and(|n| n.kind == K::Word && n.info.is_none())
            {
                return date(i + 1, V::Ref("PAST_REF", self.anchor()));
            }
        }
        None
    }

    /// Calendar dates written out: ISO, slashes, month-day-year, day-month-year,
    /// months, weekdays, years, decades, quarters, seasons with years, holidays.
    fn explicit(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        // ISO 2025-10-29
        if w.kind == K::Num && w.s.len() == 4 && self.hy(i + 1) && self.hy(i + 2) {
            let y = w.n? as i32;
            let m = self.w(i + 1)?.n? as u32;
            let d = self.w(i + 2)?.n? as u32;
            if let Some(x) = ymd(y, m, d) {
                return self.refd(date(i + 3, V::Day(x)));
            }
        }
        // 10/29/2025
        if w.kind == K::Num && w.s.matches('/').count() == 2 {
            let p: Vec<&str> = w.s.split('/').collect();
            let (a, b, c) = (
                p[0].parse::<u32>().ok()?,
                p[1].parse::<u32>().ok()?,
                p[2].parse::<i32>().ok()?,
            );
            let y = if p[2].len() == 2 {
                if c < 50 {
                    2000 + c
                } else {
                    1900 + c
                }
            } else {
                c
            };
            let x = if a > 12 { ymd(y, b, a) } else { ymd(y, a, b) };
            return self.refd(date(i + 1, V::Day(x?)));
        }
        if let Some(wd) = self.weekday(i) {
            // "Friday, Oct. 29, 2025"
            let mut k = i + 1;
            if self.punct(k, ",") {
                k += 1;
            }
            if self.month(k).is_some() {
                if let Some(h) = self.month_expr(k) {
                    if matches!(h.v, V::Day(_)) || matches!(h.v, V::Raw(_)) {
                        return Some(h);
                    }
                }
            }
            if self.is(i + 1, "week") || self.hy(i + 1) {
                return None;
            }
            let v = self.weekday_v(wd, 0);
            let (end, v) = self.with_part_of_day(i + 1, v);
            return date(end, v);
        }
        if self.month(i).is_some() {
            return self.month_expr(i);
        }
        // 29 October 2025, 29th of October
        if let Some((d, mut k)) = self.day_at(i) {
            if self.is(k, "of") {
                k += 1;
            }
            if let Some(m) = self.month(k) {
                let mut e = self.skip_dot(k + 1);
                if self.punct(e, ",") && self.year_at(e + 1, true).is_some() {
                    e += 1;
                }
                if let Some(y) = self.year_at(e, true) {
                    return self.refd(date(e + 1, V::Day(ymd(y, m, d)?)));
                }
                return self.refd(date(k + 1, self.month_day_v(m, d)));
            }
        }
        if let Some(h) = self.decade(i) {
            return Some(h);
        }
        // fiscal 2025, FY2025, fiscal year 2025, fiscal second-quarter
        if w.s == "fiscal" {
            let mut k = i + 1;
            if self.is(k, "year") {
                k += 1;
            }
            if let Some(y) = self.year_at(k, true) {
                return self.refd(date(k + 1, V::Year(y)));
            }
            if let Some(y) = self
                .w(k)
                .filter(|x| x.kind == K::Num && x.s.len() == 2)
                .and_then(|x| x.n)
            {
                return self.refd(date(
                    k + 1,
                    V::Year(if y < 50 { 2000 + y as i32 } else { 1900 + y as i32 }),
                ));
            }
            if let Some(h) = self.ordinal_period(k) {
                return self.refd(Some(h));
            }
            return None;
        }
        if let Some(rest) = w.s.strip_prefix("fy") {
            if let Ok(y) = rest.parse::<i32>() {
                let y = match rest.len() {
                    4 => y,
                    2 => 2000 + y,
                    _ => return None,
                };
                return self.refd(date(i + 1, V::Year(y)));
            }
        }
        // Q3, Q3 2025, 3Q
        if w.s.len() == 2 {
            let b = w.s.as_bytes();
            let q = if b[0] == b'q' && (b'1'..=b'4').contains(&b[1]) && w.cap {
                Some((b[1] - b'0') as u32)
            } else if b[1] == b'q' && (b'1'..=b'4').contains(&b[0]) && w.s.len() == 2 {
                Some((b[0] - b'0') as u32)
            } else {
                None
            };
            if let Some(q) = q {
                if let Some(y) = self.year_at(i + 1, true) {
                    return self.refd(date(i + 2, V::Quarter(y, q)));
                }
                return self.refd(date(i + 1, self.quarter_v(q)));
            }
        }
        // first quarter, third-quarter, first half
        if let Some(h) = self.ordinal_period(i) {
            return self.refd(Some(h));
        }
        if let Some(h) = self.century(i) {
            return Some(h);
        }
        // 2025 third quarter, 2025
        if let Some(y) = self.year_at(i, false) {
            if let Some(o) = self.w(i + 1).and_then(|x| x.info).and_then(|x| x.ordinal) {
                if self.is(i + 2, "quarter") && (1..=4).contains(&o) {
                    return self.refd(date(i + 3, V::Quarter(y, o)));
                }
            }
            if self.hy(i + 1) {
                return None;
            }
            return self.refd(date(i + 1, V::Year(y)));
        }
        // seasons: "summer 2025", "in the fall" is handled by "the"; "spring" after a preposition
        if let Some(se) = w.info.and_then(|x| x.season) {
            if let Some(y) = self.year_at(i + 1, true) {
                return date(i + 2, V::Season(y, se));
            }
            if self.prev_is_any(i, &["in", "during", "until", "since", "by", "through", "over"])
                && !(w.s == "fall" && self.is(i + 1, "of"))
            {
                return date(i + 1, self.season_v(se, 0));
            }
            return None;
        }
        if let Some((key, end)) = self.holiday(i) {
            let y = self.year_at(end, true);
            let v = self.holiday_v(key, y, 0)?;
            return date(end + y.is_some() as usize, v);
        }
        // spelled-out years: "nineteen ninety-six"
        if let Some(c) = w.info.and_then(|x| x.num).filter(|c| (10.0..=20.0).contains(c)) {
            if let Some((Some(n), e)) = self.count(i + 1) {
                let first = &self.ws[i + 1];
                if first.kind == K::Word && !first.hy && (10.0..100.0).contains(&n) && n.fract() == 0.0 {
                    return self.refd(date(e, V::Year(c as i32 * 100 + n as i32)));
                }
            }
        }
        // year-end
        if w.s == "year" && self.hy(i + 1) && self.is(i + 1, "end") {
            // "up 5% since year-end": the last one
            let back = self.prev_is_any(i, &["since"]) as i32;
            let v = match self.anchor() {
                Some(a) => V::Day(ymd(a.year() - back, 12, 31)?),
                None => V::Raw("XXXX-12-31".into()),
            };
            return date(i + 2, v);
        }
        None
    }

    fn refd(&self, h: Option<Hit>) -> Option<Hit> {
        h.map(|mut h| {
            h.refable = true;
            h
        })
    }

    /// Expressions starting with a month name.
    fn month_expr(&self, i: usize) -> Option<Hit> {
        let m = self.month(i)?;
        let k = self.skip_dot(i + 1);
        // Oct. 29, 2025 / October 29 / Oct 29th
        if let Some((d, mut e)) = self.day_at(k) {
            if !self.hy(k) {
                let mut e2 = e;
                if self.punct(e2, ",") {
                    e2 += 1;
                }
                if let Some(y) = self.year_at(e2, true) {
                    if !self.hy(e2 + 1) {
                        return self.refd(date(e2 + 1, V::Day(ymd(y, m, d)?)));
                    }
                }
                if self.punct(e, ".") && self.ws[e].glued && e + 1 == self.ws.len() {
                    e += 0;
                }
                return self.refd(date(e, self.month_day_v(m, d)));
            }
        }
        // October 2025, October of 2025
        let mut e = k;
        if self.is(e, "of") || self.punct(e, ",") {
            e += 1;
        }
        if let Some(y) = self.year_at(e, true) {
            return self.refd(date(e + 1, V::Month(y, m)));
        }
        // "January this year", "July last year", "March next year"
        if self.is_any(k, &["this", "last", "next"]) && self.is(k + 1, "year") && !self.hy(k + 2) {
            let off = match self.ws[k].s.as_ref() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let v = match self.anchor() {
                Some(a) => V::Month(a.year() + off, m),
                None => V::Raw(format!("XXXX-{m:02}")),
            };
            return self.refd(date(k + 2, v));
        }
        // a bare month; "May" and "March" only after a time preposition
        let w = &self.ws[i];
        if (w.s == "may" || w.s == "march" || w.s == "mar" || w.s == "jan" || w.s == "jun")
            && !self.prev_is_any(i, TIME_PREPS)
        {
            return None;
        }
        if self.hy(i + 1) {
            return None;
        }
        date(k, self.month_v(m))
    }

    /// Clock times: "3 p.m.", "10:30 a.m. EST", "noon", "midnight Friday".
    fn time(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        let (h, mi, mut k) = if w.kind == K::Num {
            let s = w.s.as_ref();
            let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &s[digits.len()..];
            let (h, mi) = match digits.split_once(':') {
                Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
                None => (digits.parse::<u32>().ok()?, 0),
            };
            if h > 24 || mi > 59 {
                return None;
            }
            let mut k = i + 1;
            let ampm = if suffix == "am" || suffix == "pm" {
                Some(suffix == "pm")
            } else if !suffix.is_empty() {
                return None;
            } else if self.is_any(k, &["am", "pm"]) && self.ws[k].start > w.start {
                let pm = self.is(k, "pm");
                // plain "am" is too often the verb: require the dotted form or a following zone
                if !self.ws[k].s.is_empty() && (self.ws[k].end - self.ws[k].start > 2 || pm) {
                    k += 1;
                    Some(pm)
                } else {
                    return None;
                }
            } else {
                None
            };
            let h = match ampm {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
            if ampm.is_none() {
                // 14:30 GMT, at 10:30
                let zoned = self.zone(k);
                if !(digits.contains(':')
                    && (zoned || self.prev_is_any(i, &["at", "by", "until", "before", "after"])))
                {
                    return None;
                }
            }
            (h, mi, k)
        } else if w.s == "noon" || w.s == "midday" {
            (12, 0, i + 1)
        } else if w.s == "midnight" {
            (24, 0, i + 1)
        } else {
            return None;
        };
        if self.zone(k) {
            k += 1;
        }
        // 3 p.m. Friday / 3 p.m. yesterday / 3 p.m. on Oct. 29
        let mut day = self.anchor();
        let mut kk = k;
        // "10:35 a.m. (0735 GMT) Friday": the day after a bracketed time in another zone
        // dates the time; the span stays the time itself
        let mut keep_end = false;
        if self.punct(kk, "(") {
            if let Some(c) = (kk + 2..kk + 5).find(|&c| self.punct(c, ")")) {
                if self.zone(c - 1) {
                    kk = c + 1;
                    keep_end = true;
                }
            }
        }
        if self.is(kk, "on") || self.punct(kk, ",") {
            kk += 1;
        }
        if let Some(next) = self.w(kk) {
            if next.kind == K::Word
                && (next.info.is_some_and(|x| {
                    x.weekday.is_some() || x.month.is_some() || x.deictic.is_some_and(|d| d.starts_with('d'))
                }))
            {
                if let Some(hd) = self.core(kk) {
                    if let V::Day(d) = hd.v {
                        day = Some(d);
                        if !keep_end {
                            k = hd.end;
                        }
                    }
                }
            }
        }
        let v = match day {
            Some(d) => V::Time(d, h, mi),
            None => V::Raw(format!("XXXX-XX-XXT{h:02}:{mi:02}")),
        };
        hit(k, TimexType::Time, v)
    }

    fn zone(&self, k: usize) -> bool {
        self.w(k).is_some_and(|z| {
            z.cap
                && matches!(
                    z.s.as_ref(),
                    "est"
                        | "edt"
                        | "et"
                        | "cst"
                        | "cdt"
                        | "ct"
                        | "mst"
                        | "mdt"
                        | "pst"
                        | "pdt"
                        | "pt"
                        | "gmt"
                        | "utc"
                        | "bst"
                        | "cet"
                        | "cest"
                        | "kst"
                        | "jst"
                        | "ist"
                        | "hkt"
                        | "sgt"
                        | "aest"
                )
        })
    }

    /// daily, every week, each Thursday, $5 a year.
    fn sets(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        if let Some(p) = w.info.and_then(|x| x.set) {
            if self.hy(i + 1) || (w.s == "annual" && !self.is(i + 1, "basis")) {
                return None;
            }
            return set(i + 1, p);
        }
        if w.s == "every" || w.s == "each" || w.s == "per" {
            let mut k = i + 1;
            let mut n = Some(1.0);
            if self.is(k, "other") {
                n = Some(2.0);
                k += 1;
            } else if let Some((c, k2)) = self.count(k) {
                if self.unit(k2).is_some() && self.ws[k].kind != K::Word
                    || self.ws[k]
                        .info
                        .is_some_and(|x| x.num.is_some() && !matches!(x.num, Some(v) if v == 1.0))
                {
                    n = c;
                    k = k2;
                }
            }
            if let Some((u, _)) = self.unit(k) {
                if w.s == "each" && self.is(k + 1, "of") {
                    return None;
                }
                return set(k + 1, u.duration(n));
            }
            if let Some(wd) = self
                .w(k)
                .filter(|x| x.cap)
                .and_then(|x| x.info)
                .and_then(|x| x.weekday)
            {
                return set(k + 1, format!("XXXX-WXX-{wd}"));
            }
            if let Some(m) = self.month(k) {
                return set(k + 1, format!("XXXX-{m:02}"));
            }
            if let Some(se) = self.w(k).and_then(|x| x.info).and_then(|x| x.season) {
                return set(k + 1, format!("XXXX-{se}"));
            }
            return None;
        }
        // "on Fridays"
        if let Some(wd) = w
            .info
            .filter(|x| x.weekday_plural && w.cap)
            .and_then(|x| x.weekday)
        {
            return set(i + 1, format!("XXXX-WXX-{wd}"));
        }
        // "$5 a year", "twice a week", "24 hours a day"
        if (w.s == "a" || w.s == "an") && i > 0 {
            if let Some((u, false)) = self.unit(i + 1) {
                let p = &self.ws[i - 1];
                let after_amount = p.kind == K::Num
                    || matches!(
                        p.s.as_ref(),
                        "once"
                            | "twice"
                            | "times"
                            | "billion"
                            | "million"
                            | "trillion"
                            | "thousand"
                            | "percent"
                            | "dollars"
                            | "cents"
                            | "won"
                            | "yen"
                            | "euros"
                            | "pounds"
                    );
                if after_amount && !self.is_any(i + 2, &["ago", "earlier", "later", "before", "after"]) {
                    return set(i + 2, u.duration(Some(1.0)));
                }
            }
        }
        None
    }

    /// "two weeks", "five-year", "a decade", "several years"; "two years ago",
    /// "a year earlier"; "for years".
    fn duration_or_ago(&self, i: usize) -> Option<Hit> {
        let w = self.w(i)?;
        let (n, k) = match self.count(i) {
            Some(x) => x,
            None => {
                // bare plural unit: "for years", "years ago", "decades-long"
                let (u, plural) = self.unit(i)?;
                if !plural {
                    return None;
                }
                if self.is(i + 1, "ago") {
                    return date(i + 2, V::Ref("PAST_REF", self.anchor()));
                }
                if self.hy(i + 1) && self.is(i + 1, "long") {
                    return dur(i + 2, u.duration(None));
                }
                if self.prev_is_any(
                    i,
                    &[
                        "for", "over", "within", "recent", "past", "coming", "next", "last",
                    ],
                ) && !matches!(u, Unit::Second | Unit::Quarter | Unit::Half | Unit::Weekend)
                    && !self.prev_is_any(i, &["the", "these", "those", "their", "its", "his", "her", "our"])
                {
                    return dur(i + 1, u.duration(None));
                }
                return None;
            }
        };
        let (u, plural) = self.unit(k)?;
        // "three-quarters of the shares": a fraction
        if u == Unit::Quarter && plural && self.hy(k) {
            return None;
        }
        // "one year" vs "a year"; "a second" is a unit only after "a"/"one"
        if u == Unit::Second && n.is_none() {
            return None;
        }
        if u == Unit::Half || u == Unit::Weekend {
            return None;
        }
        if w.kind == K::Num && self.hy(i) {
            return None;
        }
        // "five-year-old", "five-year" + noun
        let mut end = k + 1;
        if self.hy(end) {
            if self.is(end, "long") {
                end += 1;
            } else {
                return None;
            }
        }
        // an age: "52 years old"
        if self.is(end, "old") {
            return None;
        }
        // ago / earlier / later
        // "three days later", "a few hours earlier", "30 days before closing": TimeML keeps
        // the length (P3D) and leaves the signal word out; years stay dates ("a year
        // earlier" is the year or quarter a year back)
        if self.is_any(end, &["earlier", "later", "before"])
            && !self.hy(end)
            && matches!(
                u,
                Unit::Second
                    | Unit::Minute
                    | Unit::Hour
                    | Unit::Day
                    | Unit::Week
                    | Unit::Fortnight
                    | Unit::Month
            )
        {
            return dur(end, u.duration(n));
        }
        if self.is(end, "ago") || (self.is_any(end, &["earlier", "later", "before"]) && !self.hy(end)) {
            let dir = if self.is(end, "later") { 1 } else { -1 };
            let Some(n) = n else {
                return rel_date(
                    end + 1,
                    V::Ref(if dir < 0 { "PAST_REF" } else { "FUTURE_REF" }, self.anchor()),
                );
            };
            if n.fract() != 0.0 {
                return None;
            }
            let steps = n as i32 * dir;
            let v = if self.is(end, "ago") {
                // "a year ago" beside a quarter just mentioned: that quarter a year back
                match (self.quarter_ctx(), u) {
                    (Some((y, q)), Unit::Year) if steps == -1 => V::Quarter(y + steps, q),
                    _ => self.shift_anchor(u, steps),
                }
            } else if let (Some((y, q)), Unit::Year, -1) = (self.quarter_ctx(), u, steps) {
                V::Quarter(y - 1, q)
            } else {
                match self.reference() {
                    Some(r) => {
                        let shifted = r.shift(u, steps).unwrap_or(V::Raw(unresolved(u)));
                        match (&r, u) {
                            (V::Quarter(..), Unit::Year) | (V::Half(..), Unit::Year) => shifted,
                            _ => granular(shifted, u),
                        }
                    }
                    None => V::Raw(unresolved(u)),
                }
            };
            return rel_date(end + 1, v);
        }
        // "N days from now"
        if self.is(end, "from") && self.is(end + 1, "now") {
            if let Some(n) = n {
                return date(end + 2, self.shift_anchor(u, n as i32));
            }
        }
        // singular unit needs "a"/"one"/number; "a year" after an amount is a set (handled before)
        if !plural && n.is_none() {
            return None;
        }
        // "will one day be": some time ahead, not a day's length
        if u == Unit::Day
            && w.s == "one"
            && self.prev_is_any(
                i,
                &["will", "would", "could", "may", "might", "can", "should", "shall"],
            )
        {
            return date(k + 1, V::Ref("FUTURE_REF", self.anchor()));
        }
        // "a day" as in "a day after": still a duration
        if n == Some(1.0) && matches!(w.s.as_ref(), "a" | "an") && self.is(k + 1, "of") {
            return None;
        }
        dur(end, u.duration(n))
    }
}

/// An unresolved value for a period of `unit` ("XXXX-XX" for a month).
fn unresolved(unit: Unit) -> String {
    match unit {
        Unit::Year => "XXXX".into(),
        Unit::Month => "XXXX-XX".into(),
        Unit::Week | Unit::Fortnight => "XXXX-WXX".into(),
        Unit::Quarter => "XXXX-QX".into(),
        Unit::Decade => "XXX".into(),
        Unit::Century => "XX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// Reduce a value to the granularity of `unit`: the year of a day for "that year".
fn granular(v: V, unit: Unit) -> V {
    let Some(d) = v.range().0 else { return v };
    match (unit, &v) {
        (Unit::Day, V::Day(_)) => v,
        (Unit::Day, _) => v,
        (Unit::Week, _) => value::week_of(d),
        (Unit::Month, V::Day(_)) => V::Month(d.year(), d.month()),
        (Unit::Year, V::Day(_) | V::Month(..) | V::Quarter(..) | V::Season(..) | V::Half(..)) => {
            V::Year(d.year())
        }
        _ => v,
    }
}

impl<'l> Grammar<'l> {
    pub fn parser<'a, 'b>(&self, ws: &'b [W<'a>], cx: &'b Cx) -> P<'a, 'b>
    where
        'l: 'a,
    {
        P {
            ws,
            cx,
            lex: self.lex,
        }
    }
}
