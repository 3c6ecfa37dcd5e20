//! `newsetl eval`: scores the extractors against the gold sets of
//! `shared/gold` (format in its README).
//!
//! Each gold document goes through the real stages in-process ([`predict`]):
//! an Article built as the JSON reader builds one from `{id, text, published:
//! dct}`, then analyze and the extractors (for `html`, the page goes through
//! the real reader). Predictions come back in code points, the gold's unit,
//! and one scorer per task turns them into precision/recall/F1 tables, a few
//! scalars and the commonest errors ([`report`]). `--all` runs every set of
//! the built-in [`PLAN`] and writes the Markdown report (`docs/accuracy.md`);
//! `--floors FILE --check-floors` fails the run when a score falls below the
//! committed floor.
//!
//! Files: [`gold`] loading, [`predict`] the pipeline run, [`metrics`]
//! counting and matching, one scorer per task ([`entities`], [`quotes`],
//! [`figures`], [`dates`], [`events`], [`html`]), [`report`] printing and
//! [`floors`] the floors file.

pub mod dates;
pub mod entities;
pub mod events;
pub mod figures;
pub mod floors;
pub mod gold;
pub mod html;
pub mod metrics;
pub mod predict;
pub mod quotes;
pub mod report;
pub mod speed;

use anyhow::{bail, Context};
use clap::Args;
use gold::GoldDoc;
use report::TaskReport;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub const TASKS: [&str; 6] = ["entities", "quotes", "figures", "dates", "events", "html"];

/// The evaluation plan for `--all`: each gold set, the tasks scored on it, and
/// how many documents to sample (0 = all).
pub const PLAN: &[(&str, &[&str], usize)] = &[
    ("conll2003_train", &["entities"], 0),
    ("finer_ord", &["entities"], 0),
    ("meantime_dev", &["entities", "figures", "dates", "events"], 0),
    ("polnear_dev", &["quotes"], 0),
    ("recognizers_text_en", &["figures", "dates"], 0),
    ("tempeval3_tbaq", &["dates", "events"], 0),
    ("article_extraction_benchmark", &["html"], 0),
];

pub(crate) const HELP: &str = "\
Matching rules (also in docs/accuracy.md):
  entities  strict = same span and type; relaxed = overlapping span, same type.
            PER→PERSON, LOC→LOCATION, ORG→ORG, MISC→MISC; only the types a set
            annotates are scored. MEANTIME: NAM, PRE.NAM and name-like untyped
            mentions are the gold names.
  quotes    word-token IoU ≥ 0.3 and ≥ 0.8, one-to-one; direct (gold direct vs
            kind=direct) and all attributions. Interrupted gold quotes score on
            their fragments; several predicted pieces inside one gold quote may
            match it together (one prediction). A predicted direct quote inside
            a non-direct gold attribution is ignored for the direct score.
            Speaker accuracy over matched quotes: the predicted speaker or
            speaker_mention names the gold speaker.
  figures   value (overlapping span, relative tolerance 1e-6, ranges both ends)
            and value+unit (units normalised on both sides); Recognizers-Text
            per spec, against predictions of the spec's kind; MEANTIME spans.
  dates     TempEval-3: strict span, relaxed span, value (relaxed + same TIMEX3
            value), type.
  events    trigger strict/relaxed; MEANTIME: share of gold events with a named
            Arg0/Arg1 participant that come out with it among the actors.
  html      bag-of-tokens P/R/F1 of articles.text vs reference_text (mean per
            page, and micro).
A set named *_train is a training set: only its `dev` split is scored unless
--split says otherwise. MEANTIME is scored on the first six lines of each
document (headline, date line, four sentences), the part annotated in full.";

#[derive(Debug, Clone, Args)]
#[command(after_long_help = HELP)]
pub struct EvalArgs {
    /// Gold set in the format of shared/gold/README.md (JSON lines).
    #[arg(long, required_unless_present_any = ["all", "speed"])]
    pub gold: Option<PathBuf>,
    /// What to score: entities, quotes, figures, dates, events, html (comma-separated
    /// for several). Default: the tasks the built-in plan scores on this set.
    #[arg(long)]
    pub task: Option<String>,
    /// Also write the report (Markdown) to this file.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Score every set of the built-in plan found under --gold-dir.
    #[arg(long, conflicts_with = "gold")]
    pub all: bool,
    /// Folder holding the gold sets, for --all.
    #[arg(long, default_value = "../shared/gold")]
    pub gold_dir: PathBuf,
    /// Score only documents of this split ("all" for every document). Default: `dev`
    /// for a set named *_train, else all.
    #[arg(long)]
    pub split: Option<String>,
    /// Score a stable sample of N documents per set (0 = all). Default: the plan's.
    #[arg(long)]
    pub sample: Option<usize>,
    /// Floors file (TOML: [set.task] metric = floor).
    #[arg(long)]
    pub floors: Option<PathBuf>,
    /// Exit with code 1 when a score falls below its floor in --floors.
    #[arg(long, requires = "floors")]
    pub check_floors: bool,
    /// Rewrite --floors with each floor raised to just under the current score
    /// (floors never go down).
    #[arg(long, requires = "floors")]
    pub raise_floors: bool,
    /// Also time each stage on one core over the articles in this folder
    /// (e.g. ../shared/corpora/bbc): ms per 1,000 words per extractor.
    #[arg(long, value_name = "DIR")]
    pub speed: Option<PathBuf>,
    /// With --speed: time at most this many files (0 = all).
    #[arg(long, default_value_t = 0)]
    pub speed_files: usize,
    /// Score predictions made from the gold itself (checks the scorers: every
    /// measure should be at or near 1).
    #[arg(long, hide = true)]
    pub oracle: bool,
    /// Print only the summary and floor check, not every table.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// List this many items in each error table instead of each table's
    /// default (10 or 15), for error analysis.
    #[arg(long, value_name = "N")]
    pub errors: Option<usize>,
}

/// One gold set to evaluate.
struct Job {
    set: String,
    path: PathBuf,
    tasks: Vec<String>,
    sample: usize,
}

fn plan_tasks(set: &str) -> Option<(Vec<String>, usize)> {
    PLAN.iter()
        .find(|(s, _, _)| *s == set)
        .map(|(_, t, n)| (t.iter().map(|s| s.to_string()).collect(), *n))
}

fn jobs(args: &EvalArgs) -> anyhow::Result<Vec<Job>> {
    let explicit_tasks: Option<Vec<String>> = args.task.as_ref().map(|t| {
        t.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    });
    if let Some(ts) = &explicit_tasks {
        for t in ts {
            if !TASKS.contains(&t.as_str()) {
                bail!("unknown task {t:?}: expected one of {}", TASKS.join(", "));
            }
        }
    }
    let mut out = Vec::new();
    if args.all {
        for (set, tasks, n) in PLAN {
            let path = args.gold_dir.join(set).join("gold.jsonl");
            if !path.is_file() {
                eprintln!("eval: {} not found, skipped", path.display());
                continue;
            }
            let tasks: Vec<String> = match &explicit_tasks {
                Some(ts) => tasks
                    .iter()
                    .filter(|t| ts.iter().any(|x| x == *t))
                    .map(|s| s.to_string())
                    .collect(),
                None => tasks.iter().map(|s| s.to_string()).collect(),
            };
            if tasks.is_empty() {
                continue;
            }
            out.push(Job {
                set: set.to_string(),
                path,
                tasks,
                sample: args.sample.unwrap_or(*n),
            });
        }
        if out.is_empty() {
            bail!("no gold set of the plan found under {}", args.gold_dir.display());
        }
    } else if let Some(path) = &args.gold {
        let set = gold::set_name(path);
        let (plan, n) = plan_tasks(&set).unwrap_or_default();
        let tasks = match explicit_tasks {
            Some(t) => t,
            None if !plan.is_empty() => plan,
            None => bail!("--task is needed for a set outside the built-in plan ({set})"),
        };
        out.push(Job {
            set,
            path: path.clone(),
            tasks,
            sample: args.sample.unwrap_or(n),
        });
    }
    Ok(out)
}

/// Documents selected by split and sample; returns them and a description.
fn select(set: &str, docs: Vec<GoldDoc>, split: Option<&str>, sample: usize) -> (Vec<GoldDoc>, String) {
    let total = docs.len();
    let split = match split {
        Some("all") => None,
        Some(s) => Some(s.to_string()),
        None if set.ends_with("_train") && docs.iter().any(|d| d.split.as_deref() == Some("dev")) => {
            Some("dev".to_string())
        }
        None => None,
    };
    let mut desc = Vec::new();
    let docs = match &split {
        Some(s) => {
            desc.push(format!("split {s}"));
            docs.into_iter()
                .filter(|d| d.split.as_deref() == Some(s.as_str()))
                .collect()
        }
        None => docs,
    };
    let n = docs.len();
    let docs = gold::sample(docs, sample);
    if docs.len() < n {
        desc.push(format!("stable sample of {} of {n}", docs.len()));
    } else if split.is_some() {
        desc.push(format!("{n} of {total}"));
    }
    (docs, desc.join(", "))
}

/// Score one set on its tasks.
fn run_job(job: &Job, args: &EvalArgs) -> anyhow::Result<Vec<TaskReport>> {
    let docs = gold::load(&job.path)?;
    let (mut docs, mut selection) = select(&job.set, docs, args.split.as_deref(), job.sample);
    let mut reports = Vec::new();
    let text_tasks: Vec<&String> = job.tasks.iter().filter(|t| *t != "html").collect();
    if !text_tasks.is_empty() {
        let mut needs = predict::Needs::default();
        for t in &text_tasks {
            needs.add_task(t);
        }
        let (preds, speed) = if args.oracle {
            (predict::oracle(&docs), None)
        } else {
            let (p, s) = predict::predict(&job.set, &docs, needs)?;
            (p, Some(s))
        };
        let panicked = speed.as_ref().map(|s| s.panicked.clone()).unwrap_or_default();
        if !panicked.is_empty() {
            eprintln!(
                "eval: {}: the pipeline panicked on {} documents (scored as empty): {}",
                job.set,
                panicked.len(),
                panicked.iter().take(10).cloned().collect::<Vec<_>>().join(", ")
            );
        }
        // Partly annotated sets: score only the fully annotated part.
        let mut preds = preds;
        let mut restricted = false;
        for (d, p) in docs.iter_mut().zip(preds.iter_mut()) {
            if let Some(limit) = gold::annotated_limit(&job.set, d) {
                d.restrict(limit);
                p.restrict(limit);
                restricted = true;
            }
        }
        if restricted {
            let part = format!(
                "first {} lines of each document (the fully annotated part)",
                gold::MEANTIME_FULL_LINES
            );
            selection = if selection.is_empty() {
                part
            } else {
                format!("{selection}, {part}")
            };
        }
        for t in text_tasks {
            let mut r = match t.as_str() {
                "entities" => entities::score(&job.set, &docs, &preds),
                "quotes" => quotes::score(&job.set, &docs, &preds),
                "figures" => figures::score(&job.set, &docs, &preds),
                "dates" => dates::score(&job.set, &docs, &preds),
                "events" => events::score(&job.set, &docs, &preds),
                other => bail!("unknown task {other:?}"),
            };
            if r.selection.is_empty() {
                r.selection = selection.clone();
            } else if !selection.is_empty() {
                r.selection = format!("{selection}, {}", r.selection);
            }
            r.speed = speed.clone();
            if !panicked.is_empty() {
                r.notes.push(format!(
                    "The pipeline panicked on {} documents, scored as empty (first: {}).",
                    panicked.len(),
                    panicked[0]
                ));
            }
            reports.push(r);
        }
    }
    if job.tasks.iter().any(|t| t == "html") {
        let dir = job.path.parent().unwrap_or(Path::new("."));
        let (pages, speed) = html::predict(dir, &docs);
        let mut r = html::score(&job.set, &docs, &pages);
        r.selection = selection.clone();
        r.speed = Some(speed);
        reports.push(r);
    }
    Ok(reports)
}

/// Run an evaluation; returns the process exit code: 1 when a score falls
/// below its floor (with --check-floors) or the pipeline panicked on a document.
pub fn run(args: &EvalArgs) -> anyhow::Result<i32> {
    let t0 = Instant::now();
    if let Some(n) = args.errors {
        report::set_error_items(n);
    }
    let jobs = jobs(args)?;
    let mut reports = Vec::new();
    for job in &jobs {
        let tj = Instant::now();
        let r = run_job(job, args).with_context(|| format!("evaluating {}", job.set))?;
        eprintln!(
            "eval: {} ({}) in {:.1}s",
            job.set,
            job.tasks.join(", "),
            tj.elapsed().as_secs_f64()
        );
        reports.extend(r);
    }
    let stage_times = match &args.speed {
        Some(dir) => {
            let t = speed::measure(dir, args.speed_files)?;
            println!("{}", t.to_text());
            Some(t)
        }
        None => None,
    };
    let elapsed = t0.elapsed().as_secs_f64();
    if !args.quiet {
        for r in &reports {
            println!("{}", r.to_text());
        }
    }
    if !reports.is_empty() {
        println!("{}", report::summary_text(&reports));
    }
    let mut code = 0;
    let panics: usize = reports
        .iter()
        .filter_map(|r| r.speed.as_ref())
        .map(|s| s.panicked.len())
        .max()
        .unwrap_or(0);
    if panics > 0 {
        eprintln!("eval: FAILED: the pipeline panicked on some documents (see above)");
        code = 1;
    }
    if let Some(path) = &args.floors {
        let fl = floors::Floors::load(path)?;
        if args.raise_floors {
            let raised = fl.raised(&reports);
            raised.save(path)?;
            eprintln!("eval: floors written to {}", path.display());
        }
        let fl = floors::Floors::load(path)?;
        let sets: Vec<&str> = jobs.iter().map(|j| j.set.as_str()).collect();
        let check = fl.check(&reports, &sets);
        println!("{}", check.to_text());
        if args.check_floors && !check.ok() {
            code = 1;
        }
    }
    if let Some(path) = &args.report {
        let cmd = if args.all && !args.oracle && args.sample.is_none() && args.task.is_none() {
            let speed = if args.speed.is_some() {
                " --speed ../shared/corpora/bbc"
            } else {
                ""
            };
            format!("newsetl eval --all --gold-dir ../shared/gold{speed} --report docs/accuracy.md")
        } else {
            format!(
                "newsetl {}",
                std::env::args().skip(1).collect::<Vec<_>>().join(" ")
            )
        };
        let md = report::markdown_report(&reports, &cmd, stage_times.as_ref(), args.all);
        std::fs::write(path, md).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("eval: report written to {}", path.display());
    }
    eprintln!("eval: done in {elapsed:.1}s");
    Ok(code)
}
