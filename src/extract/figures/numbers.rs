//! Number values: digits ("450,000", "3.5"), words ("twenty-five", "a dozen"),
//! scale words ("350 billion", "1.2 mln", "10k"), fractions ("2 1/2", "two
//! thirds", "half a million", "3 and a half") and signs ("-5", "minus five").
//!
//! [`core`] reads the longest number at a token and returns its value and its
//! token range; units, currencies and ranges are read around it by the caller.

use super::lexer::{Kind, Tok, Ws};

/// A number as read: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Core {
    pub first: usize,
    pub last: usize,
    pub value: f64,
    /// A scale word multiplied the value ("million", "bn", "k", "dozen").
    pub scaled: bool,
    /// Written (at least partly) in words.
    pub worded: bool,
    /// The scale factor applied (1 when none): lets "3 to 5 million" scale the 3.
    pub factor: f64,
    /// One plain integer token ("2021"), no separators, scale or fraction.
    pub plain_int: bool,
}

/// 0–19.
pub fn small(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

pub fn tens(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words that multiply what precedes them. `attached` = written right
/// after the digits ("10k", "1.2b"), where single letters are allowed.
pub fn scale(w: &str, attached: bool) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" | "mln" | "mn" | "mil" | "mio" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "tln" | "trn" => 1e12,
        "k" if attached => 1e3,
        "b" if attached => 1e9,
        _ => return None,
    })
}

/// Denominators: "third" → 3, "quarters" → 4 (with whether the form is plural).
pub fn denominator(w: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if w != "halves" => (s, true),
        _ if w == "halves" => ("half", true),
        _ => (w, false),
    };
    let d = match stem {
        "half" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        "millionth" => 1e6,
        _ => return None,
    };
    Some((d, plural))
}

/// Is this word part of a spelled-out number?
pub fn is_number_word(w: &str) -> bool {
    small(w).is_some() || tens(w).is_some() || scale(w, false).is_some() || w == "dozen"
}

fn word<'a>(t: &'a [Tok], i: usize) -> Option<&'a str> {
    t.get(i).filter(|x| x.kind == Kind::Word).map(|x| x.lower.as_ref())
}

/// Words after which a fraction word ("a third") is a number: "of", an end.
fn fraction_end(t: &[Tok], i: usize) -> bool {
    match t.get(i) {
        None => true,
        Some(x) if x.kind == Kind::Sym => !x.is_sym('-'),
        Some(x) => x.is("of") || scale(&x.lower, false).is_some() || x.ws == Ws::Line,
    }
}

/// Spelled-out integer from `i`: (value, last token). "a"/"an" count only
/// before a scale word or "dozen".
fn words_int(t: &[Tok], i: usize) -> Option<(f64, usize)> {
    let (mut total, mut cur) = (0.0f64, 0.0f64);
    let mut last = None;
    let mut j = i;
    // Last thing read: 0 none, 1 units, 2 tens, 3 hundred, 4 scale.
    let mut prev = 0u8;
    loop {
        let Some(w) = word(t, j) else { break };
        let lead_a = (w == "a" || w == "an") && j == i;
        if lead_a {
            let next = word(t, j + 1).unwrap_or("");
            if scale(next, false).is_some() || next == "dozen" {
                cur = 1.0;
                prev = 1;
                j += 1;
                continue;
            }
            break;
        }
        if let Some(v) = small(w) {
            if prev == 1 || prev == 2 && (v >= 10.0 || cur % 10.0 != 0.0) {
                break;
            }
            cur += v;
            prev = 1;
        } else if let Some(v) = tens(w) {
            if prev == 1 || prev == 2 || cur % 100.0 != 0.0 {
                break;
            }
            cur += v;
            prev = 2;
        } else if w == "hundred" {
            if prev == 3 {
                break;
            }
            cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
            prev = 3;
        } else if w == "dozen" || w == "dozens" && cur > 0.0 {
            cur = cur.max(1.0) * 12.0;
            last = Some(j);
            break;
        } else if let Some(s) = scale(w, false) {
            if prev == 4 && cur == 0.0 {
                // "three lakh crore"
                total *= s;
            } else {
                total += cur.max(1.0) * s;
            }
            cur = 0.0;
            prev = 4;
        } else {
            break;
        }
        last = Some(j);
        j += 1;
        // "twenty-five", "one hundred and six"
        if t.get(j).is_some_and(|x| x.is_sym('-') && x.ws == Ws::None)
            && prev == 2
            && word(t, j + 1).and_then(small).is_some_and(|v| v < 10.0)
            && t[j + 1].ws == Ws::None
        {
            j += 1;
        } else if word(t, j) == Some("and")
            && (prev == 3 || prev == 4)
            && word(t, j + 1).is_some_and(|w| small(w).is_some() || tens(w).is_some())
            && denominator(word(t, j + 2).unwrap_or("")).is_none()
        {
            j += 1;
        }
    }
    last.map(|l| (total + cur, l))
}

/// A fraction after an integer already read (ending at `last`): "and a half",
/// "and three quarters", " 1/2", "½". Returns (fraction, new last).
fn trailing_fraction(t: &[Tok], last: usize) -> Option<(f64, usize)> {
    let j = last + 1;
    let x = t.get(j)?;
    if x.kind == Kind::Num && x.text.chars().count() == 1 && !x.text.as_bytes()[0].is_ascii_digit() {
        return Some((x.value?, j));
    }
    if x.is("and") {
        let (n, k) = match word(t, j + 1)? {
            "a" | "an" | "one" => (1.0, j + 2),
            w => (small(w)?, j + 2),
        };
        let (d, plural) = denominator(word(t, k)?)?;
        if (n > 1.0) == plural || d == 2.0 && n == 1.0 {
            return Some((n / d, k));
        }
    }
    None
}

/// "1/2" at `i` (digits, slash, digits, no spaces): a fraction with a small
/// denominator, else None.
fn digit_fraction(t: &[Tok], i: usize) -> Option<(f64, usize)> {
    let (a, s, b) = (t.get(i)?, t.get(i + 1)?, t.get(i + 2)?);
    if !(a.is_num() && s.is_sym('/') && b.is_num() && s.ws == Ws::None && b.ws == Ws::None) {
        return None;
    }
    let (n, d) = (a.value?, b.value?);
    if !(a.plain && b.plain && n < d && [2.0, 3.0, 4.0, 5.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0].contains(&d)) {
        return None;
    }
    if t.get(i + 3).is_some_and(|x| x.is_sym('/') && x.ws == Ws::None) {
        return None;
    }
    Some((n / d, i + 2))
}

/// Scale words after a number ending at `last`; returns (factor, last).
fn scales(t: &[Tok], mut last: usize) -> (f64, usize) {
    let mut f = 1.0;
    while let Some(x) = t.get(last + 1) {
        if x.kind != Kind::Word || x.ws == Ws::Line {
            break;
        }
        let attached = x.ws == Ws::None;
        let s = if x.is("dozen") || x.is("dozens") || x.is("dozs") {
            12.0
        } else if let Some(s) = scale(&x.lower, attached) {
            // "a hundred thousand", "three lakh crore": only growing factors chain.
            if f > 1.0 && s <= f && s != 1e7 {
                break;
            }
            s
        } else {
            break;
        };
        f *= s;
        last += 1;
    }
    (f, last)
}

/// The longest number starting at token `i`.
pub fn core(t: &[Tok], i: usize) -> Option<Core> {
    let x = t.get(i)?;
    match x.kind {
        Kind::Num => {
            let mut v = x.value?;
            let mut last = i;
            let mut plain_int = x.plain;
            if let Some((f, l)) = digit_fraction(t, i) {
                // "1/4 mile"
                v = f;
                last = l;
                plain_int = false;
            } else if t.get(i + 1).is_some_and(|n| n.is_num() && n.ws == Ws::Space) && x.plain {
                // "2 1/2"
                if let Some((f, l)) = digit_fraction(t, i + 1) {
                    v += f;
                    last = l;
                    plain_int = false;
                }
            } else if t.get(i + 1).is_some_and(|n| n.is_sym('/') && n.ws == Ws::None) {
                // "24/7", "9/11": not a quantity.
                return None;
            }
            if let Some((f, l)) = trailing_fraction(t, last) {
                v += f;
                last = l;
                plain_int = false;
            }
            let (s, l) = scales(t, last);
            let scaled = l > last;
            if scaled {
                v *= s;
                last = l;
                plain_int = false;
                // "3 million and a half"
                if let Some((f, l)) = trailing_fraction(t, last) {
                    v += f * s;
                    last = l;
                }
            }
            Some(Core {
                first: i,
                last,
                value: v,
                scaled,
                factor: if scaled { s } else { 1.0 },
                worded: false,
                plain_int,
            })
        }
        Kind::Word => {
            let w = x.lower.as_ref();
            // "half a million", "half of"
            if w == "half" {
                let next = word(t, i + 1).unwrap_or("");
                if (next == "a" || next == "an") && scale(word(t, i + 2).unwrap_or(""), false).is_some() {
                    let s = scale(word(t, i + 2)?, false)?;
                    return Some(Core {
                        first: i,
                        last: i + 2,
                        value: 0.5 * s,
                        scaled: true,
                        factor: s,
                        worded: true,
                        plain_int: false,
                    });
                }
                if let Some(s) = scale(next, false) {
                    return Some(Core {
                        first: i,
                        last: i + 1,
                        value: 0.5 * s,
                        scaled: true,
                        factor: s,
                        worded: true,
                        plain_int: false,
                    });
                }
                if next == "of" {
                    return Some(Core {
                        first: i,
                        last: i,
                        value: 0.5,
                        scaled: false,
                        factor: 1.0,
                        worded: true,
                        plain_int: false,
                    });
                }
                return None;
            }
            // "a third", "a quarter million", "two thirds", "a half"
            let lead = if w == "a" || w == "an" { Some((1.0, i)) } else { None };
            let int = words_int(t, i).or(lead);
            let (mut v, mut last) = int?;
            let mut scaled = (i..=last).any(|k| word(t, k).is_some_and(|w| scale(w, false).is_some() || w == "dozen"));
            if let Some((d, plural)) = word(t, last + 1).and_then(denominator) {
                let ok = if plural { v > 1.0 } else { v == 1.0 };
                let int_only = (i..=last).all(|k| word(t, k).is_some_and(|w| small(w).is_some() || tens(w).is_some() || w == "a" || w == "an"));
                if ok && int_only && (plural || fraction_end(t, last + 2)) {
                    v /= d;
                    last += 1;
                    let (s, l) = scales(t, last);
                    if l > last {
                        v *= s;
                        last = l;
                        scaled = true;
                    }
                } else if word(t, last) == Some("a") || word(t, last) == Some("an") {
                    return None;
                }
            } else if word(t, last) == Some("a") || word(t, last) == Some("an") {
                return None;
            }
            if let Some((f, l)) = trailing_fraction(t, last) {
                // "one and a half", "3 million and a half"
                let s = if scaled { scale(word(t, last).unwrap_or(""), false).unwrap_or(1.0) } else { 1.0 };
                v += f * s;
                last = l;
            }
            let factor = if scaled {
                (i..=last)
                    .rev()
                    .find_map(|k| word(t, k).and_then(|w| scale(w, false)))
                    .unwrap_or(1.0)
            } else {
                1.0
            };
            Some(Core {
                first: i,
                last,
                value: v,
                scaled,
                factor,
                worded: true,
                plain_int: false,
            })
        }
        Kind::Sym => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    fn val(s: &str) -> Option<f64> {
        let t = lex(s);
        core(&t, 0).map(|c| c.value)
    }

    #[test]
    fn digits_scales_and_words() {
        assert_eq!(val("450,000 troops"), Some(450000.0));
        assert_eq!(val("350 billion"), Some(3.5e11));
        assert_eq!(val("1.2 mln"), Some(1.2e6));
        assert_eq!(val("5.93 mln"), Some(5.93e6));
        assert_eq!(val("7.2 bn"), Some(7.2e9));
        assert_eq!(val("2 trillion"), Some(2e12));
        assert_eq!(val("10k"), Some(1e4));
        assert_eq!(val("two"), Some(2.0));
        assert_eq!(val("twenty-five people"), Some(25.0));
        assert_eq!(val("a dozen eggs"), Some(12.0));
        assert_eq!(val("three dozen"), Some(36.0));
        assert_eq!(val("half a million"), Some(5e5));
        assert_eq!(val("one hundred and six"), Some(106.0));
        assert_eq!(val("two hundred and two thousand"), Some(202000.0));
        assert_eq!(val("twenty-one trillion"), Some(2.1e13));
        assert_eq!(val("a hundred thousand"), Some(1e5));
        assert_eq!(val("three lakh crore"), Some(3e12));
    }

    #[test]
    fn fractions() {
        assert_eq!(val("2 1/2 miles"), Some(2.5));
        assert_eq!(val("1/4 mile"), Some(0.25));
        assert_eq!(val("a third of voters"), Some(1.0 / 3.0));
        assert_eq!(val("two thirds"), Some(2.0 / 3.0));
        assert_eq!(val("one and a half"), Some(1.5));
        assert_eq!(val("3 million and a half"), Some(3.5e6));
        assert_eq!(val("a quarter million"), Some(250000.0));
        assert_eq!(val("five and a quarter"), Some(5.25));
        // Ordinal uses are not fractions, "a" alone is no number.
        assert_eq!(val("a fifth term"), None);
        assert_eq!(val("a lot"), None);
        assert_eq!(val("24/7"), None);
    }
}
