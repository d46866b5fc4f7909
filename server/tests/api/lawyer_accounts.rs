//! A lawyer imported into the register cannot sign in until the district's staff give them a
//! phone and a first password; a change of either ends their sessions; bad input changes nothing.

use crate::helpers::{new_client, spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::json;

async fn sign_in(app: &TestApp, login: &str, password: &str) -> (reqwest::Client, StatusCode) {
    let client = new_client();
    let (status, _) =
        app.post_with(&client, "auth/sign-in-password", json!({ "login": login, "password": password })).await;
    (client, status)
}

#[tokio::test]
async fn staff_give_an_imported_lawyer_a_sign_in_and_change_it() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let table = "律师姓名,律师事务所,执业证号\n钱新,广东宝城律师事务所,14403202611113333\n";
    assert_eq!(
        app.post_with(&staff, "staff/import-lawyers", json!({ "csv": table, "write": true })).await.0,
        StatusCode::OK
    );
    let id = app.count("SELECT id FROM lawyers WHERE licence_no = '14403202611113333'").await;
    let users = app.count("SELECT COUNT(*) FROM users").await;

    for (body, status, field) in [
        (
            json!({ "lawyer_id": id, "phone": "1371111", "password": "first-password-1" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "phone",
        ),
        (
            json!({ "lawyer_id": id, "phone": "13712340001", "password": "short" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "password",
        ),
        (
            json!({ "lawyer_id": id, "phone": "13712340001", "password": "" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "password",
        ),
        (
            json!({ "lawyer_id": id, "phone": "13900000002", "password": "first-password-1" }),
            StatusCode::CONFLICT,
            "phone",
        ),
    ] {
        let (got, answer) = app.post_with(&staff, "staff/lawyer-account", body.clone()).await;
        assert_eq!((got, answer["field"].as_str()), (status, Some(field)), "{body}: {answer}");
    }
    let (got, _) = app
        .post_with(
            &staff,
            "staff/lawyer-account",
            json!({ "lawyer_id": 999_999, "phone": "13712340001", "password": "first-password-1" }),
        )
        .await;
    assert_eq!(got, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, users, "nothing made");

    // Given, in another spelling of the same number: the lawyer signs in with it and sees their desk.
    let body = json!({ "lawyer_id": id, "phone": "+86 137-1234-0001", "password": "first-password-1" });
    assert_eq!(app.post_with(&staff, "staff/lawyer-account", body).await.0, StatusCode::OK);
    let (lawyer, status) = sign_in(&app, "13712340001", "first-password-1").await;
    assert_eq!(status, StatusCode::OK);
    let (_, session) = app.post_with(&lawyer, "account/session", json!({})).await;
    assert_eq!(
        (session["me"]["role"].as_str(), session["me"]["lawyer_id"].as_i64()),
        (Some("lawyer"), Some(id)),
        "{session}"
    );

    // A new password ends that session; the old password no longer works.
    let body = json!({ "lawyer_id": id, "phone": "13712340001", "password": "second-password-2" });
    assert_eq!(app.post_with(&staff, "staff/lawyer-account", body).await.0, StatusCode::OK);
    assert!(app.post_with(&lawyer, "account/session", json!({})).await.1["me"].is_null());
    assert_eq!(sign_in(&app, "13712340001", "first-password-1").await.1, StatusCode::UNAUTHORIZED);
    assert_eq!(sign_in(&app, "13712340001", "second-password-2").await.1, StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'lawyer_account'").await, 2);
}
