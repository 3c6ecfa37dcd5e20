use super::*;
use crate::analyze::analyze;
use crate::article::Article;

fn run_with(text: &str, published: Option<&str>) -> Vec<(String, &'static str, String)> {
    let a = Article {
        text: text.to_string(),
        published: published.map(|p| {
            NaiveDate::parse_from_str(p, "%Y-%m-%d")
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
        }),
        ..Default::default()
    };
    let an = analyze(&a);
    let ex = DateExtractor::new(&DatesConfig::default()).unwrap();
    ex.extract(&an)
        .into_iter()
        .map(|d| (d.span.slice(&a.text).to_string(), d.kind.as_str(), d.value))
        .collect()
}

fn run(text: &str) -> Vec<(String, &'static str, String)> {
    run_with(text, Some("2025-12-24"))
}

fn one(text: &str) -> (String, String) {
    let r = run(text);
    assert_eq!(r.len(), 1, "{text}: {r:?}");
    (r[0].0.clone(), r[0].2.clone())
}

#[test]
fn explicit_dates() {
    assert_eq!(
        one("This photo, taken on Oct. 29, 2025, shows them."),
        ("Oct. 29, 2025".into(), "2025-10-29".into())
    );
    assert_eq!(
        one("It was signed 29 October 2025 in Seoul."),
        ("29 October 2025".into(), "2025-10-29".into())
    );
    assert_eq!(
        one("Filed on 2025-10-29 by the ministry."),
        ("2025-10-29".into(), "2025-10-29".into())
    );
    assert_eq!(
        one("SEOUL, Dec. 24 (Yonhap) -- Markets rose."),
        ("Dec. 24".into(), "2025-12-24".into())
    );
    assert_eq!(
        one("The rules were lifted in 2021 after talks."),
        ("2021".into(), "2021".into())
    );
    assert_eq!(one("It aims to finish by 2030."), ("2030".into(), "2030".into()));
    assert_eq!(
        one("Prices soared in the 1990s."),
        ("the 1990s".into(), "199".into())
    );
    assert_eq!(
        one("Talks resumed in early January."),
        ("early January".into(), "2025-01".into())
    );
    assert_eq!(
        one("Output will peak by mid-2026."),
        ("mid-2026".into(), "2026".into())
    );
    assert_eq!(
        one("Profit rose in fiscal 2025."),
        ("fiscal 2025".into(), "2025".into())
    );
    assert_eq!(
        one("Profit rose 5 percent in October 2025."),
        ("October 2025".into(), "2025-10".into())
    );
    assert_eq!(
        one("Sales in Q3 2025 fell."),
        ("Q3 2025".into(), "2025-Q3".into())
    );
}

#[test]
fn weekdays_follow_tense() {
    // 2025-12-24 is a Wednesday
    assert_eq!(
        one("The minister resigned Friday."),
        ("Friday".into(), "2025-12-19".into())
    );
    assert_eq!(
        one("The minister will resign on Friday."),
        ("Friday".into(), "2025-12-26".into())
    );
    assert_eq!(
        one("Officials said Wednesday the plan failed."),
        ("Wednesday".into(), "2025-12-24".into())
    );
    assert_eq!(
        one("They met last Tuesday."),
        ("last Tuesday".into(), "2025-12-23".into())
    );
}

#[test]
fn relative_dates() {
    assert_eq!(
        one("During talks in Seoul last month, they agreed."),
        ("last month".into(), "2025-11".into())
    );
    assert_eq!(
        one("Shares fell yesterday."),
        ("yesterday".into(), "2025-12-23".into())
    );
    assert_eq!(
        one("Growth will pick up next year."),
        ("next year".into(), "2026".into())
    );
    assert_eq!(
        one("Lawmakers meet this week."),
        ("this week".into(), "2025-W52".into())
    );
    assert_eq!(
        one("It has doubled over the past two years."),
        ("the past two years".into(), "P2Y".into())
    );
    assert_eq!(one("Prices are high now."), ("now".into(), "PRESENT_REF".into()));
    assert_eq!(
        one("Two scholars wrote recently in a study."),
        ("recently".into(), "PAST_REF".into())
    );
    assert_eq!(
        one("The firm was founded two years ago."),
        ("two years ago".into(), "2023".into())
    );
    assert_eq!(
        one("Exports rose 3 percent last year."),
        ("last year".into(), "2024".into())
    );
    assert_eq!(
        one("Exports rose earlier this month."),
        ("earlier this month".into(), "2025-12".into())
    );
}

#[test]
fn durations_and_sets() {
    assert_eq!(
        one("He serves a five-year term."),
        ("five-year".into(), "P5Y".into())
    );
    assert_eq!(
        one("It took a decade to build."),
        ("a decade".into(), "P10Y".into())
    );
    assert_eq!(
        one("The drill lasted two weeks."),
        ("two weeks".into(), "P2W".into())
    );
    assert_eq!(
        one("Inspectors visit every week."),
        ("every week".into(), "P1W".into())
    );
    assert_eq!(
        one("The paper is published daily."),
        ("daily".into(), "P1D".into())
    );
    assert_eq!(
        one("The strike lasted 36 hours."),
        ("36 hours".into(), "PT36H".into())
    );
}

#[test]
fn times() {
    let r = run("The vote closes at 3 p.m. EST on Friday.");
    assert_eq!(
        r,
        [(
            "3 p.m. EST on Friday".to_string(),
            "TIME",
            "2025-12-19T15:00".to_string()
        )]
    );
    assert_eq!(
        one("Trading halted at 10:30 a.m."),
        ("10:30 a.m.".into(), "2025-12-24T10:30".into())
    );
}

#[test]
fn no_false_dates() {
    assert!(run("South Korea fields about 450,000 troops and 2000 tanks.").is_empty());
    assert!(run("She may march to the office.").is_empty());
    assert!(run("A 5-year-old girl was found.").is_empty());
    assert!(run("“Korea’s 한국 — é”").is_empty());
}

#[test]
fn weekday_with_date() {
    let r = run("The vote was held Monday, Oct. 26, 1998, in Ohio.");
    assert_eq!(
        r,
        [(
            "Monday, Oct. 26, 1998".to_string(),
            "DATE",
            "1998-10-26".to_string()
        )]
    );
}

#[test]
fn anchor_from_dateline_when_unpublished() {
    let text = "Troops cross a river\nThis photo, taken on Nov. 20, 2025, shows troops in Yeoju.\n\
                SEOUL, Dec. 24 (Yonhap) -- Talks held in Seoul last month ended.\n";
    let r = run_with(text, None);
    assert!(
        r.contains(&("Dec. 24".to_string(), "DATE", "2025-12-24".to_string())),
        "{r:?}"
    );
    assert!(
        r.contains(&("last month".to_string(), "DATE", "2025-11".to_string())),
        "{r:?}"
    );
}

#[test]
fn anchor_from_latest_full_date() {
    let r = run_with("The deal, signed on March 3, 2024, took effect last month.", None);
    assert_eq!(r[1], ("last month".to_string(), "DATE", "2024-02".to_string()));
}

#[test]
fn no_anchor_leaves_relative_unresolved() {
    assert_eq!(
        run_with("Shares fell last month.", None),
        [("last month".to_string(), "DATE", "XXXX-XX".to_string())]
    );
}

#[test]
fn quarters_seasons_holidays() {
    assert_eq!(
        one("Profit rose in the third quarter."),
        ("the third quarter".into(), "2025-Q3".into())
    );
    assert_eq!(
        one("Third-quarter profit rose."),
        ("Third-quarter".into(), "2025-Q3".into())
    );
    assert_eq!(
        one("Sales slowed in the first half of 2024."),
        ("the first half of 2024".into(), "2024-H1".into())
    );
    assert_eq!(
        one("Crowds will gather on Christmas."),
        ("Christmas".into(), "2025-12-25".into())
    );
    assert_eq!(
        one("Troops trained this summer."),
        ("this summer".into(), "2025-SU".into())
    );
    assert_eq!(
        one("Troops trained last fall."),
        ("last fall".into(), "2025-FA".into())
    );
    assert_eq!(
        one("Shops were shut over the weekend."),
        ("the weekend".into(), "2025-W51-WE".into())
    );
    assert_eq!(
        one("The war ended in the 20th century."),
        ("the 20th century".into(), "19".into())
    );
}

#[test]
fn sets_and_reference_dates() {
    assert_eq!(
        run("Fees cost $5 a year.")[0],
        ("a year".into(), "SET", "P1Y".into())
    );
    assert_eq!(
        one("The council meets each Thursday."),
        ("each Thursday".into(), "XXXX-WXX-4".into())
    );
    let r = run("Profit rose in the third quarter of 2024. A year earlier it fell.");
    assert_eq!(r[1], ("A year earlier".into(), "DATE", "2023-Q3".into()));
    // a shorter span before/after an event is its length (TimeML leaves "later" out)
    let r = run("The vote was held on Dec. 3. Three days later, the cabinet resigned.");
    assert_eq!(r[1], ("Three days".into(), "DURATION", "P3D".into()));
    let r = run("Banks must wait at least 30 days before closing the deal.");
    assert_eq!(r[0], ("at least 30 days".into(), "DURATION", "P30D".into()));
    let r = run("The summit opened on March 3, 2024. The next day, talks collapsed.");
    assert_eq!(r[1], ("The next day".into(), "DATE", "2024-03-04".into()));
    assert_eq!(
        one("Officials met for the past twenty four hours."),
        ("the past twenty four hours".into(), "PT24H".into())
    );
}

#[test]
fn date_ranges() {
    let a = Article {
        text: "Exports fell last month and this week.".into(),
        published: Some(
            NaiveDate::from_ymd_opt(2025, 12, 24)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
        ),
        ..Default::default()
    };
    let an = analyze(&a);
    let r = DateExtractor::new(&DatesConfig::default()).unwrap().extract(&an);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    assert_eq!(
        (r[0].date_start, r[0].date_end),
        (d("2025-11-01"), d("2025-11-30"))
    );
    assert_eq!(
        (r[1].date_start, r[1].date_end),
        (d("2025-12-22"), d("2025-12-28"))
    );
    assert_eq!(r[0].anchor, d("2025-12-24"));
}

#[test]
fn spelled_years_and_fiscal_years() {
    assert_eq!(
        one("It was built in nineteen ninety-six."),
        ("nineteen ninety-six".into(), "1996".into())
    );
    let r = run("Profit for the fiscal year ended March 31 rose 5 percent.");
    assert_eq!(r[0], ("the fiscal year".into(), "DURATION", "P1Y".into()));
    assert_eq!(r[1], ("March 31".into(), "DATE", "2025-03-31".into()));
}

#[test]
fn deadlines_and_tense_cues() {
    // 2025-12-24 is a Wednesday
    assert_eq!(
        one("The envoy could arrive as soon as Monday."),
        ("Monday".into(), "2025-12-29".into())
    );
    assert_eq!(
        one("The ministry postponed any action until Friday."),
        ("Friday".into(), "2025-12-19".into())
    );
    assert_eq!(
        one("Lenders have given the carrier until Friday to sign the paper."),
        ("Friday".into(), "2025-12-26".into())
    );
    assert_eq!(
        one("The talks, set to resume Monday in Geneva, stalled."),
        ("Monday".into(), "2025-12-29".into())
    );
    // a passive participle is no past cue: the future auxiliary before it counts
    assert_eq!(
        one("A new chair will be named for the session in March."),
        ("March".into(), "2026-03".into())
    );
    assert_eq!(
        one("The pay rise is effective Feb. 1 for all staff."),
        ("Feb. 1".into(), "2026-02-01".into())
    );
    assert_eq!(
        one("In March the company brought in a new chief."),
        ("March".into(), "2025-03".into())
    );
    // a deadline a few days past stays in this year
    assert_eq!(
        run_with(
            "Rebels must disarm by Jan. 14, officials warned.",
            Some("2026-01-16")
        )[0]
        .2,
        "2026-01-14"
    );
}

#[test]
fn weekday_evening_keeps_part_of_day() {
    assert_eq!(
        one("Protesters gathered Monday evening outside the court."),
        ("Monday evening".into(), "2025-12-22TEV".into())
    );
    assert_eq!(
        one("The vote was held Tuesday afternoon."),
        ("Tuesday afternoon".into(), "2025-12-23TAF".into())
    );
    assert_eq!(
        one("The fire broke out Tuesday morning."),
        ("Tuesday morning".into(), "2025-12-23".into())
    );
}

#[test]
fn vague_refs_ages_and_spoken_years() {
    assert_eq!(
        one("The recent floods cut the harvest."),
        ("recent".into(), "PAST_REF".into())
    );
    assert!(run("Her most recent novel sold well.").is_empty());
    // a fraction is no duration
    assert!(run("About three-quarters of the staff voted.").is_empty());
    // an age is no duration
    assert!(run("Mr. Tan, 52 years old, will chair the board.").is_empty());
    // a sentence-opening "Now," is a discourse marker; "now" in the clause is a date
    assert!(run("Now, the question is who pays.").is_empty());
    assert_eq!(
        one("The plant is now closed."),
        ("now".into(), "PRESENT_REF".into())
    );
    assert_eq!(
        one("Rates may fall now that inflation has eased."),
        ("now".into(), "PRESENT_REF".into())
    );
    assert_eq!(
        one("The goal is to halve emissions by the year two thousand."),
        ("the year two thousand".into(), "2000".into())
    );
}

#[test]
fn quarter_takes_a_recent_quarters_year_only() {
    // a quarter of next year mentioned earlier does not drag a past quarter forward
    let r = run_with(
        "The plant will open in the first quarter of 1990. Sales rose 5% in the third quarter.",
        Some("1989-10-26"),
    );
    assert_eq!(r.last().unwrap().2, "1989-Q3", "{r:?}");
}

#[test]
#[ignore]
fn scratch_print() {
    let t = std::env::var("DT").unwrap_or_default();
    let p = std::env::var("DP").ok();
    for r in run_with(&t, p.as_deref()) {
        println!("{r:?}");
    }
}

#[test]
fn this_season_is_the_anchor_years_season() {
    // past tense in the sentence does not push "this summer" back a year
    let r = run_with(
        "Leaders said they pledged to join protests this summer.",
        Some("1998-03-22"),
    );
    assert_eq!(r.last().unwrap().2, "1998-SU", "{r:?}");
    let r = run_with("Snow fell this winter.", Some("1998-01-20"));
    assert_eq!(r.last().unwrap().2, "1997-WI", "{r:?}");
}

#[test]
fn time_with_bracketed_zone_takes_the_following_day() {
    let r = run_with(
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, witnesses said.",
        Some("1998-08-08"),
    );
    assert_eq!(r[0].2, "1998-08-07T10:35", "{r:?}");
}

#[test]
fn tense_of_plans_past_perfect_and_is_to() {
    // 2025-12-24 is a Wednesday
    // "is to resume": the future
    assert_eq!(
        one("The stock is to resume trading in Frankfurt Tuesday."),
        ("Tuesday".into(), "2025-12-30".into())
    );
    // a plan in the past perfect is over
    assert_eq!(
        one("The offer had been due to expire Friday evening."),
        ("Friday evening".into(), "2025-12-19TEV".into())
    );
    // "the plan" is a noun, not an intention
    assert_eq!(
        one("The lender announced the plan Aug. 21."),
        ("Aug. 21".into(), "2025-08-21".into())
    );
}

#[test]
fn recent_years_week_of_half_and_year_end() {
    assert_eq!(
        one("Exports have grown quickly in recent years."),
        ("recent years".into(), "PAST_REF".into())
    );
    assert_eq!(
        one("Orders have slowed in recent weeks."),
        ("recent weeks".into(), "PXW".into())
    );
    assert_eq!(
        one("A hearing may be held the week of March 6."),
        ("the week of March 6".into(), "2026-W10".into())
    );
    assert_eq!(
        one("Margins will narrow in the last half of 2026."),
        ("the last half of 2026".into(), "2026-H2".into())
    );
    assert_eq!(
        one("Deliveries slipped in the last quarter of 2024."),
        ("the last quarter of 2024".into(), "2024-Q4".into())
    );
    assert_eq!(
        one("The index is up 12% since year-end."),
        ("year-end".into(), "2024-12-31".into())
    );
    assert_eq!(
        one("The bank expects to close the branch by year-end."),
        ("year-end".into(), "2025-12-31".into())
    );
}

#[test]
fn quarter_a_year_ago_and_one_day_ahead() {
    let r = run_with(
        "Profit rose in the third quarter. For the quarter a year ago, it earned $5 million.",
        Some("1989-10-26"),
    );
    assert_eq!(
        r.last().unwrap(),
        &(
            "the quarter a year ago".to_string(),
            "DATE",
            "1988-Q3".to_string()
        ),
        "{r:?}"
    );
    let r = run_with(
        "It expects fourth-quarter sales to rise. Profit fell 59% in the latest quarter.",
        Some("1989-11-02"),
    );
    assert_eq!(r.last().unwrap().2, "1989-Q3", "{r:?}");
    assert_eq!(
        one("Backers say the line will one day reach the coast."),
        ("one day".into(), "FUTURE_REF".into())
    );
    let r = run_with(
        "At mid-afternoon yesterday, the shares were up 2 pence.",
        Some("1989-11-02"),
    );
    assert_eq!(
        r,
        vec![(
            "mid-afternoon yesterday".to_string(),
            "TIME",
            "1989-11-01TAF".to_string()
        )]
    );
    assert_eq!(
        one("The strike lasted one day."),
        ("one day".into(), "P1D".into())
    );
}

#[test]
fn tense_from_the_whole_sentence_when_no_cue_is_near() {
    // "next to" is a place, not the future
    let r = run_with(
        "Dozens were hurt in the blast next to the central station in the old town on Friday.",
        Some("1998-08-08"),
    );
    assert_eq!(r.last().unwrap().2, "1998-08-07", "{r:?}");
    // the main verb far before the date decides
    let r = run_with(
        "Stocks rose sharply, pushing the main index to within 70 points of the record high it set on Aug. 6.",
        Some("1998-02-06"),
    );
    assert_eq!(r.last().unwrap().2, "1997-08-06", "{r:?}");
    // … or far after it
    let r = run_with(
        "In January, a week after the anniversary of the court's landmark ruling on the issue, a bomb killed a guard.",
        Some("1998-10-25"),
    );
    assert_eq!(r[0].2, "1998-01", "{r:?}");
    // a verb of saying far away does not date the reported clause
    let r = run_with(
        "He added that a ceremony would still be held at the summit in Washington on April 24.",
        Some("1999-02-10"),
    );
    assert_eq!(r.last().unwrap().2, "1999-04-24", "{r:?}");
}

#[test]
fn month_with_this_or_last_year_and_election_day() {
    assert_eq!(
        one("The talks began in January this year."),
        ("January this year".into(), "2025-01".into())
    );
    assert_eq!(
        one("The ban was imposed in July last year."),
        ("July last year".into(), "2024-07".into())
    );
    assert_eq!(
        one("Campaigning will be intense until Election Day."),
        ("Election Day".into(), "2026-11-03".into())
    );
    let r = run_with(
        "\"Crime was the main theme of the campaign, and it will stay so from now to Election Day,\" an aide said.",
        Some("1998-10-26"),
    );
    assert_eq!(r.last().unwrap().2, "1998-11-03", "{r:?}");
    let r = run_with("Voters go to the polls on Election Day.", Some("1998-10-26"));
    assert_eq!(r.last().unwrap().2, "1998-11-03", "{r:?}");
}

#[test]
fn titles_and_compound_adjectives_are_not_dates() {
    assert!(run("The minister, speaking on ABC's \"This Week,\" said talks would go on.").is_empty());
    assert!(run("They rejected the last-minute offer.").is_empty());
    let r = run("He was detained on Dec. 3 and appeared in court the next morning.");
    assert_eq!(r.last().unwrap().2, "2025-12-04", "{r:?}");
    assert_eq!(
        one("\"This week was hard,\" she said."),
        ("This week".into(), "2025-W52".into())
    );
}

/// Development aid, not a check: `NEWSETL_DATES_GOLD=<gold.jsonl> cargo test --release --lib
/// dates::tests::dump_gold -- --ignored --nocapture` prints one JSON line per document with
/// the predicted expressions (code point offsets), to compare against the gold offline.
#[test]
#[ignore]
fn dump_gold() {
    let Ok(path) = std::env::var("NEWSETL_DATES_GOLD") else {
        return;
    };
    let docs = crate::eval::gold::load(std::path::Path::new(&path)).unwrap();
    let ex = DateExtractor::new(&DatesConfig::default()).unwrap();
    for doc in &docs {
        let a = crate::eval::predict::article_for("dump", doc);
        let an = analyze(&a);
        let cp = |b: usize| a.text[..b].chars().count();
        let preds: Vec<_> = ex
            .extract(&an)
            .into_iter()
            .map(|d| (cp(d.span.start), cp(d.span.end), d.kind.as_str(), d.value))
            .collect();
        println!(
            "DUMP {}",
            serde_json::json!({"doc_id": doc.doc_id, "preds": preds})
        );
    }
}
