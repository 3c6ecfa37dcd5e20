//! JSON articles: one object, a top-level array, or one object per line
//! (`.jsonl`/`.ndjson`). Fields mapped by `[input.json]`. Minimal version.

use super::{InputFile, ReadOutput};
use serde::Deserialize;

/// `[input.json]`: which fields hold what. Each entry lists candidate field
/// names (dotted paths for nested fields, e.g. "meta.published"); the first one
/// present wins.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct JsonConfig {
    /// Default: ["id"].
    pub id: Vec<String>,
    /// Default: ["url"].
    pub url: Vec<String>,
    /// Default: ["title", "headline"].
    pub title: Vec<String>,
    /// Default: ["text", "body", "content"].
    pub text: Vec<String>,
    /// Default: ["published", "date", "published_at", "datePublished", "dct"].
    pub published: Vec<String>,
    /// Default: ["outlet", "source"].
    pub outlet: Vec<String>,
    /// Default: ["authors", "author"].
    pub authors: Vec<String>,
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

impl Default for JsonConfig {
    fn default() -> Self {
        JsonConfig {
            id: names(&["id"]),
            url: names(&["url"]),
            title: names(&["title", "headline"]),
            text: names(&["text", "body", "content"]),
            published: names(&["published", "date", "published_at", "datePublished", "dct"]),
            outlet: names(&["outlet", "source"]),
            authors: names(&["authors", "author"]),
        }
    }
}

pub fn read(file: &InputFile, _bytes: &[u8], _cfg: &JsonConfig) -> ReadOutput {
    ReadOutput {
        articles: vec![],
        rejects: vec![file.reject(None, "json reader not implemented yet")],
    }
}
