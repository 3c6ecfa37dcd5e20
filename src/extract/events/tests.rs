//! Unit tests on hand-written news sentences in the style of the reference article.

use super::*;
use crate::analyze::analyze;
use crate::article::Article;
use crate::extract::{Modality, QuoteKind};
use chrono::NaiveDate;

fn ent(text: &str, needle: &str, nth: usize, kind: EntityType, canonical: &str) -> Entity {
    let start = text.match_indices(needle).nth(nth).expect(needle).0;
    Entity {
        span: Span::new(start, start + needle.len()),
        kind,
        subtype: None,
        canonical: canonical.to_string(),
        entity_key: canonical.to_lowercase(),
        role: None,
    }
}

fn date(text: &str, needle: &str, value: &str, start: (i32, u32, u32), end: (i32, u32, u32)) -> DateExpr {
    let s = text.find(needle).expect(needle);
    DateExpr {
        span: Span::new(s, s + needle.len()),
        kind: TimexType::Date,
        value: value.to_string(),
        date_start: NaiveDate::from_ymd_opt(start.0, start.1, start.2),
        date_end: NaiveDate::from_ymd_opt(end.0, end.1, end.2),
        anchor: None,
    }
}

fn run(text: &str, ents: &[Entity], dates: &[DateExpr], quotes: &[Quote]) -> Vec<Event> {
    let a = Article {
        text: text.to_string(),
        published: NaiveDate::from_ymd_opt(2025, 12, 24).and_then(|d| d.and_hms_opt(0, 0, 0)),
        ..Default::default()
    };
    let an = analyze(&a);
    let x = EventExtractor::new(&EventsConfig::default()).unwrap();
    x.extract(&an, ents, dates, quotes)
}

fn find<'a>(evs: &'a [Event], text: &str, trigger: &str) -> &'a Event {
    evs.iter()
        .find(|e| e.trigger.slice(text) == trigger)
        .unwrap_or_else(|| {
            panic!(
                "no event {trigger:?} in {:?}",
                evs.iter().map(|e| e.trigger.slice(text)).collect::<Vec<_>>()
            )
        })
}

fn names(e: &Event, role: &str) -> Vec<String> {
    e.actors
        .iter()
        .filter(|a| a.role == role)
        .map(|a| a.name.clone())
        .collect()
}

use crate::extract::EntityType;

#[test]
fn caption_handshake_with_place_and_caption_date() {
    let t = "This image, taken on March 3, 2025, shows Chilean President Ana Rojas shaking hands with \
             Brazilian President Paulo Lima at a hotel in Valparaiso, some 120 kilometers west of Santiago. (AFP)";
    let ents = vec![
        ent(t, "Ana Rojas", 0, EntityType::Person, "Ana Rojas"),
        ent(t, "Paulo Lima", 0, EntityType::Person, "Paulo Lima"),
        ent(t, "Valparaiso", 0, EntityType::Location, "Valparaiso"),
        ent(t, "Santiago", 0, EntityType::Location, "Santiago"),
        ent(t, "Chilean", 0, EntityType::Misc, "Chilean"),
        ent(t, "Brazilian", 0, EntityType::Misc, "Brazilian"),
    ];
    let dates = vec![date(t, "March 3, 2025", "2025-03-03", (2025, 3, 3), (2025, 3, 3))];
    let evs = run(t, &ents, &dates, &[]);
    let e = find(&evs, t, "shaking hands");
    assert_eq!(e.kind, "consult");
    assert_eq!(names(e, "agent"), ["Ana Rojas"]);
    assert_eq!(names(e, "recipient"), ["Paulo Lima"]);
    assert_eq!(e.place.as_deref(), Some("Valparaiso"));
    assert_eq!(e.date_value.as_deref(), Some("2025-03-03"));
    assert_eq!(e.modality, Modality::Asserted);
    assert!(!e.negated);
}

#[test]
fn caption_joint_press_conference_in_city() {
    let t = "This photo, taken on May 2, 2025, shows Foreign Minister Kim Soo-jin (L) and Japanese Foreign \
             Minister Taro Ueda holding a joint press conference at the foreign ministry in Tokyo. (Pool photo)";
    let ents = vec![
        ent(t, "Kim Soo-jin", 0, EntityType::Person, "Kim Soo-jin"),
        ent(t, "Taro Ueda", 0, EntityType::Person, "Taro Ueda"),
        ent(t, "Tokyo", 0, EntityType::Location, "Tokyo"),
    ];
    let dates = vec![date(t, "May 2, 2025", "2025-05-02", (2025, 5, 2), (2025, 5, 2))];
    let evs = run(t, &ents, &dates, &[]);
    let e = find(&evs, t, "joint press conference");
    assert_eq!(e.kind, "statement");
    let mut a = names(e, "agent");
    a.sort();
    assert_eq!(a, ["Kim Soo-jin", "Taro Ueda"]);
    assert_eq!(e.place.as_deref(), Some("Tokyo"));
    assert_eq!(e.date_value.as_deref(), Some("2025-05-02"));
}

#[test]
fn caption_joint_exercise_written_actor() {
    let t = "This photo, taken on June 9, 2025, shows Polish and German troops engaging in a river-crossing \
             exercise in Opole, 80 kilometers southeast of Wroclaw. (PAP)";
    let ents = vec![
        ent(t, "Polish", 0, EntityType::Misc, "Polish"),
        ent(t, "German", 0, EntityType::Misc, "German"),
        ent(t, "Opole", 0, EntityType::Location, "Opole"),
        ent(t, "Wroclaw", 0, EntityType::Location, "Wroclaw"),
    ];
    let dates = vec![date(t, "June 9, 2025", "2025-06-09", (2025, 6, 9), (2025, 6, 9))];
    let evs = run(t, &ents, &dates, &[]);
    let e = find(&evs, t, "river-crossing exercise");
    assert_eq!(e.kind, "cooperate_material");
    assert_eq!(names(e, "agent"), ["Polish and German troops"]);
    assert_eq!(e.place.as_deref(), Some("Opole"));
    assert_eq!(e.date_value.as_deref(), Some("2025-06-09"));
}

#[test]
fn nominal_lifting_with_year_and_patient() {
    let t = "The push required tough negotiations, including talks that led to the lifting in 2019 of \
             trade quotas that had capped Chilean copper exports.";
    let dates = vec![date(t, "2019", "2019", (2019, 1, 1), (2019, 12, 31))];
    let evs = run(t, &[], &dates, &[]);
    let e = find(&evs, t, "lifting");
    assert_eq!(e.kind, "yield");
    assert_eq!(e.date_value.as_deref(), Some("2019"));
    assert_eq!(names(e, "patient"), ["trade quotas"]);
    let n = find(&evs, t, "negotiations");
    assert_eq!(n.kind, "consult");
}

#[test]
fn planned_regain_by_year_through_relative_clause() {
    let t =
        "The biggest step is the government of President Maria Duarte, which is seeking to regain control \
             of its ports within its four-year term ending in 2028.";
    let ents = vec![ent(t, "Maria Duarte", 0, EntityType::Person, "Maria Duarte")];
    let dates = vec![date(t, "2028", "2028", (2028, 1, 1), (2028, 12, 31))];
    let evs = run(t, &ents, &dates, &[]);
    let e = find(&evs, t, "regain");
    assert_eq!(e.kind, "yield");
    assert_eq!(e.modality, Modality::Planned);
    assert_eq!(names(e, "agent"), ["Maria Duarte"]);
    assert_eq!(e.date_value.as_deref(), Some("2028"));
    assert!(!e.negated);
}

#[test]
fn talks_and_agreement_with_conjoined_agents() {
    let t =
        "During talks in Lisbon last month, Defense Minister Rui Costa and U.S. Defense Secretary John Hale \
             agreed to develop a plan for the transfer.";
    let ents = vec![
        ent(t, "Lisbon", 0, EntityType::Location, "Lisbon"),
        ent(t, "Rui Costa", 0, EntityType::Person, "Rui Costa"),
        ent(t, "U.S.", 0, EntityType::Location, "United States"),
        ent(t, "John Hale", 0, EntityType::Person, "John Hale"),
    ];
    let dates = vec![date(t, "last month", "2025-11", (2025, 11, 1), (2025, 11, 30))];
    let evs = run(t, &ents, &dates, &[]);
    let talks = find(&evs, t, "talks");
    assert_eq!(talks.kind, "consult");
    assert_eq!(talks.place.as_deref(), Some("Lisbon"));
    assert_eq!(talks.date_value.as_deref(), Some("2025-11"));
    let agreed = find(&evs, t, "agreed");
    assert_eq!(agreed.kind, "cooperate_diplomatic");
    assert_eq!(names(agreed, "agent"), ["Rui Costa", "John Hale"]);
    assert_eq!(agreed.place.as_deref(), Some("Lisbon"));
    assert_eq!(agreed.date_value.as_deref(), Some("2025-11"));
}

#[test]
fn negation_and_failure() {
    let t =
        "The two sides did not agree on a deadline. Later the ministry refused to lift the ban on imports.";
    let evs = run(t, &[], &[], &[]);
    let a = find(&evs, t, "agree");
    assert!(a.negated);
    let l = find(&evs, t, "lift");
    assert_eq!(l.kind, "yield");
    assert!(l.negated);
    assert_eq!(names(l, "agent"), ["ministry"]);
    assert_eq!(names(l, "patient"), ["ban"]);
}

#[test]
fn hypothetical_and_future_modality() {
    let t = "Critics argue the reform could loosen trade bonds. If the deal collapses, the union would sue the firm. \
             Acme Corp will launch a new phone next year.";
    let ents = vec![ent(t, "Acme Corp", 0, EntityType::Org, "Acme Corp")];
    let dates = vec![date(t, "next year", "2026", (2026, 1, 1), (2026, 12, 31))];
    let evs = run(t, &ents, &dates, &[]);
    let sue = find(&evs, t, "sue");
    assert_eq!(sue.kind, "legal");
    assert_eq!(sue.modality, Modality::Hypothetical);
    assert_eq!(names(sue, "agent"), ["union"]);
    let launch = find(&evs, t, "launch");
    assert_eq!(launch.kind, "product_launch");
    assert_eq!(launch.modality, Modality::Planned);
    assert_eq!(names(launch, "agent"), ["Acme Corp"]);
    assert_eq!(names(launch, "patient"), ["new phone"]);
}

#[test]
fn reported_inside_quote_and_after_reporting_verb() {
    let t = "\u{201c}We acquired the maker of the chips,\u{201d} said Lena Park. Analysts say Orbit will not merge with Vega.";
    let q0 = t.find("We").unwrap();
    let q1 = t.find(",\u{201d}").unwrap();
    let quotes = vec![Quote {
        span: Span::new(q0, q1),
        fragments: vec![Span::new(q0, q1)],
        kind: QuoteKind::Direct,
        speaker: Some("Lena Park".into()),
        speaker_span: None,
        speaker_role: None,
        cue_span: None,
    }];
    let ents = vec![
        ent(t, "Lena Park", 0, EntityType::Person, "Lena Park"),
        ent(t, "Orbit", 0, EntityType::Org, "Orbit"),
        ent(t, "Vega", 0, EntityType::Org, "Vega"),
    ];
    let evs = run(t, &ents, &[], &quotes);
    let acq = find(&evs, t, "acquired");
    assert_eq!(acq.kind, "acquisition");
    assert_eq!(acq.modality, Modality::Reported);
    let m = find(&evs, t, "merge");
    assert!(m.negated);
    assert_eq!(m.modality, Modality::Planned);
    assert_eq!(names(m, "agent"), ["Orbit"]);
    assert_eq!(names(m, "recipient"), ["Vega"]);
    // the reporting verbs are statements by their speakers, asserted (not reported)
    let said = find(&evs, t, "said");
    assert_eq!(said.kind, "statement");
    assert_eq!(said.modality, Modality::Asserted);
    assert_eq!(names(said, "agent"), ["Lena Park"]);
    let say = find(&evs, t, "say");
    assert_eq!(names(say, "agent"), ["Analysts"]);
}

#[test]
fn reporting_verb_needs_a_speaker() {
    // no speaker before or after the verb: no statement event
    let t = "It was, as reported, a quiet week. Boeing claims the jet is efficient.";
    let evs = run(t, &[], &[], &[]);
    assert!(!evs.iter().any(|e| e.trigger.slice(t) == "reported"));
    let c = find(&evs, t, "claims");
    assert_eq!(c.kind, "statement");
    assert_eq!(names(c, "agent"), ["Boeing"]);
}

#[test]
fn event_noun_actors_from_names_and_support_verbs() {
    // no entities: names come from the text
    let t = "Airbus wins Qatar Airways order worth $15bn. Nordair has won an order from Qatar Airways \
             for up to 60 jets. The Air India order is worth $6.8 billion. The briefing was a rare \
             press conference held by Apple on Friday. Aeroflot negotiates the purchase of 22 jets.";
    let evs = run(t, &[], &[], &[]);
    let o: Vec<&Event> = evs.iter().filter(|e| e.trigger.slice(t) == "order").collect();
    assert_eq!(o.len(), 3, "{evs:?}");
    assert_eq!(names(o[0], "agent"), ["Qatar Airways"]);
    assert_eq!(names(o[1], "agent"), ["Qatar Airways"]);
    assert_eq!(names(o[1], "recipient"), ["Nordair"]);
    assert_eq!(names(o[2], "agent"), ["Air India"]);
    let pc = find(&evs, t, "press conference");
    assert_eq!(names(pc, "agent"), ["Apple"]);
    let p = find(&evs, t, "purchase");
    assert_eq!(names(p, "agent"), ["Aeroflot"]);
    assert_eq!(names(p, "patient"), ["22 jets"]);
}

#[test]
fn passive_and_market_move_and_anchor_date() {
    let t = "Boeing was defeated by Airbus in the tender. Shares of Airbus rose 4 percent. The weather fell apart. \
             Orbit Inc. has announced a recall.";
    let ents = vec![
        ent(t, "Boeing", 0, EntityType::Org, "Boeing"),
        ent(t, "Airbus", 0, EntityType::Org, "Airbus"),
        ent(t, "Airbus", 1, EntityType::Org, "Airbus"),
        ent(t, "Orbit Inc.", 0, EntityType::Org, "Orbit Inc."),
    ];
    let evs = run(t, &ents, &[], &[]);
    let d = find(&evs, t, "defeated");
    assert_eq!(d.kind, "contest");
    assert_eq!(names(d, "patient"), ["Boeing"]);
    assert_eq!(names(d, "agent"), ["Airbus"]);
    assert_eq!(find(&evs, t, "rose").kind, "market_move");
    assert!(
        !evs.iter().any(|e| e.trigger.slice(t) == "fell"),
        "weather is no market"
    );
    let a = find(&evs, t, "announced");
    assert_eq!(
        a.date_value.as_deref(),
        Some("2025-12-24"),
        "present perfect takes the anchor"
    );
}

#[test]
fn homographs_and_capitals_are_not_triggers() {
    let t = "The Strike Force team met its targets. In March the lifted trophy was displayed. \
             Demand for oil is strong and there is a great deal of talk.";
    let evs = run(t, &[], &[], &[]);
    let trig: Vec<&str> = evs.iter().map(|e| e.trigger.slice(t)).collect();
    assert!(!trig.contains(&"Strike"), "{trig:?}");
    assert!(!trig.contains(&"lifted"), "{trig:?}");
    assert!(!trig.contains(&"deal"), "{trig:?}");
    assert!(!trig.contains(&"Demand"), "{trig:?}");
    assert!(!trig.contains(&"met"), "meeting targets is no meeting: {trig:?}");
}

#[test]
fn never_panics_on_odd_text() {
    for t in [
        "",
        "talks",
        "— met —",
        "“",
        "한국 met 일본 in 서울 — « agreed » …",
        "to",
        "the the the",
    ] {
        let _ = run(t, &[], &[], &[]);
    }
}

/// Speed check over a folder of .txt articles (not run by default):
/// `NEWSETL_BENCH_DIR=/path cargo test --release --lib events::tests::bench -- --ignored --nocapture`
#[test]
#[ignore]
fn bench_events_per_1000_words() {
    let Ok(dir) = std::env::var("NEWSETL_BENCH_DIR") else {
        return;
    };
    let mut texts = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(p) = stack.pop() {
        for e in std::fs::read_dir(&p).unwrap().flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "txt") {
                if let Ok(t) = std::fs::read_to_string(&path) {
                    texts.push(t);
                }
            }
        }
    }
    let x = EventExtractor::new(&EventsConfig::default()).unwrap();
    let arts: Vec<Article> = texts
        .into_iter()
        .map(|text| Article {
            text,
            ..Default::default()
        })
        .collect();
    let analyzed: Vec<_> = arts.iter().map(analyze).collect();
    let words: usize = analyzed
        .iter()
        .map(|a| a.tokens.iter().filter(|t| t.kind != TokenKind::Punct).count())
        .sum();
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for a in &analyzed {
        n += x.extract(a, &[], &[], &[]).len();
    }
    let el = t0.elapsed().as_secs_f64();
    println!(
        "{n} events, {words} words, {:.3} ms per 1,000 words",
        el * 1000.0 / (words as f64 / 1000.0)
    );
}

#[test]
fn agents_across_relatives_pronouns_and_coordinated_verbs() {
    let t = "Qatar Airways, which chose the A350 over Boeing's 787, will also purchase 20 planes. \
             China Eastern Airlines stated on Thursday that it had signed a contract to purchase jets. \
             The show came at a music event hosted by Apple. Apple releases iPhone SDK, announces upcoming update.";
    let evs = run(t, &[], &[], &[]);
    let by = |trig: &str, nth: usize| {
        evs.iter()
            .filter(|e| e.trigger.slice(t) == trig)
            .nth(nth)
            .unwrap()
    };
    assert_eq!(names(by("purchase", 0), "agent"), ["Qatar Airways"]);
    assert_eq!(by("purchase", 0).modality, Modality::Planned);
    assert_eq!(names(by("purchase", 1), "agent"), ["China Eastern Airlines"]);
    assert_eq!(names(by("hosted", 0), "agent"), ["Apple"]);
    assert_eq!(by("releases", 0).kind, "product_launch");
    assert_eq!(names(by("announces", 0), "agent"), ["Apple"]);
}

#[test]
fn idioms_and_sport_senses_are_filtered() {
    let t = "We will have to deal with it. The concert was held in aid of the charity. \
             Smith was ruled out of the match. The striker protested his innocence. \
             Federated Department Stores is to buy rival May Department Stores for $11bn.";
    let evs = run(t, &[], &[], &[]);
    let trig: Vec<&str> = evs.iter().map(|e| e.trigger.slice(t)).collect();
    for bad in ["deal", "aid", "ruled out", "protested"] {
        assert!(!trig.contains(&bad), "{bad} in {trig:?}");
    }
    assert_eq!(find(&evs, t, "buy").kind, "acquisition");
    let t2 = "Labour fought racism. Rebels fought government troops near the border. Two men released from the camp.";
    let evs = run(t2, &[], &[], &[]);
    assert_eq!(evs.iter().filter(|e| e.trigger.slice(t2) == "fought").count(), 1);
    assert_eq!(find(&evs, t2, "released").kind, "yield");
}

#[test]
fn adjectival_participles_and_currency() {
    let t =
        "The court ruled against the firm. He saved his fierce shot. Firms with audited accounts gained. \
             Some 12 trillion won of debt was converted.";
    let evs = run(t, &[], &[], &[]);
    let trig: Vec<&str> = evs.iter().map(|e| e.trigger.slice(t)).collect();
    assert!(trig.contains(&"ruled"), "{trig:?}");
    for bad in ["shot", "audited", "won"] {
        assert!(!trig.contains(&bad), "{bad} in {trig:?}");
    }
}

#[test]
fn subjects_past_dates_clauses_and_opening_adverbials() {
    let t = "Nordair on Tuesday delivered the last jet to Skyline. The engine failed after the \
             Falcon was introduced in May. In a Wednesday media event, Orbit Inc. unveiled a phone. \
             Internal emails expose Boeing-Air Force contract discussions.";
    let evs = run(t, &[], &[], &[]);
    let d = find(&evs, t, "delivered");
    assert_eq!(names(d, "agent"), ["Nordair"]);
    let i = find(&evs, t, "introduced");
    assert_eq!(names(i, "patient"), ["Falcon"]);
    let m = find(&evs, t, "media event");
    assert_eq!(names(m, "agent"), ["Orbit Inc."]);
    let c = find(&evs, t, "discussions");
    assert_eq!(names(c, "agent"), ["Boeing-Air Force"]);
}

#[test]
fn ruling_as_adjective_is_no_event() {
    let t = "The plan was backed by the ruling party and the ruling National Council. The court ruling was final.";
    let evs = run(t, &[], &[], &[]);
    let r: Vec<&str> = evs.iter().map(|e| e.trigger.slice(t)).collect();
    assert_eq!(r.iter().filter(|x| x.contains("ruling")).count(), 1, "{r:?}");
}

#[test]
#[ignore]
fn scratch_print() {
    let t = std::env::var("DT").unwrap_or_default();
    for e in run(&t, &[], &[], &[]) {
        println!(
            "{} [{}] {:?} place={:?} mod={:?}",
            e.trigger.slice(&t),
            e.kind,
            e.actors
                .iter()
                .map(|a| format!("{}:{}", a.role, a.name))
                .collect::<Vec<_>>(),
            e.place,
            e.modality
        );
    }
}

/// A news article of our own with the reference article's shapes, through the real
/// date extractor (no `published`: the dateline anchors) and the events extractor,
/// with no entities (the text alone) and with hand-built entities.
const SHAPES: &str = "Portugal, Spain leaders pledge closer border defense\n\
LISBON, Dec. 24 (Lusa) -- Portuguese Prime Minister Rui Costa met Spanish Prime Minister Elena Vidal \
in Porto on Oct. 29, 2025, and the two leaders shook hands before a joint press conference.\n\
Portuguese and Spanish troops conducted river-crossing exercises in Elvas on Nov. 4 and Nov. 20, \
the defense ministry said.\n\
Lisbon lifted the guidelines on joint patrols in 2021.\n\
The ministry unveiled a plan to regain full control of the border by 2030.\n\
Defense Minister Ana Lopes visited Madrid last month, after talks with her Spanish counterpart on Aug. 27.\n";

fn shapes_run(ents: &[Entity]) -> (Vec<DateExpr>, Vec<Event>) {
    let a = Article {
        text: SHAPES.to_string(),
        ..Default::default()
    };
    let an = analyze(&a);
    let dx = crate::extract::dates::DateExtractor::new(&Default::default()).unwrap();
    let dates = dx.extract(&an);
    let x = EventExtractor::new(&EventsConfig::default()).unwrap();
    let evs = x.extract(&an, ents, &dates, &[]);
    (dates, evs)
}

#[test]
fn reference_shapes_end_to_end() {
    let t = SHAPES;
    let (dates, evs) = shapes_run(&[]);
    let dv: Vec<(&str, &str)> = dates
        .iter()
        .map(|d| (d.span.slice(t), d.value.as_str()))
        .collect();
    for (text, v) in [
        ("Dec. 24", "2025-12-24"),
        ("Oct. 29, 2025", "2025-10-29"),
        ("Nov. 4", "2025-11-04"),
        ("Nov. 20", "2025-11-20"),
        ("2021", "2021"),
        ("2030", "2030"),
        ("last month", "2025-11"),
        ("Aug. 27", "2025-08-27"),
    ] {
        assert!(dv.contains(&(text, v)), "{text} → {v} not in {dv:?}");
    }
    let met = find(&evs, t, "met");
    assert_eq!(met.kind, "consult");
    assert!(
        names(met, "agent").iter().any(|n| n.contains("Rui Costa")),
        "{met:?}"
    );
    assert!(
        names(met, "patient").iter().any(|n| n.contains("Elena Vidal")),
        "{met:?}"
    );
    assert_eq!(met.place.as_deref(), Some("Porto"));
    assert_eq!(met.date_value.as_deref(), Some("2025-10-29"));
    let pc = find(&evs, t, "joint press conference");
    assert_eq!(pc.kind, "statement");
    let ex = find(&evs, t, "river-crossing exercises");
    assert_eq!(ex.kind, "cooperate_material");
    assert_eq!(ex.place.as_deref(), Some("Elvas"));
    assert_eq!(ex.date_value.as_deref(), Some("2025-11-04"));
    let lift = find(&evs, t, "lifted");
    assert_eq!(lift.kind, "yield");
    assert_eq!(lift.date_value.as_deref(), Some("2021"));
    let plan = evs
        .iter()
        .find(|e| e.trigger.slice(t) == "regain" || e.trigger.slice(t) == "plan")
        .unwrap_or_else(|| {
            panic!(
                "{:?}",
                evs.iter()
                    .map(|e| (e.trigger.slice(t), e.kind, e.modality))
                    .collect::<Vec<_>>()
            )
        });
    assert_eq!(plan.modality, Modality::Planned, "{plan:?}");
    assert_eq!(plan.date_value.as_deref(), Some("2030"));
    let visit = find(&evs, t, "visited");
    assert_eq!(visit.date_value.as_deref(), Some("2025-11"));
    // the reporting verb with a named speaker is a statement
    let said = find(&evs, t, "said");
    assert_eq!(said.kind, "statement");
}

#[test]
fn reference_shapes_prefer_entity_canonicals() {
    let t = SHAPES;
    let ents = vec![
        ent(t, "Rui Costa", 0, EntityType::Person, "Rui Manuel Costa"),
        ent(t, "Elena Vidal", 0, EntityType::Person, "Elena Vidal Ruiz"),
        ent(t, "Porto", 0, EntityType::Location, "Porto"),
        ent(t, "Elvas", 0, EntityType::Location, "Elvas"),
        ent(t, "Ana Lopes", 0, EntityType::Person, "Ana Lopes"),
        ent(t, "Madrid", 0, EntityType::Location, "Madrid"),
    ];
    let (_, evs) = shapes_run(&ents);
    let met = find(&evs, t, "met");
    assert_eq!(names(met, "agent"), ["Rui Manuel Costa"]);
    assert_eq!(names(met, "patient"), ["Elena Vidal Ruiz"]);
    let visit = find(&evs, t, "visited");
    assert_eq!(names(visit, "agent"), ["Ana Lopes"]);
    assert_eq!(names(visit, "patient"), ["Madrid"]);
}

#[test]
fn other_occurrences_need_a_named_agent_or_patient() {
    let t = "Orbital Motors built a battery plant in Ohio last year. The company built a new warehouse. \
             The Zephyr tablet is made by Kestrel Labs. Kestrel Labs will use Zephyr operating system code.";
    let ents = vec![
        ent(t, "Orbital Motors", 0, EntityType::Org, "Orbital Motors"),
        ent(t, "Ohio", 0, EntityType::Location, "Ohio"),
        ent(t, "Zephyr", 0, EntityType::Misc, "Zephyr"),
        ent(t, "Kestrel Labs", 0, EntityType::Org, "Kestrel Labs"),
        ent(t, "Kestrel Labs", 1, EntityType::Org, "Kestrel Labs"),
        ent(t, "Zephyr", 1, EntityType::Misc, "Zephyr"),
    ];
    let evs = run(t, &ents, &[], &[]);
    let built: Vec<&Event> = evs.iter().filter(|e| e.trigger.slice(t) == "built").collect();
    // "The company built a new warehouse": no name, no row
    assert_eq!(built.len(), 1);
    assert_eq!(built[0].kind, "other");
    assert_eq!(names(built[0], "agent"), ["Orbital Motors"]);
    assert_eq!(built[0].place.as_deref(), Some("Ohio"));
    // passive: the "by" phrase is the agent
    let e = find(&evs, t, "made");
    assert_eq!(e.kind, "other");
    assert_eq!(names(e, "agent"), ["Kestrel Labs"]);
    assert_eq!(names(e, "patient"), ["Zephyr tablet"]);
    let e = find(&evs, t, "use");
    assert_eq!(names(e, "agent"), ["Kestrel Labs"]);
    assert_eq!(e.modality, Modality::Planned);
    // "operating system" is a noun phrase, not an occurrence
    assert!(!evs.iter().any(|e| e.trigger.slice(t) == "operating"));
    // nor is a typed trigger shadowed: "cut ... jobs" is still a lay-off
    let t2 = "Orbital Motors expects to cut about 2,000 jobs in Europe.";
    let ents2 = vec![ent(t2, "Orbital Motors", 0, EntityType::Org, "Orbital Motors")];
    let evs2 = run(t2, &ents2, &[], &[]);
    let e = find(&evs2, t2, "cut");
    assert_eq!(e.kind, "layoffs");
    assert_eq!(names(e, "agent"), ["Orbital Motors"]);
}

#[test]
fn coordinated_and_participial_verbs_share_the_subject() {
    let t = "Kestrel Labs designs the chips and builds them in Taiwan. \
             Harbor Rail delivered its last train to Metro Link on Monday, ending a 40-year era.";
    let ents = vec![
        ent(t, "Kestrel Labs", 0, EntityType::Org, "Kestrel Labs"),
        ent(t, "Taiwan", 0, EntityType::Location, "Taiwan"),
        ent(t, "Harbor Rail", 0, EntityType::Org, "Harbor Rail"),
        ent(t, "Metro Link", 0, EntityType::Org, "Metro Link"),
    ];
    let evs = run(t, &ents, &[], &[]);
    let e = find(&evs, t, "builds");
    assert_eq!(e.kind, "other");
    assert_eq!(names(e, "agent"), ["Kestrel Labs"]);
    let e = find(&evs, t, "ending");
    assert_eq!(names(e, "agent"), ["Harbor Rail"]);
    let e = find(&evs, t, "delivered");
    assert_eq!(e.kind, "deal");
    assert_eq!(names(e, "agent"), ["Harbor Rail"]);
}

#[test]
fn gerund_objects_model_numbers_titles_and_abstract_deliveries() {
    let t = "A year after launching the Zephyr, Kestrel Labs cut its price. \
             The Zephyr 2 pre-orders opened on Monday. \
             The director of public prosecutions spoke to reporters. \
             Harbor Rail delivered savings of $40m last year.";
    let ents = vec![
        ent(t, "Zephyr", 0, EntityType::Misc, "Zephyr"),
        ent(t, "Kestrel Labs", 0, EntityType::Org, "Kestrel Labs"),
        ent(t, "Zephyr", 1, EntityType::Misc, "Zephyr"),
        ent(t, "Harbor Rail", 0, EntityType::Org, "Harbor Rail"),
    ];
    let evs = run(t, &ents, &[], &[]);
    let e = find(&evs, t, "launching");
    assert_eq!(e.kind, "product_launch");
    assert_eq!(names(e, "patient"), ["Zephyr"]);
    let e = find(&evs, t, "pre-orders");
    assert_eq!(names(e, "agent"), ["Zephyr 2"]);
    assert!(!evs.iter().any(|e| e.trigger.slice(t).contains("prosecutions")));
    assert!(!evs.iter().any(|e| e.trigger.slice(t) == "delivered"));
    // an aspectual verb is part of the chain: "began selling", "started to build"
    let t2 = "Harbor Rail began selling tickets online. Kestrel Labs started to build a plant.";
    let ents2 = vec![
        ent(t2, "Harbor Rail", 0, EntityType::Org, "Harbor Rail"),
        ent(t2, "Kestrel Labs", 0, EntityType::Org, "Kestrel Labs"),
    ];
    let evs2 = run(t2, &ents2, &[], &[]);
    let e = find(&evs2, t2, "selling");
    assert_eq!(e.kind, "deal");
    assert_eq!(names(e, "agent"), ["Harbor Rail"]);
    let e = find(&evs2, t2, "build");
    assert_eq!(names(e, "agent"), ["Kestrel Labs"]);
}
