//! A product set compiled for scoring: every number of points the scorer reads, as whole
//! millionths of a point ([`Units`]) in arrays indexed by answer slot, so that scoring a sheet
//! adds and compares integers, exactly, instead of decimals found through the criteria tree.
//! Results are given back in decimals ([`from_units`](crate::decimal::from_units)).

use rust_decimal::Decimal;

use super::model::{Criterion, GateRequirement, ProductSet};
use crate::decimal::{Units, to_units};
use crate::sheet::{Answer, Answers};

/// A product set's numbers, compiled once when it is loaded.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    /// One per answer slot (answerable criterion), in printed order.
    pub(crate) leaves: Vec<LeafPlan>,
    /// One per gate of the set, in the set's order.
    pub(crate) gates: Vec<GatePlan>,
    /// The sheet's maximum total.
    pub(crate) total_max: Units,
    /// The most any sheet can score (below the maximum only where a source's options do not
    /// reach a printed maximum).
    pub(crate) max_attainable: Units,
}

/// The points of one answerable criterion.
#[derive(Debug, Clone)]
pub(crate) struct LeafPlan {
    /// Each option's points, by number − 1; `None` where the source's points are unreadable.
    options: Vec<Option<Units>>,
    /// The same points as decimals, for results (zero where unreadable: never an answer).
    decimals: Vec<Decimal>,
    /// The criterion's maximum: what `true` scores, and the cap of an additive criterion.
    max: Units,
    /// The maximum as a decimal.
    max_decimal: Decimal,
    /// The most any answer scores.
    pub(crate) attainable: Units,
    /// When it applies, if not always: the answer slot it depends on, and the options of that
    /// criterion under which it does not.
    condition: Option<(usize, Vec<u32>)>,
}

/// A star gate in units.
#[derive(Debug, Clone)]
pub(crate) struct GatePlan {
    /// The answer slot of the gated criterion.
    pub(crate) slot: Option<usize>,
    /// The points the criterion must reach (zero for a heading's mark).
    required: Units,
    /// Whether the points must be strictly above `required` (a heading's mark).
    above_zero: bool,
}

impl LeafPlan {
    /// The points of a valid answer, as a decimal for results: read from the table for one
    /// option, computed from `units` (its points) for a list.
    pub(crate) fn decimal(&self, answer: &Answer, units: Units) -> Decimal {
        match answer {
            Answer::Option(number) => usize::try_from(*number)
                .ok()
                .and_then(|number| number.checked_sub(1))
                .and_then(|index| self.decimals.get(index).copied())
                .unwrap_or_default(),
            Answer::YesNo(true) => self.max_decimal,
            Answer::YesNo(false) => Decimal::ZERO,
            Answer::Options(_) => crate::decimal::from_units(units),
        }
    }

    /// Whether the criterion applies under these answers: `None` when it depends on a
    /// criterion not answered yet.
    pub(crate) fn applies(&self, answers: &Answers) -> Option<bool> {
        let Some((slot, unless)) = &self.condition else {
            return Some(true);
        };
        Some(match answers.at(*slot)? {
            Answer::Option(number) => !unless.contains(number),
            Answer::YesNo(_) | Answer::Options(_) => true,
        })
    }

    /// Points of a valid answer.
    pub(crate) fn points(&self, answer: &Answer) -> Units {
        let option = |number: u32| -> Units {
            usize::try_from(number)
                .ok()
                .and_then(|number| number.checked_sub(1))
                .and_then(|index| self.options.get(index).copied().flatten())
                .unwrap_or(0)
        };
        match answer {
            Answer::Option(number) => option(*number),
            Answer::YesNo(true) => self.max,
            Answer::YesNo(false) => 0,
            Answer::Options(numbers) => numbers
                .iter()
                .map(|number| option(*number))
                .sum::<Units>()
                .min(self.max),
        }
    }
}

impl GatePlan {
    /// Whether a criterion scoring `points` meets the gate.
    pub(crate) fn is_met_by(&self, points: Units) -> bool {
        self.is_met_by_sum(points, 1)
    }

    /// Whether points summed over `sheets` sheets meet the gate: their mean reaches the
    /// required points (compared as `sum ≥ required × sheets`, never divided), or a sum above
    /// zero for a heading's mark.
    pub(crate) fn is_met_by_sum(&self, sum: Units, sheets: i64) -> bool {
        if self.above_zero {
            sum > 0
        } else {
            self.required
                .checked_mul(sheets)
                .is_some_and(|required| sum >= required)
        }
    }
}

impl Plan {
    /// Compiles a set whose answer slots are resolved; `None` when a number cannot be held in
    /// units (validation has reported it: points are bounded and have few decimals).
    pub(crate) fn compile(set: &ProductSet) -> Option<Plan> {
        let leaves = set
            .leaves()
            .map(|leaf| LeafPlan::compile(leaf.criterion))
            .collect::<Option<Vec<_>>>()?;
        let gates = set
            .gates
            .iter()
            .map(|gate| {
                let (required, above_zero) = match gate.requirement {
                    GateRequirement::Option { points, .. } => (to_units(points)?, false),
                    GateRequirement::AboveZero => (0, true),
                };
                Some(GatePlan {
                    slot: gate.slot,
                    required,
                    above_zero,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let total_max = set
            .parts
            .iter()
            .map(|part| to_units(part.max))
            .sum::<Option<Units>>()?;
        let max_attainable = leaves.iter().map(|leaf| leaf.attainable).sum();
        Some(Plan {
            leaves,
            gates,
            total_max,
            max_attainable,
        })
    }
}

impl LeafPlan {
    fn compile(criterion: &Criterion) -> Option<LeafPlan> {
        let options = criterion
            .options()
            .iter()
            .map(|option| {
                option
                    .points
                    .map(to_units)
                    .map_or(Some(None), |units| units.map(Some))
            })
            .collect::<Option<Vec<Option<Units>>>>()?;
        let decimals = criterion
            .options()
            .iter()
            .map(|option| option.points.unwrap_or_default())
            .collect();
        let condition = match &criterion.applies_when {
            Some(rule) => Some((rule.slot?, rule.unless.clone())),
            None => None,
        };
        Some(LeafPlan {
            options,
            decimals,
            max: to_units(criterion.max)?,
            max_decimal: criterion.max,
            attainable: to_units(criterion.attainable())?,
            condition,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::rubric::{Catalog, Scoring};
    use crate::sheet::{Answer, points_of};

    use super::*;

    /// The plan scores every answer of every bundled product set exactly as the decimal
    /// scoring rule does.
    #[test]
    fn the_plan_scores_every_answer_as_the_rubric_does() {
        let catalog = Catalog::bundled();
        for id in ["qd1048-2019", "qd148-2023", "qd26-2026"] {
            let instrument = catalog.instrument(id).unwrap();
            for entry in &instrument.product_sets {
                let set = catalog
                    .product_set_of(instrument, entry.number)
                    .unwrap()
                    .set;
                for leaf in set.leaves() {
                    let criterion = leaf.criterion;
                    let plan = &set.plan.leaves[criterion.slot.unwrap()];
                    let numbers: Vec<u32> = criterion
                        .options()
                        .iter()
                        .filter(|option| option.points.is_some())
                        .map(|option| option.number)
                        .collect();
                    let mut answers: Vec<Answer> = match criterion.scoring {
                        Scoring::YesNo => vec![Answer::YesNo(true), Answer::YesNo(false)],
                        Scoring::Additive(_) => vec![
                            Answer::Options(BTreeSet::new()),
                            Answer::Options(numbers.iter().copied().collect()),
                        ],
                        _ => Vec::new(),
                    };
                    if !matches!(criterion.scoring, Scoring::Additive(_)) {
                        answers.extend(numbers.iter().map(|number| Answer::Option(*number)));
                    }
                    for answer in answers {
                        let expected = to_units(points_of(criterion, &answer)).unwrap();
                        assert_eq!(
                            plan.points(&answer),
                            expected,
                            "{id} {} {answer:?}",
                            criterion.code
                        );
                    }
                    assert_eq!(plan.attainable, to_units(criterion.attainable()).unwrap());
                }
                assert_eq!(
                    crate::decimal::from_units(set.plan.total_max),
                    set.total_max()
                );
            }
        }
    }
}
