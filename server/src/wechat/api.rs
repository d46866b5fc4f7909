//! WeChat's server API, the three calls the portal makes: a mini-program login code exchanged
//! for the user's openid (`jscode2session`), an access token (`stable_token`, which several
//! servers may ask for without invalidating each other's), and a subscription message sent
//! (`subscribe/send`). WeChat answers errors as `{"errcode", "errmsg"}` with status 200.

use super::settings::WechatConfig;
use secrecy::ExposeSecret;
use serde::Deserialize;
use serde_json::Value;
use std::time::Duration;

/// An error WeChat answered, or `UNREACHABLE` when it did not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub code: i64,
    pub message: String,
}

/// The error code of a call that got no answer.
pub const UNREACHABLE: i64 = -2;

impl ApiError {
    /// The access token is not (or no longer) valid: 40001 invalid, 42001 expired, 40014 malformed.
    pub fn token_invalid(&self) -> bool {
        matches!(self.code, 40001 | 42001 | 40014)
    }

    /// The user has not allowed (or has used up) this template: 43101.
    pub fn not_subscribed(&self) -> bool {
        self.code == 43101
    }

    /// Worth trying again later: busy (-1), rate-limited (45009), unreachable.
    pub fn transient(&self) -> bool {
        matches!(self.code, -1 | 45009 | UNREACHABLE)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "wechat {}: {}", self.code, self.message)
    }
}

/// WeChat's answer: its error code (0 or absent for success) and the rest.
#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    errcode: i64,
    #[serde(default)]
    errmsg: String,
    #[serde(flatten)]
    rest: serde_json::Map<String, Value>,
}

/// The client for one mini-program.
pub struct WechatApi {
    client: reqwest::Client,
    config: WechatConfig,
}

impl WechatApi {
    /// A client that gives up on a call after `timeout`.
    pub fn new(config: WechatConfig, timeout: Duration) -> WechatApi {
        let client = reqwest::Client::builder().timeout(timeout).build().unwrap_or_default();
        WechatApi { client, config }
    }

    /// The settings it calls with.
    pub fn config(&self) -> &WechatConfig {
        &self.config
    }

    /// The openid of the user whose mini-program login code is `code` (each code works once).
    pub async fn openid(&self, code: &str) -> Result<String, ApiError> {
        let url = format!("{}/sns/jscode2session", self.config.api);
        let query = [
            ("appid", self.config.app_id.as_str()),
            ("secret", self.config.secret.expose_secret()),
            ("js_code", code),
            ("grant_type", "authorization_code"),
        ];
        let answer = read(self.client.get(url).query(&query).send().await).await?;
        text(&answer, "openid")
    }

    /// A new access token and how many seconds it lasts.
    pub async fn access_token(&self) -> Result<(String, i64), ApiError> {
        let url = format!("{}/cgi-bin/stable_token", self.config.api);
        let body = serde_json::json!({
            "grant_type": "client_credential",
            "appid": self.config.app_id,
            "secret": self.config.secret.expose_secret(),
            "force_refresh": false,
        });
        let answer = read(self.client.post(url).json(&body).send().await).await?;
        let expires = answer.rest.get("expires_in").and_then(Value::as_i64).unwrap_or(7200);
        Ok((text(&answer, "access_token")?, expires))
    }

    /// Sends a subscription message (`body` as WeChat documents it) with `token`.
    pub async fn send(&self, token: &str, body: &Value) -> Result<(), ApiError> {
        let url = format!("{}/cgi-bin/message/subscribe/send", self.config.api);
        read(self.client.post(url).query(&[("access_token", token)]).json(body).send().await).await.map(|_| ())
    }
}

/// The answer of a call, or its error.
async fn read(sent: Result<reqwest::Response, reqwest::Error>) -> Result<Answer, ApiError> {
    let unreachable = |e: reqwest::Error| ApiError { code: UNREACHABLE, message: e.to_string() };
    let response = sent.map_err(unreachable)?;
    if !response.status().is_success() {
        return Err(ApiError { code: -1, message: format!("status {}", response.status()) });
    }
    let answer: Answer = response.json().await.map_err(unreachable)?;
    if answer.errcode != 0 {
        return Err(ApiError { code: answer.errcode, message: answer.errmsg });
    }
    Ok(answer)
}

/// A text field of a successful answer.
fn text(answer: &Answer, field: &str) -> Result<String, ApiError> {
    answer
        .rest
        .get(field)
        .and_then(Value::as_str)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| ApiError { code: -1, message: format!("no {field} in the answer") })
}
