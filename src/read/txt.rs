//! Plain-text and Markdown articles. Minimal reader: first non-empty line is the
//! title, every other non-empty line a paragraph. (Dateline, captions and byline
//! detection to come.)

use super::{InputFile, ReadOutput};
use crate::article::{Article, Block, BlockKind, Span};

pub fn read(file: &InputFile, bytes: &[u8]) -> ReadOutput {
    let (text, encoding) = match super::encoding::decode(bytes) {
        Ok(t) => t,
        Err(reason) => {
            return ReadOutput {
                articles: vec![],
                rejects: vec![file.reject(None, reason)],
            }
        }
    };
    match article_from_text(text, encoding) {
        Some(a) => ReadOutput {
            articles: vec![a],
            rejects: vec![],
        },
        None => ReadOutput {
            articles: vec![],
            rejects: vec![file.reject(None, "empty file: no text")],
        },
    }
}

/// Build an article from plain text: trims lines and joins them with "\n".
pub fn article_from_text(raw: String, encoding: &str) -> Option<Article> {
    let mut text = String::with_capacity(raw.len());
    let mut blocks = Vec::new();
    for line in raw.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let kind = if blocks.is_empty() {
            BlockKind::Title
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block {
            kind,
            span: Span::new(text.len(), text.len() + line.len()),
        });
        text.push_str(line);
    }
    if text.is_empty() {
        return None;
    }
    let title = blocks.first().map(|b| b.span.slice(&text).to_string());
    Some(Article {
        title,
        text,
        blocks,
        encoding: encoding.to_string(),
        ..Default::default()
    })
}

/// Placeholder until the dateline parser lands.
pub fn mark_dateline(_a: &mut Article) {}
