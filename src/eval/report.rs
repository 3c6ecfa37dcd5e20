//! What a scorer hands back, and how it is printed: a plain-text summary for
//! the terminal and Markdown for `docs/accuracy.md`.
//!
//! Every number has a key `<table>/<row>/<p|r|f1>` (or a scalar's own key),
//! which is what the floors file names.

use super::metrics::Prf;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// Items per error table when `eval --errors N` was given.
static ERROR_ITEMS: OnceLock<usize> = OnceLock::new();

/// Lists `n` items in every error table from now on (first call wins).
pub fn set_error_items(n: usize) {
    let _ = ERROR_ITEMS.set(n);
}

/// One row of a precision/recall/F1 table.
#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    pub prf: Prf,
}

#[derive(Debug, Clone)]
pub struct Table {
    /// Short key used in metric names ("strict", "relaxed", "direct@0.3").
    pub key: String,
    pub title: String,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn new(key: &str, title: &str) -> Self {
        Table {
            key: key.to_string(),
            title: title.to_string(),
            rows: Vec::new(),
        }
    }
    pub fn row(&mut self, label: &str, prf: Prf) {
        self.rows.push(Row {
            label: label.to_string(),
            prf,
        });
    }
}

/// A single number that is not a P/R/F1 row (speaker accuracy, participant share).
#[derive(Debug, Clone)]
pub struct Scalar {
    pub key: String,
    pub label: String,
    pub value: f64,
    /// What it is out of ("412 matched quotes").
    pub support: String,
}

#[derive(Debug, Clone)]
pub struct ErrorList {
    pub title: String,
    pub items: Vec<(String, usize)>,
    pub total: usize,
}

/// Extraction speed over the scored documents.
#[derive(Debug, Clone, Default)]
pub struct Speed {
    pub words: usize,
    /// Summed per-document time in the extract stage (the extractors this task needs).
    pub extract_ms: f64,
    pub analyze_ms: f64,
    /// Which extractors ran.
    pub stages: String,
    pub threads: usize,
    /// Documents on which the pipeline panicked (scored as empty).
    pub panicked: Vec<String>,
}

impl Speed {
    pub fn extract_ms_per_kword(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.extract_ms * 1000.0 / self.words as f64
        }
    }
    pub fn analyze_ms_per_kword(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.analyze_ms * 1000.0 / self.words as f64
        }
    }
}

/// The result of scoring one task on one gold set.
#[derive(Debug, Clone, Default)]
pub struct TaskReport {
    pub set: String,
    pub task: String,
    pub n_docs: usize,
    /// What was scored ("split dev", "sample of 300 of 924 documents").
    pub selection: String,
    pub tables: Vec<Table>,
    pub scalars: Vec<Scalar>,
    pub errors: Vec<ErrorList>,
    pub notes: Vec<String>,
    pub speed: Option<Speed>,
}

impl TaskReport {
    pub fn new(set: &str, task: &str) -> Self {
        TaskReport {
            set: set.to_string(),
            task: task.to_string(),
            ..Default::default()
        }
    }
    pub fn scalar(&mut self, key: &str, label: &str, value: f64, support: String) {
        self.scalars.push(Scalar {
            key: key.to_string(),
            label: label.to_string(),
            value,
            support,
        });
    }
    /// Adds an error table listing the `n` most frequent items (or as many
    /// as `eval --errors` asked for).
    pub fn errors(&mut self, title: &str, tally: &super::metrics::Tally, n: usize) {
        let n = ERROR_ITEMS.get().copied().unwrap_or(n);
        self.errors.push(ErrorList {
            title: title.to_string(),
            items: tally.top(n),
            total: tally.total(),
        });
    }

    /// Every number by its key, for the floors check.
    pub fn metrics(&self) -> Vec<(String, f64)> {
        let mut out = Vec::new();
        for t in &self.tables {
            for r in &t.rows {
                out.push((format!("{}/{}/p", t.key, r.label), r.prf.precision()));
                out.push((format!("{}/{}/r", t.key, r.label), r.prf.recall()));
                out.push((format!("{}/{}/f1", t.key, r.label), r.prf.f1()));
            }
        }
        for s in &self.scalars {
            out.push((s.key.clone(), s.value));
        }
        out
    }

    pub fn metric(&self, key: &str) -> Option<f64> {
        self.metrics().into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Plain text for the terminal.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "== {} · {} ({} docs{})",
            self.set,
            self.task,
            self.n_docs,
            sel(&self.selection)
        );
        for t in &self.tables {
            let _ = writeln!(s, "-- {} [{}]", t.title, t.key);
            let _ = writeln!(
                s,
                "   {:<24} {:>6} {:>6} {:>6} {:>7} {:>7}",
                "", "P", "R", "F1", "gold", "pred"
            );
            for r in &t.rows {
                let _ = writeln!(
                    s,
                    "   {:<24} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>7}",
                    r.label,
                    r.prf.precision(),
                    r.prf.recall(),
                    r.prf.f1(),
                    r.prf.n_gold,
                    r.prf.n_pred
                );
            }
        }
        for x in &self.scalars {
            let _ = writeln!(s, "-- {}: {:.3} ({}) [{}]", x.label, x.value, x.support, x.key);
        }
        if let Some(sp) = &self.speed {
            let _ = writeln!(
                s,
                "-- speed: extract ({}) {:.2} ms per 1,000 words, analyze {:.2} ms ({} words, {} threads)",
                sp.stages,
                sp.extract_ms_per_kword(),
                sp.analyze_ms_per_kword(),
                sp.words,
                sp.threads
            );
        }
        for e in self.errors.iter().filter(|e| e.total > 0) {
            let _ = writeln!(s, "-- {} ({} in all):", e.title, e.total);
            for (k, c) in &e.items {
                let _ = writeln!(s, "   {c:>5}  {k}");
            }
        }
        for n in &self.notes {
            let _ = writeln!(s, "note: {n}");
        }
        s
    }

    /// Markdown section without the speed line (timings vary between runs;
    /// the committed report keeps them in one table).
    pub fn to_markdown_no_speed(&self) -> String {
        let mut c = self.clone();
        c.speed = None;
        c.to_markdown()
    }

    /// Markdown section for the report file.
    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "### {} · {}\n", self.set, self.task);
        let _ = writeln!(s, "{} documents{}.\n", self.n_docs, sel(&self.selection));
        for t in &self.tables {
            let _ = writeln!(s, "**{}** (`{}`)\n", t.title, t.key);
            let _ = writeln!(
                s,
                "| | P | R | F1 | gold | pred |\n|---|---:|---:|---:|---:|---:|"
            );
            for r in &t.rows {
                let _ = writeln!(
                    s,
                    "| {} | {:.3} | {:.3} | {:.3} | {} | {} |",
                    r.label,
                    r.prf.precision(),
                    r.prf.recall(),
                    r.prf.f1(),
                    r.prf.n_gold,
                    r.prf.n_pred
                );
            }
            s.push('\n');
        }
        for x in &self.scalars {
            let _ = writeln!(
                s,
                "* {}: **{:.3}** ({}; `{}`)",
                x.label, x.value, x.support, x.key
            );
        }
        if let Some(sp) = &self.speed {
            let _ = writeln!(
                s,
                "* speed: extract ({}) {:.2} ms per 1,000 words; analyze {:.2} ms ({} words)",
                sp.stages,
                sp.extract_ms_per_kword(),
                sp.analyze_ms_per_kword(),
                sp.words
            );
        }
        if !self.scalars.is_empty() || self.speed.is_some() {
            s.push('\n');
        }
        for e in &self.errors {
            if e.items.is_empty() {
                continue;
            }
            let _ = writeln!(
                s,
                "<details><summary>{} ({} in all)</summary>\n",
                e.title, e.total
            );
            for (k, c) in &e.items {
                let _ = writeln!(s, "* {c} × {}", md_escape(k));
            }
            let _ = writeln!(s, "\n</details>\n");
        }
        for n in &self.notes {
            let _ = writeln!(s, "> {n}\n");
        }
        s
    }
}

fn sel(selection: &str) -> String {
    if selection.is_empty() {
        String::new()
    } else {
        format!(", {selection}")
    }
}

/// Keep error strings from breaking the Markdown (tables, HTML, emphasis).
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The measures the issues set bars on, with the anchors' and a Python peer's
/// published figures beside them: (set, task, metric key, label, bar, anchors).
/// (set, task, metric key, label, bar, anchors and peers).
pub type Headline = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<f64>,
    &'static str,
);

pub const HEADLINES: &[Headline] = &[
    (
        "conll2003_train",
        "entities",
        "strict/PER+ORG+LOC/f1",
        "PER/ORG/LOC strict F1 (split dev)",
        Some(0.88),
        "spaCy en_core_web_sm 0.846 (OntoNotes, its own test)",
    ),
    (
        "conll2003_train",
        "entities",
        "strict/all/f1",
        "all types strict F1 (split dev)",
        None,
        "",
    ),
    (
        "finer_ord",
        "entities",
        "strict/PER+ORG+LOC/f1",
        "PER/ORG/LOC strict F1",
        Some(0.75),
        "peer (spaCy sm) 0.639 on this set",
    ),
    (
        "meantime_dev",
        "entities",
        "relaxed/PER+ORG+LOC/r",
        "names relaxed recall",
        Some(0.85),
        "",
    ),
    (
        "meantime_dev",
        "entities",
        "relaxed/PER+ORG+LOC/f1",
        "names relaxed F1",
        Some(0.75),
        "",
    ),
    (
        "polnear_dev",
        "quotes",
        "direct/iou0.3/f1",
        "direct quotes F1 @0.3",
        Some(0.90),
        "GenderGapTracker 0.837 (its own 98 articles); peer ≈ 0.6",
    ),
    (
        "polnear_dev",
        "quotes",
        "direct/iou0.8/f1",
        "direct quotes F1 @0.8",
        Some(0.85),
        "",
    ),
    (
        "polnear_dev",
        "quotes",
        "direct/speaker_acc@0.3",
        "direct quotes speaker accuracy",
        Some(0.90),
        "GenderGapTracker 0.865; peer ≈ 0.94",
    ),
    (
        "polnear_dev",
        "quotes",
        "all/iou0.3/f1",
        "all attributions F1 @0.3",
        Some(0.65),
        "",
    ),
    (
        "polnear_dev",
        "quotes",
        "all/speaker_acc@0.3",
        "all attributions speaker accuracy",
        None,
        "",
    ),
    (
        "recognizers_text_en",
        "figures",
        "value/NumberModel/f1",
        "NumberModel value F1",
        Some(0.90),
        "peer (quantulum3) ≈ 0.76 value F1 on news sentences",
    ),
    (
        "recognizers_text_en",
        "figures",
        "value/PercentModel/f1",
        "PercentModel value F1",
        Some(0.90),
        "",
    ),
    (
        "recognizers_text_en",
        "figures",
        "value/CurrencyModel/f1",
        "CurrencyModel value F1",
        Some(0.90),
        "",
    ),
    (
        "recognizers_text_en",
        "figures",
        "value/DimensionModel/f1",
        "DimensionModel value F1",
        Some(0.90),
        "",
    ),
    (
        "recognizers_text_en",
        "figures",
        "value_unit/CurrencyModel/f1",
        "CurrencyModel value+unit F1",
        Some(0.85),
        "",
    ),
    (
        "recognizers_text_en",
        "figures",
        "value_unit/DimensionModel/f1",
        "DimensionModel value+unit F1",
        Some(0.85),
        "",
    ),
    (
        "meantime_dev",
        "figures",
        "span/all/r",
        "figure span recall",
        Some(0.85),
        "",
    ),
    (
        "tempeval3_tbaq",
        "dates",
        "timex/value/f1",
        "TIMEX3 value F1",
        Some(0.80),
        "HeidelTime 0.776 (TempEval-3)",
    ),
    (
        "tempeval3_tbaq",
        "dates",
        "timex/relaxed/f1",
        "relaxed span F1",
        Some(0.88),
        "",
    ),
    (
        "meantime_dev",
        "dates",
        "timex/value/f1",
        "TIMEX3 value F1",
        None,
        "",
    ),
    (
        "recognizers_text_en",
        "dates",
        "timex/relaxed/f1",
        "DateTimeModel relaxed span F1",
        None,
        "",
    ),
    (
        "tempeval3_tbaq",
        "events",
        "trigger/relaxed/f1",
        "event trigger relaxed F1",
        None,
        "",
    ),
    (
        "meantime_dev",
        "events",
        "trigger/relaxed/f1",
        "event trigger relaxed F1",
        None,
        "",
    ),
    (
        "meantime_dev",
        "events",
        "participants/named_arg01",
        "events with their named Arg0/Arg1 among actors",
        Some(0.50),
        "GDELT ≈ 0.80 correct actors (hand-checked, other data)",
    ),
    (
        "article_extraction_benchmark",
        "html",
        "mean/f1",
        "body token F1 (mean per page)",
        None,
        "trafilatura 0.968 on these pages (peer); 0.909 on its own set",
    ),
];

fn find<'a>(reports: &'a [TaskReport], set: &str, task: &str) -> Option<&'a TaskReport> {
    reports.iter().find(|r| r.set == set && r.task == task)
}

/// The headline measures as plain text.
pub fn summary_text(reports: &[TaskReport]) -> String {
    let mut s = String::from("== summary\n");
    for (set, task, key, label, bar, _) in HEADLINES {
        let Some(r) = find(reports, set, task) else {
            continue;
        };
        let v = r.metric(key);
        let _ = writeln!(
            s,
            "   {:<28} {:<9} {:<48} {:>6} {}",
            set,
            task,
            label,
            v.map(|v| format!("{v:.3}")).unwrap_or_else(|| "n/a".into()),
            bar.map(|b| format!(
                "(bar {b:.2}{})",
                if v.is_some_and(|v| v + 1e-9 >= b) {
                    ", met"
                } else {
                    ""
                }
            ))
            .unwrap_or_default()
        );
    }
    let mut seen = std::collections::BTreeSet::new();
    for r in reports {
        if let Some(sp) = &r.speed {
            if r.task != "html" && seen.insert((r.set.clone(), sp.stages.clone())) {
                let _ = writeln!(
                    s,
                    "   speed {:<22} extract ({}) {:.2} ms / 1,000 words (parallel run, summed per document)",
                    r.set,
                    sp.stages,
                    sp.extract_ms_per_kword()
                );
            }
        }
    }
    s
}

/// The whole Markdown report (docs/accuracy.md).
pub fn markdown_report(
    reports: &[TaskReport],
    command: &str,
    stage_times: Option<&super::speed::StageTimes>,
    full: bool,
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Accuracy\n");
    let _ = writeln!(
        s,
        "Generated by `{command}` (release build, from the repository root, with the gold sets in \
         `../shared/gold`). Do not edit by hand: regenerate, and review the diff.\n"
    );
    if !full {
        let _ = writeln!(s, "This is a partial report (one set).\n");
    }
    let _ = writeln!(s, "## Summary\n");
    let _ = writeln!(
        s,
        "| set | task | measure | newsetl | bar | anchors and peers |\n|---|---|---|---:|---:|---|"
    );
    for (set, task, key, label, bar, anchors) in HEADLINES {
        let Some(r) = find(reports, set, task) else {
            continue;
        };
        let v = r.metric(key);
        let _ = writeln!(
            s,
            "| `{set}` | {task} | {label} | {} | {} | {} |",
            v.map(|v| format!("{v:.3}")).unwrap_or_else(|| "n/a".into()),
            bar.map(|b| {
                let met = v.is_some_and(|v| v + 1e-9 >= b);
                format!("{}{b:.2}", if met { "✓ " } else { "" })
            })
            .unwrap_or_default(),
            md_escape(anchors)
        );
    }
    let _ = writeln!(
        s,
        "\nAnchors' figures are from their own published evaluations on other data; \"peer\" is a \
         spaCy/quantulum3/trafilatura pipeline scored with these rules (see NOTES.md). ✓ = bar met.\n"
    );
    let speeds: Vec<&TaskReport> = reports
        .iter()
        .filter(|r| r.speed.is_some() && r.task != "html")
        .collect();
    if let Some(t) = stage_times {
        s.push_str(&t.to_markdown());
    }
    if !speeds.is_empty() {
        let _ = writeln!(s, "### Speed on the gold sets\n");
        let _ = writeln!(
            s,
            "Extract-stage time summed over documents (documents run in parallel on a shared machine, so \
             read these as rough upper bounds).\n"
        );
        let _ = writeln!(
            s,
            "| set | extractors | words | ms per 1,000 words |\n|---|---|---:|---:|"
        );
        let mut seen = std::collections::BTreeSet::new();
        for r in speeds {
            let sp = r.speed.as_ref().expect("filtered");
            if seen.insert((r.set.clone(), sp.stages.clone())) {
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} | {:.1} |",
                    r.set,
                    sp.stages,
                    sp.words,
                    sp.extract_ms_per_kword()
                );
            }
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## How it is measured\n\n```text\n{}\n```\n", super::HELP);
    let _ = writeln!(s, "## Details\n");
    for r in reports {
        s.push_str(&r.to_markdown_no_speed());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_keys_and_rendering() {
        let mut r = TaskReport::new("finer_ord", "entities");
        let mut t = Table::new("strict", "Strict");
        t.row("PERSON", Prf::new(4, 2, 2, 2));
        r.tables.push(t);
        r.scalar("speaker_acc", "Speaker accuracy", 0.5, "2 matched".into());
        assert_eq!(r.metric("strict/PERSON/p"), Some(1.0));
        assert_eq!(r.metric("strict/PERSON/r"), Some(0.5));
        assert_eq!(r.metric("speaker_acc"), Some(0.5));
        assert_eq!(r.metric("strict/ORG/f1"), None);
        let md = r.to_markdown();
        assert!(md.contains("| PERSON | 1.000 | 0.500 | 0.667 | 4 | 2 |"), "{md}");
        assert!(r.to_text().contains("PERSON"));
        assert_eq!(md_escape("a|b*c"), "a\\|b\\*c");
    }
}
