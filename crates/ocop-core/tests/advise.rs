//! The upgrade advisor: exact against brute force on small synthetic rubrics, and worked by hand
//! on real QĐ 26/2026 product sets.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::num::NonZeroU32;

use ocop_core::advise::{
    self, CheckedSheet, CostMap, Objective, Plan, ReasonKind, Request, Standing,
};
use ocop_core::council::rules::GateJudgement;
use ocop_core::decimal::Exact;
use ocop_core::rubric::{Catalog, Criterion, LoadedSet, Scoring, Stars};
use ocop_core::score::{self, AnswerEcho, Status};
use ocop_core::sheet::{Answer, Answers, Completeness};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Helpers shared by every test
// ---------------------------------------------------------------------------------------------

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn bundled(number: u8) -> LoadedSet<'static> {
    Catalog::bundled().product_set("qd26-2026", number).unwrap()
}

/// The answerable criterion with this code.
fn c<'s>(loaded: &LoadedSet<'s>, code: &str) -> &'s Criterion {
    loaded.set.leaf(code).unwrap().criterion
}

/// Applies a plan's steps to the answers.
fn apply(loaded: &LoadedSet<'_>, answers: &Answers, plan: &Plan) -> Answers {
    plan.steps.iter().fold(answers.clone(), |answers, step| {
        let answer = match &step.to_option {
            AnswerEcho::Option(number) => Answer::Option(*number),
            AnswerEcho::YesNo(met) => Answer::YesNo(*met),
            AnswerEcho::Options(numbers) => Answer::Options(numbers.iter().copied().collect()),
        };
        answers.with(c(loaded, &step.criterion), answer)
    })
}

/// The lowest-scoring option of a single-choice criterion (what the planner assumes of an
/// unanswered criterion that starts to count).
fn lowest_answer(criterion: &Criterion) -> Option<Answer> {
    match &criterion.scoring {
        Scoring::YesNo => Some(Answer::YesNo(false)),
        Scoring::Additive(_) => Some(Answer::Options(BTreeSet::new())),
        _ => criterion
            .options()
            .iter()
            .filter_map(|option| Some((option.points?, option.number)))
            .min()
            .map(|(_, number)| Answer::Option(number)),
    }
}

/// Fills every unanswered criterion that now applies with its lowest answer.
fn fill_assumed(loaded: &LoadedSet<'_>, answers: Answers) -> Answers {
    loaded.set.leaves().fold(answers, |answers, leaf| {
        let criterion = leaf.criterion;
        if answers.get(criterion).is_none() && answers.applies(criterion) == Some(true) {
            match lowest_answer(criterion) {
                Some(answer) => answers.with(criterion, answer),
                None => answers,
            }
        } else {
            answers
        }
    })
}

fn sheet_answers(
    loaded: &LoadedSet<'_>,
    pairs: &[(&str, Answer)],
    completeness: Completeness,
) -> Answers {
    Answers::from_pairs(
        loaded.set,
        pairs
            .iter()
            .map(|(code, answer)| ((*code).to_owned(), answer.clone())),
        [],
        completeness,
    )
    .unwrap()
}

fn advise_answers(loaded: &LoadedSet<'_>, answers: &Answers, request: &Request) -> advise::Advice {
    let standing = Standing::of_answers(loaded.instrument, loaded.set, answers);
    advise::advise(loaded.instrument, loaded.set, &standing, request)
}

/// Checks that every listed plan does what it says: applied to the sheet it gives its total and
/// stars, reaches the target, and has the cost, changes and points of the best plan.
fn check_plans(
    loaded: &LoadedSet<'_>,
    answers: &Answers,
    advice: &advise::Advice,
    costs: Option<&CostMap>,
) {
    let before = score::outcome(loaded.instrument, loaded.set, answers);
    for plan in &advice.plans {
        let after = fill_assumed(loaded, apply(loaded, answers, plan));
        let result = score::outcome(loaded.instrument, loaded.set, &after);
        assert_eq!(Exact(result.total), plan.new_total, "{plan:?}");
        assert_eq!(result.stars, plan.new_stars, "{plan:?}");
        assert!(result.stars >= advice.target_stars, "{plan:?}");
        assert_eq!(Exact(result.total - before.total), plan.points_gained);
        assert_eq!(plan.criteria_changed as usize, plan.steps.len());
        let step_sum: Decimal = plan.steps.iter().map(|step| step.points_gained.0).sum();
        assert_eq!(step_sum, plan.points_gained.0, "steps add up: {plan:?}");
        if let Some(costs) = costs {
            let cost: Decimal = plan
                .steps
                .iter()
                .map(|step| costs.cost(&step.criterion).unwrap())
                .sum();
            assert_eq!(plan.cost, Some(Exact(cost)));
        }
        let first = &advice.plans[0];
        assert_eq!(
            (plan.cost, plan.criteria_changed, plan.points_gained),
            (first.cost, first.criteria_changed, first.points_gained),
            "listed plans tie"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Synthetic rubrics
// ---------------------------------------------------------------------------------------------

/// The random parts of a synthetic product set. Its shape is fixed and has every kind of
/// criterion: choices (1.1, 3.2), cases (1.2), a nested criterion with a choice and a yes/no
/// (1.3.1, 1.3.2), a controller and the criterion applying only with it (2.1 "no story" → 2.2),
/// an additive criterion (3.1), star marks anywhere, and sometimes a stop rule on 3.2.
#[derive(Debug, Clone)]
struct Spec {
    /// Points of the options in half points, below each criterion's maximum (the top option
    /// always scores the maximum).
    c11: [u32; 2],
    c12: [u32; 2],
    c131: [u32; 2],
    c21: u32,
    c22: [u32; 2],
    c31: [u32; 3],
    c32: u32,
    /// Star marks (0: none) on the options of 1.1, 1.2, 1.3.1, 2.1, 2.2, 3.2.
    marks: [u8; 16],
    /// A heading mark on 1.3.2 (0: none).
    heading: u8,
    stop_rule: bool,
    /// Whole points only (more ties between plans).
    coarse: bool,
}

fn half(points: u32) -> String {
    Exact(Decimal::new(i64::from(points) * 5, 1)).to_string()
}

fn mark(star: u8) -> Option<u8> {
    (3..=5).contains(&star).then_some(star)
}

fn options(points: &[u32], max: u32, marks: &[u8], coarse: bool) -> Value {
    let mut all: Vec<u32> = points
        .iter()
        .map(|p| {
            if coarse {
                (p % (max * 2)) & !1
            } else {
                p % (max * 2)
            }
        })
        .collect();
    all.sort_unstable();
    all.push(max * 2);
    Value::Array(
        all.iter()
            .enumerate()
            .map(|(index, points)| {
                let mut option =
                    json!({"text": format!("Mức {}", index + 1), "points": half(*points)});
                if let Some(star) = marks.get(index).copied().and_then(mark) {
                    option["star"] = json!(star);
                }
                option
            })
            .collect(),
    )
}

impl Spec {
    fn set(&self) -> Value {
        let m = &self.marks;
        let mut c21 = vec![json!({"text": "Không có câu chuyện", "points": "0"})];
        let story = options(&[self.c21.max(1)], 15, &m[9..11], self.coarse);
        c21.extend(story.as_array().unwrap().iter().cloned());
        if let Some(star) = mark(m[8]) {
            c21[0]["star"] = json!(star);
        }
        let mut c132 = json!({"code": "1.3.2", "name": "Song ngữ", "max": "8", "kind": "yes_no"});
        if let Some(star) = mark(self.heading) {
            c132["heading_star"] = json!(star);
        }
        let additive: Vec<Value> = self
            .c31
            .iter()
            .enumerate()
            .map(|(index, points)| {
                let points = if self.coarse {
                    (points % 10 + 1) * 2
                } else {
                    points % 20 + 1
                };
                json!({"text": format!("Mục {}", index + 1), "points": half(points)})
            })
            .collect();
        let mut set = json!({
            "format": 1,
            "rubric": "tiny-2026",
            "number": 1,
            "name": "Bộ thử nghiệm",
            "dossier_rule": "Hồ sơ bị loại khi: thử nghiệm",
            "parts": [
                {"code": "A", "title": "PHẦN A", "max": "40", "groups": [
                    {"code": "1", "name": "NHÓM 1", "max": "40", "criteria": [
                        {"code": "1.1", "name": "Chỉ tiêu 1.1", "max": "10", "kind": "choice",
                         "knockout": "Bị loại nếu thử nghiệm",
                         "options": options(&self.c11, 10, &m[0..3], self.coarse)},
                        {"code": "1.2", "name": "Chỉ tiêu hai trường hợp", "max": "10", "kind": "cases",
                         "cases": [
                            {"label": "a. Trường hợp 1", "options": options(&self.c12[..1], 10, &m[3..5], self.coarse)},
                            {"label": "b. Trường hợp 2", "max": "6", "options": options(&self.c12[1..], 6, &[], self.coarse)}
                         ]},
                        {"code": "1.3", "name": "Chỉ tiêu lồng", "max": "20", "kind": "nested", "children": [
                            {"code": "1.3.1", "name": "Chỉ tiêu con", "max": "12", "kind": "choice",
                             "options": options(&self.c131, 12, &m[5..8], self.coarse)},
                            c132
                        ]}
                    ]}
                ]},
                {"code": "B", "title": "PHẦN B", "max": "25", "groups": [
                    {"code": "2", "name": "NHÓM 2", "max": "25", "criteria": [
                        {"code": "2.1", "name": "Câu chuyện", "max": "15", "kind": "choice",
                         "options": Value::Array(c21)},
                        {"code": "2.2", "name": "Cấu trúc câu chuyện", "max": "10", "kind": "choice",
                         "applies_when": {"criterion": "2.1", "unless": [1],
                                          "printed": "Chỉ áp dụng khi có câu chuyện sản phẩm"},
                         "options": options(&self.c22, 10, &m[11..14], self.coarse)}
                    ]}
                ]},
                {"code": "C", "title": "PHẦN C", "max": "35", "groups": [
                    {"code": "3", "name": "NHÓM 3", "max": "35", "criteria": [
                        {"code": "3.1", "name": "Cộng điểm", "max": "15", "kind": "additive",
                         "options": Value::Array(additive)},
                        {"code": "3.2", "name": "Chất lượng", "max": "20", "kind": "choice",
                         "options": options(&[0, self.c32], 20, &m[14..16], self.coarse)}
                    ]}
                ]}
            ]
        });
        if self.stop_rule {
            set["stop_rules"] =
                json!([{"criteria": ["3.2"], "printed": "Nếu được 0 điểm thì dừng"}]);
        }
        set
    }

    /// The rubric folder and its catalog; the set is `tiny-2026` set 1.
    fn load(&self) -> (tempfile::TempDir, Catalog) {
        let folder = support::write(&support::instrument(), &self.set());
        let catalog = Catalog::from_path(folder.path()).unwrap();
        (folder, catalog)
    }
}

fn spec() -> impl Strategy<Value = Spec> {
    let pair = || [0u32..40, 0u32..40];
    (
        (pair(), pair(), pair(), 1u32..30, pair()),
        (
            [1u32..20, 1u32..20, 1u32..20],
            1u32..40,
            prop::array::uniform16(0u8..8),
        ),
        (0u8..8, prop::bool::weighted(0.25), any::<bool>()),
    )
        .prop_map(
            |((c11, c12, c131, c21, c22), (c31, c32, marks), (heading, stop_rule, coarse))| Spec {
                c11,
                c12,
                c131,
                c21,
                c22,
                c31,
                c32,
                marks,
                heading,
                stop_rule,
                coarse,
            },
        )
}

/// Random picks for a sheet: one number per criterion (used modulo its options), an additive
/// mask, a yes/no, and which criteria are left unanswered (partial sheets only).
#[derive(Debug, Clone)]
struct Picks {
    numbers: [u32; 8],
    mask: u8,
    met: bool,
    unanswered: u8,
    skip_dependent: bool,
}

fn picks() -> impl Strategy<Value = Picks> {
    (
        prop::array::uniform8(0u32..12),
        0u8..8,
        any::<bool>(),
        any::<u8>(),
        any::<bool>(),
    )
        .prop_map(|(numbers, mask, met, unanswered, skip_dependent)| Picks {
            numbers,
            mask,
            met,
            unanswered,
            skip_dependent,
        })
}

/// The answers the picks give; on a partial sheet some are left out.
fn answers_of(loaded: &LoadedSet<'_>, picks: &Picks, partial: bool) -> Answers {
    let mut pairs = Vec::new();
    for (index, leaf) in loaded.set.leaves().enumerate() {
        let criterion = leaf.criterion;
        let number = picks.numbers[index % 8];
        let answer = match &criterion.scoring {
            Scoring::YesNo => Answer::YesNo(picks.met),
            Scoring::Additive(options) => Answer::Options(
                options
                    .iter()
                    .filter(|option| picks.mask & (1 << (option.number - 1)) != 0)
                    .map(|option| option.number)
                    .collect(),
            ),
            _ => {
                let options = criterion.options();
                Answer::Option(options[number as usize % options.len()].number)
            }
        };
        if partial && picks.unanswered & (1 << (index % 8)) != 0 && index % 3 != 0 {
            continue;
        }
        pairs.push((criterion.code.clone(), answer));
    }
    // 2.2 may be left out when 2.1 says "no story".
    let no_story = pairs
        .iter()
        .any(|(code, answer)| code == "2.1" && *answer == Answer::Option(1));
    if no_story && picks.skip_dependent {
        pairs.retain(|(code, _)| code != "2.2");
    }
    let completeness = if partial {
        Completeness::Partial
    } else {
        Completeness::Complete
    };
    Answers::from_pairs(loaded.set, pairs, [], completeness).unwrap()
}

/// A random cost map: none, or costs for some criteria, sometimes with a default.
fn costs() -> impl Strategy<Value = Option<Vec<(String, u32)>>> {
    const CODES: [&str; 9] = [
        "1.1", "1.2", "1.3.1", "1.3.2", "2.1", "2.2", "3.1", "3.2", "*",
    ];
    prop::option::of(prop::collection::vec(
        (prop::sample::select(&CODES[..]), 0u32..6),
        0..9,
    ))
    .prop_map(|entries| {
        entries.map(|entries| {
            entries
                .into_iter()
                .map(|(code, cost)| (code.to_owned(), cost))
                .collect()
        })
    })
}

fn cost_map(loaded: &LoadedSet<'_>, entries: &[(String, u32)]) -> CostMap {
    CostMap::from_pairs(
        loaded.set,
        entries
            .iter()
            .map(|(code, cost)| (code.clone(), Decimal::new(i64::from(*cost) * 5, 1))),
    )
    .unwrap()
}

/// Every answer a criterion can move up to from its answer (in its case; keeping ticked boxes),
/// or from nothing, scoring strictly more than `above`.
fn raises(criterion: &Criterion, from: Option<&Answer>, above: Decimal) -> Vec<Answer> {
    let points = |answer: &Answer| {
        let answers = Answers::default().with(criterion, answer.clone());
        answers.points(criterion).unwrap()
    };
    let all: Vec<Answer> = match &criterion.scoring {
        Scoring::YesNo => vec![Answer::YesNo(false), Answer::YesNo(true)],
        Scoring::Additive(options) => {
            let ticked = match from {
                Some(Answer::Options(ticked)) => ticked.clone(),
                _ => BTreeSet::new(),
            };
            let numbers: Vec<u32> = options.iter().map(|option| option.number).collect();
            (0u32..1 << numbers.len())
                .map(|mask| {
                    let mut boxes = ticked.clone();
                    boxes.extend(
                        numbers
                            .iter()
                            .filter(|number| mask & (1 << (*number - 1)) != 0),
                    );
                    Answer::Options(boxes)
                })
                .collect()
        }
        Scoring::Cases { .. } => {
            let case = match from {
                Some(Answer::Option(number)) => criterion.option(*number).unwrap().case,
                _ => None,
            };
            criterion
                .options()
                .iter()
                .filter(|option| case.is_none() || option.case == case)
                .map(|option| Answer::Option(option.number))
                .collect()
        }
        _ => criterion
            .options()
            .iter()
            .map(|option| Answer::Option(option.number))
            .collect(),
    };
    all.into_iter()
        .filter(|answer| points(answer) > above)
        .collect()
}

/// The best objective over every combination of raises, by brute force, and how many distinct
/// plans reach it (additive answers counted once per total, as the planner lists them).
#[derive(Debug, PartialEq)]
struct Brute {
    best: Option<(Decimal, u32, Decimal)>,
    tied: u64,
}

fn brute_force(
    loaded: &LoadedSet<'_>,
    answers: &Answers,
    target: Stars,
    costs: Option<&CostMap>,
) -> Brute {
    let set = &loaded.set;
    let before = score::outcome(loaded.instrument, set, answers);
    let leaves: Vec<&Criterion> = set.leaves().map(|leaf| leaf.criterion).collect();
    let choices: Vec<Vec<Option<Answer>>> = leaves
        .iter()
        .map(|criterion| {
            let from = answers.get(criterion);
            let now = answers
                .points(criterion)
                .unwrap_or_else(|| criterion.floor());
            let allowed = costs.is_none_or(|costs| costs.cost(&criterion.code).is_some());
            let mut options = vec![None];
            if allowed {
                options.extend(raises(criterion, from, now).into_iter().map(Some));
            }
            options
        })
        .collect();
    let mut found: BTreeMap<(Decimal, u32, Decimal), BTreeSet<Vec<String>>> = BTreeMap::new();
    let mut index = vec![0usize; leaves.len()];
    'combinations: loop {
        let mut after = answers.clone();
        let mut changed = 0;
        let mut cost = Decimal::ZERO;
        let mut key = Vec::new();
        for ((criterion, options), at) in leaves.iter().zip(&choices).zip(&index) {
            if let Some(answer) = &options[*at] {
                after = after.with(criterion, answer.clone());
                changed += 1;
                cost += costs.map_or(Decimal::ZERO, |costs| costs.cost(&criterion.code).unwrap());
                let shown = match answer {
                    Answer::Options(_) => {
                        let answered = Answers::default().with(criterion, answer.clone());
                        // Normalized: 7.5 + 7.5 is 15.0, the same total as a capped 15.
                        let total = answered.points(criterion).unwrap().normalize();
                        format!("{}={total}", criterion.code)
                    }
                    other => format!("{}={other:?}", criterion.code),
                };
                key.push(shown);
            }
        }
        let valid = leaves
            .iter()
            .zip(&choices)
            .zip(&index)
            .all(|((criterion, options), at)| {
                options[*at].is_none() || after.applies(criterion) == Some(true)
            });
        if valid {
            let after = fill_assumed(loaded, after);
            let result = score::outcome(loaded.instrument, set, &after);
            if result.stars >= target {
                let objective = (cost, changed, result.total - before.total);
                found.entry(objective).or_default().insert(key);
            }
        }
        // Next combination (odometer).
        for (at, options) in index.iter_mut().zip(&choices) {
            *at += 1;
            if *at < options.len() {
                continue 'combinations;
            }
            *at = 0;
        }
        break;
    }
    match found.into_iter().next() {
        Some((best, plans)) => Brute {
            best: Some(best),
            tied: plans.len() as u64,
        },
        None => Brute {
            best: None,
            tied: 0,
        },
    }
}

/// The stars of every completion of a partial sheet, by brute force: (fewest, most, targets
/// reachable).
fn completions(loaded: &LoadedSet<'_>, answers: &Answers) -> Vec<Stars> {
    let set = &loaded.set;
    let open: Vec<&Criterion> = set
        .leaves()
        .map(|leaf| leaf.criterion)
        .filter(|criterion| answers.get(criterion).is_none())
        .collect();
    let choices: Vec<Vec<Answer>> = open
        .iter()
        .map(|criterion| raises(criterion, None, Decimal::NEGATIVE_ONE))
        .collect();
    let mut stars = Vec::new();
    let mut index = vec![0usize; open.len()];
    'combinations: loop {
        let mut after = answers.clone();
        for ((criterion, options), at) in open.iter().zip(&choices).zip(&index) {
            after = after.with(criterion, options[*at].clone());
        }
        stars.push(score::outcome(loaded.instrument, set, &after).stars);
        for (at, options) in index.iter_mut().zip(&choices) {
            *at += 1;
            if *at < options.len() {
                continue 'combinations;
            }
            *at = 0;
        }
        break;
    }
    stars
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// On complete sheets of random rubrics, the advice is exactly the brute-force optimum: it
    /// is reachable exactly when some combination of raises reaches the target, its best plan
    /// has the least (cost, criteria changed, points gained), it counts every tied plan, and
    /// every plan it lists, applied to the sheet, reaches the target as it says.
    #[test]
    fn advice_is_the_brute_force_optimum(
        spec in spec(),
        picks in picks(),
        above in 0u8..=3,
        costs in costs(),
    ) {
        let (_folder, catalog) = spec.load();
        let loaded = catalog.product_set("tiny-2026", 1).unwrap();
        let answers = answers_of(&loaded, &picks, false);
        let costs = costs.map(|entries| cost_map(&loaded, &entries));
        let outcome = score::outcome(loaded.instrument, loaded.set, &answers);
        // Up to three stars above the current ones (6★ and above: out of range).
        let target = (outcome.stars + above).clamp(1, 6);
        let request = Request { target: Some(target), costs: costs.clone(), alternatives: 3 };
        let advice = advise_answers(&loaded, &answers, &request);
        prop_assert_eq!(advice.current_stars, outcome.stars);
        prop_assert_eq!(advice.current_total, Exact(outcome.total));
        let brute = brute_force(&loaded, &answers, target, costs.as_ref());
        let disqualified = !outcome.disqualifications.is_empty();
        prop_assert_eq!(advice.reachable, brute.best.is_some() && !disqualified, "{:?}", advice.reason);
        if target > 5 {
            let out_of_range = matches!(
                advice.reason.as_ref().map(|reason| &reason.kind),
                Some(ReasonKind::TargetOutOfRange { .. } | ReasonKind::Disqualified { .. })
            );
            prop_assert!(out_of_range);
        }
        if advice.reachable {
            let first = &advice.plans[0];
            let cost = first.cost.map_or(Decimal::ZERO, |cost| cost.0);
            prop_assert_eq!(Some((cost, first.criteria_changed, first.points_gained.0)), brute.best);
            prop_assert_eq!(advice.tied_plans, brute.tied);
            prop_assert_eq!(advice.plans.len() as u64, brute.tied.min(3));
            check_plans(&loaded, &answers, &advice, costs.as_ref());
        } else {
            prop_assert!(advice.plans.is_empty());
            prop_assert!(advice.reason.is_some());
        }
    }

    /// On partial sheets of random rubrics, the best and worst stars are those of the best and
    /// worst completions, and the target is reachable exactly when some completion reaches it.
    #[test]
    fn partial_outlook_is_the_brute_force_range(
        spec in spec(),
        picks in picks(),
        target in 1u8..=5,
    ) {
        let (_folder, catalog) = spec.load();
        let loaded = catalog.product_set("tiny-2026", 1).unwrap();
        let answers = answers_of(&loaded, &picks, true);
        let request = Request { target: Some(target), ..Request::default() };
        let advice = advise_answers(&loaded, &answers, &request);
        let outcome = score::outcome(loaded.instrument, loaded.set, &answers);
        let card = score::score(loaded, &answers, None);
        prop_assume!(card.status == Status::Incomplete);
        let stars = completions(&loaded, &answers);
        let partial = advice.partial.as_ref().unwrap();
        prop_assert_eq!(partial.best_stars, *stars.iter().max().unwrap());
        prop_assert_eq!(partial.worst_stars, *stars.iter().min().unwrap());
        prop_assert_eq!(advice.reachable, stars.iter().any(|stars| *stars >= target));
        let floor = loaded.instrument.band(target).unwrap().from;
        prop_assert_eq!(partial.target_needs.points.0, (floor - outcome.total).max(Decimal::ZERO));
        prop_assert!(advice.plans.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// Real QĐ 26/2026 product sets
// ---------------------------------------------------------------------------------------------

/// A random complete sheet of a real set.
fn real_sheet() -> impl Strategy<Value = (u8, Vec<u32>, u8)> {
    (1u8..=26, prop::collection::vec(0u32..8, 40), 0u8..=8)
}

fn real_answers(loaded: &LoadedSet<'_>, numbers: &[u32]) -> Answers {
    let pairs: Vec<(String, Answer)> = loaded
        .set
        .leaves()
        .zip(numbers.iter().cycle())
        .map(|(leaf, number)| {
            let criterion = leaf.criterion;
            let answer = match &criterion.scoring {
                Scoring::YesNo => Answer::YesNo(number % 2 == 0),
                _ => {
                    let options = criterion.options();
                    Answer::Option(options[*number as usize % options.len()].number)
                }
            };
            (criterion.code.clone(), answer)
        })
        .collect();
    Answers::from_pairs(loaded.set, pairs, [], Completeness::Complete).unwrap()
}

/// Whether raising every criterion of a subset to its best answer reaches the target: a plan on
/// that subset exists exactly then, since a better answer never lowers points or stars.
fn subset_reaches(
    loaded: &LoadedSet<'_>,
    answers: &Answers,
    subset: &[&Criterion],
    target: Stars,
) -> bool {
    let after = subset.iter().fold(answers.clone(), |answers, criterion| {
        match best_answer(criterion) {
            Some(answer) => answers.with(criterion, answer),
            None => answers,
        }
    });
    let after = fill_assumed(loaded, after);
    score::outcome(loaded.instrument, loaded.set, &after).stars >= target
}

/// The best plan of at most two criteria by brute force, and how many tie with it.
fn small_plans(loaded: &LoadedSet<'_>, answers: &Answers, target: Stars) -> Brute {
    let set = &loaded.set;
    let before = score::outcome(loaded.instrument, set, answers);
    let raised: Vec<(&Criterion, Vec<Answer>)> = set
        .leaves()
        .map(|leaf| {
            let criterion = leaf.criterion;
            let now = answers
                .points(criterion)
                .unwrap_or_else(|| criterion.floor());
            (criterion, raises(criterion, answers.get(criterion), now))
        })
        .collect();
    let mut found: BTreeMap<(u32, Decimal), u64> = BTreeMap::new();
    let mut consider = |changes: &[(&Criterion, &Answer)]| {
        let after = changes
            .iter()
            .fold(answers.clone(), |answers, (criterion, answer)| {
                answers.with(criterion, (*answer).clone())
            });
        if changes
            .iter()
            .any(|(criterion, _)| after.applies(criterion) != Some(true))
        {
            return;
        }
        let result = score::outcome(loaded.instrument, set, &fill_assumed(loaded, after));
        if result.stars >= target {
            let key = (changes.len() as u32, result.total - before.total);
            *found.entry(key).or_default() += 1;
        }
    };
    consider(&[]);
    for (at, (first, first_raises)) in raised.iter().enumerate() {
        for a in first_raises {
            consider(&[(first, a)]);
            for (second, second_raises) in &raised[at + 1..] {
                for b in second_raises {
                    consider(&[(first, a), (second, b)]);
                }
            }
        }
    }
    match found.into_iter().next() {
        Some(((changed, gain), tied)) => Brute {
            best: Some((Decimal::ZERO, changed, gain)),
            tied,
        },
        None => Brute {
            best: None,
            tied: 0,
        },
    }
}

fn best_answer(criterion: &Criterion) -> Option<Answer> {
    match &criterion.scoring {
        Scoring::YesNo => Some(Answer::YesNo(true)),
        _ => criterion
            .options()
            .iter()
            .filter_map(|option| Some((option.points?, std::cmp::Reverse(option.number))))
            .max()
            .map(|(_, number)| Answer::Option(number.0)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// On random sheets of every QĐ 26/2026 set: the current stars are those `ocop score`
    /// gives; every plan, applied, reaches the target with the total and stars it announces;
    /// and no plan with fewer criteria exists (checked over every smaller subset of criteria).
    #[test]
    fn advice_on_real_sets_reaches_the_target_with_fewest_criteria(
        (number, numbers, target) in real_sheet(),
    ) {
        let loaded = bundled(number);
        let answers = real_answers(&loaded, &numbers);
        // 1 to 5: that target; otherwise the default, the next star.
        let target = (1..=5).contains(&target).then_some(target);
        let request = Request { target, ..Request::default() };
        let advice = advise_answers(&loaded, &answers, &request);
        let outcome = score::outcome(loaded.instrument, loaded.set, &answers);
        prop_assert_eq!(advice.current_stars, outcome.stars);
        prop_assert_eq!(advice.band_stars, outcome.band_stars);
        prop_assert_eq!(advice.unmet_gates.len(), outcome.unmet_gates.len());
        if !advice.reachable {
            prop_assert!(advice.target_stars == 5 || !outcome.disqualifications.is_empty(),
                "only 5★ can be out of reach on these sets: {:?}", advice.reason);
            return Ok(());
        }
        check_plans(&loaded, &answers, &advice, None);
        let changed = advice.plans[0].criteria_changed as usize;
        if changed <= 2 {
            // Every plan of one or two criteria, by brute force: the best has the advice's
            // objective and as many plans tie with it as the advice counts.
            let brute = small_plans(&loaded, &answers, advice.target_stars);
            let first = &advice.plans[0];
            prop_assert_eq!(brute.best, Some((Decimal::ZERO, first.criteria_changed, first.points_gained.0)));
            prop_assert_eq!(brute.tied, advice.tied_plans);
        }
        let leaves: Vec<&Criterion> = loaded.set.leaves().map(|leaf| leaf.criterion).collect();
        for size in 0..changed.min(3) {
            let mut subset: Vec<usize> = (0..size).collect();
            loop {
                let criteria: Vec<&Criterion> = subset.iter().map(|at| leaves[*at]).collect();
                prop_assert!(
                    !subset_reaches(&loaded, &answers, &criteria, advice.target_stars),
                    "a plan with {} criteria exists: {:?}", size, subset
                );
                // Next subset of this size, in lexicographic order.
                let mut at = size;
                while at > 0 && subset[at - 1] == leaves.len() - size + at - 1 {
                    at -= 1;
                }
                if at == 0 {
                    break;
                }
                subset[at - 1] += 1;
                for next in at..size {
                    subset[next] = subset[next - 1] + 1;
                }
            }
        }
    }
}

/// Set 10 sheet of the stored case: 95 points, the 5★ band, but 6.5 "Vị" at option 3 (2
/// points) is under its ***** mark (option 4, 4 points), so the product holds 4★.
fn ninety_five() -> (LoadedSet<'static>, Answers) {
    let case: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../fixtures/cases/qd26-2026/set10-95-points-capped-at-four.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let sheet = CheckedSheet::read(
        Catalog::bundled(),
        &case["sheet"].to_string(),
        Completeness::Complete,
    )
    .unwrap();
    (sheet.loaded, sheet.answers)
}

#[test]
fn a_95_point_sheet_capped_at_four_needs_only_its_five_star_gate() {
    let (loaded, answers) = ninety_five();
    let advice = advise_answers(&loaded, &answers, &Request::default());
    assert_eq!(
        (
            advice.current_total,
            advice.band_stars,
            advice.current_stars
        ),
        (Exact(dec("95")), 5, 4)
    );
    assert_eq!(advice.unmet_gates.len(), 1);
    assert_eq!(
        (
            advice.unmet_gates[0].criterion.as_str(),
            advice.unmet_gates[0].level
        ),
        ("6.5", 5)
    );
    // Default target: the next star. The band is already met (95 ≥ 90), so the only need is the
    // gate: 6.5 from option 3 (2 points) to option 4 (4 points), +2 → 97 points, 5★. No other
    // criterion can satisfy a gate of 6.5, so the plan is unique.
    assert_eq!(advice.target_stars, 5);
    assert!(advice.reachable);
    assert_eq!(advice.tied_plans, 1);
    let plan = &advice.plans[0];
    assert_eq!(plan.steps.len(), 1);
    let step = &plan.steps[0];
    assert_eq!(step.criterion, "6.5");
    assert_eq!(
        (step.from_option.clone(), step.to_option.clone()),
        (Some(AnswerEcho::Option(3)), AnswerEcho::Option(4))
    );
    assert_eq!(step.points_gained, Exact(dec("2")));
    assert_eq!(step.gates.len(), 1);
    assert_eq!(
        (step.gates[0].level, step.gates[0].marked_option),
        (5, Some(4))
    );
    assert_eq!((plan.new_total, plan.new_stars), (Exact(dec("97")), 5));
    // The margin below 4★: 95 − 70 = 25 points; but six 4★ gates are held by exactly their
    // marked option (2.1 opt 4, 2.3 opt 3, 3.4 opt 2, 5.1 opt 5, 6.1 opt 3, 6.5 opt 3): one
    // notch lower on any of them and the product falls to 3★ whatever its points.
    let margin = advice.margin.as_ref().unwrap();
    assert_eq!(margin.band_floor, Exact(dec("70")));
    assert_eq!(margin.points_above_floor, Exact(dec("25")));
    let at_risk: Vec<(&str, Stars, Stars)> = margin
        .gates_at_risk
        .iter()
        .map(|gate| (gate.criterion.as_str(), gate.level, gate.stars_if_lower))
        .collect();
    assert_eq!(
        at_risk,
        [
            ("2.1", 4, 3),
            ("2.3", 4, 3),
            ("3.4", 4, 3),
            ("5.1", 4, 3),
            ("6.1", 4, 3),
            ("6.5", 4, 3)
        ]
    );
}

/// A 69-point sheet of set 10, one point under the 4★ band (70), every 4★ gate met except 6.1.
///
/// Criterion: option → points. Part A: 1.1 3→3, 1.2 1→0, 1.3 2→2, 1.4 2→2, 1.5 3→2, 1.6 2→2,
/// 1.7 2→1 (12); 2.1 4→3, 2.2 3→2, 2.3 3→3, 2.4 yes→1 (9); 3.1 3→3, 3.2 2→1, 3.3 3→3, 3.4 2→2,
/// 3.5 2→2 (11): 32. Part B: 4.1 3→3, 4.2 3→2, 4.3 1→0 (5); 5.1 5→5, 5.2 3→2, 5.3 3→3 (10): 15.
/// Part C: 6.1 2→1, 6.2 3→2, 6.3 3→2, 6.4 3→2, 6.5 3→2 (9); 7 3→3; 8 2→4; 9 2→3; 10 2→2;
/// 11 1→1: 22. Total 32 + 15 + 22 = 69.
fn sixty_nine() -> (LoadedSet<'static>, Answers) {
    let loaded = bundled(10);
    let o = Answer::Option;
    let answers = sheet_answers(
        &loaded,
        &[
            ("1.1", o(3)),
            ("1.2", o(1)),
            ("1.3", o(2)),
            ("1.4", o(2)),
            ("1.5", o(3)),
            ("1.6", o(2)),
            ("1.7", o(2)),
            ("2.1", o(4)),
            ("2.2", o(3)),
            ("2.3", o(3)),
            ("2.4", Answer::YesNo(true)),
            ("3.1", o(3)),
            ("3.2", o(2)),
            ("3.3", o(3)),
            ("3.4", o(2)),
            ("3.5", o(2)),
            ("4.1", o(3)),
            ("4.2", o(3)),
            ("4.3", o(1)),
            ("5.1", o(5)),
            ("5.2", o(3)),
            ("5.3", o(3)),
            ("6.1", o(2)),
            ("6.2", o(3)),
            ("6.3", o(3)),
            ("6.4", o(3)),
            ("6.5", o(3)),
            ("7", o(3)),
            ("8", o(2)),
            ("9", o(2)),
            ("10", o(2)),
            ("11", o(1)),
        ],
        Completeness::Complete,
    );
    (loaded, answers)
}

#[test]
fn a_69_point_sheet_is_not_advised_the_criterion_with_most_points_left() {
    let (loaded, answers) = sixty_nine();
    let outcome = score::outcome(loaded.instrument, loaded.set, &answers);
    assert_eq!(outcome.total, dec("69"));
    // 69 is the 3★ band; 6.1 "Tạp chất" at option 2 (1 point) is also under its **** mark
    // (option 3, 2 points).
    assert_eq!((outcome.band_stars, outcome.stars), (3, 3));
    let below_five: Vec<(&str, Stars)> = outcome
        .unmet_gates
        .iter()
        .filter(|gate| gate.level <= 4)
        .map(|gate| (gate.criterion.as_str(), gate.level))
        .collect();
    assert_eq!(below_five, [("6.1", 4)]);

    // The criterion with the most points left is 4.3 "Quảng bá sản phẩm": option 1, 0 of 5.
    let left = |criterion: &Criterion| criterion.attainable() - answers.points(criterion).unwrap();
    let most_left = loaded
        .set
        .leaves()
        .max_by_key(|leaf| left(leaf.criterion))
        .unwrap()
        .criterion;
    assert_eq!(
        (most_left.code.as_str(), left(most_left)),
        ("4.3", dec("5"))
    );
    // Raising 4.3 to its best (5 points) gives 74 points, the 4★ band, but 6.1 still caps the
    // product at 3★: the tools that list "the most points left" send the producer the wrong way.
    let greedy = answers.with(c(&loaded, "4.3"), Answer::Option(5));
    assert_eq!(
        score::outcome(loaded.instrument, loaded.set, &greedy).stars,
        3
    );

    // The exact advice: one criterion, 6.1 from option 2 to option 3 (+1), which is the 4★
    // gate and the missing point at once: 69 + 1 = 70 ≥ 70, every gate of 4★ met → 4★.
    let advice = advise_answers(&loaded, &answers, &Request::default());
    assert_eq!(advice.target_stars, 4);
    assert_eq!(advice.tied_plans, 1);
    let plan = &advice.plans[0];
    assert_eq!(plan.criteria_changed, 1);
    assert_eq!(plan.steps[0].criterion, "6.1");
    assert_eq!(plan.steps[0].to_option, AnswerEcho::Option(3));
    assert_eq!(plan.points_gained, Exact(dec("1")));
    assert_eq!((plan.new_total, plan.new_stars), (Exact(dec("70")), 4));
    check_plans(&loaded, &answers, &advice, None);

    // With costs, where improving 6.1 (cleaning the product of impurities) is dear and the
    // rest cheap, 6.1 is still required: a gate cannot be bought with points elsewhere.
    let costs = CostMap::from_pairs(
        loaded.set,
        [("6.1".to_owned(), dec("10")), ("*".to_owned(), dec("1"))],
    )
    .unwrap();
    let request = Request {
        costs: Some(costs),
        ..Request::default()
    };
    let advice = advise_answers(&loaded, &answers, &request);
    assert_eq!(advice.objective, Objective::LeastCost);
    assert_eq!(advice.plans[0].cost, Some(Exact(dec("10"))));
    assert_eq!(advice.plans[0].steps[0].criterion, "6.1");
}

/// A council of three whose mean total is exactly 70: 69, 70 and 71 points on set 10.
///
/// Per criterion the sums are not multiples of 3 (6.2: 2 + 3 + 2 = 7; 1.2: 0 + 0 + 1; 4.3:
/// 0 + 0 + 1), so adding up per-criterion means rounded to 28 digits gives 69.999…9, the 3★ band.
/// The standing keeps sums and compares 210 ≥ 70 × 3: the 4★ band, exactly on its floor.
#[test]
fn a_council_mean_on_the_band_edge_is_compared_exactly() {
    let (loaded, sixty_nine) = sixty_nine();
    // Every 4★ gate met: 6.1 raised to its mark (+1), 10 lowered (−1): still 69.
    let base = sixty_nine
        .with(c(&loaded, "6.1"), Answer::Option(3))
        .with(c(&loaded, "10"), Answer::Option(1));
    let members = vec![
        base.clone(),
        base.with(c(&loaded, "6.2"), Answer::Option(4)),
        base.with(c(&loaded, "1.2"), Answer::Option(2))
            .with(c(&loaded, "4.3"), Answer::Option(2)),
    ];
    let totals: Vec<Decimal> = members
        .iter()
        .map(|answers| score::outcome(loaded.instrument, loaded.set, answers).total)
        .collect();
    assert_eq!(totals, [dec("69"), dec("70"), dec("71")]);
    let naive: Decimal = loaded
        .set
        .leaves()
        .map(|leaf| {
            let sum: Decimal = members
                .iter()
                .map(|m| m.points(leaf.criterion).unwrap())
                .sum();
            sum / Decimal::from(3)
        })
        .sum();
    assert!(naive < dec("70"), "rounded means sum to {naive}");

    let standing =
        Standing::of_members(loaded.set, &members, GateJudgement::MeanPoints, Vec::new()).unwrap();
    assert_eq!(standing.sheets().get(), 3);
    assert_eq!(standing.get("6.2").unwrap().points, Some(dec("7")));
    assert_eq!(standing.get("6.2").unwrap().answer, None, "members differ");
    assert_eq!(standing.get("6.1").unwrap().answer, Some(Answer::Option(3)));
    let advice = advise::advise(
        loaded.instrument,
        loaded.set,
        &standing,
        &Request::default(),
    );
    assert_eq!(advice.current_total, Exact(dec("70")));
    assert_eq!((advice.band_stars, advice.current_stars), (4, 4));
    let margin = advice.margin.unwrap();
    assert_eq!(margin.points_above_floor, Exact(Decimal::ZERO));
    // Toward 5★ (90): every member ticking the same better option, the sum must reach 270.
    assert_eq!(advice.target_stars, 5);
    assert_eq!(advice.target_floor, Some(Exact(dec("90"))));
    assert!(advice.reachable);
    let plan = &advice.plans[0];
    assert!(plan.new_total.0 >= dec("90"));
    assert_eq!(plan.new_stars, 5);
}

/// A council judging gates member by member gives the gates its lowest member's points.
#[test]
fn a_council_rule_on_gates_plugs_in_through_gate_points() {
    let (loaded, sixty_nine) = sixty_nine();
    let base = sixty_nine
        .with(c(&loaded, "6.1"), Answer::Option(3))
        .with(c(&loaded, "10"), Answer::Option(1));
    // Two members at 6.1 option 3 (2 points, its **** mark), one at option 2 (1 point): the
    // mean 5/3 misses the mark; raise one member and it is 6/3, met on the mean.
    let members = vec![
        base.clone(),
        base.with(c(&loaded, "6.1"), Answer::Option(2))
            .with(c(&loaded, "6.2"), Answer::Option(4)),
        base.with(c(&loaded, "1.2"), Answer::Option(2)),
    ];
    let mut standing =
        Standing::of_members(loaded.set, &members, GateJudgement::MeanPoints, Vec::new()).unwrap();
    let advice = advise::advise(
        loaded.instrument,
        loaded.set,
        &standing,
        &Request::default(),
    );
    assert_eq!(
        advice.current_stars, 3,
        "6.1's mean 5/3 is under its 4★ mark"
    );
    // 208 points summed (69 + 69 + 70): every member ticking 6.1's mark adds 1 (sum 5 → 6),
    // still under 210, so every best plan changes 6.1 and one criterion more.
    assert!(!advice.plans.is_empty());
    for plan in &advice.plans {
        assert_eq!(plan.criteria_changed, 2);
        let step = plan
            .steps
            .iter()
            .find(|step| step.criterion == "6.1")
            .unwrap();
        assert_eq!(step.from_option, None, "members differ on 6.1");
        assert_eq!(step.to_option, AnswerEcho::Option(3));
    }
    // Under "every member must meet the mark": 6.3's members at options 2, 4 and 3 (1, 3 and
    // 2 points) meet its **** mark (option 3, 2 points) on the mean (6 ≥ 2 × 3) but not member
    // by member; a council with that rule passes its lowest member's points times the sheets.
    let members = vec![
        base.with(c(&loaded, "6.3"), Answer::Option(2))
            .with(c(&loaded, "6.2"), Answer::Option(4)),
        base.with(c(&loaded, "6.3"), Answer::Option(4)),
        base.with(c(&loaded, "1.2"), Answer::Option(2))
            .with(c(&loaded, "4.3"), Answer::Option(2)),
    ];
    standing =
        Standing::of_members(loaded.set, &members, GateJudgement::MeanPoints, Vec::new()).unwrap();
    let mean_rule = advise::advise(
        loaded.instrument,
        loaded.set,
        &standing,
        &Request::default(),
    );
    let mut criteria = std::collections::HashMap::new();
    for leaf in loaded.set.leaves() {
        let mut current = standing.get(&leaf.criterion.code).unwrap().clone();
        if leaf.criterion.code == "6.3" {
            current.gate_points = Some(dec("1") * Decimal::from(3));
        }
        criteria.insert(leaf.criterion.code.clone(), current);
    }
    let every_member = Standing::new(NonZeroU32::new(3).unwrap(), criteria, Vec::new());
    let strict = advise::advise(
        loaded.instrument,
        loaded.set,
        &every_member,
        &Request::default(),
    );
    assert_eq!(mean_rule.current_total, strict.current_total);
    assert!(mean_rule.unmet_gates.iter().all(|gate| gate.level == 5));
    assert_eq!(strict.unmet_gates[0].criterion, "6.3");
    assert_eq!(strict.current_stars, 3);
    // 69 + 70 + 71 = 210: the band is met; only the member below the mark stands in the way.
    // Every member ticking the mark itself fixes it without a point more (sum 6 → 6).
    assert_eq!(mean_rule.current_stars, 4);
    let plan = &strict.plans[0];
    assert_eq!(
        (plan.criteria_changed, plan.points_gained),
        (1, Exact(Decimal::ZERO))
    );
    assert_eq!(plan.steps[0].criterion, "6.3");
    assert_eq!(plan.steps[0].to_option, AnswerEcho::Option(3));
    assert_eq!(plan.new_stars, 4);
}
