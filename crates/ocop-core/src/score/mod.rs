//! Scoring one member's sheet: points from the rubric, stars from the bands and the star gates.
//!
//! Every number in a [`Scorecard`] is computed here from the ticked options and the rubric; the
//! input carries option numbers only. Arithmetic is exact and nothing is rounded: a total of
//! 69.99 is in the 3★ band.

mod card;

use jiff::civil::Date;
use rust_decimal::Decimal;

pub use card::{
    AnswerEcho, AnswerKind, AppliedRules, CriterionScore, CriterionStatus, Disqualification,
    Notice, Scorecard, StarsRange, Status, Subtotal, TickedOption, UnmetGate,
};

use crate::decimal::Exact;
use crate::rubric::{
    Catalog, Choice, Criterion, Instrument, LeafRef, LoadedSet, ProductSet, Scoring, Stars,
};
use crate::sheet::{Answer, Answers, CheckedSheet, Completeness, InputProblem, Knockout};

/// How totals map to bands: half-open bands, no rounding.
pub const BAND_RULE: &str = "half_open_no_rounding";
/// How star marks cap the stars: the chosen option must score at least the marked option.
pub const GATE_RULE: &str = "chosen_points_at_least_marked_option";

/// Scores a sheet given as JSON text with a catalog of rubrics.
pub fn score_sheet(
    catalog: &Catalog,
    text: &str,
    completeness: Completeness,
) -> Result<Scorecard, Vec<InputProblem>> {
    let sheet = CheckedSheet::read(catalog, text, completeness)?;
    let mut card = score(&sheet.loaded, &sheet.answers, sheet.evaluated_on);
    card.product = sheet.product;
    card.evaluator = sheet.evaluator;
    Ok(card)
}

/// The outcome of a set of answers, without the per-criterion detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Total points.
    pub total: Decimal,
    /// Stars from the total alone.
    pub band_stars: Stars,
    /// The most stars the gates allow.
    pub gate_cap: Stars,
    /// Final stars (0 when disqualified).
    pub stars: Stars,
    /// Unmet gates, by level then printed order.
    pub unmet_gates: Vec<UnmetGate>,
    /// Reasons for elimination.
    pub disqualifications: Vec<Disqualification>,
}

/// Computes the outcome of answers: total, band, gates, stars.
pub fn outcome(instrument: &Instrument, set: &ProductSet, answers: &Answers) -> Outcome {
    let total: Decimal = set
        .leaves()
        .filter_map(|leaf| scored_points(answers, leaf.criterion))
        .sum();
    let band_stars = instrument.band_stars(total);
    let unmet_gates = unmet_gates(set, answers);
    let gate_cap = instrument.gate_cap(unmet_gates.iter().map(|gate| gate.level).min());
    let disqualifications = disqualifications(set, answers);
    let stars = if disqualifications.is_empty() {
        band_stars.min(gate_cap)
    } else {
        0
    };
    Outcome {
        total,
        band_stars,
        gate_cap,
        stars,
        unmet_gates,
        disqualifications,
    }
}

/// Points a criterion adds to the total: 0 when it does not apply; `None` when unanswered, or
/// when whether it applies depends on a criterion not answered yet.
pub fn scored_points(answers: &Answers, criterion: &Criterion) -> Option<Decimal> {
    match answers.applies(criterion)? {
        false => Some(Decimal::ZERO),
        true => answers.points(criterion),
    }
}

/// Every gate whose criterion is answered, applies, and falls short.
fn unmet_gates(set: &ProductSet, answers: &Answers) -> Vec<UnmetGate> {
    let mut unmet: Vec<UnmetGate> = set
        .gates
        .iter()
        .filter_map(|gate| {
            let criterion = set.leaf(&gate.criterion)?.criterion;
            if answers.applies(criterion) != Some(true) {
                return None;
            }
            let points = answers.points(criterion)?;
            if gate.requirement.is_met_by(points) {
                return None;
            }
            let (marked_option, required_points, strictly_above) = gate.requirement.marked();
            Some(UnmetGate {
                criterion: gate.criterion.clone(),
                level: gate.level,
                marked_option,
                required_points: Exact(required_points),
                strictly_above,
                chosen_option: match answers.get(&criterion.code) {
                    Some(Answer::Option(number)) => Some(*number),
                    _ => None,
                },
                chosen_points: Exact(points),
            })
        })
        .collect();
    unmet.sort_by_key(|gate| gate.level);
    unmet
}

fn disqualifications(set: &ProductSet, answers: &Answers) -> Vec<Disqualification> {
    let mut reasons: Vec<Disqualification> = answers
        .knockouts()
        .iter()
        .filter_map(|knockout| match knockout {
            Knockout::Dossier => Some(Disqualification::Dossier {
                printed: set.dossier_rule.clone().unwrap_or_default(),
            }),
            Knockout::Criterion(code) => {
                let criterion = set.leaf(code)?.criterion;
                Some(Disqualification::Knockout {
                    criterion: code.clone(),
                    printed: criterion.knockout.clone().unwrap_or_default(),
                })
            }
        })
        .collect();
    if let Some((rule, criterion)) = answers.stopped_by(set) {
        reasons.push(Disqualification::StopRule {
            criterion,
            covers: rule.criteria.clone(),
            printed: rule.printed.clone(),
        });
    }
    reasons.sort_by_key(|reason| reason_order(set, reason));
    reasons
}

/// Where a reason for elimination is listed: the dossier rule first, then criteria in printed
/// order.
pub(crate) fn reason_order(set: &ProductSet, reason: &Disqualification) -> (u8, usize) {
    match reason {
        Disqualification::Dossier { .. } => (0, 0),
        Disqualification::Knockout { criterion, .. }
        | Disqualification::StopRule { criterion, .. } => (
            1,
            set.leaves()
                .position(|leaf| &leaf.criterion.code == criterion)
                .unwrap_or(usize::MAX),
        ),
    }
}

/// Scores checked answers; the evaluation date, when known, decides which amendment notices
/// the result carries.
pub fn score(loaded: &LoadedSet, answers: &Answers, evaluated_on: Option<Date>) -> Scorecard {
    let instrument = &loaded.instrument;
    let set = &loaded.set;
    let result = outcome(instrument, set, answers);
    let disqualified = !result.disqualifications.is_empty();
    let criteria: Vec<CriterionScore> = set
        .leaves()
        .map(|leaf| criterion_score(leaf, answers, disqualified))
        .collect();
    let unanswered = criteria.iter().any(|criterion| {
        matches!(
            criterion.status,
            CriterionStatus::Unanswered | CriterionStatus::Pending
        )
    });
    let status = if disqualified {
        Status::Disqualified
    } else if unanswered {
        Status::Incomplete
    } else {
        Status::Ranked
    };
    let (max_reachable, stars_range) = if unanswered {
        let best = outcome(instrument, set, &completed(set, answers, Extreme::Best));
        let worst = outcome(instrument, set, &completed(set, answers, Extreme::Worst));
        (
            best.total,
            StarsRange {
                min: worst.stars,
                max: best.stars,
            },
        )
    } else {
        (
            result.total,
            StarsRange {
                min: result.stars,
                max: result.stars,
            },
        )
    };
    let certification =
        instrument
            .recognition
            .certification(status == Status::Ranked, result.stars, result.total);
    let part_subtotals = part_subtotals(set, answers);
    let mut notices: Vec<Notice> = set
        .leaves()
        .filter(|leaf| {
            answers.get(&leaf.criterion.code).is_some()
                && answers.applies(leaf.criterion) == Some(false)
        })
        .filter_map(|leaf| {
            let rule = leaf.criterion.applies_when.as_ref()?;
            Some(Notice::AnswerNotApplicable {
                criterion: leaf.criterion.code.clone(),
                printed: rule.printed.clone(),
            })
        })
        .collect();
    notices.extend(data_notices(loaded, evaluated_on));

    Scorecard {
        rubric: instrument.id.clone(),
        rubric_revision: instrument.revision,
        rubric_fingerprint: set.fingerprint.clone(),
        product_set: set.number,
        product_set_name: set.name.clone(),
        product: None,
        evaluator: None,
        status,
        reason: result.disqualifications.first().cloned(),
        disqualifications: result.disqualifications,
        total: Exact(result.total),
        max_total: Exact(set.total_max()),
        max_reachable: Exact(max_reachable),
        max_attainable: Exact(set.leaves().map(|leaf| leaf.criterion.attainable()).sum()),
        evaluated_on: evaluated_on.map(|date| date.to_string()),
        parts: part_subtotals
            .iter()
            .map(|part| (part.code.clone(), part.points))
            .collect(),
        part_subtotals,
        groups: group_subtotals(set, answers),
        subtotals: nested_subtotals(set, answers),
        band_stars: result.band_stars,
        gate_cap: result.gate_cap,
        stars: result.stars,
        stars_range,
        unmet_gates: result.unmet_gates,
        certifiable: certification.certifiable,
        certifying_level: certification.certifying_level,
        potential_five_star: certification.potential_five_star,
        criteria,
        notices,
        rules: AppliedRules {
            bands: BAND_RULE,
            star_gates: GATE_RULE,
        },
    }
}

/// What every result scored with this data must say: a secondary source, amendments not applied.
pub(crate) fn data_notices(loaded: &LoadedSet, evaluated_on: Option<Date>) -> Vec<Notice> {
    let instrument = &loaded.instrument;
    let set = &loaded.set;
    let warnings = [
        instrument.provenance.warning.as_ref(),
        set.provenance.as_ref().and_then(|p| p.warning.as_ref()),
    ];
    let mut notices: Vec<Notice> = Vec::new();
    notices.extend(
        warnings
            .into_iter()
            .flatten()
            .map(|warning| Notice::SecondarySource {
                warning: warning.clone(),
            }),
    );
    notices.extend(amendment_notices(instrument, evaluated_on));
    notices
}

/// Amendments in force on the evaluation date that this data does not apply.
fn amendment_notices(instrument: &Instrument, evaluated_on: Option<Date>) -> Vec<Notice> {
    let Some(date) = evaluated_on else {
        return Vec::new();
    };
    instrument
        .amendments
        .iter()
        .filter(|amendment| !amendment.applied && date >= amendment.date)
        .map(|amendment| Notice::AmendmentNotApplied {
            decision: amendment.number.clone(),
            date: amendment.date.to_string(),
            note: amendment
                .note
                .clone()
                .unwrap_or_else(|| amendment.summary.clone()),
        })
        .collect()
}

fn criterion_score(leaf: LeafRef<'_>, answers: &Answers, disqualified: bool) -> CriterionScore {
    let criterion = leaf.criterion;
    let answer = answers.get(&criterion.code);
    let applies = answers.applies(criterion);
    let status = match (applies, answer) {
        (Some(false), _) => CriterionStatus::NotApplicable,
        (Some(true), Some(_)) => CriterionStatus::Scored,
        (None, Some(_)) => CriterionStatus::Pending,
        (_, None) if disqualified => CriterionStatus::NotEvaluated,
        (_, None) => CriterionStatus::Unanswered,
    };
    let ticked_numbers: Vec<u32> = match answer {
        Some(Answer::Option(number)) => vec![*number],
        Some(Answer::Options(numbers)) => numbers.iter().copied().collect(),
        Some(Answer::YesNo(_)) | None => Vec::new(),
    };
    CriterionScore {
        code: criterion.code.clone(),
        name: criterion.name.clone(),
        part: leaf.part.code.as_str().to_owned(),
        group: leaf.group.code.clone(),
        parent: leaf.parent.map(|parent| parent.code.clone()),
        kind: answer_kind(criterion),
        max: Exact(criterion.max),
        points: Exact(scored_points(answers, criterion).unwrap_or(Decimal::ZERO)),
        status,
        answer: answer.map(AnswerEcho::from),
        ticked: ticked_numbers
            .iter()
            .filter_map(|number| criterion.option(*number))
            .map(|option| ticked(criterion, option))
            .collect(),
    }
}

fn ticked(criterion: &Criterion, option: &Choice) -> TickedOption {
    let case = match (&criterion.scoring, option.case) {
        (Scoring::Cases { cases, .. }, Some(index)) => {
            cases.get(index).map(|case| case.label.clone())
        }
        _ => None,
    };
    TickedOption {
        number: option.number,
        text: option.text.clone(),
        // An option whose points cannot be read is never accepted as an answer.
        points: Exact(option.points.unwrap_or_default()),
        case,
        star: option.star,
    }
}

/// How a criterion is answered.
fn answer_kind(criterion: &Criterion) -> AnswerKind {
    match criterion.scoring {
        Scoring::Cases { .. } => AnswerKind::Cases,
        Scoring::YesNo => AnswerKind::YesNo,
        Scoring::Additive(_) => AnswerKind::Additive,
        Scoring::Single(_) | Scoring::Nested(_) => AnswerKind::Single,
    }
}

fn part_subtotals(set: &ProductSet, answers: &Answers) -> Vec<Subtotal> {
    set.parts
        .iter()
        .map(|part| Subtotal {
            code: part.code.as_str().to_owned(),
            name: part.title.clone(),
            part: part.code.as_str().to_owned(),
            points: Exact(
                part.groups
                    .iter()
                    .flat_map(|group| &group.criteria)
                    .map(|criterion| criterion_total(answers, criterion))
                    .sum(),
            ),
            max: Exact(part.max),
        })
        .collect()
}

fn group_subtotals(set: &ProductSet, answers: &Answers) -> Vec<Subtotal> {
    set.parts
        .iter()
        .flat_map(|part| part.groups.iter().map(move |group| (part, group)))
        .map(|(part, group)| Subtotal {
            code: group.code.clone(),
            name: group.name.clone(),
            part: part.code.as_str().to_owned(),
            points: Exact(
                group
                    .criteria
                    .iter()
                    .map(|criterion| criterion_total(answers, criterion))
                    .sum(),
            ),
            max: Exact(group.max),
        })
        .collect()
}

fn nested_subtotals(set: &ProductSet, answers: &Answers) -> Vec<Subtotal> {
    set.parts
        .iter()
        .flat_map(|part| {
            part.groups
                .iter()
                .flat_map(move |group| group.criteria.iter().map(move |c| (part, c)))
        })
        .filter(|(_, criterion)| matches!(criterion.scoring, Scoring::Nested(_)))
        .map(|(part, criterion)| Subtotal {
            code: criterion.code.clone(),
            name: criterion.name.clone(),
            part: part.code.as_str().to_owned(),
            points: Exact(criterion_total(answers, criterion)),
            max: Exact(criterion.max),
        })
        .collect()
}

/// Points of a criterion, summing sub-criteria; unanswered counts 0.
fn criterion_total(answers: &Answers, criterion: &Criterion) -> Decimal {
    match &criterion.scoring {
        Scoring::Nested(children) => children
            .iter()
            .map(|child| criterion_total(answers, child))
            .sum(),
        _ => scored_points(answers, criterion).unwrap_or(Decimal::ZERO),
    }
}

/// Which way to complete a partial sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extreme {
    /// The most points.
    Best,
    /// The fewest points.
    Worst,
}

/// The answers with every unanswered criterion set to its best or worst option.
fn completed(set: &ProductSet, answers: &Answers, extreme: Extreme) -> Answers {
    let mut filled = answers.clone();
    for leaf in set.leaves() {
        if answers.get(&leaf.criterion.code).is_none()
            && let Some(answer) = extreme_answer(leaf.criterion, extreme)
        {
            filled.insert(&leaf.criterion.code, answer);
        }
    }
    filled
}

/// The highest- or lowest-scoring answer to a criterion.
pub(crate) fn extreme_answer(criterion: &Criterion, extreme: Extreme) -> Option<Answer> {
    match (&criterion.scoring, extreme) {
        (Scoring::YesNo, Extreme::Best) => Some(Answer::YesNo(true)),
        (Scoring::YesNo, Extreme::Worst) => Some(Answer::YesNo(false)),
        (Scoring::Additive(options), Extreme::Best) => Some(Answer::Options(
            options
                .iter()
                .filter(|option| option.points.is_some())
                .map(|option| option.number)
                .collect(),
        )),
        (Scoring::Additive(_), Extreme::Worst) => Some(Answer::Options(Default::default())),
        (Scoring::Single(options) | Scoring::Cases { options, .. }, Extreme::Best) => options
            .iter()
            .filter_map(|option| Some((option.points?, option.number)))
            .max_by_key(|(points, _)| *points)
            .map(|(_, number)| Answer::Option(number)),
        (Scoring::Single(options) | Scoring::Cases { options, .. }, Extreme::Worst) => options
            .iter()
            .filter_map(|option| Some((option.points?, option.number)))
            .min_by_key(|(points, _)| *points)
            .map(|(_, number)| Answer::Option(number)),
        (Scoring::Nested(_), _) => None,
    }
}
