//! Rules over the tagger's mentions: split off titles ("Apple CEO Steve
//! Jobs" → ORG "Apple", PERSON "Steve Jobs"), organisation suffixes ("RAND"
//! + "Corp." → ORG "RAND Corp."), company + model number ("Boeing 787" →
//! ORG "Boeing"), trailing possessives and punctuation, and one type per
//! name within a document (majority vote).

use super::features::DocFeatures;
use super::lexicon::{Lexicon, F_DEMONYM};
use super::tagger::Mention;
use crate::analyze::{Analyzed, TokenKind};
use std::collections::HashMap;

pub const PER: usize = 0;
pub const ORG: usize = 1;
pub const LOC: usize = 2;
pub const MISC: usize = 3;

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

/// Is token `i` a title word (head or modifier)?
fn titleish(lex: &Lexicon, df: &DocFeatures, i: usize) -> bool {
    let n = df.toks[i].norm.as_str();
    lex.is_title(n) || lex.is_title_modifier(n)
}

/// Apply the rules; returns mentions sorted by position, non-overlapping.
pub fn apply(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        split_titles(doc, df, lex, m, &mut out);
    }
    let ntok = doc.tokens.len();
    for m in out.iter_mut() {
        // Trim possessives and punctuation at the edges.
        while m.tokens.len() > 1 {
            let last = m.tokens.end - 1;
            if is_possessive(doc.tok(last)) || (doc.tokens[last].kind == TokenKind::Punct && doc.tok(last) != ")") {
                m.tokens.end -= 1;
            } else {
                break;
            }
        }
        while m.tokens.len() > 1 && doc.tokens[m.tokens.start].kind == TokenKind::Punct {
            m.tokens.start += 1;
        }
        // Organisation suffix written after the name: "RAND" "Corp." → one ORG.
        let mut e = m.tokens.end;
        while e < ntok && lex.is_org_suffix(&df.toks[e].norm) && is_cap(doc.tok(e)) && doc.tok(e).contains('.') {
            e += 1;
        }
        if e > m.tokens.end {
            m.tokens.end = e;
            m.ty = ORG;
        }
        let last = m.tokens.end - 1;
        if m.tokens.len() > 1 && is_cap(doc.tok(last)) && lex.is_org_suffix(&df.toks[last].norm) && m.ty != MISC {
            m.ty = ORG;
        }
        // Company + model number: "Boeing 787", "Airbus A380".
        if m.ty == MISC && m.tokens.len() == 1 && df.toks[m.tokens.start].gaz & F_DEMONYM == 0 {
            let nx = m.tokens.end;
            if nx < ntok && doc.tok(nx).chars().any(|c| c.is_ascii_digit()) && doc.tokens[nx].span.start > doc.tokens[last].span.end {
                m.ty = ORG;
            }
        }
    }
    out.retain(|m| !m.tokens.is_empty() && (m.tokens.start..m.tokens.end).any(|i| doc.tokens[i].kind != TokenKind::Punct));
    out.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    // Drop overlaps (an extension may reach the next mention).
    let mut clean: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        if clean.last().is_some_and(|p| p.tokens.end > m.tokens.start) {
            continue;
        }
        clean.push(m);
    }
    vote_types(doc, df, &mut clean);
    clean
}

/// "Apple CEO Steve Jobs", "U.S. President Donald Trump", "President Trump":
/// the capitalised words after the last head title in a mention are the
/// person; the words before it (minus title modifiers) keep the mention's
/// type (ORG/LOC; a PERSON prefix becomes a place or ORG).
fn split_titles(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, m: Mention, out: &mut Vec<Mention>) {
    let r = m.tokens.clone();
    // Last head title inside the mention that has a capitalised word after it.
    let mut head = None;
    for i in r.clone() {
        if lex.is_title(&df.toks[i].norm) && i + 1 < r.end && is_cap(doc.tok(i + 1)) && !lex.is_org_suffix(&df.toks[i + 1].norm) {
            head = Some(i);
        }
    }
    let Some(h) = head else {
        // Leading title words only ("President" tagged with the name).
        let mut s = r.start;
        while s + 1 < r.end && titleish(lex, df, s) && m.ty == PER {
            s += 1;
        }
        out.push(Mention { tokens: s..r.end, ty: m.ty });
        return;
    };
    // A mention like "Ministry of Defense" is not a title split: the head must
    // be followed by a name-like capitalised word, not "of".
    let after = h + 1..r.end;
    // The prefix: drop title words (modifiers and heads) backwards from the head.
    let mut pe = h;
    while pe > r.start && titleish(lex, df, pe - 1) {
        pe -= 1;
    }
    if pe > r.start {
        let ty = if df.toks[r.start].gaz & (super::lexicon::F_COUNTRY | super::lexicon::F_CITY | super::lexicon::F_REGION) != 0 {
            LOC
        } else if df.toks[r.start].gaz & F_DEMONYM != 0 {
            MISC
        } else if m.ty == PER {
            ORG
        } else {
            m.ty
        };
        out.push(Mention { tokens: r.start..pe, ty });
    }
    out.push(Mention { tokens: after, ty: PER });
}

/// One type per name within a document: a name written the same way more than
/// once takes the type most of its mentions have (ties keep their own).
fn vote_types(doc: &Analyzed, df: &DocFeatures, ms: &mut [Mention]) {
    let key = |m: &Mention| -> String {
        (m.tokens.start..m.tokens.end)
            .map(|i| df.toks[i].norm.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut counts: HashMap<String, [u16; 4]> = HashMap::new();
    for m in ms.iter() {
        counts.entry(key(m)).or_default()[m.ty] += 1;
    }
    for m in ms.iter_mut() {
        let c = counts[&key(m)];
        let best = (0..4).max_by_key(|&t| (c[t], t == m.ty)).unwrap_or(m.ty);
        if c[best] > c[m.ty] {
            m.ty = best;
        }
    }
    let _ = doc;
}
