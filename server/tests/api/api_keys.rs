//! Partner systems' API keys: an admin issues one for a receiving body; the partner reads that
//! body's queue and answers its referrals with it, and reaches nothing else; bad keys, revoked
//! keys, keys out of scope and keys over their rate are refused before anything runs.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::signed_in;
use crate::referrals::{organisation, question_with_photo, refer};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// `path` called with `Authorization: <authorization>` and no cookies.
async fn call(app: &TestApp, authorization: &str, path: &str, body: Value) -> (StatusCode, Value) {
    let response = Client::new()
        .post(format!("{}/api/{path}", app.address))
        .header("authorization", authorization)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Issues a key for `body` with `scopes`; its id and secret.
async fn issue(app: &TestApp, admin: &Client, body: i64, scopes: &[&str]) -> (i64, String) {
    let (status, keys) = app
        .post_with(
            admin,
            "admin/save-api-key",
            json!({ "name": "法援案件系统", "organisation_id": body, "scopes": scopes }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{keys}");
    let id = keys["keys"].as_array().and_then(|k| k.last()).expect("issued")["id"].as_i64().expect("id");
    (id, format!("Bearer {}", keys["secret"].as_str().expect("the secret, once")))
}

/// A question referred to legal aid and agreed to by its resident: the referral and the phone.
async fn sent_referral(app: &TestApp, phone: &str) -> i64 {
    let (resident, question, _) = question_with_photo(app, phone).await;
    let lawyer = app.staff_client("lawyer").await;
    let (status, view) = refer(app, &lawyer, question, organisation(app, "宝安区法律援助处").await, &[]).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let id = view["id"].as_i64().expect("id");
    let (status, view) =
        app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": true })).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    id
}

#[tokio::test]
async fn admins_issue_keys_and_refuse_bad_ones_writing_nothing() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let legal_aid = organisation(&app, "宝安区法律援助处").await;
    let keys = "SELECT COUNT(*) FROM api_keys";
    let accounts = "SELECT COUNT(*) FROM users";
    let (users_before, keys_before) = (app.count(accounts).await, app.count(keys).await);
    let good = |name: &str, scopes: Value| json!({ "name": name, "organisation_id": legal_aid, "scopes": scopes });
    for (bad, expected) in [
        (good("  ", json!(["referrals:read"])), StatusCode::UNPROCESSABLE_ENTITY),
        (good(&"法".repeat(51), json!(["referrals:read"])), StatusCode::UNPROCESSABLE_ENTITY),
        (good(&"法".repeat(5_000), json!(["referrals:read"])), StatusCode::UNPROCESSABLE_ENTITY),
        (good("系统", json!([])), StatusCode::UNPROCESSABLE_ENTITY),
        (good("系统", json!(["referrals:admin"])), StatusCode::UNPROCESSABLE_ENTITY),
        (good("系统", json!(["Referrals:Read"])), StatusCode::UNPROCESSABLE_ENTITY),
        (good("系统", json!(["referrals:read "])), StatusCode::UNPROCESSABLE_ENTITY),
        (good("系统", json!(["referrals:read", "*"])), StatusCode::UNPROCESSABLE_ENTITY),
        (good("系统", json!("referrals:read")), StatusCode::BAD_REQUEST),
        (
            json!({ "name": "系统", "organisation_id": 999_999, "scopes": ["referrals:read"] }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            json!({ "id": 999_999, "name": "系统", "organisation_id": legal_aid, "scopes": ["referrals:read"] }),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let (status, answer) = app.post_with(&admin, "admin/save-api-key", bad.clone()).await;
        assert_eq!(status, expected, "{bad}: {answer}");
        assert_eq!((app.count(accounts).await, app.count(keys).await), (users_before, keys_before), "{bad}");
    }

    // Scopes are kept once each, in the table's order; the secret is answered once, only its hash kept.
    let (status, issued) = app
        .post_with(
            &admin,
            "admin/save-api-key",
            good("法援案件系统", json!(["referrals:write", "referrals:read", "referrals:write"])),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{issued}");
    let secret = issued["secret"].as_str().expect("secret").to_owned();
    assert!(secret.starts_with("fai_") && secret.len() == 68, "{secret}");
    let key = &issued["keys"][0];
    assert_eq!(key["scopes"], json!(["referrals:read", "referrals:write"]));
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM api_keys WHERE secret_hash LIKE '%{}%'", &secret[4..20])).await,
        0
    );
    let (_, listed) = app.post_with(&admin, "admin/api-keys", json!({})).await;
    assert_eq!(listed["secret"], Value::Null, "never answered again: {listed}");
    let (_, bodies) = app.post_with(&admin, "admin/organisations", json!({})).await;
    assert!(!bodies.to_string().contains("法援案件系统"), "a key's account is no one's sign-in: {bodies}");

    // A key stays with its body; a revoked key stays revoked.
    let id = key["id"].as_i64().expect("id");
    let mediation = organisation(&app, "沙井街道人民调解委员会").await;
    let moved = json!({ "id": id, "name": "法援案件系统", "organisation_id": mediation, "scopes": ["referrals:read"] });
    assert_eq!(app.post_with(&admin, "admin/save-api-key", moved).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let revoke = json!({ "id": id, "name": "法援案件系统", "organisation_id": legal_aid, "scopes": ["referrals:read"], "revoked": true });
    let (status, revoked) = app.post_with(&admin, "admin/save-api-key", revoke).await;
    assert_eq!((status, revoked["keys"][0]["revoked"].as_bool()), (StatusCode::OK, Some(true)), "{revoked}");
    let back = json!({ "id": id, "name": "法援案件系统", "organisation_id": legal_aid, "scopes": ["referrals:read"] });
    assert_eq!(app.post_with(&admin, "admin/save-api-key", back).await.0, StatusCode::CONFLICT);
    let (status, _) = call(&app, &format!("Bearer {secret}"), "referrals/queue", json!({})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "revoked");
    let audited = "SELECT COUNT(*) FROM audit_events WHERE action IN ('api_key_issue', 'api_key_save')";
    assert_eq!(app.count(audited).await, 2);
}

#[tokio::test]
async fn a_partner_answers_its_bodys_referrals_with_its_key_and_reaches_nothing_else() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let phone = "13722230001";
    let id = sent_referral(&app, phone).await;
    let (key_id, key) =
        issue(&app, &admin, organisation(&app, "宝安区法律援助处").await, &["referrals:read", "referrals:write"]).await;
    let (_, read_only) = issue(&app, &admin, organisation(&app, "宝安区法律援助处").await, &["referrals:read"]).await;
    let (_, other_body) =
        issue(&app, &admin, organisation(&app, "深圳市宝安公证处").await, &["referrals:read", "referrals:write"]).await;

    let (status, queue) = call(&app, &key, "referrals/queue", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{queue}");
    assert_eq!((queue[0]["id"].as_i64(), queue[0]["phone"].as_str()), (Some(id), Some(phone)), "{queue}");
    let (_, queue) = call(&app, &other_body, "referrals/queue", json!({})).await;
    assert_eq!(queue, json!([]), "another body's key sees nothing of it");

    // Refused before anything runs: out of scope, another body's, not a key.
    let status_of = "SELECT status FROM referrals WHERE id = ";
    for (authorization, path, expected) in [
        (read_only.as_str(), "referrals/answer", StatusCode::FORBIDDEN),
        (key.as_str(), "referrals/mine", StatusCode::FORBIDDEN),
        (key.as_str(), "admin/api-keys", StatusCode::FORBIDDEN),
        (key.as_str(), "account/inbox", StatusCode::FORBIDDEN),
        (other_body.as_str(), "referrals/answer", StatusCode::NOT_FOUND),
        ("Bearer fai_0000", "referrals/answer", StatusCode::UNAUTHORIZED),
        ("Basic bGVnYWxhaWQ6eA==", "referrals/answer", StatusCode::UNAUTHORIZED),
        ("Bearer", "referrals/answer", StatusCode::UNAUTHORIZED),
        (&format!("Bearer {}", "f".repeat(4_000)), "referrals/answer", StatusCode::UNAUTHORIZED),
        (&key.to_uppercase(), "referrals/answer", StatusCode::UNAUTHORIZED),
    ] {
        let (status, answer) = call(&app, authorization, path, json!({ "referral_id": id, "accept": true })).await;
        assert_eq!(status, expected, "{path} with {}: {answer}", &authorization[..authorization.len().min(20)]);
        assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()), "a clear error: {answer}");
        let unchanged: String =
            sqlx::query_scalar(&format!("{status_of}{id}")).fetch_one(&app.store.pool).await.expect("status");
        assert_eq!(unchanged, "sent");
    }
    // A key beside an admin's session is still only the key.
    let response = admin
        .post(format!("{}/api/admin/api-keys", app.address))
        .header("authorization", &key)
        .json(&json!({}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // A proxy's Basic sign-in in front of the portal is not a key: the session goes on.
    let response = admin
        .post(format!("{}/api/admin/api-keys", app.address))
        .header("authorization", "Basic YWRtaW46eA==")
        .json(&json!({}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    // Keys open no pages.
    let page = Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let response =
        page.get(format!("{}/agency", app.address)).header("authorization", &key).send().await.expect("page");
    let html = response.text().await.unwrap_or_default();
    assert!(!html.contains(phone), "the agency page is not opened by a key");

    let (status, view) = call(&app, &key, "referrals/answer", json!({ "referral_id": id, "accept": true })).await;
    assert_eq!((status, view["status"].as_str()), (StatusCode::OK, Some("accepted")), "{view}");
    assert!(app.sms_containing(phone, "已受理").await.contains("宝安区法律援助处"));
    let (status, view) =
        call(&app, &key, "referrals/close", json!({ "referral_id": id, "outcome": "aid_granted" })).await;
    assert_eq!((status, view["status"].as_str()), (StatusCode::OK, Some("closed")), "{view}");
    let (status, _) = call(&app, &key, "referrals/close", json!({ "referral_id": id, "outcome": "aid_granted" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "closed once");

    // Audited: each call the key made, and the refused one by its scope.
    let calls =
        format!("SELECT COUNT(*) FROM audit_events WHERE action = 'api_call' AND subject LIKE 'api_key:{key_id}:%'");
    assert_eq!(app.count(&calls).await, 4);
    let refused = "SELECT COUNT(*) FROM audit_events WHERE action = 'api_call_refused'";
    assert_eq!(app.count(refused).await, 5, "four out of scope, and the one beside a session");
    let (_, keys) = app.post_with(&admin, "admin/api-keys", json!({})).await;
    assert!(keys["keys"][0]["last_used_at"].is_i64(), "{keys}");
}

#[tokio::test]
async fn a_key_makes_at_most_its_calls_a_minute_even_all_at_once() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let body = organisation(&app, "宝安区法律援助处").await;
    let (_, busy) = issue(&app, &admin, body, &["referrals:read"]).await;
    let (_, quiet) = issue(&app, &admin, body, &["referrals:read"]).await;
    let limit = server::auth::api_keys::CALLS_PER_MINUTE;
    let calls = (0..limit + 10).map(|_| call(&app, &busy, "referrals/queue", json!({})));
    let statuses: Vec<StatusCode> = futures_util::future::join_all(calls).await.into_iter().map(|(s, _)| s).collect();
    let passed = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((passed, refused), (usize::try_from(limit).expect("limit"), 10), "{statuses:?}");

    let response = Client::new()
        .post(format!("{}/api/referrals/queue", app.address))
        .header("authorization", &busy)
        .json(&json!({}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: i64 = response.headers()["retry-after"].to_str().expect("ascii").parse().expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(call(&app, &quiet, "referrals/queue", json!({})).await.0, StatusCode::OK, "each key its own count");
}

#[tokio::test]
async fn admins_issue_and_revoke_a_key_on_the_bodies_page() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let body = organisation(&app, "深圳市宝安公证处").await;
    let form = |client: &Client, path: &str, fields: &[(&str, &str)], site: &str| {
        client
            .post(format!("{}{path}", app.address))
            .header("sec-fetch-site", site)
            .form(&fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<Vec<_>>())
            .send()
    };
    let issue = format!("/admin/organisations/{body}/keys");
    let fields = [("name", "公证业务系统"), ("read", "1"), ("write", "1")];

    // Another site's form, a lawyer, no scope: nothing issued.
    let lawyer = app.staff_client("lawyer").await;
    for (client, fields, site, expected) in [
        (&admin, &fields[..], "cross-site", StatusCode::FORBIDDEN),
        (&lawyer, &fields[..], "same-origin", StatusCode::FORBIDDEN),
        (&admin, &fields[..1], "same-origin", StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let response = form(client, &issue, fields, site).await.expect("form");
        assert_eq!(response.status(), expected);
        assert_eq!(app.count("SELECT COUNT(*) FROM api_keys").await, 0);
    }

    let response = form(&admin, &issue, &fields, "same-origin").await.expect("form");
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("html");
    let start = html.find("fai_").expect("the secret, shown once");
    let secret = &html[start..start + 68];
    assert_eq!(call(&app, &format!("Bearer {secret}"), "referrals/queue", json!({})).await.0, StatusCode::OK);
    let page = admin.get(format!("{}/admin/organisations", app.address)).send().await.expect("page");
    let html = page.text().await.expect("html");
    assert!(html.contains("公证业务系统") && !html.contains(secret), "listed, and the secret not again");

    let id = app.count("SELECT MAX(id) FROM api_keys").await;
    let revoke = format!("/admin/api-keys/{id}/revoke");
    assert_eq!(form(&lawyer, &revoke, &[], "same-origin").await.expect("form").status(), StatusCode::FORBIDDEN);
    assert_eq!(call(&app, &format!("Bearer {secret}"), "referrals/queue", json!({})).await.0, StatusCode::OK);
    let response = form(&admin, &revoke, &[], "same-origin").await.expect("form");
    assert!(response.status().is_success(), "{}", response.status());
    assert!(response.text().await.expect("html").contains("已吊销"));
    assert_eq!(call(&app, &format!("Bearer {secret}"), "referrals/queue", json!({})).await.0, StatusCode::UNAUTHORIZED);
    let missing = form(&admin, "/admin/api-keys/999999/revoke", &[], "same-origin").await.expect("form");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}
