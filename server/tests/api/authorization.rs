use crate::helpers::{new_client, spawn_app, RESIDENT_PHONE};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn the_staff_overview_is_for_staff_and_admins_only() {
    let app = spawn_app().await;
    let visitor = new_client();
    assert_eq!(app.post_with(&visitor, "staff/overview", json!({})).await.0, StatusCode::UNAUTHORIZED);

    let resident = new_client();
    app.sign_in_resident(&resident, RESIDENT_PHONE).await;
    let (status, body) = app.post_with(&resident, "staff/overview", json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["message"], "您没有权限执行此操作");

    for login in ["lawyer", "assistant"] {
        let client = new_client();
        app.sign_in_password(&client, login).await;
        assert_eq!(app.post_with(&client, "staff/overview", json!({})).await.0, StatusCode::FORBIDDEN, "{login}");
    }

    let staff = new_client();
    app.sign_in_password(&staff, "staff").await;
    let (status, overview) = app.post_with(&staff, "staff/overview", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(overview["streets"], 10);
    assert_eq!(overview["communities"], 65);
    assert_eq!(overview["without_a_lawyer"], json!([]));
}

#[tokio::test]
async fn the_overview_shows_a_community_whose_a_lawyer_left() {
    let app = spawn_app().await;
    sqlx::query("UPDATE assignments SET ends_on = '2026-01-31' WHERE role = 'a' AND community_id = (SELECT id FROM communities WHERE name = '后亭社区') AND ends_on IS NULL")
        .execute(app.store.writer())
        .await
        .expect("end the assignment");
    app.sign_in_password(&app.client, "staff").await;
    let (_, overview) = app.post("staff/overview", json!({})).await;
    let gaps: Vec<&str> =
        overview["without_a_lawyer"].as_array().expect("list").iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(gaps, ["后亭社区"]);
}

#[tokio::test]
async fn only_residents_choose_a_home_community() {
    let app = spawn_app().await;
    let (_, communities) = app.post("directory/communities", json!({ "query": "后亭" })).await;
    let houting = communities[0]["id"].clone();

    assert_eq!(app.post("account/set-community", json!({ "community_id": houting })).await.0, StatusCode::UNAUTHORIZED);

    let lawyer = new_client();
    app.sign_in_password(&lawyer, "lawyer").await;
    assert_eq!(
        app.post_with(&lawyer, "account/set-community", json!({ "community_id": houting })).await.0,
        StatusCode::FORBIDDEN
    );

    app.sign_in_resident(&app.client, RESIDENT_PHONE).await;
    let (status, me) = app.post("account/set-community", json!({ "community_id": houting })).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["community_id"], houting);
    let (_, session) = app.post("account/session", json!({})).await;
    assert_eq!(session["me"]["community_id"], houting, "remembered on the account");
}

#[tokio::test]
async fn a_disabled_account_loses_its_sessions() {
    let app = spawn_app().await;
    app.sign_in_password(&app.client, "lawyer").await;
    sqlx::query("UPDATE users SET disabled_at = 1 WHERE login = 'lawyer'")
        .execute(app.store.writer())
        .await
        .expect("disable");
    let (_, session) = app.post("account/session", json!({})).await;
    assert!(session["me"].is_null());
    let (status, _) =
        app.post("auth/sign-in-password", json!({ "login": "lawyer", "password": server::demo::DEMO_PASSWORD })).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
