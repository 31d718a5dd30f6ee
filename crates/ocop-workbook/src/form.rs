//! What a council workbook holds, before it is written: the rubric data, the cover's facts, the
//! members and whatever answers they have given.

use jiff::civil::Date;
use ocop_core::council::{self, Role, SessionOptions};
use ocop_core::json::JsonPath;
use ocop_core::rubric::{Catalog, Level, LoadedSet, RubricError};
use ocop_core::sheet::{Completeness, InputProblem, InputProblemKind, InputProblems, Product};
use serde_json::{Map, Value};

/// A council's paperwork, ready to be written as a workbook.
#[derive(Debug, Clone)]
pub struct Form<'c> {
    /// The product set and its instrument, in the exact revision the workbook is made for.
    pub loaded: LoadedSet<'c>,
    /// The product, when known.
    pub product: Option<Product>,
    /// The council's level, when known.
    pub level: Option<Level>,
    /// The evaluation date, when known.
    pub evaluated_on: Option<Date>,
    /// The kind of evaluation (`first`, `upgrade`, `rerating`), when given.
    pub evaluation: Option<String>,
    /// Every member, in session order.
    pub members: Vec<FormMember>,
    /// The roles that score: each member with one of them gets a tab.
    pub scoring_roles: Vec<Role>,
    /// The producer's self-assessment answers (criterion code → answer as in JSON).
    pub self_assessment: Map<String, Value>,
    /// Fields of the session the workbook does not show (the council's own rules, say), kept in
    /// its hidden record and given back unchanged when it is read.
    pub carried: Map<String, Value>,
}

/// One member of the council.
#[derive(Debug, Clone)]
pub struct FormMember {
    /// The member's id, unique in the session.
    pub id: String,
    /// Their name, when known.
    pub name: Option<String>,
    /// Their role.
    pub role: Role,
    /// Their answers so far (criterion code → answer as in JSON).
    pub answers: Map<String, Value>,
    /// The knock-outs they assert (criterion codes or `dossier`).
    pub knockouts: Vec<String>,
}

/// Session fields the workbook shows on its cover and tabs.
const SHOWN: [&str; 7] = [
    "rubric",
    "evaluated_on",
    "product_set",
    "product",
    "members",
    "self_assessment",
    "evaluation",
];

impl<'c> Form<'c> {
    /// The form of a council session given as JSON text. The session is checked by the engine
    /// first (unfinished sheets allowed), so a workbook is never made from an invalid one.
    pub fn from_session(catalog: &'c Catalog, text: &str) -> Result<Form<'c>, InputProblems> {
        let options = SessionOptions {
            completeness: Completeness::Partial,
            rules_file: None,
        };
        let result = council::score_session(catalog, text, options)?;
        // The engine has read this text as a valid session: its raw values have the contract's
        // shape, and only answers, knock-outs and fields it does not model are taken from them.
        let raw: Value = serde_json::from_str(text).unwrap_or_default();
        let key = format!("{}@{}", result.rubric, result.rubric_revision);
        let loaded = catalog
            .product_set(&key, result.product_set)
            .map_err(|error| InputProblems::one(rubric_problem(&error)))?;
        let raw_members = raw
            .get("members")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let members = result
            .members
            .iter()
            .zip(raw_members.iter().chain(std::iter::repeat(&Value::Null)))
            .map(|(member, raw)| FormMember {
                id: member.id.clone(),
                name: member.name.clone(),
                role: member.role,
                answers: object(raw.get("answers")),
                knockouts: raw
                    .get("knockouts")
                    .and_then(Value::as_array)
                    .map(|codes| {
                        codes
                            .iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
        let mut carried = raw.as_object().cloned().unwrap_or_default();
        carried.retain(|field, _| !SHOWN.contains(&field.as_str()));
        // The level is shown on the cover; the council's own rules travel hidden.
        if let Some(council) = carried.get_mut("council").and_then(Value::as_object_mut) {
            council.remove("level");
            if council.is_empty() {
                carried.remove("council");
            }
        }
        Ok(Form {
            loaded,
            product: result.product.clone(),
            level: Some(result.level),
            evaluated_on: result
                .evaluated_on
                .as_deref()
                .and_then(|date| date.parse().ok()),
            evaluation: raw
                .get("evaluation")
                .and_then(Value::as_str)
                .map(str::to_owned),
            members,
            scoring_roles: result.rules.scoring_roles.value.clone(),
            self_assessment: object(raw.get("self_assessment").and_then(|s| s.get("answers"))),
            carried,
        })
    }

    /// A blank form for a council of `members` scoring members: `m1` chairs, `m2`… are members.
    pub fn blank(
        catalog: &'c Catalog,
        rubric: &str,
        product_set: u8,
        members: usize,
    ) -> Result<Form<'c>, RubricError> {
        let loaded = catalog.product_set(rubric, product_set)?;
        let scoring_roles = catalog
            .council_defaults(loaded.instrument)
            .map(|defaults| defaults.scoring_roles.clone())
            .unwrap_or_else(|_| vec![Role::Chair, Role::ViceChair, Role::Member]);
        let members = (1..=members)
            .map(|n| FormMember {
                id: format!("m{n}"),
                name: None,
                role: if n == 1 { Role::Chair } else { Role::Member },
                answers: Map::new(),
                knockouts: Vec::new(),
            })
            .collect();
        Ok(Form {
            loaded,
            product: None,
            level: None,
            evaluated_on: None,
            evaluation: None,
            members,
            scoring_roles,
            self_assessment: Map::new(),
            carried: Map::new(),
        })
    }

    /// Whether a member gets a tab of their own: every member whose role scores, and any other
    /// who handed in a sheet all the same (the engine leaves it out of the mean, but the
    /// workbook keeps it).
    pub(crate) fn has_tab(&self, member: &FormMember) -> bool {
        self.scoring_roles.contains(&member.role)
            || !member.answers.is_empty()
            || !member.knockouts.is_empty()
    }
}

fn object(value: Option<&Value>) -> Map<String, Value> {
    value
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

fn rubric_problem(error: &RubricError) -> InputProblem {
    InputProblem::at_path(
        JsonPath::root().key("rubric"),
        InputProblemKind::RubricUnusable {
            detail: error.to_string(),
        },
    )
}
