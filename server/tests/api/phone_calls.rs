//! A phone consultation connects: the lawyer who will see the resident (or their assistant) gets
//! the resident's full number from 15 minutes before the start to the end, each time recorded in
//! the audit log; nobody else, and not at other times.

use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::json;

/// A live phone booking at 后亭社区 by a new resident, moved to start `minutes` from now.
async fn phone_booking(app: &TestApp, phone: &str, minutes: i64) -> i64 {
    app.confirmed_booking(&app.resident(phone).await, "phone", minutes).await
}

#[tokio::test]
async fn the_lawyer_calls_within_the_window_and_each_reveal_is_recorded() {
    let app = spawn_app().await;
    let soon = phone_booking(&app, "13755550001", 10).await;
    let later = phone_booking(&app, "13755550002", 60 * 24).await;
    let lawyer = app.staff_client("lawyer").await;

    let (_, desk) = app.post_with(&lawyer, "desk/bookings", json!({})).await;
    let row = |id: i64| desk.as_array().expect("desk").iter().find(|b| b["booking"]["id"] == id).cloned().expect("row");
    assert_eq!(
        (row(soon)["can_call"].clone(), row(soon)["resident_phone"].clone()),
        (json!(true), json!("137****0001"))
    );
    assert_eq!(row(later)["can_call"], false);

    let (status, number) = app.post_with(&lawyer, "desk/call", json!({ "booking_id": soon })).await;
    assert_eq!((status, number["phone"].as_str()), (StatusCode::OK, Some("13755550001")));
    let (status, _) = app.post_with(&lawyer, "desk/call", json!({ "booking_id": later })).await;
    assert_eq!(status, StatusCode::CONFLICT, "a day before: not yet");
    let audited = app
        .count(&format!(
            "SELECT COUNT(*) FROM audit_events WHERE action = 'phone_reveal' AND subject = 'booking:{soon}'"
        ))
        .await;
    assert_eq!(audited, 1);

    // Another lawyer, staff and residents do not get it.
    let other = app.staff_client("lawyer01").await;
    assert_eq!(app.post_with(&other, "desk/call", json!({ "booking_id": soon })).await.0, StatusCode::NOT_FOUND);
    let staff = app.staff_client("staff").await;
    assert_eq!(app.post_with(&staff, "desk/call", json!({ "booking_id": soon })).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post_with(&lawyer, "desk/call", json!({ "booking_id": 999_999 })).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'phone_reveal'").await, 1);
}

#[tokio::test]
async fn after_the_end_or_once_cancelled_the_number_is_not_given() {
    let app = spawn_app().await;
    let ended = phone_booking(&app, "13755550003", -45).await;
    let cancelled = phone_booking(&app, "13755550004", 5).await;
    sqlx::query("UPDATE bookings SET status = 'cancelled' WHERE id = $1")
        .bind(cancelled)
        .execute(app.store.writer())
        .await
        .expect("cancel");
    let lawyer = app.staff_client("lawyer").await;
    for id in [ended, cancelled] {
        assert_eq!(app.post_with(&lawyer, "desk/call", json!({ "booking_id": id })).await.0, StatusCode::CONFLICT);
    }
}
