//! Local stand-ins for Alibaba Cloud SMS and Tencent Cloud SMS. Each checks a request the way the
//! real one does — the signature recomputed with the account's secret, a fresh timestamp and
//! nonce, the signature name and app, a registered template with exactly its parameters, a
//! mainland mobile number — and answers as the real one answers, with its error codes. A test
//! can make the next answers an error of its choosing, or slow.

use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use server::config::SmsProvider;
use server::sms::signing::{aliyun_signature, Tc3};
use server::sms::Template;
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const KEY_ID: &str = "test-key-id";
pub const SECRET: &str = "test-key-secret";
pub const SIGN_NAME: &str = "法i社区";
pub const APP_ID: &str = "1400000001";

/// What a fake accepted: number, template id, parameters (by name, or in order), the message's id.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub to: String,
    pub template: String,
    pub params: Vec<(String, String)>,
    pub out_id: String,
}

/// A running fake: what it accepted, and the answers to give next.
#[derive(Clone, Default)]
pub struct Fake {
    pub accepted: Arc<Mutex<Vec<Accepted>>>,
    /// Error codes to answer with, one per request, before answering normally again.
    pub errors: Arc<Mutex<VecDeque<String>>>,
    /// How long to wait before answering.
    pub delay: Arc<Mutex<Duration>>,
    nonces: Arc<Mutex<HashSet<String>>>,
    pub endpoint: String,
}

impl Fake {
    pub fn accepted(&self) -> Vec<Accepted> {
        self.accepted.lock().expect("accepted").clone()
    }

    pub fn fail_next(&self, code: &str) {
        self.errors.lock().expect("errors").push_back(code.to_owned());
    }

    /// The account the portal is configured with for this fake; `secret` may be wrong on purpose.
    pub fn provider(&self, secret: &str) -> SmsProvider {
        SmsProvider {
            key_id: KEY_ID.into(),
            secret: secret.to_owned().into(),
            sign_name: SIGN_NAME.into(),
            app_id: APP_ID.into(),
            templates: Template::ALL.iter().map(|t| (t.key().to_owned(), template_id(*t))).collect(),
            endpoint: self.endpoint.clone(),
            region: "cn-hangzhou".into(),
        }
    }

    async fn wait(&self) {
        let delay = *self.delay.lock().expect("delay");
        tokio::time::sleep(delay).await;
    }

    fn forced(&self) -> Option<String> {
        self.errors.lock().expect("errors").pop_front()
    }

    fn fresh_nonce(&self, nonce: &str) -> bool {
        self.nonces.lock().expect("nonces").insert(nonce.to_owned())
    }
}

/// The id each template is registered under at both fakes.
pub fn template_id(template: Template) -> String {
    format!("SMS_{}", template.key().to_uppercase())
}

fn registered(id: &str) -> Option<Template> {
    Template::ALL.into_iter().find(|t| template_id(*t) == id)
}

/// `YYYY-MM-DDTHH:MM:SSZ` as seconds since the epoch.
fn seconds_of(text: &str) -> Option<i64> {
    let day = app::time::LocalDate::parse(text.get(..10)?)?;
    let time: Vec<i64> = text.get(11..19)?.split(':').map(|n| n.parse().ok()).collect::<Option<_>>()?;
    (text.len() == 20 && text.ends_with('Z') && time.len() == 3)
        .then(|| day.to_days() * 86_400 + time[0] * 3600 + time[1] * 60 + time[2])
}

fn mobile(number: &str) -> bool {
    number.len() == 11 && number.starts_with('1') && number.bytes().all(|b| b.is_ascii_digit())
}

async fn serve(router: Router, fake: &mut Fake) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    fake.endpoint = format!("http://{}/", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });
}

/// Alibaba Cloud SMS: a form POST of `SendSms`.
pub async fn aliyun() -> Fake {
    let mut fake = Fake::default();
    let state = fake.clone();
    let router = Router::new().route(
        "/",
        post(move |body: String| {
            let fake = state.clone();
            async move {
                fake.wait().await;
                Json(aliyun_answer(&fake, &body))
            }
        }),
    );
    serve(router, &mut fake).await;
    let endpoint = fake.endpoint.clone();
    Fake { endpoint, ..fake }
}

fn aliyun_answer(fake: &Fake, body: &str) -> Value {
    let error = |code: &str| json!({ "Code": code, "Message": code, "RequestId": "fake" });
    let url = reqwest::Url::parse(&format!("http://fake/?{body}")).expect("form");
    let mut params: BTreeMap<String, String> =
        url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let Some(signature) = params.remove("Signature") else { return error("MissingSignature") };
    let field = |name: &str| params.get(name).cloned().unwrap_or_default();
    if field("AccessKeyId") != KEY_ID {
        return error("InvalidAccessKeyId.NotFound");
    }
    if signature != aliyun_signature("POST", &params, SECRET) {
        return error("SignatureDoesNotMatch");
    }
    // Within fifteen minutes of now, as the provider allows.
    let fresh = seconds_of(&field("Timestamp")).is_some_and(|at| (server::store::now_ms() / 1000 - at).abs() <= 900);
    if !fresh || field("SignatureMethod") != "HMAC-SHA1" || field("SignatureVersion") != "1.0" {
        return error("InvalidTimeStamp.Expired");
    }
    if !fake.fresh_nonce(&field("SignatureNonce")) {
        return error("SignatureNonceUsed");
    }
    if field("Action") != "SendSms" || field("Version") != "2017-05-25" {
        return error("InvalidAction.NotFound");
    }
    if let Some(code) = fake.forced() {
        return error(&code);
    }
    if field("SignName") != SIGN_NAME {
        return error("isv.SMS_SIGNATURE_ILLEGAL");
    }
    let Some(template) = registered(&field("TemplateCode")) else { return error("isv.SMS_TEMPLATE_ILLEGAL") };
    let values: BTreeMap<String, String> = serde_json::from_str(&field("TemplateParam")).unwrap_or_default();
    let mut names: Vec<&str> = template.params().to_vec();
    names.sort_unstable();
    if values.keys().map(String::as_str).collect::<Vec<_>>() != names {
        return error("isv.TEMPLATE_MISSING_PARAMETERS");
    }
    if values.values().any(|v| v.chars().count() > 35) {
        return error("isv.PARAM_LENGTH_LIMIT");
    }
    if !mobile(&field("PhoneNumbers")) {
        return error("isv.MOBILE_NUMBER_ILLEGAL");
    }
    let mut accepted = fake.accepted.lock().expect("accepted");
    accepted.push(Accepted {
        to: field("PhoneNumbers"),
        template: field("TemplateCode"),
        params: values.into_iter().collect(),
        out_id: field("OutId"),
    });
    json!({ "Code": "OK", "Message": "OK", "BizId": format!("biz-{}", accepted.len()), "RequestId": "fake" })
}

/// Tencent Cloud SMS: a JSON POST of `SendSms`, signed in its headers.
pub async fn tencent() -> Fake {
    let mut fake = Fake::default();
    let state = fake.clone();
    let router = Router::new().route(
        "/",
        post(move |headers: HeaderMap, body: String| {
            let fake = state.clone();
            async move {
                fake.wait().await;
                Json(json!({ "Response": tencent_answer(&fake, &headers, &body) }))
            }
        }),
    );
    serve(router, &mut fake).await;
    let endpoint = fake.endpoint.clone();
    Fake { endpoint, ..fake }
}

fn tencent_answer(fake: &Fake, headers: &HeaderMap, body: &str) -> Value {
    let error = |code: &str| json!({ "Error": { "Code": code, "Message": code }, "RequestId": "fake" });
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let timestamp: i64 = header("x-tc-timestamp").parse().unwrap_or(0);
    if (server::store::now_ms() / 1000 - timestamp).abs() > 300 {
        return error("AuthFailure.SignatureExpire");
    }
    let host = header("host");
    let expected = Tc3 { secret_id: KEY_ID, secret_key: SECRET, service: "sms", host: &host, timestamp, payload: body };
    if header("authorization") != expected.authorization() {
        return error("AuthFailure.SignatureFailure");
    }
    if header("x-tc-action") != "SendSms" || header("x-tc-version") != "2021-01-11" {
        return error("InvalidAction");
    }
    if let Some(code) = fake.forced() {
        return error(&code);
    }
    let request: Value = serde_json::from_str(body).unwrap_or_default();
    let text = |name: &str| request[name].as_str().unwrap_or("").to_owned();
    if text("SmsSdkAppId") != APP_ID {
        return error("UnauthorizedOperation.SmsSdkAppIdVerifyFail");
    }
    if text("SignName") != SIGN_NAME {
        return error("FailedOperation.SignatureIncorrectOrUnapproved");
    }
    let Some(template) = registered(&text("TemplateId")) else {
        return error("FailedOperation.TemplateIncorrectOrUnapproved");
    };
    let values: Vec<String> = serde_json::from_value(request["TemplateParamSet"].clone()).unwrap_or_default();
    if values.len() != template.params().len() {
        return error("InvalidParameterValue.TemplateParameterFormatError");
    }
    let number = request["PhoneNumberSet"][0].as_str().unwrap_or("").to_owned();
    let status = |code: &str, serial: &str| json!({ "SendStatusSet": [{ "SerialNo": serial, "PhoneNumber": number, "Fee": 1, "SessionContext": text("SessionContext"), "Code": code, "Message": code, "IsoCode": "CN" }], "RequestId": "fake" });
    let Some(local) = number.strip_prefix("+86").filter(|n| mobile(n)) else {
        return status("InvalidParameterValue.IncorrectPhoneNumber", "");
    };
    let mut accepted = fake.accepted.lock().expect("accepted");
    let names = template.params().iter().map(|n| (*n).to_owned());
    accepted.push(Accepted {
        to: local.to_owned(),
        template: text("TemplateId"),
        params: names.zip(values).collect(),
        out_id: text("SessionContext"),
    });
    status("Ok", &format!("serial-{}", accepted.len()))
}
