//! The one error vocabulary that crosses the wire.
//!
//! Every endpoint answers `Result<T, AppError>`. The server turns `kind` into the HTTP
//! status; `message` is already in the caller's language. Internal failures are logged on the
//! server with their context and cross the wire only as [`ErrorKind::Internal`] with a generic text.

use crate::i18n::{Lang, Texts};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What went wrong, as far as the caller needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The request could not be read (malformed JSON, wrong types, missing fields): 400.
    BadRequest,
    /// No valid session: 401.
    Unauthenticated,
    /// Signed in, but not allowed: 403.
    Forbidden,
    /// No such object, or not one the caller may know about: 404.
    NotFound,
    /// The request clashes with the current state (taken, already done): 409.
    Conflict,
    /// The body is over the size limit: 413.
    TooLarge,
    /// The request was read but a value is not acceptable: 422.
    Validation,
    /// Too many requests of this kind: 429.
    RateLimited,
    /// The server cannot do it now (nothing was saved): the database or the disk cannot take a
    /// write, or the request ran past its deadline: 503.
    Unavailable,
    /// The client could not reach the server (set in the browser only).
    Network,
    /// A failure on the server; details are in its log: 500.
    Internal,
}

impl ErrorKind {
    /// The HTTP status code the server answers with.
    pub fn status(self) -> u16 {
        match self {
            ErrorKind::BadRequest => 400,
            ErrorKind::Unauthenticated => 401,
            ErrorKind::Forbidden => 403,
            ErrorKind::NotFound => 404,
            ErrorKind::Conflict => 409,
            ErrorKind::TooLarge => 413,
            ErrorKind::Validation => 422,
            ErrorKind::RateLimited => 429,
            ErrorKind::Network | ErrorKind::Unavailable => 503,
            ErrorKind::Internal => 500,
        }
    }

    /// The generic message for this kind, used when nothing more specific applies.
    pub fn default_message(self, t: &Texts) -> &'static str {
        match self {
            ErrorKind::BadRequest => t.err_bad_request,
            ErrorKind::Unauthenticated => t.err_sign_in_required,
            ErrorKind::Forbidden => t.err_forbidden,
            ErrorKind::NotFound => t.err_not_found,
            ErrorKind::Conflict => t.err_conflict,
            ErrorKind::TooLarge => t.err_too_large,
            ErrorKind::Validation => t.err_bad_request,
            ErrorKind::RateLimited => t.err_rate_limited,
            ErrorKind::Network => t.err_network,
            ErrorKind::Internal | ErrorKind::Unavailable => t.err_internal,
        }
    }
}

/// An error with a kind and a message in the caller's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AppError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Shown to the user as it is; empty until the server fills in the generic text.
    pub message: String,
    /// The form field the message belongs to, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl AppError {
    /// An error with a specific message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        AppError { kind, message: message.into(), field: None }
    }

    /// An error with the generic message of its kind in `lang`.
    pub fn of(kind: ErrorKind, lang: Lang) -> Self {
        AppError::new(kind, kind.default_message(lang.texts()))
    }

    /// A validation error attached to a form field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError { kind: ErrorKind::Validation, message: message.into(), field: Some(field.into()) }
    }

    /// The generic internal error; the cause must already be logged.
    pub fn internal(lang: Lang) -> Self {
        AppError::of(ErrorKind::Internal, lang)
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AppError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_client_error_maps_to_a_4xx_status() {
        for kind in [
            ErrorKind::BadRequest,
            ErrorKind::Unauthenticated,
            ErrorKind::Forbidden,
            ErrorKind::NotFound,
            ErrorKind::Conflict,
            ErrorKind::TooLarge,
            ErrorKind::Validation,
            ErrorKind::RateLimited,
        ] {
            assert!((400..500).contains(&kind.status()), "{kind:?}");
        }
        assert_eq!(ErrorKind::Internal.status(), 500);
        assert_eq!(ErrorKind::Unavailable.status(), 503);
    }

    #[test]
    fn errors_travel_as_json_with_a_snake_case_kind() {
        let json = serde_json::to_string(&AppError::of(ErrorKind::NotFound, Lang::En)).unwrap_or_default();
        assert_eq!(json, r#"{"kind":"not_found","message":"Not found"}"#);
    }
}
