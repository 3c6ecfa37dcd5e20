//! Runs the statistical tagger over a whole analyzed document: one feature
//! pass per sentence, greedy decoding, BIO → token-range mentions.

use super::features::{label_type, sentence_features, DocFeatures, SentFeats};
use super::lexicon::Lexicon;
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
    for_each_sentence(doc, &df, |r, f| {
        norms.clear();
        shapes.clear();
        norms.extend(df.toks[r.clone()].iter().map(|t| t.norm.as_str()));
        shapes.extend(df.toks[r.clone()].iter().map(|t| t.shape.as_str()));
        model.tag(f, &norms, &shapes, &mut labels[r]);
    });
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
