//! `newsetl eval`: scores the extractors against a gold set. Not implemented yet.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct EvalArgs {
    /// Gold set in the format of shared/gold/README.md (JSON lines).
    #[arg(long)]
    pub gold: PathBuf,
    /// What to score: entities, quotes, figures, dates, events, html.
    #[arg(long)]
    pub task: String,
    /// Also write the report (Markdown) to this file.
    #[arg(long)]
    pub report: Option<PathBuf>,
}

/// Run an evaluation; returns the process exit code.
pub fn run(_args: &EvalArgs) -> anyhow::Result<i32> {
    anyhow::bail!("eval is not implemented yet")
}
