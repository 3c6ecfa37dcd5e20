//! Entities extractor. Not implemented yet: the table is written empty with its full schema.

use super::Entity;
use crate::analyze::Analyzed;
use serde::Deserialize;

/// `[extract.entities]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EntitiesConfig {
    /// Run this extractor. Default: true.
    pub enabled: bool,
}

impl Default for EntitiesConfig {
    fn default() -> Self {
        EntitiesConfig { enabled: true }
    }
}

pub struct EntityExtractor {}

impl EntityExtractor {
    pub fn new(_cfg: &EntitiesConfig) -> anyhow::Result<Self> {
        Ok(EntityExtractor {})
    }

    pub fn extract(&self, _doc: &Analyzed) -> Vec<Entity> {
        Vec::new()
    }
}
