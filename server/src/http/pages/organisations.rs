//! `/admin/organisations` and its forms: admins add, close and reopen the bodies that receive
//! referrals, give them accounts, and issue and revoke their partner systems' keys. The same feature functions as the JSON API; another site's
//! form, or any account but an admin's, is refused before anything is read.

use super::layout::{posted, reader, respond, Reader};
use crate::admin::{accounts, api_keys, organisations};
use crate::failure::Failure;
use crate::state::AppState;
use app::domain::{ReferralKind, Role};
use app::i18n::ReferralTexts;
use app::model::{ApiKeyEdit, Empty, OrganisationEdit, StaffAccountEdit};
use app::pages::organisations::Around;
use app::pages::{notice, organisations as page};
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The largest form: a name, a login, a number, a password.
const FORM_BYTES: usize = 4 * 1024;

fn is_admin(reader: &Reader) -> bool {
    reader.caller.user().is_ok_and(|u| u.role == Role::Admin)
}

/// `/admin/organisations`.
pub async fn list(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !is_admin(&reader) {
        if reader.caller.user().is_err() {
            let lang = reader.lang();
            let title = ReferralTexts::of(lang).title_organisations;
            return reader.private(title, || notice::sign_in_first(lang, title, None));
        }
        return reader.forbidden();
    }
    show(&state, &reader, StatusCode::OK, (None, None)).await
}

async fn show(state: &AppState, reader: &Reader, status: StatusCode, (problem, secret): Shown) -> Response {
    let lang = reader.lang();
    let bodies = organisations::list(&state.store, &reader.caller, Empty {}).await;
    let streets = crate::directory::streets(&state.store, &reader.caller, Empty {}).await;
    let keys = api_keys::list(&state.store, &reader.caller, Empty {}).await;
    match (bodies, streets, keys) {
        (Ok(bodies), Ok(streets), Ok(keys)) => {
            let around = Around { streets, keys: keys.keys, problem, secret };
            let title = ReferralTexts::of(lang).title_organisations;
            respond(status, reader.page(title, None, || page::page(lang, bodies, around)))
        }
        (Err(failure), _, _) | (_, Err(failure), _) | (_, _, Err(failure)) => reader.refused(failure),
    }
}

/// What the page shows once: why a change was refused, the secret of a key just issued.
type Shown = (Option<String>, Option<String>);

/// Done: the page again; refused: the page with why, under the refusal's status.
async fn after(state: &AppState, reader: Reader, done: Result<(), Failure>) -> Response {
    match done {
        Ok(()) => Redirect::to("/admin/organisations").into_response(),
        Err(failure) if failure.kind() == app::error::ErrorKind::NotFound => reader.not_found(),
        Err(failure) => {
            let (status, message) = reader.refusal(failure);
            show(state, &reader, status, (Some(message), None)).await
        }
    }
}

#[derive(Deserialize)]
struct BodyForm {
    #[serde(default)]
    id: String,
    kind: String,
    name: String,
    #[serde(default)]
    street_id: String,
    #[serde(default)]
    closed: String,
}

/// `POST /admin/organisations`: adds a body, or changes one (`id`).
pub async fn save(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<BodyForm>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| is_admin(&reader)) else { return reader.forbidden() };
    let number =
        |text: &str| if text.trim().is_empty() { Ok(None) } else { text.trim().parse().map(Some).map_err(|_| ()) };
    let edit = form.and_then(|f| {
        Ok(OrganisationEdit {
            id: number(&f.id)?,
            kind: ReferralKind::from_db(&f.kind).ok_or(())?,
            name: f.name,
            street_id: number(&f.street_id)?,
            closed: f.closed == "1",
        })
    });
    let Ok(edit) = edit else {
        let message = reader.lang().texts().err_bad_request.to_owned();
        return show(&state, &reader, StatusCode::BAD_REQUEST, (Some(message), None)).await;
    };
    let done = organisations::save(&state.store, &reader.caller, edit).await.map(|_| ());
    after(&state, reader, done).await
}

#[derive(Deserialize)]
struct AccountForm {
    login: String,
    display_name: String,
    #[serde(default)]
    phone: String,
    password: String,
}

/// `POST /admin/organisations/<id>/accounts`: a new account of the body.
pub async fn add_account(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<AccountForm>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| is_admin(&reader)) else { return reader.forbidden() };
    let (Ok(form), Ok(organisation)) = (form, id.parse::<i64>()) else { return reader.not_found() };
    let edit = StaffAccountEdit {
        id: None,
        login: form.login,
        display_name: form.display_name,
        phone: form.phone,
        role: Role::Agency,
        street_id: None,
        password: form.password,
        disabled: false,
        organisation_id: Some(organisation),
    };
    let done = accounts::save(&state.store, &reader.caller, edit).await.map(|_| ());
    after(&state, reader, done).await
}

#[derive(Deserialize)]
struct KeyForm {
    name: String,
    #[serde(default)]
    read: String,
    #[serde(default)]
    write: String,
}

/// `POST /admin/organisations/<id>/keys`: issues a key of the body; the page shows its secret
/// this once (it is not redirected away).
pub async fn issue_key(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<KeyForm>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| is_admin(&reader)) else { return reader.forbidden() };
    let (Ok(form), Ok(organisation_id)) = (form, id.parse::<i64>()) else { return reader.not_found() };
    let scopes = [("referrals:read", &form.read), ("referrals:write", &form.write)]
        .into_iter()
        .filter(|(_, on)| on.as_str() == "1")
        .map(|(scope, _)| scope.to_owned())
        .collect();
    let edit = ApiKeyEdit { id: None, name: form.name, organisation_id, scopes, revoked: false };
    match api_keys::save(&state.store, &reader.caller, edit).await {
        Ok(keys) => show(&state, &reader, StatusCode::OK, (None, keys.secret)).await,
        Err(failure) => after(&state, reader, Err(failure)).await,
    }
}

/// `POST /admin/api-keys/<id>/revoke`: revokes a key for good.
pub async fn revoke_key(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<Empty>(&state, request, FORM_BYTES).await;
    if form.is_none() || !is_admin(&reader) {
        return reader.forbidden();
    }
    let keys = match api_keys::list(&state.store, &reader.caller, Empty {}).await {
        Ok(keys) => keys.keys,
        Err(failure) => return reader.refused(failure),
    };
    let Some(key) = id.parse::<i64>().ok().and_then(|id| keys.into_iter().find(|k| k.id == id)) else {
        return reader.not_found();
    };
    let edit = ApiKeyEdit {
        id: Some(key.id),
        name: key.name,
        organisation_id: key.organisation_id,
        scopes: key.scopes,
        revoked: true,
    };
    let done = api_keys::save(&state.store, &reader.caller, edit).await.map(|_| ());
    after(&state, reader, done).await
}
