//! Read: one input file → articles (or rejects).
//!
//! The bytes are read with a size cap, decompressed through `.gz`/`.zst` with a
//! decompressed-size cap (so a bomb is a reject, not an OOM), then handed to the
//! reader for the file's format, chosen by extension. Text formats are decoded
//! by [`encoding::decode`], which detects BOMs and legacy encodings and records
//! which one it used.

pub mod csv;
pub mod encoding;
pub mod fields;
pub mod html;
pub mod json;
pub mod txt;
pub mod warc;

use crate::article::{Article, Format, Reject};
use crate::config::InputConfig;
use std::io::Read;
use std::path::PathBuf;

pub use self::csv::CsvConfig;
pub use self::json::JsonConfig;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// One discovered input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where to open it.
    pub path: PathBuf,
    /// `source_path`: relative to the input root, '/'-separated.
    pub rel: String,
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (for incremental runs).
    pub mtime_ns: i128,
    pub format: Format,
    pub compression: Compression,
}

/// What reading one file produced.
#[derive(Debug, Default)]
pub struct ReadOutput {
    pub articles: Vec<Article>,
    pub rejects: Vec<Reject>,
}

/// Format and compression from a file name, or None when no reader takes it.
pub fn classify(name: &str) -> Option<(Format, Compression)> {
    let lower = name.to_ascii_lowercase();
    let (stem, compression) = if let Some(s) = lower.strip_suffix(".gz") {
        (s, Compression::Gzip)
    } else if let Some(s) = lower.strip_suffix(".zst") {
        (s, Compression::Zstd)
    } else {
        (lower.as_str(), Compression::None)
    };
    let ext = stem.rsplit_once('.').map(|(_, e)| e)?;
    let format = match ext {
        "txt" | "text" => Format::Txt,
        "md" | "markdown" => Format::Md,
        "html" | "htm" | "xhtml" => Format::Html,
        "json" | "jsonl" | "ndjson" => Format::Json,
        "csv" => Format::Csv,
        "warc" => Format::Warc,
        _ => return None,
    };
    Some((format, compression))
}

impl InputFile {
    /// The file name without its format and compression extensions.
    pub fn stem(&self) -> &str {
        let name = self.rel.rsplit('/').next().unwrap_or(&self.rel);
        let name = name
            .strip_suffix(".gz")
            .or_else(|| name.strip_suffix(".zst"))
            .unwrap_or(name);
        name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name)
    }

    pub fn reject(&self, record: Option<String>, reason: impl Into<String>) -> Reject {
        Reject {
            source_path: self.rel.clone(),
            source_id: record,
            stage: "read",
            reason: reason.into(),
        }
    }
}

/// Read the raw bytes of a file, decompressed, enforcing both size caps.
pub fn load_bytes(file: &InputFile, cfg: &InputConfig) -> Result<Vec<u8>, String> {
    if file.size > cfg.max_file_bytes {
        return Err(format!(
            "file is {} bytes, over the {} byte cap (input.max_file_bytes)",
            file.size, cfg.max_file_bytes
        ));
    }
    let f = std::fs::File::open(&file.path).map_err(|e| format!("cannot open: {e}"))?;
    let raw = std::io::BufReader::new(f);
    let cap = cfg.max_decompressed_bytes;
    let mut out = Vec::new();
    let result = match file.compression {
        Compression::None => raw.take(cfg.max_file_bytes + 1).read_to_end(&mut out),
        Compression::Gzip => flate2::read::MultiGzDecoder::new(raw)
            .take(cap + 1)
            .read_to_end(&mut out),
        Compression::Zstd => match zstd::stream::read::Decoder::new(raw) {
            Ok(d) => d.take(cap + 1).read_to_end(&mut out),
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(_) if file.compression != Compression::None && out.len() as u64 > cap => Err(format!(
            "decompresses to more than {cap} bytes (input.max_decompressed_bytes): possible decompression bomb"
        )),
        Ok(_) if out.len() as u64 > cfg.max_file_bytes && file.compression == Compression::None => {
            Err(format!("file grew past the {} byte cap while reading", cfg.max_file_bytes))
        }
        Ok(_) => Ok(out),
        Err(e) => Err(match file.compression {
            Compression::None => format!("read error: {e}"),
            Compression::Gzip => format!("corrupt or truncated gzip: {e}"),
            Compression::Zstd => format!("corrupt or truncated zstd: {e}"),
        }),
    }
}

/// Read one file into articles. Never panics on bad input: problems become rejects.
pub fn read_file(file: &InputFile, cfg: &InputConfig) -> ReadOutput {
    match load_bytes(file, cfg) {
        Ok(bytes) => read_bytes(file, &bytes, cfg),
        Err(reason) => ReadOutput {
            articles: vec![],
            rejects: vec![file.reject(None, reason)],
        },
    }
}

/// Parse already-loaded (decompressed) bytes of `file` into articles.
pub fn read_bytes(file: &InputFile, bytes: &[u8], cfg: &InputConfig) -> ReadOutput {
    let mut out = match file.format {
        Format::Txt | Format::Md => txt::read(file, bytes),
        Format::Html => html::read(file, bytes),
        Format::Json => json::read(file, bytes, &cfg.json),
        Format::Csv => csv::read(file, bytes, &cfg.csv),
        Format::Warc => warc::read(file, bytes),
    };
    for a in out.articles.iter_mut() {
        if matches!(file.format, Format::Json | Format::Csv) {
            // records keep their text verbatim; mark its layout (captions,
            // dateline, byline) without changing it
            txt::annotate_verbatim(a);
        }
        a.format.get_or_insert(file.format);
        if a.source_path.is_empty() {
            a.source_path = file.rel.clone();
        }
        if a.source_id.is_empty() {
            a.source_id = file.stem().to_string();
        }
        if a.article_id.is_empty() {
            a.article_id = crate::article::article_id(&a.source_path, &a.source_id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_by_extension() {
        assert_eq!(classify("a.txt"), Some((Format::Txt, Compression::None)));
        assert_eq!(classify("a.JSONL.gz"), Some((Format::Json, Compression::Gzip)));
        assert_eq!(classify("x.warc.gz"), Some((Format::Warc, Compression::Gzip)));
        assert_eq!(classify("x.html.zst"), Some((Format::Html, Compression::Zstd)));
        assert_eq!(classify("x.pdf"), None);
        assert_eq!(classify("README"), None);
    }
}
