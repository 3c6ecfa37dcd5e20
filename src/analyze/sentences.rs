//! Sentence splitting over tokens, inside one paragraph at a time.
//!
//! A sentence ends at ".", "!" or "?" (with any closing quotes or brackets that
//! follow) when the next token opens a new sentence (capital letter, digit or
//! opening quote), and always at the end of a paragraph. Abbreviations keep
//! their dot inside the token, so "U.S. President" and "RAND Corp., noted" do
//! not split.

use super::tokens::{Token, TokenKind};
use std::ops::Range;

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "“" | "\"" | "‘" | "'" | "(" | "[" | "«")
}

/// Split `tokens[range]` (one paragraph) into sentences; returns token ranges.
pub fn split(text: &str, tokens: &[Token], range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let t = tokens[i].text(text);
        let terminal = tokens[i].kind == TokenKind::Punct && matches!(t, "." | "!" | "?" | "..." | "…");
        if terminal {
            let mut j = i + 1;
            while j < range.end
                && tokens[j].kind == TokenKind::Punct
                && (is_closer(tokens[j].text(text)) || matches!(tokens[j].text(text), "." | "!" | "?"))
            {
                j += 1;
            }
            let boundary = j >= range.end || {
                let next = tokens[j].text(text);
                let c = next.chars().next().unwrap_or(' ');
                c.is_uppercase() || c.is_ascii_digit() || is_opener(next)
            };
            if boundary {
                out.push(start..j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < range.end {
        out.push(start..range.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tokens::tokenize;

    fn sents(s: &str) -> Vec<String> {
        let toks = tokenize(s);
        let mut out = vec![];
        split(s, &toks, 0..toks.len(), &mut out);
        out.into_iter()
            .map(|r| s[toks[r.start].span.start..toks[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn splits_news_sentences() {
        assert_eq!(
            sents("U.S. President Donald Trump spoke. He left. “Good,” he said. Then 3 more."),
            [
                "U.S. President Donald Trump spoke.",
                "He left.",
                "“Good,” he said.",
                "Then 3 more."
            ]
        );
        assert_eq!(
            sents("Bennett, of the RAND Corp., noted it. Ok"),
            ["Bennett, of the RAND Corp., noted it.", "Ok"]
        );
        assert_eq!(sents("“Is it?” she asked. Yes."), ["“Is it?” she asked.", "Yes."]);
        assert_eq!(sents("It was 3.5 percent. Next"), ["It was 3.5 percent.", "Next"]);
    }
}
