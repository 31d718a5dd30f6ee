//! Rubrics: the official criteria as versioned, validated data.

mod catalog;
pub mod model;
mod problem;
pub mod source;
mod validate;

pub use catalog::{Catalog, INSTRUMENT_FILE, LoadedSet, RubricError, RubricSummary, SetSummary};
pub use model::*;
pub use problem::{RubricProblem, RubricProblemKind, Severity, SumOf};
