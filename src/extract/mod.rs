//! Extract: the extractors, built once from config and run per analyzed article
//! in a fixed order — entities → dates → figures → quotes → events — so that
//! later extractors can read earlier results (quotes need speakers, events need
//! actors and dates). Extractors are `Sync` and never do I/O.
//!
//! Every row type here holds byte spans into `Article::text`; the writer turns
//! them into code-point offsets and slices the `text` columns from the article,
//! so a row's text always matches its span.

pub mod dates;
pub mod entities;
pub mod events;
pub mod figures;
pub mod quotes;

use crate::analyze::Analyzed;
use crate::article::Span;
use chrono::NaiveDate;
use serde::Deserialize;

/// `[extract]` section: one sub-table per extractor.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExtractConfig {
    /// `[extract.entities]`
    pub entities: entities::EntitiesConfig,
    /// `[extract.dates]`
    pub dates: dates::DatesConfig,
    /// `[extract.figures]`
    pub figures: figures::FiguresConfig,
    /// `[extract.quotes]`
    pub quotes: quotes::QuotesConfig,
    /// `[extract.events]`
    pub events: events::EventsConfig,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    Person,
    Org,
    Location,
    Misc,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Location => "LOCATION",
            EntityType::Misc => "MISC",
        }
    }
}

/// One named-entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityType,
    /// Finer type when known ("country", "city", "company", "demonym", ...).
    pub subtype: Option<String>,
    /// The article's fullest name for this entity ("Trump" → "Donald Trump").
    pub canonical: String,
    /// Normalised key comparable across articles (case, hyphens, diacritics folded).
    pub entity_key: String,
    /// Title or appositive stated with the mention ("Defense Minister").
    pub role: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The content: for a quote interrupted by its cue, from the first
    /// fragment's start to the last fragment's end.
    pub span: Span,
    /// The content pieces without quote marks (one for an uninterrupted quote).
    pub fragments: Vec<Span>,
    pub kind: QuoteKind,
    /// Canonical name, or the group as written; None if unknown.
    pub speaker: Option<String>,
    /// The mention as written near the quote (pronouns included).
    pub speaker_span: Option<Span>,
    pub speaker_role: Option<String>,
    /// The reporting verb or phrase.
    pub cue_span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    Exact,
    About,
    MoreThan,
    LessThan,
    UpTo,
}

impl Approx {
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Exact => "exact",
            Approx::About => "about",
            Approx::MoreThan => "more_than",
            Approx::LessThan => "less_than",
            Approx::UpTo => "up_to",
        }
    }
}

/// One number that means something.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub span: Span,
    pub value: f64,
    pub value_max: Option<f64>,
    /// ISO 4217 code, "percent", "percentage_point", an SI-style unit name, or the counted noun.
    pub unit: Option<String>,
    /// "money", "percent", "quantity", "count", "number", ...
    pub kind: &'static str,
    pub approx: Approx,
    /// What is measured ("active-duty troops", "gross domestic product").
    pub object: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One time expression, normalised to a TIMEX3 value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateExpr {
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: "2025-10-29", "2025-11", "P5Y", "XXXX-XX-XX"...
    pub value: String,
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    /// The date relative expressions were resolved against.
    pub anchor: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    Asserted,
    Planned,
    Hypothetical,
    Reported,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Reported => "reported",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Canonical entity name (or the noun phrase as written when no entity matches).
    pub name: String,
    /// "agent", "patient", "recipient".
    pub role: &'static str,
}

/// One reported event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The clause or sentence.
    pub span: Span,
    pub trigger: Span,
    /// From the documented closed taxonomy in `events.rs`.
    pub kind: &'static str,
    pub actors: Vec<Actor>,
    pub place: Option<String>,
    pub date_value: Option<String>,
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub negated: bool,
    pub modality: Modality,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Extractions {
    pub entities: Vec<Entity>,
    pub dates: Vec<DateExpr>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
}

/// The extractor set, built once from config.
pub struct Extractors {
    entities: Option<entities::EntityExtractor>,
    dates: Option<dates::DateExtractor>,
    figures: Option<figures::FigureExtractor>,
    quotes: Option<quotes::QuoteExtractor>,
    events: Option<events::EventExtractor>,
}

impl Extractors {
    pub fn new(cfg: &ExtractConfig) -> anyhow::Result<Self> {
        Ok(Extractors {
            entities: cfg
                .entities
                .enabled
                .then(|| entities::EntityExtractor::new(&cfg.entities))
                .transpose()?,
            dates: cfg
                .dates
                .enabled
                .then(|| dates::DateExtractor::new(&cfg.dates))
                .transpose()?,
            figures: cfg
                .figures
                .enabled
                .then(|| figures::FigureExtractor::new(&cfg.figures))
                .transpose()?,
            quotes: cfg
                .quotes
                .enabled
                .then(|| quotes::QuoteExtractor::new(&cfg.quotes))
                .transpose()?,
            events: cfg
                .events
                .enabled
                .then(|| events::EventExtractor::new(&cfg.events))
                .transpose()?,
        })
    }

    /// Run every enabled extractor over one analyzed article, in order.
    pub fn extract(&self, doc: &Analyzed) -> Extractions {
        self.extract_timed(doc, &mut StageNanos::default())
    }

    /// As [`Extractors::extract`], adding each extractor's time to `clock`.
    pub fn extract_timed(&self, doc: &Analyzed, clock: &mut StageNanos) -> Extractions {
        let mut x = Extractions::default();
        let mut t = std::time::Instant::now();
        let mut lap = |slot: &mut u64| {
            let now = std::time::Instant::now();
            *slot += (now - t).as_nanos() as u64;
            t = now;
        };
        if let Some(e) = &self.entities {
            x.entities = e.extract(doc);
            lap(&mut clock.entities);
        }
        if let Some(e) = &self.dates {
            x.dates = e.extract(doc);
            lap(&mut clock.dates);
        }
        if let Some(e) = &self.figures {
            x.figures = e.extract(doc, &x.dates);
            lap(&mut clock.figures);
        }
        if let Some(e) = &self.quotes {
            x.quotes = e.extract(doc, &x.entities);
            lap(&mut clock.quotes);
        }
        if let Some(e) = &self.events {
            x.events = e.extract(doc, &x.entities, &x.dates, &x.quotes);
            lap(&mut clock.events);
        }
        x
    }
}

/// Time spent in each extractor, nanoseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageNanos {
    pub entities: u64,
    pub dates: u64,
    pub figures: u64,
    pub quotes: u64,
    pub events: u64,
}

impl StageNanos {
    pub fn add(&mut self, o: &StageNanos) {
        self.entities += o.entities;
        self.dates += o.dates;
        self.figures += o.figures;
        self.quotes += o.quotes;
        self.events += o.events;
    }

    /// (name, nanoseconds) per extractor, in run order.
    pub fn named(&self) -> [(&'static str, u64); 5] {
        [
            ("entities", self.entities),
            ("dates", self.dates),
            ("figures", self.figures),
            ("quotes", self.quotes),
            ("events", self.events),
        ]
    }
}
