//! Emergency teams: staff of a street form a team for an incident in their street, its members
//! (whichever communities they serve) log services against it there, the incident has its own
//! line in the board's summary and export, and staff close it. Bad input and other streets'
//! incidents change nothing; only members log, and only within the incident's days.

use crate::helpers::{spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn lawyer_of(app: &TestApp, client: &Client) -> i64 {
    let year = server::store::today().year;
    let (_, card) = app.post_with(client, "evaluations/mine", json!({ "year": year })).await;
    card["lawyer_id"].as_i64().expect("the account's lawyer")
}

fn open(name: &str, community: i64, on: &str, lawyers: Value) -> Value {
    json!({ "name": name, "community_id": community, "opened_on": on, "note": "三百余名工人欠薪", "lawyer_ids": lawyers })
}

fn service(incident: i64, key: &str, on: &str, category: &str) -> Value {
    json!({ "incident_id": incident, "record": { "client_key": key, "lawyer_id": 0, "community_id": 0, "category": category,
        "served_on": on, "people_served": 3, "summary": "现场解答欠薪维权程序" } })
}

#[tokio::test]
async fn a_street_forms_a_team_its_members_log_against_it_and_it_has_its_own_line() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let haiwang = app.community("海旺社区").await;
    let (lawyer, other) = (app.staff_client("lawyer").await, app.staff_client("lawyer01").await);
    let (a, b) = (lawyer_of(&app, &lawyer).await, lawyer_of(&app, &other).await);
    let serves = format!("SELECT COUNT(*) FROM assignments WHERE lawyer_id = {b} AND community_id = {houting}");
    assert_eq!(app.count(&serves).await, 0, "the second member does not serve 后亭社区");
    let shajing = app.staff_client("shajing").await;
    let staff = app.staff_client("staff").await;
    let today = server::store::today();
    let (on, yesterday) = (today.to_string(), today.plus_days(-1).to_string());

    // Bad input, each with its field, and other streets' communities: nothing is written.
    let many: Vec<i64> = (1..=31).collect();
    for (body, field) in [
        (open(" ", houting, &on, json!([a])), "name"),
        (open(&"厂".repeat(61), houting, &on, json!([a])), "name"),
        (
            json!({ "name": "某厂欠薪", "community_id": houting, "opened_on": on, "note": "欠".repeat(501), "lawyer_ids": [a] }),
            "note",
        ),
        (open("某厂欠薪", houting, &today.plus_days(1).to_string(), json!([a])), "opened_on"),
        (open("某厂欠薪", houting, &today.plus_days(-93).to_string(), json!([a])), "opened_on"),
        (open("某厂欠薪", houting, "2026-02-30", json!([a])), "opened_on"),
        (open("某厂欠薪", houting, &on, json!([])), "lawyer_ids"),
        (open("某厂欠薪", houting, &on, json!([a, a])), "lawyer_ids"),
        (open("某厂欠薪", houting, &on, json!([a, 999_999])), "lawyer_ids"),
        (open("某厂欠薪", houting, &on, json!(many)), "lawyer_ids"),
    ] {
        let (status, answer) = app.post_with(&shajing, "staff/open-incident", body).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{answer}");
    }
    assert_eq!(
        app.post_with(&shajing, "staff/open-incident", open("某厂欠薪", haiwang, &on, json!([a]))).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_with(&shajing, "staff/open-incident", open("某厂欠薪", 999_999, &on, json!([a]))).await.0,
        StatusCode::NOT_FOUND
    );
    for role in ["lawyer", "assistant"] {
        let client = app.staff_client(role).await;
        assert_eq!(
            app.post_with(&client, "staff/open-incident", open("某厂欠薪", houting, &on, json!([a]))).await.0,
            StatusCode::FORBIDDEN
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM incidents").await, 0);

    // 沙井街道 forms a team of one; the district forms one in another street.
    let (status, formed) =
        app.post_with(&shajing, "staff/open-incident", open("后亭某电子厂欠薪", houting, &on, json!([a]))).await;
    assert_eq!(status, StatusCode::OK, "{formed}");
    let id = formed["id"].as_i64().expect("id");
    assert_eq!((formed["street"].as_str(), formed["members"][0]["lawyer_id"].as_i64()), (Some("沙井街道"), Some(a)));
    let (_, elsewhere) =
        app.post_with(&staff, "staff/open-incident", open("海旺某厂欠薪", haiwang, &on, json!([b]))).await;
    let foreign = elsewhere["id"].as_i64().expect("id");
    let names = |list: &Value| list.as_array().expect("list").iter().map(|i| i["id"].as_i64()).collect::<Vec<_>>();
    assert_eq!(names(&app.post_with(&shajing, "staff/incidents", json!({})).await.1), vec![Some(id)]);
    assert_eq!(names(&app.post_with(&staff, "staff/incidents", json!({})).await.1).len(), 2);
    let team = |id: i64, lawyers: Value| json!({ "id": id, "lawyer_ids": lawyers });
    assert_eq!(
        app.post_with(&shajing, "staff/incident-team", team(foreign, json!([a]))).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_with(&shajing, "staff/close-incident", json!({ "id": foreign, "closed_on": on })).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_with(&shajing, "staff/incident-team", team(999_999, json!([a]))).await.0,
        StatusCode::NOT_FOUND
    );

    // Only members log, within its days, checked as any record is; the second member, added,
    // logs in 后亭社区 without serving it.
    assert_eq!(
        app.post_with(&other, "incidents/record", service(id, "incident-b-1", &on, "consultation")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.post_with(&other, "incidents/mine", json!({})).await.1, json!([elsewhere]));
    let (status, answer) =
        app.post_with(&lawyer, "incidents/record", service(id, "incident-a-0", &yesterday, "consultation")).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("served_on")), "{answer}");
    let (status, answer) =
        app.post_with(&lawyer, "incidents/record", service(id, "incident-a-0", &on, "mediation")).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("parties")), "{answer}");
    assert_eq!(app.count("SELECT COUNT(*) FROM service_records WHERE incident_id IS NOT NULL").await, 0);
    let (status, logged) =
        app.post_with(&lawyer, "incidents/record", service(id, "incident-a-1", &on, "consultation")).await;
    assert_eq!((status, logged["community_id"].as_i64()), (StatusCode::OK, Some(houting)), "{logged}");
    let (_, again) = app.post_with(&lawyer, "incidents/record", service(id, "incident-a-1", &on, "consultation")).await;
    assert_eq!(again["id"], logged["id"], "sent twice, recorded once");
    assert_eq!(app.post_with(&shajing, "staff/incident-team", team(id, json!([a, b]))).await.0, StatusCode::OK);
    let (status, by_b) =
        app.post_with(&other, "incidents/record", service(id, "incident-b-2", &on, "consultation")).await;
    assert_eq!((status, by_b["community_id"].as_i64()), (StatusCode::OK, Some(houting)), "{by_b}");
    // A member who logged stays on the team.
    let (status, answer) = app.post_with(&shajing, "staff/incident-team", team(id, json!([b]))).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("lawyer_ids")), "{answer}");

    // Its own line: the list, the board's summary and the board's export.
    let (_, listed) = app.post_with(&shajing, "staff/incidents", json!({})).await;
    assert_eq!((listed[0]["services"].as_i64(), listed[0]["people_served"].as_i64()), (Some(2), Some(6)), "{listed}");
    let (_, board) = app.post_with(&shajing, "staff/board", json!({ "from": on, "to": on })).await;
    assert!(
        board["summary"].as_str().is_some_and(|s| s.contains("期内应急法律服务队1支，服务2件、6人次。")),
        "{board}"
    );
    let url = format!("{}/api/staff/board.csv?from={on}&to={on}&by=incident", app.address);
    let csv = shajing.get(&url).send().await.expect("csv").text().await.expect("body");
    assert!(csv.lines().any(|l| l.starts_with("后亭某电子厂欠薪,沙井街道,后亭社区,") && l.ends_with(",2,6")), "{csv}");
    assert!(!csv.contains("海旺某厂欠薪"), "another street's incident is not in the street's sheet");

    // Closing: not before it opened, not after today, once; then the team stands.
    let close = |day: String| json!({ "id": id, "closed_on": day });
    for day in [yesterday.clone(), today.plus_days(1).to_string(), "明天".to_owned()] {
        let (status, answer) = app.post_with(&shajing, "staff/close-incident", close(day)).await;
        assert_eq!(
            (status, answer["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("closed_on")),
            "{answer}"
        );
    }
    let (status, closed) = app.post_with(&shajing, "staff/close-incident", close(on.clone())).await;
    assert_eq!((status, closed["closed_on"].as_str()), (StatusCode::OK, Some(on.as_str())));
    assert_eq!(app.post_with(&shajing, "staff/close-incident", close(on.clone())).await.0, StatusCode::CONFLICT);
    assert_eq!(app.post_with(&shajing, "staff/incident-team", team(id, json!([a, b]))).await.0, StatusCode::CONFLICT);
    let audited = "SELECT COUNT(*) FROM audit_events WHERE action = 'incident'";
    assert_eq!(app.count(audited).await, 4, "two formed, one team changed, one closed");
    let resident = app.resident("13722300001").await;
    assert_eq!(app.post_with(&resident, "incidents/mine", json!({})).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_pages_form_a_team_and_log_a_service_only_from_this_site_and_the_right_role() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let (staff, lawyer) = (app.staff_client("shajing").await, app.staff_client("lawyer").await);
    let a = lawyer_of(&app, &lawyer).await;
    let today = server::store::today().to_string();
    let post = |client: &Client, path: &str, fields: Vec<(&str, String)>, site: &str| {
        client.post(format!("{}{path}", app.address)).header("sec-fetch-site", site).form(&fields).send()
    };
    let formed = || {
        vec![
            ("action", "open".to_owned()),
            ("name", "后亭某厂欠薪".to_owned()),
            ("community_id", houting.to_string()),
            ("day", today.clone()),
            ("note", String::new()),
            ("lawyer_ids", a.to_string()),
        ]
    };
    assert_eq!(post(&staff, "/staff/incidents", formed(), "cross-site").await.expect("post").status(), 403);
    assert_eq!(post(&lawyer, "/staff/incidents", formed(), "same-origin").await.expect("post").status(), 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM incidents").await, 0);
    let mut unnamed = formed();
    unnamed[1].1 = " ".to_owned();
    let refused = post(&staff, "/staff/incidents", unnamed, "same-origin").await.expect("post");
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.expect("html").contains("请填写事件名称"));
    let page = post(&staff, "/staff/incidents", formed(), "same-origin").await.expect("post");
    assert!(page.text().await.expect("html").contains("后亭某厂欠薪"));
    let id = app.count("SELECT MAX(id) FROM incidents").await;

    // The member logs from their page; the hub links each role to its pages.
    let own = lawyer.get(format!("{}/incidents", app.address)).send().await.expect("page");
    assert!(own.text().await.expect("html").contains("后亭某厂欠薪"));
    let logged = vec![
        ("incident_id", id.to_string()),
        ("client_key", "page-key-0001".to_owned()),
        ("category", "consultation".to_owned()),
        ("served_on", today.clone()),
        ("people_served", "12".to_owned()),
        ("summary", "现场讲解欠薪维权".to_owned()),
    ];
    assert_eq!(post(&staff, "/incidents", logged.clone(), "same-origin").await.expect("post").status(), 403);
    let page = post(&lawyer, "/incidents", logged, "same-origin").await.expect("post");
    assert!(page.text().await.expect("html").contains("服务1件，12人次"));
    let hub = |client: &Client| client.get(format!("{}/work", app.address)).send();
    let staff_hub = hub(&staff).await.expect("hub").text().await.expect("html");
    assert!(staff_hub.contains("/staff/incidents") && staff_hub.contains("/staff/evaluations"));
    let lawyer_hub = hub(&lawyer).await.expect("hub").text().await.expect("html");
    assert!(lawyer_hub.contains("href=\"/incidents\"") && !lawyer_hub.contains("/staff/incidents"));
}
