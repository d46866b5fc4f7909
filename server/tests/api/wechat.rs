//! WeChat against a local fake: a mini-program login code signs in the resident bound to it (a
//! phone sign-in binds it the first time), messages a resident allowed go as subscription
//! messages and the rest by SMS, and one access token serves every server.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use crate::wechat_fake::{self, FakeWechat, ANSWERED, BOOKED};
use reqwest::{redirect, Client, StatusCode};
use serde_json::{json, Value};
use server::wechat::api::WechatApi;
use server::wechat::tokens::AccessTokens;
use std::sync::Arc;
use std::time::Duration;

/// A browser inside the web-view: keeps cookies, shows redirects instead of following them.
fn web_view() -> Client {
    Client::builder().cookie_store(true).redirect(redirect::Policy::none()).build().expect("client")
}

async fn with_wechat() -> (TestApp, FakeWechat) {
    let fake = wechat_fake::start().await;
    let url = fake.url.clone();
    let app = spawn_app_with(move |config| config.wechat = Some(wechat_fake::config(&url))).await;
    (app, fake)
}

/// Enters the portal from the mini-program with a fresh code of `openid`: the status and where to.
async fn enter(app: &TestApp, fake: &FakeWechat, client: &Client, openid: &str, to: &str) -> (StatusCode, String) {
    let code = fake.code_for(openid);
    let response = client.get(format!("{}/wechat/enter?code={code}&to={to}", app.address)).send().await.expect("enter");
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    (response.status(), location)
}

async fn session(app: &TestApp, client: &Client) -> Value {
    app.post_with(client, "account/session", json!({})).await.1
}

/// A resident bound to `openid` by entering once and signing in with `phone`; their web-view.
async fn bound(app: &TestApp, fake: &FakeWechat, openid: &str, phone: &str) -> Client {
    let client = web_view();
    assert_eq!(enter(app, fake, &client, openid, "/me").await, (StatusCode::SEE_OTHER, "/sign-in".into()));
    assert_eq!(session(app, &client).await["me"], Value::Null, "not signed in yet");
    app.sign_in_resident(&client, phone).await;
    client
}

async fn subscribe(app: &TestApp, code: &str, accepted: &[&str]) -> (StatusCode, Value) {
    let response = app
        .client
        .post(format!("{}/wechat/subscribed", app.address))
        .json(&json!({ "code": code, "accepted": accepted }))
        .send()
        .await
        .expect("subscribed");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Books the `nth` free slot at 后亭社区 for `client`'s resident.
async fn book(app: &TestApp, client: &Client, nth: usize) {
    let houting = app.community("后亭社区").await;
    let slot = app.free_slots(houting).await.into_iter().nth(nth).expect("a slot");
    let body = json!({ "community_id": houting, "slot_start": slot["start"], "channel": "phone", "topic": "debt", "description": "借款" });
    let (status, booking) = app.post_with(client, "booking/book", body).await;
    assert_eq!(status, StatusCode::OK, "{booking}");
}

/// Waits until the outbox has sent everything to `phone`; answers how many went by WeChat.
async fn delivered(app: &TestApp, phone: &str, expected: i64) -> i64 {
    for _ in 0..200 {
        let sent = app
            .count(&format!("SELECT COUNT(*) FROM outbox WHERE recipient = '{phone}' AND sent_at IS NOT NULL"))
            .await;
        if sent >= expected {
            return app
                .count(&format!("SELECT COUNT(*) FROM outbox WHERE recipient = '{phone}' AND sent_via = 'wechat'"))
                .await;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the outbox did not send {expected} messages to {phone}");
}

#[tokio::test]
async fn a_resident_bound_once_by_phone_signs_in_with_wechat_from_then_on() {
    let (app, fake) = with_wechat().await;
    let phone = "13799992001";
    let first = bound(&app, &fake, "o-resident-1", phone).await;
    let me = session(&app, &first).await["me"].clone();
    let stored = app
        .count(&format!("SELECT COUNT(*) FROM users WHERE phone = '{phone}' AND wechat_openid = 'o-resident-1'"))
        .await;
    assert_eq!(stored, 1);

    let next = web_view();
    assert_eq!(enter(&app, &fake, &next, "o-resident-1", "/me").await, (StatusCode::SEE_OTHER, "/me".into()));
    assert_eq!(session(&app, &next).await["me"]["user_id"], me["user_id"]);

    // A code works once; another site is never where the entry leads; a bad code changes nothing.
    let code = fake.code_for("o-resident-1");
    let url = format!("{}/wechat/enter?code={code}", app.address);
    assert_eq!(web_view().get(&url).send().await.expect("once").status(), StatusCode::SEE_OTHER);
    assert_eq!(web_view().get(&url).send().await.expect("twice").status(), StatusCode::UNAUTHORIZED);
    for to in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
        let (status, location) = enter(&app, &fake, &web_view(), "o-resident-1", to).await;
        assert_eq!((status, location.as_str()), (StatusCode::SEE_OTHER, "/"), "{to}");
    }
    for code in ["", "a%20b", "<script>", &"a".repeat(129)] {
        let response = web_view().get(format!("{}/wechat/enter?code={code}", app.address)).send().await.expect("bad");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{code}");
        assert!(response.headers().get("set-cookie").is_none());
    }
}

#[tokio::test]
async fn allowed_messages_go_by_wechat_and_the_rest_by_sms_with_the_inbox_always() {
    let (app, fake) = with_wechat().await;
    let phone = "13799992003";
    let resident = bound(&app, &fake, "o-resident-3", phone).await;
    let response = app.client.get(format!("{}/wechat/templates", app.address)).send().await.expect("templates");
    let templates: Value = response.json().await.expect("json");
    assert_eq!(templates["templates"], json!([BOOKED, ANSWERED]));

    let (status, recorded) = subscribe(&app, &fake.code_for("o-resident-3"), &[BOOKED]).await;
    assert_eq!((status, recorded["recorded"].as_u64()), (StatusCode::OK, Some(1)));
    fake.allow("o-resident-3", BOOKED);
    let sms_before = app.sms.0.lock().expect("sms").iter().filter(|(to, _)| to == phone).count();

    book(&app, &resident, 0).await;
    assert_eq!(delivered(&app, phone, 2).await, 1, "the sign-in code by SMS, the booking by WeChat");
    let sent = fake.sent();
    assert_eq!((sent.len(), sent[0]["touser"].as_str()), (1, Some("o-resident-3")));
    assert_eq!(sent[0]["data"]["thing1"]["value"], "后亭社区");
    let sms_after = app.sms.0.lock().expect("sms").iter().filter(|(to, _)| to == phone).count();
    assert_eq!(sms_after, sms_before, "no SMS for a message WeChat delivered");
    let (_, inbox) = app.post_with(&resident, "account/inbox", json!({})).await;
    assert_eq!(inbox.as_array().map(Vec::len), Some(1), "{inbox}");

    // The allowance is spent: the next booking goes by SMS.
    book(&app, &resident, 1).await;
    assert_eq!(delivered(&app, phone, 3).await, 1);
    app.sms_containing(phone, "后亭社区").await;

    // Allowed here but not at WeChat (43101): SMS, and the allowance is forgotten.
    subscribe(&app, &fake.code_for("o-resident-3"), &[BOOKED]).await;
    book(&app, &resident, 2).await;
    assert_eq!(delivered(&app, phone, 4).await, 1);
    let left = app.count("SELECT CAST(COALESCE(SUM(remaining), 0) AS BIGINT) FROM wechat_subscriptions").await;
    assert_eq!((left, fake.sent().len()), (0, 1));
}

#[tokio::test]
async fn a_refused_token_is_renewed_and_a_busy_wechat_falls_back_to_sms_keeping_the_allowance() {
    let (app, fake) = with_wechat().await;
    let phone = "13799992005";
    let resident = bound(&app, &fake, "o-resident-5", phone).await;
    for _ in 0..3 {
        subscribe(&app, &fake.code_for("o-resident-5"), &[BOOKED]).await;
        fake.allow("o-resident-5", BOOKED);
    }
    book(&app, &resident, 0).await;
    assert_eq!(delivered(&app, phone, 2).await, 1);
    fake.revoke_token();
    book(&app, &resident, 1).await;
    assert_eq!(delivered(&app, phone, 3).await, 2, "sent with a renewed token");
    assert_eq!(fake.tokens_issued(), 2);

    fake.busy(true);
    book(&app, &resident, 2).await;
    assert_eq!(delivered(&app, phone, 4).await, 2, "by SMS while WeChat is busy");
    app.sms_containing(phone, "后亭社区").await;
    let left = app.count("SELECT CAST(COALESCE(SUM(remaining), 0) AS BIGINT) FROM wechat_subscriptions").await;
    assert_eq!(left, 1, "the allowance WeChat did not use is kept");
}

#[tokio::test]
async fn what_a_resident_allowed_is_recorded_only_for_them_and_only_for_known_templates() {
    let (app, fake) = with_wechat().await;
    bound(&app, &fake, "o-resident-4", "13799992004").await;
    let recorded = || app.count("SELECT CAST(COALESCE(SUM(remaining), 0) AS BIGINT) FROM wechat_subscriptions");
    let code = fake.code_for("o-resident-4");
    assert_eq!(subscribe(&app, &code, &["Tmpl-Unknown"]).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(subscribe(&app, &code, &[BOOKED, BOOKED, ANSWERED, BOOKED]).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(subscribe(&app, "not a code", &[BOOKED]).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(subscribe(&app, "0unknown-code", &[BOOKED]).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(subscribe(&app, &fake.code_for("o-stranger"), &[BOOKED]).await.0, StatusCode::NOT_FOUND);
    assert_eq!(recorded().await, 0, "nothing recorded");
    for _ in 0..60 {
        subscribe(&app, &fake.code_for("o-resident-4"), &[ANSWERED]).await;
    }
    assert_eq!(recorded().await, 50, "bounded");

    // A shared community page is titled with its name; any other page with the portal's.
    let houting = app.community("后亭社区").await;
    for (path, title) in [
        (format!("/communities/{houting}"), "后亭社区 · 社区法律顾问"),
        (format!("/communities/{houting}/book"), "后亭社区 · 社区法律顾问"),
        ("/communities/999999".to_owned(), "法i社区 · 社区法律顾问"),
        ("/questions".to_owned(), "法i社区 · 社区法律顾问"),
    ] {
        let response = app.client.get(format!("{}/wechat/share", app.address)).query(&[("path", &path)]).send().await;
        let shared: Value = response.expect("share").json().await.expect("json");
        assert_eq!(shared["title"], title, "{path}");
    }

    // Without WeChat configured, none of its doors exists.
    let plain = spawn_app().await;
    let get = |path: &str| plain.client.get(format!("{}{path}", plain.address)).send();
    assert_eq!(get("/wechat/enter?code=abc").await.expect("enter").status(), StatusCode::NOT_FOUND);
    assert_eq!(get("/wechat/templates").await.expect("templates").status(), StatusCode::NOT_FOUND);
    assert_eq!(get("/wechat/share?path=/").await.expect("share").status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn one_access_token_serves_two_servers_and_is_renewed_once_when_refused() {
    let fake = wechat_fake::start().await;
    let app = spawn_app().await;
    *fake.token_delay.lock().expect("delay") = Duration::from_millis(200);
    // Two servers' token keepers on one database, each with its own client.
    let keeper = || {
        let api = Arc::new(WechatApi::new(wechat_fake::config(&fake.url), Duration::from_secs(5)));
        AccessTokens::new(app.store.clone(), api)
    };
    let (one, two) = (keeper(), keeper());
    let asks: Vec<_> = (0..8).map(|k| if k % 2 == 0 { one.clone() } else { two.clone() }).collect();
    let tokens = futures_util::future::join_all(asks.iter().map(|k| k.get())).await;
    let tokens: Vec<String> = tokens.into_iter().map(|t| t.expect("token")).collect();
    assert!(tokens.iter().all(|t| *t == tokens[0]), "{tokens:?}");
    assert_eq!(fake.tokens_issued(), 1);

    // WeChat refuses it: both servers find out, the token is renewed once.
    fake.revoke_token();
    let refused = tokens[0].clone();
    one.refused(&refused).await.expect("refused");
    two.refused(&refused).await.expect("refused");
    let renewed = futures_util::future::join_all(asks.iter().map(|k| k.get())).await;
    assert!(renewed.iter().all(|t| t.as_ref().ok() == Some(&"ACCESS_TOKEN_2".to_owned())), "{renewed:?}");
    assert_eq!(fake.tokens_issued(), 2, "renewed once");
    // A server that learns late that the old one was refused does not throw away the new one.
    one.refused(&refused).await.expect("late");
    assert_eq!(two.get().await.expect("token"), "ACCESS_TOKEN_2");
    assert_eq!(fake.tokens_issued(), 2);
}
