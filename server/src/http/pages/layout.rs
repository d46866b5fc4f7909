//! What every server-rendered page shares: who reads it, the frame it is rendered in, answers
//! and errors.

use crate::caller::Caller;
use crate::http::caller;
use crate::state::AppState;
use app::domain::Role;
use app::i18n::Lang;
use app::pages::{notice, AnyView, Frame};
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use std::net::SocketAddr;

/// Who asked for a page, and the frame it is rendered in.
pub(super) struct Reader {
    pub caller: Caller,
    pub frame: Frame,
}

impl Reader {
    /// The reader's language.
    pub fn lang(&self) -> Lang {
        self.caller.lang
    }

    /// Whether the reader's account has `role`.
    pub fn is(&self, role: Role) -> bool {
        self.caller.user().is_ok_and(|u| u.role == role)
    }

    /// Whether staff (of a street or the district) or an admin reads.
    pub fn is_staff(&self) -> bool {
        self.is(Role::Staff) || self.is(Role::Admin)
    }

    /// Whether the district's staff or an admin reads (not a street's staff).
    pub fn is_district_staff(&self) -> bool {
        self.is_staff() && self.caller.user().is_ok_and(|u| u.street.is_none())
    }

    /// Whether a lawyer or their assistant reads.
    pub fn advises(&self) -> bool {
        self.caller.user().is_ok_and(|u| u.role.is_adviser())
    }

    /// A page the reader may not read: not signed in, the way to sign in; signed in with another
    /// role, 403.
    pub fn not_theirs(&self, title: &'static str) -> Response {
        if self.caller.user().is_err() {
            let lang = self.lang();
            return self.private(title, || notice::sign_in_first(lang, title, None));
        }
        self.forbidden()
    }

    /// The signed-in resident's id, if a resident reads.
    pub fn resident(&self) -> Option<i64> {
        self.caller.user().ok().filter(|u| u.role == Role::Resident).map(|u| u.id)
    }

    /// `main` in the frame, titled `title`, running `script` (a file of this site).
    pub fn page(&self, title: &str, script: Option<&'static str>, main: impl FnOnce() -> AnyView) -> String {
        app::pages::render(&self.frame, title, script, main)
    }

    /// A page that may hold someone's own data: no cache keeps it.
    pub fn private(&self, title: &str, main: impl FnOnce() -> AnyView) -> Response {
        respond(StatusCode::OK, self.page(title, None, main))
    }

    /// A page the same for everyone (an article, the library): checked again on every visit.
    pub fn public(&self, title: &str, main: impl FnOnce() -> AnyView) -> Response {
        let mut response = (StatusCode::OK, Html(self.page(title, None, main))).into_response();
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        response
    }

    pub fn not_found(&self) -> Response {
        let lang = self.lang();
        respond(StatusCode::NOT_FOUND, self.page(lang.messages().page_not_found, None, || notice::not_found(lang)))
    }

    /// Something failed: logged here, the reader told in their language.
    pub fn trouble(&self, error: impl std::fmt::Display) -> Response {
        tracing::error!(error = %error, "page failed");
        let lang = self.lang();
        let message = lang.texts().err_internal;
        respond(
            StatusCode::INTERNAL_SERVER_ERROR,
            self.page(message, None, || notice::problem(lang, message.to_owned())),
        )
    }

    /// A feature's refusal or failure as a page with its status and message (a server failure
    /// is logged by `answer`).
    pub fn refused(&self, failure: crate::failure::Failure) -> Response {
        let lang = self.lang();
        let error = failure.answer(lang);
        if error.kind == app::error::ErrorKind::NotFound {
            return self.not_found();
        }
        let status = StatusCode::from_u16(error.kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let message = error.message;
        respond(status, self.page(&message.clone(), None, || notice::problem(lang, message)))
    }

    /// A feature's refusal as a form shows it above itself: its status and its message in the
    /// reader's language (a server failure is logged by `answer`).
    pub fn refusal(&self, failure: crate::failure::Failure) -> (StatusCode, String) {
        let error = failure.answer(self.lang());
        (StatusCode::from_u16(error.kind.status()).unwrap_or(StatusCode::BAD_REQUEST), error.message)
    }

    /// What a form's post comes to: the page `next` once done; 404 for what is not there;
    /// otherwise the form's page again (`again`) with the refusal's status and message.
    pub async fn after_form<F: std::future::Future<Output = Response>>(
        &self,
        done: Result<String, crate::failure::Failure>,
        again: impl FnOnce(StatusCode, String) -> F,
    ) -> Response {
        match done {
            Ok(next) => axum::response::Redirect::to(&next).into_response(),
            Err(failure) if failure.kind() == app::error::ErrorKind::NotFound => self.not_found(),
            Err(failure) => {
                let (status, message) = self.refusal(failure);
                again(status, message).await
            }
        }
    }

    /// The reader may not do this.
    pub fn forbidden(&self) -> Response {
        let lang = self.lang();
        let message = lang.texts().err_forbidden;
        respond(StatusCode::FORBIDDEN, self.page(message, None, || notice::problem(lang, message.to_owned())))
    }
}

/// The reader of `request`.
pub(super) async fn reader(state: &AppState, request: Request) -> Reader {
    let (parts, _) = request.into_parts();
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let caller = caller::resolve(state, &parts.headers, peer).await;
    let is_worker = caller.user().ok().is_some_and(|u| u.role != Role::Resident);
    let frame = Frame {
        lang: caller.lang,
        is_worker,
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or("").to_owned(),
        stylesheet: state.stylesheet.as_deref().map(str::to_owned),
        large_text: caller::cookie(&parts.headers, "large-text") == Some("1"),
        high_contrast: caller::cookie(&parts.headers, "high-contrast") == Some("1"),
    };
    Reader { caller, frame }
}

/// `html` with `status`, kept by no cache.
pub(super) fn respond(status: StatusCode, html: String) -> Response {
    let mut response = (status, Html(html)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

/// A form posted to a page: its reader, and its fields (of at most `limit` bytes). Another
/// site's form is refused before anything is read (`None`); a body too large or not the form's
/// shape is `Some(Err(()))`.
pub(super) async fn posted<T: serde::de::DeserializeOwned>(
    state: &AppState,
    request: Request,
    limit: usize,
) -> (Reader, Option<Result<T, ()>>) {
    let cross_site = crate::http::api::is_cross_site(request.headers());
    let (parts, body) = request.into_parts();
    let reader = reader(state, Request::from_parts(parts, axum::body::Body::empty())).await;
    if cross_site {
        return (reader, None);
    }
    let fields = match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => serde_urlencoded::from_bytes(&bytes).map_err(|_| ()),
        Err(_) => Err(()),
    };
    (reader, Some(fields))
}

/// A form's fields in order; a list box of many choices, or a box ticked, sends its name once
/// per choice.
pub(super) type Fields = Vec<(String, String)>;

/// The first value of `name`; empty when it was not sent.
pub(super) fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// A whole number field; 0 for one that is not (refused downstream as unknown).
pub(super) fn number(fields: &Fields, name: &str) -> i64 {
    field(fields, name).parse().unwrap_or(0)
}
