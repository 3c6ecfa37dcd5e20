//! The stage loop: discover → (per chunk, in parallel, order preserved) read →
//! analyze → extract → (one writer thread, input order) write → commit.
//!
//! Incremental runs: a file whose size and mtime match the state of the last
//! run is skipped unread; a file whose bytes hash the same is skipped after
//! reading; a changed file is re-read and its old rows are removed from the
//! parts of the run that wrote them (those parts are rewritten filtered, and
//! swapped in by the same commit). Files that disappear from the input keep
//! their rows: inputs are often tonight's folder only.

use crate::analyze;
use crate::article::Reject;
use crate::config::Config;
use crate::discover::{discover, Discovered};
use crate::extract::{Extractors, StageNanos};
use crate::read::{self, InputFile};
use crate::write::parquet::{writer_properties, TableWriter};
use crate::write::state::{FileState, State, STATE_FILE};
use crate::write::{self, rows, Journal, Processed, Table};
use anyhow::{bail, Context};
use arrow_array::{Array, BooleanArray, RecordBatch, StringArray};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How chatty a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Progress {
    /// A progress bar on a terminal, log lines otherwise.
    #[default]
    Auto,
    /// Log lines only.
    Log,
    /// Nothing but errors.
    Quiet,
}

/// Options that change speed and noise, never output (CLI flags).
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub threads: Option<usize>,
    pub full: bool,
    pub progress: Progress,
    pub verbose: u8,
}

/// What a run did; also written as `_runs/<run_id>.json`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RunReport {
    pub newsetl_version: String,
    pub schema_version: i32,
    pub run_id: String,
    pub started: String,
    pub finished: String,
    pub config_hash: String,
    pub threads: usize,
    pub full: bool,
    pub inputs: InputCounts,
    pub articles: u64,
    pub rows: BTreeMap<String, u64>,
    pub rejects: u64,
    /// Rejected inputs (at most 1,000 listed here; all are in the rejects table).
    pub reject_list: Vec<RejectEntry>,
    pub timings: Timings,
    /// A pending commit of a killed run that this run finished first.
    pub recovered_run: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct InputCounts {
    pub seen: u64,
    pub bytes: u64,
    pub by_format: BTreeMap<String, u64>,
    pub no_reader: u64,
    pub unchanged: u64,
    pub processed: u64,
    pub replaced: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RejectEntry {
    pub source_path: String,
    pub source_id: Option<String>,
    pub stage: String,
    pub reason: String,
}

/// Seconds; per-stage figures are summed over threads, `wall` is elapsed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Timings {
    pub discover: f64,
    pub read: f64,
    pub analyze: f64,
    pub extract: f64,
    pub write: f64,
    pub commit: f64,
    pub wall: f64,
    /// Words in the articles processed (the denominator of the figures below).
    pub words: u64,
    /// Per extractor: seconds of CPU time and milliseconds per 1,000 words.
    pub extractors: BTreeMap<String, ExtractorTiming>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ExtractorTiming {
    pub seconds: f64,
    pub ms_per_1k_words: f64,
}

#[derive(Default)]
struct StageClock {
    read: AtomicU64,
    analyze: AtomicU64,
    extract: AtomicU64,
    words: AtomicU64,
    per_extractor: std::sync::Mutex<StageNanos>,
}

fn add(counter: &AtomicU64, since: Instant) {
    counter.fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
}

fn secs(counter: &AtomicU64) -> f64 {
    counter.load(Ordering::Relaxed) as f64 / 1e9
}

/// What reading and extracting one file gave.
enum Outcome {
    /// Same bytes as last time (only its mtime changed).
    Unchanged { hash: String },
    Done {
        hash: String,
        articles: Vec<Processed>,
        rejects: Vec<Reject>,
    },
}

struct FileResult {
    file: InputFile,
    outcome: Outcome,
}

/// A new run id: UTC time to the millisecond, sortable.
pub fn new_run_id() -> String {
    chrono::Utc::now().format("%Y%m%dT%H%M%S%3fZ").to_string()
}

fn process_file(
    file: &InputFile,
    cfg: &Config,
    ex: &Extractors,
    state: &State,
    clock: &StageClock,
) -> FileResult {
    let t = Instant::now();
    let bytes = match read::load_bytes(file, &cfg.input) {
        Ok(b) => b,
        Err(reason) => {
            add(&clock.read, t);
            let hash = format!("unreadable:{}:{}", file.size, file.mtime_ns);
            return FileResult {
                file: file.clone(),
                outcome: Outcome::Done {
                    hash,
                    articles: vec![],
                    rejects: vec![file.reject(None, reason)],
                },
            };
        }
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    if state.files.get(&file.rel).is_some_and(|s| s.hash == hash) {
        add(&clock.read, t);
        return FileResult {
            file: file.clone(),
            outcome: Outcome::Unchanged { hash },
        };
    }
    let out = read::read_bytes(file, &bytes, &cfg.input);
    drop(bytes);
    add(&clock.read, t);
    let articles: Vec<Processed> = out
        .articles
        .into_par_iter()
        .map(|a| {
            let t = Instant::now();
            let mut a = a;
            if cfg.analyze.detect_language && a.language.is_none() {
                a.language = analyze::detect_language(&a.text);
            }
            let doc = analyze::analyze(&a);
            add(&clock.analyze, t);
            let t = Instant::now();
            let mut nanos = StageNanos::default();
            let x = ex.extract_timed(&doc, &mut nanos);
            add(&clock.extract, t);
            clock.words.fetch_add(a.n_words() as u64, Ordering::Relaxed);
            clock.per_extractor.lock().expect("clock lock").add(&nanos);
            drop(doc);
            Processed { article: a, x }
        })
        .collect();
    FileResult {
        file: file.clone(),
        outcome: Outcome::Done {
            hash,
            articles,
            rejects: out.rejects,
        },
    }
}

/// Group files into chunks of at most `max_files` files and about 64 MiB.
fn chunks(files: &[InputFile], max_files: usize) -> Vec<&[InputFile]> {
    const MAX_BYTES: u64 = 64 << 20;
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, f) in files.iter().enumerate() {
        if i > start && (i - start >= max_files || bytes + f.size > MAX_BYTES) {
            out.push(&files[start..i]);
            start = i;
            bytes = 0;
        }
        bytes += f.size;
    }
    if start < files.len() {
        out.push(&files[start..]);
    }
    out
}

/// Holds `output/.lock` for the duration of a run.
pub struct RunLock {
    _file: std::fs::File,
}

pub fn lock_output(output: &Path) -> anyhow::Result<RunLock> {
    std::fs::create_dir_all(output)
        .with_context(|| format!("cannot create output folder {}", output.display()))?;
    let path = output.join(write::LOCK);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot write to output folder {}", output.display()))?;
    match fs4::fs_std::FileExt::try_lock_exclusive(&file) {
        Ok(true) => Ok(RunLock { _file: file }),
        Ok(false) => bail!(
            "another newsetl run is writing to {} (it holds {}); wait for it to finish",
            output.display(),
            path.display()
        ),
        Err(e) => bail!("cannot lock {}: {e}", path.display()),
    }
}

struct Reporter {
    bar: Option<indicatif::ProgressBar>,
    log: bool,
    started: Instant,
    last_log: Instant,
    total: u64,
}

impl Reporter {
    fn new(progress: Progress, total: u64) -> Self {
        let tty = std::io::stderr().is_terminal();
        let bar = (progress == Progress::Auto && tty && total > 0).then(|| {
            let bar = indicatif::ProgressBar::new(total);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files  {msg}  ETA {eta}",
                )
                .expect("valid template"),
            );
            bar
        });
        let log = bar.is_none() && progress != Progress::Quiet;
        Reporter {
            bar,
            log,
            started: Instant::now(),
            last_log: Instant::now(),
            total,
        }
    }

    fn update(&mut self, files: u64, articles: u64) {
        let rate = articles as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
        if let Some(bar) = &self.bar {
            bar.set_position(files);
            bar.set_message(format!("{articles} articles, {rate:.0}/s"));
        } else if self.log && (self.last_log.elapsed() >= Duration::from_secs(5) || files == self.total) {
            self.last_log = Instant::now();
            eprintln!(
                "newsetl: {files}/{} files, {articles} articles, {rate:.0} articles/s",
                self.total
            );
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Parts and row count per table, as the writer thread returns them.
type Written = BTreeMap<Table, (Vec<PathBuf>, u64)>;

/// Run the pipeline: everything in `cfg`, speed and noise from `opts`.
pub fn run(cfg: &Config, opts: &RunOptions) -> anyhow::Result<RunReport> {
    let wall = Instant::now();
    let output = cfg.output.dir.clone();
    let _lock = lock_output(&output)?;
    let mut report = RunReport {
        newsetl_version: env!("CARGO_PKG_VERSION").into(),
        schema_version: write::schema::SCHEMA_VERSION,
        run_id: new_run_id(),
        started: chrono::Utc::now().to_rfc3339(),
        config_hash: cfg.hash(),
        full: opts.full || !cfg.output.incremental,
        ..Default::default()
    };
    report.recovered_run = write::recover(&output)?;
    let run_id = report.run_id.clone();
    let ingest_date = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let staging = output.join(write::STAGING).join(&run_id);
    std::fs::create_dir_all(&staging)
        .with_context(|| format!("cannot write to output folder {}", output.display()))?;

    let extractors = Extractors::new(&cfg.extract).context("building the extractors")?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()?;
    report.threads = pool.current_num_threads();

    let t = Instant::now();
    let Discovered {
        files,
        skipped,
        rejects: discover_rejects,
    } = discover(&cfg.input.paths, &cfg.input).map_err(anyhow::Error::msg)?;
    report.timings.discover = t.elapsed().as_secs_f64();
    let old_state = State::load(&output)?;
    let base_state = if report.full {
        State::default()
    } else {
        old_state.clone()
    };
    report.inputs.seen = files.len() as u64 + skipped.len() as u64;
    report.inputs.no_reader = skipped.len() as u64;
    for f in &files {
        *report
            .inputs
            .by_format
            .entry(f.format.as_str().to_string())
            .or_default() += 1;
        report.inputs.bytes += f.size;
    }
    let todo: Vec<InputFile> = files
        .into_iter()
        .filter(|f| {
            !base_state
                .files
                .get(&f.rel)
                .is_some_and(|s| s.size == f.size && s.mtime_ns == f.mtime_ns)
        })
        .collect();
    report.inputs.unchanged = report.inputs.seen - report.inputs.no_reader - todo.len() as u64;

    // The writer thread: batches in input order, one TableWriter per table.
    let (tx, rx) = mpsc::sync_channel::<(Vec<Processed>, Vec<Reject>)>(2);
    let writer_cfg = cfg.output.clone();
    let (w_staging, w_date, w_run) = (staging.clone(), ingest_date.clone(), run_id.clone());
    let writer = std::thread::spawn(move || -> anyhow::Result<(Written, f64)> {
        let mut writers: BTreeMap<Table, TableWriter> = Table::ALL
            .iter()
            .map(|&t| {
                let props = writer_properties(t, writer_cfg.row_group_rows, writer_cfg.zstd_level);
                (t, TableWriter::new(t, &w_staging, &w_date, &w_run, props))
            })
            .collect();
        let mut busy = 0.0;
        for (items, rejects) in rx {
            let t = Instant::now();
            for (table, batch) in rows::build_batches(&items, &w_run) {
                writers
                    .get_mut(&table)
                    .expect("every table has a writer")
                    .write(&batch)?;
            }
            if !rejects.is_empty() {
                writers
                    .get_mut(&Table::Rejects)
                    .expect("rejects writer")
                    .write(&rows::rejects(&rejects, &w_run))?;
            }
            busy += t.elapsed().as_secs_f64();
        }
        let mut out = BTreeMap::new();
        for (t, w) in writers {
            out.insert(t, w.finish()?);
        }
        Ok((out, busy))
    });

    let clock = StageClock::default();
    let mut new_state = base_state.clone();
    let mut replaced_paths: BTreeSet<String> = BTreeSet::new();
    let mut reporter = Reporter::new(opts.progress, todo.len() as u64);
    let (mut done_files, mut n_articles) = (0u64, 0u64);
    let mut all_rejects: Vec<RejectEntry> = Vec::new();
    let mut n_rejects = 0u64;
    let mut send_failed = false;
    let mut note_rejects = |rejects: &[Reject], n_rejects: &mut u64| {
        for r in rejects {
            *n_rejects += 1;
            if opts.verbose > 0 && opts.progress != Progress::Quiet {
                eprintln!(
                    "newsetl: rejected {}{}: {}",
                    r.source_path,
                    r.source_id
                        .as_deref()
                        .map(|s| format!(" [{s}]"))
                        .unwrap_or_default(),
                    r.reason
                );
            }
            if all_rejects.len() < 1000 {
                all_rejects.push(RejectEntry {
                    source_path: r.source_path.clone(),
                    source_id: r.source_id.clone(),
                    stage: r.stage.to_string(),
                    reason: r.reason.clone(),
                });
            }
        }
    };
    note_rejects(&discover_rejects, &mut n_rejects);
    if !discover_rejects.is_empty() && tx.send((Vec::new(), discover_rejects)).is_err() {
        send_failed = true;
    }
    for chunk in chunks(&todo, cfg.output.chunk_articles.max(1)) {
        if send_failed {
            break;
        }
        let results: Vec<FileResult> = pool.install(|| {
            chunk
                .par_iter()
                .map(|f| process_file(f, cfg, &extractors, &base_state, &clock))
                .collect()
        });
        let mut items = Vec::new();
        let mut rejects = Vec::new();
        for r in results {
            done_files += 1;
            let prev = base_state.files.get(&r.file.rel);
            match r.outcome {
                Outcome::Unchanged { hash } => {
                    let mut s = prev.cloned().expect("unchanged implies a previous state");
                    s.size = r.file.size;
                    s.mtime_ns = r.file.mtime_ns;
                    s.hash = hash;
                    new_state.files.insert(r.file.rel.clone(), s);
                    report.inputs.unchanged += 1;
                }
                Outcome::Done {
                    hash,
                    articles,
                    rejects: file_rejects,
                } => {
                    if prev.is_some() && !report.full {
                        replaced_paths.insert(r.file.rel.clone());
                    }
                    report.inputs.processed += 1;
                    note_rejects(&file_rejects, &mut n_rejects);
                    new_state.files.insert(
                        r.file.rel.clone(),
                        FileState {
                            size: r.file.size,
                            mtime_ns: r.file.mtime_ns,
                            hash,
                            run_id: run_id.clone(),
                            articles: articles.len() as u64,
                            rejects: file_rejects.len() as u64,
                        },
                    );
                    n_articles += articles.len() as u64;
                    items.extend(articles);
                    rejects.extend(file_rejects);
                }
            }
        }
        reporter.update(done_files, n_articles);
        if tx.send((items, rejects)).is_err() {
            send_failed = true;
        }
    }
    drop(tx);
    reporter.finish();
    let (mut written, write_busy) = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the writer thread panicked"))??;
    report.timings.read = secs(&clock.read);
    report.timings.analyze = secs(&clock.analyze);
    report.timings.extract = secs(&clock.extract);
    report.timings.words = clock.words.load(Ordering::Relaxed);
    let per = *clock.per_extractor.lock().expect("clock lock");
    for (name, nanos) in per.named() {
        let seconds = nanos as f64 / 1e9;
        let ms_per_1k_words = seconds * 1e3 / (report.timings.words.max(1) as f64 / 1e3);
        report.timings.extractors.insert(
            name.to_string(),
            ExtractorTiming {
                seconds,
                ms_per_1k_words,
            },
        );
    }
    report.timings.write = write_busy;
    report.inputs.replaced = replaced_paths.len() as u64;
    report.articles = n_articles;
    report.rejects = n_rejects;
    report.reject_list = all_rejects;

    // Commit plan.
    let t = Instant::now();
    let mut journal = Journal {
        run_id: run_id.clone(),
        ..Default::default()
    };
    let mut doomed: HashSet<PathBuf> = HashSet::new();
    if report.full {
        for table in Table::ALL {
            doomed.extend(write::list_parts(&output, table));
        }
    } else if !replaced_paths.is_empty() {
        let runs: BTreeSet<String> = replaced_paths
            .iter()
            .filter_map(|p| old_state.files.get(p))
            .map(|s| s.run_id.clone())
            .collect();
        rewrite_without(&output, &staging, &runs, &replaced_paths, cfg, &mut journal)?;
    }
    for table in Table::ALL {
        let (parts, rows) = written.remove(&table).unwrap_or_default();
        report.rows.insert(table.name().to_string(), rows);
        let survivors = write::list_parts(&output, table)
            .into_iter()
            .filter(|p| !doomed.contains(p))
            .count();
        let mut parts = parts;
        if parts.is_empty() && survivors == 0 {
            let mut w = TableWriter::new(
                table,
                &staging,
                &ingest_date,
                &run_id,
                writer_properties(table, cfg.output.row_group_rows, cfg.output.zstd_level),
            );
            w.write_empty()?;
            parts = w.finish()?.0;
        }
        for p in parts {
            journal
                .renames
                .push((rel_to_output(&output, &staging.join(&p)), p));
        }
    }
    let mut doomed: Vec<PathBuf> = doomed.into_iter().collect();
    doomed.sort();
    journal.deletes = doomed;
    let state_tmp = staging.join("files.json");
    std::fs::write(&state_tmp, serde_json::to_vec(&new_state)?)?;
    journal
        .renames
        .push((rel_to_output(&output, &state_tmp), PathBuf::from(STATE_FILE)));
    report.timings.commit = t.elapsed().as_secs_f64();
    report.timings.wall = wall.elapsed().as_secs_f64();
    report.finished = chrono::Utc::now().to_rfc3339();
    let manifest_tmp = staging.join("manifest.json");
    std::fs::write(&manifest_tmp, serde_json::to_vec_pretty(&report)?)?;
    journal.renames.push((
        rel_to_output(&output, &manifest_tmp),
        PathBuf::from(write::RUNS).join(format!("{run_id}.json")),
    ));
    if write::crash_point("before_commit") {
        std::process::abort();
    }
    journal.commit(&output)?;
    let sql_tmp = output.join("load.sql.tmp");
    std::fs::write(&sql_tmp, write::load_sql(&output))?;
    std::fs::rename(&sql_tmp, output.join("load.sql"))?;
    Ok(report)
}

fn rel_to_output(output: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(output).unwrap_or(p).to_path_buf()
}

/// Rewrite the parts of `runs` without the rows of articles read from
/// `paths` (their files changed and were read again by this run).
fn rewrite_without(
    output: &Path,
    staging: &Path,
    runs: &BTreeSet<String>,
    paths: &BTreeSet<String>,
    cfg: &Config,
    journal: &mut Journal,
) -> anyhow::Result<()> {
    let in_runs = |p: &PathBuf| write::part_run_id(p).is_some_and(|r| runs.contains(r));
    // Which article ids came from the replaced files.
    let mut stale: HashSet<String> = HashSet::new();
    for part in write::list_parts(output, Table::Articles)
        .iter()
        .filter(|p| in_runs(p))
    {
        for batch in read_part(&output.join(part))? {
            let ids = string_col(&batch, "article_id")?;
            let srcs = string_col(&batch, "source_path")?;
            for i in 0..batch.num_rows() {
                if paths.contains(srcs.value(i)) {
                    stale.insert(ids.value(i).to_string());
                }
            }
        }
    }
    for table in Table::ALL {
        for part in write::list_parts(output, table)
            .into_iter()
            .filter(|p| in_runs(p))
        {
            let batches = read_part(&output.join(&part))?;
            let mut kept = Vec::new();
            let mut dropped = 0;
            for batch in batches {
                let col = if table == Table::Rejects {
                    "source_path"
                } else {
                    "article_id"
                };
                let drop_key = |k: &str| {
                    if table == Table::Rejects {
                        paths.contains(k)
                    } else {
                        stale.contains(k)
                    }
                };
                let keys = string_col(&batch, col)?;
                let mask: BooleanArray = (0..batch.num_rows())
                    .map(|i| Some(!drop_key(keys.value(i))))
                    .collect();
                dropped += mask.false_count();
                kept.push(arrow_select::filter::filter_record_batch(&batch, &mask)?);
            }
            if dropped == 0 {
                continue;
            }
            let tmp = staging.join("rewrite").join(&part);
            std::fs::create_dir_all(tmp.parent().expect("has parent"))?;
            let file = std::fs::File::create(&tmp)?;
            let props = writer_properties(table, cfg.output.row_group_rows, cfg.output.zstd_level);
            let mut w = parquet::arrow::ArrowWriter::try_new(file, table.schema(), Some(props))?;
            for b in &kept {
                w.write(b)?;
            }
            w.into_inner()?.sync_all()?;
            journal.renames.push((rel_to_output(output, &tmp), part));
        }
    }
    Ok(())
}

/// Read a whole part file.
pub fn read_part(path: &Path) -> anyhow::Result<Vec<RecordBatch>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)?.build()?;
    Ok(reader.collect::<Result<Vec<_>, _>>()?)
}

fn string_col<'a>(batch: &'a RecordBatch, name: &str) -> anyhow::Result<&'a StringArray> {
    batch
        .column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<StringArray>())
        .ok_or_else(|| anyhow::anyhow!("part file lacks string column {name}"))
}

/// What `newsetl check` prints: files per format that a run would read.
pub fn check(cfg: &Config, full: bool) -> anyhow::Result<String> {
    let Discovered {
        files,
        skipped,
        rejects,
    } = discover(&cfg.input.paths, &cfg.input).map_err(anyhow::Error::msg)?;
    let state = if full {
        State::default()
    } else {
        State::load(&cfg.output.dir).unwrap_or_default()
    };
    let mut by_format: BTreeMap<&str, (u64, u64, u64)> = BTreeMap::new();
    for f in &files {
        let e = by_format.entry(f.format.as_str()).or_default();
        e.0 += 1;
        e.1 += f.size;
        if !state
            .files
            .get(&f.rel)
            .is_some_and(|s| s.size == f.size && s.mtime_ns == f.mtime_ns)
        {
            e.2 += 1;
        }
    }
    let mut s = String::from("config ok\n");
    for p in &cfg.input.paths {
        s.push_str(&format!("input:  {}\n", p.display()));
    }
    s.push_str(&format!("output: {}\n", cfg.output.dir.display()));
    s.push_str(&format!(
        "{:<8} {:>8} {:>12} {:>8}\n",
        "format", "files", "bytes", "new"
    ));
    for (fmt, (n, bytes, new)) in &by_format {
        s.push_str(&format!("{fmt:<8} {n:>8} {bytes:>12} {new:>8}\n"));
    }
    s.push_str(&format!("{} files with no reader (skipped)\n", skipped.len()));
    for r in &rejects {
        s.push_str(&format!("unreadable: {}: {}\n", r.source_path, r.reason));
    }
    Ok(s)
}
