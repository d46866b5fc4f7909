use crate::helpers::{spawn_app, RESIDENT_PHONE};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn malformed_or_mistyped_bodies_get_a_400_with_a_message_and_change_nothing() {
    let app = spawn_app().await;
    let cases: [(&str, &str); 6] = [
        ("auth/send-code", "{not json"),
        ("auth/send-code", "{}"),
        ("auth/send-code", r#"{"phone": 13812345678}"#),
        ("auth/send-code", r#"{"phone": ["13812345678"]}"#),
        ("auth/sign-in-code", r#"{"phone": "13812345678"}"#),
        ("directory/community", r#"{"community_id": "one"}"#),
    ];
    for (path, body) in cases {
        let (status, error) = app.post_raw(path, "application/json", body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path} {body}: {error}");
        assert_eq!(error["kind"], "bad_request");
        assert_eq!(error["message"], "请求格式不正确");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM one_time_codes").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox").await, 0);
}

#[tokio::test]
async fn wrong_phone_numbers_and_codes_get_a_422_naming_the_field() {
    let app = spawn_app().await;
    for phone in ["", "12345", "12812345678", "138123456789", "phone"] {
        let (status, error) = app.post("auth/send-code", json!({ "phone": phone })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{phone}");
        assert_eq!(error["field"], "phone");
    }
    for code in ["", "12345", "abcdef", "1234567"] {
        let (status, error) = app.post("auth/sign-in-code", json!({ "phone": RESIDENT_PHONE, "code": code })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{code}");
        assert_eq!(error["message"], "验证码为6位数字");
    }
    let (status, _) = app.post("auth/sign-in-password", json!({ "login": " ", "password": "" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT COUNT(*) FROM one_time_codes").await, 0);
}

#[tokio::test]
async fn a_code_for_a_number_that_never_asked_for_one_is_refused() {
    let app = spawn_app().await;
    let (status, error) = app.post("auth/sign-in-code", json!({ "phone": RESIDENT_PHONE, "code": "123456" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["field"], "code");
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE role = 'resident'").await, 1, "only the demo resident");
}

#[tokio::test]
async fn an_oversize_body_gets_413() {
    let app = spawn_app().await;
    let huge = format!(r#"{{"phone": "{}"}}"#, "1".repeat(100 * 1024));
    let (status, error) = app.post_raw("auth/send-code", "application/json", huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error["kind"], "too_large");
}

#[tokio::test]
async fn unknown_endpoints_and_get_requests_are_refused_in_json() {
    let app = spawn_app().await;
    let (status, error) = app.post("auth/make-me-admin", json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["kind"], "not_found");

    let response = app.client.get(format!("{}/api/auth/sign-out", app.address)).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "nothing changes state on GET");
}

#[tokio::test]
async fn a_search_that_is_too_long_or_full_of_wildcards_is_handled() {
    let app = spawn_app().await;
    let (status, _) = app.post("directory/communities", json!({ "query": "社".repeat(33) })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, found) = app.post("directory/communities", json!({ "query": "%" })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(found, json!([]), "wildcards are matched literally");
}
