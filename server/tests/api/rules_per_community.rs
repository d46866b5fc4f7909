//! Booking rules set by staff for the district and per community: who may set which, bounds
//! named by field with nothing saved, and bookings, cut-offs and reminders that follow them.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::rules;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn save(app: &TestApp, client: &Client, community_id: Option<i64>, rules: Value) -> (StatusCode, Value) {
    app.post_with(client, "staff/save-booking-rules", json!({ "community_id": community_id, "rules": rules })).await
}

fn with(field: &str, value: Value) -> Value {
    let mut rules = rules();
    rules[field] = value;
    rules
}

/// The days availability offers at `community_id`.
async fn days_offered(app: &TestApp, community_id: i64) -> Vec<String> {
    let (_, availability) = app.post("booking/availability", json!({ "community_id": community_id })).await;
    availability["days"].as_array().expect("days").iter().map(|d| d["date"].as_str().unwrap_or("").to_owned()).collect()
}

async fn other_street_community(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.name <> '沙井街道' ORDER BY c.id LIMIT 1",
    )
    .fetch_one(&app.store.pool)
    .await
    .expect("a community of another street")
}

#[tokio::test]
async fn the_district_sets_everyones_rules_and_a_street_only_its_own_communities() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let foreign = other_street_community(&app).await;
    let (district, shajing) = (app.staff_client("staff").await, app.staff_client("shajing").await);

    let (status, body) = save(&app, &shajing, None, with("window_days", json!(7))).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, _) = save(&app, &shajing, Some(foreign), with("window_days", json!(7))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = save(&app, &shajing, Some(999_999), with("window_days", json!(7))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM booking_rules").await, 0);

    let (status, view) = save(&app, &shajing, Some(houting), with("window_days", json!(7))).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["district_set"], false);
    assert_eq!(view["communities"][0]["community_id"], houting);
    let (status, view) = save(&app, &district, None, with("window_days", json!(5))).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["district"]["window_days"], 5);
    let (status, view) = save(&app, &district, Some(foreign), with("window_days", json!(9))).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["communities"].as_array().map(Vec::len), Some(2));

    // A street's staff see their street's communities only; the district's rules are everyone's.
    let (_, theirs) = app.post_with(&shajing, "staff/booking-rules", json!({})).await;
    assert_eq!(theirs["communities"].as_array().map(Vec::len), Some(1));
    assert_eq!(theirs["district"]["window_days"], 5);
    let (status, _) = app.post_with(&shajing, "staff/clear-booking-rules", json!({ "community_id": foreign })).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let audited = app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'booking_rules_save'").await;
    assert_eq!(audited, 3);
}

#[tokio::test]
async fn a_rule_out_of_bounds_names_its_field_and_nothing_changes() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let district = app.staff_client("staff").await;
    let cases = [
        ("min_notice_minutes", json!(-1)),
        ("min_notice_minutes", json!(10_081)),
        ("window_days", json!(0)),
        ("window_days", json!(91)),
        ("max_live_bookings", json!(0)),
        ("max_live_bookings", json!(i64::MAX)),
        ("change_cutoff_minutes", json!(i64::MIN)),
        ("first_reminder_minutes", json!(99_999)),
        ("second_reminder_minutes", json!(1_440)),
        ("second_reminder_minutes", json!(1_440 + 1)),
    ];
    for (field, value) in cases {
        let (status, body) = save(&app, &district, Some(houting), with(field, value.clone())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}={value}: {body}");
        assert_eq!(body["field"], field, "{body}");
    }
    // Other spellings of a number: a string, a fraction, a missing rule.
    for rules in [with("window_days", json!("14")), with("window_days", json!(1.5)), json!({ "window_days": 14 })] {
        let (status, _) = save(&app, &district, Some(houting), rules).await;
        assert!(status.is_client_error() && status != StatusCode::FORBIDDEN, "{status}");
    }
    let (status, _) = app.post_with(&district, "staff/clear-booking-rules", json!({ "community_id": houting })).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a community without rules of its own");
    assert_eq!(app.count("SELECT COUNT(*) FROM booking_rules").await, 0);
}

#[tokio::test]
async fn a_communitys_own_window_and_cap_replace_the_districts_until_cleared() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let district = app.staff_client("staff").await;
    let before = days_offered(&app, houting).await;
    assert!(before.len() > 3, "{before:?}");

    let (status, _) = save(&app, &district, None, with("window_days", json!(3))).await;
    assert_eq!(status, StatusCode::OK);
    let today = app::time::Instant(server::store::now_ms()).to_shanghai().0;
    let last = today.plus_days(2).to_string();
    assert!(days_offered(&app, houting).await.iter().all(|d| *d <= last), "the district's window applies");

    let mut own = with("window_days", json!(30));
    own["max_live_bookings"] = json!(1);
    let (status, _) = save(&app, &district, Some(houting), own).await;
    assert_eq!(status, StatusCode::OK);
    let offered = days_offered(&app, houting).await;
    let far = today.plus_days(20).to_string();
    assert!(offered.iter().any(|d| *d > far), "the community's 30 days: {offered:?}");

    // One live booking each at this community.
    let resident = app.resident("13766660001").await;
    let slots = app.free_slots(houting).await;
    let book = |slot: &Value| json!({ "community_id": houting, "slot_start": slot["start"], "channel": "in_person", "topic": "family", "description": "离婚" });
    let (status, body) = app.post_with(&resident, "booking/book", book(&slots[0])).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app.post_with(&resident, "booking/book", book(&slots[1])).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    let (status, _) = app.post_with(&district, "staff/clear-booking-rules", json!({ "community_id": houting })).await;
    assert_eq!(status, StatusCode::OK);
    assert!(days_offered(&app, houting).await.iter().all(|d| *d <= last), "back to the district's window");
}

#[tokio::test]
async fn notice_cut_off_and_reminders_follow_the_communitys_rules() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let district = app.staff_client("staff").await;
    let mut own = with("change_cutoff_minutes", json!(0));
    own["first_reminder_minutes"] = json!(0);
    own["second_reminder_minutes"] = json!(30);
    let (status, _) = save(&app, &district, Some(houting), own).await;
    assert_eq!(status, StatusCode::OK);

    let resident = app.resident("13766660002").await;
    let slot = app.free_slots(houting).await[0].clone();
    let (status, booking) = app
        .post_with(
            &resident,
            "booking/book",
            json!({ "community_id": houting, "slot_start": slot["start"], "channel": "in_person", "topic": "family", "description": "继承" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    // Twenty minutes before the start it can still be moved: no cut-off here.
    let soon = server::store::now_ms() + 20 * 60_000;
    app.move_booking(booking["id"].as_i64().expect("id"), soon).await;
    let (_, mine) = app.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(mine["upcoming"][0]["changeable"], true, "{mine}");

    // No first reminder; the second only within its 30 minutes.
    let start = soon;
    let reminders = server::booking::reminders::queue_due;
    assert_eq!(reminders(&app.store, start - 23 * 3_600_000).await.expect("pass"), 0);
    assert_eq!(reminders(&app.store, start - 31 * 60_000).await.expect("pass"), 0);
    assert_eq!(reminders(&app.store, start - 29 * 60_000).await.expect("pass"), 1);
    assert_eq!(reminders(&app.store, start - 60_000).await.expect("pass"), 0);
}

#[tokio::test]
async fn a_community_that_asks_a_weeks_notice_offers_nothing_sooner() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let district = app.staff_client("staff").await;
    let week = 7 * 86_400_000;
    let starts = |slots: Vec<Value>| slots.iter().filter_map(|s| s["start"].as_i64()).collect::<Vec<_>>();
    let now = server::store::now_ms();
    assert!(starts(app.free_slots(houting).await).iter().any(|s| *s < now + week));
    let (status, _) = save(&app, &district, Some(houting), with("min_notice_minutes", json!(7 * 24 * 60))).await;
    assert_eq!(status, StatusCode::OK);
    let later = starts(app.free_slots(houting).await);
    assert!(!later.is_empty() && later.iter().all(|s| *s >= now + week), "{later:?}");
}
