//! Train the entities tagger (averaged perceptron, BIO over PER/ORG/LOC/MISC)
//! from a gold JSONL file (the format of `shared/gold`), and write the model
//! the extractor compiles in.
//!
//! ```text
//! cargo run --release --bin train_ner -- \
//!     --gold /work/shared/gold/conll2003_train/gold.jsonl \
//!     --out data/models/ner.bin.zst --epochs 12
//! ```
//!
//! Word dropout (`--dropout`, default 0.1): on each pass a name token loses
//! its word-identity features with this probability, so the model learns to
//! tag unseen names from shape and context.
//!
//! Trains on the documents of split `train` (`--split`), reports token
//! accuracy and mention F1 on split `dev` after each epoch, and keeps the
//! averaged weights of the last epoch. Deterministic: documents are shuffled
//! per epoch with a fixed-seed generator.

use anyhow::Context;
use newsetl::analyze;
use newsetl::article::Article;
use newsetl::eval::gold::GoldDoc;
use newsetl::extract::entities::features::{DocFeatures, SentFeats, LABELS};
use newsetl::extract::entities::lexicon::Lexicon;
use newsetl::extract::entities::model::{save, Model, Trainer};
use newsetl::extract::entities::tagger::{for_each_sentence, mentions, tag_labels};
use std::io::BufRead;

struct Args {
    gold: String,
    out: String,
    epochs: usize,
    split: String,
    dev: String,
    min_abs: f32,
    dropout: f64,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut a = Args {
        gold: String::new(),
        out: "data/models/ner.bin.zst".into(),
        epochs: 12,
        split: "train".into(),
        dev: "dev".into(),
        min_abs: 0.05,
        dropout: 0.1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let mut v = || it.next().with_context(|| format!("{k} needs a value"));
        match k.as_str() {
            "--gold" => a.gold = v()?,
            "--out" => a.out = v()?,
            "--epochs" => a.epochs = v()?.parse()?,
            "--split" => a.split = v()?,
            "--dev" => a.dev = v()?,
            "--min-abs" => a.min_abs = v()?.parse()?,
            "--dropout" => a.dropout = v()?.parse()?,
            _ => anyhow::bail!("unknown argument {k}"),
        }
    }
    anyhow::ensure!(!a.gold.is_empty(), "--gold FILE is required");
    Ok(a)
}

/// One training document: its article and gold entities as byte spans with type index.
struct Doc {
    article: Article,
    gold: Vec<(usize, usize, usize)>,
}

fn type_index(t: &str) -> Option<usize> {
    match t.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => Some(0),
        "ORG" | "ORGANIZATION" => Some(1),
        "LOC" | "LOCATION" | "GPE" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

fn load(path: &str) -> anyhow::Result<Vec<(Option<String>, Doc)>> {
    let f = std::fs::File::open(path).with_context(|| format!("open {path}"))?;
    let mut out = Vec::new();
    for line in std::io::BufReader::new(f).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldDoc = serde_json::from_str(&line)?;
        // code point → byte offsets
        let mut cp2b: Vec<usize> = g.text.char_indices().map(|(b, _)| b).collect();
        cp2b.push(g.text.len());
        let gold = g
            .entities
            .iter()
            .filter_map(|e| {
                let t = type_index(e.kind.as_deref()?)?;
                Some((*cp2b.get(e.start)?, *cp2b.get(e.end)?, t))
            })
            .collect();
        let article = Article {
            text: g.text.clone(),
            ..Default::default()
        };
        out.push((g.split.clone(), Doc { article, gold }));
    }
    Ok(out)
}

/// Gold BIO label per token of an analyzed document.
fn gold_labels(an: &analyze::Analyzed, gold: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut labels = vec![0usize; an.tokens.len()];
    for &(s, e, t) in gold {
        let mut first = true;
        for (i, tok) in an.tokens.iter().enumerate() {
            if tok.span.start >= s && tok.span.start < e {
                labels[i] = if first { 1 + t } else { 5 + t };
                first = false;
            }
        }
    }
    labels
}

/// Next uniform number in [0, 1) from the fixed-seed xorshift.
fn next(seed: &mut u64) -> f64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    (*seed >> 11) as f64 / (1u64 << 53) as f64
}

/// Fixed-seed xorshift for reproducible shuffling.
fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

fn evaluate(model: &Model, lex: &Lexicon, docs: &[&Doc]) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for d in docs {
        let an = analyze::analyze(&d.article);
        let (_, labels) = tag_labels(&an, lex, model);
        let gold = mentions(&gold_labels(&an, &d.gold));
        let pred = mentions(&labels);
        np += pred.len();
        ng += gold.len();
        tp += pred.iter().filter(|p| gold.contains(p)).count();
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

/// `train_ner --tag FILE`: print the shipped extractor's mentions of a text file.
fn tag_file(path: &str) -> anyhow::Result<()> {
    use newsetl::extract::entities::{EntitiesConfig, EntityExtractor};
    let article = Article {
        text: std::fs::read_to_string(path)?,
        ..Default::default()
    };
    let an = analyze::analyze(&article);
    let x = EntityExtractor::new(&EntitiesConfig::default())?;
    for e in x.extract(&an) {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            e.span.slice(&article.text),
            e.kind.as_str(),
            e.canonical,
            e.entity_key,
            e.role.unwrap_or_default()
        );
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let argv: Vec<String> = std::env::args().collect();
    if argv.len() == 3 && argv[1] == "--tag" {
        return tag_file(&argv[2]);
    }
    let args = parse_args()?;
    let lex = Lexicon::new();
    let all = load(&args.gold)?;
    let train: Vec<&Doc> = all
        .iter()
        .filter(|(s, _)| args.split == "all" || s.as_deref() == Some(args.split.as_str()))
        .map(|(_, d)| d)
        .collect();
    let dev: Vec<&Doc> = all
        .iter()
        .filter(|(s, _)| s.as_deref() == Some(args.dev.as_str()))
        .map(|(_, d)| d)
        .collect();
    eprintln!(
        "train docs {}, dev docs {}, labels {:?}",
        train.len(),
        dev.len(),
        LABELS
    );
    // Precompute features once: (features, norms, shapes, gold) per sentence.
    type Sent = (SentFeats, Vec<String>, Vec<String>, Vec<usize>);
    let mut sents: Vec<Sent> = Vec::new();
    for d in &train {
        let an = analyze::analyze(&d.article);
        let df = DocFeatures::new(&an, &lex);
        let labels = gold_labels(&an, &d.gold);
        for_each_sentence(&an, &df, |r, f| {
            let norms = df.toks[r.clone()].iter().map(|t| t.norm.clone()).collect();
            let shapes = df.toks[r.clone()].iter().map(|t| t.shape.clone()).collect();
            sents.push((f.clone(), norms, shapes, labels[r].to_vec()));
        });
    }
    let ntok: usize = sents.iter().map(|s| s.3.len()).sum();
    eprintln!("sentences {}, tokens {ntok}", sents.len());
    let mut tr = Trainer::default();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut order: Vec<usize> = (0..sents.len()).collect();
    for epoch in 1..=args.epochs {
        shuffle(&mut order, &mut seed);
        let mut wrong = 0;
        for &k in &order {
            let (f, n, s, g) = &sents[k];
            let n: Vec<&str> = n.iter().map(String::as_str).collect();
            let s: Vec<&str> = s.iter().map(String::as_str).collect();
            let drop: Vec<bool> = g
                .iter()
                .map(|&l| l != 0 && args.dropout > 0.0 && { next(&mut seed) < args.dropout })
                .collect();
            wrong += tr.train_sentence(f, &n, &s, g, &drop);
        }
        let acc = 1.0 - wrong as f64 / ntok as f64;
        if !dev.is_empty() && (epoch % 3 == 0 || epoch == args.epochs) {
            let m = tr.averaged(args.min_abs);
            let (p, r, f1) = evaluate(&m, &lex, &dev);
            eprintln!("epoch {epoch}: train acc {acc:.4}; dev mention P {p:.4} R {r:.4} F1 {f1:.4}");
        } else {
            eprintln!("epoch {epoch}: train acc {acc:.4}");
        }
    }
    let m = tr.averaged(args.min_abs);
    let mut out = std::fs::File::create(&args.out).with_context(|| format!("create {}", args.out))?;
    let (kept, bytes) = save(&m, &mut out)?;
    eprintln!(
        "features {} → kept {kept}; wrote {} ({bytes} bytes)",
        tr.n_features(),
        args.out
    );
    // Check the pruned, quantised model as shipped.
    let bytes = std::fs::read(&args.out)?;
    let shipped = Model::load(&bytes)?;
    if !dev.is_empty() {
        let (p, r, f1) = evaluate(&shipped, &lex, &dev);
        eprintln!("shipped model dev mention P {p:.4} R {r:.4} F1 {f1:.4}");
    }
    Ok(())
}
