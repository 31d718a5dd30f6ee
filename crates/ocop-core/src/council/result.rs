//! The result of a council session: the `ocop council --format json` contract.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::lang::Lang;

use super::rules::{AppliedRules, Role};
use crate::decimal::Exact;
use crate::rubric::{Level, RubricData, Stars};
use crate::score::{Disqualification, Notice, UnmetGate};
use crate::sheet::Product;

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    /// The council's result stands.
    Ranked,
    /// Eliminated by the members' combined knock-outs.
    Disqualified,
    /// Members' totals differ by more than the rules allow: the council re-scores.
    NeedsRescoring,
    /// Too few scoring members scored, or the chair did not.
    NoQuorum,
    /// A counted sheet is unfinished (partial sheets).
    Incomplete,
}

impl SessionStatus {
    /// The status in words, for tables and documents.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Ranked => lang.pick("xếp hạng", "ranked"),
            Self::Disqualified => lang.pick("bị loại", "disqualified"),
            Self::NeedsRescoring => lang.pick("chấm lại", "re-score"),
            Self::NoQuorum => lang.pick("không đủ túc số", "no quorum"),
            Self::Incomplete => lang.pick("chưa chấm xong", "incomplete"),
        }
    }
}

/// One member's part in the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MemberResult {
    /// The member's identifier.
    pub id: String,
    /// Their name.
    pub name: Option<String>,
    /// Their role.
    pub role: Role,
    /// Whether their sheet counts towards the council's result.
    pub counted: bool,
    /// Why it does not count, when it does not.
    pub not_counted_because: Option<NotCounted>,
    /// Their sheet's total (absent when they did not score).
    pub total: Option<Exact>,
    /// Their sheet's stars, gates and knock-outs included.
    pub stars: Option<Stars>,
    /// Their sheet's knock-outs and stop rules.
    pub disqualifications: Vec<Disqualification>,
}

/// Why a member's sheet does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotCounted {
    /// Their role does not score under the rules applied.
    RoleDoesNotScore,
    /// They did not score.
    NoSheet,
}

/// One criterion on the council's summary sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CouncilCriterion {
    /// Code as printed.
    pub code: String,
    /// Name as printed.
    pub name: String,
    /// Its maximum.
    pub max: Exact,
    /// Points per member id (members who scored, counted or not; absent: not answered).
    pub points: BTreeMap<String, Exact>,
    /// The counted members' mean (absent when none answered it).
    pub mean: Option<Exact>,
}

/// Members' votes for one reason of elimination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct KnockoutVote {
    /// The reason.
    pub reason: Disqualification,
    /// The members whose sheets raise it.
    pub members: Vec<String>,
    /// How many counted members there are.
    pub of: usize,
    /// Whether the votes decide it under the rules applied.
    pub decided: bool,
}

/// Whether the quorum was met, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct QuorumCheck {
    /// Members whose role scores.
    pub scoring_members: usize,
    /// Those of them who scored.
    pub scored: usize,
    /// How many had to score.
    pub required: usize,
    /// Whether the chair scored.
    pub chair_scored: bool,
    /// Whether the quorum is met.
    pub met: bool,
}

/// The spread of members' totals, and what drives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SpreadCheck {
    /// Highest counted total minus lowest.
    pub spread: Exact,
    /// The limit applied (`null`: none).
    pub limit: Option<Exact>,
    /// Whether the spread is over the limit.
    pub exceeded: bool,
    /// Members with the lowest total.
    pub lowest: Vec<String>,
    /// Members with the highest total.
    pub highest: Vec<String>,
    /// Criteria on which the lowest and highest members differ, largest difference first.
    pub criteria: Vec<SpreadDriver>,
}

/// A criterion behind the spread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SpreadDriver {
    /// The criterion.
    pub criterion: String,
    /// Points from the first lowest-total member.
    pub low_points: Exact,
    /// Points from the first highest-total member.
    pub high_points: Exact,
    /// The difference (high − low).
    pub difference: Exact,
}

/// Per-criterion agreement between members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CriterionSpread {
    /// The criterion.
    pub criterion: String,
    /// Its maximum.
    pub max: Exact,
    /// The members' mean.
    pub mean: Exact,
    /// The lowest member's points.
    pub min: Exact,
    /// The highest member's points.
    pub max_given: Exact,
    /// `max_given − min`.
    pub spread: Exact,
    /// The members furthest from the mean (ties included).
    pub furthest: Vec<MemberPoints>,
}

/// A member's points on a criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MemberPoints {
    /// The member.
    pub member: String,
    /// Their points.
    pub points: Exact,
    /// Points minus the mean.
    pub deviation: Exact,
}

/// How much more generously a member scores than the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Leniency {
    /// The member.
    pub member: String,
    /// Their total.
    pub total: Exact,
    /// The mean of the other counted members' totals.
    pub others_mean: Exact,
    /// `total − others_mean`: the average difference from each other member (positive: lenient).
    pub leniency: Exact,
}

/// How closely the members agree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Agreement {
    /// Criteria every counted member scored.
    pub criteria: usize,
    /// Criteria on which all of them gave the same points.
    pub unanimous: usize,
    /// `unanimous / criteria`.
    pub unanimous_share: Exact,
    /// Mean absolute difference between a member's total and the mean total.
    pub mean_absolute_deviation: Exact,
}

/// The gap between the producer's self-assessment and the council on one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SelfAssessmentGap {
    /// The criterion.
    pub criterion: String,
    /// Points the producer claimed.
    pub claimed: Exact,
    /// The council's mean.
    pub council: Exact,
    /// `claimed − council`.
    pub gap: Exact,
}

/// Analytics that leave the official mean untouched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Analytics {
    /// Per criterion: mean, extremes, spread, furthest members (printed order).
    pub criteria: Vec<CriterionSpread>,
    /// Each counted member's leniency.
    pub leniency: Vec<Leniency>,
    /// Agreement over the session.
    pub agreement: Agreement,
    /// Self-assessment gaps, largest first (empty without a self-assessment).
    pub self_assessment: Vec<SelfAssessmentGap>,
    /// The producer's claimed total, when a self-assessment is given.
    pub self_assessment_total: Option<Exact>,
}

/// The council's result for one product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CouncilResult {
    /// Rubric identifier.
    pub rubric: String,
    /// Rubric data revision.
    pub rubric_revision: u32,
    /// Fingerprint of the rubric data used.
    pub rubric_fingerprint: String,
    /// Whether that data is the released data of its revision.
    pub rubric_data: RubricData,
    /// Product set number.
    pub product_set: u8,
    /// Product set name.
    pub product_set_name: String,
    /// The product.
    pub product: Option<Product>,
    /// The council's level.
    pub level: Level,
    /// The evaluation date, when given.
    pub evaluated_on: Option<String>,
    /// The kind of evaluation, the filing date and the previous certificate, as given, and the
    /// stars against the previous certificate's.
    #[serde(flatten)]
    pub filing: crate::filing::FilingEcho,
    /// Where the session stands.
    pub status: SessionStatus,
    /// The first reason for elimination.
    pub reason: Option<Disqualification>,
    /// Every reason for elimination the combined votes decide.
    pub disqualifications: Vec<Disqualification>,
    /// Every knock-out or stop rule any counted member's sheet raised, with its votes.
    pub knockout_votes: Vec<KnockoutVote>,
    /// The exact mean of the counted members' totals.
    pub mean_total: Exact,
    /// The same mean as a reduced fraction (`"209/3"`), exact where the decimal is not.
    pub mean_total_fraction: String,
    /// The total banded: the mean, or the mean rounded when the rules round.
    pub banded_total: Exact,
    /// Stars from the banded total alone; `null` when no member's sheet counts (a council
    /// without a counted member has no result to band).
    pub band_stars: Option<Stars>,
    /// The most stars the gates allow, judged for the council; `null` when no member's sheet
    /// counts.
    pub gate_cap: Option<Stars>,
    /// Final stars: the band capped by the gates; 0 when disqualified; `null` when no member's
    /// sheet counts.
    pub stars: Option<Stars>,
    /// Gates the council does not meet.
    pub unmet_gates: Vec<UnmetGate>,
    /// Whether the result earns a certificate (ranked, and enough stars).
    pub certifiable: bool,
    /// Who certifies it.
    pub certifying_level: Option<Level>,
    /// A mean at or above the potential five-star threshold.
    pub potential_five_star: bool,
    /// What the result leads to at this council's level: recognised here, referred to the
    /// central council, returned to the province, or no certificate (`null` only for rubric
    /// data revisions that predate recognition by level).
    pub recognition: Option<crate::recognition::Recognised>,
    /// The quorum check.
    pub quorum: QuorumCheck,
    /// The spread check.
    pub spread: SpreadCheck,
    /// Every member, in the order given.
    pub members: Vec<MemberResult>,
    /// Every answerable criterion: each member's points and the counted members' mean (the
    /// council's summary sheet).
    pub criteria: Vec<CouncilCriterion>,
    /// The rules applied and where each came from.
    pub rules: AppliedRules,
    /// Analytics.
    pub analytics: Analytics,
    /// Things the reader should know.
    pub notices: Vec<Notice>,
}
