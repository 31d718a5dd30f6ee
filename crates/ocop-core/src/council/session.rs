//! A council session as written: the input contract of `ocop council`.
//!
//! ```json
//! { "rubric": "qd26-2026", "product_set": 10, "product": {"name": "…", "code": "…"},
//!   "council": {"level": "province", "rules": {"max_spread": "10"}},
//!   "members": [
//!     {"id": "m1", "name": "…", "role": "chair", "answers": {"1.1": 3}, "knockouts": []},
//!     {"id": "m2", "name": "…", "role": "secretary"}],
//!   "self_assessment": {"answers": {"1.1": 3}} }
//! ```
//!
//! Each member's `answers` and `knockouts` follow the member-sheet contract exactly; a member
//! without `answers` did not score.
//!
//! A session is read into a [`Draft`], in which a field that could not be read is a hole, so
//! that the answers of every member are still checked and every problem of the session is
//! reported in one run. A draft without holes is a [`Session`].

use std::borrow::Cow;

use schemars::JsonSchema;

use super::rules::{Role, RuleOverrides};
use crate::json::{Document, JsonPath, Object, Value};
use crate::rubric::Level;
use crate::sheet::typed::{self, AnswersDocument, GaveUp, ProductDocument, Text, present};
use crate::sheet::{
    Fields, InputProblem, InputProblemKind, InputProblems, Product, RawAnswers, RawKnockout,
    Reader, RubricChoice, read_answers, read_knockouts, read_product, read_rubric_choice,
};

/// One member of the council and their sheet, if they scored.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberSheet<'a> {
    /// The member's identifier, unique in the session.
    pub id: Cow<'a, str>,
    /// Their name.
    pub name: Option<Cow<'a, str>>,
    /// Their role.
    pub role: Role,
    /// Their answers; `None` when they did not score.
    pub answers: Option<RawAnswers<'a>>,
    /// The knock-outs they assert.
    pub knockouts: Vec<RawKnockout<'a>>,
}

/// A council session as written: its shape is valid, its sheets are not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Session<'a> {
    /// Which rubric scores it.
    pub rubric: RubricChoice<'a>,
    /// The product set's number.
    pub product_set: u8,
    /// The product.
    pub product: Option<Product>,
    /// The council's level.
    pub level: Level,
    /// Rules the session overrides.
    pub rules: RuleOverrides,
    /// The members, in the order given.
    pub members: Vec<MemberSheet<'a>>,
    /// The producer's self-assessment (Mẫu 02) answers, if given.
    pub self_assessment: Option<RawAnswers<'a>>,
}

/// A session as far as it could be read: `None` where a field could not be (its problem is
/// reported), so that what was read can still be checked.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft<'a> {
    pub(crate) rubric: Option<RubricChoice<'a>>,
    pub(crate) product_set: Option<u8>,
    pub(crate) product: Option<Product>,
    pub(crate) level: Option<Level>,
    pub(crate) rules: Option<RuleOverrides>,
    /// `None` when `members` is not a list.
    pub(crate) members: Option<Vec<MemberDraft<'a>>>,
    pub(crate) self_assessment: Option<RawAnswers<'a>>,
}

/// A member as far as it could be read.
#[derive(Debug, Clone, Default)]
pub(crate) struct MemberDraft<'a> {
    pub(crate) id: Option<Cow<'a, str>>,
    pub(crate) name: Option<Cow<'a, str>>,
    pub(crate) role: Option<Role>,
    pub(crate) answers: Option<RawAnswers<'a>>,
    pub(crate) knockouts: Vec<RawKnockout<'a>>,
    /// Where the member is.
    pub(crate) path: JsonPath,
    /// Where its `id` is.
    pub(crate) id_offset: Option<usize>,
}

impl<'a> Draft<'a> {
    /// The session, when every field could be read.
    pub(crate) fn into_session(self) -> Option<Session<'a>> {
        let members = self
            .members?
            .into_iter()
            .map(|member| {
                Some(MemberSheet {
                    id: member.id?,
                    name: member.name,
                    role: member.role?,
                    answers: member.answers,
                    knockouts: member.knockouts,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Session {
            rubric: self.rubric?,
            product_set: self.product_set?,
            product: self.product,
            level: self.level?,
            rules: self.rules?,
            members,
            self_assessment: self.self_assessment,
        })
    }
}

const SESSION_FIELDS: [&str; 10] = [
    "rubric",
    "evaluated_on",
    "evaluation",
    "submitted_on",
    "previous_certificate",
    "product_set",
    "product",
    "council",
    "members",
    "self_assessment",
];
const MEMBER_FIELDS: [&str; 5] = ["id", "name", "role", "answers", "knockouts"];
const RULE_FIELDS: [&str; 6] = [
    "scoring_roles",
    "quorum",
    "max_spread",
    "rounding",
    "gates",
    "knockouts",
];

/// Reads a session with the typed reader, or gives up.
pub(crate) fn typed_draft(text: &str) -> Result<Draft<'_>, GaveUp> {
    let Object(document): Object<SessionDocument<'_>> =
        serde_json::from_str(text).map_err(|_| GaveUp)?;
    let council = document.council.0;
    let rules = council.rules.map(|rules| rules.0).unwrap_or_default();
    if !rules.problems().is_empty() {
        return Err(GaveUp);
    }
    let members = document
        .members
        .into_iter()
        .map(|Object(member)| MemberDraft {
            id: Some(member.id.0),
            name: member.name.map(|name| name.0),
            role: Some(member.role),
            answers: member.answers.map(AnswersDocument::into_raw),
            knockouts: typed::knockouts(member.knockouts),
            ..MemberDraft::default()
        })
        .collect();
    Ok(Draft {
        rubric: Some(typed::rubric_choice(
            document.rubric,
            document.evaluated_on,
            document.evaluation,
            document.submitted_on,
            document.previous_certificate,
        )?),
        product_set: Some(document.product_set),
        product: document.product.map(|product| product.0.into_product()),
        level: Some(council.level),
        rules: Some(rules),
        members: Some(members),
        self_assessment: document
            .self_assessment
            .map(|self_assessment| self_assessment.0.answers.into_raw()),
    })
}

/// A council session: the input of `ocop council` and of each line of `ocop rank`.
#[derive(serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SessionDocument<'a> {
    /// As in a member's sheet.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String")]
    rubric: Option<Text<'a>>,
    /// As in a member's sheet.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    evaluated_on: Option<Text<'a>>,
    /// As in a member's sheet.
    #[serde(default, deserialize_with = "present")]
    evaluation: Option<crate::rubric::procedure::Evaluation>,
    /// As in a member's sheet.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    submitted_on: Option<Text<'a>>,
    /// As in a member's sheet.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "typed::PreviousCertificateDocument<'_>")]
    previous_certificate: Option<Object<typed::PreviousCertificateDocument<'a>>>,
    /// As in a member's sheet.
    #[schemars(range(min = 1, max = 26))]
    product_set: u8,
    /// The product.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "ProductDocument<'_>")]
    product: Option<Object<ProductDocument<'a>>>,
    /// The council.
    council: Object<CouncilDocument>,
    /// The members, each with their sheet if they scored.
    #[serde(borrow)]
    members: Vec<Object<MemberDocument<'a>>>,
    /// The producer's self-assessment (Mẫu 02).
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "SelfAssessmentDocument<'_>")]
    self_assessment: Option<Object<SelfAssessmentDocument<'a>>>,
}

/// The council of a session.
#[derive(serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct CouncilDocument {
    /// `district` (1048 and 148 only), `province` or `central`.
    level: Level,
    /// Rules overriding the rubric's defaults.
    #[serde(default, deserialize_with = "present")]
    #[schemars(with = "RuleOverrides")]
    rules: Option<Object<RuleOverrides>>,
}

/// A council member.
#[derive(serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct MemberDocument<'a> {
    /// Unique in the session.
    #[serde(borrow)]
    id: Text<'a>,
    /// Their name.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String")]
    name: Option<Text<'a>>,
    /// Their role.
    role: Role,
    /// Their answers, as in a member's sheet; absent when they did not score.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "AnswersDocument<'_>")]
    answers: Option<AnswersDocument<'a>>,
    /// Knock-outs they assert, as in a member's sheet.
    #[serde(default, borrow)]
    knockouts: Vec<Text<'a>>,
}

/// The producer's self-assessment.
#[derive(serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct SelfAssessmentDocument<'a> {
    /// Answers, as in a member's sheet.
    #[serde(borrow)]
    answers: AnswersDocument<'a>,
}

/// Reads a session with the positional reader: the draft (`None` when the text is not a JSON
/// object) and every problem of its shape, positions not yet computed.
pub(crate) fn positional_draft(text: &str) -> (Option<Draft<'_>>, InputProblems) {
    let document = match Document::parse(text) {
        Ok(document) => document,
        Err(error) => return (None, InputProblem::syntax(error).into()),
    };
    let mut reader = Reader::new(&document);
    let draft = read_session(&mut reader, document.root());
    (draft, reader.problems)
}

fn read_session<'d, 'a>(reader: &mut Reader<'d, 'a>, value: &'d Value<'a>) -> Option<Draft<'a>> {
    let required = ["product_set", "council", "members"];
    let fields = reader.object(
        value,
        JsonPath::root(),
        "session",
        &SESSION_FIELDS,
        &required,
    )?;
    let (level, rules) = read_council(reader, &fields);
    Some(Draft {
        rubric: read_rubric_choice(reader, &fields),
        product_set: reader.integer::<u8>(&fields, "product_set"),
        product: read_product(reader, &fields),
        level,
        rules,
        members: read_members(reader, &fields),
        self_assessment: fields.get("self_assessment").and_then(|value| {
            let path = fields.path.key("self_assessment");
            let inner =
                reader.object(value, path, "self_assessment", &["answers"], &["answers"])?;
            Some(read_answers(reader, &inner))
        }),
    })
}

/// Reads `council`: its level and its rules, each `None` when it cannot be read (and reported).
fn read_council<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> (Option<Level>, Option<RuleOverrides>) {
    let Some(value) = fields.get("council") else {
        return (None, None);
    };
    let Some(council) = reader.object(
        value,
        fields.path.key("council"),
        "council",
        &["level", "rules"],
        &["level"],
    ) else {
        return (None, None);
    };
    let level = reader.string(&council, "level").and_then(|text| {
        let level = Level::parse(&text);
        if level.is_none() {
            let detail = format!("\"{text}\" is not one of district, province, central");
            let kind = InputProblemKind::InvalidValue {
                field: "level".to_owned(),
                detail,
            };
            reader.problem_at_field(&council, "level", kind);
        }
        level
    });
    let rules = match council.get("rules") {
        Some(rules) => read_overrides(reader, rules, council.path.key("rules")),
        None => Some(RuleOverrides::default()),
    };
    (level, rules)
}

/// Reads a rules file: the same overrides a session may carry in `council.rules`, with every
/// problem at its field.
pub fn parse_overrides(text: &str) -> Result<RuleOverrides, InputProblems> {
    if let Ok(Object(overrides)) = serde_json::from_str::<Object<RuleOverrides>>(text)
        && overrides.problems().is_empty()
    {
        return Ok(overrides);
    }
    let document = Document::parse(text).map_err(InputProblem::syntax)?;
    let mut reader = Reader::new(&document);
    let overrides = read_overrides(&mut reader, document.root(), JsonPath::root());
    let mut problems = reader.problems;
    match overrides {
        Some(overrides) if problems.is_empty() => Ok(overrides),
        _ => {
            problems.locate(text);
            Err(problems)
        }
    }
}

/// Reads rule overrides field by field, so that every wrong field is reported at its path, and
/// every value out of its range too.
fn read_overrides<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    value: &'d Value<'a>,
    path: JsonPath,
) -> Option<RuleOverrides> {
    let problems_before = reader.problems.total();
    let fields = reader.object(value, path, "rules", &RULE_FIELDS, &[])?;
    let overrides = RuleOverrides {
        scoring_roles: reader.deserialize(&fields, "scoring_roles"),
        quorum: reader
            .deserialize::<Object<_>>(&fields, "quorum")
            .map(|quorum| quorum.0),
        max_spread: reader.deserialize(&fields, "max_spread"),
        rounding: reader
            .deserialize::<Option<Object<_>>>(&fields, "rounding")
            .map(|rounding| rounding.map(|rounding| rounding.0)),
        gates: reader.deserialize(&fields, "gates"),
        knockouts: reader.deserialize(&fields, "knockouts"),
    };
    for (field, detail) in overrides.problems() {
        let kind = InputProblemKind::InvalidValue {
            field: field.to_owned(),
            detail,
        };
        reader.problem_at_field(&fields, field, kind);
    }
    // A field that is present but unreadable is a problem, never an absent override.
    (reader.problems.total() == problems_before).then_some(overrides)
}

/// Reads `members`: `None` when it is not a list; each member as far as it can be read, its
/// problems naming it.
fn read_members<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> Option<Vec<MemberDraft<'a>>> {
    let value = fields.get("members")?;
    let path = fields.path.key("members");
    let Value::Array(array) = value else {
        let kind = InputProblemKind::WrongType {
            field: "members".to_owned(),
            expected: "a list of members".to_owned(),
            found: crate::json::type_name(value).to_owned(),
        };
        reader.problem(path, value, kind);
        return None;
    };
    let mut members = Vec::with_capacity(array.elements.len());
    for (index, element) in array.elements.iter().enumerate() {
        let at = path.index(index);
        let problems_before = reader.problems.listed().len();
        let mut member = MemberDraft {
            path: at.clone(),
            ..MemberDraft::default()
        };
        if let Some(fields) = reader.object(element, at, "member", &MEMBER_FIELDS, &["id", "role"])
        {
            member.id = reader.string(&fields, "id");
            member.id_offset = fields.get("id").map(|id| reader.offset_of(id));
            member.name = reader.string(&fields, "name");
            member.role = reader.string(&fields, "role").and_then(|text| {
                let role = Role::parse(&text);
                if role.is_none() {
                    let detail = format!(
                        "\"{text}\" is not one of chair, vice_chair, member, secretary, advisor"
                    );
                    let kind = InputProblemKind::InvalidValue {
                        field: "role".to_owned(),
                        detail,
                    };
                    reader.problem_at_field(&fields, "role", kind);
                }
                role
            });
            member.answers = fields.get("answers").map(|_| read_answers(reader, &fields));
            member.knockouts = read_knockouts(reader, &fields);
        }
        reader
            .problems
            .name_member_from(problems_before, member.id.as_deref());
        members.push(member);
    }
    Some(members)
}
