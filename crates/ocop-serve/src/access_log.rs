//! One access-log line per request on standard error, as JSON: when, method, path (never the
//! query or the body), status, duration and bytes sent. The line is written when the response
//! body has been sent (or the client went away), so duration and size are the whole exchange's.

use std::io::Write as _;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use http_body::{Frame, SizeHint};
use serde::Serialize;

/// Logs every request of the router.
pub(crate) fn apply(router: Router) -> Router {
    router.layer(middleware::from_fn(log))
}

async fn log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    response.map(|body| {
        Body::new(Logged {
            body,
            sent: 0,
            started,
            line: Some(Line {
                time: String::new(),
                method,
                path,
                status,
                duration_ms: 0.0,
                bytes: 0,
            }),
        })
    })
}

/// The fields of a log line.
#[derive(Serialize)]
struct Line {
    time: String,
    method: String,
    path: String,
    status: u16,
    duration_ms: f64,
    bytes: u64,
}

/// A response body that counts what it sends and logs the request when dropped.
struct Logged {
    body: Body,
    sent: u64,
    started: Instant,
    line: Option<Line>,
}

impl http_body::Body for Logged {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.body).poll_frame(context);
        if let Poll::Ready(Some(Ok(frame))) = &polled
            && let Some(data) = frame.data_ref()
        {
            self.sent += data.len() as u64;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

impl Drop for Logged {
    fn drop(&mut self) {
        if let Some(mut line) = self.line.take() {
            line.time = jiff::Timestamp::now().to_string();
            // Microseconds are enough, and keep the number short.
            line.duration_ms = self.started.elapsed().as_micros() as f64 / 1000.0;
            line.bytes = self.sent;
            if let Ok(mut text) = serde_json::to_string(&line) {
                text.push('\n');
                // One write of the whole line, so that lines of concurrent requests never mix;
                // a log that cannot be written must not fail the request.
                let _ = std::io::stderr().lock().write_all(text.as_bytes());
            }
        }
    }
}
