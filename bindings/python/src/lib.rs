//! `ocop._ocop`: the native half of the `ocop` Python package. Text in, text out: every function
//! takes the command's input as JSON text and returns the document `ocop … --format json` prints,
//! byte for byte; the pure-Python `ocop` package turns dicts into text and documents into dicts.
//! All domain logic is `ocop-core`'s.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use ocop_core::advise::{DEFAULT_ALTERNATIVES, InvalidPart, TextRequest, advise_text};
use ocop_core::blank::{SheetFormat, blank_sheet};
use ocop_core::calendar::{self, CalendarError};
use ocop_core::certificate::{CertificateError, certificate_in};
use ocop_core::council::{self, RuleOverrides, SessionOptions};
use ocop_core::lang::{Describe, Lang};
use ocop_core::ndjson::RankStream;
use ocop_core::output::{invalid_input, json_document};
use ocop_core::rescore::rescore;
use ocop_core::rubric::{CatalogRef, Level, RubricError};
use ocop_core::score;
use ocop_core::sheet::{Completeness, InputProblems};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyRuntimeError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    _ocop,
    InvalidInputError,
    PyValueError,
    "An input that is not valid: args[0] is the error document (JSON text)."
);
create_exception!(
    _ocop,
    UnknownRubricError,
    PyException,
    "No such rubric or product set, or none in force on the date."
);
create_exception!(
    _ocop,
    RubricDataError,
    PyException,
    "Rubric files that cannot be read, or a product set whose data is not valid."
);

/// The engine: the rubrics to score with. Immutable; share one between threads (the GIL is
/// released while it works).
#[pyclass(frozen, module = "ocop._ocop")]
struct Engine {
    catalog: Arc<CatalogRef>,
}

fn lang(english: bool) -> Lang {
    if english { Lang::En } else { Lang::Vi }
}

fn completeness(partial: bool) -> Completeness {
    if partial {
        Completeness::Partial
    } else {
        Completeness::Complete
    }
}

/// An invalid input's error document, as an exception; `file` names a second input (`rules`,
/// `costs`) when the problems are in it.
fn invalid(file: Option<&str>, problems: InputProblems, lang: Lang) -> PyErr {
    InvalidInputError::new_err(invalid_input(file, problems, lang))
}

/// A rules file's overrides (`--rules`), or what is wrong with it, named `rules`.
fn rule_overrides(rules: Option<&str>, english: bool) -> PyResult<Option<RuleOverrides>> {
    rules
        .map(council::parse_overrides)
        .transpose()
        .map_err(|problems| invalid(Some("rules"), problems, lang(english)))
}

fn rubric_error(error: &RubricError) -> PyErr {
    match error {
        RubricError::UnknownRubric { .. }
        | RubricError::UnknownSet { .. }
        | RubricError::NoneInForce { .. } => UnknownRubricError::new_err(error.to_string()),
        _ => RubricDataError::new_err(error.to_string()),
    }
}

fn date(text: &str, name: &str) -> PyResult<Date> {
    ocop_core::dates::parse(text).map_err(|error| PyValueError::new_err(format!("{name}: {error}")))
}

#[pymethods]
impl Engine {
    /// An engine with the bundled rubrics, or with rubric files read from `rubrics` (a folder).
    #[new]
    #[pyo3(signature = (rubrics=None))]
    fn new(rubrics: Option<PathBuf>) -> PyResult<Self> {
        let catalog = CatalogRef::open(rubrics.as_deref()).map_err(|error| rubric_error(&error))?;
        Ok(Engine {
            catalog: Arc::new(catalog),
        })
    }

    /// `ocop score - --format json`.
    fn score(&self, py: Python<'_>, sheet: &str, partial: bool, english: bool) -> PyResult<String> {
        py.detach(|| {
            score::score_sheet(&self.catalog, sheet, completeness(partial))
                .map(|card| json_document(&card))
                .map_err(|problems| invalid(None, problems, lang(english)))
        })
    }

    /// `ocop council - --format json [--rules RULES]`.
    #[pyo3(signature = (session, rules, partial, english))]
    fn council(
        &self,
        py: Python<'_>,
        session: &str,
        rules: Option<&str>,
        partial: bool,
        english: bool,
    ) -> PyResult<String> {
        py.detach(|| {
            let overrides = rule_overrides(rules, english)?;
            let options = SessionOptions {
                completeness: completeness(partial),
                rules_file: overrides.as_ref().map(|overrides| ("rules", overrides)),
            };
            council::score_session(&self.catalog, session, options)
                .map(|result| json_document(&result))
                .map_err(|problems| invalid(None, problems, lang(english)))
        })
    }

    /// `ocop advise - --format json [--cost COSTS] [--target N] [--alternatives N]`.
    #[pyo3(signature = (subject, costs, target, alternatives, partial, english))]
    #[allow(clippy::too_many_arguments)]
    fn advise(
        &self,
        py: Python<'_>,
        subject: &str,
        costs: Option<&str>,
        target: Option<u8>,
        alternatives: Option<usize>,
        partial: bool,
        english: bool,
    ) -> PyResult<String> {
        if alternatives == Some(0) {
            return Err(PyValueError::new_err("alternatives must be at least 1"));
        }
        if target.is_some_and(|target| !(1..=5).contains(&target)) {
            return Err(PyValueError::new_err(
                "target must be a star level from 1 to 5",
            ));
        }
        py.detach(|| {
            let request = TextRequest {
                subject,
                costs,
                target,
                alternatives: alternatives.unwrap_or(DEFAULT_ALTERNATIVES),
                completeness: completeness(partial),
                lang: lang(english),
            };
            match advise_text(&self.catalog, &request) {
                Ok(advised) => Ok(json_document(&advised.advice)),
                Err((InvalidPart::Subject, problems)) => {
                    Err(invalid(None, problems, lang(english)))
                }
                Err((InvalidPart::Costs, problems)) => {
                    Err(invalid(Some("costs"), problems, lang(english)))
                }
            }
        })
    }

    /// `ocop rank SOURCE --format json [--rules RULES]`: `sessions` is NDJSON.
    #[pyo3(signature = (sessions, source, rules, partial, english))]
    fn rank(
        &self,
        py: Python<'_>,
        sessions: &str,
        source: &str,
        rules: Option<&str>,
        partial: bool,
        english: bool,
    ) -> PyResult<String> {
        py.detach(|| {
            let overrides = rule_overrides(rules, english)?;
            let options = SessionOptions {
                completeness: completeness(partial),
                rules_file: overrides.as_ref().map(|overrides| ("rules", overrides)),
            };
            let written =
                RankStream::start(&self.catalog, options, source, lang(english), Vec::new())
                    .and_then(|mut round| {
                        round.feed(sessions.as_bytes())?;
                        round.finish()
                    })
                    .and_then(|bytes| String::from_utf8(bytes).map_err(std::io::Error::other));
            written
                .map_err(|error| PyRuntimeError::new_err(format!("writing the ranking: {error}")))
        })
    }

    /// `ocop rescore - --to RUBRIC --format json`.
    fn rescore(&self, py: Python<'_>, sheet: &str, to: &str, english: bool) -> PyResult<String> {
        py.detach(|| {
            // An unknown target is an unknown rubric, as `ocop rescore --to` refuses it before
            // reading the sheet.
            let target = self
                .catalog
                .instrument(to)
                .map_err(|error| rubric_error(&error))?;
            rescore(&self.catalog, sheet, target)
                .map(|result| json_document(&result))
                .map_err(|problems| invalid(None, problems, lang(english)))
        })
    }

    /// `ocop cert --decided DATE [--on DATE] [--rubric ID] --format json`; `on` defaults to today.
    /// Why dates have no certificate is said in the language asked for.
    #[pyo3(signature = (decided, on, rubric, english))]
    fn cert(
        &self,
        decided: &str,
        on: Option<&str>,
        rubric: Option<&str>,
        english: bool,
    ) -> PyResult<String> {
        let lang = lang(english);
        let decided = date(decided, "decided")?;
        let on = match on {
            Some(on) => date(on, "on")?,
            None => jiff::ZonedDateTime::now().date(),
        };
        match certificate_in(&self.catalog, decided, on, rubric) {
            Ok(certificate) => Ok(json_document(&certificate)),
            Err(CertificateError::Rubric(error)) => Err(rubric_error(&error)),
            Err(error @ CertificateError::NoRubric(_)) => {
                Err(UnknownRubricError::new_err(error.describe(lang)))
            }
            Err(error) => Err(PyValueError::new_err(error.describe(lang))),
        }
    }

    /// `ocop calendar YEAR [--level LEVEL] [--on DATE] --format json`.
    #[pyo3(signature = (year, level, on, english))]
    fn calendar(
        &self,
        year: i64,
        level: Option<&str>,
        on: Option<&str>,
        english: bool,
    ) -> PyResult<String> {
        let lang = lang(english);
        // The command's YEAR is an i16: a wider year is refused as its argument parser does.
        let year = i16::try_from(year).map_err(|_| {
            PyValueError::new_err(format!(
                "year: {year} is not in {}..={}",
                i16::MIN,
                i16::MAX
            ))
        })?;
        // Only the levels that hold rounds, as `--level` accepts them.
        let level = level
            .map(|text| {
                Level::parse(text)
                    .filter(|level| level.holds_rounds())
                    .ok_or_else(|| {
                        PyValueError::new_err(format!(
                            "level must be province or central, not {text:?}"
                        ))
                    })
            })
            .transpose()?;
        let on = on.map(|on| date(on, "on")).transpose()?;
        calendar::calendar(&self.catalog, year, level, on)
            .map(|calendar| json_document(&calendar))
            .map_err(|error| match error {
                CalendarError::OutOfRange(_) => PyValueError::new_err(error.describe(lang)),
                // A year no rubric in force sets rounds for is invalid input, as `ocop calendar`
                // says.
                _ => invalid(None, InputProblems::one(error.as_problem(lang)), lang),
            })
    }

    /// `ocop rubrics --format json`.
    fn rubrics(&self) -> String {
        json_document(&self.catalog.summaries())
    }

    /// `ocop sheet --rubric RUBRIC --set N [--format markdown|html]`: the blank sheet.
    fn sheet(
        &self,
        rubric: &str,
        product_set: u8,
        format: &str,
        english: bool,
    ) -> PyResult<String> {
        let loaded = self
            .catalog
            .product_set(rubric, product_set)
            .map_err(|error| rubric_error(&error))?;
        let format = match format {
            "text" => SheetFormat::Text,
            "markdown" => SheetFormat::Markdown,
            "html" => return Ok(ocop_print::blank_sheet(&loaded)),
            other => {
                return Err(PyValueError::new_err(format!(
                    "format must be text, markdown or html, not {other:?}"
                )));
            }
        };
        Ok(blank_sheet(&loaded, format, lang(english)))
    }
}

/// The native module.
#[pymodule]
fn _ocop(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Engine>()?;
    let py = module.py();
    module.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
    module.add("UnknownRubricError", py.get_type::<UnknownRubricError>())?;
    module.add("RubricDataError", py.get_type::<RubricDataError>())?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
