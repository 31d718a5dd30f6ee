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

/// `sum / n` as a reduced fraction (`"220/3"`, `"147/2"`), or the whole number when it divides
/// exactly (`"70"`); `"0"` when `n` is zero.
pub fn fraction(sum: Decimal, n: usize) -> String {
    let scale = sum.scale();
    let numerator = sum.mantissa();
    let denominator = 10_i128
        .checked_pow(scale)
        .and_then(|power| power.checked_mul(i128::try_from(n).ok()?));
    let Some(denominator) = denominator.filter(|d| *d > 0) else {
        return "0".to_owned();
    };
    let divisor = gcd(numerator.unsigned_abs(), denominator.unsigned_abs());
    let Ok(divisor) = i128::try_from(divisor) else {
        return "0".to_owned();
    };
    let (numerator, denominator) = (numerator / divisor, denominator / divisor);
    if denominator == 1 {
        numerator.to_string()
    } else {
        format!("{numerator}/{denominator}")
    }
}

/// The fraction a quotient stands for, when its decimal digits are the rounding of one with a
/// small denominator (at most [`MAX_RECOVERED_DENOMINATOR`]): `0.4444…4` (28 places) is `4/9`.
/// Means and deviations of a council are such quotients (points over members), computed to the
/// last digit `Decimal` holds; this recovers the fraction to print beside their two places.
/// `None` when the value has no such fraction, or is exact to two places or fewer.
pub fn recovered_fraction(value: Decimal) -> Option<String> {
    let value = value.normalize();
    let scale = value.scale();
    if scale <= crate::lang::SHOWN_PLACES {
        return None;
    }
    let (numerator, denominator) = (value.mantissa(), 10_i128.checked_pow(scale)?);
    // Convergents of numerator/denominator, by Euclid: the first one within half a unit of the
    // last place is the simplest fraction those digits can be the rounding of.
    let (mut p_before, mut p) = (0_i128, 1_i128);
    let (mut q_before, mut q) = (1_i128, 0_i128);
    let (mut a, mut b) = (numerator, denominator);
    while b != 0 {
        let term = a.div_euclid(b);
        (a, b) = (b, a.rem_euclid(b));
        (p_before, p) = (p, term.checked_mul(p)?.checked_add(p_before)?);
        (q_before, q) = (q, term.checked_mul(q)?.checked_add(q_before)?);
        if q > MAX_RECOVERED_DENOMINATOR {
            return None;
        }
        // |p/q − numerator/denominator| ≤ 1/(2·denominator) ⇔ 2·|p·denominator − numerator·q| ≤ q
        let error = p
            .checked_mul(denominator)?
            .checked_sub(numerator.checked_mul(q)?)?
            .checked_abs()?;
        if error.checked_mul(2)? <= q {
            return (q > 1).then(|| format!("{p}/{q}"));
        }
    }
    None
}

/// The largest denominator [`recovered_fraction`] looks for: far above any council's members
/// times any option's points step, far below what 28 digits could confuse.
const MAX_RECOVERED_DENOMINATOR: i128 = 1_000_000;

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
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
        deserializer.deserialize_str(PlainDecimal)
    }

    /// Reads the string where the parser holds it: a rubric file holds hundreds of decimals,
    /// and reading each into a `String` first cost an allocation apiece.
    struct PlainDecimal;

    impl de::Visitor<'_> for PlainDecimal {
        type Value = Decimal;

        // As a `String` says when given something else, so that messages stay the same.
        fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            formatter.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
            parse_plain(text).ok_or_else(|| {
                de::Error::custom(format_args!(
                    "invalid decimal {text:?}: write digits with an optional fraction, as a string"
                ))
            })
        }
    }
}

/// The largest number of points rubric data may hold anywhere (a maximum, an option, a band's
/// end): a tenfold margin over the 100-point sheets. Bounding every value keeps every sum and
/// product the engine forms far from a decimal's limits, so rubric data can never make the
/// arithmetic overflow.
pub const MAX_POINTS: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// The most decimals points in rubric data may have: every value is then a whole number of
/// millionths of a point ([`Units`]), and the scorer adds and compares integers exactly.
pub const POINTS_DECIMALS: u32 = 6;

/// Points as a whole number of millionths of a point: exact for every value rubric data may
/// hold (at most [`MAX_POINTS`], at most [`POINTS_DECIMALS`] decimals), and far from `i64`'s
/// limits for any sum the engine forms.
pub type Units = i64;

/// Millionths in one point.
const UNITS_PER_POINT: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Points as units; `None` for a value rubric data may not hold.
pub fn to_units(points: Decimal) -> Option<Units> {
    use rust_decimal::prelude::ToPrimitive;
    let units = points.checked_mul(UNITS_PER_POINT)?;
    (units.fract().is_zero()).then(|| units.to_i64()).flatten()
}

/// Units as points, normalized (`73.5`, not `73.500000`): the trailing zeros are dropped in
/// integers, which costs a few divisions where normalizing a decimal costs hundreds.
pub fn from_units(units: Units) -> Decimal {
    let (mut mantissa, mut scale) = (units, POINTS_DECIMALS);
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    Decimal::new(mantissa, scale)
}

/// Serde adapter for points in rubric data: decimal strings of at most [`MAX_POINTS`] with at
/// most [`POINTS_DECIMALS`] decimals.
pub mod points {
    use super::*;

    /// Writes the points as a normalized string.
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        string::serialize(value, serializer)
    }

    /// Reads points: a decimal string of at most [`MAX_POINTS`], with at most
    /// [`POINTS_DECIMALS`] decimals.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let value = string::deserialize(deserializer)?;
        if value > MAX_POINTS {
            return Err(de::Error::custom(format_args!(
                "{} points is more than rubric data may hold (at most {MAX_POINTS})",
                format(value)
            )));
        }
        if value.normalize().scale() > POINTS_DECIMALS {
            return Err(de::Error::custom(format_args!(
                "{} points has more decimals than rubric data may hold (at most {POINTS_DECIMALS})",
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
    fn a_rounded_quotient_gives_back_its_fraction() {
        let quotient = |sum: i64, n: i64| Decimal::from(sum) / Decimal::from(n);
        assert_eq!(recovered_fraction(quotient(4, 9)).as_deref(), Some("4/9"));
        assert_eq!(
            recovered_fraction(quotient(220, 3)).as_deref(),
            Some("220/3")
        );
        assert_eq!(recovered_fraction(quotient(-9, 8)).as_deref(), Some("-9/8"));
        assert_eq!(recovered_fraction(quotient(1, 8)).as_deref(), Some("1/8"));
        assert_eq!(
            recovered_fraction(quotient(6_143, 999)).as_deref(),
            Some("6143/999")
        );
        // Exact to two places, or no small fraction: nothing to add.
        assert_eq!(recovered_fraction(quotient(369, 5)), None);
        assert_eq!(recovered_fraction(Decimal::from(70)), None);
        assert_eq!(
            recovered_fraction("3.14159265358979".parse().unwrap()),
            None
        );
        assert_eq!(recovered_fraction(Decimal::MAX / Decimal::from(3)), None);
    }

    #[test]
    fn units_are_points_exactly() {
        for text in ["0", "73", "73.5", "0.25", "1000", "0.000001", "69.999999"] {
            let points: Decimal = text.parse().unwrap();
            let units = to_units(points).unwrap();
            assert_eq!(from_units(units).to_string(), text);
        }
        assert_eq!(
            to_units(Decimal::new(1, 7)),
            None,
            "more decimals than units hold"
        );
    }

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
    fn fractions_are_reduced_and_exact_decimals_stay_decimals() {
        assert_eq!(fraction(Decimal::from(220), 3), "220/3");
        assert_eq!(fraction(Decimal::from(209), 3), "209/3");
        assert_eq!(fraction(Decimal::from(147), 2), "147/2");
        assert_eq!(fraction(Decimal::from(150), 3), "50");
        assert_eq!(fraction(Decimal::new(1475, 1), 6), "295/12");
        assert_eq!(fraction(Decimal::from(5), 0), "0");
    }

    #[test]
    fn formatting_drops_trailing_zeros() {
        assert_eq!(format(Decimal::new(400, 1)), "40");
        assert_eq!(format(Decimal::new(350, 2)), "3.5");
        assert_eq!(format(Decimal::ZERO), "0");
    }
}
