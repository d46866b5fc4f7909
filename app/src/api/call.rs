//! How the browser calls an endpoint: `call::<ListStreets>(Empty {})` posts the request as JSON to
//! the endpoint's path and reads its JSON answer, or the `AppError` the server sent with a 4xx/5xx
//! status.
//!
//! Only the JSON encoding and decoding is generic per endpoint; the HTTP exchange is one
//! non-generic function, so each endpoint costs the wasm little. The path, the request type and the
//! answer type come from the endpoint's declaration, so client and server cannot drift apart.

use super::Endpoint;
use crate::error::{AppError, ErrorKind};

/// Calls endpoint `E` with `request`.
pub async fn call<E: Endpoint>(request: E::Request) -> Result<E::Response, AppError> {
    let body = serde_json::to_string(&request).map_err(|_| bare(ErrorKind::BadRequest))?;
    let answer = post(E::PATH, body).await?;
    serde_json::from_str(&answer).map_err(|_| bare(ErrorKind::Internal))
}

/// An error whose message the page fills in the user's language.
pub(crate) fn bare(kind: ErrorKind) -> AppError {
    AppError { kind, message: String::new(), field: None }
}

/// The kind of error a status means when the body says nothing readable.
#[cfg(any(feature = "csr", test))]
fn kind_of(status: u16) -> ErrorKind {
    match status {
        401 => ErrorKind::Unauthenticated,
        403 => ErrorKind::Forbidden,
        404 => ErrorKind::NotFound,
        409 => ErrorKind::Conflict,
        413 => ErrorKind::TooLarge,
        422 => ErrorKind::Validation,
        429 => ErrorKind::RateLimited,
        400..=499 => ErrorKind::BadRequest,
        503 => ErrorKind::Unavailable,
        _ => ErrorKind::Internal,
    }
}

/// Reads an error answer: the server's `AppError`, or one from the status alone.
#[cfg(any(feature = "csr", test))]
pub(crate) fn error_of(status: u16, body: &str) -> AppError {
    serde_json::from_str(body).unwrap_or_else(|_| bare(kind_of(status)))
}

/// POSTs `body` to `path` and returns the answer's text, or the error it carries.
#[cfg(feature = "csr")]
async fn post(path: &str, body: String) -> Result<String, AppError> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let network = |_: JsValue| bare(ErrorKind::Network);
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&body));
    let headers = web_sys::Headers::new().map_err(network)?;
    headers.set("Content-Type", "application/json").map_err(network)?;
    headers.set("Accept", "application/json").map_err(network)?;
    init.set_headers(&headers);
    let window = web_sys::window().ok_or(bare(ErrorKind::Network))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(path, &init)).await.map_err(network)?.unchecked_into();
    let text =
        JsFuture::from(response.text().map_err(network)?).await.map_err(network)?.as_string().unwrap_or_default();
    if response.ok() {
        Ok(text)
    } else {
        Err(error_of(response.status(), &text))
    }
}

/// Native builds compile the pages (for tests and lints) but never run them.
#[cfg(not(feature = "csr"))]
async fn post(_path: &str, _body: String) -> Result<String, AppError> {
    Err(bare(ErrorKind::Network))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_answer_keeps_the_servers_message() {
        let error = error_of(409, r#"{"kind":"conflict","message":"该时段已约满","field":"slot"}"#);
        assert_eq!(error.kind, ErrorKind::Conflict);
        assert_eq!(error.message, "该时段已约满");
        assert_eq!(error.field.as_deref(), Some("slot"));
    }

    #[test]
    fn an_unreadable_error_answer_is_judged_by_its_status() {
        assert_eq!(error_of(404, "not found").kind, ErrorKind::NotFound);
        assert_eq!(error_of(502, "<html>bad gateway</html>").kind, ErrorKind::Internal);
        assert_eq!(error_of(418, "").kind, ErrorKind::BadRequest);
        assert!(error_of(429, "").message.is_empty(), "the page fills in the text");
    }
}
