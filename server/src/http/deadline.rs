//! Every request has a deadline. A request that runs past it is dropped where it waits (its
//! queries and its work stop with it) and answered 503 with `Retry-After`, so one slow or
//! hostile request cannot hold a worker, and shutting down never waits on it for long.
//!
//! Work that cannot be interrupted at an `.await` is bounded where it runs instead: dates are
//! read only within `app::time`'s years, and loops over ranges stay within them.

use crate::http::api::error_response;
use crate::http::caller::request_lang;
use app::error::{AppError, ErrorKind};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::future::Future;
use std::time::Duration;

/// Runs the request within `deadline`.
pub async fn limit(State(deadline): State<Duration>, request: Request, next: Next) -> Response {
    let lang = request_lang(request.headers());
    let api = request.uri().path().starts_with("/api/");
    within(deadline, next.run(request)).await.unwrap_or_else(|| {
        tracing::warn!(deadline_ms = deadline.as_millis() as u64, "request ran past its deadline");
        if api {
            error_response(AppError::of(ErrorKind::Unavailable, lang))
        } else {
            let text = ErrorKind::Unavailable.default_message(lang.texts());
            let mut response = (StatusCode::SERVICE_UNAVAILABLE, text).into_response();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            response
        }
    })
}

/// `work`'s output, or `None` when it did not finish within `deadline` (it is then dropped).
pub async fn within<T>(deadline: Duration, work: impl Future<Output = T>) -> Option<T> {
    tokio::time::timeout(deadline, work).await.ok()
}
