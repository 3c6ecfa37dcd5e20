//! `pipeline.toml`: one serde struct per section, parsed and validated once.
//!
//! Every field has a documented default, so an empty file (or no file at all)
//! is a valid configuration. Unknown keys are an error naming the key and line.
//! Settings that change what lands in `output/` live here; settings that only
//! change speed or noise (threads, progress, verbosity) are CLI flags.

use crate::extract::ExtractConfig;
use crate::read::{CsvConfig, JsonConfig};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `[input]`: where articles come from and how they are read.
    pub input: InputConfig,
    /// `[analyze]`: the shared linguistic layer.
    pub analyze: AnalyzeConfig,
    /// `[extract.*]`: one section per extractor.
    pub extract: ExtractConfig,
    /// `[output]`: where and how the tables are written.
    pub output: OutputConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InputConfig {
    /// Folders (or single files) to read, relative to the config file's folder.
    /// Default: ["input"].
    pub paths: Vec<PathBuf>,
    /// Files larger than this (bytes, on disk) are rejected unread. Default: 64 MiB.
    pub max_file_bytes: u64,
    /// Decompressed size cap for `.gz`/`.zst` (bytes); a file that inflates past
    /// it is rejected as a decompression bomb. Default: 256 MiB.
    pub max_decompressed_bytes: u64,
    /// Read files and folders whose name starts with a dot. Default: false.
    pub hidden: bool,
    /// Follow symbolic links. Default: false.
    pub follow_links: bool,
    /// `[input.json]`: field mapping for `.json`/`.jsonl`/`.ndjson`.
    pub json: JsonConfig,
    /// `[input.csv]`: field mapping and dialect for `.csv`.
    pub csv: CsvConfig,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            paths: vec![PathBuf::from("input")],
            max_file_bytes: 64 << 20,
            max_decompressed_bytes: 256 << 20,
            hidden: false,
            follow_links: false,
            json: JsonConfig::default(),
            csv: CsvConfig::default(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnalyzeConfig {
    /// Detect each article's language (ISO 639-1 into `articles.language`).
    /// Default: true.
    pub detect_language: bool,
}

impl Default for AnalyzeConfig {
    fn default() -> Self {
        AnalyzeConfig {
            detect_language: true,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    /// Output folder, relative to the config file's folder. Default: "output".
    pub dir: PathBuf,
    /// Rows per Parquet row group. Default: 65536.
    pub row_group_rows: usize,
    /// ZSTD compression level (1-22). Default: 3.
    pub zstd_level: i32,
    /// Articles per chunk: the unit of parallel work and of memory. Default: 256.
    pub chunk_articles: usize,
    /// Skip input files already processed unchanged by an earlier run (state in
    /// `output/_state/`). `run --full` overrides it for one run. Default: true.
    pub incremental: bool,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            dir: PathBuf::from("output"),
            row_group_rows: 65536,
            zstd_level: 3,
            chunk_articles: 256,
            incremental: true,
        }
    }
}

/// A config error: names the file and, for a bad key, the key and line.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("invalid config {path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

impl Config {
    /// Load and validate a config file; relative paths in it are resolved
    /// against the file's folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut cfg = Config::parse(&text).map_err(|message| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        })?;
        let base = path.parent().unwrap_or(Path::new(""));
        for p in cfg.input.paths.iter_mut() {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        if cfg.output.dir.is_relative() {
            cfg.output.dir = base.join(&cfg.output.dir);
        }
        Ok(cfg)
    }

    /// Parse and validate config text. The error message names the key and line.
    pub fn parse(text: &str) -> Result<Config, String> {
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
            let msg = e.message().trim().to_string();
            match line {
                Some(l) => format!("line {l}: {msg}"),
                None => msg,
            }
        })?;
        cfg.validate()?;
        Ok(cfg)
    }

    fn validate(&self) -> Result<(), String> {
        if self.output.row_group_rows == 0 {
            return Err("output.row_group_rows must be at least 1".into());
        }
        if !(1..=22).contains(&self.output.zstd_level) {
            return Err("output.zstd_level must be between 1 and 22".into());
        }
        if self.output.chunk_articles == 0 {
            return Err("output.chunk_articles must be at least 1".into());
        }
        if self.input.csv.delimiter.len() != 1 {
            return Err("input.csv.delimiter must be a single ASCII character".into());
        }
        Ok(())
    }

    /// Stable hash of the effective configuration (for the run manifest).
    pub fn hash(&self) -> String {
        blake3::hash(format!("{self:?}").as_bytes()).to_hex()[..16].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_pipeline_toml_parses() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("pipeline.toml");
        let cfg = Config::load(&path).expect("shipped pipeline.toml must parse");
        assert!(cfg.input.paths[0].ends_with("input"));
        assert!(cfg.output.dir.ends_with("output"));
    }

    #[test]
    fn empty_config_is_all_defaults() {
        let cfg = Config::parse("").unwrap();
        assert_eq!(cfg.output.row_group_rows, 65536);
        assert!(cfg.extract.entities.enabled);
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let err = Config::parse("[input]\nmax_file_bytes = 10\nbogus_key = 1\n").unwrap_err();
        assert!(err.contains("bogus_key"), "{err}");
        assert!(err.contains("line 3"), "{err}");
        let err = Config::parse("[extract.quotes]\nenabeld = false\n").unwrap_err();
        assert!(err.contains("enabeld"), "{err}");
    }

    #[test]
    fn bad_values_are_rejected() {
        assert!(Config::parse("[output]\nzstd_level = 99\n")
            .unwrap_err()
            .contains("zstd_level"));
        assert!(Config::parse("[output]\nrow_group_rows = \"many\"\n").is_err());
    }
}
