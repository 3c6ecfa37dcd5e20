//! CSV articles: a header row, one article per record, columns mapped by
//! `[input.csv]` (header names, case-insensitive). Quoted fields may span
//! lines. The text cell is kept verbatim. A malformed record is a reject
//! naming its line; the other records are read.

use super::fields::FieldMap;
use super::{InputFile, ReadOutput};
use serde::Deserialize;
use serde_json::{Map, Value};

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

impl FieldMap for CsvConfig {
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

pub fn read(file: &InputFile, bytes: &[u8], cfg: &CsvConfig) -> ReadOutput {
    let mut out = ReadOutput::default();
    let (text, encoding) = match super::encoding::decode(bytes) {
        Ok(t) => t,
        Err(reason) => {
            out.rejects.push(file.reject(None, reason));
            return out;
        }
    };
    let mut rdr = ::csv::ReaderBuilder::new()
        .delimiter(cfg.delimiter.as_bytes().first().copied().unwrap_or(b','))
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            out.rejects
                .push(file.reject(None, format!("unreadable CSV header: {e}")));
            return out;
        }
    };
    if !cfg.text.iter().any(|t| headers.contains(&t.to_ascii_lowercase())) {
        out.rejects.push(file.reject(
            None,
            format!("no text column (looked for {})", cfg.text.join(", ")),
        ));
        return out;
    }
    // Mapping works on lower-cased header names; the record becomes a flat
    // JSON object so CSV and JSON share one field mapping.
    let lower = CsvConfig {
        delimiter: cfg.delimiter.clone(),
        id: lower_all(&cfg.id),
        url: lower_all(&cfg.url),
        title: lower_all(&cfg.title),
        text: lower_all(&cfg.text),
        published: lower_all(&cfg.published),
        outlet: lower_all(&cfg.outlet),
        authors: lower_all(&cfg.authors),
    };
    let stem = file.stem().to_string();
    for (i, rec) in rdr.records().enumerate() {
        let line = format!(
            "line {}",
            rec.as_ref()
                .ok()
                .and_then(|r| r.position())
                .map(|p| p.line())
                .unwrap_or(i as u64 + 2)
        );
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| format!("line {}", p.line())).unwrap_or(line);
                out.rejects
                    .push(file.reject(Some(line), format!("malformed CSV record: {e}")));
                continue;
            }
        };
        let mut obj = Map::new();
        for (h, v) in headers.iter().zip(rec.iter()) {
            if !v.is_empty() {
                obj.insert(h.clone(), Value::String(v.to_string()));
            }
        }
        match super::json::article_from_value(&Value::Object(obj), &lower, format!("{stem}:{}", i + 1)) {
            Ok(mut a) => {
                a.encoding = encoding.to_string();
                out.articles.push(a);
            }
            Err(reason) => out.rejects.push(file.reject(Some(line), reason)),
        }
    }
    if out.articles.is_empty() && out.rejects.is_empty() {
        out.rejects.push(file.reject(None, "empty file: no records"));
    }
    out
}

fn lower_all(v: &[String]) -> Vec<String> {
    v.iter().map(|s| s.to_ascii_lowercase()).collect()
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
            format: Format::Csv,
            compression: Compression::None,
        }
    }

    #[test]
    fn records_with_multiline_fields_and_a_bad_one() {
        let data = "ID,Title,Body,Date,Authors\nk1,Port vote,\"First line.\nSecond, with comma.\",2025-12-24,Ann Lee; Bo Kim\nk2,Short,Only one,,\nk3,Broken\nk4,No body,,2025-01-01,\n";
        let out = read(&file("news.csv"), data.as_bytes(), &CsvConfig::default());
        assert_eq!(out.articles.len(), 2);
        let a = &out.articles[0];
        assert_eq!(a.text, "First line.\nSecond, with comma.");
        assert_eq!(a.source_id, "k1");
        assert_eq!(a.authors, ["Ann Lee", "Bo Kim"]);
        assert!(a.published.is_some());
        assert_eq!(out.articles[1].source_id, "k2");
        assert_eq!(out.rejects.len(), 2, "{:?}", out.rejects);
        assert!(out.rejects[0].reason.contains("malformed"));
        assert!(out.rejects[1].reason.contains("no text"));
    }

    #[test]
    fn semicolon_delimiter_and_missing_text_column() {
        let cfg = CsvConfig {
            delimiter: ";".into(),
            ..Default::default()
        };
        let out = read(
            &file("a.csv"),
            b"text;url\nHello there.;http://x.example/a\n",
            &cfg,
        );
        assert_eq!(out.articles[0].url.as_deref(), Some("http://x.example/a"));
        let out = read(&file("b.csv"), b"name,age\nx,1\n", &CsvConfig::default());
        assert!(out.articles.is_empty());
        assert!(out.rejects[0].reason.contains("no text column"));
    }
}
