//! The optional bearer token: every request but `/healthz` must carry
//! `Authorization: Bearer TOKEN`, for a service deployed behind a province's reverse proxy.

use std::path::Path;

use axum::Router;
use axum::extract::Request;
use axum::http::header::AUTHORIZATION;
use axum::middleware::{self, Next};
use axum::response::IntoResponse;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::error::ApiError;

/// A bearer token, kept as its SHA-256 digest: comparing digests in constant time tells an
/// attacker neither the token's bytes nor its length.
#[derive(Clone)]
pub struct Token {
    digest: [u8; 32],
}

impl std::fmt::Debug for Token {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Token(…)")
    }
}

/// Why a token file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// The file cannot be read.
    // The reason is said in the message, not chained as a source: a chain printed in full
    // would say it twice.
    #[error("cannot read the token file {path}: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: std::io::Error,
    },
    /// The file holds no token.
    #[error("the token file {path} is empty")]
    Empty {
        /// The file.
        path: String,
    },
}

impl Token {
    /// The token in `text`, without surrounding whitespace (a file's final newline).
    pub fn new(text: &str) -> Option<Token> {
        let text = text.trim();
        (!text.is_empty()).then(|| Token {
            digest: Sha256::digest(text.as_bytes()).into(),
        })
    }

    /// Reads the token from a file.
    pub fn from_file(path: &Path) -> Result<Token, TokenError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|reason| TokenError::Unreadable {
            path: name.clone(),
            reason,
        })?;
        Token::new(&text).ok_or(TokenError::Empty { path: name })
    }

    /// Whether `presented` is this token, compared in constant time.
    fn matches(&self, presented: &[u8]) -> bool {
        let digest: [u8; 32] = Sha256::digest(presented).into();
        self.digest.ct_eq(&digest).into()
    }
}

/// Requires the token, when there is one, on every route but `/healthz`.
pub(crate) fn apply(router: Router, token: Option<Token>) -> Router {
    match token {
        None => router,
        Some(token) => router.layer(middleware::from_fn(move |request: Request, next: Next| {
            let token = token.clone();
            async move {
                if request.uri().path() == "/healthz" || authorized(&token, &request) {
                    next.run(request).await
                } else {
                    ApiError::Unauthorized.into_response()
                }
            }
        })),
    }
}

fn authorized(token: &Token, request: &Request) -> bool {
    request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|value| {
            let value = value.as_bytes();
            let scheme = value.get(..7)?;
            scheme
                .eq_ignore_ascii_case(b"bearer ")
                .then(|| value.get(7..))
                .flatten()
        })
        .is_some_and(|presented| token.matches(presented))
}
