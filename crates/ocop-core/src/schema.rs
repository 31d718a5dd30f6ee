//! JSON Schemas of the file formats and documents, generated from the types that read and
//! write them. Committed copies live in `schemas/`; a test fails when they are stale.
//!
//! The schemas of sheets and sessions come from the types their typed reader reads, so that
//! the schema and the reader cannot disagree.

use schemars::{JsonSchema, schema_for};

use crate::advise::Advice;
use crate::council::SessionDocument;
use crate::council::{CouncilDefaults, CouncilResult, RuleOverrides};
use crate::output::json_document;
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

fn named<T: JsonSchema>(name: &'static str, file: &'static str) -> NamedSchema {
    let text = json_document(&schema_for!(T));
    NamedSchema { name, file, text }
}

/// Every schema the project publishes.
pub fn all() -> Vec<NamedSchema> {
    vec![
        named::<InstrumentSource>("rubric", "rubric-instrument.schema.json"),
        named::<ProductSetSource>("rubric-set", "rubric-set.schema.json"),
        named::<CouncilDefaults>("council-defaults", "council-defaults.schema.json"),
        named::<SheetDocument<'_>>("sheet", "sheet.schema.json"),
        named::<Scorecard<'_>>("result", "result.schema.json"),
        named::<SessionDocument<'_>>("session", "session.schema.json"),
        named::<CouncilResult>("council-result", "council-result.schema.json"),
        named::<RuleOverrides>("council-rules", "council-rules.schema.json"),
        named::<Advice>("advice", "advice.schema.json"),
    ]
}

/// The schema called `name`.
pub fn by_name(name: &str) -> Option<NamedSchema> {
    all().into_iter().find(|schema| schema.name == name)
}
