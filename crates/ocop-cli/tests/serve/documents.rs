//! Every endpoint answers with what the command prints for the same input, byte for byte (an
//! error document has no `"file"`: the body is no file).

use std::path::Path;

use crate::http::Server;
use crate::support::{ocop_in, root};

/// The command's output, run in `dir`, and its exit status.
fn command(dir: &Path, args: &[&str]) -> (String, i32) {
    let output = ocop_in(dir, args);
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

/// The command's error document without its `"file"` line.
fn without_file(document: &str, file: &str) -> String {
    let line = format!("    \"file\": {},\n", serde_json::to_string(file).unwrap());
    assert!(document.contains(&line), "names its file:\n{document}");
    document.replacen(&line, "", 1)
}

/// Every stored case with a sheet, as (name, sheet text, whether it is scored `--partial`).
fn sheet_cases() -> Vec<(String, String, bool)> {
    let mut cases = Vec::new();
    let mut folders = vec![root().join("fixtures/cases")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let case: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let text = match (case.get("sheet_text"), case.get("sheet")) {
                (Some(text), _) => text.as_str().unwrap().to_owned(),
                (None, Some(sheet)) => serde_json::to_string_pretty(sheet).unwrap(),
                (None, None) => continue,
            };
            let partial = case.pointer("/options/partial") == Some(&serde_json::Value::Bool(true));
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            cases.push((name, text, partial));
        }
    }
    cases.sort();
    cases
}

/// The council sessions of the stored cases.
fn council_sessions() -> Vec<(String, serde_json::Value)> {
    let mut sessions = Vec::new();
    for rubric in std::fs::read_dir(root().join("fixtures/cases")).unwrap() {
        let Ok(cases) = std::fs::read_dir(rubric.unwrap().path().join("council")) else {
            continue;
        };
        for case in cases {
            let path = case.unwrap().path();
            let case: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            sessions.push((name, case["session"].clone()));
        }
    }
    sessions.sort_by(|a, b| a.0.cmp(&b.0));
    sessions
}

#[test]
fn every_stored_sheet_scores_as_the_command_prints() {
    let server = Server::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    let (mut valid, mut invalid) = (0, 0);
    for (name, text, partial) in sheet_cases() {
        std::fs::write(dir.path().join(&name), &text).unwrap();
        for english in [false, true] {
            let mut args = vec!["score", name.as_str(), "--format", "json"];
            let mut target = "/v1/score".to_owned();
            if partial {
                args.push("--partial");
                target.push_str("?partial");
            }
            if english {
                args.extend(["--lang", "en"]);
                target.push_str(if partial { "&lang=en" } else { "?lang=en" });
            }
            let (expected, code) = command(dir.path(), &args);
            let reply = server.post(&target, text.as_bytes());
            match code {
                0 => {
                    assert_eq!(reply.status, 200, "{name}: {}", reply.body);
                    assert_eq!(reply.body, expected, "{name} (english: {english})");
                    valid += 1;
                }
                1 => {
                    assert_eq!(reply.status, 422, "{name}: {}", reply.body);
                    assert_eq!(reply.body, without_file(&expected, &name), "{name}");
                    invalid += 1;
                }
                other => panic!("{name}: the command exited with {other}"),
            }
            assert_eq!(reply.header("content-type"), Some("application/json"));
        }
    }
    assert!(
        valid >= 30 && invalid >= 10,
        "{valid} valid, {invalid} invalid"
    );
}

#[test]
fn every_stored_session_is_combined_advised_and_ranked_as_the_command_prints() {
    let server = Server::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    let sessions = council_sessions();
    assert!(sessions.len() >= 3, "{sessions:?}");
    for (name, session) in &sessions {
        let text = serde_json::to_string_pretty(session).unwrap();
        std::fs::write(dir.path().join(name), &text).unwrap();
        let (expected, code) = command(dir.path(), &["council", name, "--format", "json"]);
        let reply = server.post("/v1/council", text.as_bytes());
        let expected = if code == 0 {
            expected
        } else {
            without_file(&expected, name)
        };
        assert_eq!(reply.status, if code == 0 { 200 } else { 422 }, "{name}");
        assert_eq!(reply.body, expected, "{name}");
    }

    // Advice on a session, with a target and one plan, in English.
    let (name, session) = &sessions[0];
    let (expected, code) = command(
        dir.path(),
        &[
            "advise",
            name,
            "--format",
            "json",
            "--target",
            "5",
            "--alternatives",
            "1",
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 0);
    let reply = server.post(
        "/v1/advise?target=5&alternatives=1&lang=en",
        serde_json::to_string_pretty(session).unwrap().as_bytes(),
    );
    assert_eq!((reply.status, reply.body), (200, expected));

    // A round: every session, a blank line and a broken session, named as the command names it.
    let mut round: Vec<String> = sessions
        .iter()
        .map(|(_, session)| serde_json::to_string(session).unwrap())
        .collect();
    round.insert(1, String::new());
    round.push("{\"product_set\": ".to_owned());
    let round = round.join("\n") + "\n";
    std::fs::write(dir.path().join("round.ndjson"), &round).unwrap();
    for english in [false, true] {
        let mut args = vec!["rank", "round.ndjson", "--format", "json"];
        let mut target = "/v1/rank?source=round.ndjson".to_owned();
        if english {
            args.extend(["--lang", "en"]);
            target.push_str("&lang=en");
        }
        let (expected, code) = command(dir.path(), &args);
        assert_eq!(code, 1, "the broken session fails the command");
        let reply = server.post(&target, round.as_bytes());
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.body, expected);
    }
    // Without a source, rows say where in the request they were.
    let reply = server.post("/v1/rank", round.as_bytes());
    assert_eq!(reply.json()["rows"][0]["source"], "request:1");
}

/// A round sent in chunks cut in the middle of lines is the round sent whole.
#[test]
fn a_round_streamed_in_chunks_ranks_as_a_whole() {
    use std::io::Write;
    let server = Server::start(&[]);
    let sessions = council_sessions();
    let round: String = sessions
        .iter()
        .map(|(_, session)| serde_json::to_string(session).unwrap() + "\n")
        .collect();
    let whole = server.post("/v1/rank", round.as_bytes());
    let mut stream = server.connect();
    stream
        .write_all(
            b"POST /v1/rank HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n",
        )
        .unwrap();
    for piece in round.as_bytes().chunks(777) {
        write!(stream, "{:x}\r\n", piece.len()).unwrap();
        stream.write_all(piece).unwrap();
        stream.write_all(b"\r\n").unwrap();
        stream.flush().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    stream.write_all(b"0\r\n\r\n").unwrap();
    let streamed = crate::http::read_reply(&mut stream);
    assert_eq!((streamed.status, &streamed.body), (200, &whole.body));
    assert_eq!(
        streamed.json()["rows"].as_array().unwrap().len(),
        sessions.len()
    );
}

#[test]
fn the_other_documents_are_the_commands() {
    let server = Server::start(&[]);
    let dir = root();
    let example =
        std::fs::read_to_string(dir.join("fixtures/examples/toi-den-ly-son.json")).unwrap();
    let example_path = "fixtures/examples/toi-den-ly-son.json";

    let (expected, _) = command(&dir, &["advise", example_path, "--format", "json"]);
    let reply = server.post("/v1/advise", example.as_bytes());
    assert_eq!((reply.status, reply.body), (200, expected));

    let (expected, _) = command(
        &dir,
        &[
            "rescore",
            example_path,
            "--to",
            "qd148-2023",
            "--format",
            "json",
        ],
    );
    let reply = server.post("/v1/rescore?to=qd148-2023", example.as_bytes());
    assert_eq!((reply.status, reply.body), (200, expected));

    let (expected, _) = command(&dir, &["rubrics", "--format", "json"]);
    let reply = server.get("/v1/rubrics");
    assert_eq!((reply.status, reply.body), (200, expected));

    for (format, accept, content_type) in [
        ("markdown", "text/markdown", "text/markdown; charset=utf-8"),
        ("text", "text/plain", "text/plain; charset=utf-8"),
        // What a browser asks for: the printable sheet.
        (
            "html",
            "text/html,application/xhtml+xml,*/*;q=0.8",
            "text/html; charset=utf-8",
        ),
    ] {
        let (expected, _) = command(
            &dir,
            &[
                "sheet",
                "--rubric",
                "qd26-2026",
                "--set",
                "10",
                "--format",
                format,
                "--lang",
                "en",
            ],
        );
        let reply = server.get(&format!(
            "/v1/rubrics/qd26-2026/sets/10?format={format}&lang=en"
        ));
        assert_eq!((reply.status, &reply.body), (200, &expected));
        assert_eq!(reply.header("content-type"), Some(content_type));
        let reply = server.request(
            "GET",
            "/v1/rubrics/qd26-2026/sets/10",
            &[("Accept", accept), ("Accept-Language", "en")],
            b"",
        );
        assert_eq!(reply.body, expected, "chosen by Accept");
    }
    // JSON: the product set's file as stored.
    let reply = server.get("/v1/rubrics/qd26-2026/sets/10");
    let stored = std::fs::read_to_string(dir.join("rubrics/qd26-2026/sets/10.json")).unwrap();
    assert_eq!((reply.status, reply.body), (200, stored));

    let (expected, _) = command(
        &dir,
        &[
            "cert",
            "--decided",
            "2026-06-15",
            "--on",
            "2029-01-01",
            "--format",
            "json",
        ],
    );
    let reply = server.get("/v1/cert?decided=2026-06-15&on=2029-01-01");
    assert_eq!((reply.status, reply.body), (200, expected));

    // A decision no rubric can have issued: the command's problem, in the language asked for.
    for lang in ["vi", "en"] {
        let (expected, _) = command(
            &dir,
            &[
                "cert",
                "--decided",
                "1999-01-01",
                "--format",
                "json",
                "--lang",
                lang,
            ],
        );
        let reply = server.get(&format!("/v1/cert?decided=1999-01-01&lang={lang}"));
        assert_eq!(
            (reply.status, reply.body),
            (422, without_file(&expected, "--decided"))
        );
    }
    // The rounds of a year, and those a file proposed on a day can enter, as `ocop calendar`.
    let (expected, _) = command(
        &dir,
        &[
            "calendar",
            "2027",
            "--level",
            "province",
            "--on",
            "2027-04-30",
            "--format",
            "json",
        ],
    );
    let reply = server.get("/v1/calendar?year=2027&level=province&on=30/4/2027");
    assert_eq!((reply.status, reply.body), (200, expected));
    // A year no rubric in force sets rounds for: the command's problem.
    for lang in ["vi", "en"] {
        let (expected, _) = command(
            &dir,
            &["calendar", "2020", "--format", "json", "--lang", lang],
        );
        let reply = server.get(&format!("/v1/calendar?year=2020&lang={lang}"));
        assert_eq!(
            (reply.status, reply.body),
            (422, without_file(&expected, "YEAR"))
        );
    }
    let (expected, _) = command(&dir, &["rubrics", "--format", "json", "--lang", "en"]);
    let reply = server.get("/v1/rubrics?lang=en");
    assert_eq!((reply.status, reply.body), (200, expected));
}

#[test]
fn english_is_asked_for_by_parameter_or_by_accept_language() {
    let server = Server::start(&[]);
    let invalid = br#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": 9}}"#;
    let vietnamese = server.post("/v1/score", invalid);
    let english = server.post("/v1/score?lang=en", invalid);
    let accepted = server.request(
        "POST",
        "/v1/score",
        &[("Accept-Language", "en-GB,vi;q=0.5")],
        invalid,
    );
    let overridden = server.request(
        "POST",
        "/v1/score?lang=vi",
        &[("Accept-Language", "en")],
        invalid,
    );
    assert_eq!(vietnamese.status, 422);
    assert_ne!(vietnamese.body, english.body);
    assert_eq!(accepted.body, english.body);
    assert_eq!(overridden.body, vietnamese.body);
}
