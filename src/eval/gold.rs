//! Gold sets: one JSON object per line in the format of `shared/gold/README.md`.
//!
//! Every field a scorer may need is optional here (`null` and a missing field
//! both become the empty value), because each set carries only its own layers.
//! Offsets stay as written: Unicode code points, end exclusive.

use anyhow::Context;
use serde::{Deserialize, Deserializer};
use std::path::Path;

/// `null` or missing → the type's default (an empty list, mostly).
fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldDoc {
    pub doc_id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    /// Document creation date, ISO ("1998-08-07"), the article's `published`.
    #[serde(default)]
    pub dct: Option<String>,
    /// "train" / "dev" where a set has both.
    #[serde(default)]
    pub split: Option<String>,
    /// Recognizers-Text: which model's spec the sentence comes from.
    #[serde(default)]
    pub spec: Option<String>,
    /// HTML benchmark: the page, relative to the gold file's folder.
    #[serde(default)]
    pub file: Option<String>,
    /// HTML benchmark: the true article body.
    #[serde(default)]
    pub reference_text: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub entities: Vec<GoldEntity>,
    #[serde(default, deserialize_with = "null_default")]
    pub quotes: Vec<GoldQuote>,
    #[serde(default, deserialize_with = "null_default")]
    pub figures: Vec<GoldFigure>,
    #[serde(default, deserialize_with = "null_default")]
    pub timexes: Vec<GoldTimex>,
    #[serde(default, deserialize_with = "null_default")]
    pub events: Vec<GoldEvent>,
    /// MEANTIME: event → argument (entity id) with a PropBank role.
    #[serde(default, deserialize_with = "null_default")]
    pub participants: Vec<GoldParticipant>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldEntity {
    #[serde(default)]
    pub id: Option<String>,
    pub start: usize,
    pub end: usize,
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// MEANTIME: NAM, PRE.NAM, NOM, PRO, ... or null.
    #[serde(default)]
    pub syntactic_type: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_start: Option<usize>,
    #[serde(default)]
    pub speaker_end: Option<usize>,
    #[serde(default)]
    pub cue: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub kind: String,
    /// Content bounded by quote marks at both ends.
    #[serde(default)]
    pub direct: bool,
    /// Content pieces of a discontinuous (interrupted) quote.
    #[serde(default, deserialize_with = "null_default")]
    pub fragments: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldFigure {
    pub start: usize,
    pub end: usize,
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    /// MEANTIME: MONEY / PERCENT / QUANTITY; Recognizers: number, currency, ...
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// A number, a numeric string, "100%", a range "[20,100)" or "252.0-287.0".
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldEvent {
    #[serde(default)]
    pub id: Option<String>,
    pub start: usize,
    pub end: usize,
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    #[serde(default)]
    pub class: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldParticipant {
    pub event: String,
    pub argument: String,
    pub sem_role: String,
}

/// Lines of a MEANTIME document that are fully annotated: the headline, the
/// date line and the first four sentences (one per line). Its timexes and
/// figures never occur later, and later lines carry only a few entities and
/// events (those in cross-document chains), so predictions there cannot be
/// judged.
pub const MEANTIME_FULL_LINES: usize = 6;

/// For sets annotated only in part, the code point offset where the fully
/// annotated part of a document ends: MEANTIME's first six lines.
pub fn annotated_limit(set: &str, doc: &GoldDoc) -> Option<usize> {
    if !set.starts_with("meantime") {
        return None;
    }
    let mut cps = 0;
    for (i, line) in doc.text.split_inclusive('\n').enumerate() {
        if i == MEANTIME_FULL_LINES {
            return Some(cps);
        }
        cps += line.chars().count();
    }
    None
}

impl GoldDoc {
    /// Drop gold items starting at or after `limit` (code points).
    pub fn restrict(&mut self, limit: usize) {
        self.entities.retain(|x| x.start < limit);
        self.quotes.retain(|x| x.start < limit);
        self.figures.retain(|x| x.start < limit);
        self.timexes.retain(|x| x.start < limit);
        self.events.retain(|x| x.start < limit);
    }
}

/// Load a gold file; a bad line is an error naming the file and line.
pub fn load(path: &Path) -> anyhow::Result<Vec<GoldDoc>> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse(&raw).with_context(|| format!("in {}", path.display()))
}

/// Parse JSON lines (blank lines skipped).
pub fn parse(raw: &str) -> anyhow::Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(line).with_context(|| format!("line {}", i + 1))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// The set's name: the gold file's folder name ("conll2003_train").
pub fn set_name(path: &Path) -> String {
    let parent = path.parent().and_then(|p| p.file_name()).and_then(|s| s.to_str());
    let stem = path.file_stem().and_then(|s| s.to_str());
    match (parent, stem) {
        (Some(p), _) if !p.is_empty() => p.to_string(),
        (_, Some(s)) => s.to_string(),
        _ => "gold".to_string(),
    }
}

/// Keep `target` documents chosen by a stable hash of their ids (so a sample
/// does not change when other documents are added or reordered), in gold
/// order; `target` 0 keeps all.
pub fn sample(docs: Vec<GoldDoc>, target: usize) -> Vec<GoldDoc> {
    if target == 0 || docs.len() <= target {
        return docs;
    }
    // Rank by hash, keep the `target` smallest, then restore gold order.
    let mut keyed: Vec<(u64, usize)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let h = blake3::hash(d.doc_id.as_bytes());
            let mut b = [0u8; 8];
            b.copy_from_slice(&h.as_bytes()[..8]);
            (u64::from_le_bytes(b), i)
        })
        .collect();
    keyed.sort_unstable();
    let mut keep: Vec<usize> = keyed[..target].iter().map(|&(_, i)| i).collect();
    keep.sort_unstable();
    let mut docs: Vec<Option<GoldDoc>> = docs.into_iter().map(Some).collect();
    keep.into_iter().filter_map(|i| docs[i].take()).collect()
}

/// Byte offset → code point offset over one text. Offsets not on a char
/// boundary map to the code point that contains them.
pub struct CpMap {
    /// `cp[b]` for every byte offset `b` in `0..=len`.
    cp: Vec<u32>,
}

impl CpMap {
    pub fn new(text: &str) -> Self {
        let mut cp = Vec::with_capacity(text.len() + 1);
        let mut n = 0u32;
        for ch in text.chars() {
            for _ in 0..ch.len_utf8() {
                cp.push(n);
            }
            n += 1;
        }
        cp.push(n);
        CpMap { cp }
    }
    pub fn cp(&self, byte: usize) -> usize {
        self.cp[byte.min(self.cp.len() - 1)] as usize
    }
    /// A byte span as a code point span.
    pub fn span(&self, s: crate::article::Span) -> (usize, usize) {
        (self.cp(s.start), self.cp(s.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nulls_and_missing_layers() {
        let raw = r#"{"doc_id":"a","text":"Hi","dct":null,"figures":null}
{"doc_id":"b","text":"“Yes,” he said.","quotes":[{"start":0,"end":6,"text":"“Yes,”","speaker":"he","speaker_start":7,"speaker_end":9,"kind":"attribution","direct":true,"fragments":[[0,6]]}]}
"#;
        let docs = parse(raw).unwrap();
        assert_eq!(docs.len(), 2);
        assert!(docs[0].figures.is_empty() && docs[0].dct.is_none());
        assert_eq!(docs[1].quotes[0].fragments, vec![(0, 6)]);
        assert!(docs[1].quotes[0].direct);
    }

    #[test]
    fn bad_line_names_its_line() {
        let err = parse("{\"doc_id\":\"a\"}\n{oops}\n").unwrap_err();
        assert!(format!("{err:#}").contains("line 2"), "{err:#}");
    }

    #[test]
    fn code_points_from_bytes() {
        let t = "“é” 한국 x";
        let m = CpMap::new(t);
        let x = t.find('x').unwrap();
        assert_eq!(m.cp(x), 7);
        assert_eq!(m.cp(t.len()), 8);
        assert_eq!(m.cp(1), 0); // inside the first char
        let k = t.find('한').unwrap();
        assert_eq!(m.span(crate::article::Span::new(k, k + 6)), (4, 6));
    }

    #[test]
    fn meantime_region() {
        let mut d = GoldDoc {
            doc_id: "x".into(),
            text: "Head\nMarch 1, 2008\nS1.\nS2.\nS3.\nS4 é.\nS5.\nS6.".into(),
            entities: vec![
                GoldEntity {
                    start: 0,
                    end: 4,
                    ..Default::default()
                },
                GoldEntity {
                    start: 40,
                    end: 42,
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let limit = annotated_limit("meantime_dev", &d).unwrap();
        assert_eq!(
            limit,
            "Head\nMarch 1, 2008\nS1.\nS2.\nS3.\nS4 é.\n".chars().count()
        );
        assert_eq!(annotated_limit("tempeval3_tbaq", &d), None);
        d.restrict(limit);
        assert_eq!(d.entities.len(), 1);
        let short = GoldDoc {
            text: "a\nb".into(),
            ..Default::default()
        };
        assert_eq!(annotated_limit("meantime_dev", &short), None);
    }

    #[test]
    fn sample_is_stable_and_ordered() {
        let docs: Vec<GoldDoc> = (0..50)
            .map(|i| GoldDoc {
                doc_id: format!("d{i}"),
                ..Default::default()
            })
            .collect();
        let a = sample(docs.clone(), 10);
        let b = sample(docs.clone(), 10);
        assert_eq!(a.len(), 10);
        let ids: Vec<_> = a.iter().map(|d| d.doc_id.clone()).collect();
        assert_eq!(ids, b.iter().map(|d| d.doc_id.clone()).collect::<Vec<_>>());
        let pos: Vec<usize> = ids.iter().map(|id| id[1..].parse().unwrap()).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(sample(docs, 0).len(), 50);
    }
}
