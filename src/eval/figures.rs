//! Figures: span, value and value+unit precision/recall/F1.
//!
//! * span: overlapping spans (any kind);
//! * value: overlapping spans and the same value within a relative tolerance
//!   of 1e-6 — for a gold range ("[20,100)", "252.0-287.0") both ends must
//!   match the prediction's `value` and `value_max`; for an open range
//!   ("(4565,)") the one bound; percentages ("10%") compare as 10;
//! * value+unit: the value and the same unit after normalising both sides
//!   (ISO codes and currency names, unit names and abbreviations, plurals,
//!   "%" = percent; "-", "dimensionless" and empty mean no unit). A bare "$"
//!   or "Dollar" is a generic dollar that matches any dollar code. When the
//!   gold gives no unit, the value alone decides.
//!
//! Value and value+unit matching is one-to-one. Gold figures without a value
//! (a unit word alone, MEANTIME spans) are only scored for span; predictions
//! overlapping them are not value errors.
//!
//! Recognizers-Text annotates one kind per `spec`, so each spec is scored on
//! its own, against the predictions of its kind only (CurrencyModel → money,
//! PercentModel → percent, DimensionModel → quantities, ...; NumberModel and
//! NumberRangeModel → every prediction). MEANTIME gives spans only
//! (MONEY/PERCENT/QUANTITY): span recall is the measure there.

use super::gold::{GoldDoc, GoldFigure};
use super::metrics::{closest, overlap_match, overlap_match_1to1, snippet, strict_match, Prf, Tally};
use super::predict::{PFigure, Pred};
use super::report::{Table, TaskReport};
use std::collections::BTreeMap;

/// A value as an interval: `lo` and `hi` (equal for a single number); None for an open end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoldValue {
    pub lo: Option<f64>,
    pub hi: Option<f64>,
}

fn num(s: &str) -> Option<f64> {
    let s = s.trim().trim_end_matches('%').replace(',', "");
    if s.is_empty() {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Parse a gold value: 192, "192", "1674200.5", "100%", "[20,100)", "(,-30]",
/// "252.0-287.0". None for no value or a non-numeric one ("end-1").
pub fn parse_value(v: &serde_json::Value) -> Option<GoldValue> {
    match v {
        serde_json::Value::Number(n) => n.as_f64().map(|x| GoldValue {
            lo: Some(x),
            hi: Some(x),
        }),
        serde_json::Value::String(s) => parse_value_str(s),
        _ => None,
    }
}

pub fn parse_value_str(s: &str) -> Option<GoldValue> {
    let s = s.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("null") {
        return None;
    }
    if let Some(x) = num(s) {
        return Some(GoldValue {
            lo: Some(x),
            hi: Some(x),
        });
    }
    let open = s.starts_with('[') || s.starts_with('(');
    let close = s.ends_with(']') || s.ends_with(')');
    if open && close && s.len() >= 2 {
        let inner = &s[1..s.len() - 1];
        let (a, b) = inner.split_once(',')?;
        let (lo, hi) = (num(a), num(b));
        if lo.is_none() && hi.is_none() {
            return None;
        }
        return Some(GoldValue { lo, hi });
    }
    // "252.0-287.0": split at a '-' that follows a digit.
    let bytes = s.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b'-' && bytes[i - 1].is_ascii_digit() {
            if let (Some(a), Some(b)) = (num(&s[..i]), num(&s[i + 1..])) {
                return Some(GoldValue {
                    lo: Some(a),
                    hi: Some(b),
                });
            }
        }
    }
    None
}

/// Equal within a relative tolerance of 1e-6.
pub fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-6 * a.abs().max(b.abs())
}

/// Does a predicted value/value_max match a gold value?
pub fn value_matches(g: &GoldValue, value: f64, value_max: Option<f64>) -> bool {
    match (g.lo, g.hi) {
        (Some(lo), Some(hi)) if close(lo, hi) => close(lo, value) && value_max.is_none_or(|m| close(m, hi)),
        (Some(lo), Some(hi)) => close(lo, value) && value_max.is_some_and(|m| close(m, hi)),
        // Open ranges: the one bound, as value or as value_max.
        (Some(lo), None) => close(lo, value),
        (None, Some(hi)) => close(hi, value) || value_max.is_some_and(|m| close(m, hi)),
        (None, None) => false,
    }
}

/// A normalised unit: a family and, when known, the specific unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub family: String,
    pub specific: Option<String>,
}

impl Unit {
    fn one(s: &str) -> Unit {
        Unit {
            family: s.to_string(),
            specific: Some(s.to_string()),
        }
    }
    fn generic(f: &str) -> Unit {
        Unit {
            family: f.to_string(),
            specific: None,
        }
    }
    fn of(f: &str, s: &str) -> Unit {
        Unit {
            family: f.to_string(),
            specific: Some(s.to_string()),
        }
    }
    /// Same family, and the same specific unit unless one side is generic.
    pub fn compatible(&self, o: &Unit) -> bool {
        self.family == o.family
            && match (&self.specific, &o.specific) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

/// Currency names (Recognizers-Text spells them out) and codes.
const CURRENCIES: &[(&str, &str, &str)] = &[
    // (name or code, family, ISO code)
    ("united states dollar", "dollar", "USD"),
    ("us dollar", "dollar", "USD"),
    ("u.s. dollar", "dollar", "USD"),
    ("usd", "dollar", "USD"),
    ("canadian dollar", "dollar", "CAD"),
    ("cad", "dollar", "CAD"),
    ("australian dollar", "dollar", "AUD"),
    ("aud", "dollar", "AUD"),
    ("new zealand dollar", "dollar", "NZD"),
    ("nzd", "dollar", "NZD"),
    ("hong kong dollar", "dollar", "HKD"),
    ("hkd", "dollar", "HKD"),
    ("singapore dollar", "dollar", "SGD"),
    ("sgd", "dollar", "SGD"),
    ("taiwan dollar", "dollar", "TWD"),
    ("twd", "dollar", "TWD"),
    ("euro", "euro", "EUR"),
    ("eur", "euro", "EUR"),
    ("british pound", "pound", "GBP"),
    ("pound sterling", "pound", "GBP"),
    ("gbp", "pound", "GBP"),
    ("japanese yen", "yen", "JPY"),
    ("yen", "yen", "JPY"),
    ("jpy", "yen", "JPY"),
    ("chinese yuan", "yuan", "CNY"),
    ("yuan", "yuan", "CNY"),
    ("renminbi", "yuan", "CNY"),
    ("cny", "yuan", "CNY"),
    ("rmb", "yuan", "CNY"),
    ("south korean won", "won", "KRW"),
    ("korean won", "won", "KRW"),
    ("won", "won", "KRW"),
    ("krw", "won", "KRW"),
    ("swiss franc", "franc", "CHF"),
    ("chf", "franc", "CHF"),
    ("indian rupee", "rupee", "INR"),
    ("inr", "rupee", "INR"),
    ("sri lankan rupee", "rupee", "LKR"),
    ("lkr", "rupee", "LKR"),
    ("pakistani rupee", "rupee", "PKR"),
    ("pkr", "rupee", "PKR"),
    ("mexican peso", "peso", "MXN"),
    ("mxn", "peso", "MXN"),
    ("turkish lira", "lira", "TRY"),
    ("try", "lira", "TRY"),
    ("russian ruble", "ruble", "RUB"),
    ("rub", "ruble", "RUB"),
    ("finnish markka", "markka", "FIM"),
    ("fim", "markka", "FIM"),
    ("peseta", "peseta", "ESP"),
    ("esp", "peseta", "ESP"),
    ("netherlands guilder", "guilder", "NLG"),
    ("nlg", "guilder", "NLG"),
    ("costa rican colón", "colon", "CRC"),
    ("crc", "colon", "CRC"),
    ("georgian lari", "lari", "GEL"),
    ("gel", "lari", "GEL"),
    ("lao kip", "kip", "LAK"),
    ("lak", "kip", "LAK"),
    ("bitcoin", "bitcoin", "BTC"),
    ("btc", "bitcoin", "BTC"),
];

/// Generic currency words (no country fixed).
const GENERIC_CURRENCY: &[(&str, &str)] = &[
    ("dollar", "dollar"),
    ("$", "dollar"),
    ("usd?", "dollar"),
    ("$?", "dollar"),
    ("xxd", "dollar"),
    ("pound", "pound"),
    ("£", "pound"),
    ("franc", "franc"),
    ("rupee", "rupee"),
    ("rs", "rupee"),
    ("peso", "peso"),
    ("lira", "lira"),
    ("€", "euro"),
    ("¥", "yen"),
    ("cent", "cent"),
    ("pence", "pence"),
    ("penny", "pence"),
    ("sen", "sen"),
    ("satoshi", "satoshi"),
];

/// Unit names and abbreviations → canonical name (family is the name itself).
const UNITS: &[(&str, &str)] = &[
    ("%", "percent"),
    ("pct", "percent"),
    ("per cent", "percent"),
    ("percentage", "percent"),
    ("percentage point", "percentage_point"),
    ("pp", "percentage_point"),
    ("ppt", "percentage_point"),
    ("km", "kilometer"),
    ("m", "meter"),
    ("cm", "centimeter"),
    ("mm", "millimeter"),
    ("dm", "decimeter"),
    ("pm", "picometer"),
    ("nm", "nanometer"),
    ("mi", "mile"),
    ("ft", "foot"),
    ("feet", "foot"),
    ("\"", "inch"),
    ("in", "inch"),
    ("inches", "inch"),
    ("yd", "yard"),
    ("kg", "kilogram"),
    ("g", "gram"),
    ("gramme", "gram"),
    ("mg", "milligram"),
    ("µg", "microgram"),
    ("ug", "microgram"),
    ("mcg", "microgram"),
    ("microgramme", "microgram"),
    ("lb", "pound_weight"),
    ("lbs", "pound_weight"),
    ("oz", "ounce"),
    ("t", "metric_ton"),
    ("tonne", "metric_ton"),
    ("metric tonne", "metric_ton"),
    ("l", "liter"),
    ("litre", "liter"),
    ("ml", "milliliter"),
    ("millilitre", "milliliter"),
    ("gal", "gallon"),
    ("bbl", "barrel"),
    ("km/h", "kilometer_per_hour"),
    ("kmh", "kilometer_per_hour"),
    ("kph", "kilometer_per_hour"),
    ("kmph", "kilometer_per_hour"),
    ("mph", "mile_per_hour"),
    ("m/s", "meter_per_second"),
    ("m2", "square_meter"),
    ("m²", "square_meter"),
    ("sq m", "square_meter"),
    ("km2", "square_kilometer"),
    ("km²", "square_kilometer"),
    ("sq km", "square_kilometer"),
    ("ha", "hectare"),
    ("sq mi", "square_mile"),
    ("ft3", "cubic_foot"),
    ("cu ft", "cubic_foot"),
    ("°", "degree"),
    ("deg", "degree"),
    ("rad", "radian"),
    ("°c", "celsius"),
    ("c", "celsius"),
    ("degree celsius", "celsius"),
    ("celcius", "celsius"),
    ("centigrade", "celsius"),
    ("°f", "fahrenheit"),
    ("f", "fahrenheit"),
    ("degree fahrenheit", "fahrenheit"),
    ("k", "kelvin"),
    ("degree kelvin", "kelvin"),
    ("kb", "kilobyte"),
    ("mb", "megabyte"),
    ("gb", "gigabyte"),
    ("tb", "terabyte"),
    ("mbps", "megabit_per_second"),
    ("kw", "kilowatt"),
    ("mw", "megawatt"),
    ("gw", "gigawatt"),
    ("kwh", "kilowatt_hour"),
    ("mwh", "megawatt_hour"),
    ("gwh", "gigawatt_hour"),
    ("tbsp", "tablespoon"),
    ("tsp", "teaspoon"),
    ("yr", "year"),
    ("yrs", "year"),
];

/// Singular of an English unit word ("kilometers" → "kilometer", "inches" →
/// "inch", "feet" → "foot"), leaving words that end in "s" by nature alone.
fn singular(w: &str) -> String {
    const KEEP: &[&str] = &[
        "celsius", "us", "gas", "mass", "bps", "mbps", "kbps", "gbps", "lbs", "yrs", "pence",
    ];
    if KEEP.contains(&w) || w.len() <= 3 && !w.ends_with("es") {
        return w.to_string();
    }
    if w == "feet" {
        return "foot".into();
    }
    if let Some(s) = w.strip_suffix("ches") {
        return format!("{s}ch");
    }
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y");
    }
    if w.ends_with("ss") {
        return w.to_string();
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// Normalise a unit string from either side; None means "no unit".
pub fn normalize_unit(raw: Option<&str>) -> Option<Unit> {
    let raw = raw?.trim();
    if raw.is_empty()
        || raw == "-"
        || raw.eq_ignore_ascii_case("dimensionless")
        || raw.eq_ignore_ascii_case("none")
    {
        return None;
    }
    // ISO codes as written (upper-case three letters) before case folding.
    let lower = raw.to_lowercase();
    let words: Vec<String> = lower
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| singular(&w.replace("metre", "meter").replace("litre", "liter")))
        .collect();
    let key = words.join(" ");
    let key = key
        .strip_prefix("degrees ")
        .map(|s| format!("degree {s}"))
        .unwrap_or(key);
    for (name, fam, code) in CURRENCIES {
        if key == *name || lower == *name {
            return Some(Unit::of(fam, code));
        }
    }
    for (name, fam) in GENERIC_CURRENCY {
        if key == *name || lower == *name {
            return Some(Unit::generic(fam));
        }
    }
    let canon = UNITS
        .iter()
        .find(|(k, _)| *k == lower || *k == key)
        .map(|(_, v)| v.to_string())
        .unwrap_or_else(|| key.replace(' ', "_"));
    // "degree" alone: a generic temperature or an angle — compatible with either.
    if canon == "degree" {
        return Some(Unit::generic("degree"));
    }
    if matches!(canon.as_str(), "celsius" | "fahrenheit" | "kelvin") {
        return Some(Unit::of("degree", &canon));
    }
    Some(Unit::one(&canon))
}

/// A unit as read on one side: "pound" is money only in a money context
/// (gold CurrencyModel or type MONEY, predicted kind money), else weight.
fn unit_in_context(raw: Option<&str>, money: bool) -> Option<Unit> {
    let u = normalize_unit(raw)?;
    if !money && u.family == "pound" && u.specific.is_none() {
        return Some(Unit::one("pound_weight"));
    }
    Some(u)
}

/// Gold unit vs predicted unit: None on the gold side accepts any prediction.
/// `gold_money`/`pred_money` say whether each side is about money.
pub fn unit_matches(gold: Option<&str>, pred: Option<&str>, gold_money: bool, pred_money: bool) -> bool {
    let Some(g) = unit_in_context(gold, gold_money) else {
        return true;
    };
    unit_in_context(pred, pred_money).is_some_and(|p| p.compatible(&g))
}

/// Is a predicted figure of the kind a Recognizers-Text spec annotates?
pub fn relevant(spec: &str, f: &PFigure) -> bool {
    let unit = normalize_unit(f.unit.as_deref());
    let fam = unit.as_ref().map(|u| u.family.as_str()).unwrap_or("");
    let currency = CURRENCIES.iter().any(|c| c.1 == fam) || GENERIC_CURRENCY.iter().any(|c| c.1 == fam);
    match spec {
        "CurrencyModel" => f.kind == "money" || currency,
        "PercentModel" => f.kind.starts_with("percent") || fam == "percent" || fam == "percentage_point",
        "DimensionModel" => matches!(f.kind, "quantity" | "dimension"),
        "TemperatureModel" => f.kind == "temperature" || fam == "degree",
        "AgeModel" => f.kind == "age" || matches!(fam, "year" | "month" | "week" | "day"),
        "OrdinalModel" => f.kind.starts_with("ordinal"),
        _ => true,
    }
}

struct Counts {
    span: Prf,
    value: Prf,
    value_unit: Prf,
    strict: Prf,
}

/// Score one group of documents (a spec, or a whole set).
fn score_group(
    docs: &[(&GoldDoc, Vec<&PFigure>)],
    spec: Option<&str>,
    per_type: &mut BTreeMap<String, (Prf, Prf)>,
    fn_t: &mut Tally,
    fp_t: &mut Tally,
    wrong_t: &mut Tally,
) -> Counts {
    let mut c = Counts {
        span: Prf::default(),
        value: Prf::default(),
        value_unit: Prf::default(),
        strict: Prf::default(),
    };
    for (doc, pred) in docs {
        let gold: &[GoldFigure] = &doc.figures;
        let gs = |g: &GoldFigure| (g.start, g.end);
        let ps = |p: &&PFigure| p.span;
        let hs = overlap_match(gold, pred, gs, ps, |_, _| true);
        c.span.add(&hs.prf());
        c.strict.add(&strict_match(gold, pred, gs, ps, |_, _| true).prf());
        let gtype = |g: &GoldFigure| g.kind.clone().unwrap_or_else(|| "-".into()).to_uppercase();
        for (i, g) in gold.iter().enumerate() {
            let e = per_type.entry(gtype(g)).or_default();
            e.0.n_gold += 1;
            e.0.gold_hit += hs.gold[i] as usize;
            if !hs.gold[i] {
                fn_t.add(format!("{} ({})", snippet(&g.text, 50), gtype(g)));
            }
        }
        for (j, p) in pred.iter().enumerate() {
            if !hs.pred[j] {
                fp_t.add(format!("{} ({})", snippet(&p.text, 50), p.kind));
            }
        }
        // Value measures: gold figures with a value; predictions overlapping a
        // value-less gold figure are left out.
        let gv: Vec<(&GoldFigure, GoldValue)> = gold
            .iter()
            .filter_map(|g| Some((g, g.value.as_ref().and_then(parse_value)?)))
            .collect();
        let pv: Vec<&&PFigure> = pred
            .iter()
            .filter(|p| {
                !gold.iter().any(|g| {
                    super::metrics::overlaps((g.start, g.end), p.span)
                        && g.value.as_ref().and_then(parse_value).is_none()
                })
            })
            .collect();
        let gvs = |g: &(&GoldFigure, GoldValue)| (g.0.start, g.0.end);
        let pvs = |p: &&&PFigure| p.span;
        let hv = overlap_match_1to1(&gv, &pv, gvs, pvs, |g, p| {
            value_matches(&g.1, p.value, p.value_max)
        });
        c.value.add(&hv.prf());
        let hu = overlap_match_1to1(&gv, &pv, gvs, pvs, |g, p| {
            value_matches(&g.1, p.value, p.value_max)
                && unit_matches(
                    g.0.unit.as_deref(),
                    p.unit.as_deref(),
                    is_money(spec, g.0),
                    p.kind == "money",
                )
        });
        c.value_unit.add(&hu.prf());
        for (i, g) in gv.iter().enumerate() {
            if hv.gold[i] {
                if !hu.gold[i] {
                    let p = pv.iter().find(|p| {
                        super::metrics::overlaps(p.span, (g.0.start, g.0.end))
                            && value_matches(&g.1, p.value, p.value_max)
                    });
                    wrong_t.add(format!(
                        "{}: unit {} → {}",
                        snippet(&g.0.text, 40),
                        g.0.unit.as_deref().unwrap_or("-"),
                        p.and_then(|p| p.unit.as_deref()).unwrap_or("-")
                    ));
                }
                continue;
            }
            if let Some(p) = closest((g.0.start, g.0.end), pv.iter().map(|p| p.span)).map(|j| pv[j]) {
                wrong_t.add(format!(
                    "{}: value {} → {}{}",
                    snippet(&g.0.text, 40),
                    fmt_gold(&g.1),
                    p.value,
                    p.value_max.map(|m| format!("–{m}")).unwrap_or_default()
                ));
            }
        }
    }
    c
}

/// Is a gold figure about money (its spec or type says so)?
fn is_money(spec: Option<&str>, g: &GoldFigure) -> bool {
    spec == Some("CurrencyModel")
        || g.kind
            .as_deref()
            .is_some_and(|k| k.eq_ignore_ascii_case("money") || k.eq_ignore_ascii_case("currency"))
}

fn fmt_gold(g: &GoldValue) -> String {
    match (g.lo, g.hi) {
        (Some(a), Some(b)) if close(a, b) => format!("{a}"),
        (a, b) => format!(
            "{}–{}",
            a.map(|x| x.to_string()).unwrap_or_default(),
            b.map(|x| x.to_string()).unwrap_or_default()
        ),
    }
}

/// Score figure predictions against a set's gold.
pub fn score(set: &str, docs: &[GoldDoc], preds: &[Pred]) -> TaskReport {
    let mut rep = TaskReport::new(set, "figures");
    rep.n_docs = docs.len();
    let has_spec = docs.iter().any(|d| d.spec.is_some());
    let mut groups: BTreeMap<String, Vec<(&GoldDoc, Vec<&PFigure>)>> = BTreeMap::new();
    for (d, p) in docs.iter().zip(preds) {
        match (&d.spec, has_spec) {
            (Some(spec), true) => {
                // Only the figure specs (DateTimeModel belongs to dates).
                if spec == "DateTimeModel" {
                    continue;
                }
                let ps = p.figures.iter().filter(|f| relevant(spec, f)).collect();
                groups.entry(spec.clone()).or_default().push((d, ps));
            }
            _ => groups
                .entry("all".into())
                .or_default()
                .push((d, p.figures.iter().collect())),
        }
    }
    let mut per_type: BTreeMap<String, (Prf, Prf)> = BTreeMap::new();
    let (mut fn_t, mut fp_t, mut wrong_t) = (Tally::default(), Tally::default(), Tally::default());
    let mut span_t = Table::new("span", "Span overlap (any kind)");
    let mut strict_t = Table::new("strict", "Exact span (any kind)");
    let mut value_t = Table::new("value", "Value (overlapping span, value within 1e-6)");
    let mut unit_t = Table::new("value_unit", "Value + unit");
    let mut tot = (Prf::default(), Prf::default(), Prf::default(), Prf::default());
    for (name, g) in &groups {
        let spec = has_spec.then_some(name.as_str());
        let c = score_group(g, spec, &mut per_type, &mut fn_t, &mut fp_t, &mut wrong_t);
        span_t.row(name, c.span);
        strict_t.row(name, c.strict);
        value_t.row(name, c.value);
        unit_t.row(name, c.value_unit);
        tot.0.add(&c.span);
        tot.1.add(&c.strict);
        tot.2.add(&c.value);
        tot.3.add(&c.value_unit);
    }
    if groups.len() > 1 {
        span_t.row("all specs", tot.0);
        strict_t.row("all specs", tot.1);
        value_t.row("all specs", tot.2);
        unit_t.row("all specs", tot.3);
    }
    if !has_spec {
        // Per gold type recall (span), e.g. MEANTIME MONEY/PERCENT/QUANTITY.
        let mut t = Table::new("span_type", "Span overlap recall per gold type");
        for (ty, (g, _)) in &per_type {
            t.row(ty, Prf::new(g.n_gold, 0, g.gold_hit, 0));
        }
        rep.tables.push(span_t);
        rep.tables.push(strict_t);
        rep.tables.push(t);
        let any_value = docs.iter().any(|d| {
            d.figures
                .iter()
                .any(|f| f.value.as_ref().and_then(parse_value).is_some())
        });
        if any_value {
            rep.tables.push(value_t);
            rep.tables.push(unit_t);
        } else {
            rep.notes
                .push("This set's gold figures carry no values: spans only (read the recall).".into());
        }
    } else {
        rep.tables.push(value_t);
        rep.tables.push(unit_t);
        rep.tables.push(span_t);
        rep.notes.push(
            "Recognizers-Text: each spec scored alone, against predictions of its kind only; \
             OrdinalModel and AgeModel are outside the figures table's scope (ordinals as names, ages as durations)."
                .into(),
        );
    }
    rep.errors("Missed figures (no overlapping prediction)", &fn_t, 15);
    rep.errors("Spurious figures (overlapping no gold figure)", &fp_t, 15);
    rep.errors("Wrong value or unit (gold → predicted)", &wrong_t, 15);
    rep
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gf(start: usize, end: usize, value: serde_json::Value, unit: Option<&str>, t: &str) -> GoldFigure {
        GoldFigure {
            start,
            end,
            text: "x".into(),
            kind: Some(t.into()),
            value: Some(value),
            unit: unit.map(|u| u.to_string()),
        }
    }
    fn pf(
        start: usize,
        end: usize,
        value: f64,
        max: Option<f64>,
        unit: Option<&str>,
        kind: &'static str,
    ) -> PFigure {
        PFigure {
            span: (start, end),
            value,
            value_max: max,
            unit: unit.map(|u| u.to_string()),
            kind,
            text: "x".into(),
        }
    }
    fn doc(spec: Option<&str>, figs: Vec<GoldFigure>) -> GoldDoc {
        GoldDoc {
            doc_id: "d".into(),
            spec: spec.map(|s| s.to_string()),
            figures: figs,
            ..Default::default()
        }
    }

    #[test]
    fn gold_values_parse() {
        assert_eq!(
            parse_value(&json!("192")),
            Some(GoldValue {
                lo: Some(192.0),
                hi: Some(192.0)
            })
        );
        assert_eq!(
            parse_value(&json!(3.5)),
            Some(GoldValue {
                lo: Some(3.5),
                hi: Some(3.5)
            })
        );
        assert_eq!(
            parse_value(&json!("-5%")),
            Some(GoldValue {
                lo: Some(-5.0),
                hi: Some(-5.0)
            })
        );
        assert_eq!(
            parse_value(&json!("[20,100)")),
            Some(GoldValue {
                lo: Some(20.0),
                hi: Some(100.0)
            })
        );
        assert_eq!(
            parse_value(&json!("(,-30]")),
            Some(GoldValue {
                lo: None,
                hi: Some(-30.0)
            })
        );
        assert_eq!(
            parse_value(&json!("252.0-287.0")),
            Some(GoldValue {
                lo: Some(252.0),
                hi: Some(287.0)
            })
        );
        assert_eq!(
            parse_value(&json!("-30")),
            Some(GoldValue {
                lo: Some(-30.0),
                hi: Some(-30.0)
            })
        );
        assert_eq!(parse_value(&json!("end-1")), None);
        assert_eq!(parse_value(&json!("null")), None);
        assert_eq!(parse_value(&serde_json::Value::Null), None);
    }

    #[test]
    fn value_matching_with_tolerance_and_ranges() {
        let single = GoldValue {
            lo: Some(3.5e11),
            hi: Some(3.5e11),
        };
        assert!(value_matches(&single, 3.5e11 + 1.0, None));
        assert!(!value_matches(&single, 3.6e11, None));
        let range = GoldValue {
            lo: Some(3.0),
            hi: Some(5.0),
        };
        assert!(value_matches(&range, 3.0, Some(5.0)));
        assert!(!value_matches(&range, 3.0, None));
        let open = GoldValue {
            lo: Some(4565.0),
            hi: None,
        };
        assert!(value_matches(&open, 4565.0, None));
    }

    #[test]
    fn units_normalise_both_sides() {
        assert!(unit_matches(Some("Kilometer"), Some("km"), false, false));
        assert!(unit_matches(Some("Pound"), Some("pounds"), false, false));
        assert!(!unit_matches(Some("Pound"), Some("GBP"), false, true));
        assert!(unit_matches(Some("Dollar"), Some("USD"), true, true));
        assert!(unit_matches(Some("Kilometer"), Some("kilometres"), false, false));
        assert!(unit_matches(
            Some("Kilometer per hour"),
            Some("km/h"),
            false,
            false
        ));
        assert!(unit_matches(Some("%"), Some("percent"), false, false));
        assert!(!unit_matches(Some("%"), Some("percentage_point"), false, false));
        assert!(unit_matches(
            Some("United States dollar"),
            Some("USD"),
            false,
            false
        ));
        assert!(unit_matches(Some("Dollar"), Some("USD"), false, false));
        assert!(unit_matches(Some("Dollar"), Some("$"), false, false));
        assert!(!unit_matches(Some("Euro"), Some("USD"), false, false));
        assert!(unit_matches(Some("Euro"), Some("EUR"), false, false));
        assert!(unit_matches(Some("Chinese yuan"), Some("CNY"), false, false));
        assert!(unit_matches(Some("C"), Some("celsius"), false, false));
        assert!(unit_matches(
            Some("degree celsius"),
            Some("celsius"),
            false,
            false
        ));
        assert!(unit_matches(Some("Degree"), Some("fahrenheit"), false, false));
        assert!(!unit_matches(Some("C"), Some("fahrenheit"), false, false));
        assert!(unit_matches(Some("Pound"), Some("lb"), false, false));
        assert!(unit_matches(Some("Pound"), Some("GBP"), true, true));
        assert!(unit_matches(Some("Square meter"), Some("m²"), false, false));
        assert!(unit_matches(Some("Inch"), Some("inches"), false, false));
        assert!(unit_matches(Some("Foot"), Some("feet"), false, false));
        // No gold unit: the value alone decides.
        for none in [None, Some("-"), Some("dimensionless"), Some("")] {
            assert!(unit_matches(none, Some("troops"), false, false));
        }
        assert!(!unit_matches(Some("Meter"), None, false, false));
    }

    #[test]
    fn per_spec_scoring_filters_kinds() {
        // "It costs $ 48 billion and weighs 5 kg."
        let d = doc(
            Some("CurrencyModel"),
            vec![gf(9, 21, json!("48000000000"), Some("Dollar"), "currency")],
        );
        let p = Pred {
            figures: vec![
                pf(9, 21, 4.8e10, None, Some("USD"), "money"),
                pf(33, 37, 5.0, None, Some("kg"), "quantity"),
            ],
            ..Default::default()
        };
        let r = score("rt", &[d], &[p]);
        // The quantity is not a CurrencyModel prediction: precision stays 1.
        assert_eq!(r.metric("value/CurrencyModel/f1"), Some(1.0));
        assert_eq!(r.metric("value_unit/CurrencyModel/f1"), Some(1.0));
    }

    #[test]
    fn meantime_style_spans_and_edge_cases() {
        let mut g1 = gf(0, 11, serde_json::Value::Null, None, "MONEY");
        g1.value = None;
        let mut g2 = gf(20, 30, serde_json::Value::Null, None, "QUANTITY");
        g2.value = None;
        let d = doc(None, vec![g1, g2]);
        let p = Pred {
            figures: vec![
                pf(1, 11, 4e10, None, Some("USD"), "money"),
                pf(1, 11, 4e10, None, None, "money"),
            ],
            ..Default::default()
        };
        let r = score("meantime", std::slice::from_ref(&d), &[p]);
        assert_eq!(r.metric("span/all/r"), Some(0.5));
        // The duplicate is a false positive.
        assert_eq!(r.metric("span/all/p"), Some(0.5));
        assert_eq!(r.metric("span_type/MONEY/r"), Some(1.0));
        assert_eq!(r.metric("span_type/QUANTITY/r"), Some(0.0));
        assert_eq!(r.metric("value/all/f1"), None);
        // Empty prediction, empty gold.
        let r = score("m", &[d], &[Pred::default()]);
        assert_eq!(r.metric("span/all/r"), Some(0.0));
        let r = score("m", &[doc(None, vec![])], &[Pred::default()]);
        assert_eq!(r.metric("span/all/f1"), Some(1.0));
    }

    #[test]
    fn value_errors_and_one_to_one() {
        // Two gold numbers; one prediction spanning both may only take one.
        let d = doc(
            Some("NumberModel"),
            vec![
                gf(0, 3, json!("192"), None, "number"),
                gf(8, 10, json!("12"), None, "number"),
            ],
        );
        let p = Pred {
            figures: vec![
                pf(0, 10, 192.0, None, None, "number"),
                pf(8, 10, 13.0, None, None, "count"),
            ],
            ..Default::default()
        };
        let r = score("rt", &[d], &[p]);
        assert_eq!(r.metric("value/NumberModel/r"), Some(0.5));
        assert_eq!(r.metric("value/NumberModel/p"), Some(0.5));
        assert_eq!(r.errors[2].items[0].0, "x: value 12 → 13");
    }
}
