//! Discover: walk the input paths and return every readable file, sorted by its
//! `source_path`, so runs are deterministic. Files whose extension no reader
//! takes are counted as skipped; unreadable folders become rejects.

use crate::article::Reject;
use crate::config::InputConfig;
use crate::read::{classify, InputFile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<InputFile>,
    /// Files no reader takes (by extension), relative paths.
    pub skipped: Vec<String>,
    pub rejects: Vec<Reject>,
}

/// Walk every input path. With more than one path, each file's `source_path`
/// is prefixed with its root's folder name, keeping paths distinct.
pub fn discover(paths: &[PathBuf], cfg: &InputConfig) -> Result<Discovered, String> {
    let mut out = Discovered::default();
    let mut seen = BTreeMap::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| format!("input {}: {e}", root.display()))?;
        let prefix = if paths.len() > 1 {
            root.file_name()
                .map(|n| format!("{}/", n.to_string_lossy()))
                .unwrap_or_default()
        } else {
            String::new()
        };
        if meta.is_file() {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            add(&mut out, &mut seen, root, format!("{prefix}{name}"));
        } else {
            walk(root, root, &prefix, cfg, &mut out, &mut seen);
        }
    }
    out.files = seen.into_values().collect();
    out.skipped.sort();
    Ok(out)
}

fn add(out: &mut Discovered, seen: &mut BTreeMap<String, InputFile>, path: &Path, rel: String) {
    let name = rel.rsplit('/').next().unwrap_or(&rel);
    let Some((format, compression)) = classify(name) else {
        out.skipped.push(rel);
        return;
    };
    match std::fs::metadata(path) {
        Ok(m) => {
            let mtime_ns = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_nanos() as i128)
                .unwrap_or(0);
            let file = InputFile {
                path: path.to_path_buf(),
                rel: rel.clone(),
                size: m.len(),
                mtime_ns,
                format,
                compression,
            };
            seen.insert(rel, file);
        }
        Err(e) => out.rejects.push(Reject {
            source_path: rel,
            source_id: None,
            stage: "discover",
            reason: format!("cannot stat: {e}"),
        }),
    }
}

fn walk(
    root: &Path,
    dir: &Path,
    prefix: &str,
    cfg: &InputConfig,
    out: &mut Discovered,
    seen: &mut BTreeMap<String, InputFile>,
) {
    let rel_of = |p: &Path| {
        let rel = p.strip_prefix(root).unwrap_or(p);
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        format!("{prefix}{}", parts.join("/"))
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.rejects.push(Reject {
                source_path: rel_of(dir),
                source_id: None,
                stage: "discover",
                reason: format!("cannot list folder: {e}"),
            });
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !cfg.hidden && name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        let (is_dir, is_file) = if ft.is_symlink() {
            if !cfg.follow_links {
                continue;
            }
            match std::fs::metadata(&path) {
                Ok(m) => (m.is_dir(), m.is_file()),
                Err(_) => continue,
            }
        } else {
            (ft.is_dir(), ft.is_file())
        };
        if is_dir {
            walk(root, &path, prefix, cfg, out, seen);
        } else if is_file {
            add(out, seen, &path, rel_of(&path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_skips_hidden_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("b/c")).unwrap();
        std::fs::write(d.join("b/c/z.txt"), "x").unwrap();
        std::fs::write(d.join("a.json.gz"), "x").unwrap();
        std::fs::write(d.join(".hidden.txt"), "x").unwrap();
        std::fs::write(d.join("notes.pdf"), "x").unwrap();
        let got = discover(&[d.to_path_buf()], &InputConfig::default()).unwrap();
        let rels: Vec<_> = got.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["a.json.gz", "b/c/z.txt"]);
        assert_eq!(got.skipped, ["notes.pdf"]);
        assert!(discover(&[d.join("missing")], &InputConfig::default()).is_err());
    }
}
