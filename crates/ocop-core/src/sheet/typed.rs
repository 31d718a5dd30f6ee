//! The typed reader: one serde parse straight into the input types, strings borrowed from the
//! text, no positions kept.
//!
//! It accepts a document only in the plainest form the contract allows: every field of the
//! right type, option numbers as whole numbers, no key twice. On anything else it gives up
//! without saying why, and the caller reads the text again with the positional reader
//! ([`super::read`]), which reports every problem with its place. So it must never accept what
//! the positional reader rejects; a property test holds the two to that.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{
    Product, RawAnswer, RawAnswers, RawKnockout, RawNumber, RawValue, RubricChoice, Sheet,
};
use crate::filing::{Filing, PreviousCertificate};
use crate::json::{JsonPath, Object};
use crate::rubric::procedure::Evaluation;

/// Why the typed reader gave up; the positional reader says what is wrong.
#[derive(Debug)]
pub(crate) struct GaveUp;

/// Reads a member's sheet, or gives up.
pub(crate) fn sheet(text: &str) -> Result<Sheet<'_>, GaveUp> {
    let Object(document): Object<SheetDocument<'_>> =
        serde_json::from_str(text).map_err(|_| GaveUp)?;
    Ok(Sheet {
        rubric: rubric_choice(
            document.rubric,
            document.evaluated_on,
            document.evaluation,
            document.submitted_on,
            document.previous_certificate,
        )?,
        product_set: document.product_set,
        product: document.product.map(|product| product.0.into_product()),
        evaluator: document.evaluator.map(|text| text.0),
        answers: document.answers.into_raw(),
        knockouts: knockouts(document.knockouts),
    })
}

/// Whether a text is a JSON object with a `members` field (a council session), read without
/// building it.
pub(crate) fn has_members(text: &str) -> bool {
    struct HasMembers;

    impl<'de> Visitor<'de> for HasMembers {
        type Value = bool;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<bool, M::Error> {
            let mut found = false;
            while let Some(key) = map.next_key::<Text<'de>>()? {
                found |= key.0 == "members";
                map.next_value::<IgnoredAny>()?;
            }
            Ok(found)
        }
    }

    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer
        .deserialize_map(HasMembers)
        .and_then(|found| deserializer.end().map(|()| found))
        .unwrap_or(false)
}

/// `rubric` and `evaluated_on`, at least one of them, the date written `YYYY-MM-DD`; and the
/// filing (kind, submission date, previous certificate), which must not contradict itself.
pub(crate) fn rubric_choice<'a>(
    rubric: Option<Text<'a>>,
    evaluated_on: Option<Text<'a>>,
    evaluation: Option<Evaluation>,
    submitted_on: Option<Text<'a>>,
    previous_certificate: Option<Object<PreviousCertificateDocument<'a>>>,
) -> Result<RubricChoice<'a>, GaveUp> {
    if rubric.is_none() && evaluated_on.is_none() {
        return Err(GaveUp);
    }
    let date = |text: Option<Text<'a>>| match text {
        Some(text) => parse_date(&text.0).map(Some).ok_or(GaveUp),
        None => Ok(None),
    };
    let evaluated_on = date(evaluated_on)?;
    let previous_certificate = match previous_certificate {
        Some(Object(previous)) => Some(PreviousCertificate {
            stars: previous.stars,
            decided_on: parse_date(&previous.decided_on.0).ok_or(GaveUp)?,
            decision: previous.decision.map(|text| text.0.into_owned()),
        }),
        None => None,
    };
    let filing = Filing {
        evaluation,
        submitted_on: date(submitted_on)?,
        previous_certificate,
    };
    if !crate::filing::check(&filing, evaluated_on).is_empty() {
        return Err(GaveUp);
    }
    Ok(RubricChoice {
        rubric: rubric.map(|text| text.0),
        evaluated_on,
        filing,
    })
}

/// The certificate an upgrade or a re-rating follows.
#[derive(serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PreviousCertificateDocument<'a> {
    /// Its stars (3–5).
    #[schemars(range(min = 3, max = 5))]
    stars: u8,
    /// Its decision's date (`YYYY-MM-DD`).
    #[serde(borrow)]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    decided_on: Text<'a>,
    /// Its decision's number.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String")]
    decision: Option<Text<'a>>,
}

/// A date written exactly `YYYY-MM-DD`.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    text.parse::<Date>()
        .ok()
        .filter(|date| date.to_string() == text)
}

pub(crate) fn knockouts(codes: Vec<Text<'_>>) -> Vec<RawKnockout<'_>> {
    codes
        .into_iter()
        .map(|code| RawKnockout {
            code: code.0,
            path: JsonPath::root(),
            offset: None,
        })
        .collect()
}

/// A council member's sheet: the input of `ocop score`.
#[derive(serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SheetDocument<'a> {
    /// The rubric, e.g. `qd26-2026` (`qd26-2026@1` for a revision). Give it, `evaluated_on`,
    /// or both (then the rubric must have been in force that day).
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String")]
    rubric: Option<Text<'a>>,
    /// The evaluation date (`YYYY-MM-DD`): picks the rubric in force that day.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    evaluated_on: Option<Text<'a>>,
    /// The kind of evaluation (Mẫu 01, mục 4): `first` (lần đầu), `upgrade` (nâng hạng),
    /// `rerating` (đánh giá lại).
    #[serde(default, deserialize_with = "present")]
    evaluation: Option<Evaluation>,
    /// The day the file was submitted (`YYYY-MM-DD`): during a transition it decides whether
    /// the replaced rubric may still be used.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    submitted_on: Option<Text<'a>>,
    /// For an upgrade or a re-rating: the certificate it follows.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "PreviousCertificateDocument<'_>")]
    previous_certificate: Option<Object<PreviousCertificateDocument<'a>>>,
    /// The product set's number in the decision (1–26).
    #[schemars(range(min = 1, max = 26))]
    product_set: u8,
    /// The product.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "ProductDocument<'_>")]
    product: Option<Object<ProductDocument<'a>>>,
    /// Who filled the sheet in.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String")]
    evaluator: Option<Text<'a>>,
    /// Criterion code as printed → the answer.
    #[serde(borrow)]
    answers: AnswersDocument<'a>,
    /// Codes of criteria whose knock-out note applies, or `dossier` for "Hồ sơ bị loại khi".
    #[serde(default, borrow)]
    knockouts: Vec<Text<'a>>,
}

/// The product scored.
#[derive(serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProductDocument<'a> {
    /// Its name.
    #[serde(borrow)]
    name: Text<'a>,
    /// The province's or producer's code.
    #[serde(default, borrow, deserialize_with = "present")]
    #[schemars(with = "String")]
    code: Option<Text<'a>>,
}

impl ProductDocument<'_> {
    pub(crate) fn into_product(self) -> Product {
        Product {
            name: self.name.0.into_owned(),
            code: self.code.map(|code| code.0.into_owned()),
        }
    }
}

/// A field that may be absent but, when present, is never `null`: serde's `Option` would read
/// `null` as absent, where the contract calls it a wrong type.
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// A string borrowed from the text when it has no escapes.
pub(crate) struct Text<'a>(pub(crate) Cow<'a, str>);

impl JsonSchema for Text<'_> {
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor<'a>(PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for TextVisitor<'a> {
            type Value = Cow<'a, str>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(text))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(text.to_owned()))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(text))
            }
        }

        deserializer
            .deserialize_str(TextVisitor(PhantomData))
            .map(Text)
    }
}

/// `answers`: criterion code → option number, `true`/`false`, a list of option numbers, or
/// `null`, in document order. Codes are checked against the product set later.
pub(crate) struct AnswersDocument<'a>(Vec<RawAnswer<'a>>);

impl<'a> AnswersDocument<'a> {
    /// The answers, without a place (the typed reader keeps none).
    pub(crate) fn into_raw(self) -> RawAnswers<'a> {
        RawAnswers {
            entries: self.0,
            path: JsonPath::root(),
            offset: None,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for AnswersDocument<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswersVisitor<'a>(PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for AnswersVisitor<'a> {
            type Value = Vec<RawAnswer<'a>>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of answers")
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut answers = Vec::with_capacity(map.size_hint().unwrap_or(48));
                while let Some(code) = map.next_key::<Text<'a>>()? {
                    let value = map.next_value::<AnswerValue>()?;
                    answers.push(RawAnswer {
                        code: code.0,
                        value: value.0,
                        path: JsonPath::root(),
                        offset: None,
                    });
                }
                Ok(answers)
            }
        }

        deserializer
            .deserialize_map(AnswersVisitor(PhantomData))
            .map(AnswersDocument)
    }
}

impl JsonSchema for AnswersDocument<'_> {
    fn schema_name() -> Cow<'static, str> {
        "Answers".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, AnswerDocument>>::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

// The schema's description of an answer; the typed reader reads one as an `AnswerValue`.
/// One answer.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum AnswerDocument {
    /// The 1-based number of the ticked □ in printed order (straight through both cases).
    Option(#[schemars(range(min = 1))] u32),
    /// Met or not, for criteria printed without options.
    YesNo(bool),
    /// The ticked option numbers of an additive criterion.
    Options(Vec<u32>),
    /// Not answered yet.
    NotYet(()),
}

/// One answer in its plainest form; anything else makes the typed reader give up.
struct AnswerValue(RawValue<'static>);

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;

        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = RawValue<'static>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an option number, true or false, a list of option numbers, or null")
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
                Ok(RawValue::Number(RawNumber::Whole(number)))
            }

            fn visit_bool<E: de::Error>(self, met: bool) -> Result<Self::Value, E> {
                Ok(RawValue::Boolean(met))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(RawValue::Null)
            }

            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
                let mut numbers = Vec::new();
                while let Some(number) = seq.next_element::<u64>()? {
                    numbers.push(RawValue::Number(RawNumber::Whole(number)));
                }
                Ok(RawValue::List(numbers))
            }
        }

        deserializer.deserialize_any(AnswerVisitor).map(AnswerValue)
    }
}
