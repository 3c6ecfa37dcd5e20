//! Ranges: "3-5%", "3 to 5 percent", "between 3 and 5 percent", "from $1
//! million to $2 million", "3 to 5 million" — one figure with `value` (low)
//! and `value_max` (high). The two ends must agree in kind and unit (one end
//! may leave it out), a scale word on the high end alone scales the low end,
//! and the low end must be lower: "3-1" is a score, not a range.

use super::lexer::{Kind, Tok, Ws};
use super::{Amount, FigureExtractor, Read};

/// The second end after amount `a`: (amount, connector token).
pub(super) fn second(fx: &FigureExtractor, t: &[Tok], a: &Amount) -> Option<(Amount, usize)> {
    let c = a.last + 1;
    let conn = t.get(c)?;
    if conn.ws == Ws::Line {
        return None;
    }
    let between = a.first > 0 && t[a.first - 1].is("between");
    let ok = match conn.kind {
        Kind::Sym => {
            matches!(conn.text, "-" | "–" | "—") && (conn.ws == Ws::None) == (t.get(c + 1)?.ws == Ws::None)
        }
        Kind::Word => conn.is("to") || conn.is("and") && between,
        Kind::Num => false,
    };
    if !ok {
        return None;
    }
    for k in c + 1..(c + 4).min(t.len()) {
        let x = &t[k];
        if x.ws == Ws::Line {
            return None;
        }
        if x.is_num()
            || x.is_word() && (super::numbers::is_number_word(&x.lower) || x.is("a") || x.is("half"))
        {
            return match fx.amount(t, k) {
                Read::Fig(b) if b.first == c + 1 || b.first == k => Some((b, c)),
                _ => None,
            };
        }
    }
    None
}

/// Join two ends: (low, high, unit, kind), or None when they are no range.
pub(super) fn join(a: &Amount, b: &Amount) -> Option<(f64, f64, Option<String>, &'static str)> {
    let year = |x: &Amount| x.core.plain_int && (1000.0..3000.0).contains(&x.value);
    if year(a) && year(b) {
        return None;
    }
    let (unit, kind) = match (&a.unit, &b.unit) {
        (Some(ua), Some(ub)) if ua != ub || a.kind != b.kind => return None,
        (Some(_), _) => (a.unit.clone(), a.kind),
        (None, _) if a.kind != "number" => return None,
        (None, _) => (b.unit.clone(), b.kind),
    };
    let mut lo = a.value;
    if !a.core.scaled && b.core.scaled && lo * b.core.factor <= b.value {
        lo *= b.core.factor;
    }
    let hi = b.value;
    (lo < hi).then_some((lo, hi, unit, kind))
}
