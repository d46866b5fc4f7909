//! Security headers on every response.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

/// The Content-Security-Policy: the app's own scripts (and wasm), styles, images and API, nothing
/// else; `extra_hashes` allow the inline boot script and style of `index.html`.
pub fn content_security_policy(script_hashes: &[String], style_hashes: &[String]) -> String {
    let quoted = |hashes: &[String]| hashes.iter().map(|h| format!(" '{h}'")).collect::<String>();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        quoted(script_hashes),
        quoted(style_hashes)
    )
}

/// Adds the headers; the policy is computed once at start.
pub async fn headers(State(csp): State<Arc<HeaderValue>>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    // A response with its own, stricter policy (a served file) keeps it.
    h.entry(header::CONTENT_SECURITY_POLICY).or_insert_with(|| (*csp).clone());
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=(self)"));
    response
}
