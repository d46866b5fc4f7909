//! Staff read the audit log: newest first, filtered by action, actor and subject, a page at a
//! time; filters are text, never patterns.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn actions(page: &Value) -> Vec<String> {
    page["entries"].as_array().expect("entries").iter().map(|e| e["action"].as_str().unwrap_or("").to_owned()).collect()
}

#[tokio::test]
async fn staff_find_who_did_what_to_which_record() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let staff = app.staff_client("staff").await;
    let lawyer_id: i64 = sqlx::query_scalar(
        "SELECT id FROM lawyers WHERE id NOT IN (SELECT lawyer_id FROM assignments WHERE community_id = $1) ORDER BY id LIMIT 1",
    )
    .bind(houting)
    .fetch_one(&app.store.pool)
    .await
    .expect("lawyer");
    let today = server::store::today().to_string();
    let (status, _) = app
        .post_with(
            &staff,
            "staff/assign",
            json!({ "community_id": houting, "role": "b", "lawyer_id": lawyer_id, "starts_on": today }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let _lawyer = app.staff_client("lawyer").await;

    let (status, page) = app.post_with(&staff, "staff/audit", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(actions(&page)[0], "sign_in", "newest first: the lawyer signed in last");
    assert!(page["actions"].as_array().is_some_and(|a| a.contains(&json!("assignment_change"))));

    let (_, changes) = app.post_with(&staff, "staff/audit", json!({ "action": "assignment_change" })).await;
    let entries = changes["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 1);
    assert!(entries[0]["actor"].as_str().is_some_and(|a| a.contains("(staff)")), "{changes}");
    assert!(entries[0]["subject"].as_str().is_some_and(|s| s.starts_with(&format!("community:{houting}:b:"))));

    let (_, by_lawyer) = app.post_with(&staff, "staff/audit", json!({ "actor": "LAWYER" })).await;
    assert!(!actions(&by_lawyer).is_empty() && actions(&by_lawyer).iter().all(|a| a == "sign_in"), "{by_lawyer}");
    let (_, by_subject) =
        app.post_with(&staff, "staff/audit", json!({ "subject": format!("community:{houting}:") })).await;
    assert_eq!(actions(&by_subject), ["assignment_change"]);
    let (_, pattern) = app.post_with(&staff, "staff/audit", json!({ "subject": "%" })).await;
    assert_eq!(pattern["entries"], json!([]), "% is a character, not a pattern");
}

#[tokio::test]
async fn the_log_comes_a_hundred_events_at_a_time() {
    let app = spawn_app().await;
    // Recent: the retention pass removes events older than three years.
    let now = server::store::now_ms();
    for i in 0..150 {
        sqlx::query("INSERT INTO audit_events (at, action, subject) VALUES ($1, 'file_read', $2)")
            .bind(now - 1000 + i64::from(i))
            .bind(format!("file:{i}"))
            .execute(app.store.writer())
            .await
            .expect("event");
    }
    let staff = app.staff_client("staff").await;
    let (_, first) = app.post_with(&staff, "staff/audit", json!({ "action": "file_read" })).await;
    assert_eq!(first["entries"].as_array().map(Vec::len), Some(100));
    assert_eq!(first["more"], true);
    assert_eq!(first["entries"][0]["subject"], "file:149");
    let last = first["entries"][99]["id"].clone();
    let (_, second) = app.post_with(&staff, "staff/audit", json!({ "action": "file_read", "before_id": last })).await;
    assert_eq!(second["entries"].as_array().map(Vec::len), Some(50));
    assert_eq!(second["more"], false);
    assert!(second["entries"][0]["actor"].is_null(), "the system acts as no one");

    let long = "x".repeat(101);
    let (status, error) = app.post_with(&staff, "staff/audit", json!({ "subject": long })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["field"], "subject");
}
