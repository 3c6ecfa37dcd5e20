//! The figures lexer: text → numbers, words and symbols with byte spans and the
//! kind of white space before each, so that later stages can tell "5km" from
//! "5 km" and a list marker at a line start from a number in a sentence.

use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Digits with separators and decimals, or a vulgar fraction ("½").
    Num,
    /// Letters, with internal apostrophes and the periods of "U.S." / "a.m.".
    Word,
    /// Any other single character.
    Sym,
}

/// White space before a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ws {
    None,
    Space,
    /// A line break (or the start of the text).
    Line,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub text: &'a str,
    /// Lower case (borrowed when already lower case).
    pub lower: Cow<'a, str>,
    pub ws: Ws,
    /// Numbers: the value (None for a malformed number such as "192.168.1.2").
    pub value: Option<f64>,
    /// Numbers: digits only, no separator or decimal point ("2021", not "2,021").
    pub plain: bool,
}

impl Tok<'_> {
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    pub fn is_sym(&self, c: char) -> bool {
        self.kind == Kind::Sym && self.text.starts_with(c)
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_num(&self) -> bool {
        self.kind == Kind::Num
    }
    /// Starts with an upper-case letter.
    pub fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// Value of a vulgar-fraction character.
pub fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        '⅕' => 0.2,
        '⅙' => 1.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        _ => return None,
    })
}

/// Parse digits with separators. Commas group thousands (western "1,234,567")
/// or lakhs (Indian "12,34,567"); any other comma use ends the number at the
/// first comma ("22,24" is a list). Returns (value, byte length used, plain).
fn number(s: &str) -> (Option<f64>, usize, bool) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() || (c == b',' || c == b'.') && i + 1 < b.len() && b[i + 1].is_ascii_digit() {
            i += 1;
        } else {
            break;
        }
    }
    let raw = &s[..i];
    let (int, frac) = match raw.find('.') {
        Some(p) => (&raw[..p], Some(&raw[p + 1..])),
        None => (raw, None),
    };
    if frac.is_some_and(|f| f.contains('.') || f.contains(',')) {
        // "192.168.1.2", "1.234,5": not a plain number.
        return (None, i, false);
    }
    if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let last = groups.len() - 1;
        let western =
            !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
        let indian = !groups[0].is_empty()
            && groups[0].len() <= 2
            && groups[last].len() == 3
            && groups[1..last].iter().all(|g| g.len() == 2);
        if !(western || indian) {
            let first = groups[0].len();
            return (s[..first].parse().ok(), first, !s[..first].contains('.'));
        }
    }
    let clean: String = raw.chars().filter(|&c| c != ',').collect();
    let plain = !raw.contains(',') && frac.is_none();
    (clean.parse::<f64>().ok(), i, plain)
}

/// Digits in groups of three after a space ("40 000", "1 414 021 100"; also
/// thin and no-break spaces): the byte length of the extension and its digits.
fn space_groups(s: &str, head: &str) -> (usize, String) {
    let mut len = 0;
    let mut digits = String::new();
    if head.len() > 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
        return (0, digits);
    }
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if !(c == ' ' || c == '\u{a0}' || c == '\u{202f}') {
            break;
        }
        let after = &rest[c.len_utf8()..];
        let b = after.as_bytes();
        let group = b.len() >= 3
            && b[..3].iter().all(u8::is_ascii_digit)
            && b.get(3)
                .is_none_or(|x| !x.is_ascii_digit() && *x != b',' && !x.is_ascii_alphabetic());
        if !group {
            break;
        }
        digits.push_str(&after[..3]);
        len += c.len_utf8() + 3;
        rest = &after[3..];
    }
    // "1 234 567.89"
    let b = rest.as_bytes();
    if len > 0 && b.len() > 1 && b[0] == b'.' && b[1].is_ascii_digit() {
        let n = 1 + b[1..].iter().take_while(|x| x.is_ascii_digit()).count();
        digits.push_str(&rest[..n]);
        len += n;
    }
    (len, digits)
}

/// A power written after a number: "e10", "e+14", "x10^6", "^-1" → (factor or
/// exponent kind, byte length). `Pow10` multiplies by 10^n, `Pow` raises.
enum Exp {
    Pow10(i32),
    Pow(i32),
}

fn exponent(s: &str) -> Option<(Exp, usize)> {
    let b = s.as_bytes();
    let digits = |from: usize| -> Option<(i32, usize)> {
        let mut i = from;
        let mut neg = false;
        while i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            neg ^= b[i] == b'-';
            i += 1;
        }
        let st = i;
        while i < b.len() && b[i].is_ascii_digit() && i - st < 3 {
            i += 1;
        }
        if i == st || i < b.len() && (b[i].is_ascii_alphanumeric()) {
            return None;
        }
        let n: i32 = s[st..i].parse().ok()?;
        Some((if neg { -n } else { n }, i))
    };
    match b.first()? {
        b'e' | b'E' => digits(1).map(|(n, l)| (Exp::Pow10(n), l)),
        b'^' => digits(1).map(|(n, l)| (Exp::Pow(n), l)),
        b'x' | b'X' if s[1..].starts_with("10^") => digits(4).map(|(n, l)| (Exp::Pow10(n), l)),
        _ => None,
    }
}

pub fn lex(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let b = text.as_bytes();
    let mut ws = Ws::Line;
    let mut i = 0;
    while i < b.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let cl = c.len_utf8();
        if is_space(c) {
            if c == '\n' || c == '\r' {
                ws = Ws::Line;
            } else if ws == Ws::None {
                ws = Ws::Space;
            }
            i += cl;
            continue;
        }
        let start = i;
        let (kind, end, value, plain) = if c.is_ascii_digit()
            || c == '.'
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && !out
                    .last()
                    .is_some_and(|t: &Tok| t.kind == Kind::Num && t.end == i)
        {
            let (mut v, mut len, mut plain) = number(&text[i..]);
            if plain && v.is_some() {
                let (gl, g) = space_groups(&text[i + len..], &text[i..i + len]);
                if gl > 0 {
                    v = format!("{}{g}", &text[i..i + len]).parse().ok();
                    len += gl;
                }
            }
            if let (Some(x), Some((e, l))) = (v, exponent(&text[i + len..])) {
                v = Some(match e {
                    Exp::Pow10(n) => format!("{x}e{n}").parse().unwrap_or(x * 10f64.powi(n)),
                    Exp::Pow(n) => x.powi(n),
                });
                len += l;
                plain = false;
            }
            (Kind::Num, i + len.max(1), v, plain)
        } else if let Some(v) = vulgar(c) {
            (Kind::Num, i + cl, Some(v), false)
        } else if c.is_alphabetic() {
            let mut j = i;
            let mut seg = 0usize; // letters in the current segment
            let mut dotted = false;
            while j < b.len() {
                let d = text[j..].chars().next().unwrap_or(' ');
                if d.is_alphabetic() {
                    seg += 1;
                    j += d.len_utf8();
                } else if (d == '\'' || d == '’')
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                {
                    j += d.len_utf8();
                } else if d == '.'
                    && seg <= 2
                    && text[j + 1..].chars().next().is_some_and(char::is_alphabetic)
                    && text[j + 1..]
                        .chars()
                        .nth(1)
                        .is_none_or(|e| !e.is_alphabetic() || dotted || seg == 1)
                {
                    dotted = true;
                    seg = 0;
                    j += 1;
                } else if d == '.' && dotted && seg <= 2 {
                    j += 1;
                    break;
                } else {
                    break;
                }
            }
            (Kind::Word, j, None, false)
        } else {
            (Kind::Sym, i + cl, None, false)
        };
        let t = &text[start..end];
        let lower = if t.chars().any(char::is_uppercase) {
            Cow::Owned(t.to_lowercase())
        } else {
            Cow::Borrowed(t)
        };
        out.push(Tok {
            start,
            end,
            kind,
            text: t,
            lower,
            ws,
            value,
            plain,
        });
        ws = Ws::None;
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        lex(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn numbers_words_and_symbols() {
        assert_eq!(texts("about 450,000 troops"), ["about", "450,000", "troops"]);
        assert_eq!(lex("450,000")[0].value, Some(450000.0));
        assert_eq!(texts("U.S. troops, 3.5%"), ["U.S.", "troops", ",", "3.5", "%"]);
        assert_eq!(texts("at 6 a.m. on"), ["at", "6", "a.m.", "on"]);
        assert_eq!(texts("5km-long"), ["5", "km", "-", "long"]);
        assert_eq!(lex("12,34,567.89")[0].value, Some(1234567.89));
        assert_eq!(texts("nos. 22,24,26"), ["nos", ".", "22", ",", "24", ",", "26"]);
        assert_eq!(lex("192.168.1.2")[0].value, None);
        assert!(lex("2021")[0].plain);
        assert!(!lex("2,021")[0].plain);
        assert_eq!(lex("½")[0].value, Some(0.5));
        assert_eq!(lex("40 000 people")[0].value, Some(40000.0));
        assert_eq!(lex("1.3e6")[0].value, Some(1.3e6));
        assert_eq!(lex("6.23x10^-4")[0].value, Some(6.23e-4));
        assert_eq!(lex("1.5^2")[0].value, Some(2.25));
        assert_eq!(texts("5 employees"), ["5", "employees"]);
        assert_eq!(texts("the end. Then"), ["the", "end", ".", "Then"]);
        let t = lex("a\n1. b");
        assert_eq!(t[1].ws, Ws::Line);
        assert_eq!(t[2].ws, Ws::None);
    }
}

/// A phrase table keyed by normalised surface: lower case, one space where the
/// text has white space, nothing where it has none ("km/h", "us $", "°c").
#[derive(Debug)]
pub struct Phrases<V> {
    map: std::collections::HashMap<String, V>,
    max_toks: usize,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            map: Default::default(),
            max_toks: 0,
        }
    }
}

impl<V> Phrases<V> {
    pub fn insert(&mut self, surface: &str, v: V) {
        let toks = lex(surface);
        self.max_toks = self.max_toks.max(toks.len());
        self.map.insert(key(&toks, 0, toks.len()), v);
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }

    /// Longest phrase starting at token `i` (none crossing a line break):
    /// (value, last token index). `ok` can reject a candidate.
    pub fn longest<F: Fn(&V, usize) -> bool>(&self, t: &[Tok], i: usize, ok: F) -> Option<(&V, usize)> {
        let mut best = None;
        let mut k = String::new();
        for (j, x) in t
            .iter()
            .enumerate()
            .take((i + self.max_toks).min(t.len()))
            .skip(i)
        {
            if j > i && x.ws == Ws::Line {
                break;
            }
            if j > i && x.ws == Ws::Space {
                k.push(' ');
            }
            k.push_str(&x.lower);
            if let Some(v) = self.map.get(&k) {
                if ok(v, j) {
                    best = Some((v, j));
                }
            }
        }
        best
    }

    /// Longest phrase ending at token `last` (searching backwards).
    pub fn longest_ending<F: Fn(&V, usize) -> bool>(
        &self,
        t: &[Tok],
        last: usize,
        ok: F,
    ) -> Option<(&V, usize)> {
        let mut best = None;
        for n in 1..=self.max_toks.min(last + 1) {
            let i = last + 1 - n;
            if (i + 1..=last).any(|j| t[j].ws == Ws::Line) {
                break;
            }
            if let Some(v) = self.map.get(&key(t, i, last + 1)) {
                if ok(v, i) {
                    best = Some((v, i));
                }
            }
        }
        best
    }
}

/// The normalised surface of tokens `i..j`.
pub fn key(t: &[Tok], i: usize, j: usize) -> String {
    let mut k = String::new();
    for (n, x) in t[i..j].iter().enumerate() {
        if n > 0 && x.ws != Ws::None {
            k.push(' ');
        }
        k.push_str(&x.lower);
    }
    k
}
