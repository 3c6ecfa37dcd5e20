//! What a figure measures and how exact it is: the approximation words before
//! it ("about", "some", "more than", "up to"), the counted noun after a bare
//! number ("450,000 active-duty troops" → unit "troops"), and the object of
//! "of" after a percent, sum or quantity ("3.5 percent of gross domestic
//! product") or before it ("a budget of $5 billion").

use super::lexer::{Kind, Tok, Ws};
use crate::extract::Approx;

/// Approximation phrases, matched backwards from the number (longest first).
const APPROX: &[(&str, Approx)] = &[
    ("more than", Approx::MoreThan),
    ("greater than", Approx::MoreThan),
    ("higher than", Approx::MoreThan),
    ("at least", Approx::MoreThan),
    ("upwards of", Approx::MoreThan),
    ("in excess of", Approx::MoreThan),
    ("well over", Approx::MoreThan),
    ("over", Approx::MoreThan),
    ("above", Approx::MoreThan),
    ("exceeding", Approx::MoreThan),
    ("less than", Approx::LessThan),
    ("fewer than", Approx::LessThan),
    ("lower than", Approx::LessThan),
    ("no more than", Approx::LessThan),
    ("at most", Approx::LessThan),
    ("just under", Approx::LessThan),
    ("under", Approx::LessThan),
    ("below", Approx::LessThan),
    ("up to", Approx::UpTo),
    ("as many as", Approx::UpTo),
    ("as much as", Approx::UpTo),
    ("as high as", Approx::UpTo),
    ("about", Approx::About),
    ("around", Approx::About),
    ("approximately", Approx::About),
    ("approx.", Approx::About),
    ("roughly", Approx::About),
    ("some", Approx::About),
    ("nearly", Approx::About),
    ("almost", Approx::About),
    ("an estimated", Approx::About),
    ("estimated", Approx::About),
    ("close to", Approx::About),
    ("circa", Approx::About),
    ("~", Approx::About),
];

/// The approximation before token `first`: (approx, first token of the phrase).
pub fn approx_before(t: &[Tok], first: usize) -> Option<(Approx, usize)> {
    if t.get(first)?.ws == Ws::Line {
        return None;
    }
    for (phrase, a) in APPROX {
        let words: Vec<&str> = phrase.split(' ').collect();
        let n = words.len();
        if first < n {
            continue;
        }
        let s = first - n;
        let ok = words.iter().enumerate().all(|(k, w)| {
            let x = &t[s + k];
            let w = w.trim_end_matches('.');
            x.lower == w && (k == 0 || x.ws != Ws::Line)
        });
        if ok {
            return Some((*a, s));
        }
    }
    None
}

/// Words that end a noun phrase.
pub fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "than"
            | "as"
            | "per"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
            | "must"
            | "shall"
            | "do"
            | "does"
            | "did"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "more"
            | "less"
            | "fewer"
            | "about"
            | "over"
            | "under"
            | "after"
            | "before"
            | "since"
            | "during"
            | "into"
            | "out"
            | "up"
            | "down"
            | "off"
            | "said"
            | "says"
            | "say"
            | "each"
            | "apiece"
            | "times"
            | "if"
            | "when"
            | "while"
            | "where"
            | "so"
            | "not"
            | "no"
            | "also"
            | "then"
            | "there"
            | "here"
            | "they"
            | "we"
            | "he"
            | "she"
            | "you"
            | "i"
            | "them"
            | "us"
            | "him"
            | "against"
            | "between"
            | "among"
            | "through"
            | "across"
            | "including"
            | "last"
            | "next"
            | "ago"
            | "earlier"
            | "later"
            | "away"
            | "long"
            | "high"
            | "tall"
            | "deep"
            | "wide"
            | "old"
            | "each."
            | "only"
            | "or so"
            | "alone"
            | "both"
            | "all"
            | "some"
            | "other"
            | "such"
            | "what"
            | "because"
            | "until"
            | "within"
            | "without"
            | "via"
            | "toward"
            | "towards"
            | "like"
            | "just"
    )
}

fn plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "police"
            | "personnel"
            | "staff"
            | "cattle"
            | "feet"
            | "data"
            | "media"
            | "sheep"
            | "fish"
            | "aircraft"
            | "livestock"
            | "crew"
            | "militia"
            | "infantry"
    ) || w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
}

/// One word of a noun phrase at `i` (a hyphen compound counts as one):
/// its last token, or None.
fn np_word(t: &[Tok], i: usize) -> Option<usize> {
    let x = t.get(i)?;
    if x.kind != Kind::Word
        || x.ws == Ws::Line
        || is_stop(&x.lower)
        || super::numbers::is_number_word(&x.lower)
    {
        return None;
    }
    let mut j = i;
    while t.get(j + 1).is_some_and(|h| h.is_sym('-') && h.ws == Ws::None)
        && t.get(j + 2).is_some_and(|w| w.is_word() && w.ws == Ws::None)
    {
        j += 2;
    }
    Some(j)
}

/// The counted noun after a number ending at token `last`: (first, last token,
/// head noun in lower case). Up to three words, ending at the first plural
/// ("450,000 active-duty troops that ..."); one word for "one" ("one soldier").
pub fn counted(t: &[Tok], last: usize, value: f64) -> Option<(usize, usize, String)> {
    let start = last + 1;
    if t.get(start)?.ws == Ws::None {
        return None;
    }
    let mut i = start;
    let mut first_end = None;
    for _ in 0..3 {
        let Some(j) = np_word(t, i) else { break };
        first_end.get_or_insert(j);
        let head = t[j].lower.as_ref();
        if head.ends_with("ed") && j == i && i > start {
            break;
        }
        if plural(head) {
            return Some((start, j, head.to_string()));
        }
        i = j + 1;
    }
    if value == 1.0 {
        let j = first_end?;
        let h = t[j].lower.as_ref();
        if !h.ends_with("ly") && !h.ends_with("ed") {
            return Some((start, j, h.to_string()));
        }
    }
    None
}

/// A noun phrase from `i`: up to five words, skipping a leading determiner.
fn np_after(t: &[Tok], mut i: usize) -> Option<(usize, usize)> {
    while t.get(i).is_some_and(|x| {
        x.ws != Ws::Line
            && matches!(
                x.lower.as_ref(),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "all"
                    | "this"
                    | "that"
                    | "these"
            )
    }) {
        i += 1;
    }
    let start = i;
    let mut end = None;
    for _ in 0..5 {
        let Some(j) = np_word(t, i) else { break };
        end = Some(j);
        i = j + 1;
    }
    end.map(|e| (start, e))
}

/// "of" + noun phrase after token `last`, or noun phrase + "of" before token
/// `first`: the object's token range.
pub fn of_object(t: &[Tok], first: usize, last: usize) -> Option<(usize, usize)> {
    if t.get(last + 1).is_some_and(|x| x.is("of") && x.ws != Ws::Line) {
        if let Some(r) = np_after(t, last + 2) {
            return Some(r);
        }
    }
    if first >= 2 && t[first - 1].is("of") && t[first].ws != Ws::Line {
        let end = first - 2;
        let mut s = None;
        let mut k = end as isize;
        let mut n = 0;
        while k >= 0 && n < 3 {
            let x = &t[k as usize];
            if x.kind != Kind::Word || is_stop(&x.lower) || super::numbers::is_number_word(&x.lower) {
                break;
            }
            s = Some(k as usize);
            n += 1;
            if x.ws == Ws::Line {
                break;
            }
            k -= 1;
        }
        return s.map(|s| (s, end));
    }
    None
}
