//! Entities extractor: PERSON, ORG, LOCATION and MISC mentions with their
//! article-level canonical name, a cross-article key and the stated role.
//!
//! Stages, one file each:
//! * [`features`] + [`model`] + [`tagger`]: an averaged-perceptron BIO tagger
//!   (weights compiled in from `data/models/ner.bin.zst`, trained by
//!   `src/bin/train_ner.rs` on CoNLL-2003 train; see docs/entities.md). ALL-CAPS
//!   lines are tagged with case-normalised features (the case a word has
//!   elsewhere in the article).
//! * [`lexicon`]: gazetteers from `data/lexicons/entity_*` (features and rules).
//! * [`rules`]: titles split off names, organisation suffixes, possessives,
//!   one type per name within the article.
//! * [`roles`]: title before / appositive after a person mention.
//! * [`names`]: entity keys and in-article canonical names.

pub mod features;
pub mod lexicon;
pub mod model;
pub mod names;
pub mod roles;
pub mod rules;
pub mod tagger;

use super::{Entity, EntityType};
use crate::analyze::Analyzed;
use crate::article::Span;
use lexicon::Lexicon;
use model::Model;
use serde::Deserialize;

/// The shipped tagger weights (see `src/bin/train_ner.rs` and docs/entities.md).
pub static MODEL_BYTES: &[u8] = include_bytes!("../../../data/models/ner.bin.zst");

/// `[extract.entities]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EntitiesConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
    /// Fill `role` from a title before or an appositive after a person. Default: true.
    pub roles: bool,
    /// Emit MISC mentions (nationalities, events, laws, products). Default: true.
    pub misc: bool,
}

impl Default for EntitiesConfig {
    fn default() -> Self {
        EntitiesConfig {
            enabled: true,
            roles: true,
            misc: true,
        }
    }
}

pub struct EntityExtractor {
    cfg: EntitiesConfig,
    lex: Lexicon,
    model: Model,
}

const TYPES: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Location,
    EntityType::Misc,
];

impl EntityExtractor {
    pub fn new(cfg: &EntitiesConfig) -> anyhow::Result<Self> {
        let model = Model::load(MODEL_BYTES)?;
        anyhow::ensure!(!model.is_empty(), "the shipped NER model is empty");
        Ok(EntityExtractor {
            cfg: cfg.clone(),
            lex: Lexicon::new(),
            model,
        })
    }

    pub fn extract(&self, doc: &Analyzed) -> Vec<Entity> {
        let (df, labels) = tagger::tag_labels(doc, &self.lex, &self.model);
        let mut ms = rules::apply(doc, &df, &self.lex, tagger::mentions(&labels));
        if !self.cfg.misc {
            ms.retain(|m| m.ty != rules::MISC);
        }
        let spans: Vec<Span> = ms
            .iter()
            .map(|m| {
                Span::new(
                    doc.tokens[m.tokens.start].span.start,
                    doc.tokens[m.tokens.end - 1].span.end,
                )
            })
            .collect();
        let keyed: Vec<(String, Option<&'static str>)> = spans
            .iter()
            .zip(&ms)
            .map(|(s, m)| {
                let pk = m
                    .tokens
                    .clone()
                    .map(|i| df.toks[i].norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                names::key_with_phrase(&self.lex, s.slice(doc.text), &pk)
            })
            .collect();
        let ins: Vec<names::NameIn> = ms
            .iter()
            .zip(&spans)
            .zip(&keyed)
            .map(|((m, s), k)| names::NameIn {
                ty: m.ty,
                surface: s.slice(doc.text),
                key: k.0.clone(),
            })
            .collect();
        let canon = names::canonicalise(&ins);
        // token → covered by a mention
        let mut covered = vec![false; doc.tokens.len()];
        for m in &ms {
            covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
        }
        let is_covered = |i: usize| covered[i];
        let mut roles: Vec<Option<String>> = ms
            .iter()
            .zip(&spans)
            .map(|(m, span)| {
                (self.cfg.roles && m.ty == rules::PER)
                    .then(|| {
                        let s = doc.sentence_at(span.start)?;
                        roles::role(
                            doc,
                            &df,
                            &self.lex,
                            m.tokens.clone(),
                            doc.sentences[s].tokens.clone(),
                            &is_covered,
                        )
                    })
                    .flatten()
            })
            .collect();
        // A role stated once is the person's role in every mention of the
        // article ("Gen. Xavier Brunson" … "Brunson said"): mentions without
        // one of their own take the first stated for the same person.
        let mut first_role: std::collections::HashMap<&str, String> = Default::default();
        for ((m, (c, _)), r) in ms.iter().zip(&canon).zip(&roles) {
            if let (rules::PER, Some(r)) = (m.ty, r) {
                first_role.entry(c.as_str()).or_insert_with(|| r.clone());
            }
        }
        for ((m, (c, _)), r) in ms.iter().zip(&canon).zip(roles.iter_mut()) {
            if m.ty == rules::PER && r.is_none() {
                *r = first_role.get(c.as_str()).cloned();
            }
        }
        ms.iter()
            .zip(spans)
            .zip(keyed)
            .zip(canon)
            .zip(roles)
            .map(
                |((((m, span), (_, sub)), (canonical, entity_key)), role)| Entity {
                    span,
                    kind: TYPES[m.ty],
                    subtype: sub.map(str::to_string),
                    canonical,
                    entity_key,
                    role,
                },
            )
            .collect()
    }
}

#[cfg(test)]
mod rules_tests;
#[cfg(test)]
mod tests;
