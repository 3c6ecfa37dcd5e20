//! The trigger lexicon (data/lexicons/event_triggers.tsv): verbs and event nouns
//! mapped to taxonomy types, expanded at start-up into every inflected form and
//! indexed by first word.

use super::taxonomy;
use std::collections::HashMap;

const TRIGGERS_TSV: &str = include_str!("../../../data/lexicons/event_triggers.tsv");

/// Grammatical form of a matched trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Verb base form ("meet").
    Base,
    /// Third person singular present ("meets").
    S,
    /// Past tense or participle ("met", "agreed").
    Past,
    /// Gerund or present participle ("meeting").
    Ing,
    /// Event noun ("talks", "summit").
    Noun,
}

/// One inflected lexicon entry, keyed by its first word.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Words after the first, lower-cased ("hands" in "shaking hands").
    pub rest: Vec<String>,
    pub form: Form,
    /// Taxonomy id.
    pub kind: &'static str,
    /// Lemma as written in the lexicon ("shake hands").
    pub lemma: &'static str,
    /// One of these must occur in the next 6 tokens (empty: no condition).
    pub need: Vec<&'static str>,
    /// None of these may occur in the next 3 tokens.
    pub forbid: Vec<&'static str>,
}

pub struct Lexicon {
    pub by_first: HashMap<String, Vec<Entry>>,
    /// Verbs of type `other` (occurrences outside the taxonomy), kept apart so that
    /// they neither shadow typed triggers nor change the noun-phrase rules that ask
    /// whether a word is a trigger.
    pub occ_by_first: HashMap<String, Vec<Entry>>,
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2] as char)
}

pub fn third_person(w: &str) -> String {
    if ends_consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with('s')
        || w.ends_with("sh")
        || w.ends_with("ch")
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with('o')
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

pub fn past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if ends_consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else {
        format!("{w}ed")
    }
}

pub fn gerund(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e')
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
        && w.len() > 2
    {
        format!("{}ing", &w[..w.len() - 1])
    } else {
        format!("{w}ing")
    }
}

fn plural(w: &str) -> String {
    if w.ends_with('o') {
        format!("{w}s")
    } else {
        third_person(w)
    }
}

impl Lexicon {
    pub fn load() -> anyhow::Result<Self> {
        Self::parse(TRIGGERS_TSV)
    }

    pub fn parse(src: &'static str) -> anyhow::Result<Self> {
        let mut by_first: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut occ_by_first: HashMap<String, Vec<Entry>> = HashMap::new();
        for (n, line) in src.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 3 {
                anyhow::bail!("event_triggers.tsv line {}: expected lemma, pos, type", n + 1);
            }
            let (lemma, pos, kind) = (f[0], f[1], f[2]);
            let kind = taxonomy::by_id(kind)
                .ok_or_else(|| anyhow::anyhow!("event_triggers.tsv line {}: unknown type {kind}", n + 1))?
                .id;
            let extra: Vec<&str> = f
                .get(3)
                .map(|s| s.split(',').filter(|x| !x.is_empty()).collect())
                .unwrap_or_default();
            let mut need = Vec::new();
            let mut forbid = Vec::new();
            for w in f
                .get(4)
                .map(|s| s.split(','))
                .into_iter()
                .flatten()
                .filter(|x| !x.is_empty())
            {
                match w.strip_prefix('!') {
                    Some(x) => forbid.push(x),
                    None => need.push(w),
                }
            }
            let words: Vec<&str> = lemma.split(' ').collect();
            let mut forms: Vec<(String, Vec<String>, Form)> = Vec::new();
            let tail: Vec<String> = words[1..].iter().map(|w| w.to_string()).collect();
            let verb_forms = |forms: &mut Vec<(String, Vec<String>, Form)>, regular: bool| {
                let head = words[0];
                if regular {
                    forms.push((head.to_string(), tail.clone(), Form::Base));
                    forms.push((third_person(head), tail.clone(), Form::S));
                    forms.push((past(head), tail.clone(), Form::Past));
                    forms.push((gerund(head), tail.clone(), Form::Ing));
                }
                for x in &extra {
                    // `other` verbs list every form: tell base and third person from the past
                    let form = if x.ends_with("ing") {
                        Form::Ing
                    } else if kind == "other" && *x == head {
                        Form::Base
                    } else if kind == "other" && *x == third_person(head) {
                        Form::S
                    } else {
                        Form::Past
                    };
                    forms.push((x.to_string(), tail.clone(), form));
                }
            };
            match pos {
                "v" => verb_forms(&mut forms, true),
                "x" => verb_forms(&mut forms, false),
                "n" | "vn" => {
                    if pos == "vn" {
                        verb_forms(&mut forms, true);
                    }
                    let mut nouns = vec![lemma.to_string()];
                    if pos == "n" && !extra.is_empty() {
                        nouns.extend(extra.iter().map(|x| x.to_string()));
                    } else {
                        let last = words[words.len() - 1];
                        let head: Vec<&str> = words[..words.len() - 1].to_vec();
                        let mut p = head.join(" ");
                        if !p.is_empty() {
                            p.push(' ');
                        }
                        p.push_str(&plural(last));
                        nouns.push(p);
                    }
                    for nn in nouns {
                        let ws: Vec<String> = nn.split(' ').map(|w| w.to_string()).collect();
                        forms.push((ws[0].clone(), ws[1..].to_vec(), Form::Noun));
                    }
                }
                other => anyhow::bail!("event_triggers.tsv line {}: unknown pos {other}", n + 1),
            }
            for (first, rest, form) in forms {
                let map = if kind == "other" {
                    &mut occ_by_first
                } else {
                    &mut by_first
                };
                let list = map.entry(first).or_default();
                if list
                    .iter()
                    .any(|e| e.rest == rest && e.form == form && e.kind == kind)
                {
                    continue;
                }
                list.push(Entry {
                    rest,
                    form,
                    kind,
                    lemma,
                    need: need.clone(),
                    forbid: forbid.clone(),
                });
            }
        }
        Ok(Lexicon {
            by_first,
            occ_by_first,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(third_person("pledge"), "pledges");
        assert_eq!(third_person("deny"), "denies");
        assert_eq!(third_person("discuss"), "discusses");
        assert_eq!(past("agree"), "agreed");
        assert_eq!(past("deny"), "denied");
        assert_eq!(past("launch"), "launched");
        assert_eq!(gerund("shake"), "shaking");
        assert_eq!(gerund("agree"), "agreeing");
        assert_eq!(gerund("meet"), "meeting");
    }

    #[test]
    fn lexicon_loads_with_forms() {
        let lx = Lexicon::load().unwrap();
        let shaking = &lx.by_first["shaking"];
        assert!(shaking
            .iter()
            .any(|e| e.rest == ["hands"] && e.kind == "consult" && e.form == Form::Ing));
        assert!(lx.by_first["met"].iter().any(|e| e.kind == "consult"));
        assert!(lx.by_first["talks"].iter().any(|e| e.form == Form::Noun));
        assert!(lx.by_first["press"].iter().any(|e| e.rest == ["conferences"]));
        assert!(lx.by_first["lifting"]
            .iter()
            .any(|e| e.kind == "yield" && !e.need.is_empty()));
        // reporting verbs are statements (kept only with a speaker, see mod.rs)
        assert!(lx.by_first["said"].iter().any(|e| e.kind == "statement"));
        // occurrence verbs sit in their own index, with base and -s forms told apart
        assert!(!lx.by_first.contains_key("built"));
        assert!(lx.occ_by_first["built"].iter().any(|e| e.kind == "other"));
        assert!(lx.occ_by_first["makes"].iter().any(|e| e.form == Form::S));
        assert!(lx.occ_by_first["make"].iter().any(|e| e.form == Form::Base));
        assert!(lx.occ_by_first["made"].iter().any(|e| e.form == Form::Past));
    }
}
