//! The mini-program's doors into the portal, none of which exists without WeChat configured
//! (404):
//! - `GET /wechat/enter?code=…&to=/path`: the web-view's first address. The mini-program's login
//!   code signs in the resident bound to it and goes on to `to`; an openid bound to nobody gets a
//!   ticket cookie and goes to sign-in, whose code binds it (`wechat::accounts::bind`).
//! - `GET /wechat/templates`: the subscription templates the native page asks residents to allow.
//! - `POST /wechat/subscribed` `{"code", "accepted": [template ids]}`: what a resident allowed,
//!   named by a fresh login code (the native page has no session).
//! - `GET /wechat/share?path=/communities/4`: the title a shared page of the portal shows in a
//!   chat (the shell asks when a resident shares; WeChat takes a picture of the page itself).

use crate::auth::sessions;
use crate::caller::{cookie, SESSION_COOKIE, WECHAT_COOKIE};
use crate::state::AppState;
use crate::wechat::{accounts, api::WechatApi};
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;

/// Where the web-view was asked to go.
#[derive(Deserialize)]
pub struct Enter {
    #[serde(default)]
    code: String,
    #[serde(default)]
    to: Option<String>,
}

/// What a resident allowed.
#[derive(Deserialize)]
pub struct Subscribed {
    code: String,
    accepted: Vec<String>,
}

/// The most templates a resident is asked for at once (WeChat's own bound).
const MOST_TEMPLATES: usize = 3;

/// A login code as WeChat writes them: short, letters, digits, `-` and `_`.
fn login_code(code: &str) -> Option<&str> {
    let code = code.trim();
    (!code.is_empty() && code.len() <= 128 && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .then_some(code)
}

/// A path of the portal to go on to: local, not another site's (`//host`, `/\host`).
fn local_path(to: Option<&str>) -> &str {
    match to {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') && path.len() <= 200 => {
            path
        }
        _ => "/",
    }
}

fn see_other(location: &str, cookie: String) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location.to_owned()), (header::SET_COOKIE, cookie)]).into_response()
}

fn refused(status: StatusCode, words: &str) -> Response {
    (status, Json(json!({ "kind": "bad_request", "message": words }))).into_response()
}

/// The openid of `code`, or the answer that refuses it.
async fn openid(api: &WechatApi, code: &str) -> Result<String, Response> {
    let Some(code) = login_code(code) else {
        return Err(refused(StatusCode::BAD_REQUEST, "no WeChat login code"));
    };
    api.openid(code).await.map_err(|error| {
        tracing::warn!(error = %error, "wechat login code refused");
        refused(StatusCode::UNAUTHORIZED, "the WeChat login code was not accepted: open the mini-program again")
    })
}

/// `GET /wechat/enter`.
pub async fn enter(State(state): State<AppState>, Query(enter): Query<Enter>) -> Response {
    let Some(api) = state.wechat.clone() else { return StatusCode::NOT_FOUND.into_response() };
    let openid = match openid(&api, &enter.code).await {
        Ok(openid) => openid,
        Err(answer) => return answer,
    };
    let secure = state.config.secure_cookies;
    let signed_in = match accounts::resident_of(&state.store, &openid).await {
        Ok(Some(user_id)) => sessions::create(&state.store, user_id, true).await.map(Some),
        Ok(None) => Ok(None),
        Err(error) => Err(error),
    };
    match signed_in {
        Ok(Some((token, max_age))) => {
            see_other(local_path(enter.to.as_deref()), cookie(SESSION_COOKIE, &token, max_age, secure))
        }
        Ok(None) => match accounts::ticket(&state.store, &openid).await {
            Ok(ticket) => see_other("/sign-in", cookie(WECHAT_COOKIE, &ticket, accounts::TICKET_SECS, secure)),
            Err(error) => trouble(error),
        },
        Err(error) => trouble(error),
    }
}

fn trouble(error: sqlx::Error) -> Response {
    tracing::error!(error = %error, "wechat entry failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

/// `GET /wechat/templates`.
pub async fn templates(State(state): State<AppState>) -> Response {
    let Some(api) = state.wechat.as_ref() else { return StatusCode::NOT_FOUND.into_response() };
    let ids: Vec<&str> = api.config().templates.values().map(|t| t.id.as_str()).collect();
    Json(json!({ "templates": ids })).into_response()
}

/// `POST /wechat/subscribed`: 400 for no code or an unknown template, 401 for a code WeChat
/// does not accept, 404 for a WeChat user bound to no resident; nothing is recorded then.
pub async fn subscribed(State(state): State<AppState>, Json(body): Json<Subscribed>) -> Response {
    let Some(api): Option<Arc<WechatApi>> = state.wechat.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let kinds: Option<Vec<_>> = body.accepted.iter().map(|id| api.config().kind_of(id)).collect();
    let Some(kinds) = kinds.filter(|k| k.len() <= MOST_TEMPLATES) else {
        return refused(StatusCode::BAD_REQUEST, "not a template of this mini-program");
    };
    let openid = match openid(&api, &body.code).await {
        Ok(openid) => openid,
        Err(answer) => return answer,
    };
    let user_id = match accounts::resident_of(&state.store, &openid).await {
        Ok(Some(user_id)) => user_id,
        Ok(None) => return refused(StatusCode::NOT_FOUND, "sign in to the portal in the mini-program first"),
        Err(error) => return trouble(error),
    };
    match accounts::subscribed(&state.store, user_id, &kinds).await {
        Ok(()) => Json(json!({ "recorded": kinds.len() })).into_response(),
        Err(error) => trouble(error),
    }
}

/// A portal page to share.
#[derive(Deserialize)]
pub struct Share {
    #[serde(default)]
    path: String,
}

/// `GET /wechat/share`: a community's page (or its booking page) is shared under its name, any
/// other under the portal's.
pub async fn share(State(state): State<AppState>, Query(share): Query<Share>) -> Response {
    if state.wechat.is_none() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let community = share
        .path
        .strip_prefix("/communities/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|id| id.parse::<i64>().ok());
    let name: Option<String> = match community {
        Some(id) => match sqlx::query_scalar(&format!(
            "SELECT c.name FROM communities c WHERE c.id = $1 AND {}",
            crate::directory::serving("c", 2)
        ))
        .bind(id)
        .bind(crate::store::today().to_string())
        .fetch_optional(&state.store.pool)
        .await
        {
            Ok(name) => name,
            Err(error) => return trouble(error),
        },
        None => None,
    };
    let title = match name {
        Some(name) => format!("{name} · 社区法律顾问"),
        None => "法i社区 · 社区法律顾问".to_owned(),
    };
    Json(json!({ "title": title })).into_response()
}
