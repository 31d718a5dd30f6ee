//! Every JSON document the `ocop` command prints matches its published schema (`ocop schema
//! NAME`, committed in `schemas/`), checked with a JSON Schema validator on the real output: of
//! every stored case and example, and of every command, failures included. The inputs the cases
//! hold as valid match the input schemas, and the bundled rubric files match theirs.

mod support;

use std::path::{Path, PathBuf};

use ocop_core::fixtures::{Case, CaseKind};
use serde_json::Value;
use support::{json, ocop, ocop_in, root, stdout};

/// A validator for one published schema, as `ocop schema NAME` prints it.
fn validator(name: &str) -> jsonschema::Validator {
    let output = ocop(&["schema", name]);
    assert_eq!(output.status.code(), Some(0), "ocop schema {name}");
    jsonschema::validator_for(&json(&output)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn assert_valid(validator: &jsonschema::Validator, document: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|error| format!("{error} (at {})", error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

/// Every JSON file under a folder, in path order.
fn json_files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            found.extend(json_files(&entry));
        } else if entry
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            found.push(entry);
        }
    }
    found
}

/// The schemas of a command's documents.
struct Schemas {
    result: jsonschema::Validator,
    council: jsonschema::Validator,
    advice: jsonschema::Validator,
    error: jsonschema::Validator,
    sheet: jsonschema::Validator,
    session: jsonschema::Validator,
}

impl Schemas {
    fn new() -> Self {
        Self {
            result: validator("result"),
            council: validator("council-result"),
            advice: validator("advice"),
            error: validator("error"),
            sheet: validator("sheet"),
            session: validator("session"),
        }
    }

    /// Runs a command that prints a result or, exiting 1, an error document, and checks it.
    fn run(&self, args: &[&str], result: &jsonschema::Validator, what: &str) -> Value {
        let output = ocop(args);
        let document = json(&output);
        match output.status.code() {
            Some(0) => assert_valid(result, &document, what),
            Some(1) => assert_valid(&self.error, &document, what),
            other => panic!("{what}: exit status {other:?}"),
        }
        document
    }

    /// Checks everything printed for one input: scored (sheet or session), and advised.
    fn check_input(&self, path: &Path, kind: CaseKind, partial: bool, valid_input: bool) {
        let file = path.to_str().unwrap();
        let what = path.display().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        if valid_input {
            let input: Value = serde_json::from_str(&text).unwrap();
            let schema = match kind {
                CaseKind::Sheet => &self.sheet,
                CaseKind::Session => &self.session,
            };
            assert_valid(schema, &input, &format!("{what} (input)"));
        }
        let mut args = match kind {
            CaseKind::Sheet => vec!["score", file, "--format", "json"],
            CaseKind::Session => vec!["council", file, "--format", "json"],
        };
        if partial {
            args.push("--partial");
        }
        let schema = match kind {
            CaseKind::Sheet => &self.result,
            CaseKind::Session => &self.council,
        };
        self.run(&args, schema, &what);
        args[0] = "advise";
        self.run(&args, &self.advice, &format!("{what} (advice)"));
    }
}

#[test]
fn every_stored_case_and_example_prints_documents_that_match_their_schemas() {
    let schemas = Schemas::new();
    let scratch = tempfile::tempdir().unwrap();
    let mut sessions = String::new();
    for (index, path) in json_files(&root().join("fixtures/cases"))
        .iter()
        .enumerate()
    {
        let value: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let case = Case::from_value(&value).unwrap();
        let input = scratch.path().join(format!("case-{index}.json"));
        std::fs::write(&input, &case.input).unwrap();
        let expects_error = case.expect.get("error").is_some();
        let partial = case.completeness == ocop_core::sheet::Completeness::Partial;
        schemas.check_input(&input, case.kind, partial, !expects_error);
        if case.kind == CaseKind::Session
            && let Ok(session) = serde_json::from_str::<Value>(&case.input)
        {
            sessions.push_str(&session.to_string());
            sessions.push('\n');
        }
    }
    for example in json_files(&root().join("fixtures/examples")) {
        let text = std::fs::read_to_string(&example).unwrap();
        let kind = if ocop_core::council::is_session(&text) {
            CaseKind::Session
        } else {
            CaseKind::Sheet
        };
        schemas.check_input(&example, kind, false, true);
    }
    // Every stored session ranked together, with a line that fails among them.
    sessions.push_str("{\"not\": \"a session\"}\n");
    let round = scratch.path().join("round.ndjson");
    std::fs::write(&round, &sessions).unwrap();
    let output = ocop(&["rank", round.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let ranking = json(&output);
    assert_valid(&validator("ranking"), &ranking, "rank");
    assert_eq!(ranking["distribution"]["failed"], 1);
}

#[test]
fn every_command_prints_documents_that_match_their_schemas() {
    let example = support::example();
    let checks: Vec<(&str, Vec<&str>, Option<i32>)> = vec![
        ("rubrics", vec!["rubrics", "--format", "json"], Some(0)),
        ("lint", vec!["lint", "--format", "json"], Some(0)),
        (
            "lint",
            vec![
                "lint",
                "fixtures/invalid-rubrics/option-above-max",
                "--format",
                "json",
            ],
            Some(1),
        ),
        (
            "diff",
            vec!["diff", "qd148-2023", "qd26-2026", "--format", "json"],
            Some(0),
        ),
        (
            "fixtures",
            vec![
                "fixtures",
                "check",
                "fixtures/cases/qd26-2026/council",
                "--format",
                "json",
            ],
            Some(0),
        ),
        (
            "rescore",
            vec![
                "rescore",
                &example,
                "--to",
                "qd148-2023",
                "--format",
                "json",
            ],
            Some(0),
        ),
        (
            "certificate",
            vec![
                "cert",
                "--decided",
                "2026-06-15",
                "--on",
                "2028-12-20",
                "--format",
                "json",
            ],
            Some(0),
        ),
        (
            "calendar",
            vec!["calendar", "2027", "--on", "15/5/2027", "--format", "json"],
            Some(0),
        ),
        // A register with two bad rows: listed as failures, the rest followed (exit 1).
        (
            "register",
            vec![
                "register",
                "fixtures/registers/lam-dong-2025-2026.csv",
                "--on",
                "2026-08-10",
                "--targets",
                "fixtures/registers/lam-dong-targets.json",
                "--format",
                "json",
            ],
            Some(1),
        ),
        // A rubric named for a certificate decided before it took effect; a year whose rules
        // set no rounds.
        (
            "error",
            vec![
                "cert",
                "--decided",
                "2026-05-21",
                "--rubric",
                "qd26-2026",
                "--format",
                "json",
            ],
            Some(1),
        ),
        (
            "error",
            vec!["calendar", "2025", "--format", "json"],
            Some(1),
        ),
        // Failures: an input that is not JSON, a file that does not exist, a usage error,
        // invalid rubric data.
        (
            "error",
            vec![
                "score",
                "fixtures/invalid-rubrics/malformed-json/sets/01.json",
                "--format",
                "json",
            ],
            Some(1),
        ),
        (
            "error",
            vec!["score", "no-such-file.json", "--format", "json"],
            Some(2),
        ),
        (
            "error",
            vec!["advise", &example, "--target", "9", "--format", "json"],
            Some(2),
        ),
        (
            "error",
            vec![
                "score",
                &example,
                "--rubrics",
                "fixtures/invalid-rubrics/points-too-large-to-add",
                "--format",
                "json",
            ],
            Some(1),
        ),
    ];
    for (schema, args, status) in checks {
        let output = ocop_in(&root(), &args);
        assert_eq!(
            output.status.code(),
            status,
            "{args:?}: {}",
            stdout(&output)
        );
        assert_valid(&validator(schema), &json(&output), &format!("{args:?}"));
    }
}

#[test]
fn the_bundled_rubric_files_match_their_schemas() {
    let instrument = validator("rubric");
    let set = validator("rubric-set");
    let council = validator("council-defaults");
    for file in json_files(&root().join("rubrics")) {
        if file.starts_with(root().join("rubrics/sources")) {
            continue;
        }
        let document: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let schema = match file.file_name().and_then(|name| name.to_str()) {
            Some("rubric.json") => &instrument,
            Some("council.json") => &council,
            _ => &set,
        };
        assert_valid(schema, &document, &file.display().to_string());
    }
}

#[test]
fn the_validator_rejects_a_document_that_breaks_its_schema() {
    let output = ocop(&["score", &support::example(), "--format", "json"]);
    let mut document = json(&output);
    let result = validator("result");
    assert!(result.is_valid(&document));
    document["stars"] = Value::from("three");
    assert!(!result.is_valid(&document));
    document["stars"] = Value::from(3);
    document["criteria"][0]
        .as_object_mut()
        .unwrap()
        .remove("points");
    assert!(!result.is_valid(&document));
}
