//! Answered questions close by themselves after a quiet while, and the lawyers' queue reads the
//! open questions only: claimed by the lawyer, routed to them, or open to their street.

use crate::helpers::spawn_app;
use crate::questions::{asked, far_lawyer};
use reqwest::StatusCode;
use serde_json::json;
use server::questions::closing::close_idle;
use server::store::now_ms;

const THIRTY_DAYS: i64 = 30 * 86_400_000;

#[tokio::test]
async fn an_answered_question_closes_after_thirty_quiet_days_and_leaves_the_queue() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13733330071", "后亭社区").await;
    let (answered, waiting) = (asked(&app, &resident, "close-1").await, asked(&app, &resident, "close-2").await);
    let lawyer = app.staff_client("lawyer").await;
    let (status, _) =
        app.post_with(&lawyer, "questions/answer", json!({ "question_id": answered, "body": "可以起诉。" })).await;
    assert_eq!(status, StatusCode::OK);
    let queue = |client: reqwest::Client| {
        let app = &app;
        async move {
            let (status, queue) = app.post_with(&client, "questions/queue", json!({})).await;
            assert_eq!(status, StatusCode::OK, "{queue}");
            queue.as_array().expect("queue").iter().filter_map(|q| q["id"].as_i64()).collect::<Vec<_>>()
        }
    };
    let before = queue(lawyer.clone()).await;
    assert!(before.contains(&answered) && before.contains(&waiting), "{before:?}");
    assert!(queue(far_lawyer(&app).await).await.iter().all(|id| *id != answered && *id != waiting));

    // Within thirty days nothing closes; after them the answered one does, the waiting one not.
    let now = now_ms();
    assert_eq!(close_idle(&app.store, now, THIRTY_DAYS).await.expect("close"), 0);
    let closed = close_idle(&app.store, now + THIRTY_DAYS + 60_000, THIRTY_DAYS).await.expect("close");
    assert!(closed >= 1, "{closed}");
    let status_of = |id: i64| {
        format!("SELECT COUNT(*) FROM questions WHERE id = {id} AND status = 'closed' AND closed_at IS NOT NULL")
    };
    assert_eq!(app.count(&status_of(answered)).await, 1);
    assert_eq!(app.count(&status_of(waiting)).await, 0);
    let after = queue(lawyer.clone()).await;
    assert!(!after.contains(&answered) && after.contains(&waiting), "{after:?}");

    // The resident reads it still, and may not follow up on it any more.
    let (status, thread) = app.post_with(&resident, "questions/thread", json!({ "question_id": answered })).await;
    assert_eq!((status, thread["question"]["status"].as_str()), (StatusCode::OK, Some("closed")));
    let (status, _) = app
        .post_with(&resident, "questions/follow-up", json!({ "question_id": answered, "body": "还有一个问题" }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_question_at_the_street_step_is_in_the_queue_of_every_lawyer_of_the_street_only() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13733330072", "后亭社区").await;
    let id = asked(&app, &resident, "street-1").await;
    sqlx::query("UPDATE questions SET route_step = 3, routed_to = NULL WHERE id = $1")
        .bind(id)
        .execute(app.store.writer())
        .await
        .expect("at the street");
    // A lawyer of another community of the same street sees it; one of another street does not.
    let (login, _) = crate::questions::lawyer_of(&app, "沙井社区", "a").await;
    let neighbour = app.staff_client(&login).await;
    let (_, queue) = app.post_with(&neighbour, "questions/queue", json!({})).await;
    assert!(queue.as_array().expect("queue").iter().any(|q| q["id"] == id), "{queue}");
    let (_, far) = app.post_with(&far_lawyer(&app).await, "questions/queue", json!({})).await;
    assert!(far.as_array().expect("queue").iter().all(|q| q["id"] != id), "{far}");
}
