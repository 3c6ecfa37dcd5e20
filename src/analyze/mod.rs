//! Analyze: the per-article linguistic layer computed once and shared by every
//! extractor — paragraphs (the article's blocks, or its lines when a reader gave
//! none), sentences and tokens, all as byte spans into `Article::text`.

pub mod sentences;
pub mod tokens;

use crate::article::{Article, BlockKind, Span};
use std::ops::Range;
pub use tokens::{Token, TokenKind};

/// A paragraph: one block of the article (title, dateline, caption, paragraph, byline).
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub kind: BlockKind,
    pub span: Span,
    /// Indices into `Analyzed::sentences`.
    pub sentences: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    /// Indices into `Analyzed::tokens`.
    pub tokens: Range<usize>,
    /// Index into `Analyzed::paragraphs`.
    pub paragraph: usize,
}

/// An article with its analysis. Extractors read only this.
#[derive(Debug)]
pub struct Analyzed<'a> {
    pub article: &'a Article,
    pub text: &'a str,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl<'a> Analyzed<'a> {
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }
    pub fn sentence_text(&self, s: usize) -> &'a str {
        self.sentences[s].span.slice(self.text)
    }
    /// The kind of block a sentence sits in.
    pub fn sentence_kind(&self, s: usize) -> BlockKind {
        self.paragraphs[self.sentences[s].paragraph].kind
    }
    /// Index of the sentence containing byte offset `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }
    /// Index of the first token starting at or after `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}

/// Paragraph spans: the article's blocks, or each non-empty line when it has none.
fn paragraph_spans(article: &Article) -> Vec<(BlockKind, Span)> {
    if !article.blocks.is_empty() {
        return article.blocks.iter().map(|b| (b.kind, b.span)).collect();
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for line in article.text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let body = content.trim();
        if !body.is_empty() {
            out.push((
                BlockKind::Paragraph,
                Span::new(pos + lead, pos + lead + body.len()),
            ));
        }
        pos += line.len();
    }
    out
}

/// Analyze one article: paragraphs → tokens → sentences.
pub fn analyze(article: &Article) -> Analyzed<'_> {
    let text = article.text.as_str();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut ranges = Vec::new();
    for (kind, span) in paragraph_spans(article) {
        let t0 = tokens.len();
        tokens::tokenize_into(text, span.start, span.end, &mut tokens);
        ranges.clear();
        sentences::split(text, &tokens, t0..tokens.len(), &mut ranges);
        let p = paragraphs.len();
        let s0 = sentences.len();
        for r in ranges.drain(..) {
            let span = Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end);
            sentences.push(Sentence {
                span,
                tokens: r,
                paragraph: p,
            });
        }
        paragraphs.push(Paragraph {
            kind,
            span,
            sentences: s0..sentences.len(),
        });
    }
    Analyzed {
        article,
        text,
        paragraphs,
        sentences,
        tokens,
    }
}

/// ISO 639-1 code of the text's language (639-3 for languages without one),
/// from the first 4 KB; None when the guess is unreliable.
pub fn detect_language(text: &str) -> Option<String> {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() && end < 200 {
        return None;
    }
    let code = info.lang().code();
    let two = match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "rus" => "ru",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "ara" => "ar",
        "tur" => "tr",
        "pol" => "pl",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "ukr" => "uk",
        "hin" => "hi",
        "ind" => "id",
        "vie" => "vi",
        "ell" => "el",
        "heb" => "he",
        "ces" => "cs",
        "hun" => "hu",
        "ron" => "ro",
        other => other,
    };
    Some(two.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_paragraphs_when_no_blocks() {
        let a = Article {
            text: "Title here\n\nFirst one. Second one.\n  Last line  \n".into(),
            ..Default::default()
        };
        let an = analyze(&a);
        assert_eq!(an.paragraphs.len(), 3);
        assert_eq!(an.sentences.len(), 4);
        assert_eq!(an.sentence_text(3), "Last line");
        assert_eq!(an.sentence_at(13), Some(1));
        for s in &an.sentences {
            assert_eq!(s.span.slice(&a.text).trim(), s.span.slice(&a.text));
        }
    }
}
