//! HTML articles: metadata from the page head ([`meta`]), the main body from
//! boilerplate scoring ([`body`]), assembled here into the article text: the
//! headline, then the body blocks one per line (paragraphs, list items,
//! sub-headings, quotes, captions, byline) in page order.

pub mod body;
pub mod meta;

use super::{InputFile, ReadOutput};
use crate::article::{Article, Block, BlockKind, PublishedFrom, Span};
use body::Kind;

pub fn read(file: &InputFile, bytes: &[u8]) -> ReadOutput {
    let (html, encoding) = match super::encoding::decode(bytes) {
        Ok(t) => t,
        Err(reason) => {
            return ReadOutput {
                articles: vec![],
                rejects: vec![file.reject(None, reason)],
            }
        }
    };
    match article_from_html(&html) {
        Some(mut a) => {
            a.encoding = encoding.to_string();
            ReadOutput {
                articles: vec![a],
                rejects: vec![],
            }
        }
        None => ReadOutput {
            articles: vec![],
            rejects: vec![file.reject(None, "no article text found in the HTML")],
        },
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(|c| c.to_lowercase())
            .collect()
    };
    norm(a) == norm(b)
}

/// A short "By ..." line.
pub fn byline_authors(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let rest = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY ")).or_else(|| t.strip_prefix("by "))?;
    if t.chars().count() > 100 || !rest.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // "By Ann Lee, Reuters | Updated ..." → the names before a separator
    let names = rest.split(['|', '•', '\u{b7}']).next().unwrap_or(rest);
    let names = names.split(" Updated").next().unwrap_or(names);
    let names = names.split(" Published").next().unwrap_or(names);
    let v = crate::read::fields::split_authors(names);
    (!v.is_empty()).then_some(v)
}

/// Build the article from a whole HTML page, or None when it has no text.
pub fn article_from_html(html: &str) -> Option<Article> {
    let doc = scraper::Html::parse_document(html);
    let m = meta::extract(&doc);
    let blocks = body::blocks(&doc);
    let keep = body::main_body(&blocks);

    let mut text = String::new();
    let mut out_blocks: Vec<Block> = Vec::new();
    let mut push = |text: &mut String, kind: BlockKind, s: &str| {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        text.push_str(s);
        out_blocks.push(Block {
            kind,
            span: Span::new(start, text.len()),
        });
    };

    // The headline: metadata, else the first <h1>.
    let h1 = blocks
        .iter()
        .find(|b| b.kind == Kind::Heading)
        .map(|b| b.text.clone());
    let title = m.headline.clone().or(h1);
    if let Some(t) = &title {
        push(&mut text, BlockKind::Title, t);
    }
    let mut authors = m.authors.clone();
    for (n, &i) in keep.iter().enumerate() {
        let b = &blocks[i];
        if n < 3 && b.kind == Kind::Heading && title.as_deref().is_some_and(|t| same_text(t, &b.text)) {
            continue;
        }
        let kind = match b.kind {
            Kind::Caption => BlockKind::Caption,
            _ => match byline_authors(&b.text) {
                Some(names) => {
                    if authors.is_empty() {
                        authors = names;
                    }
                    BlockKind::Byline
                }
                None => BlockKind::Paragraph,
            },
        };
        push(&mut text, kind, &b.text);
    }
    if out_blocks.iter().all(|b| b.kind == BlockKind::Title) {
        return None;
    }
    let mut a = Article {
        url: m.url,
        title,
        published_from: if m.published.is_some() {
            PublishedFrom::Metadata
        } else {
            PublishedFrom::None
        },
        published: m.published,
        outlet: m.publisher,
        authors,
        text,
        blocks: out_blocks,
        ..Default::default()
    };
    super::txt::annotate(&mut a);
    Some(a)
}
