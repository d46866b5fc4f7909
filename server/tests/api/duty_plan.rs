//! Staff plan a community's duty: periods with the days they apply, a preview of four weeks
//! before saving, overlaps refused for the community and for the lawyer anywhere, and a period
//! ended from a day on with the past kept and the bookings it uncovers listed.

use crate::helpers::{spawn_app, TestApp};
use app::time::{Instant, LocalDate};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn today() -> LocalDate {
    Instant(server::store::now_ms()).to_shanghai().0
}

async fn a_lawyer(app: &TestApp, community: i64) -> i64 {
    sqlx::query_scalar("SELECT lawyer_id FROM assignments WHERE community_id = $1 AND role = 'a' AND ends_on IS NULL")
        .bind(community)
        .fetch_one(&app.store.pool)
        .await
        .expect("A lawyer")
}

fn saturday_evening(lawyer: i64) -> Value {
    json!({ "lawyer_id": lawyer, "weekday": 6, "start": "18:00", "end": "19:00", "slot_minutes": 30, "seats": 2, "channels": ["in_person"], "instant": true })
}

#[tokio::test]
async fn a_preview_shows_four_weeks_and_saves_nothing_then_the_period_applies_from_its_day() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let houting = app.community("后亭社区").await;
    let lawyer = a_lawyer(&app, houting).await;
    let (status, plan) = app.post_with(&staff, "desk/duty-plan", json!({ "community_id": houting })).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    let periods = plan["periods"].as_array().expect("periods").len();
    assert!(periods > 0 && plan["periods"][0]["lawyer_name"].as_str().is_some_and(|n| !n.is_empty()), "{plan}");

    let stored = app.count("SELECT COUNT(*) FROM duty_schedules").await;
    let request = json!({ "community_id": houting, "period": saturday_evening(lawyer) });
    let (status, preview) = app.post_with(&staff, "desk/preview-duty", request.clone()).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    let saturdays: Vec<&Value> =
        preview["days"].as_array().expect("days").iter().filter(|d| d["weekday"] == 6).collect();
    assert!((3..=4).contains(&saturdays.len()), "four weeks of Saturdays: {preview}");
    assert_eq!(saturdays[0]["slots"], json!(["18:00–18:30 ×2", "18:30–19:00 ×2"]));
    assert!(preview["days"].as_array().expect("days").iter().any(|d| d["weekday"] == 1), "the weekday mornings too");
    assert_eq!(app.count("SELECT COUNT(*) FROM duty_schedules").await, stored, "a preview saves nothing");

    // Saved from the Saturday after next: the plan says so, and the days before stay as they were.
    let mut from = today().plus_days(8);
    while from.weekday() != 6 {
        from = from.plus_days(1);
    }
    let mut request = request;
    request["valid_from"] = json!(from.to_string());
    let (status, _) = app.post_with(&staff, "desk/add-duty", request).await;
    assert_eq!(status, StatusCode::OK);
    let (_, plan) = app.post_with(&staff, "desk/duty-plan", json!({ "community_id": houting })).await;
    let added =
        plan["periods"].as_array().expect("periods").iter().find(|p| p["period"]["weekday"] == 6).expect("added");
    assert_eq!(added["valid_from"], from.to_string());
    let (_, availability) = app.post("booking/availability", json!({ "community_id": houting })).await;
    let days: Vec<&str> =
        availability["days"].as_array().expect("days").iter().filter_map(|d| d["date"].as_str()).collect();
    assert!(!days.iter().any(|d| LocalDate::parse(d).is_some_and(|d| d.weekday() == 6 && d < from)), "{days:?}");
}

#[tokio::test]
async fn overlaps_bad_dates_and_bad_periods_are_refused_and_nothing_is_saved() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let houting = app.community("后亭社区").await;
    let lawyer = a_lawyer(&app, houting).await;
    let stored = app.count("SELECT COUNT(*) FROM duty_schedules").await;
    let plan = app.post_with(&staff, "desk/duty-plan", json!({ "community_id": houting })).await.1;
    let existing = plan["periods"][0]["period"].clone();
    let other: i64 = sqlx::query_scalar(
        "SELECT community_id FROM assignments WHERE lawyer_id = $1 AND community_id <> $2 AND ends_on IS NULL",
    )
    .bind(lawyer)
    .bind(houting)
    .fetch_optional(&app.store.pool)
    .await
    .expect("query")
    .unwrap_or(houting);
    let at = |period: Value, from: Option<&str>, until: Option<&str>| json!({ "community_id": houting, "period": period, "valid_from": from, "valid_until": until });
    let mut zero_seats = saturday_evening(lawyer);
    zero_seats["seats"] = json!(0);
    let mut ends_first = saturday_evening(lawyer);
    ends_first["end"] = json!("17:00");
    let yesterday = today().plus_days(-1).to_string();
    let soon = today().plus_days(3).to_string();
    let sooner = today().plus_days(2).to_string();
    for (body, status, field) in [
        (at(existing.clone(), None, None), StatusCode::CONFLICT, None),
        (at(saturday_evening(lawyer), Some(&yesterday), None), StatusCode::UNPROCESSABLE_ENTITY, Some("valid_from")),
        (
            at(saturday_evening(lawyer), Some(&soon), Some(&sooner)),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("valid_from"),
        ),
        (at(saturday_evening(lawyer), Some("2026-13-01"), None), StatusCode::UNPROCESSABLE_ENTITY, Some("valid_from")),
        (at(zero_seats, None, None), StatusCode::UNPROCESSABLE_ENTITY, Some("period")),
        (at(ends_first, None, None), StatusCode::UNPROCESSABLE_ENTITY, Some("period")),
    ] {
        for path in ["desk/preview-duty", "desk/add-duty"] {
            let (got, answer) = app.post_with(&staff, path, body.clone()).await;
            assert_eq!((got, answer["field"].as_str()), (status, field), "{path} {body}: {answer}");
        }
    }
    // The same lawyer at the same time at another community they serve.
    if other != houting {
        let mut there = existing.clone();
        there["id"] = json!(0);
        let body = json!({ "community_id": other, "period": there });
        assert_eq!(app.post_with(&staff, "desk/add-duty", body).await.0, StatusCode::CONFLICT);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM duty_schedules").await, stored);
}

#[tokio::test]
async fn ending_a_period_keeps_the_past_and_lists_the_bookings_it_uncovers() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let houting = app.community("后亭社区").await;
    let slot = app.free_slots(houting).await.into_iter().last().expect("a slot");
    let start = slot["start"].as_i64().expect("start");
    let resident = app.resident("13711113001").await;
    let body = json!({ "community_id": houting, "slot_start": start, "channel": "in_person", "topic": "labour", "description": "工资" });
    let (status, booking) = app.post_with(&resident, "booking/book", body).await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    let (date, minute) = Instant(start).to_shanghai();
    let plan = app.post_with(&staff, "desk/duty-plan", json!({ "community_id": houting })).await.1;
    let period = plan["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .find(|p| {
            let start = app::time::parse_hh_mm(p["period"]["start"].as_str().unwrap_or("")).unwrap_or(9999);
            let end = app::time::parse_hh_mm(p["period"]["end"].as_str().unwrap_or("")).unwrap_or(0);
            p["period"]["weekday"] == date.weekday() && start <= minute && minute < end
        })
        .expect("the booking's period")["period"]["id"]
        .clone();

    let end = |last: String| json!({ "community_id": houting, "period_id": period, "last_day": last });
    let (status, answer) = app.post_with(&staff, "desk/end-duty", end(today().plus_days(-2).to_string())).await;
    assert_eq!(
        (status, answer["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("last_day")),
        "the past is kept"
    );
    let shajing = app.community("西乡社区").await;
    let foreign = json!({ "community_id": shajing, "period_id": period, "last_day": today().to_string() });
    assert_eq!(
        app.post_with(&staff, "desk/end-duty", foreign).await.1["field"],
        "period_id",
        "another community's period"
    );

    let (status, plan) = app.post_with(&staff, "desk/end-duty", end(today().to_string())).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["uncovered"][0]["code"], booking["code"], "{plan}");
    let until: Option<String> = sqlx::query_scalar("SELECT valid_until FROM duty_schedules WHERE id = $1")
        .bind(period.as_i64())
        .fetch_one(&app.store.pool)
        .await
        .expect("row");
    assert_eq!(until, Some(today().to_string()));
    let (status, _) = app.post_with(&staff, "desk/end-duty", end(today().to_string())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "already ended by then");
}
