//! Counting and matching shared by the scorers: precision/recall/F1 counts,
//! span matching (strict and overlap), and tallies of the commonest errors.
//!
//! Conventions: precision is 1 when nothing was predicted and nothing was
//! expected, 0 when nothing was predicted but something was expected (and the
//! same for recall the other way round), so F1 is 1 only for a perfect output
//! and an empty output never scores.

use std::collections::HashMap;

/// Counts behind one precision/recall/F1 row. Hits are counted on each side
/// separately, so a relaxed match need not be one-to-one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub n_gold: usize,
    pub n_pred: usize,
    /// Gold items found.
    pub gold_hit: usize,
    /// Predicted items that are right.
    pub pred_hit: usize,
}

impl Prf {
    pub fn new(n_gold: usize, n_pred: usize, gold_hit: usize, pred_hit: usize) -> Self {
        Prf {
            n_gold,
            n_pred,
            gold_hit,
            pred_hit,
        }
    }
    pub fn precision(&self) -> f64 {
        match (self.n_pred, self.n_gold) {
            (0, 0) => 1.0,
            (0, _) => 0.0,
            (n, _) => self.pred_hit as f64 / n as f64,
        }
    }
    pub fn recall(&self) -> f64 {
        match (self.n_gold, self.n_pred) {
            (0, 0) => 1.0,
            (0, _) => 0.0,
            (n, _) => self.gold_hit as f64 / n as f64,
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, o: &Prf) {
        self.n_gold += o.n_gold;
        self.n_pred += o.n_pred;
        self.gold_hit += o.gold_hit;
        self.pred_hit += o.pred_hit;
    }
    /// Counts from hit flags.
    pub fn from_hits(gold: &[bool], pred: &[bool]) -> Self {
        Prf::new(
            gold.len(),
            pred.len(),
            gold.iter().filter(|&&h| h).count(),
            pred.iter().filter(|&&h| h).count(),
        )
    }
}

/// Which gold and predicted items were matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits {
    pub gold: Vec<bool>,
    pub pred: Vec<bool>,
}

impl Hits {
    pub fn prf(&self) -> Prf {
        Prf::from_hits(&self.gold, &self.pred)
    }
    /// Counts restricted to items whose label passes `keep`.
    pub fn prf_where(&self, gold_keep: impl Fn(usize) -> bool, pred_keep: impl Fn(usize) -> bool) -> Prf {
        let g: Vec<bool> = (0..self.gold.len())
            .filter(|&i| gold_keep(i))
            .map(|i| self.gold[i])
            .collect();
        let p: Vec<bool> = (0..self.pred.len())
            .filter(|&i| pred_keep(i))
            .map(|i| self.pred[i])
            .collect();
        Prf::from_hits(&g, &p)
    }
}

/// A half-open span in code points.
pub type CpSpan = (usize, usize);

pub fn overlaps(a: CpSpan, b: CpSpan) -> bool {
    a.0 < b.1 && b.0 < a.1
}

pub fn overlap_len(a: CpSpan, b: CpSpan) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Strict, one-to-one matching: a prediction hits a gold item with the same
/// span for which `ok` holds. A repeated prediction can only take a second gold
/// item with that span, so duplicates beyond the gold count are false positives.
pub fn strict_match<G, P>(
    gold: &[G],
    pred: &[P],
    gspan: impl Fn(&G) -> CpSpan,
    pspan: impl Fn(&P) -> CpSpan,
    ok: impl Fn(&G, &P) -> bool,
) -> Hits {
    let mut hits = Hits {
        gold: vec![false; gold.len()],
        pred: vec![false; pred.len()],
    };
    for (j, p) in pred.iter().enumerate() {
        let ps = pspan(p);
        if let Some(i) = (0..gold.len()).find(|&i| !hits.gold[i] && gspan(&gold[i]) == ps && ok(&gold[i], p))
        {
            hits.gold[i] = true;
            hits.pred[j] = true;
        }
    }
    hits
}

/// Overlap ("relaxed") matching: a gold item is found when some prediction
/// overlaps it and `ok` holds; a prediction is right when it overlaps some gold
/// item with `ok`. Not one-to-one (nested gold names can all be found by one
/// prediction), except that an exact repeat of an earlier prediction's span
/// that hits the same first gold item counts as a false positive.
pub fn overlap_match<G, P>(
    gold: &[G],
    pred: &[P],
    gspan: impl Fn(&G) -> CpSpan,
    pspan: impl Fn(&P) -> CpSpan,
    ok: impl Fn(&G, &P) -> bool,
) -> Hits {
    let mut hits = Hits {
        gold: vec![false; gold.len()],
        pred: vec![false; pred.len()],
    };
    let mut seen: std::collections::HashSet<(CpSpan, usize)> = Default::default();
    for (j, p) in pred.iter().enumerate() {
        let ps = pspan(p);
        let mut first = None;
        for (i, g) in gold.iter().enumerate() {
            if overlaps(gspan(g), ps) && ok(g, p) {
                hits.gold[i] = true;
                first.get_or_insert(i);
            }
        }
        if let Some(i) = first {
            hits.pred[j] = seen.insert((ps, i));
        }
    }
    hits
}

/// One-to-one overlap matching, best overlap first: for measures where one
/// prediction must not count for two gold items (figure values).
pub fn overlap_match_1to1<G, P>(
    gold: &[G],
    pred: &[P],
    gspan: impl Fn(&G) -> CpSpan,
    pspan: impl Fn(&P) -> CpSpan,
    ok: impl Fn(&G, &P) -> bool,
) -> Hits {
    let mut pairs = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            let (gs, ps) = (gspan(g), pspan(p));
            if overlaps(gs, ps) && ok(g, p) {
                // Prefer larger overlap, then tighter spans.
                let extra = (gs.1 - gs.0) + (ps.1 - ps.0) - 2 * overlap_len(gs, ps);
                pairs.push((std::cmp::Reverse(overlap_len(gs, ps)), extra, i, j));
            }
        }
    }
    pairs.sort_unstable();
    let mut hits = Hits {
        gold: vec![false; gold.len()],
        pred: vec![false; pred.len()],
    };
    for (_, _, i, j) in pairs {
        if !hits.gold[i] && !hits.pred[j] {
            hits.gold[i] = true;
            hits.pred[j] = true;
        }
    }
    hits
}

/// Among `spans`, the index of the one closest to `target`: overlapping it,
/// with the fewest code points on either side that are not shared.
pub fn closest(target: CpSpan, spans: impl IntoIterator<Item = CpSpan>) -> Option<usize> {
    spans
        .into_iter()
        .enumerate()
        .filter(|(_, s)| overlaps(*s, target))
        .min_by_key(|(_, s)| (s.1 - s.0) + (target.1 - target.0) - 2 * overlap_len(*s, target))
        .map(|(i, _)| i)
}

/// Counts of error strings, for "most frequent false positives/negatives".
#[derive(Debug, Clone, Default)]
pub struct Tally {
    counts: HashMap<String, usize>,
}

impl Tally {
    pub fn add(&mut self, key: impl Into<String>) {
        *self.counts.entry(key.into()).or_insert(0) += 1;
    }
    pub fn merge(&mut self, other: Tally) {
        for (k, v) in other.counts {
            *self.counts.entry(k).or_insert(0) += v;
        }
    }
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }
    /// The `n` commonest, ties by text.
    pub fn top(&self, n: usize) -> Vec<(String, usize)> {
        let mut v: Vec<(String, usize)> = self.counts.iter().map(|(k, &c)| (k.clone(), c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }
}

/// Text for an error list: whitespace collapsed, cut to `max` chars.
pub fn snippet(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        one
    } else {
        let cut: String = one.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// The slice of `text` between code point offsets (clamped, never panics).
pub fn cp_slice(text: &str, s: CpSpan) -> &str {
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let start = it.by_ref().nth(s.0).unwrap_or(text.len());
    let len = s.1.saturating_sub(s.0);
    let end = if len == 0 {
        start
    } else {
        text[start..]
            .char_indices()
            .map(|(b, _)| start + b)
            .chain(std::iter::once(text.len()))
            .nth(len)
            .unwrap_or(text.len())
    };
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn prf_conventions() {
        let both_empty = Prf::new(0, 0, 0, 0);
        assert_eq!(
            (both_empty.precision(), both_empty.recall(), both_empty.f1()),
            (1.0, 1.0, 1.0)
        );
        let no_pred = Prf::new(4, 0, 0, 0);
        assert_eq!(
            (no_pred.precision(), no_pred.recall(), no_pred.f1()),
            (0.0, 0.0, 0.0)
        );
        let no_gold = Prf::new(0, 3, 0, 0);
        assert_eq!(
            (no_gold.precision(), no_gold.recall(), no_gold.f1()),
            (0.0, 0.0, 0.0)
        );
        let half = Prf::new(4, 2, 2, 2);
        assert!(close(half.precision(), 1.0) && close(half.recall(), 0.5));
        assert!(close(half.f1(), 2.0 / 3.0));
    }

    #[test]
    fn strict_duplicates_are_false_positives() {
        let gold = [(0, 5, "PER"), (10, 12, "ORG")];
        let pred = [(0, 5, "PER"), (0, 5, "PER"), (10, 12, "LOC")];
        let h = strict_match(&gold, &pred, |g| (g.0, g.1), |p| (p.0, p.1), |g, p| g.2 == p.2);
        assert_eq!(h.gold, vec![true, false]);
        assert_eq!(h.pred, vec![true, false, false]);
        let prf = h.prf();
        assert!(close(prf.precision(), 1.0 / 3.0) && close(prf.recall(), 0.5));
    }

    #[test]
    fn overlap_finds_nested_gold_but_not_repeats() {
        // Gold: "Airbus parent EADS" (0..18), "Airbus" (0..6), "EADS" (14..18).
        let gold = [(0, 18), (0, 6), (14, 18)];
        let pred = [(0, 6), (0, 6), (14, 18), (30, 35)];
        let h = overlap_match(&gold, &pred, |g| *g, |p| *p, |_, _| true);
        assert_eq!(h.gold, vec![true, true, true]);
        assert_eq!(h.pred, vec![true, false, true, false]);
        let prf = h.prf();
        assert!(close(prf.recall(), 1.0) && close(prf.precision(), 0.5));
        // Touching spans do not overlap.
        let h = overlap_match(&[(0, 5)], &[(5, 9)], |g| *g, |p| *p, |_, _| true);
        assert_eq!(h.prf().f1(), 0.0);
    }

    #[test]
    fn one_to_one_prefers_best_overlap() {
        let gold = [(0, 10), (12, 20)];
        let pred = [(0, 20), (12, 20)];
        let h = overlap_match_1to1(&gold, &pred, |g| *g, |p| *p, |_, _| true);
        assert_eq!(h.gold, vec![true, true]);
        assert_eq!(h.pred, vec![true, true]);
        let h = overlap_match_1to1(&gold, &[(0, 20)], |g| *g, |p| *p, |_, _| true);
        assert_eq!(h.prf(), Prf::new(2, 1, 1, 1));
    }

    #[test]
    fn tally_and_text_helpers() {
        let mut t = Tally::default();
        for k in ["b", "a", "b", "c"] {
            t.add(k);
        }
        assert_eq!(t.top(2), vec![("b".to_string(), 2), ("a".to_string(), 1)]);
        assert_eq!(t.total(), 4);
        assert_eq!(snippet("a  b\n c", 10), "a b c");
        assert_eq!(snippet("abcdef", 3), "abc…");
        assert_eq!(cp_slice("“é” 한국 x", (4, 6)), "한국");
        assert_eq!(cp_slice("abc", (2, 9)), "c");
        assert_eq!(cp_slice("abc", (5, 9)), "");
    }
}
