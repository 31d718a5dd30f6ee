//! What the client tests need: the built libraries and the `ocop` command, found next to the
//! test executable (so in the same target directory and profile), and the workspace's files.

#![allow(dead_code, unreachable_pub)] // each test binary uses a part of this module

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::SystemTime;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// This crate's folder.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example sheet of the README: 73 points, 3★ (a gate caps the band's 4★).
pub fn example_sheet() -> PathBuf {
    workspace().join("fixtures/examples/toi-den-ly-son.json")
}

/// The example council session of the README: five scoring members of a provincial council.
pub fn example_session() -> PathBuf {
    workspace().join("fixtures/examples/council-toi-den-ly-son.json")
}

/// The artifacts of this build: the shared and the static library, the library installed as users
/// install it, and the `ocop` command.
pub struct Artifacts {
    /// `libocop_ffi.so` (`.dylib` on macOS).
    pub shared: PathBuf,
    /// The prefix `install.sh` installed this build's library under (`lib/libocop.so.0`,
    /// `lib/pkgconfig/ocop.pc`, `include/ocop.h`).
    pub prefix: PathBuf,
    /// `libocop_ffi.a`.
    pub static_lib: PathBuf,
    /// The `ocop` command.
    pub cli: PathBuf,
}

/// The libraries of this build and an up-to-date `ocop` command, found (or built, when missing
/// or stale) in the target directory and profile of this test executable. Once per test binary.
pub fn artifacts() -> &'static Artifacts {
    static ARTIFACTS: OnceLock<Artifacts> = OnceLock::new();
    ARTIFACTS.get_or_init(|| {
        // The test executable is <target>/<profile>/deps/<test>-<hash>.
        let exe = std::env::current_exe().expect("the test executable has a path");
        let deps = exe.parent().expect("the test executable is in a folder");
        let profile_dir = deps.parent().expect("the deps folder has a parent");
        let shared_name = format!(
            "{}ocop_ffi{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        );
        // `cargo test` builds the cdylib and the staticlib with the rlib the tests link, into
        // deps/ (it does not copy them up to the profile folder as `cargo build` does).
        let mut shared = deps.join(&shared_name);
        let mut static_lib = deps.join("libocop_ffi.a");
        if !shared.is_file() || !static_lib.is_file() {
            cargo_build(profile_dir, "ocop-ffi");
            shared = profile_dir.join(&shared_name);
            static_lib = profile_dir.join("libocop_ffi.a");
        }
        // The command is built by `cargo test --workspace` (for its own tests), not by
        // `cargo test -p ocop-ffi`: build it when missing or older than its sources.
        let cli = profile_dir.join(format!("ocop{}", std::env::consts::EXE_SUFFIX));
        if modified(&cli) < newest_source() {
            cargo_build(profile_dir, "ocop-cli");
        }
        let prefix = install(profile_dir);
        let artifacts = Artifacts {
            shared,
            prefix,
            static_lib,
            cli,
        };
        for path in [&artifacts.shared, &artifacts.static_lib, &artifacts.cli] {
            assert!(path.is_file(), "{} was not built", path.display());
        }
        artifacts
    })
}

/// Installs the library of this build under a fresh prefix in the profile folder, with the
/// documented command (`install.sh`), as a user installs it.
fn install(profile_dir: &Path) -> PathBuf {
    let prefix = profile_dir.join("ocop-ffi-prefix");
    let _ = std::fs::remove_dir_all(&prefix);
    let profile = match profile_dir.file_name().and_then(|name| name.to_str()) {
        Some("debug") => "dev",
        Some(other) => other,
        None => "dev",
    };
    run(Command::new(crate_dir().join("install.sh"))
        .arg("--prefix")
        .arg(&prefix)
        .args(["--profile", profile])
        .env(
            "CARGO_TARGET_DIR",
            profile_dir.parent().expect("a target folder"),
        ));
    prefix
}

/// Builds a package with cargo, in the target directory and profile of `profile_dir`.
fn cargo_build(profile_dir: &Path, package: &str) {
    let target_dir = profile_dir
        .parent()
        .expect("the profile folder has a parent");
    let profile = profile_dir
        .file_name()
        .and_then(|name| name.to_str())
        .expect("the profile folder has a UTF-8 name");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(workspace())
        .args(["build", "--quiet", "--locked", "-p", package])
        .arg("--target-dir")
        .arg(target_dir);
    match profile {
        "debug" => {}
        "release" => {
            command.arg("--release");
        }
        other => {
            command.args(["--profile", other]);
        }
    }
    run(&mut command);
}

/// When a file was last modified; the epoch when it does not exist.
fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// The last modification of anything the `ocop` command is built from.
fn newest_source() -> SystemTime {
    let root = workspace();
    let mut newest = modified(&root.join("Cargo.lock"));
    let mut folders = vec![
        root.join("crates/ocop-core"),
        root.join("crates/ocop-cli"),
        root.join("rubrics"),
    ];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                newest = newest.max(modified(&path));
            }
        }
    }
    newest
}

/// Runs the `ocop` command; its standard output, whatever its exit status.
pub fn ocop(args: &[&str]) -> Output {
    Command::new(&artifacts().cli)
        .args(args)
        .output()
        .expect("the ocop command runs")
}

/// Runs the `ocop` command in a folder, so that files named relative to it keep those names in
/// what it prints.
pub fn ocop_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(&artifacts().cli)
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the ocop command runs")
}

/// The JSON document `ocop score FILE --format json` prints, and its exit status.
pub fn cli_score(file: &Path, partial: bool, english: bool) -> (String, i32) {
    let file = file.to_str().expect("a UTF-8 path");
    let mut args = vec!["score", file, "--format", "json"];
    if partial {
        args.push("--partial");
    }
    if english {
        args.extend(["--lang", "en"]);
    }
    let output = ocop(&args);
    let code = output.status.code().expect("ocop exited");
    assert!(
        code == 0 || code == 1,
        "ocop {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8(output.stdout).expect("ocop prints UTF-8"),
        code,
    )
}

/// The command's invalid-input document less its `"file"` line: what the library returns.
pub fn without_file(document: &str, file: &Path) -> String {
    let line = format!(
        "    \"file\": {},\n",
        serde_json::to_string(file.to_str().expect("a UTF-8 path")).expect("a JSON string")
    );
    assert!(
        document.contains(&line),
        "the command's error document names its file ({line:?}):\n{document}"
    );
    document.replacen(&line, "", 1)
}

/// Runs a program, failing loudly (with its output) unless it succeeds.
pub fn run(command: &mut Command) -> Output {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("cannot run {command:?}: {error} (is it installed?)"));
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}
