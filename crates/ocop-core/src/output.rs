//! Documents as the engine prints them, so that every front end (the CLI, the C ABI) gives a
//! caller byte-for-byte the same JSON.

use serde::Serialize;
use serde_json::Value;

use crate::sheet::InputProblem;

/// A value as a JSON document: pretty-printed with two-space indents, ending with a newline.
pub fn json_document(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|error| {
        // Serializing the engine's own types cannot fail; say so in JSON if it ever does.
        serde_json::json!({"error": {"kind": "internal", "message": error.to_string()}}).to_string()
    });
    text.push('\n');
    text
}

/// The document an invalid input produces: `{"error": {"kind": "invalid_input", …}}`.
pub fn invalid_input_document(file: Option<&str>, problems: &[InputProblem]) -> Value {
    let mut error = serde_json::Map::new();
    error.insert("kind".to_owned(), Value::from("invalid_input"));
    if let Some(file) = file {
        error.insert("file".to_owned(), Value::from(file));
    }
    error.insert(
        "problems".to_owned(),
        serde_json::to_value(problems).unwrap_or_default(),
    );
    let mut document = serde_json::Map::new();
    document.insert("error".to_owned(), Value::Object(error));
    Value::Object(document)
}
