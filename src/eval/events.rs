//! Events: trigger precision/recall/F1 — strict (same span, one-to-one) and
//! relaxed (overlapping spans) — with recall per gold class.
//!
//! MEANTIME participants: of the gold events that have an Arg0 or Arg1
//! participant that is a name (a NAM / PRE.NAM / name-like entity mention),
//! the share for which a predicted event whose trigger overlaps the gold
//! trigger has one of those participants among its `actors` (the actor's name
//! and the mention share their words in order, case-folded: "Trump" names
//! "Donald Trump").

use super::entities::looks_like_name;
use super::gold::{GoldDoc, GoldEntity, GoldEvent};
use super::metrics::{overlap_match, overlaps, snippet, strict_match, Prf, Tally};
use super::predict::{PEvent, Pred};
use super::report::{Table, TaskReport};
use std::collections::{BTreeMap, HashMap};

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
        .collect()
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Does an actor name refer to the gold mention?
pub fn names_mention(actor: &str, mention: &str) -> bool {
    let (a, m) = (words(actor), words(mention));
    contains_seq(&a, &m) || contains_seq(&m, &a)
}

fn is_name(e: &GoldEntity) -> bool {
    match e.syntactic_type.as_deref() {
        Some("NAM") | Some("PRE.NAM") => true,
        None => looks_like_name(&e.text),
        Some(_) => false,
    }
}

/// Score event predictions against a set's gold.
pub fn score(set: &str, docs: &[GoldDoc], preds: &[Pred]) -> TaskReport {
    let (mut strict, mut relaxed) = (Prf::default(), Prf::default());
    let mut by_class: BTreeMap<String, Prf> = BTreeMap::new();
    let (mut fn_t, mut fp_t, mut part_miss) = (Tally::default(), Tally::default(), Tally::default());
    let (mut part_n, mut part_hit) = (0usize, 0usize);
    let has_participants = docs.iter().any(|d| !d.participants.is_empty());
    for (doc, pred) in docs.iter().zip(preds) {
        let gold = &doc.events;
        let pred = &pred.events;
        let gs = |g: &GoldEvent| (g.start, g.end);
        let ps = |p: &PEvent| p.trigger;
        let hs = strict_match(gold, pred, gs, ps, |_, _| true);
        let hr = overlap_match(gold, pred, gs, ps, |_, _| true);
        strict.add(&hs.prf());
        relaxed.add(&hr.prf());
        for (i, g) in gold.iter().enumerate() {
            let e = by_class
                .entry(g.class.clone().unwrap_or_else(|| "-".into()))
                .or_default();
            e.n_gold += 1;
            e.gold_hit += hr.gold[i] as usize;
            if !hr.gold[i] {
                fn_t.add(g.text.to_lowercase());
            }
        }
        for (j, p) in pred.iter().enumerate() {
            if !hr.pred[j] {
                fp_t.add(format!("{} ({})", p.text.to_lowercase(), p.kind));
            }
        }
        if has_participants {
            let ents: HashMap<&str, &GoldEntity> = doc
                .entities
                .iter()
                .filter_map(|e| Some((e.id.as_deref()?, e)))
                .collect();
            for g in gold {
                let Some(id) = g.id.as_deref() else { continue };
                let names: Vec<&GoldEntity> = doc
                    .participants
                    .iter()
                    .filter(|p| p.event == id && matches!(p.sem_role.as_str(), "Arg0" | "Arg1"))
                    .filter_map(|p| ents.get(p.argument.as_str()).copied())
                    .filter(|e| is_name(e))
                    .collect();
                if names.is_empty() {
                    continue;
                }
                part_n += 1;
                let found = pred
                    .iter()
                    .filter(|p| overlaps(p.trigger, (g.start, g.end)))
                    .any(|p| {
                        p.actors
                            .iter()
                            .any(|a| names.iter().any(|e| names_mention(a, &e.text)))
                    });
                if found {
                    part_hit += 1;
                } else {
                    part_miss.add(format!(
                        "{}: {}",
                        g.text.to_lowercase(),
                        snippet(&names[0].text, 40)
                    ));
                }
            }
        }
    }
    let mut rep = TaskReport::new(set, "events");
    rep.n_docs = docs.len();
    let mut t = Table::new("trigger", "Event triggers");
    t.row("strict", strict);
    t.row("relaxed", relaxed);
    rep.tables.push(t);
    let mut t = Table::new("recall_by_class", "Relaxed trigger recall per gold class");
    for (c, p) in &by_class {
        t.row(c, *p);
    }
    rep.tables.push(t);
    if has_participants {
        let v = if part_n == 0 {
            0.0
        } else {
            part_hit as f64 / part_n as f64
        };
        rep.scalar(
            "participants/named_arg01",
            "Gold events with a named Arg0/Arg1 that come out with it among the actors",
            v,
            format!("{part_hit} of {part_n} events"),
        );
        rep.errors(
            "Named participants not found (trigger: participant)",
            &part_miss,
            12,
        );
    }
    rep.errors("Missed triggers", &fn_t, 15);
    rep.errors("Spurious triggers (trigger, predicted type)", &fp_t, 15);
    rep.notes
        .push("Recall-per-class rows carry no predictions: only their recall is meaningful.".into());
    rep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::GoldParticipant;

    fn ev(id: &str, start: usize, end: usize, class: &str, text: &str) -> GoldEvent {
        GoldEvent {
            id: Some(id.into()),
            start,
            end,
            text: text.into(),
            class: Some(class.into()),
        }
    }
    fn pe(start: usize, end: usize, actors: &[&str]) -> PEvent {
        PEvent {
            trigger: (start, end),
            kind: "meet",
            actors: actors.iter().map(|s| s.to_string()).collect(),
            text: "x".into(),
        }
    }

    #[test]
    fn triggers_and_participants() {
        // "Trump met Lee in Gyeongju. Boeing protested. It rained."
        let d = GoldDoc {
            doc_id: "d".into(),
            entities: vec![
                GoldEntity {
                    id: Some("e1".into()),
                    start: 0,
                    end: 5,
                    text: "Trump".into(),
                    kind: Some("PER".into()),
                    syntactic_type: Some("NAM".into()),
                },
                GoldEntity {
                    id: Some("e2".into()),
                    start: 27,
                    end: 33,
                    text: "Boeing".into(),
                    kind: Some("ORG".into()),
                    syntactic_type: None,
                },
                GoldEntity {
                    id: Some("e3".into()),
                    start: 46,
                    end: 48,
                    text: "It".into(),
                    kind: Some("PRO".into()),
                    syntactic_type: Some("PRO".into()),
                },
            ],
            events: vec![
                ev("v1", 6, 9, "OTHER", "met"),
                ev("v2", 34, 43, "OTHER", "protested"),
                ev("v3", 49, 55, "OTHER", "rained"),
            ],
            participants: vec![
                GoldParticipant {
                    event: "v1".into(),
                    argument: "e1".into(),
                    sem_role: "Arg0".into(),
                },
                GoldParticipant {
                    event: "v2".into(),
                    argument: "e2".into(),
                    sem_role: "Arg0".into(),
                },
                // A pronoun participant is not a named one.
                GoldParticipant {
                    event: "v3".into(),
                    argument: "e3".into(),
                    sem_role: "Arg1".into(),
                },
            ],
            ..Default::default()
        };
        let p = Pred {
            events: vec![
                pe(6, 9, &["Donald Trump", "Lee Jae-myung"]),
                pe(34, 40, &["Airbus"]),
                pe(60, 64, &[]),
            ],
            ..Default::default()
        };
        let r = score("mt", &[d], &[p]);
        assert_eq!(r.metric("trigger/strict/r"), Some(1.0 / 3.0));
        assert_eq!(r.metric("trigger/relaxed/r"), Some(2.0 / 3.0));
        assert_eq!(r.metric("trigger/relaxed/p"), Some(2.0 / 3.0));
        assert_eq!(r.metric("participants/named_arg01"), Some(0.5));
        assert!(names_mention("Donald Trump", "Trump"));
        assert!(names_mention("Boeing", "the Boeing Co."));
        assert!(!names_mention("Airbus", "Boeing"));
    }

    #[test]
    fn empty_sides() {
        let d = GoldDoc {
            doc_id: "d".into(),
            events: vec![ev("v1", 0, 3, "OCCURRENCE", "met")],
            ..Default::default()
        };
        let r = score("te", &[d], &[Pred::default()]);
        assert_eq!(r.metric("trigger/relaxed/f1"), Some(0.0));
        assert_eq!(r.metric("participants/named_arg01"), None);
        let empty = GoldDoc {
            doc_id: "e".into(),
            ..Default::default()
        };
        let r = score("te", &[empty], &[Pred::default()]);
        assert_eq!(r.metric("trigger/strict/f1"), Some(1.0));
    }
}
