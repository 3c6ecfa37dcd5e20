//! Calendar values: what a resolved DATE/TIME points at, its TIMEX3 string and
//! the day range it covers (a month spans its days, a week Monday–Sunday, a
//! season its three meteorological months, a decade its ten years).

use super::lexicon::Unit;
use chrono::{Datelike, Months, NaiveDate, Weekday};

#[derive(Debug, Clone, PartialEq)]
pub enum V {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    /// First year of the decade (1990 for "the 1990s").
    Decade(i32),
    /// Century number as TIMEX3 writes it: 19 for the 1900s.
    Century(i32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, &'static str),
    /// ISO year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    /// A day and a part of it ("MO", "AF", "EV", "NI").
    PartOfDay(NaiveDate, &'static str),
    /// A day and a clock time.
    Time(NaiveDate, u32, u32),
    /// PRESENT_REF, PAST_REF, FUTURE_REF: bounded on one side by the anchor.
    Ref(&'static str, Option<NaiveDate>),
    /// Anything with no calendar range (durations, sets, unresolved dates).
    Raw(String),
}

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

pub fn week_of(d: NaiveDate) -> V {
    let w = d.iso_week();
    V::Week(w.year(), w.week())
}

impl V {
    pub fn timex(&self) -> String {
        match self {
            V::Day(d) => d.format("%Y-%m-%d").to_string(),
            V::Month(y, m) => format!("{y:04}-{m:02}"),
            V::Year(y) => format!("{y:04}"),
            V::Decade(y) => format!("{:03}", y.div_euclid(10)),
            V::Century(c) => format!("{c:02}"),
            V::Quarter(y, q) => format!("{y:04}-Q{q}"),
            V::Half(y, h) => format!("{y:04}-H{h}"),
            V::Season(y, s) => format!("{y:04}-{s}"),
            V::Week(y, w) => format!("{y:04}-W{w:02}"),
            V::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            V::PartOfDay(d, p) => format!("{}T{p}", d.format("%Y-%m-%d")),
            V::Time(d, h, m) => format!("{}T{h:02}:{m:02}", d.format("%Y-%m-%d")),
            V::Ref(s, _) => (*s).to_string(),
            V::Raw(s) => s.clone(),
        }
    }

    /// First and last day covered.
    pub fn range(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let r = |a: Option<NaiveDate>, b: Option<NaiveDate>| (a, b);
        match *self {
            V::Day(d) | V::PartOfDay(d, _) | V::Time(d, _, _) => (Some(d), Some(d)),
            V::Month(y, m) => r(ymd(y, m, 1), last_of_month(y, m)),
            V::Year(y) => r(ymd(y, 1, 1), ymd(y, 12, 31)),
            V::Decade(y) => r(ymd(y, 1, 1), ymd(y + 9, 12, 31)),
            V::Century(c) => r(ymd(c * 100, 1, 1), ymd(c * 100 + 99, 12, 31)),
            V::Quarter(y, q) => r(ymd(y, q * 3 - 2, 1), last_of_month(y, q * 3)),
            V::Half(y, h) => r(ymd(y, h * 6 - 5, 1), last_of_month(y, h * 6)),
            V::Season(y, s) => match s {
                "SP" => r(ymd(y, 3, 1), ymd(y, 5, 31)),
                "SU" => r(ymd(y, 6, 1), ymd(y, 8, 31)),
                "FA" => r(ymd(y, 9, 1), ymd(y, 11, 30)),
                _ => r(ymd(y, 12, 1), last_of_month(y + 1, 2)),
            },
            V::Week(y, w) => {
                let mon = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon);
                (mon, mon.and_then(|d| d.checked_add_days(chrono::Days::new(6))))
            }
            V::Weekend(y, w) => (
                NaiveDate::from_isoywd_opt(y, w, Weekday::Sat),
                NaiveDate::from_isoywd_opt(y, w, Weekday::Sun),
            ),
            V::Ref(s, a) => match s {
                "PRESENT_REF" => (a, a),
                "PAST_REF" => (None, a),
                _ => (a, None),
            },
            V::Raw(_) => (None, None),
        }
    }

    /// The value `n` units away (negative = earlier), at the granularity of
    /// the unit: a year shift of a quarter stays a quarter, of a day a year.
    pub fn shift(&self, unit: Unit, n: i32) -> Option<V> {
        match (self, unit) {
            (V::Quarter(y, q), Unit::Year) => Some(V::Quarter(y + n, *q)),
            (V::Half(y, h), Unit::Year) => Some(V::Half(y + n, *h)),
            (V::Month(y, m), Unit::Year) => Some(V::Month(y + n, *m)),
            (V::Day(d), Unit::Year) => Some(V::Day(add_months(*d, 12 * n)?)),
            (V::Season(y, s), Unit::Year) => Some(V::Season(y + n, s)),
            (V::Year(y), Unit::Year) => Some(V::Year(y + n)),
            _ => {
                let d = self.range().0?;
                shift_day(d, unit, n)
            }
        }
    }
}

pub fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(chrono::Duration::try_days(n)?)
}

/// The period of `unit` containing `d` shifted by `n` units.
pub fn shift_day(d: NaiveDate, unit: Unit, n: i32) -> Option<V> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => V::Day(add_days(d, n as i64)?),
        Unit::Week | Unit::Fortnight => week_of(add_days(d, 7 * n as i64)?),
        Unit::Weekend => match week_of(add_days(d, 7 * n as i64)?) {
            V::Week(y, w) => V::Weekend(y, w),
            _ => return None,
        },
        Unit::Month => {
            let x = add_months(d, n)?;
            V::Month(x.year(), x.month())
        }
        Unit::Quarter => {
            let x = add_months(d, 3 * n)?;
            V::Quarter(x.year(), (x.month() - 1) / 3 + 1)
        }
        Unit::Half => {
            let x = add_months(d, 6 * n)?;
            V::Half(x.year(), (x.month() - 1) / 6 + 1)
        }
        Unit::Year => V::Year(d.year() + n),
        Unit::Decade => V::Decade((d.year() + 10 * n).div_euclid(10) * 10),
        Unit::Century => V::Century((d.year() + 100 * n).div_euclid(100)),
        Unit::Millennium => V::Raw(format!("{}", (d.year() + 1000 * n).div_euclid(1000))),
    })
}

/// The `n`th (1-based; 0 = last) `weekday` of month `m` in year `y`.
pub fn nth_weekday(y: i32, m: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    if n == 0 {
        let last = last_of_month(y, m)?;
        let back = (last.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
        return add_days(last, -(back as i64));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, weekday, n)
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

pub fn weekday_from(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn values_and_ranges() {
        assert_eq!(V::Month(2025, 11).timex(), "2025-11");
        assert_eq!(
            V::Month(2024, 2).range(),
            (Some(d("2024-02-01")), Some(d("2024-02-29")))
        );
        assert_eq!(V::Decade(1990).timex(), "199");
        assert_eq!(V::Decade(1990).range().1, Some(d("1999-12-31")));
        assert_eq!(
            V::Quarter(2025, 3).range(),
            (Some(d("2025-07-01")), Some(d("2025-09-30")))
        );
        assert_eq!(V::Week(2025, 1).range().0, Some(d("2024-12-30")));
        assert_eq!(V::Week(2025, 9).timex(), "2025-W09");
        assert_eq!(V::Season(2025, "WI").range().1, Some(d("2026-02-28")));
        assert_eq!(V::Time(d("2025-10-29"), 15, 0).timex(), "2025-10-29T15:00");
    }

    #[test]
    fn shifting() {
        assert_eq!(
            V::Day(d("2025-12-24")).shift(Unit::Month, -1),
            Some(V::Month(2025, 11))
        );
        assert_eq!(
            V::Day(d("2025-01-10")).shift(Unit::Month, -1),
            Some(V::Month(2024, 12))
        );
        assert_eq!(
            V::Quarter(1989, 3).shift(Unit::Year, -1),
            Some(V::Quarter(1988, 3))
        );
        assert_eq!(
            V::Day(d("2025-12-24")).shift(Unit::Decade, -1),
            Some(V::Decade(2010))
        );
        assert_eq!(
            V::Day(d("2025-12-24")).shift(Unit::Week, 0),
            Some(V::Week(2025, 52))
        );
    }

    #[test]
    fn holidays() {
        assert_eq!(easter(2025), Some(d("2025-04-20")));
        assert_eq!(nth_weekday(2025, 11, Weekday::Thu, 4), Some(d("2025-11-27")));
        assert_eq!(nth_weekday(2025, 5, Weekday::Mon, 0), Some(d("2025-05-26")));
    }
}
