//! Benchmarks of the OCOP engine. Run them with `cargo bench -p ocop-benches`; the start-up
//! benchmark needs a release build of the CLI first (`cargo build --release -p ocop-cli`).

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The bundled example sheet.
pub fn example_sheet() -> PathBuf {
    root().join("fixtures/examples/toi-den-ly-son.json")
}
