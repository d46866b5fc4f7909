//! `/healthz`: the process answers. `/readyz`: and its database answers and can take a write,
//! and so can the file store.

use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use std::time::Duration;

/// Always 200 while the process serves requests.
pub async fn healthz() -> &'static str {
    "ok"
}

/// 200 when the database answers within two seconds and neither it nor the file store refuses
/// a write; 503 otherwise (a load balancer then stops sending traffic here; the pool reconnects
/// by itself when the database is back, and writes succeed again once space returns). A write
/// that is only slow (writers queueing under load) does not make the server unready.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    let answered = tokio::time::timeout(Duration::from_secs(2), state.store.ping()).await;
    if answered != Ok(true) {
        return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable");
    }
    if let Ok(Err(error)) = tokio::time::timeout(Duration::from_secs(2), state.store.probe_write()).await {
        tracing::error!(%error, "readiness: the database refuses writes");
        return (StatusCode::SERVICE_UNAVAILABLE, "database cannot write");
    }
    if tokio::time::timeout(Duration::from_secs(2), state.files.blobs.writable()).await == Ok(false) {
        return (StatusCode::SERVICE_UNAVAILABLE, "file store cannot write");
    }
    (StatusCode::OK, "ready")
}
