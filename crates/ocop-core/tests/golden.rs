//! Every stored case under `fixtures/cases/` gives the result a person checked by hand.

use std::path::{Path, PathBuf};

use ocop_core::fixtures::Case;
use ocop_core::rubric::Catalog;

fn case_files(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            case_files(&path, files);
        } else if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            files.push(path);
        }
    }
}

#[test]
fn every_stored_case_gives_its_expected_result() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/cases");
    let mut files = Vec::new();
    case_files(&folder, &mut files);
    files.sort();
    assert!(
        files.len() >= 20,
        "expected the stored cases in {}",
        folder.display()
    );
    let mut failures = Vec::new();
    for file in &files {
        let case = Case::parse(&std::fs::read_to_string(file).unwrap()).unwrap();
        for difference in case.check(Catalog::bundled()) {
            failures.push(format!(
                "{}: {}: expected {}, got {}",
                file.display(),
                difference.path,
                difference.expected,
                difference.actual
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
