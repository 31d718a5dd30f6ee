//! The stored cases agree with an independent computation of their expectations:
//! `fixtures/tools/independent_expectations.py` scores each case from the reference
//! transcriptions, without the rubric files or the engine, and exits non-zero on a difference.

use std::path::Path;
use std::process::Command;

#[test]
fn stored_cases_agree_with_the_independent_computation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = Command::new("python3")
        .arg("fixtures/tools/independent_expectations.py")
        .current_dir(&root)
        .output()
        .expect("running python3 (the independent checker needs it)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the independent checker failed ({}):\n{stdout}{stderr}",
        output.status
    );
    assert!(
        stdout.contains(" 0 differences"),
        "the independent checker found differences:\n{stdout}"
    );
}
