//! Checking rubric data before anyone scores with it: every structural problem, every warning,
//! and every recorded erratum, so an official sees at once what the data departs from.

use schemars::JsonSchema;
use serde::Serialize;

use crate::rubric::{Catalog, Erratum, RubricProblem, Severity};

/// One rubric revision's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LintedRubric {
    /// Rubric identifier.
    pub id: String,
    /// Data revision.
    pub revision: u32,
    /// Product sets listed.
    pub product_sets: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Errata recorded.
    pub errata: usize,
}

/// A recorded erratum with its rubric and product set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ListedErratum {
    /// Rubric identifier.
    pub rubric: String,
    /// Data revision.
    pub revision: u32,
    /// Product set.
    pub product_set: u8,
    /// The erratum.
    #[serde(flatten)]
    pub erratum: Erratum,
}

/// Everything lint found.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LintReport {
    /// Per rubric revision.
    pub rubrics: Vec<LintedRubric>,
    /// Every problem, errors and warnings, in file order.
    pub problems: Vec<RubricProblem>,
    /// Every recorded erratum.
    pub errata: Vec<ListedErratum>,
}

impl LintReport {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|problem| problem.severity == Severity::Error)
    }
}

/// One source's lint report, as `ocop lint --format json` prints it (a list of them): the
/// source (`bundled`, or the folder given) and its report, in the report's own field order.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourcedReport<'r> {
    /// Where the rubrics came from.
    pub source: &'r str,
    /// What lint found there.
    pub report: &'r LintReport,
}

/// Lints every rubric of a catalog.
pub fn lint(catalog: &Catalog) -> LintReport {
    let mut report = LintReport {
        rubrics: Vec::new(),
        problems: Vec::new(),
        errata: Vec::new(),
    };
    for checked in catalog.check_each() {
        if let Some(instrument) = &checked.instrument {
            let errata_before = report.errata.len();
            for entry in &instrument.product_sets {
                let Ok(loaded) = catalog.product_set_of(instrument, entry.number) else {
                    continue;
                };
                report
                    .errata
                    .extend(loaded.set.errata.iter().map(|erratum| ListedErratum {
                        rubric: instrument.id.clone(),
                        revision: instrument.revision,
                        product_set: entry.number,
                        erratum: erratum.clone(),
                    }));
            }
            let (errors, warnings) =
                checked
                    .problems
                    .iter()
                    .fold((0, 0), |(errors, warnings), problem| {
                        match problem.severity {
                            Severity::Error => (errors + 1, warnings),
                            Severity::Warning => (errors, warnings + 1),
                        }
                    });
            report.rubrics.push(LintedRubric {
                id: instrument.id.clone(),
                revision: instrument.revision,
                product_sets: instrument.product_sets.len(),
                errors,
                warnings,
                errata: report.errata.len() - errata_before,
            });
        }
        report.problems.extend(checked.problems);
    }
    report
}
