//! JSON articles: one object, a top-level array of objects, or one object per
//! line (`.jsonl`/`.ndjson`, or any file whose objects sit one per line).
//! Fields are mapped by `[input.json]`; the text is kept verbatim so offsets
//! given with the input (gold sets) line up. A malformed line or an object
//! without text is a reject naming the line; the other records are read.

use super::fields::{epoch, parse_datetime, split_authors, FieldMap};
use super::{InputFile, ReadOutput};
use crate::article::{Article, PublishedFrom};
use serde::Deserialize;
use serde_json::Value;

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

impl FieldMap for JsonConfig {
    fn id(&self) -> &[String] {
        &self.id
    }
    fn url(&self) -> &[String] {
        &self.url
    }
    fn title(&self) -> &[String] {
        &self.title
    }
    fn text(&self) -> &[String] {
        &self.text
    }
    fn published(&self) -> &[String] {
        &self.published
    }
    fn outlet(&self) -> &[String] {
        &self.outlet
    }
    fn authors(&self) -> &[String] {
        &self.authors
    }
}

/// The value at a dotted path ("meta.published").
fn lookup<'a>(obj: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = obj;
    for key in path.split('.') {
        v = v.get(key)?;
    }
    (!v.is_null()).then_some(v)
}

fn first<'a>(obj: &'a Value, names: &[String]) -> Option<&'a Value> {
    names.iter().find_map(|n| lookup(obj, n))
}

/// A scalar as text; objects give their "name" (publisher: {name: ...}).
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(_) => v.get("name").and_then(as_text),
        _ => None,
    }
}

fn authors(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .filter_map(as_text)
            .flat_map(|s| split_authors(&s))
            .collect(),
        other => as_text(other).map(|s| split_authors(&s)).unwrap_or_default(),
    }
}

/// One JSON object → an article, or the reason it cannot be one.
pub fn article_from_value(obj: &Value, map: &impl FieldMap, fallback_id: String) -> Result<Article, String> {
    if !obj.is_object() {
        return Err("not a JSON object".into());
    }
    let text = match first(obj, map.text()) {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(_) => {
            return Err(format!(
                "field {} is not a non-empty string",
                map.text().join("/")
            ))
        }
        None => return Err(format!("no text field (looked for {})", map.text().join(", "))),
    };
    let published = match first(obj, map.published()) {
        Some(Value::Number(n)) => n.as_i64().and_then(epoch),
        Some(v) => as_text(v).and_then(|s| parse_datetime(&s)),
        None => None,
    };
    Ok(Article {
        source_id: first(obj, map.id()).and_then(as_text).unwrap_or(fallback_id),
        url: first(obj, map.url()).and_then(as_text),
        title: first(obj, map.title())
            .and_then(as_text)
            .map(|t| t.trim().to_string()),
        published_from: if published.is_some() {
            PublishedFrom::Metadata
        } else {
            PublishedFrom::None
        },
        published,
        outlet: first(obj, map.outlet()).and_then(as_text),
        authors: first(obj, map.authors()).map(authors).unwrap_or_default(),
        text,
        ..Default::default()
    })
}

pub fn read(file: &InputFile, bytes: &[u8], cfg: &JsonConfig) -> ReadOutput {
    let mut out = ReadOutput::default();
    let (text, encoding) = match super::encoding::decode(bytes) {
        Ok(t) => t,
        Err(reason) => {
            out.rejects.push(file.reject(None, reason));
            return out;
        }
    };
    let stem = file.stem().to_string();
    let push = |v: &Value, key: String, out: &mut ReadOutput| match article_from_value(
        v,
        cfg,
        format!("{stem}:{key}"),
    ) {
        Ok(mut a) => {
            a.encoding = encoding.to_string();
            out.articles.push(a);
        }
        Err(reason) => out.rejects.push(file.reject(Some(key), reason)),
    };
    let trimmed = text.trim_start();
    let lines_mode = file.rel.contains(".jsonl") || file.rel.contains(".ndjson");
    if !lines_mode {
        match serde_json::from_str::<Value>(trimmed) {
            Ok(Value::Array(items)) => {
                for (i, v) in items.iter().enumerate() {
                    push(v, format!("{i}"), &mut out);
                }
                return out;
            }
            Ok(v) => {
                match article_from_value(&v, cfg, stem.clone()) {
                    Ok(mut a) => {
                        a.encoding = encoding.to_string();
                        out.articles.push(a);
                    }
                    Err(reason) => out.rejects.push(file.reject(None, reason)),
                }
                return out;
            }
            // Several objects one per line in a .json file: read it as lines.
            Err(e) if e.is_syntax() && e.line() > 1 && trimmed.starts_with('{') => {}
            Err(e) => {
                out.rejects.push(file.reject(None, format!("invalid JSON: {e}")));
                return out;
            }
        }
    }
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let key = format!("line {}", i + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(v) => push(&v, key, &mut out),
            Err(e) => out
                .rejects
                .push(file.reject(Some(key), format!("invalid JSON: {e}"))),
        }
    }
    if out.articles.is_empty() && out.rejects.is_empty() {
        out.rejects.push(file.reject(None, "empty file: no records"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::read::Compression;

    fn file(name: &str) -> InputFile {
        InputFile {
            path: name.into(),
            rel: name.into(),
            size: 0,
            mtime_ns: 0,
            format: Format::Json,
            compression: Compression::None,
        }
    }

    #[test]
    fn lines_with_a_bad_one_in_the_middle() {
        let data = "{\"id\": \"a\", \"title\": \"T\", \"text\": \"  Body one.\\nMore.  \", \"date\": \"2025-12-24\", \"author\": \"Ann Lee and Bo Kim\"}\n{broken\n\n{\"body\": \"Second.\", \"meta\": {\"published\": 1766568600}}\n{\"title\": \"no text\"}\n";
        let out = read(&file("x/feed.jsonl"), data.as_bytes(), &JsonConfig::default());
        assert_eq!(out.articles.len(), 2);
        let a = &out.articles[0];
        assert_eq!(a.text, "  Body one.\nMore.  ", "text kept verbatim");
        assert_eq!(a.source_id, "a");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.authors, ["Ann Lee", "Bo Kim"]);
        assert_eq!(a.published_from, PublishedFrom::Metadata);
        assert_eq!(out.articles[1].source_id, "feed:line 4");
        assert!(
            out.articles[1].published.is_none(),
            "meta.published is not a default path"
        );
        let rej: Vec<_> = out.rejects.iter().map(|r| r.source_id.clone().unwrap()).collect();
        assert_eq!(rej, ["line 2", "line 5"]);
    }

    #[test]
    fn dotted_paths_arrays_and_single_objects() {
        let cfg = JsonConfig {
            published: vec!["meta.published".into()],
            ..Default::default()
        };
        let data = r#"[{"id": 7, "content": "One.", "meta": {"published": "2025-12-24T09:30:00Z"}, "source": {"name": "Wire"}}, {"text": "Two."}]"#;
        let out = read(&file("a.json"), data.as_bytes(), &cfg);
        assert_eq!(out.articles.len(), 2);
        assert_eq!(out.articles[0].source_id, "7");
        assert_eq!(out.articles[0].outlet.as_deref(), Some("Wire"));
        assert!(out.articles[0].published.is_some());
        assert_eq!(out.articles[1].source_id, "a:1");
        let out = read(&file("b.json"), br#"{"text": "Solo."}"#, &cfg);
        assert_eq!(out.articles[0].source_id, "b");
        let out = read(&file("c.json"), b"{\"text\": ", &cfg);
        assert!(out.articles.is_empty() && out.rejects.len() == 1);
    }
}
