//! Tests of the document-level rules in [`super::rules`] on short
//! business-news articles written for this project.
type Ent = (String, &'static str);

/// (text, type) of every mention (see `tests::run`).
fn run(text: &str) -> Vec<Ent> {
    super::tests::run(text).into_iter().map(|e| (e.0, e.1)).collect()
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

#[test]
fn maker_and_product() {
    let e = run(
        "Examplo said on Monday it would start selling the Examplo Zephyr in Europe next spring.\n\
         The Zephyr will compete with the Examplo Z40, which Examplo launched in 2014.\n\
         Examplo shares rose 3% in Frankfurt after the announcement.",
    );
    assert_eq!(ty(&e, "Examplo"), Some("ORG"), "{e:#?}");
    assert!(not_a_name(&e, "Examplo Zephyr"), "{e:#?}");
    assert!(not_a_name(&e, "Zephyr"), "{e:#?}");
    assert!(not_a_name(&e, "Examplo Z40"), "{e:#?}");
    assert_eq!(ty(&e, "Frankfurt"), Some("LOCATION"), "{e:#?}");
}

#[test]
fn name_ending_in_a_common_acronym_is_not_a_name() {
    let e = run("Donors gave more than $100 million to a Super PAC supporting the senator, filings showed on Friday.\n\
         Lawyers for Jane Whitcombe said the Super PAC had followed the rules set by the Federal Election Commission.");
    assert!(not_a_name(&e, "Super PAC"), "{e:#?}");
    assert_eq!(ty(&e, "Jane Whitcombe"), Some("PERSON"), "{e:#?}");
}

#[test]
fn common_word_and_number_is_not_a_name() {
    let e = run("Tesla said deliveries of the Model 3 would begin in Fremont next year.\n\
         Analysts at Granite Ridge said the Model 3 was crucial to Tesla's growth as model launches run late.\n\
         The filing under Item 8.01 was sent to investors on Friday.");
    assert!(not_a_name(&e, "Model"), "{e:#?}");
    assert!(not_a_name(&e, "Item"), "{e:#?}");
    assert_eq!(ty(&e, "Tesla"), Some("ORG"), "{e:#?}");
}

#[test]
fn laws_and_events_are_misc() {
    let e = run("The company said the rules of the Consumer Data Protection Act would raise its costs.\n\
         It will present the new phone at the Northern Technology Expo in Leeds during National Small Business Week.");
    for w in [
        "Consumer Data Protection Act",
        "Northern Technology Expo",
        "National Small Business Week",
    ] {
        assert!(not_a_name(&e, w), "{w}: {e:#?}");
    }
    assert_eq!(ty(&e, "Leeds"), Some("LOCATION"), "{e:#?}");
}

#[test]
fn brand_marks_are_part_of_the_brand() {
    let e = run("The group sells its machines under three brands, Harvestor ®, Plowmark® and Fieldway ®, in 140 countries.\n\
         Greenfield Advisors offers the Donor Care Program® to charities in Ohio.");
    assert_eq!(ty(&e, "Harvestor ®"), Some("ORG"), "{e:#?}");
    assert_eq!(ty(&e, "Plowmark®"), Some("ORG"), "{e:#?}");
    assert_eq!(ty(&e, "Fieldway ®"), Some("ORG"), "{e:#?}");
    assert!(not_a_name(&e, "Donor Care Program®"), "{e:#?}");
    assert!(not_a_name(&e, "Donor Care Program"), "{e:#?}");
}

#[test]
fn spaced_hyphen_joins_a_name() {
    let e = run("Shares of Rendal - Vostok rose 4% on Tuesday after the telecoms equipment maker raised its forecast.\n\
         Rendal - Vostok said it would hire 200 engineers in Finland this year.");
    assert_eq!(ty(&e, "Rendal - Vostok"), Some("ORG"), "{e:#?}");
    assert!(not_a_name(&e, "Vostok"), "{e:#?}");
    // A list written with a dash stays apart.
    let e = run(
        "Scorers:\nAustralia - Ian Healy, who made 85 runs in the second innings of the match on Sunday.",
    );
    assert_eq!(ty(&e, "Ian Healy"), Some("PERSON"), "{e:#?}");
}

#[test]
fn coordinated_organisations_are_split() {
    let e = run("The deal between Harwell Holdings PLC and Brightwater Group PLC was approved by shareholders on Monday.\n\
         Procter & Gamble said it was not involved in the talks.");
    assert_eq!(ty(&e, "Harwell Holdings PLC"), Some("ORG"), "{e:#?}");
    assert_eq!(ty(&e, "Brightwater Group PLC"), Some("ORG"), "{e:#?}");
    assert!(!e.iter().any(|x| x.0.contains("PLC and")), "{e:#?}");
}

#[test]
fn phrases_of_common_words_are_not_names() {
    let e = run("Factory output fell in May, the Norland Statistics Office said on Tuesday.\n\
         Manufacturing has had a tough year, and manufacturing jobs fell by 2%.\n\
         Market Structure\n\
         The market structure of the industry changed after Greta Olsen became chief executive of Norland Steel.");
    assert!(not_a_name(&e, "Manufacturing"), "{e:#?}");
    assert!(not_a_name(&e, "Market Structure"), "{e:#?}");
    let e2 = run("The Minister of Water, Irrigation and Electricity said irrigation canals and electricity lines were damaged.\n\
         Aid workers reached the town of Kadugli on Monday.");
    assert!(not_a_name(&e2, "Irrigation"), "{e2:#?}");
    assert!(not_a_name(&e2, "Electricity"), "{e2:#?}");
    assert_eq!(ty(&e2, "Kadugli"), Some("LOCATION"), "{e2:#?}");
    assert_eq!(ty(&e, "Greta Olsen"), Some("PERSON"), "{e:#?}");
    assert_eq!(ty(&e, "Norland Statistics Office"), Some("ORG"), "{e:#?}");
}

#[test]
fn online_services_are_organisations() {
    let e = run(
        "For more news about the harvest, follow us on Twitter and become a fan on Facebook.\n\
         Growers in Iowa said prices had fallen by a third since March.",
    );
    assert_eq!(ty(&e, "Twitter"), Some("ORG"), "{e:#?}");
    assert_eq!(ty(&e, "Facebook"), Some("ORG"), "{e:#?}");
    assert_eq!(ty(&e, "Iowa"), Some("LOCATION"), "{e:#?}");
}

#[test]
fn title_word_opening_a_company_name() {
    let e = run(
        "Sales at General Motors rose 4% in China in the first half, the carmaker said on Wednesday.\n\
         Shares of General Motors Co. rose 1% in New York.",
    );
    assert!(
        e.iter()
            .any(|x| x.0.starts_with("General Motors") && x.1 == "ORG"),
        "{e:#?}"
    );
    assert!(not_a_name(&e, "Motors"), "{e:#?}");
}

#[test]
fn exclamation_mark_written_onto_a_name() {
    let e = run("Quotes are provided by Zoomly! and its partners.\n\
         Neither Zoomly! nor its partners are liable for errors, Zoomly! said in a statement.\n\
         Investors in Chicago were not told.");
    assert_eq!(ty(&e, "Zoomly!"), Some("ORG"), "{e:#?}");
    assert_eq!(ty(&e, "Chicago"), Some("LOCATION"), "{e:#?}");
}

#[test]
fn plural_title_after_a_name_is_a_role() {
    let e = run(
        "The Kordofan Governors met aid agencies in Khartoum on Sunday to discuss the floods.\n\
         Kordofan has seen heavy rain since July, said John Major, a spokesman for the agencies.",
    );
    assert!(not_a_name(&e, "Kordofan Governors"), "{e:#?}");
    assert_eq!(ty(&e, "John Major"), Some("PERSON"), "{e:#?}");
}

#[test]
fn lone_name_after_in_is_a_place_not_a_company() {
    let e = run(
        "Buses operated by the company were attacked in Mabotleng on Monday morning, officials said.\n\
         Mabotleng was one of the eight routes that the operator ran under its contract.",
    );
    assert!(e.iter().all(|x| !(x.0 == "Mabotleng" && x.1 == "ORG")), "{e:#?}");
}

#[test]
fn a_known_place_read_as_a_person_keeps_full_names_apart() {
    let e = run("Michael Jordan scored 30 points on Friday.\n\
         Jordan said after the game that the team would travel to Tokyo next month.");
    assert_eq!(ty(&e, "Jordan"), Some("PERSON"), "{e:#?}");
    assert_eq!(ty(&e, "Tokyo"), Some("LOCATION"), "{e:#?}");
}

#[test]
fn clipped_acronyms_of_common_phrases_are_terms() {
    // The short form takes the opening letters of each word, and is
    // introduced with "known as" rather than in parentheses.
    let e = run(
        "The government wants to regain wartime operational control, known as OPCON, before 2030.\n\
         Officials said OPCON talks with Washington would resume in March.\n\
         The ministry also plans a new mobile application (MOBAPP) for reservists, a spokesman said.\n\
         Reservists will be able to download MOBAPP from next month.",
    );
    for w in ["OPCON", "MOBAPP"] {
        assert!(not_a_name(&e, w), "{w}: {e:#?}");
    }
    assert_eq!(ty(&e, "Washington"), Some("LOCATION"), "{e:#?}");
}
