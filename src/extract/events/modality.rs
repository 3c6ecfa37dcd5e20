//! Negation and modality of a trigger from the verb chain before it
//! ("did not agree", "failed to", "will", "plans to", "could", "if ...").

use super::lexicon::Form;
use super::{words, Sent, Trig};
use crate::analyze::TokenKind;
use crate::extract::Modality;

/// Lower-cased words of the verb chain before the trigger (nearest first):
/// auxiliaries, negation, adverbs, "to", planning/failing verbs and, for a noun
/// trigger, the determiner and light verb ("did not hold the talks").
pub(crate) fn chain<'a>(s: &'a Sent, tr: &Trig) -> Vec<&'a str> {
    let seg = s.w[tr.head].seg;
    let (lo, _) = s.segs[seg];
    let mut out = Vec::new();
    let mut k = tr.start;
    let mut nominal_skip = tr.nominal;
    while k > lo {
        let t = &s.w[k - 1];
        let l = t.lower.as_str();
        if t.kind != TokenKind::Word || t.ent.is_some() {
            break;
        }
        let ok = words::is_aux(l)
            || words::is_neg(l)
            || words::is_chain_adverb(l)
            || l == "to"
            || words::is_plan_cue(l)
            || words::is_fail_cue(l)
            || nominal_skip && (words::is_det(l) || words::is_light_verb(l) || l == "in" || l == "of");
        if !ok {
            // one adjective before a noun trigger ("planned talks", "proposed merger")
            if tr.nominal && k == tr.start && !t.cap {
                out.push(l);
                k -= 1;
                continue;
            }
            break;
        }
        if words::is_light_verb(l) {
            nominal_skip = false;
        }
        out.push(l);
        k -= 1;
    }
    out
}

pub(crate) fn negated(s: &Sent, tr: &Trig, chain: &[&str]) -> bool {
    let only = chain.windows(2).any(|w| w[0] == "only" && w[1] == "not");
    if !only
        && chain
            .iter()
            .any(|w| matches!(*w, "not" | "n't" | "never" | "nor"))
    {
        return true;
    }
    if chain.iter().any(|w| words::is_fail_cue(w)) && chain.contains(&"to") {
        return true;
    }
    let prev = (tr.start > 0).then(|| s.w[tr.start - 1].lower.as_str());
    matches!(prev, Some("without") | Some("no"))
}

pub(crate) fn present_tense(s: &Sent, tr: &Trig, chain: &[&str]) -> bool {
    let _ = s;
    if chain
        .iter()
        .any(|w| matches!(*w, "is" | "are" | "am" | "has" | "have" | "'s" | "'re" | "'ve"))
    {
        return !chain
            .iter()
            .any(|w| words::is_modal_future(w) || words::is_modal_hypothetical(w) || *w == "to");
    }
    !tr.nominal && tr.form == Form::S && chain.is_empty()
}

pub(crate) fn modality(s: &Sent, tr: &Trig, chain: &[&str], reported: bool) -> Modality {
    let seg = s.w[tr.head].seg;
    let conditional = (0..=seg).rev().take(2).any(|sg| {
        let (lo, _) = s.segs[sg];
        words::is_conditional(&s.w[lo].lower)
    });
    let hypo = chain
        .iter()
        .any(|w| words::is_modal_hypothetical(w) && *w != "would" && *w != "'d");
    let would = chain.iter().any(|w| matches!(*w, "would" | "'d"));
    let planned = chain.iter().any(|w| words::is_modal_future(w))
        || chain.contains(&"to") && chain.iter().any(|w| words::is_plan_cue(w))
        || tr.nominal
            && chain.iter().any(|w| {
                matches!(
                    *w,
                    "planned"
                        | "proposed"
                        | "upcoming"
                        | "expected"
                        | "future"
                        | "next"
                        | "possible"
                        | "potential"
                )
            });
    if conditional || hypo || would && !reported {
        Modality::Hypothetical
    } else if planned || would {
        Modality::Planned
    } else if reported {
        Modality::Reported
    } else {
        Modality::Asserted
    }
}
