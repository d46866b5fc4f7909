//! What a lawyer's phone relies on at the community office: the check-in list opens on the
//! community where they sit on duty today, a service keeps only the details its category has,
//! and a district's board drilled into a street speaks of that street.

use crate::duty::desk;
use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::json;
use server::store::today;

#[tokio::test]
async fn the_check_in_list_starts_with_todays_duty_community() {
    let app = spawn_app().await;
    // A lawyer serving several communities, on duty today in the last of them only.
    let (lawyer_id, login): (i64, String) = sqlx::query_as(
        "SELECT l.id, u.login FROM lawyers l JOIN users u ON u.id = l.user_id JOIN assignments a ON a.lawyer_id = l.id \
         WHERE a.ends_on IS NULL GROUP BY l.id, u.login HAVING COUNT(DISTINCT a.community_id) > 1 ORDER BY l.id LIMIT 1",
    )
    .fetch_one(&app.store.pool)
    .await
    .expect("a lawyer of several communities");
    let client = app.staff_client(&login).await;
    let ids = |list: &serde_json::Value| -> Vec<i64> {
        list.as_array().expect("list").iter().map(|c| c["id"].as_i64().expect("id")).collect()
    };
    let (status, before) = app.post_with(&client, "desk/communities", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    let before = ids(&before);
    let last = *before.last().expect("communities");
    let weekday = i64::from(today().weekday());
    sqlx::query("DELETE FROM duty_schedules WHERE lawyer_id = $1 AND weekday = $2")
        .bind(lawyer_id)
        .bind(weekday)
        .execute(app.store.writer())
        .await
        .expect("clear today");
    sqlx::query(
        "INSERT INTO duty_schedules (community_id, lawyer_id, weekday, start_minute, end_minute, slot_minutes, seats, channels, valid_from, created_at) \
         VALUES ($1, $2, $3, 540, 720, 30, 1, 'in_person', '2020-01-01', 0)",
    )
    .bind(last)
    .bind(lawyer_id)
    .bind(weekday)
    .execute(app.store.writer())
    .await
    .expect("duty today");
    let (_, after) = app.post_with(&client, "desk/communities", json!({})).await;
    let after = ids(&after);
    assert_eq!(after[0], last, "today's office first");
    let rest: Vec<i64> = before.iter().copied().filter(|id| *id != last).collect();
    assert_eq!(after[1..], rest[..], "the others keep their order");
}

#[tokio::test]
async fn a_service_keeps_only_the_details_of_its_category() {
    let d = desk().await;
    let (status, record) = d
        .record(
            &d.lawyer,
            "details-0001",
            json!({ "category": "consultation", "topic": "劳动合同", "parties": "甲、乙", "outcome": "调解成功" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(
        (record["topic"].as_str(), record["parties"].as_str(), record["outcome"].as_str()),
        (Some("劳动合同"), Some(""), Some(""))
    );
    let (status, body) =
        d.record(&d.lawyer, "details-0002", json!({ "category": "mediation", "parties": "邻居甲、邻居乙" })).await;
    assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("outcome")), "{body}");
}

#[tokio::test]
async fn a_district_board_drilled_into_a_street_speaks_of_that_street() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let shajing = app.street("沙井街道").await;
    let period = |street: Option<i64>| json!({ "from": "2026-10-01", "to": "2026-10-31", "street": street });
    let (status, district) = app.post_with(&staff, "staff/board", period(None)).await;
    assert_eq!(status, StatusCode::OK, "{district}");
    assert!(district["summary"].as_str().expect("summary").contains("全区"), "{district}");
    let (_, street) = app.post_with(&staff, "staff/board", period(Some(shajing))).await;
    let summary = street["summary"].as_str().expect("summary");
    assert!(summary.contains("沙井街道") && !summary.contains("全区"), "{summary}");
    assert_eq!(street["streets"], district["streets"], "the board still compares every street");
}
