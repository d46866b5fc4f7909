//! A street's 司法所 staff (the demo's `shajing`, of 沙井街道) see and manage their street only:
//! its board, exports, counts, teams, desks and lawyers' months. Another street's record, and the
//! district's registers, are refused with a clear 403 and nothing written.

use crate::board::{duty, role_of};
use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::store::today;

async fn licence(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT licence_no FROM lawyers WHERE id = $1")
        .bind(id)
        .fetch_one(&app.store.pool)
        .await
        .expect("lawyer")
}

fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array().expect("list").iter().map(|item| item[key].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn a_streets_staff_see_their_street_only() {
    let app = spawn_app().await;
    let (shajing, xixiang) = (app.street("沙井街道").await, app.street("西乡街道").await);
    let (houting, west) = (app.community("后亭社区").await, app.community("西乡社区").await);
    let (a_houting, a_west) = (role_of(&app, houting, "a").await, role_of(&app, west, "a").await);
    duty(&app, a_houting, houting, "2025-10-06", a_houting, false).await;
    duty(&app, a_west, west, "2025-10-06", a_west, false).await;
    let staff = app.staff_client("shajing").await;
    let in_street = app.count(&format!("SELECT COUNT(*) FROM communities WHERE street_id = {shajing}")).await;

    // The board: the street alone, its figures as the totals, its name in the summary.
    let month = json!({ "from": "2025-10-01", "to": "2025-10-31" });
    let (status, board) = app.post_with(&staff, "staff/board", month.clone()).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    assert_eq!(names(&board["streets"], "name"), ["沙井街道"]);
    assert_eq!((board["streets_total"].as_i64(), board["communities_total"].as_i64()), (Some(1), Some(in_street)));
    assert_eq!(board["communities"].as_array().map(Vec::len), Some(in_street as usize));
    assert!(board["communities"].as_array().expect("lines").iter().all(|c| c["street_id"] == shajing));
    // Every demo office has a position, for the board's map.
    assert!(board["communities"]
        .as_array()
        .expect("lines")
        .iter()
        .all(|c| c["position"].as_array().is_some_and(|p| p.len() == 2)));
    assert_eq!(board["totals"]["duty_days"].as_i64(), Some(1), "西乡社区's day is not counted");
    let summary = board["summary"].as_str().expect("summary");
    assert!(summary.contains("沙井街道") && !summary.contains("全区"), "{summary}");
    let (status, answer) = app
        .post_with(&staff, "staff/board", json!({ "from": "2025-10-01", "to": "2025-10-31", "street": xixiang }))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(answer["message"], "只能查看和管理本街道的社区");

    // District staff still see every street, and 全区 in the summary.
    let district = app.staff_client("staff").await;
    let (_, whole) = app.post_with(&district, "staff/board", month).await;
    assert_eq!(whole["streets_total"].as_i64(), Some(10));
    assert!(whole["summary"].as_str().is_some_and(|s| s.contains("全区")));

    // Exports: the street's communities; the lawyers who worked there; another street refused.
    let get =
        |query: &str| staff.get(format!("{}/api/staff/board.csv?from=2025-10-01&to=2025-10-31{query}", app.address));
    let text = get("").send().await.expect("csv").text().await.expect("body");
    assert_eq!(text.lines().count(), 1 + in_street as usize);
    assert!(text.lines().skip(1).all(|l| l.starts_with("沙井街道,")), "{text}");
    let lawyers = get("&by=lawyer").send().await.expect("csv").text().await.expect("body");
    assert_eq!(lawyers.lines().count(), 2, "{lawyers}");
    let (own, other) = (licence(&app, a_houting).await, licence(&app, a_west).await);
    assert!(lawyers.contains(&own) && !lawyers.contains(&other), "{own} / {other}: {lawyers}");
    let refused = get(&format!("&street={xixiang}")).send().await.expect("csv");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // The overview's counts and the desks' communities are the street's.
    let (_, overview) = app.post_with(&staff, "staff/overview", json!({})).await;
    assert_eq!((overview["streets"].as_i64(), overview["communities"].as_i64()), (Some(1), Some(in_street)));
    let (_, communities) = app.post_with(&staff, "desk/communities", json!({})).await;
    assert_eq!(communities.as_array().map(Vec::len), Some(in_street as usize));
    let (status, _) = app.post_with(&staff, "desk/bookings", json!({ "community_id": west })).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another street's desk is not theirs");

    // Teams and lawyers' months: their street's, not another's.
    assert_eq!(app.post_with(&staff, "staff/assignments", json!({ "community_id": houting })).await.0, StatusCode::OK);
    assert_eq!(
        app.post_with(&staff, "staff/assignments", json!({ "community_id": west })).await.0,
        StatusCode::FORBIDDEN
    );
    let month_of = |lawyer: i64| json!({ "lawyer_id": lawyer, "month": "2025-10" });
    assert_eq!(app.post_with(&staff, "duty/month", month_of(a_houting)).await.0, StatusCode::OK);
    assert_eq!(app.post_with(&staff, "duty/month", month_of(a_west)).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_streets_staff_change_nothing_outside_their_street() {
    let app = spawn_app().await;
    let (shajing, xixiang) = (app.street("沙井街道").await, app.street("西乡街道").await);
    let (houting, west) = (app.community("后亭社区").await, app.community("西乡社区").await);
    let a_west = role_of(&app, west, "a").await;
    let staff = app.staff_client("shajing").await;
    let snapshot = |app: &TestApp| {
        let pool = app.store.pool.clone();
        async move {
            let counts: (i64, i64, i64, i64, String) = sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM assignments), (SELECT COUNT(*) FROM lawyers), \
                 (SELECT COUNT(*) FROM month_reviews), (SELECT duty_days_per_month FROM communities WHERE name = '西乡社区'), \
                 (SELECT office_address FROM communities WHERE name = '西乡社区')",
            )
            .fetch_one(&pool)
            .await
            .expect("snapshot");
            counts
        }
    };
    let before = snapshot(&app).await;
    let b_houting = role_of(&app, houting, "b").await;
    let refused = [
        (
            "staff/assign",
            json!({ "community_id": west, "role": "b", "lawyer_id": b_houting, "starts_on": today().to_string() }),
            "只能查看和管理本街道的社区",
        ),
        (
            "staff/community",
            json!({ "community_id": west, "office_address": "别处", "latitude": null, "longitude": null, "duty_days_per_month": 2 }),
            "只能查看和管理本街道的社区",
        ),
        ("duty/lock", json!({ "lawyer_id": a_west, "month": "2025-10" }), "只能查看和管理本街道的社区"),
        (
            "staff/import-lawyers",
            json!({ "csv": "律师姓名,律师事务所,执业证号\n王新,广东新律师事务所,14403202011234567\n", "write": true }),
            "此项工作由区司法局办理",
        ),
        ("staff/audit", json!({ "action": "" }), "此项工作由区司法局办理"),
    ];
    for (path, body, message) in refused {
        let (status, answer) = app.post_with(&staff, path, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {answer}");
        assert_eq!(answer["message"], message, "{path}");
    }
    assert_eq!(snapshot(&app).await, before, "nothing written");

    // Articles: for their street, not for the district or another street.
    let article = |audience: serde_json::Value| {
        let mut body = json!({ "title": "租房押金怎么退", "category": "labour", "body": "退租前拍照留证。" });
        body.as_object_mut().expect("object").extend(audience.as_object().expect("audience").clone());
        body
    };
    let before = app.count("SELECT COUNT(*) FROM articles").await;
    for audience in [json!({}), json!({ "street_id": xixiang }), json!({ "community_id": west })] {
        let (status, answer) = app.post_with(&staff, "articles/save", article(audience.clone())).await;
        assert_eq!(
            (status, answer["message"].as_str()),
            (StatusCode::FORBIDDEN, Some("只能查看和管理本街道的社区")),
            "{audience}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM articles").await, before);
    let (status, answer) = app.post_with(&staff, "articles/save", article(json!({ "street_id": shajing }))).await;
    assert_eq!(status, StatusCode::OK, "{answer}");

    // Their own street's community they do change.
    let own = json!({ "community_id": houting, "office_address": "后亭社区党群服务中心", "latitude": null, "longitude": null, "duty_days_per_month": 6 });
    let (status, answer) = app.post_with(&staff, "staff/community", own).await;
    assert_eq!((status, answer["duty_days_per_month"].as_i64()), (StatusCode::OK, Some(6)), "{answer}");
}
