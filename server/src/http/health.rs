//! `/healthz`: the process answers. `/readyz`: and so does its database.

use crate::startup::AppState;
use axum::extract::State;
use axum::http::StatusCode;

/// Always 200 while the process serves requests.
pub async fn healthz() -> &'static str {
    "ok"
}

/// 200 when the database answers, 503 when it does not.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.store.ping().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
