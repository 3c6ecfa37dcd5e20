//! Dates: the TempEval-3 measures over time expressions.
//!
//! * strict: the same span (one-to-one);
//! * relaxed: overlapping spans;
//! * value: relaxed match with the same TIMEX3 value (case and surrounding
//!   space ignored) — TempEval-3's "value F1";
//! * type: relaxed match with the same type (DATE, TIME, DURATION, SET).
//!
//! Recognizers-Text: only its DateTimeModel sentences are scored; each has the
//! spec's reference time as its dct when the spec gives one.

use super::gold::{GoldDoc, GoldTimex};
use super::metrics::{closest, overlap_match, snippet, strict_match, Prf, Tally};
use super::predict::{PDate, Pred};
use super::report::{Table, TaskReport};
use std::collections::BTreeMap;

/// Gold type → DATE / TIME / DURATION / SET (Recognizers' "datetimeV2.daterange" → DATE).
pub fn map_type(t: Option<&str>) -> &'static str {
    let t = t.unwrap_or("").to_ascii_lowercase();
    let t = t.strip_prefix("datetimev2.").unwrap_or(&t);
    match t {
        "date" | "daterange" => "DATE",
        "time" | "timerange" | "datetime" | "datetimerange" | "timezone" => "TIME",
        "duration" => "DURATION",
        "set" => "SET",
        _ => "OTHER",
    }
}

pub fn same_value(g: &GoldTimex, p: &PDate) -> bool {
    g.value
        .as_deref()
        .is_some_and(|v| !v.trim().is_empty() && v.trim().eq_ignore_ascii_case(p.value.trim()))
}

/// Score date predictions against a set's gold.
pub fn score(set: &str, docs: &[GoldDoc], preds: &[Pred]) -> TaskReport {
    let has_spec = docs.iter().any(|d| d.spec.is_some());
    let (mut strict, mut relaxed, mut value, mut typed) =
        (Prf::default(), Prf::default(), Prf::default(), Prf::default());
    let mut by_type: BTreeMap<&'static str, (Prf, Prf)> = BTreeMap::new();
    let (mut fn_t, mut fp_t, mut wrong_t) = (Tally::default(), Tally::default(), Tally::default());
    let mut n_docs = 0;
    for (doc, pred) in docs.iter().zip(preds) {
        if has_spec && doc.spec.as_deref() != Some("DateTimeModel") {
            continue;
        }
        n_docs += 1;
        let gold = &doc.timexes;
        let pred = &pred.dates;
        let gs = |g: &GoldTimex| (g.start, g.end);
        let ps = |p: &PDate| p.span;
        let hs = strict_match(gold, pred, gs, ps, |_, _| true);
        let hr = overlap_match(gold, pred, gs, ps, |_, _| true);
        let hv = overlap_match(gold, pred, gs, ps, same_value);
        let ht = overlap_match(gold, pred, gs, ps, |g, p| map_type(g.kind.as_deref()) == p.kind);
        strict.add(&hs.prf());
        relaxed.add(&hr.prf());
        value.add(&hv.prf());
        typed.add(&ht.prf());
        for (i, g) in gold.iter().enumerate() {
            let t = map_type(g.kind.as_deref());
            let e = by_type.entry(t).or_default();
            e.0.n_gold += 1;
            e.0.gold_hit += hr.gold[i] as usize;
            e.1.n_gold += 1;
            e.1.gold_hit += hv.gold[i] as usize;
            if !hr.gold[i] {
                fn_t.add(format!("{} ({t})", snippet(&g.text, 40)));
            } else if !hv.gold[i] {
                let p = closest((g.start, g.end), pred.iter().map(|p| p.span)).map(|j| &pred[j]);
                wrong_t.add(format!(
                    "{}: {} → {}",
                    snippet(&g.text, 40),
                    g.value.as_deref().unwrap_or("-"),
                    p.map(|p| p.value.as_str()).unwrap_or("-")
                ));
            }
        }
        for (j, p) in pred.iter().enumerate() {
            if !hr.pred[j] {
                fp_t.add(format!("{} ({})", snippet(&p.text, 40), p.kind));
            }
        }
    }
    let mut rep = TaskReport::new(set, "dates");
    rep.n_docs = n_docs;
    if has_spec {
        rep.selection = "DateTimeModel sentences".into();
    }
    let mut t = Table::new("timex", "Time expressions (TempEval-3 measures)");
    t.row("strict", strict);
    t.row("relaxed", relaxed);
    t.row("value", value);
    t.row("type", typed);
    rep.tables.push(t);
    let mut t = Table::new("recall_by_type", "Recall per gold type (relaxed span; value)");
    for (ty, (r, v)) in &by_type {
        t.row(&format!("{ty} span"), Prf::new(r.n_gold, 0, r.gold_hit, 0));
        t.row(&format!("{ty} value"), Prf::new(v.n_gold, 0, v.gold_hit, 0));
    }
    rep.tables.push(t);
    rep.errors("Missed time expressions", &fn_t, 15);
    rep.errors("Spurious time expressions", &fp_t, 15);
    rep.errors("Found with the wrong value (gold → predicted)", &wrong_t, 15);
    if has_spec {
        rep.notes.push(
            "Recognizers-Text DateTimeModel: relative expressions resolve against each sentence's \
             reference time (its dct); sentences without one cannot get the spec's relative values."
                .into(),
        );
    }
    rep.notes.push(
        "Recall-per-type rows have no predictions by design: their precision and F1 are not meaningful."
            .into(),
    );
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gt(start: usize, end: usize, t: &str, v: &str) -> GoldTimex {
        GoldTimex {
            start,
            end,
            text: "x".into(),
            kind: Some(t.into()),
            value: Some(v.into()),
        }
    }
    fn pd(start: usize, end: usize, kind: &'static str, v: &str) -> PDate {
        PDate {
            span: (start, end),
            kind,
            value: v.into(),
            text: "x".into(),
        }
    }

    #[test]
    fn tempeval_measures() {
        // "on Friday, Aug. 7, 1998, for two weeks, last month"
        let d = GoldDoc {
            doc_id: "d".into(),
            timexes: vec![
                gt(3, 23, "DATE", "1998-08-07"),
                gt(29, 38, "DURATION", "P2W"),
                gt(40, 50, "DATE", "1998-07"),
            ],
            ..Default::default()
        };
        let p = Pred {
            dates: vec![
                pd(3, 23, "DATE", "1998-08-07"),
                pd(25, 38, "DURATION", "p2w"),
                pd(45, 50, "DATE", "1998-06"),
                pd(60, 64, "DATE", "1998"),
            ],
            ..Default::default()
        };
        let r = score("te", &[d], &[p]);
        assert_eq!(r.metric("timex/strict/r"), Some(1.0 / 3.0));
        assert_eq!(r.metric("timex/strict/p"), Some(0.25));
        assert_eq!(r.metric("timex/relaxed/r"), Some(1.0));
        assert_eq!(r.metric("timex/relaxed/p"), Some(0.75));
        assert_eq!(r.metric("timex/value/r"), Some(2.0 / 3.0));
        assert_eq!(r.metric("timex/value/p"), Some(0.5));
        assert_eq!(r.metric("timex/type/r"), Some(1.0));
        assert_eq!(r.metric("recall_by_type/DATE value/r"), Some(0.5));
        assert_eq!(r.errors[2].items[0].0, "x: 1998-07 → 1998-06");
    }

    #[test]
    fn spec_filter_and_types() {
        assert_eq!(map_type(Some("datetimeV2.daterange")), "DATE");
        assert_eq!(map_type(Some("datetimeV2.datetime")), "TIME");
        assert_eq!(map_type(Some("SET")), "SET");
        let a = GoldDoc {
            doc_id: "a".into(),
            spec: Some("DateTimeModel".into()),
            timexes: vec![gt(0, 4, "datetimeV2.date", "2019")],
            ..Default::default()
        };
        let b = GoldDoc {
            doc_id: "b".into(),
            spec: Some("NumberModel".into()),
            ..Default::default()
        };
        let pb = Pred {
            dates: vec![pd(0, 2, "DATE", "X")],
            ..Default::default()
        };
        let r = score("rt", &[a, b], &[Pred::default(), pb]);
        assert_eq!(r.n_docs, 1);
        assert_eq!(r.metric("timex/relaxed/r"), Some(0.0));
        assert_eq!(r.tables[0].rows[1].prf.n_pred, 0);
    }
}
