//! A video consultation connects: each booking meets in a room of its own made from
//! `MEETING_URL_PATTERN`, or at a link its lawyer pastes; both sides see it from 15 minutes
//! before the start to the end, and nobody else, and not at other times.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const PATTERN: &str = "https://meet.example.gov.cn/{room}";

/// The link each side sees now: the resident's, and the lawyer's at the desk.
async fn seen(app: &TestApp, resident: &Client, lawyer: &Client, id: i64) -> (Value, Value) {
    let (_, mine) = app.post_with(resident, "booking/mine", json!({})).await;
    let all: Vec<&Value> = ["upcoming", "past"].iter().flat_map(|k| mine[k].as_array().into_iter().flatten()).collect();
    let theirs = all.iter().find(|b| b["id"] == id).map_or(Value::Null, |b| b["meeting_url"].clone());
    let (_, desk) = app.post_with(lawyer, "desk/bookings", json!({})).await;
    let row = desk.as_array().into_iter().flatten().find(|b| b["booking"]["id"] == id);
    (theirs, row.map_or(Value::Null, |b| b["booking"]["meeting_url"].clone()))
}

async fn stored(app: &TestApp, id: i64) -> Option<String> {
    sqlx::query_scalar("SELECT meeting_url FROM bookings WHERE id = $1")
        .bind(id)
        .fetch_one(&app.store.pool)
        .await
        .expect("stored")
}

#[tokio::test]
async fn each_video_booking_gets_a_room_both_sides_see_only_while_it_connects() {
    let app = spawn_app_with(|config| config.meeting_url_pattern = Some(PATTERN.into())).await;
    let resident = app.resident("13783330001").await;
    let lawyer = app.staff_client("lawyer").await;
    let id = app.confirmed_booking(&resident, "video", 60 * 24).await;
    let other = app.confirmed_booking(&app.resident("13783330002").await, "video", 60 * 24).await;
    let phone = app.confirmed_booking(&resident, "phone", 10).await;
    let room = stored(&app, id).await.expect("a room");
    assert!(room.starts_with("https://meet.example.gov.cn/fai-") && room.len() > 40, "{room}");
    assert_ne!(stored(&app, other).await, Some(room.clone()), "a room each");
    assert_eq!(stored(&app, phone).await, None, "a phone consultation has none");

    assert_eq!(seen(&app, &resident, &lawyer, id).await, (Value::Null, Value::Null), "a day before");
    app.move_booking(id, server::store::now_ms() + 10 * 60_000).await;
    assert_eq!(seen(&app, &resident, &lawyer, id).await, (json!(room), json!(room)), "ten minutes before");
    let far = app.staff_client(&crate::questions::lawyer_of(&app, "海旺社区", "a").await.0).await;
    assert_eq!(seen(&app, &resident, &far, id).await.1, Value::Null, "another community's lawyer sees no such booking");
    app.move_booking(id, server::store::now_ms() - 40 * 60_000).await;
    assert_eq!(seen(&app, &resident, &lawyer, id).await, (Value::Null, Value::Null), "once it has ended");
    app.move_booking(id, server::store::now_ms() + 10 * 60_000).await;
    sqlx::query("UPDATE bookings SET status = 'cancelled' WHERE id = $1")
        .bind(id)
        .execute(app.store.writer())
        .await
        .expect("cancel");
    assert_eq!(seen(&app, &resident, &lawyer, id).await, (Value::Null, Value::Null), "once cancelled");
}

#[tokio::test]
async fn without_a_meeting_server_the_lawyer_pastes_a_link_and_bad_links_change_nothing() {
    let app = spawn_app().await;
    let resident = app.resident("13783330003").await;
    let lawyer = app.staff_client("lawyer").await;
    let id = app.confirmed_booking(&resident, "video", 10).await;
    let phone = app.confirmed_booking(&resident, "phone", 60).await;
    assert_eq!(stored(&app, id).await, None);
    let paste = |booking: i64, url: &str| json!({ "booking_id": booking, "url": url });

    for bad in [
        "",
        "http://meet.example.gov.cn/1",
        "javascript:alert(1)",
        "https://a:b@meet.example.gov.cn/1",
        "https://x/a b",
    ] {
        let (status, answer) = app.post_with(&lawyer, "desk/meeting-link", paste(id, bad)).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("url")), "{bad:?}");
    }
    let long = format!("https://meet.example.gov.cn/{}", "a".repeat(400));
    assert_eq!(app.post_with(&lawyer, "desk/meeting-link", paste(id, &long)).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let link = "https://meet.example.gov.cn/houting-1";
    assert_eq!(
        app.post_with(&lawyer, "desk/meeting-link", paste(phone, link)).await.0,
        StatusCode::CONFLICT,
        "a phone booking"
    );
    let far = app.staff_client(&crate::questions::lawyer_of(&app, "海旺社区", "a").await.0).await;
    assert_eq!(app.post_with(&far, "desk/meeting-link", paste(id, link)).await.0, StatusCode::NOT_FOUND);
    let staff = app.staff_client("staff").await;
    assert_eq!(app.post_with(&staff, "desk/meeting-link", paste(id, link)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post_with(&resident, "desk/meeting-link", paste(id, link)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(stored(&app, id).await, None, "nothing changed");

    let (status, desk) = app.post_with(&lawyer, "desk/meeting-link", paste(id, link)).await;
    assert_eq!(status, StatusCode::OK, "{desk}");
    assert_eq!(desk["booking"]["meeting_url"], link);
    assert_eq!(seen(&app, &resident, &lawyer, id).await, (json!(link), json!(link)));
    let audited =
        format!("SELECT COUNT(*) FROM audit_events WHERE action = 'meeting_link' AND subject = 'booking:{id}'");
    assert_eq!(app.count(&audited).await, 1);
}
