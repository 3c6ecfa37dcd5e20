//! Figures on news-style sentences written for these tests.

use super::*;

fn figs(s: &str) -> Vec<Figure> {
    let fx = FigureExtractor::new(&FiguresConfig::default()).unwrap();
    fx.extract_text(s, &[])
}

fn one(s: &str) -> Figure {
    let f = figs(s);
    assert_eq!(f.len(), 1, "{s}: {f:?}");
    f.into_iter().next().unwrap()
}

fn text<'a>(s: &'a str, f: &Figure) -> &'a str {
    f.span.slice(s)
}

#[test]
fn reference_article_shapes() {
    let s = "The summit was held in Gyeongju, some 275 kilometers south of Seoul.";
    let f = one(s);
    assert_eq!(f.value, 275.0);
    assert_eq!(f.unit.as_deref(), Some("kilometer"));
    assert_eq!(f.kind, "quantity");
    assert_eq!(f.approx, Approx::About);
    assert_eq!(text(s, &f), "some 275 kilometers");

    let s = "The country fields about 450,000 active-duty troops that train with allies.";
    let f = one(s);
    assert_eq!(f.value, 450000.0);
    assert_eq!(f.kind, "count");
    assert_eq!(f.unit.as_deref(), Some("troops"));
    assert_eq!(f.object.as_deref(), Some("active-duty troops"));
    assert_eq!(f.approx, Approx::About);

    let s = "The pledge raises defense spending to 3.5 percent of gross domestic product.";
    let f = one(s);
    assert_eq!((f.value, f.kind), (3.5, "percent"));
    assert_eq!(f.unit.as_deref(), Some("percent"));
    assert_eq!(f.object.as_deref(), Some("gross domestic product"));

    let s = "Seoul agreed to invest $350 billion in the United States.";
    let f = one(s);
    assert_eq!((f.value, f.kind), (3.5e11, "money"));
    assert_eq!(f.unit.as_deref(), Some("USD?"));

    let s = "Washington could reduce the 28,500 U.S. troops stationed on the peninsula.";
    let f = one(s);
    assert_eq!(f.value, 28500.0);
    assert_eq!(f.unit.as_deref(), Some("troops"));
    assert_eq!(f.object.as_deref(), Some("U.S. troops"));

    let s = "Troops crossed a river in Yeoju, 64 km southeast of the capital.";
    let f = one(s);
    assert_eq!((f.value, f.unit.as_deref()), (64.0, Some("kilometer")));
}

#[test]
fn not_figures() {
    for s in [
        "The missile guidelines were lifted in 2021.",
        "Control would pass by 2030, within his five-year term.",
        "A South Korean four-star general would command the forces.",
        "One of the officials declined to comment.",
        "The meeting starts at 10:30 and ends at 6 p.m.",
        "Call 555-123-4567 for details, see page 12 or section 3.",
        "The A380 and the Boeing 737 landed on Fifth Avenue.",
        "He served three years in prison.",
        "It was the 5th time since the 1990s.",
        "The COVID-19 wave hit the G7 states.",
    ] {
        assert!(figs(s).is_empty(), "{s}: {:?}", figs(s));
    }
    // A list marker opening a line is no figure; the count after it is.
    let f = figs("1. Police arrested 12 people.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value, 12.0);
}

#[test]
fn money() {
    let cases: &[(&str, f64, &str)] = &[
        ("The fund holds US$5.93 mln in cash.", 5.93e6, "USD"),
        ("Exports reached USD 5 billion last year.", 5e9, "USD"),
        ("The club paid £50 million for him.", 5e7, "GBP"),
        ("Tickets cost €120 each.", 120.0, "EUR"),
        ("The bonus was 450,000 yen per worker.", 450000.0, "JPY"),
        ("The deal is worth 1.2 trillion won.", 1.2e12, "KRW"),
        ("The bank lent Rs 500 crore to farmers.", 5e9, "INR?"),
        ("Shares rose to 10 Swiss francs.", 10.0, "CHF"),
        ("The firm lost $2.5bn in the quarter.", 2.5e9, "USD?"),
        ("Imports fell to HK$10.05 billion.", 1.005e10, "HKD"),
        ("Profit was 361 million pounds.", 3.61e8, "GBP"),
        // wire-service abbreviation of dollars: a dollar of unstated country
        ("The work will cost about 64 mln dlrs.", 6.4e7, "USD?"),
    ];
    for (s, v, u) in cases {
        let f = one(s);
        assert_eq!(f.kind, "money", "{s}");
        assert!((f.value - v).abs() < 1e-6 * v.abs(), "{s}: {}", f.value);
        assert_eq!(f.unit.as_deref(), Some(*u), "{s}");
    }
}

#[test]
fn words_fractions_negatives() {
    assert_eq!(one("Two soldiers were hurt.").value, 2.0);
    assert_eq!(one("Twenty-five people died.").value, 25.0);
    assert_eq!(one("Police seized a dozen rifles.").value, 12.0);
    let f = one("The city lost half a million residents.");
    assert_eq!(f.value, 5e5);
    assert_eq!(one("The rope was 2 1/2 meters long.").value, 2.5);
    let f = one("A third of voters stayed home.");
    assert!((f.value - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(one("Temperatures fell to -5 degrees Celsius.").value, -5.0);
    assert_eq!(one("Growth was minus 0.3 percent.").value, -0.3);
}

#[test]
fn percent_and_points() {
    let f = one("Unemployment rose 0.4 percentage points in March.");
    assert_eq!((f.value, f.unit.as_deref()), (0.4, Some("percentage_point")));
    let f = one("Inflation hit 3.2% in May.");
    assert_eq!((f.value, f.unit.as_deref()), (3.2, Some("percent")));
    let f = one("Turnout was 61 per cent.");
    assert_eq!(f.unit.as_deref(), Some("percent"));
}

#[test]
fn quantities() {
    let cases: &[(&str, f64, &str)] = &[
        ("The storm dropped 30 centimetres of snow.", 30.0, "centimeter"),
        ("The fire burned 1,200 hectares of forest.", 1200.0, "hectare"),
        (
            "The ship carried 16,000 metric tons of grain.",
            16000.0,
            "metric_ton",
        ),
        (
            "Winds reached 120 km/h on the coast.",
            120.0,
            "kilometer_per_hour",
        ),
        ("The car hit 188 miles an hour.", 188.0, "mile_per_hour"),
        ("The town sits 3,000 feet above sea level.", 3000.0, "foot"),
        ("It was 35°C in the capital.", 35.0, "celsius"),
        ("The plant produces 500 megawatts of power.", 500.0, "megawatt"),
        ("The phone has a 3.5-inch screen.", 3.5, "inch"),
        ("They drove a six-mile stretch.", 6.0, "mile"),
        ("The field pumps 500,000 barrels a day.", 500000.0, "barrel"),
        ("He lost 25 pounds in a month.", 25.0, "pound_weight"),
    ];
    for (s, v, u) in cases {
        let f = one(s);
        assert_eq!(f.value, *v, "{s}");
        assert_eq!(f.unit.as_deref(), Some(*u), "{s}");
    }
}

#[test]
fn ranges_and_approximations() {
    let f = one("Growth will be between 3 and 5 percent.");
    assert_eq!(
        (f.value, f.value_max, f.unit.as_deref()),
        (3.0, Some(5.0), Some("percent"))
    );
    let f = one("Analysts expect a 3-5% rise.");
    assert_eq!((f.value, f.value_max), (3.0, Some(5.0)));
    let f = one("Bids ranged from $1 million to $2 million.");
    assert_eq!((f.value, f.value_max, f.kind), (1e6, Some(2e6), "money"));
    let f = one("The project will cost 3 to 5 billion euros.");
    assert_eq!(
        (f.value, f.value_max, f.unit.as_deref()),
        (3e9, Some(5e9), Some("EUR"))
    );
    assert_eq!(
        one("More than 200 people were arrested.").approx,
        Approx::MoreThan
    );
    assert_eq!(one("Nearly 40 villages were flooded.").approx, Approx::About);
    assert_eq!(one("The plant employs up to 900 workers.").approx, Approx::UpTo);
    assert_eq!(one("Fewer than 30 firms applied.").approx, Approx::LessThan);
    let f = one("Thousands of protesters marched.");
    assert_eq!(
        (f.value, f.approx, f.unit.as_deref()),
        (1000.0, Approx::MoreThan, Some("protesters"))
    );
}

#[test]
fn bare_dollar_is_configurable_and_urls_are_skipped() {
    let cfg = FiguresConfig {
        bare_dollar: "XXD".into(),
        ..Default::default()
    };
    let fx = FigureExtractor::new(&cfg).unwrap();
    let f = fx.extract_text(
        "The bill costs $12 and see https://example.com/a?x=30%25 now.",
        &[],
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].unit.as_deref(), Some("XXD"));
    let f = one("It sold for 3 dollars 50 cents.");
    assert_eq!(f.value, 3.5);
    let f = one("He is 5 feet 2 inches tall.");
    assert!((f.value - 5.0 - 2.0 / 12.0).abs() < 1e-9);
    assert_eq!(one("Losses exceeded 30 MUSD.").value, 3e7);
}

#[test]
fn dates_are_excluded() {
    let fx = FigureExtractor::new(&FiguresConfig::default()).unwrap();
    let s = "The 20 officials met on Nov. 20 for 45 minutes.";
    let d = DateExpr {
        span: Span::new(23, 30),
        kind: crate::extract::TimexType::Date,
        value: "2025-11-20".into(),
        date_start: None,
        date_end: None,
        anchor: None,
    };
    let f = fx.extract_text(s, &[d]);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value, 20.0);
    assert_eq!(f[0].span.slice(s), "20");
    assert_eq!(f[0].object.as_deref(), Some("officials"));
}

/// Development aid: `FIG_GOLD=path SPEC=NumberModel cargo test --release dump -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("FIG_GOLD") else {
        return;
    };
    let spec = std::env::var("SPEC").unwrap_or_default();
    let fx = FigureExtractor::new(&FiguresConfig::default()).unwrap();
    let dx = crate::extract::dates::DateExtractor::new(&Default::default()).unwrap();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let d: serde_json::Value = serde_json::from_str(line).unwrap();
        if !spec.is_empty() && d["spec"].as_str() != Some(spec.as_str()) {
            continue;
        }
        let gd: crate::eval::gold::GoldDoc = serde_json::from_str(line).unwrap();
        let article = crate::eval::predict::article_for("recognizers_text_en", &gd);
        let an = crate::analyze::analyze(&article);
        let dates = dx.extract(&an);
        let text = d["text"].as_str().unwrap();
        assert_eq!(text, article.text);
        let gold: Vec<String> = d["figures"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|f| format!("{}={}|{}", f["text"], f["value"], f["unit"]))
                    .collect()
            })
            .unwrap_or_default();
        let pred: Vec<String> = fx
            .extract_text(text, &dates)
            .iter()
            .map(|f| {
                format!(
                    "\"{}\"={}{}|{:?}|{}",
                    f.span.slice(text),
                    f.value,
                    f.value_max.map(|m| format!("-{m}")).unwrap_or_default(),
                    f.unit,
                    f.kind
                )
            })
            .collect();
        if std::env::var("JSON").is_ok() {
            let p: Vec<serde_json::Value> = fx
                .extract_text(text, &dates)
                .iter()
                .map(|f| serde_json::json!({"s": text[..f.span.start].chars().count(), "e": text[..f.span.end].chars().count(), "v": f.value, "m": f.value_max, "u": f.unit, "k": f.kind}))
                .collect();
            println!("{}", serde_json::json!({"doc": d["doc_id"], "pred": p}));
            continue;
        }
        println!(
            "{}\n   G {}\n   P {}",
            &text[..text.len().min(160)],
            gold.join("; "),
            pred.join("; ")
        );
    }
}
