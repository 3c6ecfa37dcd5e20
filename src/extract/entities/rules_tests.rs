//! Tests of the document-level rules in [`super::rules`] on short
//! business-news articles written for this project.
use super::*;
use crate::analyze::analyze;
use crate::article::Article;

type Ent = (String, &'static str);

fn run(text: &str) -> Vec<Ent> {
    let a = Article {
        text: text.to_string(),
        ..Default::default()
    };
    let an = analyze(&a);
    let x = EntityExtractor::new(&EntitiesConfig::default()).unwrap();
    x.extract(&an)
        .into_iter()
        .map(|e| (e.span.slice(text).to_string(), e.kind.as_str()))
        .collect()
}

/// The type of the mention written exactly `text` (None: no such mention).
fn ty(ents: &[Ent], text: &str) -> Option<&'static str> {
    ents.iter().find(|e| e.0 == text).map(|e| e.1)
}

/// No PERSON, ORG or LOCATION mention is written exactly `text`.
fn not_a_name(ents: &[Ent], text: &str) -> bool {
    !ents.iter().any(|e| e.0 == text && e.1 != "MISC")
}

#[test]
fn common_acronyms_are_not_names() {
    let e = run("Examplo Telecom said on Tuesday that its FTTP rollout would reach 2 million homes.\n\
         The company plans an IPO next year and expects the FTA with Japan to lift its EV sales.\n\
         Chief executive Maria Lindqvist said the FX market had hurt the company, according to a Form 8 - K filing.\n\
         Analysts at Northgate Securities said the IPO was likely to be priced in London.");
    for w in ["FTTP", "IPO", "FTA", "EV", "FX", "K"] {
        assert!(not_a_name(&e, w), "{w}: {e:#?}");
    }
    assert_eq!(ty(&e, "Maria Lindqvist"), Some("PERSON"), "{e:#?}");
    assert_eq!(ty(&e, "London"), Some("LOCATION"), "{e:#?}");
}
