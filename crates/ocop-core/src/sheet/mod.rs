//! A council member's sheet: the input contract, read and checked against the rubric.
//!
//! ```json
//! { "rubric": "qd26-2026", "product_set": 10,
//!   "product": {"name": "Tỏi đen Lý Sơn", "code": "QN-01"}, "evaluator": "…",
//!   "answers": {"1.1": 3, "2.4": true, "6.1.1": 2},
//!   "knockouts": ["1.1", "dossier"] }
//! ```
//!
//! A document is read once, by a typed parse with borrowed strings ([`typed`]), and checked
//! against its product set ([`Answers::check`]). Only when that fails is it read again by the
//! positional reader ([`read`]), which reports every problem of both steps with its line and
//! column; positions cost nothing on the way to a score.

mod answers;
mod problem;
mod read;
pub(crate) mod typed;

use std::borrow::Cow;
use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

pub use answers::{Answer, Answers, Completeness, DOSSIER, Knockout};
pub(crate) use answers::{applies_under, points_of, unknown_code};
pub use problem::{
    AnswerShape, Cell, InputProblem, InputProblemKind, InputProblems, PROBLEM_LIMIT, WorkbookRecord,
};
pub(crate) use read::{Fields, Reader};

use crate::filing::{Filing, PreviousCertificate};
use crate::json::{Document, JsonPath, Value};
use crate::rubric::procedure::Evaluation;
use crate::rubric::{Catalog, Instrument, LoadedSet, RubricError};

/// A member's sheet read and checked against its rubric.
#[derive(Debug, Clone)]
pub struct CheckedSheet<'c> {
    /// The product set and its instrument.
    pub loaded: LoadedSet<'c>,
    /// The checked answers.
    pub answers: Answers,
    /// The product, as given.
    pub product: Option<Product>,
    /// The evaluator, as given.
    pub evaluator: Option<String>,
    /// The evaluation date, as given.
    pub evaluated_on: Option<Date>,
    /// What the sheet says about its file.
    pub filing: Filing,
}

impl<'c> CheckedSheet<'c> {
    /// Reads a sheet from JSON text and checks it. Problems in its shape do not stop its answers
    /// from being checked: every problem is reported, each with its place.
    pub fn read(
        catalog: &'c Catalog,
        text: &str,
        completeness: Completeness,
    ) -> Result<CheckedSheet<'c>, InputProblems> {
        let checked = typed::sheet(text)
            .ok()
            .and_then(|sheet| Self::check(catalog, &sheet, completeness).ok());
        match checked {
            Some(checked) => Ok(checked),
            None => read_and_check(text, Sheet::parse_lenient(text), |sheet| {
                Self::check(catalog, sheet, completeness)
            })
            .map(|(_, checked)| checked),
        }
    }

    fn check(
        catalog: &'c Catalog,
        sheet: &Sheet<'_>,
        completeness: Completeness,
    ) -> Result<CheckedSheet<'c>, InputProblems> {
        let loaded = sheet.resolve(catalog)?;
        let answers = Answers::check(loaded.set, &sheet.answers, &sheet.knockouts, completeness)?;
        Ok(CheckedSheet {
            loaded,
            answers,
            product: sheet.product.clone(),
            evaluator: sheet.evaluator.as_deref().map(str::to_owned),
            evaluated_on: sheet.rubric.evaluated_on,
            filing: sheet.rubric.filing.clone(),
        })
    }
}

/// A document read leniently, then checked: the document and what checking it gave when neither
/// step found a problem; otherwise every problem of both, each with its place in `text`.
pub(crate) fn read_and_check<T, C>(
    text: &str,
    (read, mut problems): (Option<T>, InputProblems),
    check: impl FnOnce(&T) -> Result<C, InputProblems>,
) -> Result<(T, C), InputProblems> {
    let Some(read) = read else {
        problems.locate(text);
        return Err(problems);
    };
    match check(&read) {
        Ok(checked) if problems.is_empty() => Ok((read, checked)),
        Ok(_) => {
            problems.locate(text);
            Err(problems)
        }
        Err(found) => {
            problems.append(found);
            problems.locate(text);
            Err(problems)
        }
    }
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

/// A number as written where an option number is expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawNumber<'a> {
    /// A whole number that is not negative.
    Whole(u64),
    /// Any other number, as written (`-1`, `2.5`, `1e3`).
    Written(Cow<'a, str>),
}

impl fmt::Display for RawNumber<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Whole(number) => write!(f, "{number}"),
            Self::Written(text) => f.write_str(text),
        }
    }
}

/// An answer as written, before it is checked against its criterion.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue<'a> {
    /// A number.
    Number(RawNumber<'a>),
    /// `true` or `false`.
    Boolean(bool),
    /// A list; each element as written.
    List(Vec<RawValue<'a>>),
    /// `null`: not answered yet.
    Null,
    /// Any other JSON type, by name.
    Other(&'static str),
}

/// One entry of `answers`, with its place in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct RawAnswer<'a> {
    /// The criterion code as written.
    pub code: Cow<'a, str>,
    /// The value as written.
    pub value: RawValue<'a>,
    /// Where it is (the root for an answer read without positions).
    pub path: JsonPath,
    /// The byte offset of its value in the text, when read with positions.
    pub offset: Option<usize>,
}

/// The `answers` of a sheet as written, and where the object stands (for criteria it leaves
/// out).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawAnswers<'a> {
    /// The entries, in document order.
    pub entries: Vec<RawAnswer<'a>>,
    /// Where the object is.
    pub path: JsonPath,
    /// The byte offset of the object in the text, when read with positions.
    pub offset: Option<usize>,
}

/// One entry of `knockouts`, with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct RawKnockout<'a> {
    /// A criterion code or `dossier`.
    pub code: Cow<'a, str>,
    /// Where it is (the root when read without positions).
    pub path: JsonPath,
    /// The byte offset in the text, when read with positions.
    pub offset: Option<usize>,
}

/// How a sheet names its rubric, and what it says about its file (which decides, during a
/// transition, whether the rubric may still be used).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RubricChoice<'a> {
    /// The rubric named, if any.
    pub rubric: Option<Cow<'a, str>>,
    /// The evaluation date, if given.
    pub evaluated_on: Option<Date>,
    /// The kind of evaluation, the filing date and the previous certificate.
    pub filing: Filing,
}

/// A member's sheet as written: its shape is valid, its answers are not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet<'a> {
    /// Which rubric scores it.
    pub rubric: RubricChoice<'a>,
    /// The product set's number.
    pub product_set: u8,
    /// The product.
    pub product: Option<Product>,
    /// Who filled it in.
    pub evaluator: Option<Cow<'a, str>>,
    /// The answers, in document order.
    pub answers: RawAnswers<'a>,
    /// The knock-outs the evaluator asserts.
    pub knockouts: Vec<RawKnockout<'a>>,
}

/// The fields of a member's sheet.
pub(crate) const SHEET_FIELDS: [&str; 10] = [
    "rubric",
    "evaluated_on",
    "evaluation",
    "submitted_on",
    "previous_certificate",
    "product_set",
    "product",
    "evaluator",
    "answers",
    "knockouts",
];

impl<'a> Sheet<'a> {
    /// Reads a sheet from JSON text, reporting every problem in its shape.
    pub fn parse(text: &'a str) -> Result<Sheet<'a>, InputProblems> {
        match Self::parse_lenient(text) {
            (Some(sheet), problems) if problems.is_empty() => Ok(sheet),
            (_, mut problems) => {
                problems.locate(text);
                Err(problems)
            }
        }
    }

    /// Reads a sheet from JSON text: the sheet, if enough of it could be read to go on checking
    /// its answers, and every problem found in its shape (positions not yet computed).
    fn parse_lenient(text: &'a str) -> (Option<Sheet<'a>>, InputProblems) {
        let document = match Document::parse(text) {
            Ok(document) => document,
            Err(error) => return (None, InputProblem::syntax(error).into()),
        };
        let mut reader = Reader::new(&document);
        let sheet = Self::read(&mut reader, document.root(), JsonPath::root());
        (sheet, reader.problems)
    }

    fn read<'d>(
        reader: &mut Reader<'d, 'a>,
        value: &'d Value<'a>,
        path: JsonPath,
    ) -> Option<Sheet<'a>> {
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
    pub fn resolve<'c>(&self, catalog: &'c Catalog) -> Result<LoadedSet<'c>, InputProblems> {
        resolve_set(catalog, &self.rubric, self.product_set)
    }
}

/// Reads `rubric` and `evaluated_on`: at least one must be given.
pub(crate) fn read_rubric_choice<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> Option<RubricChoice<'a>> {
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
        reader.problem(fields.path.clone(), fields.value, kind);
        return None;
    }
    let filing = read_filing(reader, fields, evaluated_on);
    // A field given but unreadable has been reported; the other one alone must not decide.
    if rubric_given != rubric.is_some() || date_given != evaluated_on.is_some() {
        return None;
    }
    Some(RubricChoice {
        rubric,
        evaluated_on,
        filing,
    })
}

/// Reads `evaluation`, `submitted_on` and `previous_certificate`, and reports where they
/// contradict each other.
fn read_filing<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
    evaluated_on: Option<Date>,
) -> Filing {
    let evaluation = reader.string(fields, "evaluation").and_then(|name| {
        let evaluation = Evaluation::parse(&name);
        if evaluation.is_none() {
            let kind = InputProblemKind::InvalidValue {
                field: "evaluation".to_owned(),
                detail: format!("\"{name}\" is not one of first, upgrade, rerating"),
            };
            reader.problem_at_field(fields, "evaluation", kind);
        }
        evaluation
    });
    let previous_certificate = fields.get("previous_certificate").and_then(|value| {
        let previous = reader.object(
            value,
            fields.path.key("previous_certificate"),
            "previous_certificate",
            &["stars", "decided_on", "decision"],
            &["stars", "decided_on"],
        )?;
        let stars = reader.integer::<u8>(&previous, "stars");
        let decided_on = reader.date(&previous, "decided_on");
        let decision = reader.string(&previous, "decision").map(Cow::into_owned);
        Some(PreviousCertificate {
            stars: stars?,
            decided_on: decided_on?,
            decision,
        })
    });
    let filing = Filing {
        evaluation,
        submitted_on: reader.date(fields, "submitted_on"),
        previous_certificate,
    };
    for (field, problem) in crate::filing::check(&filing, evaluated_on) {
        reader.problem_at_field(fields, field, InputProblemKind::Filing { problem });
    }
    filing
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
        name: name.into_owned(),
        code: reader.string(&product, "code").map(Cow::into_owned),
    })
}

/// Reads `answers` (required by the caller's field list).
pub(crate) fn read_answers<'d, 'a>(
    reader: &mut Reader<'d, 'a>,
    fields: &Fields<'d, 'a>,
) -> RawAnswers<'a> {
    let path = fields.path.key("answers");
    let Some(value) = fields.get("answers") else {
        return RawAnswers {
            path,
            ..RawAnswers::default()
        };
    };
    let entries = reader
        .entries(value, path.clone(), "answers")
        .into_iter()
        .map(|(code, value, path)| RawAnswer {
            code,
            value: raw_value(value),
            path,
            offset: Some(reader.offset_of(value)),
        })
        .collect();
    RawAnswers {
        entries,
        path,
        offset: Some(reader.offset_of(value)),
    }
}

fn raw_value<'a>(value: &Value<'a>) -> RawValue<'a> {
    match value {
        Value::NumberLit(number) => RawValue::Number(match number.value.parse::<u64>() {
            Ok(whole) => RawNumber::Whole(whole),
            Err(_) => RawNumber::Written(Cow::Borrowed(number.value)),
        }),
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
) -> Vec<RawKnockout<'a>> {
    reader
        .strings(fields, "knockouts")
        .into_iter()
        .map(|(code, path, offset)| RawKnockout {
            code,
            path,
            offset: Some(offset),
        })
        .collect()
}

/// Finds the product set named by a rubric choice and a number.
pub(crate) fn resolve_set<'c>(
    catalog: &'c Catalog,
    choice: &RubricChoice<'_>,
    product_set: u8,
) -> Result<LoadedSet<'c>, InputProblems> {
    let problem =
        |field: &str, kind| InputProblem::new(JsonPath::root().key(field), None, kind).into();
    let instrument =
        pick_instrument(catalog, choice).map_err(|(field, kind)| problem(field, kind))?;
    catalog
        .product_set_of(instrument, product_set)
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

fn pick_instrument<'c>(
    catalog: &'c Catalog,
    choice: &RubricChoice<'_>,
) -> Result<&'c Instrument, (&'static str, InputProblemKind)> {
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
                Some(date) => crate::filing::rubric_use(catalog, instrument, date, &choice.filing)
                    .map(|()| instrument),
                None => crate::filing::filing_use(catalog, instrument, &choice.filing)
                    .map(|()| instrument),
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
