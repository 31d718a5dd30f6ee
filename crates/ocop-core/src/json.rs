//! JSON documents that remember where every value stands in the text.
//!
//! Input errors must name the line and column of the offending value, and must all be reported
//! at once. serde's typed deserialization stops at the first problem and forgets positions, so
//! inputs are read in two steps: serde_json checks the syntax strictly (RFC 8259, its familiar
//! messages, a nesting limit), then jsonc-parser builds a tree whose nodes carry their byte
//! ranges and keep duplicate keys, which the readers walk while collecting every problem.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use jsonc_parser::{CollectOptions, ParseOptions, ast};
use serde::Serialize;

pub use jsonc_parser::ast::Value;

/// A 1-based line and column (in characters) in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Position {
    /// The position of one byte offset in a text. For many offsets, [`positions_of`] finds them
    /// all in one pass.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        positions_of(text, &[offset])
            .first()
            .copied()
            .unwrap_or(Position { line: 1, column: 1 })
    }

    /// The position serde_json reports (a line, and a column counted in bytes, 0 before the
    /// line's first byte) in characters, columns from 1.
    pub(crate) fn of_serde(text: &str, line: usize, column: usize) -> Self {
        let line_start: usize = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let line_text = text.get(line_start..).unwrap_or_default();
        let end = column.min(line_text.len());
        // serde_json counts the bytes of the line up to and including the offending one.
        let before = line_text
            .as_bytes()
            .get(..end.saturating_sub(1))
            .unwrap_or_default();
        Position {
            line: line.max(1),
            column: count_chars(before) + 1,
        }
    }
}

/// The number of characters in UTF-8 bytes: every byte that does not continue a character.
pub(crate) fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|byte| (**byte & 0xC0) != 0x80).count()
}

/// The positions of byte offsets in a text, in the order given, in one pass over the text:
/// time proportional to the text's length, however many offsets. Offsets past the end are
/// placed at the end.
pub fn positions_of(text: &str, offsets: &[usize]) -> Vec<Position> {
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|index| offsets.get(*index).copied().unwrap_or_default());
    let mut positions = vec![Position { line: 1, column: 1 }; offsets.len()];
    let (mut at, mut line, mut column) = (0, 1, 1);
    for index in order {
        let target = offsets
            .get(index)
            .copied()
            .unwrap_or_default()
            .min(bytes.len());
        for byte in bytes.get(at..target).unwrap_or_default() {
            if *byte == b'\n' {
                line += 1;
                column = 1;
            } else if (*byte & 0xC0) != 0x80 {
                column += 1;
            }
        }
        at = at.max(target);
        if let Some(position) = positions.get_mut(index) {
            *position = Position { line, column };
        }
    }
    positions
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One step of a [`JsonPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A key of an object.
    Key(String),
    /// An index into an array.
    Index(usize),
}

/// Where a value stands in a document, written as a JSON Pointer (RFC 6901): `/answers/1.1`.
///
/// A path shares its parent: extending one costs a single allocation, however deep it is, which
/// matters because every answer of every sheet of a round carries its path.
#[derive(Debug, Clone, Default)]
pub struct JsonPath(Option<Arc<Step>>);

#[derive(Debug)]
struct Step {
    parent: JsonPath,
    segment: Segment,
}

impl JsonPath {
    /// The document's root.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by an object key.
    pub fn key(&self, key: impl Into<String>) -> Self {
        self.then(Segment::Key(key.into()))
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        self.then(Segment::Index(index))
    }

    fn then(&self, segment: Segment) -> Self {
        Self(Some(Arc::new(Step {
            parent: self.clone(),
            segment,
        })))
    }

    /// The steps of the path, from the root.
    pub fn segments(&self) -> Vec<&Segment> {
        let mut segments = Vec::new();
        let mut at = self;
        while let Some(step) = &at.0 {
            segments.push(&step.segment);
            at = &step.parent;
        }
        segments.reverse();
        segments
    }
}

/// Where a value stands while a valid-looking document is walked: a [`JsonPath`] kept on the
/// stack, each step borrowing its parent. Walking a document this way allocates nothing; a place
/// becomes a [`JsonPath`] only when a problem is reported there. (Checking a product set built a
/// shared path for every field it visited, a third of the checking's cost, for problems that
/// valid data never has.)
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a>(Option<(&'a Place<'a>, PlaceStep<'a>)>);

#[derive(Debug, Clone, Copy)]
enum PlaceStep<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'a> Place<'a> {
    /// The document's root.
    pub(crate) const ROOT: Place<'static> = Place(None);

    /// This place extended by an object key.
    pub(crate) fn key(&'a self, key: &'a str) -> Place<'a> {
        Place(Some((self, PlaceStep::Key(key))))
    }

    /// This place extended by an array index.
    pub(crate) fn index(&'a self, index: usize) -> Place<'a> {
        Place(Some((self, PlaceStep::Index(index))))
    }

    /// The place as a path that outlives the walk.
    pub(crate) fn to_path(self) -> JsonPath {
        match self.0 {
            None => JsonPath::root(),
            Some((parent, PlaceStep::Key(key))) => parent.to_path().key(key),
            Some((parent, PlaceStep::Index(index))) => parent.to_path().index(index),
        }
    }
}

impl PartialEq for JsonPath {
    fn eq(&self, other: &Self) -> bool {
        self.segments() == other.segments()
    }
}

impl Eq for JsonPath {}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let segments = self.segments();
        if segments.is_empty() {
            return f.write_str("/");
        }
        for segment in segments {
            match segment {
                Segment::Key(key) => write!(f, "/{}", key.replace('~', "~0").replace('/', "~1"))?,
                Segment::Index(index) => write!(f, "/{index}")?,
            }
        }
        Ok(())
    }
}

impl schemars::JsonSchema for JsonPath {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "JsonPointer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A JSON Pointer (RFC 6901) to a value of the input, e.g. \"/answers/1.1\"."
        })
    }
}

impl Serialize for JsonPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A value that must be written as a JSON object. serde's derived structs also read a JSON array
/// as the fields in order, which the input contracts do not allow: this reads the object's
/// entries into `T` and refuses anything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object<T>(pub T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for ObjectVisitor<T> {
            type Value = T;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(self, map: M) -> Result<T, M::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }

        deserializer
            .deserialize_map(ObjectVisitor(std::marker::PhantomData))
            .map(Object)
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Object<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }
}

/// Reads a field written as a JSON object (`#[serde(deserialize_with = "…")]`); see [`Object`].
pub(crate) fn object<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Object<T> as serde::Deserialize>::deserialize(deserializer).map(|object| object.0)
}

/// A text that is not valid JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at line {}, column {}", position.line, position.column)]
pub struct SyntaxError {
    /// What is wrong, as serde_json words it.
    pub message: String,
    /// Where.
    pub position: Position,
}

/// What serde_json says is wrong, without the " at line L column C" it appends: the place is
/// reported on its own.
pub(crate) fn serde_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => message,
    }
}

/// Checks that a text is one strict JSON document.
pub fn check_syntax(text: &str) -> Result<(), SyntaxError> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map(drop)
        .map_err(|error| SyntaxError {
            message: serde_message(&error),
            position: Position::of_serde(text, error.line(), error.column()),
        })
}

/// A parsed JSON document whose values know their place in the text.
pub struct Document<'a> {
    text: &'a str,
    root: Value<'a>,
}

impl<'a> Document<'a> {
    /// Parses a strict JSON text.
    pub fn parse(text: &'a str) -> Result<Self, SyntaxError> {
        check_syntax(text)?;
        let options = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        let parsed = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options)
            .map_err(|error| SyntaxError {
                message: error.kind().to_string(),
                position: Position::of_offset(text, error.range().start),
            })?;
        let root = parsed.value.ok_or(SyntaxError {
            message: "EOF while parsing a value".to_owned(),
            position: Position::of_offset(text, text.len()),
        })?;
        Ok(Self { text, root })
    }

    /// The top-level value.
    pub fn root(&self) -> &Value<'a> {
        &self.root
    }

    /// The text of a value of this document, and the byte offset where it starts.
    pub fn text_of(&self, value: &Value<'_>) -> (&'a str, usize) {
        let range = range_of(value);
        (
            self.text.get(range.start..range.end).unwrap_or_default(),
            range.start,
        )
    }

    /// The position of a byte offset of this document.
    pub fn position_at(&self, offset: usize) -> Position {
        Position::of_offset(self.text, offset)
    }

    /// The position of a value of this document.
    pub fn position_of(&self, value: &Value<'_>) -> Position {
        Position::of_offset(self.text, range_of(value).start)
    }

    /// The position of the value at a path, if the path exists.
    pub fn locate(&self, path: &JsonPath) -> Option<Position> {
        let mut value = &self.root;
        for segment in path.segments() {
            value = match (segment, value) {
                (Segment::Key(key), Value::Object(object)) => {
                    &object
                        .properties
                        .iter()
                        .find(|p| p.name.as_str() == key)?
                        .value
                }
                (Segment::Index(index), Value::Array(array)) => array.elements.get(*index)?,
                _ => return None,
            };
        }
        Some(self.position_of(value))
    }
}

/// The byte offset where a value starts.
pub(crate) fn offset_of(value: &Value<'_>) -> usize {
    range_of(value).start
}

/// The byte range of a value.
fn range_of(value: &Value<'_>) -> jsonc_parser::common::Range {
    match value {
        Value::StringLit(v) => v.range,
        Value::NumberLit(v) => v.range,
        Value::BooleanLit(v) => v.range,
        Value::Object(v) => v.range,
        Value::Array(v) => v.range,
        Value::NullKeyword(v) => v.range,
    }
}

/// The JSON type of a value, in words, for messages.
pub fn type_name(value: &Value<'_>) -> &'static str {
    match value {
        Value::StringLit(_) => "string",
        Value::NumberLit(_) => "number",
        Value::BooleanLit(_) => "boolean",
        Value::Object(_) => "object",
        Value::Array(_) => "array",
        Value::NullKeyword(_) => "null",
    }
}

/// The properties of an object value, in document order, duplicates kept.
pub fn properties<'v, 'a>(
    object: &'v ast::Object<'a>,
) -> impl Iterator<Item = (&'v str, &'v Value<'a>)> {
    object
        .properties
        .iter()
        .map(|property| (property.name.as_str(), &property.value))
}

/// The properties of an object value with each key's byte offset, duplicates kept.
pub(crate) fn keyed_properties<'v, 'a>(
    object: &'v ast::Object<'a>,
) -> impl Iterator<Item = (&'v str, usize, &'v Value<'a>)> {
    object.properties.iter().map(|property| {
        let key_start = match &property.name {
            ast::ObjectPropName::String(name) => name.range.start,
            ast::ObjectPropName::Word(name) => name.range.start,
        };
        (property.name.as_str(), key_start, &property.value)
    })
}

/// The properties of an object value with each key as text of the document (borrowed unless
/// written with escapes) and its byte offset, duplicates kept.
pub(crate) fn owned_keys<'v, 'a>(
    object: &'v ast::Object<'a>,
) -> impl Iterator<Item = (Cow<'a, str>, usize, &'v Value<'a>)> {
    object.properties.iter().map(|property| {
        let (key, key_start) = match &property.name {
            ast::ObjectPropName::String(name) => (name.value.clone(), name.range.start),
            ast::ObjectPropName::Word(name) => (Cow::Borrowed(name.value), name.range.start),
        };
        (key, key_start, &property.value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "{\n  \"tên\": 1,\n  \"x\": [true]\n}";
        let document = Document::parse(text).unwrap();
        assert_eq!(
            document.locate(&JsonPath::root().key("x").index(0)),
            Some(Position { line: 3, column: 9 })
        );
        assert_eq!(
            document.locate(&JsonPath::root().key("tên")),
            Some(Position {
                line: 2,
                column: 10
            })
        );
        assert_eq!(document.locate(&JsonPath::root().key("missing")), None);
    }

    #[test]
    fn a_place_becomes_the_path_it_walked() {
        let parts = Place::ROOT.key("parts");
        let part = parts.index(2);
        let groups = part.key("a/b~c");
        assert_eq!(Place::ROOT.to_path().to_string(), "/");
        assert_eq!(groups.to_path().to_string(), "/parts/2/a~1b~0c");
        assert_eq!(
            groups.index(0).to_path(),
            JsonPath::root().key("parts").index(2).key("a/b~c").index(0)
        );
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let error = Document::parse("{\n  \"a\": 1,\n}").err().unwrap();
        assert_eq!(error.position, Position { line: 3, column: 1 });
        assert_eq!(error.message, "key must be a string");
    }

    #[test]
    fn lenient_json5_forms_are_rejected() {
        for text in [
            "{'a': 1}", "{a: 1}", "[0x10]", "[+1]", "[.5]", "// c\n{}", "[NaN]",
        ] {
            assert!(Document::parse(text).is_err(), "{text} should be rejected");
        }
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let document = Document::parse(r#"{"a": 1, "a": 2}"#).unwrap();
        let Value::Object(object) = document.root() else {
            panic!("object expected");
        };
        assert_eq!(properties(object).count(), 2);
    }

    #[test]
    fn pointers_escape_slashes_and_tildes() {
        let path = JsonPath::root().key("a/b~c").index(2);
        assert_eq!(path.to_string(), "/a~1b~0c/2");
    }
}
