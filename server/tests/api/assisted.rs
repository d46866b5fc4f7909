//! Assisted service: a worker books or asks for a resident who walked in or phoned, with their
//! consent; the resident finds it when they sign in, sees who acted for them, and the board
//! counts it. Helpers act only where they serve, never for a worker's number, and a consent
//! code signs nobody in.

use crate::helpers::{code_in, new_client, spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A booking request for the first free slot of `community`.
async fn booking_of(app: &TestApp, community: i64) -> Value {
    let slot = app.free_slots(community).await.into_iter().next().expect("a free slot");
    let channel = slot["channels"][0].clone();
    json!({ "community_id": community, "slot_start": slot["start"], "channel": channel, "topic": "labour", "description": "工资被拖欠三个月" })
}

fn question_to(community: i64, key: &str) -> Value {
    json!({ "client_key": key, "community_id": community, "category": "family", "title": "赡养费", "body": "子女不付赡养费怎么办", "consent": true })
}

async fn accounts_of(app: &TestApp, phone: &str) -> i64 {
    app.count(&format!("SELECT COUNT(*) FROM users WHERE phone = '{phone}'")).await
}

async fn book_for(app: &TestApp, helper: &Client, who: Value, booking: Value) -> (StatusCode, Value) {
    app.post_with(helper, "assisted/book", json!({ "resident": who, "booking": booking })).await
}

#[tokio::test]
async fn a_lawyer_books_for_a_phoning_resident_who_signs_in_and_finds_it() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let lawyer = app.staff_client("lawyer").await;
    let phone = "13791110001";
    let booking = booking_of(&app, houting).await;
    let (status, view) = book_for(&app, &lawyer, json!({ "phone": phone, "consent": "phone" }), booking).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let id = view["id"].as_i64().expect("id");
    assert!(app.sms_containing(phone, view["code"].as_str().expect("code")).await.contains("预约"));
    let (by, consent): (Option<i64>, Option<String>) =
        sqlx::query_as("SELECT assisted_by, assisted_consent FROM bookings WHERE id = $1")
            .bind(id)
            .fetch_one(&app.store.pool)
            .await
            .expect("row");
    let lawyer_user = app.count("SELECT id FROM users WHERE login = 'lawyer'").await;
    assert_eq!((by, consent.as_deref()), (Some(lawyer_user), Some("phone")));

    // The resident signs in for the first time: it is theirs, and they see who booked it and how.
    let resident = new_client();
    app.sign_in_resident(&resident, phone).await;
    let (_, mine) = app.post_with(&resident, "booking/mine", json!({})).await;
    assert_eq!(mine["upcoming"][0]["id"].as_i64(), Some(id), "{mine}");
    let (_, inbox) = app.post_with(&resident, "account/inbox", json!({})).await;
    assert!(inbox.as_array().expect("inbox").iter().any(|n| n["link"] == json!(format!("/bookings/{id}"))), "{inbox}");
    let html =
        resident.get(format!("{}/me/privacy", app.address)).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("代您预约了咨询") && html.contains("您在电话中同意"), "{html}");

    // The same resident's cap holds for bookings made for them.
    let (status, question) = app
        .post_with(
            &lawyer,
            "assisted/ask",
            json!({ "resident": { "phone": phone, "consent": "desk" }, "question": question_to(houting, "q1") }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{question}");
    let (_, questions) = app.post_with(&resident, "questions/mine", json!({})).await;
    assert!(questions.to_string().contains("赡养费"), "{questions}");

    // The board counts both as assisted, and its paragraph says so.
    let staff = app.staff_client("staff").await;
    let today = server::store::today();
    let period = json!({ "from": today.plus_days(-1).to_string(), "to": today.plus_days(30).to_string() });
    let (status, board) = app.post_with(&staff, "staff/board", period.clone()).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    assert_eq!(board["assisted"], json!({ "bookings": 1, "questions": 1 }));
    assert!(board["summary"].as_str().expect("summary").contains("代为预约1次、代为提问1条"), "{board}");
    let elsewhere = app.street("新安街道").await;
    let (_, other) = app
        .post_with(&staff, "staff/board", json!({ "from": period["from"], "to": period["to"], "street": elsewhere }))
        .await;
    assert_eq!(other["assisted"], json!({ "bookings": 0, "questions": 0 }), "another street's board counts its own");
}

#[tokio::test]
async fn a_consent_code_is_checked_used_once_and_signs_nobody_in() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let assistant = app.staff_client("assistant").await;
    let phone = "13791110002";
    let (status, sent) = app.post_with(&assistant, "assisted/consent-code", json!({ "phone": phone })).await;
    assert_eq!(status, StatusCode::OK, "{sent}");
    let code = code_in(&app.last_sms(phone).await);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for (bad, field) in [(wrong, "code"), ("12", "code"), ("", "code")] {
        let who = json!({ "phone": phone, "consent": "code", "code": bad });
        let (status, body) = book_for(&app, &assistant, who, booking_of(&app, houting).await).await;
        assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{bad}: {body}");
    }
    assert_eq!(accounts_of(&app, phone).await, 0, "nothing made on a wrong code");
    let visitor = new_client();
    let (status, _) = app.post_with(&visitor, "auth/sign-in-code", json!({ "phone": phone, "code": code })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a consent code is no sign-in code");
    let who = json!({ "phone": phone, "consent": "code", "code": code });
    let (status, view) = book_for(&app, &assistant, who.clone(), booking_of(&app, houting).await).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let (status, again) = book_for(&app, &assistant, who, booking_of(&app, houting).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "used once: {again}");
    assert_eq!(app.count("SELECT COUNT(*) FROM bookings WHERE assisted_consent = 'code'").await, 1);
}

#[tokio::test]
async fn helpers_act_only_where_they_serve_never_for_a_workers_number_and_bad_input_changes_nothing() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let xin_an: i64 = sqlx::query_scalar(
        "SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.name = '新安街道' ORDER BY c.id LIMIT 1",
    )
    .fetch_one(&app.store.pool)
    .await
    .expect("a community of another street");
    let phone = "13791110003";
    let who = json!({ "phone": phone, "consent": "desk" });
    let other = booking_of(&app, xin_an).await;
    for login in ["lawyer", "assistant", "shajing"] {
        let helper = app.staff_client(login).await;
        let (status, body) = book_for(&app, &helper, who.clone(), other.clone()).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{login} in another street: {body}");
        let (status, body) = app
            .post_with(&helper, "assisted/ask", json!({ "resident": who, "question": question_to(xin_an, "x") }))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{login} asks in another street: {body}");
    }
    let resident = app.resident("13791110009").await;
    assert_eq!(book_for(&app, &resident, who.clone(), booking_of(&app, houting).await).await.0, StatusCode::FORBIDDEN);
    assert_eq!(accounts_of(&app, phone).await, 0, "nothing made for refused helpers");

    let lawyer = app.staff_client("lawyer").await;
    let staff_phone: String = sqlx::query_scalar("SELECT phone FROM users WHERE login = 'staff'")
        .fetch_one(&app.store.pool)
        .await
        .expect("phone");
    let (status, body) =
        book_for(&app, &lawyer, json!({ "phone": staff_phone, "consent": "desk" }), booking_of(&app, houting).await)
            .await;
    assert_eq!((status, body["field"].as_str()), (StatusCode::CONFLICT, Some("phone")), "{body}");

    let mut booking = booking_of(&app, houting).await;
    let long = "长".repeat(501);
    for (resident, description, field) in [
        (json!({ "phone": "123", "consent": "desk" }), "借款", "phone"),
        (json!({ "phone": "1379111000", "consent": "desk" }), "借款", "phone"),
        (who.clone(), "   ", "description"),
        (who.clone(), long.as_str(), "description"),
    ] {
        booking["description"] = json!(description);
        let (status, body) = book_for(&app, &lawyer, resident, booking.clone()).await;
        assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{body}");
    }
    let (status, body) =
        book_for(&app, &lawyer, json!({ "phone": phone, "consent": "vouched" }), booking.clone()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "an unknown consent is a malformed request: {body}");
    let mut no_community = question_to(houting, "y");
    no_community["community_id"] = Value::Null;
    let mut with_files = question_to(houting, "z");
    with_files["attachments"] = json!(["tok"]);
    let mut untitled = question_to(houting, "w");
    untitled["title"] = json!("");
    for (question, field) in [(no_community, "community_id"), (with_files, "attachments"), (untitled, "title")] {
        let (status, body) =
            app.post_with(&lawyer, "assisted/ask", json!({ "resident": who, "question": question })).await;
        assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{body}");
    }
    assert_eq!(accounts_of(&app, phone).await, 0, "bad input makes no account");
    assert_eq!(app.count("SELECT COUNT(*) FROM bookings WHERE assisted_by IS NOT NULL").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM questions WHERE assisted_by IS NOT NULL").await, 0);

    // Another spelling of the number is the same resident: one account.
    for spelling in ["１３７９１１１０００３", "+86 137 9111 0003"] {
        let (status, body) = app
            .post_with(&lawyer, "assisted/ask", json!({ "resident": { "phone": spelling, "consent": "desk" }, "question": question_to(houting, spelling) }))
            .await;
        assert_eq!(status, StatusCode::OK, "{spelling}: {body}");
    }
    assert_eq!(accounts_of(&app, phone).await, 1);
}
