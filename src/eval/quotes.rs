//! Quotes: a predicted quote matches a gold one when the word tokens they cover
//! overlap, intersection over union, by at least 0.3 (and, separately, 0.8).
//! Tokens are runs of letters and digits, so quote marks and punctuation do
//! not count. Scored twice: direct quotes (gold `direct`, predicted `kind =
//! direct`) and all attributions (every gold quote, every prediction).
//!
//! PolNeAR specifics (see NOTES.md, "Scoring pitfalls"):
//! * an interrupted quote ("…," X said, "…") is one gold record whose span
//!   covers the cue; its `fragments` are the content, so a gold quote's tokens
//!   are those of its fragments. Several predicted pieces lying mostly (≥ half
//!   their tokens) inside one gold quote may together match it, and then count
//!   as one prediction;
//! * a predicted direct quote lying inside (≥ 90% of its tokens) a gold
//!   attribution that is not `direct` (a quoted phrase inside a paraphrase) is
//!   neither a hit nor a miss for the direct score.
//!
//! Matching is one-to-one, best IoU first. Speaker accuracy is over matched
//! gold quotes that have a speaker: right when the predicted `speaker` or
//! `speaker_mention` names the gold speaker (the mention spans overlap, or one
//! name's words appear in order within the other's, case-folded).

use super::gold::{GoldDoc, GoldQuote};
use super::metrics::{snippet, CpSpan, Prf, Tally};
use super::predict::{PQuote, Pred};
use super::report::{Table, TaskReport};

pub const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// Word tokens of a text as code point spans.
pub fn word_tokens(text: &str) -> Vec<CpSpan> {
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    for c in text.chars() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push((s, i));
    }
    out
}

/// Indices of the tokens a set of spans touches, sorted and unique.
pub fn token_set(tokens: &[CpSpan], spans: &[CpSpan]) -> Vec<u32> {
    let mut v = Vec::new();
    for &(s, e) in spans {
        let a = tokens.partition_point(|t| t.1 <= s);
        let b = tokens.partition_point(|t| t.0 < e);
        v.extend((a..b.max(a)).map(|i| i as u32));
    }
    v.sort_unstable();
    v.dedup();
    v
}

fn inter(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

pub fn iou(a: &[u32], b: &[u32]) -> f64 {
    let i = inter(a, b);
    let u = a.len() + b.len() - i;
    if u == 0 {
        0.0
    } else {
        i as f64 / u as f64
    }
}

fn union(sets: &[&Vec<u32>]) -> Vec<u32> {
    let mut v: Vec<u32> = sets.iter().flat_map(|s| s.iter().copied()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Result of matching one document's quotes at one threshold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteMatch {
    /// For each gold quote, the predictions that matched it.
    pub gold: Vec<Option<Vec<usize>>>,
    pub pred_used: Vec<bool>,
    /// Predictions counted: all, less the extra pieces merged into a group.
    pub n_pred_eff: usize,
}

impl QuoteMatch {
    pub fn prf(&self) -> Prf {
        let hit = self.gold.iter().filter(|g| g.is_some()).count();
        Prf::new(self.gold.len(), self.n_pred_eff, hit, hit)
    }
}

/// One-to-one matching by IoU ≥ `thr`, best first; a group of predictions that
/// lie mostly inside one gold quote may match it together.
pub fn match_sets(gold: &[Vec<u32>], pred: &[Vec<u32>], thr: f64) -> QuoteMatch {
    let mut cands: Vec<(f64, usize, Vec<usize>)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        let mut inside = Vec::new();
        for (j, p) in pred.iter().enumerate() {
            let x = iou(g, p);
            if x >= thr && x > 0.0 {
                cands.push((x, i, vec![j]));
            }
            let n = inter(g, p);
            if !p.is_empty() && 2 * n >= p.len() && n > 0 {
                inside.push(j);
            }
        }
        if inside.len() >= 2 {
            let u = union(&inside.iter().map(|&j| &pred[j]).collect::<Vec<_>>());
            let x = iou(g, &u);
            if x >= thr {
                cands.push((x, i, inside));
            }
        }
    }
    // Best IoU first; at a tie, fewer pieces first; then gold order.
    cands.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.2.len().cmp(&b.2.len()))
            .then(a.1.cmp(&b.1))
    });
    let mut m = QuoteMatch {
        gold: vec![None; gold.len()],
        pred_used: vec![false; pred.len()],
        n_pred_eff: pred.len(),
    };
    for (_, i, js) in cands {
        if m.gold[i].is_some() || js.iter().any(|&j| m.pred_used[j]) {
            continue;
        }
        for &j in &js {
            m.pred_used[j] = true;
        }
        m.n_pred_eff -= js.len() - 1;
        m.gold[i] = Some(js);
    }
    m
}

fn words_lower(s: &str) -> Vec<String> {
    word_tokens(s)
        .iter()
        .map(|&sp| super::metrics::cp_slice(s, sp).to_lowercase())
        .collect()
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Does a predicted quote name the gold quote's speaker?
pub fn names_speaker(p: &PQuote, g: &GoldQuote) -> bool {
    if let (Some(ms), Some(s), Some(e)) = (p.mention_span, g.speaker_start, g.speaker_end) {
        if super::metrics::overlaps(ms, (s, e)) {
            return true;
        }
    }
    let Some(gs) = g.speaker.as_deref() else {
        return false;
    };
    let gw = words_lower(gs);
    let trivial = |w: &[String]| w.iter().all(|x| matches!(x.as_str(), "the" | "a" | "an" | "of"));
    [p.speaker.as_deref(), p.mention.as_deref()]
        .into_iter()
        .flatten()
        .any(|name| {
            let pw = words_lower(name);
            if trivial(&pw) || trivial(&gw) {
                return false;
            }
            contains_seq(&gw, &pw) || contains_seq(&pw, &gw)
        })
}

fn has_speaker(g: &GoldQuote) -> bool {
    g.speaker.as_deref().is_some_and(|s| !s.trim().is_empty())
}

/// Per-measure accumulators.
#[derive(Default)]
struct Acc {
    prf: Prf,
    spk_right: usize,
    spk_n: usize,
}

/// Score quote predictions against a set's gold.
pub fn score(set: &str, docs: &[GoldDoc], preds: &[Pred]) -> TaskReport {
    let mut direct: Vec<Acc> = THRESHOLDS.iter().map(|_| Acc::default()).collect();
    let mut all: Vec<Acc> = THRESHOLDS.iter().map(|_| Acc::default()).collect();
    // Recall of all attributions at 0.3 by gold kind: [direct, not direct, no source].
    let mut by_gold = [Prf::default(); 3];
    let (mut fn_cue, mut fp_cue, mut fn_direct, mut fp_direct, mut spk_wrong) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let mut ignored_inside = 0usize;
    for (doc, pred) in docs.iter().zip(preds) {
        let toks = word_tokens(&doc.text);
        let gset = |q: &GoldQuote| {
            if q.fragments.is_empty() {
                token_set(&toks, &[(q.start, q.end)])
            } else {
                token_set(&toks, &q.fragments)
            }
        };
        let gsets: Vec<Vec<u32>> = doc.quotes.iter().map(gset).collect();
        let psets: Vec<Vec<u32>> = pred
            .quotes
            .iter()
            .map(|p| token_set(&toks, &p.fragments))
            .collect();

        // Direct: gold direct vs predicted direct.
        let gd: Vec<usize> = (0..doc.quotes.len()).filter(|&i| doc.quotes[i].direct).collect();
        let pd: Vec<usize> = (0..pred.quotes.len())
            .filter(|&j| pred.quotes[j].kind == "direct")
            .collect();
        let gd_sets: Vec<Vec<u32>> = gd.iter().map(|&i| gsets[i].clone()).collect();
        let pd_sets: Vec<Vec<u32>> = pd.iter().map(|&j| psets[j].clone()).collect();
        for (k, &thr) in THRESHOLDS.iter().enumerate() {
            let m = match_sets(&gd_sets, &pd_sets, thr);
            let mut prf = m.prf();
            // Unmatched direct predictions inside a non-direct gold attribution: ignored.
            for (jj, &used) in m.pred_used.iter().enumerate() {
                let p = &pd_sets[jj];
                if used || p.is_empty() {
                    continue;
                }
                let inside = (0..doc.quotes.len())
                    .any(|i| !doc.quotes[i].direct && inter(&gsets[i], p) * 10 >= p.len() * 9);
                if inside {
                    prf.n_pred -= 1;
                    if k == 0 {
                        ignored_inside += 1;
                    }
                } else if k == 0 {
                    fp_direct.add(snippet(&pred.quotes[pd[jj]].text, 70));
                }
            }
            direct[k].prf.add(&prf);
            for (ii, g) in m.gold.iter().enumerate() {
                let gq = &doc.quotes[gd[ii]];
                match g {
                    Some(js) if has_speaker(gq) => {
                        direct[k].spk_n += 1;
                        if js.iter().any(|&jj| names_speaker(&pred.quotes[pd[jj]], gq)) {
                            direct[k].spk_right += 1;
                        }
                    }
                    None if k == 0 => fn_direct.add(snippet(&gq.text, 70)),
                    _ => {}
                }
            }
        }
        // All attributions.
        for (k, &thr) in THRESHOLDS.iter().enumerate() {
            let m = match_sets(&gsets, &psets, thr);
            all[k].prf.add(&m.prf());
            for (i, g) in m.gold.iter().enumerate() {
                let gq = &doc.quotes[i];
                if k == 0 {
                    let b = if gq.direct {
                        0
                    } else if has_speaker(gq) {
                        1
                    } else {
                        2
                    };
                    by_gold[b].n_gold += 1;
                    by_gold[b].gold_hit += g.is_some() as usize;
                }
                match g {
                    Some(js) if has_speaker(gq) => {
                        all[k].spk_n += 1;
                        if js.iter().any(|&j| names_speaker(&pred.quotes[j], gq)) {
                            all[k].spk_right += 1;
                        } else if k == 0 {
                            let p = &pred.quotes[js[0]];
                            spk_wrong.add(format!(
                                "{} → {}",
                                gq.speaker.as_deref().unwrap_or(""),
                                p.speaker.as_deref().or(p.mention.as_deref()).unwrap_or("(none)")
                            ));
                        }
                    }
                    None if k == 0 => fn_cue.add(cue_key(gq.cue.as_deref())),
                    _ => {}
                }
            }
            if k == 0 {
                for (j, &used) in m.pred_used.iter().enumerate() {
                    if !used {
                        fp_cue.add(format!(
                            "{} ({})",
                            cue_key(pred.quotes[j].cue.as_deref()),
                            pred.quotes[j].kind
                        ));
                    }
                }
            }
        }
    }
    let mut rep = TaskReport::new(set, "quotes");
    rep.n_docs = docs.len();
    for (key, title, acc) in [
        (
            "direct",
            "Direct quotes (gold `direct`, predicted kind direct)",
            &direct,
        ),
        ("all", "All attributions (direct, partial, indirect)", &all),
    ] {
        let mut t = Table::new(key, title);
        for (k, thr) in THRESHOLDS.iter().enumerate() {
            t.row(&format!("iou{thr}"), acc[k].prf);
        }
        rep.tables.push(t);
    }
    let mut t = Table::new(
        "recall_by_gold_kind",
        "All attributions: recall at IoU 0.3 per gold kind (no predictions per row)",
    );
    t.row("direct", by_gold[0]);
    t.row("not direct, with source", by_gold[1]);
    t.row("no source", by_gold[2]);
    rep.tables.push(t);
    for (key, label, acc) in [("direct", "direct", &direct), ("all", "all attributions", &all)] {
        let a = &acc[0];
        let v = if a.spk_n == 0 {
            0.0
        } else {
            a.spk_right as f64 / a.spk_n as f64
        };
        rep.scalar(
            &format!("{key}/speaker_acc@0.3"),
            &format!("Speaker accuracy, {label}, matched at IoU ≥ 0.3"),
            v,
            format!(
                "{} of {} matched quotes with a gold speaker",
                a.spk_right, a.spk_n
            ),
        );
    }
    rep.errors("Missed attributions by gold cue (IoU 0.3)", &fn_cue, 15);
    rep.errors(
        "Spurious attributions by predicted cue and kind (IoU 0.3)",
        &fp_cue,
        15,
    );
    rep.errors("Missed direct quotes (IoU 0.3)", &fn_direct, 8);
    rep.errors("Spurious direct quotes (IoU 0.3)", &fp_direct, 8);
    rep.errors(
        "Wrong speakers (gold → predicted), all attributions",
        &spk_wrong,
        12,
    );
    if ignored_inside > 0 {
        rep.notes.push(format!(
            "{ignored_inside} predicted direct quotes lay inside non-direct gold attributions and were not scored as direct."
        ));
    }
    rep
}

fn cue_key(c: Option<&str>) -> String {
    match c {
        Some(c) if !c.trim().is_empty() => snippet(&c.to_lowercase(), 30),
        _ => "(no cue)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "“We will win,” Smith said, “and soon.” Jones said taxes would rise. Aides called it a “historic win” for him.";

    fn at(t: &str, s: &str) -> CpSpan {
        let b = t.find(s).unwrap();
        let st = t[..b].chars().count();
        (st, st + s.chars().count())
    }

    fn gq(start_end: CpSpan, frags: Vec<CpSpan>, direct: bool, speaker: &str) -> GoldQuote {
        let sp = at(TEXT, speaker);
        GoldQuote {
            start: start_end.0,
            end: start_end.1,
            text: super::super::metrics::cp_slice(TEXT, start_end).to_string(),
            speaker: Some(speaker.to_string()),
            speaker_start: Some(sp.0),
            speaker_end: Some(sp.1),
            kind: "attribution".into(),
            direct,
            fragments: frags,
            ..Default::default()
        }
    }

    fn pq(frags: Vec<CpSpan>, kind: &'static str, speaker: Option<&str>) -> PQuote {
        PQuote {
            span: (frags[0].0, frags[frags.len() - 1].1),
            fragments: frags,
            kind,
            speaker: speaker.map(|s| s.to_string()),
            mention: None,
            mention_span: None,
            cue: Some("said".into()),
            text: String::new(),
        }
    }

    fn gold_doc() -> GoldDoc {
        let first = at(TEXT, "“We will win,”");
        let second = at(TEXT, "“and soon.”");
        GoldDoc {
            doc_id: "d".into(),
            text: TEXT.into(),
            quotes: vec![
                // Interrupted direct quote: span covers the cue; fragments are the content.
                gq((first.0, second.1), vec![first, second], true, "Smith"),
                gq(at(TEXT, "taxes would rise"), vec![], false, "Jones"),
                gq(at(TEXT, "it a “historic win” for him"), vec![], false, "Aides"),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn tokens_and_iou() {
        let toks = word_tokens("“Hi, there” — é1");
        assert_eq!(toks, vec![(1, 3), (5, 10), (14, 16)]);
        let a = token_set(&toks, &[(0, 4)]);
        assert_eq!(a, vec![0]);
        assert_eq!(token_set(&toks, &[(2, 6), (14, 15)]), vec![0, 1, 2]);
        assert!((iou(&[0, 1, 2, 3], &[2, 3, 4]) - 0.4).abs() < 1e-9);
        assert_eq!(iou(&[], &[]), 0.0);
    }

    #[test]
    fn perfect_extractor_scores_one_with_interrupted_quote() {
        let d = gold_doc();
        let p = Pred {
            quotes: vec![
                // The two pieces of the interrupted quote, as one prediction with fragments...
                pq(
                    vec![at(TEXT, "We will win,"), at(TEXT, "and soon.")],
                    "direct",
                    Some("Smith"),
                ),
                pq(vec![at(TEXT, "taxes would rise")], "indirect", Some("Jones")),
                pq(
                    vec![at(TEXT, "it a “historic win” for him")],
                    "indirect",
                    Some("aides"),
                ),
            ],
            ..Default::default()
        };
        let r = score("t", std::slice::from_ref(&d), &[p]);
        assert_eq!(r.metric("direct/iou0.8/f1"), Some(1.0));
        assert_eq!(r.metric("all/iou0.8/f1"), Some(1.0));
        assert_eq!(r.metric("direct/speaker_acc@0.3"), Some(1.0));
        assert_eq!(r.metric("all/speaker_acc@0.3"), Some(1.0));
        // ...or as two separate predictions: together they match the one gold quote
        // and count as one prediction.
        let p = Pred {
            quotes: vec![
                pq(vec![at(TEXT, "We will win,")], "direct", Some("Smith")),
                pq(vec![at(TEXT, "and soon.")], "direct", Some("Smith")),
            ],
            ..Default::default()
        };
        let r = score("t", &[d], &[p]);
        assert_eq!(r.metric("direct/iou0.8/p"), Some(1.0));
        assert_eq!(r.metric("direct/iou0.8/r"), Some(1.0));
        // All attributions: 1 of 3 gold found, 1 effective prediction.
        assert_eq!(r.metric("all/iou0.3/p"), Some(1.0));
        assert_eq!(r.metric("all/iou0.3/r"), Some(1.0 / 3.0));
        assert_eq!(r.metric("recall_by_gold_kind/direct/r"), Some(1.0));
        assert_eq!(
            r.metric("recall_by_gold_kind/not direct, with source/r"),
            Some(0.0)
        );
    }

    #[test]
    fn partial_quote_inside_indirect_is_not_a_direct_error() {
        let d = gold_doc();
        let p = Pred {
            quotes: vec![pq(vec![at(TEXT, "historic win")], "direct", Some("Aides"))],
            ..Default::default()
        };
        let r = score("t", &[d], &[p]);
        // Not a false positive for direct: precision stays undefined → 0 predictions.
        let t = &r.tables[0].rows[0].prf;
        assert_eq!(t.n_pred, 0);
        assert_eq!(t.n_gold, 1);
        // For all attributions it is a prediction that overlaps too little (2 of 6 tokens).
        assert_eq!(r.metric("all/iou0.3/p"), Some(1.0));
        assert_eq!(r.metric("all/iou0.8/p"), Some(0.0));
    }

    #[test]
    fn thresholds_empty_and_duplicates() {
        let d = gold_doc();
        // "taxes would" vs "taxes would rise": IoU 2/3 → matches at 0.3, not 0.8.
        let p = Pred {
            quotes: vec![
                pq(vec![at(TEXT, "taxes would")], "indirect", Some("Jones")),
                pq(vec![at(TEXT, "taxes would")], "indirect", Some("Jones")),
            ],
            ..Default::default()
        };
        let r = score("t", std::slice::from_ref(&d), &[p]);
        assert_eq!(r.metric("all/iou0.3/r"), Some(1.0 / 3.0));
        // The duplicate is a false positive.
        assert_eq!(r.metric("all/iou0.3/p"), Some(0.5));
        assert_eq!(r.metric("all/iou0.8/r"), Some(0.0));
        // Empty prediction.
        let r = score("t", std::slice::from_ref(&d), &[Pred::default()]);
        assert_eq!(r.metric("all/iou0.3/f1"), Some(0.0));
        // Empty gold.
        let empty = GoldDoc {
            doc_id: "e".into(),
            text: TEXT.into(),
            ..Default::default()
        };
        let p = Pred {
            quotes: vec![pq(vec![at(TEXT, "taxes would")], "indirect", None)],
            ..Default::default()
        };
        let r = score("t", std::slice::from_ref(&empty), &[p]);
        assert_eq!(r.metric("all/iou0.3/p"), Some(0.0));
        let r = score("t", &[empty], &[Pred::default()]);
        assert_eq!(r.metric("all/iou0.3/f1"), Some(1.0));
    }

    #[test]
    fn speaker_naming() {
        let d = gold_doc();
        let g = &d.quotes[0];
        let mut p = pq(vec![(0, 3)], "direct", Some("John Smith"));
        assert!(names_speaker(&p, g));
        p.speaker = Some("Jones".into());
        assert!(!names_speaker(&p, g));
        // The mention as written overlaps the gold speaker span.
        p.mention_span = Some(at(TEXT, "Smith"));
        assert!(names_speaker(&p, g));
        p.mention_span = None;
        p.speaker = Some("the".into());
        assert!(!names_speaker(&p, g));
    }
}
