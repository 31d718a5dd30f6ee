//! Real clients of the library: the C tests in `tests/c/`, built against the static and the shared
//! library and run under AddressSanitizer with UndefinedBehaviorSanitizer and under valgrind; the
//! header compiled on its own, twice, as C99 and as C++; the README's C example; the Python
//! example.
//!
//! They need gcc, g++, valgrind and python3, and fail (never skip) when one is missing.

mod support;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use ocop_core::lint;
use ocop_core::output::json_document;
use ocop_core::rubric::Catalog;
use support::{
    artifacts, cli_score, crate_dir, example_session, example_sheet, ocop, ocop_in, run,
    without_file, workspace,
};

/// Where the C tests are built and their cases written: inside the target directory, so that a
/// failing binary can be run again by hand.
fn work_dir() -> &'static Path {
    static WORK_DIR: OnceLock<PathBuf> = OnceLock::new();
    WORK_DIR.get_or_init(|| {
        let dir = artifacts()
            .cli
            .parent()
            .expect("the profile folder")
            .join("ocop-ffi-c-tests");
        std::fs::create_dir_all(&dir).expect("the C test folder can be created");
        dir
    })
}

/// The sheets the C tests score and what the `ocop` command prints for them, written once.
fn cases() -> &'static Path {
    static CASES: OnceLock<PathBuf> = OnceLock::new();
    CASES.get_or_init(|| {
        let dir = work_dir().join("cases");
        std::fs::create_dir_all(dir.join("broken/bad")).unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();

        let valid = dir.join("valid.json");
        std::fs::copy(example_sheet(), &valid).unwrap();
        let (result, code) = cli_score(&valid, false, false);
        assert_eq!(code, 0, "{result}");
        write("valid.expected", &result);

        // The example with Part C and 5.1 left out.
        let mut sheet: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(example_sheet()).unwrap()).unwrap();
        let answers = sheet["answers"].as_object_mut().unwrap();
        answers.retain(|code, _| {
            let part: u32 = code.split('.').next().unwrap().parse().unwrap();
            part < 6 && code != "5.1"
        });
        let partial = dir.join("partial.json");
        std::fs::write(&partial, serde_json::to_string_pretty(&sheet).unwrap()).unwrap();
        let (result, code) = cli_score(&partial, true, false);
        assert_eq!(code, 0, "{result}");
        write("partial.expected", &result);

        let invalid = dir.join("invalid.json");
        write(
            "invalid.json",
            "{\n  \"rubric\": \"qd26-2026\", \"product_set\": 10,\n  \"answers\": {\"1.1\": 9, \"zz\": 1}\n}\n",
        );
        for (english, name) in [(false, "invalid.expected"), (true, "invalid.en.expected")] {
            let (document, code) = cli_score(&invalid, false, english);
            assert_eq!(code, 1, "{document}");
            write(name, &without_file(&document, &invalid));
        }

        let listing = ocop(&["rubrics", "--format", "json"]);
        assert!(listing.status.success());
        std::fs::write(dir.join("rubrics.expected"), listing.stdout).unwrap();
        // The command prints the report inside an array of sources, so indented deeper
        // (tests/cli_parity.rs compares the values); the library prints the core's report.
        write(
            "lint.expected",
            &json_document(&lint::lint(Catalog::bundled())),
        );

        write("broken/bad/rubric.json", "{ not json\n");

        // A council session, with and without a rules file named `rules` (the name the library
        // gives the rules it is given), invalid rules, and a round of two sessions and a broken
        // one, which the library is told to name `round.ndjson`, as the command names it.
        std::fs::copy(example_session(), dir.join("council.json")).unwrap();
        let council = |rules: Option<&str>, expected: &str, code: i32| {
            let mut args = vec!["council", "council.json", "--format", "json"];
            if let Some(rules) = rules {
                write("rules", rules);
                args.extend(["--rules", "rules"]);
            }
            let output = ocop_in(&dir, &args);
            assert_eq!(output.status.code(), Some(code), "{output:?}");
            std::fs::write(dir.join(expected), output.stdout).unwrap();
        };
        council(None, "council.expected", 0);
        council(Some("{\"max_spread\": 5}"), "rules-invalid.expected", 1);
        let document = std::fs::read_to_string(dir.join("rules-invalid.expected")).unwrap();
        assert!(document.contains("\"file\": \"rules\""), "{document}");
        council(Some("{\"max_spread\": \"5\"}"), "council.rules.expected", 0);
        let session: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(example_session()).unwrap()).unwrap();
        let session = serde_json::to_string(&session).unwrap();
        write(
            "round.ndjson",
            &format!("{session}\n\n{session}\n{{\"members\": \n"),
        );
        let output = ocop_in(&dir, &["rank", "round.ndjson", "--format", "json"]);
        assert_eq!(output.status.code(), Some(1), "the broken session fails the command");
        std::fs::write(dir.join("round.expected"), output.stdout).unwrap();

        // Advice, rescoring, the blank sheet, a certificate and a calendar, as the command prints them.
        let document = |args: &[&str], expected: &str| {
            let output = ocop_in(&dir, args);
            assert_eq!(output.status.code(), Some(0), "{output:?}");
            std::fs::write(dir.join(expected), output.stdout).unwrap();
        };
        document(&["advise", "valid.json", "--format", "json"], "advice.expected");
        document(
            &[
                "advise", "council.json", "--format", "json", "--target", "5",
                "--alternatives", "1", "--lang", "en",
            ],
            "advice.session.expected",
        );
        document(
            &["rescore", "valid.json", "--to", "qd148-2023", "--format", "json"],
            "rescore.expected",
        );
        document(
            &["sheet", "--rubric", "qd26-2026", "--set", "10", "--format", "markdown"],
            "sheet.md.expected",
        );
        document(
            &["cert", "--decided", "2026-06-15", "--on", "2029-01-01", "--format", "json"],
            "cert.expected",
        );
        // A year's rounds, and a year whose rules set none: the command's error document less
        // its "file".
        document(
            &["calendar", "2027", "--on", "30/10/2027", "--format", "json"],
            "calendar.expected",
        );
        let output = ocop_in(&dir, &["calendar", "2025", "--format", "json"]);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let command = String::from_utf8(output.stdout).unwrap();
        write(
            "calendar-2025.expected",
            &without_file(&command, Path::new("YEAR")),
        );
        dir
    })
}

#[derive(Debug, Clone, Copy)]
enum Link {
    Static,
    Shared,
}

#[derive(Debug, Clone, Copy)]
enum Check {
    /// AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer.
    Sanitizers,
    /// valgrind memcheck: every memory error, and every block left at exit, reachable or not,
    /// is an error. The library keeps nothing once its last engine is freed (the bundled
    /// rubrics are released with it), so a host that frees what it was given ends with no block
    /// of the library's allocated.
    Valgrind,
}

/// Flags every C file is compiled with.
const C_FLAGS: &[&str] = &["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-g"];

const SANITIZER_FLAGS: &[&str] = &[
    "-fsanitize=address,undefined",
    "-fno-sanitize-recover=all",
    "-fno-omit-frame-pointer",
];

/// What a program linked with the static library needs besides it (`rustc --print
/// native-static-libs` on Linux).
const STATIC_LIBS: &[&str] = &[
    "-lgcc_s",
    "-lutil",
    "-lrt",
    "-lpthread",
    "-lm",
    "-ldl",
    "-lc",
];

/// Compiles a C program against the library, for one way of linking and checking.
fn build(source: &Path, name: &str, link: Link, check: Check) -> PathBuf {
    let artifacts = artifacts();
    let binary = work_dir().join(format!("{name}-{link:?}-{check:?}").to_lowercase());
    let mut gcc = Command::new("gcc");
    gcc.args(C_FLAGS)
        .arg("-pthread")
        .arg("-I")
        .arg(crate_dir().join("include"))
        .arg("-I")
        .arg(crate_dir().join("tests/c"))
        .arg(source)
        .arg("-o")
        .arg(&binary);
    if let Check::Sanitizers = check {
        gcc.args(SANITIZER_FLAGS);
    }
    match link {
        Link::Static => {
            gcc.arg(&artifacts.static_lib).args(STATIC_LIBS);
        }
        Link::Shared => {
            // As a user links the installed library: pkg-config's flags, and a run path to it.
            let flags = pkg_config(&["--cflags", "--libs", "ocop"]);
            gcc.args(flags.split_whitespace()).arg(format!(
                "-Wl,-rpath,{}",
                artifacts.prefix.join("lib").display()
            ));
        }
    }
    run(&mut gcc);
    if let Check::Sanitizers = check {
        // The sanitizers must really be there (a silently missing runtime would pass anything).
        let bytes = std::fs::read(&binary).unwrap();
        for symbol in ["__asan_init", "__ubsan_handle"] {
            assert!(
                bytes
                    .windows(symbol.len())
                    .any(|window| window == symbol.as_bytes()),
                "{} is not instrumented ({symbol} missing)",
                binary.display()
            );
        }
    }
    binary
}

/// What pkg-config says of the installed library.
fn pkg_config(args: &[&str]) -> String {
    let output = run(Command::new("pkg-config")
        .args(args)
        .env("PKG_CONFIG_PATH", artifacts().prefix.join("lib/pkgconfig")));
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

/// Installed as a system library: the soname carries the ABI version, the links lead to it,
/// pkg-config knows the version, the header is the crate's.
#[test]
fn the_installed_library_is_named_and_versioned_like_a_system_library() {
    let lib = artifacts().prefix.join("lib");
    let version = env!("CARGO_PKG_VERSION");
    let real = lib.join(format!("libocop.so.{version}"));
    let dynamic = run(Command::new("readelf").arg("-d").arg(&real));
    let dynamic = String::from_utf8(dynamic.stdout).unwrap();
    assert!(
        dynamic.contains("Library soname: [libocop.so.0]"),
        "{dynamic}"
    );
    for (link, target) in [
        ("libocop.so.0", format!("libocop.so.{version}")),
        ("libocop.so", "libocop.so.0".to_owned()),
    ] {
        assert_eq!(
            std::fs::read_link(lib.join(link)).unwrap(),
            Path::new(&target)
        );
    }
    assert!(lib.join("libocop.a").is_file());
    assert_eq!(pkg_config(&["--modversion", "ocop"]), version);
    let include = artifacts().prefix.join("include/ocop.h");
    assert_eq!(
        std::fs::read(include).unwrap(),
        std::fs::read(crate_dir().join("include/ocop.h")).unwrap()
    );
}

/// A command running a C program (or valgrind on one) that loads the shared library this test
/// built. `cargo test` puts the target's folders on `LD_LIBRARY_PATH`, which the dynamic loader
/// searches before the program's RUNPATH, so a `libocop_ffi.so` left in the profile folder by an
/// older `cargo build` would be loaded instead: remove it.
fn c_command(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    command.env_remove("LD_LIBRARY_PATH");
    command
}

/// Runs a C test binary under its check; fails with its output unless it passes cleanly.
fn run_checked(binary: &Path, check: Check, args: &[&OsStr]) -> String {
    let mut command = match check {
        Check::Sanitizers => {
            let mut command = c_command(binary);
            command
                .env("ASAN_OPTIONS", "detect_leaks=1:halt_on_error=1:exitcode=23")
                .env("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1");
            command
        }
        Check::Valgrind => {
            let mut command = c_command("valgrind");
            command
                .args([
                    "--error-exitcode=99",
                    "--leak-check=full",
                    "--show-leak-kinds=all",
                    "--errors-for-leak-kinds=all",
                ])
                .arg(binary);
            command
        }
    };
    let output = run(command.args(args));
    let stderr = String::from_utf8_lossy(&output.stderr);
    if let Check::Valgrind = check {
        assert!(
            stderr.contains("ERROR SUMMARY: 0 errors"),
            "valgrind found errors:\n{stderr}"
        );
        for kind in ["definitely", "indirectly", "possibly"] {
            assert!(
                !stderr.contains(&format!("{kind} lost:"))
                    || stderr.contains(&format!("{kind} lost: 0 bytes in 0 blocks")),
                "valgrind found leaks:\n{stderr}"
            );
        }
    }
    String::from_utf8(output.stdout).unwrap()
}

fn c_test(name: &str, link: Link, check: Check, extra: &[&str]) {
    let source = crate_dir().join(format!("tests/c/{name}.c"));
    let binary = build(&source, name, link, check);
    let rubrics = workspace().join("rubrics");
    let mut args = vec![cases().as_os_str(), rubrics.as_os_str()];
    args.extend(extra.iter().map(OsStr::new));
    let stdout = run_checked(&binary, check, &args);
    assert!(stdout.contains(name), "{stdout}");
}

/// Rounds per thread in the threads test, and the size of the huge requests of the API test in
/// MiB: valgrind runs one thread at a time, 20 to 50 times slower.
const ROUNDS_SANITIZED: &str = "25";
const ROUNDS_VALGRIND: &str = "2";
const HUGE_SANITIZED: &str = "16";
const HUGE_VALGRIND: &str = "1";

#[test]
fn api_static_sanitized() {
    c_test("api", Link::Static, Check::Sanitizers, &[HUGE_SANITIZED]);
}

#[test]
fn api_shared_sanitized() {
    c_test("api", Link::Shared, Check::Sanitizers, &[HUGE_SANITIZED]);
}

#[test]
fn api_static_valgrind() {
    c_test("api", Link::Static, Check::Valgrind, &[HUGE_VALGRIND]);
}

#[test]
fn api_shared_valgrind() {
    c_test("api", Link::Shared, Check::Valgrind, &[HUGE_VALGRIND]);
}

#[test]
fn threads_static_sanitized() {
    c_test(
        "threads",
        Link::Static,
        Check::Sanitizers,
        &[ROUNDS_SANITIZED],
    );
}

#[test]
fn threads_shared_sanitized() {
    c_test(
        "threads",
        Link::Shared,
        Check::Sanitizers,
        &[ROUNDS_SANITIZED],
    );
}

#[test]
fn threads_static_valgrind() {
    c_test("threads", Link::Static, Check::Valgrind, &[ROUNDS_VALGRIND]);
}

#[test]
fn threads_shared_valgrind() {
    c_test("threads", Link::Shared, Check::Valgrind, &[ROUNDS_VALGRIND]);
}

#[test]
fn the_header_compiles_alone_twice_as_c99_and_as_cpp() {
    let include = crate_dir().join("include");
    let header = include.join("ocop.h");
    let twice = crate_dir().join("tests/c/header.c");
    let object = work_dir().join("header.o");
    // On its own.
    run(Command::new("gcc")
        .args(C_FLAGS)
        .args(["-fsyntax-only", "-x", "c"])
        .arg(&header));
    // Twice in one translation unit, as C and as C++.
    run(Command::new("gcc")
        .args(C_FLAGS)
        .arg("-I")
        .arg(&include)
        .arg("-c")
        .arg(&twice)
        .arg("-o")
        .arg(&object));
    for standard in ["-std=c++11", "-std=c++17"] {
        run(Command::new("g++")
            .args([
                standard,
                "-Wall",
                "-Wextra",
                "-Werror",
                "-pedantic",
                "-x",
                "c++",
            ])
            .arg("-I")
            .arg(&include)
            .arg("-c")
            .arg(&twice)
            .arg("-o")
            .arg(&object));
    }
}

/// The C example of the README compiles, runs clean under the sanitizers, and prints what the
/// command prints.
#[test]
fn the_readme_example_compiles_and_scores_as_the_command() {
    let readme = std::fs::read_to_string(crate_dir().join("README.md")).unwrap();
    let example = readme
        .split("```c\n")
        .nth(1)
        .and_then(|rest| rest.split("```\n").next())
        .expect("the README has a ```c example");
    let source = work_dir().join("readme_example.c");
    std::fs::write(&source, example).unwrap();
    let binary = build(&source, "readme_example", Link::Static, Check::Sanitizers);
    let (expected, _) = cli_score(&example_sheet(), false, false);
    let printed = run_checked(&binary, Check::Sanitizers, &[example_sheet().as_os_str()]);
    assert_eq!(printed, expected);
    // An invalid sheet: the problems on standard output, exit status 1, as the command does.
    let invalid = cases().join("invalid.json");
    let output = c_command(&binary).arg(&invalid).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let expected = std::fs::read_to_string(cases().join("invalid.expected")).unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
}

#[test]
fn the_python_example_scores_as_the_command() {
    let script = crate_dir().join("examples/score.py");
    let library = &artifacts().prefix.join("lib/libocop.so.0");
    let python = |sheet: &Path| {
        Command::new("python3")
            .arg(&script)
            .arg("--library")
            .arg(library)
            .arg(sheet)
            .output()
            .unwrap_or_else(|error| panic!("cannot run python3: {error} (is it installed?)"))
    };
    let output = python(&example_sheet());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (expected, _) = cli_score(&example_sheet(), false, false);
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);

    let output = python(&cases().join("invalid.json"));
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = std::fs::read_to_string(cases().join("invalid.expected")).unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
}
