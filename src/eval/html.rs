//! HTML: how much of the true article body the reader keeps, as bag-of-tokens
//! precision/recall/F1 of `articles.text` against `reference_text`.
//!
//! Tokens are runs of letters and digits, lower-cased; a token counts as many
//! times as it occurs on both sides (multiset overlap). Per page: P = common /
//! predicted tokens, R = common / reference tokens (an empty output scores 0,
//! unless the reference is empty too). Reported as the mean over pages of P
//! and R with F1 of those means (the article-extraction-benchmark way), and
//! micro-averaged over all tokens. A page the reader rejects counts as empty.

use super::gold::GoldDoc;
use super::metrics::{snippet, Prf, Tally};
use super::report::{Speed, Table, TaskReport};
use crate::article::Format;
use crate::config::InputConfig;
use crate::read::{self, Compression, InputFile};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// (common, predicted, reference) token counts of one page.
pub fn overlap(pred: &str, reference: &str) -> (usize, usize, usize) {
    let p = tokens(pred);
    let r = tokens(reference);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for t in &r {
        *counts.entry(t.as_str()).or_insert(0) += 1;
    }
    let mut common = 0;
    for t in &p {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    (common, p.len(), r.len())
}

/// What the reader made of one page: the text, or why it gave none.
pub struct PageOut {
    pub text: String,
    pub reject: Option<String>,
}

/// Read each page through the real HTML reader.
pub fn predict(gold_dir: &Path, docs: &[GoldDoc]) -> (Vec<PageOut>, Speed) {
    let cfg = InputConfig::default();
    let out: Vec<(PageOut, f64)> = docs
        .par_iter()
        .map(|d| {
            let rel = d
                .file
                .clone()
                .unwrap_or_else(|| format!("html/{}.html", d.doc_id));
            let path = gold_dir.join(&rel);
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let file = InputFile {
                path,
                rel,
                size,
                mtime_ns: 0,
                format: Format::Html,
                compression: Compression::None,
            };
            let t0 = Instant::now();
            let r = read::read_file(&file, &cfg);
            let ms = t0.elapsed().as_secs_f64() * 1e3;
            let page = match r.articles.into_iter().next() {
                Some(a) => PageOut {
                    text: a.text,
                    reject: None,
                },
                None => PageOut {
                    text: String::new(),
                    reject: Some(
                        r.rejects
                            .first()
                            .map(|x| x.reason.clone())
                            .unwrap_or_else(|| "no article".into()),
                    ),
                },
            };
            (page, ms)
        })
        .collect();
    let mut speed = Speed {
        stages: "read html".into(),
        threads: rayon::current_num_threads(),
        ..Default::default()
    };
    let mut pages = Vec::new();
    for (p, ms) in out {
        speed.extract_ms += ms;
        speed.words += p.text.split_whitespace().count();
        pages.push(p);
    }
    (pages, speed)
}

/// Score reader output against the reference bodies.
pub fn score(set: &str, docs: &[GoldDoc], pages: &[PageOut]) -> TaskReport {
    let (mut sum_p, mut sum_r, mut n) = (0.0, 0.0, 0usize);
    let mut micro = Prf::default();
    let mut rejects = Tally::default();
    let mut worst: Vec<(f64, String)> = Vec::new();
    for (d, page) in docs.iter().zip(pages) {
        let reference = d.reference_text.as_deref().unwrap_or("");
        let (common, np, nr) = overlap(&page.text, reference);
        let prf = Prf::new(nr, np, common, common);
        sum_p += prf.precision();
        sum_r += prf.recall();
        n += 1;
        micro.add(&prf);
        if let Some(r) = &page.reject {
            rejects.add(snippet(r, 80));
        }
        worst.push((prf.f1(), d.doc_id.clone()));
    }
    let (mp, mr) = if n == 0 {
        (1.0, 1.0)
    } else {
        (sum_p / n as f64, sum_r / n as f64)
    };
    let mut rep = TaskReport::new(set, "html");
    rep.n_docs = n;
    let mut t = Table::new("tokens", "Body tokens, micro-averaged over all pages");
    t.row("micro", micro);
    rep.tables.push(t);
    let mf1 = if mp + mr == 0.0 {
        0.0
    } else {
        2.0 * mp * mr / (mp + mr)
    };
    rep.scalar("mean/p", "Mean precision per page", mp, format!("{n} pages"));
    rep.scalar("mean/r", "Mean recall per page", mr, format!("{n} pages"));
    rep.scalar(
        "mean/f1",
        "F1 of the mean precision and recall",
        mf1,
        format!("{n} pages"),
    );
    worst.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    let mut w = Tally::default();
    for (f, id) in worst.iter().take(10) {
        w.add(format!("{} (F1 {:.2})", snippet(id, 24), f));
    }
    rep.errors("Pages the reader rejected (reason)", &rejects, 5);
    rep.errors("Worst pages", &w, 10);
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_overlap_counts_multiset() {
        assert_eq!(
            tokens("Gaming used to be — so simple. We’d"),
            vec!["gaming", "used", "to", "be", "so", "simple", "we", "d"]
        );
        // "the" twice on the reference, three times predicted: 2 in common.
        assert_eq!(overlap("the the the cat", "the cat the dog"), (3, 4, 4));
        assert_eq!(overlap("", "a b"), (0, 0, 2));
    }

    #[test]
    fn page_scores() {
        let docs = vec![
            GoldDoc {
                doc_id: "a".into(),
                reference_text: Some("one two three four".into()),
                ..Default::default()
            },
            GoldDoc {
                doc_id: "b".into(),
                reference_text: Some("five six".into()),
                ..Default::default()
            },
        ];
        let pages = vec![
            PageOut {
                text: "Menu one two three four".into(),
                reject: None,
            },
            PageOut {
                text: String::new(),
                reject: Some("html reader not implemented yet".into()),
            },
        ];
        let r = score("aeb", &docs, &pages);
        // Page a: P 0.8 R 1; page b (empty output): P 0 R 0.
        assert!((r.metric("mean/p").unwrap() - 0.4).abs() < 1e-9);
        assert!((r.metric("mean/r").unwrap() - 0.5).abs() < 1e-9);
        assert_eq!(r.metric("tokens/micro/p"), Some(0.8));
        assert_eq!(r.metric("tokens/micro/r"), Some(4.0 / 6.0));
        assert_eq!(r.errors[0].total, 1);
    }
}
