use crate::helpers::{new_client, spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A pending 后亭社区 booking by a new resident; returns the resident's client and the booking.
async fn pending_booking(app: &TestApp, phone: &str) -> (Client, Value) {
    let houting = app.community("后亭社区").await;
    let resident = app.resident(phone).await;
    let slot = app.free_slots(houting).await[0].clone();
    let (status, booking) = app
        .post_with(&resident, "booking/book", json!({ "community_id": houting, "slot_start": slot["start"], "channel": "in_person", "topic": "tenancy", "description": "押金不退" }))
        .await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    (resident, booking)
}

async fn decide(app: &TestApp, client: &Client, booking: &Value, action: &str) -> (StatusCode, Value) {
    app.post_with(client, "desk/decide", json!({ "booking_id": booking["id"], "action": action })).await
}

#[tokio::test]
async fn the_lawyer_confirms_completes_and_the_resident_rates_once() {
    let app = spawn_app().await;
    let (resident, booking) = pending_booking(&app, "13733330001").await;
    let lawyer = app.staff_client("lawyer").await;

    let (_, desk) = app.post_with(&lawyer, "desk/bookings", json!({})).await;
    let row = desk
        .as_array()
        .expect("list")
        .iter()
        .find(|b| b["booking"]["id"] == booking["id"])
        .cloned()
        .expect("on the desk");
    assert_eq!(row["resident_phone"], "137****0001", "masked on the desk, for the lawyer too");
    let staff = app.staff_client("staff").await;
    let (_, staff_desk) = app.post_with(&staff, "desk/bookings", json!({})).await;
    let seen_by_staff =
        staff_desk.as_array().expect("list").iter().find(|b| b["booking"]["id"] == booking["id"]).cloned();
    assert_eq!(seen_by_staff.map(|b| b["resident_phone"].clone()), Some(json!("137****0001")), "staff see it masked");

    assert_eq!(
        decide(&app, &lawyer, &booking, "complete").await.0,
        StatusCode::CONFLICT,
        "a pending booking cannot be completed"
    );
    let (status, confirmed) = decide(&app, &lawyer, &booking, "confirm").await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    assert_eq!(confirmed["booking"]["status"], "confirmed");
    app.sms_containing("13733330001", "已确认").await;
    assert_eq!(decide(&app, &lawyer, &booking, "confirm").await.0, StatusCode::CONFLICT);

    let (status, _) =
        app.post_with(&resident, "booking/rate", json!({ "booking_id": booking["id"], "rating": 5 })).await;
    assert_eq!(status, StatusCode::CONFLICT, "not before the consultation");

    // Not before its time.
    for action in ["complete", "no_show"] {
        let (status, early) = decide(&app, &lawyer, &booking, action).await;
        assert_eq!(
            (status, early["message"].as_str()),
            (StatusCode::CONFLICT, Some("这次咨询的时间还没到，不能标记为已完成或未到"))
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM service_records WHERE category = 'consultation'").await, 0);
    // The consultation's hour comes.
    sqlx::query("UPDATE bookings SET slot_start = slot_start - $1, slot_end = slot_end - $1 WHERE id = $2")
        .bind(booking["start"].as_i64().expect("start") - server::store::now_ms() + 60_000)
        .bind(booking["id"].as_i64())
        .execute(app.store.writer())
        .await
        .expect("move the slot");
    let (status, done) = app
        .post_with(
            &lawyer,
            "desk/decide",
            json!({ "booking_id": booking["id"], "action": "complete", "note": "已解答押金问题" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["note"], "已解答押金问题");
    assert_eq!(decide(&app, &lawyer, &booking, "complete").await.0, StatusCode::CONFLICT);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM service_records WHERE category = 'consultation'").await,
        1,
        "counted once"
    );

    assert_eq!(
        app.post_with(&resident, "booking/rate", json!({ "booking_id": booking["id"], "rating": 6 })).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, rated) = app
        .post_with(&resident, "booking/rate", json!({ "booking_id": booking["id"], "rating": 5, "comment": "很耐心" }))
        .await;
    assert_eq!(status, StatusCode::OK, "{rated}");
    assert_eq!(rated["rating"], 5);
    assert_eq!(
        app.post_with(&resident, "booking/rate", json!({ "booking_id": booking["id"], "rating": 1 })).await.0,
        StatusCode::CONFLICT
    );
    let (_, mine) = app.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(mine["past"][0]["status"], "completed");
    let note_visible_to_resident = mine.to_string().contains("已解答押金问题");
    assert!(!note_visible_to_resident, "the lawyers' note stays with the lawyers");
}

#[tokio::test]
async fn declining_needs_a_reason_frees_the_seat_and_tells_the_resident() {
    let app = spawn_app().await;
    let (_, booking) = pending_booking(&app, "13733330002").await;
    let lawyer = app.staff_client("lawyer").await;
    let (status, _) = decide(&app, &lawyer, &booking, "decline").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, declined) = app
        .post_with(
            &lawyer,
            "desk/decide",
            json!({ "booking_id": booking["id"], "action": "decline", "reason": "当天外出办案" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(declined["booking"]["status"], "declined");
    app.sms_containing("13733330002", "当天外出办案").await;
    // The declined booking holds no seat: the slot offers it again.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bookings WHERE seat IS NOT NULL AND status NOT IN ('cancelled', 'declined')")
            .await,
        0
    );
}

#[tokio::test]
async fn other_communities_lawyers_residents_and_visitors_cannot_touch_the_desk() {
    let app = spawn_app().await;
    let (resident, booking) = pending_booking(&app, "13733330003").await;

    let stranger = app.staff_client("lawyer01").await; // coordinator of 新安街道
    let (_, desk) = app.post_with(&stranger, "desk/bookings", json!({})).await;
    assert_eq!(desk, json!([]));
    assert_eq!(decide(&app, &stranger, &booking, "confirm").await.0, StatusCode::NOT_FOUND);
    let houting = app.community("后亭社区").await;
    assert_eq!(
        app.post_with(&stranger, "desk/bookings", json!({ "community_id": houting })).await.0,
        StatusCode::NOT_FOUND
    );

    assert_eq!(decide(&app, &resident, &booking, "confirm").await.0, StatusCode::FORBIDDEN);
    assert_eq!(decide(&app, &new_client(), &booking, "confirm").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.count("SELECT COUNT(*) FROM bookings WHERE status = 'pending'").await, 1, "nothing changed");

    let assistant = app.staff_client("assistant").await;
    assert_eq!(
        decide(&app, &assistant, &booking, "confirm").await.0,
        StatusCode::OK,
        "the lawyer's assistant acts for them"
    );
    let staff = app.staff_client("staff").await;
    let (status, _) = app
        .post_with(
            &staff,
            "desk/decide",
            json!({ "booking_id": booking["id"], "action": "note", "note": "已电话联系" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "staff can manage any community");
}

#[tokio::test]
async fn a_lawyer_adds_a_duty_period_which_becomes_bookable_and_bad_periods_are_refused() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let lawyer = app.staff_client("lawyer").await;
    let (_, schedule) = app.post_with(&lawyer, "desk/schedule", json!({ "community_id": houting })).await;
    assert_eq!(schedule["periods"].as_array().map(Vec::len), Some(5));
    let me: i64 = schedule["periods"][0]["lawyer_id"].as_i64().expect("lawyer");

    let period = |weekday: u8, start: &str, end: &str| json!({ "lawyer_id": me, "weekday": weekday, "start": start, "end": end, "slot_minutes": 30, "seats": 1, "channels": ["phone"], "instant": true });
    let (status, _) = app
        .post_with(&lawyer, "desk/add-duty", json!({ "community_id": houting, "period": period(1, "11:00", "13:00") }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "overlaps Monday morning");
    for bad in [
        period(1, "14:00", "13:00"),
        period(8, "14:00", "15:00"),
        period(1, "14:00", "14:10"),
        period(1, "25:00", "26:00"),
    ] {
        let (status, _) =
            app.post_with(&lawyer, "desk/add-duty", json!({ "community_id": houting, "period": bad })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (status, updated) = app
        .post_with(&lawyer, "desk/add-duty", json!({ "community_id": houting, "period": period(6, "09:00", "11:00") }))
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["periods"].as_array().map(Vec::len), Some(6));
    let saturday_slots = app
        .free_slots(houting)
        .await
        .iter()
        .filter(|s| app::time::Instant(s["start"].as_i64().unwrap_or(0)).to_shanghai().0.weekday() == 6)
        .count();
    assert!(saturday_slots >= 4, "{saturday_slots}");

    let haiwang = app.community("海旺社区").await;
    let (status, _) = app
        .post_with(&lawyer, "desk/add-duty", json!({ "community_id": haiwang, "period": period(6, "09:00", "11:00") }))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not this lawyer's community");
    let resident = app.resident("13733330004").await;
    assert_eq!(
        app.post_with(&resident, "desk/schedule", json!({ "community_id": houting })).await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_closed_day_takes_its_slots_off_the_calendar() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let first = app.free_slots(houting).await[0].clone();
    let date = app::time::Instant(first["start"].as_i64().expect("start")).to_shanghai().0.to_string();
    let lawyer = app.staff_client("lawyer").await;
    let (status, _) = app
        .post_with(&lawyer, "desk/add-exception", json!({ "community_id": houting, "date": date, "note": "社区活动" }))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!app.free_slots(houting).await.iter().any(|s| s["start"] == first["start"]));
    let (status, _) =
        app.post_with(&lawyer, "desk/add-exception", json!({ "community_id": houting, "date": "2020-01-01" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "no exceptions in the past");
}
