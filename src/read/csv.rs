//! CSV articles: a header row, one article per record, columns mapped by
//! `[input.csv]`. Minimal placeholder.

use super::{InputFile, ReadOutput};
use serde::Deserialize;

/// `[input.csv]`: dialect and which columns hold what (candidate column names,
/// first present wins).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CsvConfig {
    /// Field delimiter, one ASCII character. Default: ",".
    pub delimiter: String,
    /// Default: ["id"].
    pub id: Vec<String>,
    /// Default: ["url"].
    pub url: Vec<String>,
    /// Default: ["title", "headline"].
    pub title: Vec<String>,
    /// Default: ["text", "body", "content"].
    pub text: Vec<String>,
    /// Default: ["published", "date", "published_at", "datePublished"].
    pub published: Vec<String>,
    /// Default: ["outlet", "source"].
    pub outlet: Vec<String>,
    /// Default: ["authors", "author"]; several authors separated by ";".
    pub authors: Vec<String>,
}

impl Default for CsvConfig {
    fn default() -> Self {
        let j = super::json::JsonConfig::default();
        CsvConfig {
            delimiter: ",".into(),
            id: j.id,
            url: j.url,
            title: j.title,
            text: j.text,
            published: j.published,
            outlet: j.outlet,
            authors: j.authors,
        }
    }
}

pub fn read(file: &InputFile, _bytes: &[u8], _cfg: &CsvConfig) -> ReadOutput {
    ReadOutput {
        articles: vec![],
        rejects: vec![file.reject(None, "csv reader not implemented yet")],
    }
}
