//! The one function every declared endpoint is routed through: decode the request, check the
//! caller against the endpoint's [`Access`](app::api::Access), run the feature's handler, encode
//! its answer or error. A handler is a plain function of its feature,
//! `async fn(&Part, &Caller, Request) -> Result<Response, Failure>`, where `Part` is the piece of
//! the state it needs.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::http::api::error_response;
use crate::state::AppState;
use app::api::Endpoint;
use app::error::ErrorKind;
use axum::body::Bytes;
use axum::extract::{FromRef, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::{post, MethodRouter};
use axum::Extension;
use std::future::Future;

/// `POST E::PATH`, answered by `handler`.
pub fn endpoint<E, S, H, F>(handler: H) -> MethodRouter<AppState>
where
    E: Endpoint,
    S: FromRef<AppState> + Send + 'static,
    H: Fn(S, Caller, E::Request) -> F + Clone + Send + Sync + 'static,
    F: Future<Output = Result<E::Response, Failure>> + Send + 'static,
{
    post(move |State(state): State<AppState>, Extension(caller): Extension<Caller>, body: Bytes| {
        let handler = handler.clone();
        async move {
            let mut response = match answer::<E, S, H, F>(&state, &caller, &body, handler).await {
                Ok(answer) => answer,
                Err(failure) => error_response(failure.answer(caller.lang)),
            };
            let cookies = caller.set_cookies.lock().map(|c| c.clone()).unwrap_or_default();
            for cookie in cookies {
                if let Ok(value) = HeaderValue::from_str(&cookie) {
                    response.headers_mut().append(header::SET_COOKIE, value);
                }
            }
            response
        }
    })
}

/// The handler's answer as JSON, or why there is none. A body that does not decode is 400 before
/// the caller is looked at, as the client's mistake it is.
async fn answer<E, S, H, F>(state: &AppState, caller: &Caller, body: &[u8], handler: H) -> Result<Response, Failure>
where
    E: Endpoint,
    S: FromRef<AppState>,
    H: Fn(S, Caller, E::Request) -> F,
    F: Future<Output = Result<E::Response, Failure>>,
{
    let request: E::Request = serde_json::from_slice(body).map_err(|_| caller.error(ErrorKind::BadRequest))?;
    caller.check(E::ACCESS)?;
    let answer = handler(S::from_ref(state), caller.clone(), request).await?;
    let json = serde_json::to_vec(&answer).map_err(|e| {
        tracing::error!(error = %e, path = E::PATH, "answer not encodable");
        caller.error(ErrorKind::Internal)
    })?;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response())
}
