//! One article, six containers: plain text, HTML (with page furniture around
//! it), JSON, CSV, WARC and gzip must give the same body text and the same
//! metadata (headline, published, dateline, places, outlet, authors) and the
//! same layout (caption, dateline, paragraphs, byline).

use newsetl::article::{Article, BlockKind};
use newsetl::config::InputConfig;
use newsetl::read::{self, classify, InputFile};
use std::io::Write;

/// A wire story written for this test (not a real article).
const HEADLINE: &str = "Valley towns agree to share a single water utility";
const CAPTION: &str = "This photo, taken on Feb. 27, 2026, shows the Millbrook reservoir at its lowest level in a decade. (Valley Press)";
const DATELINE: &str = "MILLBROOK•ASHFORD, March 12 (Valley Press) –";
const PARAS: &[&str] = &[
    "Three neighboring towns voted on Wednesday to merge their water departments into one utility, ending years of disputes over who pays to maintain the shared reservoir.",
    "“Water does not stop at the town line, and neither should the pipes,” said Ashford mayor Lucia Brandt, who chaired the joint meeting.",
    "The new utility will serve about 41,000 residents and take over some $18 million in debt, officials said.",
];
const BYLINE: &str = "Dana K. Ortiz (dortiz@valleypress.example)";

fn body() -> String {
    let mut s = format!("{CAPTION}\n{DATELINE} {}", PARAS[0]);
    for p in &PARAS[1..] {
        s.push('\n');
        s.push_str(p);
    }
    s.push('\n');
    s.push_str(BYLINE);
    s
}

fn txt() -> String {
    format!("{HEADLINE}\n{}\n", body())
}

fn html() -> String {
    let paras: String = PARAS[1..]
        .iter()
        .map(|p| format!("<p>{p}</p>\n<div class=\"ad-slot\">Advertisement</div>\n"))
        .collect();
    format!(
        r#"<!DOCTYPE html><html><head><title>{HEADLINE} | Valley Press</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{HEADLINE}","datePublished":"2026-03-12","author":{{"@type":"Person","name":"Dana K. Ortiz"}},"publisher":{{"@type":"Organization","name":"Valley Press"}}}}</script>
</head><body>
<div class="cookie-banner">This site uses cookies. <a href="/privacy">Learn more</a></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>{HEADLINE}</h1>
<figure><img src="r.jpg"><figcaption>{CAPTION}</figcaption></figure>
<div class="story-body">
<p>{DATELINE} {}</p>
{paras}<p>{BYLINE}</p>
</div>
<div class="related-links"><h3>Related</h3><a href="/1">Reservoir levels fall again</a> <a href="/2">Council approves pipe repairs</a></div>
</article>
<div id="comments"><p>I have been saying this for years and nobody listened to me at the meetings at all.</p></div>
<footer><p>© 2026 Valley Press</p></footer>
</body></html>"#,
        PARAS[0]
    )
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc(html: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0000-1>\r\nWARC-Date: 2026-03-13T00:00:00Z\r\nWARC-Target-URI: https://valleypress.example/water\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

/// Read `bytes` as if they were the file `name` (compression included).
fn read_as(name: &str, bytes: &[u8]) -> Article {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let (format, compression) = classify(name).unwrap();
    let file = InputFile {
        path,
        rel: name.to_string(),
        size: bytes.len() as u64,
        mtime_ns: 0,
        format,
        compression,
    };
    let out = read::read_file(&file, &InputConfig::default());
    assert!(out.rejects.is_empty(), "{name}: {:?}", out.rejects);
    assert_eq!(out.articles.len(), 1, "{name}");
    out.articles.into_iter().next().unwrap()
}

/// The text after the headline block (JSON and CSV records carry the
/// headline as a field, not in the text).
fn body_of(a: &Article) -> &str {
    match a.blocks.first() {
        Some(b) if b.kind == BlockKind::Title => a.text[b.span.end..].trim_start(),
        _ => &a.text,
    }
}

fn layout(a: &Article) -> Vec<&'static str> {
    a.blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Title)
        .map(|b| b.kind.as_str())
        .collect()
}

#[test]
fn same_article_in_every_container() {
    let json = serde_json::json!({
        "id": "water-1", "title": HEADLINE, "text": body(), "published": "2026-03-12",
        "source": "Valley Press", "author": "Dana K. Ortiz"
    });
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["id", "title", "text", "published", "source", "author"])
        .unwrap();
    csv.write_record([
        "water-1",
        HEADLINE,
        &body(),
        "2026-03-12",
        "Valley Press",
        "Dana K. Ortiz",
    ])
    .unwrap();
    let csv = csv.into_inner().unwrap();

    let cases = [
        read_as("story.txt", txt().as_bytes()),
        read_as("story.html", html().as_bytes()),
        read_as("story.json", json.to_string().as_bytes()),
        read_as("story.csv", &csv),
        read_as("crawl.warc", &warc(&html())),
        read_as("story.txt.gz", &gz(txt().as_bytes())),
    ];
    let want_body = body();
    for a in &cases {
        let f = a.format.unwrap().as_str();
        assert_eq!(body_of(a), want_body, "{f}: body text");
        assert_eq!(a.title.as_deref(), Some(HEADLINE), "{f}: headline");
        let published = a.published.map(|p| p.to_string());
        assert_eq!(
            published.as_deref(),
            Some("2026-03-12 00:00:00"),
            "{f}: published"
        );
        assert_eq!(a.dateline.as_deref(), Some(DATELINE), "{f}: dateline");
        assert_eq!(a.dateline_places, ["MILLBROOK", "ASHFORD"], "{f}: places");
        assert_eq!(a.outlet.as_deref(), Some("Valley Press"), "{f}: outlet");
        assert_eq!(a.authors, ["Dana K. Ortiz"], "{f}: authors");
        assert_eq!(
            layout(a),
            [
                "caption",
                "dateline",
                "paragraph",
                "paragraph",
                "paragraph",
                "byline"
            ],
            "{f}: layout"
        );
        // every block is a slice of the text, in order, without overlaps
        for w in a.blocks.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{f}: blocks in order");
        }
    }
    // where the date came from differs: the plain text only has its dateline
    // (year from the caption), the others carry it as metadata
    assert_eq!(cases[0].published_from.as_str(), "dateline");
    assert_eq!(cases[1].published_from.as_str(), "metadata");
    assert_eq!(cases[4].source_id, "urn:uuid:0000-1");
    assert_eq!(cases[4].url.as_deref(), Some("https://valleypress.example/water"));
}

#[test]
fn html_furniture_never_reaches_the_text() {
    let a = read_as("page.html", html().as_bytes());
    for junk in [
        "cookies",
        "Home",
        "Advertisement",
        "Related",
        "Reservoir levels fall",
        "nobody listened",
        "©",
    ] {
        assert!(!a.text.contains(junk), "{junk:?} in {:?}", a.text);
    }
}

#[test]
fn shipped_samples_read_without_rejects() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let mut formats = std::collections::BTreeSet::new();
    let mut n = 0;
    for entry in walk(&root) {
        let name = entry.file_name().unwrap().to_string_lossy().to_string();
        let Some((format, compression)) = classify(&name) else {
            continue;
        };
        let file = InputFile {
            size: std::fs::metadata(&entry).unwrap().len(),
            rel: name.clone(),
            path: entry,
            mtime_ns: 0,
            format,
            compression,
        };
        let out = read::read_file(&file, &InputConfig::default());
        assert!(out.rejects.is_empty(), "{name}: {:?}", out.rejects);
        assert!(!out.articles.is_empty(), "{name}");
        for a in &out.articles {
            assert!(a.title.is_some(), "{name}: headline");
        }
        n += out.articles.len();
        formats.insert((format.as_str(), format!("{compression:?}")));
    }
    assert!(n >= 9, "{n} articles");
    for f in ["txt", "md", "html", "json", "csv", "warc"] {
        assert!(formats.iter().any(|(x, _)| *x == f), "no {f} sample in input/");
    }
    assert!(formats.iter().any(|(_, c)| c == "Gzip") && formats.iter().any(|(_, c)| c == "Zstd"));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}
