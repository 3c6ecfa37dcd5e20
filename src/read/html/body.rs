//! Main-body extraction: flatten the page into text blocks (paragraphs, list
//! items, headings, quotes, captions), each with its link density and the
//! chain of element ancestors it sits in; weigh each block (long, sentence-like,
//! link-poor text counts for the article; link lists and short fragments count
//! against it); pick the element whose subtree has the highest total weight;
//! keep that element's blocks minus its sub-containers that weigh clearly
//! against (teaser boxes), link lists and boilerplate lines.
//!
//! Navigation, ads, related links, comments, cookie banners, forms and footers
//! are dropped before scoring, by tag (`nav`, `aside`, `footer`, `form`, …),
//! hidden state and class/id words ("comment", "related", "cookie", "ad", …).

use scraper::{ElementRef, Node};

/// What a block is, from the nearest block-level element around its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading,
    Para,
    Item,
    Quote,
    Caption,
}

#[derive(Debug, Clone)]
pub struct Blk {
    pub kind: Kind,
    pub text: String,
    /// Non-space characters inside links.
    pub link_chars: usize,
    /// The block's text begins inside a link (a teaser: linked headline + blurb).
    pub starts_with_link: bool,
    /// Element ids from the root down to the block's element.
    pub path: Vec<u32>,
}

impl Blk {
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
    pub fn link_density(&self) -> f64 {
        let n = self.text.chars().filter(|c| !c.is_whitespace()).count();
        if n == 0 {
            0.0
        } else {
            self.link_chars as f64 / n as f64
        }
    }
}

/// Tags whose whole subtree is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "nav", "aside",
    "footer", "button", "select", "option", "textarea", "input", "label", "menu", "dialog", "head", "title",
    "meta", "link", "video", "audio", "map",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "dl",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "header",
    "hr",
    "br",
    "body",
    "center",
    "address",
    "details",
    "summary",
    "caption",
];

/// Class/id words that mark boilerplate containers (matched as whole words of
/// the class/id split on non-letters, and as prefixes for the long ones).
const BAD_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "dfp",
    "gpt",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "promotion",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "sharebar",
    "social",
    "comment",
    "comments",
    "disqus",
    "related",
    "recommended",
    "recommendations",
    "recirc",
    "outbrain",
    "taboola",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "popup",
    "modal",
    "overlay",
    "sidebar",
    "footer",
    "masthead",
    "toolbar",
    "tags",
    "tag",
    "widget",
    "trending",
    "popular",
    "most",
    "more",
    "teaser",
    "paywall",
    "banner",
    "skip",
    "print",
    "hidden",
    "visually",
    "sr",
    "screenreader",
    "offscreen",
    "pagination",
    "pager",
    "author",
    "bio",
];

/// Words that keep a container whatever else its class says.
const GOOD_WORDS: &[&str] = &[
    "article", "body", "content", "story", "main", "post", "entry", "text", "prose",
];

fn words(s: &str) -> Vec<String> {
    // split camelCase, then on non-letters
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev_lower = false;
    for c in s.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_ascii_lowercase();
        out.push(c.to_ascii_lowercase());
    }
    out.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_string())
        .collect()
}

/// How surely an element is boilerplate: 3 hidden or a furniture ARIA role
/// (always dropped); 2 a comment/consent class word (dropped unless it holds
/// half the page); 1 another furniture class word such as "related", "share",
/// "ad" (dropped unless it holds over 2,000 characters: a wrapper of the whole
/// article); 0 not boilerplate. Forms count as 2 (ASP.NET pages wrap everything
/// in one).
pub fn boilerplate_level(el: &scraper::node::Element) -> u8 {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return 3;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return 3;
        }
    }
    if let Some(role) = el.attr("role") {
        if matches!(
            role,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "alert"
                | "menu"
                | "search"
        ) {
            return 3;
        }
    }
    let mut attrs = String::new();
    for a in ["class", "id"] {
        if let Some(v) = el.attr(a) {
            attrs.push_str(v);
            attrs.push(' ');
        }
    }
    if attrs.is_empty() {
        return 0;
    }
    let ws = words(&attrs);
    let bad = ws.iter().any(|w| BAD_WORDS.contains(&w.as_str()));
    if !bad {
        return 0;
    }
    let good = ws.iter().any(|w| GOOD_WORDS.contains(&w.as_str()));
    // "article-body share-tools" is still boilerplate; "story-body" with
    // "hidden-print" is kept.
    let strong = ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "comment"
                | "comments"
                | "related"
                | "share"
                | "sharing"
                | "social"
                | "newsletter"
                | "cookie"
                | "consent"
                | "outbrain"
                | "taboola"
                | "advertisement"
                | "promo"
                | "recommended"
                | "subscribe"
                | "breadcrumb"
                | "disqus"
                | "sidebar"
        )
    });
    let comments = ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "comment" | "comments" | "disqus" | "cookie" | "cookies" | "consent" | "gdpr"
        )
    });
    // comment threads and consent banners can be long: judged against the
    // whole page (level 2); other words against a fixed size (level 1)
    if comments {
        2
    } else if !good || strong {
        1
    } else {
        0
    }
}

struct Walker {
    blocks: Vec<Blk>,
    path: Vec<u32>,
    kinds: Vec<Kind>,
    next_id: u32,
    buf: String,
    link_chars: usize,
    in_link: usize,
    first_in_link: Option<bool>,
    total_chars: usize,
}

impl Walker {
    fn flush(&mut self) {
        let text = super::meta::squash(&self.buf);
        if !text.is_empty() {
            self.blocks.push(Blk {
                kind: *self.kinds.last().unwrap_or(&Kind::Para),
                text,
                link_chars: self.link_chars,
                starts_with_link: self.first_in_link.unwrap_or(false),
                path: self.path.clone(),
            });
        }
        self.buf.clear();
        self.link_chars = 0;
        self.first_in_link = None;
    }

    fn walk(&mut self, node: ElementRef<'_>, depth: usize) {
        if depth > 200 {
            return;
        }
        for child in node.children() {
            match child.value() {
                Node::Text(t) => {
                    if self.first_in_link.is_none() && !t.trim().is_empty() {
                        self.first_in_link = Some(self.in_link > 0);
                    }
                    self.buf.push_str(t);
                    if self.in_link > 0 {
                        self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, node: ElementRef<'_>, depth: usize) {
        let el = node.value();
        let name = el.name();
        let skip = SKIP_TAGS.contains(&name)
            || !matches!(name, "html" | "body" | "main" | "article") && {
                // a form may wrap a whole page (ASP.NET): judged by its size
                let level = if name == "form" { 2 } else { boilerplate_level(el) };
                // a class word on a wrapper of the whole page ("page-ad-margins")
                // does not make the page boilerplate
                level >= 3
                    || (level > 0 && {
                        let n: usize = node.text().map(|t| t.trim().len()).sum();
                        n < if level == 1 {
                            2000
                        } else {
                            2000.max(self.total_chars / 2 + 1)
                        }
                    })
            };
        if skip {
            // keep the words of what came before apart from what follows
            self.buf.push(' ');
            return;
        }
        if name == "br" {
            // two <br> in a row separate paragraphs; one is a space
            let prev_br = node
                .prev_siblings()
                .find(|n| !matches!(n.value(), Node::Text(t) if t.trim().is_empty()))
                .is_some_and(|n| matches!(n.value(), Node::Element(e) if e.name() == "br"));
            if prev_br {
                self.flush();
            } else {
                self.buf.push(' ');
            }
            return;
        }
        if !BLOCK_TAGS.contains(&name) {
            let link = name == "a";
            if link {
                self.in_link += 1;
            }
            self.walk(node, depth);
            if link {
                self.in_link -= 1;
            }
            return;
        }
        self.flush();
        self.path.push(self.next_id);
        self.next_id += 1;
        let kind = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Kind::Heading),
            "li" | "dd" | "dt" => Some(Kind::Item),
            "blockquote" => Some(Kind::Quote),
            "figcaption" | "caption" => Some(Kind::Caption),
            "p" | "pre" | "div" | "section" | "article" | "main" | "td" | "th" | "body" => Some(Kind::Para),
            _ => None,
        };
        let pushed = kind.is_some();
        if let Some(k) = kind {
            // a paragraph inside a list item, quote or caption keeps the outer kind
            let outer = self.kinds.last().copied();
            let k = match outer {
                Some(o @ (Kind::Item | Kind::Quote | Kind::Caption | Kind::Heading)) if k == Kind::Para => o,
                _ => k,
            };
            self.kinds.push(k);
        }
        self.walk(node, depth);
        self.flush();
        if pushed {
            self.kinds.pop();
        }
        self.path.pop();
    }
}

/// All text blocks of the page in reading order, boilerplate subtrees removed.
pub fn blocks(doc: &scraper::Html) -> Vec<Blk> {
    let mut w = Walker {
        blocks: vec![],
        path: vec![],
        kinds: vec![],
        next_id: 0,
        buf: String::new(),
        link_chars: 0,
        in_link: 0,
        first_in_link: None,
        total_chars: doc
            .select(&scraper::Selector::parse("body").expect("static selector"))
            .next()
            .unwrap_or(doc.root_element())
            .text()
            .map(|t| t.trim().len())
            .sum(),
    };
    w.element(doc.root_element(), 0);
    w.flush();
    w.blocks
}

/// Lines that are page furniture wherever they appear.
pub fn is_furniture(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ':', '!']).to_lowercase();
    const EXACT: &[&str] = &[
        "advertisement",
        "advertisements",
        "ad",
        "sponsored",
        "share",
        "share this",
        "share this article",
        "share this story",
        "tweet",
        "email",
        "print",
        "comments",
        "read more",
        "more",
        "continue reading",
        "related",
        "related articles",
        "related stories",
        "recommended",
        "sign up",
        "subscribe",
        "follow us",
        "loading",
        "skip to content",
        "skip to main content",
        "story continues below advertisement",
        "supported by",
        "image",
        "photo",
        "video",
        "listen",
        "close",
        "menu",
        "caption",
        "skip advertisement",
        "article continues below",
        "scroll to continue with content",
        "advert",
        "like this",
        "share this:",
        "related posts",
        "you may also like",
        "more stories",
        "media playback is unsupported on your device",
        "getty images",
        "associated press",
        "ap",
        "reuters",
        "afp",
        "afp via getty images",
        "shutterstock",
        "file photo",
        "previous post",
        "next post",
        "like loading",
        "explore further",
        "we recommend",
        "related content",
        "text size",
        "topics",
        "top",
        "x",
        "by",
        "post comment (+)",
        "tell us what you think",
        "this slideshow requires javascript",
        "trending",
        "trending now",
        "trending news",
        "key points",
        "author",
        "publish date",
        "related tags",
        "tags",
        "getty",
    ];
    let words: Vec<&str> = t.split_whitespace().collect();
    // a bare label ("Related Tags:"), e-mail address or link
    if words.len() <= 3 && text.trim_end().ends_with(':') {
        return true;
    }
    if words.len() == 1
        && (t.contains('@')
            || t.starts_with("http")
            || t.starts_with("twitter.com/")
            || t.starts_with("www."))
    {
        return true;
    }
    if t.starts_with('<') && t.ends_with('>') {
        return true;
    }
    if is_date_line(&t) || is_credit(&t) {
        return true;
    }
    if EXACT.contains(&t.as_str()) {
        return true;
    }
    let starts = [
        "sign up for",
        "subscribe to",
        "click here",
        "follow us on",
        "copyright ©",
        "© ",
        "all rights reserved",
        "this article was originally published",
        "read more:",
        "related:",
        "see also:",
        "advertisement ",
        "this website uses cookies",
        "this site uses cookies",
        "we use cookies",
        "by using this site",
        "by continuing to use",
    ];
    starts.iter().any(|s| t.starts_with(s))
}

/// A short line that only states a date or time ("Updated: Nov. 19, 2019 5:50 PM").
fn is_date_line(t: &str) -> bool {
    const WORDS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "am",
        "pm",
        "a",
        "p",
        "m",
        "gmt",
        "utc",
        "est",
        "edt",
        "et",
        "pt",
        "pst",
        "pdt",
        "cet",
        "bst",
        "ist",
        "updated",
        "published",
        "posted",
        "last",
        "on",
        "at",
        "modified",
        "hours",
        "hour",
        "ago",
        "minutes",
        "min",
        "read",
    ];
    let toks: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    !toks.is_empty()
        && toks.len() <= 10
        && toks.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
        && toks
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()) || WORDS.contains(w))
}

/// A photo credit line ("Photo: Jane Doe, AP", "(Image: © NASA)",
/// "Jane Doe/Getty Images", "Image copyright Reuters").
fn is_credit(t: &str) -> bool {
    let t = t.trim_start_matches(['(', '[']);
    let short = t.split_whitespace().count() <= 8 && !t.trim_end_matches(')').ends_with('.');
    if short
        && [
            "getty images",
            "associated press",
            "image copyright",
            "image credit",
            "/ap",
            ", ap",
            "| ap",
            "afp",
            "shutterstock",
            "/reuters",
            "| reuters",
        ]
        .iter()
        .any(|w| t.contains(w))
    {
        return true;
    }
    t.chars().count() < 80
        && [
            "photo:",
            "photo by",
            "image:",
            "credit:",
            "photograph:",
            "picture:",
            "illustration:",
            "source:",
            "photo credit",
        ]
        .iter()
        .any(|p| t.starts_with(p))
}

/// How much a block says "article text" (positive) or "page furniture" (negative).
pub fn weight(b: &Blk) -> f64 {
    let len = b.chars() as f64;
    let ld = b.link_density();
    if ld > 0.5 {
        return -len;
    }
    if is_furniture(&b.text) {
        return -len - 20.0;
    }
    match b.kind {
        Kind::Heading | Kind::Caption => return 0.0,
        _ => {}
    }
    let sentence_end = b
        .text
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ':']);
    let punct = b.text.matches([',', '.']).count() as f64;
    if b.starts_with_link && ld > 0.15 {
        0.0
    } else if len >= 80.0 {
        len * (1.0 - 1.6 * ld) + 10.0 * punct.min(10.0)
    } else if len >= 30.0 && sentence_end && ld < 0.35 {
        len * 0.6
    } else {
        -len * 0.3 - 5.0
    }
}

/// Weight under which a sub-container of the body is dropped.
const PRUNE_BELOW: f64 = -50.0;

/// Indices of the blocks of the main body, in order.
pub fn main_body(blocks: &[Blk]) -> Vec<usize> {
    if blocks.is_empty() {
        return vec![];
    }
    let n_ids = blocks
        .iter()
        .flat_map(|b| b.path.iter())
        .max()
        .map(|m| *m as usize + 1)
        .unwrap_or(0);
    let mut score = vec![0.0f64; n_ids];
    for b in blocks {
        let w = weight(b);
        for &e in &b.path {
            score[e as usize] += w;
        }
    }
    // ids are assigned in pre-order, so on a tie the outer element wins
    let mut best = None;
    let mut best_score = f64::MIN;
    for (i, s) in score.iter().enumerate() {
        if *s > best_score {
            best_score = *s;
            best = Some(i as u32);
        }
    }
    let Some(best) = best else {
        return (0..blocks.len()).collect();
    };
    // The article wrapper around the body often holds the byline and the
    // lead photo's caption just before it: take those (only) from the parent.
    let parent = blocks.iter().find_map(|b| {
        let i = b.path.iter().position(|&e| e == best)?;
        (i > 0).then(|| b.path[i - 1])
    });
    let first_in_body = blocks.iter().position(|b| b.path.contains(&best)).unwrap_or(0);
    let lead_extra = |i: usize, b: &Blk| -> bool {
        i < first_in_body
            && parent.is_some_and(|p| b.path.contains(&p))
            && (b.kind == Kind::Caption || super::byline_authors(&b.text).is_some())
    };
    blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| b.path.contains(&best) || lead_extra(*i, b))
        // inside the body, a sub-container that weighs clearly against
        // (a box of teasers, a link list) goes
        .filter(|(_, b)| {
            let below = b.path.iter().skip_while(|&&e| e != best).skip(1);
            !below.clone().any(|&e| score[e as usize] < PRUNE_BELOW)
        })
        .filter(|(_, b)| {
            let ld = b.link_density();
            !(ld > 0.5 && (b.chars() < 100 || ld > 0.7) || is_furniture(&b.text))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `HTML_DEBUG=page.html cargo test --release html_debug -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn html_debug() {
        let Ok(p) = std::env::var("HTML_DEBUG") else {
            return;
        };
        let html = std::fs::read_to_string(p).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let bs = blocks(&doc);
        let keep = main_body(&bs);
        for (i, b) in bs.iter().enumerate() {
            let t: String = b.text.chars().take(90).collect();
            println!(
                "{} {:>7.1} ld{:.2} {:?} d{} [{}] {}",
                if keep.contains(&i) { "K" } else { " " },
                weight(b),
                b.link_density(),
                b.kind,
                b.path.len(),
                b.path.last().unwrap_or(&0),
                t
            );
        }
    }
}
