//! The floors file: one number per set, task and measure, below which CI fails.
//!
//! ```toml
//! [conll2003_train.entities]
//! "strict/PER+ORG+LOC/f1" = 0.88
//! ```
//!
//! Floors only move up: `--raise-floors` lifts each one to just under the
//! current score (the score less 0.005, rounded down to 3 decimals) and never
//! lowers one. A commit that lowers a floor by hand says why.

use super::report::TaskReport;
use anyhow::Context;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// set → task → metric key → floor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Floors {
    pub sets: BTreeMap<String, BTreeMap<String, BTreeMap<String, f64>>>,
}

const HEADER: &str = "\
# Accuracy floors for `newsetl eval` (one number per set, task and measure).
# CI runs `newsetl eval --all --floors eval/floors.toml --check-floors` and fails
# when a score falls below its floor. Floors only move up: after an improvement,
# `newsetl eval --all --floors eval/floors.toml --raise-floors` lifts each floor
# to just under the current score. A commit that lowers a floor says why.
# Keys are `<table>/<row>/<p|r|f1>` or a scalar's key, as printed by `newsetl eval`.
";

/// One checked floor.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub set: String,
    pub task: String,
    pub key: String,
    pub floor: f64,
    /// None when the run produced no such measure (a typo in the floors file).
    pub value: Option<f64>,
}

impl Checked {
    pub fn ok(&self) -> bool {
        self.value.is_some_and(|v| v + 1e-9 >= self.floor)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Check {
    pub items: Vec<Checked>,
}

impl Check {
    pub fn ok(&self) -> bool {
        self.items.iter().all(|c| c.ok())
    }
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let failed: Vec<&Checked> = self.items.iter().filter(|c| !c.ok()).collect();
        let _ = writeln!(
            s,
            "floors: {} checked, {} below floor",
            self.items.len(),
            failed.len()
        );
        for c in failed {
            match c.value {
                Some(v) => {
                    let _ = writeln!(
                        s,
                        "  BELOW FLOOR {}.{} {}: {:.4} < {:.4}",
                        c.set, c.task, c.key, v, c.floor
                    );
                }
                None => {
                    let _ = writeln!(
                        s,
                        "  NO SUCH MEASURE {}.{} {} (floor {:.4})",
                        c.set, c.task, c.key, c.floor
                    );
                }
            }
        }
        s
    }
}

impl Floors {
    pub fn parse(raw: &str) -> anyhow::Result<Self> {
        let sets: BTreeMap<String, BTreeMap<String, BTreeMap<String, f64>>> = toml::from_str(raw)?;
        Ok(Floors { sets })
    }

    /// Load a floors file; a missing file is an empty set of floors.
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        match std::fs::read_to_string(path) {
            Ok(raw) => Floors::parse(&raw).with_context(|| format!("in floors file {}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Floors::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    pub fn to_toml(&self) -> String {
        let mut s = String::from(HEADER);
        for (set, tasks) in &self.sets {
            for (task, keys) in tasks {
                let _ = writeln!(s, "\n[{set}.{task}]");
                for (k, v) in keys {
                    let _ = writeln!(s, "{:?} = {:.3}", k, v);
                }
            }
        }
        s
    }

    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        std::fs::write(path, self.to_toml()).with_context(|| format!("cannot write {}", path.display()))
    }

    /// Check the floors of the sets that were run (tasks not run are skipped).
    pub fn check(&self, reports: &[TaskReport], sets_run: &[&str]) -> Check {
        let mut items = Vec::new();
        for (set, tasks) in &self.sets {
            if !sets_run.contains(&set.as_str()) {
                continue;
            }
            for (task, keys) in tasks {
                let Some(r) = reports.iter().find(|r| &r.set == set && &r.task == task) else {
                    continue;
                };
                for (k, &floor) in keys {
                    items.push(Checked {
                        set: set.clone(),
                        task: task.clone(),
                        key: k.clone(),
                        floor,
                        value: r.metric(k),
                    });
                }
            }
        }
        Check { items }
    }

    /// Each floor lifted to just under the current score; never lowered.
    pub fn raised(&self, reports: &[TaskReport]) -> Floors {
        let mut out = self.clone();
        for (set, tasks) in out.sets.iter_mut() {
            for (task, keys) in tasks.iter_mut() {
                let Some(r) = reports.iter().find(|r| &r.set == set && &r.task == task) else {
                    continue;
                };
                for (k, floor) in keys.iter_mut() {
                    if let Some(v) = r.metric(k) {
                        let candidate = ((v - 0.005) * 1000.0).floor() / 1000.0;
                        if candidate > *floor {
                            *floor = candidate;
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::metrics::Prf;
    use crate::eval::report::Table;

    fn report(f1_hits: usize) -> TaskReport {
        let mut r = TaskReport::new("finer_ord", "entities");
        let mut t = Table::new("strict", "s");
        t.row("PER+ORG+LOC", Prf::new(10, 10, f1_hits, f1_hits));
        r.tables.push(t);
        r
    }

    #[test]
    fn check_raise_and_round_trip() {
        let fl = Floors::parse(
            "[finer_ord.entities]\n\"strict/PER+ORG+LOC/f1\" = 0.5\n\"strict/TYPO/f1\" = 0\n[other.quotes]\n\"x\" = 0.9\n",
        )
        .unwrap();
        let c = fl.check(&[report(6)], &["finer_ord"]);
        assert_eq!(c.items.len(), 2);
        assert!(c.items[0].ok() || c.items[1].ok());
        assert!(!c.ok(), "the typo must fail");
        assert!(c.to_text().contains("NO SUCH MEASURE"));
        let fl = Floors::parse("[finer_ord.entities]\n\"strict/PER+ORG+LOC/f1\" = 0.5\n").unwrap();
        assert!(fl.check(&[report(6)], &["finer_ord"]).ok());
        assert!(!fl.check(&[report(4)], &["finer_ord"]).ok());
        // Sets not run are not checked.
        assert!(fl.check(&[], &[]).ok());
        // Raise: 0.6 → 0.595; never lower.
        let up = fl.raised(&[report(6)]);
        assert_eq!(up.sets["finer_ord"]["entities"]["strict/PER+ORG+LOC/f1"], 0.595);
        let same = up.raised(&[report(2)]);
        assert_eq!(same, up);
        assert_eq!(Floors::parse(&up.to_toml()).unwrap(), up);
    }
}
