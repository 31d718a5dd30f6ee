//! Where a product stands now, criterion by criterion: the planner's only input about the
//! product, whatever produced it (one member's sheet, or a council's members together).

use std::collections::HashMap;
use std::num::NonZeroU32;

use rust_decimal::Decimal;

use crate::council::rules::GateJudgement;
use crate::rubric::{Instrument, ProductSet};
use crate::score::{Disqualification, outcome};
use crate::sheet::{Answer, Answers};

/// Where one answerable criterion stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    /// Points the criterion scores when it applies, summed over [`Standing::sheets`] (for one
    /// sheet, simply its points; for a council, the sum of the counted members' points, so that
    /// the mean is `points / sheets` without rounding). `None` when it is not answered yet.
    pub points: Option<Decimal>,
    /// The answer behind the points, when one answer stands behind them (a member's sheet, or a
    /// council whose members all ticked the same): plans then say "from option …", and an
    /// upgrade stays in the answer's case.
    pub answer: Option<Answer>,
    /// Whether the criterion applies ("Chỉ áp dụng khi …"): `Some(false)` counts nothing,
    /// `None` when it depends on a criterion not answered yet.
    pub applies: Option<bool>,
    /// What the star gates judge while the criterion stays as it is, when it is not `points`
    /// (summed over the sheets like `points`). A council judging gates member by member gives
    /// its lowest member's points times the sheets (every member must meet the mark), or its
    /// majority's; once a plan moves the criterion, every member ticks the same option and all
    /// rules agree.
    pub gate_points: Option<Decimal>,
}

/// Where a product stands now: the neutral input of the planner.
///
/// A member's sheet gives one with [`Standing::of_answers`]. A council gives one with
/// [`Standing::of_members`] (or a caller with [`Standing::new`]): `sheets` is the number of counted members and each criterion's points are
/// the sum of their points, so every comparison with a band floor or a star mark is made on
/// `sum ≥ mark × sheets`, which is exactly `mean ≥ mark` with no rounding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    sheets: NonZeroU32,
    criteria: HashMap<String, Current>,
    disqualifications: Vec<Disqualification>,
}

impl Standing {
    /// A standing built by a caller: points summed over `sheets` sheets, criteria by code
    /// (codes the product set does not have are ignored; a criterion left out is unanswered),
    /// and the reasons the product is eliminated, if it is.
    pub fn new(
        sheets: NonZeroU32,
        criteria: HashMap<String, Current>,
        disqualifications: Vec<Disqualification>,
    ) -> Standing {
        Standing {
            sheets,
            criteria,
            disqualifications,
        }
    }

    /// The standing of one member's checked answers.
    pub fn of_answers(instrument: &Instrument, set: &ProductSet, answers: &Answers) -> Standing {
        let criteria = set
            .leaves()
            .map(|leaf| {
                let criterion = leaf.criterion;
                let current = Current {
                    points: answers.points(criterion),
                    answer: answers.get(criterion).cloned(),
                    applies: answers.applies(criterion),
                    gate_points: None,
                };
                (criterion.code.clone(), current)
            })
            .collect();
        Standing {
            sheets: NonZeroU32::MIN,
            criteria,
            disqualifications: outcome(instrument, set, answers).disqualifications,
        }
    }

    /// The standing of several members' checked answers taken together, as a council judges
    /// them by default: each criterion's points summed over the members (its mean is the
    /// council's), the gates judged on that mean, an answer when every member gave the same.
    /// A criterion that applies for some members only counts where it applies, and its gates
    /// judge those members as the council's `judgement` does: their mean, their lowest, or the
    /// member at their majority. `None` without members.
    pub fn of_members(
        set: &ProductSet,
        members: &[Answers],
        judgement: GateJudgement,
        disqualifications: Vec<Disqualification>,
    ) -> Option<Standing> {
        let sheets = NonZeroU32::new(u32::try_from(members.len()).ok()?)?;
        let criteria = set
            .leaves()
            .map(|leaf| {
                let criterion = leaf.criterion;
                let applies: Vec<Option<bool>> = members
                    .iter()
                    .map(|answers| answers.applies(criterion))
                    .collect();
                let applying: Vec<&Answers> = members
                    .iter()
                    .zip(&applies)
                    .filter(|(_, applies)| **applies == Some(true))
                    .map(|(answers, _)| answers)
                    .collect();
                let points: Option<Decimal> = applying
                    .iter()
                    .map(|answers| answers.points(criterion))
                    .sum();
                let every = applying.len() == members.len();
                let answer = members
                    .first()
                    .and_then(|first| first.get(criterion))
                    .filter(|answer| {
                        every && members.iter().all(|m| m.get(criterion) == Some(*answer))
                    })
                    .cloned();
                let applying_points: Vec<Decimal> = applying
                    .iter()
                    .filter_map(|answers| answers.points(criterion))
                    .collect();
                let gate_points = match judgement.hinge(&applying_points) {
                    // The member the rule hinges on, as if every sheet gave their points.
                    Some(hinge) => hinge.checked_mul(Decimal::from(sheets.get())),
                    // The mean over the members it applies to, times all the sheets.
                    None => match (points, applying.len()) {
                        (Some(sum), count) if count > 0 && !every => sum
                            .checked_mul(Decimal::from(sheets.get()))
                            .and_then(|scaled| scaled.checked_div(Decimal::from(count))),
                        _ => None,
                    },
                };
                let applies = if applies.contains(&None) {
                    None
                } else {
                    Some(!applying.is_empty())
                };
                let current = Current {
                    points: if applying.is_empty() {
                        members
                            .iter()
                            .map(|answers| answers.points(criterion))
                            .sum()
                    } else {
                        points
                    },
                    answer,
                    applies,
                    gate_points,
                };
                (criterion.code.clone(), current)
            })
            .collect();
        Some(Standing {
            sheets,
            criteria,
            disqualifications,
        })
    }

    /// How many sheets the points are summed over: 1 for a member's sheet.
    pub fn sheets(&self) -> NonZeroU32 {
        self.sheets
    }

    /// Where a criterion stands, if it is answered or known.
    pub fn get(&self, code: &str) -> Option<&Current> {
        self.criteria.get(code)
    }

    /// Why the product is eliminated (empty when it is not).
    pub fn disqualifications(&self) -> &[Disqualification] {
        &self.disqualifications
    }
}
