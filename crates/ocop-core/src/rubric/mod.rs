//! Rubrics: the official criteria as versioned, validated data.

mod catalog;
pub mod model;
pub(crate) mod plan;
mod problem;
pub mod procedure;
#[rustfmt::skip] // Generated; see the file header.
mod revisions;
pub mod source;
mod validate;

pub use catalog::{
    Catalog, CatalogRef, CheckedRubric, FileFingerprint, INSTRUMENT_FILE, LoadedSet, Release,
    RubricData, RubricError, RubricSummary, SetSummary, revision_fingerprint,
};
pub use model::*;
pub use problem::{RubricProblem, RubricProblemKind, Severity, SumOf};

pub use revisions::{BUNDLED_REVISIONS, BUNDLED_SETS};

/// The fingerprint of a product set compiled into the library, computed when its data was
/// released (a test checks it against the data), so that loading bundled data hashes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledSet {
    /// Rubric identifier.
    pub id: &'static str,
    /// Data revision.
    pub revision: u32,
    /// The product set's number.
    pub number: u8,
    /// The set's fingerprint, as results give it.
    pub fingerprint: &'static str,
}

/// A rubric revision compiled into the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledRevision {
    /// Rubric identifier.
    pub id: &'static str,
    /// Data revision.
    pub revision: u32,
    /// Fingerprint over all the revision's files.
    pub fingerprint: &'static str,
}
