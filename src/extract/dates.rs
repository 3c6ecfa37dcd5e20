//! Dates extractor. Not implemented yet: the table is written empty with its full schema.

use super::DateExpr;
use crate::analyze::Analyzed;
use serde::Deserialize;

/// `[extract.dates]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatesConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
}

impl Default for DatesConfig {
    fn default() -> Self {
        DatesConfig { enabled: true }
    }
}

pub struct DateExtractor {}

impl DateExtractor {
    pub fn new(_cfg: &DatesConfig) -> anyhow::Result<Self> {
        Ok(DateExtractor {})
    }

    pub fn extract(&self, _doc: &Analyzed) -> Vec<DateExpr> {
        Vec::new()
    }
}
