//! Roles stated with a person mention: a title right before the name
//! ("Defense Minister Ahn", "U.S. President Donald Trump" → "President"), or
//! an appositive right after it ("Nam, a professor of politics at Inha
//! University," → "a professor of politics at Inha University").

use super::features::DocFeatures;
use super::lexicon::Lexicon;
use crate::analyze::{Analyzed, TokenKind};
use crate::article::Span;
use std::ops::Range;

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Words that open an appositive describing a person.
const APPOSITIVE_OPENERS: &[&str] = &[
    "a", "an", "the", "former", "head", "chief", "one", "also", "then", "now",
];
/// Words that show the text after the comma is a clause, not an appositive.
const CLAUSE_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "who",
    "which",
    "that",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "has",
    "had",
    "have",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "but",
    "according",
];
const MAX_ROLE_TOKENS: usize = 20;

/// Role for the mention `m` (token range) in sentence tokens `sent`; `covered`
/// tells whether a token belongs to any mention.
pub fn role(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    m: Range<usize>,
    sent: Range<usize>,
    covered: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    title_before(doc, df, lex, m.start, sent.start, covered)
        .or_else(|| appositive_after(doc, df, lex, m.end, sent.end))
}

fn title_before(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    start: usize,
    sent_start: usize,
    covered: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    if start == sent_start || !lex.is_title(&df.toks[start - 1].norm) {
        return None;
    }
    let end = start - 1;
    let mut s = end;
    while s > sent_start {
        let k = s - 1;
        let n = df.toks[k].norm.as_str();
        let w = doc.tok(k);
        let ok = doc.tokens[k].kind == TokenKind::Word
            && !covered(k)
            && (lex.is_title(n)
                || lex.is_title_modifier(n)
                || (is_cap(w) && !matches!(n, "the" | "a" | "an")));
        if !ok {
            break;
        }
        s = k;
    }
    Some(Span::new(doc.tokens[s].span.start, doc.tokens[end].span.end))
}

fn appositive_after(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    end: usize,
    sent_end: usize,
) -> Option<Span> {
    if end + 1 >= sent_end || doc.tok(end) != "," {
        return None;
    }
    let first = end + 1;
    let n0 = df.toks[first].norm.as_str();
    if !(APPOSITIVE_OPENERS.contains(&n0) || lex.is_title(n0) || lex.is_title_modifier(n0)) {
        return None;
    }
    let mut k = first;
    while k < sent_end && k - first < MAX_ROLE_TOKENS {
        let w = doc.tok(k);
        if doc.tokens[k].kind == TokenKind::Punct
            && matches!(
                w,
                "," | "." | ";" | ":" | "(" | ")" | "—" | "–" | "--" | "\"" | "“" | "”" | "!" | "?"
            )
        {
            break;
        }
        if CLAUSE_WORDS.contains(&df.toks[k].norm.as_str()) {
            return None;
        }
        k += 1;
    }
    if k == first || k - first >= MAX_ROLE_TOKENS {
        return None;
    }
    Some(Span::new(
        doc.tokens[first].span.start,
        doc.tokens[k - 1].span.end,
    ))
}
