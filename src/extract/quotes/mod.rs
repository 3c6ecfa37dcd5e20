//! Quotes extractor: one row per attributed statement.
//!
//! Components, run in this order per article:
//! * [`marks`] finds quote marks and pairs them into quoted regions
//!   (curly and straight, '' pairs, single-quote headlines, quotes running over
//!   several paragraphs, stray marks confined to their paragraph);
//! * [`lexicon`] holds the reporting verbs (`data/lexicons/reporting_verbs.txt`)
//!   and speaker head nouns (`data/lexicons/quote_speaker_nouns.txt`);
//! * [`direct`] attributes each region: cue after ("…," said X), before (X
//!   said: "…"), in the middle ("…," X said, "…" — one quote, two fragments),
//!   transcript colons (WALLACE: …); whole quoted sentences without a cue are
//!   floating quotes given the neighbouring speaker; quoted phrases inside a
//!   sentence are partial quotes;
//! * [`indirect`] finds reported speech outside quote marks: X said (that) …,
//!   according to X, …; …, X says; X's claim that …;
//! * [`speaker`] finds the mention as written and resolves it against the
//!   entities passed in (pronouns, surnames), keeping groups as written.
//!
//! See docs/quotes.md for the rules and their limits.

mod direct;
mod indirect;
mod lexicon;
mod marks;
mod speaker;
#[cfg(test)]
mod tests;

use super::{Entity, Quote, QuoteKind};
use crate::analyze::{Analyzed, TokenKind};
use crate::article::Span;
use lexicon::Lexicon;
use serde::Deserialize;
use std::ops::Range;

/// `[extract.quotes]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuotesConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
    /// Reported speech without quote marks ("X said that …", "according to X"). Default: true.
    pub indirect: bool,
    /// A reported statement that quotes some of its words ("Seoul framed the
    /// change as a restoration of “missile sovereignty”") is kind `partial`
    /// rather than `indirect`. Default: true.
    pub partial: bool,
    /// Also write each quoted phrase inside a statement as its own `partial`
    /// row with the statement's speaker. Default: false (one row per statement).
    pub partial_phrase_rows: bool,
    /// Whole quoted sentences with no cue, given the neighbouring speaker. Default: true.
    pub floating: bool,
    /// Stance and belief verbs (believe, think, expect …) as indirect cues. Default: true.
    pub cognition: bool,
    /// Evaluation verbs (call, accuse, criticize …) as indirect cues. Default: true.
    pub evaluation: bool,
    /// A floating quote takes the speaker of a quote at most this many paragraphs away. Default: 2.
    pub floating_reach: usize,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig {
            enabled: true,
            indirect: true,
            partial: true,
            partial_phrase_rows: false,
            floating: true,
            cognition: true,
            evaluation: true,
            floating_reach: 2,
        }
    }
}

pub struct QuoteExtractor {
    cfg: QuotesConfig,
    lex: Lexicon,
}

/// Per-article working state shared by the components.
pub(crate) struct Ctx<'a, 'd> {
    pub doc: &'a Analyzed<'d>,
    pub lex: &'a Lexicon,
    pub cfg: &'a QuotesConfig,
    /// Lower-cased token texts.
    pub lower: Vec<String>,
    /// Token lies inside a quoted region (marks included).
    pub quoted: Vec<bool>,
    /// Token already serves as the cue of an attribution.
    pub cue_used: Vec<bool>,
}

impl<'d> Ctx<'_, 'd> {
    pub fn tok(&self, i: usize) -> &'d str {
        self.doc.tok(i)
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }
    pub fn is_punct(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct
    }
    pub fn is_mark(&self, i: usize) -> bool {
        self.is_punct(i) && matches!(self.tok(i), "\"" | "“" | "”" | "'" | "‘" | "’" | "«" | "»" | "`")
    }
    /// Byte span covering tokens `r` (non-empty).
    pub fn span_of(&self, r: Range<usize>) -> Span {
        Span::new(
            self.doc.tokens[r.start].span.start,
            self.doc.tokens[r.end - 1].span.end,
        )
    }
    /// Token range of the sentence holding token `i`.
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        match self.doc.sentence_at(self.doc.tokens[i].span.start) {
            Some(s) => self.doc.sentences[s].tokens.clone(),
            None => i..i + 1,
        }
    }
    /// Token range of the paragraph holding token `i`.
    pub fn paragraph_range(&self, i: usize) -> Range<usize> {
        match self.doc.sentence_at(self.doc.tokens[i].span.start) {
            Some(s) => {
                let p = &self.doc.paragraphs[self.doc.sentences[s].paragraph];
                let a = self.doc.sentences[p.sentences.start].tokens.start;
                let b = self.doc.sentences[p.sentences.end - 1].tokens.end;
                a..b
            }
            None => i..i + 1,
        }
    }
    pub fn paragraph_of(&self, i: usize) -> usize {
        self.doc
            .sentence_at(self.doc.tokens[i].span.start)
            .map_or(0, |s| self.doc.sentences[s].paragraph)
    }
}

impl QuoteExtractor {
    pub fn new(cfg: &QuotesConfig) -> anyhow::Result<Self> {
        Ok(QuoteExtractor {
            cfg: cfg.clone(),
            lex: Lexicon::load()?,
        })
    }

    pub fn extract(&self, doc: &Analyzed, entities: &[Entity]) -> Vec<Quote> {
        if doc.tokens.is_empty() {
            return Vec::new();
        }
        let lower: Vec<String> = doc
            .tokens
            .iter()
            .map(|t| t.span.slice(doc.text).to_lowercase())
            .collect();
        let regions = marks::regions(doc);
        let mut quoted = vec![false; doc.tokens.len()];
        for r in &regions {
            let a = doc.token_at_or_after(r.open);
            let b = doc.token_at_or_after(r.end);
            for q in &mut quoted[a..b] {
                *q = true;
            }
        }
        let mut ctx = Ctx {
            doc,
            lex: &self.lex,
            cfg: &self.cfg,
            lower,
            quoted,
            cue_used: vec![false; doc.tokens.len()],
        };
        let mut resolver = speaker::Resolver::new(&ctx, entities);
        let directs = direct::attribute(&mut ctx, &regions);
        let indirects = if self.cfg.indirect {
            indirect::find(&mut ctx)
        } else {
            Vec::new()
        };
        let mut all: Vec<direct::Candidate> = directs.into_iter().chain(indirects).collect();
        if self.cfg.indirect {
            let extra = indirect::sourceless(&ctx, &all);
            all.extend(extra);
        }
        all.sort_by_key(|c| c.fragments[0].start);
        direct::fill_unattributed(&ctx, &mut all);
        let mut out = Vec::with_capacity(all.len());
        for c in all {
            if c.fragments.is_empty() {
                continue;
            }
            let (speaker, title_role) = match &c.mention {
                Some(m) => resolver.resolve(&ctx, m),
                None => (c.inherited.clone(), None),
            };
            if c.kind != QuoteKind::Direct && speaker.is_none() && c.mention.is_none() && !c.sourceless {
                continue;
            }
            let role = c
                .mention
                .as_ref()
                .and_then(|m| m.role)
                .map(|r| r.slice(doc.text).trim().to_string())
                .or(title_role)
                .or_else(|| {
                    let ms = c.mention.as_ref().map(|m| ctx.span_of(m.toks.clone()))?;
                    entities
                        .iter()
                        .find(|e| e.span.overlaps(ms))
                        .and_then(|e| e.role.clone())
                });
            let span = Span::new(c.fragments[0].start, c.fragments[c.fragments.len() - 1].end);
            out.push(Quote {
                span,
                fragments: c.fragments,
                kind: c.kind,
                speaker,
                speaker_span: c.mention.as_ref().map(|m| ctx.span_of(m.toks.clone())),
                speaker_role: role,
                cue_span: c.cue,
            });
        }
        out
    }
}
