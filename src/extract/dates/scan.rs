//! A small scanner made for time expressions: words lower-cased, numbers
//! whole ("10:30", "1990s", "10/29/2025"), dotted abbreviations folded
//! ("a.m." → "am"), hyphenated words split into parts that remember the
//! hyphen ("five-year" → "five" "year"), so that patterns see one shape for
//! "mid-2026" and "mid 2026". Byte spans point into the article text.

use super::lexicon::{Lexicon, WordInfo};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum K {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub struct W<'a> {
    /// Lower-cased, dots of abbreviations removed, apostrophes straightened.
    pub s: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub kind: K,
    /// Starts with an upper-case letter in the text.
    pub cap: bool,
    /// Joined to the previous token by a hyphen ("five-year": set on "year").
    pub hy: bool,
    /// No space between this token and the previous one.
    pub glued: bool,
    pub info: Option<&'a WordInfo>,
    /// Value of an all-digit number token.
    pub n: Option<i64>,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Scan `text[from..to]` into `out`.
pub fn scan<'a>(text: &'a str, lc: &'a str, from: usize, to: usize, lex: &'a Lexicon, out: &mut Vec<W<'a>>) {
    let b = text.as_bytes();
    let mut i = from;
    let mut glued = false;
    let mut hy = false;
    while i < to {
        let c = match text[i..to].chars().next() {
            Some(c) => c,
            None => break,
        };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            glued = false;
            hy = false;
            i += cl;
            continue;
        }
        // hyphen between two non-space characters joins the parts
        if is_hyphen(c) && glued && i + cl < to {
            let next = text[i + cl..to].chars().next().unwrap_or(' ');
            if next.is_alphanumeric() {
                hy = true;
                i += cl;
                continue;
            }
        }
        let start = i;
        let mut kind = K::Punct;
        if c.is_ascii_digit() || (is_apos(c) && i + cl + 1 < to && b[i + cl].is_ascii_digit()) {
            // number: digits with inner , . : / followed by a digit, then letters
            let mut j = i + cl;
            while j < to {
                let x = b[j];
                if x.is_ascii_digit() {
                    j += 1;
                } else if matches!(x, b',' | b'.' | b':' | b'/') && j + 1 < to && b[j + 1].is_ascii_digit() {
                    j += 2;
                } else {
                    break;
                }
            }
            while j < to && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            i = j;
            kind = K::Num;
        } else if c.is_alphanumeric() {
            let mut j = i;
            loop {
                while j < to {
                    let Some(x) = text[j..to].chars().next() else {
                        break;
                    };
                    if x.is_alphanumeric() {
                        j += x.len_utf8();
                    } else {
                        break;
                    }
                }
                // inner apostrophe ("don't") but not a possessive 's
                if j < to {
                    let x = text[j..to].chars().next().unwrap_or(' ');
                    if is_apos(x) {
                        let k = j + x.len_utf8();
                        let after = text[k..to].chars().next().unwrap_or(' ');
                        let after2 = text.get(k + 1..to).and_then(|s| s.chars().next()).unwrap_or(' ');
                        if after.is_alphabetic()
                            && !((after == 's' || after == 'S') && !after2.is_alphanumeric())
                        {
                            j = k;
                            continue;
                        }
                    }
                }
                break;
            }
            // dotted abbreviation: a.m., p.m., U.S.
            if j < to
                && b[j] == b'.'
                && j - i <= 2
                && j + 2 <= to
                && b.get(j + 1).is_some_and(|x| x.is_ascii_alphabetic())
            {
                let mut k = j;
                while k + 1 < to && b[k] == b'.' && b[k + 1].is_ascii_alphabetic() {
                    k += 2;
                    while k < to && b[k].is_ascii_alphabetic() && k - j < 4 {
                        k += 1;
                    }
                }
                if k < to && b[k] == b'.' {
                    k += 1;
                }
                let folded: String = lc[i..k].chars().filter(|&x| x != '.').collect();
                out.push(W {
                    s: Cow::Owned(folded),
                    start: i,
                    end: k,
                    kind: K::Word,
                    cap: c.is_uppercase(),
                    hy,
                    glued,
                    info: None,
                    n: None,
                });
                let w = out.last_mut().unwrap();
                w.info = lex.get(&w.s);
                i = k;
                glued = true;
                hy = false;
                continue;
            }
            i = j;
            kind = K::Word;
        } else if is_apos(c) && i + cl < to && matches!(b[i + cl], b's' | b'S') {
            i += cl + 1;
            kind = K::Word;
        } else {
            i += cl;
        }
        let raw = &lc[start..i];
        let s: Cow<'a, str> = if raw.contains('’') {
            Cow::Owned(raw.replace('’', "'"))
        } else {
            Cow::Borrowed(raw)
        };
        let n = if kind == K::Num && raw.len() <= 9 && raw.bytes().all(|x| x.is_ascii_digit()) {
            raw.parse().ok()
        } else {
            None
        };
        let info = if kind == K::Punct { None } else { lex.get(&s) };
        out.push(W {
            s,
            start,
            end: i,
            kind,
            cap: c.is_uppercase(),
            hy,
            glued,
            info,
            n,
        });
        glued = true;
        hy = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_news_shapes() {
        let lex = Lexicon::load().unwrap();
        let t = "At 3 p.m. EST, a five-year term began mid-2026 (Oct. 29, 2025) in the ’90s; Korea’s 2025-10-29 10:30 don't";
        let lc = t.to_ascii_lowercase();
        let mut v = Vec::new();
        scan(t, &lc, 0, t.len(), &lex, &mut v);
        let s: Vec<&str> = v.iter().map(|w| w.s.as_ref()).collect();
        assert_eq!(
            s,
            [
                "at", "3", "pm", "est", ",", "a", "five", "year", "term", "began", "mid", "2026", "(", "oct",
                ".", "29", ",", "2025", ")", "in", "the", "'90s", ";", "korea", "'s", "2025", "10", "29",
                "10:30", "don't"
            ]
        );
        let year = v.iter().position(|w| w.s == "year").unwrap();
        assert!(v[year].hy && v[year].glued);
        assert_eq!(&t[v[2].start..v[2].end], "p.m.");
        assert!(v.iter().any(|w| w.s == "29" && w.hy));
        for w in &v {
            assert!(t.is_char_boundary(w.start) && t.is_char_boundary(w.end));
        }
    }
}
