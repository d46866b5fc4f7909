use crate::helpers::{spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn book(app: &TestApp, client: &Client, community_id: i64, slot: &Value, channel: &str) -> (StatusCode, Value) {
    app.post_with(
        client,
        "booking/book",
        json!({ "community_id": community_id, "slot_start": slot["start"], "channel": channel, "topic": "labour", "description": "工资被拖欠三个月" }),
    )
    .await
}

#[tokio::test]
async fn houting_offers_weekday_mornings_within_two_weeks_and_at_least_two_hours_ahead() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let (_, availability) = app.post("booking/availability", json!({ "community_id": houting })).await;
    let days = availability["days"].as_array().expect("days");
    // Ten weekdays in fourteen days, less today once its mornings are past and any holiday.
    assert!((8..=10).contains(&days.len()), "weekdays of two weeks: {}", days.len());
    let now = server::store::now_ms();
    for day in days {
        assert!((1..=5).contains(&day["weekday"].as_i64().unwrap_or(0)));
        for slot in day["slots"].as_array().expect("slots") {
            let start = slot["start"].as_i64().expect("start");
            assert!(start >= now + 2 * 3_600_000, "minimum notice");
            assert!(start < now + 15 * 86_400_000, "booking window");
            let minutes = app::time::Instant(start).to_shanghai().1;
            assert!((9 * 60..12 * 60).contains(&minutes), "inside duty hours (Shanghai)");
            assert_eq!(slot["instant"], false);
        }
    }
    assert_eq!(app.post("booking/availability", json!({ "community_id": 999_999 })).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_resident_books_gets_a_code_and_an_sms_and_the_seat_is_taken() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let resident = app.resident("13711110001").await;
    let slot = app.free_slots(houting).await[0].clone();
    let (status, booking) = book(&app, &resident, houting, &slot, "phone").await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    assert_eq!(booking["status"], "pending", "后亭社区's lawyer confirms each booking");
    assert_eq!(booking["code"].as_str().map(str::len), Some(8));
    assert_eq!(booking["community_name"], "后亭社区");
    assert!(app.last_sms("13711110001").await.contains(booking["code"].as_str().unwrap_or("?")));

    let after = app.free_slots(houting).await;
    let same = after.iter().find(|s| s["start"] == slot["start"]).expect("still one seat");
    assert_eq!(same["seats_left"], 1);

    let (_, mine) = app.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(mine["upcoming"][0]["code"], booking["code"]);
    assert_eq!(mine["upcoming"][0]["changeable"], true);

    let (_, inbox) = app.post_with(&resident, "account/inbox", json!({})).await;
    assert!(inbox[0]["body"].as_str().is_some_and(|b| b.contains(booking["code"].as_str().unwrap_or("?"))), "{inbox}");
    let (_, other_inbox) = app.post_with(&app.resident("13711110009").await, "account/inbox", json!({})).await;
    assert_eq!(other_inbox, json!([]), "each inbox is private");
}

#[tokio::test]
async fn a_community_that_confirms_at_once_gives_a_confirmed_booking() {
    let app = spawn_app().await;
    let haiwang = app.community("海旺社区").await;
    let resident = app.resident("13711110002").await;
    let slot = app.free_slots(haiwang).await[0].clone();
    let (status, booking) = book(&app, &resident, haiwang, &slot, "in_person").await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    assert_eq!(booking["status"], "confirmed");
}

/// `n` new residents (numbers `prefix` + 4 digits) booking the slot at `start` all at once: the
/// residents, and each one's answer.
async fn race(
    app: &TestApp,
    community: i64,
    start: i64,
    n: usize,
    prefix: &str,
) -> (Vec<Client>, Vec<(StatusCode, Value)>) {
    let mut residents = Vec::new();
    for i in 0..n {
        residents.push(app.resident(&format!("{prefix}{i:04}")).await);
    }
    let attempts = residents.iter().map(|client| {
        app.post_with(
            client,
            "booking/book",
            json!({ "community_id": community, "slot_start": start, "channel": "phone", "topic": "debt", "description": "借款未还" }),
        )
    });
    let results = futures_util::future::join_all(attempts).await;
    (residents, results)
}

#[tokio::test]
async fn the_last_seat_offered_to_sixty_residents_at_once_is_taken_exactly_once() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    // An extra evening on a day in the window, with a single seat.
    let start = app.extra_evening(houting, 3, 1, 30, 1).await[0];

    let (_, results) = race(&app, houting, start, 60, "1360000").await;
    let won = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let full = results.iter().filter(|(s, _)| *s == StatusCode::CONFLICT).count();
    assert_eq!(won, 1, "{:?}", results.iter().map(|(s, b)| (s.as_u16(), b["message"].clone())).collect::<Vec<_>>());
    assert_eq!(full, 59);
    let seats: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE slot_start = $1 AND seat IS NOT NULL AND status NOT IN ('cancelled', 'declined')")
        .bind(start)
        .fetch_one(&app.store.pool)
        .await
        .expect("seats");
    let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE slot_start = $1")
        .bind(start)
        .fetch_one(&app.store.pool)
        .await
        .expect("bookings");
    assert_eq!((seats, live), (1, 1), "no double booking, and no orphan booking rows");
}

#[tokio::test]
async fn five_seats_raced_by_twelve_residents_go_to_five_each_holding_its_own_seat() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let start = app.extra_evening(houting, 3, 1, 30, 5).await[0];
    let (residents, results) = race(&app, houting, start, 12, "1361111").await;
    let won = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let full =
        results.iter().filter(|(s, b)| *s == StatusCode::CONFLICT && b["message"] == "该时段已约满，请选择其他时间");
    assert_eq!(
        (won, full.count()),
        (5, 7),
        "{:?}",
        results.iter().map(|(s, b)| (s.as_u16(), b["message"].clone())).collect::<Vec<_>>()
    );
    let seats: Vec<i64> = sqlx::query_scalar("SELECT seat FROM bookings WHERE slot_start = $1 ORDER BY seat")
        .bind(start)
        .fetch_all(&app.store.pool)
        .await
        .expect("seats");
    assert_eq!(seats, vec![1, 2, 3, 4, 5], "seats picked one after the other, never twice");

    // A cancelled seat is the one the next booking takes.
    let winner = results.iter().position(|(s, _)| *s == StatusCode::OK).expect("a winner");
    let mine = &results[winner].1;
    let (status, _) = app
        .post_with(&residents[winner], "booking/cancel", json!({ "booking_id": mine["id"], "reason": "改天再来" }))
        .await;
    assert_eq!(status, StatusCode::OK);
    let late = app.resident("13611119999").await;
    let (status, body) = app
        .post_with(&late, "booking/book", json!({ "community_id": houting, "slot_start": start, "channel": "phone", "topic": "debt", "description": "借款未还" }))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let seat: i64 = sqlx::query_scalar("SELECT seat FROM bookings WHERE id = $1")
        .bind(body["id"].as_i64().expect("id"))
        .fetch_one(&app.store.pool)
        .await
        .expect("seat");
    let freed: i64 = sqlx::query_scalar("SELECT seat FROM bookings WHERE id = $1")
        .bind(mine["id"].as_i64().expect("id"))
        .fetch_one(&app.store.pool)
        .await
        .expect("seat");
    assert_eq!(seat, freed, "the freed seat is taken again");
}

#[tokio::test]
async fn a_resident_cancels_with_a_reason_which_frees_the_seat_and_cannot_cancel_twice() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let resident = app.resident("13711110003").await;
    let slot = app.free_slots(houting).await[0].clone();
    let (_, booking) = book(&app, &resident, houting, &slot, "in_person").await;
    let id = booking["id"].clone();

    let (status, body) = app.post_with(&resident, "booking/cancel", json!({ "booking_id": id, "reason": "  " })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let other = app.resident("13711110004").await;
    assert_eq!(
        app.post_with(&other, "booking/cancel", json!({ "booking_id": id, "reason": "x" })).await.0,
        StatusCode::NOT_FOUND
    );

    let (status, cancelled) =
        app.post_with(&resident, "booking/cancel", json!({ "booking_id": id, "reason": "时间冲突" })).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["status_reason"], "时间冲突");
    let seats_left =
        app.free_slots(houting).await.iter().find(|s| s["start"] == slot["start"]).map(|s| s["seats_left"].clone());
    assert_eq!(seats_left, Some(json!(2)));

    let (status, again) =
        app.post_with(&resident, "booking/cancel", json!({ "booking_id": id, "reason": "再取消" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
    let (_, mine) = app.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(mine["upcoming"], json!([]));
    assert_eq!(mine["past"][0]["status"], "cancelled");
}

#[tokio::test]
async fn a_booking_cannot_be_changed_within_two_hours_of_its_start() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let resident = app.resident("13711110005").await;
    let slot = app.free_slots(houting).await[0].clone();
    let (_, booking) = book(&app, &resident, houting, &slot, "in_person").await;
    let soon = server::store::now_ms() + 3_600_000;
    app.move_booking(booking["id"].as_i64().expect("id"), soon).await;
    let (status, body) =
        app.post_with(&resident, "booking/cancel", json!({ "booking_id": booking["id"], "reason": "来不了" })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["message"], "已过取消和改约的截止时间");
}

#[tokio::test]
async fn rescheduling_moves_the_booking_and_a_full_target_changes_nothing() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let resident = app.resident("13711110006").await;
    let slots = app.free_slots(houting).await;
    let (_, booking) = book(&app, &resident, houting, &slots[0], "in_person").await;

    // Fill slots[1] with two other residents.
    for phone in ["13711110007", "13711110008"] {
        let client = app.resident(phone).await;
        assert_eq!(book(&app, &client, houting, &slots[1], "in_person").await.0, StatusCode::OK);
    }
    let (status, _) = app
        .post_with(
            &resident,
            "booking/reschedule",
            json!({ "booking_id": booking["id"], "slot_start": slots[1]["start"], "reason": "改时间" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, mine) = app.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(mine["upcoming"][0]["id"], booking["id"], "the original booking is untouched");
    assert_eq!(mine["upcoming"][0]["status"], booking["status"]);

    let (status, moved) = app
        .post_with(
            &resident,
            "booking/reschedule",
            json!({ "booking_id": booking["id"], "slot_start": slots[2]["start"], "reason": "改时间" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["start"], slots[2]["start"]);
    let (_, mine) = app.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(mine["upcoming"].as_array().map(Vec::len), Some(1));
    let seats_left =
        app.free_slots(houting).await.iter().find(|s| s["start"] == slots[0]["start"]).map(|s| s["seats_left"].clone());
    assert_eq!(seats_left, Some(json!(2)), "the old seat is free again");
}

#[tokio::test]
async fn a_full_slot_takes_a_waitlist_and_a_freed_seat_is_offered_to_the_first_in_line() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let slot = app.free_slots(houting).await[0].clone();
    let first = app.resident("13744440001").await;
    let (_, booking) = book(&app, &first, houting, &slot, "in_person").await;
    let waiting = app.resident("13744440003").await;
    let (status, body) = app
        .post_with(&waiting, "booking/waitlist", json!({ "community_id": houting, "slot_start": slot["start"] }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "a seat is still free: book it instead ({body})");

    assert_eq!(book(&app, &app.resident("13744440002").await, houting, &slot, "in_person").await.0, StatusCode::OK);
    let (status, joined) = app
        .post_with(&waiting, "booking/waitlist", json!({ "community_id": houting, "slot_start": slot["start"] }))
        .await;
    assert_eq!(status, StatusCode::OK, "{joined}");
    assert_eq!(joined["position"], 1);
    let (status, _) = app
        .post_with(&waiting, "booking/waitlist", json!({ "community_id": houting, "slot_start": slot["start"] }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "once per slot");
    let later = app.resident("13744440004").await;
    let (_, second) = app
        .post_with(&later, "booking/waitlist", json!({ "community_id": houting, "slot_start": slot["start"] }))
        .await;
    assert_eq!(second["position"], 2);
    let (status, _) =
        app.post_with(&later, "booking/waitlist", json!({ "community_id": houting, "slot_start": 0 })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "no waitlist for a slot that does not exist");

    app.post_with(&first, "booking/cancel", json!({ "booking_id": booking["id"], "reason": "让给别人" })).await;
    app.sms_containing("13744440003", "有空位").await;
    assert_eq!(app.sms_count("13744440004"), 0, "only the first in line is told");
    assert_eq!(book(&app, &waiting, houting, &slot, "phone").await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_resident_with_years_of_bookings_sees_the_coming_one_and_the_latest_past() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let resident = app.resident("13711110021").await;
    let slot = app.free_slots(houting).await[0].clone();
    let (status, booking) = book(&app, &resident, houting, &slot, "phone").await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    // 600 held consultations, one a week before it, the latest a week ago.
    let week = 7 * 86_400_000_i64;
    sqlx::query(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 600) \
         INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, created_at, updated_at) \
         SELECT 'PAST' || k, b.resident_id, b.community_id, b.lawyer_id, $1 - k * $2, $1 - k * $2 + 1800000, 'phone', 'other', '旧事', 'completed', 0, 0 \
         FROM n, bookings b WHERE b.id = $3",
    )
    .bind(server::store::now_ms())
    .bind(week)
    .bind(booking["id"].as_i64().expect("id"))
    .execute(app.store.writer())
    .await
    .expect("past bookings");
    let (status, mine) = app.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(mine["upcoming"].as_array().map(Vec::len), Some(1), "{}", mine["upcoming"]);
    assert_eq!(mine["upcoming"][0]["id"], booking["id"]);
    let past = mine["past"].as_array().expect("past");
    assert_eq!(past.len(), 499, "the newest 500 in all");
    assert_eq!(past[0]["code"], "PAST1", "the latest past first");
    assert_eq!(past[498]["code"], "PAST499");
}

#[tokio::test]
async fn a_seat_freed_below_the_others_is_booked_again_and_the_slot_then_holds_exactly_its_seats() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let start = app.extra_evening(houting, 3, 1, 30, 3).await[0];
    let slot = json!({ "start": start });
    let residents = [
        app.resident("13622220001").await,
        app.resident("13622220002").await,
        app.resident("13622220003").await,
        app.resident("13622220004").await,
    ];
    let (_, first) = book(&app, &residents[0], houting, &slot, "phone").await;
    let (status, _) = book(&app, &residents[1], houting, &slot, "phone").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .post_with(&residents[0], "booking/cancel", json!({ "booking_id": first["id"], "reason": "改天再来" }))
        .await;
    assert_eq!(status, StatusCode::OK);
    // One seat is taken, so the seat after it (2) is the one to try: it is held, and the free
    // seat below it is found instead; then the third, then none.
    for resident in &residents[2..] {
        let (status, body) = book(&app, resident, houting, &slot, "phone").await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, body) = book(&app, &residents[0], houting, &slot, "phone").await;
    assert_eq!((status, body["message"].as_str()), (StatusCode::CONFLICT, Some("该时段已约满，请选择其他时间")));
    let seats: Vec<i64> = sqlx::query_scalar(
        "SELECT seat FROM bookings WHERE slot_start = $1 AND status NOT IN ('cancelled', 'declined') ORDER BY seat",
    )
    .bind(start)
    .fetch_all(&app.store.pool)
    .await
    .expect("seats");
    assert_eq!(seats, [1, 2, 3]);
}
