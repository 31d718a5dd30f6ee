//! The result of scoring one sheet: the `ocop score --format json` contract.

use std::collections::BTreeMap;

use jiff::civil::Date;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::decimal::Exact;
use crate::rubric::{Criterion, Level, RubricData, Stars};
use crate::sheet::{Answer, Product, points_of};

/// Where a scored sheet stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Scored and ranked.
    Ranked,
    /// Eliminated by a knock-out, the dossier rule or the stop rule.
    Disqualified,
    /// Criteria are still unanswered (`--partial`).
    Incomplete,
}

/// Why a product was eliminated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Disqualification {
    /// The evaluator found a criterion's knock-out note applies.
    Knockout {
        /// The criterion.
        criterion: String,
        /// The note as printed.
        printed: String,
    },
    /// The evaluator found the sheet-level "Hồ sơ bị loại khi" applies.
    Dossier {
        /// The rule as printed.
        printed: String,
    },
    /// A zero on a criterion covered by a stop rule.
    StopRule {
        /// The criterion that scored zero.
        criterion: String,
        /// Every criterion the rule covers.
        covers: Vec<String>,
        /// The rule as printed.
        printed: String,
    },
}

/// A gate the product does not meet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct UnmetGate {
    /// The criterion.
    pub criterion: String,
    /// The star level the gate guards: the product cannot hold this many stars.
    pub level: Stars,
    /// The marked option (absent for a mark on the criterion's heading).
    pub marked_option: Option<u32>,
    /// Points the criterion must reach.
    pub required_points: Exact,
    /// Whether the criterion must score strictly above `required_points` (a heading mark).
    pub strictly_above: bool,
    /// The option chosen (absent for yes/no and additive criteria).
    pub chosen_option: Option<u32>,
    /// Points the criterion scored.
    pub chosen_points: Exact,
}

/// Where a criterion stands on the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CriterionStatus {
    /// Answered and scored.
    Scored,
    /// Does not apply ("Chỉ áp dụng khi …"): scores 0.
    NotApplicable,
    /// Not answered yet (partial sheet).
    Unanswered,
    /// Answered, but whether it applies depends on a criterion not answered yet (partial sheet);
    /// it scores nothing until then.
    Pending,
    /// Not evaluated because the product was eliminated first.
    NotEvaluated,
}

/// How a criterion is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// One option.
    Single,
    /// One option in one of two cases.
    Cases,
    /// Met or not.
    YesNo,
    /// Several options, summed and capped.
    Additive,
}

/// An answer as the engine understood it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum AnswerEcho {
    /// An option number.
    Option(u32),
    /// Met or not.
    YesNo(bool),
    /// Option numbers.
    Options(Vec<u32>),
}

impl From<&Answer> for AnswerEcho {
    fn from(answer: &Answer) -> Self {
        match answer {
            Answer::Option(number) => AnswerEcho::Option(*number),
            Answer::YesNo(met) => AnswerEcho::YesNo(*met),
            Answer::Options(numbers) => AnswerEcho::Options(numbers.iter().copied().collect()),
        }
    }
}

impl AnswerEcho {
    /// The points this answer scores on `criterion`, by the rubric's options (an additive
    /// criterion capped at its maximum).
    pub fn points(&self, criterion: &Criterion) -> Decimal {
        let answer = match self {
            AnswerEcho::Option(number) => Answer::Option(*number),
            AnswerEcho::YesNo(met) => Answer::YesNo(*met),
            AnswerEcho::Options(numbers) => Answer::Options(numbers.iter().copied().collect()),
        };
        points_of(criterion, &answer)
    }
}

/// A ticked option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TickedOption<'r> {
    /// Its number in printed order.
    pub number: u32,
    /// Its text.
    pub text: &'r str,
    /// Its points.
    pub points: Exact,
    /// The case it belongs to, for cased criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<&'r str>,
    /// Its star mark, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub star: Option<Stars>,
}

/// The ticked options of a criterion: none, one, or several (additive criteria). Written as a
/// list; kept without a list of its own for the usual single option.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Ticked<'r> {
    /// Nothing ticked (unanswered, or a yes/no criterion).
    #[default]
    None,
    /// One option.
    One(TickedOption<'r>),
    /// Several options, in printed order.
    Many(Vec<TickedOption<'r>>),
}

impl<'r> Ticked<'r> {
    /// The ticked options, in printed order.
    pub fn as_slice(&self) -> &[TickedOption<'r>] {
        match self {
            Ticked::None => &[],
            Ticked::One(option) => std::slice::from_ref(option),
            Ticked::Many(options) => options,
        }
    }
}

impl Serialize for Ticked<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

impl JsonSchema for Ticked<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Array_of_TickedOption".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<TickedOption<'_>>>::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

/// One answerable criterion's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CriterionScore<'r> {
    /// Code as printed.
    pub code: &'r str,
    /// Name as printed.
    pub name: &'r str,
    /// Part.
    pub part: &'static str,
    /// Group code.
    pub group: &'r str,
    /// The criterion it is a sub-criterion of.
    pub parent: Option<&'r str>,
    /// How it is answered.
    pub kind: AnswerKind,
    /// Its maximum.
    pub max: Exact,
    /// Points scored.
    pub points: Exact,
    /// Where it stands.
    pub status: CriterionStatus,
    /// The answer, as checked.
    pub answer: Option<AnswerEcho>,
    /// The ticked options.
    pub ticked: Ticked<'r>,
}

/// A group's or a nested criterion's subtotal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Subtotal<'r> {
    /// Code.
    pub code: &'r str,
    /// Name.
    pub name: &'r str,
    /// Part.
    pub part: &'static str,
    /// Points scored.
    pub points: Exact,
    /// Maximum.
    pub max: Exact,
    /// The points in units, while the criteria are added up.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) units: crate::decimal::Units,
}

/// What a partial sheet can still become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StarsRange {
    /// The fewest stars still possible.
    pub min: Stars,
    /// The most stars still possible.
    pub max: Stars,
}

/// Something a reader of the result should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// An answer was given for a criterion that does not apply; it scores 0.
    AnswerNotApplicable {
        /// The criterion.
        criterion: String,
        /// The rule as printed.
        printed: String,
    },
    /// The rubric data comes from a secondary source.
    SecondarySource {
        /// The warning the data carries.
        warning: String,
    },
    /// The rubric data claims a released revision but is not its data.
    ModifiedRubricData {
        /// The rubric revision claimed, `id@N`.
        revision: String,
        /// The files whose content is not the released one.
        files: Vec<String>,
    },
    /// A decision amending the criteria was in force on the evaluation date, and this data
    /// does not apply it.
    AmendmentNotApplied {
        /// The amending decision.
        decision: String,
        /// When it took effect.
        date: String,
        /// Why it is not applied.
        note: String,
    },
    /// The rubric is used under a transition (QĐ 26/2026 Điều 12.2), which only files submitted
    /// before a day may use, and the sheet does not say when its file was submitted.
    TransitionFiling {
        /// The rubric used.
        rubric: String,
        /// The instrument that replaced it.
        replaced_by: String,
        /// Only files submitted before this day continue under it.
        submitted_before: String,
        /// The article.
        source: String,
    },
    /// The rubric is used under a transition, and a narrower limit holds for other kinds of
    /// evaluation than the sheet's (which does not say its kind).
    TransitionLimit {
        /// The rubric used.
        rubric: String,
        /// The kinds of evaluation the narrower limit is for.
        evaluations: Vec<String>,
        /// Their last day under the old rubric.
        until: String,
        /// The article.
        source: String,
    },
}

/// Which interpretations the engine applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AppliedRules {
    /// How totals map to bands.
    pub bands: &'static str,
    /// How star marks cap the stars.
    pub star_gates: &'static str,
}

// The rubric's words are borrowed from the product set the sheet was scored with.
/// The scored sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Scorecard<'r> {
    /// Rubric identifier.
    pub rubric: &'r str,
    /// Rubric data revision.
    pub rubric_revision: u32,
    /// Fingerprint of the rubric data used.
    pub rubric_fingerprint: &'r str,
    /// Whether that data is the released data of its revision (`modified`: it is not, and
    /// the result is not under the official criteria).
    pub rubric_data: RubricData,
    /// Product set number.
    pub product_set: u8,
    /// Product set name.
    pub product_set_name: &'r str,
    /// The product, as given.
    pub product: Option<Product>,
    /// The evaluator, as given.
    pub evaluator: Option<String>,
    /// Where the sheet stands.
    pub status: Status,
    /// The first reason for elimination, in printed order.
    pub reason: Option<Disqualification>,
    /// Every reason for elimination.
    pub disqualifications: Vec<Disqualification>,
    /// Total points (so far, for a partial sheet).
    pub total: Exact,
    /// Maximum total.
    pub max_total: Exact,
    /// The most a partial sheet can still reach (the total, when complete).
    pub max_reachable: Exact,
    /// The most any sheet of this product set can score: below `max_total` only where the
    /// source's options do not reach a printed maximum (a defect recorded as an erratum).
    pub max_attainable: Exact,
    /// The evaluation date, when the sheet gives one (`YYYY-MM-DD`).
    #[schemars(with = "Option<String>")]
    pub evaluated_on: Option<Date>,
    /// The kind of evaluation, the filing date and the previous certificate, as given, and the
    /// stars against the previous certificate's.
    #[serde(flatten)]
    pub filing: crate::filing::FilingEcho,
    /// Points per part.
    pub parts: BTreeMap<&'static str, Exact>,
    /// Points, maximum and heading of each part.
    pub part_subtotals: Vec<Subtotal<'r>>,
    /// Points per group.
    pub groups: Vec<Subtotal<'r>>,
    /// Points per nested criterion.
    pub subtotals: Vec<Subtotal<'r>>,
    /// Stars from the total alone.
    pub band_stars: Stars,
    /// The most stars the star gates allow.
    pub gate_cap: Stars,
    /// Final stars: the band capped by the gates; 0 when disqualified.
    pub stars: Stars,
    /// Stars still possible (equal ends when the sheet is complete).
    pub stars_range: StarsRange,
    /// Every gate not met.
    pub unmet_gates: Vec<UnmetGate>,
    /// Whether the result earns a certificate.
    pub certifiable: bool,
    /// Who certifies it.
    pub certifying_level: Option<Level>,
    /// A total at or above the potential five-star threshold.
    pub potential_five_star: bool,
    /// Every answerable criterion, in printed order.
    pub criteria: Vec<CriterionScore<'r>>,
    /// Things the reader should know.
    pub notices: Vec<Notice>,
    /// Interpretations applied.
    pub rules: AppliedRules,
}
