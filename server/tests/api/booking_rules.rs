use crate::helpers::{new_client, spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn try_book(
    app: &TestApp,
    client: &Client,
    community_id: i64,
    start: Value,
    channel: &str,
    description: &str,
) -> (StatusCode, Value) {
    app.post_with(
        client,
        "booking/book",
        json!({ "community_id": community_id, "slot_start": start, "channel": channel, "topic": "family", "description": description }),
    )
    .await
}

#[tokio::test]
async fn slots_in_the_past_outside_duty_or_beyond_the_window_are_refused_and_nothing_is_booked() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let resident = app.resident("13722220001").await;
    let today = app::time::Instant(server::store::now_ms()).to_shanghai().0;
    let next_monday = (1..=7).map(|n| today.plus_days(n)).find(|d| d.weekday() == 1).expect("a Monday");
    let cases = [
        json!(0),                                             // 1970
        json!(today.plus_days(-1).at_minute(9 * 60).0),       // yesterday
        json!(next_monday.at_minute(13 * 60).0),              // after the morning duty
        json!(next_monday.at_minute(9 * 60 + 10).0),          // not on a slot boundary
        json!(next_monday.plus_days(14).at_minute(9 * 60).0), // beyond the two-week window
        json!(next_monday.plus_days(5).at_minute(9 * 60).0),  // a Saturday
    ];
    for start in cases {
        let (status, body) = try_book(&app, &resident, houting, start.clone(), "in_person", "问题").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{start}: {body}");
        assert_eq!(body["message"], "该时段不可预约");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM bookings").await, 0);
}

#[tokio::test]
async fn a_channel_the_slot_does_not_offer_and_a_missing_description_are_422() {
    let app = spawn_app().await;
    let haiwang = app.community("海旺社区").await;
    let resident = app.resident("13722220002").await;
    let slot = app.free_slots(haiwang).await[0].clone();
    let (status, body) = try_book(&app, &resident, haiwang, slot["start"].clone(), "video", "问题").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["field"], "channel");
    let (status, body) = try_book(&app, &resident, haiwang, slot["start"].clone(), "phone", "   ").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["field"], "description");
    let (status, _) = try_book(&app, &resident, haiwang, slot["start"].clone(), "phone", &"长".repeat(501)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = try_book(&app, &resident, haiwang, slot["start"].clone(), "carrier_pigeon", "问题").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(app.count("SELECT COUNT(*) FROM bookings").await, 0);
}

#[tokio::test]
async fn only_signed_in_residents_book() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let slot = app.free_slots(houting).await[0].clone();
    assert_eq!(
        try_book(&app, &new_client(), houting, slot["start"].clone(), "phone", "问题").await.0,
        StatusCode::UNAUTHORIZED
    );
    let lawyer = app.staff_client("lawyer").await;
    assert_eq!(try_book(&app, &lawyer, houting, slot["start"].clone(), "phone", "问题").await.0, StatusCode::FORBIDDEN);
    let resident = app.resident("13722220003").await;
    assert_eq!(
        try_book(&app, &resident, 999_999, slot["start"].clone(), "phone", "问题").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.post("booking/mine", json!({})).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_resident_holds_at_most_three_live_bookings_and_one_per_slot() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let resident = app.resident("13722220004").await;
    let slots = app.free_slots(houting).await;
    assert_eq!(try_book(&app, &resident, houting, slots[0]["start"].clone(), "phone", "问题").await.0, StatusCode::OK);
    let (status, body) = try_book(&app, &resident, houting, slots[0]["start"].clone(), "phone", "问题").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["message"], "您已预约该时段");
    for slot in &slots[1..3] {
        assert_eq!(try_book(&app, &resident, houting, slot["start"].clone(), "phone", "问题").await.0, StatusCode::OK);
    }
    let (status, body) = try_book(&app, &resident, houting, slots[3]["start"].clone(), "phone", "问题").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["message"], "您的待办预约已达上限");
    assert_eq!(app.count("SELECT COUNT(*) FROM bookings").await, 3);
}

#[tokio::test]
async fn leave_hands_slots_to_the_backup_and_a_day_with_nobody_is_not_offered() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let slot = app.free_slots(houting).await[0].clone();
    let date = app::time::Instant(slot["start"].as_i64().expect("start")).to_shanghai().0.to_string();
    let team: Vec<(i64, String)> = sqlx::query_as(
        "SELECT lawyer_id, role FROM assignments WHERE community_id = $1 AND ends_on IS NULL ORDER BY id",
    )
    .bind(houting)
    .fetch_all(&app.store.pool)
    .await
    .expect("team");
    let staff = app.staff_client("staff").await;
    let a_lawyer = team.iter().find(|(_, r)| r == "a").map(|(id, _)| *id).expect("A");
    let resident = app.resident("13722220005").await;
    let (_, booked) = try_book(&app, &resident, houting, slot["start"].clone(), "phone", "问题").await;

    let (status, leave) = app
        .post_with(
            &staff,
            "desk/leave",
            json!({ "lawyer_id": a_lawyer, "starts_on": date, "ends_on": date, "reason": "出庭" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{leave}");
    assert_eq!(leave["moved_to_backup"], 1, "the booking moves to the B lawyer, it is not dropped");
    let (_, mine) = app.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(mine["upcoming"][0]["status"], booked["status"]);
    assert_ne!(mine["upcoming"][0]["lawyer_name"], booked["lawyer_name"]);
    app.sms_containing("13722220005", "后备律师").await;
    assert!(
        app.free_slots(houting).await.iter().any(|s| s["start"] == slot["start"]),
        "still offered, with the B lawyer"
    );

    for (lawyer, _) in team.iter().filter(|(_, r)| r != "a") {
        let (status, _) = app
            .post_with(&staff, "desk/leave", json!({ "lawyer_id": lawyer, "starts_on": date, "ends_on": date }))
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    let offered: Vec<Value> = app
        .free_slots(houting)
        .await
        .into_iter()
        .filter(|s| app::time::Instant(s["start"].as_i64().unwrap_or(0)).to_shanghai().0.to_string() == date)
        .collect();
    assert_eq!(offered, Vec::<Value>::new(), "everyone is away: nothing to book that day");
    let other = app.resident("13722220006").await;
    assert_eq!(
        try_book(&app, &other, houting, slot["start"].clone(), "phone", "问题").await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn a_lawyer_records_only_their_own_leave() {
    let app = spawn_app().await;
    let lawyer = app.staff_client("lawyer").await;
    let other: i64 =
        sqlx::query_scalar("SELECT l.id FROM lawyers l JOIN users u ON u.id = l.user_id WHERE u.login = 'lawyer01'")
            .fetch_one(&app.store.pool)
            .await
            .expect("lawyer01");
    let today = app::time::Instant(server::store::now_ms()).to_shanghai().0.to_string();
    let (status, _) =
        app.post_with(&lawyer, "desk/leave", json!({ "lawyer_id": other, "starts_on": today, "ends_on": today })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .post_with(&lawyer, "desk/leave", json!({ "lawyer_id": other, "starts_on": "2026-13-01", "ends_on": today }))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a foreign lawyer is not found before the dates are read");
    assert_eq!(app.count("SELECT COUNT(*) FROM leaves").await, 0);
}

#[tokio::test]
async fn reminders_go_out_once_the_day_before_and_once_two_hours_before() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let resident = app.resident("13722220007").await;
    let slot = app.free_slots(houting).await[0].clone();
    try_book(&app, &resident, houting, slot["start"].clone(), "in_person", "问题").await;
    let start = slot["start"].as_i64().expect("start");
    assert_eq!(server::booking::reminders::queue_due(&app.store, start - 23 * 3_600_000).await.expect("pass"), 1);
    assert_eq!(server::booking::reminders::queue_due(&app.store, start - 22 * 3_600_000).await.expect("pass"), 0);
    assert_eq!(server::booking::reminders::queue_due(&app.store, start - 3_600_000).await.expect("pass"), 1);
    assert_eq!(server::booking::reminders::queue_due(&app.store, start - 1_800_000).await.expect("pass"), 0);
    let reminders: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE recipient = '13722220007' AND body LIKE '%提醒%'")
            .fetch_one(&app.store.pool)
            .await
            .expect("count");
    assert_eq!(reminders, 2);
}
