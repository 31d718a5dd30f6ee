//! The planner's view of a product set and a standing: criteria grouped into independent units,
//! each criterion with the answers it may move to, and the evaluation of a unit under a choice.
//!
//! A unit is a criterion together with every criterion whose applicability depends on it (5.1
//! and 5.2: "Chỉ áp dụng khi có câu chuyện sản phẩm"). Points, gates and the stop rule of one
//! unit depend only on the answers inside it, so a plan is one choice per unit and its total is
//! the sum of the units' points: this is what makes the exact search in `search` possible.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;

use super::costs::CostMap;
use super::standing::{Current, Standing};
use crate::rubric::{
    Applicability, Choice, Criterion, Gate, Instrument, ProductSet, Scoring, Stars,
};
use crate::sheet::{Answer, applies_under, points_of};

/// What the planner may do with each criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode<'c> {
    /// Raise answered criteria (a complete sheet); with costs, only those the map prices.
    Improve(Option<&'c CostMap>),
    /// Answer the unanswered criteria, leaving the answered ones as they are (a partial sheet).
    Complete,
}

/// An answer a criterion may move to, with the points it would score (summed over the sheets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Pick {
    pub(super) answer: Answer,
    pub(super) points: Decimal,
}

/// One answerable criterion as the planner sees it.
#[derive(Debug, Clone)]
pub(super) struct Member<'s> {
    pub(super) criterion: &'s Criterion,
    /// Points now (summed over the sheets); `None` when not answered.
    pub(super) now: Option<Decimal>,
    /// The answer now, when one stands behind the points.
    pub(super) answer: Option<Answer>,
    /// Whether it applies now.
    pub(super) applies: Option<bool>,
    /// What its gates judge while it is left as it is, when not its points (a council's rule).
    pub(super) gate_base: Option<Decimal>,
    /// What it counts if it applies and is left as it is: its points, or, for an unanswered
    /// criterion a raise of its controller would make count, its lowest option (the most a
    /// planner may assume of an answer nobody gave).
    pub(super) base: Option<Decimal>,
    /// The criterion it depends on (index in the unit), with the rule.
    pub(super) controller: Option<(usize, &'s Applicability)>,
    /// Its star gates.
    pub(super) gates: Vec<&'s Gate>,
    /// Whether a stop rule covers it (a zero ends the evaluation).
    pub(super) stops: bool,
    /// The answers it may move to, lowest first.
    pub(super) picks: Vec<Pick>,
    /// What changing it costs; `None` when it may not change.
    pub(super) cost: Option<Decimal>,
    /// Unanswered on a partial sheet: it must be answered whenever it applies.
    pub(super) must_answer: bool,
}

/// Criteria whose points depend on each other, in printed order.
#[derive(Debug, Clone)]
pub(super) struct Unit<'s> {
    pub(super) members: Vec<Member<'s>>,
}

/// A unit evaluated under a choice of answers.
#[derive(Debug, Clone)]
pub(super) struct Eval<'s> {
    /// Points each member counts (`None`: it does not apply, or nothing is known of it).
    pub(super) values: Vec<Option<Decimal>>,
    /// Sum of the counted points.
    pub(super) counted: Decimal,
    /// Gates not met: member index and gate.
    pub(super) unmet: Vec<(usize, &'s Gate)>,
    /// A criterion covered by a stop rule counts zero.
    pub(super) stop_zero: bool,
    /// The choice is one a plan may make: no change to a criterion that does not apply, and
    /// every unanswered criterion that applies is answered.
    pub(super) valid: bool,
    /// Criteria changed.
    pub(super) changed: u32,
    /// Their cost; `None` when one of them may not change.
    pub(super) cost: Option<Decimal>,
}

impl Eval<'_> {
    /// The lowest star level of a gate not met.
    pub(super) fn lowest_unmet(&self) -> Option<Stars> {
        self.unmet.iter().map(|(_, gate)| gate.level).min()
    }

    /// Whether a plan may end in this evaluation when aiming at `target` stars.
    pub(super) fn admissible(&self, target: Stars) -> bool {
        self.valid
            && self.cost.is_some()
            && !self.stop_zero
            && self.lowest_unmet().is_none_or(|level| level > target)
    }
}

/// The whole product set, unit by unit.
#[derive(Debug, Clone)]
pub(super) struct Board<'s> {
    pub(super) instrument: &'s Instrument,
    pub(super) sheets: Decimal,
    pub(super) units: Vec<Unit<'s>>,
}

impl<'s> Board<'s> {
    /// Builds the board of a standing for a mode.
    pub(super) fn new(
        instrument: &'s Instrument,
        set: &'s ProductSet,
        standing: &Standing,
        mode: Mode<'_>,
    ) -> Board<'s> {
        let sheets = Decimal::from(standing.sheets().get());
        let leaves: Vec<&Criterion> = set.leaves().map(|leaf| leaf.criterion).collect();
        let index: HashMap<&str, usize> = leaves
            .iter()
            .enumerate()
            .map(|(at, criterion)| (criterion.code.as_str(), at))
            .collect();
        // Union-find over "depends on" links: each root names one unit.
        let mut parent: Vec<usize> = (0..leaves.len()).collect();
        for (at, criterion) in leaves.iter().enumerate() {
            let controller = criterion
                .applies_when
                .as_ref()
                .and_then(|rule| index.get(rule.criterion.as_str()));
            if let Some(&controller) = controller {
                let (a, b) = (root(&parent, at), root(&parent, controller));
                if let Some(slot) = parent.get_mut(a.max(b)) {
                    *slot = a.min(b);
                }
            }
        }
        // Units in printed order of their first member; members in printed order.
        let mut grouped: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for at in 0..leaves.len() {
            grouped.entry(root(&parent, at)).or_default().push(at);
        }
        let units = grouped
            .into_values()
            .map(|positions| {
                let members = positions
                    .iter()
                    .filter_map(|at| leaves.get(*at))
                    .map(|criterion| {
                        let controller = criterion.applies_when.as_ref().and_then(|rule| {
                            let at = positions.iter().position(|p| {
                                leaves.get(*p).is_some_and(|c| c.code == rule.criterion)
                            })?;
                            Some((at, rule))
                        });
                        member(set, standing, criterion, controller, mode, sheets)
                    })
                    .collect();
                Unit { members }
            })
            .collect();
        Board {
            instrument,
            sheets,
            units,
        }
    }

    /// The lowest total (summed over the sheets) of a star band.
    pub(super) fn floor(&self, stars: Stars) -> Option<Decimal> {
        self.instrument
            .band(stars)
            .and_then(|band| band.from.checked_mul(self.sheets))
    }

    /// The band of a total summed over the sheets: `sum ≥ from × sheets` is `mean ≥ from`.
    pub(super) fn band_stars(&self, counted: Decimal) -> Stars {
        self.instrument.band_of_sum(counted, self.sheets)
    }

    /// Stars of a total with the lowest unmet gate, as `score::outcome` computes them.
    pub(super) fn stars(&self, counted: Decimal, lowest_unmet: Option<Stars>) -> Stars {
        self.band_stars(counted)
            .min(self.instrument.gate_cap(lowest_unmet))
    }

    /// A sum over the sheets as the mean a person reads (the points themselves for one sheet).
    pub(super) fn mean(&self, sum: Decimal) -> Decimal {
        sum.checked_div(self.sheets).unwrap_or(sum)
    }
}

/// Whether a standing leaves any unanswered criterion that counts or may count: the sheet is
/// still being filled in.
pub(super) fn incomplete(set: &ProductSet, standing: &Standing) -> bool {
    set.leaves().any(|leaf| {
        let current = standing.get(&leaf.criterion.code);
        current.and_then(|current| current.points).is_none()
            && applies(leaf.criterion, current) != Some(false)
    })
}

/// Whether a criterion applies as the standing says; a criterion it does not mention applies
/// when it depends on nothing, and is undecided otherwise.
fn applies(criterion: &Criterion, current: Option<&Current>) -> Option<bool> {
    current.map_or_else(
        || criterion.applies_when.is_none().then_some(true),
        |current| current.applies,
    )
}

impl<'s> Unit<'s> {
    /// Evaluates the unit with some members moved to other answers (`None`: left as is).
    pub(super) fn eval(&self, to: &[Option<&Pick>], sheets: Decimal) -> Eval<'s> {
        let moved = |at: usize| to.get(at).copied().flatten();
        let mut eval = Eval {
            values: Vec::with_capacity(self.members.len()),
            counted: Decimal::ZERO,
            unmet: Vec::new(),
            stop_zero: false,
            valid: true,
            changed: 0,
            cost: Some(Decimal::ZERO),
        };
        for (at, member) in self.members.iter().enumerate() {
            let pick = moved(at);
            let applies = match member.controller {
                Some((controller, rule)) => match moved(controller) {
                    Some(pick) => Some(applies_under(rule, &pick.answer)),
                    None => member.applies,
                },
                None => member.applies,
            };
            let value = match applies {
                Some(true) => pick.map(|pick| pick.points).or(member.base),
                _ => None,
            };
            if pick.is_some() {
                eval.valid &= applies == Some(true);
                eval.changed += 1;
                // Costs are at most `MAX_COST` with few decimals: their sum is exact.
                eval.cost = eval
                    .cost
                    .zip(member.cost)
                    .and_then(|(sum, cost)| sum.checked_add(cost));
            } else if member.must_answer && applies == Some(true) {
                eval.valid = false;
            }
            if let Some(points) = value {
                // Points are bounded by the rubric's maxima times the sheets: no overflow.
                eval.counted += points;
                let judged = match pick {
                    Some(_) => points,
                    None => member.gate_base.unwrap_or(points),
                };
                for gate in &member.gates {
                    if !gate.requirement.is_met_by_sum(judged, sheets) {
                        eval.unmet.push((at, gate));
                    }
                }
                eval.stop_zero |= member.stops && points.is_zero();
            }
            eval.values.push(value);
        }
        eval
    }

    /// The unit as it stands.
    pub(super) fn now(&self, sheets: Decimal) -> Eval<'s> {
        self.eval(&[], sheets)
    }

    /// Every choice the unit may make: each member left as is or moved to one of its picks.
    /// The choice leaving everything as is comes last; the others in order of the members,
    /// smaller moves first.
    pub(super) fn choices(&self) -> Vec<Vec<Option<&Pick>>> {
        let mut choices: Vec<Vec<Option<&Pick>>> = vec![Vec::new()];
        for member in &self.members {
            let options: Vec<Option<&Pick>> = member
                .picks
                .iter()
                .map(Some)
                .chain(std::iter::once(None))
                .collect();
            choices = choices
                .into_iter()
                .flat_map(|prefix| {
                    options.iter().map(move |option| {
                        let mut choice = prefix.clone();
                        choice.push(*option);
                        choice
                    })
                })
                .collect();
        }
        choices
    }
}

fn root(parent: &[usize], mut at: usize) -> usize {
    while let Some(&up) = parent.get(at) {
        if up == at {
            break;
        }
        at = up;
    }
    at
}

fn member<'s>(
    set: &'s ProductSet,
    standing: &Standing,
    criterion: &'s Criterion,
    controller: Option<(usize, &'s Applicability)>,
    mode: Mode<'_>,
    sheets: Decimal,
) -> Member<'s> {
    let current = standing.get(&criterion.code);
    let now = current.and_then(|current| current.points);
    let answer = current.and_then(|current| current.answer.clone());
    let applies = applies(criterion, current);
    let gate_base = current.and_then(|current| current.gate_points);
    let scaled = |points: Decimal| points.checked_mul(sheets);
    let (base, picks, cost, must_answer) = match mode {
        Mode::Improve(costs) => {
            let base = now.or_else(|| scaled(criterion.floor()));
            // A move scores more, or (under a council's member-by-member gate rule) brings
            // what the gates judge up, though the sum may not rise.
            let picks = match base {
                Some(base) => all_answers(criterion, answer.as_ref(), sheets)
                    .into_iter()
                    .filter(|pick| pick.points > base || gate_base.is_some_and(|g| pick.points > g))
                    .collect(),
                None => Vec::new(),
            };
            let cost = match costs {
                Some(costs) => costs.cost(&criterion.code),
                None => Some(Decimal::ZERO),
            };
            (base, picks, cost, false)
        }
        Mode::Complete if now.is_none() => (
            None,
            all_answers(criterion, None, sheets),
            Some(Decimal::ZERO),
            true,
        ),
        Mode::Complete => (now, Vec::new(), Some(Decimal::ZERO), false),
    };
    Member {
        criterion,
        now,
        answer,
        applies,
        gate_base,
        base,
        controller,
        gates: set
            .gates
            .iter()
            .filter(|gate| gate.criterion == criterion.code)
            .collect(),
        stops: set
            .stop_rules
            .iter()
            .any(|rule| rule.criteria.contains(&criterion.code)),
        picks,
        cost,
        must_answer,
    }
}

/// Every answer a criterion can be given, lowest points first, from an answer it has (an
/// upgrade stays in the answer's case and keeps the boxes already ticked) or from nothing.
///
/// For an additive criterion, many sets of boxes score the same: one is kept per total, the one
/// adding the fewest boxes (then the lowest numbers), so the plans stay few and readable.
pub(super) fn all_answers(
    criterion: &Criterion,
    from: Option<&Answer>,
    sheets: Decimal,
) -> Vec<Pick> {
    let scaled = |points: Decimal| points.checked_mul(sheets);
    let readable = |option: &Choice| Some((option.number, scaled(option.points?)?));
    let mut picks: Vec<Pick> = match &criterion.scoring {
        Scoring::Single(options) => options
            .iter()
            .filter_map(readable)
            .map(|(number, points)| Pick {
                answer: Answer::Option(number),
                points,
            })
            .collect(),
        Scoring::Cases { options, .. } => {
            let case = match from {
                Some(Answer::Option(number)) => {
                    criterion.option(*number).and_then(|option| option.case)
                }
                _ => None,
            };
            options
                .iter()
                .filter(|option| case.is_none() || option.case == case)
                .filter_map(readable)
                .map(|(number, points)| Pick {
                    answer: Answer::Option(number),
                    points,
                })
                .collect()
        }
        Scoring::YesNo => [(false, Some(Decimal::ZERO)), (true, scaled(criterion.max))]
            .into_iter()
            .filter_map(|(met, points)| {
                Some(Pick {
                    answer: Answer::YesNo(met),
                    points: points?,
                })
            })
            .collect(),
        Scoring::Additive(options) => {
            let ticked = match from {
                Some(Answer::Options(ticked)) => ticked.clone(),
                _ => BTreeSet::new(),
            };
            additive_answers(options, &ticked, criterion.max)
                .into_iter()
                .filter_map(|(boxes, points)| {
                    Some(Pick {
                        answer: Answer::Options(boxes),
                        points: scaled(points)?,
                    })
                })
                .collect()
        }
        Scoring::Nested(_) => Vec::new(),
    };
    picks.sort_by(|a, b| a.points.cmp(&b.points).then(order(&a.answer, &b.answer)));
    picks
}

/// A fixed order of answers with the same points: by option numbers.
fn order(a: &Answer, b: &Answer) -> std::cmp::Ordering {
    match (a, b) {
        (Answer::Option(a), Answer::Option(b)) => a.cmp(b),
        (Answer::Options(a), Answer::Options(b)) => a.len().cmp(&b.len()).then(a.cmp(b)),
        (Answer::YesNo(a), Answer::YesNo(b)) => a.cmp(b),
        _ => std::cmp::Ordering::Equal,
    }
}

/// Each total an additive criterion can reach by ticking more boxes (capped at its maximum),
/// with the boxes that reach it adding the fewest, then the lowest-numbered, boxes.
fn additive_answers(
    options: &[Choice],
    ticked: &BTreeSet<u32>,
    max: Decimal,
) -> Vec<(BTreeSet<u32>, Decimal)> {
    let points_of = |number: &u32| {
        options
            .iter()
            .find(|option| option.number == *number)
            .and_then(|option| option.points)
            .unwrap_or_default()
    };
    let start = ticked.iter().map(points_of).sum::<Decimal>().min(max);
    // Capped totals compose: min(max, min(max, a) + b) = min(max, a + b) for b ≥ 0.
    let mut best: BTreeMap<Decimal, Vec<u32>> = BTreeMap::from([(start, Vec::new())]);
    for option in options
        .iter()
        .filter(|option| !ticked.contains(&option.number))
    {
        let Some(points) = option.points else {
            continue;
        };
        let grown: Vec<(Decimal, Vec<u32>)> = best
            .iter()
            .map(|(total, added)| {
                let mut added = added.clone();
                added.push(option.number);
                ((*total + points).min(max), added)
            })
            .collect();
        for (total, added) in grown {
            let better = best
                .get(&total)
                .is_none_or(|kept| (added.len(), &added) < (kept.len(), kept));
            if better {
                best.insert(total, added);
            }
        }
    }
    best.into_iter()
        .map(|(total, added)| {
            let mut boxes = ticked.clone();
            boxes.extend(added);
            (boxes, total)
        })
        .collect()
}

/// The answer one notch below the current one, with its points: the highest-scoring answer
/// below it that the criterion can fall to (in the same case; an additive criterion losing one
/// box). `None` when nothing is lower.
pub(super) fn notch_below(member: &Member<'_>, sheets: Decimal) -> Option<Pick> {
    let now = member.now?;
    let candidates: Vec<Pick> = match &member.answer {
        Some(Answer::Options(ticked)) => ticked
            .iter()
            .map(|removed| {
                let boxes: BTreeSet<u32> =
                    ticked.iter().copied().filter(|n| n != removed).collect();
                let answer = Answer::Options(boxes);
                let sum = points_of(member.criterion, &answer);
                (answer, sum)
            })
            .filter_map(|(answer, sum)| {
                Some(Pick {
                    answer,
                    points: sum.checked_mul(sheets)?,
                })
            })
            .collect(),
        answer => all_answers(member.criterion, answer.as_ref(), sheets),
    };
    candidates
        .into_iter()
        .filter(|pick| pick.points < now)
        .fold(None, |best: Option<Pick>, pick| match best {
            Some(kept) if kept.points >= pick.points => Some(kept),
            _ => Some(pick),
        })
}
