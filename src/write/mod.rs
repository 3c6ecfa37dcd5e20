//! Write: rows → Parquet parts, committed atomically.
//!
//! A run writes every part under `output/_staging/<run_id>/` (mirroring the
//! final layout). Commit writes a journal (`output/_journal.json`) listing the
//! renames and deletes, applies it, then removes it; the run manifest
//! `_runs/<run_id>.json` is the last rename. A run killed before the journal
//! exists leaves only staging files (removed by the next run, whose state still
//! says those inputs are unprocessed); a run killed after it is rolled forward
//! by the next run. Readers never see a half-written file: parts appear by
//! rename only.

pub mod parquet;
pub mod rows;
pub mod schema;
pub mod state;

use crate::article::Article;
use crate::extract::Extractions;
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub use schema::Table;

/// One article with everything extracted from it: the unit handed to the writer.
#[derive(Debug)]
pub struct Processed {
    pub article: Article,
    pub x: Extractions,
}

pub const JOURNAL: &str = "_journal.json";
pub const STAGING: &str = "_staging";
pub const RUNS: &str = "_runs";
pub const LOCK: &str = ".lock";

/// The commit plan: renames (staging → final, relative to the output folder)
/// applied in order, then deletes.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Journal {
    pub run_id: String,
    pub renames: Vec<(PathBuf, PathBuf)>,
    pub deletes: Vec<PathBuf>,
}

impl Journal {
    /// Persist the journal, apply it, remove it and the staging folder.
    pub fn commit(&self, output: &Path) -> anyhow::Result<()> {
        let tmp = output.join("_journal.json.tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(self)?).context("writing the commit journal")?;
        std::fs::File::open(&tmp)?.sync_all()?;
        std::fs::rename(&tmp, output.join(JOURNAL))?;
        if crash_point("mid_commit") {
            // Test hook: die with half of the renames applied.
            let half = Journal {
                renames: self.renames[..self.renames.len() / 2].to_vec(),
                ..Default::default()
            };
            half.apply(output)?;
            std::process::abort();
        }
        self.apply(output)?;
        std::fs::remove_file(output.join(JOURNAL))?;
        let _ = std::fs::remove_dir_all(output.join(STAGING).join(&self.run_id));
        let _ = std::fs::remove_dir(output.join(STAGING));
        Ok(())
    }

    /// Apply the journal; idempotent, so a crash mid-way is finished by replaying it.
    pub fn apply(&self, output: &Path) -> anyhow::Result<()> {
        for (from, to) in &self.renames {
            let (from, to) = (output.join(from), output.join(to));
            if from.exists() {
                if let Some(parent) = to.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::rename(&from, &to)
                    .with_context(|| format!("renaming {} to {}", from.display(), to.display()))?;
            }
        }
        for d in &self.deletes {
            match std::fs::remove_file(output.join(d)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("deleting {}", d.display())),
            }
        }
        Ok(())
    }
}

/// Crash-test hook: true when `NEWSETL_CRASH_AT` names this point. Lets the
/// end-to-end tests kill a run at the two moments that matter (parts staged but
/// no journal; journal written, renames half applied).
pub fn crash_point(name: &str) -> bool {
    std::env::var("NEWSETL_CRASH_AT").is_ok_and(|v| v == name)
}

/// Finish or clean up after a run that was killed: replay a pending journal,
/// drop staging folders of runs that never reached their journal.
pub fn recover(output: &Path) -> anyhow::Result<Option<String>> {
    let mut finished = None;
    let path = output.join(JOURNAL);
    if path.exists() {
        let j: Journal = serde_json::from_slice(&std::fs::read(&path)?)
            .with_context(|| format!("corrupt commit journal {}", path.display()))?;
        j.apply(output)?;
        std::fs::remove_file(&path)?;
        finished = Some(j.run_id);
    }
    let _ = std::fs::remove_file(output.join("_journal.json.tmp"));
    let staging = output.join(STAGING);
    if staging.exists() {
        std::fs::remove_dir_all(&staging).with_context(|| format!("removing {}", staging.display()))?;
    }
    Ok(finished)
}

/// All committed part files of a table (relative to the output folder), sorted.
pub fn list_parts(output: &Path, table: Table) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let root = output.join(table.name());
    let Ok(parts) = std::fs::read_dir(&root) else {
        return out;
    };
    for dir in parts.flatten() {
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for f in files.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "parquet") {
                if let Ok(rel) = p.strip_prefix(output) {
                    out.push(rel.to_path_buf());
                }
            }
        }
    }
    out.sort();
    out
}

/// The run id a part file belongs to (`part-<run_id>-NNNNN.parquet`).
pub fn part_run_id(part: &Path) -> Option<&str> {
    let name = part.file_name()?.to_str()?;
    let rest = name.strip_prefix("part-")?.strip_suffix(".parquet")?;
    rest.rsplit_once('-').map(|(run, _)| run)
}

/// `load.sql`: one DuckDB view per table over its Parquet files.
pub fn load_sql(output: &Path) -> String {
    let abs = std::path::absolute(output).unwrap_or_else(|_| output.to_path_buf());
    let root = abs.to_string_lossy().replace('\'', "''");
    let mut s = String::from(
        "-- newsetl: DuckDB views over the output tables. Usage: duckdb news.db < output/load.sql\n",
    );
    for t in Table::ALL {
        s.push_str(&format!(
            "CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{root}/{name}/*/*.parquet', hive_partitioning = true, union_by_name = true);\n",
            name = t.name()
        ));
    }
    s
}
