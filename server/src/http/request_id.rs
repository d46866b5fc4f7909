//! A request id on every request: the caller's `X-Request-Id` when it is a plain token (a load
//! balancer's), else a new one. It is on every log line of the request (the `http` span) and
//! on the response, so a user's report and the logs can be matched.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use rand::Rng;

/// The header.
pub static HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// Whether a received id can be kept: 1–64 letters, digits, `-` or `_`.
fn acceptable(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Gives the request its id and sends it back on the response.
pub async fn assign(mut request: Request, next: Next) -> Response {
    let kept =
        request.headers().get(&HEADER).and_then(|v| v.to_str().ok()).filter(|id| acceptable(id)).map(str::to_owned);
    let id = kept.unwrap_or_else(|| format!("{:016x}", rand::thread_rng().gen::<u64>()));
    let value = HeaderValue::from_str(&id).unwrap_or(HeaderValue::from_static("invalid"));
    request.headers_mut().insert(HEADER.clone(), value.clone());
    let mut response = next.run(request).await;
    response.headers_mut().insert(HEADER.clone(), value);
    response
}

#[cfg(test)]
mod tests {
    use super::acceptable;

    #[test]
    fn only_plain_tokens_are_kept() {
        assert!(acceptable("lb-7f3a_01"));
        assert!(!acceptable(""));
        assert!(!acceptable("a b"));
        assert!(!acceptable(&"x".repeat(65)));
        assert!(!acceptable("id\\n"));
    }
}
