//! Entities: strict (same span and type) and relaxed (overlapping span, same
//! type) precision/recall/F1, per type and overall.
//!
//! Gold types map PER→PERSON, LOC→LOCATION, ORG→ORG, MISC→MISC; other gold
//! types (MEANTIME's PRO, FIN) are not scored. Only the types a set annotates
//! are scored, so a MISC prediction is not a false positive on a set without
//! MISC. For MEANTIME (entities carry `syntactic_type`) the gold names are the
//! `NAM` and `PRE.NAM` mentions plus untyped mentions that look like names
//! (every content word capitalised, not a pronoun): MEANTIME also annotates
//! nominals and pronouns, which are not names, and leaves some names untyped.
//! Not every name is annotated there, so read its recall.
//! Gold duplicates (same span and type) count once.

use super::gold::{GoldDoc, GoldEntity};
use super::metrics::{overlap_match, snippet, strict_match, Prf, Tally};
use super::predict::{PEntity, Pred};
use super::report::{Table, TaskReport};
use std::collections::BTreeSet;

pub const TYPES: [&str; 4] = ["PERSON", "ORG", "LOCATION", "MISC"];
const PER_ORG_LOC: [&str; 3] = ["PERSON", "ORG", "LOCATION"];

/// Gold type → our type.
pub fn map_type(t: &str) -> Option<&'static str> {
    match t.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => Some("PERSON"),
        "LOC" | "LOCATION" | "GPE" => Some("LOCATION"),
        "ORG" | "ORGANIZATION" | "ORGANISATION" => Some("ORG"),
        "MISC" => Some("MISC"),
        _ => None,
    }
}

const NOT_NAMES: &[&str] = &[
    "i",
    "me",
    "my",
    "we",
    "us",
    "our",
    "you",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "it",
    "its",
    "it's",
    "they",
    "them",
    "their",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "themselves",
    "itself",
    "himself",
    "herself",
    "ourselves",
];
const LOWER_OK: &[&str] = &[
    "of", "and", "for", "de", "du", "la", "le", "von", "van", "der", "&", "the", "on", "in",
];

/// An untyped MEANTIME mention that reads as a name: not a pronoun, and every
/// word after an optional leading "the" starts with a capital or digit, or
/// holds a capital ("iPhone"), except connectors ("of", "and", "&").
pub fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return false;
    }
    if words.len() == 1 && NOT_NAMES.contains(&words[0].to_lowercase().as_str()) {
        return false;
    }
    let rest = if words[0].eq_ignore_ascii_case("the") && words.len() > 1 {
        &words[1..]
    } else {
        &words[..]
    };
    let mut content = 0;
    for w in rest {
        let lw = w.to_lowercase();
        if LOWER_OK.contains(&lw.as_str()) || !w.chars().any(|c| c.is_alphanumeric()) {
            continue;
        }
        let first = w.chars().find(|c| c.is_alphanumeric()).unwrap_or('a');
        if !(first.is_uppercase() || first.is_ascii_digit() || w.chars().any(|c| c.is_uppercase())) {
            return false;
        }
        content += 1;
    }
    content > 0
}

/// The gold names of one document that are scored: (span, our type, text), deduplicated.
pub fn gold_names(doc: &GoldDoc, meantime: bool) -> Vec<((usize, usize), &'static str, String)> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for e in &doc.entities {
        if meantime && !is_meantime_name(e) {
            continue;
        }
        let Some(t) = e.kind.as_deref().and_then(map_type) else {
            continue;
        };
        if seen.insert((e.start, e.end, t)) {
            out.push(((e.start, e.end), t, e.text.clone()));
        }
    }
    out
}

fn is_meantime_name(e: &GoldEntity) -> bool {
    match e.syntactic_type.as_deref() {
        Some("NAM") | Some("PRE.NAM") => true,
        None => looks_like_name(&e.text),
        Some(_) => false,
    }
}

/// Score entity predictions against a set's gold.
pub fn score(set: &str, docs: &[GoldDoc], preds: &[Pred]) -> TaskReport {
    let meantime = docs
        .iter()
        .any(|d| d.entities.iter().any(|e| e.syntactic_type.is_some()));
    let golds: Vec<_> = docs.iter().map(|d| gold_names(d, meantime)).collect();
    // Types the set annotates.
    let types: Vec<&'static str> = TYPES
        .iter()
        .copied()
        .filter(|t| golds.iter().any(|g| g.iter().any(|x| x.1 == *t)))
        .collect();
    let mut strict = vec![Prf::default(); types.len()];
    let mut relaxed = vec![Prf::default(); types.len()];
    let (mut fn_t, mut fp_t, mut wrong_t, mut bound_t) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    for (gold, all_pred) in golds.iter().zip(preds) {
        let pred: Vec<&PEntity> = all_pred
            .entities
            .iter()
            .filter(|p| types.contains(&p.kind))
            .collect();
        let gs = |g: &((usize, usize), &'static str, String)| g.0;
        let ps = |p: &&PEntity| p.span;
        let same = |g: &((usize, usize), &'static str, String), p: &&PEntity| g.1 == p.kind;
        let hs = strict_match(gold, &pred, gs, ps, same);
        let hr = overlap_match(gold, &pred, gs, ps, same);
        for (k, t) in types.iter().enumerate() {
            strict[k].add(&hs.prf_where(|i| gold[i].1 == *t, |j| pred[j].kind == *t));
            relaxed[k].add(&hr.prf_where(|i| gold[i].1 == *t, |j| pred[j].kind == *t));
        }
        for (i, g) in gold.iter().enumerate() {
            if hs.gold[i] {
                continue;
            }
            if let Some(p) = all_pred.entities.iter().find(|p| p.span == g.0) {
                wrong_t.add(format!("{} ({} → {})", snippet(&g.2, 50), g.1, p.kind));
            } else if let Some(p) = pred
                .iter()
                .find(|p| p.kind == g.1 && super::metrics::overlaps(p.span, g.0))
            {
                bound_t.add(format!(
                    "{} → {} ({})",
                    snippet(&g.2, 50),
                    snippet(&p.text, 50),
                    g.1
                ));
            } else {
                fn_t.add(format!("{} ({})", snippet(&g.2, 50), g.1));
            }
        }
        for (j, p) in pred.iter().enumerate() {
            if !hs.pred[j]
                && !gold
                    .iter()
                    .any(|g| g.0 == p.span || (g.1 == p.kind && super::metrics::overlaps(g.0, p.span)))
            {
                fp_t.add(format!("{} ({})", snippet(&p.text, 50), p.kind));
            }
        }
    }
    let mut rep = TaskReport::new(set, "entities");
    rep.n_docs = docs.len();
    for (key, title, per) in [
        ("strict", "Strict: same span and type", &strict),
        ("relaxed", "Relaxed: overlapping span, same type", &relaxed),
    ] {
        let mut t = Table::new(key, title);
        for (k, ty) in types.iter().enumerate() {
            t.row(ty, per[k]);
        }
        let mut pol = Prf::default();
        for (k, ty) in types.iter().enumerate() {
            if PER_ORG_LOC.contains(ty) {
                pol.add(&per[k]);
            }
        }
        t.row("PER+ORG+LOC", pol);
        if types.contains(&"MISC") {
            let mut all = Prf::default();
            per.iter().for_each(|p| all.add(p));
            t.row("all", all);
        }
        rep.tables.push(t);
    }
    rep.errors(
        "Missed names (false negatives, no overlapping prediction of the type)",
        &fn_t,
        15,
    );
    rep.errors(
        "Spurious names (false positives, overlapping no gold name)",
        &fp_t,
        15,
    );
    rep.errors("Right span, wrong type (gold → predicted)", &wrong_t, 10);
    rep.errors("Right type, wrong boundaries (gold → predicted)", &bound_t, 10);
    if meantime {
        rep.notes.push(
            "MEANTIME gold names: NAM, PRE.NAM and name-like untyped mentions; not every name is annotated, \
             so precision understates and recall is the firmer figure."
                .to_string(),
        );
    }
    rep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::GoldEntity;

    fn ge(start: usize, end: usize, t: &str, syn: Option<&str>, text: &str) -> GoldEntity {
        GoldEntity {
            start,
            end,
            kind: Some(t.to_string()),
            syntactic_type: syn.map(|s| s.to_string()),
            text: text.to_string(),
            ..Default::default()
        }
    }
    fn pe(start: usize, end: usize, kind: &'static str) -> PEntity {
        PEntity {
            span: (start, end),
            kind,
            text: format!("t{start}"),
        }
    }
    fn doc(ents: Vec<GoldEntity>) -> GoldDoc {
        GoldDoc {
            doc_id: "d".into(),
            entities: ents,
            ..Default::default()
        }
    }

    #[test]
    fn strict_and_relaxed_per_type() {
        // "Donald Trump met Lee Jae-myung in Gyeongju" style gold.
        let d = doc(vec![
            ge(0, 12, "PER", None, "Donald Trump"),
            ge(17, 30, "PER", None, "Lee Jae-myung"),
            ge(34, 42, "LOC", None, "Gyeongju"),
            ge(50, 55, "MISC", None, "Korea"),
        ]);
        let p = Pred {
            entities: vec![
                pe(0, 12, "PERSON"),
                pe(17, 20, "PERSON"),
                pe(34, 42, "ORG"),
                pe(60, 65, "ORG"),
            ],
            ..Default::default()
        };
        let r = score("x", &[d], &[p]);
        // Strict PERSON: 1 of 2 gold, 1 of 2 predicted.
        assert_eq!(r.metric("strict/PERSON/p"), Some(0.5));
        assert_eq!(r.metric("strict/PERSON/r"), Some(0.5));
        assert_eq!(r.metric("relaxed/PERSON/f1"), Some(1.0));
        // ORG: no gold ORG in the set → ORG is not a scored type... but it is predicted.
        assert_eq!(r.metric("strict/ORG/f1"), None);
        assert_eq!(r.metric("strict/LOCATION/r"), Some(0.0));
        // PER+ORG+LOC: gold 3 (2 PER + 1 LOC), pred 2 PERSON; MISC has no prediction.
        assert_eq!(r.metric("strict/PER+ORG+LOC/r"), Some(1.0 / 3.0));
        assert_eq!(r.metric("strict/PER+ORG+LOC/p"), Some(0.5));
        assert_eq!(r.metric("strict/MISC/r"), Some(0.0));
        assert!(r.metric("strict/all/f1").is_some());
        let wrong = &r.errors[2].items;
        assert_eq!(wrong[0].0, "Gyeongju (LOCATION → ORG)");
    }

    #[test]
    fn empty_gold_and_empty_prediction() {
        let d = doc(vec![ge(0, 5, "PER", None, "Jones")]);
        let r = score("x", std::slice::from_ref(&d), &[Pred::default()]);
        assert_eq!(r.metric("strict/PERSON/f1"), Some(0.0));
        assert_eq!(r.metric("strict/PERSON/p"), Some(0.0));
        // A document with no gold names: predictions of scored types are false positives.
        let empty = doc(vec![]);
        let p = Pred {
            entities: vec![pe(0, 3, "PERSON")],
            ..Default::default()
        };
        let r = score("x", &[d, empty], &[Pred::default(), p]);
        assert_eq!(r.metric("strict/PERSON/p"), Some(0.0));
        // Nothing at all: perfect by convention.
        let r = score(
            "x",
            &[doc(vec![ge(0, 5, "PER", None, "Jones")])],
            &[Pred {
                entities: vec![pe(0, 5, "PERSON")],
                ..Default::default()
            }],
        );
        assert_eq!(r.metric("strict/PERSON/f1"), Some(1.0));
    }

    #[test]
    fn duplicates_count_once_in_gold_and_as_errors_in_predictions() {
        let d = doc(vec![
            ge(0, 5, "ORG", None, "Apple"),
            ge(0, 5, "ORG", None, "Apple"),
        ]);
        let p = Pred {
            entities: vec![pe(0, 5, "ORG"), pe(0, 5, "ORG")],
            ..Default::default()
        };
        let r = score("x", &[d], &[p]);
        assert_eq!(r.metric("strict/ORG/r"), Some(1.0));
        assert_eq!(r.metric("strict/ORG/p"), Some(0.5));
        assert_eq!(r.metric("relaxed/ORG/p"), Some(0.5));
    }

    #[test]
    fn meantime_names_only() {
        let d = doc(vec![
            ge(0, 18, "ORG", Some("NAM"), "Airbus parent EADS"),
            ge(0, 6, "ORG", Some("NAM"), "Airbus"),
            ge(14, 18, "ORG", Some("NAM"), "EADS"),
            ge(20, 22, "ORG", None, "it"),
            ge(30, 41, "ORG", Some("NOM"), "the company"),
            ge(50, 54, "PER", None, "Jobs"),
            ge(60, 62, "LOC", Some("PRE.NAM"), "US"),
            ge(70, 78, "PRO", Some("NAM"), "iPhone 4"),
        ]);
        let p = Pred {
            entities: vec![
                pe(0, 6, "ORG"),
                pe(14, 18, "ORG"),
                pe(50, 54, "PERSON"),
                pe(70, 78, "MISC"),
            ],
            ..Default::default()
        };
        let r = score("meantime", &[d], &[p]);
        // Gold names: 3 ORG + Jobs + US = 5; relaxed finds all but US.
        assert_eq!(r.metric("relaxed/PER+ORG+LOC/r"), Some(0.8));
        assert_eq!(r.metric("strict/PER+ORG+LOC/r"), Some(0.6));
        // The MISC prediction is ignored (MEANTIME has no MISC here).
        assert_eq!(r.metric("relaxed/PER+ORG+LOC/p"), Some(1.0));
    }

    #[test]
    fn name_shape() {
        for yes in [
            "Boeing",
            "the Air Force",
            "Apple CEO Steve Jobs",
            "Mobile, Alabama",
            "iPhone 4",
            "AT&T",
        ] {
            assert!(looks_like_name(yes), "{yes}");
        }
        for no in [
            "it",
            "He",
            "the aircraft",
            "we",
            "the company",
            "Congressional lawmakers",
            "the",
        ] {
            assert!(!looks_like_name(no), "{no}");
        }
    }
}
