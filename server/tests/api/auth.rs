use crate::helpers::{code_in, new_client, spawn_app, RESIDENT_PHONE};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_new_resident_signs_in_with_an_sms_code_and_gets_an_account() {
    let app = spawn_app().await;
    let (status, body) = app.post("auth/send-code", json!({ "phone": "138 1234 5678" })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["phone_masked"], "138****5678");
    let sms = app.last_sms(RESIDENT_PHONE).await;
    assert!(sms.contains("法i社区") && sms.contains("5分钟"), "{sms}");

    let (status, me) = app.post("auth/sign-in-code", json!({ "phone": RESIDENT_PHONE, "code": code_in(&sms) })).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["role"], "resident");
    assert_eq!(me["phone_masked"], "138****5678");

    let (_, session) = app.post("account/session", json!({})).await;
    assert_eq!(session["me"]["user_id"], me["user_id"]);
}

#[tokio::test]
async fn codes_are_stored_hashed_never_in_clear() {
    let app = spawn_app().await;
    let code = app.request_code(&app.client, RESIDENT_PHONE).await;
    let stored: String =
        sqlx::query_scalar("SELECT code_hash FROM one_time_codes").fetch_one(&app.store.pool).await.expect("row");
    assert_eq!(stored.len(), 64);
    assert!(!stored.contains(&code));
}

#[tokio::test]
async fn a_wrong_code_is_refused_and_five_wrong_tries_burn_the_code() {
    let app = spawn_app().await;
    let code = app.request_code(&app.client, RESIDENT_PHONE).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        let (status, body) = app.post("auth/sign-in-code", json!({ "phone": RESIDENT_PHONE, "code": wrong })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["message"], "验证码不正确");
        assert_eq!(body["field"], "code");
    }
    let (_, body) = app.post("auth/sign-in-code", json!({ "phone": RESIDENT_PHONE, "code": wrong })).await;
    assert_eq!(body["message"], "错误次数过多，请重新获取验证码");
    // Even the right code no longer works.
    let (status, body) = app.post("auth/sign-in-code", json!({ "phone": RESIDENT_PHONE, "code": code })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE phone = '13812345678'").await, 0);
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    let app = spawn_app().await;
    let code = app.request_code(&app.client, RESIDENT_PHONE).await;
    sqlx::query("UPDATE one_time_codes SET expires_at = expires_at - 300001")
        .execute(app.store.writer())
        .await
        .expect("age the code");
    let (status, body) = app.post("auth/sign-in-code", json!({ "phone": RESIDENT_PHONE, "code": code })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["message"], "验证码已失效，请重新获取");
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 0);
}

#[tokio::test]
async fn a_used_code_cannot_sign_in_twice() {
    let app = spawn_app().await;
    let code = app.request_code(&app.client, RESIDENT_PHONE).await;
    let (status, _) = app.post("auth/sign-in-code", json!({ "phone": RESIDENT_PHONE, "code": code })).await;
    assert_eq!(status, StatusCode::OK);
    let other = new_client();
    let (status, _) =
        app.post_with(&other, "auth/sign-in-code", json!({ "phone": RESIDENT_PHONE, "code": code })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn codes_are_rate_limited_per_number_and_per_client_address() {
    let app = spawn_app().await;
    app.request_code(&app.client, RESIDENT_PHONE).await;
    let (status, body) = app.post("auth/send-code", json!({ "phone": RESIDENT_PHONE })).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(app.sms_count(RESIDENT_PHONE), 1);

    // Twenty numbers from one address, then the address is told to wait.
    for i in 0..19 {
        let (status, body) = app.post("auth/send-code", json!({ "phone": format!("1360000{i:04}") })).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, _) = app.post("auth/send-code", json!({ "phone": "13500000000" })).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.count("SELECT COUNT(*) FROM one_time_codes").await, 20);
}

#[tokio::test]
async fn a_district_sets_how_many_codes_one_address_may_ask_for() {
    let app = crate::helpers::spawn_app_with(|config| config.codes_per_address_per_hour = 3).await;
    for i in 0..3 {
        let (status, body) = app.post("auth/send-code", json!({ "phone": format!("1360000{i:04}") })).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, _) = app.post("auth/send-code", json!({ "phone": "13500000000" })).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.count("SELECT COUNT(*) FROM one_time_codes").await, 3);
}

#[tokio::test]
async fn a_lawyer_signs_in_with_a_password_and_a_wrong_one_is_refused_alike_for_unknown_logins() {
    let app = spawn_app().await;
    let (status, body) = app.post("auth/sign-in-password", json!({ "login": "lawyer", "password": "nope" })).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["message"], "登录名或密码不正确");
    let (status, unknown) = app.post("auth/sign-in-password", json!({ "login": "nobody", "password": "nope" })).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown["message"], body["message"]);

    let body = app.sign_in_password(&app.client, "lawyer").await;
    assert_eq!(body["status"], "signed_in");
    assert_eq!(body["me"]["role"], "lawyer");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'sign_in'").await, 1);
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_login_for_a_while() {
    let app = spawn_app().await;
    for _ in 0..10 {
        app.post("auth/sign-in-password", json!({ "login": "staff", "password": "guess" })).await;
    }
    let (status, _) =
        app.post("auth/sign-in-password", json!({ "login": "staff", "password": server::demo::DEMO_PASSWORD })).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_lawyers_number_cannot_sign_in_with_a_code_alone() {
    let app = spawn_app().await;
    let code = app.request_code(&app.client, "13900000002").await;
    let (status, body) = app.post("auth/sign-in-code", json!({ "phone": "13900000002", "code": code })).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 0);
}

#[tokio::test]
async fn an_account_with_a_second_factor_needs_the_sms_code_too() {
    let app = spawn_app().await;
    let body = app.sign_in_password(&app.client, "admin").await;
    assert_eq!(body["status"], "second_factor_sent");
    assert_eq!(body["phone_masked"], "139****0001");
    // Half signed in is not signed in.
    let (_, session) = app.post("account/session", json!({})).await;
    assert!(session["me"].is_null());
    let (status, _) = app.post("staff/overview", json!({})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let code = code_in(&app.last_sms("13900000001").await);
    let (status, me) = app.post("auth/second-factor", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["role"], "admin");
    let (status, _) = app.post("staff/overview", json!({})).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_second_factor_step_needs_a_pending_password_sign_in() {
    let app = spawn_app().await;
    let (status, _) = app.post("auth/second-factor", json!({ "code": "123456" })).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn signing_in_rotates_the_session_and_signing_out_revokes_it() {
    let app = spawn_app().await;
    let cookie = |response: &reqwest::Response| {
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("fai_session="))
            .map(str::to_owned)
    };
    let plain = reqwest::Client::new();
    let first = plain
        .post(format!("{}/api/auth/sign-in-password", app.address))
        .json(&json!({ "login": "staff", "password": server::demo::DEMO_PASSWORD }))
        .send()
        .await
        .expect("sign in");
    let first = cookie(&first).expect("a session cookie");
    assert!(first.contains("HttpOnly") && first.contains("SameSite=Lax"), "{first}");
    let first_token = first.split(';').next().expect("pair").to_owned();

    let second = plain
        .post(format!("{}/api/auth/sign-in-password", app.address))
        .header("cookie", &first_token)
        .json(&json!({ "login": "staff", "password": server::demo::DEMO_PASSWORD }))
        .send()
        .await
        .expect("sign in again");
    let second_token = cookie(&second).expect("a new cookie").split(';').next().expect("pair").to_owned();
    assert_ne!(first_token, second_token);

    let session = |token: String| {
        let plain = plain.clone();
        let address = app.address.clone();
        async move {
            let response = plain
                .post(format!("{address}/api/account/session"))
                .header("cookie", token)
                .json(&json!({}))
                .send()
                .await
                .expect("session");
            response.json::<serde_json::Value>().await.expect("json")
        }
    };
    assert!(session(first_token.clone()).await["me"].is_null(), "the old session was rotated out");
    assert_eq!(session(second_token.clone()).await["me"]["role"], "staff");

    let out = plain
        .post(format!("{}/api/auth/sign-out", app.address))
        .header("cookie", &second_token)
        .json(&json!({}))
        .send()
        .await
        .expect("sign out");
    assert_eq!(out.status(), StatusCode::OK);
    assert!(cookie(&out).is_some_and(|c| c.contains("Max-Age=0")));
    assert!(session(second_token).await["me"].is_null(), "the cookie no longer works anywhere");
}

#[tokio::test]
async fn errors_come_in_the_callers_language() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/auth/send-code", app.address))
        .header("accept-language", "en-US,en;q=0.9")
        .json(&json!({ "phone": "12345" }))
        .send()
        .await
        .expect("request");
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["message"], "Enter a valid 11-digit mainland China mobile number");

    let response = app
        .client
        .post(format!("{}/api/auth/send-code", app.address))
        .header("accept-language", "en")
        .header("cookie", "lang=zh-CN")
        .json(&json!({ "phone": "12345" }))
        .send()
        .await
        .expect("request");
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["message"], "请输入正确的11位中国大陆手机号", "the chosen language wins over the browser's");
}

#[tokio::test]
async fn a_signed_in_resident_keeps_their_language_choice() {
    let app = spawn_app().await;
    app.sign_in_resident(&app.client, RESIDENT_PHONE).await;
    let (status, me) = app.post("account/set-language", json!({ "lang": "en" })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["lang"], "en");
    let (status, body) = app.post("account/set-community", json!({ "community_id": 999999 })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["message"], "Not found");
    let (status, _) = app.post("account/set-language", json!({ "lang": "fr" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
