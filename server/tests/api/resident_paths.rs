//! No dead ends for a resident: asking without a community offers the chooser right there (by
//! name or near the phone) and comes back to ask; 我的 shows the community and the waitlists, each
//! with a way out; every inbox message opens what it is about; and the server's pages follow the
//! display choices the app made, from the first paint.

use crate::helpers::{spawn_app, TestApp};
use reqwest::{redirect::Policy, Client, StatusCode};
use serde_json::{json, Value};

/// A signed-in resident whose client shows redirects rather than following them.
async fn resident(app: &TestApp, phone: &str) -> Client {
    let headers = app.resident_headers(phone).await;
    Client::builder().default_headers(headers).redirect(Policy::none()).build().expect("client")
}

async fn get(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String, String) {
    let answer = client.get(format!("{}{path}", app.address)).send().await.expect("page");
    let location = answer.headers().get("location").map(|l| l.to_str().unwrap_or_default().to_owned());
    (answer.status(), location.unwrap_or_default(), answer.text().await.expect("html"))
}

async fn post(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let answer = client
        .post(format!("{}{path}", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .send()
        .await
        .expect("post");
    let location = answer.headers().get("location").map(|l| l.to_str().unwrap_or_default().to_owned());
    (answer.status(), location.unwrap_or_default())
}

async fn community_of(app: &TestApp, phone: &str) -> Option<i64> {
    sqlx::query_scalar("SELECT community_id FROM users WHERE phone = $1")
        .bind(phone)
        .fetch_one(&app.store.pool)
        .await
        .expect("theirs")
}

#[tokio::test]
async fn asking_without_a_community_chooses_one_right_there_and_comes_back_to_ask() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let visitor = Client::builder().redirect(Policy::none()).build().expect("client");
    let (status, location, _) = get(&app, &visitor, "/questions/ask").await;
    assert_eq!((status, location.as_str()), (StatusCode::SEE_OTHER, "/sign-in?next=/questions/ask"));

    let phone = "13793330001";
    let me = resident(&app, phone).await;
    let (status, _, html) = get(&app, &me, "/questions/ask").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("action=\"/me/community\"") && html.contains("value=\"/questions/ask\""), "{html}");
    assert!(html.contains("/near-me.js") && html.contains("id=\"near-me\""), "{html}");

    // By name, and near the phone: 后亭 first when standing at its office.
    let (status, _, html) = get(&app, &me, "/me/community?q=%E5%90%8E%E4%BA%AD&next=/questions/ask").await; // 后亭
    assert_eq!(status, StatusCode::OK);
    let choose = format!("action=\"/communities/{houting}/mine?next=/questions/ask\"");
    assert!(html.contains(&choose), "{html}");
    let (lat, lng): (f64, f64) = sqlx::query_as("SELECT latitude, longitude FROM communities WHERE id = $1")
        .bind(houting)
        .fetch_one(&app.store.pool)
        .await
        .expect("its position");
    let (status, _, html) = get(&app, &me, &format!("/me/community?near={lat},{lng}&next=/questions/ask")).await;
    assert_eq!(status, StatusCode::OK);
    let nearest = format!("/communities/{houting}/mine?next=");
    let first_choice = html.find("/mine?next=").expect("communities listed");
    assert_eq!(
        html.find(&nearest).map(|at| at + nearest.len() - "/mine?next=".len()),
        Some(first_choice),
        "nearest first: {html}"
    );
    assert!(html.matches("/mine?next=").count() <= 20, "a short list");
    let (_, _, far) = get(&app, &me, "/me/community?near=40.0,116.4").await;
    assert!(!far.contains("/mine?next="), "nothing within reach of Beijing: {far}");

    // A position not on Earth, or not a position, or a name too long: 422, said on the page.
    let long = "a".repeat(300);
    for bad in
        ["near=91,0", "near=0,181", "near=NaN,NaN", "near=1e999,0", "near=abc", "near=22.5", &format!("q={long}")]
    {
        let (status, _, html) = get(&app, &me, &format!("/me/community?{bad}")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(html.contains("role=\"alert\""), "{bad}: {html}");
    }
    assert_eq!(community_of(&app, phone).await, None, "looking changes nothing");

    // Choosing goes back to the form; another site, or a header split, goes to the community.
    for next in ["//evil.example/x", "https%3A%2F%2Fevil.example", "/a%0D%0ASet-Cookie:%20x=1", "%2F%5Cevil.example"] {
        let (status, location) = post(&app, &me, &format!("/communities/{houting}/mine?next={next}")).await;
        assert_eq!((status, location), (StatusCode::SEE_OTHER, format!("/communities/{houting}")), "{next}");
    }
    let (status, location) = post(&app, &me, &format!("/communities/{houting}/mine?next=/questions/ask")).await;
    assert_eq!((status, location.as_str()), (StatusCode::SEE_OTHER, "/questions/ask"));
    assert_eq!(community_of(&app, phone).await, Some(houting));
    let (_, _, html) = get(&app, &me, "/questions/ask").await;
    assert!(html.contains("id=\"ask\"") && html.contains("后亭社区"), "the form, to its lawyers: {html}");
    let (_, _, html) = get(&app, &me, "/me/community").await;
    assert!(html.contains(&format!("href=\"/communities/{houting}\"")), "我的社区 shows it: {html}");
}

/// A slot of 后亭 with no seat left, and `waiting` on its waitlist; returns the slot and the first
/// booking of it (cancelling that frees a seat).
async fn waiting_for_a_full_slot(app: &TestApp, houting: i64, waiting: &Client) -> (Value, Value) {
    let slot = app.free_slots(houting).await[0].clone();
    let book = |client: Client| {
        let slot = slot.clone();
        async move {
            let request = json!({ "community_id": houting, "slot_start": slot["start"], "channel": "in_person", "topic": "labour", "description": "工资" });
            app.post_with(&client, "booking/book", request).await
        }
    };
    let (_, first) = book(app.resident("13793330011").await).await;
    for k in 2..=slot["seats_left"].as_i64().expect("seats") {
        assert_eq!(book(app.resident(&format!("137933300{}", 10 + k)).await).await.0, StatusCode::OK);
    }
    let (status, body) = app
        .post_with(waiting, "booking/waitlist", json!({ "community_id": houting, "slot_start": slot["start"] }))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (slot, first)
}

#[tokio::test]
async fn a_resident_sees_their_waitlists_leaves_one_and_nobody_else_can() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let me = resident(&app, "13793330002").await;
    let (slot, first) = waiting_for_a_full_slot(&app, houting, &me).await;
    let (status, _, html) = get(&app, &me, "/me/waitlist").await;
    assert_eq!(status, StatusCode::OK);
    let entry: i64 = app.count("SELECT id FROM waitlist").await;
    assert!(html.contains("后亭社区") && html.contains(&format!("/me/waitlist/{entry}/leave")), "{html}");

    // A seat frees: the page offers it, and the inbox message opens the slot.
    sqlx::query("UPDATE bookings SET status = 'cancelled' WHERE id = $1")
        .bind(first["id"].as_i64())
        .execute(app.store.writer())
        .await
        .expect("cancel");
    let mut tx = app.store.writer().begin().await.expect("tx");
    server::booking::offer_freed_seat(&mut tx, houting, app::time::Instant(slot["start"].as_i64().expect("start")))
        .await
        .expect("offer");
    tx.commit().await.expect("commit");
    let book_it = format!("/communities/{houting}/book?slot={}", slot["start"]);
    let (_, _, html) = get(&app, &me, "/me/waitlist").await;
    assert!(html.contains(&book_it) && html.contains("有空位了"), "{html}");
    let (_, inbox) = app.post_with(&me, "account/inbox", json!({})).await;
    assert_eq!(inbox[0]["link"], json!(book_it), "{inbox}");

    // Nobody else leaves it for them; a visitor or another site's form is refused.
    let other = resident(&app, "13793330003").await;
    let leave = format!("/me/waitlist/{entry}/leave");
    assert_eq!(post(&app, &other, &leave).await.0, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &Client::new(), &leave).await.0, StatusCode::FORBIDDEN);
    let cross = me
        .post(format!("{}{leave}", app.address))
        .header("origin", "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .expect("cross");
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    for bad in ["/me/waitlist/abc/leave", "/me/waitlist/999999/leave"] {
        assert_eq!(post(&app, &me, bad).await.0, StatusCode::NOT_FOUND, "{bad}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM waitlist").await, 1);
    assert_eq!(post(&app, &me, &leave).await, (StatusCode::SEE_OTHER, "/me/waitlist".to_owned()));
    assert_eq!(app.count("SELECT COUNT(*) FROM waitlist").await, 0);
    let (_, _, html) = get(&app, &me, "/me/waitlist").await;
    assert!(html.contains("您没有在等候的时段"), "{html}");
}

#[tokio::test]
async fn every_inbox_message_of_a_booking_opens_it() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let me = app.resident("13793330004").await;
    let slot = app.free_slots(houting).await[0].clone();
    let request = json!({ "community_id": houting, "slot_start": slot["start"], "channel": "in_person", "topic": "labour", "description": "工资" });
    let (_, booking) = app.post_with(&me, "booking/book", request).await;
    let (_, cancelled) =
        app.post_with(&me, "booking/cancel", json!({ "booking_id": booking["id"], "reason": "有事" })).await;
    assert_eq!(cancelled["status"], "cancelled", "{cancelled}");
    let (_, inbox) = app.post_with(&me, "account/inbox", json!({})).await;
    let links: Vec<&Value> = inbox.as_array().expect("inbox").iter().map(|n| &n["link"]).collect();
    let own = json!(format!("/bookings/{}", booking["id"]));
    assert_eq!(links, vec![&own, &own], "booked and cancelled, each opening the booking: {inbox}");
    let page = me.get(format!("{}/me/messages", app.address)).send().await.expect("page").text().await.expect("html");
    assert_eq!(page.matches(&format!("href=\"/bookings/{}\"", booking["id"])).count(), 2, "{page}");
    let visitor = reqwest::Client::new().get(format!("{}/me/messages", app.address)).send().await.expect("page");
    assert!(
        visitor.text().await.expect("html").contains("/sign-in?next=/me/messages"),
        "a visitor is asked to sign in"
    );
}

#[tokio::test]
async fn the_servers_pages_follow_the_display_choices_from_the_first_paint() {
    let app = spawn_app().await;
    let html = |cookie: &'static str| {
        let url = format!("{}/questions", app.address);
        async move {
            let client = Client::new();
            let request = if cookie.is_empty() { client.get(url) } else { client.get(url).header("cookie", cookie) };
            request.send().await.expect("page").text().await.expect("html")
        }
    };
    assert!(html("").await.contains("<html lang=\"zh-CN\" class=\"\">"));
    assert!(html("large-text=1; high-contrast=1")
        .await
        .contains("<html lang=\"zh-CN\" class=\"large-text high-contrast\">"));
    assert!(html("high-contrast=1; lang=en").await.contains("<html lang=\"en\" class=\"high-contrast\">"));
    for off in ["large-text=0", "large-text=yes", "large-text=1%00"] {
        assert!(html(off).await.contains("<html lang=\"zh-CN\" class=\"\">"), "{off}");
    }
}
