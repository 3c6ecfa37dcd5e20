//! Command line: `newsetl run | check | schema | eval`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "newsetl",
    version,
    about = "Folders of news articles → Parquet tables of articles, entities, quotes, figures, dates and events"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read the inputs, extract, and write the tables (the default command).
    Run(RunArgs),
    /// Validate the config and list what would be read per format; writes nothing.
    Check(RunArgs),
    /// Print the table schemas, or the DuckDB CREATE VIEW statements.
    Schema(SchemaArgs),
    /// Score the extractors against a gold set (see `newsetl eval --help`).
    Eval(crate::eval::EvalArgs),
}

#[derive(Debug, Clone, Default, Args)]
pub struct RunArgs {
    /// Config file. Default: ./pipeline.toml when it exists, else built-in defaults.
    #[arg(long, short = 'c')]
    pub config: Option<PathBuf>,
    /// Input folder or file (repeatable); replaces `[input] paths`.
    #[arg(long, short = 'i')]
    pub input: Vec<PathBuf>,
    /// Output folder; replaces `[output] dir`.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Worker threads. Default: all cores.
    #[arg(long, short = 't')]
    pub threads: Option<usize>,
    /// Reprocess every input, ignoring the incremental state.
    #[arg(long)]
    pub full: bool,
    /// No progress bar and no summary; errors only.
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    pub quiet: bool,
    /// More log lines (each rejected input, stage timings).
    #[arg(long, short = 'v', action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    /// Print DuckDB `CREATE VIEW` statements (as in output/load.sql) instead.
    #[arg(long)]
    pub sql: bool,
}
