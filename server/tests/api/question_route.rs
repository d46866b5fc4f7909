//! A question's route: from the A lawyer to the street with a controlled clock, leave passed
//! over, idle claims lapsing, staff reassigning by hand.

use crate::helpers::spawn_app;
use crate::questions::{asked, deadline, far_lawyer, lawyer_of, DEADLINES};
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::questions::routing;

#[tokio::test]
async fn an_unanswered_question_climbs_from_the_a_lawyer_to_the_street_once_per_step() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13733330002", "后亭社区").await;
    let id = asked(&app, &resident, "k-2").await;
    let (a_login, _) = lawyer_of(&app, "后亭社区", "a").await;
    let (b_login, b_id) = lawyer_of(&app, "后亭社区", "b").await;
    let (c_login, _) = lawyer_of(&app, "后亭社区", "coordinator").await;
    let a = app.staff_client(&a_login).await;
    let b = app.staff_client(&b_login).await;
    let (status, _) = app.post_with(&b, "questions/thread", json!({ "question_id": id })).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not on B's route yet");
    let (_, thread) = app.post_with(&a, "questions/thread", json!({ "question_id": id })).await;
    let first = deadline(&thread);
    assert!(first > server::store::now_ms() + 23 * 3_600_000, "24 working hours at least a day away");

    // Nothing moves before the deadline; at it, two servers' jobs move it once, to B.
    assert_eq!(routing::advance(&app.store, first - 1, DEADLINES).await.expect("advance"), 0);
    let (one, two) = tokio::join!(
        routing::advance(&app.store, first + 1, DEADLINES),
        routing::advance(&app.store, first + 1, DEADLINES)
    );
    assert_eq!(one.expect("one") + two.expect("two"), 1);
    let (_, thread) = app.post_with(&b, "questions/thread", json!({ "question_id": id })).await;
    assert_eq!(thread["question"]["step"], "b");
    let (b_name,): (String,) = sqlx::query_as("SELECT name FROM lawyers WHERE id = $1")
        .bind(b_id)
        .fetch_one(&app.store.pool)
        .await
        .expect("name");
    assert_eq!(thread["question"]["routed_to"], b_name.as_str());
    assert_eq!(thread["routes"][1]["reason"], "deadline");
    let (status, answer) = app.post_with(&a, "questions/answer", json!({ "question_id": id, "body": "晚了" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "A reads it still, but it is not with A now: {answer}");

    // Then the coordinator, then every lawyer of the street.
    let second = deadline(&thread);
    assert_eq!(routing::advance(&app.store, second + 1, DEADLINES).await.expect("advance"), 1);
    let c = app.staff_client(&c_login).await;
    let (_, thread) = app.post_with(&c, "questions/thread", json!({ "question_id": id })).await;
    assert_eq!(thread["question"]["step"], "coordinator");
    assert_eq!(routing::advance(&app.store, deadline(&thread) + 1, DEADLINES).await.expect("advance"), 1);
    // A lawyer of another community of 沙井街道, on none of 后亭社区's steps.
    let street_login: String = sqlx::query_scalar(
        "SELECT u.login FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id JOIN users u ON u.id = l.user_id \
         JOIN communities c ON c.id = a.community_id JOIN streets s ON s.id = c.street_id \
         WHERE s.name = '沙井街道' AND c.name <> '后亭社区' AND a.ends_on IS NULL AND l.id NOT IN \
         (SELECT lawyer_id FROM assignments WHERE community_id = (SELECT id FROM communities WHERE name = '后亭社区')) \
         ORDER BY u.id LIMIT 1",
    )
    .fetch_one(&app.store.pool)
    .await
    .expect("a lawyer of the street");
    let street = app.staff_client(&street_login).await;
    let (_, queue) = app.post_with(&street, "questions/queue", json!({})).await;
    assert!(queue.as_array().expect("queue").iter().any(|q| q["id"] == id && q["step"] == "street"), "{queue}");
    let far = far_lawyer(&app).await;
    let (status, _) = app.post_with(&far, "questions/thread", json!({ "question_id": id })).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another street's lawyer");
    // The street step is the last: past its deadline the question stays, for staff to see.
    assert_eq!(
        routing::advance(&app.store, server::store::now_ms() + 30 * 86_400_000, DEADLINES).await.expect("advance"),
        0
    );
    let (status, claimed) = app.post_with(&street, "questions/claim", json!({ "question_id": id })).await;
    assert_eq!(status, StatusCode::OK, "{claimed}");
    let (status, _) = app.post_with(&c, "questions/claim", json!({ "question_id": id })).await;
    assert_eq!(status, StatusCode::CONFLICT, "a claim is exclusive");
    let reasons: Vec<String> =
        sqlx::query_scalar(&format!("SELECT reason FROM question_routes WHERE question_id = {id} ORDER BY id"))
            .fetch_all(&app.store.pool)
            .await
            .expect("routes");
    assert_eq!(reasons, ["asked", "deadline", "deadline", "deadline", "claimed"]);
}

#[tokio::test]
async fn leave_is_passed_over_and_an_idle_claim_goes_back_to_the_route() {
    let app = spawn_app().await;
    let (_, a_id) = lawyer_of(&app, "后亭社区", "a").await;
    let (b_login, b_id) = lawyer_of(&app, "后亭社区", "b").await;
    let today = server::store::today();
    sqlx::query(
        "INSERT INTO leaves (lawyer_id, starts_on, ends_on, reason, created_at) VALUES ($1, $2, $3, '外出开庭', 0)",
    )
    .bind(a_id)
    .bind(today.to_string())
    .bind(today.plus_days(3).to_string())
    .execute(app.store.writer())
    .await
    .expect("leave");
    let (resident, _) = app.resident_of("13733330003", "后亭社区").await;
    let id = asked(&app, &resident, "k-3").await;
    let b = app.staff_client(&b_login).await;
    let (status, thread) = app.post_with(&b, "questions/claim", json!({ "question_id": id })).await;
    assert_eq!(status, StatusCode::OK, "on leave, the A lawyer is passed over: {thread}");
    assert_eq!(thread["question"]["step"], "b");
    let reasons: Vec<(String, Option<i64>)> =
        sqlx::query_as(&format!("SELECT reason, lawyer_id FROM question_routes WHERE question_id = {id} ORDER BY id"))
            .fetch_all(&app.store.pool)
            .await
            .expect("routes");
    assert_eq!(
        reasons,
        [("on_leave".into(), Some(a_id)), ("asked".into(), Some(b_id)), ("claimed".into(), Some(b_id))]
    );

    // B goes quiet for three days: the claim lapses, once, and the question is free again.
    let later = server::store::now_ms() + 3 * 86_400_000 + 60_000;
    let (one, two) =
        tokio::join!(routing::advance(&app.store, later, DEADLINES), routing::advance(&app.store, later, DEADLINES));
    assert_eq!(one.expect("one") + two.expect("two"), 1);
    let (_, thread) = app.post_with(&b, "questions/thread", json!({ "question_id": id })).await;
    assert_eq!(thread["question"]["claimed_by"], Value::Null);
    assert_eq!(
        thread["routes"].as_array().and_then(|r| r.last()).map(|r| r["reason"].clone()),
        Some(json!("claim_lapsed"))
    );
}

#[tokio::test]
async fn staff_hand_a_question_to_another_lawyer_by_hand() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13733330004", "后亭社区").await;
    let id = asked(&app, &resident, "k-4").await;
    let (far_login, far_id) = lawyer_of(&app, "海旺社区", "a").await;
    let staff = app.staff_client("staff").await;
    let (status, thread) =
        app.post_with(&staff, "questions/reassign", json!({ "question_id": id, "lawyer_id": far_id })).await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    assert_eq!(
        thread["routes"].as_array().and_then(|r| r.last()).map(|r| r["reason"].clone()),
        Some(json!("reassigned"))
    );
    let far = app.staff_client(&far_login).await;
    let (status, _) = app.post_with(&far, "questions/answer", json!({ "question_id": id, "body": "可以起诉。" })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) =
        app.post_with(&staff, "questions/reassign", json!({ "question_id": id, "lawyer_id": 999_999 })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_events WHERE action = 'question_reassign' AND subject = 'question:{id}'"
        ))
        .await,
        1
    );
}
