//! The advice: the `ocop advise --format json` contract.
//!
//! Decimals are strings (`"69.5"`). Option numbers are as in the input contract: the 1-based
//! number of a □ in printed order (straight through cases), `true`/`false` for a yes/no
//! criterion, a list of numbers for an additive one.

use schemars::JsonSchema;
use serde::Serialize;

use crate::decimal::Exact;
use crate::lang::{Describe, Lang};
use crate::rubric::Stars;
use crate::score::{AnswerEcho, AppliedRules, Disqualification, Status};
use crate::sheet::Product;

/// What the planner minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Fewest criteria changed, then fewest points asked for.
    FewestCriteria,
    /// Least total cost (from a cost file), then fewest criteria, then fewest points.
    LeastCost,
}

/// The advice for one product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Advice {
    /// Rubric identifier.
    pub rubric: String,
    /// Rubric data revision.
    pub rubric_revision: u32,
    /// Product set number.
    pub product_set: u8,
    /// Product set name.
    pub product_set_name: String,
    /// The product, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<Product>,
    /// The evaluator, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evaluator: Option<String>,
    /// Where the sheet stands: ranked, disqualified, or incomplete (criteria still unanswered).
    pub status: Status,
    /// Total points now (so far, for an incomplete sheet; the mean for a council).
    pub current_total: Exact,
    /// Stars from the total alone.
    pub band_stars: Stars,
    /// Stars now: the band capped by the star gates (0 when disqualified).
    pub current_stars: Stars,
    /// Why the stars are what they are: every gate not met now.
    pub unmet_gates: Vec<GateState>,
    /// The star level aimed at (by default the next one).
    pub target_stars: Stars,
    /// The lowest total of the target's band, when the target is a band.
    pub target_floor: Option<Exact>,
    /// What the plans minimise.
    pub objective: Objective,
    /// Whether the target can be reached.
    pub reachable: bool,
    /// Why not, when it cannot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The best plans, all tied, best first (empty when unreachable, and for an incomplete
    /// sheet, whose outlook is in `partial`). A product already at the target has one plan with
    /// no steps.
    pub plans: Vec<Plan>,
    /// How many plans tie with the best (more than listed when over the limit asked for).
    pub tied_plans: u64,
    /// The margin below: how far the product is from losing a star (absent when disqualified
    /// or incomplete).
    pub margin: Option<Margin>,
    /// For an incomplete sheet: the stars still possible and what the unanswered criteria must
    /// reach for the target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<Outlook>,
    /// The interpretations applied.
    pub rules: AppliedRules,
}

/// A star gate and where its criterion stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GateState {
    /// The criterion.
    pub criterion: String,
    /// The star level it guards.
    pub level: Stars,
    /// The marked option (absent for a mark on the criterion's heading).
    pub marked_option: Option<u32>,
    /// Points the criterion must reach.
    pub required_points: Exact,
    /// Whether it must score strictly above `required_points` (a heading mark).
    pub strictly_above: bool,
    /// The answer now, when one stands behind the points.
    pub option: Option<AnswerEcho>,
    /// Points now.
    pub points: Exact,
}

/// A gate a step satisfies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GateMet {
    /// The star level it guards.
    pub level: Stars,
    /// The marked option (absent for a mark on the criterion's heading).
    pub marked_option: Option<u32>,
    /// Points the criterion must reach.
    pub required_points: Exact,
}

/// One way to reach the target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Plan {
    /// The improvements, in printed order of the criteria.
    pub steps: Vec<Step>,
    /// How many criteria change.
    pub criteria_changed: u32,
    /// Points gained in all.
    pub points_gained: Exact,
    /// Total cost (with a cost file).
    pub cost: Option<Exact>,
    /// The total after the plan.
    pub new_total: Exact,
    /// The stars after the plan.
    pub new_stars: Stars,
}

/// One improvement: a criterion moved from the answer it has to a better one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Step {
    /// The criterion.
    pub criterion: String,
    /// The answer now (absent when none stands behind the points: not answered, or a council
    /// whose members differ).
    pub from_option: Option<AnswerEcho>,
    /// The answer needed.
    pub to_option: AnswerEcho,
    /// Points the criterion counts now (0 when it does not apply).
    pub from_points: Exact,
    /// Points it counts after the step.
    pub to_points: Exact,
    /// Points the step gains: `to_points − from_points`, plus the points of criteria it makes
    /// count (`unlocks`).
    pub points_gained: Exact,
    /// Gates not met now that the step satisfies.
    pub gates: Vec<GateMet>,
    /// Criteria whose applicability depends on this one and which start counting with it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unlocks: Vec<Unlock>,
}

/// A criterion that starts (or stops) counting because the criterion it depends on changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Unlock {
    /// The criterion.
    pub criterion: String,
    /// The answer it keeps, when it has one.
    pub option: Option<AnswerEcho>,
    /// The points this adds (negative if it stops counting).
    pub points_gained: Exact,
    /// Not answered yet: counted at its lowest option, the least it can score.
    pub assumed_lowest: bool,
}

/// The margin below the current stars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Margin {
    /// The lowest total of the current stars' band.
    pub band_floor: Exact,
    /// Points above that floor: losing more than this costs a star.
    pub points_above_floor: Exact,
    /// Gates held by exactly the marked option: one notch lower would cost a star.
    pub gates_at_risk: Vec<GateAtRisk>,
}

/// A gate held with nothing to spare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GateAtRisk {
    /// The criterion.
    pub criterion: String,
    /// The star level it guards.
    pub level: Stars,
    /// The marked option (absent for a mark on the criterion's heading).
    pub marked_option: Option<u32>,
    /// Points the criterion must reach.
    pub required_points: Exact,
    /// The answer now, when one stands behind the points.
    pub option: Option<AnswerEcho>,
    /// Points now.
    pub points: Exact,
    /// The answer one notch lower.
    pub lower_option: AnswerEcho,
    /// Its points.
    pub lower_points: Exact,
    /// The stars the product would hold with it.
    pub stars_if_lower: Stars,
}

/// What an incomplete sheet can still become.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Outlook {
    /// The criteria still to answer (and those waiting for the criterion they depend on).
    pub unanswered: Vec<String>,
    /// The most stars still possible.
    pub best_stars: Stars,
    /// The fewest stars still possible (0 when a zero on a stop-rule criterion is still
    /// possible).
    pub worst_stars: Stars,
    /// What the unanswered criteria must reach for the target.
    pub target_needs: Needs,
}

/// What the unanswered criteria must reach for the target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Needs {
    /// Points they must add together, at least.
    pub points: Exact,
    /// The most they can add.
    pub most: Exact,
    /// The least each must reach for the target's gates (gates every answer meets left out).
    pub gates: Vec<GateMin>,
}

/// The least an unanswered criterion must reach for a gate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GateMin {
    /// The criterion.
    pub criterion: String,
    /// The star level the gate guards.
    pub level: Stars,
    /// The marked option (absent for a mark on the criterion's heading).
    pub marked_option: Option<u32>,
    /// Points it must reach.
    pub required_points: Exact,
    /// Whether it must score strictly above `required_points` (a heading mark).
    pub strictly_above: bool,
}

/// Why the target cannot be reached: a machine kind and the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Reason {
    /// What stands in the way.
    #[serde(flatten)]
    pub kind: ReasonKind,
    /// The reason in words (in the language asked for).
    pub message: String,
}

impl Reason {
    pub(super) fn new(kind: ReasonKind, lang: Lang) -> Reason {
        let message = kind.describe(lang);
        Reason { kind, message }
    }

    /// Rewrites the message in another language.
    pub fn localize(&mut self, lang: Lang) {
        self.message = self.kind.describe(lang);
    }
}

/// What stands in the way of the target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReasonKind {
    /// The product is eliminated (a knock-out, the dossier rule or the stop rule): no
    /// improvement ranks it.
    Disqualified {
        /// Every reason for elimination.
        disqualifications: Vec<Disqualification>,
    },
    /// The rubric has no such star level.
    TargetOutOfRange {
        /// The level asked for.
        target: Stars,
        /// The highest level.
        top: Stars,
    },
    /// Even every improvement allowed does not reach the band.
    NotEnoughPoints {
        /// The band's lowest total.
        needed: Exact,
        /// The most the product can reach.
        most: Exact,
    },
    /// A gate of the target cannot be met by the changes allowed (a criterion the cost file does
    /// not price, or an answered criterion of an incomplete sheet).
    GateOutOfReach {
        /// The criterion.
        criterion: String,
        /// The star level the gate guards.
        level: Stars,
        /// The marked option (absent for a mark on the criterion's heading).
        marked_option: Option<u32>,
        /// Points it must reach.
        required_points: Exact,
    },
}

impl Describe for ReasonKind {
    fn describe(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Self::Disqualified { .. } if vi => {
                "sản phẩm đã bị loại; không cải thiện nào xếp hạng được sản phẩm".to_owned()
            }
            Self::Disqualified { .. } => {
                "the product is eliminated; no improvement can rank it".to_owned()
            }
            Self::TargetOutOfRange { target, top } if vi => {
                format!("không có hạng {target} sao (cao nhất là {top} sao)")
            }
            Self::TargetOutOfRange { target, top } => {
                format!("there is no {target}-star level (the highest is {top} stars)")
            }
            Self::NotEnoughPoints { needed, most } if vi => {
                format!("cần ít nhất {needed} điểm nhưng tối đa chỉ đạt được {most} điểm")
            }
            Self::NotEnoughPoints { needed, most } => {
                format!("needs at least {needed} points but at most {most} can be reached")
            }
            Self::GateOutOfReach {
                criterion,
                level,
                marked_option,
                required_points,
            } => {
                let mark = match (marked_option, vi) {
                    (Some(option), true) => {
                        format!("phương án {option} ({required_points} điểm)")
                    }
                    (Some(option), false) => {
                        format!("option {option} ({required_points} points)")
                    }
                    (None, true) => "trên 0 điểm".to_owned(),
                    (None, false) => "more than 0 points".to_owned(),
                };
                if vi {
                    format!(
                        "chỉ tiêu {criterion} phải đạt ít nhất {mark} cho hạng {level} sao, \
                         nhưng không được phép thay đổi (không có trong tệp chi phí, hoặc đã chấm)"
                    )
                } else {
                    format!(
                        "criterion {criterion} must reach at least {mark} for {level} stars, \
                         but may not change (not priced in the cost file, or already answered)"
                    )
                }
            }
        }
    }
}
