//! Staff hand a community's role to another lawyer: the history is kept, never overwritten;
//! bad changes are refused with nothing written; two changes at once make one.

use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn holder(app: &TestApp, community: i64, role: &str) -> i64 {
    sqlx::query_scalar("SELECT lawyer_id FROM assignments WHERE community_id = $1 AND role = $2 AND ends_on IS NULL")
        .bind(community)
        .bind(role)
        .fetch_one(&app.store.pool)
        .await
        .expect("holder")
}

/// A lawyer with no role at `community`.
async fn outsider(app: &TestApp, community: i64, skip: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT id FROM lawyers WHERE id <> $2 AND id NOT IN (SELECT lawyer_id FROM assignments WHERE community_id = $1) ORDER BY id LIMIT 1",
    )
    .bind(community)
    .bind(skip)
    .fetch_one(&app.store.pool)
    .await
    .expect("a lawyer from elsewhere")
}

fn today() -> app::time::LocalDate {
    server::store::today()
}

#[tokio::test]
async fn staff_hand_a_communitys_b_role_to_another_lawyer_and_the_history_stays() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let old_b = holder(&app, houting, "b").await;
    let new_b = outsider(&app, houting, 0).await;
    let staff = app.staff_client("staff").await;
    let (status, answer) = app
        .post_with(
            &staff,
            "staff/assign",
            json!({ "community_id": houting, "role": "b", "lawyer_id": new_b, "starts_on": today().to_string() }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let history = answer["history"].as_array().expect("history");
    let line =
        |lawyer: i64| history.iter().find(|l| l["role"] == "b" && l["lawyer_id"] == lawyer).expect("line").clone();
    assert_eq!(line(new_b)["starts_on"], today().to_string());
    assert!(line(new_b)["ends_on"].is_null());
    assert_eq!(line(old_b)["ends_on"], today().plus_days(-1).to_string(), "the old B ends the day before");
    assert_eq!(holder(&app, houting, "b").await, new_b);
    assert!(answer["lawyers"].as_array().is_some_and(|l| l.len() > 10));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'assignment_change'").await, 1);

    // The board shows the new B lawyer today.
    let (_, board) =
        app.post_with(&staff, "staff/board", json!({ "from": today().to_string(), "to": today().to_string() })).await;
    let name: String = sqlx::query_scalar("SELECT name FROM lawyers WHERE id = $1")
        .bind(new_b)
        .fetch_one(&app.store.pool)
        .await
        .expect("name");
    let row = board["communities"].as_array().expect("lines").iter().find(|c| c["id"] == houting).expect("row").clone();
    assert_eq!(row["b_lawyer"], name.as_str());
}

#[tokio::test]
async fn bad_changes_are_refused_and_nothing_is_written() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let (a, b) = (holder(&app, houting, "a").await, holder(&app, houting, "b").await);
    let other = outsider(&app, houting, 0).await;
    let b_since: String = sqlx::query_scalar(
        "SELECT starts_on FROM assignments WHERE community_id = $1 AND role = 'b' AND ends_on IS NULL",
    )
    .bind(houting)
    .fetch_one(&app.store.pool)
    .await
    .expect("start");
    let staff = app.staff_client("staff").await;
    let before = app.count("SELECT COUNT(*) FROM assignments").await;
    let day = today().to_string();
    let cases: Vec<(Value, StatusCode, Option<&str>)> = vec![
        (
            json!({ "community_id": houting, "role": "b", "lawyer_id": 999_999, "starts_on": day }),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("lawyer_id"),
        ),
        (
            json!({ "community_id": houting, "role": "b", "lawyer_id": other, "starts_on": "2026-02-30" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("starts_on"),
        ),
        (
            json!({ "community_id": houting, "role": "b", "lawyer_id": other, "starts_on": today().plus_days(400).to_string() }),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("starts_on"),
        ),
        (
            json!({ "community_id": houting, "role": "b", "lawyer_id": other, "starts_on": b_since }),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("starts_on"),
        ),
        (json!({ "community_id": houting, "role": "b", "lawyer_id": b, "starts_on": day }), StatusCode::CONFLICT, None),
        (json!({ "community_id": houting, "role": "b", "lawyer_id": a, "starts_on": day }), StatusCode::CONFLICT, None),
        (
            json!({ "community_id": 999_999, "role": "b", "lawyer_id": other, "starts_on": day }),
            StatusCode::NOT_FOUND,
            None,
        ),
        (
            json!({ "community_id": houting, "role": "d", "lawyer_id": other, "starts_on": day }),
            StatusCode::BAD_REQUEST,
            None,
        ),
    ];
    for (body, expected, field) in cases {
        let (status, answer) = app.post_with(&staff, "staff/assign", body.clone()).await;
        assert_eq!(status, expected, "{body} → {answer}");
        if let Some(field) = field {
            assert_eq!(answer["field"], field, "{answer}");
        }
        assert!(
            answer["message"].as_str().is_some_and(|m| !m.is_empty()) || expected == StatusCode::BAD_REQUEST,
            "{answer}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM assignments").await, before, "nothing written");
    assert_eq!(holder(&app, houting, "b").await, b);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'assignment_change'").await, 0);
}

#[tokio::test]
async fn two_changes_of_one_role_at_once_make_one() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let first = outsider(&app, houting, 0).await;
    let second = outsider(&app, houting, first).await;
    let staff = app.staff_client("staff").await;
    let change = |lawyer: i64| {
        app.post_with(
            &staff,
            "staff/assign",
            json!({ "community_id": houting, "role": "b", "lawyer_id": lawyer, "starts_on": today().to_string() }),
        )
    };
    let (one, two) = tokio::join!(change(first), change(second));
    let mut statuses = [one.0, two.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::UNPROCESSABLE_ENTITY], "{} {}", one.1, two.1);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM assignments WHERE community_id = {houting} AND role = 'b' AND ends_on IS NULL"
        ))
        .await,
        1,
        "one B lawyer at a time"
    );
}
