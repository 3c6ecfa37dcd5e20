//! One Parquet writer per table: ZSTD, page statistics, dictionary encoding
//! (off for the long free-text columns), row groups of `row_group_rows`, parts
//! rolled every `MAX_PART_ROWS` rows. Files are written under the run's staging
//! folder and only renamed into place at commit.

use super::schema::Table;
use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Estimated encoded bytes at which a row group is flushed.
pub const MAX_ROW_GROUP_BYTES: usize = 32 << 20;

/// Rows per part file before a new part is started.
pub const MAX_PART_ROWS: usize = 2_000_000;

pub fn writer_properties(table: Table, row_group_rows: usize, zstd_level: i32) -> WriterProperties {
    let level = ZstdLevel::try_new(zstd_level).unwrap_or_default();
    let mut b = WriterProperties::builder()
        .set_compression(Compression::ZSTD(level))
        .set_statistics_enabled(EnabledStatistics::Page)
        .set_dictionary_enabled(true)
        .set_max_row_group_row_count(Some(row_group_rows))
        // Bound the writer's buffered row group (long article texts) so memory
        // does not grow with the corpus.
        .set_max_row_group_bytes(Some(MAX_ROW_GROUP_BYTES))
        .set_created_by(format!("newsetl {}", env!("CARGO_PKG_VERSION")));
    let free_text: &[&str] = match table {
        Table::Articles => &["text", "title", "url", "content_hash", "article_id"],
        Table::Quotes => &["text", "content"],
        Table::Events => &["text"],
        _ => &[],
    };
    for col in free_text {
        b = b.set_column_dictionary_enabled(ColumnPath::from(*col), false);
    }
    b.build()
}

/// Relative path of a part: `<table>/ingest_date=<date>/part-<run_id>-<n>.parquet`.
pub fn part_path(table: Table, ingest_date: &str, run_id: &str, n: usize) -> PathBuf {
    PathBuf::from(table.name())
        .join(format!("ingest_date={ingest_date}"))
        .join(format!("part-{run_id}-{n:05}.parquet"))
}

/// Writes one table's parts for one run under `staging`.
pub struct TableWriter {
    table: Table,
    staging: PathBuf,
    ingest_date: String,
    run_id: String,
    props: WriterProperties,
    current: Option<ArrowWriter<File>>,
    rows_in_part: usize,
    parts: Vec<PathBuf>,
    rows: u64,
}

impl TableWriter {
    pub fn new(
        table: Table,
        staging: &Path,
        ingest_date: &str,
        run_id: &str,
        props: WriterProperties,
    ) -> Self {
        TableWriter {
            table,
            staging: staging.to_path_buf(),
            ingest_date: ingest_date.to_string(),
            run_id: run_id.to_string(),
            props,
            current: None,
            rows_in_part: 0,
            parts: Vec::new(),
            rows: 0,
        }
    }

    fn open(&mut self) -> anyhow::Result<()> {
        let rel = part_path(self.table, &self.ingest_date, &self.run_id, self.parts.len());
        let path = self.staging.join(&rel);
        std::fs::create_dir_all(path.parent().expect("part path has a parent"))?;
        let file = File::create(&path)?;
        self.current = Some(ArrowWriter::try_new(
            file,
            self.table.schema(),
            Some(self.props.clone()),
        )?);
        self.parts.push(rel);
        self.rows_in_part = 0;
        Ok(())
    }

    /// Append a batch; a batch with no rows is ignored.
    pub fn write(&mut self, batch: &RecordBatch) -> anyhow::Result<()> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        if self.current.is_none() {
            self.open()?;
        }
        let w = self.current.as_mut().expect("opened above");
        w.write(batch)?;
        self.rows_in_part += batch.num_rows();
        self.rows += batch.num_rows() as u64;
        if self.rows_in_part >= MAX_PART_ROWS {
            self.close_part()?;
        }
        Ok(())
    }

    /// Write a part with no rows (so a table that has never had rows still has
    /// a file with its schema and its view works).
    pub fn write_empty(&mut self) -> anyhow::Result<()> {
        self.open()?;
        self.close_part()
    }

    fn close_part(&mut self) -> anyhow::Result<()> {
        if let Some(w) = self.current.take() {
            let file = w.into_inner()?;
            file.sync_all()?;
        }
        Ok(())
    }

    /// Close the open part; returns the parts written (relative paths) and the row count.
    pub fn finish(mut self) -> anyhow::Result<(Vec<PathBuf>, u64)> {
        self.close_part()?;
        Ok((self.parts, self.rows))
    }
}
