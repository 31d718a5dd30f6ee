//! Limits that keep the service answering: how many requests at once (more are refused at once
//! with 503 rather than queued), how long one may take (503), and a panic (500, telling nothing).
//! The body limit (413) is applied where bodies are read (`routes`).

use std::sync::Arc;

use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::response::IntoResponse;
use tokio::sync::Semaphore;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::load_shed::error::Overloaded;
use tower::timeout::error::Elapsed;
use tower::{BoxError, ServiceBuilder};
use tower_http::catch_panic::CatchPanicLayer;

use crate::Config;
use crate::error::ApiError;

/// Wraps every route in the limits of `config`. The concurrency limit is one for the whole
/// service (a semaphore shared by every route), not one per route.
pub(crate) fn apply(router: Router, config: &Config) -> Router {
    let permits = Arc::new(Semaphore::new(config.max_concurrency));
    router.layer(
        ServiceBuilder::new()
            .layer(CatchPanicLayer::custom(|_| {
                ApiError::Internal.into_response()
            }))
            .layer(HandleErrorLayer::new(|error: BoxError| async move {
                if error.is::<Overloaded>() {
                    ApiError::Unavailable("too many requests at once: try again shortly")
                } else if error.is::<Elapsed>() {
                    ApiError::Unavailable("the request took longer than the service allows")
                } else {
                    ApiError::Internal
                }
            }))
            .load_shed()
            .layer(GlobalConcurrencyLimitLayer::with_semaphore(permits))
            .timeout(config.timeout),
    )
}
