//! Rules over the tagger's mentions: titles split off names ("Apple CEO
//! Steve Jobs" gives ORG "Apple" and PERSON "Steve Jobs"), organisation
//! suffixes ("RAND" and "Corp." give ORG "RAND Corp."), maker and model
//! number ("Boeing 787" gives ORG "Boeing"), trailing possessives and
//! punctuation, gazetteer places, and one type per name within a document.

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
        for m in split_special(doc, df, m) {
            split_titles(doc, df, lex, m, &mut out);
        }
    }
    // Plural acronyms ("SUVs", "NGOs") are common nouns.
    out.retain(|m| {
        let w = doc.tok(m.tokens.start);
        !(m.tokens.len() == 1
            && w.len() >= 3
            && w.ends_with('s')
            && w[..w.len() - 1].chars().all(|c| c.is_ascii_uppercase()))
    });
    let ntok = doc.tokens.len();
    for m in out.iter_mut() {
        // Trim possessives and punctuation at the edges.
        while m.tokens.len() > 1 {
            let last = m.tokens.end - 1;
            if is_possessive(doc.tok(last))
                || (doc.tokens[last].kind == TokenKind::Punct && doc.tok(last) != ")")
            {
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
        while e < ntok
            && lex.is_org_suffix(&df.toks[e].norm)
            && is_cap(doc.tok(e))
            && doc.tok(e).contains('.')
        {
            e += 1;
        }
        if e > m.tokens.end {
            m.tokens.end = e;
            m.ty = ORG;
        }
        let last = m.tokens.end - 1;
        if m.tokens.len() > 1 && is_cap(doc.tok(last)) && lex.is_org_suffix(&df.toks[last].norm) {
            m.ty = ORG;
        }
        // Company + model number: "Boeing 787", "Airbus A380".
        if m.ty == MISC && m.tokens.len() == 1 && df.toks[m.tokens.start].gaz & F_DEMONYM == 0 {
            let nx = m.tokens.end;
            if nx < ntok
                && doc.tok(nx).chars().any(|c| c.is_ascii_digit())
                && doc.tokens[nx].span.start > doc.tokens[last].span.end
            {
                m.ty = ORG;
            }
        }
    }
    out.retain(|m| {
        !m.tokens.is_empty() && (m.tokens.start..m.tokens.end).any(|i| doc.tokens[i].kind != TokenKind::Punct)
    });
    out.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    // Drop overlaps (an extension may reach the next mention).
    let mut clean: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        if clean.last().is_some_and(|p| p.tokens.end > m.tokens.start) {
            continue;
        }
        clean.push(m);
    }
    // A place right before an organisation that opens with a generic
    // organisation word is part of its name: "U.S." + "Forces Korea",
    // "South Korean" + "Navy".
    let mut merged: Vec<Mention> = Vec::with_capacity(clean.len());
    for m in clean {
        if let Some(p) = merged.last_mut() {
            if (p.ty == LOC || p.ty == MISC)
                && m.ty == ORG
                && p.tokens.end == m.tokens.start
                && lex.is_org_suffix(&df.toks[m.tokens.start].norm)
            {
                p.tokens.end = m.tokens.end;
                p.ty = ORG;
                continue;
            }
        }
        merged.push(m);
    }
    let mut clean = merged;
    places_from_gazetteer(doc, df, lex, &mut clean);
    reader_metadata(doc, &mut clean);
    vote_types(doc, df, &mut clean);
    surnames_of_people(df, &mut clean);
    described_as_people(doc, lex, &mut clean);
    makers_are_orgs(doc, df, &mut clean);
    lone_names(doc, df, lex, &mut clean);
    clean
}

/// What the reader already knows outranks the tagger: the outlet it parsed
/// from the dateline ("(Korea Bizwire)", "(Reuters)") is an ORG wherever the
/// same name is written, and the places of the dateline are places where they
/// are written in the dateline itself (ALL-CAPS datelines read badly to the
/// tagger).
fn reader_metadata(doc: &Analyzed, ms: &mut [Mention]) {
    let art = doc.article;
    if art.outlet.is_none() && art.dateline_places.is_empty() {
        return;
    }
    let dateline = art
        .blocks_of(crate::article::BlockKind::Dateline)
        .map(|b| b.span)
        .next();
    for m in ms.iter_mut() {
        let span = crate::article::Span::new(
            doc.tokens[m.tokens.start].span.start,
            doc.tokens[m.tokens.end - 1].span.end,
        );
        let surface = span.slice(doc.text);
        if art
            .outlet
            .as_deref()
            .is_some_and(|o| o.eq_ignore_ascii_case(surface))
        {
            m.ty = ORG;
        } else if dateline.is_some_and(|d| d.start <= span.start && span.end <= d.end)
            && art
                .dateline_places
                .iter()
                .any(|p| p.eq_ignore_ascii_case(surface))
        {
            m.ty = LOC;
        }
    }
}

/// A name seen as a maker ("Airbus" in "Airbus A380") is an ORG throughout
/// the article, also where the tagger read it as a product (MISC).
fn makers_are_orgs(doc: &Analyzed, df: &DocFeatures, ms: &mut [Mention]) {
    let key = |m: &Mention| -> String {
        (m.tokens.start..m.tokens.end)
            .map(|i| df.toks[i].norm.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut makers: Vec<String> = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        let next_is_model = ms.get(k + 1).is_some_and(|n| {
            n.tokens.start == m.tokens.end && doc.tok(n.tokens.start).chars().any(|c| c.is_ascii_digit())
        });
        if m.ty == ORG && next_is_model {
            makers.push(key(m));
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for m in ms.iter().filter(|m| m.ty == MISC && m.tokens.len() == 1) {
        *seen.entry(key(m)).or_default() += 1;
    }
    for m in ms.iter_mut() {
        if m.ty == MISC
            && (makers.contains(&key(m))
                || (seen.get(&key(m)).is_some_and(|&n| n >= 3) && lone_misc_is_org(doc, df, m)))
        {
            m.ty = ORG;
        }
    }
}

/// A mention that is exactly a gazetteer country, city or region and that
/// the tagger typed ORG or MISC (or anything, on an ALL-CAPS line, where the
/// tagger has no case to go on) is a LOCATION.
fn places_from_gazetteer(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        if m.ty == LOC {
            continue;
        }
        let caps = doc
            .sentence_at(doc.tokens[m.tokens.start].span.start)
            .is_some_and(|s| df.caps_sentence[s]);
        if !(caps || m.ty == ORG || m.ty == MISC) {
            continue;
        }
        let key = (m.tokens.start..m.tokens.end)
            .map(|i| df.toks[i].norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if lex
            .place(&key)
            .is_some_and(|p| matches!(p.kind, "country" | "city" | "region"))
        {
            m.ty = LOC;
        }
    }
}

/// A one-word MISC written at least three times in the article (see the
/// caller), in prose, that is neither a known demonym nor shaped like
/// one (-an, -ish, -ese, -i, -ic) nor an acronym is more often a company
/// ("Airbus said") than a product or event.
fn lone_misc_is_org(doc: &Analyzed, df: &DocFeatures, m: &Mention) -> bool {
    if m.tokens.len() != 1 {
        return false;
    }
    let t = &df.toks[m.tokens.start];
    let w = t.norm.as_str();
    if t.gaz & (F_DEMONYM | super::lexicon::F_CALENDAR) != 0
        || t.case != super::features::Case::Title
        || [
            "an", "ans", "ish", "ese", "i", "is", "ic", "ics", "ch", "ian", "ians",
        ]
        .iter()
        .any(|s| w.ends_with(s))
    {
        return false;
    }
    doc.sentence_at(doc.tokens[m.tokens.start].span.start)
        .is_some_and(|s| is_prose(doc, s) && !df.caps_sentence[s])
}

/// Prose sentence: at least six words and under a quarter numbers (not a
/// results table or a list of scores).
fn is_prose(doc: &Analyzed, s: usize) -> bool {
    let toks = doc.sentence_tokens(s);
    let words = toks.iter().filter(|t| t.kind == TokenKind::Word).count();
    let nums = toks.iter().filter(|t| t.kind == TokenKind::Number).count();
    words >= 6 && nums * 4 < toks.len()
}

/// News introduces a person by full name ("Donald Trump") or with a title
/// ("Mr. Trump"). A one-word PERSON that never appears with a first name, a
/// title, an age or a following "he"/"she" (more than "it") in the
/// article, and only in prose, is more likely a
/// company or brand the tagger has not seen ("Ziosk said ...", "shares of
/// Boeing"): retype it ORG.
fn lone_names(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut [Mention]) {
    let mut multi: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for m in ms.iter().filter(|m| m.ty == PER && m.tokens.len() > 1) {
        for i in m.tokens.clone() {
            multi.insert(df.toks[i].norm.as_str());
        }
    }
    // Per one-word name: (seen with a person cue, seen in prose)
    let mut keep: HashMap<&str, (bool, bool)> = HashMap::new();
    for m in ms.iter().filter(|m| m.ty == PER && m.tokens.len() == 1) {
        let i = m.tokens.start;
        let w = df.toks[i].norm.as_str();
        let titled = i > 0 && lex.is_title(&df.toks[i - 1].norm);
        // "McPhail, 50, said": an age in apposition.
        let aged = i + 3 < doc.tokens.len()
            && doc.tok(i + 1) == ","
            && doc.tokens[i + 2].kind == TokenKind::Number
            && doc.tok(i + 2).len() <= 3
            && doc.tok(i + 3) == ",";
        let prose = doc
            .sentence_at(doc.tokens[i].span.start)
            .is_some_and(|s| is_prose(doc, s) && !df.caps_sentence[s]);
        // Pronouns in the next 20 tokens: "he"/"she" against "it".
        let (mut personal, mut neuter) = (0, 0);
        for j in i + 1..(i + 21).min(doc.tokens.len()) {
            match df.toks[j].norm.as_str() {
                "he" | "she" | "his" | "him" | "her" | "hers" | "himself" | "herself" => personal += 1,
                "it" | "its" | "itself" => neuter += 1,
                _ => {}
            }
        }
        let k = keep.entry(w).or_insert((false, false));
        k.0 |= titled || aged || multi.contains(w) || personal > neuter;
        k.1 |= prose;
    }
    for m in ms.iter_mut().filter(|m| m.ty == PER && m.tokens.len() == 1) {
        if keep.get(df.toks[m.tokens.start].norm.as_str()) == Some(&(false, true)) {
            m.ty = ORG;
        }
    }
}

/// A name written twice in a row is two mentions ("AGCO AGCO"); a
/// capitalised name followed by a model number is a maker (ORG) and a
/// product (MISC): "Airbus A380", "Boeing 787 Dreamliner".
fn split_special(doc: &Analyzed, df: &DocFeatures, m: Mention) -> Vec<Mention> {
    let r = m.tokens.clone();
    let n = r.len();
    if n >= 2 && n.is_multiple_of(2) {
        let h = n / 2;
        if (0..h).all(|k| df.toks[r.start + k].norm == df.toks[r.start + h + k].norm) {
            return vec![
                Mention {
                    tokens: r.start..r.start + h,
                    ty: m.ty,
                },
                Mention {
                    tokens: r.start + h..r.end,
                    ty: m.ty,
                },
            ];
        }
    }
    if m.ty == MISC && n >= 2 {
        let first_model = (r.start + 1..r.end).find(|&i| doc.tok(i).chars().any(|c| c.is_ascii_digit()));
        if let Some(k) = first_model {
            let maker_ok = (r.start..k).all(|i| is_cap(doc.tok(i)) && df.toks[i].gaz & F_DEMONYM == 0);
            if maker_ok {
                return vec![
                    Mention {
                        tokens: r.start..k,
                        ty: ORG,
                    },
                    Mention {
                        tokens: k..r.end,
                        ty: MISC,
                    },
                ];
            }
        }
    }
    vec![m]
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
        if lex.is_title(&df.toks[i].norm)
            && i + 1 < r.end
            && is_cap(doc.tok(i + 1))
            && !lex.is_org_suffix(&df.toks[i + 1].norm)
        {
            head = Some(i);
        }
    }
    let Some(h) = head else {
        // Leading title words only ("President" tagged with the name).
        let mut s = r.start;
        while s + 1 < r.end && titleish(lex, df, s) && m.ty == PER {
            s += 1;
        }
        out.push(Mention {
            tokens: s..r.end,
            ty: m.ty,
        });
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
        let ty = if df.toks[r.start].gaz
            & (super::lexicon::F_COUNTRY | super::lexicon::F_CITY | super::lexicon::F_REGION)
            != 0
        {
            LOC
        } else if df.toks[r.start].gaz & F_DEMONYM != 0 {
            MISC
        } else if m.ty == PER {
            ORG
        } else {
            m.ty
        };
        out.push(Mention {
            tokens: r.start..pe,
            ty,
        });
    }
    out.push(Mention {
        tokens: after,
        ty: PER,
    });
}

/// One type per name within a document: a name written the same way more than
/// once takes the type most of its mentions have (ties keep their own).
/// A name followed by an appositive whose head is a person's title or role
/// word ("…, a professor of politics", "…, an analyst at") is a person, even
/// where the tagger read an unfamiliar name as ORG or MISC.
fn described_as_people(doc: &Analyzed, lex: &Lexicon, ms: &mut [Mention]) {
    let n = doc.tokens.len();
    for m in ms.iter_mut() {
        if m.ty != ORG && m.ty != MISC {
            continue;
        }
        let e = m.tokens.end;
        if e + 2 >= n || doc.tok(e) != "," || !matches!(doc.tok(e + 1), "a" | "an") {
            continue;
        }
        for i in e + 2..(e + 6).min(n) {
            let w = doc.tok(i);
            if !w.chars().all(|c| c.is_lowercase() || c == '-') {
                break;
            }
            if lex.is_title(w) {
                m.ty = PER;
                break;
            }
        }
    }
}

/// A one-word name that is the last word of a person's full name written in
/// the same article ("Trump" after "Donald Trump", "Brunson" after "Xavier
/// Brunson") is that person, whatever the tagger read it as (a sentence-opening
/// "Trump has …" often comes out ORG). Only full names of two or more words
/// count as evidence.
fn surnames_of_people(df: &DocFeatures, ms: &mut [Mention]) {
    let surnames: std::collections::HashSet<&str> = ms
        .iter()
        .filter(|m| m.ty == PER && m.tokens.len() >= 2)
        .map(|m| df.toks[m.tokens.end - 1].norm.as_str())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    if surnames.is_empty() {
        return;
    }
    let retype: Vec<usize> = ms
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.ty != PER && m.tokens.len() == 1 && surnames.contains(df.toks[m.tokens.start].norm.as_str())
        })
        .map(|(i, _)| i)
        .collect();
    for i in retype {
        ms[i].ty = PER;
    }
}

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
