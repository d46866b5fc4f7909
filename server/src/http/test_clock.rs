//! `POST /test/clock {"at": ms}`: the browser tests' server pretends the time is `at` (`null`: the
//! real time again), so a test can live through a consultation's hour. Routed only with
//! `TEST_CLOCK=1`; `server check-config` refuses that setting anywhere else than a test.

use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;

/// The time to pretend.
#[derive(Debug, Deserialize)]
pub struct ClockRequest {
    /// UTC milliseconds, or `None` for the real time.
    at: Option<i64>,
}

/// Moves the clock.
pub async fn set(Json(request): Json<ClockRequest>) -> StatusCode {
    crate::store::set_clock(request.at);
    tracing::warn!(at = ?request.at, "test clock moved");
    StatusCode::NO_CONTENT
}
