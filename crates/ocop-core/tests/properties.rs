//! Invariants of scoring, checked on random complete sheets of every QĐ 26/2026 product set.

use std::collections::BTreeSet;

use ocop_core::decimal::Exact;
use ocop_core::rubric::{Catalog, Criterion, LoadedSet, Scoring};
use ocop_core::score::{self, CriterionStatus, Scorecard, Status};
use ocop_core::sheet::{Answer, Answers, Completeness};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;

fn loaded(number: u8) -> LoadedSet<'static> {
    Catalog::bundled().product_set("qd26-2026", number).unwrap()
}

/// An answer to a criterion picked by a random index.
fn answer(criterion: &Criterion, pick: &Index, flag: bool) -> Answer {
    match &criterion.scoring {
        Scoring::YesNo => Answer::YesNo(flag),
        Scoring::Additive(options) => {
            let chosen = options
                .iter()
                .filter(|option| (option.number + u32::from(flag)) % 2 == 0);
            Answer::Options(chosen.map(|option| option.number).collect())
        }
        _ => {
            let options = criterion.options();
            Answer::Option(options[pick.index(options.len())].number)
        }
    }
}

/// A random complete sheet: a set number and one answer per answerable criterion.
fn sheet() -> impl Strategy<Value = (u8, Vec<(String, Answer)>)> {
    (
        1u8..=26,
        prop::collection::vec((any::<Index>(), any::<bool>()), 64),
    )
        .prop_map(|(number, picks)| {
            let set = loaded(number).set;
            let answers = set
                .leaves()
                .zip(picks.iter().cycle())
                .map(|(leaf, (pick, flag))| {
                    (
                        leaf.criterion.code.clone(),
                        answer(leaf.criterion, pick, *flag),
                    )
                })
                .collect();
            (number, answers)
        })
}

fn score_pairs(number: u8, pairs: Vec<(String, Answer)>) -> Scorecard<'static> {
    let loaded = loaded(number);
    let answers = Answers::from_pairs(loaded.set, pairs, [], Completeness::Complete).unwrap();
    score::score(loaded, &answers, None)
}

/// The sheet as JSON text, its answers written in the order given (a JSON map would sort them).
fn sheet_text(number: u8, pairs: &[(String, Answer)]) -> String {
    let answers: Vec<String> = pairs
        .iter()
        .map(|(code, answer)| {
            let value = match answer {
                Answer::Option(number) => serde_json::json!(number),
                Answer::YesNo(met) => serde_json::json!(met),
                Answer::Options(numbers) => serde_json::json!(numbers),
            };
            format!("{}: {value}", serde_json::json!(code))
        })
        .collect();
    format!(
        r#"{{"rubric": "qd26-2026", "product_set": {number}, "answers": {{{}}}}}"#,
        answers.join(", ")
    )
}

/// The answer one notch above, if any: a higher-scoring option, `true`, or one more ticked box.
fn raised(criterion: &Criterion, current: &Answer) -> Option<Answer> {
    match current {
        Answer::YesNo(false) => Some(Answer::YesNo(true)),
        Answer::YesNo(true) => None,
        Answer::Options(ticked) => criterion
            .options()
            .iter()
            .find(|option| !ticked.contains(&option.number))
            .map(|option| {
                let mut more: BTreeSet<u32> = ticked.clone();
                more.insert(option.number);
                Answer::Options(more)
            }),
        Answer::Option(number) => {
            let points = criterion.option(*number)?.points;
            criterion
                .options()
                .iter()
                .filter(|option| option.points > points)
                .min_by_key(|option| option.points)
                .map(|option| Answer::Option(option.number))
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn totals_stay_within_zero_and_the_maximum((number, pairs) in sheet()) {
        let card = score_pairs(number, pairs);
        prop_assert!(card.total >= Exact(Decimal::ZERO));
        prop_assert!(card.total <= card.max_total);
        prop_assert_eq!(card.max_total, Exact(Decimal::ONE_HUNDRED));
        let parts: Decimal = card.parts.values().map(|points| points.0).sum();
        prop_assert_eq!(Exact(parts), card.total);
        let criteria: Decimal = card.criteria.iter().map(|criterion| criterion.points.0).sum();
        prop_assert_eq!(Exact(criteria), card.total);
    }

    #[test]
    fn stars_are_the_band_capped_by_the_gates((number, pairs) in sheet()) {
        let loaded = loaded(number);
        let card = score_pairs(number, pairs);
        prop_assert!(card.stars <= card.band_stars);
        // The band and the unmet gates worked out here, from the total, the criteria's points
        // and the rubric, rather than read from the card.
        let band = loaded.instrument.star_bands.iter()
            .filter(|band| card.total.0 >= band.from)
            .map(|band| band.stars)
            .max()
            .unwrap_or(0);
        prop_assert_eq!(card.band_stars, band);
        let lowest_unmet = loaded.set.gates.iter()
            .filter(|gate| card.criteria.iter().any(|criterion| {
                criterion.code == gate.criterion
                    && criterion.status == CriterionStatus::Scored
                    && !gate.requirement.is_met_by(criterion.points.0)
            }))
            .map(|gate| gate.level)
            .min();
        if card.reason.is_none() {
            prop_assert_eq!(lowest_unmet, card.unmet_gates.iter().map(|gate| gate.level).min());
        }
        let cap = lowest_unmet.map_or(5, |level| level - 1);
        prop_assert_eq!(card.stars, if card.reason.is_some() { 0 } else { card.band_stars.min(cap) });
    }

    #[test]
    fn raising_one_answer_never_lowers_the_total_or_the_stars(
        (number, pairs) in sheet(),
        which in any::<Index>(),
    ) {
        let set = loaded(number).set;
        let position = which.index(pairs.len());
        let (code, current) = &pairs[position];
        let criterion = set.leaf(code).unwrap().criterion;
        if let Some(better) = raised(criterion, current) {
            let before = score_pairs(number, pairs.clone());
            let mut improved = pairs.clone();
            improved[position].1 = better;
            let after = score_pairs(number, improved);
            prop_assert!(after.total >= before.total, "{} {:?}: {} → {}", code, current, before.total, after.total);
            prop_assert!(after.stars >= before.stars, "{} {:?}: {}★ → {}★", code, current, before.stars, after.stars);
        }
    }

    #[test]
    fn the_order_of_answers_changes_nothing(
        (number, pairs) in sheet(),
        keys in prop::collection::vec(any::<u32>(), 64),
    ) {
        let mut shuffled: Vec<(u32, (String, Answer))> =
            keys.iter().copied().cycle().zip(pairs.iter().cloned()).collect();
        shuffled.sort_by_key(|(key, _)| *key);
        let shuffled: Vec<(String, Answer)> = shuffled.into_iter().map(|(_, pair)| pair).collect();
        prop_assume!(shuffled != pairs);
        let (text, shuffled_text) = (sheet_text(number, &pairs), sheet_text(number, &shuffled));
        prop_assert_ne!(&text, &shuffled_text);
        let catalog = Catalog::bundled();
        let in_order = score::score_sheet(catalog, &text, Completeness::Complete).unwrap();
        let reordered = score::score_sheet(catalog, &shuffled_text, Completeness::Complete).unwrap();
        prop_assert_eq!(in_order, reordered);
    }

    #[test]
    fn a_partial_sheet_brackets_every_completion(
        (number, pairs) in sheet(),
        keep in prop::collection::vec(any::<bool>(), 64),
    ) {
        let loaded = loaded(number);
        let partial_pairs: Vec<(String, Answer)> =
            pairs.iter().zip(keep.iter().cycle()).filter(|(_, keep)| **keep).map(|(pair, _)| pair.clone()).collect();
        let partial = Answers::from_pairs(loaded.set, partial_pairs, [], Completeness::Partial).unwrap();
        let outlook = score::score(loaded, &partial, None);
        let complete = score_pairs(number, pairs);
        if outlook.status == Status::Disqualified {
            // A stop rule already triggered: no completion can rank.
            prop_assert_eq!(complete.status, Status::Disqualified);
        } else {
            prop_assert!(outlook.total <= complete.total);
            prop_assert!(complete.total <= outlook.max_reachable);
        }
        prop_assert!(outlook.stars_range.min <= complete.stars && complete.stars <= outlook.stars_range.max);
    }
}
