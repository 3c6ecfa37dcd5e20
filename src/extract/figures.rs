//! Figures extractor. Not implemented yet: the table is written empty with its full schema.

use super::{DateExpr, Figure};
use crate::analyze::Analyzed;
use serde::Deserialize;

/// `[extract.figures]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FiguresConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
}

impl Default for FiguresConfig {
    fn default() -> Self {
        FiguresConfig { enabled: true }
    }
}

pub struct FigureExtractor {}

impl FigureExtractor {
    pub fn new(_cfg: &FiguresConfig) -> anyhow::Result<Self> {
        Ok(FigureExtractor {})
    }

    pub fn extract(&self, _doc: &Analyzed, _dates: &[DateExpr]) -> Vec<Figure> {
        Vec::new()
    }
}
