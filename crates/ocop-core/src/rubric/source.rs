//! The rubric file format, exactly as written on disk.
//!
//! These types mirror the JSON files under `rubrics/`: one instrument file (`rubric.json`) and one
//! file per product set (`sets/NN.json`). They carry no invariants; [`super::validate`] checks
//! every rule and builds the validated [`super::model`] types, which are the only ones the scoring
//! engine accepts. Keeping the two apart lets the file format stay plain and stable while the
//! runtime model stays impossible to misuse (the approach of ICU4X's source and runtime data).

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::decimal::{self, DecimalString};

/// Version of the rubric file format these types read and write.
pub const FORMAT_VERSION: u32 = 1;

/// One legal instrument: its metadata, parts, bands and recognition rules (`rubric.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentSource {
    /// File format version; must equal [`FORMAT_VERSION`].
    pub format: u32,
    /// Stable identifier, e.g. `qd26-2026`.
    pub id: String,
    /// Data revision: raised for every correction, so old results stay reproducible.
    pub revision: u32,
    /// Title of the criteria, in Vietnamese as issued.
    pub title: String,
    /// The decision that issued the criteria.
    pub decision: DecisionSource,
    /// First day the instrument is in force (ISO 8601).
    pub effective_from: String,
    /// Last day the instrument is in force, if it has been replaced (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<String>,
    /// Where the transcription comes from and how far it can be trusted.
    pub provenance: ProvenanceSource,
    /// Maximum total points of a sheet.
    #[serde(with = "decimal::points")]
    #[schemars(with = "DecimalString")]
    pub total_max: Decimal,
    /// The parts of every sheet (A, B, C) with their maxima.
    pub parts: Vec<PartSpecSource>,
    /// Star bands, lowest first.
    pub star_bands: Vec<StarBandSource>,
    /// Who recognises which stars.
    pub recognition: RecognitionSource,
    /// How totals that the printed bands leave undefined are banded (e.g. 69.5 under bands
    /// written "50 đến 69", "70 đến 89"), and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band_policy: Option<String>,
    /// Later decisions that amended the criteria, and whether this data applies them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<AmendmentSource>,
    /// The product sets, by number.
    pub product_sets: Vec<SetEntrySource>,
    /// Every data revision, oldest first.
    pub changelog: Vec<ChangelogEntrySource>,
    /// The certificate a recognised product receives: validity and re-rating window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateRulesSource>,
    /// How files already in progress under the instrument this one replaces may finish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transition: Option<TransitionSource>,
    /// The evaluation rounds each level must hold in a year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<RoundSource>,
}

/// A later decision that amended the criteria.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmendmentSource {
    /// Number as printed, e.g. `781/QĐ-TTg`.
    pub number: String,
    /// Date it took effect (ISO 8601).
    pub date: String,
    /// What it changed.
    pub summary: String,
    /// Whether this data applies the change.
    pub applied: bool,
    /// Why it is not applied, when it is not; every result for an evaluation dated on or after
    /// `date` carries this note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The issuing decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionSource {
    /// Number as printed, e.g. `26/2026/QĐ-TTg`.
    pub number: String,
    /// Date of signature (ISO 8601).
    pub date: String,
    /// Title of the decision as printed.
    pub title: String,
}

/// Where a transcription comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvenanceSource {
    /// How close the transcription is to the signed text.
    pub confidence: Confidence,
    /// The source, precisely enough to find it again.
    pub source: String,
    /// A warning every result scored with this data must carry, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

/// How close a transcription is to the signed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Transcribed from the full text of the decision.
    Primary,
    /// Rebuilt from another application's data or printout.
    Secondary,
}

/// A part of the sheet as the instrument defines it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartSpecSource {
    /// `A`, `B` or `C`.
    pub code: String,
    /// Name of the part, in Vietnamese.
    pub title: String,
    /// Points of the part.
    #[serde(with = "decimal::points")]
    #[schemars(with = "DecimalString")]
    pub max: Decimal,
}

/// A star band: totals from `from` up to, but not including, `below`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StarBandSource {
    /// Stars of the band (1–5).
    pub stars: u8,
    /// Lowest total in the band (inclusive).
    #[serde(with = "decimal::points")]
    #[schemars(with = "DecimalString")]
    pub from: Decimal,
    /// First total above the band; absent for the top band, which includes the maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "optional_decimal")]
    #[schemars(with = "Option<DecimalString>")]
    pub below: Option<Decimal>,
    /// The band's wording in the decision.
    pub printed: String,
}

/// Which level recognises which stars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecognitionSource {
    /// Lowest star level that earns a decision and a certificate.
    pub certifiable_from: u8,
    /// The certifying level for each certifiable star level.
    pub certifiers: Vec<CertifierSource>,
    /// A total at or above which a product is flagged as potentially five-star.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "optional_decimal")]
    #[schemars(with = "Option<DecimalString>")]
    pub potential_five_star_from: Option<Decimal>,
    /// The wording of the rule in the decision.
    pub printed: String,
    /// What each level's council result leads to, star level by star level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_level: Vec<LevelRecognitionSource>,
}

/// One certifying level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertifierSource {
    /// The star levels this level certifies.
    pub stars: Vec<u8>,
    /// `district`, `province` or `central`.
    pub level: String,
}

/// A product set listed by the instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetEntrySource {
    /// Number in the decision (1–26).
    pub number: u8,
    /// Name in the decision's table of contents.
    pub name: String,
    /// File holding the set, relative to the instrument file.
    pub file: String,
}

/// One data revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangelogEntrySource {
    /// The revision this entry introduced.
    pub revision: u32,
    /// When it was made (ISO 8601).
    pub date: String,
    /// What changed.
    pub summary: String,
    /// The source the change rests on.
    pub source: String,
}

/// One product set's sheet (`sets/NN.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductSetSource {
    /// File format version; must equal [`FORMAT_VERSION`].
    pub format: u32,
    /// Identifier of the instrument this set belongs to.
    pub rubric: String,
    /// Number in the decision (1–26).
    pub number: u8,
    /// Name as printed above the sheet.
    pub name: String,
    /// Classification line as printed, e.g. `(Sản phẩm: Thực phẩm. Nhóm: Gia vị)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    /// This set's own source, when it differs from the instrument's (a replaced transcription).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<ProvenanceSource>,
    /// The sheet-level rule "Hồ sơ bị loại khi: …", verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier_rule: Option<String>,
    /// Notes printed under the sheet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    /// Parts A, B, C.
    pub parts: Vec<PartSource>,
    /// "Nếu được 0 điểm tại một trong các chỉ tiêu trên …" rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stop_rules: Vec<StopRuleSource>,
    /// Every place where the encoded data departs from the printed source, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errata: Vec<ErratumSource>,
}

/// A part of one sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartSource {
    /// `A`, `B` or `C`.
    pub code: String,
    /// Heading as printed.
    pub title: String,
    /// Points of the part.
    #[serde(with = "decimal::points")]
    #[schemars(with = "DecimalString")]
    pub max: Decimal,
    /// Criteria groups in printed order.
    pub groups: Vec<GroupSource>,
}

/// A criteria group ("1. TỔ CHỨC SẢN XUẤT").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupSource {
    /// Code as printed, e.g. `1`.
    pub code: String,
    /// Name as printed.
    pub name: String,
    /// Points of the group.
    #[serde(with = "decimal::points")]
    #[schemars(with = "DecimalString")]
    pub max: Decimal,
    /// Notes printed under the group heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Criteria in printed order. Where options stand directly under the group heading, the
    /// group holds one criterion with the group's own code.
    pub criteria: Vec<CriterionSource>,
}

/// How a criterion is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    /// Tick one option.
    Choice,
    /// Pick one of the alternative cases, then tick one option in it.
    Cases,
    /// Printed without options: met (full points) or not (zero).
    YesNo,
    /// Made of sub-criteria, each answered on its own.
    Nested,
    /// Tick every option that applies; points add up to the criterion's maximum.
    Additive,
}

/// A criterion ("1.1 Nguồn nguyên liệu").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CriterionSource {
    /// Code as printed, e.g. `1.1` or `6.1.2`.
    pub code: String,
    /// Name as printed.
    pub name: String,
    /// Points of the criterion.
    #[serde(with = "decimal::points")]
    #[schemars(with = "DecimalString")]
    pub max: Decimal,
    /// How the criterion is answered.
    pub kind: CriterionKind,
    /// Options in printed order (`choice`, `additive`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionSource>,
    /// Alternative cases in printed order (`cases`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<CaseSource>,
    /// Sub-criteria in printed order (`nested`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<CriterionSource>,
    /// Notes printed with the criterion that are not rules ("Yêu cầu: …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The knock-out note ("Bị loại nếu …"), if the criterion has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knockout: Option<String>,
    /// When the criterion is scored at all ("Chỉ áp dụng khi …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<ApplicabilitySource>,
    /// A star mark printed on the criterion's heading: the criterion must score above zero for
    /// that level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_star: Option<u8>,
}

/// One □ option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionSource {
    /// Text as printed, without the star mark.
    pub text: String,
    /// Points of the option; `null` where the source's points cell cannot be read (the option
    /// then cannot be scored, and an erratum must accept the defect `unreadable_points`).
    #[serde(with = "optional_decimal")]
    #[schemars(with = "Option<DecimalString>")]
    pub points: Option<Decimal>,
    /// The star mark (3, 4 or 5) printed on the option: the minimum for that star level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub star: Option<u8>,
}

/// One alternative case of a criterion ("a. Trường hợp 1: …").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseSource {
    /// Label as printed.
    pub label: String,
    /// Points of the criterion under this case, when it differs from the criterion's maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "optional_decimal")]
    #[schemars(with = "Option<DecimalString>")]
    pub max: Option<Decimal>,
    /// Options of the case, in printed order.
    pub options: Vec<OptionSource>,
}

/// A condition for scoring a criterion: another criterion's answer is not one of `unless`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicabilitySource {
    /// The criterion the condition looks at.
    pub criterion: String,
    /// Option numbers of that criterion under which this one does not apply.
    pub unless: Vec<u32>,
    /// The note as printed.
    pub printed: String,
}

/// A stop rule: a zero on any listed criterion ends the evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StopRuleSource {
    /// The criteria it covers, by code.
    pub criteria: Vec<String>,
    /// The note as printed.
    pub printed: String,
}

/// A recorded departure from the printed source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErratumSource {
    /// The part concerned, when the erratum is about a part heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The group concerned, by code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The criterion concerned, by code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The option concerned, by its number in printed order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u32>,
    /// What the source prints.
    pub printed: String,
    /// What the data encodes instead.
    pub encoded: String,
    /// Why.
    pub reason: String,
    /// A defect of the source this erratum keeps as printed (a problem kind such as
    /// `sum_mismatch` or `unreadable_points`): validation reports it at this place as a warning
    /// instead of an error, so the data scores while the defect stays visible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_defect: Option<String>,
}

/// Serde adapter for optional points (decimal strings of at most [`decimal::MAX_POINTS`]).
mod optional_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => crate::decimal::string::serialize(value, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "crate::decimal::points")] Decimal);
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(value)| value))
    }
}

/// What the result of one level's council leads to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelRecognitionSource {
    /// `district`, `province` or `central`.
    pub level: String,
    /// Who decides at this level, as the decision names it (`UBND tỉnh`).
    pub authority: String,
    /// One rule per group of star levels; together they cover every star level exactly once.
    pub rules: Vec<RecognitionRuleSource>,
}

/// What a council result of some star levels leads to at one level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecognitionRuleSource {
    /// The final stars (band and gates) this rule covers.
    pub stars: Vec<u8>,
    /// `certify`, `refer_to_province`, `refer_to_central`, `return_to_district`,
    /// `return_to_province` or `no_certificate`.
    pub outcome: String,
    /// The article, e.g. `QĐ 26/2026/QĐ-TTg Điều 7 khoản 3 điểm e`.
    pub source: String,
    /// The article's words.
    pub printed: String,
}

/// A certificate's validity and re-rating window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificateRulesSource {
    /// Months a certificate is valid from its decision.
    pub validity_months: u16,
    /// The article.
    pub source: String,
    /// The article's words.
    pub printed: String,
    /// When re-rating must be filed, if the instrument says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub re_rating_window: Option<WindowRuleSource>,
}

/// The re-rating filing window, in days before the certificate's expiry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WindowRuleSource {
    /// Filing opens this many days before expiry ("không sớm hơn").
    pub opens_days_before: u16,
    /// Filing closes this many days before expiry ("không muộn hơn").
    pub closes_days_before: u16,
    /// The article.
    pub source: String,
    /// The article's words.
    pub printed: String,
}

/// How files submitted before this instrument took effect finish under the rules it replaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionSource {
    /// Only files submitted before this day (ISO 8601) may continue under the old rules.
    pub submitted_before: String,
    /// How long each kind of evaluation may continue under the old rules.
    pub limits: Vec<TransitionLimitSource>,
    /// The validity extension of certificates whose re-rating could not be filed in time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_extension: Option<ExtensionSource>,
}

/// How long some kinds of evaluation may continue under the old rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionLimitSource {
    /// `first`, `upgrade`, `rerating`.
    pub evaluations: Vec<String>,
    /// Days from the instrument's effective date, counted from the day after it.
    pub days: u16,
    /// The article.
    pub source: String,
    /// The article's words.
    pub printed: String,
}

/// A certificate's validity extended past its expiry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtensionSource {
    /// At most this many days past expiry.
    pub days_after_expiry: u16,
    /// The article.
    pub source: String,
    /// The article's words.
    pub printed: String,
}

/// One evaluation round a level must hold every year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundSource {
    /// `province` or `central`.
    pub level: String,
    /// The round's number as the decision gives it ("Đợt 01").
    pub round: u8,
    /// The round is held before this day of the year (`MM-DD`).
    pub held_before: String,
    /// For files proposed before this day of the year (`MM-DD`).
    pub proposed_before: String,
    /// The article.
    pub source: String,
    /// The article's words.
    pub printed: String,
}
