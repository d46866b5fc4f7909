//! Who is making a request, as every handler receives it: the account, the language and the
//! client's address, resolved once by `http::caller` before the handler runs.

use app::api::Access;
use app::domain::Role;
use app::error::{AppError, ErrorKind};
use app::i18n::Lang;
use app::model::Me;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "fai_session";
/// The cookie holding a WeChat ticket that the next code sign-in binds (`wechat::accounts`).
pub const WECHAT_COOKIE: &str = "fai_wechat";

/// Who is making this request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The signed-in account, if any.
    pub user: Option<SessionUser>,
    /// The caller's language (account, then `lang` cookie, then `Accept-Language`).
    pub lang: Lang,
    /// The client's address, for rate limits and the audit log.
    pub client_ip: Option<IpAddr>,
    /// The raw session token from the cookie, to revoke or rotate it.
    pub session_token: Option<String>,
    /// A WeChat ticket from its cookie, waiting for a code sign-in to bind it.
    pub wechat_ticket: Option<String>,
    /// Whether cookies must be `Secure` (the portal is served over HTTPS).
    pub secure_cookies: bool,
    /// `Set-Cookie` values the answer carries (a session opened or ended).
    pub set_cookies: Arc<Mutex<Vec<String>>>,
}

/// The account behind a valid session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionUser {
    /// Account id.
    pub id: i64,
    /// Its role.
    pub role: Role,
    /// False while a password sign-in waits for its second-factor code.
    pub complete: bool,
    /// The one street a street's 司法所 staff member sees; `None` for district staff and every
    /// other role.
    pub street: Option<i64>,
}

/// A new session: the raw token goes into the cookie, only its hash into the database.
#[derive(Debug, Clone)]
pub struct SessionGrant {
    /// The cookie value.
    pub token: String,
    /// Seconds until it expires.
    pub max_age_secs: i64,
    /// The account, or `None` while a second factor is pending.
    pub me: Option<Me>,
    /// Where the second-factor code went, when one is pending.
    pub second_factor_phone: Option<String>,
}

impl Caller {
    /// The signed-in account, or 401.
    pub fn user(&self) -> Result<SessionUser, AppError> {
        self.user.filter(|u| u.complete).ok_or_else(|| AppError::of(ErrorKind::Unauthenticated, self.lang))
    }

    /// The signed-in account if it has one of `roles`; 401 or 403 otherwise.
    pub fn require(&self, roles: &[Role]) -> Result<SessionUser, AppError> {
        let user = self.user()?;
        if roles.contains(&user.role) {
            Ok(user)
        } else {
            Err(AppError::of(ErrorKind::Forbidden, self.lang))
        }
    }

    /// Whether an endpoint's `access` lets this caller in: 401 for nobody where someone is
    /// needed, 403 for the wrong account.
    pub fn check(&self, access: Access) -> Result<(), AppError> {
        let account = self.user.filter(|u| u.complete).map(|u| (u.role, u.street));
        if access.allows(account) {
            Ok(())
        } else if account.is_none() {
            Err(self.error(ErrorKind::Unauthenticated))
        } else if access == Access::District && account.is_some_and(|(role, _)| role == Role::Staff) {
            Err(AppError::new(ErrorKind::Forbidden, self.lang.messages().err_district_only))
        } else {
            Err(self.error(ErrorKind::Forbidden))
        }
    }

    /// This caller's generic error of `kind`.
    pub fn error(&self, kind: ErrorKind) -> AppError {
        AppError::of(kind, self.lang)
    }

    /// Sets (or, with `None`, clears) the session cookie on the answer.
    pub fn set_session_cookie(&self, grant: Option<&SessionGrant>) {
        let cookie = match grant {
            Some(grant) => cookie(SESSION_COOKIE, &grant.token, grant.max_age_secs, self.secure_cookies),
            None => cookie(SESSION_COOKIE, "", 0, self.secure_cookies),
        };
        self.set_cookie(cookie);
    }

    /// Adds a `Set-Cookie` value to the answer.
    pub fn set_cookie(&self, cookie: String) {
        if let Ok(mut cookies) = self.set_cookies.lock() {
            cookies.push(cookie);
        }
    }
}

/// A `Set-Cookie` value: `name=value` for the whole site, hidden from scripts, sent on top-level
/// navigations from elsewhere (a link in an SMS) but not on other sites' requests.
pub fn cookie(name: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}
