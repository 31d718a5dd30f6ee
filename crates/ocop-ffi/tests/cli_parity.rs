//! The library answers byte for byte what the `ocop` command prints with `--format json`: every
//! scoring case of the fixtures, valid and invalid, in both languages; every council case, with
//! and without a rules file; a round of them ranked; the rubric listing; and the lint report the
//! command prints; a year's evaluation rounds.

// The test calls the `extern "C"` functions as a C caller would, through raw pointers.
#![allow(unsafe_code)]

mod support;

use std::ffi::{CStr, c_char};
use std::path::Path;
use std::ptr;

use ocop_ffi::documents::ocop_engine_calendar;
use ocop_ffi::engine::{
    OCOP_OPTION_ENGLISH, OCOP_OPTION_PARTIAL, ocop_engine, ocop_engine_free,
    ocop_engine_lint_rubrics, ocop_engine_list_rubrics, ocop_engine_new_bundled, ocop_engine_rank,
    ocop_engine_score_council, ocop_engine_score_sheet,
};
use ocop_ffi::error::{ocop_error, ocop_error_document, ocop_error_free, ocop_status};
use ocop_ffi::string::ocop_string_free;
use support::{cli_score, ocop, ocop_in, without_file};

/// An engine with the bundled rubrics, released when dropped.
struct Engine(*const ocop_engine);

impl Engine {
    fn bundled() -> Self {
        let mut engine = ptr::null();
        // SAFETY: valid out-parameters.
        let status = unsafe { ocop_engine_new_bundled(&raw mut engine, ptr::null_mut()) };
        assert_eq!(status, ocop_status::Ok);
        Self(engine)
    }

    /// The document the library answers for a sheet: the result, or the error document.
    fn score(&self, sheet: &str, options: u32) -> (ocop_status, String) {
        // SAFETY: a live engine, a readable sheet, valid out-parameters.
        answer(|result, len, error| unsafe {
            ocop_engine_score_sheet(
                self.0,
                sheet.as_ptr().cast(),
                sheet.len(),
                options,
                result,
                len,
                error,
            )
        })
    }

    /// The document the library answers for a request (a council session, or a round as NDJSON)
    /// and optional rules.
    fn with_rules(
        &self,
        function: WithRules,
        request: &str,
        rules: Option<&str>,
        options: u32,
    ) -> (ocop_status, String) {
        let (rules, rules_len) = text_or_null(rules);
        // SAFETY: a live engine, readable texts, valid out-parameters.
        answer(|result, len, error| unsafe {
            function(
                self.0,
                request.as_ptr().cast(),
                request.len(),
                rules,
                rules_len,
                options,
                result,
                len,
                error,
            )
        })
    }
}

/// The signature of the entry points that take a request and optional council rules.
type WithRules = unsafe extern "C" fn(
    *const ocop_engine,
    *const c_char,
    usize,
    *const c_char,
    usize,
    u32,
    *mut *mut c_char,
    *mut usize,
    *mut *mut ocop_error,
) -> ocop_status;

/// `ocop_engine_rank` told that its sessions come from `round.ndjson`, as the command reads them,
/// with the signature of the other entry points that take rules.
///
/// # Safety
///
/// The contract of `ocop_engine_rank`.
unsafe extern "C" fn rank_round_ndjson(
    engine: *const ocop_engine,
    sessions: *const c_char,
    sessions_len: usize,
    rules: *const c_char,
    rules_len: usize,
    options: u32,
    result_out: *mut *mut c_char,
    result_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let source = "round.ndjson";
    // SAFETY: the caller keeps `ocop_engine_rank`'s contract; `source` is readable.
    unsafe {
        ocop_engine_rank(
            engine,
            sessions,
            sessions_len,
            source.as_ptr().cast(),
            source.len(),
            rules,
            rules_len,
            options,
            result_out,
            result_len_out,
            err_out,
        )
    }
}

/// An optional text argument as a pointer and a length: NULL and 0 for none.
fn text_or_null(text: Option<&str>) -> (*const c_char, usize) {
    text.map_or((ptr::null(), 0), |text| (text.as_ptr().cast(), text.len()))
}

/// Makes a call with fresh out-parameters: its status, and the result document on success or the
/// error object's document on failure.
fn answer(
    call: impl FnOnce(*mut *mut c_char, *mut usize, *mut *mut ocop_error) -> ocop_status,
) -> (ocop_status, String) {
    let (mut result, mut len, mut error): (*mut c_char, usize, *mut ocop_error) =
        (ptr::null_mut(), 0, ptr::null_mut());
    let status = call(&raw mut result, &raw mut len, &raw mut error);
    let document = if status == ocop_status::Ok {
        assert!(error.is_null());
        // SAFETY: the library's string, of `len` bytes, released once.
        unsafe {
            let text = owned(result, len);
            ocop_string_free(result);
            text
        }
    } else {
        assert!(result.is_null(), "no partial success");
        let mut len = 0;
        // SAFETY: the error object just returned, released once.
        unsafe {
            let document = ocop_error_document(error, &raw mut len);
            assert!(!document.is_null(), "{status:?} has a document");
            let text = owned(document, len);
            ocop_error_free(error);
            text
        }
    };
    (status, document)
}

impl Drop for Engine {
    fn drop(&mut self) {
        // SAFETY: the engine is released once.
        unsafe { ocop_engine_free(self.0) };
    }
}

/// Copies a NUL-terminated string of `len` bytes.
///
/// # Safety
///
/// `text` is a NUL-terminated string of `len` bytes.
unsafe fn owned(text: *const c_char, len: usize) -> String {
    // SAFETY: as the caller promises.
    let text = unsafe { CStr::from_ptr(text) };
    assert_eq!(text.to_bytes().len(), len, "the length excludes the NUL");
    text.to_str().expect("UTF-8").to_owned()
}

/// Compares the library with the command on one sheet file, in both languages.
fn compare(engine: &Engine, file: &Path, partial: bool) -> bool {
    let sheet = std::fs::read_to_string(file).unwrap();
    let mut valid = true;
    for english in [false, true] {
        let (cli, code) = cli_score(file, partial, english);
        let options = if partial { OCOP_OPTION_PARTIAL } else { 0 }
            | if english { OCOP_OPTION_ENGLISH } else { 0 };
        let (status, library) = engine.score(&sheet, options);
        let expected = match code {
            0 => {
                assert_eq!(status, ocop_status::Ok, "{}", file.display());
                cli
            }
            _ => {
                assert_eq!(status, ocop_status::InvalidInput, "{}", file.display());
                valid = false;
                without_file(&cli, file)
            }
        };
        assert!(
            library == expected,
            "{} (english: {english}): the library and the command differ\n--- library\n{library}\n--- command\n{expected}",
            file.display()
        );
    }
    valid
}

#[test]
fn the_example_sheet_scores_as_the_command_prints() {
    assert!(compare(
        &Engine::bundled(),
        &support::example_sheet(),
        false
    ));
}

#[test]
fn an_invalid_sheet_gives_the_commands_error_document_less_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("invalid.json");
    std::fs::write(
        &file,
        "{\"rubric\": \"qd26-2026\", \"product_set\": 10,\n \"answers\": {\"1.1\": 9, \"zz\": 1}}\n",
    )
    .unwrap();
    assert!(!compare(&Engine::bundled(), &file, false));
}

#[test]
fn every_fixture_case_scores_as_the_command_prints() {
    let engine = Engine::bundled();
    let dir = tempfile::tempdir().unwrap();
    let cases = support::workspace().join("fixtures/cases");
    let (mut valid, mut invalid) = (0, 0);
    let mut folders = vec![cases];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let case: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            // A sheet case gives its sheet as a value or as exact text; others are not sheets.
            let text = match (case.get("sheet_text"), case.get("sheet")) {
                (Some(text), _) => text.as_str().unwrap().to_owned(),
                (None, Some(sheet)) => serde_json::to_string_pretty(sheet).unwrap(),
                (None, None) => continue,
            };
            let partial = case.pointer("/options/partial") == Some(&serde_json::Value::Bool(true));
            let file = dir.path().join(path.file_name().unwrap());
            std::fs::write(&file, text).unwrap();
            if compare(&engine, &file, partial) {
                valid += 1;
            } else {
                invalid += 1;
            }
        }
    }
    assert!(
        valid >= 15 && invalid >= 5,
        "compared {valid} valid and {invalid} invalid sheets"
    );
}

/// The council sessions of the fixtures (`fixtures/cases/*/council/`), by case name.
fn council_sessions() -> Vec<(String, serde_json::Value)> {
    let mut sessions = Vec::new();
    for rubric in std::fs::read_dir(support::workspace().join("fixtures/cases")).unwrap() {
        let Ok(cases) = std::fs::read_dir(rubric.unwrap().path().join("council")) else {
            continue;
        };
        for case in cases {
            let path = case.unwrap().path();
            let case: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            sessions.push((name, case["session"].clone()));
        }
    }
    sessions.sort_by(|a, b| a.0.cmp(&b.0));
    sessions
}

/// The rules file both sides are given: a province's largest spread of 5 points.
const RULES: &str = "{\"max_spread\": \"5\"}\n";

/// Options for the command and the library, in one language or the other.
fn language(english: bool) -> (&'static [&'static str], u32) {
    if english {
        (&["--lang", "en"], OCOP_OPTION_ENGLISH)
    } else {
        (&[], 0)
    }
}

/// A command's arguments: the subcommand and its input file, the language's, and the rules file
/// `rules` when given.
fn command_args(
    command: &'static str,
    file: &'static str,
    lang_args: &[&'static str],
    rules: bool,
) -> Vec<&'static str> {
    let mut args = vec![command, file];
    args.extend(lang_args);
    if rules {
        args.extend(["--rules", "rules"]);
    }
    args
}

/// Runs the command in `dir` with JSON output; its standard output and exit status.
fn command_in(dir: &Path, args: &[&str]) -> (String, i32) {
    let output = ocop_in(dir, &[args, &["--format", "json"]].concat());
    let code = output.status.code().expect("ocop exited");
    assert!(
        code == 0 || code == 1,
        "ocop {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (String::from_utf8(output.stdout).unwrap(), code)
}

/// Every council case, and one invalid session, with and without rules, in both languages. The
/// rules file is named `rules`, as the library names the rules it is given, so that even the
/// rules' source in the result is the same.
#[test]
fn every_council_case_scores_as_the_command_prints() {
    let engine = Engine::bundled();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules"), RULES).unwrap();
    let mut sessions = council_sessions();
    assert!(sessions.len() >= 10, "{} council cases", sessions.len());
    let mut invalid = sessions[0].1.clone();
    invalid["members"][0]["answers"]["1.1"] = 9.into();
    sessions.push(("invalid".to_owned(), invalid));
    let mut outcomes = [0, 0];
    for (name, session) in &sessions {
        let text = serde_json::to_string_pretty(session).unwrap();
        std::fs::write(dir.path().join("session.json"), &text).unwrap();
        for english in [false, true] {
            let (lang_args, options) = language(english);
            for rules in [None, Some(RULES)] {
                let args = command_args("council", "session.json", lang_args, rules.is_some());
                let (command, code) = command_in(dir.path(), &args);
                let (status, library) =
                    engine.with_rules(ocop_engine_score_council, &text, rules, options);
                let expected = if code == 0 {
                    assert_eq!(status, ocop_status::Ok, "{name}");
                    command
                } else {
                    assert_eq!(status, ocop_status::InvalidInput, "{name}");
                    without_file(&command, Path::new("session.json"))
                };
                assert!(
                    library == expected,
                    "{name} {args:?}: the library and the command differ\n--- library\n{library}\n--- command\n{expected}"
                );
                outcomes[usize::from(code == 0)] += 1;
            }
        }
    }
    assert_eq!(outcomes, [4, 4 * (sessions.len() - 1)], "[invalid, valid]");
}

/// Invalid rules give the command's error document, which names the file `rules`.
#[test]
fn invalid_rules_give_the_commands_error_document() {
    let engine = Engine::bundled();
    let dir = tempfile::tempdir().unwrap();
    let rules = "{\"max_spread\": 5}\n";
    std::fs::write(dir.path().join("rules"), rules).unwrap();
    let session = serde_json::to_string(&council_sessions()[0].1).unwrap();
    std::fs::write(dir.path().join("session.json"), &session).unwrap();
    for english in [false, true] {
        let (lang_args, options) = language(english);
        let args = command_args("council", "session.json", lang_args, true);
        let (command, code) = command_in(dir.path(), &args);
        assert_eq!(code, 1);
        assert!(command.contains("\"file\": \"rules\""), "{command}");
        assert_eq!(
            engine.with_rules(ocop_engine_score_council, &session, Some(rules), options),
            (ocop_status::InvalidInput, command.clone())
        );
        assert_eq!(
            engine.with_rules(rank_round_ndjson, &session, Some(rules), options),
            (ocop_status::InvalidInput, command)
        );
    }
}

/// A round of every council case, with a blank line and a broken session: the command's ranking,
/// byte for byte when the library is given the file's name, and the call succeeds although the
/// command exits with status 1 for the broken session.
#[test]
fn a_round_ranks_as_the_command_prints() {
    let engine = Engine::bundled();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules"), RULES).unwrap();
    let mut round: Vec<String> = council_sessions()
        .iter()
        .map(|(_, session)| serde_json::to_string(session).unwrap())
        .collect();
    round.insert(2, String::new());
    // Only ASCII whitespace makes a line blank: a no-break space or a vertical tab is a failure.
    round.insert(3, "\u{a0}".to_owned());
    round.insert(4, "\u{b}\t ".to_owned());
    round.push("{\"product_set\": ".to_owned());
    let round = round.join("\n") + "\n";
    std::fs::write(dir.path().join("round.ndjson"), &round).unwrap();
    for english in [false, true] {
        let (lang_args, options) = language(english);
        for rules in [None, Some(RULES)] {
            let args = command_args("rank", "round.ndjson", lang_args, rules.is_some());
            let (command, code) = command_in(dir.path(), &args);
            assert_eq!(code, 1, "the broken session fails the command");
            let expected = command;
            let (status, library) = engine.with_rules(rank_round_ndjson, &round, rules, options);
            assert_eq!(status, ocop_status::Ok);
            assert!(
                library == expected,
                "{args:?}: the library and the command differ\n--- library\n{library}\n--- command\n{expected}"
            );
        }
    }
}

/// The signature of the entry points that report on the engine's rubrics.
type Report = unsafe extern "C" fn(
    *const ocop_engine,
    *mut *mut c_char,
    *mut usize,
    *mut *mut ocop_error,
) -> ocop_status;

/// What a report entry point answers for the bundled rubrics.
fn report(function: Report) -> String {
    let engine = Engine::bundled();
    let (mut text, mut len) = (ptr::null_mut(), 0);
    // SAFETY: a live engine and valid out-parameters; the string is released once.
    unsafe {
        let status = function(engine.0, &raw mut text, &raw mut len, ptr::null_mut());
        assert_eq!(status, ocop_status::Ok);
        let document = owned(text, len);
        ocop_string_free(text);
        document
    }
}

#[test]
fn the_rubric_listing_is_the_commands() {
    let output = ocop(&["rubrics", "--format", "json"]);
    assert!(output.status.success());
    assert_eq!(
        report(ocop_engine_list_rubrics),
        String::from_utf8(output.stdout).unwrap()
    );
}

/// `ocop lint --format json` prints `[{"source": "bundled", "report": …}]`, the report indented
/// deeper: the library's document is that report, as the same value.
#[test]
fn the_lint_report_is_the_commands() {
    let output = ocop(&["lint", "--format", "json"]);
    assert!(output.status.success(), "the bundled rubrics lint clean");
    let command: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(command[0]["source"], "bundled");
    let library: serde_json::Value =
        serde_json::from_str(&report(ocop_engine_lint_rubrics)).unwrap();
    assert_eq!(library, command[0]["report"]);
}

/// `ocop calendar YEAR [--level LEVEL] [--on DATE] --format json`, in both languages: years with
/// rounds, a year under rules without rounds and one under no rubric (the command's error
/// document less its `"file"`, and status 1), and what the command refuses as usage (status 2),
/// which the library refuses as an invalid argument.
#[test]
fn a_years_calendar_is_the_commands() {
    let engine = Engine::bundled();
    let call = |year: i32,
                level: Option<&str>,
                on: Option<&str>,
                options: u32,
                result: *mut *mut c_char,
                len: *mut usize,
                error: *mut *mut ocop_error| {
        let (level, level_len) = text_or_null(level);
        let (on, on_len) = text_or_null(on);
        // SAFETY: a live engine, readable texts, valid out-parameters.
        unsafe {
            ocop_engine_calendar(
                engine.0, year, level, level_len, on, on_len, options, result, len, error,
            )
        }
    };
    let command = |year: i32, level: Option<&str>, on: Option<&str>, english: bool| {
        let year = year.to_string();
        let mut args = vec!["calendar".to_owned(), year];
        for (flag, value) in [("--level", level), ("--on", on)] {
            if let Some(value) = value {
                args.extend([flag.to_owned(), value.to_owned()]);
            }
        }
        args.extend(language(english).0.iter().map(|arg| (*arg).to_owned()));
        args.extend(["--format".to_owned(), "json".to_owned()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = ocop(&args);
        let code = output.status.code().expect("ocop exited");
        (
            format!("{args:?}"),
            String::from_utf8(output.stdout).unwrap(),
            code,
        )
    };
    let mut outcomes = [0; 2];
    for year in [2018, 2025, 2027, 2100] {
        for level in [None, Some("province"), Some("central")] {
            for on in [None, Some("2026-01-29"), Some("30/10/2027")] {
                for english in [false, true] {
                    let (args, command, code) = command(year, level, on, english);
                    let (status, library) = answer(|result, len, error| {
                        call(year, level, on, language(english).1, result, len, error)
                    });
                    let expected = match code {
                        0 => {
                            assert_eq!(status, ocop_status::Ok, "{args}");
                            command
                        }
                        1 => {
                            assert_eq!(status, ocop_status::InvalidInput, "{args}");
                            without_file(&command, Path::new("YEAR"))
                        }
                        other => panic!("ocop {args} exited with {other}"),
                    };
                    assert!(
                        library == expected,
                        "{args}: the library and the command differ\n--- library\n{library}\n--- command\n{expected}"
                    );
                    outcomes[usize::from(code == 0)] += 1;
                }
            }
        }
    }
    assert_eq!(outcomes, [2 * 3 * 3 * 2, 2 * 3 * 3 * 2], "[invalid, valid]");
    for (year, level, on) in [
        (10_000, None, None),
        (2027, Some("district"), None),
        (2027, None, Some("31/2/2027")),
    ] {
        for english in [false, true] {
            let (args, _, code) = command(year, level, on, english);
            assert_eq!(code, 2, "{args}");
            let (mut result, mut len, mut error) = (ptr::null_mut(), 0, ptr::null_mut());
            let status = call(
                year,
                level,
                on,
                language(english).1,
                &raw mut result,
                &raw mut len,
                &raw mut error,
            );
            assert_eq!(status, ocop_status::InvalidArgument, "{args}");
            assert!(result.is_null(), "no partial success");
            // SAFETY: the error object just returned, released once.
            unsafe { ocop_error_free(error) };
        }
    }
}
