//! Works out who is calling: session cookie, language, client address.

use crate::auth::sessions;
use crate::caller::{Caller, SESSION_COOKIE, WECHAT_COOKIE};
use crate::state::AppState;
use app::i18n::Lang;
use axum::http::{header, HeaderMap};
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
