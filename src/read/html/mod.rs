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
    let rest = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("BY "))
        .or_else(|| t.strip_prefix("by "))?;
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

    // The headline: metadata, else the first heading, else <title>.
    let h1 = blocks
        .iter()
        .find(|b| b.kind == Kind::Heading)
        .map(|b| b.text.clone());
    let title = m.headline.clone().or(h1).or(m.page_title.clone());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        article_from_html(html).map(|a| a.text).unwrap_or_default()
    }

    const P1: &str = "The council voted on Monday to close the old bridge to heavy lorries from next month, after inspectors found cracks in two of its supports.";
    const P2: &str = "Drivers will be diverted through the industrial estate, adding about ten minutes to the journey, the council said in a statement.";

    #[test]
    fn navigation_ads_related_and_comments_are_dropped() {
        let page = format!(
            r#"<html><head><title>Bridge closed | Town News</title></head><body>
            <nav><a href="/">Home</a><a href="/news">News</a></nav>
            <div class="menu"><a href="/a">Sport</a> <a href="/b">Weather</a></div>
            <div class="content"><h1>Bridge closed to lorries</h1>
              <p>{P1}</p>
              <div class="advert">Advertisement</div>
              <p>{P2}</p>
              <ul class="related-stories"><li><a href="/x">Road works on the ring road</a></li><li><a href="/y">Bus timetable changes</a></li></ul>
            </div>
            <section class="comments"><p>This is the third closure this year and the council should be ashamed of itself.</p></section>
            <footer>© Town News</footer></body></html>"#
        );
        assert_eq!(text_of(&page), format!("Bridge closed to lorries\n{P1}\n{P2}"));
    }

    #[test]
    fn hidden_and_cookie_banners_are_dropped_list_items_kept() {
        let page = format!(
            r#"<html><body>
            <div id="cookie-consent"><p>We use cookies to give you the best experience on our website, please accept them.</p></div>
            <div style="display: none"><p>Subscribe now and get three months of unlimited reading for the price of one.</p></div>
            <article><h1>Bridge closed to lorries</h1><p>{P1}</p>
              <ul><li>Lorries over 7.5 tonnes are banned.</li><li>Buses may still cross.</li></ul>
              <p>{P2}</p></article>
            <aside><p>Most read: a story about something else entirely that is long enough to count.</p></aside>
            </body></html>"#
        );
        assert_eq!(
            text_of(&page),
            format!("Bridge closed to lorries\n{P1}\nLorries over 7.5 tonnes are banned.\nBuses may still cross.\n{P2}")
        );
    }

    #[test]
    fn metadata_from_json_ld_then_meta_tags() {
        let page = format!(
            r#"<html><head>
            <link rel="canonical" href="https://news.example/bridge">
            <meta property="og:site_name" content="Town News">
            <meta name="author" content="Sam Reed">
            <script type="application/ld+json">{{"@graph": [{{"@type": "WebSite", "name": "Town News"}},
              {{"@type": "NewsArticle", "headline": "Bridge closed to lorries", "datePublished": "2026-02-03T08:00:00+01:00"}}]}}</script>
            </head><body><main><p>{P1}</p><p>{P2}</p></main></body></html>"#
        );
        let a = article_from_html(&page).unwrap();
        assert_eq!(a.title.as_deref(), Some("Bridge closed to lorries"));
        assert_eq!(a.published.unwrap().to_string(), "2026-02-03 07:00:00");
        assert_eq!(a.published_from, PublishedFrom::Metadata);
        assert_eq!(a.url.as_deref(), Some("https://news.example/bridge"));
        assert_eq!(a.outlet.as_deref(), Some("Town News"));
        assert_eq!(a.authors, ["Sam Reed"]);
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
    }

    #[test]
    fn time_element_and_byline() {
        let page = format!(
            r#"<html><body><article><h1>Bridge closed</h1><p class="byline">By Ann Lee and Bo Kim</p>
            <time datetime="2026-02-03">3 Feb</time><div class="body"><p>{P1}</p><p>{P2}</p></div></article></body></html>"#
        );
        let a = article_from_html(&page).unwrap();
        assert_eq!(a.published.unwrap().to_string(), "2026-02-03 00:00:00");
        assert_eq!(a.authors, ["Ann Lee", "Bo Kim"]);
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind.as_str()).collect();
        assert_eq!(kinds, ["title", "byline", "paragraph", "paragraph"]);
    }

    #[test]
    fn page_without_text_is_none() {
        assert!(article_from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>").is_none());
        assert!(article_from_html("").is_none());
    }
}
