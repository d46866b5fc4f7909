//! `/api/*`: the one door to the endpoints.
//!
//! Before an endpoint runs: cross-site requests are refused, the body is read up to the limit and
//! cleaned, and the caller is resolved. Every error leaves as a JSON `AppError` with the status of
//! its kind and a message in the caller's language; a failure while the database is away is 503.

use crate::auth::api_keys;
use crate::http::caller::{self, request_lang};
use crate::state::AppState;
use app::domain::clean_text;
use app::error::{AppError, ErrorKind};
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::net::SocketAddr;

/// Wraps every endpoint call.
pub async fn boundary(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let early_lang = request_lang(&parts.headers);
    if parts.method != Method::POST {
        return error_response(AppError::of(ErrorKind::BadRequest, early_lang));
    }
    if is_cross_site(&parts.headers) {
        return error_response(AppError::new(ErrorKind::Forbidden, early_lang.messages().err_cross_site));
    }
    let bytes = match to_bytes(body, state.config.max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(_) => return error_response(AppError::of(ErrorKind::TooLarge, early_lang)),
    };
    let Some(bytes) = clean_body(bytes) else {
        return error_response(AppError::new(ErrorKind::BadRequest, early_lang.messages().err_nul));
    };
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    // A partner system's key, if the request carries one, and never a session beside it.
    let caller = match api_keys::bearer(&parts.headers) {
        None => caller::resolve(&state, &parts.headers, peer).await,
        Some(secret) => match caller::resolve_key(&state, (secret, parts.uri.path()), &parts.headers, peer).await {
            Ok(caller) => caller,
            Err(refused) => return refused,
        },
    };
    parts.extensions.insert(caller);
    let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR && !database_answers(&state).await {
        return unavailable(response);
    }
    response
}

/// The body with every string of its JSON through [`clean_text`] (hidden characters dropped);
/// `None` when a string holds a NUL. A body that is not JSON is passed on as it is, for the
/// framework to refuse.
fn clean_body(bytes: Bytes) -> Option<Bytes> {
    // Every character the cleaning drops is either outside ASCII or written as a `\u` escape
    // (JSON allows no raw control characters): most bodies have neither and are not parsed twice.
    if bytes.is_ascii() && !bytes.windows(2).any(|w| w == b"\\u") {
        return Some(bytes);
    }
    let Ok(mut value) = serde_json::from_slice::<Value>(&bytes) else { return Some(bytes) };
    let mut changed = false;
    if !clean_strings(&mut value, &mut changed) {
        return None;
    }
    if !changed {
        return Some(bytes);
    }
    serde_json::to_vec(&value).ok().map(Bytes::from)
}

/// Cleans every string in `value`; false when one holds a NUL.
fn clean_strings(value: &mut Value, changed: &mut bool) -> bool {
    match value {
        Value::String(text) => match clean_text(text) {
            None => false,
            Some(clean) => {
                if clean != *text {
                    *text = clean;
                    *changed = true;
                }
                true
            }
        },
        Value::Array(items) => items.iter_mut().all(|item| clean_strings(item, changed)),
        Value::Object(fields) => {
            fields.iter_mut().all(|(name, item)| !name.contains('\0') && clean_strings(item, changed))
        }
        _ => true,
    }
}

/// Whether the database answers within a second.
async fn database_answers(state: &AppState) -> bool {
    tokio::time::timeout(std::time::Duration::from_secs(1), state.store.ping()).await == Ok(true)
}

/// A failure because the database is away is not the server's bug: 503 with a hint to retry
/// (the message already says to try again later), so clients and load balancers back off.
fn unavailable(mut response: Response) -> Response {
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

/// Whether a browser says this request comes from another site.
pub fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    // Older browsers: compare Origin with Host. Clients that send neither are not browsers,
    // and cannot be made to carry a victim's cookies.
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, rest)| rest) != Some(host),
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// An `AppError` as an HTTP response.
pub fn error_response(mut error: AppError) -> Response {
    if error.message.is_empty() {
        error.message = error.kind.default_message(app::i18n::Lang::default().texts()).to_owned();
    }
    let status = StatusCode::from_u16(error.kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(&error).unwrap_or_default();
    let mut response = (status, body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    }
    response
}

/// Unknown paths under `/api/`: 404, or 400 for a method no endpoint takes.
pub async fn not_found(method: Method, headers: HeaderMap) -> Response {
    let kind = if method == Method::POST { ErrorKind::NotFound } else { ErrorKind::BadRequest };
    error_response(AppError::of(kind, request_lang(&headers)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (header::HeaderName::from_static(k), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn every_string_of_a_body_is_cleaned_and_a_nul_anywhere_refuses_it() {
        let body =
            |json: &str| clean_body(Bytes::from(json.to_owned())).map(|b| String::from_utf8_lossy(&b).into_owned());
        assert_eq!(body(r#"{"name":"张三"}"#).as_deref(), Some(r#"{"name":"张三"}"#), "kept as sent");
        assert_eq!(
            body(r#"{"name":"a\u202eb","tags":["x\u200by"]}"#).as_deref(),
            Some(r#"{"name":"ab","tags":["xy"]}"#)
        );
        assert_eq!(body(r#"{"a":{"b":[1,"\u0000"]}}"#), None);
        assert_eq!(body(r#"{"\u0000":1}"#), None);
        assert_eq!(body("not json").as_deref(), Some("not json"));
    }

    #[test]
    fn same_origin_requests_pass_and_cross_site_ones_do_not() {
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(!is_cross_site(&headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")])));
        assert!(is_cross_site(&headers(&[("origin", "https://evil.example"), ("host", "127.0.0.1:3000")])));
        assert!(!is_cross_site(&headers(&[])));
    }
}
