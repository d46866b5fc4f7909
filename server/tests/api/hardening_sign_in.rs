//! Sign-in limits key on who is signing in, not on how it was typed, and a stranger cannot spend
//! the owner's way in.

use crate::helpers::{code_in, spawn_app_with, TestApp};
use reqwest::StatusCode;
use serde_json::json;

/// A browser at `address` (the load balancer's `X-Forwarded-For`, trusted in these apps).
fn from(address: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", address.parse().expect("header"));
    reqwest::Client::builder().cookie_store(true).default_headers(headers).build().expect("client")
}

async fn behind_proxy() -> TestApp {
    spawn_app_with(|c| c.trust_proxy = true).await
}

/// Moves every code sent so far two minutes back, as if time had passed.
async fn two_minutes_pass(app: &TestApp) {
    sqlx::query("UPDATE one_time_codes SET created_at = created_at - 120000")
        .execute(app.store.writer())
        .await
        .expect("age codes");
}

#[tokio::test]
async fn sign_in_limits_a_number_in_any_spelling_is_one_number() {
    let app = behind_proxy().await;
    let client = from("10.0.0.1");
    let (status, _) = app.post_with(&client, "auth/send-code", json!({ "phone": "13812345678" })).await;
    assert_eq!(status, StatusCode::OK);
    for spelling in
        ["+86 138-1234-5678", "１３８１２３４５６７８", "138.1234.5678", "0086 13812345678", "(86)13812345678"]
    {
        let (status, body) = app.post_with(&client, "auth/send-code", json!({ "phone": spelling })).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{spelling}: {body}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM one_time_codes").await, 1);
    // The code sent works whichever spelling signs in with it.
    let code = code_in(&app.last_sms("13812345678").await);
    let (status, body) = app
        .post_with(&client, "auth/sign-in-code", json!({ "phone": "＋８６ １３８ １２３４ ５６７８", "code": code }))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn sign_in_limits_a_stranger_spends_only_their_share_of_a_numbers_codes() {
    let app = behind_proxy().await;
    let stranger = from("203.0.113.9");
    let mut sent = 0;
    for _ in 0..10 {
        let (status, _) = app.post_with(&stranger, "auth/send-code", json!({ "phone": "13812345678" })).await;
        if status == StatusCode::OK {
            sent += 1;
        }
        two_minutes_pass(&app).await;
    }
    assert_eq!(sent, 4, "one address gets four codes an hour for one number");
    // Every code the stranger was sent has gone out before the owner asks for one.
    for _ in 0..100 {
        if app.sms_count("13812345678") == sent {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // The owner, at home, still gets a code and signs in.
    let owner = from("192.168.1.20");
    let code = app.request_code(&owner, "13812345678").await;
    let (status, _) = app.post_with(&owner, "auth/sign-in-code", json!({ "phone": "13812345678", "code": code })).await;
    assert_eq!(status, StatusCode::OK);

    // Sign-in codes asked for an admin's number never block the admin's second factor.
    for k in 0..6 {
        app.post_with(&from(&format!("203.0.113.{k}")), "auth/send-code", json!({ "phone": "13900000001" })).await;
    }
    let admin = from("192.168.1.21");
    let (status, body) = app
        .post_with(
            &admin,
            "auth/sign-in-password",
            json!({ "login": "admin", "password": server::demo::DEMO_PASSWORD }),
        )
        .await;
    assert_eq!((status, body["status"].as_str()), (StatusCode::OK, Some("second_factor_sent")), "{body}");
    // A stranger holding a wrong code learns nothing about whose number it is.
    let (status, body) =
        app.post_with(&stranger, "auth/sign-in-code", json!({ "phone": "13900000001", "code": "000000" })).await;
    assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("code")), "{body}");
}

#[tokio::test]
async fn sign_in_limits_wrong_passwords_count_per_account_in_any_spelling_and_per_address() {
    let app = behind_proxy().await;
    let stranger = from("203.0.113.7");
    // lawyer01 by login, by number, and by the number spelled three other ways.
    for login in ["LAWYER01", "lawyer01", "13700000001", "+86 137 0000 0001", "１３７００００００01"] {
        for _ in 0..2 {
            let (status, _) =
                app.post_with(&stranger, "auth/sign-in-password", json!({ "login": login, "password": "guess" })).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{login}");
        }
    }
    let right = json!({ "login": "lawyer01", "password": server::demo::DEMO_PASSWORD });
    let (status, _) = app.post_with(&stranger, "auth/sign-in-password", right.clone()).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "ten failures in five spellings lock this address out");
    // The lawyer, at the office, is not locked out by a stranger.
    let (status, body) = app.post_with(&from("192.168.1.30"), "auth/sign-in-password", right).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // One address guessing across many logins runs out too, known and unknown logins alike.
    let sprayer = from("198.51.100.4");
    for k in 0..30 {
        let login = if k % 2 == 0 { format!("lawyer{:02}", 10 + k) } else { format!("nobody{k}") };
        let (status, _) =
            app.post_with(&sprayer, "auth/sign-in-password", json!({ "login": login, "password": "x" })).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    for login in ["lawyer70", "nobody-else"] {
        let (status, _) =
            app.post_with(&sprayer, "auth/sign-in-password", json!({ "login": login, "password": "x" })).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{login}");
    }
}
