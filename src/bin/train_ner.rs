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
use newsetl::eval::entities::gold_names;
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
    /// Extra gold files to score the raw tagger on (PER/ORG/LOC strict), never trained on.
    eval: Vec<String>,
    /// Score this model file (no training).
    score: Option<String>,
    /// Folders of raw articles labelled by the shipped extractor (tagger +
    /// rules) and added to the training sentences ("self-training").
    pseudo: Vec<String>,
    /// At most this many articles per `--pseudo` folder (sorted by name).
    pseudo_max: usize,
    /// Each gold sentence is seen this many times per epoch (with pseudo data).
    gold_weight: usize,
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
        eval: Vec::new(),
        score: None,
        pseudo: Vec::new(),
        pseudo_max: 5000,
        gold_weight: 1,
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
            "--eval" => a.eval.push(v()?),
            "--score" => a.score = Some(v()?),
            "--pseudo" => a.pseudo.push(v()?),
            "--pseudo-max" => a.pseudo_max = v()?.parse()?,
            "--gold-weight" => a.gold_weight = v()?.parse()?,
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
        let meantime = g.entities.iter().any(|e| e.syntactic_type.is_some());
        let gold = if meantime {
            // Scored as `newsetl eval` does: names only (NAM, PRE.NAM, name-like).
            gold_names(&g, true)
                .into_iter()
                .filter_map(|((s, e), t, _)| Some((*cp2b.get(s)?, *cp2b.get(e)?, type_index(t)?)))
                .collect()
        } else {
            g.entities
                .iter()
                .filter_map(|e| {
                    let t = type_index(e.kind.as_deref()?)?;
                    Some((*cp2b.get(e.start)?, *cp2b.get(e.end)?, t))
                })
                .collect()
        };
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

/// Join hard-wrapped lines (Reuters-21578): a line break stays only before a
/// blank line or an indented (new-paragraph) line.
fn unwrap_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines: Vec<&str> = text.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        out.push_str(l.trim_end());
        match lines.get(i + 1) {
            Some(n)
                if !n.trim().is_empty() && !n.starts_with(char::is_whitespace) && !l.trim().is_empty() =>
            {
                out.push(' ')
            }
            Some(_) => out.push('\n'),
            None => {}
        }
    }
    out
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

/// Strict PER/ORG/LOC mention scores of the raw tagger (no rules) on `docs`:
/// per type (P, R, F1) and for the three together.
fn evaluate_types(model: &Model, lex: &Lexicon, docs: &[&Doc]) -> String {
    let mut c = [[0usize; 5]; 4]; // per type: tp, pred, gold, relaxed-found gold, relaxed-right pred; [3] = all
    for d in docs {
        let an = analyze::analyze(&d.article);
        let (_, labels) = tag_labels(&an, lex, model);
        let mut gold: Vec<(usize, usize, usize)> = d.gold.iter().copied().filter(|g| g.2 < 3).collect();
        gold.sort_unstable();
        gold.dedup();
        let pred: Vec<(usize, usize, usize)> = mentions(&labels)
            .into_iter()
            .filter(|m| m.ty < 3)
            .map(|m| {
                (
                    an.tokens[m.tokens.start].span.start,
                    an.tokens[m.tokens.end - 1].span.end,
                    m.ty,
                )
            })
            .collect();
        for p in &pred {
            c[p.2][1] += 1;
            c[3][1] += 1;
            if gold.contains(p) {
                c[p.2][0] += 1;
                c[3][0] += 1;
            }
            if gold.iter().any(|g| p.2 == g.2 && p.0 < g.1 && g.0 < p.1) {
                c[p.2][4] += 1;
                c[3][4] += 1;
            }
        }
        for g in &gold {
            c[g.2][2] += 1;
            c[3][2] += 1;
            if pred.iter().any(|p| p.2 == g.2 && p.0 < g.1 && g.0 < p.1) {
                c[g.2][3] += 1;
                c[3][3] += 1;
            }
        }
    }
    let mut out = String::new();
    for (name, [tp, np, ng, rf, rp]) in ["PER", "ORG", "LOC", "all"].iter().zip(c) {
        let p = tp as f64 / np.max(1) as f64;
        let r = tp as f64 / ng.max(1) as f64;
        let f = 2.0 * p * r / (p + r).max(1e-9);
        let rr = rf as f64 / ng.max(1) as f64;
        let rpp = rp as f64 / np.max(1) as f64;
        let rf1 = 2.0 * rr * rpp / (rr + rpp).max(1e-9);
        out.push_str(&format!(
            "{name} P {p:.3} R {r:.3} F1 {f:.3} rP {rpp:.3} rR {rr:.3} rF {rf1:.3} | "
        ));
    }
    out
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
    if let Some(path) = &args.score {
        let m = Model::load(&std::fs::read(path)?)?;
        return score_extra(&m, &lex, &args.eval);
    }
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
    let n_gold = sents.len();
    if !args.pseudo.is_empty() {
        use newsetl::extract::entities::{EntitiesConfig, EntityExtractor};
        use newsetl::extract::EntityType;
        let x = EntityExtractor::new(&EntitiesConfig::default())?;
        for dir in &args.pseudo {
            let mut files: Vec<_> = std::fs::read_dir(dir)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            for path in files.into_iter().take(args.pseudo_max) {
                let text = unwrap_lines(&String::from_utf8_lossy(&std::fs::read(&path)?));
                let article = Article {
                    text,
                    ..Default::default()
                };
                let an = analyze::analyze(&article);
                let spans: Vec<(usize, usize, usize)> = x
                    .extract(&an)
                    .iter()
                    .map(|e| {
                        let t = match e.kind {
                            EntityType::Person => 0,
                            EntityType::Org => 1,
                            EntityType::Location => 2,
                            _ => 3,
                        };
                        (e.span.start, e.span.end, t)
                    })
                    .collect();
                let df = DocFeatures::new(&an, &lex);
                let labels = gold_labels(&an, &spans);
                let caps = df.caps_sentence.clone();
                let mut s_i = 0;
                for_each_sentence(&an, &df, |r, f| {
                    if !caps[s_i] {
                        let norms = df.toks[r.clone()].iter().map(|t| t.norm.clone()).collect();
                        let shapes = df.toks[r.clone()].iter().map(|t| t.shape.clone()).collect();
                        sents.push((f.clone(), norms, shapes, labels[r].to_vec()));
                    }
                    s_i += 1;
                });
            }
        }
        eprintln!("pseudo-labelled sentences {}", sents.len() - n_gold);
    }
    let ntok: usize = sents.iter().map(|s| s.3.len()).sum();
    eprintln!("sentences {}, tokens {ntok}", sents.len());
    let mut tr = Trainer::default();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut order: Vec<usize> = (0..sents.len()).collect();
    for _ in 1..args.gold_weight {
        order.extend(0..n_gold);
    }
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
        eprintln!("  dev {}", evaluate_types(&shipped, &lex, &dev));
    }
    score_extra(&shipped, &lex, &args.eval)
}

fn score_extra(model: &Model, lex: &Lexicon, specs: &[String]) -> anyhow::Result<()> {
    for spec in specs {
        // FILE or FILE:N (score only the first N lines of each document)
        let (path, lines) = match spec.rsplit_once(':') {
            Some((p, n)) if n.parse::<usize>().is_ok() => (p, n.parse::<usize>()?),
            _ => (spec.as_str(), usize::MAX),
        };
        let mut docs = load(path)?;
        for (_, d) in &mut docs {
            let cut = d
                .article
                .text
                .match_indices('\n')
                .nth(lines.saturating_sub(1))
                .map_or(d.article.text.len(), |(i, _)| i);
            d.article.text.truncate(cut);
            d.gold.retain(|g| g.1 <= cut);
        }
        let docs: Vec<&Doc> = docs.iter().map(|(_, d)| d).collect();
        let t0 = std::time::Instant::now();
        let scores = evaluate_types(model, lex, &docs);
        eprintln!("  {path}: {scores} {:.0} ms", t0.elapsed().as_secs_f64() * 1e3);
    }
    Ok(())
}
