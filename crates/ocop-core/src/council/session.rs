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

use std::collections::HashSet;

use super::rules::{Role, RuleOverrides};
use crate::json::{Document, JsonPath, Value};
use crate::rubric::Level;
use crate::sheet::{
    Fields, InputProblem, InputProblemKind, Product, RawAnswer, RawKnockout, Reader, RubricChoice,
    read_answers, read_knockouts, read_product, read_rubric_choice,
};

/// One member of the council and their sheet, if they scored.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberSheet {
    /// The member's identifier, unique in the session.
    pub id: String,
    /// Their name.
    pub name: Option<String>,
    /// Their role.
    pub role: Role,
    /// Their answers; `None` when they did not score.
    pub answers: Option<Vec<RawAnswer>>,
    /// The knock-outs they assert.
    pub knockouts: Vec<RawKnockout>,
}

/// A council session as written: its shape is valid, its sheets are not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Which rubric scores it.
    pub rubric: RubricChoice,
    /// The product set's number.
    pub product_set: u8,
    /// The product.
    pub product: Option<Product>,
    /// The council's level.
    pub level: Level,
    /// Rules the session overrides.
    pub rules: RuleOverrides,
    /// The members, in the order given.
    pub members: Vec<MemberSheet>,
    /// The producer's self-assessment (Mẫu 02) answers, if given.
    pub self_assessment: Option<Vec<RawAnswer>>,
}

const SESSION_FIELDS: [&str; 7] = [
    "rubric",
    "evaluated_on",
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

impl Session {
    /// Reads a session from JSON text: the session, if enough could be read to check its
    /// sheets, and every problem found in its shape.
    pub fn parse_lenient(text: &str) -> (Option<Session>, Vec<InputProblem>) {
        let document = match Document::parse(text) {
            Ok(document) => document,
            Err(error) => return (None, vec![InputProblem::syntax(error)]),
        };
        let mut reader = Reader::new(&document);
        let session = read_session(&mut reader, document.root());
        (session, reader.problems)
    }
}

fn read_session<'d, 'a>(reader: &mut Reader<'d, 'a>, value: &'d Value<'a>) -> Option<Session> {
    let required = ["product_set", "council", "members"];
    let fields = reader.object(
        value,
        JsonPath::root(),
        "session",
        &SESSION_FIELDS,
        &required,
    )?;
    let rubric = read_rubric_choice(reader, &fields);
    let product_set = reader.integer::<u8>(&fields, "product_set");
    let product = read_product(reader, &fields);
    let council = read_council(reader, &fields);
    let members = read_members(reader, &fields);
    let self_assessment = fields.get("self_assessment").and_then(|value| {
        let path = fields.path.key("self_assessment");
        let inner = reader.object(value, path, "self_assessment", &["answers"], &["answers"])?;
        Some(read_answers(reader, &inner))
    });
    let (level, rules) = council?;
    Some(Session {
        rubric: rubric?,
        product_set: product_set?,
        product,
        level,
        rules,
        members: members?,
        self_assessment,
    })
}

fn read_council<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> Option<(Level, RuleOverrides)> {
    let value = fields.get("council")?;
    let council = reader.object(
        value,
        fields.path.key("council"),
        "council",
        &["level", "rules"],
        &["level"],
    )?;
    let level_text = reader.string(&council, "level")?;
    let level = Level::parse(&level_text);
    if level.is_none() {
        let detail = format!("\"{level_text}\" is not one of district, province, central");
        reader.problem_at(
            council.path.key("level"),
            InputProblemKind::InvalidValue {
                field: "level".to_owned(),
                detail,
            },
        );
    }
    let rules = match council.get("rules") {
        Some(rules) => read_overrides(reader, rules, council.path.key("rules"))?,
        None => RuleOverrides::default(),
    };
    Some((level?, rules))
}

/// Reads a rules file: the same overrides a session may carry in `council.rules`, with every
/// problem at its field.
pub fn parse_overrides(text: &str) -> Result<RuleOverrides, Vec<InputProblem>> {
    let document = Document::parse(text).map_err(|error| vec![InputProblem::syntax(error)])?;
    let mut reader = Reader::new(&document);
    match read_overrides(&mut reader, document.root(), JsonPath::root()) {
        Some(overrides) if reader.problems.is_empty() => Ok(overrides),
        _ => Err(reader.problems),
    }
}

/// Reads rule overrides field by field, so that every wrong field is reported at its path.
fn read_overrides<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    value: &'d Value<'a>,
    path: JsonPath,
) -> Option<RuleOverrides> {
    let problems_before = reader.problems.len();
    let fields = reader.object(value, path, "rules", &RULE_FIELDS, &[])?;
    let overrides = RuleOverrides {
        scoring_roles: reader.deserialize(&fields, "scoring_roles"),
        quorum: reader.deserialize(&fields, "quorum"),
        max_spread: reader.deserialize(&fields, "max_spread"),
        rounding: reader.deserialize(&fields, "rounding"),
        gates: reader.deserialize(&fields, "gates"),
        knockouts: reader.deserialize(&fields, "knockouts"),
    };
    // A field that is present but unreadable is a problem, never an absent override.
    (reader.problems.len() == problems_before).then_some(overrides)
}

fn read_members<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> Option<Vec<MemberSheet>> {
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
    let mut ids = HashSet::new();
    let mut members = Vec::new();
    let mut complete = true;
    for (index, element) in array.elements.iter().enumerate() {
        let at = path.index(index);
        let Some(member) = reader.object(
            element,
            at.clone(),
            "member",
            &MEMBER_FIELDS,
            &["id", "role"],
        ) else {
            complete = false;
            continue;
        };
        let id = reader.string(&member, "id");
        let role_text = reader.string(&member, "role");
        let role = role_text.as_deref().and_then(Role::parse);
        if let (Some(text), None) = (&role_text, role) {
            let detail =
                format!("\"{text}\" is not one of chair, vice_chair, member, secretary, advisor");
            reader.problem_at(
                at.key("role"),
                InputProblemKind::InvalidValue {
                    field: "role".to_owned(),
                    detail,
                },
            );
        }
        if let Some(id) = id.as_ref().filter(|id| !ids.insert((*id).clone())) {
            let detail = format!("member \"{id}\" appears twice");
            reader.problem_at(
                at.key("id"),
                InputProblemKind::InvalidValue {
                    field: "id".to_owned(),
                    detail,
                },
            );
        }
        let answers = member.get("answers").map(|_| read_answers(reader, &member));
        let knockouts = read_knockouts(reader, &member);
        match (id, role) {
            (Some(id), Some(role)) => members.push(MemberSheet {
                id,
                name: reader.string(&member, "name"),
                role,
                answers,
                knockouts,
            }),
            _ => complete = false,
        }
    }
    complete.then_some(members)
}
