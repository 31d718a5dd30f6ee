//! Running the `ocop` binary as a user would: arguments, standard input, and what it prints.

// Each test binary uses a part of this module.
#![allow(dead_code, unreachable_pub)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The README's example sheet: 73 points, 3★ (5.1's gate caps the band's 4★).
pub fn example() -> String {
    root()
        .join("fixtures/examples/toi-den-ly-son.json")
        .display()
        .to_string()
}

/// Runs `ocop` with arguments.
pub fn ocop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `ocop` with arguments in a working directory, for relative paths.
pub fn ocop_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Runs `ocop` with arguments and a standard input.
pub fn ocop_stdin(args: &[&str], input: &str) -> Output {
    ocop_stdin_bytes(args, input.as_bytes())
}

/// Runs `ocop` with arguments and a standard input that need not be text (a workbook).
pub fn ocop_stdin_bytes(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// What it printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// What it printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Standard output as JSON.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap()
}
