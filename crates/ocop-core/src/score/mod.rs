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
    Notice, Scorecard, StarsRange, Status, Subtotal, Ticked, TickedOption, UnmetGate,
};

use crate::decimal::{Exact, Units, from_units};
use crate::rubric::plan::LeafPlan;
use crate::rubric::{
    Catalog, Choice, Criterion, Instrument, LeafRef, LoadedSet, ProductSet, Release, Scoring, Stars,
};
use crate::sheet::{Answer, Answers, CheckedSheet, Completeness, InputProblems, Knockout};

/// How totals map to bands: half-open bands, no rounding.
pub const BAND_RULE: &str = "half_open_no_rounding";
/// How star marks cap the stars: the chosen option must score at least the marked option.
pub const GATE_RULE: &str = "chosen_points_at_least_marked_option";

/// Scores a sheet given as JSON text with a catalog of rubrics.
pub fn score_sheet<'c>(
    catalog: &'c Catalog,
    text: &str,
    completeness: Completeness,
) -> Result<Scorecard<'c>, InputProblems> {
    let sheet = CheckedSheet::read(catalog, text, completeness)?;
    let mut card = score(sheet.loaded, &sheet.answers, sheet.evaluated_on);
    card.product = sheet.product;
    card.evaluator = sheet.evaluator;
    let result_stars = (card.status != Status::Incomplete).then_some(card.stars);
    card.filing = crate::filing::FilingEcho::new(&sheet.filing, result_stars);
    card.notices.extend(crate::filing::transition_notices(
        catalog,
        sheet.loaded.instrument,
        sheet.evaluated_on,
        &sheet.filing,
    ));
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
    let total = set
        .leaves()
        .filter_map(|leaf| answers.scored_units(set, leaf.criterion))
        .sum();
    outcome_of_total(instrument, set, answers, total)
}

/// The outcome of answers whose total (in units) is known.
fn outcome_of_total(
    instrument: &Instrument,
    set: &ProductSet,
    answers: &Answers,
    total: Units,
) -> Outcome {
    let total = from_units(total);
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
        .zip(&set.plan.gates)
        .filter_map(|(gate, plan)| {
            let slot = plan.slot?;
            let leaf = set.plan.leaves.get(slot)?;
            if leaf.applies(answers) != Some(true) {
                return None;
            }
            let answer = answers.at(slot)?;
            let points = leaf.points(answer);
            if plan.is_met_by(points) {
                return None;
            }
            let (marked_option, required_points, strictly_above) = gate.requirement.marked();
            Some(UnmetGate {
                criterion: gate.criterion.clone(),
                level: gate.level,
                marked_option,
                required_points: Exact(required_points),
                strictly_above,
                chosen_option: match answer {
                    Answer::Option(number) => Some(*number),
                    _ => None,
                },
                chosen_points: Exact(from_units(points)),
            })
        })
        .collect();
    if unmet.len() > 1 {
        unmet.sort_by_key(|gate| gate.level);
    }
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
            criterion: criterion.to_owned(),
            covers: rule.criteria.clone(),
            printed: rule.printed.clone(),
        });
    }
    if reasons.len() > 1 {
        reasons.sort_by_key(|reason| reason_order(set, reason));
    }
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
            set.leaf(criterion)
                .and_then(|leaf| leaf.criterion.slot)
                .unwrap_or(usize::MAX),
        ),
    }
}

/// Scores checked answers; the evaluation date, when known, decides which amendment notices
/// the result carries. One pass over the criteria gives every criterion's score and every
/// subtotal.
pub fn score<'r>(
    loaded: LoadedSet<'r>,
    answers: &Answers,
    evaluated_on: Option<Date>,
) -> Scorecard<'r> {
    let LoadedSet {
        instrument,
        set,
        release,
    } = loaded;
    let mut sheet = SheetPass::new(set);
    for (leaf, plan) in set.leaves().zip(&set.plan.leaves) {
        sheet.add(leaf, plan, answers);
    }
    let SheetPass {
        mut criteria,
        part_subtotals,
        groups,
        subtotals,
        total,
        unanswered,
        not_applicable_answered,
    } = sheet.finish();
    let result = outcome_of_total(instrument, set, answers, total);
    let disqualified = !result.disqualifications.is_empty();
    if disqualified {
        for criterion in &mut criteria {
            if criterion.status == CriterionStatus::Unanswered {
                criterion.status = CriterionStatus::NotEvaluated;
            }
        }
    }
    // Criteria left unanswered on an eliminated sheet were not evaluated; those pending on an
    // unanswered condition still are.
    let unanswered = unanswered
        && criteria.iter().any(|criterion| {
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
    let mut notices: Vec<Notice> = not_applicable_answered
        .into_iter()
        .filter_map(|criterion| {
            let rule = criterion.applies_when.as_ref()?;
            Some(Notice::AnswerNotApplicable {
                criterion: criterion.code.clone(),
                printed: rule.printed.clone(),
            })
        })
        .collect();
    notices.extend(data_notices(loaded, evaluated_on));

    Scorecard {
        rubric: &instrument.id,
        rubric_revision: instrument.revision,
        rubric_fingerprint: &set.fingerprint,
        rubric_data: release.state(),
        product_set: set.number,
        product_set_name: &set.name,
        product: None,
        evaluator: None,
        status,
        reason: result.disqualifications.first().cloned(),
        disqualifications: result.disqualifications,
        total: Exact(result.total),
        max_total: Exact(from_units(set.plan.total_max)),
        max_reachable: Exact(max_reachable),
        max_attainable: Exact(from_units(set.plan.max_attainable)),
        evaluated_on,
        filing: crate::filing::FilingEcho::default(),
        parts: part_subtotals
            .iter()
            .map(|part| (part.part, part.points))
            .collect(),
        part_subtotals,
        groups,
        subtotals,
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

/// What one pass over a sheet's criteria gathers: each criterion's score, and the subtotals of
/// parts, groups and nested criteria as their criteria go by (printed order keeps each one's
/// criteria together). Points add up in units, and become decimals once, at the end.
struct SheetPass<'r> {
    criteria: Vec<CriterionScore<'r>>,
    part_subtotals: Vec<Subtotal<'r>>,
    groups: Vec<Subtotal<'r>>,
    subtotals: Vec<Subtotal<'r>>,
    total: Units,
    unanswered: bool,
    /// Criteria answered although they do not apply.
    not_applicable_answered: Vec<&'r Criterion>,
}

impl<'r> SheetPass<'r> {
    fn new(set: &'r ProductSet) -> Self {
        Self {
            criteria: Vec::with_capacity(set.leaf_count()),
            part_subtotals: Vec::with_capacity(set.parts.len()),
            groups: Vec::with_capacity(16),
            subtotals: Vec::new(),
            total: 0,
            unanswered: false,
            not_applicable_answered: Vec::new(),
        }
    }

    fn add(&mut self, leaf: LeafRef<'r>, plan: &LeafPlan, answers: &Answers) {
        let criterion = leaf.criterion;
        let answer = criterion.slot.and_then(|slot| answers.at(slot));
        let applies = plan.applies(answers);
        let (points, decimal) = match (applies, answer) {
            (Some(true), Some(answer)) => {
                let units = plan.points(answer);
                (units, plan.decimal(answer, units))
            }
            _ => (0, Decimal::ZERO),
        };
        let status = match (applies, answer) {
            (Some(false), _) => CriterionStatus::NotApplicable,
            (Some(true), Some(_)) => CriterionStatus::Scored,
            (None, Some(_)) => CriterionStatus::Pending,
            (_, None) => CriterionStatus::Unanswered,
        };
        if matches!(
            status,
            CriterionStatus::Unanswered | CriterionStatus::Pending
        ) {
            self.unanswered = true;
        }
        if applies == Some(false) && answer.is_some() {
            self.not_applicable_answered.push(criterion);
        }
        self.total += points;
        let part = leaf.part.code.as_str();
        add_to(
            &mut self.part_subtotals,
            (part, &leaf.part.title, leaf.part.max, part),
            points,
        );
        add_to(
            &mut self.groups,
            (&leaf.group.code, &leaf.group.name, leaf.group.max, part),
            points,
        );
        if let Some(parent) = leaf.parent {
            add_to(
                &mut self.subtotals,
                (&parent.code, &parent.name, parent.max, part),
                points,
            );
        }
        self.criteria.push(CriterionScore {
            code: &criterion.code,
            name: &criterion.name,
            part,
            group: &leaf.group.code,
            parent: leaf.parent.map(|parent| parent.code.as_str()),
            kind: answer_kind(criterion),
            max: Exact(criterion.max),
            points: Exact(decimal),
            status,
            answer: answer.map(AnswerEcho::from),
            ticked: ticked(criterion, answer),
        });
    }

    /// The pass once every criterion has gone by: each subtotal's points set from its units.
    fn finish(mut self) -> Self {
        for subtotal in self
            .part_subtotals
            .iter_mut()
            .chain(&mut self.groups)
            .chain(&mut self.subtotals)
        {
            subtotal.points = Exact(from_units(subtotal.units));
        }
        self
    }
}

/// Adds points to the last subtotal when it is the one named (by its code's place in the
/// rubric), or starts the next one.
fn add_to<'r>(
    subtotals: &mut Vec<Subtotal<'r>>,
    (code, name, max, part): (&'r str, &'r str, Decimal, &'static str),
    points: Units,
) {
    match subtotals.last_mut() {
        Some(last) if std::ptr::eq(last.code, code) => last.units += points,
        _ => subtotals.push(Subtotal {
            code,
            name,
            part,
            points: Exact(Decimal::ZERO),
            max: Exact(max),
            units: points,
        }),
    }
}

/// What every result scored with this data must say: a secondary source, amendments not applied.
pub(crate) fn data_notices(loaded: LoadedSet<'_>, evaluated_on: Option<Date>) -> Vec<Notice> {
    let LoadedSet {
        instrument,
        set,
        release,
    } = loaded;
    let warnings = [
        instrument.provenance.warning.as_ref(),
        set.provenance.as_ref().and_then(|p| p.warning.as_ref()),
    ];
    let mut notices: Vec<Notice> = Vec::new();
    if let Release::Modified { files } = release {
        notices.push(Notice::ModifiedRubricData {
            revision: instrument.key(),
            files: files.clone(),
        });
    }
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

/// The ticked options of an answer, with their words from the rubric.
fn ticked<'r>(criterion: &'r Criterion, answer: Option<&Answer>) -> Ticked<'r> {
    let option = |number: &u32| {
        criterion
            .option(*number)
            .map(|option| ticked_option(criterion, option))
    };
    match answer {
        Some(Answer::Option(number)) => option(number).map_or(Ticked::None, Ticked::One),
        Some(Answer::Options(numbers)) => Ticked::Many(numbers.iter().filter_map(option).collect()),
        Some(Answer::YesNo(_)) | None => Ticked::None,
    }
}

fn ticked_option<'r>(criterion: &'r Criterion, option: &'r Choice) -> TickedOption<'r> {
    let case = match (&criterion.scoring, option.case) {
        (Scoring::Cases { cases, .. }, Some(index)) => {
            cases.get(index).map(|case| case.label.as_str())
        }
        _ => None,
    };
    TickedOption {
        number: option.number,
        text: &option.text,
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
        if answers.get(leaf.criterion).is_none()
            && let Some(answer) = extreme_answer(leaf.criterion, extreme)
        {
            filled.insert(leaf.criterion, answer);
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
