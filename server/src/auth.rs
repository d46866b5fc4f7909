//! Sign-in and accounts: codes, passwords, sessions and the account itself.

pub mod api_keys;
pub mod codes;
mod consent;
pub mod passwords;
pub mod sessions;
pub mod users;

/// Hashes a password as sign-in checks it (staff accounts are made with it).
pub use passwords::hash as hash_password;
/// Hashes a secret token as it is kept (sessions, API keys).
pub use sessions::hash_token;

use crate::audit::{self, AuditEvent};
use crate::caller::{Caller, SessionGrant, WECHAT_COOKIE};
use crate::failure::Failure;
use crate::store::{now_ms, Store};
use app::domain::{OneTimeCode, PhoneNumber, Role};
use app::error::{AppError, ErrorKind};
use app::i18n::DeskTexts;
use app::model::{
    CodeSent, CodeSignInRequest, CommunityRequest, Empty, Me, Notice, PasswordSignIn, PasswordSignInRequest,
    SecondFactorRequest, SendCodeRequest, Session, SetLanguageRequest,
};
use codes::{CodeError, Codes, Purpose, Rejected};

/// Failed password sign-ins allowed in [`LOCKOUT_WINDOW_MS`]: for one account from one address
/// (a stranger locks out only their own address, never the owner at theirs), from one address
/// over all accounts (guessing across many logins), and for one account from everywhere (many
/// addresses guessing together).
const MAX_FAILED_PER_ACCOUNT_AND_ADDRESS: i64 = 10;
const MAX_FAILED_PER_ADDRESS: i64 = 30;
const MAX_FAILED_PER_ACCOUNT: i64 = 100;
const LOCKOUT_WINDOW_MS: i64 = 15 * 60 * 1000;

/// Failed sign-ins counted three ways: this account from this address, this address, this account.
#[derive(sqlx::FromRow)]
struct Failures {
    here: i64,
    from_address: i64,
    everywhere: i64,
}

/// A notice of the inbox, as stored.
#[derive(sqlx::FromRow)]
struct NoticeRow {
    id: i64,
    body: String,
    created_at: i64,
    link: Option<String>,
}

/// Sign-in backed by the store, codes and sessions.
#[derive(Clone)]
pub struct AuthService {
    store: Store,
    codes: Codes,
}

impl AuthService {
    /// A service over `store`, sending codes with `codes`.
    pub fn new(store: Store, codes: Codes) -> AuthService {
        AuthService { store, codes }
    }

    async fn open_session(&self, caller: &Caller, user_id: i64, complete: bool) -> Result<SessionGrant, Failure> {
        // Rotation: whatever session this browser had ends here.
        if let Some(old) = &caller.session_token {
            sessions::revoke(&self.store, old).await?;
        }
        let (token, max_age_secs) = sessions::create(&self.store, user_id, complete).await?;
        let me = if complete { users::me(&self.store, user_id).await? } else { None };
        Ok(SessionGrant { token, max_age_secs, me, second_factor_phone: None })
    }

    /// Whether password sign-ins for `subject` from the caller's address are refused for now.
    async fn locked_out(&self, caller: &Caller, subject: &str) -> Result<bool, Failure> {
        let since = now_ms() - LOCKOUT_WINDOW_MS;
        let address = caller.client_ip.map(|ip| ip.to_string()).unwrap_or_default();
        let Failures { here, from_address, everywhere } = sqlx::query_as(
            "SELECT COALESCE(SUM(CASE WHEN subject = $2 AND client_ip = $3 THEN 1 ELSE 0 END), 0) AS here, \
             COALESCE(SUM(CASE WHEN client_ip = $3 THEN 1 ELSE 0 END), 0) AS from_address, \
             COALESCE(SUM(CASE WHEN subject = $2 THEN 1 ELSE 0 END), 0) AS everywhere \
             FROM audit_events WHERE action = 'sign_in_failed' AND at >= $1 AND (subject = $2 OR client_ip = $3)",
        )
        .bind(since)
        .bind(subject)
        .bind(&address)
        .fetch_one(&self.store.pool)
        .await?;
        Ok(here >= MAX_FAILED_PER_ACCOUNT_AND_ADDRESS
            || from_address >= MAX_FAILED_PER_ADDRESS
            || everywhere >= MAX_FAILED_PER_ACCOUNT)
    }

    async fn audit(&self, caller: &Caller, actor: Option<i64>, action: &str, subject: &str) -> Result<(), Failure> {
        let client_ip = caller.client_ip.map(|ip| ip.to_string());
        audit::record(&self.store, AuditEvent { actor, action, subject, client_ip }).await.map_err(Failure::from)
    }
}

fn code_error(caller: &Caller, error: CodeError) -> Failure {
    let t = caller.lang.messages();
    match error {
        CodeError::Rejected(Rejected::RateLimited) => caller.error(ErrorKind::RateLimited).into(),
        CodeError::Rejected(Rejected::Expired) => AppError::invalid("code", t.err_code_expired).into(),
        CodeError::Rejected(Rejected::Wrong) => AppError::invalid("code", t.err_code_wrong).into(),
        CodeError::Rejected(Rejected::TooManyAttempts) => AppError::invalid("code", t.err_code_attempts).into(),
        CodeError::Sql(e) => Failure::from(e),
    }
}

fn parse_phone(caller: &Caller, input: &str) -> Result<PhoneNumber, Failure> {
    PhoneNumber::parse(input)
        .map_err(|_| AppError::invalid("phone", caller.lang.texts().err_phone))
        .map_err(Failure::from)
}

fn parse_code(caller: &Caller, input: &str) -> Result<OneTimeCode, Failure> {
    OneTimeCode::parse(input)
        .map_err(|_| AppError::invalid("code", caller.lang.texts().err_code_format))
        .map_err(Failure::from)
}

/// The account a grant opened, set in the session cookie.
fn signed_in(caller: &Caller, grant: SessionGrant) -> Result<Me, Failure> {
    caller.set_session_cookie(Some(&grant));
    grant.me.ok_or_else(|| caller.error(ErrorKind::Internal)).map_err(Failure::from)
}

impl AuthService {
    /// Sends a six-digit sign-in code, subject to per-number and per-address limits.
    pub async fn send_code(&self, caller: &Caller, request: SendCodeRequest) -> Result<CodeSent, Failure> {
        let phone = parse_phone(caller, &request.phone)?;
        self.send_code_to(caller, &phone).await
    }

    #[tracing::instrument(skip_all, fields(phone = %phone.masked()))]
    async fn send_code_to(&self, caller: &Caller, phone: &PhoneNumber) -> Result<CodeSent, Failure> {
        let ip = caller.client_ip.map(|ip| ip.to_string());
        self.codes.send(phone, Purpose::SignIn, ip.as_deref(), caller.lang).await.map_err(|e| code_error(caller, e))?;
        Ok(CodeSent { phone_masked: phone.masked(), resend_after_secs: codes::RESEND_AFTER_SECS })
    }

    /// Signs a resident in with a code, creating the account on first use.
    pub async fn sign_in_with_code(&self, caller: &Caller, request: CodeSignInRequest) -> Result<Me, Failure> {
        let phone = parse_phone(caller, &request.phone)?;
        let code = parse_code(caller, &request.code)?;
        let grant = self.code_session(caller, &phone, &code).await?;
        // Signed in inside the mini-program for the first time: its WeChat identity is theirs now.
        if let (Some(ticket), Some(me)) = (&caller.wechat_ticket, &grant.me) {
            if crate::wechat::accounts::bind(&self.store, ticket, me.user_id).await? {
                tracing::info!(user_id = me.user_id, "wechat bound");
            }
            caller.set_cookie(crate::caller::cookie(WECHAT_COOKIE, "", 0, caller.secure_cookies));
        }
        // Signing in under the page's line that links the privacy notice is agreeing to it.
        if let Some(me) = &grant.me {
            crate::privacy::record_consent(&self.store, me.user_id, crate::privacy::ConsentHow::SignIn).await?;
        }
        signed_in(caller, grant)
    }

    #[tracing::instrument(skip_all, fields(phone = %phone.masked()))]
    async fn code_session(
        &self,
        caller: &Caller,
        phone: &PhoneNumber,
        code: &OneTimeCode,
    ) -> Result<SessionGrant, Failure> {
        let existing = users::by_phone(&self.store, phone).await?;
        // The code first: whoever does not hold it learns nothing about the account.
        self.codes.verify(phone, Purpose::SignIn, code).await.map_err(|e| code_error(caller, e))?;
        if let Some(user) = &existing {
            // Lawyers and staff sign in with their password; a code alone is not enough for them.
            if user.role != Role::Resident {
                return Err(AppError::new(ErrorKind::Forbidden, caller.lang.messages().err_use_password).into());
            }
            if user.disabled {
                return Err(AppError::new(ErrorKind::Forbidden, caller.lang.messages().err_account_disabled).into());
            }
        }
        let user_id = match existing {
            Some(user) => user.id,
            None => users::create_resident(&self.store, phone, caller.lang).await?,
        };
        self.open_session(caller, user_id, true).await
    }

    /// Checks a lawyer's or staff member's password; opens a session, or a pending one and
    /// sends a second-factor code.
    pub async fn sign_in_with_password(
        &self,
        caller: &Caller,
        request: PasswordSignInRequest,
    ) -> Result<PasswordSignIn, Failure> {
        let login = request.login.trim();
        if login.is_empty() || request.password.is_empty() || login.len() > 64 || request.password.len() > 256 {
            return Err(AppError::invalid("login", DeskTexts::of(caller.lang).err_login_empty).into());
        }
        let grant = self.password_session(caller, login, &request.password).await?;
        caller.set_session_cookie(Some(&grant));
        Ok(match (grant.me, grant.second_factor_phone) {
            (Some(me), _) => PasswordSignIn::SignedIn { me },
            (None, Some(phone_masked)) => PasswordSignIn::SecondFactorSent { phone_masked },
            (None, None) => return Err(caller.error(ErrorKind::Internal).into()),
        })
    }

    #[tracing::instrument(skip_all)]
    async fn password_session(&self, caller: &Caller, login: &str, password: &str) -> Result<SessionGrant, Failure> {
        let t = caller.lang.messages();
        let user = users::by_login(&self.store, login).await?.filter(|u| u.role != Role::Resident);
        // Failures count against the account, however its login was spelled; unknown logins
        // against their canonical spelling.
        let subject = match &user {
            Some(user) => format!("user:{}", user.id),
            None => users::canonical_login(login),
        };
        if self.locked_out(caller, &subject).await? {
            return Err(caller.error(ErrorKind::RateLimited).into());
        }
        let stored = user.as_ref().and_then(|u| u.password_hash.clone());
        if !passwords::verify(password.to_owned(), stored).await {
            self.audit(caller, user.as_ref().map(|u| u.id), "sign_in_failed", &subject).await?;
            return Err(AppError::new(ErrorKind::Unauthenticated, t.err_credentials).into());
        }
        let Some(user) = user else {
            return Err(AppError::new(ErrorKind::Unauthenticated, t.err_credentials).into());
        };
        if user.disabled {
            return Err(AppError::new(ErrorKind::Forbidden, t.err_account_disabled).into());
        }
        match (user.second_factor, &user.phone) {
            (true, Some(phone)) => {
                let ip = caller.client_ip.map(|ip| ip.to_string());
                self.codes
                    .send(phone, Purpose::SecondFactor, ip.as_deref(), caller.lang)
                    .await
                    .map_err(|e| code_error(caller, e))?;
                let mut grant = self.open_session(caller, user.id, false).await?;
                grant.second_factor_phone = Some(phone.masked());
                Ok(grant)
            }
            _ => {
                self.audit(caller, Some(user.id), "sign_in", &users::canonical_login(login)).await?;
                self.open_session(caller, user.id, true).await
            }
        }
    }

    /// Completes a pending session with its second-factor code.
    #[tracing::instrument(skip_all)]
    pub async fn complete_second_factor(&self, caller: &Caller, request: SecondFactorRequest) -> Result<Me, Failure> {
        let code = parse_code(caller, &request.code)?;
        let pending = caller.user.filter(|u| !u.complete).ok_or_else(|| caller.error(ErrorKind::Unauthenticated))?;
        let user = users::by_id(&self.store, pending.id).await?;
        let phone =
            user.as_ref().and_then(|u| u.phone.clone()).ok_or_else(|| caller.error(ErrorKind::Unauthenticated))?;
        self.codes.verify(&phone, Purpose::SecondFactor, &code).await.map_err(|e| code_error(caller, e))?;
        let subject = user.and_then(|u| u.login).unwrap_or_default();
        self.audit(caller, Some(pending.id), "sign_in", &subject).await?;
        let grant = self.open_session(caller, pending.id, true).await?;
        signed_in(caller, grant)
    }

    /// Ends the session on this device.
    pub async fn sign_out(&self, caller: &Caller, _: Empty) -> Result<(), Failure> {
        if let Some(token) = &caller.session_token {
            sessions::revoke(&self.store, token).await?;
        }
        caller.set_session_cookie(None);
        Ok(())
    }

    /// The current session: the account, or nobody.
    pub async fn session(&self, caller: &Caller, _: Empty) -> Result<Session, Failure> {
        let me = match caller.user.filter(|u| u.complete) {
            Some(user) => users::me(&self.store, user.id).await?,
            None => None,
        };
        Ok(Session { me })
    }

    /// Remembers the account's language.
    pub async fn set_language(&self, caller: &Caller, request: SetLanguageRequest) -> Result<Me, Failure> {
        let user = caller.user()?;
        users::set_lang(&self.store, user.id, request.lang).await?;
        users::me(&self.store, user.id)
            .await?
            .ok_or_else(|| caller.error(ErrorKind::Unauthenticated))
            .map_err(Failure::from)
    }

    /// The latest messages of the caller's in-app inbox, newest first.
    pub async fn inbox(&self, caller: &Caller, _: Empty) -> Result<Vec<Notice>, Failure> {
        let user = caller.user()?;
        // In-app notices, and the SMS sent to the account that the inbox shows too.
        let rows: Vec<NoticeRow> = sqlx::query_as(
            "SELECT id, body, created_at, link FROM (SELECT id, body, created_at, link FROM notifications WHERE user_id = $1 \
             UNION ALL SELECT id, body, created_at, link FROM outbox WHERE user_id = $1) m ORDER BY created_at DESC, id DESC LIMIT 50",
        )
        .bind(user.id)
        .fetch_all(&self.store.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| Notice { id: r.id, body: r.body, created_at: app::time::Instant(r.created_at), link: r.link })
            .collect())
    }

    /// Remembers the resident's community.
    pub async fn set_my_community(&self, caller: &Caller, request: CommunityRequest) -> Result<Me, Failure> {
        let user = caller.user()?;
        let today = crate::store::today().to_string();
        let updated = users::set_community(&self.store, user.id, request.community_id, &today).await?;
        if !updated {
            return Err(caller.error(ErrorKind::NotFound).into());
        }
        users::me(&self.store, user.id)
            .await?
            .ok_or_else(|| caller.error(ErrorKind::Unauthenticated))
            .map_err(Failure::from)
    }
}
