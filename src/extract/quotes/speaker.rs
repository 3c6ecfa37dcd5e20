//! Speaker mentions and their resolution.
//!
//! A mention is found next to a cue as written: a name ("Gen. Xavier
//! Brunson"), a pronoun ("he") or a group ("two scholars", "U.S. officials",
//! whose last word is a speaker noun from `data/lexicons/quote_speaker_nouns.txt`).
//! An appositive between a name and its cue ("Bruce Bennett, a senior defense
//! analyst at the RAND Corp., noted") becomes the speaker's role.
//!
//! Resolution turns the mention into the `speaker` column: a name or surname
//! into the canonical name of the entity it overlaps or names ("Brunson" →
//! "Xavier Brunson"), a pronoun into the most recent person-like speaker or
//! person entity, a group into the phrase as written. Without entities, a
//! surname is looked up among the fuller capitalised names met earlier.

use super::Ctx;
use crate::article::Span;
use crate::extract::{Entity, EntityType};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Name,
    Pronoun,
    Group,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub toks: Range<usize>,
    pub kind: MentionKind,
    /// Appositive stated with the mention ("a professor at Inha University").
    pub role: Option<Span>,
}

/// Words that may sit between a speaker and the cue ("has also said").
pub fn skippable(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "later"
            | "then"
            | "once"
            | "again"
            | "further"
            | "previously"
            | "recently"
            | "repeatedly"
            | "often"
            | "reportedly"
            | "just"
            | "still"
            | "even"
            | "now"
            | "first"
            | "long"
            | "always"
            | "never"
            | "may"
            | "might"
            | "could"
            | "can"
    ) || (w.len() > 4 && w.ends_with("ly") && !matches!(w, "only" | "family" | "early" | "ally" | "italy"))
}

pub fn pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "we" | "i" | "it")
}

fn person_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "i" | "who" | "his" | "her")
}

/// Words that end a speaker phrase going left or right.
/// Words that open a subordinate clause.
fn subordinator(w: &str) -> bool {
    matches!(
        w,
        "while" | "whereas" | "although" | "though" | "because" | "since" | "unless" | "if" | "when" | "as"
    )
}

fn boundary(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "while"
            | "as"
            | "because"
            | "since"
            | "although"
            | "though"
            | "if"
            | "when"
            | "where"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "than"
            | "so"
            | "then"
            | "also"
            | "not"
            | "no"
            | "to"
            | "for"
            | "with"
            | "from"
            | "by"
            | "at"
            | "in"
            | "on"
            | "into"
            | "about"
            | "after"
            | "before"
            | "during"
            | "over"
            | "under"
            | "between"
            | "against"
            | "among"
            | "through"
            | "without"
            | "within"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "there"
            | "here"
            | "said"
            | "says"
            | "say"
            | "told"
            | "what"
            | "how"
            | "why"
            | "it"
            | "this"
            | "these"
            | "those"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "according"
            | "like"
            | "unlike"
            | "via"
            | "per"
            | "says,"
            | "even"
            | "just"
            | "yet"
    )
}

/// Capitalised words that are not names when they stand alone.
fn capital_stopword(w: &str) -> bool {
    boundary(w)
        || matches!(
            w,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "some"
                | "many"
                | "most"
                | "all"
                | "both"
                | "each"
                | "every"
                | "other"
                | "another"
                | "such"
                | "still"
                | "now"
                | "however"
                | "instead"
                | "indeed"
                | "yes"
                | "well"
                | "today"
                | "yesterday"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "one"
                | "everyone"
                | "nobody"
                | "someone"
                | "anyone"
                | "people"
        )
}

/// Determiners and common modifiers that start a group phrase ("Two scholars").
fn group_det(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "some"
            | "many"
            | "most"
            | "several"
            | "few"
            | "other"
            | "both"
            | "all"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "dozens"
            | "senior"
            | "former"
            | "top"
            | "local"
            | "federal"
            | "state"
            | "party"
            | "military"
            | "government"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "one"
            | "another"
            | "independent"
            | "western"
            | "foreign"
            | "security"
            | "health"
            | "legal"
            | "political"
            | "private"
            | "public"
            | "no"
    )
}

/// A lower-case word that may head a noun phrase (not a verb form or adverb).
fn loose_noun(w: &str) -> bool {
    w.len() > 2
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && !boundary(w)
        && !skippable(w)
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !matches!(
            w,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "some"
                | "all"
                | "who"
                | "which"
                | "what"
                | "also"
                | "both"
                | "each"
                | "every"
                | "any"
        )
}

/// Title words stripped from a name to get the person ("Gen." "Xavier Brunson").
pub fn title_word(w: &str) -> bool {
    matches!(
        w,
        "mr."
            | "mrs."
            | "ms."
            | "dr."
            | "prof."
            | "gen."
            | "lt."
            | "col."
            | "maj."
            | "capt."
            | "sgt."
            | "adm."
            | "gov."
            | "sen."
            | "rep."
            | "rev."
            | "sir"
            | "president"
            | "vice"
            | "secretary"
            | "minister"
            | "prime"
            | "defense"
            | "defence"
            | "foreign"
            | "state"
            | "senator"
            | "governor"
            | "mayor"
            | "general"
            | "chairman"
            | "chairwoman"
            | "chief"
            | "director"
            | "judge"
            | "justice"
            | "speaker"
            | "leader"
            | "majority"
            | "minority"
            | "ambassador"
            | "attorney"
            | "former"
            | "candidate"
            | "democratic"
            | "republican"
            | "gop"
            | "presidential"
            | "nominee"
            | "u.s."
            | "rep"
            | "sen"
            | "house"
            | "senate"
            | "white"
            | "spokesman"
            | "spokeswoman"
            | "commander"
            | "ceo"
            | "executive"
            | "king"
            | "queen"
            | "pope"
            | "prince"
            | "princess"
            | "premier"
            | "chancellor"
            | "lord"
            | "lady"
            | "officer"
            | "professor"
            | "dean"
            | "coach"
            | "editor"
            | "host"
            | "anchor"
            | "congressman"
            | "congresswoman"
            | "councilman"
            | "councilwoman"
            | "sheriff"
            | "detective"
            | "inspector"
            | "lawmaker"
            | "businessman"
            | "billionaire"
            | "mogul"
            | "economist"
            | "analyst"
            | "treasury"
            | "finance"
            | "interior"
            | "homeland"
            | "security"
            | "national"
            | "deputy"
            | "acting"
            | "army"
            | "navy"
            | "u.n."
            | "un"
            | "eu"
            | "nato"
            | "first"
    )
}

const NAME_LINKS: &[&str] = &[
    "of", "de", "van", "von", "al", "bin", "la", "le", "du", "del", "da", "der", "di",
];

impl Ctx<'_, '_> {
    fn is_cap_word(&self, i: usize) -> bool {
        self.is_word(i) && self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A capitalised run ending at `j` (inclusive), not before `lo`.
    fn name_run_left(&self, j: usize, lo: usize) -> Option<usize> {
        if !self.is_cap_word(j) {
            return None;
        }
        let mut k = j;
        loop {
            if k > lo && self.is_cap_word(k - 1) && !self.quoted[k - 1] {
                k -= 1;
            } else if k > lo + 1
                && NAME_LINKS.contains(&self.lower[k - 1].as_str())
                && self.is_cap_word(k - 2)
                && !self.quoted[k - 2]
            {
                k -= 2;
            } else {
                break;
            }
        }
        // "The" / "the" before a capitalised name ("the New York Times").
        if k > lo && self.lower[k - 1] == "the" && !self.quoted[k - 1] {
            k -= 1;
        }
        // A lone capitalised function word is no name ("This", "But").
        while k < j && capital_stopword(&self.lower[k]) && self.lower[k] != "the" {
            k += 1;
        }
        if k == j && capital_stopword(&self.lower[j]) {
            return None;
        }
        Some(k)
    }

    /// The mention ending exactly at token `j` (inclusive).
    fn mention_ending_at(&self, j: usize, lo: usize, loose: bool) -> Option<Mention> {
        if j < lo || self.quoted[j] {
            return None;
        }
        // "26% say", "63 percent said"
        if j > lo
            && (self.tok(j) == "%" || self.lower[j] == "percent")
            && self.doc.tokens[j - 1].kind == crate::analyze::TokenKind::Number
        {
            return Some(Mention {
                toks: j - 1..j + 1,
                kind: MentionKind::Group,
                role: None,
            });
        }
        if !self.is_word(j) {
            return None;
        }
        let w = self.lower[j].as_str();
        if pronoun(w) || w == "who" {
            return Some(Mention {
                toks: j..j + 1,
                kind: MentionKind::Pronoun,
                role: None,
            });
        }
        if self.lex.is_speaker_noun(w) {
            // Group: modifiers to the left ("two scholars", "senior U.S. officials").
            let mut k = j;
            let mut n = 0;
            while k > lo && n < 5 && !self.quoted[k - 1] && !self.is_punct(k - 1) {
                let lw = self.lower[k - 1].as_str();
                if boundary(lw) || self.lex.cue_at(&self.lower, k - 1).is_some() {
                    break;
                }
                k -= 1;
                n += 1;
            }
            // "the head of the agency"
            if k > lo + 2
                && self.lower[k - 1] == "of"
                && self.is_word(k - 2)
                && self.lex.is_speaker_noun(&self.lower[k - 2])
            {
                k -= 2;
                while k > lo && matches!(self.lower[k - 1].as_str(), "the" | "a" | "an") {
                    k -= 1;
                }
            }
            return Some(Mention {
                toks: k..j + 1,
                kind: MentionKind::Group,
                role: None,
            });
        }
        if let Some(k) = self.name_run_left(j, lo) {
            return Some(Mention {
                toks: k..j + 1,
                kind: MentionKind::Name,
                role: None,
            });
        }
        // Loose: before a speech verb, any common noun heads a group ("the
        // editorial said", "Social conservatives say").
        if loose && loose_noun(w) {
            let mut k = j;
            while k > lo && j - k < 4 && !self.quoted[k - 1] && !self.is_punct(k - 1) {
                let lw = self.lower[k - 1].as_str();
                if boundary(lw) || skippable(lw) || self.lex.cue_at(&self.lower, k - 1).is_some() {
                    break;
                }
                k -= 1;
            }
            // A determiner or a clause edge must open it.
            let opens = k == lo || self.is_punct(k - 1) || boundary(&self.lower[k - 1]);
            if opens {
                return Some(Mention {
                    toks: k..j + 1,
                    kind: MentionKind::Group,
                    role: None,
                });
            }
        }
        None
    }

    /// The speaker written just before a cue starting at token `cue` ("Smith
    /// has said", "Bennett, a senior analyst, noted"), not before token `lo`.
    pub fn mention_left(&self, cue: usize, lo: usize) -> Option<Mention> {
        if cue == 0 || cue <= lo {
            return None;
        }
        let mut j = cue - 1;
        let mut skipped = 0;
        while j > lo && skipped < 3 && self.is_word(j) && skippable(&self.lower[j]) {
            j -= 1;
            skipped += 1;
        }
        j = self.skip_paren(j, lo);
        if self.tok(j) == "," && j > lo + 1 {
            // Appositive between the name and the cue: ", a professor at X,"
            // (several commas: "Jane Roe, 59, of Ashton, Md., said"). The
            // farthest comma whose name opens the clause wins, else the nearest.
            let mut best: Option<Mention> = None;
            let mut k = j;
            while k > lo + 1 && j - k < 40 {
                k -= 1;
                if self.quoted[k]
                    || self.lex.cue_at(&self.lower, k).is_some()
                    || matches!(self.tok(k), "." | ";" | ":")
                {
                    break;
                }
                if self.tok(k) != "," || k + 1 >= j {
                    continue;
                }
                let e = self.skip_paren(k - 1, lo);
                if let Some(mut m) = self.mention_ending_at(e, lo, false) {
                    if m.kind == MentionKind::Name {
                        m.role = Some(self.span_of(k + 1..j));
                        let s0 = m.toks.start;
                        let opens = s0 == lo
                            || matches!(self.tok(s0 - 1), "," | "and" | "but" | "—" | ";" | ":" | "(")
                            || self.is_mark(s0 - 1);
                        if opens {
                            return Some(m);
                        }
                        best.get_or_insert(m);
                    }
                }
            }
            return best;
        }
        let loose = self
            .lex
            .cue_at(&self.lower, cue)
            .is_some_and(|h| h.class == super::lexicon::CueClass::Speech);
        self.mention_ending_at(j, lo, loose)
    }

    /// Skip a parenthesis ending at `j` ("Sen. Rand Paul (R-Ky.)").
    fn skip_paren(&self, j: usize, lo: usize) -> usize {
        if self.tok(j) == ")" {
            let mut k = j;
            while k > lo && j - k < 10 && self.tok(k) != "(" {
                k -= 1;
            }
            if self.tok(k) == "(" && k > lo {
                return k - 1;
            }
        }
        j
    }

    /// The speaker written from token `i` on ("said Nam Chang-hee, a professor
    /// ...", "said the woman"), not reaching `hi`.
    pub fn mention_right(&self, i: usize, hi: usize) -> Option<Mention> {
        self.mention_right_with(i, hi, false)
    }

    /// As [`Ctx::mention_right`]; `loose` accepts any common noun as a group's head.
    pub fn mention_right_with(&self, i: usize, hi: usize, loose: bool) -> Option<Mention> {
        if i >= hi || self.quoted[i] || !self.is_word(i) {
            return None;
        }
        let w = self.lower[i].as_str();
        // A subordinator opens a new clause ("… “missile sovereignty,” while
        // U.S. officials acknowledged …"): whoever follows is that clause's
        // subject, not the source of what came before.
        if subordinator(w) {
            return None;
        }
        if pronoun(w) {
            return Some(Mention {
                toks: i..i + 1,
                kind: MentionKind::Pronoun,
                role: None,
            });
        }
        let mut m = if self.is_cap_word(i) && !capital_stopword(w)
            || (w == "the" && i + 1 < hi && self.is_cap_word(i + 1))
        {
            let mut k = i + 1;
            loop {
                if k < hi && self.is_cap_word(k) && !self.quoted[k] {
                    k += 1;
                } else if k + 1 < hi
                    && NAME_LINKS.contains(&self.lower[k].as_str())
                    && self.is_cap_word(k + 1)
                {
                    k += 2;
                } else {
                    break;
                }
            }
            // "U.S. officials": a capitalised modifier before a group noun.
            if k < hi && self.is_word(k) && self.lex.is_speaker_noun(&self.lower[k]) {
                Mention {
                    toks: i..k + 1,
                    kind: MentionKind::Group,
                    role: None,
                }
            } else {
                Mention {
                    toks: i..k,
                    kind: MentionKind::Name,
                    role: None,
                }
            }
        } else {
            // Group: the last speaker noun within a short run of words, or a
            // name after a lower-case title ("campaign manager Robby Mook").
            let mut k = i;
            let mut last = None;
            while k < hi && k - i < 7 && !self.is_punct(k) && !self.quoted[k] {
                let lw = self.lower[k].as_str();
                if k > i && (boundary(lw) || self.lex.cue_at(&self.lower, k).is_some()) {
                    break;
                }
                if self.lex.is_speaker_noun(lw) {
                    last = Some(k);
                }
                k += 1;
            }
            // Loose: after a speech verb, a short common-noun phrase ending the clause.
            let last = match last {
                Some(l) => l,
                None if loose && k > i && loose_noun(&self.lower[k - 1]) && (k >= hi || self.is_punct(k)) => {
                    k - 1
                }
                None => return None,
            };
            if k > last + 1 && (last + 1..k).all(|t| self.is_cap_word(t)) {
                Mention {
                    toks: i..k,
                    kind: MentionKind::Name,
                    role: None,
                }
            } else {
                Mention {
                    toks: i..last + 1,
                    kind: MentionKind::Group,
                    role: None,
                }
            }
        };
        // Appositive after the name: ", a professor of international politics at Inha University"
        let e = m.toks.end;
        if m.kind == MentionKind::Name && e + 1 < hi && self.tok(e) == "," && !self.quoted[e + 1] {
            let first = self.lower[e + 1].as_str();
            if matches!(first, "a" | "an" | "the" | "his" | "her" | "their" | "its")
                || self.is_cap_word(e + 1) && self.lex.cue_at(&self.lower, e + 1).is_none()
            {
                let mut k = e + 1;
                while k < hi
                    && k - e < 25
                    && !matches!(self.tok(k), "," | "." | ";" | ":" | "!" | "?")
                    && !self.quoted[k]
                {
                    k += 1;
                }
                if k > e + 1 && (k >= hi || matches!(self.tok(k), "," | "." | ";")) {
                    m.role = Some(self.span_of(e + 1..k));
                }
            }
        }
        Some(m)
    }
}

/// Resolves mentions into the `speaker` column.
pub struct Resolver<'e> {
    entities: &'e [Entity],
    /// Earlier resolved speakers: (byte offset of the mention, name, kind).
    history: Vec<(usize, String, MentionKind)>,
    /// Capitalised names of two or more words met in the text: (byte offset, name).
    names: Vec<(usize, String)>,
}

impl<'e> Resolver<'e> {
    pub fn new(ctx: &Ctx, entities: &'e [Entity]) -> Self {
        let mut names = Vec::new();
        if entities.is_empty() {
            let n = ctx.lower.len();
            let mut i = 0;
            while i < n {
                if ctx.is_cap_word(i) && !capital_stopword(&ctx.lower[i]) {
                    let mut k = i + 1;
                    while k < n && ctx.is_cap_word(k) {
                        k += 1;
                    }
                    let core = strip_titles(ctx, i..k);
                    if core.len() >= 2 && core.len() <= 4 {
                        names.push((
                            ctx.doc.tokens[core.start].span.start,
                            ctx.span_of(core).slice(ctx.doc.text).to_string(),
                        ));
                    }
                    i = k;
                } else {
                    i += 1;
                }
            }
        }
        Resolver {
            entities,
            history: Vec::new(),
            names,
        }
    }

    /// The speaker name for a mention, and a role taken from a title prefix
    /// ("Gen." → role "Gen." for "Gen. Xavier Brunson").
    pub fn resolve(&mut self, ctx: &Ctx, m: &Mention) -> (Option<String>, Option<String>) {
        let span = ctx.span_of(m.toks.clone());
        let text = ctx.doc.text;
        let (name, role) = match m.kind {
            MentionKind::Name => {
                let core = strip_titles(ctx, m.toks.clone());
                let role = (core.start > m.toks.start && ctx.lower[m.toks.start] != "the")
                    .then(|| ctx.span_of(m.toks.start..core.start).slice(text).to_string());
                let core_span = ctx.span_of(core.clone());
                let written = core_span.slice(text).to_string();
                // The entity the mention overlaps.
                let ent = self
                    .entities
                    .iter()
                    .find(|e| e.span.overlaps(core_span) && e.kind != EntityType::Location);
                let name = if let Some(e) = ent {
                    e.canonical.clone()
                } else if core.len() == 1 {
                    self.fuller(&written, span.start).unwrap_or(written)
                } else {
                    written
                };
                (Some(name), role)
            }
            MentionKind::Pronoun => {
                let w = ctx.lower[m.toks.start].as_str();
                if person_pronoun(w) {
                    (self.last_person(span.start), None)
                } else {
                    let g = self
                        .history
                        .iter()
                        .rev()
                        .find(|h| h.0 < span.start && h.2 == MentionKind::Group)
                        .map(|h| h.1.clone());
                    (g, None)
                }
            }
            MentionKind::Group => {
                let mut s = span.slice(text).to_string();
                let first = &ctx.lower[m.toks.start];
                let sentence_start = ctx
                    .doc
                    .sentence_at(span.start)
                    .is_some_and(|si| ctx.doc.sentences[si].span.start == span.start);
                let common = ctx.lex.is_speaker_noun(first) || group_det(first);
                if common
                    && sentence_start
                    && !first.contains('.')
                    && ctx
                        .tok(m.toks.start)
                        .chars()
                        .nth(1)
                        .is_some_and(char::is_lowercase)
                {
                    let mut c = s.chars();
                    if let Some(f) = c.next() {
                        s = f.to_lowercase().chain(c).collect();
                    }
                }
                (Some(s), None)
            }
        };
        if let Some(n) = &name {
            let kind = if m.kind == MentionKind::Pronoun {
                if person_pronoun(&ctx.lower[m.toks.start]) {
                    MentionKind::Name
                } else {
                    MentionKind::Group
                }
            } else {
                m.kind
            };
            self.history.push((span.start, n.clone(), kind));
        }
        (name, role)
    }

    /// The fuller name a single surname stands for, met before `pos`.
    fn fuller(&self, surname: &str, pos: usize) -> Option<String> {
        let ends = |n: &str| n.rsplit(' ').next() == Some(surname) && n.len() > surname.len();
        if let Some(e) = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person && ends(&e.canonical))
            .min_by_key(|e| e.span.start.abs_diff(pos))
        {
            return Some(e.canonical.clone());
        }
        let h = self
            .history
            .iter()
            .rev()
            .find(|h| h.0 < pos && ends(&h.1))
            .map(|h| h.1.clone());
        h.or_else(|| {
            self.names
                .iter()
                .rev()
                .find(|n| n.0 < pos && ends(&n.1))
                .map(|n| n.1.clone())
        })
    }

    /// The most recent person before `pos`: a named speaker or a PERSON entity.
    fn last_person(&self, pos: usize) -> Option<String> {
        let h = self
            .history
            .iter()
            .rev()
            .find(|h| h.0 < pos && h.2 == MentionKind::Name)
            .map(|h| (h.0, h.1.clone()));
        let e = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person && e.span.end <= pos)
            .max_by_key(|e| e.span.start)
            .map(|e| (e.span.start, e.canonical.clone()));
        match (h, e) {
            (Some(h), Some(e)) => Some(if e.0 > h.0 { e.1 } else { h.1 }),
            (h, e) => h.or(e).map(|x| x.1),
        }
    }
}

/// The tokens of a name run without leading titles and "the".
fn strip_titles(ctx: &Ctx, r: Range<usize>) -> Range<usize> {
    let mut s = r.start;
    if ctx.lower[s] == "the" {
        return r;
    }
    while s + 1 < r.end && (title_word(&ctx.lower[s]) || ctx.lower[s] == "the") {
        s += 1;
    }
    // "United Steelworkers Political Director Tim Waters": the name follows the last title.
    if let Some(t) = (s..r.end - 1)
        .rev()
        .find(|&t| title_word(&ctx.lower[t]) || ctx.lex.is_speaker_noun(&ctx.lower[t]))
    {
        s = t + 1;
    }
    s..r.end
}
