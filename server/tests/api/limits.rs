//! "At most N" rules hold when the requests arrive at once: each is checked inside the
//! transaction that writes, after a lock (see docs/ARCHITECTURE.md).

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn twenty_residents_each_sending_eight_bookings_at_once_end_with_three_each() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    // An extra evening with eight slots of 20 seats: seats never run out, only the cap can say no.
    let starts = app.extra_evening(houting, 4, 8, 15, 20).await;

    let mut residents = Vec::new();
    for i in 0..20 {
        residents.push(app.resident(&format!("1361111{i:04}")).await);
    }
    let app = &app;
    let attempts = residents.iter().flat_map(|client| {
        starts.iter().map(move |start| {
            app.post_with(
                client,
                "booking/book",
                json!({ "community_id": houting, "slot_start": start, "channel": "phone", "topic": "debt", "description": "借款未还" }),
            )
        })
    });
    let results = futures_util::future::join_all(attempts).await;
    let booked = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let capped =
        results.iter().filter(|(s, b)| *s == StatusCode::CONFLICT && b["message"] == "您的待办预约已达上限").count();
    assert_eq!((booked, capped), (60, 100), "{:?}", results.iter().map(|(s, _)| s.as_u16()).collect::<Vec<_>>());
    let most: i64 = sqlx::query_scalar(
        "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM bookings WHERE status IN ('pending', 'confirmed') GROUP BY resident_id) AS per_resident",
    )
    .fetch_one(&app.store.pool)
    .await
    .expect("per resident");
    assert_eq!(most, 3);
    // Each booking's SMS was written with it, and only with it.
    let messages = app.count("SELECT COUNT(*) FROM outbox WHERE body LIKE '%预约码%'").await;
    assert_eq!(messages, 60);
}

#[tokio::test]
async fn thirty_code_requests_for_one_number_at_once_send_one_sms() {
    let app = spawn_app().await;
    let clients: Vec<_> = (0..30).map(|_| crate::helpers::new_client()).collect();
    let attempts =
        clients.iter().map(|client| app.post_with(client, "auth/send-code", json!({ "phone": "13733330001" })));
    let results = futures_util::future::join_all(attempts).await;
    let sent = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let limited = results.iter().filter(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((sent, limited), (1, 29), "{:?}", results.iter().map(|(s, _)| s.as_u16()).collect::<Vec<_>>());
    assert_eq!(app.count("SELECT COUNT(*) FROM one_time_codes WHERE phone = '13733330001'").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE recipient = '13733330001'").await, 1);
}

#[tokio::test]
async fn a_resident_joining_six_waitlists_twice_each_at_once_is_on_five() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let starts = app.extra_evening(houting, 5, 6, 15, 1).await;
    // Six other residents take the one seat of each slot.
    for (i, start) in starts.iter().enumerate() {
        let filler = app.resident(&format!("1362222{i:04}")).await;
        let (status, body) = app
            .post_with(
                &filler,
                "booking/book",
                json!({ "community_id": houting, "slot_start": start, "channel": "phone", "topic": "debt", "description": "借款" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let waiter = app.resident("13633330000").await;
    let app = &app;
    let joins = starts.iter().chain(starts.iter()).map(|start| {
        app.post_with(&waiter, "booking/waitlist", json!({ "community_id": houting, "slot_start": start }))
    });
    let results = futures_util::future::join_all(joins).await;
    let joined = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let refused = results.iter().filter(|(s, _)| *s == StatusCode::CONFLICT).count();
    assert_eq!(
        (joined, refused),
        (5, 7),
        "{:?}",
        results.iter().map(|(s, b)| (s.as_u16(), b.clone())).collect::<Vec<_>>()
    );
    assert!(results.iter().any(|(_, b)| b["message"] == "您候补的时段已达上限（5个）"));
    assert_eq!(app.count("SELECT COUNT(*) FROM waitlist").await, 5);
    // One entry per slot, whatever the order.
    assert_eq!(app.count("SELECT COUNT(DISTINCT slot_start) FROM waitlist").await, 5);
}

#[tokio::test]
async fn ten_ratings_of_one_booking_at_once_keep_the_first() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let starts = app.extra_evening(houting, 3, 1, 30, 1).await;
    let resident = app.resident("13644440000").await;
    let (status, booking) = app
        .post_with(
            &resident,
            "booking/book",
            json!({ "community_id": houting, "slot_start": starts[0], "channel": "phone", "topic": "debt", "description": "借款" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    sqlx::query("UPDATE bookings SET status = 'completed'").execute(app.store.writer()).await.expect("complete");
    let app = &app;
    let ratings = (1..=10)
        .map(|k| app.post_with(&resident, "booking/rate", json!({ "booking_id": booking["id"], "rating": 1 + k % 5 })));
    let results = futures_util::future::join_all(ratings).await;
    let accepted: Vec<_> = results.iter().filter(|(s, _)| *s == StatusCode::OK).collect();
    assert_eq!(accepted.len(), 1, "{:?}", results.iter().map(|(s, _)| s.as_u16()).collect::<Vec<_>>());
    assert_eq!(results.iter().filter(|(s, _)| *s == StatusCode::CONFLICT).count(), 9);
    let kept = app.count("SELECT rating FROM bookings").await;
    assert_eq!(serde_json::json!(kept), accepted[0].1["rating"]);
}

#[tokio::test]
async fn twenty_check_ins_of_one_lawyer_at_once_open_one_duty() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let lawyer_id =
        app.count("SELECT l.id FROM lawyers l JOIN users u ON u.id = l.user_id WHERE u.login = 'lawyer'").await;
    let (lawyer, assistant) = (app.staff_client("lawyer").await, app.staff_client("assistant").await);
    let app = &app;
    let check_ins = (0..20).map(|i| {
        let client = if i % 2 == 0 { &lawyer } else { &assistant };
        app.post_with(client, "duty/check-in", json!({ "lawyer_id": lawyer_id, "community_id": houting }))
    });
    let results = futures_util::future::join_all(check_ins).await;
    let opened = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let refused = results.iter().filter(|(s, _)| *s == StatusCode::CONFLICT).count();
    assert_eq!((opened, refused), (1, 19), "{:?}", results.iter().map(|(s, _)| s.as_u16()).collect::<Vec<_>>());
    assert_eq!(app.count("SELECT COUNT(*) FROM duty_logs WHERE ended_at IS NULL").await, 1);
}
