//! Alibaba Cloud SMS (`dysmsapi`, `SendSms` of 2017-05-25): an approved template under an approved
//! signature, its parameters as JSON, in a form POST signed with the RPC signature. The outbox id
//! goes as `OutId`, so a delivery receipt names the message.

use super::settings::SmsProvider;
use super::signing::{aliyun_signature, canonical_query, utc_timestamp};
use super::{FailureKind, Outgoing, SendError, SmsSender};
use async_trait::async_trait;
use rand::Rng;
use secrecy::ExposeSecret;
use std::collections::BTreeMap;

/// The longest parameter value the provider takes (longer values are cut, marked with an ellipsis).
const MAX_PARAM_CHARS: usize = 35;

/// Sends through an Alibaba Cloud account.
pub struct AliyunSender {
    provider: SmsProvider,
    client: reqwest::Client,
}

impl AliyunSender {
    /// A sender for `provider`, over `client`.
    pub fn new(provider: SmsProvider, client: reqwest::Client) -> AliyunSender {
        AliyunSender { provider, client }
    }

    /// The request's parameters, unsigned, for `message` at `now_secs`.
    pub fn params(&self, message: &Outgoing, now_secs: i64) -> Result<BTreeMap<String, String>, SendError> {
        let Some(sms) = &message.message else { return Err(SendError::give_up("free text: no template to send")) };
        let key = sms.template.key();
        let Some(template) = self.provider.templates.get(key) else {
            return Err(SendError::give_up(format!("no SMS_TEMPLATE_{} configured", key.to_uppercase())));
        };
        let values: BTreeMap<&String, String> = sms.params.iter().map(|(k, v)| (k, cut(v))).collect();
        let nonce: String = (0..16).map(|_| format!("{:02x}", rand::thread_rng().gen::<u8>())).collect();
        Ok([
            ("AccessKeyId", self.provider.key_id.clone()),
            ("Action", "SendSms".to_owned()),
            ("Format", "JSON".to_owned()),
            ("OutId", message.id.to_string()),
            ("PhoneNumbers", message.to.clone()),
            ("RegionId", self.provider.region.clone()),
            ("SignName", self.provider.sign_name.clone()),
            ("SignatureMethod", "HMAC-SHA1".to_owned()),
            ("SignatureNonce", nonce),
            ("SignatureVersion", "1.0".to_owned()),
            ("TemplateCode", template.clone()),
            ("TemplateParam", serde_json::to_string(&values).unwrap_or_default()),
            ("Timestamp", utc_timestamp(now_secs)),
            ("Version", "2017-05-25".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect())
    }
}

fn cut(value: &str) -> String {
    if value.chars().count() <= MAX_PARAM_CHARS {
        return value.to_owned();
    }
    value.chars().take(MAX_PARAM_CHARS - 1).chain(['…']).collect()
}

/// The answer to `SendSms`.
#[derive(serde::Deserialize)]
struct Answer {
    #[serde(rename = "Code")]
    code: String,
    #[serde(rename = "Message", default)]
    message: String,
    #[serde(rename = "BizId", default)]
    biz_id: Option<String>,
}

/// What a refusal means for the outbox. Limits, the provider's own trouble and an exhausted
/// balance pass; a number the provider cannot reach is wrong; the rest (template, signature,
/// key, parameters, content) does not change by trying again.
pub fn classify(code: &str) -> FailureKind {
    match code {
        "isv.MOBILE_NUMBER_ILLEGAL" | "isv.MOBILE_NUMBER_NOT_EXIST" => FailureKind::WrongNumber,
        "isv.BUSINESS_LIMIT_CONTROL" | "isv.DAY_LIMIT_CONTROL" | "isv.AMOUNT_NOT_ENOUGH" | "isv.OUT_OF_SERVICE" => {
            FailureKind::Retry
        }
        _ if code.starts_with("isp.") || code.starts_with("Throttling") || code == "ServiceUnavailable" => {
            FailureKind::Retry
        }
        _ => FailureKind::GiveUp,
    }
}

#[async_trait]
impl SmsSender for AliyunSender {
    async fn send(&self, message: &Outgoing) -> Result<Option<String>, SendError> {
        let mut params = self.params(message, crate::store::now_ms() / 1000)?;
        let signature = aliyun_signature("POST", &params, self.provider.secret.expose_secret());
        params.insert("Signature".to_owned(), signature);
        let response = self
            .client
            .post(&self.provider.endpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(canonical_query(&params))
            .send()
            .await
            .map_err(|e| SendError::retry(format!("unreachable: {e}")))?;
        let status = response.status();
        let answer: Answer = match response.json().await {
            Ok(answer) => answer,
            Err(_) if status.is_server_error() || status.as_u16() == 429 => {
                return Err(SendError::retry(format!("answered {status}")))
            }
            Err(e) => return Err(SendError::retry(format!("answered {status}, unreadable: {e}"))),
        };
        if answer.code == "OK" {
            return Ok(answer.biz_id);
        }
        Err(SendError { failure: classify(&answer.code), reason: format!("{} {}", answer.code, answer.message) })
    }
}
