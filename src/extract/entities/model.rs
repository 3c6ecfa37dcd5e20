//! Averaged-perceptron sequence tagger (BIO over PER/ORG/LOC/MISC), greedy
//! left-to-right decoding with the two previous tags as features.
//!
//! Weights are keyed by the 64-bit feature hashes of [`super::features`].
//! On disk (`data/models/ner.bin.zst`, zstd): magic `NER1`, `scale` f32,
//! count u32, then per feature its hash u64 and 9 weights as i16 (weight =
//! i16 × scale), all little-endian. Features whose weights all round to 0 are
//! pruned when saving.

use super::features::{allowed, dynamic_features, SentFeats, N_LABELS, N_LEXICAL};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

/// The keys are already hashes: pass them through.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A fast non-cryptographic hasher (FxHash) for the string-keyed lexicon maps.
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().unwrap());
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

type W = [f32; N_LABELS];
/// Quantised weights of one feature (weight = value × `Model::scale`).
type Q = [i16; N_LABELS];

/// The tagger's weights, quantised to i16 and stored inline in the hash map
/// (one memory access per feature).
pub struct Model {
    map: IdMap<Q>,
    scale: f32,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            map: IdMap::default(),
            scale: 1.0,
        }
    }
}

impl Model {
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn n_features(&self) -> usize {
        self.map.len()
    }

    #[inline]
    fn add_scores(&self, feats: &[u64], scores: &mut [i32; N_LABELS]) {
        for f in feats {
            if let Some(w) = self.map.get(f) {
                for (s, &x) in scores.iter_mut().zip(w) {
                    *s += x as i32;
                }
            }
        }
    }

    /// Greedy decode of one sentence from its static features; a token
    /// without features (punctuation) is O.
    ///
    /// A token marked in `plain` (a lower-case word, not a name particle)
    /// right after an O is O without scoring: names do not start with one,
    /// and most tokens of news are such words.
    pub fn tag(
        &self,
        mut feats: impl FnMut(usize, &mut Vec<u64>),
        norms: &[&str],
        shapes: &[&str],
        plain: &[bool],
        out: &mut [usize],
    ) {
        let (mut p1, mut p2) = (0usize, 0usize);
        let mut dynf = [0u64; 4];
        let mut f: Vec<u64> = Vec::with_capacity(64);
        for i in 0..norms.len() {
            if p1 == 0 && plain[i] {
                out[i] = 0;
                p2 = p1;
                continue;
            }
            f.clear();
            feats(i, &mut f);
            if f.is_empty() {
                out[i] = 0;
                p2 = p1;
                p1 = 0;
                continue;
            }
            let mut scores = [0i32; N_LABELS];
            self.add_scores(&f, &mut scores);
            dynamic_features(p1, p2, norms[i], shapes[i], &mut dynf);
            self.add_scores(&dynf, &mut scores);
            let fs: W = scores.map(|x| x as f32);
            let best = best_allowed(&fs, p1);
            out[i] = best;
            p2 = p1;
            p1 = best;
        }
    }

    /// Load from the zstd-compressed binary format.
    pub fn load(compressed: &[u8]) -> anyhow::Result<Model> {
        if compressed.is_empty() {
            return Ok(Model::default());
        }
        let mut raw = Vec::new();
        zstd::stream::read::Decoder::new(compressed)?.read_to_end(&mut raw)?;
        anyhow::ensure!(raw.len() >= 12 && &raw[..4] == b"NER1", "not a NER1 model");
        let scale = f32::from_le_bytes(raw[4..8].try_into()?);
        let n = u32::from_le_bytes(raw[8..12].try_into()?) as usize;
        let rec = 8 + 2 * N_LABELS;
        anyhow::ensure!(raw.len() == 12 + n * rec, "truncated NER model");
        let mut m = Model {
            map: IdMap::with_capacity_and_hasher(n, Default::default()),
            scale,
        };
        for r in raw[12..].chunks_exact(rec) {
            let key = u64::from_le_bytes(r[..8].try_into()?);
            let mut w = [0i16; N_LABELS];
            for (k, x) in w.iter_mut().enumerate() {
                *x = i16::from_le_bytes([r[8 + 2 * k], r[9 + 2 * k]]);
            }
            m.map.insert(key, w);
        }
        Ok(m)
    }
}

fn best_allowed(scores: &W, prev: usize) -> usize {
    let mut best = 0;
    let mut bs = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        if allowed(prev, l) && s > bs {
            bs = s;
            best = l;
        }
    }
    best
}

/// Averaged-perceptron trainer.
#[derive(Default)]
pub struct Trainer {
    index: IdMap<u32>,
    w: Vec<W>,
    total: Vec<W>,
    stamp: Vec<[u64; N_LABELS]>,
    step: u64,
}

impl Trainer {
    fn slot(&mut self, f: u64) -> usize {
        let n = self.w.len() as u32;
        let i = *self.index.entry(f).or_insert(n) as usize;
        if i == self.w.len() {
            self.w.push([0.0; N_LABELS]);
            self.total.push([0.0; N_LABELS]);
            self.stamp.push([0; N_LABELS]);
        }
        i
    }

    fn update(&mut self, feats: &[u64], label: usize, delta: f32) {
        for &f in feats {
            let i = self.slot(f);
            let age = (self.step - self.stamp[i][label]) as f32;
            self.total[i][label] += age * self.w[i][label];
            self.stamp[i][label] = self.step;
            self.w[i][label] += delta;
        }
    }

    fn scores(&self, feats: &[u64], scores: &mut W) {
        for f in feats {
            if let Some(&i) = self.index.get(f) {
                for (s, x) in scores.iter_mut().zip(&self.w[i as usize]) {
                    *s += x;
                }
            }
        }
    }

    /// One pass over one sentence: greedy decode with the current weights,
    /// update on each wrong tag (the previous-tag features use the gold tags).
    /// Returns the number of wrong tags.
    /// Tokens with `drop[i]` lose their first `N_LEXICAL` features (and the
    /// previous-tag × word feature) for this pass.
    pub fn train_sentence(
        &mut self,
        feats: &SentFeats,
        norms: &[&str],
        shapes: &[&str],
        gold: &[usize],
        drop: &[bool],
    ) -> usize {
        let mut wrong = 0;
        let (mut p1, mut p2) = (0usize, 0usize);
        let mut dynf = [0u64; 4];
        for i in 0..feats.len() {
            let f = feats.get(i);
            if f.is_empty() {
                p2 = p1;
                p1 = gold[i];
                continue;
            }
            let dropped = drop[i] && f.len() > N_LEXICAL;
            let f = if dropped { &f[N_LEXICAL..] } else { f };
            self.step += 1;
            let mut scores = [0f32; N_LABELS];
            self.scores(f, &mut scores);
            dynamic_features(
                p1,
                p2,
                if dropped { "<unk>" } else { norms[i] },
                shapes[i],
                &mut dynf,
            );
            self.scores(&dynf, &mut scores);
            let guess = best_allowed(&scores, p1);
            let g = gold[i];
            if guess != g {
                wrong += 1;
                self.update(f, g, 1.0);
                self.update(&dynf, g, 1.0);
                self.update(f, guess, -1.0);
                self.update(&dynf, guess, -1.0);
            }
            p2 = p1;
            p1 = g;
        }
        wrong
    }

    /// The averaged weights as a model, quantised to i16 with one scale;
    /// features whose weights are all below `min_abs` are pruned.
    pub fn averaged(&self, min_abs: f32) -> Model {
        let step = self.step.max(1) as f32;
        let avg: Vec<W> = (0..self.w.len())
            .map(|i| {
                let mut a = [0f32; N_LABELS];
                for (l, x) in a.iter_mut().enumerate() {
                    let total = self.total[i][l] + (self.step - self.stamp[i][l]) as f32 * self.w[i][l];
                    *x = total / step;
                }
                a
            })
            .collect();
        let max = avg
            .iter()
            .flat_map(|w| w.iter())
            .fold(0f32, |a, &x| a.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut m = Model {
            map: IdMap::default(),
            scale,
        };
        for (&k, &i) in &self.index {
            let w = &avg[i as usize];
            if w.iter().all(|x| x.abs() < min_abs) {
                continue;
            }
            let q: Q = w.map(|x| (x / scale).round() as i16);
            if q.iter().any(|&x| x != 0) {
                m.map.insert(k, q);
            }
        }
        m
    }

    /// Features seen in training.
    pub fn n_features(&self) -> usize {
        self.w.len()
    }
}

/// Save a model (zstd level 19). Returns (features, bytes written).
pub fn save(m: &Model, out: &mut impl Write) -> anyhow::Result<(usize, usize)> {
    let mut keys: Vec<u64> = m.map.keys().copied().collect();
    keys.sort_unstable();
    let mut raw = Vec::with_capacity(12 + keys.len() * (8 + 2 * N_LABELS));
    raw.extend_from_slice(b"NER1");
    raw.extend_from_slice(&m.scale.to_le_bytes());
    raw.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    for k in &keys {
        raw.extend_from_slice(&k.to_le_bytes());
        for x in &m.map[k] {
            raw.extend_from_slice(&x.to_le_bytes());
        }
    }
    let z = zstd::bulk::compress(&raw, 19)?;
    out.write_all(&z)?;
    Ok((keys.len(), z.len()))
}
