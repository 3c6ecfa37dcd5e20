//! Shared helpers for the end-to-end tests: a fresh temp folder per test, the
//! real binary, and readers for the output tables (through the parquet crate,
//! and through the DuckDB CLI when it is installed).

#![allow(dead_code)]

use arrow_array::{Array, Int64Array, RecordBatch, StringArray};
use newsetl::write::Table;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }
    pub fn input(&self) -> PathBuf {
        self.path("input")
    }
    pub fn output(&self) -> PathBuf {
        self.path("output")
    }
    /// Write a file under input/.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.input().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }
    /// `newsetl run --input input --output output <extra>`, in the workspace folder.
    pub fn run(&self, extra: &[&str]) -> Output {
        let mut args = vec!["run", "--input", "input", "--output", "output", "--quiet"];
        args.extend_from_slice(extra);
        self.cmd(&args)
    }
    pub fn cmd(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_newsetl"))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .expect("run newsetl")
    }
    pub fn table(&self, t: Table) -> Vec<RecordBatch> {
        read_table(&self.output(), t)
    }
    pub fn rows(&self, t: Table) -> usize {
        self.table(t).iter().map(|b| b.num_rows()).sum()
    }
}

pub fn read_table(output: &Path, t: Table) -> Vec<RecordBatch> {
    newsetl::write::list_parts(output, t)
        .iter()
        .flat_map(|p| newsetl::pipeline::read_part(&output.join(p)).expect("readable part"))
        .collect()
}

pub fn strings(batches: &[RecordBatch], col: &str) -> Vec<Option<String>> {
    let mut out = vec![];
    for b in batches {
        let a = b
            .column_by_name(col)
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        for i in 0..a.len() {
            out.push(a.is_valid(i).then(|| a.value(i).to_string()));
        }
    }
    out
}

pub fn ints(batches: &[RecordBatch], col: &str) -> Vec<Option<i64>> {
    let mut out = vec![];
    for b in batches {
        let a = b
            .column_by_name(col)
            .unwrap()
            .as_any()
            .downcast_ref::<Int64Array>()
            .unwrap();
        for i in 0..a.len() {
            out.push(a.is_valid(i).then(|| a.value(i)));
        }
    }
    out
}

/// The SCHEMA.md offset property, through the parquet reader: for every row of
/// every span table, the code points [start, end) of its article's text equal
/// its `text` column. Returns the number of rows checked.
pub fn check_offsets(output: &Path) -> usize {
    let arts = read_table(output, Table::Articles);
    let ids = strings(&arts, "article_id");
    let texts = strings(&arts, "text");
    let by_id: std::collections::HashMap<String, Vec<char>> = ids
        .into_iter()
        .zip(texts)
        .map(|(i, t)| (i.unwrap(), t.unwrap().chars().collect()))
        .collect();
    let mut checked = 0;
    for t in [
        Table::Entities,
        Table::Quotes,
        Table::Figures,
        Table::Dates,
        Table::Events,
    ] {
        let b = read_table(output, t);
        let (aid, start, end, text) = (
            strings(&b, "article_id"),
            ints(&b, "start"),
            ints(&b, "end"),
            strings(&b, "text"),
        );
        for i in 0..aid.len() {
            let chars = &by_id[aid[i].as_ref().unwrap()];
            let (s, e) = (start[i].unwrap() as usize, end[i].unwrap() as usize);
            assert!(
                s <= e && e <= chars.len(),
                "{}: span {s}..{e} outside text",
                t.name()
            );
            let got: String = chars[s..e].iter().collect();
            assert_eq!(
                &got,
                text[i].as_ref().unwrap(),
                "{} row {i}: offsets do not match text",
                t.name()
            );
            checked += 1;
        }
    }
    checked
}

/// The DuckDB CLI, when installed. With NEWSETL_REQUIRE_DUCKDB=1 (as CI sets
/// it) a missing CLI is a failure, never a skip.
pub fn duckdb() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("duckdb"))
            .find(|p| p.is_file())
    });
    if found.is_none() && std::env::var("NEWSETL_REQUIRE_DUCKDB").is_ok_and(|v| v == "1") {
        panic!("NEWSETL_REQUIRE_DUCKDB=1 but no duckdb CLI on PATH (pip install duckdb-cli)");
    }
    if found.is_none() {
        eprintln!("duckdb CLI not found: skipping the DuckDB half of this test");
    }
    found
}

/// Run SQL in DuckDB after `.read output/load.sql`; returns CSV output (with header).
pub fn duckdb_query(duckdb: &Path, output: &Path, sql: &str) -> String {
    let out = Command::new(duckdb)
        .arg("-csv")
        .arg("-c")
        .arg(format!(".read {}", output.join("load.sql").display()))
        .arg("-c")
        .arg(sql)
        .output()
        .expect("run duckdb");
    assert!(
        out.status.success(),
        "duckdb failed on {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
