//! `newsetl`: thin entry point. Parses flags, runs a command, maps the result
//! to an exit code: 0 all inputs read, 1 some inputs rejected, 2 fatal.

use clap::Parser;
use newsetl::cli::{Cli, Command, RunArgs};
use newsetl::config::Config;
use newsetl::pipeline::{self, Progress, RunOptions};
use std::path::Path;

fn main() {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Run(RunArgs::default())) {
        Command::Run(args) => run(&args),
        Command::Check(args) => check(&args),
        Command::Schema(args) => schema(args.sql),
        Command::Eval(args) => newsetl::eval::run(&args),
    };
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsetl: error: {e:#}");
            2
        }
    };
    std::process::exit(code);
}

/// The config a command works with: `--config`, else ./pipeline.toml when
/// present, else the built-in defaults; then `--input`/`--output` override.
fn load_config(args: &RunArgs) -> anyhow::Result<Config> {
    let mut cfg = match &args.config {
        Some(path) => Config::load(path)?,
        None if Path::new("pipeline.toml").is_file() => Config::load(Path::new("pipeline.toml"))?,
        None => Config::default(),
    };
    if !args.input.is_empty() {
        cfg.input.paths = args.input.clone();
    }
    if let Some(o) = &args.output {
        cfg.output.dir = o.clone();
    }
    Ok(cfg)
}

fn run(args: &RunArgs) -> anyhow::Result<i32> {
    let cfg = load_config(args)?;
    let progress = if args.quiet {
        Progress::Quiet
    } else {
        Progress::Auto
    };
    let opts = RunOptions {
        threads: args.threads,
        full: args.full,
        progress,
        verbose: args.verbose,
    };
    let report = pipeline::run(&cfg, &opts)?;
    if !args.quiet {
        let rows: Vec<String> = report.rows.iter().map(|(t, n)| format!("{t} {n}")).collect();
        eprintln!(
            "newsetl: run {} done in {:.1}s: {} files read, {} unchanged, {} replaced; {} articles, {} rejected",
            report.run_id,
            report.timings.wall,
            report.inputs.processed,
            report.inputs.unchanged,
            report.inputs.replaced,
            report.articles,
            report.rejects
        );
        eprintln!("newsetl: rows: {}", rows.join(", "));
        if args.verbose > 0 {
            let t = &report.timings;
            eprintln!(
                "newsetl: stage seconds (summed over threads): read {:.2}, analyze {:.2}, extract {:.2}, write {:.2}, commit {:.2}; {} words",
                t.read, t.analyze, t.extract, t.write, t.commit, t.words
            );
            for (name, x) in &t.extractors {
                eprintln!(
                    "newsetl:   {name:<9} {:.2}s  {:.3} ms per 1,000 words",
                    x.seconds, x.ms_per_1k_words
                );
            }
        }
        if report.rejects > 0 && args.verbose == 0 {
            eprintln!("newsetl: rejects are in the rejects table (or rerun with -v to list them)");
        }
        eprintln!(
            "newsetl: output in {} (DuckDB: duckdb < {}/load.sql)",
            cfg.output.dir.display(),
            cfg.output.dir.display()
        );
    }
    Ok(if report.rejects > 0 { 1 } else { 0 })
}

fn check(args: &RunArgs) -> anyhow::Result<i32> {
    let cfg = load_config(args)?;
    newsetl::extract::Extractors::new(&cfg.extract)?;
    print!("{}", pipeline::check(&cfg, args.full)?);
    Ok(0)
}

fn schema(sql: bool) -> anyhow::Result<i32> {
    if sql {
        let cfg = load_config(&RunArgs::default())?;
        print!("{}", newsetl::write::load_sql(&cfg.output.dir));
    } else {
        print!("{}", newsetl::write::schema::describe());
    }
    Ok(0)
}
