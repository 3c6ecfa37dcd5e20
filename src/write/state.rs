//! Incremental state: what every input file looked like when it was last
//! processed, so a nightly run can skip unchanged files and replace the rows
//! of changed ones. Kept in `output/_state/files.json`, replaced atomically at
//! commit together with the parts it describes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub const STATE_FILE: &str = "_state/files.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    pub size: u64,
    pub mtime_ns: i128,
    /// blake3 of the raw bytes as read.
    pub hash: String,
    /// The run whose parts hold this file's rows.
    pub run_id: String,
    pub articles: u64,
    pub rejects: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub files: BTreeMap<String, FileState>,
}

impl State {
    pub fn load(output: &Path) -> anyhow::Result<State> {
        let path = output.join(STATE_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                anyhow::anyhow!(
                    "corrupt state file {}: {e} (run with --full to rebuild)",
                    path.display()
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(anyhow::anyhow!("cannot read {}: {e}", path.display())),
        }
    }
}
