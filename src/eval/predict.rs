//! Predictions: each gold document goes through the real stages in-process —
//! built into an [`Article`] exactly as the JSON reader builds one from
//! `{id, text, published: dct}`, then [`analyze::analyze`] and the
//! [`Extractors`] — and the rows come back with code point offsets, the
//! scorers' unit. Documents run in parallel (rayon); results keep gold order.

use super::gold::{CpMap, GoldDoc};
use super::report::Speed;
use crate::analyze;
use crate::article::{Article, Block, BlockKind, Format, PublishedFrom, Span};
use crate::extract::{ExtractConfig, Extractions, Extractors};
use chrono::{NaiveDate, NaiveDateTime};
use rayon::prelude::*;
use std::time::Instant;

pub use super::metrics::CpSpan;

#[derive(Debug, Clone, PartialEq)]
pub struct PEntity {
    pub span: CpSpan,
    /// PERSON, ORG, LOCATION, MISC.
    pub kind: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PQuote {
    pub span: CpSpan,
    /// Content pieces; the span alone when the extractor gave none.
    pub fragments: Vec<CpSpan>,
    /// direct, partial, indirect.
    pub kind: &'static str,
    pub speaker: Option<String>,
    pub mention: Option<String>,
    pub mention_span: Option<CpSpan>,
    pub cue: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PFigure {
    pub span: CpSpan,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub kind: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PDate {
    pub span: CpSpan,
    /// DATE, TIME, DURATION, SET.
    pub kind: &'static str,
    pub value: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PEvent {
    pub trigger: CpSpan,
    pub kind: &'static str,
    pub actors: Vec<String>,
    pub text: String,
}

/// Everything predicted for one gold document, in code points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pred {
    pub entities: Vec<PEntity>,
    pub quotes: Vec<PQuote>,
    pub figures: Vec<PFigure>,
    pub dates: Vec<PDate>,
    pub events: Vec<PEvent>,
}

impl Pred {
    /// Drop predictions starting at or after `limit` (code points).
    pub fn restrict(&mut self, limit: usize) {
        self.entities.retain(|x| x.span.0 < limit);
        self.quotes.retain(|x| x.span.0 < limit);
        self.figures.retain(|x| x.span.0 < limit);
        self.dates.retain(|x| x.span.0 < limit);
        self.events.retain(|x| x.trigger.0 < limit);
    }
}

/// Which extractors a run needs (each with what it reads: figures read dates,
/// quotes read entities, events read all three).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    pub entities: bool,
    pub dates: bool,
    pub figures: bool,
    pub quotes: bool,
    pub events: bool,
}

impl Needs {
    pub fn for_task(task: &str) -> Needs {
        let mut n = Needs::default();
        n.add_task(task);
        n
    }
    pub fn add_task(&mut self, task: &str) {
        match task {
            "entities" => self.entities = true,
            "dates" => self.dates = true,
            "figures" => {
                self.dates = true;
                self.figures = true;
            }
            "quotes" => {
                self.entities = true;
                self.quotes = true;
            }
            "events" => {
                *self = Needs {
                    entities: true,
                    dates: true,
                    figures: self.figures,
                    quotes: true,
                    events: true,
                }
            }
            _ => {}
        }
    }
    pub fn config(&self) -> ExtractConfig {
        let mut c = ExtractConfig::default();
        c.entities.enabled = self.entities;
        c.dates.enabled = self.dates;
        c.figures.enabled = self.figures;
        c.quotes.enabled = self.quotes;
        c.events.enabled = self.events;
        c
    }
    pub fn describe(&self) -> String {
        let mut v = Vec::new();
        for (on, name) in [
            (self.entities, "entities"),
            (self.dates, "dates"),
            (self.figures, "figures"),
            (self.quotes, "quotes"),
            (self.events, "events"),
        ] {
            if on {
                v.push(name);
            }
        }
        v.join("+")
    }
}

/// A document creation time: "1998-08-07" (midnight), "1998-12-05T09:42",
/// "2016-11-07T16:12:00", with or without fractional seconds.
pub fn parse_dct(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t);
        }
    }
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// The article the JSON reader would build from `{id, text, published: dct}`:
/// text verbatim, `published` the dct (a date alone at midnight), one
/// Paragraph block per non-empty line (trimmed).
pub fn article_for(set: &str, doc: &GoldDoc) -> Article {
    let published = doc.dct.as_deref().and_then(parse_dct);
    let source_path = format!("{set}/gold.jsonl");
    let mut blocks = Vec::new();
    let mut pos = 0;
    for line in doc.text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let body = content.trim();
        if !body.is_empty() {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(pos + lead, pos + lead + body.len()),
            });
        }
        pos += line.len();
    }
    Article {
        article_id: crate::article::article_id(&source_path, &doc.doc_id),
        source_path,
        source_id: doc.doc_id.clone(),
        format: Some(Format::Json),
        published,
        published_from: if published.is_some() {
            PublishedFrom::Metadata
        } else {
            PublishedFrom::None
        },
        encoding: "UTF-8".to_string(),
        text: doc.text.clone(),
        blocks,
        ..Default::default()
    }
}

/// Extraction rows → code point predictions.
pub fn convert(text: &str, x: &Extractions) -> Pred {
    let m = CpMap::new(text);
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("").to_string();
    Pred {
        entities: x
            .entities
            .iter()
            .map(|e| PEntity {
                span: m.span(e.span),
                kind: e.kind.as_str(),
                text: slice(e.span),
            })
            .collect(),
        quotes: x
            .quotes
            .iter()
            .map(|q| {
                let mut fragments: Vec<CpSpan> = q.fragments.iter().map(|&f| m.span(f)).collect();
                if fragments.is_empty() {
                    fragments.push(m.span(q.span));
                }
                PQuote {
                    span: m.span(q.span),
                    fragments,
                    kind: q.kind.as_str(),
                    speaker: q.speaker.clone(),
                    mention: q.speaker_span.map(slice),
                    mention_span: q.speaker_span.map(|s| m.span(s)),
                    cue: q.cue_span.map(slice),
                    text: slice(q.span),
                }
            })
            .collect(),
        figures: x
            .figures
            .iter()
            .map(|f| PFigure {
                span: m.span(f.span),
                value: f.value,
                value_max: f.value_max,
                unit: f.unit.clone(),
                kind: f.kind,
                text: slice(f.span),
            })
            .collect(),
        dates: x
            .dates
            .iter()
            .map(|d| PDate {
                span: m.span(d.span),
                kind: d.kind.as_str(),
                value: d.value.clone(),
                text: slice(d.span),
            })
            .collect(),
        events: x
            .events
            .iter()
            .map(|e| PEvent {
                trigger: m.span(e.trigger),
                kind: e.kind,
                actors: e.actors.iter().map(|a| a.name.clone()).collect(),
                text: slice(e.trigger),
            })
            .collect(),
    }
}

/// Run the pipeline over the gold documents; predictions in gold order, plus
/// the time spent per stage (summed over documents).
pub fn predict(set: &str, docs: &[GoldDoc], needs: Needs) -> anyhow::Result<(Vec<Pred>, Speed)> {
    let extractors = Extractors::new(&needs.config())?;
    let out: Vec<Option<(Pred, f64, f64, usize)>> = docs
        .par_iter()
        .map(|doc| {
            // A panicking extractor must not hide the other documents' scores:
            // the document scores as empty and the run reports it.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let article = article_for(set, doc);
                let t0 = Instant::now();
                let an = analyze::analyze(&article);
                let t1 = Instant::now();
                let x = extractors.extract(&an);
                let t2 = Instant::now();
                let pred = convert(&article.text, &x);
                (
                    pred,
                    (t1 - t0).as_secs_f64() * 1e3,
                    (t2 - t1).as_secs_f64() * 1e3,
                    article.n_words(),
                )
            }))
            .ok()
        })
        .collect();
    let mut speed = Speed {
        stages: needs.describe(),
        threads: rayon::current_num_threads(),
        ..Default::default()
    };
    let mut preds = Vec::with_capacity(out.len());
    for (doc, o) in docs.iter().zip(out) {
        match o {
            Some((p, a, e, w)) => {
                speed.analyze_ms += a;
                speed.extract_ms += e;
                speed.words += w;
                preds.push(p);
            }
            None => {
                speed.panicked.push(doc.doc_id.clone());
                preds.push(Pred::default());
            }
        }
    }
    Ok((preds, speed))
}

/// Predictions made from the gold itself: what a perfect extractor would
/// output (direct quotes without their quote marks, figures with the gold
/// value and unit). `--oracle` scores these to check the scorers: every
/// measure should come out at or near 1.
pub fn oracle(docs: &[GoldDoc]) -> Vec<Pred> {
    docs.iter().map(oracle_doc).collect()
}

fn oracle_doc(d: &GoldDoc) -> Pred {
    let meantime = d.entities.iter().any(|e| e.syntactic_type.is_some());
    let text = |s: (usize, usize)| super::metrics::cp_slice(&d.text, s).to_string();
    let strip = |s: (usize, usize)| -> (usize, usize) {
        let t = super::metrics::cp_slice(&d.text, s);
        let is_mark = |c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | ' ' | '\n');
        let lead = t.chars().take_while(|&c| is_mark(c)).count();
        let trail = t.chars().rev().take_while(|&c| is_mark(c)).count();
        let n = t.chars().count();
        if lead + trail >= n {
            s
        } else {
            (s.0 + lead, s.1 - trail)
        }
    };
    let entities = super::entities::gold_names(d, meantime)
        .into_iter()
        .map(|(span, kind, t)| PEntity { span, kind, text: t })
        .collect();
    let quotes = d
        .quotes
        .iter()
        .map(|q| {
            let frags: Vec<CpSpan> = if q.fragments.is_empty() {
                vec![(q.start, q.end)]
            } else {
                q.fragments.clone()
            };
            let fragments: Vec<CpSpan> = frags.into_iter().map(strip).collect();
            PQuote {
                span: (fragments[0].0, fragments[fragments.len() - 1].1),
                fragments,
                kind: if q.direct { "direct" } else { "indirect" },
                speaker: q.speaker.clone(),
                mention: q.speaker.clone(),
                mention_span: q.speaker_start.zip(q.speaker_end),
                cue: q.cue.clone(),
                text: q.text.clone(),
            }
        })
        .collect();
    let spec = d.spec.as_deref().unwrap_or("");
    let figures = d
        .figures
        .iter()
        .map(|f| {
            let v = f.value.as_ref().and_then(super::figures::parse_value);
            let (lo, hi) = v.map(|v| (v.lo, v.hi)).unwrap_or((None, None));
            let value = lo.or(hi).unwrap_or(f64::NAN);
            let value_max = match (lo, hi) {
                (Some(a), Some(b)) if !super::figures::close(a, b) => Some(b),
                _ => None,
            };
            let kind = match spec {
                "CurrencyModel" => "money",
                "PercentModel" => "percent",
                "DimensionModel" => "quantity",
                "TemperatureModel" => "temperature",
                "AgeModel" => "age",
                "OrdinalModel" => "ordinal",
                _ => "number",
            };
            PFigure {
                span: (f.start, f.end),
                value,
                value_max,
                unit: f.unit.clone(),
                kind,
                text: f.text.clone(),
            }
        })
        .collect();
    let dates = d
        .timexes
        .iter()
        .map(|t| PDate {
            span: (t.start, t.end),
            kind: super::dates::map_type(t.kind.as_deref()),
            value: t.value.clone().unwrap_or_default(),
            text: t.text.clone(),
        })
        .collect();
    let ents: std::collections::HashMap<&str, &str> = d
        .entities
        .iter()
        .filter_map(|e| Some((e.id.as_deref()?, e.text.as_str())))
        .collect();
    let events = d
        .events
        .iter()
        .map(|e| PEvent {
            trigger: (e.start, e.end),
            kind: "oracle",
            actors: d
                .participants
                .iter()
                .filter(|p| Some(p.event.as_str()) == e.id.as_deref())
                .filter_map(|p| ents.get(p.argument.as_str()).map(|s| s.to_string()))
                .collect(),
            text: text((e.start, e.end)),
        })
        .collect();
    Pred {
        entities,
        quotes,
        figures,
        dates,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_matches_the_json_reader_shape() {
        let doc = GoldDoc {
            doc_id: "d1".into(),
            text: "Headline here\n\n  Body “one”.  \nLast".into(),
            dct: Some("1998-08-07".into()),
            ..Default::default()
        };
        let a = article_for("set", &doc);
        assert_eq!(a.source_id, "d1");
        assert_eq!(a.published.unwrap().to_string(), "1998-08-07 00:00:00");
        assert_eq!(a.published_from, PublishedFrom::Metadata);
        let blocks: Vec<&str> = a.blocks.iter().map(|b| b.span.slice(&a.text)).collect();
        assert_eq!(blocks, vec!["Headline here", "Body “one”.", "Last"]);
        let none = article_for(
            "set",
            &GoldDoc {
                doc_id: "d2".into(),
                text: String::new(),
                dct: Some("garbage".into()),
                ..Default::default()
            },
        );
        assert!(none.published.is_none() && none.blocks.is_empty());
        assert_eq!(
            parse_dct("1998-12-05T09:42").unwrap().to_string(),
            "1998-12-05 09:42:00"
        );
        assert_eq!(
            parse_dct("2017-09-28T14:11:10.9626841").unwrap().to_string(),
            "2017-09-28 14:11:10.962684100"
        );
        assert_eq!(
            parse_dct("2016-11-07T16:12:00").unwrap().to_string(),
            "2016-11-07 16:12:00"
        );
    }

    #[test]
    fn needs_follow_extractor_inputs() {
        let n = Needs::for_task("figures");
        assert!(n.dates && n.figures && !n.entities);
        let n = Needs::for_task("quotes");
        assert!(n.entities && n.quotes && !n.dates);
        let n = Needs::for_task("events");
        assert!(n.entities && n.dates && n.quotes && n.events);
        assert_eq!(Needs::for_task("entities").describe(), "entities");
    }

    #[test]
    fn runs_on_empty_and_odd_text() {
        let docs = vec![
            GoldDoc {
                doc_id: "a".into(),
                text: String::new(),
                ..Default::default()
            },
            GoldDoc {
                doc_id: "b".into(),
                text: "“Unbalanced, he said.\n한국 — é".into(),
                ..Default::default()
            },
        ];
        let mut needs = Needs::for_task("events");
        needs.add_task("figures");
        let (preds, speed) = predict("t", &docs, needs).unwrap();
        assert_eq!(preds.len(), 2);
        assert_eq!(speed.words, 5);
    }
}
