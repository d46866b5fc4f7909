//! A day closed for a whole street, and the bookings it leaves without a desk settled by staff:
//! handed to the stand-in or cancelled with a message, all or none.

use crate::helpers::{spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A booking at `community_id` by a new resident: its id and start.
async fn booked(app: &TestApp, community_id: i64, phone: &str, nth: usize) -> (i64, i64) {
    let resident = app.resident(phone).await;
    let slot = app.free_slots(community_id).await[nth].clone();
    let (status, body) = app
        .post_with(
            &resident,
            "booking/book",
            json!({ "community_id": community_id, "slot_start": slot["start"], "channel": "in_person", "topic": "labour", "description": "欠薪" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (body["id"].as_i64().expect("id"), slot["start"].as_i64().expect("start"))
}

fn day_of(start: i64) -> String {
    app::time::Instant(start).to_shanghai().0.to_string()
}

async fn close(app: &TestApp, client: &Client, street_id: i64, date: &str) -> (StatusCode, Value) {
    app.post_with(client, "staff/close-street", json!({ "street_id": street_id, "date": date, "note": "停电" })).await
}

async fn settle(
    app: &TestApp,
    client: &Client,
    community_id: i64,
    ids: Value,
    action: &str,
    reason: &str,
) -> (StatusCode, Value) {
    let body = json!({ "community_id": community_id, "booking_ids": ids, "action": action, "reason": reason });
    app.post_with(client, "desk/settle-bookings", body).await
}

async fn status_of(app: &TestApp, booking_id: i64) -> (String, i64) {
    sqlx::query_as("SELECT status, lawyer_id FROM bookings WHERE id = $1")
        .bind(booking_id)
        .fetch_one(&app.store.pool)
        .await
        .expect("booking")
}

#[tokio::test]
async fn a_street_closed_for_a_day_lists_its_bookings_and_offers_nothing_that_day() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let shajing = app.street("沙井街道").await;
    let (_, start) = booked(&app, houting, "13788880001", 0).await;
    let day = day_of(start);
    let street_staff = app.staff_client("shajing").await;

    let other: i64 = sqlx::query_scalar("SELECT id FROM streets WHERE id <> $1 ORDER BY id LIMIT 1")
        .bind(shajing)
        .fetch_one(&app.store.pool)
        .await
        .expect("another street");
    let before = app.count("SELECT COUNT(*) FROM duty_exceptions").await;
    assert_eq!(close(&app, &street_staff, other, &day).await.0, StatusCode::FORBIDDEN);
    assert_eq!(close(&app, &street_staff, 999_999, &day).await.0, StatusCode::NOT_FOUND);
    assert_eq!(close(&app, &street_staff, shajing, "2020-01-01").await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(close(&app, &street_staff, shajing, "2026-02-30").await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let long = json!({ "street_id": shajing, "date": day, "note": "停".repeat(201) });
    assert_eq!(app.post_with(&street_staff, "staff/close-street", long).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT COUNT(*) FROM duty_exceptions").await, before, "nothing written");

    let communities = app.count(&format!("SELECT COUNT(*) FROM communities WHERE street_id = {shajing}")).await;
    let (status, closed) = close(&app, &street_staff, shajing, &day).await;
    assert_eq!(status, StatusCode::OK, "{closed}");
    assert_eq!(closed["closed"], communities);
    assert_eq!(
        closed["bookings"],
        json!([{ "community_id": houting, "community_name": "后亭社区", "live_bookings": 1 }])
    );
    let (_, again) = close(&app, &street_staff, shajing, &day).await;
    assert_eq!(again["closed"], 0, "closed once");

    let offered = app.free_slots(houting).await;
    assert!(offered.iter().all(|s| day_of(s["start"].as_i64().unwrap_or(0)) != day), "nothing that day");
    let (_, plan) = app.post_with(&street_staff, "desk/duty-plan", json!({ "community_id": houting })).await;
    assert_eq!(plan["uncovered"].as_array().map(Vec::len), Some(1), "{plan}");
}

#[tokio::test]
async fn uncovered_bookings_are_handed_to_the_stand_in_or_cancelled_with_a_message() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let shajing = app.street("沙井街道").await;
    let staff = app.staff_client("shajing").await;
    let (first, start) = booked(&app, houting, "13788880002", 0).await;
    let (second, _) = booked(&app, houting, "13788880003", 0).await;
    close(&app, &staff, shajing, &day_of(start)).await;
    let (live, lawyer) = status_of(&app, first).await;

    let (status, report) = settle(&app, &staff, houting, json!([first]), "hand_over", "").await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report, json!({ "handed_over": 1, "cancelled": 0 }));
    let (state, now_with) = status_of(&app, first).await;
    assert_eq!(state, live, "still live");
    assert_ne!(now_with, lawyer, "the B lawyer or a coordinator has it");
    app.sms_containing("13788880002", "另一位法律顾问").await;

    let (status, body) = settle(&app, &staff, houting, json!([second]), "cancel", "  ").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a cancellation says why: {body}");
    assert_eq!(status_of(&app, second).await.0, live);
    let (status, report) = settle(&app, &staff, houting, json!([second, second]), "cancel", "街道停电").await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["cancelled"], 1, "the same booking twice is settled once");
    assert_eq!(status_of(&app, second).await.0, "cancelled");
    app.sms_containing("13788880003", "街道停电").await;
    let (status, _) = settle(&app, &staff, houting, json!([second]), "cancel", "再取消").await;
    assert_eq!(status, StatusCode::CONFLICT, "cancelled already");
    let waiting = app.count("SELECT COUNT(*) FROM waitlist WHERE offered_at IS NOT NULL").await;
    assert_eq!(waiting, 0, "a slot that no longer runs is offered to nobody");
}

#[tokio::test]
async fn settling_is_all_or_nothing_and_only_at_the_communitys_own_desk() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let district = app.staff_client("staff").await;
    let (mine, _) = booked(&app, houting, "13788880004", 0).await;
    let foreign: i64 = sqlx::query_scalar(
        "SELECT c.id FROM communities c WHERE c.id <> $1 AND EXISTS (SELECT 1 FROM duty_schedules d WHERE d.community_id = c.id) \
         ORDER BY c.id LIMIT 1",
    )
    .bind(houting)
    .fetch_one(&app.store.pool)
    .await
    .expect("another community with duty");
    let (theirs, _) = booked(&app, foreign, "13788880005", 0).await;
    let (mine_live, theirs_live) = (status_of(&app, mine).await.0, status_of(&app, theirs).await.0);

    // Another community's booking among them: not found, and the own one untouched.
    let (status, _) = settle(&app, &district, houting, json!([mine, theirs]), "cancel", "闭馆").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = settle(&app, &district, houting, json!([mine, 999_999]), "cancel", "闭馆").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&app, mine).await.0, mine_live);
    assert_eq!(status_of(&app, theirs).await.0, theirs_live);

    let (status, body) = settle(&app, &district, houting, json!([]), "cancel", "闭馆").await;
    assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("booking_ids")));
    let many: Vec<i64> = (1..=501).collect();
    let (status, _) = settle(&app, &district, houting, json!(many), "cancel", "闭馆").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = settle(&app, &district, houting, json!([mine]), "delete", "闭馆").await;
    assert!(status.is_client_error() && status != StatusCode::FORBIDDEN);

    // A lawyer settles only at a desk they serve.
    let lawyer = app.staff_client("lawyer").await;
    let (status, _) = settle(&app, &lawyer, foreign, json!([theirs]), "cancel", "闭馆").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&app, theirs).await.0, theirs_live);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'bookings_settle'").await, 0);
}
