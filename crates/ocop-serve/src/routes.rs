//! The endpoints: each reads its options and body, calls the core, and answers with the
//! document the command prints, or an [`ApiError`].

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use ocop_core::advise::{DEFAULT_ALTERNATIVES, InvalidPart, TextRequest, advise_text};
use ocop_core::blank::{SheetFormat, blank_sheet};
use ocop_core::calendar::CalendarError;
use ocop_core::certificate::{CertificateError, certificate_in};
use ocop_core::council::{self, SessionOptions};
use ocop_core::lang::{Describe, Lang};
use ocop_core::ndjson::RankStream;
use ocop_core::output::json_document;
use ocop_core::rescore::rescore;
use ocop_core::rubric::Catalog;
use ocop_core::score;
use ocop_core::sheet::{InputProblem, InputProblems};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};

use crate::error::{ApiError, json_body};
use crate::openapi::openapi_document;
use crate::options::{
    AdviseOptions, CalendarOptions, CertOptions, ListOptions, Options, RankOptions, RescoreOptions,
    RubricOptions, ScoreOptions, SetFormat, date_param, language,
};
use crate::{Config, Rubrics};

/// What every handler shares.
#[derive(Clone)]
struct Shared {
    rubrics: Rubrics,
    max_body: usize,
    /// The body bytes answered at once, in KiB: each body takes its share before it is read and
    /// gives it back with its answer.
    in_flight: Arc<Semaphore>,
    openapi: Arc<str>,
}

/// A body's share of the bytes the service answers at once, held until its work is done.
/// An invalid body is read a second time to place its problems, holding about 30 times its
/// size: the share is what bounds that memory, where `max_body` bounds one request only.
type Share = OwnedSemaphorePermit;

/// A size in the KiB units of [`Shared::in_flight`], rounded up.
fn kibibytes(bytes: usize) -> u32 {
    u32::try_from(bytes.div_ceil(1024)).unwrap_or(u32::MAX)
}

impl Shared {
    /// Runs engine work on the blocking pool (scoring is CPU work): its document as a 200
    /// response, or its error. A panic in it is a 500 that tells nothing.
    async fn answer(
        &self,
        work: impl FnOnce(&Catalog) -> Result<String, ApiError> + Send + 'static,
    ) -> Result<Response, ApiError> {
        let rubrics = Arc::clone(&self.rubrics);
        let document = tokio::task::spawn_blocking(move || work(&rubrics))
            .await
            .map_err(|_| ApiError::Internal)??;
        Ok(json_body(document).into_response())
    }

    /// [`Shared::answer`] for work on a body, which holds the body's share while the work runs
    /// (a request that times out leaves its work running) and until the answer is written, an
    /// error document with every problem placed included.
    async fn answer_body(
        &self,
        share: Share,
        work: impl FnOnce(&Catalog) -> Result<String, ApiError> + Send + 'static,
    ) -> Result<Response, ApiError> {
        let share = Arc::new(share);
        let held_by_work = Arc::clone(&share);
        let answer = self
            .answer(move |catalog| {
                let _share = held_by_work;
                work(catalog)
            })
            .await;
        let response = answer.into_response();
        drop(share);
        Ok(response)
    }

    /// The whole body as UTF-8 text, at most `max_body` bytes, with its share of the bytes
    /// answered at once. A body that is not UTF-8 is invalid input, with the place of its first
    /// bad byte, as the command says of a file.
    async fn text(
        &self,
        headers: &HeaderMap,
        body: Body,
        lang: Lang,
    ) -> Result<(String, Share), ApiError> {
        let (body, share) = self.limited(headers, body)?;
        let bytes = body
            .collect()
            .await
            .map_err(|error| self.body_error(error.as_ref()))?
            .to_bytes();
        let text = String::from_utf8(bytes.into()).map_err(|error| {
            let problem = InputProblem::not_utf8(error.as_bytes(), &error.utf8_error());
            ApiError::invalid(InputProblems::one(problem), lang)
        })?;
        Ok((text, share))
    }

    /// The body, refused at once when it says it is too long, cut off when it grows so, and
    /// its share of the bytes answered at once: the length it declares, or `max_body` when it
    /// declares none. When that share is not free the request is refused at once (503), as one
    /// over the concurrency limit is.
    fn limited(&self, headers: &HeaderMap, body: Body) -> Result<(Limited<Body>, Share), ApiError> {
        let declared = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<u64>().ok());
        let length = match declared {
            Some(length) if length > self.max_body as u64 => {
                return Err(ApiError::TooLarge {
                    limit: self.max_body,
                });
            }
            Some(length) => usize::try_from(length).unwrap_or(self.max_body),
            None => self.max_body,
        };
        let share = Arc::clone(&self.in_flight)
            .try_acquire_many_owned(kibibytes(length).max(1))
            .map_err(|_| {
                ApiError::Unavailable("too many request bodies at once: try again shortly")
            })?;
        Ok((Limited::new(body, self.max_body), share))
    }

    fn body_error(&self, error: &(dyn std::error::Error + 'static)) -> ApiError {
        if error.is::<LengthLimitError>() {
            ApiError::TooLarge {
                limit: self.max_body,
            }
        } else {
            ApiError::BadRequest(format!("the request body could not be read: {error}"))
        }
    }
}

/// Every route of the service.
pub(crate) fn router(rubrics: Rubrics, config: &Config) -> Router {
    // Never less than one largest body, which could otherwise never be answered.
    let in_flight = kibibytes(config.max_in_flight.max(config.max_body));
    let shared = Shared {
        rubrics,
        max_body: config.max_body,
        in_flight: Arc::new(Semaphore::new(in_flight as usize)),
        openapi: Arc::from(openapi_document()),
    };
    Router::new()
        .route("/v1/score", post(score))
        .route("/v1/council", post(council))
        .route("/v1/advise", post(advise))
        .route("/v1/rank", post(rank))
        .route("/v1/rescore", post(rescore_sheet))
        .route("/v1/rubrics", get(list_rubrics))
        .route("/v1/rubrics/{id}/sets/{number}", get(product_set))
        .route("/v1/cert", get(cert))
        .route("/v1/calendar", get(calendar))
        .route("/openapi.json", get(openapi))
        .route("/healthz", get(healthz))
        .fallback(|| async { ApiError::NotFound("no such route".to_owned()) })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .with_state(shared)
}

/// `POST /v1/score`: `ocop score - --format json`.
async fn score(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Options(options): Options<ScoreOptions>,
    body: Body,
) -> Result<Response, ApiError> {
    let lang = language(options.lang, &headers);
    let (sheet, share) = shared.text(&headers, body, lang).await?;
    let completeness = options.partial.completeness();
    shared
        .answer_body(share, move |catalog| {
            score::score_sheet(catalog, &sheet, completeness)
                .map(|card| json_document(&card))
                .map_err(|problems| ApiError::invalid(problems, lang))
        })
        .await
}

/// `POST /v1/council`: `ocop council - --format json` (the session's own `council.rules`
/// override the rubric's defaults).
async fn council(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Options(options): Options<ScoreOptions>,
    body: Body,
) -> Result<Response, ApiError> {
    let lang = language(options.lang, &headers);
    let (session, share) = shared.text(&headers, body, lang).await?;
    let completeness = options.partial.completeness();
    shared
        .answer_body(share, move |catalog| {
            let options = SessionOptions {
                completeness,
                rules_file: None,
            };
            council::score_session(catalog, &session, options)
                .map(|result| json_document(&result))
                .map_err(|problems| ApiError::invalid(problems, lang))
        })
        .await
}

/// `POST /v1/advise`: `ocop advise - --format json [--target N] [--alternatives N]`.
async fn advise(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Options(options): Options<AdviseOptions>,
    body: Body,
) -> Result<Response, ApiError> {
    let lang = language(options.lang, &headers);
    if options.target.is_some_and(|target| target.get() > 5) {
        return Err(ApiError::BadRequest(
            "target must be a star level from 1 to 5".to_owned(),
        ));
    }
    let (subject, share) = shared.text(&headers, body, lang).await?;
    shared
        .answer_body(share, move |catalog| {
            let request = TextRequest {
                subject: &subject,
                costs: None,
                target: options.target.map(u8::from),
                alternatives: options
                    .alternatives
                    .map_or(DEFAULT_ALTERNATIVES, |count| usize::from(count.get())),
                completeness: options.partial.completeness(),
                lang,
            };
            match advise_text(catalog, &request) {
                Ok(advised) => Ok(json_document(&advised.advice)),
                Err((InvalidPart::Subject | InvalidPart::Costs, problems)) => {
                    Err(ApiError::invalid(problems, lang))
                }
            }
        })
        .await
}

/// `POST /v1/rank`: `ocop rank FILE.ndjson --format json`, the body an NDJSON stream of
/// sessions. Lines are scored as they arrive, so memory holds one row per session, never the
/// body; the ranking is answered when the body ends.
async fn rank(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Options(options): Options<RankOptions>,
    body: Body,
) -> Result<Response, ApiError> {
    let lang = language(options.lang, &headers);
    let (mut body, share) = shared.limited(&headers, body)?;
    let source = options.source.unwrap_or_else(|| "request".to_owned());
    let completeness = options.partial.completeness();
    // A few chunks in flight: reading waits for scoring, so a fast client cannot fill memory.
    let (chunks, mut received) = mpsc::channel::<Bytes>(4);
    let rubrics = Arc::clone(&shared.rubrics);
    let ranked = tokio::task::spawn_blocking(move || {
        // The body's share is given back when the round is ranked, as `answer_body` does.
        let _share = share;
        let options = SessionOptions {
            completeness,
            rules_file: None,
        };
        let mut round = RankStream::start(&rubrics, options, &source, lang, Vec::new())?;
        while let Some(chunk) = received.blocking_recv() {
            round.feed(&chunk)?;
        }
        round.finish()
    });
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|error| shared.body_error(error.as_ref()))?;
        if let Ok(data) = frame.into_data()
            && chunks.send(data).await.is_err()
        {
            break;
        }
    }
    drop(chunks);
    let document = ranked
        .await
        .map_err(|_| ApiError::Internal)?
        .map_err(|_| ApiError::Internal)?;
    // The writer writes JSON, which is UTF-8.
    let document = String::from_utf8(document).map_err(|_| ApiError::Internal)?;
    Ok(json_body(document).into_response())
}

/// `POST /v1/rescore?to=RUBRIC`: `ocop rescore - --to RUBRIC --format json`.
async fn rescore_sheet(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Options(options): Options<RescoreOptions>,
    body: Body,
) -> Result<Response, ApiError> {
    let lang = language(options.lang, &headers);
    let (sheet, share) = shared.text(&headers, body, lang).await?;
    shared
        .answer_body(share, move |catalog| {
            // An unknown target is an unknown rubric (404), as `ocop rescore --to` refuses it
            // before reading the sheet.
            let target = catalog
                .instrument(&options.to)
                .map_err(|error| ApiError::rubric(&error))?;
            rescore(catalog, &sheet, target)
                .map(|result| json_document(&result))
                .map_err(|problems| ApiError::invalid(problems, lang))
        })
        .await
}

/// `GET /v1/rubrics`: `ocop rubrics --format json`.
async fn list_rubrics(
    State(shared): State<Shared>,
    Options(_): Options<ListOptions>,
) -> Result<Response, ApiError> {
    shared
        .answer(|catalog| Ok(json_document(&catalog.summaries())))
        .await
}

/// `GET /v1/rubrics/{id}/sets/{number}`: the product set's file as stored (JSON), or its blank
/// sheet as `ocop sheet --format markdown|text|html` prints it, by `format` or the `Accept`
/// header.
async fn product_set(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
    Options(options): Options<RubricOptions>,
) -> Result<Response, ApiError> {
    let lang = language(options.lang, &headers);
    let format = options.format.unwrap_or_else(|| accepted_format(&headers));
    let number: u8 = number
        .parse()
        .map_err(|_| ApiError::NotFound(format!("rubric {id} has no product set {number:?}")))?;
    let rubrics = Arc::clone(&shared.rubrics);
    let (text, content_type) = tokio::task::spawn_blocking(move || {
        let sheet = |format| {
            let loaded = rubrics
                .product_set(&id, number)
                .map_err(|error| ApiError::rubric(&error))?;
            Ok::<_, ApiError>(blank_sheet(&loaded, format, lang))
        };
        Ok::<_, ApiError>(match format {
            SetFormat::Json => (
                rubrics
                    .product_set_file(&id, number)
                    .map_err(|error| ApiError::rubric(&error))?
                    .into_owned(),
                "application/json",
            ),
            SetFormat::Markdown => (
                sheet(SheetFormat::Markdown)?,
                "text/markdown; charset=utf-8",
            ),
            SetFormat::Text => (sheet(SheetFormat::Text)?, "text/plain; charset=utf-8"),
            SetFormat::Html => {
                let loaded = rubrics
                    .product_set(&id, number)
                    .map_err(|error| ApiError::rubric(&error))?;
                (ocop_print::blank_sheet(&loaded), "text/html; charset=utf-8")
            }
        })
    })
    .await
    .map_err(|_| ApiError::Internal)??;
    Ok((
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        text,
    )
        .into_response())
}

/// The format an `Accept` header asks for: HTML, Markdown or text when it names them (a browser
/// asks for HTML), JSON otherwise.
fn accepted_format(headers: &HeaderMap) -> SetFormat {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    if accept.contains("text/html") {
        SetFormat::Html
    } else if accept.contains("text/markdown") {
        SetFormat::Markdown
    } else if accept.contains("text/plain") {
        SetFormat::Text
    } else {
        SetFormat::Json
    }
}

/// `GET /v1/cert?decided=DATE[&on=DATE][&rubric=ID]`: `ocop cert … --format json`.
async fn cert(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Options(options): Options<CertOptions>,
) -> Result<Response, ApiError> {
    let lang = language(options.lang, &headers);
    let decided = date_param(&options.decided, "decided")?;
    let on = match &options.on {
        Some(on) => date_param(on, "on")?,
        None => jiff::ZonedDateTime::now().date(),
    };
    shared
        .answer(move |catalog| {
            match certificate_in(catalog, decided, on, options.rubric.as_deref()) {
                Ok(certificate) => Ok(json_document(&certificate)),
                Err(CertificateError::Rubric(error)) => Err(ApiError::rubric(&error)),
                Err(error @ CertificateError::OutOfRange(_)) => {
                    Err(ApiError::BadRequest(error.describe(lang)))
                }
                // A decision no rubric can have issued is invalid input, as `ocop cert` says.
                Err(error) => Err(ApiError::invalid(
                    InputProblems::one(error.as_problem("decided", lang)),
                    lang,
                )),
            }
        })
        .await
}

/// `GET /v1/calendar?year=YEAR[&level=LEVEL][&on=DATE]`: `ocop calendar … --format json`.
async fn calendar(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Options(options): Options<CalendarOptions>,
) -> Result<Response, ApiError> {
    let lang = language(options.lang, &headers);
    // As `ocop calendar --level` takes it: the district level held no rounds.
    if options.level.is_some_and(|level| !level.holds_rounds()) {
        return Err(ApiError::BadRequest(
            "level: a level that holds rounds is province or central".to_owned(),
        ));
    }
    let on = options
        .on
        .as_deref()
        .map(|text| date_param(text, "on"))
        .transpose()?;
    shared
        .answer(move |catalog| {
            match ocop_core::calendar::calendar(catalog, options.year, options.level, on) {
                Ok(calendar) => Ok(json_document(&calendar)),
                Err(error @ CalendarError::OutOfRange(_)) => {
                    Err(ApiError::BadRequest(error.describe(lang)))
                }
                // A year no rubric in force sets rounds for is invalid input, as `ocop calendar`
                // says.
                Err(error) => Err(ApiError::invalid(
                    InputProblems::one(error.as_problem(lang)),
                    lang,
                )),
            }
        })
        .await
}

/// `GET /openapi.json`: the OpenAPI 3.1 description, built from the committed schemas.
async fn openapi(State(shared): State<Shared>) -> Response {
    json_body(shared.openapi.to_string()).into_response()
}

/// `GET /healthz`: the service answers.
async fn healthz() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        "ok\n",
    )
        .into_response()
}
