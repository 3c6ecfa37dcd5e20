//! Runs the statistical tagger over a whole analyzed document: one feature
//! pass per sentence, greedy decoding, BIO → token-range mentions.

use super::features::{label_type, sentence_features, token_features, Case, DocFeatures, SentFeats};
use super::lexicon::{Lexicon, F_PARTICLE};
use super::model::Model;
use crate::analyze::Analyzed;
use std::ops::Range;

/// Type index (0 PER, 1 ORG, 2 LOC, 3 MISC) of a tagged mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Token indices into `Analyzed::tokens`.
    pub tokens: Range<usize>,
    pub ty: usize,
}

/// Calls `each(token range, static features)` for every sentence.
pub fn for_each_sentence(doc: &Analyzed, df: &DocFeatures, mut each: impl FnMut(Range<usize>, &SentFeats)) {
    let mut f = SentFeats::default();
    for (s, sent) in doc.sentences.iter().enumerate() {
        sentence_features(df, sent.tokens.clone(), df.caps_sentence[s], &mut f);
        each(sent.tokens.clone(), &f);
    }
}

/// Labels per token of the whole document.
pub fn tag_labels(doc: &Analyzed, lex: &Lexicon, model: &Model) -> (DocFeatures, Vec<usize>) {
    let df = DocFeatures::new(doc, lex);
    let mut labels = vec![0usize; doc.tokens.len()];
    if model.is_empty() {
        return (df, labels);
    }
    let mut norms: Vec<&str> = Vec::new();
    let mut shapes: Vec<&str> = Vec::new();
    let mut plain: Vec<bool> = Vec::new();
    for (s, sent) in doc.sentences.iter().enumerate() {
        let r = sent.tokens.clone();
        let toks = &df.toks[r.clone()];
        norms.clear();
        shapes.clear();
        plain.clear();
        norms.extend(toks.iter().map(|t| t.norm.as_str()));
        shapes.extend(toks.iter().map(|t| t.shape.as_str()));
        plain.extend(
            toks.iter()
                .map(|t| t.is_word && t.case == Case::Lower && t.gaz & F_PARTICLE == 0),
        );
        let caps = df.caps_sentence[s];
        model.tag(
            |i, f| token_features(toks, i, caps, f),
            &norms,
            &shapes,
            &plain,
            &mut labels[r],
        );
    }
    (df, labels)
}

/// BIO labels → mentions (an I- after O or another type starts a mention).
pub fn mentions(labels: &[usize]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut cur: Option<Mention> = None;
    for (i, &l) in labels.iter().enumerate() {
        let ty = label_type(l);
        let begin = (1..=4).contains(&l);
        match (&mut cur, ty) {
            (Some(m), Some(t)) if !begin && m.ty == t => m.tokens.end = i + 1,
            _ => {
                if let Some(m) = cur.take() {
                    out.push(m);
                }
                if let Some(t) = ty {
                    cur = Some(Mention {
                        tokens: i..i + 1,
                        ty: t,
                    });
                }
            }
        }
    }
    if let Some(m) = cur {
        out.push(m);
    }
    out
}
