//! Tests on short news-style articles written for this project.
use super::*;
use crate::analyze::analyze;
use crate::article::Article;

/// Mentions of `text`: (text, type, canonical, key, role). Also used by
/// `rules_tests.rs`.
pub(super) fn run(text: &str) -> Vec<(String, &'static str, String, String, Option<String>)> {
    let a = Article {
        text: text.to_string(),
        ..Default::default()
    };
    let an = analyze(&a);
    let x = EntityExtractor::new(&EntitiesConfig::default()).unwrap();
    x.extract(&an)
        .into_iter()
        .map(|e| {
            (
                e.span.slice(text).to_string(),
                e.kind.as_str(),
                e.canonical,
                e.entity_key,
                e.role,
            )
        })
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
    let e =
        run("John Smith flew from London to Paris on Monday to meet officials of the European Commission.");
    assert_eq!(find(&e, "John Smith").1, "PERSON");
    assert_eq!(find(&e, "London").1, "LOCATION");
    assert_eq!(find(&e, "Paris").1, "LOCATION");
    assert_eq!(find(&e, "European Commission").1, "ORG");
}

const ARTICLE: &str = "SEOUL PUSHES FOR WARTIME CONTROL OF ITS TROOPS
WASHINGTON•SEOUL, Dec. 24 (Korea Bizwire) – South Korea's government is pressing the United States to hand over wartime command.
U.S. President Donald Trump met South Korean President Lee Jae-myung in Busan on Tuesday.
Underlying Seoul's push is a long debate in the National Assembly.
\"The alliance is changing,\" said Kim Min-soo, a professor of international politics at Yonsei University.
Defense Minister Park Sung-jin told reporters that Trump had agreed to talks.
Gen. Xavier Brunson, head of U.S. Forces Korea, said the command would stay in Pyeongtaek.
Mark Cancian, a senior adviser at the RAND Corp., said the U.S. would keep its troops.
Lee Jae Myung thanked the Americans after the meeting.
By M. H. Lee (mhlee@example.com)";

#[test]
fn news_article_mentions_types_and_spans() {
    let e = run(ARTICLE);
    // All-caps dateline places.
    assert_eq!(find(&e, "WASHINGTON").1, "LOCATION");
    assert_eq!(find(&e, "SEOUL").1, "LOCATION");
    // Possessive: span without "'s".
    assert_eq!(find(&e, "South Korea").1, "LOCATION");
    assert!(e.iter().all(|x| !x.0.ends_with("'s")), "{e:#?}");
    // Hyphenated Korean names.
    assert_eq!(find(&e, "Lee Jae-myung").1, "PERSON");
    assert_eq!(find(&e, "Kim Min-soo").1, "PERSON");
    // Title not part of the name.
    assert_eq!(find(&e, "Donald Trump").1, "PERSON");
    assert!(!e.iter().any(|x| x.0.contains("President")), "{e:#?}");
    // Abbreviations with dots.
    assert_eq!(find(&e, "RAND Corp.").1, "ORG");
    assert_eq!(find(&e, "Yonsei University").1, "ORG");
    // Sentence-initial capital is not a name.
    assert!(!e.iter().any(|x| x.0.contains("Underlying")), "{e:#?}");
    assert_eq!(find(&e, "Seoul").1, "LOCATION");
    // Nationality.
    assert_eq!(find(&e, "Americans").1, "MISC");
    // Initials.
    assert_eq!(find(&e, "M. H. Lee").1, "PERSON");
}

#[test]
fn roles_from_titles_and_appositives() {
    let e = run(ARTICLE);
    assert_eq!(find(&e, "Donald Trump").4.as_deref(), Some("President"));
    assert_eq!(find(&e, "Park Sung-jin").4.as_deref(), Some("Defense Minister"));
    assert_eq!(
        find(&e, "Kim Min-soo").4.as_deref(),
        Some("a professor of international politics at Yonsei University")
    );
    assert_eq!(
        find(&e, "Mark Cancian").4.as_deref(),
        Some("a senior adviser at the RAND Corp.")
    );
    // Title and appositive together.
    assert_eq!(
        find(&e, "Xavier Brunson").4.as_deref(),
        Some("Gen., head of U.S. Forces Korea")
    );
}

#[test]
fn a_role_stated_once_holds_for_every_mention_of_the_person() {
    let e = run(
        "Finance Minister Ruth Adeyemi said on Monday the budget would be cut.
Adeyemi told lawmakers the deficit had doubled since 2023.",
    );
    assert_eq!(find(&e, "Ruth Adeyemi").4.as_deref(), Some("Finance Minister"));
    assert_eq!(find(&e, "Adeyemi").4.as_deref(), Some("Finance Minister"));
}

#[test]
fn secretary_of_state_is_the_role_and_not_the_name() {
    let e = run(
        "Secretary of State Marco Rubio met his counterpart in Kuala Lumpur on Friday.
The Minister of Finance Jane Okafor, a former World Bank economist, resigned on Tuesday.",
    );
    let r = find(&e, "Marco Rubio");
    assert_eq!((r.1, r.4.as_deref()), ("PERSON", Some("Secretary of State")));
    let o = find(&e, "Jane Okafor");
    assert_eq!(o.1, "PERSON");
    assert_eq!(
        o.4.as_deref(),
        Some("Minister of Finance, a former World Bank economist")
    );
}

#[test]
fn canonical_names_and_keys() {
    let e = run(ARTICLE);
    let trump = find(&e, "Trump");
    assert_eq!(trump.2, "Donald Trump");
    assert_eq!(trump.3, "donald trump");
    let lee = find(&e, "Lee Jae Myung");
    assert_eq!(lee.3, "lee jae myung");
    assert_eq!(find(&e, "Lee Jae-myung").3, "lee jae myung");
    // "U.S." and "United States" share one key; canonical is the fuller form.
    let us = find(&e, "U.S.");
    assert_eq!(us.3, "united states");
    assert_eq!(us.2, "United States");
    assert_eq!(find(&e, "United States").3, "united states");
    // Case and diacritics fold.
    assert_eq!(names::fold("SEOUL"), names::fold("Séoul"));
}

#[test]
fn org_with_country_inside() {
    let e =
        run("Gen. Paul Kim, the commander of U.S. Forces Korea, said on Monday the drills would go ahead.");
    let usfk = e
        .iter()
        .find(|x| x.0.contains("Forces"))
        .expect("U.S. Forces Korea");
    assert_eq!(usfk.0, "U.S. Forces Korea");
    assert_eq!(usfk.1, "ORG");
    // The appositive after a titled name is appended to the title.
    assert_eq!(
        find(&e, "Paul Kim").4.as_deref(),
        Some("Gen., the commander of U.S. Forces Korea")
    );
}

#[test]
fn misc_can_be_switched_off() {
    let a = Article {
        text: "The Korean War ended in 1953, said American officials.".into(),
        ..Default::default()
    };
    let an = analyze(&a);
    let cfg = EntitiesConfig {
        misc: false,
        ..Default::default()
    };
    let x = EntityExtractor::new(&cfg).unwrap();
    assert!(x.extract(&an).iter().all(|e| e.kind != EntityType::Misc));
    let x = EntityExtractor::new(&EntitiesConfig::default()).unwrap();
    assert!(x.extract(&an).iter().any(|e| e.kind == EntityType::Misc));
}

#[test]
fn reader_metadata_types_the_outlet_and_dateline_places() {
    // The outlet parsed from the dateline is an ORG even where the tagger would
    // read two capitalised words as a person, and the ALL-CAPS dateline place
    // is a place.
    let raw = "Harbour towns count their cranes\n\n\
               KINGSHAVEN, Oct. 3 (Nordic Wire) - Volunteers counted 27,400 cranes at the lake, \
               the bird society said on Friday.\n\n\
               Karin Holm, who led the count, told Nordic Wire the figure was a record.\n";
    let a = crate::read::txt::article_from_text(raw.to_string(), "UTF-8", false).unwrap();
    assert_eq!(a.outlet.as_deref(), Some("Nordic Wire"));
    let an = analyze(&a);
    let x = EntityExtractor::new(&EntitiesConfig::default()).unwrap();
    let ents = x.extract(&an);
    let of = |s: &str| {
        ents.iter()
            .filter(|e| e.span.slice(&a.text) == s)
            .map(|e| e.kind.as_str())
            .collect::<Vec<_>>()
    };
    let outlet = of("Nordic Wire");
    assert!(!outlet.is_empty(), "{ents:#?}");
    assert!(outlet.iter().all(|t| *t == "ORG"), "{outlet:?}");
    assert_eq!(of("KINGSHAVEN"), vec!["LOCATION"]);
    assert_eq!(of("Karin Holm"), vec!["PERSON"]);
}

#[test]
fn a_surname_after_the_full_name_is_the_person() {
    // The tagger alone reads the sentence-opening "Trump has" as ORG and
    // "Trump administration" as MISC.
    let e = run(
        "U.S. President Donald Trump met the prime minister on Monday.\n\n\
                 Trump has pressed allies to pay more, and a Trump administration official said \
                 the talks went well. Trump did not answer questions.",
    );
    assert_eq!(find(&e, "Donald Trump").1, "PERSON");
    let short: Vec<_> = e.iter().filter(|m| m.0 == "Trump").collect();
    assert_eq!(short.len(), 3, "{e:#?}");
    for m in short {
        assert_eq!(m.1, "PERSON", "{e:#?}");
        assert_eq!(m.2, "Donald Trump");
        assert_eq!(m.3, "donald trump");
    }
}

#[test]
fn an_appositive_with_a_role_word_makes_a_person() {
    // The tagger alone reads both unfamiliar names as MISC.
    let e = run(
        "“The costs could outweigh the gains that come with greater autonomy,” said Nam Sun-hee, \
                 a professor of history at Daegu University.\n\n\
                 “We will wait,” said Oh Chang-min, a lawmaker.\n\n\
                 Officials at Hyundai, a carmaker, agreed.",
    );
    let nam = find(&e, "Nam Sun-hee");
    assert_eq!(nam.1, "PERSON", "{e:#?}");
    assert_eq!(
        nam.4.as_deref(),
        Some("a professor of history at Daegu University")
    );
    assert_eq!(find(&e, "Oh Chang-min").1, "PERSON");
    assert_eq!(find(&e, "Daegu University").1, "ORG");
    assert_ne!(find(&e, "Hyundai").1, "PERSON");
}

#[test]
fn a_legal_form_after_a_comma_is_part_of_the_company() {
    let e = run(
        "On Tuesday, Brightwater Holdings, Inc. said its quarterly revenue rose 4% to $812 million.
The fund is managed by Carrow Bay Capital Partners, LLC, a firm based in Denver.",
    );
    assert_eq!(find(&e, "Brightwater Holdings, Inc.").1, "ORG");
    assert_eq!(find(&e, "Carrow Bay Capital Partners, LLC").1, "ORG");
    assert!(!e.iter().any(|x| x.0 == "Inc." || x.0 == "LLC"), "{e:#?}");
}

#[test]
fn an_exchange_and_its_ticker_are_organisations() {
    let e = run(
        "Shares of Halvorsen Foods (NYSE: HVF) fell 6% on Monday after the grocer cut its forecast.
Rival Ostmark Retail (LSE: OSTR) gained 2% in London.",
    );
    assert_eq!(find(&e, "NYSE").1, "ORG");
    assert_eq!(find(&e, "HVF").1, "ORG");
    assert_eq!(find(&e, "LSE").1, "ORG");
    assert_eq!(find(&e, "OSTR").1, "ORG");
    assert_eq!(find(&e, "Halvorsen Foods").1, "ORG");
}

#[test]
fn acronyms_defined_by_common_nouns_are_terms_and_by_names_are_aliases() {
    let e = run(
        "Small business loans (SBL) rose 12% in the quarter, according to the Reserve Bank of Fiji (RBF).
Demand for SBL funding has slowed since March, the RBF said on Friday.",
    );
    assert!(!e.iter().any(|x| x.0 == "SBL"), "{e:#?}");
    assert!(e.iter().filter(|x| x.0 == "RBF").all(|x| x.1 == "ORG"), "{e:#?}");
    assert_eq!(find(&e, "RBF").1, "ORG");
}

#[test]
fn company_evidence_types_every_mention_of_the_name() {
    let e = run("Quorvia said on Monday it had raised $40 million from investors.
Quorvia is a Dublin-based maker of payment terminals for restaurants.
Analysts said Quorvia would use the money to expand into Germany.");
    assert!(
        e.iter().filter(|x| x.0 == "Quorvia").all(|x| x.1 == "ORG"),
        "{e:#?}"
    );
    let e = run(
        "Merrow Systems chairman Alan Pike said the deal would close in May.
Merrow shares rose 8% in early trading in Chicago.",
    );
    assert_eq!(find(&e, "Alan Pike").1, "PERSON");
    assert!(
        e.iter().filter(|x| x.0 == "Merrow").all(|x| x.1 == "ORG"),
        "{e:#?}"
    );
}

#[test]
fn a_name_is_tagged_wherever_it_is_written() {
    let text = "General Motors said on Tuesday that sales in China fell 4% in the second quarter.
How GM plans to win back buyers
Analysts said GM would cut prices on its older models this year.
Jul 20, 2015 at 7:07PM GM shares rose 1%.";
    let e = run(text);
    assert_eq!(find(&e, "General Motors").1, "ORG");
    let n = e.iter().filter(|x| x.0 == "GM" && x.1 == "ORG").count();
    assert_eq!(n, text.matches("GM").count(), "{e:#?}");
}

#[test]
fn clock_words_and_generic_words_are_not_names() {
    let e = run(
        "The results were published on Thursday at 10:35 AM (5:05 GMT) in Tokyo.
On July 16, Brightwater Holdings, Inc. (the \"Company\") said its board had approved a dividend.
The Company will pay the dividend on September 18.",
    );
    assert!(
        !e.iter().any(|x| matches!(x.0.as_str(), "AM" | "GMT" | "Company")),
        "{e:#?}"
    );
}

#[test]
fn a_country_heading_is_the_country_alone() {
    let e = run("Introduction to Bahrain Upstream Oil and Gas Markets
The upstream oil sector in Bahrain is small but has grown since 2010, the report said.");
    assert!(
        e.iter()
            .filter(|x| x.0.starts_with("Bahrain"))
            .all(|x| x.0 == "Bahrain"),
        "{e:#?}"
    );
}

#[test]
fn double_barrelled_surnames_with_spaced_hyphens() {
    let e = run(
        "The head of public relations, Mr Kofi Amponsah - Bediako, said standards mattered to exporters.",
    );
    assert_eq!(find(&e, "Kofi Amponsah - Bediako").1, "PERSON");
}

#[test]
fn a_short_form_takes_the_type_of_the_name_it_abbreviates() {
    let e = run("Will General Motors be next?
Shares of General Motors fell 2% on Wednesday.
How GM plans to beat its rivals in China is not yet clear, analysts said.
GM is recalling 51,000 cars in North America.");
    assert_eq!(find(&e, "General Motors").1, "ORG");
    assert!(
        !e.iter()
            .any(|x| x.0.starts_with("Will") || x.0.starts_with("How")),
        "{e:#?}"
    );
    assert!(e.iter().filter(|x| x.0 == "GM").count() == 2, "{e:#?}");
    assert!(e.iter().filter(|x| x.0 == "GM").all(|x| x.1 == "ORG"), "{e:#?}");
}

#[test]
fn a_ticker_after_a_company_name_is_its_own_mention() {
    let e = run("Carmakers including Halvorsen Motor Corp. HMC -0.72% and Ostmark Group AG OSTG 1.40% are said to be bidding.
Tables of football results are left alone: Paris SG 3 Lyon 1.");
    assert_eq!(find(&e, "Halvorsen Motor Corp.").1, "ORG");
    assert_eq!(find(&e, "HMC").1, "ORG");
    assert_eq!(find(&e, "Ostmark Group AG").1, "ORG");
    assert_eq!(find(&e, "OSTG").1, "ORG");
    assert!(!e.iter().any(|x| x.0 == "SG"), "{e:#?}");
}

#[test]
fn a_name_that_does_what_companies_do_is_a_company() {
    let e = run(
        "The carmakers entered the bidding after Kalmstad announced in April that it was considering a sale.
Kalmstad declined to comment on Tuesday.
By early July, Kalmstad was holding talks with the buyers in Berlin.",
    );
    assert!(
        e.iter().filter(|x| x.0 == "Kalmstad").all(|x| x.1 == "ORG"),
        "{e:#?}"
    );
    assert_eq!(e.iter().filter(|x| x.0 == "Kalmstad").count(), 3, "{e:#?}");
    assert_eq!(find(&e, "Berlin").1, "LOCATION");
}

#[test]
fn bylines_and_wire_credits_name_people() {
    let e = run(
        "By Sarah Okonjo TOKYO (Reuters) - Shares in Japanese carmakers fell on Monday.
Exporters were hit by a stronger yen, traders said.
(Reporting by Tomasz Wierzbicki; Editing by Ruth Adeyemi)",
    );
    assert_eq!(find(&e, "Sarah Okonjo").1, "PERSON");
    assert_eq!(find(&e, "Tomasz Wierzbicki").1, "PERSON");
    assert_eq!(find(&e, "Ruth Adeyemi").1, "PERSON");
    assert!(!e.iter().any(|x| x.0.contains("Okonjo TOKYO")), "{e:#?}");
}

#[test]
fn a_ticker_with_a_price_change_makes_the_name_a_company() {
    let e = run("Also in the consortium are Brightwater Mobility Group BWMG -1.53% and Ostmark Motor Corp. OMC 0.41%.");
    assert_eq!(find(&e, "Brightwater Mobility Group").1, "ORG");
    assert_eq!(find(&e, "BWMG").1, "ORG");
}

#[test]
fn one_type_per_name_after_the_evidence_rules() {
    let e = run(
        "President Donald Trump met Japanese Prime Minister Sanae Takaichi in Tokyo on Monday.
Instead, the administration of Donald Trump has urged Japan to spend more on defense.
Donald Trump said the alliance was strong.",
    );
    assert!(
        e.iter()
            .filter(|x| x.0 == "Donald Trump")
            .all(|x| x.1 == "PERSON"),
        "{e:#?}"
    );
}

#[test]
fn title_case_headings_are_true_cased_for_the_tagger() {
    let text = "Harbourline Confirms Crossings Suspended After Storm Damage
Harbourline Ferries said on Monday that its Wellington routes would stay closed until Friday.
Share on Twitter Share on Facebook
The company said repairs to the Picton terminal had begun.";
    let a = Article {
        text: text.to_string(),
        ..Default::default()
    };
    let an = analyze(&a);
    let lex = Lexicon::new();
    let df = features::DocFeatures::new(&an, &lex);
    assert!(df.title_sentence[0], "the heading is a Title-Case line");
    assert!(!df.title_sentence[1], "a prose sentence is not");
    let tok = |w: &str| {
        let i = (0..an.tokens.len()).find(|&i| an.tok(i) == w).unwrap();
        &df.toks[i]
    };
    // Common words of the heading are shown to the tagger in lower case; the
    // first word and a name keep their capital.
    assert_eq!(tok("Confirms").case, features::Case::Lower);
    assert_eq!(tok("Suspended").case, features::Case::Lower);
    assert_eq!(tok("Harbourline").case, features::Case::Title);
    let e = run(text);
    for (m, ..) in &e {
        assert!(
            ![
                "Confirms",
                "Crossings",
                "Storm",
                "Share",
                "Facebook Share",
                "Twitter Share"
            ]
            .iter()
            .any(|w| m.contains(w)),
            "heading words taken into a name: {m:?} in {e:#?}"
        );
    }
}

#[test]
fn a_tied_full_name_takes_the_type_of_its_surname() {
    // "the administration of Donald Trump" reads like a place to the tagger;
    // the full name is a person once and a place once, and "Trump" alone is a
    // person throughout: the person wins the tie.
    let text = "Seoul has pressed for the transfer since U.S. President Donald Trump took office.
Instead, the administration of Donald Trump has encouraged South Korea to spend more on defense.
Trump has publicly supported the submarine project.
Officials said Trump would raise the matter again in January.";
    let e = run(text);
    let trump: Vec<_> = e.iter().filter(|m| m.0.contains("Trump")).collect();
    assert!(trump.len() >= 3, "{e:#?}");
    for m in trump {
        assert_eq!(m.1, "PERSON", "{m:?} in {e:#?}");
    }
}

#[test]
fn a_lone_common_surname_stays_a_person() {
    // One-word names with no first name or title in the article are read as
    // companies ("Ziosk said"), unless the word is a common given name or
    // surname.
    let text = "Sanders leads Clinton by a seven point margin in the latest poll of voters in the state.
Clinton will turn over the emails to the committee next week, her campaign said on Tuesday.";
    let e = run(text);
    for m in e.iter().filter(|m| m.0 == "Clinton") {
        assert_eq!(m.1, "PERSON", "{e:#?}");
    }
    assert!(e.iter().any(|m| m.0 == "Clinton"), "{e:#?}");
}

#[test]
fn known_companies_are_organisations_and_city_teams_stay_teams() {
    let text = "The mapping unit was sold last year, and Nokia declined to comment on the price paid for it.
Investors can follow the company's announcements on Twitter and read its filings online.";
    let e = run(text);
    assert_eq!(find(&e, "Nokia").1, "ORG", "{e:#?}");
    assert_eq!(find(&e, "Twitter").1, "ORG", "{e:#?}");
    // In a results table a city names a team: the place gazetteer does not
    // overrule the tagger there.
    let table = "BASEBALL - MAJOR LEAGUE STANDINGS
Results of games played on Sunday:
CHICAGO 8 Boston 2
Seattle 5 DETROIT 4";
    let e = run(table);
    let teams: Vec<_> = e
        .iter()
        .filter(|m| ["CHICAGO", "Boston", "Seattle", "DETROIT"].contains(&m.0.as_str()))
        .collect();
    assert!(teams.len() >= 2, "{e:#?}");
    for m in teams {
        assert_ne!(m.1, "LOCATION", "{m:?} in {e:#?}");
    }
}

#[test]
fn parties_by_short_name_are_political_groups() {
    let text =
        "Former Labor treasurer Wayne Swan said the Liberals had misread the mood of voters in the west.
The Labor Party will announce its candidate for the seat on Friday, a spokeswoman said.";
    let e = run(text);
    for m in e.iter().filter(|m| m.0 == "Labor" || m.0 == "Liberals") {
        assert_eq!(m.1, "MISC", "{m:?} in {e:#?}");
    }
    assert!(e.iter().any(|m| m.0 == "Liberals"), "{e:#?}");
    assert_eq!(find(&e, "Labor Party").1, "ORG", "{e:#?}");
}

#[test]
fn city_and_state_abbreviation_are_one_place() {
    let text = "The company, which is based in Duluth, Ga., said sales rose in Europe.
The event will be held at a hotel in San Rafael, CA, on Tuesday.
Voters in Illinois, Ohio and Michigan head to the polls next week.";
    let e = run(text);
    assert_eq!(find(&e, "Duluth, Ga.").1, "LOCATION", "{e:#?}");
    assert_eq!(find(&e, "San Rafael, CA").1, "LOCATION", "{e:#?}");
    assert_eq!(find(&e, "Illinois").1, "LOCATION", "{e:#?}");
    assert_eq!(find(&e, "Ohio").1, "LOCATION", "{e:#?}");
}
