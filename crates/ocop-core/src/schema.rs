//! JSON Schemas of the file formats and documents, generated from the types that read and
//! write them. Committed copies live in `schemas/`; a test fails when they are stale.
//!
//! Sheets and sessions are read field by field (to report every problem with its place), not
//! through serde, so their schemas come from the description types below, kept beside the
//! contract they describe.

use std::collections::BTreeMap;

use schemars::{JsonSchema, schema_for};

use crate::advise::Advice;
use crate::council::{CouncilDefaults, CouncilResult, RuleOverrides};
use crate::output::json_document;
use crate::rubric::source::{InstrumentSource, ProductSetSource};
use crate::score::Scorecard;

/// A schema with the name of its committed file.
pub struct NamedSchema {
    /// The name `ocop schema` takes.
    pub name: &'static str,
    /// File name under `schemas/`.
    pub file: &'static str,
    /// The schema, pretty-printed, ending with a newline.
    pub text: String,
}

fn named<T: JsonSchema>(name: &'static str, file: &'static str) -> NamedSchema {
    let text = json_document(&schema_for!(T));
    NamedSchema { name, file, text }
}

/// Every schema the project publishes.
pub fn all() -> Vec<NamedSchema> {
    vec![
        named::<InstrumentSource>("rubric", "rubric-instrument.schema.json"),
        named::<ProductSetSource>("rubric-set", "rubric-set.schema.json"),
        named::<CouncilDefaults>("council-defaults", "council-defaults.schema.json"),
        named::<SheetDocument>("sheet", "sheet.schema.json"),
        named::<Scorecard>("result", "result.schema.json"),
        named::<SessionDocument>("session", "session.schema.json"),
        named::<CouncilResult>("council-result", "council-result.schema.json"),
        named::<RuleOverrides>("council-rules", "council-rules.schema.json"),
        named::<Advice>("advice", "advice.schema.json"),
    ]
}

/// The schema called `name`.
pub fn by_name(name: &str) -> Option<NamedSchema> {
    all().into_iter().find(|schema| schema.name == name)
}

/// A council member's sheet: the input of `ocop score`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct SheetDocument {
    /// The rubric, e.g. `qd26-2026` (`qd26-2026@1` for a revision). Give it, `evaluated_on`,
    /// or both (then the rubric must have been in force that day).
    rubric: Option<String>,
    /// The evaluation date (`YYYY-MM-DD`): picks the rubric in force that day.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    evaluated_on: Option<String>,
    /// The product set's number in the decision (1–26).
    #[schemars(range(min = 1, max = 26))]
    product_set: u8,
    /// The product.
    product: Option<ProductDocument>,
    /// Who filled the sheet in.
    evaluator: Option<String>,
    /// Criterion code as printed → the answer.
    answers: BTreeMap<String, AnswerDocument>,
    /// Codes of criteria whose knock-out note applies, or `dossier` for "Hồ sơ bị loại khi".
    knockouts: Option<Vec<String>>,
}

/// The product scored.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct ProductDocument {
    /// Its name.
    name: String,
    /// The province's or producer's code.
    code: Option<String>,
}

/// One answer.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum AnswerDocument {
    /// The 1-based number of the ticked □ in printed order (straight through both cases).
    Option(#[schemars(range(min = 1))] u32),
    /// Met or not, for criteria printed without options.
    YesNo(bool),
    /// The ticked option numbers of an additive criterion.
    Options(Vec<u32>),
    /// Not answered yet.
    NotYet(()),
}

/// A council session: the input of `ocop council` and of each line of `ocop rank`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct SessionDocument {
    /// As in a member's sheet.
    rubric: Option<String>,
    /// As in a member's sheet.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    evaluated_on: Option<String>,
    /// As in a member's sheet.
    #[schemars(range(min = 1, max = 26))]
    product_set: u8,
    /// The product.
    product: Option<ProductDocument>,
    /// The council.
    council: CouncilDocument,
    /// The members, each with their sheet if they scored.
    members: Vec<MemberDocument>,
    /// The producer's self-assessment (Mẫu 02).
    self_assessment: Option<SelfAssessmentDocument>,
}

/// The council of a session.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct CouncilDocument {
    /// `district` (1048 and 148 only), `province` or `central`.
    level: crate::rubric::Level,
    /// Rules overriding the rubric's defaults.
    rules: Option<RuleOverrides>,
}

/// A council member.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct MemberDocument {
    /// Unique in the session.
    id: String,
    /// Their name.
    name: Option<String>,
    /// Their role.
    role: crate::council::Role,
    /// Their answers, as in a member's sheet; absent when they did not score.
    answers: Option<BTreeMap<String, AnswerDocument>>,
    /// Knock-outs they assert, as in a member's sheet.
    knockouts: Option<Vec<String>>,
}

/// The producer's self-assessment.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct SelfAssessmentDocument {
    /// Answers, as in a member's sheet.
    answers: BTreeMap<String, AnswerDocument>,
}
