//! JSON Schemas of the file formats and documents, generated from the types that read and
//! write them. Committed copies live in `schemas/`; a test fails when they are stale.
//!
//! The schemas of sheets and sessions come from the types their typed reader reads, so that
//! the schema and the reader cannot disagree.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, schema_for};

use crate::advise::Advice;
use crate::calendar::Calendar;
use crate::certificate::Certificate;
use crate::council::SessionDocument;
use crate::council::{CouncilDefaults, CouncilResult, RuleOverrides};
use crate::diff::RubricDiff;
use crate::fixtures::FixturesReport;
use crate::lint::SourcedReport;
use crate::output::{ErrorDocument, json_document};
use crate::register::{Register, Targets};
use crate::rescore::Rescore;
use crate::round::Ranking;
use crate::rubric::RubricSummary;
use crate::rubric::source::{InstrumentSource, ProductSetSource};
use crate::score::Scorecard;
use crate::sheet::typed::SheetDocument;

/// A schema with the name of its committed file.
pub struct NamedSchema {
    /// The name `ocop schema` takes.
    pub name: &'static str,
    /// File name under `schemas/`.
    pub file: &'static str,
    /// The schema, pretty-printed, ending with a newline.
    pub text: String,
}

/// The schema of a file or document the engine reads.
fn input<T: JsonSchema>(name: &'static str, file: &'static str) -> NamedSchema {
    let text = json_document(&schema_for!(T));
    NamedSchema { name, file, text }
}

/// The schema of a document the engine writes: as serialized, so a field written only when it
/// has a value is optional, and one always written is required even when it may be `null`.
fn output<T: JsonSchema>(name: &'static str, file: &'static str) -> NamedSchema {
    let schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>();
    let text = json_document(&schema);
    NamedSchema { name, file, text }
}

/// Every schema the project publishes.
pub fn all() -> Vec<NamedSchema> {
    vec![
        input::<InstrumentSource>("rubric", "rubric-instrument.schema.json"),
        input::<ProductSetSource>("rubric-set", "rubric-set.schema.json"),
        input::<CouncilDefaults>("council-defaults", "council-defaults.schema.json"),
        input::<SheetDocument<'_>>("sheet", "sheet.schema.json"),
        output::<Scorecard<'_>>("result", "result.schema.json"),
        input::<SessionDocument<'_>>("session", "session.schema.json"),
        output::<CouncilResult>("council-result", "council-result.schema.json"),
        input::<RuleOverrides>("council-rules", "council-rules.schema.json"),
        output::<Advice>("advice", "advice.schema.json"),
        output::<Ranking>("ranking", "ranking.schema.json"),
        output::<ErrorDocument<'_>>("error", "error.schema.json"),
        output::<Certificate>("certificate", "certificate.schema.json"),
        output::<Vec<RubricSummary>>("rubrics", "rubrics.schema.json"),
        output::<Vec<SourcedReport<'_>>>("lint", "lint.schema.json"),
        output::<RubricDiff>("diff", "diff.schema.json"),
        output::<FixturesReport>("fixtures", "fixtures.schema.json"),
        output::<Rescore>("rescore", "rescore.schema.json"),
        output::<Calendar>("calendar", "calendar.schema.json"),
        output::<Register>("register", "register.schema.json"),
        input::<Targets>("register-targets", "register-targets.schema.json"),
    ]
}

/// The schema called `name`.
pub fn by_name(name: &str) -> Option<NamedSchema> {
    all().into_iter().find(|schema| schema.name == name)
}
