//! Every status the service answers with, its limits, a slow client, the bearer token, shutdown
//! with a request in flight, the access log and the OpenAPI description.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::http::{Server, read_reply, request_bytes};
use crate::support::root;

fn example() -> Vec<u8> {
    std::fs::read(root().join("fixtures/examples/toi-den-ly-son.json")).unwrap()
}

#[test]
fn each_failure_has_its_status_and_a_json_document() {
    let server = Server::start(&[]);
    let cases: Vec<(u16, &str, crate::http::Reply)> = vec![
        (
            400,
            "bad_request",
            server.post("/v1/score?partial=maybe", &example()),
        ),
        (
            400,
            "bad_request",
            server.post("/v1/score?colour=red", &example()),
        ),
        (
            400,
            "bad_request",
            server.post("/v1/advise?target=6", &example()),
        ),
        (
            400,
            "bad_request",
            server.get("/v1/cert?decided=30/02/2026"),
        ),
        (400, "bad_request", server.get("/v1/cert")),
        (400, "bad_request", server.get("/v1/calendar")),
        (400, "bad_request", server.get("/v1/calendar?year=twenty")),
        (
            400,
            "bad_request",
            server.get("/v1/calendar?year=2026&level=commune"),
        ),
        (
            400,
            "bad_request",
            server.get("/v1/calendar?year=2027&level=district"),
        ),
        (
            400,
            "bad_request",
            server.get("/v1/calendar?year=2026&on=31/04/2026"),
        ),
        (
            400,
            "bad_request",
            server.get("/v1/calendar?year=9999&on=9999-12-31"),
        ),
        (400, "bad_request", server.post("/v1/rescore", &example())),
        (404, "not_found", server.get("/v2/score")),
        (404, "not_found", server.get("/v1/rubrics/qd0-2000/sets/10")),
        (
            404,
            "not_found",
            server.get("/v1/rubrics/qd26-2026/sets/27"),
        ),
        (
            404,
            "not_found",
            server.get("/v1/rubrics/qd26-2026/sets/ten"),
        ),
        (
            404,
            "not_found",
            server.get("/v1/cert?decided=2026-06-15&rubric=qd0"),
        ),
        (
            404,
            "not_found",
            server.post("/v1/rescore?to=qd0", &example()),
        ),
        (405, "method_not_allowed", server.get("/v1/score")),
        (405, "method_not_allowed", server.post("/v1/rubrics", b"")),
        (422, "invalid_input", server.post("/v1/score", b"{")),
        (
            422,
            "invalid_input",
            server.post("/v1/council", b"{\"members\": []}"),
        ),
        (
            422,
            "invalid_input",
            server.get("/v1/cert?decided=1999-01-01"),
        ),
        (
            422,
            "invalid_input",
            server.get("/v1/cert?decided=2026-05-21&rubric=qd26-2026"),
        ),
        (422, "invalid_input", server.post("/v1/advise", b"[]")),
        (422, "invalid_input", server.get("/v1/calendar?year=2020")),
        (
            422,
            "invalid_input",
            server.post("/v1/score", b"{\"rubric\": \"\xff\"}"),
        ),
    ];
    for (status, kind, reply) in cases {
        assert_eq!(reply.status, status, "{reply:?}");
        assert_eq!(reply.error_kind(), kind, "{reply:?}");
        assert_eq!(reply.header("content-type"), Some("application/json"));
    }
}

#[test]
fn bodies_over_the_limit_are_refused_whether_announced_or_streamed() {
    let server = Server::start(&["--max-body", "1KiB"]);
    let big = vec![b' '; 2048];
    let announced = server.post("/v1/score", &big);
    assert_eq!(
        (announced.status, announced.error_kind().as_str()),
        (413, "payload_too_large")
    );
    // Chunked, with no length announced: cut off when it grows past the limit.
    for target in ["/v1/score", "/v1/rank"] {
        let mut stream = server.connect();
        let mut bytes = request_bytes("POST", target, &[("Transfer-Encoding", "chunked")], b"");
        for _ in 0..4 {
            bytes.extend_from_slice(b"200\r\n");
            bytes.extend_from_slice(&[b' '; 0x200]);
            bytes.extend_from_slice(b"\r\n");
        }
        bytes.extend_from_slice(b"0\r\n\r\n");
        stream.write_all(&bytes).unwrap();
        let reply = read_reply(&mut stream);
        assert_eq!(reply.status, 413, "{target}: {reply:?}");
    }
    // Under the limit, the same service answers.
    assert_eq!(server.post("/v1/score", b"{}").status, 422);
}

#[test]
fn a_slow_client_times_out_without_holding_up_others() {
    let server = Server::start(&["--timeout", "1s"]);
    // Headers never finished.
    let mut headers_only = server.connect();
    headers_only
        .write_all(b"POST /v1/score HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    // A body announced and never sent.
    let mut body_missing = server.connect();
    body_missing
        .write_all(b"POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
        .unwrap();
    // Others are answered meanwhile.
    let started = Instant::now();
    assert_eq!(server.post("/v1/score", &example()).status, 200);
    assert!(started.elapsed() < Duration::from_millis(900));
    let reply = read_reply(&mut body_missing);
    assert_eq!(
        (reply.status, reply.error_kind().as_str()),
        (503, "unavailable")
    );
    // The connection without headers is closed.
    let mut rest = Vec::new();
    let _ = std::io::Read::read_to_end(&mut headers_only, &mut rest);
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn requests_over_the_concurrency_limit_are_refused_at_once() {
    let server = Server::start(&["--max-concurrency", "1", "--timeout", "5s"]);
    // One request holds the only place: its body is still coming.
    let mut holder = server.connect();
    holder
        .write_all(b"POST /v1/rank HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 3\r\n\r\n\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let refused = server.get("/v1/rubrics");
    assert_eq!(
        (refused.status, refused.error_kind().as_str()),
        (503, "unavailable")
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "refused at once, not queued"
    );
    holder.write_all(b"\n\n").unwrap();
    assert_eq!(read_reply(&mut holder).status, 200);
    assert_eq!(server.get("/v1/rubrics").status, 200);
}

#[test]
fn bodies_over_the_bytes_answered_at_once_are_refused_at_once() {
    let server = Server::start(&["--max-body", "3KiB", "--max-in-flight", "5KiB"]);
    let sheet = example();
    let chunked = || {
        let mut stream = server.connect();
        let mut bytes = request_bytes(
            "POST",
            "/v1/score",
            &[("Transfer-Encoding", "chunked")],
            b"",
        );
        bytes.extend_from_slice(format!("{:x}\r\n", sheet.len()).as_bytes());
        bytes.extend_from_slice(&sheet);
        bytes.extend_from_slice(b"\r\n0\r\n\r\n");
        stream.write_all(&bytes).unwrap();
        read_reply(&mut stream)
    };
    // A body of 3 KiB, still coming, holds 3 of the 5 KiB answered at once.
    let mut holder = server.connect();
    holder
        .write_all(b"POST /v1/score HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 3072\r\n\r\n{")
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    // A body declaring over 2 KiB is refused at once, not queued.
    let started = Instant::now();
    let refused = server.post("/v1/score", &vec![b' '; 2049]);
    assert_eq!(
        (refused.status, refused.error_kind().as_str()),
        (503, "unavailable"),
        "{refused:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    // A sheet that fits is answered; one of unknown length counts as --max-body and does not fit.
    assert_eq!(server.post("/v1/score", &sheet).status, 200);
    assert_eq!(chunked().status, 503);
    // The holder's share is given back with its answer: then both fit.
    holder.write_all(&[b' '; 3071]).unwrap();
    assert_eq!(read_reply(&mut holder).status, 422);
    assert_eq!(server.post("/v1/score", &vec![b' '; 2049]).status, 422);
    assert_eq!(chunked().status, 200);
}

#[test]
fn a_bytes_limit_below_the_body_limit_stops_the_service_saying_why() {
    let output = crate::support::ocop(&["serve", "--max-body", "2KiB", "--max-in-flight", "1KiB"]);
    assert_eq!(output.status.code(), Some(2));
    let said = crate::support::stderr(&output);
    assert!(
        said.contains("--max-in-flight (1024 bytes) must be at least --max-body (2048 bytes)"),
        "{said}"
    );
}

#[test]
fn a_request_refused_before_its_body_is_read_closes_its_connection_and_says_so() {
    let server = Server::start(&[]);
    let mut stream = server.connect();
    // A keep-alive request whose options are wrong, its body still to come.
    stream
        .write_all(
            b"POST /v1/score?partial=maybe HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n",
        )
        .unwrap();
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, 400, "{reply:?}");
    assert_eq!(reply.header("connection"), Some("close"), "{reply:?}");
}

#[test]
fn a_token_file_that_cannot_be_read_stops_the_service_saying_why_once() {
    let missing = tempfile::tempdir().unwrap().path().join("no-token");
    let output = crate::support::ocop(&["serve", "--token-file", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let said = crate::support::stderr(&output);
    assert!(said.contains("cannot read the token file"), "{said}");
    assert_eq!(said.matches("os error").count(), 1, "{said}");
}

#[test]
fn a_token_is_required_when_one_is_configured() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("token");
    std::fs::write(&file, "s3cret-token\n").unwrap();
    let server = Server::start(&["--token-file", file.to_str().unwrap()]);
    let missing = server.post("/v1/score", &example());
    assert_eq!(
        (missing.status, missing.error_kind().as_str()),
        (401, "unauthorized")
    );
    assert_eq!(missing.header("www-authenticate"), Some("Bearer"));
    for wrong in [
        "Bearer s3cret",
        "Bearer s3cret-token2",
        "Basic s3cret-token",
        "s3cret-token",
    ] {
        let reply = server.request("POST", "/v1/score", &[("Authorization", wrong)], &example());
        assert_eq!(reply.status, 401, "{wrong}");
    }
    let reply = server.request(
        "POST",
        "/v1/score",
        &[("Authorization", "Bearer s3cret-token")],
        &example(),
    );
    assert_eq!(reply.status, 200);
    assert_eq!(server.get("/healthz").status, 200, "health needs no token");
}

#[test]
fn shutdown_finishes_the_request_in_flight() {
    let mut server = Server::start(&[]);
    let sheet = example();
    let mut in_flight = server.connect();
    let bytes = request_bytes("POST", "/v1/score", &[], &sheet);
    let (head, body) = bytes.split_at(bytes.len() - sheet.len() / 2);
    in_flight.write_all(head).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    server.terminate();
    std::thread::sleep(Duration::from_millis(200));
    // No new connection is served once stopping.
    assert!(
        std::net::TcpStream::connect(server.address)
            .and_then(|mut stream| {
                stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")?;
                let mut reply = Vec::new();
                std::io::Read::read_to_end(&mut stream, &mut reply)?;
                Ok(reply)
            })
            .map_or(true, |reply| reply.is_empty()),
        "a new connection is not served"
    );
    in_flight.write_all(body).unwrap();
    let reply = read_reply(&mut in_flight);
    assert_eq!(reply.status, 200, "{reply:?}");
    let status = server
        .wait(Duration::from_secs(10))
        .expect("the server stops");
    assert!(status.success(), "{status:?}");
    assert_eq!(
        server.stderr().last().map(String::as_str),
        Some("ocop serve: stopped")
    );
}

#[test]
fn one_access_log_line_per_request_without_the_body() {
    let server = Server::start(&[]);
    let secret_name = "Bí mật của chủ thể";
    let sheet = String::from_utf8(example())
        .unwrap()
        .replace("Tỏi đen Lý Sơn", secret_name);
    let ok = server.post("/v1/score?lang=en", sheet.as_bytes());
    let missing = server.get("/nowhere");
    std::thread::sleep(Duration::from_millis(200));
    let log = server.access_log();
    assert_eq!(log.len(), 2, "{log:?}");
    for (line, (method, path, reply)) in log
        .iter()
        .zip([("POST", "/v1/score", &ok), ("GET", "/nowhere", &missing)])
    {
        assert_eq!(line["method"], method);
        assert_eq!(line["path"], path, "no query in the log");
        assert_eq!(line["status"], reply.status);
        assert_eq!(line["bytes"], reply.body.len());
        assert!(line["duration_ms"].as_f64().unwrap() >= 0.0);
        assert!(line["time"].as_str().unwrap().ends_with('Z'));
    }
    assert!(
        server
            .stderr()
            .iter()
            .all(|line| !line.contains(secret_name)),
        "never the body"
    );
}

#[test]
fn the_openapi_description_covers_every_route_and_every_reference_resolves() {
    let server = Server::start(&[]);
    let reply = server.get("/openapi.json");
    assert_eq!(reply.status, 200);
    let document = reply.json();
    assert_eq!(document["openapi"], "3.1.0");
    for path in [
        "/v1/score",
        "/v1/council",
        "/v1/advise",
        "/v1/rank",
        "/v1/rescore",
        "/v1/rubrics",
        "/v1/rubrics/{id}/sets/{number}",
        "/v1/cert",
        "/v1/calendar",
        "/openapi.json",
        "/healthz",
    ] {
        assert!(document["paths"].get(path).is_some(), "{path}");
    }
    // The committed schemas are its components, and every reference points into them.
    let schemas = &document["components"]["schemas"];
    for name in [
        "sheet",
        "result",
        "session",
        "council-result",
        "advice",
        "service-error",
    ] {
        assert!(schemas.get(name).is_some(), "{name}");
    }
    let mut stack = vec![&document];
    let mut references = 0;
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Object(object) => {
                if let Some(serde_json::Value::String(target)) = object.get("$ref") {
                    let pointer = target.strip_prefix('#').expect("a local reference");
                    assert!(document.pointer(pointer).is_some(), "{target} resolves");
                    references += 1;
                }
                stack.extend(object.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    assert!(references > 20, "{references} references");
}

/// A validator for one published schema, as `ocop schema NAME` prints it.
fn validator(name: &str) -> jsonschema::Validator {
    let output = crate::support::ocop(&["schema", name]);
    assert_eq!(output.status.code(), Some(0), "ocop schema {name}");
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|error| panic!("{name}: {error}"))
}

#[test]
fn every_json_response_matches_its_published_schema() {
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("token");
    std::fs::write(&token, "t").unwrap();
    let server = Server::start(&["--max-body", "64KiB"]);
    let guarded = Server::start(&["--token-file", token.to_str().unwrap()]);
    let session =
        std::fs::read(root().join("fixtures/examples/council-toi-den-ly-son.json")).unwrap();
    let round = [session.clone(), b"\n{\n".to_vec()].concat();
    let round: Vec<u8> = String::from_utf8(round)
        .unwrap()
        .replace("\n  ", " ")
        .into_bytes();
    let cases: Vec<(&str, crate::http::Reply)> = vec![
        ("result", server.post("/v1/score", &example())),
        (
            "error",
            server.post("/v1/score?lang=en", b"{\"answers\": 1}"),
        ),
        ("council-result", server.post("/v1/council", &session)),
        ("advice", server.post("/v1/advise?target=5", &example())),
        ("ranking", server.post("/v1/rank", &round)),
        (
            "rescore",
            server.post("/v1/rescore?to=qd148-2023", &example()),
        ),
        ("rubrics", server.get("/v1/rubrics")),
        ("rubric-set", server.get("/v1/rubrics/qd26-2026/sets/10")),
        ("certificate", server.get("/v1/cert?decided=2026-06-15")),
        (
            "calendar",
            server.get("/v1/calendar?year=2027&on=2027-04-30"),
        ),
        ("error", server.get("/v1/calendar?year=2020")),
        ("service-error", server.get("/v1/cert")),
        ("service-error", server.get("/nowhere")),
        ("service-error", server.get("/v1/score")),
        (
            "service-error",
            server.post("/v1/score", &vec![b' '; 70_000]),
        ),
        ("service-error", guarded.post("/v1/score", &example())),
    ];
    for (schema, reply) in cases {
        let document = reply.json();
        let validator = validator(schema);
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|error| format!("{error} (at {})", error.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{schema} ({}): {errors:#?}",
            reply.status
        );
    }
}
