//! The closed event type taxonomy.
//!
//! Twenty types follow CAMEO's root categories (so rows can be set beside
//! GDELT's, whose `EventRootCode` is the same two-digit code); twelve more cover
//! business and civic news that CAMEO does not code, and `other`
//! holds named actors' occurrences that no type above covers. Every type has a short
//! stable id (the `events.type` column) and, where one applies, its CAMEO root
//! code. docs/events.md documents the same table for analysts.

/// One event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventType {
    /// Stable id written to `events.type`.
    pub id: &'static str,
    /// CAMEO root code ("04") when the type is a CAMEO root category.
    pub cameo: Option<&'static str>,
    /// One-line definition.
    pub description: &'static str,
}

const fn t(id: &'static str, cameo: Option<&'static str>, description: &'static str) -> EventType {
    EventType {
        id,
        cameo,
        description,
    }
}

/// The whole taxonomy, CAMEO roots first.
pub const TYPES: &[EventType] = &[
    t(
        "statement",
        Some("01"),
        "make a public statement: announce, deny, confirm, reveal, press conference",
    ),
    t("appeal", Some("02"), "appeal or request: urge, call for, ask for"),
    t(
        "intend_cooperate",
        Some("03"),
        "express intent to cooperate: pledge, promise, offer",
    ),
    t(
        "consult",
        Some("04"),
        "consult: meet, visit, talks, summit, negotiate, shake hands",
    ),
    t(
        "cooperate_diplomatic",
        Some("05"),
        "diplomatic cooperation: agree, sign, endorse, support, praise, apologise",
    ),
    t(
        "cooperate_material",
        Some("06"),
        "material cooperation: economic, military, judicial; joint exercises",
    ),
    t("aid", Some("07"), "provide aid: donate, assist, rescue, bail out"),
    t(
        "yield",
        Some("08"),
        "yield: lift or ease restrictions, withdraw, concede, hand over control",
    ),
    t(
        "investigate",
        Some("09"),
        "investigate: probe, inquiry, audit, inspect",
    ),
    t("demand", Some("10"), "demand"),
    t(
        "disapprove",
        Some("11"),
        "disapprove: criticise, condemn, accuse, complain",
    ),
    t("reject", Some("12"), "reject: refuse, veto, oppose, rule out"),
    t("threaten", Some("13"), "threaten, ultimatum"),
    t(
        "protest",
        Some("14"),
        "protest: demonstrate, rally, march, strike, boycott",
    ),
    t(
        "force_posture",
        Some("15"),
        "exhibit force posture: deploy, mobilise, military exercise, patrol",
    ),
    t(
        "reduce_relations",
        Some("16"),
        "reduce relations: sever ties, suspend, expel, sanctions, tariffs",
    ),
    t(
        "coerce",
        Some("17"),
        "coerce: arrest, detain, seize, raid, ban, deport, jail",
    ),
    t(
        "assault",
        Some("18"),
        "assault: attack, bomb, shoot, kidnap, kill",
    ),
    t(
        "fight",
        Some("19"),
        "fight with conventional force: clash, battle, invade, shell, war",
    ),
    t(
        "mass_violence",
        Some("20"),
        "unconventional mass violence: massacre, genocide",
    ),
    t(
        "earnings",
        None,
        "a company reports profit, loss, revenue or dividend",
    ),
    t(
        "acquisition",
        None,
        "acquisition, merger or takeover of a company",
    ),
    t(
        "market_move",
        None,
        "a price, share, index, rate, currency or economic figure rises or falls",
    ),
    t("layoffs", None, "job cuts, lay-offs, redundancies"),
    t(
        "product_launch",
        None,
        "a product, service, film or record is launched, unveiled or released",
    ),
    t(
        "legal",
        None,
        "lawsuit, charge, trial, ruling, verdict, sentence, fine",
    ),
    t("election", None, "election, vote, referendum, inauguration"),
    t(
        "disaster",
        None,
        "natural or man-made disaster: earthquake, flood, crash, explosion, outbreak",
    ),
    t("personnel", None, "appointment, hiring, resignation or dismissal"),
    t(
        "deal",
        None,
        "a contract, order, purchase or sale is agreed, placed or made",
    ),
    t(
        "contest",
        None,
        "a match, race, tender, award or prize is contested, won or lost",
    ),
    t(
        "policy",
        None,
        "a law, regulation, tax or rate is adopted, reformed or cut",
    ),
    t(
        "other",
        None,
        "an occurrence outside the types above (make, build, use, fly, replace, delay ...), \
         kept only when its agent or patient is a named entity",
    ),
];

/// Look a type up by id.
pub fn by_id(id: &str) -> Option<&'static EventType> {
    TYPES.iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_unique_and_cameo_roots_in_order() {
        for (i, a) in TYPES.iter().enumerate() {
            for b in &TYPES[i + 1..] {
                assert_ne!(a.id, b.id);
            }
        }
        let codes: Vec<&str> = TYPES.iter().filter_map(|t| t.cameo).collect();
        assert_eq!(codes.len(), 20);
        for (i, c) in codes.iter().enumerate() {
            assert_eq!(c.parse::<usize>().unwrap(), i + 1);
        }
        assert_eq!(by_id("consult").unwrap().cameo, Some("04"));
        assert!(by_id("earnings").unwrap().cameo.is_none());
        assert!(by_id("nope").is_none());
        assert!(by_id("other").unwrap().cameo.is_none());
    }
}
