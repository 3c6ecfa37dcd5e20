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

/// Ordinal words as denominators: "third" → 3, "twentieth" → 20,
/// "hundredth" → 100 ("first" and "second" only inside compounds).
fn ordinal(w: &str) -> Option<f64> {
    Some(match w {
        "half" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// Denominators: "third" → 3, "quarters" → 4 (with whether the form is plural).
pub fn denominator(w: &str) -> Option<(f64, bool)> {
    if w == "halves" {
        return Some((2.0, true));
    }
    if let Some(d) = ordinal(w) {
        return Some((d, false));
    }
    let stem = w.strip_suffix('s')?;
    ordinal(stem).map(|d| (d, true))
}

/// A denominator at token `i`, compounds included ("twenty-first",
/// "twenty fifths"): (value, plural, last token).
fn denominator_at(t: &[Tok], i: usize) -> Option<(f64, bool, usize)> {
    let w = word(t, i)?;
    if let Some((d, p)) = denominator(w) {
        return Some((d, p, i));
    }
    let tv = tens(w)?;
    let mut j = i + 1;
    if t.get(j).is_some_and(|x| x.is_sym('-') && x.ws == Ws::None) {
        j += 1;
    }
    let u = word(t, j)?;
    let (stem, plural) = match u.strip_suffix('s') {
        Some(s) => (s, true),
        None => (u, false),
    };
    let uv = match stem {
        "first" => 1.0,
        "second" => 2.0,
        s => ordinal(s).filter(|&v| v < 10.0 && s != "half" && s != "quarter")?,
    };
    Some((tv + uv, plural, j))
}

/// Is this word part of a spelled-out number?
pub fn is_number_word(w: &str) -> bool {
    small(w).is_some() || tens(w).is_some() || scale(w, false).is_some() || w == "dozen"
}

fn word<'a>(t: &'a [Tok], i: usize) -> Option<&'a str> {
    t.get(i)
        .filter(|x| x.kind == Kind::Word)
        .map(|x| x.lower.as_ref())
}

/// Words after which a fraction word ("a third") is a number: "of", an end.
fn fraction_end(t: &[Tok], i: usize) -> bool {
    match t.get(i) {
        None => true,
        Some(x) if x.kind == Kind::Sym => !x.is_sym('-'),
        Some(x) => x.is("of") || scale(&x.lower, false).is_some() || x.ws == Ws::Line,
    }
}

/// An integer read in words (digits allowed as atoms: "4 thousand 3 hundred
/// and 21"): value, last token, and where an "and" split it (value before
/// the "and", first token after it) for "two hundred and fifty-four hundredths".
#[derive(Debug, Clone, Copy)]
struct IntRead {
    value: f64,
    last: usize,
    split: Option<(f64, usize)>,
}

fn is_dozen(w: &str) -> bool {
    matches!(w, "dozen" | "dozens" | "dozs" | "doz" | "dzs" | "dz")
}

/// Spelled-out integer from `i`. "a"/"an" count only before a scale word or
/// "dozen".
fn words_int(t: &[Tok], i: usize) -> Option<IntRead> {
    let (mut total, mut cur, mut low) = (0.0f64, 0.0f64, 0.0f64);
    let mut last = None;
    let mut split = None;
    let mut j = i;
    // Last thing read: 0 none, 1 units, 2 tens, 3 hundred, 4 scale.
    let mut prev = 0u8;
    while let Some(x) = t.get(j) {
        if j > i && x.ws == Ws::Line {
            break;
        }
        if x.kind == Kind::Num {
            // A digit atom: at the start, or after a scale word or "and".
            let ok = x.value.is_some()
                && (j == i || prev >= 3)
                && vulgar_free(x)
                && (j == i || x.plain && x.value.is_some_and(|v| v < 1000.0));
            if !ok {
                break;
            }
            let v = x.value.unwrap_or(0.0);
            cur += v;
            low = v;
            prev = 1;
            last = Some(j);
            j += 1;
            // A digit atom must be followed by a scale word to go on.
            if !word(t, j).is_some_and(|w| scale(w, false).is_some() || is_dozen(w)) && j - 1 == i {
                break;
            }
            continue;
        }
        let Some(w) = word(t, j) else { break };
        let lead_a = (w == "a" || w == "an") && j == i;
        if lead_a {
            let next = word(t, j + 1).unwrap_or("");
            if scale(next, false).is_some() || is_dozen(next) {
                cur = 1.0;
                low = 1.0;
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
            low += v;
            prev = 1;
        } else if let Some(v) = tens(w) {
            if prev == 1 || prev == 2 || cur % 100.0 != 0.0 {
                break;
            }
            cur += v;
            low = v;
            prev = 2;
        } else if w == "hundred" {
            if prev == 3 || prev == 0 && j > i {
                break;
            }
            cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
            low = 0.0;
            prev = 3;
        } else if is_dozen(w) {
            if prev == 0 && j == i {
                break;
            }
            let l = if low == 0.0 { cur.max(1.0) } else { low };
            cur = cur - l + l * 12.0;
            last = Some(j);
            break;
        } else if let Some(s) = scale(w, false) {
            if prev == 4 && cur == 0.0 {
                // "three lakh crore"
                total *= s;
            } else {
                total += if cur == 0.0 { 1.0 } else { cur } * s;
            }
            cur = 0.0;
            low = 0.0;
            prev = 4;
        } else {
            break;
        }
        last = Some(j);
        j += 1;
        // "twenty-five", "fifty - two", "one hundred and six"
        let hyphen = t.get(j).is_some_and(|x| {
            x.is_sym('-') && (x.ws == Ws::None) == t.get(j + 1).is_some_and(|y| y.ws == Ws::None)
        });
        if hyphen && prev == 2 && word(t, j + 1).and_then(small).is_some_and(|v| v < 10.0) {
            j += 1;
        } else if word(t, j) == Some("and")
            && (prev == 3 || prev == 4)
            && (word(t, j + 1).is_some_and(|w| small(w).is_some() || tens(w).is_some())
                || t.get(j + 1)
                    .is_some_and(|x| x.plain && x.value.is_some_and(|v| (1.0..100.0).contains(&v)))
                    && word(t, j + 2).is_none_or(|w| scale(w, false).is_none()))
        {
            split = Some((total + cur, j + 1));
            j += 1;
        }
    }
    last.map(|l| IntRead {
        value: total + cur,
        last: l,
        split: split.filter(|s| s.1 <= l),
    })
}

fn vulgar_free(x: &Tok) -> bool {
    x.text.as_bytes().first().is_some_and(u8::is_ascii_digit) || x.text.starts_with('.')
}

/// "point seventy-one", "point nought four" after an integer ending at
/// `last`: (fraction, last token).
fn point_decimals(t: &[Tok], last: usize) -> Option<(f64, usize)> {
    if word(t, last + 1) != Some("point") {
        return None;
    }
    let mut digits = String::new();
    let mut j = last + 2;
    while let Some(v) = word(t, j).and_then(small).filter(|&v| v < 10.0) {
        if tens(word(t, j + 1).unwrap_or("")).is_some() {
            break;
        }
        digits.push_str(&format!("{}", v as u32));
        j += 1;
    }
    if digits.is_empty() {
        let r = words_int(t, last + 2).filter(|r| r.value < 100.0 && word(t, last + 2).is_some())?;
        digits = format!("{}", r.value as u32);
        j = r.last + 1;
    }
    format!("0.{digits}").parse().ok().map(|f| (f, j - 1))
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
            "a" | "an" | "one" => (1.0, j + 1),
            _ => {
                let r = words_int(t, j + 1).filter(|r| r.split.is_none() && r.value < 1000.0)?;
                (r.value, r.last)
            }
        };
        let (d, plural, dl) = denominator_at(t, k + 1)?;
        if (n > 1.0) == plural || d == 2.0 && n == 1.0 {
            return Some((n / d, dl));
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
    if !(a.plain && b.plain && n < d && [2.0, 3.0, 4.0, 5.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0].contains(&d))
    {
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
        let alone = t
            .get(last + 2)
            .is_none_or(|n| n.kind == Kind::Sym || n.ws == Ws::Line);
        let s = if is_dozen(&x.lower) {
            12.0
        } else if attached && (x.text == "M" || x.text == "MM") {
            1e6
        } else if x.is("k") && alone && x.ws == Ws::Space {
            1e3
        } else if x.text == "M" && alone && x.ws == Ws::Space {
            1e6
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

/// The last scale factor among tokens `i..=last` (1 when none).
fn last_factor(t: &[Tok], i: usize, last: usize) -> f64 {
    (i..=last)
        .rev()
        .find_map(|k| {
            let w = word(t, k)?;
            if is_dozen(w) {
                return Some(12.0);
            }
            scale(w, t[k].ws == Ws::None && k > i)
        })
        .unwrap_or(1.0)
}

/// The longest number starting at token `i`.
pub fn core(t: &[Tok], i: usize) -> Option<Core> {
    let x = t.get(i)?;
    let mut v;
    let mut last;
    let mut plain_int = false;
    let worded;
    match x.kind {
        Kind::Sym => return None,
        Kind::Num => {
            worded = false;
            v = x.value?;
            last = i;
            plain_int = x.plain;
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
            if last == i
                && t.get(i + 1).is_some_and(|n| n.ws == Ws::Space)
                && word(t, i + 1).is_some_and(|w| scale(w, false).is_some() || is_dozen(w))
            {
                // "4 thousand 3 hundred and 21", "3 dozens", "2 million"
                if let Some(r) = words_int(t, i) {
                    v = r.value;
                    last = r.last;
                    plain_int = false;
                }
            }
        }
        Kind::Word => {
            worded = true;
            let w = x.lower.as_ref();
            // "half a million", "quarter million", "half a dozen", "half of"
            if w == "half" || w == "quarter" {
                let f = if w == "half" { 0.5 } else { 0.25 };
                let mut j = i + 1;
                if matches!(word(t, j), Some("a" | "an")) {
                    j += 1;
                }
                let n = word(t, j).unwrap_or("");
                let s = if is_dozen(n) { Some(12.0) } else { scale(n, false) };
                if let Some(s) = s {
                    v = f * s;
                    last = j;
                } else if w == "half" && word(t, i + 1) == Some("of") {
                    v = 0.5;
                    last = i;
                } else {
                    return None;
                }
            } else {
                let lead_a = w == "a" || w == "an";
                let r = words_int(t, i).or(lead_a.then_some(IntRead {
                    value: 1.0,
                    last: i,
                    split: None,
                }))?;
                v = r.value;
                last = r.last;
                let ends_a = matches!(word(t, last), Some("a" | "an"));
                // "one-eighth", "five - eighths"
                let hy = t.get(last + 1).is_some_and(|h| {
                    h.is_sym('-') && (h.ws == Ws::None) == t.get(last + 2).is_some_and(|y| y.ws == Ws::None)
                });
                let mut den =
                    denominator_at(t, last + 1)
                        .or_else(|| if hy { denominator_at(t, last + 2) } else { None });
                // "one hundred thirty fifths" = 100/35: after a hundred or a
                // scale, a tens word before a unit ordinal belongs to the denominator.
                if r.split.is_none() && last > i {
                    if let (Some(tv), Some((d, plural, dl))) =
                        (word(t, last).and_then(tens), denominator_at(t, last))
                    {
                        if dl > last + 1 || t.get(last + 1).is_some_and(|x| x.is_sym('-')) || d > tv {
                            v -= tv;
                            last -= 1;
                            den = Some((d, plural || v > 1.0, dl));
                        }
                    }
                }
                if let Some((d, plural, dl)) = den {
                    let right = r.split.map(|(left, _)| v - left);
                    let num = right.unwrap_or(v);
                    let ok = if plural {
                        num > 1.0 || r.split.is_some() && num >= 1.0
                    } else {
                        num == 1.0
                    };
                    let ok = ok && (plural || r.split.is_some() || fraction_end(t, dl + 1));
                    if ok {
                        let frac = num / d;
                        last = dl;
                        // "two thirds of a million", "three quarters million"
                        let mut s_after = None;
                        if word(t, last + 1) == Some("of")
                            && matches!(word(t, last + 2), Some("a" | "an"))
                            && scale(word(t, last + 3).unwrap_or(""), false).is_some()
                        {
                            s_after = scale(word(t, last + 3).unwrap_or(""), false);
                            last += 3;
                        } else if let Some(s) = word(t, last + 1).and_then(|w| scale(w, false)) {
                            s_after = Some(s);
                            last += 1;
                        }
                        v = match r.split {
                            Some((left, k)) => {
                                // "six million and two thirds": the fraction of the million.
                                let left_scale = word(t, k.saturating_sub(2))
                                    .and_then(|w| scale(w, false))
                                    .filter(|&s| s >= 1e3);
                                if left_scale.is_some() || s_after.is_some() || d >= 100.0 {
                                    left + frac * s_after.or(left_scale).unwrap_or(1.0)
                                } else {
                                    // "one hundred and thirty-two fifths" = 132/5; a
                                    // decimal denominator splits: "two hundred and
                                    // fifty-four hundredths" = 200.54.
                                    (left + num) / d
                                }
                            }
                            None => frac * s_after.unwrap_or(1.0),
                        };
                    } else if ends_a {
                        return None;
                    }
                } else if ends_a {
                    return None;
                }
                if let Some((f, l)) = point_decimals(t, last) {
                    v += f;
                    last = l;
                }
            }
        }
    }
    let mut scaled = (i..=last)
        .any(|k| word(t, k).is_some_and(|w| scale(w, k > i && t[k].ws == Ws::None).is_some() || is_dozen(w)));
    if !scaled {
        let (s, l) = scales(t, last);
        if l > last {
            v *= s;
            last = l;
            scaled = true;
            plain_int = false;
        }
    }
    if let Some((f, l)) = trailing_fraction(t, last) {
        // "one and a half", "3 million and a half", "five and a half million",
        // "one billion and a half million"
        plain_int = false;
        let after = word(t, l + 1).and_then(|w| scale(w, false));
        let ends_scaled = word(t, last)
            .and_then(|w| scale(w, false))
            .is_some_and(|s| s >= 1e3);
        match after {
            Some(s) if ends_scaled => {
                v += f * s;
                last = l + 1;
            }
            Some(s) => {
                v = (v + f) * s;
                last = l + 1;
                scaled = true;
            }
            None if ends_scaled => {
                v += f * last_factor(t, i, last);
                last = l;
            }
            None => {
                v += f;
                last = l;
            }
        }
    }
    // "one out of three", "2000 over 3"
    let ratio_at = if word(t, last + 1) == Some("over") {
        Some(last + 2)
    } else if word(t, last + 1) == Some("out") && word(t, last + 2) == Some("of") {
        Some(last + 3)
    } else if word(t, last + 1) == Some("in")
        && (1.0..=10.0).contains(&v)
        && v.fract() == 0.0
        && t.get(last + 2).is_some_and(|x| x.is_word())
    {
        // "one in five", "1 in twenty-one" (spelled-out second number only:
        // "3 in 2019" is a date)
        Some(last + 2)
    } else {
        None
    };
    if let Some(k) = ratio_at.filter(|_| !scaled) {
        let is_numberish = t.get(k).is_some_and(|x| {
            x.is_num() || x.is_word() && (small(&x.lower).is_some() || tens(&x.lower).is_some())
        });
        if is_numberish {
            if let Some(b) = core(t, k).filter(|b| b.value > v) {
                v /= b.value;
                last = b.last;
                plain_int = false;
            }
        }
    }
    let factor = if scaled { last_factor(t, i, last) } else { 1.0 };
    Some(Core {
        first: i,
        last,
        value: v,
        scaled,
        factor,
        worded,
        plain_int,
    })
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
        assert_eq!(val("one hundred and thirty-two fifths"), Some(26.4));
        assert_eq!(val("two hundred and fifty-four hundredths"), Some(200.54));
        assert_eq!(val("six million and a half"), Some(6.5e6));
        assert_eq!(val("five and a half million"), Some(5.5e6));
        assert_eq!(val("one-eighth"), Some(0.125));
        assert_eq!(val("one in five adults"), Some(0.2));
        assert_eq!(val("one out of three"), Some(1.0 / 3.0));
        assert_eq!(val("4 thousand 3 hundred and 21"), Some(4321.0));
        assert_eq!(val("two hundred point seventy-one"), Some(200.71));
    }
}
