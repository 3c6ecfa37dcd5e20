//! Gazetteers for the entities extractor, compiled in from `data/lexicons/`:
//! places (countries, regions, cities, bodies, with aliases and demonyms),
//! person titles and organisation suffixes. Used both as tagger features
//! (token flags) and by the rules (roles, subtypes, keys).

use super::features::TokInfo;
use super::model::{FxMap, FxSet};
use crate::analyze::tokens::tokenize;

const PLACES: &str = include_str!("../../../data/lexicons/entity_places.tsv");
const TITLES: &str = include_str!("../../../data/lexicons/entity_titles.txt");
const ORG_SUFFIXES: &str = include_str!("../../../data/lexicons/entity_org_suffixes.txt");
const FIRST_NAMES: &str = include_str!("../../../data/lexicons/entity_first_names.txt");
const SURNAMES: &str = include_str!("../../../data/lexicons/entity_surnames.txt");
const COMPANIES: &str = include_str!("../../../data/lexicons/entity_companies.txt");
const COMMON_WORDS: &str = include_str!("../../../data/lexicons/entity_common_words.txt");

/// Token flag bits.
pub const F_COUNTRY: u32 = 1;
pub const F_CITY: u32 = 1 << 1;
pub const F_REGION: u32 = 1 << 2;
pub const F_DEMONYM: u32 = 1 << 3;
pub const F_TITLE: u32 = 1 << 4;
pub const F_ORG_SUFFIX: u32 = 1 << 5;
pub const F_GAZ_BEGIN: u32 = 1 << 6;
pub const F_BODY: u32 = 1 << 7;
pub const F_PARTICLE: u32 = 1 << 8;
pub const F_CALENDAR: u32 = 1 << 9;
/// A common given name (US Census 1990 lists).
pub const F_FIRST_NAME: u32 = 1 << 10;
/// A common surname (US Census 1990 list).
pub const F_SURNAME: u32 = 1 << 11;
/// Part of a well-known company's name (`entity_companies.txt`).
pub const F_COMPANY: u32 = 1 << 12;
/// Flags only the rules read ([`TokInfo::rule_flags`]): the tagger's features
/// see `gaz` without them (the shipped model was trained without them).
pub const RULE_ONLY: u32 = F_FIRST_NAME | F_SURNAME | F_COMPANY;

const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "du", "da", "di", "del", "della", "le", "la", "bin", "ibn", "al", "el",
    "ben", "mac", "st.",
];
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];

/// A place entry.
#[derive(Debug, Clone)]
pub struct Place {
    /// "country", "region", "city", "body" or "demonym".
    pub kind: &'static str,
    /// The line's canonical name ("United States").
    pub canonical: String,
}

pub struct Lexicon {
    /// Phrase (token norms joined by spaces) → place.
    phrases: FxMap<String, Place>,
    /// Every proper prefix of a phrase (to stop extending early).
    prefixes: FxSet<String>,
    max_len: usize,
    titles: FxSet<String>,
    title_modifiers: FxSet<String>,
    org_suffixes: FxSet<String>,
    /// Word → flags (title, org suffix, particle, calendar): one lookup per token.
    word_flags: FxMap<String, u32>,
    /// Words news prose writes in lower case (true-casing Title-Case lines).
    common: FxSet<&'static str>,
    /// Company names (phrase keys) and their proper prefixes.
    companies: FxSet<String>,
    company_prefixes: FxSet<String>,
    company_max_len: usize,
}

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Token norms of a phrase, joined by spaces (lower-cased, as [`TokInfo::norm`]).
pub fn phrase_key(s: &str) -> String {
    tokenize(s)
        .iter()
        .map(|t| t.text(s).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut phrases = FxMap::default();
        for l in lines(PLACES) {
            let mut cols = l.split('\t');
            let kind: &'static str = match cols.next().unwrap_or("") {
                "country" => "country",
                "region" => "region",
                "city" => "city",
                _ => "body",
            };
            let names: Vec<&str> = cols.next().unwrap_or("").split('|').map(str::trim).collect();
            let canonical = names[0].to_string();
            for n in &names {
                let k = phrase_key(n);
                phrases.entry(k).or_insert(Place {
                    kind,
                    canonical: canonical.clone(),
                });
            }
            if let Some(dem) = cols.next() {
                for d in dem.split('|').map(str::trim).filter(|d| !d.is_empty()) {
                    let k = phrase_key(d);
                    phrases.entry(k).or_insert(Place {
                        kind: "demonym",
                        canonical: canonical.clone(),
                    });
                }
            }
        }
        let (prefixes, max_len) = prefix_index(phrases.keys());
        let titles: FxSet<String> = lines(TITLES)
            .filter(|s| !s.starts_with('+'))
            .map(|s| s.to_lowercase())
            .collect();
        let title_modifiers: FxSet<String> = lines(TITLES)
            .filter_map(|s| s.strip_prefix('+'))
            .map(|s| s.to_lowercase())
            .collect();
        let org_suffixes: FxSet<String> = lines(ORG_SUFFIXES).map(|s| s.to_lowercase()).collect();
        let mut word_flags: FxMap<String, u32> = FxMap::default();
        for w in titles.iter().chain(title_modifiers.iter()) {
            *word_flags.entry(w.clone()).or_default() |= F_TITLE;
        }
        for w in &org_suffixes {
            *word_flags.entry(w.clone()).or_default() |= F_ORG_SUFFIX;
        }
        for w in PARTICLES {
            *word_flags.entry(w.to_string()).or_default() |= F_PARTICLE;
        }
        for w in CALENDAR {
            *word_flags.entry(w.to_string()).or_default() |= F_CALENDAR;
        }
        for w in lines(FIRST_NAMES) {
            *word_flags.entry(w.to_lowercase()).or_default() |= F_FIRST_NAME;
        }
        for w in lines(SURNAMES) {
            *word_flags.entry(w.to_lowercase()).or_default() |= F_SURNAME;
        }
        // Keys as token norms: lower case, digits as '0' ("3M" → "0m").
        let companies: FxSet<String> = lines(COMPANIES)
            .map(|c| {
                phrase_key(c)
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '0' } else { c })
                    .collect()
            })
            .collect();
        let (company_prefixes, company_max_len) = prefix_index(companies.iter());
        Lexicon {
            phrases,
            prefixes,
            titles,
            title_modifiers,
            org_suffixes,
            word_flags,
            max_len,
            common: lines(COMMON_WORDS).collect(),
            companies,
            company_prefixes,
            company_max_len,
        }
    }

    /// A word news prose writes in lower case mid-sentence ("confirms",
    /// "tablets"; not "apple", "partners"), by its lower-cased form.
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }

    /// A head title word ("president", "minister", "ceo", "gen.").
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }

    /// A word that is part of a role before a head title ("former", "defense").
    pub fn is_title_modifier(&self, lower: &str) -> bool {
        self.title_modifiers.contains(lower)
    }

    pub fn is_org_suffix(&self, lower: &str) -> bool {
        self.org_suffixes.contains(lower)
    }

    /// A known company's name, by its phrase key (token norms joined by spaces).
    pub fn is_company(&self, key: &str) -> bool {
        self.companies.contains(key)
    }

    /// The place a whole phrase names ("u.s." → United States), by its phrase key.
    pub fn place(&self, key: &str) -> Option<&Place> {
        self.phrases.get(key)
    }

    /// Set gazetteer flags on the tokens (longest place match first).
    pub fn flag_tokens(&self, toks: &mut [TokInfo]) {
        let n = toks.len();
        let mut i = 0;
        let mut buf = String::new();
        while i < n {
            let mut matched = 0;
            if toks[i].is_word {
                let best = longest_match(toks, i, self.max_len, &self.prefixes, &mut buf, |k| {
                    self.phrases.get(k).map(|p| p.kind)
                });
                if let Some((len, kind)) = best {
                    let flag = match kind {
                        "country" => F_COUNTRY,
                        "city" => F_CITY,
                        "region" => F_REGION,
                        "demonym" => F_DEMONYM,
                        _ => F_BODY,
                    };
                    for (k, t) in toks[i..i + len].iter_mut().enumerate() {
                        t.gaz |= flag | if k == 0 { F_GAZ_BEGIN } else { 0 };
                    }
                    matched = len;
                }
            }
            let t = &mut toks[i];
            if let Some(&f) = self.word_flags.get(t.norm.as_str()) {
                t.gaz |= f;
            }
            if matched > 1 {
                for t in &mut toks[i + 1..i + matched] {
                    if let Some(&f) = self.word_flags.get(t.norm.as_str()) {
                        t.gaz |= f;
                    }
                }
                i += matched;
            } else {
                i += 1;
            }
        }
        self.flag_companies(toks);
        for t in toks.iter_mut() {
            t.rule_flags = t.gaz & RULE_ONLY;
            t.gaz &= !RULE_ONLY;
        }
    }

    /// Flags the longest company-name matches with [`F_COMPANY`].
    fn flag_companies(&self, toks: &mut [TokInfo]) {
        let n = toks.len();
        let mut i = 0;
        let mut buf = String::new();
        while i < n {
            let best = if toks[i].is_word {
                longest_match(
                    toks,
                    i,
                    self.company_max_len,
                    &self.company_prefixes,
                    &mut buf,
                    |k| self.companies.contains(k).then_some(()),
                )
                .map_or(0, |(len, ())| len)
            } else {
                0
            };
            if best > 0 {
                for t in &mut toks[i..i + best] {
                    t.gaz |= F_COMPANY;
                }
                i += best;
            } else {
                i += 1;
            }
        }
    }
}

/// Every proper prefix (in words) of the phrase keys, and the longest key's
/// length in words: what [`longest_match`] needs to stop early.
fn prefix_index<'a>(keys: impl Iterator<Item = &'a String>) -> (FxSet<String>, usize) {
    let mut prefixes = FxSet::default();
    let mut max_len = 1;
    for k in keys {
        let words: Vec<&str> = k.split(' ').collect();
        max_len = max_len.max(words.len());
        for n in 1..words.len() {
            prefixes.insert(words[..n].join(" "));
        }
    }
    (prefixes, max_len)
}

/// The longest phrase starting at token `i` (token norms joined by spaces,
/// built in `buf`) that `hit` knows, stopping as soon as the words so far
/// open no longer phrase (`prefixes`).
fn longest_match<T>(
    toks: &[TokInfo],
    i: usize,
    max_len: usize,
    prefixes: &FxSet<String>,
    buf: &mut String,
    hit: impl Fn(&str) -> Option<T>,
) -> Option<(usize, T)> {
    let mut best = None;
    buf.clear();
    for len in 1..=max_len.min(toks.len() - i) {
        if len > 1 {
            buf.push(' ');
        }
        buf.push_str(&toks[i + len - 1].norm);
        if let Some(x) = hit(buf.as_str()) {
            best = Some((len, x));
        }
        if !prefixes.contains(buf.as_str()) {
            break;
        }
    }
    best
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}
