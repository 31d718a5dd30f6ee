//! Reading input documents field by field, collecting every problem with its place.
//!
//! This is the reader of invalid documents: it walks a tree that remembers where every value
//! stands, so that each problem gets its line and column. Valid documents are read by the typed
//! reader in [`super::typed`] instead, which never builds that tree.

use std::borrow::Cow;

use jiff::civil::Date;

use super::problem::{InputProblemKind, InputProblems};
use crate::json::{self, Document, JsonPath, Value};

/// Collects problems while walking one document. Problems record byte offsets; their lines and
/// columns are computed for all of them at once ([`InputProblems::locate`]).
pub(crate) struct Reader<'d, 'a> {
    document: &'d Document<'a>,
    pub(crate) problems: InputProblems,
}

/// The fields of one object, by name.
pub(crate) struct Fields<'d, 'a> {
    pub(crate) path: JsonPath,
    /// The object itself.
    pub(crate) value: &'d Value<'a>,
    // A handful of fields per object: a short list beats a hash map.
    values: Vec<(&'d str, &'d Value<'a>)>,
}

impl<'d, 'a> Fields<'d, 'a> {
    /// The value of a field, if present.
    pub(crate) fn get(&self, name: &str) -> Option<&'d Value<'a>> {
        self.values
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| *value)
    }
}

impl<'d, 'a> Reader<'d, 'a> {
    pub(crate) fn new(document: &'d Document<'a>) -> Self {
        Self {
            document,
            problems: InputProblems::default(),
        }
    }

    /// Records a problem at a value.
    pub(crate) fn problem(&mut self, path: JsonPath, at: &Value<'_>, kind: InputProblemKind) {
        let offset = Some(json::offset_of(at));
        self.problems.push_at((path, offset, kind));
    }

    /// Records a problem about an object key, at the key.
    fn problem_at_key(&mut self, path: JsonPath, key_offset: usize, kind: InputProblemKind) {
        self.problems.push_at((path, Some(key_offset), kind));
    }

    /// Records a problem at a field's value.
    pub(crate) fn problem_at_field(
        &mut self,
        fields: &Fields<'d, 'a>,
        name: &str,
        kind: InputProblemKind,
    ) {
        let offset = fields.get(name).map(json::offset_of);
        self.problems.push_at((fields.path.key(name), offset, kind));
    }

    /// The byte offset of a value, for problems found later about it.
    pub(crate) fn offset_of(&self, value: &Value<'_>) -> usize {
        json::offset_of(value)
    }

    fn wrong_type(&mut self, path: JsonPath, value: &Value<'_>, field: &str, expected: &str) {
        let found = json::type_name(value).to_owned();
        let kind = InputProblemKind::WrongType {
            field: field.to_owned(),
            expected: expected.to_owned(),
            found,
        };
        self.problem(path, value, kind);
    }

    /// Reads an object whose fields must come from `allowed`, with those in `required` present.
    pub(crate) fn object(
        &mut self,
        value: &'d Value<'a>,
        path: JsonPath,
        field: &str,
        allowed: &[&str],
        required: &[&str],
    ) -> Option<Fields<'d, 'a>> {
        let Value::Object(object) = value else {
            self.wrong_type(path, value, field, "an object");
            return None;
        };
        let mut values: Vec<(&str, &Value<'a>)> = Vec::with_capacity(allowed.len());
        for (name, key_offset, value) in json::keyed_properties(object) {
            if !allowed.contains(&name) {
                let kind = InputProblemKind::UnknownField {
                    field: name.to_owned(),
                };
                self.problem_at_key(path.key(name), key_offset, kind);
            } else if values.iter().any(|(seen, _)| *seen == name) {
                let kind = InputProblemKind::DuplicateKey {
                    field: name.to_owned(),
                };
                self.problem_at_key(path.key(name), key_offset, kind);
            } else {
                values.push((name, value));
            }
        }
        for name in required
            .iter()
            .filter(|name| !values.iter().any(|(field, _)| field == *name))
        {
            self.problem(
                path.clone(),
                value,
                InputProblemKind::MissingField {
                    field: (*name).to_owned(),
                },
            );
        }
        Some(Fields {
            path,
            value,
            values,
        })
    }

    /// The entries of an object with free keys (such as `answers`), duplicates reported.
    pub(crate) fn entries(
        &mut self,
        value: &'d Value<'a>,
        path: JsonPath,
        field: &str,
    ) -> Vec<(Cow<'a, str>, &'d Value<'a>, JsonPath)> {
        let Value::Object(object) = value else {
            self.wrong_type(path, value, field, "an object");
            return Vec::new();
        };
        let mut seen = rustc_hash::FxHashSet::default();
        let mut entries = Vec::new();
        for (name, key_offset, value) in json::owned_keys(object) {
            let at = path.key(name.as_ref());
            if !seen.insert(name.clone()) {
                let kind = InputProblemKind::DuplicateKey {
                    field: name.into_owned(),
                };
                self.problem_at_key(at, key_offset, kind);
            } else {
                entries.push((name, value, at));
            }
        }
        entries
    }

    /// A string field.
    pub(crate) fn string(&mut self, fields: &Fields<'d, 'a>, name: &str) -> Option<Cow<'a, str>> {
        let value = fields.get(name)?;
        match value {
            Value::StringLit(text) => Some(text.value.clone()),
            _ => {
                self.wrong_type(fields.path.key(name), value, name, "a string");
                None
            }
        }
    }

    /// A whole-number field within a range.
    pub(crate) fn integer<T: TryFrom<u64>>(
        &mut self,
        fields: &Fields<'d, 'a>,
        name: &str,
    ) -> Option<T> {
        let value = fields.get(name)?;
        let path = fields.path.key(name);
        let Value::NumberLit(number) = value else {
            self.wrong_type(path, value, name, "a whole number");
            return None;
        };
        let parsed = number
            .value
            .parse::<u64>()
            .ok()
            .and_then(|n| T::try_from(n).ok());
        if parsed.is_none() {
            let detail = format!("{} is not an allowed whole number", number.value);
            self.problem(
                path,
                value,
                InputProblemKind::InvalidValue {
                    field: name.to_owned(),
                    detail,
                },
            );
        }
        parsed
    }

    /// An ISO 8601 date field (`YYYY-MM-DD`).
    pub(crate) fn date(&mut self, fields: &Fields<'d, 'a>, name: &str) -> Option<Date> {
        let text = self.string(fields, name)?;
        let date = text
            .parse::<Date>()
            .ok()
            .filter(|date| date.to_string() == text);
        if date.is_none() {
            let detail = format!("\"{text}\" is not a date written YYYY-MM-DD");
            let kind = InputProblemKind::InvalidValue {
                field: name.to_owned(),
                detail,
            };
            self.problem_at_field(fields, name, kind);
        }
        date
    }

    /// A field read with serde (for nested settings such as council rules), its problems
    /// reported at their place in this document.
    pub(crate) fn deserialize<T: serde::de::DeserializeOwned>(
        &mut self,
        fields: &Fields<'d, 'a>,
        name: &str,
    ) -> Option<T> {
        let value = fields.get(name)?;
        let (text, start) = self.document.text_of(value);
        serde_json::from_str(text)
            .map_err(|error| {
                // serde_json counts lines and columns within the slice; move them to the document.
                let detail = json::serde_message(&error);
                let line_start = text
                    .split('\n')
                    .take(error.line().saturating_sub(1))
                    .map(|line| line.len() + 1)
                    .sum::<usize>();
                let column_bytes = text
                    .get(line_start..)
                    .unwrap_or_default()
                    .chars()
                    .take(error.column().saturating_sub(1))
                    .map(char::len_utf8)
                    .sum::<usize>();
                let kind = InputProblemKind::InvalidValue {
                    field: name.to_owned(),
                    detail,
                };
                let offset = start + line_start + column_bytes;
                self.problems
                    .push_at((fields.path.key(name), Some(offset), kind));
            })
            .ok()
    }

    /// A list of strings, each with its path and byte offset.
    pub(crate) fn strings(
        &mut self,
        fields: &Fields<'d, 'a>,
        name: &str,
    ) -> Vec<(Cow<'a, str>, JsonPath, usize)> {
        let Some(value) = fields.get(name) else {
            return Vec::new();
        };
        let path = fields.path.key(name);
        let Value::Array(array) = value else {
            self.wrong_type(path, value, name, "a list of strings");
            return Vec::new();
        };
        let mut strings = Vec::new();
        for (index, element) in array.elements.iter().enumerate() {
            match element {
                Value::StringLit(text) => {
                    strings.push((text.value.clone(), path.index(index), text.range.start))
                }
                _ => self.wrong_type(path.index(index), element, name, "a string"),
            }
        }
        strings
    }
}
