//! Speed: milliseconds per 1,000 words for each extractor on one core, over a
//! folder of real articles (`--speed ../shared/corpora/bbc`) — the measure the
//! extractor issues set bars on.
//!
//! Files are discovered and read first (not timed as extraction), then each
//! article is analyzed and every extractor run on one thread, in the order
//! and with the inputs [`crate::extract::Extractors::extract`] uses, each
//! timed on its own.

use crate::analyze;
use crate::config::InputConfig;
use crate::extract::{dates, entities, events, figures, quotes, ExtractConfig};
use anyhow::Context;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

pub const STAGES: [&str; 7] = [
    "read", "analyze", "entities", "dates", "figures", "quotes", "events",
];

#[derive(Debug, Clone, Default)]
pub struct StageTimes {
    pub folder: String,
    pub articles: usize,
    pub words: usize,
    /// Milliseconds per stage, in [`STAGES`] order.
    pub ms: [f64; 7],
}

impl StageTimes {
    pub fn per_kword(&self, stage: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.ms[stage] * 1000.0 / self.words as f64
        }
    }
    pub fn extract_total_per_kword(&self) -> f64 {
        (2..7).map(|i| self.per_kword(i)).sum()
    }
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "== speed on one core: {} ({} articles, {} words)\n",
            self.folder, self.articles, self.words
        );
        for (i, st) in STAGES.iter().enumerate() {
            let _ = writeln!(s, "   {:<10} {:>8.3} ms per 1,000 words", st, self.per_kword(i));
        }
        let _ = writeln!(
            s,
            "   {:<10} {:>8.3} ms per 1,000 words",
            "extract",
            self.extract_total_per_kword()
        );
        s
    }
    pub fn to_markdown(&self) -> String {
        let mut s = format!(
            "### Speed on one core\n\n`{}`: {} articles, {} words (release build, one thread, on a shared machine).\n\n\
             | stage | ms per 1,000 words |\n|---|---:|\n",
            self.folder, self.articles, self.words
        );
        for (i, st) in STAGES.iter().enumerate() {
            let _ = writeln!(s, "| {st} | {:.2} |", self.per_kword(i));
        }
        let _ = writeln!(s, "| all extractors | {:.2} |\n", self.extract_total_per_kword());
        s
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// Time every stage over the readable files under `dir` (at most `max_files`, 0 = all).
pub fn measure(dir: &Path, max_files: usize) -> anyhow::Result<StageTimes> {
    let input = InputConfig::default();
    let found = crate::discover::discover(&[dir.to_path_buf()], &input)
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("speed folder {}", dir.display()))?;
    let mut files = found.files;
    if max_files > 0 {
        files.truncate(max_files);
    }
    let cfg = ExtractConfig::default();
    let ent = entities::EntityExtractor::new(&cfg.entities)?;
    let dat = dates::DateExtractor::new(&cfg.dates)?;
    let fig = figures::FigureExtractor::new(&cfg.figures)?;
    let quo = quotes::QuoteExtractor::new(&cfg.quotes)?;
    let evt = events::EventExtractor::new(&cfg.events)?;
    let mut t = StageTimes {
        folder: dir.display().to_string(),
        ..Default::default()
    };
    let mut articles = Vec::new();
    let t0 = Instant::now();
    for f in &files {
        articles.extend(crate::read::read_file(f, &input).articles);
    }
    t.ms[0] = ms(t0);
    for a in &articles {
        t.articles += 1;
        t.words += a.n_words();
        let t0 = Instant::now();
        let an = analyze::analyze(a);
        t.ms[1] += ms(t0);
        let t0 = Instant::now();
        let e = ent.extract(&an);
        t.ms[2] += ms(t0);
        let t0 = Instant::now();
        let d = dat.extract(&an);
        t.ms[3] += ms(t0);
        let t0 = Instant::now();
        let fg = fig.extract(&an, &d);
        t.ms[4] += ms(t0);
        let t0 = Instant::now();
        let q = quo.extract(&an, &e);
        t.ms[5] += ms(t0);
        let t0 = Instant::now();
        let ev = evt.extract(&an, &e, &d, &q);
        t.ms[6] += ms(t0);
        std::hint::black_box((fg, ev));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_a_small_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Seoul wins\n\nThe mayor said on Tuesday that 450,000 people came.\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("b.bin"), [0u8, 1, 2]).unwrap();
        let t = measure(dir.path(), 0).unwrap();
        assert_eq!(t.articles, 1);
        assert_eq!(t.words, 11);
        assert!(t.ms.iter().all(|m| *m >= 0.0));
        assert!(t.to_text().contains("entities"));
        assert!(t.to_markdown().contains("| all extractors |"));
    }
}
