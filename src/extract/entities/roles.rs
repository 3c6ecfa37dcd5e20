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
///
/// A title and an appositive together ("Gen. Xavier Brunson, head of U.S.
/// Forces Korea,") give both: "Gen., head of U.S. Forces Korea".
pub fn role(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    m: Range<usize>,
    sent: Range<usize>,
    covered: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let title = title_before(doc, df, lex, m.start, sent.start, covered).map(|s| s.slice(doc.text));
    let appos = appositive_after(doc, df, lex, m.end, sent.end).map(|s| s.slice(doc.text));
    match (title, appos) {
        (Some(t), Some(a)) => Some(format!("{t}, {a}")),
        (t, a) => t.or(a).map(str::to_string),
    }
}

fn title_before(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    start: usize,
    sent_start: usize,
    covered: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    if start == sent_start {
        return None;
    }
    let end = start - 1;
    if !lex.is_title(&df.toks[end].norm) {
        return title_of_domain(doc, df, lex, start, sent_start, covered);
    }
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

/// "Secretary of State Marco Rubio", "Minister for Trade Ann Lee": a head
/// title, "of"/"for" and up to three capitalised words right before the name.
fn title_of_domain(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    start: usize,
    sent_start: usize,
    covered: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    let mut k = start;
    while k > sent_start
        && start - k < 3
        && doc.tokens[k - 1].kind == TokenKind::Word
        && is_cap(doc.tok(k - 1))
        && !covered(k - 1)
    {
        k -= 1;
    }
    if k == start || k < sent_start + 2 || !matches!(df.toks[k - 1].norm.as_str(), "of" | "for") {
        return None;
    }
    if !lex.is_title(&df.toks[k - 2].norm) || covered(k - 2) {
        return None;
    }
    // The rest of the title before the head ("Deputy", "U.S.").
    let head = title_before(doc, df, lex, k - 1, sent_start, covered)?;
    Some(Span::new(head.start, doc.tokens[start - 1].span.end))
}
