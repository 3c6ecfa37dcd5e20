//! End to end: the real binary in a temp folder, output read back through the
//! parquet crate and (when installed) the DuckDB CLI.

mod common;

use common::*;
use newsetl::write::Table;
use std::io::Write;

/// A wire story written for these tests (not a real article).
pub const STORY: &str = "Harbor city approves $2.4 billion flood barrier
This photo, taken on March 3, 2026, shows workers inspecting the old sea wall in Port Alder. (Coastal Press)
PORT ALDER, March 12 (Coastal Press) – The Port Alder city council on Wednesday approved a $2.4 billion flood barrier, ending a decade of debate over how to protect the harbor district.
“We cannot wait for the next storm to decide for us,” said Mayor Elena Ruiz-Campos, who pushed for the vote.
Council member Tomás Okafor, a civil engineer by training, warned that costs could rise by about 15 percent if construction slips past 2028.
The barrier will run some 12 kilometers along the eastern shore.
Jonah P. Whitfield (jwhitfield@coastalpress.example)
";

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn bad_inputs_become_rejects_and_good_ones_are_written() {
    let ws = Workspace::new();
    ws.write("good/story.txt", STORY);
    ws.write(
        "good/story2.txt.gz",
        gz(STORY.replace("Port Alder", "Bay Ridge").as_bytes()),
    );
    ws.write(
        "bad/binary.txt",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x03\x00",
    );
    ws.write("bad/empty.txt", b"");
    let full = gz(STORY.as_bytes());
    ws.write("bad/truncated.txt.gz", &full[..full.len() / 2]);
    ws.write("bad/bomb.txt.gz", gz(&vec![b'a'; 3 << 20]));
    ws.write("bad/huge.txt", "word ".repeat(300_000));
    ws.write(
        "bad/latin1.txt",
        b"Caf\xe9 owners protest\nPARIS, May 2 - Owners of caf\xe9s marched on Tuesday.\n",
    );
    ws.write("ignored/photo.jpg", b"\xff\xd8\xff");
    let json_line = |id: &str| {
        format!(
            "{{\"id\": \"{id}\", \"title\": \"Flood barrier\", \"text\": {}}}\n",
            serde_json::to_string(STORY).unwrap()
        )
    };
    ws.write(
        "feeds/tonight.jsonl",
        format!(
            "{}{{\"id\": \"x\", \"text\": \n{}",
            json_line("j1"),
            json_line("j2")
        ),
    );
    ws.write(
        "feeds/sheet.csv",
        "id,title,text\nc1,Barrier,\"Council approves barrier.\nMore text.\"\nc2,Broken\n",
    );
    std::fs::write(
        ws.path("small.toml"),
        "[input]\nmax_file_bytes = 1000000\nmax_decompressed_bytes = 2000000\n",
    )
    .unwrap();
    let out = ws.run(&["--config", "small.toml"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "some inputs rejected → exit 1; stderr: {}",
        stderr(&out)
    );

    let rejects = ws.table(Table::Rejects);
    let paths = strings(&rejects, "source_path");
    let reasons = strings(&rejects, "reason");
    let reason_of = |p: &str| {
        let i = paths
            .iter()
            .position(|x| x.as_deref() == Some(p))
            .unwrap_or_else(|| panic!("{p} not rejected"));
        reasons[i].clone().unwrap()
    };
    assert!(reason_of("bad/binary.txt").contains("binary"));
    assert!(reason_of("bad/empty.txt").contains("empty"));
    assert!(reason_of("bad/truncated.txt.gz").contains("gzip"));
    assert!(reason_of("bad/bomb.txt.gz").contains("bomb"));
    assert!(reason_of("bad/huge.txt").contains("cap"));
    assert!(reason_of("feeds/tonight.jsonl").contains("invalid JSON"));
    let ids = strings(&rejects, "source_id");
    let jsonl = paths
        .iter()
        .position(|x| x.as_deref() == Some("feeds/tonight.jsonl"))
        .unwrap();
    assert_eq!(
        ids[jsonl].as_deref(),
        Some("line 2"),
        "the malformed line is named"
    );
    assert!(reason_of("feeds/sheet.csv").contains("CSV"));
    assert_eq!(paths.len(), 7, "exactly the seven bad inputs: {paths:?}");

    let arts = ws.table(Table::Articles);
    let srcs = strings(&arts, "source_path");
    assert_eq!(
        srcs.len(),
        6,
        "3 text files, 2 JSON lines, 1 CSV record: {srcs:?}"
    );
    let texts = strings(&arts, "text");
    let j1 = strings(&arts, "source_id")
        .iter()
        .position(|s| s.as_deref() == Some("j1"))
        .unwrap();
    assert_eq!(texts[j1].as_deref(), Some(STORY), "JSON text is kept verbatim");
    let latin = srcs
        .iter()
        .position(|s| s.as_deref() == Some("bad/latin1.txt"))
        .unwrap();
    assert!(strings(&arts, "text")[latin]
        .as_deref()
        .unwrap()
        .contains("Café owners"));
    assert_eq!(strings(&arts, "encoding")[latin].as_deref(), Some("windows-1252"));
    assert!(ws.output().join("load.sql").is_file());
    check_offsets(&ws.output());
}

#[test]
fn rerun_adds_nothing_and_changed_files_replace_their_rows() {
    let ws = Workspace::new();
    ws.write("a.txt", STORY);
    ws.write("b.txt", STORY.replace("Port Alder", "Bay Ridge"));
    assert_eq!(ws.run(&[]).status.code(), Some(0));
    let n_parts = newsetl::write::list_parts(&ws.output(), Table::Articles).len();
    let before: Vec<usize> = Table::ALL.iter().map(|t| ws.rows(*t)).collect();
    assert_eq!(before[0], 2);

    // Unchanged input: nothing added, not even a part file.
    assert_eq!(ws.run(&[]).status.code(), Some(0));
    assert_eq!(Table::ALL.iter().map(|t| ws.rows(*t)).collect::<Vec<_>>(), before);
    assert_eq!(
        newsetl::write::list_parts(&ws.output(), Table::Articles).len(),
        n_parts
    );

    // Touched but identical bytes: still nothing.
    ws.write("a.txt", STORY);
    assert_eq!(ws.run(&[]).status.code(), Some(0));
    assert_eq!(ws.rows(Table::Articles), 2);

    // Changed file: its article is replaced, not duplicated; a new file is added.
    ws.write("a.txt", STORY.replace("$2.4 billion", "$3.1 billion"));
    ws.write("c.txt", STORY.replace("Port Alder", "Gull Point"));
    assert_eq!(ws.run(&[]).status.code(), Some(0));
    let arts = ws.table(Table::Articles);
    let mut srcs: Vec<String> = strings(&arts, "source_path").into_iter().flatten().collect();
    srcs.sort();
    assert_eq!(srcs, ["a.txt", "b.txt", "c.txt"]);
    let texts = strings(&arts, "text");
    let a = strings(&arts, "source_path")
        .iter()
        .position(|s| s.as_deref() == Some("a.txt"))
        .unwrap();
    assert!(texts[a].as_deref().unwrap().contains("$3.1 billion"));
    let ids = strings(&arts, "article_id");
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "article ids are unique");

    // --full rebuilds from scratch: same articles, no duplicates.
    assert_eq!(ws.run(&["--full"]).status.code(), Some(0));
    assert_eq!(ws.rows(Table::Articles), 3);
    check_offsets(&ws.output());
}

#[test]
fn output_is_identical_at_one_and_two_threads() {
    let ws = Workspace::new();
    for i in 0..40 {
        ws.write(
            &format!("d{}/s{i:02}.txt", i % 3),
            STORY.replace("Port Alder", &format!("Town {i}")),
        );
    }
    assert_eq!(
        ws.cmd(&["run", "-i", "input", "-o", "out1", "-t", "1", "-q"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        ws.cmd(&["run", "-i", "input", "-o", "out2", "-t", "2", "-q"])
            .status
            .code(),
        Some(0)
    );
    for t in Table::ALL {
        let dump = |dir: &str| {
            read_table(&ws.path(dir), t)
                .iter()
                .map(|b| {
                    let keep: Vec<usize> = (0..b.num_columns())
                        .filter(|&i| b.schema().field(i).name() != "run_id")
                        .collect();
                    format!("{:?}", b.project(&keep).unwrap())
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            dump("out1"),
            dump("out2"),
            "table {} differs between 1 and 2 threads",
            t.name()
        );
    }
}

#[test]
fn a_killed_run_leaves_old_output_whole_and_the_next_run_finishes_the_job() {
    for point in ["before_commit", "mid_commit"] {
        let ws = Workspace::new();
        ws.write("a.txt", STORY);
        assert_eq!(ws.run(&[]).status.code(), Some(0));
        ws.write("b.txt", STORY.replace("Port Alder", "Bay Ridge"));
        ws.write("a.txt", STORY.replace("$2.4 billion", "$3.1 billion"));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsetl"))
            .args(["run", "-i", "input", "-o", "output", "-q"])
            .env("NEWSETL_CRASH_AT", point)
            .current_dir(ws.dir.path())
            .output()
            .unwrap();
        assert!(!out.status.success(), "{point}: the run must have died");
        // Whatever was committed is readable; no staging file is visible as a part.
        let arts = ws.rows(Table::Articles);
        assert!((1..=2).contains(&arts), "{point}: {arts} articles visible");
        // The next run completes the job: both files, once each, a.txt updated.
        assert_eq!(ws.run(&[]).status.code(), Some(0), "{point}");
        let t = ws.table(Table::Articles);
        let mut srcs: Vec<String> = strings(&t, "source_path").into_iter().flatten().collect();
        srcs.sort();
        assert_eq!(srcs, ["a.txt", "b.txt"], "{point}");
        let a = strings(&t, "source_path")
            .iter()
            .position(|s| s.as_deref() == Some("a.txt"))
            .unwrap();
        assert!(
            strings(&t, "text")[a]
                .as_deref()
                .unwrap()
                .contains("$3.1 billion"),
            "{point}"
        );
        assert!(!ws.output().join(newsetl::write::JOURNAL).exists());
        assert!(!ws.output().join(newsetl::write::STAGING).exists());
    }
}

#[test]
fn a_second_run_on_the_same_output_refuses() {
    let ws = Workspace::new();
    ws.write("a.txt", STORY);
    std::fs::create_dir_all(ws.output()).unwrap();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(ws.output().join(".lock"))
        .unwrap();
    assert!(fs4::fs_std::FileExt::try_lock_exclusive(&lock).unwrap());
    let out = ws.run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("another newsetl run"), "{err}");
    assert_eq!(err.lines().count(), 1, "one-line error: {err}");
}

#[test]
fn fatal_errors_exit_2_with_one_line() {
    let ws = Workspace::new();
    ws.write("a.txt", STORY);
    std::fs::write(ws.path("bad.toml"), "[output]\nrow_groups = 5\n").unwrap();
    let out = ws.run(&["--config", "bad.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("row_groups"), "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1);

    std::fs::write(ws.path("not-a-dir"), "x").unwrap();
    let out = ws.cmd(&["run", "-i", "input", "-o", "not-a-dir/out", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("output"), "{}", stderr(&out));

    let out = ws.cmd(&["run", "-i", "missing", "-o", "out", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing"), "{}", stderr(&out));
}

#[test]
fn check_lists_formats_and_writes_nothing() {
    let ws = Workspace::new();
    ws.write("a.txt", STORY);
    ws.write("b.txt.gz", gz(STORY.as_bytes()));
    ws.write("c.jsonl", "{\"id\": \"1\", \"text\": \"Hello there.\"}\n");
    let out = ws.cmd(&["check", "-i", "input", "-o", "output"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.lines().any(|l| l.starts_with("txt") && l.contains(" 2 ")),
        "{s}"
    );
    assert!(s.lines().any(|l| l.starts_with("json")), "{s}");
    assert!(!ws.output().exists());
}

#[test]
fn schema_command_prints_tables_and_views() {
    let ws = Workspace::new();
    let s = String::from_utf8(ws.cmd(&["schema"]).stdout).unwrap();
    for t in Table::ALL {
        assert!(s.contains(t.name()));
    }
    assert!(s.contains("STRUCT(\"name\" VARCHAR, \"role\" VARCHAR)[]"));
    let sql = String::from_utf8(ws.cmd(&["schema", "--sql"]).stdout).unwrap();
    assert_eq!(sql.matches("CREATE OR REPLACE VIEW").count(), Table::ALL.len());
}

#[test]
fn duckdb_reads_every_table_with_real_types() {
    let ws = Workspace::new();
    ws.write("a.txt", STORY);
    ws.write("b.txt", STORY.replace("Port Alder", "Bay Ridge"));
    assert_eq!(ws.run(&[]).status.code(), Some(0));
    let n = check_offsets(&ws.output());
    let Some(db) = duckdb() else { return };
    let out = ws.output();
    for t in Table::ALL {
        let csv = duckdb_query(&db, &out, &format!("SELECT count(*) AS n FROM {}", t.name()));
        assert!(csv.starts_with("n\n"), "{t:?}: {csv}");
    }
    let types = duckdb_query(
        &db,
        &out,
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name IN ('articles','events','quotes','dates') ORDER BY ALL",
    );
    for want in [
        "published,TIMESTAMP",
        "authors,VARCHAR[]",
        "actors,\"STRUCT(\"\"name\"\" VARCHAR, \"\"role\"\" VARCHAR)[]\"",
        "date_start,DATE",
        "negated,BOOLEAN",
    ] {
        assert!(types.contains(want), "missing {want} in\n{types}");
    }
    // The offset property of SCHEMA.md, in SQL, over every span table.
    let mut bad = 0;
    for t in ["entities", "quotes", "figures", "dates", "events"] {
        let csv = duckdb_query(
            &db,
            &out,
            &format!("SELECT count(*) AS bad FROM {t} x JOIN articles a USING (article_id) WHERE substring(a.text, x.start + 1, x.\"end\" - x.start) <> x.text"),
        );
        bad += csv.lines().nth(1).unwrap().parse::<usize>().unwrap();
    }
    assert_eq!(
        bad, 0,
        "rows whose offsets do not match their text ({n} rows checked by parquet)"
    );
    let csv = duckdb_query(&db, &out, "SELECT count(*) AS n FROM articles");
    assert_eq!(csv, "n\n2\n");
}
