//! `/healthz`: the process answers. `/readyz`: and so does its database.

use crate::startup::AppState;
use axum::extract::State;
use axum::http::StatusCode;

/// Always 200 while the process serves requests.
pub async fn healthz() -> &'static str {
    "ok"
}

/// 200 when the database answers within two seconds, 503 when it does not (a load balancer then
/// stops sending traffic here; the pool reconnects by itself when the database is back).
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    let answered = tokio::time::timeout(std::time::Duration::from_secs(2), state.store.ping()).await;
    if answered == Ok(true) {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
