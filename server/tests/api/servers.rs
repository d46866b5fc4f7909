//! Several servers on one database behave as one portal: a change made through one is seen on
//! the other within the stated time, and seats are decided by the database, never by a server's
//! memory.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::json;
use std::time::{Duration, Instant};

/// How long each server keeps an availability answer in these tests.
const FRESH_MS: u64 = 400;

#[tokio::test]
async fn a_booking_made_on_one_server_shows_on_the_other_within_the_stated_time() {
    let a = spawn_app_with_fresh_ms().await;
    let b = a.another_server(|c| c.availability_cache_ms = FRESH_MS).await;
    let houting = a.community("后亭社区").await;
    let starts = a.extra_evening(houting, 6, 1, 30, 1).await;
    let seats_left = |answer: &serde_json::Value| {
        answer["days"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|d| d["slots"].as_array().cloned().unwrap_or_default())
            .find(|s| s["start"] == json!(starts[0]))
            .and_then(|s| s["seats_left"].as_u64())
    };
    let look = json!({ "community_id": houting });
    // B has just answered: the seat is free.
    let (_, before) = b.post("booking/availability", look.clone()).await;
    assert_eq!(seats_left(&before), Some(1));

    let resident = a.resident("13655550000").await;
    let book = json!({ "community_id": houting, "slot_start": starts[0], "channel": "phone", "topic": "debt", "description": "借款" });
    let (status, body) = a.post_with(&resident, "booking/book", book.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let booked = Instant::now();

    // The server that took the booking shows it at once.
    let (_, on_a) = a.post("booking/availability", look.clone()).await;
    assert_eq!(seats_left(&on_a), Some(0));
    // The other may still show the seat, but cannot give it away: the database decides.
    let other = b.resident("13655550001").await;
    let (status, body) = b.post_with(&other, "booking/book", book).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // And it shows the change within FRESH_MS.
    loop {
        let (_, on_b) = b.post("booking/availability", look.clone()).await;
        if seats_left(&on_b) == Some(0) {
            break;
        }
        assert!(
            booked.elapsed() < Duration::from_millis(FRESH_MS + 300),
            "still showing a free seat {} ms after the booking",
            booked.elapsed().as_millis()
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test]
async fn a_session_made_on_one_server_works_on_the_other() {
    let a = spawn_app().await;
    let b = a.another_server(|_| {}).await;
    let resident = a.resident("13655550002").await;
    let (status, session) = b.post_with(&resident, "account/session", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert_eq!(session["me"]["role"], "resident", "{session}");
    let (status, mine) = b.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{mine}");
}

async fn spawn_app_with_fresh_ms() -> crate::helpers::TestApp {
    crate::helpers::spawn_app_with(|c| c.availability_cache_ms = FRESH_MS).await
}

#[tokio::test]
async fn two_servers_send_each_message_once() {
    let a = spawn_app().await;
    let b = a.another_server(|_| {}).await;
    let houting = a.community("后亭社区").await;
    let starts = a.extra_evening(houting, 3, 10, 15, 1).await;
    // Ten bookings through either server: ten SMS in the one outbox, two workers racing for them.
    for (i, start) in starts.iter().enumerate() {
        let server = if i % 2 == 0 { &a } else { &b };
        let resident = server.resident(&format!("136999900{i:02}")).await;
        let book = json!({ "community_id": houting, "slot_start": start, "channel": "phone", "topic": "debt", "description": "借款" });
        let (status, body) = server.post_with(&resident, "booking/book", book).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while a.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").await > 0 {
        assert!(Instant::now() < deadline, "messages still waiting after 10 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let sent: Vec<String> = [&a, &b]
        .iter()
        .flat_map(|server| server.sms.0.lock().expect("sms").iter().map(|(to, _)| to.clone()).collect::<Vec<_>>())
        .filter(|to| to.starts_with("1369999"))
        .collect();
    let distinct: std::collections::BTreeSet<&String> = sent.iter().collect();
    assert_eq!((sent.len(), distinct.len()), (10, 10), "{sent:?}");
}

#[tokio::test]
async fn the_three_bookings_cap_holds_across_two_servers() {
    let a = spawn_app().await;
    let b = a.another_server(|_| {}).await;
    let houting = a.community("后亭社区").await;
    let starts = a.extra_evening(houting, 4, 8, 15, 5).await;
    let resident = a.resident("13699998888").await;
    let attempts = starts.iter().enumerate().map(|(i, start)| {
        let server = if i % 2 == 0 { &a } else { &b };
        let book = json!({ "community_id": houting, "slot_start": start, "channel": "phone", "topic": "debt", "description": "借款" });
        server.post_with(&resident, "booking/book", book)
    });
    let results = futures_util::future::join_all(attempts).await;
    let booked = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    assert_eq!(booked, 3, "{:?}", results.iter().map(|(s, _)| s.as_u16()).collect::<Vec<_>>());
    assert_eq!(a.count("SELECT COUNT(*) FROM bookings WHERE status IN ('pending', 'confirmed')").await, 3);
}

#[tokio::test]
async fn two_servers_queue_each_reminder_once() {
    let a = spawn_app().await;
    let b = a.another_server(|_| {}).await;
    let houting = a.community("后亭社区").await;
    let starts = a.extra_evening(houting, 4, 4, 15, 1).await;
    for (i, start) in starts.iter().enumerate() {
        let resident = a.resident(&format!("136777700{i:02}")).await;
        let book = json!({ "community_id": houting, "slot_start": start, "channel": "phone", "topic": "debt", "description": "借款" });
        let (status, body) = a.post_with(&resident, "booking/book", book).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    // Both servers' reminder passes at the same moment, 23 hours before the first slot.
    let now = starts[0] - 23 * 3_600_000;
    let queue = server::booking::reminders::queue_due;
    let (on_a, on_b) = tokio::join!(queue(&a.store, now), queue(&b.store, now));
    assert_eq!(on_a.expect("pass on A") + on_b.expect("pass on B"), 4);
    assert_eq!(a.count("SELECT COUNT(*) FROM outbox WHERE body LIKE '%提醒%'").await, 4);
}
