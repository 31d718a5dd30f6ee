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
    #[schemars(with = "serde_json::Value")]
    pub erratum: Erratum,
}

/// Everything lint found.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LintReport {
    /// Per rubric revision.
    pub rubrics: Vec<LintedRubric>,
    /// Every problem, errors and warnings, in file order.
    #[schemars(with = "Vec<serde_json::Value>")]
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

/// Lints every rubric of a catalog.
pub fn lint(catalog: &Catalog) -> LintReport {
    let problems = catalog.check_all();
    let mut errata = Vec::new();
    let mut rubrics = Vec::new();
    for summary in catalog.summaries() {
        let key = format!("{}@{}", summary.id, summary.revision);
        let mut count = 0;
        for set in &summary.product_sets {
            let Ok(loaded) = catalog.product_set(&key, set.number) else {
                continue;
            };
            count += loaded.set.errata.len();
            errata.extend(loaded.set.errata.iter().map(|erratum| ListedErratum {
                rubric: summary.id.clone(),
                revision: summary.revision,
                product_set: set.number,
                erratum: erratum.clone(),
            }));
        }
        let mine = problems
            .iter()
            .filter(|problem| problem.rubric == summary.id);
        let (errors, warnings) = mine.fold((0, 0), |(errors, warnings), problem| {
            match problem.severity {
                Severity::Error => (errors + 1, warnings),
                Severity::Warning => (errors, warnings + 1),
            }
        });
        rubrics.push(LintedRubric {
            id: summary.id.clone(),
            revision: summary.revision,
            product_sets: summary.product_sets.len(),
            errors,
            warnings,
            errata: count,
        });
    }
    LintReport {
        rubrics,
        problems,
        errata,
    }
}
