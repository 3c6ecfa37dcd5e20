//! Events extractor: one row per reported event — who did what to whom, when and
//! where — with the evidence (clause span, trigger span), negation and modality.
//!
//! Rule-based and lexicon-driven, with no tagger or parser:
//!
//! 1. **Triggers** ([`lexicon`]): verbs and event nouns from
//!    `data/lexicons/event_triggers.tsv`, each mapped to one type of the closed
//!    [`taxonomy`] (CAMEO's 20 root categories plus business and civic types).
//!    Verb/noun homographs are told apart by the word before ("the rise" is a
//!    noun, "to rise" a verb); capitalised words inside a sentence and entity
//!    mentions are never triggers. Noun triggers take their compound modifiers
//!    ("joint press conference", "river crossing exercise"). Where no typed
//!    trigger matches, a generic verb of the lexicon's `other` section (make,
//!    build, use, fly ...) is an occurrence row, kept only with a named agent or
//!    patient.
//! 2. **Clauses**: each sentence is cut into segments at punctuation, relative
//!    pronouns, subordinators and after reporting verbs.
//! 3. **Actors** ([`arguments`]): the agent is the noun phrase before the trigger
//!    in its segment (skipping auxiliaries, adverbs and "to"-chains: "X agreed
//!    to develop", "encouraged X to increase"), the antecedent for "which/who",
//!    the subject of a light verb for a noun trigger ("X held talks"), or the
//!    possessor ("Trump's backing"); after the trigger the direct object is the
//!    patient, "with X"/"to X" the recipient, "by X" the agent of a passive.
//!    A phrase whose head is an entity becomes that entity's canonical name;
//!    otherwise the phrase as written ("South Korean and U.S. troops").
//! 4. **Place**: a LOCATION entity (or capitalised name) after a locative
//!    preposition in the clause; else "at a hotel"-style phrases as written.
//! 5. **Date**: a DATE/TIME expression in the clause, else the nearest in the
//!    sentence, else the caption's date for a photo caption, else the article's
//!    anchor when the verb is in the present tense.
//! 6. **Negation and modality** ([`modality`]): cues in the verb chain before the
//!    trigger ("did not", "failed to", "will", "plans to", "could", "if") and
//!    reported speech (inside a quote span, or a sentence with a reporting verb).

pub mod arguments;
pub mod lexicon;
pub mod modality;
pub mod taxonomy;
mod words;

use super::{Actor, DateExpr, Entity, EntityType, Event, Quote, TimexType};
use crate::analyze::{Analyzed, TokenKind};
use crate::article::{BlockKind, Span};
use lexicon::{Form, Lexicon};
use serde::Deserialize;

/// `[extract.events]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EventsConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
    /// Emit events whose only actors could not be found (no agent, patient or
    /// recipient). Default: true.
    pub keep_without_actors: bool,
}

impl Default for EventsConfig {
    fn default() -> Self {
        EventsConfig {
            enabled: true,
            keep_without_actors: true,
        }
    }
}

pub struct EventExtractor {
    lexicon: Lexicon,
    keep_without_actors: bool,
}

/// One token of the sentence being processed, with what the rules need.
#[derive(Debug, Clone)]
pub(crate) struct W<'a> {
    pub text: &'a str,
    pub lower: String,
    pub span: Span,
    pub kind: TokenKind,
    pub cap: bool,
    /// Index into the entity list of the entity covering this token.
    pub ent: Option<usize>,
    /// Index into the date list of the date expression covering this token.
    pub date: Option<usize>,
    /// Segment (clause piece) index.
    pub seg: usize,
}

/// A sentence prepared for the rules.
pub(crate) struct Sent<'a> {
    pub w: Vec<W<'a>>,
    /// Segment bounds, token indices [start, end).
    pub segs: Vec<(usize, usize)>,
}

fn is_boundary_punct(s: &str) -> bool {
    matches!(
        s,
        "," | ";" | ":" | "—" | "–" | "(" | ")" | "“" | "”" | "\"" | "--" | "-" | "[" | "]" | "‘" | "’"
    )
}

/// A matched trigger.
#[derive(Debug, Clone)]
pub(crate) struct Trig {
    /// Token range of the trigger in the sentence (compound modifiers included).
    pub start: usize,
    pub end: usize,
    /// Token of the lexicon head word.
    pub head: usize,
    pub form: Form,
    pub kind: &'static str,
    /// Lexicon lemma of the head entry.
    pub lemma: &'static str,
    /// Used as a noun (event noun, or "-ing" after a determiner).
    pub nominal: bool,
}

impl EventExtractor {
    pub fn new(cfg: &EventsConfig) -> anyhow::Result<Self> {
        Ok(EventExtractor {
            lexicon: Lexicon::load()?,
            keep_without_actors: cfg.keep_without_actors,
        })
    }

    pub fn extract(
        &self,
        doc: &Analyzed,
        entities: &[Entity],
        dates: &[DateExpr],
        quotes: &[Quote],
    ) -> Vec<Event> {
        let mut out = Vec::new();
        let text = doc.text;
        // entity and date indices sorted by start, for covering lookups
        let mut ent_order: Vec<usize> = (0..entities.len()).collect();
        ent_order.sort_by_key(|&i| entities[i].span.start);
        let mut date_order: Vec<usize> = (0..dates.len()).collect();
        date_order.sort_by_key(|&i| dates[i].span.start);
        let anchor = doc
            .article
            .published
            .map(|p| p.date())
            .or_else(|| dates.iter().find_map(|d| d.anchor));
        let caption_dates = caption_dates(doc, dates);
        for si in 0..doc.sentences.len() {
            let bk = doc.sentence_kind(si);
            if matches!(bk, BlockKind::Byline | BlockKind::Dateline) {
                continue;
            }
            let sent = prepare(doc, si, entities, &ent_order, dates, &date_order);
            if sent.w.is_empty() {
                continue;
            }
            let sentence_reported = sent.w.iter().any(|t| words::is_report_verb(&t.lower));
            let trigs = self.find_triggers(&sent);
            for tr in trigs {
                let ctx = arguments::Ctx {
                    s: &sent,
                    text,
                    entities,
                };
                let args = arguments::arguments(&ctx, &tr);
                let trigger_span = Span::new(sent.w[tr.start].span.start, sent.w[tr.end - 1].span.end);
                let chain = modality::chain(&sent, &tr);
                let negated = modality::negated(&sent, &tr, &chain);
                let in_quote = quotes.iter().any(|q| {
                    q.span.contains(trigger_span)
                        && (q.fragments.is_empty() || q.fragments.iter().any(|f| f.contains(trigger_span)))
                });
                // a reporting verb is itself the statement: it needs a speaker, and is not "reported"
                let report_verb = is_reporting_lemma(tr.lemma);
                if report_verb && !args.actors.iter().any(|a| a.role == "agent") {
                    continue;
                }
                let sentence_reported = if report_verb {
                    sent.w
                        .iter()
                        .enumerate()
                        .any(|(j, t)| j != tr.head && words::is_report_verb(&t.lower))
                } else {
                    sentence_reported
                };
                let reported = in_quote || (sentence_reported && bk != BlockKind::Title);
                // date
                let mut date = arguments::date_for(&sent, &tr, dates);
                if date.is_none() {
                    if let Some(&(_, di)) = caption_dates.iter().find(|(p, _)| *p == si) {
                        date = Some(di);
                    }
                }
                let present = modality::present_tense(&sent, &tr, &chain);
                let mut m = modality::modality(&sent, &tr, &chain, reported);
                if m == super::Modality::Asserted || m == super::Modality::Reported {
                    if let (Some(di), Some(a)) = (date, anchor) {
                        if dates[di].date_start.is_some_and(|d| d > a) && tr.form != Form::Past {
                            m = super::Modality::Planned;
                        }
                    }
                }
                let (date_value, date_start, date_end) = match date {
                    Some(di) => (
                        Some(dates[di].value.clone()),
                        dates[di].date_start,
                        dates[di].date_end,
                    ),
                    None if present && matches!(m, super::Modality::Asserted | super::Modality::Reported) => {
                        match anchor {
                            Some(a) => (Some(a.format("%Y-%m-%d").to_string()), Some(a), Some(a)),
                            None => (None, None, None),
                        }
                    }
                    None => (None, None, None),
                };
                let Some(kind) = arguments::final_kind(&sent, &tr, &args) else {
                    continue;
                };
                if args.actors.is_empty() && !self.keep_without_actors {
                    continue;
                }
                // an occurrence outside the taxonomy is kept only with a named agent or patient
                if kind == "other" && !args.named {
                    continue;
                }
                let span = arguments::clause_span(&sent, &tr, &args);
                out.push(Event {
                    span,
                    trigger: trigger_span,
                    kind,
                    actors: args.actors,
                    place: args.place,
                    date_value,
                    date_start,
                    date_end,
                    negated,
                    modality: m,
                });
            }
        }
        out
    }

    /// Lexicon matches in one sentence, with verb/noun use decided by context.
    fn find_triggers(&self, s: &Sent) -> Vec<Trig> {
        let mut out: Vec<Trig> = Vec::new();
        let n = s.w.len();
        let mut k = 0;
        while k < n {
            let t = &s.w[k];
            if t.kind != TokenKind::Word || t.ent.is_some() || t.date.is_some() {
                k += 1;
                continue;
            }
            if t.cap && k > 0 && !matches!(s.w[k - 1].text, "“" | "\"" | "‘" | "(" | "'") {
                k += 1;
                continue;
            }
            let main = self.lexicon.by_first.get(t.lower.as_str());
            let occ = self.lexicon.occ_by_first.get(t.lower.as_str());
            if main.is_none() && occ.is_none() {
                k += 1;
                continue;
            }
            let prev = prev_word(s, k);
            let prev_det = prev.is_some_and(|p| words::is_det(p) || p == "'s" || p == "’s")
                || (k > 0 && (matches!(s.w[k - 1].kind, TokenKind::Number) || s.w[k - 1].text == "%"));
            // the previous word, looking past adverbs ("will also purchase")
            let mut pk = k;
            while pk > 1
                && s.w[pk - 1].kind == TokenKind::Word
                && !s.w[pk - 1].cap
                && words::is_chain_adverb(&s.w[pk - 1].lower)
            {
                pk -= 1;
            }
            let prev_adv = prev_word(s, pk);
            let prev_verbal = prev_adv.is_some_and(|p| {
                p == "to"
                    || words::is_aux(p)
                    || words::is_pronoun(p)
                    || words::is_neg(p) && p != "no"
                    || words::is_relative(p)
                    || words::is_aspect_verb(p) && t.lower.ends_with("ing")
            }) || (pk > 0 && (s.w[pk - 1].ent.is_some() || s.w[pk - 1].cap));
            let prev_prep = prev.is_some_and(|p| words::is_prep(p) && p != "to");
            let mut best: Option<(usize, &lexicon::Entry, bool)> = None;
            // typed triggers first; an `other` verb only where no typed trigger matched
            for entries in [main, occ].into_iter().flatten() {
                if best.is_some() {
                    break;
                }
                let has_verb = entries.iter().any(|e| e.form != Form::Noun);
                for e in entries {
                    // multiword continuation
                    let len = 1 + e.rest.len();
                    if k + len > n || e.rest.iter().enumerate().any(|(j, r)| s.w[k + 1 + j].lower != *r) {
                        continue;
                    }
                    if !requirements_met(s, k + len, e) {
                        continue;
                    }
                    let nominal = match e.form {
                        Form::Noun => {
                            let pron =
                                prev.is_some_and(|p| words::is_pronoun(p) || words::is_modal_hypothetical(p));
                            if pron || (prev == Some("to") && has_verb) {
                                continue;
                            }
                            if prev.is_some_and(|p| {
                                matches!(
                                    p,
                                    "great" | "good" | "raw" | "big" | "fair" | "better" | "worse" | "new"
                                )
                            }) && e.lemma == "deal"
                            {
                                continue;
                            }
                            true
                        }
                        Form::Past => {
                            // adjectival: "the banned drug", "with audited accounts", "his fierce shot"
                            let adj_slot = k >= 2
                                && words::is_det(&s.w[k - 2].lower)
                                && s.w[k - 1].kind == TokenKind::Word
                                && !s.w[k - 1].cap
                                && (words::is_plain_adjective(&s.w[k - 1].lower)
                                    || matches!(
                                        s.w[k - 1].lower.as_str(),
                                        "fierce" | "powerful" | "superb" | "stinging" | "curling"
                                    ));
                            if prev_det
                                || adj_slot
                                || prev.is_some_and(|p| matches!(p, "with" | "of" | "for"))
                            {
                                continue;
                            }
                            if e.lemma == "win"
                                && (k > 0 && s.w[k - 1].kind == TokenKind::Number
                                    || prev.is_some_and(|p| matches!(p, "trillion" | "billion" | "million")))
                            {
                                continue; // the Korean currency
                            }
                            false
                        }
                        Form::Ing => prev_det || prev_prep && prev != Some("by"),
                        Form::Base | Form::S => {
                            if prev_det || prev_prep {
                                continue;
                            }
                            // a noun reading of the same word wins without a verbal cue
                            let noun_too = entries.iter().any(|x| x.form == Form::Noun && x.rest == e.rest);
                            if noun_too && !prev_verbal {
                                continue;
                            }
                            false
                        }
                    };
                    // an `other` verb needs a plain verbal cue: "Airbus A380 test flight" and
                    // "the Lion operating system" are nouns
                    if e.kind == "other" && !nominal {
                        let strict_verbal = prev_adv.is_some_and(|p| {
                            p == "to"
                                || words::is_aux(p)
                                || words::is_pronoun(p)
                                || words::is_neg(p) && p != "no"
                                || words::is_relative(p)
                        });
                        match e.form {
                            Form::Base if !strict_verbal && !prev.is_some_and(|p| p.ends_with('s')) => {
                                continue
                            }
                            Form::Ing
                                if !prev_adv.is_some_and(|p| {
                                    words::is_be(p) || p == "," || words::is_aspect_verb(p)
                                }) =>
                            {
                                continue
                            }
                            _ => {}
                        }
                    }
                    if e.lemma == "decline" && s.w.get(k + len).is_some_and(|x| x.lower == "to") {
                        continue;
                    }
                    if e.lemma == "order"
                        && (nominal
                            && prev.is_some_and(|p| {
                                matches!(
                                    p,
                                    "court"
                                        | "executive"
                                        | "restraining"
                                        | "gag"
                                        | "in"
                                        | "public"
                                        | "law"
                                        | "protection"
                                        | "removal"
                                        | "deportation"
                                        | "world"
                                        | "new"
                                        | "social"
                                        | "natural"
                                )
                            }))
                    {
                        continue;
                    }
                    if e.lemma == "aid" && prev == Some("in") {
                        continue;
                    }
                    // "the ruling party", "Labour's ruling National Executive Committee": an adjective
                    if e.lemma == "ruling"
                        && s.w.get(k + len).is_some_and(|x| {
                            x.cap
                                || matches!(
                                    x.lower.as_str(),
                                    "party"
                                        | "coalition"
                                        | "class"
                                        | "elite"
                                        | "junta"
                                        | "council"
                                        | "committee"
                                        | "family"
                                        | "bloc"
                                )
                        })
                    {
                        continue;
                    }
                    if e.lemma == "strike" && !(prev_det || prev.is_some_and(words::is_strike_modifier)) {
                        continue;
                    }
                    // a bare base-form verb needs a verbal cue or a plural subject ("spiritual support")
                    if e.form == Form::Base
                        && !nominal
                        && !prev_verbal
                        && !prev.is_some_and(|p| p.ends_with('s') || matches!(p, "and" | "or"))
                        && k > 0
                    {
                        continue;
                    }
                    // an event noun modifying another noun is no event ("protest songs", "supporting roles")
                    if (e.form == Form::Noun
                        || e.form == Form::Ing && nominal
                        || e.form == Form::Ing && !prev_verbal)
                        && s.w.get(k + len).is_some_and(|x| {
                            let l = x.lower.as_str();
                            x.kind == TokenKind::Word
                                && !x.cap
                                && x.ent.is_none()
                                && !l.ends_with("ed")
                                && !l.ends_with("ly")
                                && !words::is_det(l)
                                && !words::is_prep(l)
                                && !words::is_aux(l)
                                && !words::is_pronoun(l)
                                && !words::is_relative(l)
                                && !words::is_subordinator(l)
                                && !words::is_neg(l)
                                && !words::is_report_verb(l)
                                && !matches!(l, "and" | "or" | "to" | "but" | "nor")
                                && !self.lexicon.by_first.contains_key(l)
                                && !matches!(
                                    l,
                                    "broke"
                                        | "began"
                                        | "took"
                                        | "came"
                                        | "went"
                                        | "made"
                                        | "fell"
                                        | "rose"
                                        | "won"
                                        | "lost"
                                        | "saw"
                                        | "left"
                                        | "ran"
                                        | "got"
                                        | "led"
                                        | "held"
                                        | "hit"
                                        | "cut"
                                        | "put"
                                        | "set"
                                        | "continue"
                                        | "continues"
                                        | "follows"
                                        | "comes"
                                        | "takes"
                                        | "begins"
                                        | "ends"
                                        | "remains"
                                        | "involving"
                                        | "including"
                                )
                        })
                    {
                        continue;
                    }
                    let better = match best {
                        None => true,
                        Some((bl, be, _)) => len > bl || (len == bl && be.form == Form::Noun && !nominal),
                    };
                    // an `other` occurrence is a verb: its noun uses are no rows
                    if e.kind == "other" && nominal {
                        continue;
                    }
                    if better {
                        best = Some((len, e, nominal));
                    }
                }
            }
            let Some((len, e, nominal)) = best else {
                k += 1;
                continue;
            };
            let mut start = k;
            if nominal && e.form == Form::Noun {
                // compound modifiers: "joint press conference", "river crossing exercise"
                let mut j = k;
                while j > 0 && k - j < 3 {
                    let p = &s.w[j - 1];
                    let l = p.lower.as_str();
                    if p.kind != TokenKind::Word
                        || p.cap
                        || p.ent.is_some()
                        || p.date.is_some()
                        || words::is_det(l)
                        || words::is_prep(l)
                        || words::is_aux(l)
                        || words::is_pronoun(l)
                        || words::is_relative(l)
                        || words::is_subordinator(l)
                        || words::is_report_verb(l)
                        || words::is_light_verb(l)
                        || words::is_chain_adverb(l)
                        || words::is_neg(l)
                        || words::is_plan_cue(l)
                        || words::is_plain_adjective(l)
                        || matches!(l, "and" | "or" | "to" | "but")
                        || l.ends_with("ed")
                        || self.lexicon.by_first.contains_key(l)
                    {
                        break;
                    }
                    j -= 1;
                }
                start = j;
            }
            // the complement of a title or a body's name is no event: "director of public
            // prosecutions", "minister for trade disputes", "head of investigations"
            if nominal && title_complement(s, start) {
                k += len;
                continue;
            }
            // "goes on sale" launches a product
            let next = s.w.get(k + len).map(|t| t.lower.as_str());
            let kind = if e.lemma == "sale" && prev == Some("on") {
                "product_launch"
            } else if e.lemma == "release" && next == Some("from") {
                "yield" // released from prison, from a camp
            } else {
                e.kind
            };
            out.push(Trig {
                start,
                end: k + len,
                head: k,
                form: e.form,
                kind,
                lemma: e.lemma,
                nominal,
            });
            k += len;
        }
        // a support verb whose object is a noun trigger ("signed an agreement") yields to the noun
        let mut drop = vec![false; out.len()];
        for i in 0..out.len().saturating_sub(1) {
            let (a, b) = (&out[i], &out[i + 1]);
            if !a.nominal
                && b.nominal
                && words::is_light_verb(&s.w[a.head].lower)
                && (a.end..b.start)
                    .all(|j| words::is_det(&s.w[j].lower) || s.w[j].kind == TokenKind::Word && !s.w[j].cap)
                && b.start - a.end <= 3
            {
                drop[i] = true;
            }
        }
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
        out
    }
}

fn requirements_met(s: &Sent, after: usize, e: &lexicon::Entry) -> bool {
    let n = s.w.len();
    if !e.need.is_empty() && !(after..(after + 6).min(n)).any(|j| e.need.contains(&s.w[j].lower.as_str())) {
        return false;
    }
    if (after..(after + 3).min(n)).any(|j| e.forbid.contains(&s.w[j].lower.as_str())) {
        return false;
    }
    true
}

pub(crate) fn prev_word<'a>(s: &'a Sent, k: usize) -> Option<&'a str> {
    (k > 0).then(|| s.w[k - 1].lower.as_str())
}

/// For each caption sentence: the caption's first DATE expression. A caption is a
/// sentence of a caption block, or a sentence opening "This photo ..." (plain-text
/// captions often share a paragraph with the body text that follows them).
fn caption_dates(doc: &Analyzed, dates: &[DateExpr]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let block = doc.sentence_kind(si) == BlockKind::Caption;
        let scope = if block {
            doc.paragraphs[sent.paragraph].span
        } else {
            sent.span
        };
        let is_caption = block || {
            let head: String = sent
                .span
                .slice(doc.text)
                .chars()
                .take(24)
                .collect::<String>()
                .to_ascii_lowercase();
            head.starts_with("this photo")
                || head.starts_with("this file photo")
                || head.starts_with("this image")
                || head.starts_with("this picture")
                || head.starts_with("photo:")
        };
        if !is_caption {
            continue;
        }
        if let Some(di) = dates
            .iter()
            .enumerate()
            .filter(|(_, d)| scope.contains(d.span) && d.kind == TimexType::Date && d.date_start.is_some())
            .min_by_key(|(_, d)| d.span.start)
            .map(|(i, _)| i)
        {
            out.push((si, di));
        }
    }
    out
}

/// Tokens of one sentence with entity/date coverage and clause segments.
fn prepare<'a>(
    doc: &Analyzed<'a>,
    si: usize,
    entities: &[Entity],
    ent_order: &[usize],
    dates: &[DateExpr],
    date_order: &[usize],
) -> Sent<'a> {
    let sent = &doc.sentences[si];
    let toks = &doc.tokens[sent.tokens.clone()];
    let mut w: Vec<W> = Vec::with_capacity(toks.len());
    let mut ei = ent_order.partition_point(|&i| entities[i].span.end <= sent.span.start);
    let mut di = date_order.partition_point(|&i| dates[i].span.end <= sent.span.start);
    // short parentheticals ("(L)", "(EADS)", "(Yonhap)") are dropped from the view
    let mut skip = vec![false; toks.len()];
    for (i, t) in toks.iter().enumerate() {
        if t.span.slice(doc.text) == "(" {
            if let Some(j) = (i + 1..toks.len().min(i + 5)).find(|&j| toks[j].span.slice(doc.text) == ")") {
                skip[i..=j].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    for (ti, t) in toks.iter().enumerate() {
        if skip[ti] {
            continue;
        }
        let txt = t.span.slice(doc.text);
        while ei < ent_order.len() && entities[ent_order[ei]].span.end <= t.span.start {
            ei += 1;
        }
        while di < date_order.len() && dates[date_order[di]].span.end <= t.span.start {
            di += 1;
        }
        let ent =
            (ei < ent_order.len() && entities[ent_order[ei]].span.overlaps(t.span)).then(|| ent_order[ei]);
        let date =
            (di < date_order.len() && dates[date_order[di]].span.overlaps(t.span)).then(|| date_order[di]);
        let lower = if txt.bytes().any(|b| b.is_ascii_uppercase()) || !txt.is_ascii() {
            txt.to_lowercase().replace('’', "'")
        } else {
            txt.to_string()
        };
        w.push(W {
            text: txt,
            lower,
            span: t.span,
            kind: t.kind,
            cap: txt.chars().next().is_some_and(|c| c.is_uppercase()),
            ent,
            date,
            seg: 0,
        });
    }
    // segments
    let mut segs = Vec::new();
    let mut start = 0;
    for k in 0..w.len() {
        let cut_before = k > start
            && (w[k - 1].kind == TokenKind::Punct && is_boundary_punct(w[k - 1].text)
                || w[k].kind == TokenKind::Word
                    && w[k].ent.is_none()
                    && (words::is_relative(&w[k].lower)
                        && !(w[k].lower == "that" && k > 0 && words::is_prep(&w[k - 1].lower))
                        || matches!(
                            w[k].lower.as_str(),
                            "while"
                                | "whereas"
                                | "although"
                                | "though"
                                | "because"
                                | "if"
                                | "unless"
                                | "when"
                                | "whenever"
                                | "where"
                                | "whether"
                                | "but"
                        ))
                || words::is_report_verb(&w[k - 1].lower) && w[k - 1].ent.is_none());
        if cut_before {
            segs.push((start, k));
            start = k;
        }
    }
    if start < w.len() {
        segs.push((start, w.len()));
    }
    for (si, &(a, b)) in segs.iter().enumerate() {
        for t in &mut w[a..b] {
            t.seg = si;
        }
    }
    Sent { w, segs }
}

/// Is the noun phrase starting at `start` the complement of a title or a body's
/// name ("director of public prosecutions")? One modifier may come between.
fn title_complement(s: &Sent, start: usize) -> bool {
    let mut p = start;
    if p > 0 && s.w[p - 1].kind == TokenKind::Word && !s.w[p - 1].cap && !words::is_prep(&s.w[p - 1].lower) {
        p -= 1;
    }
    p >= 2
        && matches!(s.w[p - 1].lower.as_str(), "of" | "for")
        && matches!(
            s.w[p - 2].lower.as_str(),
            "director"
                | "directors"
                | "minister"
                | "ministers"
                | "secretary"
                | "department"
                | "ministry"
                | "office"
                | "commissioner"
                | "head"
                | "chief"
                | "chiefs"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
        )
}

/// Lexicon lemmas of reporting verbs: a statement event only with a speaker.
pub(crate) fn is_reporting_lemma(l: &str) -> bool {
    matches!(
        l,
        "say" | "state" | "claim" | "argue" | "cite" | "quote" | "comment" | "report" | "tell"
    )
}

/// True for a LOCATION entity.
pub(crate) fn is_location(e: &Entity) -> bool {
    e.kind == EntityType::Location
}

/// Make an actor.
pub(crate) fn actor(name: String, role: &'static str) -> Actor {
    Actor { name, role }
}

#[cfg(test)]
mod tests;
