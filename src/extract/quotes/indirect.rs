//! Indirect (reported) speech: statements attributed without quote marks.
//!
//! Shapes, per sentence, at each cue from the lexicon that no direct quote
//! used and that lies outside quote marks:
//! * speaker before the cue: "X said (that) …", "X told reporters …",
//!   "Analysts say …", "Bennett, a senior analyst, noted that …" — the content
//!   runs from after the cue (and its "that", or the listener for tell/ask)
//!   to the sentence end, cut before a trailing attribution (", he said",
//!   ", according to …") or a new participle cue (", adding that …");
//! * attribution in the middle or at the end: "…, analysts say, but …",
//!   "…, X said." — the content is the rest of the sentence;
//! * participles: "…, saying (that) …" — the speaker is the sentence's subject;
//! * "according to X, …" and "…, according to X.";
//! * a headline "Name: statement";
//! * sourceless statements ([`sourceless`]): "X seemed …", "X is expected to …",
//!   "X reportedly …", kept without a speaker.
//!
//! Cognition verbs (believe, think …) count only before a clause and with a
//! person-like subject; evaluation verbs (call, accuse …) take the rest of the
//! clause as content. Passive and infinitive uses ("is said to", "to say") and
//! noun uses ("the report") are not cues.

use super::direct::Candidate;
use super::lexicon::CueClass;
use super::speaker::{Mention, MentionKind};
use super::Ctx;
use crate::article::BlockKind;
use crate::extract::QuoteKind;
use std::ops::Range;

fn passive_or_noun(w: &str) -> bool {
    matches!(
        w,
        "to" | "the"
            | "a"
            | "an"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "this"
            | "that"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "whose"
            | "of"
            | "no"
            | "for"
            | "get"
            | "gets"
            | "got"
    )
}

/// Words that open a clause after a cognition verb.
fn clause_opener(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.lower[i].as_str();
    matches!(
        w,
        "that"
            | "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "it"
            | "this"
            | "there"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "you"
            | "these"
            | "those"
            | "some"
            | "many"
            | "most"
            | "all"
            | "no"
            | "to"
            | "if"
            | "whether"
            | "what"
            | "how"
            | "why"
    ) || ctx.tok(i).chars().next().is_some_and(char::is_uppercase)
}

/// Participles that start a new attribution inside a sentence.
fn new_attribution_at(ctx: &Ctx, k: usize, end: usize) -> bool {
    if k + 1 >= end || ctx.tok(k) != "," {
        return false;
    }
    let n = k + 1;
    if ctx.lower[n] == "according" {
        return true;
    }
    if let Some(h) = ctx.lex.cue_at(&ctx.lower, n) {
        if h.participle && h.class == CueClass::Speech {
            return true;
        }
        // ", said X." at the end
        return ctx.mention_right(n + h.len, end).is_some();
    }
    // ", he said" / ", analysts say"
    if let Some(m) = ctx.mention_right(n, end) {
        let e = m.toks.end;
        if e < end {
            if let Some(h) = ctx.lex.cue_at(&ctx.lower, e) {
                return h.class == CueClass::Speech && !h.participle;
            }
        }
    }
    false
}

/// Nouns that report a statement ("claim", "assertion").
fn nominal_cue(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "claims"
            | "assertion"
            | "assertions"
            | "argument"
            | "statement"
            | "suggestion"
            | "insistence"
            | "belief"
            | "view"
            | "warning"
            | "promise"
            | "pledge"
            | "contention"
            | "allegation"
            | "allegations"
            | "prediction"
            | "comment"
            | "comments"
            | "remark"
            | "remarks"
            | "charge"
            | "accusation"
            | "admission"
            | "announcement"
            | "boast"
            | "vow"
            | "declaration"
            | "position"
            | "point"
            | "message"
            | "complaint"
    )
}

/// The attribution ends its clause at token `k`: punctuation or the sentence
/// end, possibly after a listener or a short place/time phrase ("told her.",
/// "in Almaty.", "on Tuesday,").
fn ends_clause(ctx: &Ctx, mut k: usize, end: usize) -> bool {
    let stop = |k: usize| k >= end || matches!(ctx.tok(k), "," | "." | "!" | "?" | ";");
    if stop(k) {
        return true;
    }
    if matches!(
        ctx.lower[k].as_str(),
        "him" | "her" | "them" | "me" | "us" | "reporters"
    ) {
        k += 1;
    }
    if k < end
        && matches!(
            ctx.lower[k].as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "last"
                | "this"
                | "from"
                | "of"
                | "to"
                | "after"
                | "before"
                | "recently"
                | "yesterday"
                | "today"
        )
    {
        let s = k;
        while k < end
            && k - s < 8
            && !ctx.is_punct(k)
            && ctx.lex.cue_at(&ctx.lower, k).is_none()
            && !ctx.quoted[k]
            && !matches!(
                ctx.lower[k].as_str(),
                "that" | "is" | "was" | "are" | "were" | "will" | "would"
            )
        {
            k += 1;
        }
    }
    stop(k)
}

/// Content from token `a` to the sentence end `end`, cut at a new attribution
/// or ";" and trimmed of punctuation; None when shorter than `min_words`.
fn content(ctx: &Ctx, a: usize, end: usize, min_words: usize, object: bool) -> Option<Range<usize>> {
    let mut b = a;
    while b < end {
        let w = ctx.tok(b);
        if w == ";" || new_attribution_at(ctx, b, end) {
            break;
        }
        if object
            && w == ","
            && b + 1 < end
            && matches!(
                ctx.lower[b + 1].as_str(),
                "and" | "but" | "while" | "which" | "as"
            )
        {
            break;
        }
        b += 1;
    }
    trim(ctx, a, b, min_words)
}

fn trim(ctx: &Ctx, mut a: usize, mut b: usize, min_words: usize) -> Option<Range<usize>> {
    while a < b && ctx.is_punct(a) && !ctx.is_mark(a) {
        a += 1;
    }
    while b > a && ctx.is_punct(b - 1) && !ctx.is_mark(b - 1) {
        b -= 1;
    }
    let words = (a..b).filter(|&k| !ctx.is_punct(k)).count();
    (words >= min_words).then_some(a..b)
}

fn push(
    ctx: &mut Ctx,
    out: &mut Vec<Candidate>,
    frags: &[Range<usize>],
    m: Option<Mention>,
    cue: Range<usize>,
    inherited: Option<String>,
) {
    let fragments: Vec<_> = frags
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| ctx.span_of(r.clone()))
        .collect();
    if fragments.is_empty() {
        return;
    }
    // Content lying wholly inside one quoted region is the direct quote's business.
    if frags.iter().all(|r| r.clone().all(|k| ctx.quoted[k])) {
        return;
    }
    for u in &mut ctx.cue_used[cue.clone()] {
        *u = true;
    }
    out.push(Candidate {
        fragments,
        kind: QuoteKind::Indirect,
        mention: m,
        cue: Some(ctx.span_of(cue)),
        inherited,
        needs_speaker: false,
        quoted: false,
        sourceless: false,
    });
}

/// The subject at the start of a sentence ("Smith", "The senator").
fn subject(ctx: &Ctx, sr: &Range<usize>, before: usize) -> Option<Mention> {
    let m = ctx.mention_right(sr.start, before)?;
    (m.kind != MentionKind::Pronoun || ctx.lower[m.toks.start] != "it").then_some(m)
}

/// Find the indirect attributions of the article.
pub fn find(ctx: &mut Ctx) -> Vec<Candidate> {
    let mut out = Vec::new();
    for si in 0..ctx.doc.sentences.len() {
        let sr = ctx.doc.sentences[si].tokens.clone();
        let title = ctx.doc.sentence_kind(si) == BlockKind::Title;
        let mut i = sr.start;
        // Headline "Name: statement".
        if title || si == 0 {
            let mut k = sr.start;
            while k < sr.end
                && k - sr.start < 4
                && ctx.is_word(k)
                && ctx.tok(k).chars().next().is_some_and(char::is_uppercase)
            {
                k += 1;
            }
            if k > sr.start && k < sr.end && ctx.tok(k) == ":" {
                if let Some(c) = trim(ctx, k + 1, sr.end, 3) {
                    let m = Mention {
                        toks: sr.start..k,
                        kind: MentionKind::Name,
                        role: None,
                    };
                    push(ctx, &mut out, &[c], Some(m), k..k + 1, None);
                }
            }
        }
        while i < sr.end {
            let here = i;
            i += 1;
            if ctx.quoted[here] || ctx.cue_used[here] || !ctx.is_word(here) {
                continue;
            }
            // according to X
            if ctx.lower[here] == "according" && here + 1 < sr.end && ctx.lower[here + 1] == "to" {
                let Some(m) = ctx.mention_right(here + 2, sr.end).or_else(|| {
                    // Any phrase up to the next punctuation: "according to a count by the AP".
                    let a = here + 2;
                    let mut k = a;
                    while k < sr.end && k - a < 12 && !ctx.is_punct(k) && !ctx.quoted[k] {
                        k += 1;
                    }
                    (k > a).then_some(Mention {
                        toks: a..k,
                        kind: MentionKind::Group,
                        role: None,
                    })
                }) else {
                    continue;
                };
                let me = m.role.map_or(m.toks.end, |r| ctx.doc.token_at_or_after(r.end));
                let at_start = ctx.is_punct(sr.start) && sr.start + 1 == here || here == sr.start;
                let c = if at_start {
                    content(ctx, me, sr.end, 2, false)
                } else {
                    trim(ctx, sr.start, here, 2)
                };
                if let Some(c) = c {
                    push(ctx, &mut out, &[c], Some(m), here..here + 2, None);
                    i = here + 2;
                }
                continue;
            }
            // Nominal cue: "X's claim that …", "his repeated assertion that …"
            if matches!(ctx.lower[here].as_str(), "'s" | "’s" | "his" | "her" | "their") {
                let mut k = here + 1;
                while k < sr.end && k - here <= 3 && ctx.is_word(k) && !nominal_cue(&ctx.lower[k]) {
                    k += 1;
                }
                if k + 1 < sr.end && k - here <= 3 && nominal_cue(&ctx.lower[k]) && ctx.lower[k + 1] == "that"
                {
                    let m = if !ctx.lower[here].ends_with('s') || ctx.lower[here] == "his" {
                        Some(Mention {
                            toks: here..here + 1,
                            kind: MentionKind::Pronoun,
                            role: None,
                        })
                    } else {
                        ctx.mention_left(here, sr.start).filter(|m| m.toks.end == here)
                    };
                    if let (Some(m), Some(c)) = (m, content(ctx, k + 2, sr.end, 3, false)) {
                        push(ctx, &mut out, std::slice::from_ref(&c), Some(m), k..k + 1, None);
                        i = c.end;
                    }
                    continue;
                }
            }
            let Some(h) = ctx.lex.cue_at(&ctx.lower, here) else {
                continue;
            };
            let class = h.class;
            let (len, lemma, participle) = (h.len, h.lemma.to_string(), h.participle);
            if class == CueClass::Cognition && !ctx.cfg.cognition
                || class == CueClass::Object && !ctx.cfg.evaluation
            {
                continue;
            }
            if here > sr.start && passive_or_noun(&ctx.lower[here - 1]) {
                continue;
            }
            let cue = here..here + len;
            let after = here + len;
            if after < sr.end && matches!(ctx.lower[after].as_str(), "by" | "of") {
                continue;
            }
            // Participle after a comma: "…, saying that …"
            if participle {
                if here > sr.start
                    && matches!(ctx.tok(here - 1), "," | "—")
                    && matches!(class, CueClass::Speech | CueClass::Object)
                {
                    let m = subject(ctx, &sr, here);
                    let mut a = after;
                    if a < sr.end && ctx.lower[a] == "that" {
                        a += 1;
                    }
                    if let (Some(m), Some(c)) = (m, content(ctx, a, sr.end, 2, false)) {
                        push(ctx, &mut out, std::slice::from_ref(&c), Some(m), cue, None);
                        i = c.end;
                    }
                }
                continue;
            }
            // Speaker before the cue; "… and said …" takes the sentence's subject.
            let left = ctx.mention_left(here, sr.start).or_else(|| {
                let p = here.checked_sub(1)?;
                (p > sr.start && matches!(ctx.lower[p].as_str(), "and" | "but") && class == CueClass::Speech)
                    .then(|| subject(ctx, &sr, p))
                    .flatten()
            });
            if let Some(m) = left {
                if class == CueClass::Cognition
                    && !matches!(
                        m.kind,
                        MentionKind::Name | MentionKind::Pronoun | MentionKind::Group
                    )
                {
                    continue;
                }
                if class == CueClass::Report
                    && m.kind == MentionKind::Pronoun
                    && ctx.lower[m.toks.start] != "it"
                {
                    continue;
                }
                let ms = m.toks.start;
                let tail = ms > sr.start && ctx.tok(ms - 1) == "," && ends_clause(ctx, after, sr.end);
                if tail {
                    // "…, analysts say, but …" / "…, he said."
                    let first = trim(ctx, sr.start, ms - 1, 2);
                    let rest = if after < sr.end && ctx.tok(after) == "," {
                        content(ctx, after + 1, sr.end, 1, false)
                    } else {
                        None
                    };
                    let frags: Vec<_> = first.into_iter().chain(rest).collect();
                    if !frags.is_empty() {
                        push(ctx, &mut out, &frags, Some(m), cue, None);
                    }
                    i = after;
                    continue;
                }
                let mut a = after;
                // The listener: "told reporters (that)", "told CNN on Tuesday that"
                if matches!(
                    lemma.as_str(),
                    "tell" | "ask" | "remind" | "assure" | "inform" | "warn" | "urge"
                ) || a < sr.end
                    && matches!(
                        ctx.lower[a].as_str(),
                        "in" | "on" | "at" | "during" | "to" | "last" | "this" | "earlier"
                    )
                {
                    let mut k = a;
                    while k < sr.end
                        && k - a < 7
                        && !ctx.quoted[k]
                        && ctx.lower[k] != "that"
                        && ctx.tok(k) != ","
                    {
                        k += 1;
                    }
                    if k < sr.end && ctx.lower[k] == "that" {
                        a = k;
                    } else if matches!(lemma.as_str(), "tell" | "remind" | "assure" | "inform")
                        && a < sr.end
                        && ctx.is_word(a)
                    {
                        a += 1;
                    }
                }
                if a < sr.end && ctx.lower[a] == "that" {
                    a += 1;
                } else if class == CueClass::Cognition && (a >= sr.end || !clause_opener(ctx, a)) {
                    continue;
                }
                if a < sr.end && matches!(ctx.tok(a), ":" | ",") && !ctx.quoted[a] {
                    a += 1;
                }
                let min = if class == CueClass::Cognition { 3 } else { 2 };
                if let Some(c) = content(ctx, a, sr.end, min, class == CueClass::Object) {
                    push(ctx, &mut out, std::slice::from_ref(&c), Some(m), cue, None);
                    i = c.end;
                }
                continue;
            }
            // ", said X." at the end.
            if class == CueClass::Speech && here > sr.start && ctx.tok(here - 1) == "," {
                if let Some(m) = ctx.mention_right_with(after, sr.end, true) {
                    let me = m.role.map_or(m.toks.end, |r| ctx.doc.token_at_or_after(r.end));
                    if ends_clause(ctx, me, sr.end) {
                        if let Some(c) = trim(ctx, sr.start, here - 1, 2) {
                            push(ctx, &mut out, &[c], Some(m), cue, None);
                            i = me;
                        }
                    }
                }
            }
        }
    }
    out
}

/// The cue of a sourceless statement at token `k`, as its token range:
/// "seems/seemed", "appears to", "is (widely/not) expected to", "reportedly".
fn sourceless_cue(ctx: &Ctx, k: usize, end: usize) -> Option<Range<usize>> {
    let next = |j: usize| (j < end).then(|| ctx.lower[j].as_str());
    match ctx.lower[k].as_str() {
        "seem" | "seems" | "seemed" | "reportedly" => Some(k..k + 1),
        "appear" | "appears" | "appeared" => matches!(next(k + 1), Some("to")).then_some(k..k + 1),
        "is" | "are" | "was" | "were" => {
            let mut j = k + 1;
            if matches!(
                next(j),
                Some("widely" | "not" | "also" | "still" | "now" | "generally")
            ) {
                j += 1;
            }
            (matches!(next(j), Some("expected")) && matches!(next(j + 1), Some("to"))).then_some(k..j + 1)
        }
        _ => None,
    }
}

/// Statements with no source: "The court seemed ready to …", "Sanders is
/// expected to win …", "The company has reportedly taken heat …". The content
/// is the clause holding the cue, from its subject to the end of the
/// sentence (or ";"). Cues lying inside a statement already found are skipped.
pub fn sourceless(ctx: &Ctx, taken: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for si in 0..ctx.doc.sentences.len() {
        let sr = ctx.doc.sentences[si].tokens.clone();
        let mut i = sr.start;
        while i < sr.end {
            let k = i;
            i += 1;
            if ctx.quoted[k] || ctx.cue_used[k] || !ctx.is_word(k) {
                continue;
            }
            let Some(cue) = sourceless_cue(ctx, k, sr.end) else {
                continue;
            };
            let cs = ctx.span_of(cue.clone());
            if taken
                .iter()
                .chain(out.iter())
                .any(|c| c.fragments.iter().any(|f| f.start <= cs.start && cs.end <= f.end))
            {
                continue;
            }
            // The clause start: after the last clause boundary before the cue.
            let mut a = k;
            while a > sr.start {
                let w = ctx.lower[a - 1].as_str();
                if ctx.quoted[a - 1]
                    || matches!(w, "," | ";" | ":" | "—" | "–" | "(" | ")")
                    || matches!(
                        w,
                        "that"
                            | "where"
                            | "because"
                            | "although"
                            | "though"
                            | "while"
                            | "when"
                            | "if"
                            | "since"
                    )
                {
                    break;
                }
                a -= 1;
            }
            while a < k
                && matches!(
                    ctx.lower[a].as_str(),
                    "but" | "and" | "so" | "yet" | "still" | "now"
                )
            {
                a += 1;
            }
            let Some(c) = content(ctx, cue.end, sr.end, 2, false) else {
                continue;
            };
            let Some(c) = trim(ctx, a, c.end, 3) else {
                continue;
            };
            if c.clone().all(|j| ctx.quoted[j]) {
                continue;
            }
            out.push(Candidate {
                fragments: vec![ctx.span_of(c.clone())],
                kind: QuoteKind::Indirect,
                mention: None,
                cue: Some(cs),
                inherited: None,
                needs_speaker: false,
                quoted: false,
                sourceless: true,
            });
            i = c.end.max(i);
        }
    }
    out
}
