//! Messages out. Whatever wants to send one writes it to the [`Outbox`] in its own transaction, as
//! a [`Message`]: a template key with parameters, and the text they make in the recipient's
//! language. A worker delivers through an [`SmsSender`] — the log (development), an approved-
//! template provider ([`aliyun`], [`tencent`]), or an HTTP gateway — and retries what the
//! provider says to retry, with back-off; a wrong number or a refusal that will not change is
//! given up at once.

pub mod aliyun;
mod outbox;
pub mod receipts;
pub mod settings;
pub mod signing;
pub mod template;
pub mod tencent;

pub use outbox::{Outbox, MAX_ATTEMPTS};
pub use template::{Message, Template};

use async_trait::async_trait;
use secrecy::{ExposeSecret, SecretString};
use settings::SmsConfig;
use std::sync::Arc;
use std::time::Duration;

/// A message as the outbox hands it to a sender.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// The outbox row: providers are given it as the message's own id (`OutId`, `SessionContext`),
    /// so a receipt names it.
    pub id: i64,
    /// A mainland mobile number.
    pub to: String,
    /// The template and its parameters; `None` for a message queued as free text before templates.
    pub message: Option<Message>,
    /// The text, as the log and the inbox show it.
    pub text: String,
}

/// What went wrong, as the outbox must act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// Unreachable, busy, rate-limited, out of credit: try again later.
    Retry,
    /// Refused for a reason a retry does not change (template, signature, key, content): give up.
    GiveUp,
    /// The number is not a mobile number the provider can reach: give up.
    WrongNumber,
}

/// A failed delivery: what to do, and the provider's words for the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    /// What the outbox does with it.
    pub failure: FailureKind,
    /// The provider's code and message.
    pub reason: String,
}

impl SendError {
    /// A failure to retry later.
    pub fn retry(reason: impl Into<String>) -> SendError {
        SendError { failure: FailureKind::Retry, reason: reason.into() }
    }

    /// A failure to give up on.
    pub fn give_up(reason: impl Into<String>) -> SendError {
        SendError { failure: FailureKind::GiveUp, reason: reason.into() }
    }
}

/// Delivers one message; answers the provider's id for it, when it gives one.
#[async_trait]
pub trait SmsSender: Send + Sync {
    /// Sends `message`.
    async fn send(&self, message: &Outgoing) -> Result<Option<String>, SendError>;
}

/// The development sender: one log line per message, with the recipient and the full text.
#[derive(Debug, Default)]
pub struct LogSender;

#[async_trait]
impl SmsSender for LogSender {
    async fn send(&self, message: &Outgoing) -> Result<Option<String>, SendError> {
        let template = message.message.as_ref().map_or("", |m| m.template.key());
        tracing::info!(target: "sms", to = %message.to, template, text = %message.text, "sms sent (log sender)");
        Ok(None)
    }
}

/// Posts `{"to", "template", "params", "text"}` to an HTTP gateway with a bearer secret, for a
/// district that runs its own bridge to a provider.
pub struct HttpSender {
    client: reqwest::Client,
    url: String,
    secret: SecretString,
}

impl HttpSender {
    /// Posts to `url` with `secret`; a gateway that has not answered within `timeout` counts as
    /// a failed attempt (the message stays queued and is retried later).
    pub fn new(url: &str, secret: SecretString, timeout: Duration) -> HttpSender {
        HttpSender { client: client(timeout), url: url.to_owned(), secret }
    }
}

/// An HTTP client that gives up on a provider after `timeout`.
fn client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder().timeout(timeout).build().unwrap_or_default()
}

#[async_trait]
impl SmsSender for HttpSender {
    async fn send(&self, message: &Outgoing) -> Result<Option<String>, SendError> {
        let body = serde_json::json!({
            "to": message.to,
            "template": message.message.as_ref().map(|m| m.template.key()),
            "params": message.message.as_ref().map(|m| &m.params),
            "text": message.text,
        });
        let response = self
            .client
            .post(&self.url)
            .bearer_auth(self.secret.expose_secret())
            .json(&body)
            .send()
            .await
            .map_err(|e| SendError::retry(format!("gateway unreachable: {e}")))?;
        let status = response.status();
        match status.as_u16() {
            200..=299 => Ok(None),
            400..=499 if status.as_u16() != 429 => Err(SendError::give_up(format!("gateway answered {status}"))),
            _ => Err(SendError::retry(format!("gateway answered {status}"))),
        }
    }
}

/// The sender the configuration asks for.
pub fn sender_from_config(config: &SmsConfig) -> Arc<dyn SmsSender> {
    let timeout = Duration::from_secs(10);
    match config {
        SmsConfig::Log => Arc::new(LogSender),
        SmsConfig::Http { url, secret } => Arc::new(HttpSender::new(url, secret.clone(), timeout)),
        SmsConfig::Aliyun(provider) => Arc::new(aliyun::AliyunSender::new(provider.clone(), client(timeout))),
        SmsConfig::Tencent(provider) => Arc::new(tencent::TencentSender::new(provider.clone(), client(timeout))),
    }
}
