//! JSON Schemas of the file formats and documents, generated from the types that read and
//! write them. Committed copies live in `schemas/`; a test fails when they are stale.

use schemars::{JsonSchema, schema_for};

use crate::rubric::source::{InstrumentSource, ProductSetSource};
use crate::score::Scorecard;

/// A schema with the name of its committed file.
pub struct NamedSchema {
    /// File name under `schemas/`.
    pub file: &'static str,
    /// The schema, pretty-printed, ending with a newline.
    pub text: String,
}

fn named<T: JsonSchema>(file: &'static str) -> NamedSchema {
    let schema = schema_for!(T);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    NamedSchema { file, text }
}

/// Every schema the project publishes.
pub fn all() -> Vec<NamedSchema> {
    vec![
        named::<InstrumentSource>("rubric-instrument.schema.json"),
        named::<ProductSetSource>("rubric-set.schema.json"),
        named::<Scorecard>("result.schema.json"),
    ]
}
