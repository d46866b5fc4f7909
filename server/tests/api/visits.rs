//! 家门口公证: the notary office publishes its hours; a resident books a home visit with the
//! address, the matter and their birth date (a will is free from 65) and is sent the visit; the
//! office sees it with the resident's number and records what came of it, or calls it off with
//! a reason the resident is sent. A lawyer books one at the desk with the resident's code. Bad
//! input and foreign visits change nothing.

use crate::helpers::{spawn_app, TestApp};
use crate::referrals::{organisation, question_with_photo};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const NOTARY: &str = "深圳市宝安公证处";

/// Every day of the week, 09:00–12:00 in visits of 90 minutes, one notary at a time: slots on
/// any date the suite runs.
fn every_day() -> Value {
    let periods: Vec<Value> = (1..=7)
        .map(|d| json!({ "weekday": d, "start": "09:00", "end": "12:00", "slot_minutes": 90, "seats": 1 }))
        .collect();
    json!({ "periods": periods })
}

async fn slots(app: &TestApp, office: i64) -> Vec<Value> {
    let (status, answer) = app.post("visits/slots", json!({ "organisation_id": office })).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer["slots"].as_array().expect("slots").clone()
}

fn visit(office: i64, start: &Value, matter: &str, born: &str) -> Value {
    json!({ "organisation_id": office, "start": start, "matter": matter, "address": "后亭社区幸福路8号3栋502",
            "note": "老人行动不便，请提前电话联系", "birth_date": born })
}

async fn book(app: &TestApp, client: &Client, body: Value) -> (StatusCode, Value) {
    app.post_with(client, "visits/book", body).await
}

#[tokio::test]
async fn a_resident_books_a_home_visit_and_the_office_records_what_came_of_it() {
    let app = spawn_app().await;
    let office = organisation(&app, NOTARY).await;
    let notary = app.staff_client("notary").await;
    let (status, listed) = app.post("visits/offices", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert!(listed.as_array().expect("offices").iter().any(|o| o["id"] == office), "{listed}");

    // The office opens every morning; the first slot is tomorrow's at the earliest.
    let (status, hours) = app.post_with(&notary, "visits/save-hours", every_day()).await;
    assert_eq!((status, hours["periods"].as_array().map(Vec::len)), (StatusCode::OK, Some(7)), "{hours}");
    let open = slots(&app, office).await;
    let tomorrow = server::store::today().start().0 + 86_400_000;
    assert!(open.len() >= 20 && open.iter().all(|s| s["start"].as_i64() >= Some(tomorrow)), "{open:?}");
    let (first, second) = (&open[0]["start"], &open[1]["start"]);

    let phone = "13722260001";
    let (resident, _) = app.resident_of(phone, "后亭社区").await;
    let visits = "SELECT COUNT(*) FROM home_visits";
    let legal_aid = organisation(&app, "宝安区法律援助处").await;
    let long = "路".repeat(201);
    let off_slot = json!(first.as_i64().expect("start") + 60_000);
    for (body, field) in [
        (json!({ "address": "  " }), "address"),
        (json!({ "address": long }), "address"),
        (json!({ "note": "注".repeat(501) }), "note"),
        (json!({ "birth_date": "1950-02-30" }), "birth_date"),
        (json!({ "birth_date": "2100-01-01" }), "birth_date"),
        (json!({ "birth_date": "" }), "birth_date"),
        (json!({ "start": off_slot }), "start"),
        (json!({ "organisation_id": legal_aid }), "organisation_id"),
        (json!({ "source": { "question_id": 1 } }), "source"),
    ] {
        let mut asked = visit(office, first, "will", "1950-03-01");
        asked.as_object_mut().expect("object").extend(body.as_object().expect("fields").clone());
        let (status, answer) = book(&app, &resident, asked).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{answer}");
    }
    assert_eq!(app.count(visits).await, 0, "nothing booked by bad input");

    // A will at 76 is free; the resident is sent the visit with its address.
    let (status, booked) = book(&app, &resident, visit(office, first, "will", "1950-03-01")).await;
    assert_eq!(status, StatusCode::OK, "{booked}");
    assert_eq!((booked["free"].as_bool(), booked["status"].as_str()), (Some(true), Some("booked")), "{booked}");
    assert!(booked["resident"].is_null(), "the resident's own view: {booked}");
    let sms = app.sms_containing(phone, "上门").await;
    assert!(sms.contains(NOTARY) && sms.contains("幸福路8号") && sms.contains(booked["code"].as_str().expect("code")));
    // One notary at that time: the slot is gone, and a second booking of it is refused.
    assert!(slots(&app, office).await.iter().all(|s| s["start"] != *first));
    let (other, _) = app.resident_of("13722260002", "后亭社区").await;
    let (status, _) = book(&app, &other, visit(office, first, "will", "1950-03-01")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, twice) = book(&app, &resident, visit(office, first, "inheritance", "1950-03-01")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{twice}");
    // An inheritance is never free; a will before 65 is not either.
    let (_, paid) = book(&app, &resident, visit(office, second, "inheritance", "1950-03-01")).await;
    assert_eq!(paid["free"], false, "{paid}");
    let (_, young) = book(&app, &other, visit(office, &open[2]["start"], "will", "1980-06-01")).await;
    assert_eq!(young["free"], false, "{young}");
    // Three visits to come at most.
    book(&app, &resident, visit(office, &open[3]["start"], "power_of_attorney", "1950-03-01")).await;
    let (status, answer) = book(&app, &resident, visit(office, &open[4]["start"], "will", "1950-03-01")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    assert!(answer["message"].as_str().unwrap_or_default().contains('3'), "{answer}");

    // The office sees who to ring; another body and a lawyer see nothing.
    let (status, list) = app.post_with(&notary, "visits/office", json!({})).await;
    assert_eq!((status, list.as_array().map(Vec::len)), (StatusCode::OK, Some(4)), "{list}");
    assert_eq!(list[0]["resident"][1], phone, "{list}");
    let centre = app.staff_client("legalaid").await;
    assert_eq!(app.post_with(&centre, "visits/office", json!({})).await.0, StatusCode::FORBIDDEN);
    let lawyer = app.staff_client("lawyer").await;
    assert_eq!(app.post_with(&lawyer, "visits/office", json!({})).await.0, StatusCode::FORBIDDEN);

    // Nothing is done before it begins; calling off needs a reason, which the resident is sent.
    let id = booked["id"].clone();
    let finish = |status: &str, reason: &str| json!({ "id": id, "status": status, "reason": reason });
    assert_eq!(app.post_with(&notary, "visits/finish", finish("done", "")).await.0, StatusCode::CONFLICT);
    let (status, answer) = app.post_with(&notary, "visits/finish", finish("cancelled", " ")).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("reason")));
    assert_eq!(app.post_with(&centre, "visits/finish", finish("cancelled", "有事")).await.0, StatusCode::FORBIDDEN);
    let (status, called_off) = app.post_with(&notary, "visits/finish", finish("cancelled", "公证员临时外出")).await;
    assert_eq!((status, called_off["status"].as_str()), (StatusCode::OK, Some("cancelled")), "{called_off}");
    assert!(app.sms_containing(phone, "公证员临时外出").await.contains("取消"));
    assert_eq!(app.post_with(&notary, "visits/finish", finish("no_show", "")).await.0, StatusCode::CONFLICT);

    // The resident calls off their own, not another's, and only once.
    let (_, mine) = app.post_with(&resident, "visits/mine", json!({})).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(3), "{mine}");
    assert_eq!(mine[2]["reason"], "公证员临时外出", "called off last: {mine}");
    let theirs = json!({ "id": young["id"] });
    assert_eq!(app.post_with(&resident, "visits/cancel", theirs).await.0, StatusCode::NOT_FOUND);
    let own = json!({ "id": paid["id"] });
    assert_eq!(app.post_with(&resident, "visits/cancel", own.clone()).await.0, StatusCode::OK);
    assert_eq!(app.post_with(&resident, "visits/cancel", own).await.0, StatusCode::CONFLICT);
    let held = "SELECT COUNT(*) FROM home_visits WHERE status = 'booked'";
    assert_eq!(app.count(held).await, 2);
}

#[tokio::test]
async fn an_office_keeps_whole_hours_and_holidays_close_its_days() {
    let app = spawn_app().await;
    let office = organisation(&app, NOTARY).await;
    let notary = app.staff_client("notary").await;
    let (status, demo) = app.post_with(&notary, "visits/hours", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let overlapping = json!({ "periods": [
        { "weekday": 2, "start": "09:00", "end": "12:00", "slot_minutes": 60, "seats": 1 },
        { "weekday": 2, "start": "11:00", "end": "13:00", "slot_minutes": 60, "seats": 1 }] });
    let fourteen: Vec<Value> = (0..15)
        .map(|_| json!({ "weekday": 1, "start": "09:00", "end": "10:00", "slot_minutes": 60, "seats": 1 }))
        .collect();
    for bad in [
        overlapping,
        json!({ "periods": fourteen }),
        json!({ "periods": [{ "weekday": 8, "start": "09:00", "end": "12:00", "slot_minutes": 60, "seats": 1 }] }),
        json!({ "periods": [{ "weekday": 1, "start": "9点", "end": "12:00", "slot_minutes": 60, "seats": 1 }] }),
        json!({ "periods": [{ "weekday": 1, "start": "09:00", "end": "12:00", "slot_minutes": 60, "seats": 99 }] }),
    ] {
        let (status, answer) = app.post_with(&notary, "visits/save-hours", bad).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("periods")));
    }
    assert_eq!(app.post_with(&notary, "visits/hours", json!({})).await.1, demo, "unchanged");
    let centre = app.staff_client("legalaid").await;
    assert_eq!(app.post_with(&centre, "visits/save-hours", every_day()).await.0, StatusCode::FORBIDDEN);
    let staff = app.staff_client("staff").await;
    assert_eq!(app.post_with(&staff, "visits/hours", json!({})).await.0, StatusCode::FORBIDDEN);

    // A holiday in the window closes its day: its two morning visits go.
    app.post_with(&notary, "visits/save-hours", every_day()).await;
    let date_of = |s: &Value| app::time::Instant(s["start"].as_i64().expect("start")).to_shanghai().0;
    let before = slots(&app, office).await;
    let holiday = date_of(&before[before.len() / 2]);
    sqlx::query(
        "INSERT INTO holidays (on_date, name, kind) VALUES ($1, '测试假日', 'holiday') \
         ON CONFLICT (on_date) DO UPDATE SET kind = 'holiday', works_as = NULL",
    )
    .bind(holiday.to_string())
    .execute(app.store.writer())
    .await
    .expect("holiday");
    let after = slots(&app, office).await;
    assert!(after.iter().all(|s| date_of(s) != holiday) && after.len() == before.len() - 2, "{after:?}");
    // Stopping the visits takes the office off the list.
    app.post_with(&notary, "visits/save-hours", json!({ "periods": [] })).await;
    let (_, listed) = app.post("visits/offices", json!({})).await;
    assert!(listed.as_array().expect("offices").iter().all(|o| o["id"] != office), "{listed}");
}

#[tokio::test]
async fn a_lawyer_books_a_visit_at_the_desk_with_the_residents_code() {
    let app = spawn_app().await;
    let office = organisation(&app, NOTARY).await;
    let notary = app.staff_client("notary").await;
    app.post_with(&notary, "visits/save-hours", every_day()).await;
    let start = slots(&app, office).await[0]["start"].clone();
    let phone = "13722260003";
    let (resident, question, _) = question_with_photo(&app, phone).await;
    let lawyer = app.staff_client("lawyer").await;
    let for_them = |code: &str| {
        let mut body = visit(office, &start, "will", "1948-05-20");
        body["source"] = json!({ "question_id": question });
        body["consent_code"] = json!(code);
        body
    };

    let texts = app.sms_count(phone);
    let (status, _) = app.post_with(&lawyer, "referrals/consent-code", json!({ "question_id": question })).await;
    assert_eq!(status, StatusCode::OK);
    let code = app.code_after(phone, texts).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (status, answer) = book(&app, &lawyer, for_them(wrong)).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("code")), "{answer}");
    let (status, answer) = book(&app, &lawyer, for_them("")).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("consent_code")));
    let other = app.staff_client("lawyer01").await;
    assert_eq!(book(&app, &other, for_them(&code)).await.0, StatusCode::NOT_FOUND, "not their matter");
    assert_eq!(app.count("SELECT COUNT(*) FROM home_visits").await, 0);

    let (status, booked) = book(&app, &lawyer, for_them(&code)).await;
    assert_eq!((status, booked["free"].as_bool()), (StatusCode::OK, Some(true)), "{booked}");
    let (_, mine) = app.post_with(&resident, "visits/mine", json!({})).await;
    assert_eq!(mine[0]["id"], booked["id"], "the resident's own visit: {mine}");
    let page = resident.get(format!("{}/me/privacy", app.address)).send().await.expect("page");
    assert!(
        page.text().await.expect("html").contains("代您预约了上门公证"),
        "the resident sees who booked it for them"
    );
}

#[tokio::test]
async fn the_desk_books_a_visit_through_its_page_with_the_residents_code() {
    let app = spawn_app().await;
    let office = organisation(&app, NOTARY).await;
    app.post_with(&app.staff_client("notary").await, "visits/save-hours", every_day()).await;
    let start = slots(&app, office).await[0]["start"].as_i64().expect("start");
    let phone = "13722260004";
    let (_, question, _) = question_with_photo(&app, phone).await;
    let lawyer = app.staff_client("lawyer").await;
    let page = lawyer.get(format!("{}/visits?question={question}", app.address)).send().await.expect("page");
    let html = page.text().await.expect("html");
    assert!(html.contains("发送确认码") && html.contains(&format!("value=\"{question}\"")), "{html}");
    let post = |path: &str, fields: Vec<(&str, String)>, site: &str| {
        lawyer.post(format!("{}{path}", app.address)).header("sec-fetch-site", site).form(&fields).send()
    };

    let texts = app.sms_count(phone);
    let asked = vec![("organisation_id", office.to_string()), ("question_id", question.to_string())];
    let sent = post("/visits/code", asked, "same-origin").await.expect("code");
    assert_eq!(sent.status(), StatusCode::OK);
    assert!(sent.text().await.expect("html").contains("确认码已发送至 137****0004"));
    let code = app.code_after(phone, texts).await;
    let visit = |code: &str| {
        vec![
            ("organisation_id", office.to_string()),
            ("start", start.to_string()),
            ("matter", "will".to_owned()),
            ("address", "后亭社区幸福路8号".to_owned()),
            ("birth_date", "1948-05-20".to_owned()),
            ("question_id", question.to_string()),
            ("consent_code", code.to_owned()),
        ]
    };
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let refused = post("/visits", visit(wrong), "same-origin").await.expect("book");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("html").contains("role=\"alert\""));
    assert_eq!(post("/visits", visit(&code), "cross-site").await.expect("book").status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM home_visits").await, 0);
    let booked = post("/visits", visit(&code), "same-origin").await.expect("book");
    assert_eq!(booked.status(), StatusCode::OK);
    let html = booked.text().await.expect("html");
    assert!(html.contains("已预约上门公证") && html.contains("免收公证费"), "{html}");
    assert_eq!(app.count("SELECT COUNT(*) FROM home_visits WHERE booked_by IS NOT NULL").await, 1);
}
