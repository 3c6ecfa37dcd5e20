//! Tests on short news-style articles written for this project.
use super::*;
use crate::analyze::analyze;
use crate::article::Article;

fn run(text: &str) -> Vec<(String, &'static str, String, String, Option<String>)> {
    let a = Article {
        text: text.to_string(),
        ..Default::default()
    };
    let an = analyze(&a);
    let x = EntityExtractor::new(&EntitiesConfig::default()).unwrap();
    x.extract(&an)
        .into_iter()
        .map(|e| (e.span.slice(text).to_string(), e.kind.as_str(), e.canonical, e.entity_key, e.role))
        .collect()
}

fn find<'a>(
    ents: &'a [(String, &'static str, String, String, Option<String>)],
    text: &str,
) -> &'a (String, &'static str, String, String, Option<String>) {
    ents.iter()
        .find(|e| e.0 == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {ents:#?}"))
}

#[test]
fn model_loads_and_tags_a_simple_sentence() {
    let m = Model::load(MODEL_BYTES).unwrap();
    assert!(m.n_features() > 10_000);
    let e = run("John Smith flew from London to Paris on Monday to meet officials of the European Commission.");
    assert_eq!(find(&e, "John Smith").1, "PERSON");
    assert_eq!(find(&e, "London").1, "LOCATION");
    assert_eq!(find(&e, "Paris").1, "LOCATION");
    assert_eq!(find(&e, "European Commission").1, "ORG");
}
