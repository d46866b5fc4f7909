//! A community leaves the programme: its bookings after its last day are cancelled, its
//! residents and open questions go to its successor, its duty ends, it leaves the directory, and
//! the board asks its quota only up to its last day. A street follows once all its communities
//! have left.

use crate::helpers::{spawn_app, TestApp};
use crate::questions::asked;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

fn today() -> app::time::LocalDate {
    app::time::Instant(server::store::now_ms()).to_shanghai().0
}

/// 后亭社区, and another community of its street.
async fn houting_and_neighbour(app: &TestApp) -> (i64, i64) {
    let houting = app.community("后亭社区").await;
    let neighbour: i64 = sqlx::query_scalar(
        "SELECT id FROM communities WHERE street_id = (SELECT street_id FROM communities WHERE id = $1) AND id <> $1 \
         ORDER BY id LIMIT 1",
    )
    .bind(houting)
    .fetch_one(&app.store.pool)
    .await
    .expect("a neighbour");
    (houting, neighbour)
}

/// A resident of 后亭社区 with a question and a booking after today: the client, the question
/// and the booking.
async fn resident_with_work(app: &TestApp, phone: &str) -> (Client, i64, i64) {
    let (resident, _) = app.resident_of(phone, "后亭社区").await;
    let question = asked(app, &resident, &format!("retire-{phone}")).await;
    let houting = app.community("后亭社区").await;
    let tomorrow = today().plus_days(1).start().0;
    let slot =
        app.free_slots(houting).await.into_iter().find(|s| s["start"].as_i64() >= Some(tomorrow)).expect("a slot");
    let body = json!({ "community_id": houting, "slot_start": slot["start"], "channel": "in_person", "topic": "labour", "description": "工伤" });
    let (status, booking) = app.post_with(&resident, "booking/book", body).await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    (resident, question, booking["id"].as_i64().expect("id"))
}

async fn retire(app: &TestApp, client: &Client, body: Value) -> (StatusCode, Value) {
    app.post_with(client, "staff/retire-community", body).await
}

/// What retiring 后亭社区 would change: its mark, its live bookings, open duty and assignments,
/// its residents and its questions.
async fn houting_state(app: &TestApp, houting: i64) -> Vec<i64> {
    let mut state = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM communities WHERE id = {c} AND last_day IS NOT NULL",
        "SELECT COUNT(*) FROM bookings WHERE community_id = {c} AND status IN ('pending', 'confirmed')",
        "SELECT COUNT(*) FROM duty_schedules WHERE community_id = {c} AND valid_until IS NULL",
        "SELECT COUNT(*) FROM assignments WHERE community_id = {c} AND ends_on IS NULL",
        "SELECT COUNT(*) FROM users WHERE community_id = {c}",
        "SELECT COUNT(*) FROM questions WHERE community_id = {c}",
    ] {
        state.push(app.count(&sql.replace("{c}", &houting.to_string())).await);
    }
    state
}

/// The board of `from..=to`: every street's quota is its communities' lines' and the totals'
/// is the streets'. Answers the board.
async fn board_adds_up(app: &TestApp, staff: &Client, from: &str, to: &str) -> Value {
    let (status, board) = app.post_with(staff, "staff/board", json!({ "from": from, "to": to })).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    let lines = board["communities"].as_array().expect("lines");
    for street in board["streets"].as_array().expect("streets") {
        let of_street: i64 = lines
            .iter()
            .filter(|l| l["street_id"] == street["id"])
            .map(|l| l["figures"]["quota"].as_i64().expect("quota"))
            .sum();
        assert_eq!(street["figures"]["quota"].as_i64(), Some(of_street), "{from}..{to} {}", street["name"]);
        let listed = lines.iter().filter(|l| l["street_id"] == street["id"]).count() as i64;
        assert_eq!(street["communities"].as_i64(), Some(listed), "{from}..{to} {}", street["name"]);
    }
    let streets: i64 =
        board["streets"].as_array().expect("streets").iter().map(|s| s["figures"]["quota"].as_i64().unwrap_or(0)).sum();
    assert_eq!(board["totals"]["quota"].as_i64(), Some(streets), "{from}..{to}");
    assert_eq!(board["communities_total"].as_i64(), Some(lines.len() as i64), "{from}..{to}");
    board
}

fn line(board: &Value, community: i64) -> Option<&Value> {
    board["communities"].as_array().expect("lines").iter().find(|l| l["id"] == community)
}

#[tokio::test]
async fn a_community_that_leaves_cancels_its_later_bookings_and_hands_its_people_to_its_successor() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let (houting, neighbour) = houting_and_neighbour(&app).await;
    let (resident, question, booking) = resident_with_work(&app, "13799991001").await;
    let yesterday = today().plus_days(-1).to_string();
    let residents = app.count(&format!("SELECT COUNT(*) FROM users WHERE community_id = {houting}")).await;
    let open = app
        .count(&format!(
            "SELECT COUNT(*) FROM questions WHERE community_id = {houting} AND status IN ('waiting', 'needs_info', 'answered')"
        ))
        .await;
    assert!(residents >= 1 && open >= 1);

    let body = json!({ "community_id": houting, "last_day": yesterday, "successor_id": neighbour, "bookings": "cancel", "reason": "社区合并" });
    let (status, retired) = retire(&app, &staff, body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{retired}");
    assert_eq!(retired["settled"]["cancelled"], 1);
    assert_eq!((retired["residents"].as_i64(), retired["questions"].as_i64()), (Some(residents), Some(open)));
    assert!(retired["assignments"].as_u64() > Some(0) && retired["periods"].as_u64() > Some(0), "{retired}");
    app.sms_containing("13799991001", "社区合并").await;
    let status: String = sqlx::query_scalar("SELECT status FROM bookings WHERE id = $1")
        .bind(booking)
        .fetch_one(&app.store.pool)
        .await
        .expect("booking");
    assert_eq!(status, "cancelled");
    let closed = app.count(&format!("SELECT COUNT(*) FROM questions WHERE community_id = {houting}")).await;
    assert_eq!(houting_state(&app, houting).await, vec![1, 0, 0, 0, 0, closed], "only closed questions stay");
    let moved = app
        .count(&format!("SELECT COUNT(*) FROM questions WHERE id = {question} AND community_id = {neighbour}"))
        .await;
    assert_eq!(moved, 1, "the successor answers its open question");
    let (_, session) = app.post_with(&resident, "account/session", json!({})).await;
    assert_eq!(session["me"]["community_id"].as_i64(), Some(neighbour), "{session}");

    // Gone from what residents find; asking or choosing it is refused.
    let (_, listed) = app.post("directory/communities", json!({ "query": "后亭" })).await;
    assert_eq!(listed, json!([]));
    assert_eq!(app.post("directory/community", json!({ "community_id": houting })).await.0, StatusCode::NOT_FOUND);
    assert!(app.free_slots(houting).await.is_empty());
    let choose = json!({ "community_id": houting });
    assert_eq!(app.post_with(&resident, "account/set-community", choose).await.0, StatusCode::NOT_FOUND);
    let ask = json!({ "community_id": houting, "client_key": "after", "category": "debt", "title": "借款", "body": "借给朋友5000元没有借条。", "attachments": [], "consent": true, "may_publish": false });
    let (status, refused) = app.post_with(&resident, "questions/ask", ask).await;
    assert_eq!((status, refused["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("community_id")));

    assert_eq!(retire(&app, &staff, body).await.0, StatusCode::CONFLICT, "once");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'community_retire'").await, 1);
}

#[tokio::test]
async fn the_board_asks_a_community_that_left_its_quota_only_up_to_its_last_day() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let (houting, neighbour) = houting_and_neighbour(&app).await;
    let last = today().plus_days(-1);
    let (from, to) = (last.plus_days(-40).to_string(), last.plus_days(40).to_string());
    let before = board_adds_up(&app, &staff, &from, &to).await;
    let per_month = |board: &Value, id: i64| line(board, id).expect("listed")["per_month"].clone();
    assert_eq!(per_month(&before, houting), per_month(&before, neighbour), "same quota to compare");

    sqlx::query("UPDATE questions SET status = 'closed' WHERE community_id = $1")
        .bind(houting)
        .execute(app.store.writer())
        .await
        .expect("no open questions");
    let body =
        json!({ "community_id": houting, "last_day": last.to_string(), "bookings": "cancel", "reason": "社区撤销" });
    let (status, retired) = retire(&app, &staff, body).await;
    assert_eq!(status, StatusCode::OK, "{retired}");

    // Across its last day: listed, asked half as much as its neighbour, and everything adds up.
    let across = board_adds_up(&app, &staff, &from, &to).await;
    let quota = |board: &Value, id: i64| line(board, id).expect("listed")["figures"]["quota"].as_i64().expect("quota");
    assert!(quota(&across, houting) < quota(&across, neighbour), "{}", line(&across, houting).expect("line"));
    assert!(quota(&across, houting) > 0);
    assert_eq!(line(&across, houting).expect("line")["last_day"], json!(last.to_string()));
    assert_eq!(line(&across, houting).expect("line")["gaps"], json!([]), "no gaps once it has left");
    let total = |board: &Value| board["totals"]["quota"].as_i64().expect("quota");
    assert_eq!(total(&before) - total(&across), quota(&before, houting) - quota(&across, houting));

    // After it: not on the board at all; before it: as it was.
    let after = board_adds_up(&app, &staff, &today().to_string(), &today().plus_days(30).to_string()).await;
    assert!(line(&after, houting).is_none());
    assert_eq!(after["communities_total"].as_i64(), before["communities_total"].as_i64().map(|n| n - 1));
    let (early_from, early_to) = (last.plus_days(-60).to_string(), last.plus_days(-30).to_string());
    let early = board_adds_up(&app, &staff, &early_from, &early_to).await;
    assert_eq!(quota(&early, houting), quota(&early, neighbour));
}

#[tokio::test]
async fn bad_retirements_of_a_community_change_nothing() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let (houting, _) = houting_and_neighbour(&app).await;
    let (_, _, _) = resident_with_work(&app, "13799991002").await;
    let before = houting_state(&app, houting).await;
    let today = today().to_string();
    let body = |community: i64, last: &str, successor: Option<i64>, bookings: &str, reason: &str| json!({ "community_id": community, "last_day": last, "successor_id": successor, "bookings": bookings, "reason": reason });
    let invalid = StatusCode::UNPROCESSABLE_ENTITY;
    let cases = [
        (body(999_999, &today, None, "cancel", "合并"), StatusCode::NOT_FOUND, None),
        (body(houting, "2020-01-01", None, "cancel", "合并"), invalid, Some("last_day")),
        (body(houting, "2026-02-30", None, "cancel", "合并"), invalid, Some("last_day")),
        (body(houting, &today, None, "hand_over", ""), invalid, Some("bookings")),
        (body(houting, &today, None, "cancel", "   "), invalid, Some("reason")),
        (body(houting, &today, None, "cancel", &"因".repeat(201)), invalid, Some("reason")),
        (body(houting, &today, Some(houting), "cancel", "合并"), invalid, Some("successor_id")),
        (body(houting, &today, Some(999_999), "cancel", "合并"), invalid, Some("successor_id")),
        // Its open question needs somewhere to go: refused whole, after its bookings were cancelled.
        (body(houting, &today, None, "cancel", "合并"), invalid, Some("successor_id")),
    ];
    for (request, expected, field) in cases {
        let (status, answer) = retire(&app, &staff, request.clone()).await;
        assert_eq!((status, answer["field"].as_str()), (expected, field), "{request}: {answer}");
    }
    let street = app.staff_client("shajing").await;
    assert_eq!(retire(&app, &street, body(houting, &today, None, "cancel", "合并")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(houting_state(&app, houting).await, before);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'community_retire'").await, 0);
}

#[tokio::test]
async fn a_street_leaves_once_all_its_communities_have() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let (houting, _) = houting_and_neighbour(&app).await;
    let street: i64 = sqlx::query_scalar("SELECT street_id FROM communities WHERE id = $1")
        .bind(houting)
        .fetch_one(&app.store.pool)
        .await
        .expect("street");
    let yesterday = today().plus_days(-1).to_string();
    let leave = |id: i64, last: &str| json!({ "street_id": id, "last_day": last });
    let (status, body) = app.post_with(&staff, "staff/retire-street", leave(street, &yesterday)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(app.post_with(&staff, "staff/retire-street", leave(999_999, &yesterday)).await.0, StatusCode::NOT_FOUND);
    let (status, body) = app.post_with(&staff, "staff/retire-street", leave(street, "someday")).await;
    assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("last_day")));

    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM communities WHERE street_id = $1")
        .bind(street)
        .fetch_all(&app.store.pool)
        .await
        .expect("communities");
    sqlx::query("UPDATE questions SET status = 'closed'").execute(app.store.writer()).await.expect("closed");
    for id in ids {
        let body = json!({ "community_id": id, "last_day": yesterday, "bookings": "cancel", "reason": "街道撤并" });
        let (status, answer) = retire(&app, &staff, body).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
    }
    let (status, places) = app.post_with(&staff, "staff/retire-street", leave(street, &yesterday)).await;
    assert_eq!(status, StatusCode::OK, "{places}");
    let retired = places["retired_streets"].as_array().expect("retired");
    assert!(retired.iter().any(|s| s["id"] == street && s["last_day"] == json!(yesterday)), "{places}");
    assert!(places["streets"].as_array().expect("streets").iter().all(|s| s["id"] != street));
    assert_eq!(app.post_with(&staff, "staff/retire-street", leave(street, &yesterday)).await.0, StatusCode::CONFLICT);
    let (_, streets) = app.post("directory/streets", json!({})).await;
    assert!(streets.as_array().expect("streets").iter().all(|s| s["id"] != street), "{streets}");
    let board = board_adds_up(&app, &staff, &today().to_string(), &today().to_string()).await;
    assert!(board["streets"].as_array().expect("streets").iter().all(|s| s["id"] != street));
}
