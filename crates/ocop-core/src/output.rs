//! Documents as the engine prints them, so that every front end (the CLI, the C ABI) gives a
//! caller byte-for-byte the same JSON.

use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use crate::lang::Lang;
use crate::rubric::RubricProblem;
use crate::sheet::{InputProblem, InputProblems};

/// Writes a value as a JSON document: pretty-printed with two-space indents, ending with a
/// newline, straight to the writer.
pub fn write_json_document(writer: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *writer, value).map_err(io::Error::from)?;
    writer.write_all(b"\n")
}

/// A value as a JSON document: pretty-printed with two-space indents, ending with a newline.
pub fn json_document(value: &impl Serialize) -> String {
    // serde_json's own `to_string_pretty` hands over its bytes without checking them again for
    // UTF-8 (it writes nothing else), which a copy through `String::from_utf8` would cost: a
    // sixth of the time of a scored sheet's document.
    match serde_json::to_string_pretty(value) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Serializing the engine's own types cannot fail; say so in JSON if it ever does.
        Err(error) => {
            let failure = Failure::Internal {
                message: error.to_string(),
            };
            let mut text =
                serde_json::to_string(&ErrorDocument { error: failure }).unwrap_or_default();
            text.push('\n');
            text
        }
    }
}

/// The document a command prints, under `--format json`, when it cannot give its result; the C
/// ABI returns the same.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorDocument<'a> {
    /// What went wrong.
    pub error: Failure<'a>,
}

/// What went wrong.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Failure<'a> {
    /// An input document (a sheet, a session, a rules or cost file) is invalid: every problem,
    /// each with its place.
    InvalidInput {
        /// The file, when the input came from one (`<stdin>` for standard input).
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        /// The problems, at most [`crate::sheet::PROBLEM_LIMIT`] of them, in the order found.
        problems: &'a [InputProblem],
        /// How many more problems were found than are listed.
        #[serde(skip_serializing_if = "is_zero")]
        more_problems: usize,
    },
    /// Rubric data is invalid: every problem of its files.
    InvalidRubric {
        /// The problems, errors and warnings, in file order.
        problems: &'a [RubricProblem],
    },
    /// A file could not be read, or the output could not be written.
    Io {
        /// The file, when one is concerned.
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        /// What the system said.
        message: String,
    },
    /// The command was used wrongly: an unknown option, a value out of its range.
    Usage {
        /// What is wrong.
        message: String,
    },
    /// A defect of the engine itself (never expected; please report it).
    Internal {
        /// What failed.
        message: String,
    },
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl<'a> ErrorDocument<'a> {
    /// The document of an invalid input.
    pub fn invalid_input(file: Option<&'a str>, problems: &'a InputProblems) -> Self {
        Self {
            error: Failure::InvalidInput {
                file,
                problems: problems.listed(),
                more_problems: problems.more(),
            },
        }
    }
}

/// The document of an invalid input, its problems' messages in `lang`: what `--format json`
/// prints for it. `file` names the input when it came from a file; an embedding that was handed
/// the text gives none, or the name of a second input the problems are in (`rules`, `costs`).
pub fn invalid_input(file: Option<&str>, mut problems: InputProblems, lang: Lang) -> String {
    problems.localize(lang);
    json_document(&ErrorDocument::invalid_input(file, &problems))
}
