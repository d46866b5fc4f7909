//! Streets and communities arranged by the district's staff: a street and a community created,
//! a community moved with its records (the board follows, on both databases), and bad names,
//! unknown places and a street's staff refused with nothing written.

use crate::board::{duty, role_of};
use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn street_line<'a>(board: &'a Value, name: &str) -> &'a Value {
    board["streets"].as_array().expect("streets").iter().find(|s| s["name"] == name).expect("street line")
}

async fn october(app: &TestApp, client: &reqwest::Client) -> Value {
    app.post_with(client, "staff/board", json!({ "from": "2025-10-01", "to": "2025-10-31" })).await.1
}

#[tokio::test]
async fn staff_create_a_street_and_a_community_and_move_one_with_its_records() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let houting = app.community("后亭社区").await;
    let a = role_of(&app, houting, "a").await;
    duty(&app, a, houting, "2025-10-06", a, false).await;
    duty(&app, a, houting, "2025-10-07", a, false).await;

    let (status, places) =
        app.post_with(&staff, "staff/save-street", json!({ "name": " 空港新城街道 ", "sort_order": 10 })).await;
    assert_eq!(status, StatusCode::OK, "{places}");
    let new_street =
        places["streets"].as_array().expect("streets").iter().find(|s| s["name"] == "空港新城街道").expect("street")
            ["id"]
            .as_i64()
            .expect("id");
    let create = json!({ "street_id": new_street, "name": "空港东社区", "office_address": "空港东社区党群服务中心" });
    let (status, places) = app.post_with(&staff, "staff/save-community", create).await;
    assert_eq!(status, StatusCode::OK, "{places}");
    assert_eq!(places["communities"][0]["name"], "空港东社区");
    let board = october(&app, &staff).await;
    assert_eq!((board["streets_total"].as_i64(), board["communities_total"].as_i64()), (Some(11), Some(66)));
    let line =
        board["communities"].as_array().expect("lines").iter().find(|c| c["name"] == "空港东社区").expect("line");
    assert!(line["gaps"].as_array().is_some_and(|g| g.contains(&json!("no_a_lawyer"))), "{line}");
    let shajing_before = street_line(&board, "沙井街道")["figures"]["duty_days"].as_i64().expect("duty-days");

    // 后亭社区 moves, renamed, with its two duty-days.
    let (_, places) =
        app.post_with(&staff, "staff/places", json!({ "street_id": street_line(&board, "沙井街道")["id"] })).await;
    assert!(places["communities"].as_array().is_some_and(|c| c.iter().any(|c| c["name"] == "后亭社区")));
    let moved = json!({ "community_id": houting, "street_id": new_street, "name": "后亭社区(空港)" });
    let (status, places) = app.post_with(&staff, "staff/save-community", moved).await;
    assert_eq!(status, StatusCode::OK, "{places}");
    assert_eq!(places["communities"].as_array().map(Vec::len), Some(2));
    let board = october(&app, &staff).await;
    assert_eq!(street_line(&board, "空港新城街道")["figures"]["duty_days"].as_i64(), Some(2));
    assert_eq!(street_line(&board, "沙井街道")["figures"]["duty_days"].as_i64(), Some(shajing_before - 2));
    assert_eq!(board["totals"]["duty_days"].as_i64(), Some(2), "the district's total does not change");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('street_change', 'community_create', 'community_place')")
            .await,
        3
    );
}

#[tokio::test]
async fn bad_places_are_refused_with_nothing_written() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let houting = app.community("后亭社区").await;
    let shajing = app.count("SELECT id FROM streets WHERE name = '沙井街道'").await;
    let snapshot = || async {
        let row: (i64, i64, String, String) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM streets), (SELECT COUNT(*) FROM communities), \
             (SELECT name FROM streets WHERE id = $1), (SELECT name || street_id FROM communities WHERE id = $2)",
        )
        .bind(shajing)
        .bind(houting)
        .fetch_one(&app.store.pool)
        .await
        .expect("snapshot");
        row
    };
    let before = snapshot().await;
    let cases = [
        ("staff/save-street", json!({ "name": "  " }), StatusCode::UNPROCESSABLE_ENTITY, "名称须为1到40个字"),
        (
            "staff/save-street",
            json!({ "name": "街".repeat(41) }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "名称须为1到40个字",
        ),
        ("staff/save-street", json!({ "name": "西乡街道" }), StatusCode::CONFLICT, "已有同名的街道或社区"),
        (
            "staff/save-street",
            json!({ "street_id": shajing, "name": "西乡街道" }),
            StatusCode::CONFLICT,
            "已有同名的街道或社区",
        ),
        ("staff/save-street", json!({ "street_id": 999_999, "name": "某街道" }), StatusCode::NOT_FOUND, ""),
        (
            "staff/save-community",
            json!({ "street_id": shajing, "name": "新社区", "office_address": " " }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请填写办公地址(不超过200字)",
        ),
        (
            "staff/save-community",
            json!({ "street_id": shajing, "name": "沙井社区", "office_address": "某地" }),
            StatusCode::CONFLICT,
            "已有同名的街道或社区",
        ),
        (
            "staff/save-community",
            json!({ "street_id": 999_999, "name": "新社区", "office_address": "某地" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请选择街道",
        ),
        (
            "staff/save-community",
            json!({ "community_id": houting, "street_id": shajing, "name": "" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "名称须为1到40个字",
        ),
        (
            "staff/save-community",
            json!({ "community_id": 999_999, "street_id": shajing, "name": "某社区" }),
            StatusCode::NOT_FOUND,
            "",
        ),
    ];
    for (path, body, expected, message) in cases {
        let (status, answer) = app.post_with(&staff, path, body.clone()).await;
        assert_eq!(status, expected, "{path} {body}: {answer}");
        if !message.is_empty() {
            assert_eq!(answer["message"], message, "{path} {body}");
        }
    }
    assert_eq!(snapshot().await, before, "nothing written");

    // A street's staff do not arrange the district.
    let street = app.staff_client("shajing").await;
    let (status, answer) = app
        .post_with(
            &street,
            "staff/save-community",
            json!({ "community_id": houting, "street_id": shajing, "name": "改名" }),
        )
        .await;
    assert_eq!((status, answer["message"].as_str()), (StatusCode::FORBIDDEN, Some("此项工作由区司法局办理")));
    assert_eq!(app.post_with(&street, "staff/save-street", json!({ "name": "新街道" })).await.0, StatusCode::FORBIDDEN);
    assert_eq!(snapshot().await, before);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('street_change', 'community_create', 'community_place')").await, 0);
}
