//! Quote marks and their pairing into quoted regions.
//!
//! Double marks (“ ” „ « » ", and '' written as two apostrophes) pair within a
//! paragraph; a region still open at a paragraph's end continues into the next
//! paragraph when that one opens with a mark (the news convention for quotes
//! over several paragraphs), and otherwise stops at the paragraph's end,
//! flagged unclosed, so a stray mark never swallows the rest of the article.
//! Single marks (‘ ’ ') pair only outside double regions (headlines, British
//! style) and only when the closing mark is found in the same paragraph.

use crate::analyze::Analyzed;
use crate::article::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark: open or close by context.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    role: Role,
    single: bool,
}

/// One quoted stretch of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (or the content's end when unclosed).
    pub end: usize,
    /// The content without marks, one piece per paragraph, trimmed of spaces.
    pub fragments: Vec<Span>,
    pub closed: bool,
    pub single: bool,
}

fn is_space_or_open(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘'),
    }
}

/// Find the quote marks in `text[span]`.
fn marks_in(text: &str, span: Span, out: &mut Vec<Mark>) {
    let s = &text[span.start..span.end];
    let mut prev: Option<char> = None;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, c)| c);
        let pos = span.start + i;
        match c {
            '“' | '„' | '«' => out.push(Mark {
                pos,
                len: c.len_utf8(),
                role: Role::Open,
                single: false,
            }),
            '”' | '»' => out.push(Mark {
                pos,
                len: c.len_utf8(),
                role: Role::Close,
                single: false,
            }),
            '"' => {
                let role = if is_space_or_open(prev) && next.is_some_and(|n| !n.is_whitespace()) {
                    Role::Open
                } else if next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || n == '—') {
                    Role::Close
                } else {
                    Role::Either
                };
                out.push(Mark {
                    pos,
                    len: 1,
                    role,
                    single: false,
                });
            }
            '`' if next == Some('`') => {
                it.next();
                out.push(Mark {
                    pos,
                    len: 2,
                    role: Role::Open,
                    single: false,
                });
                prev = Some('`');
                continue;
            }
            '\'' if next == Some('\'') => {
                it.next();
                let after = s[i + 2..].chars().next();
                let role = if is_space_or_open(prev) && after.is_some_and(|n| !n.is_whitespace()) {
                    Role::Open
                } else if after.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || n == '—') {
                    Role::Close
                } else {
                    Role::Either
                };
                out.push(Mark {
                    pos,
                    len: 2,
                    role,
                    single: false,
                });
                prev = Some('\'');
                continue;
            }
            '‘' => out.push(Mark {
                pos,
                len: 3,
                role: Role::Open,
                single: true,
            }),
            '\'' | '’' => {
                let letter_before = prev.is_some_and(|p| p.is_alphanumeric());
                let letter_after = next.is_some_and(|n| n.is_alphanumeric());
                if letter_before && letter_after {
                    // apostrophe inside a word
                } else if is_space_or_open(prev) && letter_after {
                    out.push(Mark {
                        pos,
                        len: c.len_utf8(),
                        role: Role::Open,
                        single: true,
                    });
                } else if !letter_after && prev.is_some_and(|p| !p.is_whitespace()) {
                    out.push(Mark {
                        pos,
                        len: c.len_utf8(),
                        role: Role::Close,
                        single: true,
                    });
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
}

/// Trimmed content span between two byte offsets; None when only spaces.
fn trimmed(text: &str, a: usize, b: usize) -> Option<Span> {
    if a >= b {
        return None;
    }
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| Span::new(a + lead, a + lead + t.len()))
}

/// Does the paragraph open with a double mark (after spaces)? Returns the mark's end.
fn opens_with_mark(text: &str, span: Span, marks: &[Mark]) -> Option<usize> {
    let lead = text[span.start..span.end].len() - text[span.start..span.end].trim_start().len();
    marks
        .iter()
        .find(|m| m.pos == span.start + lead && !m.single && m.role != Role::Close)
        .map(|m| m.pos + m.len)
}

/// Pair the marks of every paragraph into regions, in text order.
pub fn regions(doc: &Analyzed) -> Vec<Region> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut per_para: Vec<Vec<Mark>> = Vec::with_capacity(doc.paragraphs.len());
    for p in &doc.paragraphs {
        let mut v = Vec::new();
        marks_in(text, p.span, &mut v);
        per_para.push(v);
    }
    // A double region carried over from the previous paragraph.
    let mut carry: Option<Region> = None;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let marks = &per_para[pi];
        let mut k = 0;
        // (opening mark offset, content start) of the open double region.
        let mut open: Option<(usize, usize)> = None;
        let mut frags: Vec<Span> = Vec::new();
        if let Some(r) = carry.take() {
            // This paragraph opens with a mark (checked before carrying).
            let lead_end = opens_with_mark(text, p.span, marks).unwrap_or(p.span.start);
            while k < marks.len() && marks[k].pos < lead_end {
                k += 1;
            }
            frags = r.fragments;
            open = Some((r.open, lead_end));
        }
        let mut single_open: Option<usize> = None;
        while k < marks.len() {
            let m = marks[k];
            k += 1;
            if m.single {
                if open.is_some() {
                    continue; // nested quote inside a double region
                }
                match (single_open, m.role) {
                    (None, Role::Open) => single_open = Some(m.pos),
                    (Some(o), Role::Close) => {
                        let start = o + text[o..].chars().next().map_or(1, char::len_utf8);
                        if let Some(c) = trimmed(text, start, m.pos) {
                            out.push(Region {
                                open: o,
                                end: m.pos + m.len,
                                fragments: vec![c],
                                closed: true,
                                single: true,
                            });
                        }
                        single_open = None;
                    }
                    _ => {}
                }
                continue;
            }
            match open {
                None => {
                    if m.role != Role::Close {
                        open = Some((m.pos, m.pos + m.len));
                        single_open = None;
                    }
                }
                Some((o, _)) => {
                    if m.role == Role::Open && m.len > 1 {
                        // A second curly opener: the first one was stray.
                        if !frags.is_empty() {
                            let end = frags[frags.len() - 1].end;
                            out.push(Region {
                                open: o,
                                end,
                                fragments: std::mem::take(&mut frags),
                                closed: false,
                                single: false,
                            });
                        }
                        open = Some((m.pos, m.pos + m.len));
                        continue;
                    }
                    let cs = open.map_or(0, |x| x.1);
                    if let Some(c) = trimmed(text, cs, m.pos) {
                        frags.push(c);
                    }
                    if !frags.is_empty() {
                        out.push(Region {
                            open: o,
                            end: m.pos + m.len,
                            fragments: std::mem::take(&mut frags),
                            closed: true,
                            single: false,
                        });
                    }
                    frags.clear();
                    open = None;
                }
            }
        }
        if let Some((o, cs)) = open {
            if let Some(c) = trimmed(text, cs, p.span.end) {
                frags.push(c);
            }
            let next_opens = doc
                .paragraphs
                .get(pi + 1)
                .is_some_and(|np| opens_with_mark(text, np.span, &per_para[pi + 1]).is_some());
            if frags.is_empty() {
                continue;
            }
            let r = Region {
                open: o,
                end: p.span.end,
                fragments: frags,
                closed: false,
                single: false,
            };
            if next_opens && r.fragments.len() < 12 {
                carry = Some(r);
            } else {
                out.push(r);
            }
        }
    }
    if let Some(r) = carry {
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::article::Article;

    fn texts(s: &str) -> Vec<(Vec<String>, bool)> {
        let a = Article {
            text: s.into(),
            ..Default::default()
        };
        let d = analyze(&a);
        regions(&d)
            .into_iter()
            .map(|r| {
                (
                    r.fragments.iter().map(|f| f.slice(s).to_string()).collect(),
                    r.closed,
                )
            })
            .collect()
    }

    #[test]
    fn curly_straight_and_two_apostrophes() {
        assert_eq!(
            texts("“We will win,” he said."),
            vec![(vec!["We will win,".to_string()], true)]
        );
        assert_eq!(
            texts("\"Yes,\" she said, \"now.\""),
            vec![(vec!["Yes,".to_string()], true), (vec!["now.".to_string()], true)]
        );
        assert_eq!(
            texts("''It is over,'' he said."),
            vec![(vec!["It is over,".to_string()], true)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes_but_single_quote_headlines_are() {
        assert!(texts("Korea’s players' union didn't go.").is_empty());
        assert_eq!(
            texts("Minister: ‘We will not back down’"),
            vec![(vec!["We will not back down".to_string()], true)]
        );
        assert_eq!(
            texts("Minister: 'We will not back down'"),
            vec![(vec!["We will not back down".to_string()], true)]
        );
    }

    #[test]
    fn quote_over_paragraphs_and_unclosed_stays_in_paragraph() {
        let r = texts("“First part.\n“Second part,” she said.\nNext paragraph.");
        assert_eq!(
            r,
            vec![(vec!["First part.".to_string(), "Second part,".to_string()], true)]
        );
        let r = texts("He said “this never closes.\nThe rest of the article. “Hi,” she said.");
        assert_eq!(r[0], (vec!["this never closes.".to_string()], false));
        assert_eq!(r[1], (vec!["Hi,".to_string()], true));
    }

    #[test]
    fn stray_closer_is_ignored() {
        assert_eq!(
            texts("A stray” mark. “Yes,” he said."),
            vec![(vec!["Yes,".to_string()], true)]
        );
    }
}
