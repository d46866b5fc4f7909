//! Praise and complaints: a resident praises a consultation and complains about an answer, once
//! each; staff of the street reply to the complaint and the resident reads it; staff record a
//! banner; another resident's matter, another street and bad input change nothing.

use crate::board::{exec, role_of};
use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A consultation of `resident` with the A lawyer of `community` two days ago, held: its id.
async fn held(app: &TestApp, resident: i64, code: &str, community: &str) -> i64 {
    let houting = app.community(community).await;
    let a = role_of(app, houting, "a").await;
    let start = server::store::now_ms() - 2 * 86_400_000;
    exec(
        app,
        "INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, seat, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'phone', 'debt', '借款', 'completed', 1, 0, 0)",
        &[json!(code), json!(resident), json!(houting), json!(a), json!(start), json!(start + 1_800_000)],
    )
    .await;
    app.count(&format!("SELECT id FROM bookings WHERE code = '{code}'")).await
}

/// An answered question of `resident` at 后亭社区, routed to its A lawyer: its id.
async fn answered(app: &TestApp, resident: i64, key: &str) -> i64 {
    let houting = app.community("后亭社区").await;
    let a = role_of(app, houting, "a").await;
    let at = server::store::now_ms() - 86_400_000;
    exec(
        app,
        "INSERT INTO questions (resident_id, community_id, category, title, client_key, status, deadline_at, first_answer_at, routed_to, created_at, updated_at) \
         VALUES ($1, $2, 'labour', '加班费怎么算', $3, 'answered', $4, $4, $5, $4, $4)",
        &[json!(resident), json!(houting), json!(key), json!(at), json!(a)],
    )
    .await;
    app.count(&format!("SELECT id FROM questions WHERE client_key = '{key}'")).await
}

#[tokio::test]
async fn a_resident_praises_and_complains_once_each_and_reads_the_reply() {
    let app = spawn_app().await;
    let (resident, me) = app.resident_of("13722270001", "后亭社区").await;
    let (other, them) = app.resident_of("13722270002", "后亭社区").await;
    let booking = held(&app, me, "FB000001", "后亭社区").await;
    let question = answered(&app, me, "fb-q-1").await;
    let theirs = held(&app, them, "FB000002", "后亭社区").await;

    let (status, matters) = app.post_with(&resident, "feedback/matters", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let ids: Vec<(Value, Value)> = matters
        .as_array()
        .expect("matters")
        .iter()
        .map(|m| (m["booking_id"].clone(), m["question_id"].clone()))
        .collect();
    assert_eq!(ids, vec![(json!(booking), Value::Null), (Value::Null, json!(question))], "{matters}");

    let count = "SELECT COUNT(*) FROM feedback";
    for (body, status, field) in [
        (json!({ "kind": "praise", "booking_id": booking, "body": "  " }), 422, Some("body")),
        (json!({ "kind": "praise", "booking_id": booking, "body": "好".repeat(1_001) }), 422, Some("body")),
        (json!({ "kind": "complaint", "question_id": question, "body": "答非所问" }), 422, Some("wanted")),
        (json!({ "kind": "praise", "body": "很好" }), 422, Some("booking_id")),
        (
            json!({ "kind": "praise", "booking_id": booking, "question_id": question, "body": "很好" }),
            422,
            Some("booking_id"),
        ),
        (json!({ "kind": "praise", "booking_id": theirs, "body": "很好" }), 404, None),
        (json!({ "kind": "praise", "booking_id": 999_999, "body": "很好" }), 404, None),
        (json!({ "kind": "praise", "question_id": 999_999, "body": "很好" }), 404, None),
    ] {
        let (got, answer) = app.post_with(&resident, "feedback/send", body).await;
        assert_eq!((got.as_u16(), answer["field"].as_str()), (status, field), "{answer}");
    }
    assert_eq!(app.count(count).await, 0, "nothing written by bad input");

    let praise = json!({ "kind": "praise", "booking_id": booking, "body": "律师很耐心，讲得很清楚" });
    let (status, sent) = app.post_with(&resident, "feedback/send", praise.clone()).await;
    assert_eq!((status, sent["status"].as_str()), (StatusCode::OK, Some("received")), "{sent}");
    assert_eq!(app.post_with(&resident, "feedback/send", praise).await.0, StatusCode::CONFLICT, "once");
    let complaint = json!({ "kind": "complaint", "question_id": question, "body": "答复没有回答我的问题",
                            "wanted": "请重新答复" });
    let (status, open) = app.post_with(&resident, "feedback/send", complaint).await;
    assert_eq!((status, open["status"].as_str()), (StatusCode::OK, Some("open")), "{open}");
    assert!(open["resident"].is_null(), "the resident's own view");

    // 沙井街道's staff (后亭社区's street) see both, the open complaint first, with the
    // resident's name; a complaint at another street's community is not theirs.
    let shajing = app.staff_client("shajing").await;
    let elsewhere = held(&app, me, "FB000003", "海旺社区").await;
    let far = json!({ "kind": "complaint", "booking_id": elsewhere, "body": "迟到半小时", "wanted": "请改进" });
    let (_, far) = app.post_with(&resident, "feedback/send", far).await;
    let (_, listed) = app.post_with(&shajing, "staff/feedback", json!({})).await;
    assert_eq!(listed[0]["id"], open["id"], "{listed}");
    assert_eq!(listed.as_array().map(Vec::len), Some(2), "{listed}");
    assert!(listed[0]["resident"].is_string(), "{listed}");
    let (_, all) = app.post_with(&app.staff_client("staff").await, "staff/feedback", json!({})).await;
    assert_eq!(all.as_array().map(Vec::len), Some(3), "the district's staff see every street's");
    let reply = |text: &str| json!({ "id": open["id"], "reply": text });
    let far_reply = json!({ "id": far["id"], "reply": "已核实" });
    assert_eq!(app.post_with(&shajing, "staff/reply-complaint", far_reply).await.0, StatusCode::FORBIDDEN);
    let local = &shajing;
    let (status, answer) = app.post_with(local, "staff/reply-complaint", reply(" ")).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("reply")));
    let praised = json!({ "id": sent["id"], "reply": "谢谢" });
    assert_eq!(
        app.post_with(local, "staff/reply-complaint", praised).await.0,
        StatusCode::CONFLICT,
        "praise is no complaint"
    );
    let (status, handled) = app.post_with(local, "staff/reply-complaint", reply("已请律师重新答复")).await;
    assert_eq!((status, handled["status"].as_str()), (StatusCode::OK, Some("handled")), "{handled}");
    assert_eq!(app.post_with(local, "staff/reply-complaint", reply("再次")).await.0, StatusCode::CONFLICT);

    // The resident reads the reply and is told; the other resident sees nothing of it.
    let (_, mine) = app.post_with(&resident, "feedback/mine", json!({})).await;
    assert!(mine.as_array().expect("mine").iter().any(|f| f["reply"] == "已请律师重新答复"), "{mine}");
    let (_, inbox) = app.post_with(&resident, "account/inbox", json!({})).await;
    assert!(inbox.to_string().contains("您的投诉已有答复"), "{inbox}");
    assert_eq!(app.post_with(&other, "feedback/mine", json!({})).await.1, json!([]));

    // The lawyer's line of the export counts both, for their year.
    let staff = app.staff_client("staff").await;
    let (from, to) = (server::store::today().plus_days(-7), server::store::today());
    let url = format!("{}/api/staff/board.csv?from={from}&to={to}&by=lawyer", app.address);
    let csv = staff.get(url).send().await.expect("csv").text().await.expect("body");
    assert!(csv.lines().next().is_some_and(|head| head.ends_with(",满意度,表扬,投诉")), "{csv}");
    let houting = app.community("后亭社区").await;
    let a: String = sqlx::query_scalar("SELECT l.name FROM lawyers l WHERE l.id = $1")
        .bind(role_of(&app, houting, "a").await)
        .fetch_one(&app.store.pool)
        .await
        .expect("name");
    let line = csv.lines().find(|l| l.starts_with(&format!("{a},"))).expect("the lawyer's line");
    assert!(line.ends_with(",1,1"), "{line}");
}

#[tokio::test]
async fn staff_record_a_banner_for_a_lawyer_of_a_community_in_their_scope() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let a = role_of(&app, houting, "a").await;
    let staff = app.staff_client("staff").await;
    let banner = |lawyer: i64, on: &str, note: &str| json!({ "channel": "banner", "lawyer_id": lawyer, "community_id": houting, "received_on": on, "note": note });
    let tomorrow = server::store::today().plus_days(1).to_string();
    let other_lawyer: i64 = sqlx::query_scalar(
        "SELECT id FROM lawyers WHERE id NOT IN (SELECT lawyer_id FROM assignments WHERE community_id = $1) ORDER BY id LIMIT 1",
    )
    .bind(houting)
    .fetch_one(&app.store.pool)
    .await
    .expect("a lawyer elsewhere");
    for bad in [
        banner(a, &tomorrow, "锦旗"),
        banner(a, "2026-02-30", "锦旗"),
        banner(a, "2026-01-05", " "),
        banner(other_lawyer, "2026-01-05", "锦旗"),
        json!({ "channel": "online", "lawyer_id": a, "community_id": houting, "received_on": "2026-01-05", "note": "锦旗" }),
    ] {
        let (status, answer) = app.post_with(&staff, "staff/record-thanks", bad).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("thanks")), "{answer}");
    }
    let unknown = json!({ "channel": "letter", "lawyer_id": a, "community_id": 999_999, "received_on": "2026-01-05", "note": "信" });
    assert_eq!(app.post_with(&staff, "staff/record-thanks", unknown).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM feedback").await, 0);

    let (status, recorded) =
        app.post_with(&staff, "staff/record-thanks", banner(a, "2026-01-05", "为民解忧 法律护航")).await;
    assert_eq!(status, StatusCode::OK, "{recorded}");
    assert_eq!((recorded["channel"].as_str(), recorded["kind"].as_str()), (Some("banner"), Some("praise")));
    assert!(recorded["resident"].is_null(), "no resident sent it");
    let logged = "SELECT COUNT(*) FROM audit_events WHERE action = 'thanks_record'";
    assert_eq!(app.count(logged).await, 1);
}

#[tokio::test]
async fn the_pages_send_a_complaint_and_staff_answer_it_and_record_a_banner() {
    let app = spawn_app().await;
    let (resident, me) = app.resident_of("13722270003", "后亭社区").await;
    let booking = held(&app, me, "FB000004", "后亭社区").await;
    let page = |client: &reqwest::Client, path: &str| client.get(format!("{}{path}", app.address)).send();
    let html = page(&resident, "/me/feedback").await.expect("page").text().await.expect("html");
    assert!(html.contains(&format!("value=\"b:{booking}\"")), "{html}");
    let post = |client: &reqwest::Client, path: &str, fields: Vec<(&str, String)>, site: &str| {
        client.post(format!("{}{path}", app.address)).header("sec-fetch-site", site).form(&fields).send()
    };
    let complaint = || {
        vec![
            ("matter", format!("b:{booking}")),
            ("kind", "complaint".to_owned()),
            ("body", "律师迟到半小时".to_owned()),
            ("wanted", "希望改进".to_owned()),
        ]
    };
    assert_eq!(post(&resident, "/me/feedback", complaint(), "cross-site").await.expect("post").status(), 403);
    let mut odd = complaint();
    odd[0].1 = "x:1".to_owned();
    assert_eq!(post(&resident, "/me/feedback", odd, "same-origin").await.expect("post").status(), 400);
    assert_eq!(app.count("SELECT COUNT(*) FROM feedback").await, 0);
    let sent = post(&resident, "/me/feedback", complaint(), "same-origin").await.expect("post");
    assert!(sent.status().is_success(), "{}", sent.status());
    assert!(sent.text().await.expect("html").contains("律师迟到半小时"));

    let shajing = app.staff_client("shajing").await;
    assert_eq!(page(&resident, "/staff/feedback").await.expect("page").status(), 403);
    let html = page(&shajing, "/staff/feedback").await.expect("page").text().await.expect("html");
    assert!(html.contains("律师迟到半小时") && html.contains("答复并办结"), "{html}");
    let id = app.count("SELECT id FROM feedback").await;
    let replied =
        post(&shajing, &format!("/staff/feedback/{id}/reply"), vec![("reply", "已约谈律师".into())], "same-origin");
    assert!(replied.await.expect("reply").status().is_success());
    let html = page(&resident, "/me/feedback").await.expect("page").text().await.expect("html");
    assert!(html.contains("已约谈律师"), "{html}");

    let houting = app.community("后亭社区").await;
    let a = role_of(&app, houting, "a").await;
    let fields = vec![
        ("channel", "banner".to_owned()),
        ("recipient", format!("{a}:{houting}")),
        ("received_on", server::store::today().to_string()),
        ("note", "为民解忧".to_owned()),
    ];
    let recorded = post(&shajing, "/staff/feedback/thanks", fields, "same-origin").await.expect("thanks");
    assert!(recorded.text().await.expect("html").contains("为民解忧"));
}
