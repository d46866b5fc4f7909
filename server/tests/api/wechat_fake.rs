//! A local stand-in for WeChat's server API, checking what WeChat checks: the AppID and
//! AppSecret, a login code that works once, a current access token, a registered subscription
//! template with exactly its fields and values WeChat takes for each kind, and a subscription the
//! user allowed (one message each). It answers as WeChat does, `{"errcode", "errmsg"}` with 200.

use axum::extract::Query;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use server::sms::Template;
use server::wechat::settings::{SubscriptionTemplate, WechatConfig};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const APP_ID: &str = "wx0fa1c0ffee000001";
pub const SECRET: &str = "fake-app-secret-0123456789abcdef";
pub const BOOKED: &str = "Tmpl-Booked_01";
pub const ANSWERED: &str = "Tmpl-Answered_02";

#[derive(Default)]
struct State {
    /// Login codes not yet used, and whose they are.
    codes: HashMap<String, String>,
    /// Access tokens issued; the last is the current one unless revoked.
    tokens: Vec<String>,
    revoked: bool,
    /// Answer every message with "system busy" (-1).
    busy: bool,
    /// Subscriptions allowed, by (openid, template id).
    allowed: HashMap<(String, String), u32>,
    /// Messages accepted.
    sent: Vec<Value>,
    issued_codes: u32,
}

/// A running fake.
#[derive(Clone, Default)]
pub struct FakeWechat {
    state: Arc<Mutex<State>>,
    /// How long a token takes to issue.
    pub token_delay: Arc<Mutex<Duration>>,
    pub url: String,
}

/// The portal's settings for this fake: a booking template and an answer template.
pub fn config(url: &str) -> WechatConfig {
    let template = |id: &str, fields: &[(&str, &str)]| SubscriptionTemplate {
        id: id.into(),
        fields: fields.iter().map(|(f, p)| ((*f).into(), (*p).into())).collect(),
    };
    let templates = BTreeMap::from([
        (
            Template::Booked,
            template(
                BOOKED,
                &[("thing1", "community"), ("time2", "when"), ("character_string3", "code"), ("phrase4", "status")],
            ),
        ),
        (Template::QuestionAnswered, template(ANSWERED, &[("thing1", "title")])),
    ]);
    WechatConfig { app_id: APP_ID.into(), secret: SECRET.to_owned().into(), api: url.to_owned(), templates }
}

/// The fields each registered template has.
fn fields_of(template_id: &str) -> Option<Vec<&'static str>> {
    match template_id {
        BOOKED => Some(vec!["thing1", "time2", "character_string3", "phrase4"]),
        ANSWERED => Some(vec!["thing1"]),
        _ => None,
    }
}

/// Whether WeChat takes `value` for a field of this name.
fn takes(field: &str, value: &str) -> bool {
    let n = value.chars().count();
    match field.trim_end_matches(|c: char| c.is_ascii_digit()) {
        "thing" => (1..=20).contains(&n),
        "phrase" => (1..=5).contains(&n),
        "character_string" => (1..=32).contains(&n) && value.is_ascii(),
        // `YYYY-MM-DD HH:MM`, one of the forms WeChat documents.
        "time" => {
            let b = value.as_bytes();
            b.len() == 16 && b[4] == b'-' && b[7] == b'-' && b[10] == b' ' && b[13] == b':'
        }
        _ => false,
    }
}

fn error(code: i64, message: &str) -> Json<Value> {
    Json(json!({ "errcode": code, "errmsg": message }))
}

impl FakeWechat {
    /// A fresh login code of `openid`, as `wx.login` gives one.
    pub fn code_for(&self, openid: &str) -> String {
        let mut state = self.state.lock().expect("state");
        state.issued_codes += 1;
        let code = format!("0{}aBc-{}_x", state.issued_codes, openid.len());
        state.codes.insert(code.clone(), openid.to_owned());
        code
    }

    /// The user allowed one message of `template`.
    pub fn allow(&self, openid: &str, template: &str) {
        *self.state.lock().expect("state").allowed.entry((openid.into(), template.into())).or_default() += 1;
    }

    pub fn tokens_issued(&self) -> usize {
        self.state.lock().expect("state").tokens.len()
    }

    /// WeChat stops taking the current token (as when it expires early).
    pub fn revoke_token(&self) {
        self.state.lock().expect("state").revoked = true;
    }

    /// WeChat answers every message "system busy" (or, with false, again as usual).
    pub fn busy(&self, busy: bool) {
        self.state.lock().expect("state").busy = busy;
    }

    pub fn sent(&self) -> Vec<Value> {
        self.state.lock().expect("state").sent.clone()
    }

    fn code2session(&self, query: &HashMap<String, String>) -> Json<Value> {
        let arg = |k: &str| query.get(k).map(String::as_str).unwrap_or_default();
        if arg("appid") != APP_ID || arg("secret") != SECRET {
            return error(40125, "invalid appsecret");
        }
        if arg("grant_type") != "authorization_code" {
            return error(40002, "invalid grant_type");
        }
        match self.state.lock().expect("state").codes.remove(arg("js_code")) {
            Some(openid) => Json(json!({ "openid": openid, "session_key": "c2Vzc2lvbg==" })),
            None => error(40029, "invalid code"),
        }
    }

    async fn stable_token(&self, body: Value) -> Json<Value> {
        if body["grant_type"] != "client_credential" || body["appid"] != APP_ID || body["secret"] != SECRET {
            return error(40125, "invalid appsecret");
        }
        let delay = *self.token_delay.lock().expect("delay");
        tokio::time::sleep(delay).await;
        let mut state = self.state.lock().expect("state");
        let token = format!("ACCESS_TOKEN_{}", state.tokens.len() + 1);
        state.tokens.push(token.clone());
        state.revoked = false;
        Json(json!({ "access_token": token, "expires_in": 7200 }))
    }

    fn send(&self, token: &str, body: Value) -> Json<Value> {
        let mut state = self.state.lock().expect("state");
        if state.tokens.last().map(String::as_str) != Some(token) || state.revoked {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        if state.busy {
            return error(-1, "system error");
        }
        let template = body["template_id"].as_str().unwrap_or_default();
        let Some(fields) = fields_of(template) else { return error(40037, "invalid template id") };
        let data = body["data"].as_object().cloned().unwrap_or_default();
        let exact = data.len() == fields.len()
            && fields.iter().all(|f| data.get(*f).and_then(|v| v["value"].as_str()).is_some_and(|v| takes(f, v)));
        if !exact || body["page"] != "pages/portal/portal" {
            return error(47003, "argument invalid! data.thing1.value invalid");
        }
        let key = (body["touser"].as_str().unwrap_or_default().to_owned(), template.to_owned());
        match state.allowed.get_mut(&key) {
            Some(left) if *left > 0 => *left -= 1,
            _ => return error(43101, "user refuse to accept the msg"),
        }
        state.sent.push(body);
        Json(json!({ "errcode": 0, "errmsg": "ok", "msgid": state.sent.len() }))
    }
}

/// Starts the fake.
pub async fn start() -> FakeWechat {
    let mut fake = FakeWechat::default();
    let (a, b, c) = (fake.clone(), fake.clone(), fake.clone());
    let router = Router::new()
        .route(
            "/sns/jscode2session",
            get(move |Query(q): Query<HashMap<String, String>>| async move { a.code2session(&q) }),
        )
        .route("/cgi-bin/stable_token", post(move |Json(body): Json<Value>| async move { b.stable_token(body).await }))
        .route(
            "/cgi-bin/message/subscribe/send",
            post(move |Query(q): Query<HashMap<String, String>>, Json(body): Json<Value>| async move {
                c.send(q.get("access_token").map(String::as_str).unwrap_or_default(), body)
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    fake.url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    fake
}
