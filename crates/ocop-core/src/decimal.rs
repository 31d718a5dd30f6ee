//! Exact decimals as they travel in files: JSON strings, never JSON numbers.
//!
//! A JSON number would pass through `f64` on its way into [`Decimal`], so `"0.1"` and `0.1`
//! are not the same thing to this engine: only the string form is accepted.

use std::borrow::Cow;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serializer, de};

/// Pattern every decimal string must match: digits, an optional fraction, no sign, no exponent.
pub const DECIMAL_PATTERN: &str = r"^[0-9]+(\.[0-9]+)?$";

/// Parses a non-negative decimal written as plain digits with an optional fraction.
///
/// Rejects signs, exponents, spaces and empty fractions, so that every accepted string reads the
/// same to a person and to the engine.
pub fn parse_plain(text: &str) -> Option<Decimal> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    text.parse().ok()
}

/// Formats a decimal without trailing fractional zeros: `3.50` → `"3.5"`, `40.0` → `"40"`.
pub fn format(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Serde adapter for `Decimal` fields written as JSON strings (`#[serde(with = "…")]`).
pub mod string {
    use super::*;

    /// Writes the decimal as a normalized string.
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format(*value))
    }

    /// Reads a decimal from a JSON string in plain notation.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        parse_plain(&text).ok_or_else(|| {
            de::Error::custom(format_args!(
                "invalid decimal {text:?}: write digits with an optional fraction, as a string"
            ))
        })
    }
}

/// The largest number of points rubric data may hold anywhere (a maximum, an option, a band's
/// end): a tenfold margin over the 100-point sheets. Bounding every value keeps every sum and
/// product the engine forms far from a decimal's limits, so rubric data can never make the
/// arithmetic overflow.
pub const MAX_POINTS: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// Serde adapter for points in rubric data: decimal strings of at most [`MAX_POINTS`].
pub mod points {
    use super::*;

    /// Writes the points as a normalized string.
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        string::serialize(value, serializer)
    }

    /// Reads points: a decimal string of at most [`MAX_POINTS`].
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let value = string::deserialize(deserializer)?;
        if value > MAX_POINTS {
            return Err(de::Error::custom(format_args!(
                "{} points is more than rubric data may hold (at most {MAX_POINTS})",
                format(value)
            )));
        }
        Ok(value)
    }
}

/// Schema stand-in for decimal strings (`#[schemars(with = "DecimalString")]`).
pub struct DecimalString;

impl JsonSchema for DecimalString {
    fn schema_name() -> Cow<'static, str> {
        "DecimalString".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DECIMAL_PATTERN,
            "description": "An exact non-negative decimal written as a string, e.g. \"3\" or \"2.5\"."
        })
    }
}

/// An exact decimal in output documents: serialized as a string (`"69.5"`), never a number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Exact(pub Decimal);

impl serde::Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        string::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Exact {
    /// Reads a decimal string in plain notation (a sign allowed); never a JSON number.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        let (negative, digits) = match text.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, text.as_ref()),
        };
        let value = parse_plain(digits).ok_or_else(|| {
            de::Error::custom(format_args!(
                "invalid decimal {text:?}: write digits with an optional fraction, as a string"
            ))
        })?;
        Ok(Self(if negative { -value } else { value }))
    }
}

impl JsonSchema for Exact {
    fn schema_name() -> Cow<'static, str> {
        "ExactDecimal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": r"^-?[0-9]+(\.[0-9]+)?$",
            "description": "An exact decimal written as a string, e.g. \"69.5\" or \"-1.25\"."
        })
    }
}

impl std::fmt::Display for Exact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&format(self.0))
    }
}

impl From<Decimal> for Exact {
    fn from(value: Decimal) -> Self {
        Self(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_parse_exactly() {
        assert_eq!(parse_plain("3"), Some(Decimal::new(3, 0)));
        assert_eq!(parse_plain("2.5"), Some(Decimal::new(25, 1)));
        assert_eq!(parse_plain("0.10"), Some(Decimal::new(10, 2)));
    }

    #[test]
    fn anything_but_plain_digits_is_rejected() {
        for bad in [
            "", "-1", "+1", "1e2", " 1", "1.", ".5", "1,5", "NaN", "1.2.3",
        ] {
            assert_eq!(parse_plain(bad), None, "{bad:?} should be rejected");
        }
    }

    #[test]
    fn formatting_drops_trailing_zeros() {
        assert_eq!(format(Decimal::new(400, 1)), "40");
        assert_eq!(format(Decimal::new(350, 2)), "3.5");
        assert_eq!(format(Decimal::ZERO), "0");
    }
}
