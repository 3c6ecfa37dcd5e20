//! Feature extraction for the NER tagger, shared by the extractor and the
//! trainer (`src/bin/train_ner.rs`) so the two can never drift.
//!
//! Features are hashed (64-bit FNV-1a over a template id and the feature's
//! strings), never materialised as strings: extraction allocates only one
//! lower-cased form and one shape per token.
//!
//! Per token, the *static* features (independent of the predicted tags) are
//! computed once per sentence; the *dynamic* ones (previous tags) are added by
//! the decoder.

use super::lexicon::Lexicon;
use super::model::FxMap;
use crate::analyze::{Analyzed, TokenKind};

/// Tag set: O, B-x, I-x for x in PER, ORG, LOC, MISC.
pub const N_LABELS: usize = 9;
pub const LABELS: [&str; N_LABELS] = [
    "O", "B-PER", "B-ORG", "B-LOC", "B-MISC", "I-PER", "I-ORG", "I-LOC", "I-MISC",
];

/// Type index 0..4 (PER, ORG, LOC, MISC) of a non-O label.
pub fn label_type(l: usize) -> Option<usize> {
    match l {
        1..=4 => Some(l - 1),
        5..=8 => Some(l - 5),
        _ => None,
    }
}

/// Can label `l` follow label `prev` (I-x only after B-x or I-x)?
pub fn allowed(prev: usize, l: usize) -> bool {
    if (5..=8).contains(&l) {
        label_type(prev) == label_type(l)
    } else {
        true
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Hash of a feature: template id + parts (separated so "a|bc" ≠ "ab|c").
#[inline]
pub fn fh(template: u8, parts: &[&[u8]]) -> u64 {
    let mut h = fnv(FNV_OFFSET, &[template]);
    for p in parts {
        h = fnv(h, p);
        h = fnv(h, &[0xff]);
    }
    h
}

/// Case class of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    Title,
    Upper,
    Mixed,
    NoAlpha,
}

impl Case {
    fn of(w: &str) -> Case {
        let mut up = 0;
        let mut low = 0;
        let mut first_up = None;
        for c in w.chars() {
            if c.is_uppercase() {
                up += 1;
                first_up.get_or_insert(true);
            } else if c.is_lowercase() {
                low += 1;
                first_up.get_or_insert(false);
            }
        }
        match (up, low) {
            (0, 0) => Case::NoAlpha,
            (0, _) => Case::Lower,
            (_, 0) => Case::Upper,
            _ if first_up == Some(true) && up == 1 => Case::Title,
            _ if first_up == Some(true) => Case::Mixed,
            _ => Case::Mixed,
        }
    }
    fn tag(self) -> &'static [u8] {
        match self {
            Case::Lower => b"l",
            Case::Title => b"t",
            Case::Upper => b"u",
            Case::Mixed => b"m",
            Case::NoAlpha => b"n",
        }
    }
}

/// Collapsed word shape: "Xx", "X.X.", "d", "Xx-x".
pub fn short_shape(w: &str) -> String {
    let mut out = String::with_capacity(6);
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
        if out.len() >= 8 {
            break;
        }
    }
    out
}

/// Per-token data the features read.
#[derive(Debug, Clone)]
pub struct TokInfo {
    /// Lower-cased, digits → '0'.
    pub norm: String,
    pub shape: String,
    pub case: Case,
    pub is_word: bool,
    /// Gazetteer flags (see [`Lexicon::flag_tokens`]), tagger features.
    pub gaz: u32,
    /// Flags for the rules only (`lexicon::RULE_ONLY`: given name, surname,
    /// known company).
    pub rule_flags: u32,
    /// How the word is written elsewhere in the document, mid-sentence in
    /// mixed-case lines: b't' capitalised, b'l' lower-case, b'?' unseen/mixed.
    pub doc_case: u8,
}

/// Token data for a whole document, plus which sentences are ALL-CAPS lines.
pub struct DocFeatures {
    pub toks: Vec<TokInfo>,
    /// Per sentence: an ALL-CAPS (headline-style) sentence.
    pub caps_sentence: Vec<bool>,
    /// Per sentence: a Title-Case line (every content word capitalised), whose
    /// common words the tagger sees in lower case (see [`is_title_sentence`]).
    pub title_sentence: Vec<bool>,
}

/// Short function words a Title-Case heading may leave in lower case.
const TITLE_LOWER: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "vs",
    "vs.", "with",
];

/// A Title-Case line ("Putco Confirms Buses Attacked", "Key Topics Covered"):
/// not ALL-CAPS, at least three content words, every one capitalised (short
/// function words aside), at least two of them common lower-case words. In
/// such a line capitals say nothing about names, so the tagger sees its common
/// words in lower case.
fn is_title_sentence(doc: &Analyzed, toks: &[TokInfo], s: usize, lex: &Lexicon) -> bool {
    let mut content = 0;
    let mut common = 0;
    for i in doc.sentences[s].tokens.clone() {
        let t = &toks[i];
        if !t.is_word || t.case == Case::NoAlpha {
            continue;
        }
        if t.case == Case::Lower {
            if TITLE_LOWER.contains(&t.norm.as_str()) {
                continue;
            }
            return false;
        }
        content += 1;
        if lex.is_common(&t.norm) {
            common += 1;
        }
    }
    content >= 3 && common >= 2
}

fn normalise(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else {
            for l in c.to_lowercase() {
                s.push(l);
            }
        }
    }
    s
}

/// A sentence written in capitals: at least two words with letters and
/// ≥ 80% of them all upper-case.
fn is_caps_sentence(doc: &Analyzed, s: usize) -> bool {
    let mut words = 0;
    let mut upper = 0;
    for t in doc.sentence_tokens(s) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.text(doc.text);
        let c = Case::of(w);
        if c == Case::NoAlpha {
            continue;
        }
        words += 1;
        if c == Case::Upper {
            upper += 1;
        }
    }
    words >= 2 && upper * 5 >= words * 4
}

impl DocFeatures {
    pub fn new(doc: &Analyzed, lex: &Lexicon) -> DocFeatures {
        let caps_sentence: Vec<bool> = (0..doc.sentences.len())
            .map(|s| is_caps_sentence(doc, s))
            .collect();
        let mut toks: Vec<TokInfo> = doc
            .tokens
            .iter()
            .map(|t| {
                let w = t.text(doc.text);
                TokInfo {
                    norm: normalise(w),
                    shape: short_shape(w),
                    case: Case::of(w),
                    is_word: t.kind == TokenKind::Word,
                    gaz: 0,
                    rule_flags: 0,
                    doc_case: b'?',
                }
            })
            .collect();
        lex.flag_tokens(&mut toks);
        let title_sentence: Vec<bool> = (0..doc.sentences.len())
            .map(|s| !caps_sentence[s] && is_title_sentence(doc, &toks, s, lex))
            .collect();
        // Document case memory: mid-sentence occurrences in mixed-case sentences.
        let mut seen: FxMap<&str, (u16, u16)> = FxMap::default();
        for (s, sent) in doc.sentences.iter().enumerate() {
            if caps_sentence[s] || title_sentence[s] {
                continue;
            }
            for i in sent.tokens.clone().skip(1) {
                let t = &toks[i];
                if !t.is_word {
                    continue;
                }
                let prev_open =
                    i > sent.tokens.start && matches!(toks[i - 1].norm.as_str(), "“" | "\"" | "(" | ":");
                if prev_open {
                    continue;
                }
                let e = seen.entry(t.norm.as_str()).or_default();
                match t.case {
                    Case::Title | Case::Upper | Case::Mixed => e.0 += 1,
                    Case::Lower => e.1 += 1,
                    Case::NoAlpha => {}
                }
            }
        }
        let cases: Vec<u8> = toks
            .iter()
            .map(|t| match seen.get(t.norm.as_str()) {
                Some(&(up, low)) if up > 0 && low == 0 => b't',
                Some(&(up, low)) if low > 0 && up == 0 => b'l',
                _ => b'?',
            })
            .collect();
        for (t, c) in toks.iter_mut().zip(cases) {
            t.doc_case = c;
        }
        // True-case Title-Case lines: after the first word, a common word not
        // seen capitalised elsewhere in the article is shown in lower case.
        for (s, sent) in doc.sentences.iter().enumerate() {
            if !title_sentence[s] {
                continue;
            }
            for t in &mut toks[sent.tokens.clone()].iter_mut().skip(1) {
                if t.is_word
                    && t.case != Case::Lower
                    && t.doc_case != b't'
                    && (t.doc_case == b'l' || lex.is_common(&t.norm))
                {
                    t.case = Case::Lower;
                    t.shape = short_shape(&t.norm);
                }
            }
        }
        DocFeatures {
            toks,
            caps_sentence,
            title_sentence,
        }
    }
}

fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    let (i, _) = s.char_indices().nth(count - n).unwrap();
    &s[i..]
}

/// Static features of one sentence, flat: token i's are `feats[offs[i]..offs[i+1]]`.
#[derive(Debug, Clone, Default)]
pub struct SentFeats {
    pub feats: Vec<u64>,
    pub offs: Vec<usize>,
}

/// The first `N_LEXICAL` static features of a token name the word itself
/// (word, long prefixes/suffixes, word bigrams): the trainer drops them at
/// random on name tokens ("word dropout") so the model also learns to tag
/// names it has never seen from their shape and context.
pub const N_LEXICAL: usize = 8;

impl SentFeats {
    pub fn clear(&mut self) {
        self.feats.clear();
        self.offs.clear();
        self.offs.push(0);
    }
    pub fn len(&self) -> usize {
        self.offs.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline]
    pub fn get(&self, i: usize) -> &[u64] {
        &self.feats[self.offs[i]..self.offs[i + 1]]
    }
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// Static features of every token of a sentence (tokens `range` of `df`) into
/// `out` (cleared first). Punctuation other than "&" gets no features: the
/// tagger labels it O.
pub fn sentence_features(df: &DocFeatures, range: std::ops::Range<usize>, caps: bool, out: &mut SentFeats) {
    out.clear();
    let toks = &df.toks[range];
    for i in 0..toks.len() {
        token_features(toks, i, caps, &mut out.feats);
        out.offs.push(out.feats.len());
    }
}

/// Appends the static features of token `i` of a sentence (`toks`) to `f`:
/// none for punctuation other than "&". The tagger calls it only for the
/// tokens it scores; [`sentence_features`] for all.
pub fn token_features(toks: &[TokInfo], i: usize, caps: bool, f: &mut Vec<u64>) {
    let n = toks.len();
    let word = |k: isize| -> &str {
        if k < 0 {
            BOS
        } else if k as usize >= n {
            EOS
        } else {
            toks[k as usize].norm.as_str()
        }
    };
    let shape = |k: isize| -> &str {
        if k < 0 {
            BOS
        } else if k as usize >= n {
            EOS
        } else {
            toks[k as usize].shape.as_str()
        }
    };
    // The effective case of a token: in an ALL-CAPS line, the case the word has
    // elsewhere in the document (or "?" when unknown).
    let eff = |k: isize| -> &[u8] {
        if k < 0 || k as usize >= n {
            return b"_";
        }
        let t = &toks[k as usize];
        if caps && t.case == Case::Upper {
            match t.doc_case {
                b't' => b"T",
                b'l' => b"L",
                _ => b"?",
            }
        } else {
            t.case.tag()
        }
    };
    let capsb: &[u8] = if caps { b"C" } else { b"c" };
    let k = i as isize;
    let t = &toks[i];
    let w = t.norm.as_str();
    if !t.is_word
        && matches!(
            w,
            "," | "." | "\"" | "“" | "”" | "!" | "?" | ";" | ":" | "..." | "…"
        )
    {
        return;
    }
    // Lexical features first (N_LEXICAL of them).
    f.push(fh(1, &[w.as_bytes()]));
    f.push(fh(6, &[prefix(w, 3).as_bytes()]));
    f.push(fh(11, &[suffix(w, 3).as_bytes()]));
    f.push(fh(7, &[prefix(w, 4).as_bytes()]));
    f.push(fh(12, &[suffix(w, 4).as_bytes()]));
    f.push(fh(19, &[word(k - 1).as_bytes(), w.as_bytes()]));
    f.push(fh(20, &[w.as_bytes(), word(k + 1).as_bytes()]));
    f.push(fh(26, &[w.as_bytes(), eff(k)]));
    f.push(fh(0, &[]));
    f.push(fh(2, &[t.shape.as_bytes()]));
    for m in 1..=2 {
        f.push(fh(3 + m as u8, &[prefix(w, m).as_bytes()]));
        f.push(fh(8 + m as u8, &[suffix(w, m).as_bytes()]));
    }
    f.push(fh(13, &[word(k - 1).as_bytes()]));
    f.push(fh(14, &[word(k - 2).as_bytes()]));
    f.push(fh(15, &[word(k + 1).as_bytes()]));
    f.push(fh(16, &[word(k + 2).as_bytes()]));
    f.push(fh(17, &[shape(k - 1).as_bytes()]));
    f.push(fh(18, &[shape(k + 1).as_bytes()]));
    f.push(fh(21, &[&[(i == 0) as u8], eff(k), capsb]));
    f.push(fh(22, &[eff(k - 1), eff(k), eff(k + 1)]));
    f.push(fh(23, &[&[t.doc_case], t.case.tag(), &[(i == 0) as u8]]));
    f.push(fh(
        24,
        &[
            shape(k - 1).as_bytes(),
            t.shape.as_bytes(),
            shape(k + 1).as_bytes(),
        ],
    ));
    f.push(fh(25, &[&[w.chars().count().min(12) as u8], eff(k)]));
    if caps {
        f.push(fh(27, &[w.as_bytes(), &[t.doc_case]]));
    }
    let g = t.gaz;
    if g != 0 {
        for bit in 0..32u8 {
            if g & (1 << bit) != 0 {
                f.push(fh(28, &[&[bit], eff(k)]));
            }
        }
    }
    let gp = if i > 0 { toks[i - 1].gaz } else { 0 };
    let gn = if i + 1 < n { toks[i + 1].gaz } else { 0 };
    f.push(fh(29, &[&gp.to_le_bytes(), &gn.to_le_bytes()]));
    f.push(fh(30, &[word(k - 1).as_bytes(), eff(k)]));
    f.push(fh(31, &[eff(k), word(k + 1).as_bytes()]));
}

/// Dynamic features from the two previous labels.
#[inline]
pub fn dynamic_features(p1: usize, p2: usize, w: &str, shape: &str, out: &mut [u64; 4]) {
    out[0] = fh(40, &[&[p1 as u8]]);
    out[1] = fh(41, &[&[p1 as u8, p2 as u8]]);
    out[2] = fh(42, &[&[p1 as u8], w.as_bytes()]);
    out[3] = fh(43, &[&[p1 as u8], shape.as_bytes()]);
}
