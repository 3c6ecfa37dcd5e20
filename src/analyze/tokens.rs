//! Tokenizer: splits text into words, numbers and punctuation with byte spans.
//!
//! News-specific rules: abbreviations keep their dots ("U.S.", "Corp.", "M."),
//! hyphenated names stay whole ("Nam Chang-hee"), numbers keep their
//! separators ("450,000", "3.5"), possessive "'s" is its own token ("Korea" "'s"),
//! currency symbols and "%" split off ("$" "350").

use crate::article::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, apostrophes or abbreviation dots.
    Word,
    /// Starts with a digit: "450,000", "3.5", "2021", "1990s", "10th".
    Number,
    /// Punctuation or a symbol: one character ("," "“" "$" "%" "•"), or a run
    /// of dashes/dots ("--", "...").
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }
}

/// Abbreviations that keep their final dot (lower-cased, without the dot).
/// Single letters ("M.") and dotted forms ("U.S.", "e.g.") are handled by rule.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "hon", "pres", "supt", "st", "sr", "jr", "co", "corp", "inc", "ltd", "bros", "plc", "no",
    "nos", "vs", "etc", "approx", "dept", "univ", "assn", "est", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", "ft", "mt", "ave", "blvd", "fig", "vol", "pp", "al", "cf", "mln", "bln", "pct", "min",
    "max", "govt",
];

pub fn is_abbreviation(word_without_dot: &str) -> bool {
    let lower = word_without_dot.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

/// Split `text` into tokens. Byte offsets; never allocates per token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

/// Tokenize `text[from..to]`, pushing tokens with absolute offsets.
pub fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let s = &text[from..to];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let end_of = |i: usize| if i < n { chars[i].0 } else { s.len() };
    let mut i = 0;
    while i < n {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || (c.is_numeric() && !c.is_alphabetic()) {
            // Number: digits with inner , . : / separators followed by digits, then letters ("1990s", "10th").
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                if cj.is_ascii_digit() {
                    j += 1;
                } else if (cj == ',' || cj == '.' || cj == ':' || cj == '/')
                    && j + 1 < n
                    && chars[j + 1].1.is_ascii_digit()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            while j < n && chars[j].1.is_alphabetic() {
                j += 1;
            }
            out.push(Token {
                span: Span::new(from + pos, from + end_of(j)),
                kind: TokenKind::Number,
            });
            i = j;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            loop {
                while j < n && is_word_char(chars[j].1) {
                    j += 1;
                }
                // inner hyphen or apostrophe joining word characters: "Chang-hee", "don't", "O'Brien"
                if j + 1 < n
                    && (is_hyphen(chars[j].1) || is_apostrophe(chars[j].1))
                    && is_word_char(chars[j + 1].1)
                {
                    // possessive 's / ’s at the end of a word is split off
                    if is_apostrophe(chars[j].1)
                        && (chars[j + 1].1 == 's' || chars[j + 1].1 == 'S')
                        && (j + 2 >= n || !is_word_char(chars[j + 2].1))
                    {
                        break;
                    }
                    j += 2;
                    continue;
                }
                // dotted abbreviation: "U.S.", "e.g."
                if j + 1 < n && chars[j].1 == '.' && chars[j + 1].1.is_alphabetic() {
                    let seg_len = j - segment_start(&chars, i, j);
                    if seg_len <= 2 {
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            // trailing dot of an abbreviation
            if j < n && chars[j].1 == '.' {
                let word = &s[pos..end_of(j)];
                let dotted_inside = word.contains('.');
                let single_letter = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
                if dotted_inside || single_letter || is_abbreviation(word) {
                    j += 1;
                }
            }
            out.push(Token {
                span: Span::new(from + pos, from + end_of(j)),
                kind: TokenKind::Word,
            });
            i = j;
            continue;
        }
        if is_apostrophe(c) && i + 1 < n && (chars[i + 1].1 == 's' || chars[i + 1].1 == 'S') {
            let after = i + 2;
            if (after >= n || !is_word_char(chars[after].1)) && !out.is_empty() {
                let prev_end = out.last().map(|t| t.span.end).unwrap_or(0);
                if prev_end == from + pos {
                    out.push(Token {
                        span: Span::new(from + pos, from + end_of(after)),
                        kind: TokenKind::Word,
                    });
                    i = after;
                    continue;
                }
            }
        }
        // punctuation: runs of the same dash or dot stay together
        let mut j = i + 1;
        if c == '-' || c == '.' || c == '—' || c == '–' {
            while j < n && chars[j].1 == c {
                j += 1;
            }
        }
        out.push(Token {
            span: Span::new(from + pos, from + end_of(j)),
            kind: TokenKind::Punct,
        });
        i = j;
    }
}

/// Start of the current dot-separated segment of a word (for "U.S." detection).
fn segment_start(chars: &[(usize, char)], word_start: usize, j: usize) -> usize {
    let mut k = j;
    while k > word_start && chars[k - 1].1 != '.' {
        k -= 1;
    }
    k
}

/// Word-shape class used by extractors: "Xx", "XX", "xx", "dd", "X.X.", ...
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run > 4 {
                continue;
            }
        } else {
            run = 1;
        }
        out.push(k);
        last = k;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn news_tokens() {
        assert_eq!(
            toks("U.S. President Donald Trump met Lee Jae-myung."),
            [
                "U.S.",
                "President",
                "Donald",
                "Trump",
                "met",
                "Lee",
                "Jae-myung",
                "."
            ]
        );
        assert_eq!(
            toks("South Korea’s 450,000 troops"),
            ["South", "Korea", "’s", "450,000", "troops"]
        );
        assert_eq!(
            toks("at the RAND Corp., noted"),
            ["at", "the", "RAND", "Corp.", ",", "noted"]
        );
        assert_eq!(
            toks("$350 billion, 3.5%"),
            ["$", "350", "billion", ",", "3.5", "%"]
        );
        assert_eq!(toks("M. H. Lee (mhlee)"), ["M.", "H.", "Lee", "(", "mhlee", ")"]);
        assert_eq!(
            toks("“Hi,” he said -- ok..."),
            ["“", "Hi", ",", "”", "he", "said", "--", "ok", "..."]
        );
        assert_eq!(toks("the 1990s and don't"), ["the", "1990s", "and", "don't"]);
        assert_eq!(toks("WASHINGTON•SEOUL"), ["WASHINGTON", "•", "SEOUL"]);
        assert_eq!(toks("He left. Then"), ["He", "left", ".", "Then"]);
    }

    #[test]
    fn spans_are_exact() {
        let s = "Ünïcode “quoted” text — ok";
        for t in tokenize(s) {
            assert!(!t.text(s).is_empty());
            assert!(!t.text(s).contains(' '));
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Trump"), "Xxxxx");
        assert_eq!(shape("Washington"), "Xxxxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2021"), "dddd");
        assert_eq!(shape("Jae-myung"), "Xxx-xxxx");
    }
}
