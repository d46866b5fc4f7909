//! Works out who is calling: session cookie or API key, language, client address.

use crate::audit::{self, AuditEvent};
use crate::auth::api_keys::{self, Refusal};
use crate::auth::sessions;
use crate::caller::{Caller, SESSION_COOKIE, WECHAT_COOKIE};
use crate::http::api::error_response;
use crate::state::AppState;
use crate::store::now_ms;
use app::error::{AppError, ErrorKind};
use app::i18n::Lang;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};

/// The value of cookie `name`.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// The language before any account is known: the `lang` cookie, else `Accept-Language`.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    cookie(headers, "lang").map(Lang::from_tag).unwrap_or_else(|| {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(Lang::from_accept_language)
            .unwrap_or_default()
    })
}

/// The client's address: the load balancer's word for it when trusted, else the peer.
pub fn client_ip(state: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> Option<IpAddr> {
    if state.config.trust_proxy {
        // The load balancer appends the address it saw; the last entry is the one it vouches for.
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|ip| ip.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    peer.map(|p| p.ip())
}

/// Resolves the caller. A store failure is logged and the caller treated as signed out: the
/// endpoint then answers for itself (public reads still work).
pub async fn resolve(state: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> Caller {
    let token = cookie(headers, SESSION_COOKIE).filter(|t| !t.is_empty() && t.len() <= 128).map(str::to_owned);
    let mut lang = request_lang(headers);
    let mut user = None;
    if let Some(token) = &token {
        match sessions::resolve(&state.store, token).await {
            Ok(Some((session_user, account_lang))) => {
                user = Some(session_user);
                if session_user.complete {
                    lang = Lang::from_tag(&account_lang);
                }
            }
            Ok(None) => {}
            Err(error) => tracing::error!(error = %error, "session lookup failed"),
        }
    }
    Caller {
        user,
        lang,
        client_ip: client_ip(state, headers, peer),
        session_token: token,
        wechat_ticket: cookie(headers, WECHAT_COOKIE).filter(|t| !t.is_empty() && t.len() <= 128).map(str::to_owned),
        secure_cookies: state.config.secure_cookies,
        set_cookies: Default::default(),
    }
}

/// The caller behind an API key (`secret`) calling the endpoint at `path`: its machine account,
/// with no session. The call is audited. Refused before any endpoint runs: an unknown or revoked
/// key (401), an endpoint outside its scopes (403), a key over its calls for the minute (429).
pub async fn resolve_key(
    state: &AppState,
    (secret, path): (&str, &str),
    headers: &HeaderMap,
    peer: Option<SocketAddr>,
) -> Result<Caller, Response> {
    let lang = request_lang(headers);
    let t = lang.messages();
    let store_failed = |error: sqlx::Error| {
        tracing::error!(error = %error, "api key lookup failed");
        error_response(AppError::of(ErrorKind::Unavailable, lang))
    };
    let (user, key) = match api_keys::authenticate(&state.store, secret, now_ms()).await.map_err(store_failed)? {
        Ok(granted) => granted,
        Err(Refusal::Unknown) => return Err(error_response(AppError::new(ErrorKind::Unauthenticated, t.err_api_key))),
        Err(Refusal::TooMany(secs)) => {
            let mut response = error_response(AppError::new(ErrorKind::RateLimited, t.err_api_key_rate));
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
            return Err(response);
        }
    };
    let client_ip = client_ip(state, headers, peer);
    let allowed = key.allows(path);
    let action = if allowed { "api_call" } else { "api_call_refused" };
    let subject = format!("api_key:{}:{}", key.id, path.trim_start_matches("/api/"));
    let event =
        AuditEvent { actor: Some(user.id), action, subject: &subject, client_ip: client_ip.map(|ip| ip.to_string()) };
    audit::record(&state.store, event).await.map_err(store_failed)?;
    if !allowed {
        return Err(error_response(AppError::new(ErrorKind::Forbidden, t.err_api_key_scope)));
    }
    Ok(Caller {
        user: Some(user),
        lang,
        client_ip,
        session_token: None,
        wechat_ticket: None,
        secure_cookies: state.config.secure_cookies,
        set_cookies: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn finds_a_cookie_among_several() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; fai_session=tok; lang=en"));
        assert_eq!(cookie(&headers, "fai_session"), Some("tok"));
        assert_eq!(request_lang(&headers), Lang::En);
        assert_eq!(cookie(&headers, "missing"), None);
    }
}
