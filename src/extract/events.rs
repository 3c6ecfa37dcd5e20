//! Events extractor. Not implemented yet: the table is written empty with its full schema.

use super::{DateExpr, Entity, Event, Quote};
use crate::analyze::Analyzed;
use serde::Deserialize;

/// `[extract.events]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EventsConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
}

impl Default for EventsConfig {
    fn default() -> Self {
        EventsConfig { enabled: true }
    }
}

pub struct EventExtractor {}

impl EventExtractor {
    pub fn new(_cfg: &EventsConfig) -> anyhow::Result<Self> {
        Ok(EventExtractor {})
    }

    pub fn extract(
        &self,
        _doc: &Analyzed,
        _entities: &[Entity],
        _dates: &[DateExpr],
        _quotes: &[Quote],
    ) -> Vec<Event> {
        Vec::new()
    }
}
