//! The upgrade advisor: the fewest improvements that reach a star level, and the margin to the
//! one below.
//!
//! A product holds N★ when its total reaches the N★ band and every gate of a level ≤ N is met
//! (the chosen option scores at least the marked one). The advisor finds, exactly, the smallest
//! set of criterion improvements that does both: fewest criteria changed, then fewest points
//! asked for; with a [`CostMap`], least total cost, then fewest criteria, then fewest points.
//!
//! How it is exact. Criteria are grouped into units: a criterion with those whose applicability
//! depends on it (5.1 and 5.2), every other criterion alone. A unit's points, gates and stop
//! rule depend only on its own answers, so every plan is one choice per unit. For each unit every
//! choice is listed (each member left as it is or raised to any better answer; a raise of 5.1 out
//! of "no story" makes 5.2 count), and those breaking a gate of the target are dropped, which
//! forces the gate upgrades. What is left is a multiple-choice covering knapsack over the point
//! deficit, solved by dynamic programming over exact decimal sums (see `search`), which lists
//! every plan tied with the best, up to a limit, in a fixed order.
//!
//! The planner reads a neutral [`Standing`]: per criterion the points now, the answer when one
//! stands behind them, and whether it applies. A member's sheet gives one
//! ([`Standing::of_answers`]); a council gives one summed over its counted members.

mod advice;
mod board;
pub mod costs;
mod search;
mod standing;

use rust_decimal::Decimal;

pub use advice::{
    Advice, GateAtRisk, GateMet, GateMin, GateState, Margin, Needs, Objective, Outlook, Plan,
    Reason, ReasonKind, Step, Unlock,
};
pub use costs::CostMap;
pub use standing::{Current, Standing};

use self::board::{Board, Eval, Member, Mode, Pick, Unit, notch_below};
use self::search::{Move, search};
use crate::council::{CheckedSession, SessionOptions, is_session};
use crate::decimal::Exact;
use crate::lang::Lang;
use crate::rubric::{Catalog, Gate, Instrument, LoadedSet, ProductSet, Stars};
use crate::score::{AnswerEcho, AppliedRules, BAND_RULE, GATE_RULE, Status};
pub use crate::sheet::CheckedSheet;
use crate::sheet::{Completeness, InputProblems};

/// How many tied plans are listed unless asked otherwise.
pub const DEFAULT_ALTERNATIVES: usize = 5;

/// What to plan for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The star level to reach; by default the next one above the current stars.
    pub target: Option<Stars>,
    /// What improving each criterion costs; without it, fewest criteria changed.
    pub costs: Option<CostMap>,
    /// How many tied plans to list, at most (at least one is listed when any exists).
    pub alternatives: usize,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            target: None,
            costs: None,
            alternatives: DEFAULT_ALTERNATIVES,
        }
    }
}

/// What advice is asked on: a member's sheet, or a council session advised on its counted
/// members' mean.
#[derive(Debug, Clone)]
pub enum Subject<'c> {
    /// A member's sheet.
    Sheet(CheckedSheet<'c>),
    /// A council session.
    Session(CheckedSession<'c>),
}

impl<'c> Subject<'c> {
    /// Reads a sheet or a session (a document with `members`) and checks it, reporting every
    /// problem with its place.
    pub fn read(
        catalog: &'c Catalog,
        text: &str,
        completeness: Completeness,
    ) -> Result<Subject<'c>, InputProblems> {
        if is_session(text) {
            let options = SessionOptions {
                completeness,
                rules_file: None,
            };
            CheckedSession::read(catalog, text, options).map(Subject::Session)
        } else {
            CheckedSheet::read(catalog, text, completeness).map(Subject::Sheet)
        }
    }

    /// The product set advised on, and its instrument.
    pub fn loaded(&self) -> LoadedSet<'c> {
        match self {
            Subject::Sheet(sheet) => sheet.loaded,
            Subject::Session(session) => session.loaded,
        }
    }

    /// The advice.
    pub fn advise(&self, request: &Request) -> Advice {
        match self {
            Subject::Sheet(sheet) => sheet.advise(request),
            Subject::Session(session) => session.advise(request),
        }
    }
}

/// An advice request as the front ends receive it: `ocop advise`'s input and options.
#[derive(Debug, Clone, Copy)]
pub struct TextRequest<'a> {
    /// A member's sheet, or a council session (a document with `members`).
    pub subject: &'a str,
    /// A cost file's text (criterion code → cost), when costs are to be minimised.
    pub costs: Option<&'a str>,
    /// The star level to reach; by default the next one above the current stars.
    pub target: Option<Stars>,
    /// How many tied plans to list, at most.
    pub alternatives: usize,
    /// Whether unfinished sheets are allowed.
    pub completeness: Completeness,
    /// The language of the reason's words.
    pub lang: Lang,
}

/// Which input of a [`TextRequest`] is invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidPart {
    /// The sheet or session.
    Subject,
    /// The cost file.
    Costs,
}

/// Advice given, with what it was given on (a renderer needs the product set).
#[derive(Debug, Clone)]
pub struct Advised<'c> {
    /// The sheet or session advised on.
    pub subject: Subject<'c>,
    /// The advice, in the language asked for.
    pub advice: Advice,
}

/// Reads the subject and the costs, and advises: what `ocop advise` does with its files. When an
/// input is invalid, says which, with every problem found in it.
pub fn advise_text<'c>(
    catalog: &'c Catalog,
    request: &TextRequest<'_>,
) -> Result<Advised<'c>, (InvalidPart, InputProblems)> {
    let subject = Subject::read(catalog, request.subject, request.completeness)
        .map_err(|problems| (InvalidPart::Subject, problems))?;
    let costs = request
        .costs
        .map(|text| CostMap::parse(subject.loaded().set, text))
        .transpose()
        .map_err(|problems| (InvalidPart::Costs, problems))?;
    let mut advice = subject.advise(&Request {
        target: request.target,
        costs,
        alternatives: request.alternatives,
    });
    advice.localize(request.lang);
    Ok(Advised { subject, advice })
}

impl CheckedSheet<'_> {
    /// The advice for this sheet.
    pub fn advise(&self, request: &Request) -> Advice {
        let set = self.loaded.set;
        let instrument = self.loaded.instrument;
        let standing = Standing::of_answers(instrument, set, &self.answers);
        let mut advice = advise(instrument, set, &standing, request);
        advice.product = self.product.clone();
        advice.evaluator = self.evaluator.clone();
        advice
    }
}

impl Advice {
    /// Rewrites the words of the reason in another language.
    pub fn localize(&mut self, lang: Lang) {
        if let Some(reason) = &mut self.reason {
            reason.localize(lang);
        }
    }
}

/// The advice for a standing: where it is, the best plans for the target, the margin below, and
/// for an incomplete sheet what the unanswered criteria must reach.
pub fn advise(
    instrument: &Instrument,
    set: &ProductSet,
    standing: &Standing,
    request: &Request,
) -> Advice {
    // An incomplete sheet is not improved but completed; and it counts only what is answered,
    // while the raises assume the lowest answer of a criterion they make count.
    let incomplete = board::incomplete(set, standing);
    let mode = if incomplete {
        Mode::Complete
    } else {
        Mode::Improve(request.costs.as_ref())
    };
    let board = &Board::new(instrument, set, standing, mode);
    let now: Vec<Eval<'_>> = board
        .units
        .iter()
        .map(|unit| unit.now(board.sheets))
        .collect();
    let counted: Decimal = now.iter().map(|eval| eval.counted).sum();
    let lowest_unmet = now.iter().filter_map(Eval::lowest_unmet).min();
    // A zero on a stop-rule criterion eliminates the product even if the standing's producer
    // did not say so.
    let disqualified =
        !standing.disqualifications().is_empty() || now.iter().any(|eval| eval.stop_zero);
    let current_stars = if disqualified {
        0
    } else {
        board.stars(counted, lowest_unmet)
    };
    let top = board.instrument.top_stars();
    let target = request
        .target
        .unwrap_or_else(|| current_stars.saturating_add(1).clamp(1, top.max(1)));
    let floor = board.floor(target);
    let mut advice = Advice {
        rubric: instrument.id.clone(),
        rubric_revision: instrument.revision,
        product_set: set.number,
        product_set_name: set.name.clone(),
        product: None,
        evaluator: None,
        status: if disqualified {
            Status::Disqualified
        } else if incomplete {
            Status::Incomplete
        } else {
            Status::Ranked
        },
        current_total: Exact(board.mean(counted)),
        band_stars: board.band_stars(counted),
        current_stars,
        unmet_gates: unmet_gates(board, &now),
        target_stars: target,
        target_floor: floor.map(|floor| Exact(board.mean(floor))),
        objective: if request.costs.is_some() {
            Objective::LeastCost
        } else {
            Objective::FewestCriteria
        },
        reachable: false,
        reason: None,
        plans: Vec::new(),
        tied_plans: 0,
        margin: None,
        partial: None,
        rules: AppliedRules {
            bands: BAND_RULE,
            star_gates: GATE_RULE,
        },
    };
    let floor = match floor {
        _ if disqualified => Err(ReasonKind::Disqualified {
            disqualifications: standing.disqualifications().to_vec(),
        }),
        // No band: a target above the top (or zero).
        None => Err(ReasonKind::TargetOutOfRange { target, top }),
        Some(floor) => Ok(floor),
    };
    let floor = match floor {
        Ok(floor) => floor,
        Err(kind) => {
            advice.reason = Some(Reason::new(kind, Lang::Vi));
            return advice;
        }
    };
    let goal = Goal {
        target,
        floor,
        counted,
    };
    let outcome = if incomplete {
        let outlook = outlook(board, &now, &goal);
        advice.partial = Some(outlook.0);
        outlook.1
    } else {
        advice.margin = margin(board, &now, counted, current_stars);
        plan(board, &now, &goal, request).map(|(plans, tied)| {
            advice.plans = plans;
            advice.tied_plans = tied;
        })
    };
    match outcome {
        Ok(()) => advice.reachable = true,
        Err(kind) => advice.reason = Some(Reason::new(kind, Lang::Vi)),
    }
    advice
}

/// The target and where the product stands against it.
struct Goal {
    target: Stars,
    /// The band's lowest total, summed over the sheets.
    floor: Decimal,
    /// The total now, summed over the sheets.
    counted: Decimal,
}

/// Every choice of a unit a plan may end in, with its evaluation.
type Admissible<'b, 's> = Vec<(Vec<Option<&'b Pick>>, Eval<'s>)>;

fn admissible<'b, 's>(unit: &'b Unit<'s>, target: Stars, sheets: Decimal) -> Admissible<'b, 's> {
    unit.choices()
        .into_iter()
        .map(|choice| {
            let eval = unit.eval(&choice, sheets);
            (choice, eval)
        })
        .filter(|(_, eval)| eval.admissible(target))
        .collect()
}

/// The best plans for a complete standing, and how many tie; or why there is none.
fn plan(
    board: &Board<'_>,
    now: &[Eval<'_>],
    goal: &Goal,
    request: &Request,
) -> Result<(Vec<Plan>, u64), ReasonKind> {
    let units: Vec<Admissible<'_, '_>> = board
        .units
        .iter()
        .map(|unit| admissible(unit, goal.target, board.sheets))
        .collect();
    let mut moves = Vec::with_capacity(units.len());
    let mut most = goal.counted;
    for ((choices, unit), before) in units.iter().zip(&board.units).zip(now) {
        if choices.is_empty() {
            return Err(gate_out_of_reach(unit, before, goal.target)
                .unwrap_or_else(|| not_enough(board, goal, goal.counted)));
        }
        let unit_moves: Vec<Move> = choices
            .iter()
            .map(|(_, eval)| Move {
                gain: eval.counted - before.counted,
                cost: eval.cost.unwrap_or_default(),
                changed: eval.changed,
            })
            .collect();
        most += unit_moves
            .iter()
            .map(|step| step.gain)
            .max()
            .unwrap_or_default();
        moves.push(unit_moves);
    }
    if most < goal.floor {
        return Err(not_enough(board, goal, most));
    }
    let found = search(
        &moves,
        goal.floor - goal.counted,
        request.alternatives.max(1),
    )
    .ok_or_else(|| not_enough(board, goal, most))?;
    let plans = found
        .plans
        .iter()
        .map(|indexes| {
            let mut steps_of_plan = Vec::new();
            let mut lowest = None;
            for (((unit, before), index), choices) in
                board.units.iter().zip(now).zip(indexes).zip(&units)
            {
                let Some((choice, after)) = choices.get(*index) else {
                    continue;
                };
                steps_of_plan.extend(steps(unit, choice, before, after, board));
                lowest = lowest.into_iter().chain(after.lowest_unmet()).min();
            }
            let new_counted = goal.counted + found.gain;
            Plan {
                steps: steps_of_plan,
                criteria_changed: found.changed,
                points_gained: Exact(board.mean(found.gain)),
                cost: request.costs.as_ref().map(|_| Exact(found.cost)),
                new_total: Exact(board.mean(new_counted)),
                new_stars: board.stars(new_counted, lowest),
            }
        })
        .collect();
    Ok((plans, found.tied))
}

/// The band is out of reach: the most the product can total is below its floor.
fn not_enough(board: &Board<'_>, goal: &Goal, most: Decimal) -> ReasonKind {
    ReasonKind::NotEnoughPoints {
        needed: Exact(board.mean(goal.floor)),
        most: Exact(board.mean(most)),
    }
}

/// The steps of one unit's choice, in printed order.
fn steps(
    unit: &Unit<'_>,
    choice: &[Option<&Pick>],
    before: &Eval<'_>,
    after: &Eval<'_>,
    board: &Board<'_>,
) -> Vec<Step> {
    let value = |eval: &Eval<'_>, at: usize| eval.values.get(at).copied().flatten();
    let counted = |eval: &Eval<'_>, at: usize| value(eval, at).unwrap_or_default();
    unit.members
        .iter()
        .enumerate()
        .filter_map(|(at, member)| {
            let pick = choice.get(at).copied().flatten()?;
            let unlocks: Vec<Unlock> = unit
                .members
                .iter()
                .enumerate()
                .filter(|(other, dependent)| {
                    dependent.controller.is_some_and(|(c, _)| c == at)
                        && choice.get(*other).copied().flatten().is_none()
                        && value(before, *other) != value(after, *other)
                })
                .map(|(other, dependent)| Unlock {
                    criterion: dependent.criterion.code.clone(),
                    option: dependent.answer.as_ref().map(AnswerEcho::from),
                    points_gained: Exact(
                        board.mean(counted(after, other) - counted(before, other)),
                    ),
                    assumed_lowest: dependent.now.is_none(),
                })
                .collect();
            let unlocked: Decimal = unlocks.iter().map(|unlock| unlock.points_gained.0).sum();
            let from = counted(before, at);
            let to = counted(after, at);
            let gates = member
                .gates
                .iter()
                .filter(|gate| {
                    let unmet = |eval: &Eval<'_>| {
                        eval.unmet
                            .iter()
                            .any(|(m, g)| *m == at && std::ptr::eq(*g, **gate))
                    };
                    unmet(before) && !unmet(after)
                })
                .map(|gate| {
                    let (marked_option, required_points, _) = gate.requirement.marked();
                    GateMet {
                        level: gate.level,
                        marked_option,
                        required_points: Exact(required_points),
                    }
                })
                .collect();
            Some(Step {
                criterion: member.criterion.code.clone(),
                from_option: member.answer.as_ref().map(AnswerEcho::from),
                to_option: AnswerEcho::from(&pick.answer),
                from_points: Exact(board.mean(from)),
                to_points: Exact(board.mean(to)),
                points_gained: Exact(board.mean(to - from) + unlocked),
                gates,
                unlocks,
            })
        })
        .collect()
}

/// Why a unit cannot meet the target's gates: its lowest gate of the target not met now, or,
/// when nothing fails now (a criterion waiting for the one it depends on), its lowest gate of the
/// target.
fn gate_out_of_reach(unit: &Unit<'_>, now: &Eval<'_>, target: Stars) -> Option<ReasonKind> {
    let (at, gate) = now
        .unmet
        .iter()
        .filter(|(_, gate)| gate.level <= target)
        .min_by_key(|(_, gate)| gate.level)
        .copied()
        .or_else(|| {
            unit.members.iter().enumerate().find_map(|(at, member)| {
                let gate = member.gates.iter().find(|gate| gate.level <= target)?;
                Some((at, *gate))
            })
        })?;
    let member = unit.members.get(at)?;
    let (marked_option, required_points, _) = gate.requirement.marked();
    Some(ReasonKind::GateOutOfReach {
        criterion: member.criterion.code.clone(),
        level: gate.level,
        marked_option,
        required_points: Exact(required_points),
    })
}

/// Every gate not met now, by level then printed order.
fn unmet_gates(board: &Board<'_>, now: &[Eval<'_>]) -> Vec<GateState> {
    let mut gates: Vec<GateState> = board
        .units
        .iter()
        .zip(now)
        .flat_map(|(unit, eval)| {
            eval.unmet.iter().filter_map(|(at, gate)| {
                let member = unit.members.get(*at)?;
                let points = eval.values.get(*at).copied().flatten()?;
                Some(gate_state(board, member, gate, points))
            })
        })
        .collect();
    gates.sort_by_key(|gate| gate.level);
    gates
}

fn gate_state(board: &Board<'_>, member: &Member<'_>, gate: &Gate, points: Decimal) -> GateState {
    let (marked_option, required_points, strictly_above) = gate.requirement.marked();
    GateState {
        criterion: member.criterion.code.clone(),
        level: gate.level,
        marked_option,
        required_points: Exact(required_points),
        strictly_above,
        option: member.answer.as_ref().map(AnswerEcho::from),
        points: Exact(board.mean(points)),
    }
}

/// The margin below the current stars: points above the band floor, and the gates one notch
/// from costing a star.
fn margin(board: &Board<'_>, now: &[Eval<'_>], counted: Decimal, stars: Stars) -> Option<Margin> {
    let band_floor = board.floor(stars)?;
    let mut gates_at_risk = Vec::new();
    for (index, (unit, before)) in board.units.iter().zip(now).enumerate() {
        // Stars with this unit replaced by another evaluation and every other unit as it is.
        let stars_with = |eval: &Eval<'_>| {
            let others = now.iter().enumerate().filter(|(other, _)| *other != index);
            let total = others.clone().map(|(_, e)| e.counted).sum::<Decimal>() + eval.counted;
            let lowest = others
                .filter_map(|(_, e)| e.lowest_unmet())
                .chain(eval.lowest_unmet())
                .min();
            if eval.stop_zero {
                0
            } else {
                board.stars(total, lowest)
            }
        };
        for (at, member) in unit.members.iter().enumerate() {
            let Some(points) = before.values.get(at).copied().flatten() else {
                continue;
            };
            let judged = member.gate_base.unwrap_or(points);
            let held: Vec<_> = member
                .gates
                .iter()
                .filter(|gate| {
                    gate.level <= stars && gate.requirement.is_met_by_sum(judged, board.sheets)
                })
                .collect();
            if held.is_empty() {
                continue;
            }
            let Some(lower) = notch_below(member, board.sheets) else {
                continue;
            };
            let mut choice = vec![None; unit.members.len()];
            if let Some(slot) = choice.get_mut(at) {
                *slot = Some(&lower);
            }
            let lowered = unit.eval(&choice, board.sheets);
            for gate in held {
                if gate.requirement.is_met_by_sum(lower.points, board.sheets) {
                    continue;
                }
                let (marked_option, required_points, _) = gate.requirement.marked();
                gates_at_risk.push(GateAtRisk {
                    criterion: member.criterion.code.clone(),
                    level: gate.level,
                    marked_option,
                    required_points: Exact(required_points),
                    option: member.answer.as_ref().map(AnswerEcho::from),
                    points: Exact(board.mean(points)),
                    lower_option: AnswerEcho::from(&lower.answer),
                    lower_points: Exact(board.mean(lower.points)),
                    stars_if_lower: stars_with(&lowered),
                });
            }
        }
    }
    gates_at_risk.sort_by_key(|gate| gate.level);
    Some(Margin {
        band_floor: Exact(board.mean(band_floor)),
        points_above_floor: Exact(board.mean(counted - band_floor)),
        gates_at_risk,
    })
}

/// What an incomplete sheet can still become, and whether the target is among it.
fn outlook(board: &Board<'_>, now: &[Eval<'_>], goal: &Goal) -> (Outlook, Result<(), ReasonKind>) {
    let all: Vec<Vec<Eval<'_>>> = board
        .units
        .iter()
        .map(|unit| {
            unit.choices()
                .iter()
                .map(|choice| unit.eval(choice, board.sheets))
                .filter(|eval| eval.valid)
                .collect()
        })
        .collect();
    // The fewest stars: the lowest total and the lowest gate cap can be had together, since each
    // comes from its own choice per unit and the band is monotone in the total.
    let worst = if all.iter().flatten().any(|eval| eval.stop_zero) {
        0
    } else {
        let lowest_total: Decimal = all
            .iter()
            .filter_map(|evals| evals.iter().map(|eval| eval.counted).min())
            .sum();
        let lowest_cap = all.iter().flatten().filter_map(Eval::lowest_unmet).min();
        board.stars(lowest_total, lowest_cap)
    };
    // The most a completion gains while meeting the gates up to `target`, if every unit can.
    let most = |target: Stars| -> Result<Decimal, usize> {
        all.iter()
            .enumerate()
            .map(|(index, evals)| {
                evals
                    .iter()
                    .filter(|eval| eval.admissible(target))
                    .map(|eval| eval.counted)
                    .max()
                    .ok_or(index)
            })
            .sum()
    };
    let best = (1..=board.instrument.top_stars())
        .rev()
        .find(|stars| {
            let floor = board.floor(*stars);
            matches!((most(*stars), floor), (Ok(total), Some(floor)) if total >= floor)
        })
        .unwrap_or(0);
    let mut unanswered = Vec::new();
    let mut gates = Vec::new();
    for member in board.units.iter().flat_map(|unit| &unit.members) {
        let waiting = member.now.is_some() && member.applies.is_none();
        if member.now.is_none() && member.applies != Some(false) || waiting {
            unanswered.push(member.criterion.code.clone());
        }
        if member.now.is_none() && member.applies != Some(false) {
            // A gate every answer meets (a mark on the lowest option) asks for nothing.
            let lowest = board::all_answers(member.criterion, None, board.sheets)
                .first()
                .map(|pick| pick.points);
            let binding = |gate: &Gate| {
                gate.level <= goal.target
                    && lowest
                        .is_some_and(|points| !gate.requirement.is_met_by_sum(points, board.sheets))
            };
            for gate in member.gates.iter().filter(|gate| binding(gate)) {
                let (marked_option, required_points, strictly_above) = gate.requirement.marked();
                gates.push(GateMin {
                    criterion: member.criterion.code.clone(),
                    level: gate.level,
                    marked_option,
                    required_points: Exact(required_points),
                    strictly_above,
                });
            }
        }
    }
    gates.sort_by_key(|gate| gate.level);
    let reachable = match most(goal.target) {
        Ok(total) if total >= goal.floor => Ok(()),
        Ok(total) => Err(ReasonKind::NotEnoughPoints {
            needed: Exact(board.mean(goal.floor)),
            most: Exact(board.mean(total)),
        }),
        Err(index) => Err(board
            .units
            .get(index)
            .zip(now.get(index))
            .and_then(|(unit, eval)| gate_out_of_reach(unit, eval, goal.target))
            .unwrap_or_else(|| not_enough(board, goal, goal.counted))),
    };
    let reach: Decimal = all
        .iter()
        .filter_map(|evals| evals.iter().map(|eval| eval.counted).max())
        .sum();
    let outlook = Outlook {
        unanswered,
        best_stars: best,
        worst_stars: worst,
        target_needs: Needs {
            points: Exact(board.mean((goal.floor - goal.counted).max(Decimal::ZERO))),
            most: Exact(board.mean((reach - goal.counted).max(Decimal::ZERO))),
            gates,
        },
    };
    (outlook, reachable)
}
