//! The committed rubric files are exactly what the converter makes of the reference
//! transcriptions kept in the repository (`rubrics/sources/`), and the engine's validation accepts
//! them. A hand edit of `rubrics/`, or a converter change not followed by regeneration, fails.

use std::path::Path;

#[test]
fn committed_rubrics_match_the_converter_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let reference = root.join(ocop_datagen::DEFAULT_REFERENCE);
    assert!(
        reference.is_dir(),
        "the reference transcriptions are missing at {}",
        reference.display()
    );
    let outputs = ocop_datagen::generate(&reference).unwrap();
    if let Err(error) = ocop_datagen::validate(&outputs) {
        panic!("{error:#}");
    }
    let stale: Vec<String> = ocop_datagen::stale(&outputs, &root.join("rubrics"))
        .iter()
        .map(|output| output.path.display().to_string())
        .collect();
    assert!(
        stale.is_empty(),
        "stale rubric files (run `cargo run -p ocop-datagen`): {stale:?}"
    );
}
