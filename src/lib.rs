//! newsetl: folders of news articles → Parquet tables.
//!
//! The pipeline has five stages, one module each:
//!
//! * [`discover`] walks the input folders and returns a sorted list of
//!   [`read::InputFile`]s (format and compression by extension).
//! * [`read`] turns a file into [`article::Article`]s — the whole clean text
//!   plus metadata and layout blocks — or [`article::Reject`]s for bad input.
//! * [`analyze`] computes paragraphs, sentences and tokens once per article.
//! * [`extract`] runs the extractors (entities → dates → figures → quotes →
//!   events) over the analysis; every row holds byte spans into the text.
//! * [`write`] converts spans to code points and writes one Parquet table per
//!   row type, staged and renamed into place, with a run manifest last.
//!
//! [`pipeline`] drives the stages over chunks of files on a rayon pool,
//! preserving input order so output does not depend on the thread count.

pub mod analyze;
pub mod article;
pub mod cli;
pub mod config;
pub mod discover;
pub mod eval;
pub mod extract;
pub mod pipeline;
pub mod read;
pub mod write;
