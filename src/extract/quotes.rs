//! Quotes extractor. Not implemented yet: the table is written empty with its full schema.

use super::{Entity, Quote};
use crate::analyze::Analyzed;
use serde::Deserialize;

/// `[extract.quotes]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuotesConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig { enabled: true }
    }
}

pub struct QuoteExtractor {}

impl QuoteExtractor {
    pub fn new(_cfg: &QuotesConfig) -> anyhow::Result<Self> {
        Ok(QuoteExtractor {})
    }

    pub fn extract(&self, _doc: &Analyzed, _entities: &[Entity]) -> Vec<Quote> {
        Vec::new()
    }
}
