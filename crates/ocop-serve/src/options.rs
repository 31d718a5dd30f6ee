//! A request's options: query parameters named as the command's flags (`partial`, `lang`,
//! `target`, …), and the language from `Accept-Language` when `lang` is not given.

use axum::extract::{FromRequestParts, Query};
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use ocop_core::lang::Lang;
use ocop_core::sheet::Completeness;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::error::ApiError;

/// The query parameters of a request, of the shape `T`: unknown parameters and values that do
/// not parse are a malformed request (400), never ignored.
pub(crate) struct Options<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Options<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        Query::<T>::try_from_uri(&parts.uri)
            .map(|Query(options)| Options(options))
            .map_err(|rejection| ApiError::BadRequest(rejection.body_text()))
    }
}

/// The language asked for: `lang` when given, else the preferred language of
/// `Accept-Language` that the engine writes, else Vietnamese.
pub(crate) fn language(given: Option<LangParam>, headers: &HeaderMap) -> Lang {
    match given {
        Some(lang) => lang.into(),
        None => headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map_or(Lang::Vi, accepted_language),
    }
}

/// The first language of an `Accept-Language` list that the engine writes (`vi` or `en`, with
/// any region), by the order of preference the weights give; Vietnamese when none.
fn accepted_language(header: &str) -> Lang {
    let mut best: Option<(f32, Lang)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let weight = parts
            .find_map(|parameter| parameter.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or_default();
        let lang = match primary {
            "vi" => Lang::Vi,
            "en" => Lang::En,
            _ => continue,
        };
        if weight > 0.0 && best.is_none_or(|(found, _)| weight > found) {
            best = Some((weight, lang));
        }
    }
    best.map_or(Lang::Vi, |(_, lang)| lang)
}

/// `lang=vi|en`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum LangParam {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl From<LangParam> for Lang {
    fn from(lang: LangParam) -> Self {
        match lang {
            LangParam::Vi => Lang::Vi,
            LangParam::En => Lang::En,
        }
    }
}

/// A yes/no option: `partial`, `partial=true` or `partial=1`; `partial=false` or `partial=0`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Flag(pub(crate) bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match text.as_str() {
            "" | "true" | "1" => Ok(Flag(true)),
            "false" | "0" => Ok(Flag(false)),
            other => Err(serde::de::Error::custom(format!(
                "expected true, false, 1 or 0, found {other:?}"
            ))),
        }
    }
}

impl Flag {
    /// How complete sheets must be, for `partial`.
    pub(crate) fn completeness(self) -> Completeness {
        if self.0 {
            Completeness::Partial
        } else {
            Completeness::Complete
        }
    }
}

/// The options of `/v1/score` and `/v1/council`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScoreOptions {
    #[serde(default)]
    pub(crate) partial: Flag,
    pub(crate) lang: Option<LangParam>,
}

/// The options of `/v1/rank`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RankOptions {
    #[serde(default)]
    pub(crate) partial: Flag,
    pub(crate) lang: Option<LangParam>,
    /// How rows name where they came from (`SOURCE:LINE`), as the command names its file.
    pub(crate) source: Option<String>,
}

/// The options of `/v1/advise`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AdviseOptions {
    #[serde(default)]
    pub(crate) partial: Flag,
    pub(crate) lang: Option<LangParam>,
    /// The star level to reach.
    pub(crate) target: Option<std::num::NonZeroU8>,
    /// How many tied plans to list at most.
    pub(crate) alternatives: Option<std::num::NonZeroU16>,
}

/// The options of `/v1/rescore`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RescoreOptions {
    pub(crate) lang: Option<LangParam>,
    /// The rubric to carry the sheet to.
    pub(crate) to: String,
}

/// The options of `/v1/rubrics` and its product sets.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RubricOptions {
    pub(crate) lang: Option<LangParam>,
    /// `json`, `markdown` or `text`; without it, the `Accept` header chooses.
    pub(crate) format: Option<SetFormat>,
}

/// The options of `/v1/rubrics`: `lang`, which `ocop rubrics` takes too; the list is the same in
/// both languages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListOptions {
    #[serde(rename = "lang")]
    pub(crate) _lang: Option<LangParam>,
}

/// How a product set is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum SetFormat {
    /// The set's file, as stored (the `rubric-set` schema).
    Json,
    /// The blank sheet in Markdown.
    Markdown,
    /// The blank sheet as plain text.
    Text,
    /// The blank sheet as a printable document (`ocop sheet --format html`).
    Html,
}

/// A date option, `YYYY-MM-DD` or `D/M/YYYY` as the command reads it; a malformed request
/// otherwise, naming the option.
pub(crate) fn date_param(text: &str, name: &str) -> Result<jiff::civil::Date, ApiError> {
    ocop_core::dates::parse(text).map_err(|error| ApiError::BadRequest(format!("{name}: {error}")))
}

/// The options of `/v1/cert`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CertOptions {
    pub(crate) lang: Option<LangParam>,
    /// The decision's date.
    pub(crate) decided: String,
    /// The day to give the state for (default: today).
    pub(crate) on: Option<String>,
    /// The rubric whose rules apply (default: the one in force on the decision date).
    pub(crate) rubric: Option<String>,
}

/// The options of `/v1/calendar`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CalendarOptions {
    pub(crate) lang: Option<LangParam>,
    /// The year.
    pub(crate) year: i16,
    /// Only this level's rounds.
    pub(crate) level: Option<ocop_core::rubric::Level>,
    /// The day a file is proposed: the first round of each level it can enter.
    pub(crate) on: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preferred_language_the_engine_writes_is_chosen() {
        assert_eq!(accepted_language("en"), Lang::En);
        assert_eq!(accepted_language("en-US,en;q=0.9"), Lang::En);
        assert_eq!(accepted_language("fr, en;q=0.5, vi;q=0.8"), Lang::Vi);
        assert_eq!(accepted_language("de, en;q=0.1"), Lang::En);
        assert_eq!(accepted_language("de"), Lang::Vi);
        assert_eq!(accepted_language("en;q=0"), Lang::Vi);
        assert_eq!(accepted_language(""), Lang::Vi);
    }
}
