//! Tencent Cloud SMS (`SendSms` of 2021-01-11): an approved template under an approved signature,
//! its parameters in the template's order, in a JSON POST signed with TC3-HMAC-SHA256. The outbox
//! id goes as `SessionContext`, so a delivery receipt names the message.

use super::settings::SmsProvider;
use super::signing::{Tc3, TC3_CONTENT_TYPE};
use super::{FailureKind, Outgoing, SendError, SmsSender};
use async_trait::async_trait;
use secrecy::ExposeSecret;

/// Sends through a Tencent Cloud account.
pub struct TencentSender {
    provider: SmsProvider,
    client: reqwest::Client,
    /// `SMS_ENDPOINT`'s host (and port), signed with every request; none when it has none.
    host: Option<String>,
}

impl TencentSender {
    /// A sender for `provider`, over `client`.
    pub fn new(provider: SmsProvider, client: reqwest::Client) -> TencentSender {
        let url = reqwest::Url::parse(&provider.endpoint).ok();
        let host = url.as_ref().and_then(|url| {
            let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
            Some(format!("{}{port}", url.host_str()?))
        });
        TencentSender { provider, client, host }
    }

    /// The request's JSON body for `message`.
    pub fn body(&self, message: &Outgoing) -> Result<String, SendError> {
        let Some(sms) = &message.message else { return Err(SendError::give_up("free text: no template to send")) };
        let key = sms.template.key();
        let Some(template) = self.provider.templates.get(key) else {
            return Err(SendError::give_up(format!("no SMS_TEMPLATE_{} configured", key.to_uppercase())));
        };
        let body = serde_json::json!({
            "PhoneNumberSet": [format!("+86{}", message.to)],
            "SmsSdkAppId": self.provider.app_id,
            "SignName": self.provider.sign_name,
            "TemplateId": template,
            "TemplateParamSet": sms.ordered(),
            "SessionContext": message.id.to_string(),
        });
        Ok(body.to_string())
    }
}

/// What a refusal means for the outbox: the provider's own trouble, limits and an empty package
/// pass; an unparseable or wrong number is wrong; the rest (template, signature, keys,
/// parameters, a number on the blacklist) does not change by trying again.
pub fn classify(code: &str) -> FailureKind {
    match code {
        "InvalidParameterValue.IncorrectPhoneNumber" | "FailedOperation.PhoneNumberParseFail" => {
            FailureKind::WrongNumber
        }
        "FailedOperation.InsufficientBalanceInSmsPackage" | "RequestLimitExceeded" => FailureKind::Retry,
        _ if code.starts_with("InternalError") || code.starts_with("LimitExceeded.PhoneNumber") => FailureKind::Retry,
        _ => FailureKind::GiveUp,
    }
}

/// The parts of the answer read: a request error, or the one number's status.
#[derive(serde::Deserialize)]
struct Answer {
    #[serde(rename = "Response")]
    response: Response,
}

#[derive(serde::Deserialize)]
struct Response {
    #[serde(rename = "Error", default)]
    error: Option<Status>,
    #[serde(rename = "SendStatusSet", default)]
    statuses: Vec<Status>,
}

#[derive(serde::Deserialize)]
struct Status {
    #[serde(rename = "Code")]
    code: String,
    #[serde(rename = "Message", default)]
    message: String,
    #[serde(rename = "SerialNo", default)]
    serial_no: Option<String>,
}

#[async_trait]
impl SmsSender for TencentSender {
    async fn send(&self, message: &Outgoing) -> Result<Option<String>, SendError> {
        let body = self.body(message)?;
        let Some(host) = &self.host else { return Err(SendError::give_up("SMS_ENDPOINT has no host")) };
        let timestamp = crate::store::now_ms() / 1000;
        let secret = self.provider.secret.expose_secret();
        let request = Tc3 {
            secret_id: &self.provider.key_id,
            secret_key: secret,
            service: "sms",
            host,
            timestamp,
            payload: &body,
        };
        let response = self
            .client
            .post(&self.provider.endpoint)
            .header("Authorization", request.authorization())
            .header("Content-Type", TC3_CONTENT_TYPE)
            .header("Host", host)
            .header("X-TC-Action", "SendSms")
            .header("X-TC-Timestamp", timestamp.to_string())
            .header("X-TC-Version", "2021-01-11")
            .header("X-TC-Region", &self.provider.region)
            .body(body)
            .send()
            .await
            .map_err(|e| SendError::retry(format!("unreachable: {e}")))?;
        let status = response.status();
        let answer: Answer =
            response.json().await.map_err(|e| SendError::retry(format!("answered {status}, unreadable: {e}")))?;
        let result = answer.response.error.or_else(|| answer.response.statuses.into_iter().next());
        match result {
            Some(status) if status.code == "Ok" => Ok(status.serial_no),
            Some(status) => Err(SendError {
                failure: classify(&status.code),
                reason: format!("{} {}", status.code, status.message),
            }),
            None => Err(SendError::retry("an answer without a status")),
        }
    }
}
