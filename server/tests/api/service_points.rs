//! Service points beyond communities: the district's staff open a park in a street, which then
//! takes duty, bookings and records like a community; lectures there count for the street
//! against its yearly target, on staff's page and in the board's summary. Bad input and a
//! street's staff change nothing.

use crate::board::service;
use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn point(street: i64, name: &str, kind: &str) -> Value {
    json!({ "street_id": street, "name": name, "kind": kind, "office_address": "沙井工业园管委会一楼" })
}

#[tokio::test]
async fn a_park_is_a_service_point_and_its_lectures_count_against_the_streets_target() {
    let app = spawn_app().await;
    let (staff, shajing) = (app.staff_client("staff").await, app.staff_client("shajing").await);
    let houting = app.community("后亭社区").await;
    let street = app.count(&format!("SELECT street_id FROM communities WHERE id = {houting}")).await;
    let year = server::store::today().year;

    // Bad input and a street's staff: nothing is written.
    let points = "SELECT COUNT(*) FROM communities WHERE kind <> 'community'";
    for (body, status, field) in [
        (point(street, "沙井工业园", "community"), StatusCode::UNPROCESSABLE_ENTITY, Some("kind")),
        (point(street, "沙井工业园", "factory"), StatusCode::UNPROCESSABLE_ENTITY, Some("kind")),
        (point(street, " ", "park"), StatusCode::UNPROCESSABLE_ENTITY, Some("name")),
        (point(999_999, "沙井工业园", "park"), StatusCode::UNPROCESSABLE_ENTITY, Some("street_id")),
        (point(street, "后亭社区", "park"), StatusCode::CONFLICT, Some("name")),
    ] {
        let (got, answer) = app.post_with(&staff, "staff/save-point", body).await;
        assert_eq!((got, answer["field"].as_str()), (status, field), "{answer}");
    }
    assert_eq!(
        app.post_with(&shajing, "staff/save-point", point(street, "沙井工业园", "park")).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.count(points).await, 0);

    let (status, listed) = app.post_with(&staff, "staff/save-point", point(street, "沙井工业园", "park")).await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    let park = listed["points"][0]["id"].as_i64().expect("the park");
    assert_eq!(
        (listed["points"][0]["kind"].as_str(), listed["points"][0]["street"].as_str()),
        (Some("park"), Some("沙井街道"))
    );
    // The same model as a community: residents find it and see its days, as anywhere.
    let (status, found) =
        app.post_with(&reqwest::Client::new(), "directory/community", json!({ "community_id": park })).await;
    assert_eq!(status, StatusCode::OK, "{found}");
    let (status, _) =
        app.post_with(&reqwest::Client::new(), "booking/availability", json!({ "community_id": park })).await;
    assert_eq!(status, StatusCode::OK);

    // Targets: this year or next, 0 to 10 000, a known street.
    let target = |street: i64, year: i32, target: i64| json!({ "street_id": street, "year": year, "target": target });
    for body in [
        target(street, year, -1),
        target(street, year, 10_001),
        target(street, year - 1, 5),
        target(street, year + 2, 5),
    ] {
        let (status, answer) = app.post_with(&staff, "staff/lecture-target", body).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("target")), "{answer}");
    }
    assert_eq!(app.post_with(&staff, "staff/lecture-target", target(999_999, year, 5)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.post_with(&shajing, "staff/lecture-target", target(street, year, 5)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post_with(&staff, "staff/lecture-target", target(street, year, 200)).await.0, StatusCode::OK);

    // Two lectures at the park count; a consultation there and a lecture in a community do not.
    let (a, today) = (crate::board::role_of(&app, houting, "a").await, server::store::today().to_string());
    service(&app, a, park, "publicity", &today, 80).await;
    service(&app, a, park, "publicity", &today, 60).await;
    service(&app, a, park, "consultation", &today, 1).await;
    service(&app, a, houting, "publicity", &today, 30).await;
    let (_, theirs) = app.post_with(&shajing, "staff/service-points", json!({ "year": year })).await;
    assert_eq!(theirs["streets"].as_array().map(Vec::len), Some(1), "a street's staff read their street: {theirs}");
    assert_eq!(
        (theirs["streets"][0]["lectures"].as_i64(), theirs["streets"][0]["target"].as_i64()),
        (Some(2), Some(200))
    );
    assert_eq!(theirs["points"][0]["lectures"], 2);
    let (_, board) = app.post_with(&shajing, "staff/board", json!({ "from": today, "to": today })).await;
    assert!(
        board["summary"].as_str().is_some_and(|s| s.contains("本年度入园入企法治宣传2场，年度目标200场。")),
        "{board}"
    );
    let (status, answer) = app.post_with(&staff, "staff/service-points", json!({ "year": 1999 })).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("year")));
    // Cleared with 0.
    let (_, cleared) = app.post_with(&staff, "staff/lecture-target", target(street, year, 0)).await;
    let line = cleared["streets"].as_array().expect("streets").iter().find(|s| s["street_id"] == street).cloned();
    assert_eq!(line.map(|l| l["target"].clone()), Some(Value::Null));
}

#[tokio::test]
async fn the_page_adds_a_point_only_for_the_districts_staff_from_this_site() {
    let app = spawn_app().await;
    let (staff, shajing) = (app.staff_client("staff").await, app.staff_client("shajing").await);
    let houting = app.community("后亭社区").await;
    let street = app.count(&format!("SELECT street_id FROM communities WHERE id = {houting}")).await;
    let post = |client: &reqwest::Client, fields: Vec<(&str, String)>, site: &str| {
        client.post(format!("{}/staff/points", app.address)).header("sec-fetch-site", site).form(&fields).send()
    };
    let added = || {
        vec![
            ("action", "add".to_owned()),
            ("street_id", street.to_string()),
            ("name", "沙井某电子厂".to_owned()),
            ("kind", "enterprise".to_owned()),
            ("office_address", "沙井大道1号".to_owned()),
        ]
    };
    assert_eq!(post(&staff, added(), "cross-site").await.expect("post").status(), 403);
    assert_eq!(post(&shajing, added(), "same-origin").await.expect("post").status(), 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM communities WHERE kind <> 'community'").await, 0);
    let page = post(&staff, added(), "same-origin").await.expect("post").text().await.expect("html");
    assert!(page.contains("沙井某电子厂") && page.contains("企业"), "{page}");
    let read =
        shajing.get(format!("{}/staff/points", app.address)).send().await.expect("page").text().await.expect("html");
    assert!(read.contains("沙井某电子厂") && !read.contains("新增服务点"), "a street's staff read, and may not add");
}
