//! A council member's sheet: the input contract, read and checked against the rubric.
//!
//! ```json
//! { "rubric": "qd26-2026", "product_set": 10,
//!   "product": {"name": "Tỏi đen Lý Sơn", "code": "QN-01"}, "evaluator": "…",
//!   "answers": {"1.1": 3, "2.4": true, "6.1.1": 2},
//!   "knockouts": ["1.1", "dossier"] }
//! ```
//!
//! Reading happens in two steps, each reporting every problem it finds: [`Sheet::parse`] checks
//! the document's shape, then [`Answers::check`] checks every answer against the product set.

mod answers;
mod problem;
mod read;

use jiff::civil::Date;
use serde::Serialize;

pub use answers::{Answer, Answers, Completeness, DOSSIER, Knockout};
pub(crate) use answers::{applies_under, points_of, unknown_code};
pub use problem::{AnswerShape, InputProblem, InputProblemKind};
pub(crate) use read::{Fields, Reader};

use crate::json::{Document, JsonPath, Value};
use crate::rubric::{Catalog, Instrument, LoadedSet, RubricError};

/// A member's sheet read and checked against its rubric.
#[derive(Debug, Clone)]
pub struct CheckedSheet {
    /// The product set and its instrument.
    pub loaded: LoadedSet,
    /// The checked answers.
    pub answers: Answers,
    /// The product, as given.
    pub product: Option<Product>,
    /// The evaluator, as given.
    pub evaluator: Option<String>,
    /// The evaluation date, as given.
    pub evaluated_on: Option<Date>,
}

impl CheckedSheet {
    /// Reads a sheet from JSON text and checks it. Problems in its shape do not stop its answers
    /// from being checked: every problem is reported, each with its place.
    pub fn read(
        catalog: &Catalog,
        text: &str,
        completeness: Completeness,
    ) -> Result<CheckedSheet, Vec<InputProblem>> {
        let (sheet, (loaded, answers)) =
            read_and_check(text, Sheet::parse_lenient(text), |sheet| {
                let loaded = sheet.resolve(catalog)?;
                let answers =
                    Answers::check(&loaded.set, &sheet.answers, &sheet.knockouts, completeness)?;
                Ok((loaded, answers))
            })?;
        Ok(CheckedSheet {
            loaded,
            answers,
            product: sheet.product,
            evaluator: sheet.evaluator,
            evaluated_on: sheet.rubric.evaluated_on,
        })
    }
}

/// A document read leniently, then checked: the document and what checking it gave when neither
/// step found a problem; otherwise every problem of both, each with its place in `text`.
pub(crate) fn read_and_check<T, C>(
    text: &str,
    (read, mut problems): (Option<T>, Vec<InputProblem>),
    check: impl FnOnce(&T) -> Result<C, Vec<InputProblem>>,
) -> Result<(T, C), Vec<InputProblem>> {
    let Some(read) = read else {
        return Err(problems);
    };
    match check(&read) {
        Ok(checked) if problems.is_empty() => Ok((read, checked)),
        // Problems of the shape carry their places already.
        Ok(_) => Err(problems),
        Err(found) => {
            problems.extend(found);
            Err(locate(problems, text))
        }
    }
}

/// Fills in line and column for problems found after parsing.
pub(crate) fn locate(mut problems: Vec<InputProblem>, text: &str) -> Vec<InputProblem> {
    if let Ok(document) = Document::parse(text) {
        for problem in &mut problems {
            if problem.position.is_none() {
                problem.position = document.locate(&problem.path);
            }
        }
    }
    problems
}

/// The product being scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Product {
    /// Name of the product.
    pub name: String,
    /// The province's or the producer's code for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// An answer as written, before it is checked against its criterion.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// A number (kept as written).
    Number(String),
    /// `true` or `false`.
    Boolean(bool),
    /// A list; each element as written.
    List(Vec<RawValue>),
    /// `null`: not answered yet.
    Null,
    /// Any other JSON type, by name.
    Other(&'static str),
}

/// One entry of `answers`, with its place in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct RawAnswer {
    /// The criterion code as written.
    pub code: String,
    /// The value as written.
    pub value: RawValue,
    /// Where it is (line and column are found from the path only when a problem is reported:
    /// computing them for every answer would cost more than reading the sheet).
    pub path: JsonPath,
}

/// One entry of `knockouts`, with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct RawKnockout {
    /// A criterion code or `dossier`.
    pub code: String,
    /// Where it is.
    pub path: JsonPath,
}

/// How a sheet names its rubric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RubricChoice {
    /// The rubric named, if any.
    pub rubric: Option<String>,
    /// The evaluation date, if given.
    pub evaluated_on: Option<Date>,
}

/// A member's sheet as written: its shape is valid, its answers are not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Which rubric scores it.
    pub rubric: RubricChoice,
    /// The product set's number.
    pub product_set: u8,
    /// The product.
    pub product: Option<Product>,
    /// Who filled it in.
    pub evaluator: Option<String>,
    /// The answers, in document order.
    pub answers: Vec<RawAnswer>,
    /// The knock-outs the evaluator asserts.
    pub knockouts: Vec<RawKnockout>,
}

/// The fields of a member's sheet.
const SHEET_FIELDS: [&str; 7] = [
    "rubric",
    "evaluated_on",
    "product_set",
    "product",
    "evaluator",
    "answers",
    "knockouts",
];

impl Sheet {
    /// Reads a sheet from JSON text, reporting every problem in its shape.
    pub fn parse(text: &str) -> Result<Sheet, Vec<InputProblem>> {
        match Self::parse_lenient(text) {
            (Some(sheet), problems) if problems.is_empty() => Ok(sheet),
            (_, problems) => Err(problems),
        }
    }

    /// Reads a sheet from JSON text: the sheet, if enough of it could be read to go on checking
    /// its answers, and every problem found in its shape.
    pub fn parse_lenient(text: &str) -> (Option<Sheet>, Vec<InputProblem>) {
        let document = match Document::parse(text) {
            Ok(document) => document,
            Err(error) => return (None, vec![InputProblem::syntax(error)]),
        };
        let mut reader = Reader::new(&document);
        let sheet = Self::read(&mut reader, document.root(), JsonPath::root());
        (sheet, reader.problems)
    }

    fn read<'d, 'a>(
        reader: &mut Reader<'d, 'a>,
        value: &'d Value<'a>,
        path: JsonPath,
    ) -> Option<Sheet> {
        let fields = reader.object(
            value,
            path,
            "sheet",
            &SHEET_FIELDS,
            &["product_set", "answers"],
        )?;
        let rubric = read_rubric_choice(reader, &fields);
        let product_set = reader.integer::<u8>(&fields, "product_set");
        let product = read_product(reader, &fields);
        let evaluator = reader.string(&fields, "evaluator");
        let answers = read_answers(reader, &fields);
        let knockouts = read_knockouts(reader, &fields);
        Some(Sheet {
            rubric: rubric?,
            product_set: product_set?,
            product,
            evaluator,
            answers,
            knockouts,
        })
    }

    /// Finds the product set the sheet is scored with.
    pub fn resolve(&self, catalog: &Catalog) -> Result<LoadedSet, Vec<InputProblem>> {
        resolve_set(catalog, &self.rubric, self.product_set)
    }
}

/// Reads `rubric` and `evaluated_on`: at least one must be given.
pub(crate) fn read_rubric_choice<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> Option<RubricChoice> {
    let rubric = reader.string(fields, "rubric");
    let evaluated_on = reader.date(fields, "evaluated_on");
    let (rubric_given, date_given) = (
        fields.get("rubric").is_some(),
        fields.get("evaluated_on").is_some(),
    );
    if !rubric_given && !date_given {
        let kind = InputProblemKind::MissingField {
            field: "rubric".to_owned(),
        };
        reader.problem_at(fields.path.clone(), kind);
        return None;
    }
    // A field given but unreadable has been reported; the other one alone must not decide.
    if rubric_given != rubric.is_some() || date_given != evaluated_on.is_some() {
        return None;
    }
    Some(RubricChoice {
        rubric,
        evaluated_on,
    })
}

pub(crate) fn read_product<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> Option<Product> {
    let value = fields.get("product")?;
    let product = reader.object(
        value,
        fields.path.key("product"),
        "product",
        &["name", "code"],
        &["name"],
    )?;
    let name = reader.string(&product, "name")?;
    Some(Product {
        name,
        code: reader.string(&product, "code"),
    })
}

/// Reads `answers` (required by the caller's field list).
pub(crate) fn read_answers<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> Vec<RawAnswer> {
    let Some(value) = fields.get("answers") else {
        return Vec::new();
    };
    reader
        .entries(value, fields.path.key("answers"), "answers")
        .into_iter()
        .map(|(code, value, path)| RawAnswer {
            code: code.to_owned(),
            value: raw_value(value),
            path,
        })
        .collect()
}

fn raw_value(value: &Value<'_>) -> RawValue {
    match value {
        Value::NumberLit(number) => RawValue::Number(number.value.to_owned()),
        Value::BooleanLit(boolean) => RawValue::Boolean(boolean.value),
        Value::Array(array) => RawValue::List(array.elements.iter().map(raw_value).collect()),
        Value::NullKeyword(_) => RawValue::Null,
        other => RawValue::Other(crate::json::type_name(other)),
    }
}

/// Reads `knockouts` (optional).
pub(crate) fn read_knockouts<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> Vec<RawKnockout> {
    reader
        .strings(fields, "knockouts")
        .into_iter()
        .map(|(code, path)| RawKnockout { code, path })
        .collect()
}

/// Finds the product set named by a rubric choice and a number.
pub(crate) fn resolve_set(
    catalog: &Catalog,
    choice: &RubricChoice,
    product_set: u8,
) -> Result<LoadedSet, Vec<InputProblem>> {
    let problem =
        |field: &str, kind| vec![InputProblem::new(JsonPath::root().key(field), None, kind)];
    let instrument =
        pick_instrument(catalog, choice).map_err(|(field, kind)| problem(field, kind))?;
    catalog
        .product_set_of(&instrument, product_set)
        .map_err(|error| match error {
            RubricError::UnknownSet { number, .. } => problem(
                "product_set",
                InputProblemKind::UnknownProductSet {
                    rubric: instrument.id.clone(),
                    product_set: number,
                },
            ),
            other => problem(
                "rubric",
                InputProblemKind::RubricUnusable {
                    detail: other.to_string(),
                },
            ),
        })
}

fn pick_instrument(
    catalog: &Catalog,
    choice: &RubricChoice,
) -> Result<std::sync::Arc<Instrument>, (&'static str, InputProblemKind)> {
    let unusable = |error: RubricError| InputProblemKind::RubricUnusable {
        detail: error.to_string(),
    };
    match (&choice.rubric, choice.evaluated_on) {
        (Some(id), evaluated_on) => {
            let instrument = catalog.instrument(id).map_err(|error| match error {
                RubricError::UnknownRubric { id, known } => (
                    "rubric",
                    InputProblemKind::UnknownRubric { rubric: id, known },
                ),
                other => ("rubric", unusable(other)),
            })?;
            match evaluated_on {
                Some(date) if !instrument.in_force_on(date) => Err((
                    "evaluated_on",
                    InputProblemKind::RubricNotInForce {
                        rubric: id.clone(),
                        date: date.to_string(),
                        in_force: catalog
                            .in_force_on(date)
                            .ok()
                            .map(|current| current.id.clone()),
                    },
                )),
                _ => Ok(instrument),
            }
        }
        (None, Some(date)) => catalog.in_force_on(date).map_err(|_| {
            (
                "evaluated_on",
                InputProblemKind::NoRubricInForce {
                    date: date.to_string(),
                },
            )
        }),
        (None, None) => Err((
            "rubric",
            InputProblemKind::MissingField {
                field: "rubric".to_owned(),
            },
        )),
    }
}
