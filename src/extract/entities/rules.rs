//! Rules over the tagger's mentions: titles split off names ("Apple CEO
//! Steve Jobs" gives ORG "Apple" and PERSON "Steve Jobs"), organisation
//! suffixes ("RAND" and "Corp." give ORG "RAND Corp."), maker and model
//! number ("Boeing 787" gives ORG "Boeing"), trailing possessives and
//! punctuation, gazetteer places, and one type per name within a document.

use super::features::DocFeatures;
use super::lexicon::{Lexicon, F_COMPANY, F_DEMONYM, F_FIRST_NAME, F_SURNAME};
use super::tagger::Mention;
use crate::analyze::{Analyzed, TokenKind};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

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
    let rw = rule_words();
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
        // Legal form after a comma: "Mattel, Inc.", "Example Advisors, LLC".
        // Two capitals ("SA", "AG") also write places and people's initials:
        // only after a name already read as an ORG.
        let e = m.tokens.end;
        if m.ty != LOC && e + 1 < ntok && doc.tok(e) == "," && rw.legal.contains(doc.tok(e + 1)) {
            let f = doc.tok(e + 1);
            let short_caps = f.len() <= 2 && f.chars().all(|c| c.is_ascii_uppercase());
            if !short_caps || m.ty == ORG {
                m.tokens.end = e + 2;
                m.ty = ORG;
            }
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
    split_coordinated_orgs(doc, df, rw, &mut clean);
    places_from_gazetteer(doc, df, lex, &mut clean);
    companies_from_gazetteer(doc, df, lex, &mut clean);
    reader_metadata(doc, &mut clean);
    vote_types(doc, df, &mut clean);
    surnames_of_people(df, &mut clean);
    described_as_people(doc, lex, &mut clean);
    makers_are_orgs(doc, df, &mut clean);
    lone_names(doc, df, lex, &mut clean);
    acronym_definitions(doc, &mut clean);
    let tickers = ticker_parens(doc, df, rw, &mut clean);
    clean.sort_by_key(|m| m.tokens.start);
    split_trailing_tickers(doc, rw, &mut clean);
    bylines(doc, df, lex, &mut clean);
    portfolio_before_person(doc, df, lex, rw, &mut clean);
    hyphenated_surnames(doc, &mut clean);
    drop_clock_words(doc, &mut clean);
    drop_generic_words(doc, df, &mut clean);
    let lower = lower_words(doc);
    trim_place_headings(doc, df, lex, &lower, &mut clean);
    strip_leading_common(doc, df, &mut clean);
    org_evidence(doc, df, lex, rw, tickers, &mut clean);
    initials_of_names(doc, df, &mut clean);
    drop_common_acronyms(doc, rw, &mut clean);
    products(doc, df, lex, rw, &lower, &mut clean);
    common_word_and_number(doc, df, lex, &lower, &mut clean);
    laws_and_events(doc, &mut clean);
    brand_marks(doc, df, lex, &mut clean);
    common_word_mentions(doc, df, lex, &lower, &mut clean);
    title_word_opens_company(doc, df, lex, rw, &mut clean);
    online_services(doc, rw, &mut clean);
    attached_exclamation(doc, df, &mut clean);
    trailing_titles(doc, df, lex, &mut clean);
    spaced_hyphen_names(doc, df, &mut clean);
    // A legal form on its own ("Inc.", "LLC") is not a name.
    clean.retain(|m| !(m.tokens.clone()).all(|i| rw.legal.contains(doc.tok(i)) && doc.tok(i).len() > 2));
    // One type per name again, after the evidence rules.
    vote_types(doc, df, &mut clean);
    propagate_names(doc, df, lex, &mut clean);
    parties_are_misc(df, &mut clean);
    known_companies_last(df, lex, &mut clean);
    city_with_region(doc, df, lex, &mut clean);
    drop_opening_common_words(doc, df, lex, &mut clean);
    clean
}

/// A one-word mention that opens its sentence and is a common word ("Quotes
/// are delayed", "Asked about …") is not a name unless the article writes
/// the word capitalised mid-sentence too.
fn drop_opening_common_words(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut Vec<Mention>) {
    ms.retain(|m| {
        let i = m.tokens.start;
        let t = &df.toks[i];
        let opens = doc
            .sentence_at(doc.tokens[i].span.start)
            .is_some_and(|s| doc.sentences[s].tokens.start == i);
        !(m.tokens.len() == 1
            && opens
            && t.case == super::features::Case::Title
            && t.doc_case != b't'
            && t.gaz == 0
            && t.rule_flags & F_COMPANY == 0
            && lex.is_common(&t.norm))
    });
}

/// US state abbreviations as news writes them after a city ("Duluth, Ga.",
/// "San Rafael, CA"): only read right after "City,".
const STATE_ABBREVIATIONS: [&str; 94] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
    "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
    "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ga", "Ill.", "Ind.", "Kan.",
    "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.",
    "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.",
    "Va.", "Wash.", "Wis.", "Wyo.",
];

/// "Atlanta, Ga.", "San Rafael, CA", "Duluth, GA, USA" is one place: a place
/// that is not itself a country or region, a comma, a US state abbreviation
/// (and possibly a country after another comma). A city followed by a
/// spelled-out state or country ("Everett, Washington") stays two places, as
/// CoNLL annotates it (MEANTIME and FiNER join them; measured: joining those
/// too costs CoNLL 0.01 F1 and gains FiNER 0.003).
fn city_with_region(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let wide = |r: Range<usize>| {
        lex.place(&mkey(df, r))
            .is_some_and(|p| matches!(p.kind, "country" | "region"))
    };
    // The tokenizer may split the abbreviation's final dot ("Ga" ".").
    let region_at = |i: usize| -> Option<usize> {
        if i >= n {
            return None;
        }
        let w = doc.tok(i);
        let dot =
            i + 1 < n && doc.tok(i + 1) == "." && doc.tokens[i + 1].span.start == doc.tokens[i].span.end;
        if dot && STATE_ABBREVIATIONS.contains(&format!("{w}.").as_str()) {
            Some(i + 2)
        } else {
            STATE_ABBREVIATIONS.contains(&w).then_some(i + 1)
        }
    };
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    let mut k = 0;
    while k < ms.len() {
        let m = ms[k].clone();
        k += 1;
        let e = m.tokens.end;
        if m.ty != LOC || wide(m.tokens.clone()) || e + 1 >= n || doc.tok(e) != "," {
            out.push(m);
            continue;
        }
        let Some(mut end) = region_at(e + 1) else {
            out.push(m);
            continue;
        };
        // A country after the state: "Duluth, GA, USA".
        while k < ms.len() && ms[k].tokens.start < end {
            k += 1;
        }
        if end + 1 < n && doc.tok(end) == "," {
            if let Some(c) = ms.get(k).filter(|c| c.tokens.start == end + 1 && c.ty == LOC) {
                if lex
                    .place(&mkey(df, c.tokens.clone()))
                    .is_some_and(|p| p.kind == "country")
                    && !(c.tokens.end < n && doc.tok(c.tokens.end) == ",")
                {
                    end = c.tokens.end;
                    k += 1;
                }
            }
        }
        out.push(Mention {
            tokens: m.tokens.start..end,
            ty: LOC,
        });
    }
    *ms = out;
}

/// After every other rule, a mention that is exactly a known company's name
/// is an ORG ("companies like Google"), unless the name is also a word of a
/// person's full name in the article ("Ford" after "Gerald Ford").
fn known_companies_last(df: &DocFeatures, lex: &Lexicon, ms: &mut [Mention]) {
    let in_person: HashSet<&str> = ms
        .iter()
        .filter(|m| m.ty == PER && m.tokens.len() > 1)
        .flat_map(|m| m.tokens.clone().map(|i| df.toks[i].norm.as_str()))
        .collect();
    let retype: Vec<bool> = ms
        .iter()
        .map(|m| {
            m.ty != ORG
                && !m
                    .tokens
                    .clone()
                    .any(|i| in_person.contains(df.toks[i].norm.as_str()))
                && lex.is_company(&mkey(df, m.tokens.clone()))
        })
        .collect();
    for (m, r) in ms.iter_mut().zip(retype) {
        if r {
            m.ty = ORG;
        }
    }
}

/// A party named by its short name or its members ("Labor", "the Liberals",
/// "Democrats", "the GOP") is a political group, MISC (OntoNotes' NORP), not
/// an organisation mention; "the Labor Party" stays an ORG.
fn parties_are_misc(df: &DocFeatures, ms: &mut [Mention]) {
    for m in ms.iter_mut().filter(|m| m.ty == ORG && m.tokens.len() == 1) {
        if matches!(
            df.toks[m.tokens.start].norm.as_str(),
            "labor"
                | "labour"
                | "liberals"
                | "liberal"
                | "conservatives"
                | "tories"
                | "tory"
                | "democrats"
                | "republicans"
                | "gop"
                | "greens"
                | "coalition"
                | "nationals"
        ) {
            m.ty = MISC;
        }
    }
}

/// A well-known company's name (`entity_companies.txt`) written with its
/// capitals is an ORG: a mention that is exactly such a name takes the type,
/// and an untagged capitalised run that is one becomes a mention ("Nokia
/// declined to comment", "follow us on Twitter"). A common word opening a
/// sentence ("Orange juice …") is not taken.
fn companies_from_gazetteer(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut Vec<Mention>) {
    for m in ms.iter_mut() {
        if m.ty != ORG && lex.is_company(&mkey(df, m.tokens.clone())) {
            m.ty = ORG;
        }
    }
    let n = doc.tokens.len();
    let mut covered = vec![false; n];
    for m in ms.iter() {
        covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        if df.toks[i].rule_flags & F_COMPANY == 0 || covered[i] {
            i += 1;
            continue;
        }
        let mut e = i;
        while e < n && df.toks[e].rule_flags & F_COMPANY != 0 && !covered[e] {
            e += 1;
        }
        let key = mkey(df, i..e);
        // Written with a capital ("eBay" too) or opening with a digit ("3M").
        let capitalised = (i..e).all(|k| {
            let w = doc.tok(k);
            !df.toks[k].is_word
                || w.starts_with(|c: char| c.is_ascii_digit())
                || w.chars().any(char::is_uppercase)
        });
        let opens = doc
            .sentence_at(doc.tokens[i].span.start)
            .is_some_and(|s| doc.sentences[s].tokens.start == i);
        if capitalised && lex.is_company(&key) && !(opens && lex.is_common(&df.toks[i].norm)) {
            added.push(Mention {
                tokens: i..e,
                ty: ORG,
            });
        }
        i = e;
    }
    if !added.is_empty() {
        ms.extend(added);
        ms.sort_by_key(|m| m.tokens.start);
    }
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
    let key = |m: &Mention| mkey(df, m.tokens.clone());
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
/// tagger has no case to go on; or a one-word PERSON that is no word of a
/// person's full name in the article) is a LOCATION.
fn places_from_gazetteer(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut [Mention]) {
    // Words of people's full names ("Michael Jordan"): a one-word PERSON
    // that is one of them stays a person.
    let of_people: HashSet<&str> = ms
        .iter()
        .filter(|m| m.ty == PER && m.tokens.len() >= 2)
        .flat_map(|m| m.tokens.clone())
        .map(|i| df.toks[i].norm.as_str())
        .collect();
    for m in ms.iter_mut() {
        if m.ty == LOC {
            continue;
        }
        let Some(s) = doc.sentence_at(doc.tokens[m.tokens.start].span.start) else {
            continue;
        };
        let caps = df.caps_sentence[s];
        let lone_person =
            m.ty == PER && m.tokens.len() == 1 && !of_people.contains(df.toks[m.tokens.start].norm.as_str());
        if !(caps || m.ty == ORG || m.ty == MISC || lone_person) {
            continue;
        }
        // Results tables name teams by their city ("CHICAGO 8 2"): only
        // prose sentences.
        if !is_prose(doc, s) {
            continue;
        }
        if lex
            .place(&mkey(df, m.tokens.clone()))
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
/// Boeing"): retype it ORG; or a place, when it is written after "in",
/// "near", "outside" or "across" ("problems in Examplo").
fn lone_names(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut [Mention]) {
    let mut multi: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for m in ms.iter().filter(|m| m.ty == PER && m.tokens.len() > 1) {
        for i in m.tokens.clone() {
            multi.insert(df.toks[i].norm.as_str());
        }
    }
    // Per one-word name: (seen with a person cue, seen in prose)
    let mut keep: HashMap<&str, (bool, bool)> = HashMap::new();
    // One-word names written after a preposition of place ("in Examplo",
    // "near Examplo"; not "a stake in Examplo").
    let located: HashSet<&str> = (2..doc.tokens.len())
        .filter(|&i| {
            is_cap(doc.tok(i))
                && matches!(df.toks[i - 1].norm.as_str(), "in" | "near" | "outside" | "across")
                && !matches!(
                    df.toks[i - 2].norm.as_str(),
                    "stake"
                        | "stakes"
                        | "invest"
                        | "invested"
                        | "investment"
                        | "interest"
                        | "shares"
                        | "holding"
                )
        })
        .map(|i| df.toks[i].norm.as_str())
        .collect();
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
        // A common given name or surname ("Clinton", "Kelley") that is not a
        // known company's name.
        let g = df.toks[i].rule_flags;
        let named = g & (F_FIRST_NAME | F_SURNAME) != 0 && g & F_COMPANY == 0;
        let k = keep.entry(w).or_insert((false, false));
        k.0 |= titled || aged || named || multi.contains(w) || personal > neuter;
        k.1 |= prose;
    }
    for m in ms.iter_mut().filter(|m| m.ty == PER && m.tokens.len() == 1) {
        let w = df.toks[m.tokens.start].norm.as_str();
        if keep.get(w) == Some(&(false, true)) {
            m.ty = if located.contains(w) { LOC } else { ORG };
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
    // A known company whose name opens with a title word ("General Motors",
    // "General Motors Co.", "General Electric") is not a title and a name.
    if r.len() >= 2
        && titleish(lex, df, r.start)
        && (r.start + 2..=r.end).any(|k| lex.is_company(&mkey(df, r.start..k)))
    {
        out.push(Mention { tokens: r, ty: ORG });
        return;
    }
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
        // "General Motors": a title word followed only by organisation words
        // opens a company's name.
        if s > r.start && (s..r.end).all(|i| lex.is_org_suffix(&df.toks[i].norm)) {
            out.push(Mention { tokens: r, ty: ORG });
            return;
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
    let key = |m: &Mention| mkey(df, m.tokens.clone());
    let mut counts: HashMap<String, [u16; 4]> = HashMap::new();
    for m in ms.iter() {
        counts.entry(key(m)).or_default()[m.ty] += 1;
    }
    // A tie on a multi-word name ("Donald Trump" once a person, once a place)
    // is broken by how its last word alone is typed ("Trump" three times a
    // person).
    let tail = |m: &Mention| -> [u16; 4] {
        if m.tokens.len() < 2 {
            return [0; 4];
        }
        counts
            .get(df.toks[m.tokens.end - 1].norm.as_str())
            .copied()
            .unwrap_or_default()
    };
    let types: Vec<usize> = ms
        .iter()
        .map(|m| {
            let c = counts[&key(m)];
            let tl = tail(m);
            let best = (0..4).max_by_key(|&t| (c[t], tl[t], t == m.ty)).unwrap_or(m.ty);
            if c[best] > c[m.ty] || (c[best] == c[m.ty] && tl[best] > tl[m.ty]) {
                best
            } else {
                m.ty
            }
        })
        .collect();
    for (m, t) in ms.iter_mut().zip(types) {
        m.ty = t;
    }
    let _ = doc;
}

// ---------------------------------------------------------------------------
// Document-level evidence rules (business and financial news).

fn word_list(s: &'static str) -> HashSet<&'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The `data/lexicons/entity_rules_*` word lists.
struct RuleWords {
    /// "NYSE", "LSE": exchanges written before a ticker (case-sensitive).
    exchanges: HashSet<&'static str>,
    /// "Inc.", "LLC": legal forms written after a company name (case-sensitive).
    legal: HashSet<&'static str>,
    /// "retailer", "maker": nouns that describe a company (lower case).
    company_nouns: HashSet<&'static str>,
    /// "shares", "spokesman": words after a company's name (lower case).
    company_cues: HashSet<&'static str>,
    /// "state", "finance": portfolios in "Secretary of State" (lower case).
    domains: HashSet<&'static str>,
    /// "IPO", "EV", "FTTP": common-noun acronyms (case-sensitive).
    acronyms: HashSet<&'static str>,
    /// "Twitter", "Google Plus": online services, first word → full names.
    online: HashMap<&'static str, Vec<Vec<&'static str>>>,
}

fn rule_words() -> &'static RuleWords {
    static W: OnceLock<RuleWords> = OnceLock::new();
    W.get_or_init(|| RuleWords {
        domains: word_list(include_str!("../../../data/lexicons/entity_rules_domains.txt")),
        exchanges: word_list(include_str!("../../../data/lexicons/entity_rules_exchanges.txt")),
        legal: word_list(include_str!(
            "../../../data/lexicons/entity_rules_legal_forms.txt"
        )),
        company_nouns: word_list(include_str!(
            "../../../data/lexicons/entity_rules_company_nouns.txt"
        )),
        company_cues: word_list(include_str!(
            "../../../data/lexicons/entity_rules_company_cues.txt"
        )),
        acronyms: word_list(include_str!(
            "../../../data/lexicons/entity_rules_common_acronyms.txt"
        )),
        online: {
            let mut m: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::new();
            for l in word_list(include_str!(
                "../../../data/lexicons/entity_rules_online_services.txt"
            )) {
                let ws: Vec<&str> = l.split_whitespace().collect();
                m.entry(ws[0]).or_default().push(ws);
            }
            m
        },
    })
}

/// Last words of a company's name that the short name drops: legal forms and
/// a few words that only companies end with ("Example Motors" is "Example").
fn corporate_tail(rw: &RuleWords, surface: &str) -> bool {
    rw.legal.contains(surface)
        || matches!(
            surface.to_lowercase().as_str(),
            "motors"
                | "group"
                | "holdings"
                | "airlines"
                | "airways"
                | "technologies"
                | "electronics"
                | "industries"
                | "bancorp"
                | "pharmaceuticals"
                | "therapeutics"
                | "restaurants"
                | "networks"
        )
}

fn mkey(df: &DocFeatures, r: Range<usize>) -> String {
    r.map(|i| df.toks[i].norm.as_str()).collect::<Vec<_>>().join(" ")
}

/// Replace whatever overlaps `m` by `m`.
fn put(ms: &mut Vec<Mention>, m: Mention) {
    ms.retain(|o| o.tokens.end <= m.tokens.start || o.tokens.start >= m.tokens.end);
    ms.push(m);
}

/// Ticker-like: "GM", "BRK.B", "IL0A.BE" (an upper-case letter first, no
/// lower-case letters, at most ten characters).
fn is_ticker(w: &str) -> bool {
    w.len() <= 10
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

/// "(NYSE: GM)", "(LSE: BOO)": the exchange and the ticker are organisations,
/// and the name written right before the parenthesis is a listed company.
/// Returns the keys of those companies (evidence for [`org_evidence`]).
fn ticker_parens(doc: &Analyzed, df: &DocFeatures, rw: &RuleWords, ms: &mut Vec<Mention>) -> Vec<String> {
    let n = doc.tokens.len();
    let mut keys = Vec::new();
    for i in 0..n.saturating_sub(4) {
        if doc.tok(i) != "("
            || !rw.exchanges.contains(doc.tok(i + 1))
            || doc.tok(i + 2) != ":"
            || !is_ticker(doc.tok(i + 3))
            || !matches!(doc.tok(i + 4), ")" | "-" | "," | ";")
        {
            continue;
        }
        if let Some(p) = ms.iter().find(|m| m.tokens.end == i) {
            keys.push(mkey(df, p.tokens.clone()));
        }
        put(
            ms,
            Mention {
                tokens: i + 1..i + 2,
                ty: ORG,
            },
        );
        put(
            ms,
            Mention {
                tokens: i + 3..i + 4,
                ty: ORG,
            },
        );
    }
    keys
}

const FUNCTION_WORDS: [&str; 11] = ["of", "and", "the", "for", "&", "to", "on", "in", "de", "a", "an"];

/// Do the words end with a run whose initials spell `letters` (function words
/// may or may not give their initial; a content word may give its first
/// letters, "operational control" → OPCON)? Returns where the run starts.
fn initials_match(words: &[&str], letters: &[char]) -> Option<usize> {
    fn go(words: &[&str], letters: &[char]) -> Option<usize> {
        if letters.is_empty() {
            return Some(words.len());
        }
        let (w, rest) = words.split_last()?;
        let lw: Vec<char> = w.chars().flat_map(char::to_lowercase).collect();
        let function = FUNCTION_WORDS.contains(&w.to_lowercase().as_str());
        // The word gives its initial, or (content words) a longer opening
        // ("operational control" → OPCON).
        let most = if function { 1 } else { lw.len().min(letters.len()) };
        for k in 1..=most {
            if letters[letters.len() - k..] == lw[..k] {
                if let Some(s) = go(rest, &letters[..letters.len() - k]) {
                    return Some(s);
                }
            }
        }
        if function {
            return go(rest, letters);
        }
        None
    }
    let s = go(words, letters)?;
    // The run may not open with a function word.
    (s < words.len() && !FUNCTION_WORDS.contains(&words[s].to_lowercase().as_str())).then_some(s)
}

/// An acronym defined in parentheses. After a tagged name it is that name's
/// short form and takes its type ("Reserve Bank of India (RBI)", "Keio Plaza
/// Hotel (KPH)", "Examplo Partners (Examplo)"). After a phrase of common
/// nouns it is a term, not a name, wherever it is written ("external
/// commercial borrowings (ECB)", "fibre to the premises (FTTP)").
/// "known as", "called", "dubbed" before a defined short form.
fn introduces_short_form(a: &str, b: &str) -> bool {
    matches!(
        (a.to_lowercase().as_str(), b.to_lowercase().as_str()),
        ("known", "as") | ("also", "called") | ("or", "simply")
    )
}

fn acronym_definitions(doc: &Analyzed, ms: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut terms: HashSet<&str> = HashSet::new();
    for j in 1..n {
        // "phrase (ACR)" or "phrase, known as ACR": `i` is where the phrase
        // ends, `j` the acronym.
        let i = if j + 1 < n && doc.tok(j - 1) == "(" && doc.tok(j + 1) == ")" {
            j - 1
        } else if j >= 4
            && doc.tok(j - 3) == ","
            && introduces_short_form(doc.tok(j - 2), doc.tok(j - 1))
            && (j + 1 == n || doc.tokens[j + 1].kind == TokenKind::Punct)
        {
            j - 3
        } else {
            continue;
        };
        let a = doc.tok(j);
        if i == 0 || doc.tokens[j].kind != TokenKind::Word {
            continue;
        }
        let uppers = a.chars().filter(|c| c.is_uppercase()).count();
        if uppers < 2 || a.chars().count() > 8 {
            continue;
        }
        let letters: Vec<char> = a
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(p) = ms.iter().find(|m| m.tokens.end == i).cloned() {
            let words: Vec<&str> = p.tokens.clone().map(|k| doc.tok(k)).collect();
            let all_caps = a.chars().all(|c| !c.is_lowercase());
            let alias = (all_caps && initials_match(&words, &letters) == Some(0))
                || words.first().is_some_and(|w| *w == a && words.len() > 1);
            if alias && p.ty != PER {
                put(
                    ms,
                    Mention {
                        tokens: j..j + 1,
                        ty: p.ty,
                    },
                );
            }
            continue;
        }
        if a.chars().any(|c| c.is_lowercase()) {
            continue;
        }
        // Up to 10 words back within the sentence, not crossing punctuation.
        let mut s = i;
        while s > 0 && i - s < 10 && doc.tokens[s - 1].kind == TokenKind::Word {
            s -= 1;
        }
        let words: Vec<&str> = (s..i).map(|k| doc.tok(k)).collect();
        if let Some(k) = initials_match(&words, &letters) {
            let content: Vec<&str> = words[k..]
                .iter()
                .copied()
                .filter(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
                .collect();
            if content.iter().skip(1).any(|w| !is_cap(w)) {
                terms.insert(a);
            }
        }
    }
    if !terms.is_empty() {
        ms.retain(|m| !(m.tokens.len() == 1 && terms.contains(doc.tok(m.tokens.start))));
    }
}

const PLACE_FLAGS: u32 = super::lexicon::F_COUNTRY | super::lexicon::F_CITY | super::lexicon::F_REGION;

/// What companies, not places, do (after the name, maybe after "is"/"has").
const COMPANY_VERBS: [&str; 30] = [
    "announced",
    "announces",
    "declined",
    "declines",
    "reported",
    "reports",
    "posted",
    "unveiled",
    "unveils",
    "launched",
    "launches",
    "recalled",
    "recalling",
    "acquired",
    "acquires",
    "acquiring",
    "hired",
    "employs",
    "manufactures",
    "shipped",
    "ships",
    "sells",
    "filed",
    "listed",
    "traded",
    "trades",
    "headquartered",
    "based",
    "founded",
    "incorporated",
];

/// Strong evidence that a name is a company, from any one of its mentions,
/// types all its mentions ORG: a legal form or company word ending a longer
/// mention ("Examplo Corp" makes "Examplo" a company), a ticker after it
/// (see [`ticker_parens`]), "Examplo shares"/"Examplo's chief executive",
/// a company noun before it ("online retailer Examplo") or heading an
/// appositive or predicate after it ("Examplo, a Boston-based maker of …",
/// "Examplo is a division of …"), "shares of Examplo". A name with evidence of
/// a person (a first name, "Mr.", "Dr.") is left alone.
fn org_evidence(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    rw: &RuleWords,
    ticker_keys: Vec<String>,
    ms: &mut [Mention],
) {
    let n = doc.tokens.len();
    let tok_lower = |i: usize| df.toks[i].norm.as_str();
    let lower_word = |i: usize| doc.tokens[i].kind == TokenKind::Word && !is_cap(doc.tok(i));
    // Person evidence.
    let mut personal: HashSet<String> = HashSet::new();
    for m in ms.iter() {
        // The surname of a full name ("Smith" after "Jane Smith").
        if m.ty == PER && m.tokens.len() > 1 {
            personal.insert(tok_lower(m.tokens.end - 1).to_string());
        }
        let s = m.tokens.start;
        if s > 0
            && matches!(
                tok_lower(s - 1),
                "mr." | "mrs." | "ms." | "dr." | "mr" | "mrs" | "ms" | "dr" | "sir"
            )
        {
            personal.insert(mkey(df, m.tokens.clone()));
        }
    }
    let place = |k: &str| lex.place(k).is_some();
    let mut org: HashSet<String> = ticker_keys.into_iter().collect();
    for m in ms.iter() {
        let (s, e) = (m.tokens.start, m.tokens.end);
        let key = mkey(df, m.tokens.clone());
        // A longer company name: "Examplo Corp", "Examplo Motors Co." → "Examplo".
        if m.ty == ORG && m.tokens.len() > 1 {
            let mut t = e;
            while t > s + 1 && corporate_tail(rw, doc.tok(t - 1)) {
                t -= 1;
                let k = mkey(df, s..t);
                if !place(&k) && !(t - s == 1 && (lex.is_title(&k) || df.toks[s].gaz & F_DEMONYM != 0)) {
                    org.insert(k);
                }
            }
        }
        let mut ev = false;
        // "Examplo shares", "Examplo's CEO", "Examplo's chief executive".
        let mut j = e;
        if j < n && is_possessive(doc.tok(j)) {
            j += 1;
        }
        if j < n && doc.tokens[j].kind == TokenKind::Word {
            let w = tok_lower(j);
            // Capitalised, as a title before a person: "Examplo Chairman Jane Doe".
            let title_cue = matches!(
                w,
                "ceo"
                    | "cfo"
                    | "coo"
                    | "chairman"
                    | "chairwoman"
                    | "spokesman"
                    | "spokeswoman"
                    | "founder"
                    | "co-founder"
            ) && ms
                .iter()
                .any(|p| p.ty == PER && p.tokens.start > j && p.tokens.start <= j + 4);
            ev |= (lower_word(j) && rw.company_cues.contains(w))
                || title_cue
                || (w == "chief"
                    && j + 1 < n
                    && matches!(tok_lower(j + 1), "executive" | "financial" | "operating"));
        }
        // "online retailer Examplo", "pharmaceutical company, Examplo".
        if s >= 1 {
            let mut k = s - 1;
            let comma = doc.tok(k) == "," && k >= 2;
            if comma {
                k -= 1;
            }
            if lower_word(k) && rw.company_nouns.contains(tok_lower(k)) {
                ev |= !comma
                    || (k >= 1
                        && lower_word(k - 1)
                        && !matches!(tok_lower(k - 1), "the" | "a" | "an" | "this" | "that"));
            }
        }
        // "shares of Examplo", "stake in Examplo".
        if s >= 2
            && matches!(
                (tok_lower(s - 2), tok_lower(s - 1)),
                ("shares", "of") | ("stake", "in") | ("stock", "of")
            )
        {
            ev = true;
        }
        // "Examplo, a Boston-based maker of …", "Examplo is a division of …".
        let a = if e + 1 < n && (doc.tok(e) == "," || matches!(tok_lower(e), "is" | "was")) {
            e + 1
        } else {
            n
        };
        if a < n && matches!(tok_lower(a), "a" | "an" | "the") {
            for i in a + 1..(a + 7).min(n) {
                let w = doc.tok(i);
                if doc.tokens[i].kind != TokenKind::Word || !(lower_word(i) || w.contains("-based")) {
                    break;
                }
                if lex.is_title(tok_lower(i)) {
                    break;
                }
                if rw.company_nouns.contains(tok_lower(i)) {
                    ev = true;
                    break;
                }
            }
        }
        // A name read as a place that is not a known one, doing what
        // companies do: "Examplo declined to comment", "Examplo is recalling".
        if (m.ty == LOC || m.ty == MISC) && m.tokens.len() == 1 && df.toks[s].gaz & PLACE_FLAGS == 0 {
            let mut v = e;
            if v + 1 < n && matches!(tok_lower(v), "is" | "was" | "has" | "had") {
                v += 1;
            }
            ev |= v < n && COMPANY_VERBS.contains(&tok_lower(v));
        }
        if ev && !place(&key) {
            org.insert(key);
        }
    }
    if org.is_empty() {
        return;
    }
    for m in ms.iter_mut() {
        if m.ty == ORG || m.ty == MISC && m.tokens.len() > 1 {
            continue;
        }
        let key = mkey(df, m.tokens.clone());
        if org.contains(&key) && !personal.contains(&key) {
            m.ty = ORG;
        }
    }
}

/// One name, every mention: a name the article has tagged (PERSON, ORG,
/// LOCATION) is tagged wherever else it is written the same way, where the
/// tagger missed it ("GM" in a headline, after a time stamp or in a ticker).
/// Single words written in lower case elsewhere in the article, title words
/// and words that run into another capitalised word are left alone.
fn propagate_names(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    // surface tokens → type counts
    let mut names: HashMap<Vec<&str>, [u16; 3]> = HashMap::new();
    for m in ms.iter().filter(|m| m.ty != MISC) {
        let surf: Vec<&str> = m.tokens.clone().map(|i| doc.tok(i)).collect();
        names.entry(surf).or_default()[m.ty] += 1;
    }
    let mut by_first: HashMap<&str, Vec<(Vec<&str>, usize)>> = HashMap::new();
    for (surf, c) in names {
        let ty = (0..3).max_by_key(|&t| c[t]).unwrap_or(ORG);
        if (0..3).any(|t| t != ty && c[t] == c[ty]) {
            continue;
        }
        if surf.len() == 1 {
            let w = surf[0];
            if w.chars().count() < 2 || lex.is_title(&w.to_lowercase()) {
                continue;
            }
        }
        by_first.entry(surf[0]).or_default().push((surf, ty));
    }
    if by_first.is_empty() {
        return;
    }
    let mut covered = vec![false; n];
    for m in ms.iter() {
        covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    // A capitalised word that is not a common word written with a capital
    // (lower case elsewhere in the article, or opening its sentence).
    let capword = |i: usize| {
        doc.tokens[i].kind == TokenKind::Word
            && is_cap(doc.tok(i))
            && df.toks[i].doc_case != b'l'
            && doc
                .sentence_at(doc.tokens[i].span.start)
                .is_none_or(|s| doc.sentences[s].tokens.start != i)
    };
    let same_sentence = |a: usize, b: usize| {
        doc.sentence_at(doc.tokens[a].span.start) == doc.sentence_at(doc.tokens[b].span.start)
    };
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(cands) = (!covered[i]).then(|| by_first.get(doc.tok(i))).flatten() else {
            i += 1;
            continue;
        };
        let mut hit = None;
        for (surf, ty) in cands {
            let l = surf.len();
            if i + l > n || (0..l).any(|k| covered[i + k] || doc.tok(i + k) != surf[k]) {
                continue;
            }
            if l == 1 && (df.toks[i].doc_case == b'l' || df.toks[i].gaz & super::lexicon::F_CALENDAR != 0) {
                continue;
            }
            let before = i > 0 && capword(i - 1) && !covered[i - 1] && same_sentence(i - 1, i);
            let after = i + l < n && capword(i + l) && !covered[i + l] && same_sentence(i, i + l);
            if before || after {
                continue;
            }
            if hit.as_ref().is_none_or(|(hl, _)| l > *hl) {
                hit = Some((l, *ty));
            }
        }
        if let Some((l, ty)) = hit {
            added.push(Mention { tokens: i..i + l, ty });
            i += l;
        } else {
            i += 1;
        }
    }
    ms.extend(added);
    ms.sort_by_key(|m| m.tokens.start);
}

/// An all-capitals short form whose letters are the initials of a longer
/// name tagged in the same article takes that name's type ("GM" after
/// "General Motors", "RBI" after "Reserve Bank of India"); the propagation
/// rule then finds its other mentions.
fn initials_of_names(doc: &Analyzed, df: &DocFeatures, ms: &mut [Mention]) {
    let mut full: HashMap<String, Option<usize>> = HashMap::new();
    for m in ms
        .iter()
        .filter(|m| m.tokens.len() >= 2 && (m.ty == ORG || m.ty == LOC))
    {
        let init: String = m
            .tokens
            .clone()
            .filter(|&i| {
                doc.tokens[i].kind == TokenKind::Word && !FUNCTION_WORDS.contains(&df.toks[i].norm.as_str())
            })
            .filter_map(|i| doc.tok(i).chars().next())
            .collect();
        if init.chars().count() < 2 || !init.chars().all(|c| c.is_uppercase()) {
            continue;
        }
        let e = full.entry(init).or_insert(Some(m.ty));
        if *e != Some(m.ty) {
            *e = None;
        }
    }
    for m in ms.iter_mut().filter(|m| m.tokens.len() == 1) {
        let w = doc.tok(m.tokens.start);
        if let Some(Some(ty)) = full.get(w) {
            m.ty = *ty;
        }
    }
}

/// Times and time zones are not names: "10:35 AM", "5:05 GMT".
fn drop_clock_words(doc: &Analyzed, ms: &mut Vec<Mention>) {
    ms.retain(|m| {
        let i = m.tokens.start;
        !(m.tokens.len() == 1
            && i > 0
            && doc.tokens[i - 1].kind == TokenKind::Number
            && matches!(
                doc.tok(i),
                "AM" | "PM"
                    | "A.M."
                    | "P.M."
                    | "GMT"
                    | "UTC"
                    | "BST"
                    | "CET"
                    | "CEST"
                    | "EST"
                    | "EDT"
                    | "CST"
                    | "CDT"
                    | "PST"
                    | "PDT"
                    | "MST"
                    | "MDT"
                    | "IST"
                    | "JST"
                    | "HKT"
                    | "SGT"
                    | "AEST"
                    | "AEDT"
            ))
    });
}

/// A bare generic word ("the Company", "the Fund") is a defined term, not a name.
fn drop_generic_words(doc: &Analyzed, df: &DocFeatures, ms: &mut Vec<Mention>) {
    ms.retain(|m| {
        !(m.tokens.len() == 1
            && m.ty == ORG
            && is_cap(doc.tok(m.tokens.start))
            && matches!(
                df.toks[m.tokens.start].norm.as_str(),
                "company"
                    | "corporation"
                    | "fund"
                    | "bank"
                    | "group"
                    | "government"
                    | "firm"
                    | "trust"
                    | "partnership"
            ))
    });
}

/// A place mention that runs on into capitalised common words (a title-case
/// heading: "Bahrain Upstream Oil", "UK Markets") is the place alone, when the
/// place is a known country, city or region and the words after it are
/// written in lower case elsewhere in the article (and are not words of a
/// place name: "Sea", "Bay").
fn trim_place_headings(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    lower: &HashSet<&str>,
    ms: &mut [Mention],
) {
    for m in ms.iter_mut().filter(|m| m.ty == LOC && m.tokens.len() >= 2) {
        let r = m.tokens.clone();
        if lex.place(&mkey(df, r.clone())).is_some() {
            continue;
        }
        let Some(p) = (r.start + 1..r.end).rev().find(|&p| {
            lex.place(&mkey(df, r.start..p))
                .is_some_and(|pl| matches!(pl.kind, "country" | "city" | "region"))
        }) else {
            continue;
        };
        let common = (p..r.end).all(|i| {
            lower.contains(df.toks[i].norm.as_str())
                && !matches!(
                    df.toks[i].norm.as_str(),
                    "sea"
                        | "gulf"
                        | "coast"
                        | "island"
                        | "islands"
                        | "river"
                        | "valley"
                        | "bay"
                        | "peninsula"
                        | "strait"
                        | "mountains"
                        | "basin"
                        | "delta"
                        | "city"
                        | "state"
                        | "province"
                        | "region"
                        | "county"
                        | "lake"
                        | "harbour"
                        | "harbor"
                        | "park"
                        | "street"
                        | "square"
                )
        });
        if common && doc.tok(p - 1) != "-" {
            m.tokens.end = p;
        }
    }
}

/// "Jane Amponsah - Bediako": a person's name, a hyphen and one capitalised
/// word not followed by another is a double-barrelled surname written with
/// spaces around the hyphen.
fn hyphenated_surnames(doc: &Analyzed, ms: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut k = 0;
    while k < ms.len() {
        let e = ms[k].tokens.end;
        if ms[k].ty == PER
            && e + 1 < n
            && doc.tok(e) == "-"
            && doc.tokens[e + 1].kind == TokenKind::Word
            && is_cap(doc.tok(e + 1))
            && !(e + 2 < n && doc.tokens[e + 2].kind == TokenKind::Word && is_cap(doc.tok(e + 2)))
            && ms
                .get(k + 1)
                .is_none_or(|nx| nx.tokens.start > e + 1 || nx.tokens == (e + 1..e + 2))
        {
            if ms.get(k + 1).is_some_and(|nx| nx.tokens == (e + 1..e + 2)) {
                ms.remove(k + 1);
            }
            ms[k].tokens.end = e + 2;
        }
        k += 1;
    }
}

/// Words the article writes in lower case somewhere (common words).
fn lower_words<'a>(doc: &Analyzed<'a>) -> HashSet<&'a str> {
    (0..doc.tokens.len())
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .map(|i| doc.tok(i))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
        .collect()
}

const LEADING_COMMON: [&str; 36] = [
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "does", "do", "did", "has",
    "have", "had", "how", "why", "what", "when", "where", "who", "which", "if", "but", "and", "or", "so",
    "as", "while", "after", "before", "neither", "imagine", "more", "load", "play",
];

/// A capitalised common word that opens a sentence or heading is not part of
/// the name after it: "Will General Motors be next?", "How GM plans …"
/// (question, auxiliary and conjunction words).
fn strip_leading_common(doc: &Analyzed, df: &DocFeatures, ms: &mut [Mention]) {
    for m in ms.iter_mut().filter(|m| m.tokens.len() >= 2) {
        let s = m.tokens.start;
        let w = df.toks[s].norm.as_str();
        let first_of_sentence = doc
            .sentence_at(doc.tokens[s].span.start)
            .is_some_and(|k| doc.sentences[k].tokens.start == s);
        if !is_cap(doc.tok(s)) || doc.tok(s).chars().all(|c| c.is_uppercase()) {
            continue;
        }
        // "Will Smith" is a name.
        if LEADING_COMMON.contains(&w) && first_of_sentence && !(m.ty == PER && w == "will") {
            m.tokens.start += 1;
        }
    }
}

/// Market-data style "Examplo Corp. EXM -0.36%" or "Examplo EXM 1.4%": the
/// ticker written after a company's name is a separate organisation mention.
fn split_trailing_tickers(doc: &Analyzed, rw: &RuleWords, ms: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut extra = Vec::new();
    for m in ms.iter_mut().filter(|m| m.ty != LOC && m.tokens.len() >= 2) {
        let t = m.tokens.end - 1;
        let w = doc.tok(t);
        if !(is_ticker(w) && w.len() <= 5 && !w.contains('-')) || rw.legal.contains(w) {
            continue;
        }
        let after_legal = rw.legal.contains(doc.tok(t - 1));
        let mut k = t + 1;
        if k < n && matches!(doc.tok(k), "-" | "+" | "−") {
            k += 1;
        }
        // A price change: a number and a percent sign ("-0.36%").
        let change = k + 1 < n
            && doc.tokens[k].kind == TokenKind::Number
            && (doc.tok(k).ends_with('%') || doc.tok(k + 1) == "%");
        // The name before the ticker is written in mixed case.
        let mixed = (m.tokens.start..t).any(|i| doc.tok(i).chars().any(|c| c.is_lowercase()));
        if mixed && (after_legal || change) {
            m.tokens.end = t;
            m.ty = ORG;
            extra.push(Mention {
                tokens: t..t + 1,
                ty: ORG,
            });
        }
    }
    // The ticker just after the company's mention: "Examplo Group EXM -1.5%".
    for (k, m) in ms.iter().enumerate().filter(|(_, m)| m.ty == ORG) {
        let t = m.tokens.end;
        if t + 2 >= n || !is_ticker(doc.tok(t)) || doc.tok(t).len() > 5 || rw.legal.contains(doc.tok(t)) {
            continue;
        }
        if ms.get(k + 1).is_some_and(|nx| nx.tokens.start <= t) || extra.iter().any(|x| x.tokens.start == t) {
            continue;
        }
        let mut j = t + 1;
        if matches!(doc.tok(j), "-" | "+" | "−") {
            j += 1;
        }
        if j + 1 < n
            && doc.tokens[j].kind == TokenKind::Number
            && (doc.tok(j).ends_with('%') || doc.tok(j + 1) == "%")
        {
            extra.push(Mention {
                tokens: t..t + 1,
                ty: ORG,
            });
        }
    }
    if !extra.is_empty() {
        ms.extend(extra);
        ms.sort_by_key(|m| m.tokens.start);
    }
}

/// "Secretary of State Jane Doe", "Minister for Innovation John Roe": a
/// portfolio word the tagger took into the name after "<title> of/for" is
/// part of the role; the rest is the person.
fn portfolio_before_person(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    rw: &RuleWords,
    ms: &mut [Mention],
) {
    for m in ms
        .iter_mut()
        .filter(|m| m.ty != LOC && (3..=4).contains(&m.tokens.len()))
    {
        let s = m.tokens.start;
        if s < 2
            || !matches!(df.toks[s - 1].norm.as_str(), "of" | "for")
            || !lex.is_title(&df.toks[s - 2].norm)
            || !rw.domains.contains(df.toks[s].norm.as_str())
        {
            continue;
        }
        let rest = s + 1..m.tokens.end;
        let name_like = rest.clone().all(|i| {
            doc.tokens[i].kind == TokenKind::Word
                && is_cap(doc.tok(i))
                && !lex.is_org_suffix(&df.toks[i].norm)
                && df.toks[i].gaz & (F_DEMONYM | PLACE_FLAGS) == 0
        });
        if name_like {
            m.tokens.start = s + 1;
            m.ty = PER;
        }
    }
}

/// Bylines and wire credits name people: "By Jane Doe", "(Reporting by Jane
/// Doe; Editing by John Roe)", "(by Jane Doe)". The two or three capitalised
/// words after the cue are a person; an ALL-CAPS dateline word after them
/// ("By Jane Doe TOKYO (Reuters)") is not part of the name.
fn bylines(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut found = Vec::new();
    for i in 0..n.saturating_sub(2) {
        if df.toks[i].norm != "by" {
            continue;
        }
        let line_start = i == 0 || doc.text[..doc.tokens[i].span.start].ends_with('\n');
        let cue = (doc.tok(i) == "By" && line_start)
            || (i > 0
                && (doc.tok(i - 1) == "("
                    || matches!(df.toks[i - 1].norm.as_str(), "reporting" | "writing" | "editing")));
        if !cue {
            continue;
        }
        let s = i + 1;
        let mut e = s;
        while e < n
            && e - s < 3
            && doc.tokens[e].kind == TokenKind::Word
            && is_cap(doc.tok(e))
            && doc.tok(e).chars().any(|c| c.is_lowercase())
            && !lex.is_title(&df.toks[e].norm)
            && !lex.is_org_suffix(&df.toks[e].norm)
        {
            e += 1;
        }
        let stop_ok = e >= n
            || !(doc.tokens[e].kind == TokenKind::Word && doc.tok(e).chars().any(|c| c.is_lowercase()));
        if e - s >= 2 && stop_ok {
            found.push(s..e);
        }
    }
    for r in found {
        // Leave a longer ORG alone ("by Example Capital Partners").
        if ms
            .iter()
            .any(|m| m.ty == ORG && m.tokens.start <= r.start && m.tokens.end > r.end)
        {
            continue;
        }
        put(ms, Mention { tokens: r, ty: PER });
    }
    ms.sort_by_key(|m| m.tokens.start);
}

/// Common-noun acronyms are not names: "the FTA", "an IPO", "EV sales"
/// (see `entity_rules_common_acronyms.txt`). Nor is the letter of a form
/// number: "Form 8 - K".
fn drop_common_acronyms(doc: &Analyzed, rw: &RuleWords, ms: &mut Vec<Mention>) {
    ms.retain(|m| {
        if m.tokens.len() != 1 {
            return true;
        }
        let i = m.tokens.start;
        let w = doc.tok(i);
        let letter = w.chars().count() == 1 && i > 0 && doc.tok(i - 1) == "-";
        !(letter || rw.acronyms.contains(w))
    });
}

/// Is `w` a common-noun acronym or its plural ("EV", "SUVs")?
fn is_common_acronym(rw: &RuleWords, w: &str) -> bool {
    (rw.acronyms.contains(w) && !rw.legal.contains(w))
        || (w.len() >= 3
            && w.ends_with('s')
            && w[..w.len() - 1].chars().all(|c| c.is_ascii_uppercase())
            && rw.acronyms.contains(&w[..w.len() - 1]))
}

/// Maker and product. A mention that opens with a maker (a one-word ORG of
/// the article) and goes on with a model name is the maker (ORG) and the
/// product (MISC): "Examplo Zephyr" when the article also writes "the
/// Zephyr", "Examplo Z40", "Examplo Zephyr EV". The product's words are a
/// product wherever they are a mention of their own ("the Zephyr"). A name
/// ending in a common-noun acronym that has no maker ("Android OS", "Super
/// PAC") is a product or a kind of thing, not a name.
fn products(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    rw: &RuleWords,
    lower: &HashSet<&str>,
    ms: &mut Vec<Mention>,
) {
    let n = doc.tokens.len();
    let makers: HashSet<&str> = ms
        .iter()
        .filter(|m| m.ty == ORG && m.tokens.len() == 1)
        .map(|m| df.toks[m.tokens.start].norm.as_str())
        .filter(|k| lex.place(k).is_none())
        .collect();
    // Capitalised words written on their own after a determiner: "the Zephyr".
    let mut det: HashSet<&str> = HashSet::new();
    for i in 1..n {
        let next_cap = i + 1 < n && doc.tokens[i + 1].kind == TokenKind::Word && is_cap(doc.tok(i + 1));
        if matches!(doc.tok(i - 1), "the" | "The" | "its" | "a" | "an" | "new")
            && doc.tokens[i].kind == TokenKind::Word
            && is_cap(doc.tok(i))
            && !next_cap
        {
            det.insert(df.toks[i].norm.as_str());
        }
    }
    let model_word = |i: usize| {
        let t = &df.toks[i];
        let w = doc.tok(i);
        let digit = w.chars().any(|c| c.is_ascii_digit());
        (doc.tokens[i].kind == TokenKind::Word && (is_cap(w) || digit)
            || doc.tokens[i].kind == TokenKind::Number)
            && !lex.is_org_suffix(&t.norm)
            && !lex.is_title(&t.norm)
            && !rw.legal.contains(w)
            && !corporate_tail(rw, w)
            && t.gaz & (PLACE_FLAGS | F_DEMONYM) == 0
    };
    // Words the article tags as places are not model names ("Examplo Chechnya").
    let places: HashSet<&str> = ms
        .iter()
        .filter(|m| m.ty == LOC)
        .flat_map(|m| m.tokens.clone())
        .map(|i| df.toks[i].norm.as_str())
        .collect();
    // Acronym-ended names written after "a"/"an": a kind of thing ("a Super PAC").
    let indefinite: HashSet<String> = ms
        .iter()
        .filter(|m| {
            m.tokens.len() >= 2
                && m.tokens.start > 0
                && matches!(df.toks[m.tokens.start - 1].norm.as_str(), "a" | "an")
                && is_common_acronym(rw, doc.tok(m.tokens.end - 1))
        })
        .map(|m| mkey(df, m.tokens.clone()))
        .collect();
    let mut product_keys: HashSet<String> = HashSet::new();
    let mut extra: Vec<Mention> = Vec::new();
    for m in ms.iter_mut().filter(|m| m.tokens.len() >= 2) {
        let (s, e) = (m.tokens.start, m.tokens.end);
        let last = doc.tok(e - 1);
        let acr_tail = is_common_acronym(rw, last);
        if makers.contains(df.toks[s].norm.as_str())
            && (s + 1..e).all(|i| model_word(i) && !places.contains(df.toks[i].norm.as_str()))
        {
            let digit = (s + 1..e).any(|i| doc.tok(i).chars().any(|c| c.is_ascii_digit()));
            if digit || acr_tail || det.contains(df.toks[s + 1].norm.as_str()) {
                m.tokens.end = s + 1;
                m.ty = ORG;
                let tail = if acr_tail && e - s > 2 {
                    s + 1..e - 1
                } else {
                    s + 1..e
                };
                product_keys.insert(mkey(df, tail));
                extra.push(Mention {
                    tokens: s + 1..e,
                    ty: MISC,
                });
                continue;
            }
        }
        if acr_tail && lex.is_title(&df.toks[e - 1].norm) {
            // "Examplo CEO": the role is not part of the name.
            m.tokens.end = e - 1;
        } else if acr_tail
            && (m.ty != ORG
                || lower.contains(doc.tok(s).to_lowercase().as_str())
                || lex.is_common(&df.toks[s].norm)
                || indefinite.contains(&mkey(df, m.tokens.clone())))
        {
            // An ORG ending in an acronym is left alone unless it opens
            // with a common word or takes "a" ("a Super PAC"; "Examplo FX"
            // is a company).
            m.ty = MISC;
        }
    }
    ms.extend(extra);
    ms.sort_by_key(|m| m.tokens.start);
    if product_keys.is_empty() {
        return;
    }
    for m in ms.iter_mut().filter(|m| m.ty == PER || m.ty == ORG) {
        if product_keys.contains(&mkey(df, m.tokens.clone())) {
            m.ty = MISC;
        }
    }
}

/// A common word (or one the article writes in lower case) followed by a
/// number in every one of its mentions is a model or a numbered item, not a name: "Model 3", "Item 8.01", "Form 10".
/// The mention becomes a product (MISC).
fn common_word_and_number(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    lower: &HashSet<&str>,
    ms: &mut [Mention],
) {
    let n = doc.tokens.len();
    let numbered = |i: usize| {
        i + 1 < n && {
            let w = doc.tok(i + 1);
            let year = w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
            (doc.tokens[i + 1].kind == TokenKind::Number && !year)
                || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
        }
    };
    // Per word: (mentions, mentions followed by a number).
    let mut count: HashMap<&str, (u32, u32)> = HashMap::new();
    for m in ms.iter().filter(|m| m.tokens.len() == 1) {
        let i = m.tokens.start;
        let c = count.entry(df.toks[i].norm.as_str()).or_default();
        c.0 += 1;
        c.1 += u32::from(numbered(i));
    }
    for m in ms.iter_mut().filter(|m| m.tokens.len() == 1) {
        let k = df.toks[m.tokens.start].norm.as_str();
        let common = lex.is_common(k) || lower.contains(doc.tok(m.tokens.start).to_lowercase().as_str());
        if common && count.get(k).is_some_and(|&(a, b)| a == b) {
            m.ty = MISC;
        }
    }
}

/// Laws and events are MISC: "Examplo Protection Act", "Spring Tournament",
/// "Small Business Month", "Northern Food Expo".
fn laws_and_events(doc: &Analyzed, ms: &mut [Mention]) {
    for m in ms.iter_mut().filter(|m| m.tokens.len() >= 2 && m.ty != MISC) {
        let last = doc.tok(m.tokens.end - 1);
        let strong = matches!(
            last,
            "Act"
                | "Tournament"
                | "Championship"
                | "Championships"
                | "Cup"
                | "Awards"
                | "Month"
                | "Week"
                | "Festival"
                | "Expo"
        );
        let weak = matches!(last, "Games" | "Summit" | "Index" | "Prize" | "Olympics");
        if strong || (weak && m.ty == ORG) {
            m.ty = MISC;
        }
    }
}

/// A name followed by "®" or "™" is a brand: the mark is part of the
/// mention ("Examplo ®", "Zephyr™"). A one-word brand is the maker (ORG);
/// a longer one that ends in a common word ("Donor Care Program®") is a
/// product or service (MISC).
fn brand_marks(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let marks: Vec<usize> = (1..n).filter(|&i| matches!(doc.tok(i), "®" | "™")).collect();
    if marks.is_empty() {
        return;
    }
    for i in marks {
        let k = ms.iter().position(|m| m.tokens.end == i);
        let (s, k) = match k {
            Some(k) => (ms[k].tokens.start, k),
            None => {
                if doc.tokens[i - 1].kind != TokenKind::Word
                    || !is_cap(doc.tok(i - 1))
                    || ms.iter().any(|m| m.tokens.contains(&(i - 1)))
                {
                    continue;
                }
                ms.push(Mention {
                    tokens: i - 1..i,
                    ty: ORG,
                });
                (i - 1, ms.len() - 1)
            }
        };
        let m = &mut ms[k];
        m.tokens.end = i + 1;
        let lw = df.toks[i - 1].norm.as_str();
        m.ty = if i - s >= 2 && (lex.is_common(lw) || df.toks[i - 1].doc_case == b'l') {
            MISC
        } else {
            ORG
        };
    }
    ms.sort_by_key(|m| m.tokens.start);
}

/// "Examplo - Zeta": text rebuilt from tokens writes a hyphenated name with
/// spaces. In prose, a mention (not a person: see [`hyphenated_surnames`])
/// followed by " - " and a capitalised word is one name with it (and with the
/// mention that word opens). An ORG part makes the whole an ORG; else a
/// known place part makes it a place.
fn spaced_hyphen_names(doc: &Analyzed, df: &DocFeatures, ms: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut k = 0;
    while k < ms.len() {
        let (s, e) = (ms[k].tokens.start, ms[k].tokens.end);
        // One word, not a known place: "Australia - Ian Healy" is a list.
        let ok = ms[k].ty != PER
            && e == s + 1
            && df.toks[s].gaz & PLACE_FLAGS == 0
            && e + 1 < n
            && doc.tok(e) == "-"
            && doc.tokens[e + 1].kind == TokenKind::Word
            && is_cap(doc.tok(e + 1))
            && doc.tok(e + 1).chars().any(|c| c.is_lowercase())
            && df.toks[e + 1].gaz & F_DEMONYM == 0
            && df.toks[e - 1].gaz & F_DEMONYM == 0
            && doc
                .sentence_at(doc.tokens[s].span.start)
                .is_some_and(|x| is_prose(doc, x) && !df.caps_sentence[x])
            && doc.sentence_at(doc.tokens[s].span.start) == doc.sentence_at(doc.tokens[e + 1].span.start);
        if !ok {
            k += 1;
            continue;
        }
        let next = ms
            .get(k + 1)
            .filter(|nx| nx.tokens.start == e + 1 && nx.ty != PER)
            .cloned();
        if ms
            .get(k + 1)
            .is_some_and(|nx| nx.tokens.start <= e + 1 && next.is_none())
        {
            k += 1;
            continue;
        }
        let end = next.as_ref().map_or(e + 2, |nx| nx.tokens.end);
        let tys = [Some(ms[k].ty), next.as_ref().map(|nx| nx.ty)];
        let place = (s..end).any(|i| df.toks[i].gaz & PLACE_FLAGS != 0);
        ms[k].ty = if tys.contains(&Some(ORG)) {
            ORG
        } else if place || tys.contains(&Some(LOC)) && ms[k].ty == LOC {
            LOC
        } else {
            ORG
        };
        ms[k].tokens.end = end;
        if next.is_some() {
            ms.remove(k + 1);
        }
        k += 1;
    }
}

/// Two organisations joined by "and"/"&" read as one mention: "Examplo
/// Holdings PLC and Zeta Group PLC", "Northern Newspapers and Southern Daily
/// Newspapers". Split when the left part ends in a legal form or a word
/// only companies end with and the right part is two or more capitalised
/// words ("Procter & Gamble", "Bank of Examplo and Trust" stay whole).
fn split_coordinated_orgs(doc: &Analyzed, df: &DocFeatures, rw: &RuleWords, ms: &mut Vec<Mention>) {
    let mut extra = Vec::new();
    for m in ms.iter_mut().filter(|m| m.ty == ORG && m.tokens.len() >= 4) {
        let (s, e) = (m.tokens.start, m.tokens.end);
        let Some(k) = (s + 2..e - 2).find(|&k| matches!(doc.tok(k), "and" | "And" | "&")) else {
            continue;
        };
        let lw = doc.tok(k - 1);
        let left_org = rw.legal.contains(lw) || corporate_tail(rw, lw) || df.toks[k - 1].norm == "newspapers";
        let right_names = (k + 1..e).all(|i| doc.tokens[i].kind == TokenKind::Word && is_cap(doc.tok(i)));
        if left_org && right_names {
            m.tokens.end = k;
            extra.push(Mention {
                tokens: k + 1..e,
                ty: ORG,
            });
        }
    }
    if !extra.is_empty() {
        ms.extend(extra);
        ms.sort_by_key(|m| m.tokens.start);
    }
}

/// A mention made only of common words ("Other Events", "Key Trends",
/// "Manufacturing comes in third", "the ministry of Irrigation and
/// Electricity") is a capitalised phrase, not a name, when the article
/// writes its last word in lower case elsewhere or (two words or more) when
/// it stands in a heading or a line that is not prose. Not for known
/// places, names ending in an organisation word ("Energy Committee"),
/// acronyms, or calendar words.
fn common_word_mentions(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    lower: &HashSet<&str>,
    ms: &mut Vec<Mention>,
) {
    const FLAGS: u32 = PLACE_FLAGS | F_DEMONYM | super::lexicon::F_CALENDAR;
    ms.retain(|m| {
        let r = m.tokens.clone();
        let last = r.end - 1;
        let all_common = r.clone().all(|i| {
            let t = &df.toks[i];
            doc.tokens[i].kind == TokenKind::Word
                && t.gaz & FLAGS == 0
                && (FUNCTION_WORDS.contains(&t.norm.as_str())
                    || (lex.is_common(&t.norm) && doc.tok(i).chars().skip(1).all(|c| c.is_lowercase())))
        });
        if !all_common || lex.is_org_suffix(&df.toks[last].norm) || lex.place(&mkey(df, r.clone())).is_some()
        {
            return true;
        }
        let s = doc.sentence_at(doc.tokens[r.start].span.start);
        let heading = s.is_some_and(|k| df.caps_sentence[k] || df.title_sentence[k] || !is_prose(doc, k));
        if !lower.contains(doc.tok(last).to_lowercase().as_str()) {
            // Not seen in lower case: only a phrase of a heading line.
            return !(r.len() >= 2 && heading);
        }
        false
    });
}

/// Online services written as names ("follow us on Twitter", "Share on
/// Google Plus") are companies (ORG), also where the tagger read them as
/// places or missed them (see `entity_rules_online_services.txt`).
fn online_services(doc: &Analyzed, rw: &RuleWords, ms: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut found: Vec<Range<usize>> = Vec::new();
    for i in 0..n {
        let Some(names) = rw.online.get(doc.tok(i)) else {
            continue;
        };
        let best = names
            .iter()
            .filter(|ws| i + ws.len() <= n && ws.iter().enumerate().all(|(k, w)| doc.tok(i + k) == *w))
            .map(Vec::len)
            .max();
        if let Some(l) = best {
            found.push(i..i + l);
        }
    }
    if found.is_empty() {
        return;
    }
    for r in found {
        // Inside a longer mention of another name ("Examplo Twitter Fund"): leave it.
        let inside = ms.iter().any(|m| {
            m.tokens.start <= r.start && m.tokens.end >= r.end && m.tokens != r && m.tokens.len() > r.len()
        });
        if !inside {
            put(ms, Mention { tokens: r, ty: ORG });
        }
    }
    ms.sort_by_key(|m| m.tokens.start);
}

/// "General Motors": a capitalised title word right before an ORG that ends
/// in a word only companies end with ("Motors", "Electronics", "Co.") opens
/// the company's name; the tagger often leaves it out.
fn title_word_opens_company(
    doc: &Analyzed,
    df: &DocFeatures,
    lex: &Lexicon,
    rw: &RuleWords,
    ms: &mut [Mention],
) {
    let mut prev_end = 0;
    for m in ms.iter_mut() {
        let s = m.tokens.start;
        let company = (s..m.tokens.end).any(|j| corporate_tail(rw, doc.tok(j)));
        if m.ty == ORG
            && company
            && s > prev_end
            && doc.tokens[s - 1].kind == TokenKind::Word
            && is_cap(doc.tok(s - 1))
            && !doc.tok(s - 1).ends_with('.')
            && lex.is_title(&df.toks[s - 1].norm)
        {
            m.tokens.start = s - 1;
        }
        prev_end = m.tokens.end;
    }
}

/// "Examplo!": an exclamation mark written onto the same name more than
/// once in an article is part of the name, not the end of a sentence.
fn attached_exclamation(doc: &Analyzed, df: &DocFeatures, ms: &mut [Mention]) {
    let n = doc.tokens.len();
    let bang = |m: &Mention| {
        let e = m.tokens.end;
        e < n && doc.tok(e) == "!" && doc.tokens[e].span.start == doc.tokens[e - 1].span.end
    };
    let mut count: HashMap<String, u32> = HashMap::new();
    for m in ms.iter().filter(|m| m.ty != PER && bang(m)) {
        *count.entry(mkey(df, m.tokens.clone())).or_default() += 1;
    }
    count.retain(|_, c| *c >= 2);
    if count.is_empty() {
        return;
    }
    for m in ms.iter_mut() {
        if bang(m) && count.contains_key(&mkey(df, m.tokens.clone())) {
            m.tokens.end += 1;
        }
    }
}

/// "Darfur Governors", "Examplo Directors": a plural title word ending a
/// person mention is the role of people of that place or company, not part
/// of a name. Trimmed; the rest is a place when it is read as one elsewhere
/// in the article or is a known one, else an ORG.
fn trailing_titles(doc: &Analyzed, df: &DocFeatures, lex: &Lexicon, ms: &mut [Mention]) {
    // Plural only: "King", "Major" end people's names.
    let title = |i: usize| {
        let w = df.toks[i].norm.as_str();
        is_cap(doc.tok(i))
            && w.strip_suffix('s')
                .is_some_and(|x| x.len() > 3 && lex.is_title(x))
    };
    let places: HashSet<String> = ms
        .iter()
        .filter(|m| m.ty == LOC)
        .map(|m| mkey(df, m.tokens.clone()))
        .collect();
    for m in ms.iter_mut().filter(|m| m.tokens.len() >= 2 && m.ty == PER) {
        let (s, e) = (m.tokens.start, m.tokens.end);
        if !title(e - 1) || title(e - 2) || FUNCTION_WORDS.contains(&df.toks[e - 2].norm.as_str()) {
            continue;
        }
        m.tokens.end = e - 1;
        let key = mkey(df, s..e - 1);
        let place = places.contains(&key)
            || lex.place(&key).is_some()
            || (s..e - 1).any(|i| df.toks[i].gaz & PLACE_FLAGS != 0);
        m.ty = if place { LOC } else { ORG };
    }
}
