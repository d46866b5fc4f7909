//! Online questions: the resident's way from asking to rating, the route from the A lawyer to
//! the street with a controlled clock, idle claims, leave, reassignment, privacy per role, and
//! bad input.

use crate::helpers::{new_client, spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use server::files::inspect::samples;
use server::questions::Deadlines;

pub(crate) const DEADLINES: Deadlines = Deadlines { step_hours: 24, claim_lapse_ms: 3 * 86_400_000 };

/// The login and lawyer id of `community`'s lawyer in `role` (`a`, `b`, `coordinator`).
pub(crate) async fn lawyer_of(app: &TestApp, community: &str, role: &str) -> (String, i64) {
    sqlx::query_as(
        "SELECT u.login, l.id FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id JOIN users u ON u.id = l.user_id \
         JOIN communities c ON c.id = a.community_id WHERE c.name = $1 AND a.role = $2 AND a.ends_on IS NULL",
    )
    .bind(community)
    .bind(role)
    .fetch_one(&app.store.pool)
    .await
    .expect("the community's lawyer")
}

/// A lawyer of another street than 沙井街道.
pub(crate) async fn far_lawyer(app: &TestApp) -> Client {
    let (login, _) = lawyer_of(app, "海旺社区", "a").await;
    app.staff_client(&login).await
}

pub(crate) async fn ask(app: &TestApp, resident: &Client, key: &str, attachments: Vec<String>) -> (StatusCode, Value) {
    app.post_with(
        resident,
        "questions/ask",
        json!({ "client_key": key, "category": "debt", "title": "朋友借钱不还怎么办", "body": "去年借给朋友5000元，有微信转账记录，没有借条。",
                "attachments": attachments, "consent": true, "may_publish": true }),
    )
    .await
}

pub(crate) async fn asked(app: &TestApp, resident: &Client, key: &str) -> i64 {
    let (status, thread) = ask(app, resident, key, vec![]).await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    thread["question"]["id"].as_i64().expect("id")
}

pub(crate) fn deadline(thread: &Value) -> i64 {
    thread["question"]["deadline_at"].as_i64().expect("deadline")
}

#[tokio::test]
async fn a_resident_asks_with_a_photo_the_a_lawyer_answers_and_the_resident_follows_up_accepts_and_rates() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13733330001", "后亭社区").await;
    let photo = app.uploaded(&resident, "转账记录.jpg", samples::jpeg_with_location()).await;
    let (status, thread) = ask(&app, &resident, "k-1", vec![photo.clone()]).await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    let id = thread["question"]["id"].as_i64().expect("id");
    assert_eq!(thread["question"]["status"], "waiting");
    assert_eq!(thread["question"]["step"], "a");
    assert_eq!(thread["attachments"].as_array().map(Vec::len), Some(1));
    assert_eq!(thread["routes"], json!([]), "residents do not see the hand-overs");
    let (_, folder) = app.post_with(&resident, "files/mine", json!({})).await;
    assert_eq!(folder, json!([]), "a question's files live with the question, not in 我的资料");
    // Sent again on a weak network: one question.
    let (status, again) = ask(&app, &resident, "k-1", vec![]).await;
    assert_eq!((status, again["question"]["id"].as_i64()), (StatusCode::OK, Some(id)));
    assert_eq!(app.count("SELECT COUNT(*) FROM questions").await, 1);

    let lawyer = app.staff_client("lawyer").await;
    let (_, queue) = app.post_with(&lawyer, "questions/queue", json!({})).await;
    assert!(queue.as_array().expect("queue").iter().any(|q| q["id"] == id), "{queue}");
    let (_, before) = app.post_with(&lawyer, "questions/thread", json!({ "question_id": id })).await;
    assert_eq!(before["resident_phone"], "137****0001", "masked until the lawyer takes it");
    assert_eq!(before["routes"][0]["reason"], "asked");
    let (status, claimed) = app.post_with(&lawyer, "questions/claim", json!({ "question_id": id })).await;
    assert_eq!(status, StatusCode::OK, "{claimed}");
    assert_eq!(
        claimed["resident_phone"], "137****0001",
        "masked for the lawyer handling it too: it is answered in writing"
    );
    assert_eq!(app.download(&lawyer, &photo, "").await.status(), StatusCode::OK);

    let (status, answered) = app
        .post_with(
            &lawyer,
            "questions/answer",
            json!({ "question_id": id, "body": "微信转账记录可以作为**借款凭证**。<script>x</script>" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answered}");
    assert_eq!(answered["question"]["status"], "answered");
    let html = answered["messages"][1]["body"].as_str().expect("answer");
    assert!(html.contains("<strong>借款凭证</strong>") && !html.contains("<script>"), "{html}");
    assert!(app.sms_containing("13733330001", "朋友借钱不还怎么办").await.contains("已有律师回复"));

    let (status, _) = app
        .post_with(&resident, "questions/follow-up", json!({ "question_id": id, "body": "对方说是赠与，怎么办？" }))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .post_with(
            &lawyer,
            "questions/answer",
            json!({ "question_id": id, "body": "转账备注和聊天记录能证明是借款。" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM service_records WHERE question_id = {id} AND category = 'consultation'"
        ))
        .await,
        1,
        "one consultation however many answers"
    );
    let (status, closed) = app.post_with(&resident, "questions/accept", json!({ "question_id": id })).await;
    assert_eq!((status, closed["question"]["status"].as_str()), (StatusCode::OK, Some("closed")));
    let (status, rated) = app.post_with(&resident, "questions/rate", json!({ "question_id": id, "rating": 5 })).await;
    assert_eq!((status, rated["rating"].as_i64()), (StatusCode::OK, Some(5)));
    let (status, _) = app.post_with(&resident, "questions/rate", json!({ "question_id": id, "rating": 1 })).await;
    assert_eq!(status, StatusCode::CONFLICT, "rated once");
    let (status, _) = app.post_with(&lawyer, "questions/answer", json!({ "question_id": id, "body": "补充" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "closed");
    let (_, mine) = app.post_with(&resident, "questions/mine", json!({})).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(1));

    // The resident allowed it: the lawyer publishes a version with no number left in it.
    let publish = |question: &str| json!({ "question_id": id, "title": "朋友借钱不还，没有借条怎么办", "question": question, "answer": "微信转账记录可以作为**借款凭证**。" });
    let (status, answer) =
        app.post_with(&lawyer, "questions/publish", publish("借给朋友5000元，对方电话13733330001")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    // The same number, and other identifying numbers, in the spellings people use.
    for spelling in [
        "对方电话１３７·３３３３·０００１",
        "对方电话一三七 三三三三 〇〇〇一",
        "身份证44030619900101123X",
        "邮箱 a＠b.cn",
        "座机(0755) 2780.1234",
    ] {
        let (status, answer) = app.post_with(&lawyer, "questions/publish", publish(spelling)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{spelling}: {answer}");
    }
    let (status, faq) =
        app.post_with(&lawyer, "questions/publish", publish("借给朋友5000元，有转账记录没有借条。")).await;
    assert_eq!(status, StatusCode::OK, "{faq}");
    let (status, _) = app.post_with(&lawyer, "questions/publish", publish("再发一次")).await;
    assert_eq!(status, StatusCode::CONFLICT, "published once");
    let (_, found) = app.post_with(&new_client(), "questions/faq", json!({ "query": "借条" })).await;
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    assert!(found[0]["answer"].as_str().unwrap_or("").contains("<strong>借款凭证</strong>"));
    let (_, none) = app.post_with(&new_client(), "questions/faq", json!({ "query": "离婚" })).await;
    assert_eq!(none.as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn a_question_is_seen_by_its_resident_its_route_and_staff_only() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13733330005", "后亭社区").await;
    let id = asked(&app, &resident, "k-5").await;
    let read = |client: Client| {
        let app = &app;
        async move { app.post_with(&client, "questions/thread", json!({ "question_id": id })).await.0 }
    };
    assert_eq!(read(resident.clone()).await, StatusCode::OK);
    assert_eq!(read(app.staff_client("lawyer").await).await, StatusCode::OK, "the A lawyer");
    assert_eq!(read(app.staff_client("assistant").await).await, StatusCode::OK, "the A lawyer's assistant");
    assert_eq!(read(app.staff_client("staff").await).await, StatusCode::FORBIDDEN, "staff open it with a reason");
    assert_eq!(read(app.resident("13733330006").await).await, StatusCode::NOT_FOUND, "another resident");
    assert_eq!(read(far_lawyer(&app).await).await, StatusCode::NOT_FOUND, "a lawyer off its route");
    assert_eq!(read(new_client()).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_events WHERE action = 'question_read' AND subject = 'question:{id}'"
        ))
        .await,
        0,
        "nothing was opened"
    );
    let stranger = app.resident("13733330007").await;
    for path in ["questions/follow-up", "questions/accept", "questions/rate"] {
        let (status, _) = app.post_with(&stranger, path, json!({ "question_id": id, "body": "x", "rating": 5 })).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn bad_questions_get_a_clear_error_and_change_nothing() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13733330008", "后亭社区").await;
    let other = app.resident("13733330009").await;
    let theirs = app.uploaded(&other, "x.pdf", samples::pdf("X")).await;
    let ok = json!({ "client_key": "k", "category": "debt", "title": "标题", "body": "内容", "consent": true });
    let with = |key: &str, value: Value| {
        let mut body = ok.clone();
        body[key] = value;
        body
    };
    let six: Vec<String> = (0..6).map(|i| format!("{i:032x}")).collect();
    let cases = [
        (with("title", json!(" ")), StatusCode::UNPROCESSABLE_ENTITY, "标题"),
        (with("body", json!("长".repeat(3001))), StatusCode::UNPROCESSABLE_ENTITY, "3000"),
        (with("consent", json!(false)), StatusCode::UNPROCESSABLE_ENTITY, "同意"),
        (with("attachments", json!(six)), StatusCode::UNPROCESSABLE_ENTITY, "5个文件"),
        (with("attachments", json!([theirs])), StatusCode::NOT_FOUND, ""),
        (with("community_id", json!(999_999)), StatusCode::NOT_FOUND, ""),
        (with("client_key", json!("")), StatusCode::UNPROCESSABLE_ENTITY, ""),
        (with("category", json!("astrology")), StatusCode::BAD_REQUEST, ""),
    ];
    for (body, status, message) in cases {
        let (got, answer) = app.post_with(&resident, "questions/ask", body.clone()).await;
        assert_eq!(got, status, "{body}: {answer}");
        assert!(answer["message"].as_str().unwrap_or("").contains(message), "{body}: {answer}");
    }
    let (status, answer) = app.post_with(&other, "questions/ask", ok.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "no community chosen: {answer}");
    assert_eq!(app.count("SELECT COUNT(*) FROM questions").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM files WHERE question_id IS NOT NULL").await, 0);

    // Three a day: with one asked, of five at once two get through.
    asked(&app, &resident, "first").await;
    let attempts =
        (0..5).map(|i| app.post_with(&resident, "questions/ask", with("client_key", json!(format!("race-{i}")))));
    let answers = futures_util::future::join_all(attempts).await;
    let statuses: Vec<u16> = answers.iter().map(|(s, _)| s.as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 2, "{answers:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 3, "{answers:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM questions").await, 3);

    let id = app.count("SELECT MIN(id) FROM questions").await;
    let lawyer = app.staff_client("lawyer").await;
    for (path, body, status) in [
        ("questions/answer", json!({ "question_id": id, "body": "" }), StatusCode::UNPROCESSABLE_ENTITY),
        ("questions/close", json!({ "question_id": id }), StatusCode::CONFLICT),
        ("questions/answer", json!({ "question_id": 999_999, "body": "x" }), StatusCode::NOT_FOUND),
    ] {
        let (got, answer) = app.post_with(&lawyer, path, body.clone()).await;
        assert_eq!(got, status, "{path} {body}: {answer}");
    }
    for (body, status) in [
        (json!({ "question_id": id, "rating": 6 }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "question_id": id, "rating": 4 }), StatusCode::CONFLICT),
    ] {
        let (got, answer) = app.post_with(&resident, "questions/rate", body.clone()).await;
        assert_eq!(got, status, "{body}: {answer} (nothing answered yet)");
    }
    let (status, _) = app.post_with(&resident, "questions/accept", json!({ "question_id": id })).await;
    assert_eq!(status, StatusCode::CONFLICT, "nothing to accept yet");
}

#[tokio::test]
async fn the_residents_question_pages_are_rendered_by_the_server_for_their_reader_only() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13733330010", "后亭社区").await;
    let id = asked(&app, &resident, "k-10").await;
    let get = |client: Client, path: String| {
        let app = &app;
        async move {
            let response = client.get(format!("{}{path}", app.address)).send().await.expect("page");
            (response.status(), response.text().await.expect("html"))
        }
    };
    let (status, html) = get(resident.clone(), "/questions".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("/questions/{id}")) && html.contains("等待律师回复"), "{html}");
    let (_, html) = get(resident.clone(), "/questions/ask".into()).await;
    assert!(html.contains("提问到：后亭社区") && html.contains("/questions.js"), "{html}");
    let (status, html) = get(resident.clone(), format!("/questions/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("朋友借钱不还怎么办") && html.contains("id=\"follow\""), "{html}");
    let (status, _) = get(app.resident("13733330011").await, format!("/questions/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another resident");
    let (status, html) = get(new_client(), format!("/questions/{id}")).await;
    let back = format!("/sign-in?next=/questions/{id}\"");
    assert!(status == StatusCode::OK && html.contains(&back) && !html.contains("朋友借钱"), "{html}");
}
