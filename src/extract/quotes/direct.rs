//! Direct quotes: attribute each quoted region to a cue and a speaker.
//!
//! Shapes, tried in this order for each region:
//! * cue after: "…," said X / "…," X said / "…," X, a professor, said;
//!   when another region follows the attribution ("…," X said, "…") the two
//!   are one quote with two fragments;
//! * cue before: X said: "…" / X told reporters, "…" / X said "…" /
//!   according to X, "…" / a paragraph ending "X added:" before a paragraph
//!   that opens with the quote; transcript style "WALLACE: …";
//! * no cue: a region that is a whole sentence (or several) is a floating
//!   quote, given the speaker of the nearest attributed quote or of the person
//!   just named; a phrase inside a sentence is a partial quote, given the
//!   speaker of the attribution it sits in.
//!
//! A region attributed by a cue before it that stops mid-sentence ("X said
//! the plan was “dead on arrival” and left") is partial, not direct.

use super::marks::Region;
use super::speaker::{Mention, MentionKind};
use super::Ctx;
use crate::article::Span;
use crate::extract::QuoteKind;

#[derive(Debug, Clone)]
pub struct Candidate {
    pub fragments: Vec<Span>,
    pub kind: QuoteKind,
    pub mention: Option<Mention>,
    pub cue: Option<Span>,
    /// A speaker name known without a mention.
    pub inherited: Option<String>,
    /// No cue: needs a speaker from its neighbours (floating or partial).
    pub needs_speaker: bool,
    /// The text is inside quote marks (direct or partial).
    pub quoted: bool,
    /// A statement with no source ("X is expected to …", "X reportedly …"):
    /// kept without a speaker.
    pub sourceless: bool,
}

impl Candidate {
    /// Attributed by a cue to a speaker mention.
    fn cued(fragments: Vec<Span>, kind: QuoteKind, mention: Mention, cue: Span, quoted: bool) -> Self {
        Candidate {
            fragments,
            kind,
            mention: Some(mention),
            cue: Some(cue),
            inherited: None,
            needs_speaker: false,
            quoted,
            sourceless: false,
        }
    }

    /// Quoted text with no cue of its own: takes its speaker from its neighbours.
    fn uncued(fragments: Vec<Span>, kind: QuoteKind) -> Self {
        Candidate {
            fragments,
            kind,
            mention: None,
            cue: None,
            inherited: None,
            needs_speaker: true,
            quoted: true,
            sourceless: false,
        }
    }
}

/// Token after the last token of `r` (the token at or after its end).
fn after_tok(ctx: &Ctx, r: &Region) -> usize {
    ctx.doc.token_at_or_after(r.end)
}

fn open_tok(ctx: &Ctx, r: &Region) -> usize {
    ctx.doc.token_at_or_after(r.open)
}

/// The cue ending at token `j` (one or two words), as (start token, class ok).
fn cue_ending_at(ctx: &Ctx, j: usize) -> Option<usize> {
    for back in 0..3 {
        if back > j {
            break;
        }
        let s = j - back;
        if let Some(h) = ctx.lex.cue_at(&ctx.lower, s) {
            if s + h.len - 1 == j && ctx.is_word(s) && !ctx.quoted[s] {
                return Some(s);
            }
        }
    }
    None
}

/// Attribution after a region: (mention, cue span, token index after the attribution).
fn attribution_after(ctx: &Ctx, r: &Region) -> Option<(Mention, Span, usize)> {
    let mut i = after_tok(ctx, r);
    let para = if i < ctx.lower.len() {
        ctx.paragraph_range(i)
    } else {
        return None;
    };
    if i >= para.end
        || ctx.paragraph_of(i) != ctx.paragraph_of(open_tok(ctx, r).min(ctx.lower.len() - 1))
            && r.fragments.len() == 1
    {
        return None;
    }
    let hi = para.end.min(i + 40);
    let mut skipped = 0;
    while i < hi && skipped < 2 && matches!(ctx.tok(i), "," | "—" | "–" | "-" | "--" | "…") {
        i += 1;
        skipped += 1;
    }
    if i >= hi || ctx.quoted[i] {
        return None;
    }
    // cue then speaker: "said Nam Chang-hee"
    if let Some(h) = ctx.lex.cue_at(&ctx.lower, i) {
        let mut j = i + h.len;
        while j < hi
            && ctx.is_word(j)
            && super::speaker::skippable(&ctx.lower[j])
            && !super::speaker::pronoun(&ctx.lower[j])
        {
            j += 1;
        }
        if let Some(m) = ctx.mention_right_with(j, hi, h.class == super::lexicon::CueClass::Speech) {
            let end = m.toks.end;
            return Some((m, ctx.span_of(i..i + h.len), end));
        }
        return None;
    }
    // speaker then cue: "he said", "Bennett, a senior analyst, said"
    let m = ctx.mention_right(i, hi)?;
    let mut j = m.toks.end;
    // "Jeffrey Lewis of the Middlebury Institute wrote"
    if m.role.is_none() && j < hi && matches!(ctx.lower[j].as_str(), "of" | "at" | "from" | "with") {
        let mut k = j + 1;
        while k < hi && k - j < 10 && !ctx.is_punct(k) && ctx.lex.cue_at(&ctx.lower, k).is_none() {
            k += 1;
        }
        if k < hi && ctx.lex.cue_at(&ctx.lower, k).is_some() {
            j = k;
        }
    }
    if let Some(role) = m.role {
        // skip the appositive and its closing comma
        j = ctx.doc.token_at_or_after(role.end);
        if j < hi && ctx.tok(j) == "," {
            j += 1;
        }
    }
    let mut n = 0;
    while j < hi && n < 3 && ctx.is_word(j) && super::speaker::skippable(&ctx.lower[j]) {
        j += 1;
        n += 1;
    }
    if j < hi {
        if let Some(h) = ctx.lex.cue_at(&ctx.lower, j) {
            if !h.participle {
                let end = j + h.len;
                let mut m = m;
                if m.kind != MentionKind::Name {
                    m.role = None;
                }
                return Some((m, ctx.span_of(j..end), end));
            }
        }
    }
    None
}

/// Attribution before a region: (mention, cue span).
fn attribution_before(ctx: &Ctx, r: &Region) -> Option<(Mention, Span)> {
    let o = open_tok(ctx, r);
    if o == 0 {
        return None;
    }
    let para = ctx.paragraph_range(o);
    // At a paragraph start: the previous paragraph may end with "X added:".
    let (mut j, lo) = if o == para.start {
        let prev = ctx.paragraph_range(o - 1);
        if ctx.tok(o - 1) != ":" {
            return None;
        }
        (o - 1, prev.start)
    } else {
        (o - 1, ctx.sentence_range(o).start.max(para.start))
    };
    // Transcript style at the paragraph start: "WALLACE: …", "Mr. Smith: …"
    if ctx.tok(j) == ":" && j > lo {
        let first = lo;
        if j - first <= 3
            && (first..j).all(|k| ctx.is_word(k) && ctx.tok(k).chars().next().is_some_and(char::is_uppercase))
        {
            let m = Mention {
                toks: first..j,
                kind: MentionKind::Name,
                role: None,
            };
            return Some((m, ctx.span_of(j..j + 1)));
        }
    }
    let mut colon = false;
    let comma = matches!(ctx.tok(j), "," | "—" | "–");
    while j > lo && matches!(ctx.tok(j), ":" | "," | "—" | "–") {
        colon |= ctx.tok(j) == ":";
        j -= 1;
    }
    if ctx.lower[j] == "that" && j > lo {
        j -= 1;
    }
    // "according to X, “…”"
    {
        let mut k = j;
        while k > lo && o - k < 10 && ctx.lower[k] != "according" {
            k -= 1;
        }
        if ctx.lower[k] == "according" && k + 1 < o && ctx.lower[k + 1] == "to" {
            if let Some(m) = ctx.mention_right(k + 2, o) {
                return Some((m, ctx.span_of(k..k + 2)));
            }
        }
    }
    // The rightmost cue within a few words before the mark.
    let window = if colon { 8 } else { 4 };
    let mut k = j + 1;
    while k > lo && j + 1 - k < window {
        k -= 1;
        if ctx.quoted[k] {
            break;
        }
        if let Some(s) = cue_ending_at(ctx, k) {
            let h = ctx.lex.cue_at(&ctx.lower, s)?;
            if !(colon || k == j || comma && matches!(h.lemma, "tell" | "ask")) {
                continue;
            }
            if h.participle {
                // "…, saying: “…”" — the sentence's subject speaks.
                let sr = ctx.sentence_range(s);
                if let Some(m) = ctx.mention_right(sr.start, s) {
                    return Some((m, ctx.span_of(s..k + 1)));
                }
                continue;
            }
            if let Some(m) = ctx.mention_left(s, lo) {
                return Some((m, ctx.span_of(s..k + 1)));
            }
        }
    }
    None
}

/// Only punctuation and marks between token `a` and `b`.
fn only_punct(ctx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).all(|k| ctx.is_punct(k))
}

/// The region is a whole sentence: nothing but punctuation around it in its sentence(s).
fn whole_sentence(ctx: &Ctx, r: &Region) -> bool {
    starts_sentence(ctx, r) && ends_sentence(ctx, r)
}

/// The region runs to the end of its sentence.
fn ends_sentence(ctx: &Ctx, r: &Region) -> bool {
    let a = after_tok(ctx, r);
    if a == 0 || a > ctx.lower.len() {
        return true;
    }
    let end = ctx.sentence_range(a - 1).end;
    only_punct(ctx, a.min(end), end)
}

fn starts_sentence(ctx: &Ctx, r: &Region) -> bool {
    let o = open_tok(ctx, r);
    if o >= ctx.lower.len() {
        return false;
    }
    if only_punct(ctx, ctx.sentence_range(o).start, o) {
        return true;
    }
    // The splitter may hang an opening mark on the previous sentence.
    let para = ctx.paragraph_range(o);
    let mut k = o;
    while k > para.start && ctx.is_mark(k - 1) {
        k -= 1;
    }
    k == para.start
        || matches!(
            ctx.tok(k - 1),
            "." | "!" | "?" | ":" | "…" | "..." | "—" | "–" | ";"
        )
}

/// Attribute every region; returns the candidates (direct and partial).
pub fn attribute(ctx: &mut Ctx, regions: &[Region]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = 0;
    let words = |r: &Region| {
        r.fragments
            .iter()
            .map(|f| f.slice(ctx.doc.text).split_whitespace().count())
            .sum::<usize>()
    };
    while i < regions.len() {
        let r = &regions[i];
        i += 1;
        if r.single && words(r) < 3 {
            continue;
        }
        if let Some((m, cue, end)) = attribution_after(ctx, r) {
            let mut fragments = r.fragments.clone();
            let mut follow: Option<Vec<Span>> = None;
            let cue_a = ctx.doc.token_at_or_after(cue.start);
            let cue_b = ctx.doc.token_at_or_after(cue.end);
            // Middle: "…," X said, "…"
            if i < regions.len() {
                let nr = &regions[i];
                let no = open_tok(ctx, nr);
                let para_same = no < ctx.lower.len() && ctx.paragraph_of(no) == ctx.paragraph_of(cue_a);
                let mut k = end;
                // skip a role appositive
                if let Some(role) = m.role {
                    k = k.max(ctx.doc.token_at_or_after(role.end));
                }
                let adjacent = no >= k
                    && no - k <= 2
                    && only_punct(ctx, k, no)
                    && (no == k || matches!(ctx.tok(k), "," | ":" | "." | "—"));
                // "…," X said, a professor at Y. “…” — the quote goes on after the attribution's sentence.
                let next_sentence = no >= k && no - k <= 30 && {
                    let sr = ctx.sentence_range(k.min(ctx.lower.len() - 1));
                    (sr.end == no || sr.end == no + 1)
                        && (k..no).all(|t| !ctx.quoted[t])
                        && (k..no).any(|t| ctx.tok(t) == ".")
                };
                if para_same && !nr.single && adjacent {
                    fragments.extend(nr.fragments.iter().copied());
                    i += 1;
                } else if para_same && !nr.single && next_sentence {
                    // The quote goes on in the next sentence: a quote of its
                    // own with the same speaker and cue.
                    follow = Some(nr.fragments.clone());
                    i += 1;
                }
            }
            let kind = if starts_sentence(ctx, r) || r.fragments.len() > 1 || ends_sentence_before_cue(ctx, r)
            {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            for u in &mut ctx.cue_used[cue_a..cue_b] {
                *u = true;
            }
            if kind == QuoteKind::Partial {
                // "The plan was “dead,” X said.": the statement runs from the
                // sentence start; it quotes some of its words.
                let o = open_tok(ctx, r);
                let s0 = ctx.doc.tokens[ctx.sentence_range(o).start].span.start;
                let last = fragments[fragments.len() - 1].end;
                if ctx.cfg.partial_phrase_rows {
                    out.push(Candidate::cued(fragments.clone(), kind, m.clone(), cue, true));
                }
                out.push(Candidate::cued(
                    vec![Span::new(s0.min(fragments[0].start), last)],
                    if ctx.cfg.partial {
                        QuoteKind::Partial
                    } else {
                        QuoteKind::Indirect
                    },
                    m,
                    cue,
                    false,
                ));
                continue;
            }
            if let Some(f) = follow {
                out.push(Candidate::cued(f, QuoteKind::Direct, m.clone(), cue, true));
            }
            out.push(Candidate::cued(fragments, kind, m, cue, true));
            continue;
        }
        if let Some((m, cue)) = attribution_before(ctx, r) {
            let kind = if ends_sentence(ctx, r) || !r.closed {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            let cue_a = ctx.doc.token_at_or_after(cue.start);
            let cue_b = ctx.doc.token_at_or_after(cue.end);
            if kind == QuoteKind::Partial {
                // "X called it “a disgrace” and left": the indirect pass reports
                // the statement; this phrase only marks it partial.
                out.push(Candidate::uncued(r.fragments.clone(), kind));
                continue;
            }
            for u in &mut ctx.cue_used[cue_a..cue_b] {
                *u = true;
            }
            out.push(Candidate::cued(r.fragments.clone(), kind, m, cue, true));
            continue;
        }
        if !r.closed {
            continue;
        }
        if whole_sentence(ctx, r) && (!r.single || words(r) >= 4) {
            if ctx.cfg.floating {
                out.push(Candidate::uncued(r.fragments.clone(), QuoteKind::Direct));
            }
        } else if !r.single {
            out.push(Candidate::uncued(r.fragments.clone(), QuoteKind::Partial));
        }
    }
    out
}

/// "…," said X where the quote is the sentence's opening clause (after a colon or dash).
fn ends_sentence_before_cue(ctx: &Ctx, r: &Region) -> bool {
    let o = open_tok(ctx, r);
    o > 0 && matches!(ctx.tok(o - 1), ":" | "—" | "–")
}

/// Give floating and partial candidates a speaker from their neighbours;
/// drop the partial ones that find none. `all` is in text order.
pub fn fill_unattributed(ctx: &Ctx, all: &mut [Candidate]) {
    let reach = ctx.cfg.floating_reach;
    for i in 0..all.len() {
        if !all[i].needs_speaker {
            continue;
        }
        let start = all[i].fragments[0].start;
        let t = ctx.doc.token_at_or_after(start).min(ctx.lower.len() - 1);
        let para = ctx.paragraph_of(t);
        if all[i].kind == QuoteKind::Partial {
            // The statement the phrase sits in: it becomes partial; the phrase
            // itself is a row only with `partial_phrase_rows`.
            let end = all[i].fragments[0].end;
            let host = all.iter().enumerate().position(|(j, c)| {
                j != i
                    && !c.needs_speaker
                    && c.mention.is_some()
                    && c.fragments.iter().any(|f| f.start <= start && end <= f.end)
            });
            match host {
                Some(h) => {
                    if ctx.cfg.partial && all[h].kind == QuoteKind::Indirect {
                        all[h].kind = QuoteKind::Partial;
                    }
                    if ctx.cfg.partial_phrase_rows {
                        all[i].mention = all[h].mention.clone();
                        all[i].cue = all[h].cue;
                    } else {
                        all[i].fragments.clear();
                    }
                }
                None => all[i].fragments.clear(),
            }
            continue;
        }
        // Floating: the nearest attributed quote before, within reach, else after.
        let para_of = |c: &Candidate| {
            ctx.paragraph_of(
                ctx.doc
                    .token_at_or_after(c.fragments[0].start)
                    .min(ctx.lower.len() - 1),
            )
        };
        let prev = (0..i)
            .rev()
            .find(|&j| all[j].mention.is_some() && all[j].quoted && !all[j].fragments.is_empty());
        let next = (i + 1..all.len())
            .find(|&j| all[j].mention.is_some() && all[j].quoted && !all[j].fragments.is_empty());
        let near = |j: usize| para.abs_diff(para_of(&all[j])) <= reach;
        let pick = match (prev, next) {
            (Some(p), _) if near(p) => Some(p),
            (_, Some(n)) if para_of(&all[n]) <= para + 1 && para_of(&all[n]) >= para => Some(n),
            _ => None,
        };
        // A person named just before, after the previous quote's paragraph, wins.
        let named = person_just_named(ctx, t).filter(|m| match prev {
            Some(p) => para_of(&all[p]) < ctx.paragraph_of(m.toks.start),
            None => true,
        });
        if let Some(m) = named {
            all[i].mention = Some(m);
        } else if let Some(j) = pick {
            all[i].mention = all[j].mention.clone();
        }
    }
}

/// The last capitalised name of two or more words in the two sentences before token `t`.
fn person_just_named(ctx: &Ctx, t: usize) -> Option<Mention> {
    let s = ctx.doc.sentence_at(ctx.doc.tokens[t].span.start)?;
    let lo_s = s.saturating_sub(2);
    let lo = ctx.doc.sentences[lo_s].tokens.start;
    let hi = ctx.doc.sentences[s].tokens.start;
    let mut k = hi;
    while k > lo {
        k -= 1;
        if ctx.quoted[k] || !ctx.is_word(k) {
            continue;
        }
        let cap = |i: usize| ctx.is_word(i) && ctx.tok(i).chars().next().is_some_and(char::is_uppercase);
        if cap(k) && k > lo && cap(k - 1) {
            let mut a = k - 1;
            while a > lo && cap(a - 1) {
                a -= 1;
            }
            let m = Mention {
                toks: a..k + 1,
                kind: MentionKind::Name,
                role: None,
            };
            return Some(m);
        }
    }
    None
}
