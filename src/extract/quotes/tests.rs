//! Tests on short news-style articles written for this project.

use super::*;
use crate::analyze::analyze;
use crate::article::Article;
use crate::extract::EntityType;

fn run(text: &str) -> Vec<Row> {
    run_with(text, &[], QuotesConfig::default())
}

fn run_with(text: &str, ents: &[Entity], cfg: QuotesConfig) -> Vec<Row> {
    let a = Article {
        text: text.into(),
        ..Default::default()
    };
    let d = analyze(&a);
    let x = QuoteExtractor::new(&cfg).unwrap();
    x.extract(&d, ents)
        .into_iter()
        .map(|q| {
            let t: Vec<&str> = q.fragments.iter().map(|f| f.slice(text)).collect();
            (
                t.join(" | "),
                q.kind.as_str(),
                q.speaker,
                q.speaker_span.map(|s| s.slice(text).to_string()),
            )
        })
        .collect()
}

type Row = (String, &'static str, Option<String>, Option<String>);

fn find<'a>(rows: &'a [Row], content: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.0.contains(content))
        .unwrap_or_else(|| panic!("no quote with {content:?} in {rows:#?}"))
}

#[test]
fn cue_after_before_and_middle() {
    let t = "Lawmakers met on Monday.\n\
“We will not back down,” said Jane Doe, a senator from Ohio.\n\
Tom Lee told reporters: “The bill is dead.”\n\
“It is late,” Lee said, “but not too late.”";
    let r = run(t);
    let a = find(&r, "We will not back down");
    assert_eq!(
        (a.1, a.2.as_deref(), a.3.as_deref()),
        ("direct", Some("Jane Doe"), Some("Jane Doe"))
    );
    let b = find(&r, "The bill is dead");
    assert_eq!((b.1, b.2.as_deref()), ("direct", Some("Tom Lee")));
    // One quote, both fragments; the surname resolves to the full name met earlier.
    let c = find(&r, "It is late");
    assert_eq!(c.0, "It is late, | but not too late.");
    assert_eq!(
        (c.1, c.2.as_deref(), c.3.as_deref()),
        ("direct", Some("Tom Lee"), Some("Lee"))
    );
}

#[test]
fn speaker_role_from_appositive_and_title() {
    let t = "Markets fell.\n“Prices will rise,” said Ann Park, a senior economist at the Central Bank.\n\
Gen. Mark Stone, head of the Army, said the drills would go on.";
    let a = QuoteExtractor::new(&QuotesConfig::default()).unwrap();
    let art = Article {
        text: t.into(),
        ..Default::default()
    };
    let q = a.extract(&analyze(&art), &[]);
    let p = q
        .iter()
        .find(|q| q.speaker.as_deref() == Some("Ann Park"))
        .unwrap();
    assert_eq!(
        p.speaker_role.as_deref(),
        Some("a senior economist at the Central Bank")
    );
    let s = q
        .iter()
        .find(|q| q.speaker.as_deref() == Some("Mark Stone"))
        .expect("indirect with title");
    assert_eq!(s.kind, QuoteKind::Indirect);
    assert_eq!(s.speaker_role.as_deref(), Some("head of the Army"));
    assert_eq!(s.cue_span.unwrap().slice(t), "said");
}

#[test]
fn quote_over_several_paragraphs() {
    let t = "The mayor spoke at length.\n“The first part of the plan is ready.\n“The second part comes next year,” she said.\nOther news.";
    let r = run(t);
    let q = find(&r, "first part");
    assert_eq!(
        q.0,
        "The first part of the plan is ready. | The second part comes next year,"
    );
    assert_eq!(q.1, "direct");
    assert_eq!(q.3.as_deref(), Some("she"));
}

#[test]
fn floating_quote_takes_neighbour_speaker_or_person_just_named() {
    let t = "“Prices are high,” said Ann Park.\n“Nobody can pay these bills.”\n\
Later, the team met Carl Ito, a farmer from Iowa.\n“The rain never came.”";
    let r = run(t);
    assert_eq!(find(&r, "Nobody can pay").2.as_deref(), Some("Ann Park"));
    let f = find(&r, "rain never came");
    assert_eq!((f.1, f.2.as_deref()), ("direct", Some("Carl Ito")));
    let off = run_with(
        t,
        &[],
        QuotesConfig {
            floating: false,
            ..Default::default()
        },
    );
    assert!(!off.iter().any(|r| r.0.contains("rain never came")));
}

#[test]
fn partial_quote_gets_the_statement_speaker() {
    let t =
        "Talks ended.\nSeoul framed the change as a restoration of “missile sovereignty” for the country.\n\
The deal was “a historic step,” the minister said.";
    // One row per statement; quoting some of its words makes it partial.
    let r = run(t);
    let p = find(&r, "missile sovereignty");
    assert_eq!(
        p.0,
        "the change as a restoration of “missile sovereignty” for the country"
    );
    assert_eq!((p.1, p.2.as_deref()), ("partial", Some("Seoul")));
    let q = find(&r, "historic step");
    assert_eq!(q.0, "The deal was “a historic step,");
    assert_eq!((q.1, q.2.as_deref()), ("partial", Some("the minister")));
    assert!(!r.iter().any(|x| x.0 == "missile sovereignty"));
    // With phrase rows, the quoted phrase is a row of its own with the same speaker.
    let cfg = QuotesConfig {
        partial_phrase_rows: true,
        ..Default::default()
    };
    let r = run_with(t, &[], cfg);
    let ph = r
        .iter()
        .find(|x| x.0 == "missile sovereignty")
        .expect("phrase row");
    assert_eq!((ph.1, ph.2.as_deref()), ("partial", Some("Seoul")));
    // Without `partial`, the statement is plain indirect.
    let r = run_with(
        t,
        &[],
        QuotesConfig {
            partial: false,
            ..Default::default()
        },
    );
    assert_eq!(find(&r, "missile sovereignty").1, "indirect");
    // A scare quote with no statement around it is no attribution.
    let r = run("The “reform” passed on Monday after a long debate.");
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn indirect_forms() {
    let t = "Budget news.\n\
Bruce Kim, a senior analyst at the Policy Institute, noted that the deficit had doubled.\n\
According to the ministry, exports rose 5 percent in May.\n\
Growth will slow next year, analysts say.\n\
The plan rests on cheap energy, two scholars wrote, and may fail.\n\
Officials warned that prices could climb further.";
    let r = run(t);
    let a = find(&r, "deficit had doubled");
    assert_eq!((a.1, a.2.as_deref()), ("indirect", Some("Bruce Kim")));
    assert_eq!(a.0, "the deficit had doubled");
    let b = find(&r, "exports rose");
    assert_eq!(b.2.as_deref(), Some("the ministry"));
    let c = find(&r, "Growth will slow");
    assert_eq!(c.0, "Growth will slow next year");
    assert_eq!(c.2.as_deref(), Some("analysts"));
    let d = find(&r, "cheap energy");
    assert_eq!(d.0, "The plan rests on cheap energy | and may fail");
    assert_eq!(d.2.as_deref(), Some("two scholars"));
    let e = find(&r, "prices could climb");
    assert_eq!(e.2.as_deref(), Some("officials"));
    let off = run_with(
        t,
        &[],
        QuotesConfig {
            indirect: false,
            ..Default::default()
        },
    );
    assert!(off.is_empty(), "{off:?}");
}

#[test]
fn pronoun_resolves_to_last_named_speaker_without_entities() {
    let t = "Dana Cole runs the shelter.\n“We are full,” Cole said.\nShe said more beds were coming.";
    let r = run(t);
    let q = find(&r, "more beds");
    assert_eq!((q.2.as_deref(), q.3.as_deref()), (Some("Dana Cole"), Some("She")));
}

fn ent(t: &str, s: &str, nth: usize, kind: EntityType, canonical: &str) -> Entity {
    let start = t.match_indices(s).nth(nth).unwrap().0;
    Entity {
        span: crate::article::Span::new(start, start + s.len()),
        kind,
        subtype: None,
        canonical: canonical.into(),
        entity_key: canonical.to_lowercase(),
        role: None,
    }
}

#[test]
fn canonical_names_from_entities() {
    let t = "Gen. Xavier Brunson leads the command.\n“Conditions matter,” Brunson said.\n\
Nam Chang-hee teaches at Inha University.\n“The risk is small,” he said.";
    let ents = vec![
        ent(t, "Xavier Brunson", 0, EntityType::Person, "Xavier Brunson"),
        ent(t, "Brunson", 1, EntityType::Person, "Xavier Brunson"),
        ent(t, "Nam Chang-hee", 0, EntityType::Person, "Nam Chang-hee"),
        ent(t, "Inha University", 0, EntityType::Org, "Inha University"),
    ];
    let r = run_with(t, &ents, QuotesConfig::default());
    assert_eq!(find(&r, "Conditions matter").2.as_deref(), Some("Xavier Brunson"));
    let h = find(&r, "risk is small");
    assert_eq!(
        (h.2.as_deref(), h.3.as_deref()),
        (Some("Nam Chang-hee"), Some("he"))
    );
}

#[test]
fn unbalanced_marks_do_not_swallow_the_article() {
    let t = "He called it “a mistake and left.\nThe second paragraph has no quotes at all.\n“Fine,” she said.\nA stray ” here and a lone \" there.";
    let r = run(t);
    assert!(!r.iter().any(|x| x.0.contains("second paragraph")), "{r:?}");
    assert_eq!(find(&r, "Fine").1, "direct");
    // Only marks, or nothing: no rows, no panic.
    for s in ["“", "”“", "\"", "'", "‘’", "", "“ ”", "said", "“x” said"] {
        let _ = run(s);
    }
}

#[test]
fn headline_single_quotes_and_two_apostrophes() {
    let r = run("Minister: ‘We will not raise taxes this year’\nBody text.");
    assert!(
        r.iter().any(|x| x.0 == "We will not raise taxes this year"),
        "{r:?}"
    );
    let r = run("Intro.\n''Time is short,'' she said.");
    let q = find(&r, "Time is short");
    assert_eq!(q.3.as_deref(), Some("she"));
}

/// Development aid, not a check: `QUOTES_DUMP=gold.jsonl cargo test --release
/// dump_predictions -- --ignored` writes predictions as JSON lines to
/// `$QUOTES_DUMP.pred` (code point offsets) for error analysis.
#[test]
#[ignore]
fn dump_predictions() {
    use std::io::Write;
    let Ok(path) = std::env::var("QUOTES_DUMP") else {
        return;
    };
    let docs = crate::eval::gold::load(std::path::Path::new(&path)).unwrap();
    let x = QuoteExtractor::new(&QuotesConfig::default()).unwrap();
    let mut f = std::io::BufWriter::new(std::fs::File::create(format!("{path}.pred")).unwrap());
    for d in &docs {
        let a = crate::eval::predict::article_for("dump", d);
        let an = analyze(&a);
        let cp = |b: usize| a.text[..b].chars().count();
        let qs: Vec<_> = x
            .extract(&an, &[])
            .into_iter()
            .map(|q| {
                serde_json::json!({
                    "kind": q.kind.as_str(),
                    "frags": q.fragments.iter().map(|f| [cp(f.start), cp(f.end)]).collect::<Vec<_>>(),
                    "text": q.fragments.iter().map(|f| f.slice(&a.text)).collect::<Vec<_>>().join(" | "),
                    "speaker": q.speaker,
                    "mention": q.speaker_span.map(|s| s.slice(&a.text).to_string()),
                    "role": q.speaker_role,
                    "cue": q.cue_span.map(|s| s.slice(&a.text).to_string()),
                })
            })
            .collect();
        writeln!(f, "{}", serde_json::json!({"doc_id": d.doc_id, "quotes": qs})).unwrap();
    }
}

#[test]
fn nominal_cues_and_cognition_need_a_clause() {
    let t = "Budget talks.\nThe mayor's claim that the budget was balanced drew scorn.\n\
Critics think the plan will fail.\nVoters think about it.";
    let r = run(t);
    let n = find(&r, "budget was balanced");
    assert!(n.0.starts_with("the budget was balanced"), "{n:?}");
    assert_eq!((n.1, n.2.as_deref()), ("indirect", Some("the mayor")));
    assert_eq!(find(&r, "plan will fail").2.as_deref(), Some("critics"));
    assert!(!r.iter().any(|x| x.0.contains("about it")), "{r:?}");
    let off = run_with(
        t,
        &[],
        QuotesConfig {
            cognition: false,
            ..Default::default()
        },
    );
    assert!(!off.iter().any(|x| x.0.contains("plan will fail")));
}

#[test]
fn sourceless_statements() {
    let t = "The council met on Monday.\n\
But the mayor is widely expected to veto the budget next week.\n\
The plan seemed doomed from the start.\n\
The firm has reportedly hired three new lobbyists.\n\
The singer appeared on stage at nine.";
    let r = run(t);
    let a = find(&r, "the mayor is widely expected to veto the budget next week");
    assert_eq!((a.1, a.2.as_deref(), a.3.as_deref()), ("indirect", None, None));
    assert!(!a.0.starts_with("But"));
    find(&r, "The plan seemed doomed from the start");
    find(&r, "The firm has reportedly hired three new lobbyists");
    // "appeared" without "to" is a physical appearance, not a stance.
    assert!(r.iter().all(|q| !q.0.contains("appeared on stage")), "{r:#?}");
}

#[test]
fn added_cues_stated_echoed_backed() {
    let t = "Lawmakers met on Monday.\n\
The governor stated that the tax would rise next year.\n\
Senator Ann Cole echoed that the cuts were too deep.\n\
The union backed the new contract after a long vote.\n\
The state budget grew by four percent.";
    let r = run(t);
    let a = find(&r, "the tax would rise next year");
    assert_eq!((a.1, a.3.as_deref()), ("indirect", Some("The governor")));
    let b = find(&r, "the cuts were too deep");
    assert_eq!(b.3.as_deref(), Some("Senator Ann Cole"));
    find(&r, "the new contract");
    // The noun "state" is no cue.
    assert!(r.iter().all(|q| !q.0.contains("budget grew")), "{r:#?}");
}

#[test]
fn subject_of_a_following_clause_is_not_the_source() {
    // The quoted words belong to the first clause; "while officials …" opens
    // another clause whose subject must not become the phrase's speaker.
    let t = "Ankara hailed the deal as a return to “energy independence,” while European diplomats privately conceded that the price was high.";
    let r = run(t);
    assert!(
        r.iter()
            .all(|q| q.2.as_deref().is_none_or(|s| !s.starts_with("while"))
                && q.3.as_deref().is_none_or(|s| !s.starts_with("while"))),
        "{r:#?}"
    );
}
