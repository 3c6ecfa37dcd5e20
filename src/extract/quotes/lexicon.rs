//! The cue lexicon: reporting verbs from `data/lexicons/reporting_verbs.txt`
//! and speaker head nouns from `data/lexicons/quote_speaker_nouns.txt`, both
//! compiled in and parsed once when the extractor is built.

use std::collections::{HashMap, HashSet};

const VERBS: &str = include_str!("../../../data/lexicons/reporting_verbs.txt");
const NOUNS: &str = include_str!("../../../data/lexicons/quote_speaker_nouns.txt");

/// What a reporting verb does with its content (see the data file's header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    Speech,
    Cognition,
    Object,
    Report,
}

#[derive(Debug, Clone)]
struct Entry {
    class: CueClass,
    /// Words after the first one ("out" in "point out"), lower case.
    tail: Vec<String>,
    /// The lemma, for "say"/"tell"-specific rules.
    lemma: String,
}

/// A cue found at a token: its class, how many tokens it covers, its lemma.
#[derive(Debug, Clone, Copy)]
pub struct CueHit<'a> {
    pub class: CueClass,
    pub len: usize,
    pub lemma: &'a str,
    /// The matched form is a present participle ("saying").
    pub participle: bool,
}

#[derive(Debug)]
pub struct Lexicon {
    /// Inflected first word → entries.
    verbs: HashMap<String, Vec<Entry>>,
    nouns: HashSet<String>,
}

fn regular_forms(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    let b = lemma.as_bytes();
    let last = *b.last().unwrap_or(&b'x');
    let before = if b.len() >= 2 { b[b.len() - 2] } else { b'x' };
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if last == b'e' {
        let stem = &lemma[..lemma.len() - 1];
        v.push(format!("{lemma}s"));
        v.push(format!("{lemma}d"));
        v.push(format!("{stem}ing"));
    } else if last == b'y' && !vowel(before) {
        let stem = &lemma[..lemma.len() - 1];
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
        v.push(format!("{lemma}ing"));
    } else if lemma.ends_with('s') || lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with('x') {
        v.push(format!("{lemma}es"));
        v.push(format!("{lemma}ed"));
        v.push(format!("{lemma}ing"));
    } else {
        v.push(format!("{lemma}s"));
        v.push(format!("{lemma}ed"));
        v.push(format!("{lemma}ing"));
    }
    v
}

impl Lexicon {
    pub fn load() -> anyhow::Result<Self> {
        Self::parse(VERBS, NOUNS)
    }

    pub fn parse(verbs_src: &str, nouns_src: &str) -> anyhow::Result<Self> {
        let mut verbs: HashMap<String, Vec<Entry>> = HashMap::new();
        for (ln, line) in verbs_src.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 2 {
                anyhow::bail!(
                    "data/lexicons/reporting_verbs.txt line {}: expected lemma and class",
                    ln + 1
                );
            }
            let class = match f[1] {
                "speech" => CueClass::Speech,
                "cognition" => CueClass::Cognition,
                "object" => CueClass::Object,
                "report" => CueClass::Report,
                c => anyhow::bail!(
                    "data/lexicons/reporting_verbs.txt line {}: unknown class {c:?}",
                    ln + 1
                ),
            };
            let words: Vec<&str> = f[0].split_whitespace().collect();
            let Some((first, tail)) = words.split_first() else {
                anyhow::bail!("data/lexicons/reporting_verbs.txt line {}: empty lemma", ln + 1);
            };
            let forms = match f.get(2) {
                Some(forms) if !forms.trim().is_empty() => {
                    forms.split(',').map(|s| s.trim().to_lowercase()).collect()
                }
                _ => regular_forms(&first.to_lowercase()),
            };
            for form in forms {
                verbs.entry(form).or_default().push(Entry {
                    class,
                    tail: tail.iter().map(|s| s.to_lowercase()).collect(),
                    lemma: f[0].to_string(),
                });
            }
        }
        // Longest entries first, so "call for" wins over "call".
        for v in verbs.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.tail.len()));
        }
        let nouns = nouns_src
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        Ok(Lexicon { verbs, nouns })
    }

    /// The cue starting at `lower[i]` (lower-cased tokens), if any.
    pub fn cue_at<'a>(&'a self, lower: &[String], i: usize) -> Option<CueHit<'a>> {
        let entries = self.verbs.get(lower[i].as_str())?;
        let participle = lower[i].ends_with("ing");
        for e in entries {
            let n = e.tail.len();
            if i + n < lower.len() && e.tail.iter().zip(&lower[i + 1..]).all(|(a, b)| a == b) {
                return Some(CueHit {
                    class: e.class,
                    len: n + 1,
                    lemma: &e.lemma,
                    participle,
                });
            }
        }
        None
    }

    /// Is this lower-case word the head of a speaker phrase ("officials")?
    pub fn is_speaker_noun(&self, lower: &str) -> bool {
        self.nouns.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_and_inflect() {
        let lx = Lexicon::load().unwrap();
        let low = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(lx.cue_at(&low("said"), 0).unwrap().class, CueClass::Speech);
        assert_eq!(lx.cue_at(&low("emphasized"), 0).unwrap().class, CueClass::Speech);
        assert_eq!(lx.cue_at(&low("believes"), 0).unwrap().class, CueClass::Cognition);
        assert!(lx.cue_at(&low("saying"), 0).unwrap().participle);
        let h = lx.cue_at(&low("pointed out that"), 0).unwrap();
        assert_eq!(h.len, 2);
        // "point" alone is no cue.
        assert!(lx.cue_at(&low("pointed at"), 0).is_none());
        assert!(lx.cue_at(&low("table"), 0).is_none());
        assert!(lx.is_speaker_noun("analysts"));
        assert!(!lx.is_speaker_noun("table"));
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(Lexicon::parse("say\tshout\n", "").is_err());
        assert!(Lexicon::parse("say\n", "").is_err());
        assert_eq!(regular_forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(regular_forms("note"), ["note", "notes", "noted", "noting"]);
        assert_eq!(
            regular_forms("stress"),
            ["stress", "stresses", "stressed", "stressing"]
        );
    }
}
