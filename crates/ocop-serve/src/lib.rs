//! `ocop serve`: the OCOP engine as an HTTP/JSON service, one process, no external services.
//!
//! Every endpoint mirrors a command: its request body is the command's input contract and its
//! response body is byte for byte what `ocop … --format json` prints, because both render the
//! same `ocop-core` values with [`ocop_core::output::json_document`]. Handlers are a few lines:
//! read the options, call the core, and let [`ApiError`] turn a failure into its status and
//! error document in one place.
//!
//! Safe by default: the service listens on 127.0.0.1, bounds every request's body, the requests
//! in flight and their time, checks an optional bearer token in constant time, never answers
//! with a panic's detail, finishes the requests in flight when told to stop (SIGTERM, SIGINT),
//! and logs one line per request on standard error, never a body.

mod access_log;
mod auth;
mod error;
mod limits;
mod openapi;
mod options;
mod routes;
mod server;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ocop_core::rubric::CatalogRef;

pub use crate::auth::{Token, TokenError};
pub use crate::error::{ApiError, ErrorDocument, ErrorKind, ServiceError, error_schema};
pub use crate::openapi::openapi_document;
pub use crate::server::{bind, run, serve, shutdown_signal};

/// The largest request body by default: 8 MiB.
pub const DEFAULT_MAX_BODY: usize = 8 << 20;
/// How many body bytes are answered at once by default, summed over requests: 64 MiB.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 64 << 20;
/// How many requests are answered at once by default; more are refused with 503.
pub const DEFAULT_MAX_CONCURRENCY: usize = 64;
/// How long a request may take by default, from its first byte to its answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Where the service listens by default: this machine only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// How the service runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The largest request body accepted, in bytes; a larger one is refused with 413.
    pub max_body: usize,
    /// How many requests are answered at once; more are refused with 503 at once.
    pub max_concurrency: usize,
    /// How many body bytes are answered at once, summed over requests (never less than
    /// `max_body`): a body takes the length it declares, or `max_body` when it declares none,
    /// and a request whose body would go over is refused with 503 at once. An invalid body is
    /// read again to place its problems, holding about 30 times its size while it is answered:
    /// this bounds that memory for the whole service, where `max_body` bounds one request.
    pub max_in_flight: usize,
    /// How long a request may take, reading its body included; a slower one is answered 503.
    pub timeout: Duration,
    /// The bearer token every request but `/healthz` must carry, if any.
    pub token: Option<Token>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            max_body: DEFAULT_MAX_BODY,
            max_concurrency: DEFAULT_MAX_CONCURRENCY,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            timeout: DEFAULT_TIMEOUT,
            token: None,
        }
    }
}

/// The rubrics the service scores with: the bundled ones, or those read from a folder.
pub type Rubrics = Arc<CatalogRef>;

/// Opens the rubrics as `ocop --rubrics DIR` does (the bundled ones without a path).
pub fn open_rubrics(path: Option<PathBuf>) -> Result<Rubrics, ocop_core::rubric::RubricError> {
    CatalogRef::open(path.as_deref()).map(Arc::new)
}

/// The service: every route, behind the limits, the token check and the access log.
pub fn app(rubrics: Rubrics, config: &Config) -> axum::Router {
    let routes = routes::router(rubrics, config);
    let routes = limits::apply(routes, config);
    let routes = auth::apply(routes, config.token.clone());
    access_log::apply(routes)
}
