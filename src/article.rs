//! The article: the unit every stage passes along.
//!
//! A reader turns one input record into an [`Article`] whose `text` is the whole
//! clean text (title, dateline, captions, body, byline, in reading order). Every
//! span any later stage produces is a byte range into that `text`; the writer
//! converts byte offsets to Unicode code points (see SCHEMA.md).

use chrono::NaiveDateTime;

/// A byte range into `Article::text`, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The input format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Txt,
    Md,
    Html,
    Json,
    Csv,
    Warc,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Warc => "warc",
        }
    }
}

/// Where `Article::published` came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PublishedFrom {
    Metadata,
    Dateline,
    Url,
    Text,
    #[default]
    None,
}

impl PublishedFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedFrom::Metadata => "metadata",
            PublishedFrom::Dateline => "dateline",
            PublishedFrom::Url => "url",
            PublishedFrom::Text => "text",
            PublishedFrom::None => "none",
        }
    }
}

/// What a block of the article text is. Blocks tile the text in reading order
/// (separators between them excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Dateline,
    Caption,
    Paragraph,
    Byline,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Dateline => "dateline",
            BlockKind::Caption => "caption",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Byline => "byline",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// One article as read from its source, before analysis.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Stable id: a hash of `source_path` and the record's position/id.
    pub article_id: String,
    /// Path relative to the input root (with the root's name as its first part
    /// when several roots are given).
    pub source_path: String,
    /// The record's own id (JSON `id`, CSV id column, WARC-Record-ID), else the file stem.
    pub source_id: String,
    pub format: Option<Format>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDateTime>,
    pub published_from: PublishedFrom,
    /// The dateline as written ("WASHINGTON•SEOUL, Dec. 24 (Korea Bizwire) –").
    pub dateline: Option<String>,
    /// Places named by the dateline, in order.
    pub dateline_places: Vec<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    /// ISO 639-1 code when detected, e.g. "en".
    pub language: Option<String>,
    /// The encoding the bytes were decoded from ("UTF-8", "windows-1252", ...).
    pub encoding: String,
    /// The whole clean text every span points into.
    pub text: String,
    /// Layout of `text`: title, dateline, captions, paragraphs, byline.
    pub blocks: Vec<Block>,
}

impl Article {
    /// Blocks of one kind.
    pub fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }

    /// The block that contains byte offset `pos`, if any.
    pub fn block_at(&self, pos: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.span.end <= pos);
        self.blocks.get(i).filter(|b| b.span.start <= pos)
    }

    /// Count of words (whitespace-separated runs containing a letter or digit).
    pub fn n_words(&self) -> usize {
        self.text
            .split_whitespace()
            .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
            .count()
    }
}

/// An input that could not be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    pub source_path: String,
    /// The record within the file (line number, record index, WARC id), if any.
    pub source_id: Option<String>,
    /// The stage that rejected it: "discover", "read", "analyze", "extract".
    pub stage: &'static str,
    pub reason: String,
}

/// Stable article id from the source path and the record's key within it.
pub fn article_id(source_path: &str, record_key: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(source_path.as_bytes());
    h.update(&[0]);
    h.update(record_key.as_bytes());
    h.finalize().to_hex()[..20].to_string()
}

/// Hash of the article text, hex.
pub fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex()[..32].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_lookup() {
        let a = Article {
            text: "Head\nBody text".into(),
            blocks: vec![
                Block {
                    kind: BlockKind::Title,
                    span: Span::new(0, 4),
                },
                Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(5, 14),
                },
            ],
            ..Default::default()
        };
        assert_eq!(a.block_at(2).unwrap().kind, BlockKind::Title);
        assert!(a.block_at(4).is_none());
        assert_eq!(a.block_at(5).unwrap().kind, BlockKind::Paragraph);
        assert!(a.block_at(14).is_none());
        assert_eq!(a.n_words(), 3);
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(article_id("a.txt", "a"), article_id("a.txt", "a"));
        assert_ne!(article_id("a.txt", "a"), article_id("a.txt", "b"));
        assert_ne!(article_id("ab", "c"), article_id("a", "bc"));
    }
}
