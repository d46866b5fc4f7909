//! `POST /hooks/sms/{provider}/{token}`: delivery receipts pushed by the SMS provider. The
//! address the district registers with the provider holds `SMS_RECEIPT_TOKEN`, a secret of at
//! least 16 characters compared in constant time; without it configured, or with another, the
//! hook does not exist (404). A receipt counts only for a message sent to that number under that
//! provider id (`sms::receipts`). The answer is the one each provider expects.

use crate::sms::receipts;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// Takes a provider's receipts.
pub async fn receive(
    State(state): State<AppState>,
    Path((provider, token)): Path<(String, String)>,
    body: String,
) -> Response {
    let expected = state.config.sms_receipt_token.as_deref().unwrap_or_default();
    if expected.is_empty() || !same(expected.as_bytes(), token.as_bytes()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let (read, ok, refused) = match provider.as_str() {
        "aliyun" => {
            (receipts::aliyun(&body), json!({ "code": 0, "msg": "成功" }), json!({ "code": 1, "msg": "格式错误" }))
        }
        "tencent" => (
            receipts::tencent(&body),
            json!({ "result": 0, "errmsg": "OK" }),
            json!({ "result": 1, "errmsg": "bad request" }),
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let Ok(read) = read else { return (StatusCode::BAD_REQUEST, Json(refused)).into_response() };
    match receipts::record(&state.store, &read).await {
        Ok(recorded) => {
            tracing::info!(provider, received = read.len(), recorded, "sms receipts");
            Json(ok).into_response()
        }
        Err(error) => {
            tracing::warn!(error = %error, "sms receipts not stored");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Equal bytes, compared in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}
