//! One-time codes sent by SMS: six digits, stored keyed-hashed, valid five minutes, five tries,
//! and rate-limited per number and purpose, per number from one address, and per address.
//!
//! The limits are made so that a stranger cannot lock the owner out: a stranger's address gets
//! only a part of a number's budget, and a number's sign-in codes and second-factor codes have
//! budgets of their own (a second-factor code is sent only after the right password, so no
//! stranger can spend that budget at all).

use super::sessions::hex;
use crate::sms::{Message, Outbox, Template};
use crate::store::{lock_key, now_ms, Store};
use app::domain::{OneTimeCode, PhoneNumber};
use app::i18n::Lang;
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::Sha256;

/// How long a code is valid.
pub const CODE_TTL_MS: i64 = 5 * 60 * 1000;
/// Wrong tries allowed per code.
pub const MAX_ATTEMPTS: i64 = 5;
/// Minimum gap between two codes to one number from one address.
pub const RESEND_AFTER_SECS: u32 = 60;
/// Codes per number and purpose per hour.
pub const PER_PHONE_PER_HOUR: i64 = 10;
/// Codes per number and purpose per hour asked from one address: one address cannot spend a
/// number's whole budget.
pub const PER_PHONE_AND_IP_PER_HOUR: i64 = 4;
/// Codes per client address per hour unless set (`CODES_PER_ADDRESS_PER_HOUR`).
pub const PER_IP_PER_HOUR: i64 = 20;

/// What a code is for; a code for one purpose never works for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A resident signing in.
    SignIn,
    /// A password sign-in's second factor.
    SecondFactor,
    /// A resident's consent to be booked or asked for, read back to the helper.
    Consent,
}

/// The newest unused code for a number and purpose, as stored.
#[derive(sqlx::FromRow)]
struct LiveCode {
    id: i64,
    code_hash: String,
    expires_at: i64,
    attempts: i64,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::SignIn => "sign_in",
            Purpose::SecondFactor => "second_factor",
            Purpose::Consent => "consent",
        }
    }
}

/// Why a code was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    /// Too soon after the last code, or over the hourly limits.
    RateLimited,
    /// No live code: never sent, expired, or already used.
    Expired,
    /// The digits do not match.
    Wrong,
    /// The code's tries are used up.
    TooManyAttempts,
}

/// A failure: the caller's fault, or the database's.
#[derive(Debug, thiserror::Error)]
pub enum CodeError {
    /// Not accepted.
    #[error("code rejected: {0:?}")]
    Rejected(Rejected),
    /// The database failed.
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
}

/// Issues and checks codes.
#[derive(Clone)]
pub struct Codes {
    store: Store,
    key: Vec<u8>,
    outbox: Outbox,
    per_ip_per_hour: i64,
}

impl Codes {
    /// Codes hashed with `key`, sent through `outbox`.
    pub fn new(store: Store, key: Vec<u8>, outbox: Outbox) -> Codes {
        Codes { store, key, outbox, per_ip_per_hour: PER_IP_PER_HOUR }
    }

    /// The same, with at most `limit` codes an hour for one network address.
    pub fn per_address(self, limit: u64) -> Codes {
        Codes { per_ip_per_hour: i64::try_from(limit).unwrap_or(i64::MAX), ..self }
    }

    fn hash(&self, phone: &PhoneNumber, purpose: Purpose, code: &str) -> String {
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.key) {
            Ok(mac) => mac,
            // HMAC takes keys of any length; this arm cannot run.
            Err(_) => return String::new(),
        };
        mac.update(format!("{}|{}|{code}", purpose.as_str(), phone.as_str()).as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// Sends a new code, replacing any live one for the same number and purpose.
    pub async fn send(
        &self,
        phone: &PhoneNumber,
        purpose: Purpose,
        client_ip: Option<&str>,
        lang: Lang,
    ) -> Result<(), CodeError> {
        let now = now_ms();
        // The limits are counted inside the transaction that writes the code, after locking the
        // number (then the address), so concurrent requests are counted one after the other.
        let mut tx = self.store.writer().begin().await?;
        lock_key(&mut tx, &format!("code-phone:{}", phone.as_str())).await?;
        if let Some(ip) = client_ip {
            lock_key(&mut tx, &format!("code-ip:{ip}")).await?;
        }
        if rate_limited(&mut tx, phone, purpose, (client_ip, self.per_ip_per_hour), now).await? {
            return Err(CodeError::Rejected(Rejected::RateLimited));
        }

        let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000));
        sqlx::query(
            "UPDATE one_time_codes SET consumed_at = $1 WHERE phone = $2 AND purpose = $3 AND consumed_at IS NULL",
        )
        .bind(now)
        .bind(phone.as_str())
        .bind(purpose.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO one_time_codes (phone, purpose, code_hash, client_ip, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(phone.as_str())
            .bind(purpose.as_str())
            .bind(self.hash(phone, purpose, &code))
            .bind(client_ip)
            .bind(now)
            .bind(now + CODE_TTL_MS)
            .execute(&mut *tx)
            .await?;
        let message = Message::new(Template::Code, lang, &[("code", &code)]);
        Outbox::enqueue(&mut tx, phone.as_str(), &message).await?;
        tx.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// Checks a code and uses it up.
    ///
    /// A try is counted before the digits are compared, so concurrent guesses cannot get more
    /// than [`MAX_ATTEMPTS`] comparisons between them.
    pub async fn verify(&self, phone: &PhoneNumber, purpose: Purpose, code: &OneTimeCode) -> Result<(), CodeError> {
        let now = now_ms();
        let live: Option<LiveCode> = sqlx::query_as(
            "SELECT id, code_hash, expires_at, attempts FROM one_time_codes \
             WHERE phone = $1 AND purpose = $2 AND consumed_at IS NULL ORDER BY id DESC LIMIT 1",
        )
        .bind(phone.as_str())
        .bind(purpose.as_str())
        .fetch_optional(&self.store.pool)
        .await?;
        let Some(LiveCode { id, code_hash: stored_hash, expires_at, attempts }) = live else {
            return Err(CodeError::Rejected(Rejected::Expired));
        };
        if expires_at <= now {
            return Err(CodeError::Rejected(Rejected::Expired));
        }
        if attempts >= MAX_ATTEMPTS {
            return Err(CodeError::Rejected(Rejected::TooManyAttempts));
        }
        let counted = sqlx::query(
            "UPDATE one_time_codes SET attempts = attempts + 1 WHERE id = $1 AND attempts < $2 AND consumed_at IS NULL",
        )
        .bind(id)
        .bind(MAX_ATTEMPTS)
        .execute(self.store.writer())
        .await?;
        if counted.rows_affected() == 0 {
            return Err(CodeError::Rejected(Rejected::TooManyAttempts));
        }
        if !constant_time_eq(self.hash(phone, purpose, code.as_str()).as_bytes(), stored_hash.as_bytes()) {
            let exhausted = attempts + 1 >= MAX_ATTEMPTS;
            return Err(CodeError::Rejected(if exhausted { Rejected::TooManyAttempts } else { Rejected::Wrong }));
        }
        let used = sqlx::query("UPDATE one_time_codes SET consumed_at = $1 WHERE id = $2 AND consumed_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(self.store.writer())
            .await?;
        if used.rows_affected() == 0 {
            return Err(CodeError::Rejected(Rejected::Expired));
        }
        Ok(())
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether the limits refuse another code now: too soon after the last one from this address,
/// too many for the number in the hour (from anywhere, or from this address), or too many from
/// this address. Counted in `tx`, after the number and the address were locked.
async fn rate_limited(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    phone: &PhoneNumber,
    purpose: Purpose,
    (client_ip, per_ip_limit): (Option<&str>, i64),
    now: i64,
) -> Result<bool, sqlx::Error> {
    let (per_phone, last_here, per_phone_here): (i64, Option<i64>, i64) = sqlx::query_as(
        "SELECT COUNT(*), MAX(CASE WHEN client_ip = $4 THEN created_at END), \
         COALESCE(SUM(CASE WHEN client_ip = $4 THEN 1 ELSE 0 END), 0) \
         FROM one_time_codes WHERE phone = $1 AND purpose = $2 AND created_at >= $3",
    )
    .bind(phone.as_str())
    .bind(purpose.as_str())
    .bind(now - 3_600_000)
    .bind(client_ip.unwrap_or(""))
    .fetch_one(&mut **tx)
    .await?;
    let too_soon = last_here.is_some_and(|at| now - at < i64::from(RESEND_AFTER_SECS) * 1000);
    let per_ip: i64 = match client_ip {
        Some(ip) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM one_time_codes WHERE client_ip = $1 AND created_at >= $2")
                .bind(ip)
                .bind(now - 3_600_000)
                .fetch_one(&mut **tx)
                .await?
        }
        None => 0,
    };
    Ok(too_soon
        || per_phone >= PER_PHONE_PER_HOUR
        || per_phone_here >= PER_PHONE_AND_IP_PER_HOUR
        || per_ip >= per_ip_limit)
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn compares_whole_strings() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
