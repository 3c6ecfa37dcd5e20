//! Currencies (`data/lexicons/figure_currencies.tsv`): symbols and codes before
//! the number ("$", "US$", "£", "EUR 125", "Rs 500"), names and codes after it
//! ("450,000 yen", "10 Swiss francs", "115.5USD").
//!
//! ## The bare "$"
//! "$" alone does not say which dollar. The unit is the ISO code only when the
//! text fixes it ("US$", "USD", "U.S. dollars", "C$", "HK$"); a bare "$" gets
//! the config's `bare_dollar` marker (default "USD?": most likely US dollars,
//! not stated). Likewise "Rs"/"rupees" give "INR?", and "£" is GBP, "€" EUR,
//! "¥" JPY (the yuan is written "yuan", "RMB" or "CNY" in English news).

use super::lexer::{Phrases, Tok, Ws};

const CURRENCIES_TSV: &str = include_str!("../../../data/lexicons/figure_currencies.tsv");

pub struct Currencies {
    prefix: Phrases<String>,
    suffix: Phrases<String>,
}

impl Currencies {
    pub fn load() -> anyhow::Result<Currencies> {
        let (mut prefix, mut suffix) = (Phrases::default(), Phrases::default());
        for (n, line) in CURRENCIES_TSV.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 3 {
                anyhow::bail!(
                    "data/lexicons/figure_currencies.tsv line {}: expected 3 tab-separated fields",
                    n + 1
                );
            }
            let code = f[1].to_string();
            match f[2] {
                "prefix" => prefix.insert(f[0], code),
                "suffix" => suffix.insert(f[0], code),
                "both" => {
                    prefix.insert(f[0], code.clone());
                    suffix.insert(f[0], code);
                }
                r => anyhow::bail!(
                    "data/lexicons/figure_currencies.tsv line {}: unknown role {r:?}",
                    n + 1
                ),
            }
        }
        Ok(Currencies { prefix, suffix })
    }

    /// A currency written right before token `first` (a number): (code, first token).
    pub fn before<'c>(&'c self, t: &[Tok], first: usize) -> Option<(&'c str, usize)> {
        if first == 0 || t[first].ws == Ws::Line {
            return None;
        }
        self.prefix
            .longest_ending(t, first - 1, |code, i| {
                // A code word needs a boundary before it: "XUSD 5" is not money.
                let w = &t[i];
                code != "cent" && !(i > 0 && w.is_word() && t[i - 1].ws == Ws::None && t[i - 1].is_word())
            })
            .map(|(c, i)| (c.as_str(), i))
    }

    /// A code after "M" (millions): "MUSD" → USD, "MEUR" → EUR.
    pub fn million_code(&self, w: &Tok) -> Option<&str> {
        let rest = w.text.strip_prefix('M')?;
        if rest.len() != 3 || !rest.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        self.suffix.get(&rest.to_lowercase()).map(|s| s.as_str())
    }

    /// A currency written right after token `last`: (code, last token).
    pub fn after<'c>(&'c self, t: &[Tok], last: usize) -> Option<(&'c str, usize)> {
        let next = t.get(last + 1)?;
        if next.ws == Ws::Line {
            return None;
        }
        self.suffix
            .longest(t, last + 1, |_, j| {
                t.get(j + 1).is_none_or(|n| n.ws != Ws::None || !n.is_word())
            })
            .map(|(c, j)| (c.as_str(), j))
    }
}

/// "pound(s)" after a number: money when scaled ("361 million pounds") or
/// followed by "sterling"; else the weight.
pub fn pounds_at(t: &[Tok], i: usize) -> bool {
    t.get(i)
        .is_some_and(|x| (x.is("pound") || x.is("pounds")) && x.ws != Ws::Line)
}
