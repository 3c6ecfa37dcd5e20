//! Page metadata: JSON-LD (`NewsArticle` and kin), OpenGraph / `<meta>` tags,
//! `<time datetime>`, the canonical link and `<title>`. Each field takes the
//! first source that has it, in that order.

use crate::read::fields::{parse_datetime, split_authors};
use chrono::NaiveDateTime;
use scraper::{Html, Selector};
use serde_json::Value;

#[derive(Debug, Default, Clone)]
pub struct Meta {
    pub headline: Option<String>,
    /// The `<title>` element (often with the site name appended).
    pub page_title: Option<String>,
    pub published: Option<NaiveDateTime>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// Collapse runs of whitespace; trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nonempty(s: &str) -> Option<String> {
    let s = squash(s);
    (!s.is_empty()).then_some(s)
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "WebPage",
];

/// Rank of a JSON-LD object's @type (lower is better), None when not an article.
fn type_rank(v: &Value) -> Option<usize> {
    let t = v.get("@type")?;
    let names: Vec<&str> = match t {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
        _ => return None,
    };
    names
        .iter()
        .filter_map(|n| ARTICLE_TYPES.iter().position(|t| t == n))
        .min()
}

fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_objects(x, out, depth + 1)),
        Value::Object(o) => {
            out.push(v);
            if let Some(g) = o.get("@graph") {
                collect_objects(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                collect_objects(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => nonempty(s),
        Value::Object(_) => v.get("name").and_then(text_of),
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
}

fn people(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(people).collect(),
        Value::String(s) => split_authors(s),
        Value::Object(_) => v
            .get("name")
            .and_then(text_of)
            .map(|s| vec![s])
            .unwrap_or_default(),
        _ => vec![],
    }
}

/// JSON that pages put in ld+json scripts is often slightly broken: try as is,
/// then without control characters.
fn parse_ld(raw: &str) -> Option<Value> {
    let raw = raw.trim().trim_start_matches("<!--").trim_end_matches("-->");
    serde_json::from_str(raw).ok().or_else(|| {
        let cleaned: String = raw
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

pub fn extract(doc: &Html) -> Meta {
    let mut m = Meta::default();
    // JSON-LD: the best-ranked article object.
    let mut objs_all: Vec<Value> = Vec::new();
    for s in doc.select(&sel("script[type=\"application/ld+json\"]")) {
        if let Some(v) = parse_ld(&s.text().collect::<String>()) {
            objs_all.push(v);
        }
    }
    let mut objs = Vec::new();
    for v in &objs_all {
        collect_objects(v, &mut objs, 0);
    }
    let best = objs
        .iter()
        .filter_map(|o| type_rank(o).map(|r| (r, *o)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, o)| o);
    if let Some(o) = best {
        m.headline = o.get("headline").or_else(|| o.get("name")).and_then(text_of);
        m.published = o
            .get("datePublished")
            .or_else(|| o.get("dateCreated"))
            .and_then(text_of)
            .and_then(|s| parse_datetime(&s));
        m.authors = o.get("author").map(people).unwrap_or_default();
        m.publisher = o.get("publisher").and_then(text_of);
        m.url = o
            .get("url")
            .and_then(text_of)
            .or_else(|| {
                o.get("mainEntityOfPage")
                    .and_then(|v| v.get("@id").and_then(text_of).or_else(|| text_of(v)))
            })
            .filter(|u| u.starts_with("http"));
    }
    // <meta> tags.
    let meta = |keys: &[&str]| -> Option<String> {
        for k in keys {
            for attr in ["property", "name", "itemprop"] {
                let s = sel(&format!("meta[{attr}=\"{k}\"]"));
                if let Some(c) = doc
                    .select(&s)
                    .find_map(|e| e.value().attr("content").and_then(nonempty))
                {
                    return Some(c);
                }
            }
        }
        None
    };
    if m.headline.is_none() {
        m.headline = meta(&["og:title", "twitter:title", "headline", "title"]);
    }
    if m.published.is_none() {
        m.published = meta(&[
            "article:published_time",
            "datePublished",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "DC.date.issued",
            "sailthru.date",
            "parsely-pub-date",
        ])
        .and_then(|s| parse_datetime(&s));
    }
    if m.published.is_none() {
        m.published = doc
            .select(&sel("time[datetime]"))
            .find_map(|e| e.value().attr("datetime").and_then(parse_datetime));
    }
    if m.authors.is_empty() {
        if let Some(a) = meta(&["author", "article:author", "byl", "parsely-author"]) {
            if !a.starts_with("http") {
                m.authors = split_authors(&a);
            }
        }
    }
    if m.publisher.is_none() {
        m.publisher = meta(&["og:site_name", "application-name", "publisher"]);
    }
    let canonical = doc
        .select(&sel("link[rel=\"canonical\"]"))
        .find_map(|e| e.value().attr("href").and_then(nonempty))
        .filter(|u| u.starts_with("http"));
    m.url = canonical.or(m.url).or_else(|| meta(&["og:url"]));
    {
        m.page_title = doc
            .select(&sel("title"))
            .next()
            .and_then(|t| nonempty(&t.text().collect::<String>()));
    }
    m
}
