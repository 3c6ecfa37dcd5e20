//! `newsetl eval` through the real binary: a tiny gold set of our own in a
//! temp folder, the report file, and the floors check's exit codes. Nothing
//! here depends on how good the extractors are.

use std::path::Path;
use std::process::{Command, Output};

const DOC: &str = r#"{"doc_id":"t1","dct":"2025-12-24","split":"dev","text":"Lee Jae-myung met Donald Trump in Gyeongju on Oct. 29.\n“We agreed,” Lee said, adding that Seoul would spend $350 billion.","entities":[{"start":0,"end":13,"text":"Lee Jae-myung","type":"PER"},{"start":18,"end":30,"text":"Donald Trump","type":"PER"},{"start":34,"end":42,"text":"Gyeongju","type":"LOC"}],"quotes":[{"start":55,"end":67,"text":"“We agreed,”","speaker":"Lee","speaker_start":68,"speaker_end":71,"cue":"said","cue_start":72,"cue_end":76,"kind":"attribution","direct":true}],"figures":[{"start":108,"end":120,"text":"$350 billion","type":"MONEY","value":"350000000000","unit":"United States dollar"}],"timexes":[{"start":46,"end":53,"text":"Oct. 29","type":"DATE","value":"2025-10-29"}],"events":[{"id":"e1","start":14,"end":17,"text":"met","class":"OCCURRENCE"}]}"#;

fn newsetl(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsetl"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run newsetl")
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    // A set name from the built-in plan, so --all finds it.
    let set = dir.path().join("gold").join("finer_ord");
    std::fs::create_dir_all(&set).unwrap();
    std::fs::write(set.join("gold.jsonl"), format!("{DOC}\n")).unwrap();
    dir
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn scores_every_text_task_and_writes_the_report() {
    let dir = setup();
    let out = newsetl(
        dir.path(),
        &[
            "eval",
            "--gold",
            "gold/finer_ord/gold.jsonl",
            "--task",
            "entities,quotes,figures,dates,events",
            "--report",
            "report.md",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let t = text(&out);
    for needle in [
        "finer_ord · entities",
        "finer_ord · quotes",
        "finer_ord · figures",
        "timex",
        "trigger",
    ] {
        assert!(t.contains(needle), "missing {needle:?} in:\n{t}");
    }
    let md = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(md.starts_with("# Accuracy"), "{md}");
    assert!(md.contains("| PERSON |"), "{md}");
}

#[test]
fn floors_pass_fail_and_typos() {
    let dir = setup();
    let floors = dir.path().join("floors.toml");
    let run = |floor: &str| {
        std::fs::write(&floors, floor).unwrap();
        newsetl(
            dir.path(),
            &[
                "eval",
                "--all",
                "--gold-dir",
                "gold",
                "--floors",
                "floors.toml",
                "--check-floors",
                "--quiet",
            ],
        )
    };
    let ok = run("[finer_ord.entities]\n\"strict/PER+ORG+LOC/f1\" = 0.0\n");
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok));
    let below = run("[finer_ord.entities]\n\"strict/PER+ORG+LOC/f1\" = 1.01\n");
    assert_eq!(below.status.code(), Some(1), "{}", text(&below));
    assert!(text(&below).contains("BELOW FLOOR"), "{}", text(&below));
    let typo = run("[finer_ord.entities]\n\"strict/PER+ORG+LOCC/f1\" = 0.0\n");
    assert_eq!(typo.status.code(), Some(1), "{}", text(&typo));
    assert!(text(&typo).contains("NO SUCH MEASURE"), "{}", text(&typo));
}

#[test]
fn raise_floors_never_lowers() {
    let dir = setup();
    let floors = dir.path().join("floors.toml");
    std::fs::write(&floors, "[finer_ord.entities]\n\"strict/PER+ORG+LOC/f1\" = 0.5\n").unwrap();
    let out = newsetl(
        dir.path(),
        &[
            "eval",
            "--all",
            "--gold-dir",
            "gold",
            "--floors",
            "floors.toml",
            "--raise-floors",
            "--quiet",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let after = std::fs::read_to_string(&floors).unwrap();
    // The floor is at least where it was (scores may be anything here).
    let v: f64 = after
        .lines()
        .find(|l| l.starts_with("\"strict/PER+ORG+LOC/f1\""))
        .and_then(|l| l.split('=').nth(1))
        .map(|v| v.trim().parse().unwrap())
        .unwrap();
    assert!(v >= 0.5, "{after}");
    assert!(after.contains("Floors only move up"), "{after}");
}

#[test]
fn bad_arguments_are_errors() {
    let dir = setup();
    let out = newsetl(
        dir.path(),
        &[
            "eval",
            "--gold",
            "gold/finer_ord/gold.jsonl",
            "--task",
            "sentiment",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("unknown task"), "{}", text(&out));
    let out = newsetl(
        dir.path(),
        &["eval", "--gold", "nowhere/gold.jsonl", "--task", "entities"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
}
