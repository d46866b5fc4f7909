//! A lawyer leaves the programme: assignments and duty end after their last day, their bookings
//! after it are handed over or cancelled in one transaction, and they get no new work.

use crate::helpers::{spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

fn today() -> app::time::LocalDate {
    app::time::Instant(server::store::now_ms()).to_shanghai().0
}

/// A booking at 后亭社区 after today by a new resident: its id and lawyer.
async fn booked_later(app: &TestApp, phone: &str) -> (i64, i64) {
    let houting = app.community("后亭社区").await;
    let tomorrow = today().plus_days(1).start().0;
    let slot =
        app.free_slots(houting).await.into_iter().find(|s| s["start"].as_i64() >= Some(tomorrow)).expect("a slot");
    let resident = app.resident(phone).await;
    let body = json!({ "community_id": houting, "slot_start": slot["start"], "channel": "in_person", "topic": "labour", "description": "工伤" });
    let (status, booking) = app.post_with(&resident, "booking/book", body).await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    let id = booking["id"].as_i64().expect("id");
    let lawyer: i64 = sqlx::query_scalar("SELECT lawyer_id FROM bookings WHERE id = $1")
        .bind(id)
        .fetch_one(&app.store.pool)
        .await
        .expect("lawyer");
    (id, lawyer)
}

async fn retire(
    app: &TestApp,
    client: &Client,
    lawyer: i64,
    last_day: &str,
    bookings: &str,
    reason: &str,
) -> (StatusCode, Value) {
    let body = json!({ "lawyer_id": lawyer, "last_day": last_day, "bookings": bookings, "reason": reason });
    app.post_with(client, "staff/retire-lawyer", body).await
}

async fn booking_row(app: &TestApp, id: i64) -> (String, i64) {
    sqlx::query_as("SELECT status, lawyer_id FROM bookings WHERE id = $1")
        .bind(id)
        .fetch_one(&app.store.pool)
        .await
        .expect("row")
}

async fn open_work(app: &TestApp, lawyer: i64) -> i64 {
    app.count(&format!(
        "SELECT (SELECT COUNT(*) FROM assignments WHERE lawyer_id = {lawyer} AND ends_on IS NULL) \
         + (SELECT COUNT(*) FROM duty_schedules WHERE lawyer_id = {lawyer} AND valid_until IS NULL)"
    ))
    .await
}

#[tokio::test]
async fn a_lawyer_who_leaves_hands_their_bookings_to_the_stand_in_and_gets_no_new_work() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let (booking, lawyer) = booked_later(&app, "13799990001").await;
    let (live, _) = booking_row(&app, booking).await;
    assert!(open_work(&app, lawyer).await > 0);

    let (status, retired) = retire(&app, &staff, lawyer, &today().to_string(), "hand_over", "").await;
    assert_eq!(status, StatusCode::OK, "{retired}");
    assert_eq!(retired["settled"]["handed_over"], 1);
    assert!(retired["assignments"].as_u64() > Some(0) && retired["periods"].as_u64() > Some(0), "{retired}");
    let (state, with) = booking_row(&app, booking).await;
    assert_eq!(state, live);
    assert_ne!(with, lawyer);
    app.sms_containing("13799990001", "另一位法律顾问").await;
    assert_eq!(open_work(&app, lawyer).await, 0, "assignments and duty end on the last day");

    let (_, register) = app.post_with(&staff, "staff/lawyers", json!({ "text": "" })).await;
    let listed = register["lawyers"].as_array().expect("lawyers").iter().find(|l| l["id"] == lawyer).cloned();
    assert_eq!(listed.map(|l| l["last_day"].clone()), Some(json!(today().to_string())));

    let (status, _) = retire(&app, &staff, lawyer, &today().to_string(), "hand_over", "").await;
    assert_eq!(status, StatusCode::CONFLICT, "once");
    let houting = app.community("后亭社区").await;
    let assign = json!({ "community_id": houting, "role": "b", "lawyer_id": lawyer, "starts_on": today().plus_days(2).to_string() });
    let (status, body) = app.post_with(&staff, "staff/assign", assign).await;
    assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("lawyer_id")));
    let audited = app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'lawyer_retire'").await;
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn bad_retirements_change_nothing_and_a_hand_over_to_nobody_is_refused_whole() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let (booking, lawyer) = booked_later(&app, "13799990002").await;
    let before = (open_work(&app, lawyer).await, booking_row(&app, booking).await);
    let today = today().to_string();
    let cases = [
        (999_999, today.as_str(), "hand_over", "", StatusCode::NOT_FOUND),
        (lawyer, "2020-01-01", "hand_over", "", StatusCode::UNPROCESSABLE_ENTITY),
        (lawyer, "2026-02-30", "hand_over", "", StatusCode::UNPROCESSABLE_ENTITY),
        (lawyer, today.as_str(), "cancel", "   ", StatusCode::UNPROCESSABLE_ENTITY),
        (lawyer, today.as_str(), "cancel", &"因".repeat(201), StatusCode::UNPROCESSABLE_ENTITY),
    ];
    for (who, last_day, action, reason, expected) in cases {
        let (status, body) = retire(&app, &staff, who, last_day, action, reason).await;
        assert_eq!(status, expected, "{last_day} {action}: {body}");
    }
    let street = app.staff_client("shajing").await;
    assert_eq!(retire(&app, &street, lawyer, &today, "hand_over", "").await.0, StatusCode::FORBIDDEN);

    // With nobody to stand in, the hand-over fails and nothing is changed, not even the mark.
    sqlx::query("UPDATE assignments SET ends_on = '2000-01-01', starts_on = '2000-01-01' WHERE lawyer_id <> $1")
        .bind(lawyer)
        .execute(app.store.writer())
        .await
        .expect("no backups");
    let (status, body) = retire(&app, &staff, lawyer, &today, "hand_over", "").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!((open_work(&app, lawyer).await, booking_row(&app, booking).await), before);
    let marked = app.count(&format!("SELECT COUNT(*) FROM lawyers WHERE id = {lawyer} AND last_day IS NOT NULL")).await;
    assert_eq!(marked, 0);

    // Cancelling instead tells the resident why.
    let (status, retired) = retire(&app, &staff, lawyer, &today, "cancel", "律师调离").await;
    assert_eq!(status, StatusCode::OK, "{retired}");
    assert_eq!(retired["settled"]["cancelled"], 1);
    assert_eq!(booking_row(&app, booking).await.0, "cancelled");
    app.sms_containing("13799990002", "律师调离").await;
}
