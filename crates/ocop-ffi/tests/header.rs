//! The committed header `include/ocop.h` is what cbindgen generates from the sources now.
//!
//! The header is regenerated in memory and compared with the committed file, so that a plain
//! `cargo test` fails when it is stale. `OCOP_UPDATE_HEADER=1 cargo test -p ocop-ffi --test header`
//! rewrites it.

use std::path::{Path, PathBuf};

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn committed_header() -> PathBuf {
    crate_dir().join("include/ocop.h")
}

/// The header as cbindgen writes it from `cbindgen.toml` and the sources, with the version
/// defines taken from Cargo.toml.
fn generate() -> String {
    let mut config = cbindgen::Config::from_file(crate_dir().join("cbindgen.toml"))
        .expect("cbindgen.toml is readable");
    config.after_includes = Some(format!(
        concat!(
            "\n/* The version of this header; ocop_version() gives the library's. */\n",
            "#define OCOP_VERSION \"{}\"\n",
            "#define OCOP_VERSION_MAJOR {}\n",
            "#define OCOP_VERSION_MINOR {}\n",
            "#define OCOP_VERSION_PATCH {}\n",
            "/* MAJOR * 65536 + MINOR * 256 + PATCH, as ocop_version_number() gives it. */\n",
            "#define OCOP_VERSION_NUMBER {:#08x}\n",
        ),
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_PATCH"),
        version_number(),
    ));
    let mut header = Vec::new();
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(crate_dir().join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut header);
    String::from_utf8(header).expect("the header is UTF-8")
}

/// The package's version as `ocop_version_number()` gives it.
fn version_number() -> u32 {
    let part = |text: &str| text.parse::<u32>().expect("a version number part");
    part(env!("CARGO_PKG_VERSION_MAJOR")) << 16
        | part(env!("CARGO_PKG_VERSION_MINOR")) << 8
        | part(env!("CARGO_PKG_VERSION_PATCH"))
}

#[test]
fn the_committed_header_is_current() {
    let generated = generate();
    let path = committed_header();
    if std::env::var_os("OCOP_UPDATE_HEADER").is_some_and(|value| value == "1") {
        std::fs::write(&path, &generated).expect("include/ocop.h is writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let first_difference = committed
            .lines()
            .zip(generated.lines())
            .position(|(old, new)| old != new)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "{} is stale (first difference at line {}): regenerate it with\n    \
             OCOP_UPDATE_HEADER=1 cargo test -p ocop-ffi --test header",
            path.display(),
            first_difference + 1
        );
    }
}

/// cbindgen leaves out a function that is not `#[unsafe(no_mangle)]`, silently.
#[test]
fn the_header_declares_every_entry_point() {
    let header = generate();
    let sources = [
        "documents.rs",
        "engine.rs",
        "error.rs",
        "string.rs",
        "version.rs",
    ]
    .map(|file| std::fs::read_to_string(crate_dir().join("src").join(file)).unwrap())
    .concat();
    let exported: Vec<&str> = sources
        .split("pub unsafe extern \"C\" fn ")
        .skip(1)
        .chain(sources.split("pub extern \"C\" fn ").skip(1))
        .filter_map(|rest| rest.split('(').next())
        .collect();
    assert!(exported.len() >= 14, "{exported:?}");
    for function in exported {
        assert!(
            header.contains(&format!("{function}(")),
            "{function} is not declared in the header (is it `#[unsafe(no_mangle)]`?)"
        );
    }
}
