//! Partner systems' webhooks: a referral's steps reach a registered receiver signed with its
//! secret, each event at least once through answers of 500, and a receiver that
//! drops repeats by id sees each once; a webhook of another body hears nothing; bad addresses
//! are refused. The receiver is a local fake that checks what a partner would check.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::signed_in;
use crate::referrals::{organisation, question_with_photo, refer};
use axum::http::{HeaderMap, StatusCode as Status};
use axum::routing::post;
use axum::Router;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A partner's receiver: it checks each request's signature and timestamp with the secret it was
/// given, fails each event's first attempt (500), and keeps each event once.
#[derive(Clone, Default)]
struct Receiver {
    secret: Arc<Mutex<String>>,
    /// Attempts per event id, and each event kept once.
    attempts: Arc<Mutex<BTreeMap<String, u32>>>,
    kept: Arc<Mutex<BTreeMap<String, Value>>>,
    bad_signatures: Arc<Mutex<u32>>,
    /// Never answers 2xx.
    broken: bool,
}

impl Receiver {
    async fn start(broken: bool) -> (Receiver, String) {
        let receiver = Receiver { broken, ..Receiver::default() };
        let state = receiver.clone();
        let router = Router::new().route(
            "/hook",
            post(move |headers: HeaderMap, body: String| {
                let receiver = state.clone();
                async move { receiver.take(&headers, &body) }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, router).await });
        (receiver, url)
    }

    fn take(&self, headers: &HeaderMap, body: &str) -> Status {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let timestamp: i64 = header("x-fai-timestamp").parse().unwrap_or(0);
        let fresh = (server::store::now_ms() / 1000 - timestamp).abs() < 300;
        let expected = server::webhooks::signature(&self.secret.lock().expect("secret"), timestamp, body);
        if !fresh || header("x-fai-signature") != expected {
            *self.bad_signatures.lock().expect("count") += 1;
            return Status::UNAUTHORIZED;
        }
        let id = header("x-fai-event-id");
        let attempt = {
            let mut attempts = self.attempts.lock().expect("attempts");
            let n = attempts.entry(id.clone()).or_default();
            *n += 1;
            *n
        };
        if self.broken || attempt == 1 {
            return Status::INTERNAL_SERVER_ERROR;
        }
        let event: Value = serde_json::from_str(body).expect("json");
        assert_eq!(event["id"], json!(id), "the body names the event it is");
        self.kept.lock().expect("kept").entry(id).or_insert(event);
        Status::OK
    }
}

/// Makes every waiting delivery due and runs passes until `done` or a time limit.
async fn deliver_until(app: &TestApp, done: impl Fn() -> bool) {
    let client = reqwest::Client::new();
    for _ in 0..40 {
        if done() {
            return;
        }
        sqlx::query(
            "UPDATE webhook_deliveries SET next_attempt_at = 0 WHERE delivered_at IS NULL AND failed_at IS NULL",
        )
        .execute(app.store.writer())
        .await
        .expect("due now");
        server::webhooks::deliver_due(&app.store, &client).await.expect("pass");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn register(app: &TestApp, admin: &reqwest::Client, name: &str, url: &str, body: Option<i64>) -> String {
    let (status, hooks) =
        app.post_with(admin, "admin/save-webhook", json!({ "name": name, "url": url, "organisation_id": body })).await;
    assert_eq!(status, StatusCode::OK, "{hooks}");
    hooks["secret"].as_str().expect("the secret, shown once").to_owned()
}

#[tokio::test]
async fn a_referrals_steps_reach_the_partner_signed_once_each_through_failures() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let (partner, url) = Receiver::start(false).await;
    *partner.secret.lock().expect("secret") = register(&app, &admin, "法律援助案件系统", &url, None).await;
    let notary = organisation(&app, "深圳市宝安公证处").await;
    let (elsewhere, other_url) = Receiver::start(false).await;
    *elsewhere.secret.lock().expect("secret") = register(&app, &admin, "公证系统", &other_url, Some(notary)).await;
    let (_, hooks) = app.post_with(&admin, "admin/webhooks", json!({})).await;
    assert!(hooks["secret"].is_null() && !hooks.to_string().contains(&*partner.secret.lock().expect("s")), "{hooks}");

    let (resident, question, _) = question_with_photo(&app, "13722228001").await;
    let lawyer = app.staff_client("lawyer").await;
    let (_, view) = refer(&app, &lawyer, question, organisation(&app, "宝安区法律援助处").await, &[]).await;
    let id = view["id"].as_i64().expect("id");
    assert_eq!(app.count("SELECT COUNT(*) FROM webhook_deliveries").await, 0, "nothing before the resident agrees");
    app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": true })).await;
    let centre = app.staff_client("legalaid").await;
    app.post_with(&centre, "referrals/answer", json!({ "referral_id": id, "accept": true })).await;
    app.post_with(&centre, "referrals/close", json!({ "referral_id": id, "outcome": "aid_granted" })).await;

    deliver_until(&app, || partner.kept.lock().expect("kept").len() == 3).await;
    let kept = partner.kept.lock().expect("kept").clone();
    let ids: Vec<&String> = kept.keys().collect();
    let expected = ["accepted", "closed", "sent"].map(|s| format!("referral-{id}-{s}"));
    assert_eq!(ids, expected.iter().collect::<Vec<_>>());
    assert!(partner.attempts.lock().expect("attempts").values().all(|n| *n >= 2), "each through a 500 first");
    assert_eq!(*partner.bad_signatures.lock().expect("count"), 0);
    let closed = &kept[&expected[1]];
    assert_eq!(closed["event"], "referral.closed");
    assert_eq!(closed["referral"]["outcome"], "aid_granted");
    assert!(!closed.to_string().contains("13722228001"), "no resident's number leaves: {closed}");
    assert!(elsewhere.attempts.lock().expect("attempts").is_empty(), "the notary's systems hear nothing of legal aid");

    // A pass that finds it already delivered sends nothing again.
    let before: u32 = partner.attempts.lock().expect("attempts").values().sum();
    server::webhooks::deliver_due(&app.store, &reqwest::Client::new()).await.expect("pass");
    assert_eq!(partner.attempts.lock().expect("attempts").values().sum::<u32>(), before);
    let (_, hooks) = app.post_with(&admin, "admin/webhooks", json!({})).await;
    assert_eq!((hooks["hooks"][0]["delivered"].as_i64(), hooks["hooks"][0]["failed"].as_i64()), (Some(3), Some(0)));
}

#[tokio::test]
async fn a_receiver_that_keeps_failing_is_given_up_and_bad_addresses_are_refused() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let before = app.count("SELECT COUNT(*) FROM webhooks").await;
    for (url, name) in [
        ("ftp://hook.example.gov.cn/", "x"),
        ("javascript:alert(1)", "x"),
        ("https://user:pw@hook.example.gov.cn/", "x"),
        ("https://", "x"),
        ("https://:pw@hook.example.gov.cn/", "x"),
        (&format!("https://hook.example.gov.cn/{}", "a".repeat(500)), "x"),
        ("https://hook.example.gov.cn/", " "),
    ] {
        let (status, answer) = app.post_with(&admin, "admin/save-webhook", json!({ "name": name, "url": url })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{url}: {answer}");
    }
    let unknown = json!({ "name": "x", "url": "https://hook.example.gov.cn/", "organisation_id": 999_999 });
    assert_eq!(app.post_with(&admin, "admin/save-webhook", unknown).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT COUNT(*) FROM webhooks").await, before, "nothing written");

    let (broken, url) = Receiver::start(true).await;
    *broken.secret.lock().expect("secret") = register(&app, &admin, "总是出错的系统", &url, None).await;
    let (resident, question, _) = question_with_photo(&app, "13722228002").await;
    let lawyer = app.staff_client("lawyer").await;
    let (_, view) = refer(&app, &lawyer, question, organisation(&app, "宝安区法律援助处").await, &[]).await;
    let id = view["id"].as_i64().expect("id");
    app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": true })).await;
    let given_up = "SELECT COUNT(*) FROM webhook_deliveries WHERE failed_at IS NOT NULL";
    let store = app.store.clone();
    deliver_until(&app, || false).await;
    let attempts = *broken.attempts.lock().expect("attempts").values().next().expect("tried");
    assert_eq!(i64::from(attempts), server::webhooks::MAX_ATTEMPTS, "tried until its attempts were used up");
    assert_eq!(app.count(given_up).await, 1);
    let error: String =
        sqlx::query_scalar("SELECT last_error FROM webhook_deliveries").fetch_one(&store.pool).await.expect("row");
    assert_eq!(error, "answered 500");
}
