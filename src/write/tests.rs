//! Round trip of every table: rows → Parquet → rows, with non-ASCII text so the
//! byte → code point conversion is exercised.

use super::parquet::{writer_properties, TableWriter};
use super::rows::{build_batches, rejects};
use super::{Processed, Table};
use crate::article::{Article, Block, BlockKind, Reject, Span};
use crate::extract::*;
use arrow_array::{
    Array, BooleanArray, Date32Array, Float64Array, Int64Array, ListArray, StringArray, StructArray,
};
use chrono::NaiveDate;

fn sample() -> Processed {
    let text = "Séoul talks\n“We agreed,” said Kim Min-jun, adding costs rose 3.5% on Dec. 24.".to_string();
    let at = |s: &str| {
        let b = text.find(s).unwrap();
        Span::new(b, b + s.len())
    };
    let article = Article {
        article_id: "a1".into(),
        source_path: "x/a.txt".into(),
        source_id: "a".into(),
        format: Some(crate::article::Format::Txt),
        title: Some("Séoul talks".into()),
        published: NaiveDate::from_ymd_opt(2025, 12, 24)
            .unwrap()
            .and_hms_opt(9, 30, 0),
        authors: vec!["Ann Lee".into()],
        encoding: "UTF-8".into(),
        blocks: vec![
            Block {
                kind: BlockKind::Title,
                span: at("Séoul talks"),
            },
            Block {
                kind: BlockKind::Paragraph,
                span: Span::new(at("“We").start, text.len()),
            },
        ],
        text: text.clone(),
        ..Default::default()
    };
    let d = NaiveDate::from_ymd_opt(2025, 12, 24);
    let x = Extractions {
        entities: vec![Entity {
            span: at("Kim Min-jun"),
            kind: EntityType::Person,
            subtype: None,
            canonical: "Kim Min-jun".into(),
            entity_key: "kim min jun".into(),
            role: None,
        }],
        dates: vec![DateExpr {
            span: at("Dec. 24"),
            kind: TimexType::Date,
            value: "2025-12-24".into(),
            date_start: d,
            date_end: d,
            anchor: d,
        }],
        figures: vec![Figure {
            span: at("3.5%"),
            value: 3.5,
            value_max: None,
            unit: Some("percent".into()),
            kind: "percent",
            approx: Approx::Exact,
            object: Some("costs".into()),
        }],
        quotes: vec![Quote {
            span: at("We agreed,"),
            fragments: vec![at("We agreed")],
            kind: QuoteKind::Direct,
            speaker: Some("Kim Min-jun".into()),
            speaker_span: Some(at("Kim Min-jun")),
            speaker_role: None,
            cue_span: Some(at("said")),
        }],
        events: vec![Event {
            span: at("“We agreed,” said Kim Min-jun"),
            trigger: at("agreed"),
            kind: "cooperate",
            actors: vec![Actor {
                name: "Kim Min-jun".into(),
                role: "agent",
            }],
            place: None,
            date_value: Some("2025-12-24".into()),
            date_start: d,
            date_end: d,
            negated: false,
            modality: Modality::Asserted,
        }],
    };
    Processed { article, x }
}

fn col<'a, T: 'static>(b: &'a arrow_array::RecordBatch, name: &str) -> &'a T {
    b.column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"))
        .as_any()
        .downcast_ref::<T>()
        .unwrap()
}

#[test]
fn every_table_round_trips_through_parquet() {
    let dir = tempfile::tempdir().unwrap();
    let p = sample();
    let chars: Vec<char> = p.article.text.chars().collect();
    let mut batches = build_batches(std::slice::from_ref(&p), "r1");
    batches.push((
        Table::Rejects,
        rejects(
            &[Reject {
                source_path: "b.json".into(),
                source_id: Some("line 3".into()),
                stage: "read",
                reason: "bad".into(),
            }],
            "r1",
        ),
    ));
    for (table, batch) in batches {
        assert_eq!(batch.num_rows(), 1, "{table:?}");
        let mut w = TableWriter::new(
            table,
            dir.path(),
            "2025-12-24",
            "r1",
            writer_properties(table, 1000, 3),
        );
        w.write(&batch).unwrap();
        let (parts, rows) = w.finish().unwrap();
        assert_eq!((parts.len(), rows), (1, 1));
        let back = crate::pipeline::read_part(&dir.path().join(&parts[0])).unwrap();
        assert_eq!(back.len(), 1);
        let b = &back[0];
        assert_eq!(b.schema(), table.schema(), "{table:?} schema");
        assert_eq!(b, &batch, "{table:?} round trip");
        if table != Table::Articles && table != Table::Rejects {
            let (s, e) = (
                col::<Int64Array>(b, "start").value(0),
                col::<Int64Array>(b, "end").value(0),
            );
            let sub: String = chars[s as usize..e as usize].iter().collect();
            assert_eq!(sub, col::<StringArray>(b, "text").value(0), "{table:?} offsets");
        }
    }
    // Spot checks of converted values.
    let all = build_batches(std::slice::from_ref(&p), "r1");
    let quotes = &all[2].1;
    assert_eq!(col::<StringArray>(quotes, "content").value(0), "We agreed");
    assert_eq!(
        col::<Int64Array>(quotes, "start").value(0),
        13,
        "code points, not bytes"
    );
    let frags = col::<ListArray>(quotes, "fragments").value(0);
    let frag = frags.as_any().downcast_ref::<StructArray>().unwrap();
    assert_eq!(
        frag.column(0)
            .as_any()
            .downcast_ref::<Int64Array>()
            .unwrap()
            .value(0),
        13
    );
    let figures = &all[3].1;
    assert_eq!(col::<Float64Array>(figures, "value").value(0), 3.5);
    let dates = &all[4].1;
    assert_eq!(col::<Date32Array>(dates, "date_start").value(0), 20446);
    let events = &all[5].1;
    assert!(!col::<BooleanArray>(events, "negated").value(0));
    let articles = &all[0].1;
    assert_eq!(
        col::<Int64Array>(articles, "n_chars").value(0) as usize,
        chars.len(),
        "n_chars counts code points"
    );
}

#[test]
fn empty_parts_keep_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    for table in Table::ALL {
        let mut w = TableWriter::new(
            table,
            dir.path(),
            "2025-01-01",
            "r0",
            writer_properties(table, 10, 1),
        );
        w.write_empty().unwrap();
        let (parts, rows) = w.finish().unwrap();
        assert_eq!(rows, 0);
        let back = crate::pipeline::read_part(&dir.path().join(&parts[0])).unwrap();
        assert!(back.iter().all(|b| b.num_rows() == 0));
        let meta = parquet::file::reader::SerializedFileReader::new(
            std::fs::File::open(dir.path().join(&parts[0])).unwrap(),
        )
        .unwrap();
        let fields = parquet::file::reader::FileReader::metadata(&meta)
            .file_metadata()
            .schema_descr()
            .num_columns();
        assert!(fields >= table.schema().fields().len(), "{table:?}");
    }
}
