//! Plain-text and Markdown articles, and the layout rules every reader shares.
//!
//! Reading a text file: decode, split into paragraphs (one per line; hard-wrapped
//! files such as old wire copy are re-flowed, paragraphs then being separated by
//! blank lines or indented first lines), Markdown markup stripped from `.md`
//! files. The article text is the paragraphs joined by "\n".
//!
//! Layout ([`annotate`], also run on HTML, JSON, CSV and WARC articles):
//! * the headline: the first paragraph when it is short and is neither a caption
//!   nor starts with a dateline (only when the record has no title of its own);
//! * photo captions ("This photo, taken on …", "… (Yonhap)", "… (AP Photo/…)"):
//!   kept in the text, marked as `caption` blocks;
//! * the dateline at the start of the first body paragraph
//!   ("WASHINGTON•SEOUL, Dec. 24 (Korea Bizwire) –", "SALVADOR, Feb 26 -",
//!   "LONDON (Reuters) -"): a `dateline` block, its places, outlet and date; a
//!   date without a year takes it from the article's photo captions ("taken on
//!   Oct. 29, 2025"), never earlier than them; without captions it stays unset;
//! * bylines: a leading or trailing "By …" line, a trailing "Name (e-mail)"
//!   line, "Reporting by …" lines; their names become `authors`.

use super::{InputFile, ReadOutput};
use crate::article::{Article, Block, BlockKind, PublishedFrom, Span};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::OnceLock;

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
    let markdown = file.format == crate::article::Format::Md;
    match article_from_text(text, encoding, markdown) {
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

/// Build an article from plain text (or Markdown): paragraphs one per line,
/// then the layout rules of [`annotate`].
pub fn article_from_text(raw: String, encoding: &str, markdown: bool) -> Option<Article> {
    let paras = paragraphs(&raw, markdown);
    if paras.is_empty() {
        return None;
    }
    let mut text = String::with_capacity(raw.len());
    let mut blocks = Vec::new();
    for p in &paras {
        if !text.is_empty() {
            text.push('\n');
        }
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            span: Span::new(text.len(), text.len() + p.len()),
        });
        text.push_str(p);
    }
    let mut a = Article {
        text,
        blocks,
        encoding: encoding.to_string(),
        ..Default::default()
    };
    annotate(&mut a);
    Some(a)
}

/// Is the file hard-wrapped (lines broken mid-sentence at a fixed width)?
fn hard_wrapped(lines: &[&str]) -> bool {
    let body: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .skip(1)
        .collect();
    if body.len() < 4 {
        return false;
    }
    let long = body.iter().filter(|l| l.chars().count() > 100).count();
    let open = body
        .iter()
        .filter(|l| !l.ends_with(['.', '!', '?', '"', '”', '’', ')', ':']))
        .count();
    long * 10 < body.len() && open * 2 > body.len()
}

/// Strip the Markdown markup that is not text: heading hashes, quote markers,
/// emphasis, link targets, images.
fn strip_markdown(line: &str) -> String {
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    let [img, link, emph] = RE.get_or_init(|| {
        [
            Regex::new(r"!\[([^\]]*)\]\([^)]*\)").unwrap(),
            Regex::new(r"\[([^\]]+)\]\([^)]*\)").unwrap(),
            Regex::new(r"(\*\*|__|\*|`)").unwrap(),
        ]
    });
    let mut l = line.trim_start();
    l = l.trim_start_matches('#').trim_start();
    while let Some(r) = l.strip_prefix('>') {
        l = r.trim_start();
    }
    if let Some(r) = l
        .strip_prefix("- ")
        .or_else(|| l.strip_prefix("* "))
        .or_else(|| l.strip_prefix("+ "))
    {
        l = r;
    }
    let s = img.replace_all(l, "$1");
    let s = link.replace_all(&s, "$1");
    emph.replace_all(&s, "").into_owned()
}

/// Paragraphs of a text file, trimmed, in order.
pub fn paragraphs(raw: &str, markdown: bool) -> Vec<String> {
    let lines: Vec<&str> = raw.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let clean = |l: &str| -> String {
        let l = if markdown {
            strip_markdown(l)
        } else {
            l.to_string()
        };
        l.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let is_rule = |l: &str| {
        let t = l.trim();
        markdown && t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | '='))
    };
    if hard_wrapped(&lines) {
        let mut cur = String::new();
        for l in lines {
            let indented = l.starts_with([' ', '\t']);
            if l.trim().is_empty() || is_rule(l) || (indented && !cur.is_empty()) {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                if l.trim().is_empty() || is_rule(l) {
                    continue;
                }
            }
            let c = clean(l);
            if c.is_empty() {
                continue;
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(&c);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    } else {
        for l in lines {
            if is_rule(l) {
                continue;
            }
            let c = clean(l);
            if !c.is_empty() {
                out.push(c);
            }
        }
    }
    out
}

/// A parsed dateline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte length of the dateline including its dash (no trailing space).
    pub len: usize,
    pub places: Vec<String>,
    /// (month, day, year if written)
    pub date: Option<(u32, u32, Option<i32>)>,
    pub outlet: Option<String>,
}

const MONTHS: &str = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

fn month_number(m: &str) -> Option<u32> {
    let m = m.trim_end_matches('.').to_ascii_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names.iter().position(|n| m.starts_with(n)).map(|i| i as u32 + 1)
}

fn dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let place = r"[A-Z][A-Z.'’\-]*(?:\s[A-Z][A-Z.'’\-]*){0,3}";
        Regex::new(&format!(
            r"^(?P<places>{place}(?:\s*[•·/|]\s*{place})*)(?:,\s(?P<region>[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?))?(?:,?\s(?P<mon>{MONTHS})\.?\s(?P<day>\d{{1,2}})(?:,?\s(?P<year>\d{{4}}))?)?(?:\s\((?P<outlet>[^()]{{2,40}})\))?\s?(?P<sep>--|[–—-]|:)(?:\s|$)"
        ))
        .unwrap()
    })
}

/// The dateline at the start of `para`, if there is one.
pub fn parse_dateline(para: &str) -> Option<Dateline> {
    let c = dateline_re().captures(para)?;
    let places_raw = c.name("places")?.as_str();
    let date = match (c.name("mon"), c.name("day")) {
        (Some(m), Some(d)) => {
            let day: u32 = d.as_str().parse().ok()?;
            let year = c.name("year").and_then(|y| y.as_str().parse().ok());
            Some((month_number(m.as_str())?, day, year))
        }
        _ => None,
    };
    let outlet = c.name("outlet").map(|o| o.as_str().trim().to_string());
    let places: Vec<String> = places_raw
        .split(['•', '·', '/', '|'])
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    // Guard against ordinary sentences: the places must be real words in
    // capitals, and a bare "WORD -" needs a date or outlet unless it is long
    // enough to be a city.
    let letters: usize = places_raw.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || places
            .iter()
            .any(|p| p.chars().filter(|c| c.is_alphabetic()).count() < 2)
    {
        return None;
    }
    if date.is_none() && outlet.is_none() && (letters < 4 || c.name("sep")?.as_str() == ":") {
        return None;
    }
    if let Some((m, d, _)) = date {
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
    }
    let end = c.name("sep")?.end();
    Some(Dateline {
        len: end,
        places,
        date,
        outlet,
    })
}

fn full_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?P<mon>{MONTHS})\.?\s(?P<day>\d{{1,2}}),?\s(?P<year>(?:19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)\b"
        ))
        .unwrap()
    })
}

/// Full dates (with a year) written anywhere in `text`.
pub fn full_dates(text: &str) -> Vec<NaiveDate> {
    full_date_re()
        .captures_iter(text)
        .filter_map(|c| {
            if let Some(y) = c.name("year") {
                NaiveDate::from_ymd_opt(
                    y.as_str().parse().ok()?,
                    month_number(c.name("mon")?.as_str())?,
                    c.name("day")?.as_str().parse().ok()?,
                )
            } else {
                NaiveDate::from_ymd_opt(
                    c.name("y2")?.as_str().parse().ok()?,
                    c.name("m2")?.as_str().parse().ok()?,
                    c.name("d2")?.as_str().parse().ok()?,
                )
            }
        })
        .collect()
}

/// The year of a dateline's "Dec. 24", from the dates of the article's photo
/// captions ("This photo, taken on Oct. 29, 2025, …"): photos are taken before
/// the story runs, so the year of the latest one, or the next year when that
/// would put the dateline before it. Dates in the body are not used: they point
/// anywhere (wire copy cites "Oct 6, 1981" rules and "September 30, 1987"
/// deadlines in a Feb. 1987 story), and a wrong year is worse than none.
pub fn infer_year(month: u32, day: u32, captions: &[NaiveDate]) -> Option<i32> {
    let latest = captions.iter().max()?;
    let y = latest.year();
    let here = NaiveDate::from_ymd_opt(y, month, day)?;
    Some(if here < *latest { y + 1 } else { y })
}

const CAPTION_OPENERS: &[&str] = &[
    "This photo",
    "This picture",
    "This image",
    "This file photo",
    "This undated photo",
    "This handout photo",
    "This screenshot",
    "This screen grab",
    "This aerial photo",
    "In this photo",
    "In this file photo",
    "In this image",
    "In this undated photo",
    "In this handout photo",
    "FILE PHOTO",
    "File photo",
    "Photo:",
    "PHOTO:",
    "Pictured:",
];

const CREDIT_WORDS: &[&str] = &[
    "Photo",
    "photo",
    "Yonhap",
    "AP",
    "AFP",
    "Reuters",
    "Getty",
    "EPA",
    "Xinhua",
    "Newsis",
    "Pool",
    "courtesy",
    "Courtesy",
    "Images",
    "Handout",
    "handout",
    "File",
    "Kyodo",
    "Bloomberg",
];

/// Is this paragraph a photo caption?
pub fn is_caption(p: &str) -> bool {
    if CAPTION_OPENERS.iter().any(|o| p.starts_with(o)) {
        return true;
    }
    // "… (Yonhap)", "… (AP Photo/Ahn Young-joon)", "… (Pool photo) (Yonhap)"
    let t = p.trim_end();
    if !t.ends_with(')') || t.split_whitespace().count() > 80 {
        return false;
    }
    let Some(open) = t.rfind('(') else {
        return false;
    };
    let credit = &t[open + 1..t.len() - 1];
    if credit.split_whitespace().count() > 6 || credit.is_empty() {
        return false;
    }
    let credit_word = credit
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CREDIT_WORDS.contains(&w));
    let shows = [
        " shows ",
        " show ",
        " pictured",
        " poses ",
        " pose ",
        " photo",
        " seen ",
    ]
    .iter()
    .any(|w| t.contains(w));
    let name_like = credit
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    (credit_word
        && (shows
            || t.starts_with("This ")
            || credit.contains("Photo")
            || credit.contains("photo")
            || matches!(
                credit,
                "Yonhap" | "AFP" | "EPA" | "Xinhua" | "Newsis" | "Getty Images"
            )))
        || (name_like && shows)
}

fn byline_names(p: &str) -> Option<Vec<String>> {
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    let [by, mail, reporting] = RE.get_or_init(|| {
        [
            Regex::new(r"^(?:By|BY|by)\s+(?P<names>[A-Z][^\n]{1,100})$").unwrap(),
            Regex::new(r"^(?P<names>[A-Z][\w.’'\- ]{1,60}?)\s*[(<\[]?\s*(?P<mail>[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)\s*[)>\]]?$").unwrap(),
            Regex::new(r"^\(?(?:Reporting|Writing|Additional reporting)\s+by\s+(?P<names>[^;)]+)").unwrap(),
        ]
    });
    if p.split_whitespace().count() > 20 {
        return None;
    }
    for re in [by, mail, reporting] {
        if let Some(c) = re.captures(p) {
            let names = c.name("names").map(|m| m.as_str()).unwrap_or("");
            let names = names.split(['|', '•', '\u{b7}']).next().unwrap_or(names);
            let v: Vec<String> = super::fields::split_authors(names)
                .into_iter()
                .filter(|n| {
                    n.chars().next().is_some_and(|c| c.is_uppercase()) && n.split_whitespace().count() <= 5
                })
                .collect();
            if !v.is_empty() {
                return Some(v);
            }
        }
    }
    None
}

/// Mark the layout of an article whose blocks are paragraphs (and maybe a
/// title): headline, captions, dateline, byline; fill `dateline`,
/// `dateline_places`, `outlet`, `authors` and, when the record has no date of
/// its own, `published` from the dateline. The text is never changed.
pub fn annotate(a: &mut Article) {
    let detect_title = a.title.is_none() && !a.blocks.iter().any(|b| b.kind == BlockKind::Title);
    let n = a.blocks.len();
    let mut first_body: Option<usize> = None;
    for i in 0..n {
        let b = a.blocks[i];
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        let p = b.span.slice(&a.text);
        if is_caption(p) {
            a.blocks[i].kind = BlockKind::Caption;
            continue;
        }
        if first_body.is_none() {
            let short = p.chars().count() <= 150 && p.split_whitespace().count() <= 25;
            // a headline may look like a bare dateline ("ECONOMIC SPOTLIGHT - ...")
            let dateline_like =
                parse_dateline(p).is_some_and(|d| d.date.is_some() || d.outlet.is_some() || n == 1);
            if detect_title && i == 0 && short && !dateline_like && byline_names(p).is_none() {
                a.blocks[i].kind = BlockKind::Title;
                a.title = Some(p.to_string());
                continue;
            }
            if let Some(names) = byline_names(p).filter(|_| p.starts_with(['B', 'b'])) {
                a.blocks[i].kind = BlockKind::Byline;
                if a.authors.is_empty() {
                    a.authors = names;
                }
                continue;
            }
            first_body = Some(i);
        }
    }
    // trailing bylines: the last paragraphs, up to two
    for i in (0..n).rev().take(3) {
        let b = a.blocks[i];
        if b.kind != BlockKind::Paragraph || Some(i) == first_body {
            if b.kind == BlockKind::Caption {
                continue;
            }
            break;
        }
        let p = b.span.slice(&a.text);
        if let Some(names) = byline_names(p) {
            a.blocks[i].kind = BlockKind::Byline;
            if a.authors.is_empty() {
                a.authors = names;
            }
        } else if matches!(
            p,
            "Reuter" | "Reuters" | "(Reuters)" | "AP" | "AFP" | "PTI" | "Yonhap"
        ) {
            a.blocks[i].kind = BlockKind::Byline;
            let o = p.trim_matches(['(', ')']);
            a.outlet.get_or_insert_with(|| {
                if o == "Reuter" {
                    "Reuters".into()
                } else {
                    o.to_string()
                }
            });
        } else {
            break;
        }
    }
    // the dateline
    let Some(i) = first_body else { return };
    let b = a.blocks[i];
    let p = b.span.slice(&a.text);
    let Some(d) = parse_dateline(p) else { return };
    let dl = Span::new(b.span.start, b.span.start + d.len);
    let rest_start = b.span.start + d.len + (p[d.len..].len() - p[d.len..].trim_start().len());
    let mut new_blocks = vec![Block {
        kind: BlockKind::Dateline,
        span: dl,
    }];
    if rest_start < b.span.end {
        new_blocks.push(Block {
            kind: BlockKind::Paragraph,
            span: Span::new(rest_start, b.span.end),
        });
    }
    a.blocks.splice(i..=i, new_blocks);
    a.dateline = Some(dl.slice(&a.text).to_string());
    a.dateline_places = d.places.clone();
    if a.outlet.is_none() {
        a.outlet = d.outlet.clone();
    }
    if a.published.is_none() {
        if let Some((m, day, year)) = d.date {
            let caption_dates: Vec<NaiveDate> = a
                .blocks_of(BlockKind::Caption)
                .flat_map(|b| full_dates(b.span.slice(&a.text)))
                .collect();
            let year = year.or_else(|| infer_year(m, day, &caption_dates));
            if let Some(date) = year.and_then(|y| NaiveDate::from_ymd_opt(y, m, day)) {
                a.published = date.and_hms_opt(0, 0, 0);
                a.published_from = PublishedFrom::Dateline;
            }
        }
    }
}

/// Paragraph blocks, one per non-empty line of a verbatim text (JSON, CSV),
/// then [`annotate`]. Leaves articles that already have blocks alone.
pub fn annotate_verbatim(a: &mut Article) {
    if !a.blocks.is_empty() {
        return;
    }
    let mut pos = 0;
    for line in a.text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let body = content.trim();
        if !body.is_empty() {
            a.blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(pos + lead, pos + lead + body.len()),
            });
        }
        pos += line.len();
    }
    // a record with its own title keeps the text's first line as body
    annotate(a);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(a: &Article) -> Vec<(&'static str, &str)> {
        a.blocks
            .iter()
            .map(|b| (b.kind.as_str(), b.span.slice(&a.text)))
            .collect()
    }

    #[test]
    fn datelines_in_house_styles() {
        let d = parse_dateline("WASHINGTON•SEOUL, Dec. 24 (Korea Bizwire) – South Korea is").unwrap();
        assert_eq!(d.places, ["WASHINGTON", "SEOUL"]);
        assert_eq!(d.date, Some((12, 24, None)));
        assert_eq!(d.outlet.as_deref(), Some("Korea Bizwire"));
        assert_eq!(
            &"WASHINGTON•SEOUL, Dec. 24 (Korea Bizwire) – x"[..d.len],
            "WASHINGTON•SEOUL, Dec. 24 (Korea Bizwire) –"
        );

        let d = parse_dateline("SALVADOR, Feb 26 - Showers continued").unwrap();
        assert_eq!(
            (d.places, d.date, d.outlet),
            (vec!["SALVADOR".to_string()], Some((2, 26, None)), None)
        );

        let d = parse_dateline("LONDON (Reuters) - Britain's economy").unwrap();
        assert_eq!(d.places, ["LONDON"]);
        assert_eq!(d.outlet.as_deref(), Some("Reuters"));
        assert_eq!(d.date, None);

        let d = parse_dateline("NEW YORK, March 3, 2026 (AP) — Stocks rose").unwrap();
        assert_eq!(d.places, ["NEW YORK"]);
        assert_eq!(d.date, Some((3, 3, Some(2026))));

        let d = parse_dateline("SPRINGFIELD, Ill., Sept. 9 (AP) — Lawmakers").unwrap();
        assert_eq!(d.places, ["SPRINGFIELD"]);
        assert_eq!(d.date, Some((9, 9, None)));

        for not in [
            "The council met on Dec. 24 - and agreed.",
            "US - China talks resume",
            "AI: the new frontier",
            "Quarterly profits at US media giant TimeWarner jumped 76%",
        ] {
            assert_eq!(parse_dateline(not), None, "{not}");
        }
    }

    #[test]
    fn year_from_caption_dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let caps = full_dates("This photo, taken on Oct. 29, 2025, shows ... taken on Nov. 4, 2025");
        assert_eq!(caps, [d(2025, 10, 29), d(2025, 11, 4)]);
        assert_eq!(infer_year(12, 24, &caps), Some(2025));
        assert_eq!(infer_year(1, 3, &[d(2025, 12, 28)]), Some(2026));
        assert_eq!(infer_year(1, 3, &[]), None);
    }

    #[test]
    fn captions() {
        assert!(is_caption(
            "This photo, taken on Oct. 29, 2025, shows a ship in the harbor. (Yonhap)"
        ));
        assert!(is_caption(
            "Workers repair the bridge in Port Alder on May 2. (AP Photo/Jane Roe)"
        ));
        assert!(is_caption("Officials inspect the site. (Pool photo) (Yonhap)"));
        assert!(is_caption(
            "Firefighters battle the blaze in a photo provided by the city. (Coastal Press)"
        ));
        assert!(!is_caption(
            "The plan was approved by the council (with two abstentions)."
        ));
        assert!(!is_caption(
            "The law was passed in 2021 (Reuters reported it first)."
        ));
    }

    #[test]
    fn bylines() {
        assert_eq!(
            byline_names("By Ann Lee and Bo Kim"),
            Some(vec!["Ann Lee".into(), "Bo Kim".into()])
        );
        assert_eq!(
            byline_names("M. H. Lee (mhlee@koreabizwire.com)"),
            Some(vec!["M. H. Lee".into()])
        );
        assert_eq!(
            byline_names("Reporting by Tom Bell; Editing by Sue Park"),
            Some(vec!["Tom Bell".into()])
        );
        assert_eq!(
            byline_names("By the time the vote came, most had left the chamber and gone home for the night."),
            None
        );
    }

    #[test]
    fn wire_story_layout() {
        let raw = "Harbor city approves flood barrier\n\
            This photo, taken on March 3, 2026, shows workers on the old sea wall. (Coastal Press)\n\
            PORT ALDER, March 12 (Coastal Press) – The council approved the barrier on Wednesday.\n\
            \n\
            “We cannot wait,” said Mayor Elena Ruiz-Campos.\n\
            Jonah P. Whitfield (jwhitfield@coastalpress.example)\n";
        let a = article_from_text(raw.into(), "UTF-8", false).unwrap();
        assert_eq!(
            kinds(&a),
            [
                ("title", "Harbor city approves flood barrier"),
                (
                    "caption",
                    "This photo, taken on March 3, 2026, shows workers on the old sea wall. (Coastal Press)"
                ),
                ("dateline", "PORT ALDER, March 12 (Coastal Press) –"),
                ("paragraph", "The council approved the barrier on Wednesday."),
                ("paragraph", "“We cannot wait,” said Mayor Elena Ruiz-Campos."),
                ("byline", "Jonah P. Whitfield (jwhitfield@coastalpress.example)"),
            ]
        );
        assert_eq!(a.title.as_deref(), Some("Harbor city approves flood barrier"));
        assert_eq!(a.dateline_places, ["PORT ALDER"]);
        assert_eq!(a.outlet.as_deref(), Some("Coastal Press"));
        assert_eq!(a.authors, ["Jonah P. Whitfield"]);
        assert_eq!(a.published_from, PublishedFrom::Dateline);
        assert_eq!(
            a.published.unwrap().date(),
            NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()
        );
    }

    #[test]
    fn caption_first_then_dateline_no_headline() {
        let raw = "This photo, taken on Nov. 4, 2025, shows two ministers at a press conference. (Yonhap)\n\
            SEOUL, Dec. 2 (Korea Bizwire) – The ministers met again on Tuesday.\n";
        let a = article_from_text(raw.into(), "UTF-8", false).unwrap();
        assert_eq!(a.title, None);
        assert_eq!(a.blocks[0].kind, BlockKind::Caption);
        assert_eq!(a.dateline.as_deref(), Some("SEOUL, Dec. 2 (Korea Bizwire) –"));
        assert_eq!(
            a.published.unwrap().date(),
            NaiveDate::from_ymd_opt(2025, 12, 2).unwrap()
        );
    }

    #[test]
    fn hard_wrapped_wire_copy_is_reflowed() {
        let raw = "COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe cocoa zone, easing the drought since early\nJanuary and improving prospects for the crop.\n    The dry period means the harvest will be late this\nyear, traders said in their weekly review of the\nmarket.\n Reuter\n";
        let a = article_from_text(raw.into(), "UTF-8", false).unwrap();
        assert_eq!(a.title.as_deref(), Some("COCOA REVIEW"));
        assert_eq!(a.dateline.as_deref(), Some("SALVADOR, Feb 26 -"));
        assert_eq!(a.published, None, "no year anywhere");
        let paras: Vec<&str> = a
            .blocks_of(BlockKind::Paragraph)
            .map(|b| b.span.slice(&a.text))
            .collect();
        assert_eq!(paras.len(), 2);
        assert!(paras[0].ends_with("improving prospects for the crop."));
        assert_eq!(a.outlet.as_deref(), Some("Reuters"));
    }

    #[test]
    fn markdown_markup_is_stripped() {
        let raw = "# Council backs **barrier**\n\n*By Ann Lee*\n\nThe [council](http://x.example) voted on Monday.\n\n- first point\n";
        let a = article_from_text(raw.into(), "UTF-8", true).unwrap();
        assert_eq!(a.title.as_deref(), Some("Council backs barrier"));
        assert_eq!(a.authors, ["Ann Lee"]);
        assert!(a.text.contains("The council voted on Monday.\nfirst point"));
    }
}
