//! The README's client examples, in PHP (curl) and Java (`java.net.http`), run against the real
//! service when their toolchain is present: each prints what `ocop score --format json` prints,
//! and exits 1 with the error document for an invalid sheet.

use std::path::Path;
use std::process::Command;

use crate::http::Server;
use crate::support::{ocop, root};

/// The README's code block in `language`.
fn readme_example(language: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    readme
        .split(&format!("```{language}\n"))
        .nth(1)
        .and_then(|rest| rest.split("```\n").next())
        .unwrap_or_else(|| panic!("the README has a ```{language} example"))
        .to_owned()
}

/// Whether a toolchain answers; a test says so when it does not, rather than failing.
fn present(program: &str, args: &[&str], needle: &str) -> bool {
    let found = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).contains(needle));
    if !found {
        eprintln!("{program} with {needle} is not installed: the example is not run");
    }
    found
}

/// Runs a client on the example sheet and on an invalid one, against a fresh service.
fn check_client(run: impl Fn(&str, &Path) -> std::process::Output) {
    let server = Server::start(&[]);
    let service = format!("http://{}", server.address);
    let sheet = root().join("fixtures/examples/toi-den-ly-son.json");
    let output = run(&service, &sheet);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = ocop(&["score", sheet.to_str().unwrap(), "--format", "json"]).stdout;
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(expected).unwrap()
    );

    let dir = tempfile::tempdir().unwrap();
    let invalid = dir.path().join("invalid.json");
    std::fs::write(
        &invalid,
        r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": 9}}"#,
    )
    .unwrap();
    let output = run(&service, &invalid);
    assert_eq!(output.status.code(), Some(1));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["error"]["kind"], "invalid_input");
}

#[test]
fn the_php_example_scores_as_the_command() {
    if !present("php", &["-m"], "curl") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("score.php");
    std::fs::write(&script, readme_example("php")).unwrap();
    check_client(|service, sheet| {
        Command::new("php")
            .arg(&script)
            .arg(service)
            .arg(sheet)
            .output()
            .unwrap()
    });
}

#[test]
fn the_java_example_scores_as_the_command() {
    if !present("java", &["--version"], "") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("Score.java");
    std::fs::write(&source, readme_example("java")).unwrap();
    check_client(|service, sheet| {
        Command::new("java")
            .arg(&source)
            .arg(service)
            .arg(sheet)
            .output()
            .unwrap()
    });
}
