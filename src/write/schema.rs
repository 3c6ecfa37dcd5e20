//! Every table's Arrow schema, declared here and nowhere else.
//!
//! Offsets are INT64 code points (SCHEMA.md); dates are DATE, timestamps
//! TIMESTAMP (microseconds, no zone), lists and structs are real nested types.

use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef, TimeUnit};
use std::sync::{Arc, OnceLock};

/// Bumped on any rename, retype or drop of a column (added columns keep it).
pub const SCHEMA_VERSION: i32 = 1;

/// The output tables, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Articles,
    Entities,
    Quotes,
    Figures,
    Dates,
    Events,
    Rejects,
}

impl Table {
    pub const ALL: [Table; 7] = [
        Table::Articles,
        Table::Entities,
        Table::Quotes,
        Table::Figures,
        Table::Dates,
        Table::Events,
        Table::Rejects,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Entities => "entities",
            Table::Quotes => "quotes",
            Table::Figures => "figures",
            Table::Dates => "dates",
            Table::Events => "events",
            Table::Rejects => "rejects",
        }
    }

    pub fn schema(self) -> SchemaRef {
        static SCHEMAS: OnceLock<Vec<SchemaRef>> = OnceLock::new();
        SCHEMAS.get_or_init(|| Table::ALL.iter().map(|t| Arc::new(build(*t))).collect())[self as usize]
            .clone()
    }
}

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn int64(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Int64, nullable)
}

fn date(name: &str) -> Field {
    Field::new(name, DataType::Date32, true)
}

/// Fields of the `STRUCT` inside `articles.blocks`.
pub fn block_fields() -> Fields {
    Fields::from(vec![
        utf8("kind", false),
        int64("start", false),
        int64("end", false),
    ])
}

/// Fields of the `STRUCT` inside `quotes.fragments`.
pub fn span_fields() -> Fields {
    Fields::from(vec![int64("start", false), int64("end", false)])
}

/// Fields of the `STRUCT` inside `events.actors`.
pub fn actor_fields() -> Fields {
    Fields::from(vec![utf8("name", false), utf8("role", false)])
}

pub fn list_of(item: DataType) -> DataType {
    DataType::List(Arc::new(Field::new("item", item, true)))
}

fn list(name: &str, item: DataType) -> Field {
    Field::new(name, list_of(item), true)
}

fn article_key() -> Vec<Field> {
    vec![
        utf8("article_id", false),
        int64("start", false),
        int64("end", false),
        utf8("text", false),
    ]
}

fn build(table: Table) -> Schema {
    let fields: Vec<Field> = match table {
        Table::Articles => vec![
            utf8("article_id", false),
            utf8("source_path", false),
            utf8("source_id", false),
            utf8("format", false),
            utf8("url", true),
            utf8("title", true),
            Field::new(
                "published",
                DataType::Timestamp(TimeUnit::Microsecond, None),
                true,
            ),
            utf8("published_from", false),
            utf8("dateline", true),
            list("dateline_places", DataType::Utf8),
            utf8("outlet", true),
            list("authors", DataType::Utf8),
            utf8("language", true),
            utf8("encoding", false),
            utf8("text", false),
            int64("n_chars", false),
            int64("n_words", false),
            utf8("content_hash", false),
            list("blocks", DataType::Struct(block_fields())),
            utf8("run_id", false),
            Field::new("schema_version", DataType::Int32, false),
        ],
        Table::Entities => {
            let mut f = article_key();
            f.extend([
                utf8("type", false),
                utf8("subtype", true),
                utf8("canonical", false),
                utf8("entity_key", false),
                utf8("role", true),
            ]);
            f
        }
        Table::Quotes => {
            let mut f = article_key();
            f.extend([
                utf8("content", false),
                list("fragments", DataType::Struct(span_fields())),
                utf8("kind", false),
                utf8("speaker", true),
                utf8("speaker_mention", true),
                int64("speaker_start", true),
                int64("speaker_end", true),
                utf8("speaker_role", true),
                utf8("cue", true),
                int64("cue_start", true),
                int64("cue_end", true),
            ]);
            f
        }
        Table::Figures => {
            let mut f = article_key();
            f.extend([
                Field::new("value", DataType::Float64, false),
                Field::new("value_max", DataType::Float64, true),
                utf8("unit", true),
                utf8("kind", false),
                utf8("approx", false),
                utf8("object", true),
            ]);
            f
        }
        Table::Dates => {
            let mut f = article_key();
            f.extend([
                utf8("type", false),
                utf8("value", false),
                date("date_start"),
                date("date_end"),
                date("anchor"),
            ]);
            f
        }
        Table::Events => {
            let mut f = article_key();
            f.extend([
                utf8("trigger", false),
                int64("trigger_start", false),
                int64("trigger_end", false),
                utf8("type", false),
                list("actors", DataType::Struct(actor_fields())),
                utf8("place", true),
                utf8("date_value", true),
                date("date_start"),
                date("date_end"),
                Field::new("negated", DataType::Boolean, false),
                utf8("modality", false),
            ]);
            f
        }
        Table::Rejects => vec![
            utf8("source_path", false),
            utf8("source_id", true),
            utf8("stage", false),
            utf8("reason", false),
            utf8("run_id", false),
        ],
    };
    Schema::new(fields)
}

/// DuckDB type names, for `newsetl schema` and the docs.
pub fn duckdb_type(dt: &DataType) -> String {
    match dt {
        DataType::Utf8 => "VARCHAR".into(),
        DataType::Int32 => "INTEGER".into(),
        DataType::Int64 => "BIGINT".into(),
        DataType::Float64 => "DOUBLE".into(),
        DataType::Boolean => "BOOLEAN".into(),
        DataType::Date32 => "DATE".into(),
        DataType::Timestamp(_, None) => "TIMESTAMP".into(),
        DataType::Timestamp(_, Some(_)) => "TIMESTAMPTZ".into(),
        DataType::List(f) => format!("{}[]", duckdb_type(f.data_type())),
        DataType::Struct(fs) => format!(
            "STRUCT({})",
            fs.iter()
                .map(|f| format!("\"{}\" {}", f.name(), duckdb_type(f.data_type())))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => format!("{other:?}"),
    }
}

/// Human-readable listing of every table's columns.
pub fn describe() -> String {
    let mut out = String::new();
    for t in Table::ALL {
        out.push_str(&format!("{}\n", t.name()));
        for f in t.schema().fields() {
            let null = if f.is_nullable() { "" } else { " NOT NULL" };
            out.push_str(&format!(
                "  {:<16} {}{}\n",
                f.name(),
                duckdb_type(f.data_type()),
                null
            ));
        }
    }
    out
}
