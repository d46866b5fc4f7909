//! What every request passes before it is routed, and every answer after: an address longer
//! than any page of the portal is 414, a NUL (`%00`) in the path or query is 400 (no text the
//! portal keeps may hold one), and an answer that sets no caching rule of its own is
//! `private, no-store`, so no shared cache keeps what was meant for one person.

use crate::http::caller::request_lang;
use app::error::ErrorKind;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The longest path and query taken: the portal's own addresses are far shorter.
pub const MAX_URI_BYTES: usize = 2048;

/// Checks the request, then marks the answer.
pub async fn guard(request: Request, next: Next) -> Response {
    let target = request.uri().path_and_query().map_or("", |p| p.as_str());
    let refused = if target.len() > MAX_URI_BYTES {
        Some(StatusCode::URI_TOO_LONG)
    } else if has_nul(target) {
        Some(StatusCode::BAD_REQUEST)
    } else {
        None
    };
    let mut response = match refused {
        Some(status) => {
            let lang = request_lang(request.headers());
            (status, ErrorKind::BadRequest.default_message(lang.texts())).into_response()
        }
        None => next.run(request).await,
    };
    response.headers_mut().entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("private, no-store"));
    response
}

/// Whether a request target spells a NUL byte (`%00`, either case of nothing: digits only).
fn has_nul(target: &str) -> bool {
    target.as_bytes().windows(3).any(|w| w == b"%00")
}

#[cfg(test)]
mod tests {
    use super::has_nul;

    #[test]
    fn a_nul_is_found_wherever_it_is_spelled() {
        assert!(has_nul("/library?q=%00"));
        assert!(has_nul("/questions/1%00.html"));
        assert!(!has_nul("/library?q=%2500"), "a percent sign followed by 00 is text");
        assert!(!has_nul("/library?q=100%"));
    }
}
