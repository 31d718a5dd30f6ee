//! Every way a request can fail, and the one place where a failure becomes its status and its
//! JSON error document.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use ocop_core::lang::Lang;
use ocop_core::output::{invalid_input, json_document};
use ocop_core::rubric::RubricError;
use ocop_core::sheet::InputProblems;
use schemars::JsonSchema;
use serde::Serialize;

/// Why a request was not answered with its document.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not a valid input of the command (422): every problem, in the document the
    /// command prints for it (without a `"file"`: the body is no file).
    #[error("the request body is not valid input ({} problem(s))", problems.total())]
    Invalid {
        /// Every problem found.
        problems: InputProblems,
        /// The language of their messages.
        lang: Lang,
    },
    /// The request is malformed (400): an option that is not one, a body that is not UTF-8.
    #[error("{0}")]
    BadRequest(String),
    /// No such route, rubric or product set (404).
    #[error("{0}")]
    NotFound(String),
    /// The route exists, not with this method (405).
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The body is larger than the service accepts (413).
    #[error("the request body is larger than {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The bearer token is missing or wrong (401).
    #[error("a valid bearer token is required")]
    Unauthorized,
    /// Too many requests at once, or this one took too long (503).
    #[error("{0}")]
    Unavailable(&'static str),
    /// A bug (500): nothing of it is told to the client.
    #[error("internal error")]
    Internal,
}

impl ApiError {
    /// The status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// An input's problems, their messages to be written in `lang`.
    pub fn invalid(problems: InputProblems, lang: Lang) -> Self {
        ApiError::Invalid { problems, lang }
    }

    /// A rubric or product set that cannot be used: unknown (404), or whose data is not
    /// valid or cannot be read (500: the service's own data is broken, which a client cannot mend).
    pub fn rubric(error: &RubricError) -> Self {
        match error {
            RubricError::UnknownRubric { .. }
            | RubricError::UnknownSet { .. }
            | RubricError::NoneInForce { .. } => ApiError::NotFound(error.to_string()),
            _ => ApiError::Internal,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            ApiError::Invalid { .. } => ErrorKind::InvalidInput,
            ApiError::BadRequest(_) => ErrorKind::BadRequest,
            ApiError::NotFound(_) => ErrorKind::NotFound,
            ApiError::MethodNotAllowed => ErrorKind::MethodNotAllowed,
            ApiError::TooLarge { .. } => ErrorKind::PayloadTooLarge,
            ApiError::Unauthorized => ErrorKind::Unauthorized,
            ApiError::Unavailable(_) => ErrorKind::Unavailable,
            ApiError::Internal => ErrorKind::Internal,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        // Only invalid input is answered after the whole body was read. Any other failure may
        // leave part of it unread on the connection, which then cannot carry another request:
        // say so, so that a client opens a new one instead of failing on its next request.
        let body_read = matches!(self, ApiError::Invalid { .. });
        let body = match self {
            ApiError::Invalid { problems, lang } => invalid_input(None, problems, lang),
            other => json_document(&ErrorDocument {
                error: ServiceError {
                    kind: other.kind(),
                    message: other.to_string(),
                },
            }),
        };
        let mut response = (status, json_body(body)).into_response();
        if !body_read {
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// A JSON document as a response body, with its content type.
pub(crate) fn json_body(document: String) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        document,
    )
}

/// The JSON Schema of [`ErrorDocument`], as committed in `schemas/service-error.schema.json` and
/// printed by `ocop schema service-error`.
pub fn error_schema() -> String {
    json_document(&schemars::schema_for!(ErrorDocument))
}

/// The document of a failed request other than invalid input (which has the command's own
/// document, `{"error": {"kind": "invalid_input", "problems": [...]}}`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorDocument {
    /// What went wrong.
    pub error: ServiceError,
}

/// What went wrong with a request.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ServiceError {
    /// The kind of failure, one per status.
    pub kind: ErrorKind,
    /// What went wrong, for a person (English).
    pub message: String,
}

/// The kind of a failed request, one per status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// 422: the body is not a valid input (its own document lists the problems).
    InvalidInput,
    /// 400: a malformed request.
    BadRequest,
    /// 404: no such route, rubric or product set.
    NotFound,
    /// 405: the route does not take this method.
    MethodNotAllowed,
    /// 413: the body is over the limit.
    PayloadTooLarge,
    /// 401: a valid bearer token is required.
    Unauthorized,
    /// 503: too many requests at once, or too slow.
    Unavailable,
    /// 500: a bug in the service.
    Internal,
}
