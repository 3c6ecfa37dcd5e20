//! Entity keys and in-article canonical names.
//!
//! **Key rule** (`entity_key`, comparable across articles): NFKD, combining
//! marks dropped (diacritics folded), lower-cased, dots and apostrophes
//! removed ("U.S." → "us", "O'Brien" → "obrien"), hyphens, slashes and runs of
//! whitespace → one space, a leading "the " dropped. A name the place
//! gazetteer (`data/lexicons/entity_places.tsv`) knows is keyed by its line's
//! canonical name, so "U.S.", "US", "America" and "the United States" all key
//! as "united states". Demonyms key as written ("south korean").
//!
//! **Canonical** (within one article): mentions of one type with the same key
//! are one entity; a PERSON mention whose key words open or close a longer
//! PERSON name of the article ("Trump" in "Donald Trump", "Lee" in "Lee
//! Jae-myung") joins the nearest preceding such name (else the first). The
//! canonical is the entity's fullest form: most key words, then most
//! characters, then first seen;
//! its key is the entity_key of every mention.

use super::lexicon::{phrase_key, Lexicon};
use unicode_normalization::UnicodeNormalization;

/// Fold a name to its key words (see the module doc), without the gazetteer.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) || matches!(c, '.' | '\'' | '’' | '‘' | '`')
        {
            continue;
        }
        if c.is_alphanumeric() || c == '&' {
            for l in c.to_lowercase() {
                out.push(l);
            }
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    match out.strip_prefix("the ") {
        Some(r) => r.to_string(),
        None => out,
    }
}

/// The entity_key of a name as written: the gazetteer's canonical for known
/// places (not demonyms), else [`fold`]. Also returns the place kind.
pub fn key(lex: &Lexicon, surface: &str) -> (String, Option<&'static str>) {
    key_with_phrase(lex, surface, &phrase_key(surface))
}

/// As [`key`], with the surface's phrase key (token norms joined by spaces)
/// already at hand.
pub fn key_with_phrase(lex: &Lexicon, surface: &str, pk: &str) -> (String, Option<&'static str>) {
    let pk = pk.strip_prefix("the ").unwrap_or(pk);
    if let Some(p) = lex.place(pk) {
        if p.kind != "demonym" {
            return (fold(&p.canonical), Some(p.kind));
        }
        return (fold(surface), Some("demonym"));
    }
    (fold(surface), None)
}

/// One mention's input to clustering.
pub struct NameIn<'a> {
    pub ty: usize,
    pub surface: &'a str,
    pub key: String,
}

/// Canonical surface and key per mention (same order as `ms`).
pub fn canonicalise(ms: &[NameIn]) -> Vec<(String, String)> {
    // Cluster id per mention; cluster = (type, key words, best surface, best word count).
    struct Cl<'a> {
        ty: usize,
        words: Vec<&'a str>,
        surface: &'a str,
        pos: usize,
    }
    let mut clusters: Vec<Cl> = Vec::new();
    let mut of: Vec<usize> = vec![usize::MAX; ms.len()];
    // Longest names first, so short forms find their full form.
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(ms[i].key.split(' ').count()), i));
    for &i in &order {
        let m = &ms[i];
        let words: Vec<&str> = m.key.split(' ').filter(|w| !w.is_empty()).collect();
        let mut found: Option<usize> = None;
        for (c, cl) in clusters.iter().enumerate() {
            if cl.ty != m.ty {
                continue;
            }
            if cl.words == words {
                found = Some(c);
                break;
            }
            let part = m.ty == super::rules::PER
                && !words.is_empty()
                && words.len() < cl.words.len()
                && (cl.words.starts_with(&words) || cl.words.ends_with(&words));
            if part {
                // Prefer the full name introduced last before this mention,
                // else the first one introduced.
                found = match found {
                    None => Some(c),
                    Some(f) => {
                        let (fp, cp) = (clusters[f].pos, cl.pos);
                        let better = if fp < i {
                            cp < i && cp > fp
                        } else {
                            cp < i || cp < fp
                        };
                        Some(if better { c } else { f })
                    }
                };
            }
        }
        match found {
            Some(c) => of[i] = c,
            None => {
                of[i] = clusters.len();
                clusters.push(Cl {
                    ty: m.ty,
                    words,
                    surface: m.surface,
                    pos: i,
                });
            }
        }
    }
    // Fullest surface per cluster: most key words, then longest, then first seen.
    let mut best: Vec<((usize, usize), usize, &str, &str)> = clusters
        .iter()
        .map(|c| ((0, 0), usize::MAX, c.surface, ""))
        .collect();
    for (i, m) in ms.iter().enumerate() {
        let c = of[i];
        let n = (m.key.split(' ').count(), m.surface.chars().count());
        let b = &mut best[c];
        if n > b.0 || (n == b.0 && i < b.1) {
            *b = (n, i, m.surface, m.key.as_str());
        }
    }
    of.iter()
        .map(|&c| (best[c].2.to_string(), best[c].3.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Lee Jae-myung"), "lee jae myung");
        assert_eq!(fold("Lee Jae Myung"), "lee jae myung");
        assert_eq!(fold("José Müller"), "jose muller");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("the Korean War"), "korean war");
        let lex = Lexicon::new();
        assert_eq!(key(&lex, "U.S.").0, "united states");
        assert_eq!(key(&lex, "the United States").0, "united states");
        assert_eq!(
            key(&lex, "South Korean"),
            ("south korean".to_string(), Some("demonym"))
        );
    }

    #[test]
    fn short_forms_join_full_names() {
        let lex = Lexicon::new();
        let names = [
            "Donald Trump",
            "Trump",
            "Lee Jae Myung",
            "Lee Jae-myung",
            "Lee",
            "U.S.",
            "United States",
        ];
        let tys = [0, 0, 0, 0, 0, 2, 2];
        let ins: Vec<NameIn> = names
            .iter()
            .zip(tys)
            .map(|(s, ty)| NameIn {
                ty,
                surface: s,
                key: key(&lex, s).0,
            })
            .collect();
        let out = canonicalise(&ins);
        assert_eq!(out[1], ("Donald Trump".to_string(), "donald trump".to_string()));
        assert_eq!(out[3].0, "Lee Jae Myung");
        assert_eq!(out[3].1, "lee jae myung");
        assert_eq!(out[4].1, "lee jae myung");
        assert_eq!(out[5], ("United States".to_string(), "united states".to_string()));
    }
}
