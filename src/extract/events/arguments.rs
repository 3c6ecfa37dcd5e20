//! Arguments of a trigger: actors with roles, place, date, clause span, and the
//! final type (a few types depend on their arguments).

use super::lexicon::Form;
use super::{actor, is_location, words, Sent, Trig};
use crate::analyze::TokenKind;
use crate::article::Span;
use crate::extract::{Actor, DateExpr, Entity, TimexType};

pub(crate) struct Ctx<'a, 'b> {
    pub s: &'b Sent<'a>,
    pub text: &'a str,
    pub entities: &'b [Entity],
}

#[derive(Debug, Default)]
pub(crate) struct Args {
    pub actors: Vec<Actor>,
    pub place: Option<String>,
    /// Token ranges used, to widen the clause span.
    pub lo: usize,
    pub hi: usize,
    /// Head word of the agent phrase, lower-cased.
    pub agent_head: Option<String>,
    pub patient_head: Option<String>,
    /// The patient is an ORG entity.
    pub patient_is_org: bool,
    /// An agent or patient phrase is a name: headed by an entity, or holding a
    /// person, organisation or place ("Intel processors").
    pub named: bool,
}

/// Is the phrase a name (see [`Args::named`])? With no entities at all, a
/// capitalised head stands in.
fn np_named(ctx: &Ctx, np: Np) -> bool {
    let s = ctx.s;
    let mut h = np.end - 1;
    while h > np.start && s.w[h].lower == "'s" {
        h -= 1;
    }
    if ctx.entities.is_empty() {
        return s.w[h].cap && !words::is_det(&s.w[h].lower) && !words::is_pronoun(&s.w[h].lower);
    }
    s.w[h].ent.is_some()
        || (np.start..np.end).any(|j| {
            s.w[j].ent.is_some_and(|e| {
                matches!(
                    ctx.entities[e].kind,
                    crate::extract::EntityType::Person
                        | crate::extract::EntityType::Org
                        | crate::extract::EntityType::Location
                )
            })
        })
}

/// The subject of a coordinated or participial verb with none of its own
/// ("Apple makes X and sells Y", "Boeing delivered the jet, ending an era"): the
/// named phrase opening the trigger's segment or an earlier one (not an appositive
/// or adverbial piece).
fn shared_subject(s: &Sent, start: usize, ing: bool, seg: usize) -> Option<Np> {
    let (lo, _) = s.segs[seg];
    let mut k = start;
    while k > lo && is_chain(s, k - 1) {
        k -= 1;
    }
    let coordinated = k > lo && matches!(s.w[k - 1].lower.as_str(), "and" | "or");
    let participle = k == lo && ing && lo > 0 && s.w[lo - 1].text == ",";
    if !coordinated && !participle {
        return None;
    }
    for sg in (0..=seg).rev() {
        let (plo, phi) = s.segs[sg];
        let t = &s.w[plo];
        let l = t.lower.as_str();
        if t.ent.is_none()
            && (words::is_prep(l)
                || words::is_subordinator(l)
                || words::is_relative(l)
                || words::is_pronoun(l)
                || matches!(l, "and" | "or" | "but")
                || words::is_det(l) && sg > 0
                || !t.cap)
        {
            continue;
        }
        let Some(np) = forward_np(s, plo, phi) else {
            continue;
        };
        // the name ends where a lower-case word follows it ("Kestrel Labs designs ...")
        let end = (np.start + 1..np.end)
            .find(|&j| {
                let t = &s.w[j];
                !t.cap
                    && t.ent.is_none()
                    && t.kind == TokenKind::Word
                    && (s.w[j - 1].cap || s.w[j - 1].ent.is_some())
            })
            .unwrap_or(np.end);
        let h = end - 1;
        if end <= k && (s.w[h].cap || s.w[h].ent.is_some()) {
            return Some(Np { end, ..np });
        }
    }
    None
}

/// A noun phrase found by the scanners.
#[derive(Debug, Clone, Copy)]
struct Np {
    start: usize,
    end: usize,
    /// Position of an "of" joining a head to its complement ("administration of X").
    of_pos: Option<usize>,
}

enum Back {
    Np(Np),
    Pronoun,
    Relative,
    Nothing,
}

fn is_np_tok(s: &Sent, k: usize) -> bool {
    let t = &s.w[k];
    if t.ent.is_some() {
        return true;
    }
    if t.date.is_some() {
        return false;
    }
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(t.text, "$" | "%" | "€" | "£" | "¥" | "₩" | "&" | "'s" | "’s"),
        TokenKind::Word => {
            let l = t.lower.as_str();
            if l == "'s" {
                return true;
            }
            if !t.cap
                && (l.len() > 4 && l.ends_with("ed") || words::is_irregular_past(l))
                && !(k > 0 && words::is_det(&s.w[k - 1].lower))
            {
                return false;
            }
            if t.cap {
                return !(words::is_det(l)
                    || words::is_prep(l)
                    || words::is_pronoun(l)
                    || words::is_subordinator(l))
                    || k > 0;
            }
            !(words::is_det(l)
                || words::is_prep(l)
                || words::is_aux(l)
                || words::is_pronoun(l)
                || words::is_relative(l)
                || words::is_subordinator(l)
                || words::is_report_verb(l)
                || words::is_neg(l)
                || words::is_plan_cue(l) && (l.ends_with("ed") || l.ends_with("ing") || l.ends_with('s'))
                || words::is_fail_cue(l)
                || matches!(l, "and" | "or" | "to" | "but" | "nor" | "not")
                || l.ends_with("ly") && l.len() > 4)
        }
    }
}

/// Skippable words between a subject and its verb.
fn is_chain(s: &Sent, k: usize) -> bool {
    let t = &s.w[k];
    if t.date.is_some() {
        return true;
    }
    let l = t.lower.as_str();
    t.kind == TokenKind::Word
        && !t.cap
        && t.ent.is_none()
        && (words::is_aux(l)
            || words::is_neg(l) && l != "no"
            || words::is_chain_adverb(l)
            || l == "to"
            || words::is_plan_cue(l)
            || words::is_fail_cue(l)
            || words::is_aspect_verb(l)
                && s.w
                    .get(k + 1)
                    .is_some_and(|n| n.lower == "to" || n.lower.ends_with("ing")))
}

fn entity_start(s: &Sent, k: usize) -> usize {
    let e = s.w[k].ent;
    let mut j = k;
    while j > 0 && s.w[j - 1].ent == e {
        j -= 1;
    }
    j
}

fn entity_end(s: &Sent, k: usize) -> usize {
    let e = s.w[k].ent;
    let mut j = k + 1;
    while j < s.w.len() && s.w[j].ent == e {
        j += 1;
    }
    j
}

/// The noun phrase ending just before `from` (chain words skipped), within [lo, from).
fn backward_np(s: &Sent, from: usize, lo: usize, skip_chain: bool) -> Back {
    let mut k = from;
    if skip_chain {
        // auxiliaries, adverbs, and a date with its preposition ("X on Tuesday delivered")
        while k > lo
            && (is_chain(s, k - 1)
                || k < from
                    && words::is_prep(&s.w[k - 1].lower)
                    && s.w[k].date.is_some()
                    && s.w[k - 1].ent.is_none())
        {
            k -= 1;
        }
    }
    let skipped = k < from;
    if k <= lo {
        return Back::Nothing;
    }
    let l = s.w[k - 1].lower.as_str();
    if s.w[k - 1].ent.is_none() && (words::is_pronoun(l) || l == "this" || l == "that" && k - 1 == lo) {
        return if words::is_relative(l) && k - 1 == lo {
            Back::Relative
        } else {
            Back::Pronoun
        };
    }
    if s.w[k - 1].ent.is_none() && words::is_relative(l) {
        return Back::Relative;
    }
    if !is_np_tok(s, k - 1) {
        return Back::Nothing;
    }
    let end = k;
    let mut st = k - 1;
    if s.w[st].ent.is_some() {
        st = entity_start(s, st).max(lo);
    }
    let mut of_pos = None;
    loop {
        while st > lo && is_np_tok(s, st - 1) && end - st < 12 {
            // a lower-case word before a name is a verb or a preceding phrase ("shows Polish troops")
            let t = &s.w[st - 1];
            if !t.cap
                && !t.text.chars().any(|c| c.is_uppercase())
                && t.ent.is_none()
                && t.kind == TokenKind::Word
                && t.lower != "'s"
                && (s.w[st].cap || s.w[st].ent.is_some())
            {
                break;
            }
            st -= 1;
            if s.w[st].ent.is_some() {
                st = entity_start(s, st).max(lo);
            }
        }
        if st > lo + 1 && matches!(s.w[st - 1].lower.as_str(), "and" | "&") && is_np_tok(s, st - 2) {
            st -= 1;
            continue;
        }
        if st > lo + 1 && s.w[st - 1].lower == "of" && of_pos.is_none() && is_np_tok(s, st - 2) {
            of_pos = Some(st - 1);
            st -= 1;
            continue;
        }
        if st > lo && words::is_det(&s.w[st - 1].lower) && s.w[st - 1].ent.is_none() {
            st -= 1;
        }
        break;
    }
    // a prepositional object is not a subject: look further back
    if st > lo {
        let p = s.w[st - 1].lower.as_str();
        // (a clause-opening "after/before/since/until X was ..." is a subject)
        let clause = skipped && matches!(p, "after" | "before" | "since" | "until" | "as");
        if words::is_prep(p) && p != "of" && s.w[st - 1].ent.is_none() && !clause {
            return backward_np(s, st - 1, lo, false);
        }
    }
    Back::Np(Np {
        start: st,
        end,
        of_pos,
    })
}

/// The noun phrase starting at `k` (a leading determiner allowed), within [k, hi).
fn forward_np(s: &Sent, k: usize, hi: usize) -> Option<Np> {
    let mut j = k;
    if j < hi && words::is_det(&s.w[j].lower) && s.w[j].ent.is_none() {
        j += 1;
    }
    let first = j;
    while j < hi && j - k < 10 {
        let t = &s.w[j];
        if t.ent.is_some() {
            j = entity_end(s, j).min(hi);
            continue;
        }
        if !is_np_tok(s, j) {
            if t.lower == "and"
                && j + 1 < hi
                && j > first
                && (is_np_tok(s, j + 1) || words::is_det(&s.w[j + 1].lower))
            {
                j += 1;
                if words::is_det(&s.w[j].lower) {
                    j += 1;
                }
                continue;
            }
            break;
        }
        // participle after a head noun ends the phrase ("troops stationed on")
        if j > first
            && !t.cap
            && t.kind == TokenKind::Word
            && (t.lower.ends_with("ed") || t.lower.ends_with("ing"))
        {
            break;
        }
        j += 1;
    }
    (j > first).then_some(Np {
        start: k,
        end: j,
        of_pos: None,
    })
}

fn written(ctx: &Ctx, a: usize, b: usize) -> Option<String> {
    let s = ctx.s;
    let mut a = a;
    while a < b && (words::is_det(&s.w[a].lower) && s.w[a].ent.is_none()) {
        a += 1;
    }
    let mut b = b;
    while b > a && matches!(s.w[b - 1].lower.as_str(), "'s" | "and" | "&") {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let txt = &ctx.text[s.w[a].span.start..s.w[b - 1].span.end];
    if b - a == 1 && words::is_pronoun(&s.w[a].lower) {
        return None;
    }
    Some(txt.to_string())
}

/// Names for a phrase: entity canonicals for entity-headed conjuncts, else the phrase as written.
fn np_names(ctx: &Ctx, np: Np) -> Vec<String> {
    let s = ctx.s;
    let (a, b) = match np.of_pos {
        Some(p) if (p + 1..np.end).any(|j| s.w[j].ent.is_some()) => (p + 1, np.end),
        _ => (np.start, np.end),
    };
    let mut head = b - 1;
    while head > a && matches!(s.w[head].lower.as_str(), "'s") {
        head -= 1;
    }
    if s.w[head].ent.is_none() {
        return written(ctx, a, b).into_iter().collect();
    }
    let mut out = Vec::new();
    let mut cs = a;
    let push = |cs: usize, ce: usize, out: &mut Vec<String>| {
        if cs >= ce {
            return;
        }
        let mut last = ce - 1;
        while last > cs && s.w[last].lower == "'s" {
            last -= 1;
        }
        let name = match s.w[last].ent {
            Some(ei) => Some(ctx.entities[ei].canonical.clone()),
            None => written(ctx, cs, ce),
        };
        if let Some(n) = name {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    };
    for j in a..b {
        if s.w[j].ent.is_none() && matches!(s.w[j].lower.as_str(), "and" | "&" | "or") {
            push(cs, j, &mut out);
            cs = j + 1;
        }
    }
    push(cs, b, &mut out);
    out
}

fn head_lower(s: &Sent, np: Np) -> String {
    let mut h = np.end - 1;
    while h > np.start && s.w[h].lower == "'s" {
        h -= 1;
    }
    s.w[h].lower.clone()
}

fn add(actors: &mut Vec<Actor>, names: Vec<String>, role: &'static str) {
    for n in names {
        if !actors.iter().any(|a| a.name == n) {
            actors.push(actor(n, role));
        }
    }
}

/// A proper name right before an event noun ("the Qatar Airways order", "EU ban",
/// "Boeing-Air Force contract talks"): capitalised words or an entity, not a date,
/// not a sentence-opening determiner.
fn name_premodifier(s: &Sent, k: usize, lo: usize) -> Option<Np> {
    let mut j = k;
    let name_tok = |t: &super::W| {
        t.date.is_none()
            && !words::is_month_or_day(&t.lower)
            && (t.ent.is_some()
                || t.cap
                    && t.kind == TokenKind::Word
                    && !words::is_det(&t.lower)
                    && !words::is_pronoun(&t.lower))
    };
    while j > lo && k - j < 6 {
        let t = &s.w[j - 1];
        if name_tok(t) {
            j -= 1;
            if t.ent.is_some() {
                j = entity_start(s, j).max(lo);
            }
            continue;
        }
        // a model number after a name: "iPhone 4 pre-orders", "Boeing 787 deliveries"
        if j == k
            && t.kind == TokenKind::Number
            && j - 1 > lo
            && (s.w[j - 2].ent.is_some() || s.w[j - 2].cap && s.w[j - 2].kind == TokenKind::Word)
            && t.date.is_none()
        {
            j -= 1;
            continue;
        }
        // inner joiners of a name: "Boeing-Air Force", "AT&T"
        if j < k && j - 1 > lo && matches!(t.text, "-" | "&") && name_tok(&s.w[j - 2]) {
            j -= 1;
            continue;
        }
        break;
    }
    // one common-noun modifier between the name and the noun: "Boeing-Air Force contract talks"
    if j == k && k >= lo + 2 {
        let m = &s.w[k - 1];
        if m.kind == TokenKind::Word
            && !m.cap
            && m.ent.is_none()
            && is_np_tok(s, k - 1)
            && name_tok(&s.w[k - 2])
        {
            if let Some(np) = name_premodifier(s, k - 1, lo) {
                return Some(np);
            }
        }
    }
    // a capitalised sentence opener alone ("Pre-orders", "Sales") is no name
    if j == k || (j == 0 && k - j == 1 && s.w[0].ent.is_none()) {
        return None;
    }
    Some(Np {
        start: j,
        end: k,
        of_pos: None,
    })
}

/// Find the agent before the trigger, following relatives and appositions back.
fn agent_before(s: &Sent, from: usize, seg: usize, skip_chain: bool) -> Option<Np> {
    let (lo, _) = s.segs[seg];
    match backward_np(s, from, lo, skip_chain) {
        Back::Np(np) => {
            // "a contract to purchase", "plans to buy": a noun complement; the agent is further back
            let to_between = (np.end..from).any(|j| s.w[j].lower == "to");
            let h = np.end - 1;
            if to_between && !s.w[h].cap && s.w[h].ent.is_none() && np.start > lo {
                let mut j = np.start;
                while j > lo
                    && (is_chain(s, j - 1)
                        || words::is_light_verb(&s.w[j - 1].lower)
                        || !is_np_tok(s, j - 1)
                            && s.w[j - 1].kind == TokenKind::Word
                            && !words::is_prep(&s.w[j - 1].lower)
                            && !words::is_pronoun(&s.w[j - 1].lower)
                            && !words::is_relative(&s.w[j - 1].lower))
                {
                    j -= 1;
                }
                if j < np.start {
                    if let Some(np2) = agent_before(s, j, seg, false) {
                        let h2 = np2.end - 1;
                        if s.w[h2].cap || s.w[h2].ent.is_some() {
                            return Some(np2);
                        }
                    }
                }
            }
            Some(np)
        }
        Back::Pronoun => {
            // "X said it would ...": it/they/he/she → the sentence's first named phrase
            let mut k = from;
            while k > lo && is_chain(s, k - 1) {
                k -= 1;
            }
            let p = if k > lo { s.w[k - 1].lower.as_str() } else { "" };
            if !matches!(p, "it" | "they" | "he" | "she") {
                return None;
            }
            let (slo, shi) = s.segs[0];
            let np = forward_np(s, slo, shi)?;
            let h = np.end - 1;
            (np.end < k && (s.w[h].cap || s.w[h].ent.is_some())).then_some(np)
        }
        Back::Relative => {
            // the antecedent: the phrase ending the previous segment
            if seg == 0 {
                return None;
            }
            let (plo, phi) = s.segs[seg - 1];
            let mut e = phi;
            while e > plo && s.w[e - 1].kind == TokenKind::Punct {
                e -= 1;
            }
            match backward_np(s, e, plo, false) {
                Back::Np(np) => Some(np),
                _ => None,
            }
        }
        Back::Nothing => {
            // nothing in this segment: hop back over appositions ("X, a professor at Y, noted")
            let mut sg = seg;
            let mut hops = 0;
            if from > lo && (lo..from).any(|j| !is_chain(s, j) && s.w[j].kind == TokenKind::Word) {
                return None;
            }
            while sg > 0 && hops < 3 {
                sg -= 1;
                hops += 1;
                let (plo, phi) = s.segs[sg];
                let first = s.w[plo].lower.as_str();
                let appositive = (words::is_det(first) && s.w[plo].ent.is_none())
                    || words::is_relative(first) && s.w[plo].ent.is_none()
                    || (!s.w[plo].cap && s.w[plo].kind == TokenKind::Word && !words::is_subordinator(first));
                let adverbial = (words::is_prep(first) || words::is_subordinator(first))
                    && s.w[plo].ent.is_none()
                    || s.w[plo].date.is_some();
                if appositive || adverbial || phi - plo <= 1 {
                    continue;
                }
                // the subject of an earlier clause: stop at its verb ("Apple releases X, announces Y")
                let np = forward_np(s, plo, phi)?;
                let cut = (np.start + 1..np.end).find(|&j| {
                    let t = &s.w[j];
                    !t.cap
                        && t.ent.is_none()
                        && t.kind == TokenKind::Word
                        && t.lower.ends_with('s')
                        && (s.w[j - 1].cap || s.w[j - 1].ent.is_some())
                });
                return Some(Np {
                    end: cut.unwrap_or(np.end),
                    ..np
                });
            }
            None
        }
    }
}

pub(crate) fn arguments(ctx: &Ctx, tr: &Trig) -> Args {
    let s = ctx.s;
    let seg = s.w[tr.head].seg;
    let (lo, hi) = s.segs[seg];
    let mut args = Args {
        lo: tr.start,
        hi: tr.end,
        ..Default::default()
    };
    let mut actors = Vec::new();
    let passive = !tr.nominal && tr.form == Form::Past && {
        let mut k = tr.head;
        while k > lo && (words::is_chain_adverb(&s.w[k - 1].lower) || words::is_neg(&s.w[k - 1].lower)) {
            k -= 1;
        }
        k > lo && words::is_be(&s.w[k - 1].lower) || s.w.get(tr.end).is_some_and(|t| t.lower == "by")
    };
    // before the trigger
    let mut before: Option<Np> = None;
    // the subject of "won/secured/received an order": the order's recipient when "from X" follows
    let mut recv_support = false;
    if tr.nominal {
        let k = tr.start;
        if k > lo && matches!(s.w[k - 1].lower.as_str(), "'s") {
            if let Back::Np(np) = backward_np(s, k - 1, lo, false) {
                before = Some(Np { end: k - 1, ..np });
            }
        } else if let Some(np) = name_premodifier(s, k, lo) {
            // a name modifying the event noun: "the Qatar Airways order", "an EU ban"
            before = Some(np);
        } else {
            // object of a light verb: "X held talks", "troops engaging in an exercise"
            let mut j = k;
            while j > lo
                && (words::is_det(&s.w[j - 1].lower)
                    || (!s.w[j - 1].cap
                        && s.w[j - 1].kind == TokenKind::Word
                        && !words::is_light_verb(&s.w[j - 1].lower)
                        && !words::is_prep(&s.w[j - 1].lower)
                        && !words::is_aux(&s.w[j - 1].lower)
                        && k - j < 2
                        && !is_np_tok(s, j - 1)))
            {
                j -= 1;
            }
            let mut lv = false;
            while j > lo
                && !s.w[j - 1].cap
                && s.w[j - 1].ent.is_none()
                && (words::is_light_verb(&s.w[j - 1].lower)
                    || words::is_support_verb(&s.w[j - 1].lower)
                    || s.w[j - 1].lower == "in"
                    || s.w[j - 1].lower.ends_with("ed") && s.w[j - 1].lower.len() > 4)
            {
                j -= 1;
                lv = true;
            }
            if lv {
                // "... and had made the purchase": a coordinated support verb shares the subject
                before = agent_before(s, j, seg, true).or_else(|| shared_subject(s, j, false, seg));
                recv_support = (j..k).any(|x| words::is_receiving_verb(&s.w[x].lower));
            }
        }
    } else {
        before = agent_before(s, tr.start, seg, true);
        if before.is_none() && !passive {
            before = shared_subject(s, tr.start, tr.form == Form::Ing, seg);
        }
    }
    if let Some(np) = before {
        args.lo = args.lo.min(np.start);
        let role = if passive { "patient" } else { "agent" };
        let head = head_lower(s, np);
        if role == "agent" {
            args.agent_head = Some(head);
        } else {
            args.patient_head = Some(head);
        }
        args.named |= np_named(ctx, np);
        add(&mut actors, np_names(ctx, np), role);
    }
    // after the trigger
    let mut i = tr.end;
    while i < hi
        && matches!(
            s.w[i].lower.as_str(),
            "up" | "out" | "off" | "down" | "back" | "away"
        )
    {
        i += 1;
    }
    while i < hi && words::is_chain_adverb(&s.w[i].lower) && !s.w[i].cap {
        i += 1;
    }
    // "a press conference held by Apple": the participle's agent is the noun's
    if tr.nominal
        && i + 1 < hi
        && s.w[i + 1].lower == "by"
        && !s.w[i].cap
        && (s.w[i].lower.ends_with("ed") || words::is_irregular_past(&s.w[i].lower))
    {
        i += 1;
    }
    let mut steps = 0;
    let mut have_patient = actors.iter().any(|a| a.role == "patient");
    while i < hi && steps < 5 {
        steps += 1;
        let l = s.w[i].lower.as_str();
        if s.w[i].date.is_some() {
            i += 1;
            continue;
        }
        // "for up to 60 jets", "as many as": a quantity, not a recipient
        if l == "up" && s.w.get(i + 1).is_some_and(|t| t.lower == "to") {
            i += 2;
            continue;
        }
        if words::is_prep(l)
            && s.w.get(i + 1).is_some_and(|t| t.lower == "up")
            && s.w.get(i + 2).is_some_and(|t| t.lower == "to")
        {
            i += 3;
            continue;
        }
        if l == "to"
            && i + 1 < hi
            && s.w[i + 1].kind == TokenKind::Word
            && !s.w[i + 1].cap
            && s.w[i + 1].ent.is_none()
            && !words::is_det(&s.w[i + 1].lower)
        {
            break; // infinitive
        }
        if words::is_prep(l) && s.w[i].ent.is_none() {
            if i + 1 < hi && s.w[i + 1].date.is_some() {
                i += 1;
                continue;
            }
            let Some(np) = forward_np(s, i + 1, hi) else {
                break;
            };
            let role = match l {
                "with" | "to" => Some("recipient"),
                "against" => Some("patient"),
                "of" if tr.nominal && !have_patient => Some("patient"),
                "by" if passive || tr.nominal => Some("agent"),
                "between" if tr.nominal => Some("agent"),
                "from" if tr.nominal && tr.kind == "deal" => {
                    if recv_support {
                        for a in actors.iter_mut().filter(|a: &&mut Actor| a.role == "agent") {
                            a.role = "recipient";
                        }
                    }
                    (!actors.iter().any(|a: &Actor| a.role == "agent")).then_some("agent")
                }
                _ => None,
            };
            if let Some(r) = role {
                let names = np_names(ctx, np);
                if r == "patient" {
                    have_patient = true;
                    args.patient_head = Some(head_lower(s, np));
                }
                if r == "agent" {
                    args.agent_head = Some(head_lower(s, np));
                }
                if r == "agent" || r == "patient" {
                    args.named |= np_named(ctx, np);
                }
                add(&mut actors, names, r);
                args.hi = args.hi.max(np.end);
            }
            i = np.end;
            continue;
        }
        // a gerund after a preposition takes a direct object ("after launching the iPhone")
        let gerund = tr.nominal
            && tr.form == Form::Ing
            && tr.start > 0
            && words::is_prep(&s.w[tr.start - 1].lower)
            && !words::is_det(&s.w[tr.start - 1].lower);
        if (!tr.nominal || gerund)
            && !passive
            && !have_patient
            && (is_np_tok(s, i) || words::is_det(l))
            && s.w[i].kind != TokenKind::Punct
        {
            if let Some(np) = forward_np(s, i, hi) {
                args.patient_head = Some(head_lower(s, np));
                args.patient_is_org = s.w[np.end - 1]
                    .ent
                    .is_some_and(|e| ctx.entities[e].kind == crate::extract::EntityType::Org);
                args.named |= np_named(ctx, np);
                add(&mut actors, np_names(ctx, np), "patient");
                have_patient = true;
                args.hi = args.hi.max(np.end);
                i = np.end;
                continue;
            }
        }
        if s.w[i].kind == TokenKind::Number || matches!(s.w[i].text, "$" | "%" | "€" | "£") {
            i += 1;
            continue;
        }
        break;
    }
    // an event noun in an opening adverbial ("At a press conference, Apple unveiled"):
    // the main clause's subject is its agent
    if tr.nominal && actors.is_empty() && seg == 0 && words::is_prep(&s.w[lo].lower) && s.segs.len() > 1 {
        let (nlo, nhi) = s.segs[1];
        if let Some(np) = forward_np(s, nlo, nhi) {
            let h = np.end - 1;
            if (s.w[nlo].cap || s.w[nlo].ent.is_some()) && (s.w[h].cap || s.w[h].ent.is_some()) {
                args.agent_head = Some(head_lower(s, np));
                args.named |= np_named(ctx, np);
                add(&mut actors, np_names(ctx, np), "agent");
            }
        }
    }
    // inverted reporting verb: "..., said Angers", "said the ministry"
    if super::is_reporting_lemma(tr.lemma) && !actors.iter().any(|a| a.role == "agent") && tr.end < s.w.len()
    {
        let nseg = s.w[tr.end].seg;
        let (_, nhi) = s.segs[nseg];
        let t = &s.w[tr.end];
        if t.cap || t.ent.is_some() || words::is_det(&t.lower) && !words::is_pronoun(&t.lower) {
            if let Some(np) = forward_np(s, tr.end, nhi) {
                let h = np.end - 1;
                if s.w[h].cap || s.w[h].ent.is_some() || words::is_det(&t.lower) {
                    args.agent_head = Some(head_lower(s, np));
                    args.hi = args.hi.max(np.end);
                    args.named |= np_named(ctx, np);
                    add(&mut actors, np_names(ctx, np), "agent");
                }
            }
        }
    }
    args.place = place(ctx, tr, seg);
    args.actors = actors;
    args
}

/// A place after a locative preposition in the trigger's segment (or the sentence's opening adverbial).
fn place(ctx: &Ctx, tr: &Trig, seg: usize) -> Option<String> {
    let s = ctx.s;
    let mut segs = vec![seg];
    if seg > 0 {
        let (plo, _) = s.segs[0];
        if words::is_prep(&s.w[plo].lower) {
            segs.push(0);
        }
    }
    let mut fallback: Option<String> = None;
    for &sg in &segs {
        let (lo, hi) = s.segs[sg];
        // after the trigger first, then before
        let order: Vec<usize> = (tr.end.max(lo)..hi).chain(lo..tr.start.min(hi)).collect();
        for p in order {
            let l = s.w[p].lower.as_str();
            if !words::is_locative(l) || s.w[p].ent.is_some() {
                continue;
            }
            let mut j = p + 1;
            while j < hi && j - p <= 4 && words::is_det(&s.w[j].lower) && s.w[j].ent.is_none() {
                j += 1;
            }
            if j >= hi {
                continue;
            }
            if let Some(ei) = s.w[j].ent {
                if is_location(&ctx.entities[ei]) {
                    return Some(ctx.entities[ei].canonical.clone());
                }
                continue;
            }
            let t = &s.w[j];
            if t.cap
                && t.kind == TokenKind::Word
                && t.date.is_none()
                && !words::is_month_or_day(&t.lower)
                && j > p
            {
                // a capitalised name the entity tagger did not mark
                let mut e = j;
                while e < hi && s.w[e].cap && s.w[e].kind == TokenKind::Word && s.w[e].ent.is_none() {
                    e += 1;
                }
                if ctx.entities.is_empty() {
                    return Some(ctx.text[s.w[j].span.start..s.w[e - 1].span.end].to_string());
                }
                continue;
            }
            if fallback.is_none() && l == "at" {
                if let Some(np) = forward_np(s, p + 1, hi) {
                    if words::is_place_noun(&head_lower(s, np)) {
                        fallback = written(ctx, np.start, np.end);
                    }
                }
            }
        }
    }
    fallback
}

/// The DATE/TIME expression for a trigger: in its segment, else the nearest in the sentence.
pub(crate) fn date_for(s: &Sent, tr: &Trig, dates: &[DateExpr]) -> Option<usize> {
    let seg = s.w[tr.head].seg;
    let usable = |di: usize| {
        matches!(dates[di].kind, TimexType::Date | TimexType::Time) && dates[di].date_start.is_some()
    };
    let mut best: Option<(usize, usize, usize)> = None; // (other-seg, distance, idx)
    for (k, t) in s.w.iter().enumerate() {
        let Some(di) = t.date else { continue };
        if !usable(di) {
            continue;
        }
        let dist = if k < tr.start {
            tr.start - k
        } else {
            k.saturating_sub(tr.end)
        };
        let key = (usize::from(t.seg != seg), dist, di);
        if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
            best = Some(key);
        }
    }
    best.filter(|b| b.0 == 0 || b.1 <= 25).map(|b| b.2)
}

/// The type after argument checks; None drops the trigger.
pub(crate) fn final_kind(s: &Sent, tr: &Trig, args: &Args) -> Option<&'static str> {
    match tr.kind {
        "market_move" => {
            let econ = |h: &Option<String>| h.as_deref().is_some_and(words::is_econ_noun);
            let near_figure = (tr.end..(tr.end + 4).min(s.w.len())).any(|j| {
                matches!(s.w[j].text, "%" | "$" | "£" | "€" | "¥")
                    || s.w[j].lower == "percent"
                    || s.w[j].kind == TokenKind::Number
                        && j > 0
                        && matches!(s.w[j - 1].lower.as_str(), "to" | "by" | "from" | "$" | "£" | "€")
            });
            let near_econ = (tr.start.saturating_sub(3)..(tr.end + 3).min(s.w.len()))
                .any(|j| words::is_econ_noun(&s.w[j].lower));
            (econ(&args.agent_head) || econ(&args.patient_head) || near_figure || near_econ)
                .then_some("market_move")
        }
        "force_posture" if tr.nominal => {
            let seg = s.w[tr.head].seg;
            let (lo, hi) = s.segs[seg];
            let joint = (lo..hi).any(|j| {
                matches!(
                    s.w[j].lower.as_str(),
                    "joint" | "combined" | "bilateral" | "trilateral" | "multinational"
                )
            }) || args.actors.iter().filter(|a| a.role == "agent").count() >= 2
                || args.actors.iter().any(|a| a.role == "recipient")
                || args
                    .actors
                    .iter()
                    .any(|a| a.role == "agent" && a.name.contains(" and "));
            Some(if joint {
                "cooperate_material"
            } else {
                "force_posture"
            })
        }
        "assault"
            if !tr.nominal
                && args
                    .patient_head
                    .as_deref()
                    .is_some_and(words::is_abstract_object) =>
        {
            Some("disapprove")
        }
        "fight"
            if matches!(
                s.w[tr.head].lower.as_str(),
                "fight"
                    | "fights"
                    | "fought"
                    | "fighting"
                    | "battle"
                    | "battles"
                    | "clash"
                    | "clashes"
                    | "clashed"
            ) && !s.w.iter().any(|t| words::is_military_word(&t.lower)) =>
        {
            None // a political or sporting "fight"/"battle"
        }
        "earnings"
            if matches!(
                s.w[tr.head].lower.as_str(),
                "sales" | "revenue" | "revenues" | "turnover" | "losses"
            ) && !s.w.iter().any(|t| words::is_company_result_cue(&t.lower)) =>
        {
            None
        }
        "election"
            if matches!(s.w[tr.head].lower.as_str(), "vote" | "votes" | "voted" | "voting")
                && !s.w.iter().any(|t| words::is_election_cue(&t.lower)) =>
        {
            None
        }
        "product_launch"
            if s.w[tr.head].lower.starts_with("release")
                && (args.patient_head.as_deref().is_some_and(words::is_data_noun)
                    || (tr.start.saturating_sub(3)..tr.start)
                        .any(|j| words::is_data_noun(&s.w[j].lower))) =>
        {
            None
        }
        // "deliver savings", "supplied us with results": no goods change hands
        "deal"
            if matches!(tr.lemma, "deliver" | "supply")
                && !tr.nominal
                && (tr.end..(tr.end + 6).min(s.w.len()))
                    .any(|j| words::is_abstract_delivery(&s.w[j].lower)) =>
        {
            None
        }
        "product_launch" if args.patient_head.as_deref().is_some_and(words::is_policy_object) => {
            Some("policy")
        }
        "deal"
            if !tr.nominal
                && matches!(
                    s.w[tr.head].lower.as_str(),
                    "buy"
                        | "buys"
                        | "bought"
                        | "buying"
                        | "purchase"
                        | "purchases"
                        | "purchased"
                        | "purchasing"
                )
                && (args.patient_head.as_deref().is_some_and(words::is_company_noun)
                    || args.patient_is_org) =>
        {
            Some("acquisition")
        }
        k => Some(k),
    }
}

/// Byte span of the clause: the trigger's segment widened to the arguments used.
pub(crate) fn clause_span(s: &Sent, tr: &Trig, args: &Args) -> Span {
    let seg = s.w[tr.head].seg;
    let (lo, hi) = s.segs[seg];
    let a = lo.min(args.lo);
    let mut b = hi.max(args.hi);
    while b > a + 1 && s.w[b - 1].kind == TokenKind::Punct && !matches!(s.w[b - 1].text, ")" | "”" | "%") {
        b -= 1;
    }
    let _ = tr;
    Span::new(s.w[a].span.start, s.w[b - 1].span.end)
}
