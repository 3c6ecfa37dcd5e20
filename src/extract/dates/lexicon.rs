//! The time vocabulary, compiled in from `data/lexicons/dates.txt`: every word
//! gets one [`WordInfo`] listing all the classes it can belong to ("may" is a
//! month, "second" an ordinal and a unit, "a" the number one).

use std::collections::HashMap;

const LEXICON: &str = include_str!("../../../data/lexicons/dates.txt");

/// Duration / calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    fn parse(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "WE" => Unit::Weekend,
            "FN" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "HALF" => Unit::Half,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "ML" => Unit::Millennium,
            _ => return None,
        })
    }

    /// TIMEX3 duration for `n` of this unit ("X" when the count is vague):
    /// P5Y, PT3H, P10Y for a decade, P2W for a fortnight.
    pub fn duration(self, n: Option<f64>) -> String {
        let (time, mult, letter) = match self {
            Unit::Second => (true, 1.0, "S"),
            Unit::Minute => (true, 1.0, "M"),
            Unit::Hour => (true, 1.0, "H"),
            Unit::Day => (false, 1.0, "D"),
            Unit::Week => (false, 1.0, "W"),
            Unit::Weekend => (false, 1.0, "WE"),
            Unit::Fortnight => (false, 2.0, "W"),
            Unit::Month => (false, 1.0, "M"),
            Unit::Quarter => (false, 3.0, "M"),
            Unit::Half => (false, 6.0, "M"),
            Unit::Year => (false, 1.0, "Y"),
            Unit::Decade => (false, 10.0, "Y"),
            Unit::Century => (false, 100.0, "Y"),
            Unit::Millennium => (false, 1000.0, "Y"),
        };
        let num = match n {
            Some(v) => {
                let v = v * mult;
                if v.fract() == 0.0 {
                    format!("{}", v as i64)
                } else if let Some((sub, per, sub_time)) = match letter {
                    "Y" => Some(("M", 12.0, false)),
                    "H" => Some(("M", 60.0, true)),
                    "D" => Some(("H", 24.0, true)),
                    _ => None,
                } {
                    // "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M, "1.5 days" → P1DT12H
                    let whole = v.trunc() as i64;
                    let rest = ((v - v.trunc()) * per).round() as i64;
                    let head = if whole > 0 {
                        format!("{whole}{letter}")
                    } else {
                        String::new()
                    };
                    return match (time, sub_time) {
                        (true, _) => format!("PT{head}{rest}{sub}"),
                        (false, true) => format!("P{head}T{rest}{sub}"),
                        (false, false) => format!("P{head}{rest}{sub}"),
                    };
                } else {
                    let s = format!("{v:.2}");
                    s.trim_end_matches('0').to_string()
                }
            }
            None => match self {
                Unit::Decade => return "PXDE".into(),
                Unit::Century => return "PXCE".into(),
                _ => "X".into(),
            },
        };
        if time {
            format!("PT{num}{letter}")
        } else {
            format!("P{num}{letter}")
        }
    }
}

/// Everything one word can mean.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    pub month: Option<u32>,
    pub weekday: Option<u32>,
    /// Plural weekday ("Fridays"): a set.
    pub weekday_plural: bool,
    pub season: Option<&'static str>,
    pub part_of_day: Option<&'static str>,
    pub unit: Option<Unit>,
    /// The unit word is plural ("years").
    pub unit_plural: bool,
    pub set: Option<&'static str>,
    pub num: Option<f64>,
    /// A vague count: "few", "several".
    pub few: bool,
    pub ordinal: Option<u32>,
    /// -1 previous, 0 current, 1 next.
    pub rel: Option<i32>,
    /// START / MID / END.
    pub pos_mod: Option<&'static str>,
    /// APPROX / MORE_THAN / LESS_THAN.
    pub approx: Option<&'static str>,
    pub deictic: Option<&'static str>,
    pub holiday: Option<&'static str>,
}

pub struct Lexicon {
    words: HashMap<&'static str, WordInfo>,
}

impl Lexicon {
    pub fn load() -> anyhow::Result<Lexicon> {
        let mut words: HashMap<&'static str, WordInfo> = HashMap::new();
        for (ln, line) in LEXICON.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(class), Some(value), Some(list)) = (parts.next(), parts.next(), parts.next()) else {
                anyhow::bail!(
                    "data/lexicons/dates.txt line {}: expected 3 tab-separated fields",
                    ln + 1
                );
            };
            let bad = || anyhow::anyhow!("data/lexicons/dates.txt line {}: bad value {value:?}", ln + 1);
            for w in list.split(' ').filter(|w| !w.is_empty()) {
                let e = words.entry(w).or_default();
                match class {
                    "month" => e.month = Some(value.parse().map_err(|_| bad())?),
                    "weekday" => {
                        e.weekday = Some(value.parse().map_err(|_| bad())?);
                        e.weekday_plural = w.ends_with("days");
                    }
                    "season" => {
                        e.season = Some(value);
                    }
                    "partofday" => e.part_of_day = Some(value),
                    "unit" => {
                        e.unit = Some(Unit::parse(value).ok_or_else(bad)?);
                        e.unit_plural = (w.ends_with('s') && w.len() > 3)
                            || matches!(w, "centuries" | "millennia" | "yrs" | "hrs");
                    }
                    "set" => e.set = Some(value),
                    "num" => e.num = Some(value.parse().map_err(|_| bad())?),
                    "few" => e.few = true,
                    "ordinal" => e.ordinal = Some(value.parse().map_err(|_| bad())?),
                    "rel" => e.rel = Some(value.parse().map_err(|_| bad())?),
                    "mod" => e.pos_mod = Some(value),
                    "approx" => e.approx = Some(value),
                    "deictic" => e.deictic = Some(value),
                    "holiday" => e.holiday = Some(value),
                    _ => anyhow::bail!("data/lexicons/dates.txt line {}: unknown class {class:?}", ln + 1),
                }
            }
        }
        Ok(Lexicon { words })
    }

    pub fn get(&self, w: &str) -> Option<&WordInfo> {
        self.words.get(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_and_knows_words() {
        let l = Lexicon::load().unwrap();
        assert_eq!(l.get("sept").unwrap().month, Some(9));
        assert_eq!(l.get("friday").unwrap().weekday, Some(5));
        assert!(l.get("fridays").unwrap().weekday_plural);
        assert_eq!(l.get("second").unwrap().ordinal, Some(2));
        assert_eq!(l.get("second").unwrap().unit, Some(Unit::Second));
        assert!(l.get("years").unwrap().unit_plural);
        assert!(!l.get("year").unwrap().unit_plural);
        assert_eq!(l.get("christmas").unwrap().holiday, Some("12-25"));
        assert!(l.get("banana").is_none());
    }

    #[test]
    fn durations() {
        assert_eq!(Unit::Year.duration(Some(5.0)), "P5Y");
        assert_eq!(Unit::Decade.duration(Some(1.0)), "P10Y");
        assert_eq!(Unit::Hour.duration(Some(3.0)), "PT3H");
        assert_eq!(Unit::Week.duration(None), "PXW");
        assert_eq!(Unit::Year.duration(Some(2.5)), "P2Y6M");
        assert_eq!(Unit::Hour.duration(Some(5.5)), "PT5H30M");
        assert_eq!(Unit::Day.duration(Some(1.5)), "P1DT12H");
        assert_eq!(Unit::Hour.duration(Some(0.5)), "PT30M");
        assert_eq!(Unit::Fortnight.duration(Some(1.0)), "P2W");
    }
}
