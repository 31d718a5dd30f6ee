//! Stored scoring cases: a sheet and the result it must give, re-checked against the current
//! rubrics.
//!
//! A case file holds `description`; the input, either a member's sheet as `sheet` (the input
//! contract as a JSON object) or `sheet_text` (the exact text, for cases about syntax, duplicate
//! keys or positions), or a council session as `session` or `session_text`; optional `options` (`{"partial": true}`); and `expect`: the parts of the result a
//! person checked by hand. Only the fields written in `expect` are compared, so a case states
//! exactly what it vouches for. An expected array must match in length and order, unless written
//! `{"$contains": [...]}`: then each listed element must match some element. For an invalid
//! sheet, `expect` holds the error document (`{"error": {"problems": [...]}}`).

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::council::{SessionOptions, score_session};
use crate::lang::Lang;
use crate::output::ErrorDocument;
use crate::rubric::Catalog;
use crate::score::score_sheet;
use crate::sheet::Completeness;

/// What a case scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseKind {
    /// A member's sheet (`ocop score`).
    Sheet,
    /// A council session (`ocop council`).
    Session,
}

/// One field where a case's result differs from its expectation.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Difference {
    /// JSON Pointer to the field in the result.
    pub path: String,
    /// What the case expects (`null` when the field is absent from the expectation's shape).
    pub expected: Value,
    /// What the engine gives now (`null` when absent).
    pub actual: Value,
}

/// Why a case file could not be run or updated.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CaseError {
    /// The file cannot be read or written.
    Io {
        /// The file.
        file: String,
        /// Whether it was being written.
        writing: bool,
        /// What kind of failure.
        kind: std::io::ErrorKind,
        /// The system's words.
        detail: String,
    },
    /// The file is not JSON.
    NotJson {
        /// The file.
        file: String,
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
        /// The parser's words.
        detail: String,
    },
    /// A field the file must have is missing.
    MissingField {
        /// The field.
        field: &'static str,
    },
    /// Not exactly one input is given.
    Inputs,
    /// The expectation was not rewritten: the case's rubric or product set cannot be used.
    RubricUnusable {
        /// Why, as the result says.
        reason: String,
    },
    /// The expectation was not rewritten: the result has none of these checked fields.
    ResultLacks {
        /// JSON Pointers of the fields.
        fields: Vec<String>,
    },
}

impl CaseError {
    /// The error in words, in a language.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Self::Io {
                file,
                writing,
                kind,
                detail,
            } => {
                let reason = lang.io_reason(*kind, detail);
                match (vi, writing) {
                    (true, false) => format!("không đọc được {file}: {reason}"),
                    (true, true) => format!("không ghi được {file}: {reason}"),
                    (false, false) => format!("cannot read {file}: {reason}"),
                    (false, true) => format!("cannot write {file}: {reason}"),
                }
            }
            Self::NotJson {
                file,
                line,
                column,
                detail,
            } if vi => format!("{file}:{line}:{column}: tệp không phải JSON hợp lệ ({detail})"),
            Self::NotJson {
                file,
                line,
                column,
                detail,
            } => format!("{file}:{line}:{column}: not valid JSON ({detail})"),
            Self::MissingField { field } if vi => format!("thiếu trường \"{field}\""),
            Self::MissingField { field } => format!("missing \"{field}\""),
            Self::Inputs if vi => "cần đúng một trong các trường \"sheet\", \"sheet_text\", \
                 \"session\" và \"session_text\""
                .to_owned(),
            Self::Inputs => "give exactly one of \"sheet\", \"sheet_text\", \"session\" and \
                 \"session_text\""
                .to_owned(),
            Self::RubricUnusable { reason } if vi => format!("không cập nhật: {reason}"),
            Self::RubricUnusable { reason } => format!("not updated: {reason}"),
            Self::ResultLacks { fields } if vi => {
                format!("không cập nhật: kết quả không có {}", fields.join(", "))
            }
            Self::ResultLacks { fields } => {
                format!("not updated: the result has no {}", fields.join(", "))
            }
        }
    }

    fn io(path: &Path, writing: bool, error: &std::io::Error) -> Self {
        Self::Io {
            file: path.display().to_string(),
            writing,
            kind: error.kind(),
            detail: error.to_string(),
        }
    }
}

impl std::fmt::Display for CaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CaseError {}

/// A case file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// What the case checks.
    pub description: String,
    /// What is scored: a member's sheet or a council session.
    pub kind: CaseKind,
    /// The sheet or session as JSON text.
    pub input: String,
    /// Whether to score it as a partial sheet.
    pub completeness: Completeness,
    /// The expected (partial) result.
    pub expect: Value,
}

impl Case {
    /// Reads a case from its parsed file.
    pub fn from_value(value: &Value) -> Result<Case, CaseError> {
        let field = |name: &'static str| {
            value
                .get(name)
                .ok_or(CaseError::MissingField { field: name })
        };
        let description = field("description")?
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let inputs = [
            ("sheet", CaseKind::Sheet, false),
            ("sheet_text", CaseKind::Sheet, true),
            ("session", CaseKind::Session, false),
            ("session_text", CaseKind::Session, true),
        ];
        let mut given = inputs
            .iter()
            .filter_map(|(name, kind, is_text)| Some((value.get(*name)?, *kind, *is_text)));
        let (input, kind) = match (given.next(), given.next()) {
            (Some((Value::String(text), kind, true)), None) => (text.clone(), kind),
            // A `Value`'s alternate display is its pretty JSON, and cannot fail.
            (Some((document, kind, false)), None) => (format!("{document:#}"), kind),
            _ => return Err(CaseError::Inputs),
        };
        let partial = value
            .get("options")
            .and_then(|options| options.get("partial"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let completeness = if partial {
            Completeness::Partial
        } else {
            Completeness::Complete
        };
        Ok(Case {
            description,
            kind,
            input,
            completeness,
            expect: field("expect")?.clone(),
        })
    }

    /// The full document the engine produces for the sheet: the result, or the error document.
    pub fn actual(&self, catalog: &Catalog) -> Value {
        let scored = match self.kind {
            CaseKind::Sheet => score_sheet(catalog, &self.input, self.completeness)
                .map(|card| serde_json::to_value(card).unwrap_or_default()),
            CaseKind::Session => {
                let options = SessionOptions {
                    completeness: self.completeness,
                    rules_file: None,
                };
                score_session(catalog, &self.input, options)
                    .map(|result| serde_json::to_value(result).unwrap_or_default())
            }
        };
        scored.unwrap_or_else(|problems| {
            serde_json::to_value(ErrorDocument::invalid_input(None, &problems)).unwrap_or_default()
        })
    }
}

/// A stored fixture: a scoring case file, or a folder holding an invalid rubric and the lint
/// output it must give (`expected.json`: `description` and `expect`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fixture {
    /// A case file.
    Case(PathBuf),
    /// A rubric folder with its expected lint output.
    Rubric(PathBuf),
}

impl Fixture {
    /// The fixture's path.
    pub fn path(&self) -> &Path {
        match self {
            Self::Case(path) | Self::Rubric(path) => path,
        }
    }
}

/// What `ocop fixtures check` found: the `--format json` document.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FixturesReport {
    /// Every fixture, in the order found.
    pub fixtures: Vec<FixtureOutcome>,
    /// How many fixtures differ from their expectations (when checking) or could not be run or
    /// updated.
    pub failed: usize,
    /// How many expectations were rewritten (when updating).
    pub updated: usize,
}

/// One fixture: checked (or updated), or not run at all.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum FixtureOutcome {
    /// The fixture ran. Checking, no differences means it passed; updating, the differences
    /// are what was rewritten.
    Checked {
        /// The fixture's path.
        fixture: String,
        /// What it checks.
        kind: FixtureKind,
        /// Whether its expectation was rewritten.
        updated: bool,
        /// The differences found (or rewritten).
        differences: Vec<Difference>,
    },
    /// The fixture could not be read, run or updated.
    Failed {
        /// The fixture's path.
        fixture: String,
        /// Why.
        error: String,
    },
}

/// What a fixture checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FixtureKind {
    /// A stored scoring case.
    Case,
    /// An invalid rubric with its expected lint output.
    Rubric,
}

/// Name of the expected lint output in an invalid-rubric fixture.
pub const EXPECTED_LINT: &str = "expected.json";

/// Every fixture under a folder, in path order: case files (JSON objects with an `expect`) and
/// invalid-rubric folders (holding `expected.json`).
pub fn discover(folder: &Path) -> std::io::Result<Vec<Fixture>> {
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            if entry.join(EXPECTED_LINT).is_file() {
                found.push(Fixture::Rubric(entry));
            } else {
                found.extend(discover(&entry)?);
            }
        } else if entry
            .extension()
            .is_some_and(|extension| extension == "json")
            && is_case(&entry)
        {
            found.push(Fixture::Case(entry));
        }
    }
    Ok(found)
}

/// Whether a JSON file is a case: an object with an `expect` (example inputs are not cases).
/// A file that cannot be read or parsed counts as a case, so that checking it reports why.
fn is_case(path: &Path) -> bool {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(object)) => object.contains_key("expect"),
        Ok(_) => false,
        Err(_) => true,
    }
}

/// The expectation file of a fixture, read.
fn expectation_file(fixture: &Fixture) -> Result<(PathBuf, Value), CaseError> {
    let path = match fixture {
        Fixture::Case(path) => path.clone(),
        Fixture::Rubric(folder) => folder.join(EXPECTED_LINT),
    };
    let text =
        std::fs::read_to_string(&path).map_err(|error| CaseError::io(&path, false, &error))?;
    let value = serde_json::from_str(&text).map_err(|error| {
        let message = error.to_string();
        // The parser's words end with the position, which the error gives on its own.
        let detail = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(detail, _)| detail);
        CaseError::NotJson {
            file: path.display().to_string(),
            line: error.line(),
            column: error.column(),
            detail: detail.to_owned(),
        }
    })?;
    Ok((path, value))
}

/// What the engine gives now for a fixture.
fn actual_of(fixture: &Fixture, catalog: &Catalog, file: &Value) -> Result<Value, CaseError> {
    match fixture {
        Fixture::Case(_) => Ok(Case::from_value(file)?.actual(catalog)),
        Fixture::Rubric(folder) => Ok(match Catalog::from_path(folder) {
            Ok(catalog) => serde_json::to_value(crate::lint::lint(&catalog)).unwrap_or_default(),
            Err(error) => serde_json::json!({"error": error.to_string()}),
        }),
    }
}

/// Runs a fixture: every difference between its expectation and what the engine gives now.
pub fn check(fixture: &Fixture, catalog: &Catalog) -> Result<Vec<Difference>, CaseError> {
    let (_, file) = expectation_file(fixture)?;
    let expect = file
        .get("expect")
        .ok_or(CaseError::MissingField { field: "expect" })?;
    let actual = actual_of(fixture, catalog, &file)?;
    let mut differences = Vec::new();
    compare(expect, &actual, String::new(), &mut differences);
    Ok(differences)
}

/// Rewrites a fixture's expectation with what the engine gives now, keeping its shape: only
/// the fields it already checks are updated. Returns what changed (nothing: the file is left
/// as it is).
///
/// An expectation is never rewritten from a result the engine could not compute: when the
/// case's rubric or product set is missing or unusable, or when a field the expectation checks
/// is absent from the result, the fixture is refused and left untouched.
pub fn update(fixture: &Fixture, catalog: &Catalog) -> Result<Vec<Difference>, CaseError> {
    let (path, mut file) = expectation_file(fixture)?;
    let actual = actual_of(fixture, catalog, &file)?;
    let Some(expect) = file.get_mut("expect") else {
        return Err(CaseError::MissingField { field: "expect" });
    };
    let mut changed = Vec::new();
    compare(expect, &actual, String::new(), &mut changed);
    if changed.is_empty() {
        return Ok(changed);
    }
    if let Some(reason) = unusable_rubric(&actual) {
        return Err(CaseError::RubricUnusable { reason });
    }
    let mut missing = Vec::new();
    absent_fields(expect, &actual, String::new(), &mut missing);
    if !missing.is_empty() {
        return Err(CaseError::ResultLacks { fields: missing });
    }
    *expect = refresh(expect, &actual);
    let text = format!("{file:#}\n");
    std::fs::write(&path, text).map_err(|error| CaseError::io(&path, true, &error))?;
    Ok(changed)
}

/// Why a result was computed without its rubric, if it was: the case names a rubric or a
/// product set the catalog does not have or cannot use, or a rubric folder could not be read.
fn unusable_rubric(actual: &Value) -> Option<String> {
    const RUBRIC_KINDS: [&str; 4] = [
        "unknown_rubric",
        "rubric_unusable",
        "unknown_product_set",
        "no_rubric_in_force",
    ];
    let error = actual.get("error")?;
    if let Some(message) = error.as_str() {
        return Some(message.to_owned());
    }
    error
        .get("problems")?
        .as_array()?
        .iter()
        .find(|problem| {
            problem
                .get("kind")
                .and_then(Value::as_str)
                .is_some_and(|kind| RUBRIC_KINDS.contains(&kind))
        })
        .and_then(|problem| problem.get("message")?.as_str())
        .map(str::to_owned)
}

/// Every field the expectation checks that the result does not have, as JSON Pointers.
fn absent_fields(expected: &Value, actual: &Value, path: String, out: &mut Vec<String>) {
    if contained(expected).is_some() {
        return;
    }
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            for (key, value) in expected {
                let at = format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"));
                match actual.get(key) {
                    Some(found) => absent_fields(value, found, at, out),
                    None => out.push(at),
                }
            }
        }
        (Value::Array(expected), Value::Array(actual)) => {
            for (index, (expected, actual)) in expected.iter().zip(actual).enumerate() {
                absent_fields(expected, actual, format!("{path}/{index}"), out);
            }
        }
        (Value::Object(_), _) => out.push(path),
        _ => {}
    }
}

/// The expectation with every checked field set to the actual value.
fn refresh(expected: &Value, actual: &Value) -> Value {
    if contained(expected).is_some() {
        // Which element a `$contains` entry meant cannot be known once it no longer matches.
        return expected.clone();
    }
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => Value::Object(
            expected
                .iter()
                .map(|(key, value)| {
                    (
                        key.clone(),
                        refresh(value, actual.get(key).unwrap_or(&Value::Null)),
                    )
                })
                .collect(),
        ),
        (Value::Array(expected), Value::Array(actual)) if expected.len() == actual.len() => {
            Value::Array(
                expected
                    .iter()
                    .zip(actual)
                    .map(|(expected, actual)| refresh(expected, actual))
                    .collect(),
            )
        }
        (_, actual) => actual.clone(),
    }
}

/// Compares an expectation with an actual document: every expected object key must match,
/// arrays must match element by element and in length, scalars must be equal.
fn compare(expected: &Value, actual: &Value, path: String, out: &mut Vec<Difference>) {
    if let (Some(wanted), Value::Array(elements)) = (contained(expected), actual) {
        for (index, wanted) in wanted.iter().enumerate() {
            let found = elements.iter().any(|element| {
                let mut scratch = Vec::new();
                compare(wanted, element, String::new(), &mut scratch);
                scratch.is_empty()
            });
            if !found {
                let at = format!("{path}/$contains/{index}");
                out.push(Difference {
                    path: at,
                    expected: wanted.clone(),
                    actual: Value::Null,
                });
            }
        }
        return;
    }
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            for (key, value) in expected {
                let at = format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"));
                compare(value, actual.get(key).unwrap_or(&Value::Null), at, out);
            }
        }
        (Value::Array(expected), Value::Array(actual)) if expected.len() == actual.len() => {
            for (index, (expected, actual)) in expected.iter().zip(actual).enumerate() {
                compare(expected, actual, format!("{path}/{index}"), out);
            }
        }
        (expected, actual) if expected == actual => {}
        (expected, actual) => out.push(Difference {
            path,
            expected: expected.clone(),
            actual: actual.clone(),
        }),
    }
}

/// The elements of a `{"$contains": [...]}` expectation.
fn contained(expected: &Value) -> Option<&Vec<Value>> {
    match expected {
        Value::Object(object) if object.len() == 1 => object.get("$contains")?.as_array(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Runs a case file holding `text` against the bundled rubrics.
    fn run_case(text: &str, update: bool) -> Result<Vec<Difference>, CaseError> {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("case.json");
        std::fs::write(&path, text).unwrap();
        let fixture = Fixture::Case(path);
        if update {
            super::update(&fixture, Catalog::bundled())
        } else {
            check(&fixture, Catalog::bundled())
        }
    }

    const SHEET: &str = r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {}}"#;

    #[test]
    fn an_unreadable_case_names_its_file_in_vietnamese() {
        let folder = tempfile::tempdir().unwrap();
        let fixture = Fixture::Case(folder.path().join("absent.json"));
        let error = check(&fixture, Catalog::bundled()).unwrap_err();
        assert!(
            matches!(error, CaseError::Io { writing: false, .. }),
            "{error:?}"
        );
        let message = error.message(Lang::Vi);
        assert!(message.starts_with("không đọc được "), "{message}");
        assert!(
            message.ends_with("absent.json: không có tệp hoặc thư mục này"),
            "{message}"
        );
    }

    #[test]
    fn a_case_that_is_not_json_gives_its_position() {
        let error = run_case("{\n  \"description\": \"x\",\n  oops\n}", false).unwrap_err();
        let CaseError::NotJson { line, column, .. } = &error else {
            panic!("{error:?}");
        };
        assert_eq!((*line, *column), (3, 3));
        let message = error.message(Lang::Vi);
        assert!(
            message.contains("case.json:3:3: tệp không phải JSON hợp lệ ("),
            "{message}"
        );
        assert!(!message.contains(" at line "), "{message}");
    }

    #[test]
    fn a_case_without_expectation_says_which_field() {
        let text = format!(r#"{{"description": "x", "sheet": {SHEET}}}"#);
        let error = run_case(&text, false).unwrap_err();
        assert_eq!(error, CaseError::MissingField { field: "expect" });
        assert_eq!(error.message(Lang::Vi), "thiếu trường \"expect\"");
        assert_eq!(error.to_string(), "missing \"expect\"");
    }

    #[test]
    fn a_case_needs_exactly_one_input() {
        let text =
            format!(r#"{{"description": "x", "sheet": {SHEET}, "session": {{}}, "expect": {{}}}}"#);
        let error = run_case(&text, false).unwrap_err();
        assert_eq!(error, CaseError::Inputs);
        assert!(error.message(Lang::Vi).starts_with("cần đúng một trong"));
    }

    #[test]
    fn an_update_from_an_unknown_rubric_is_refused() {
        let text = r#"{"description": "x", "sheet": {"rubric": "qd99-2099", "product_set": 10,
            "answers": {}}, "expect": {"total": "50"}}"#;
        let error = run_case(text, true).unwrap_err();
        assert!(
            matches!(error, CaseError::RubricUnusable { .. }),
            "{error:?}"
        );
        assert!(error.message(Lang::Vi).starts_with("không cập nhật: "));
    }

    #[test]
    fn an_update_the_result_cannot_fill_is_refused() {
        let text = format!(
            r#"{{"description": "x", "sheet": {SHEET}, "options": {{"partial": true}},
            "expect": {{"no_such_field": 1}}}}"#
        );
        let error = run_case(&text, true).unwrap_err();
        assert_eq!(
            error,
            CaseError::ResultLacks {
                fields: vec!["/no_such_field".to_owned()]
            }
        );
        assert_eq!(
            error.message(Lang::Vi),
            "không cập nhật: kết quả không có /no_such_field"
        );
    }

    fn differences(expected: Value, actual: Value) -> Vec<String> {
        let mut out = Vec::new();
        compare(&expected, &actual, String::new(), &mut out);
        out.into_iter().map(|difference| difference.path).collect()
    }

    #[test]
    fn only_expected_fields_are_compared() {
        let actual = json!({"total": "70", "stars": 4, "extra": [1, 2]});
        assert!(differences(json!({"total": "70"}), actual.clone()).is_empty());
        assert_eq!(differences(json!({"stars": 3}), actual), ["/stars"]);
    }

    #[test]
    fn arrays_must_match_in_length_and_order() {
        let actual =
            json!({"gates": [{"criterion": "5.1", "level": 4}, {"criterion": "7", "level": 5}]});
        assert!(
            differences(
                json!({"gates": [{"criterion": "5.1"}, {"level": 5}]}),
                actual.clone()
            )
            .is_empty()
        );
        assert_eq!(
            differences(json!({"gates": [{"criterion": "5.1"}]}), actual.clone()),
            ["/gates"]
        );
        assert_eq!(
            differences(json!({"gates": [{"level": 5}, {"level": 4}]}), actual),
            ["/gates/0/level", "/gates/1/level"]
        );
    }

    #[test]
    fn contains_matches_elements_anywhere() {
        let actual =
            json!({"criteria": [{"code": "1.1", "points": "3"}, {"code": "5.2", "points": "0"}]});
        assert!(
            differences(
                json!({"criteria": {"$contains": [{"code": "5.2", "points": "0"}]}}),
                actual.clone()
            )
            .is_empty()
        );
        assert_eq!(
            differences(
                json!({"criteria": {"$contains": [{"code": "5.2", "points": "2"}]}}),
                actual
            ),
            ["/criteria/$contains/0"]
        );
    }

    #[test]
    fn a_missing_field_differs() {
        assert_eq!(
            differences(json!({"reason": {"kind": "dossier"}}), json!({})),
            ["/reason"]
        );
    }
}
