//! Staff correct a community's office and monthly quota: the board holds duty-days against the
//! new quota, the change is in the audit log, and bad values are refused with nothing written.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn staff_correct_a_communitys_office_and_quota_and_the_board_follows() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let staff = app.staff_client("staff").await;
    let edit = json!({
        "community_id": houting,
        "office_address": "  沙井街道后亭社区党群服务中心二楼  ",
        "latitude": 22.7361,
        "longitude": 113.8312,
        "duty_days_per_month": 12
    });
    let (status, answer) = app.post_with(&staff, "staff/community", edit).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["office_address"], "沙井街道后亭社区党群服务中心二楼", "trimmed");
    assert_eq!((answer["latitude"].as_f64(), answer["duty_days_per_month"].as_i64()), (Some(22.7361), Some(12)));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'community_change'").await, 1);

    let (_, board) = app.post_with(&staff, "staff/board", json!({ "from": "2025-10-01", "to": "2025-10-31" })).await;
    let line =
        board["communities"].as_array().expect("lines").iter().find(|c| c["id"] == houting).expect("line").clone();
    assert_eq!((line["per_month"].as_i64(), line["figures"]["quota"].as_i64()), (Some(12), Some(12)));

    // Clearing the position is allowed: both at once.
    let clear = json!({ "community_id": houting, "office_address": "后亭社区", "latitude": null, "longitude": null, "duty_days_per_month": 8 });
    let (status, answer) = app.post_with(&staff, "staff/community", clear).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(answer["latitude"].is_null() && answer["longitude"].is_null());
}

#[tokio::test]
async fn bad_office_and_quota_values_are_refused_with_nothing_written() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let staff = app.staff_client("staff").await;
    let before: (String, i64) =
        sqlx::query_as("SELECT office_address, duty_days_per_month FROM communities WHERE id = $1")
            .bind(houting)
            .fetch_one(&app.store.pool)
            .await
            .expect("community");
    let good = json!({ "community_id": houting, "office_address": "后亭社区", "latitude": 22.7, "longitude": 113.8, "duty_days_per_month": 8 });
    let with = |key: &str, value: serde_json::Value| {
        let mut body = good.clone();
        body[key] = value;
        body
    };
    for (body, field) in [
        (with("office_address", json!("   ")), "office_address"),
        (with("office_address", json!("路".repeat(201))), "office_address"),
        (with("latitude", json!(null)), "latitude"),
        (with("latitude", json!(113.8)), "latitude"),
        (with("longitude", json!(-122.4)), "latitude"),
        (with("duty_days_per_month", json!(0)), "duty_days_per_month"),
        (with("duty_days_per_month", json!(32)), "duty_days_per_month"),
    ] {
        let (status, answer) = app.post_with(&staff, "staff/community", body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body} → {answer}");
        assert_eq!(answer["field"], field, "{body}");
        assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let (status, _) = app.post_with(&staff, "staff/community", with("community_id", json!(999_999))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.post_with(&staff, "staff/community", with("duty_days_per_month", json!("eight"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let after: (String, i64) =
        sqlx::query_as("SELECT office_address, duty_days_per_month FROM communities WHERE id = $1")
            .bind(houting)
            .fetch_one(&app.store.pool)
            .await
            .expect("community");
    assert_eq!(after, before, "nothing written");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'community_change'").await, 0);
}
