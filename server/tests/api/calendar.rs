//! The district calendar: kept by administrators a day at a time or a year from a table, read by
//! booking availability (a holiday has no slots, a make-up working day has its weekday's).

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::signed_in;
use app::time::{Instant, LocalDate};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// The example file the project ships, and that the demo loads.
const EXAMPLE: &str = include_str!("../../../docs/calendar/2026.csv");

fn today() -> LocalDate {
    Instant(server::store::now_ms()).to_shanghai().0
}

async fn calendar_rows(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM holidays").await
}

/// The dates with slots at `community`.
async fn days_with_slots(app: &TestApp, community: i64) -> Vec<String> {
    let (status, availability) = app.post("booking/availability", json!({ "community_id": community })).await;
    assert_eq!(status, StatusCode::OK, "{availability}");
    availability["days"].as_array().expect("days").iter().map(|d| d["date"].as_str().unwrap_or("").to_owned()).collect()
}

async fn book_at(app: &TestApp, resident: &Client, community: i64, start: i64) -> (StatusCode, Value) {
    let body = json!({ "community_id": community, "slot_start": start, "channel": "in_person", "topic": "labour", "description": "工资被拖欠" });
    app.post_with(resident, "booking/book", body).await
}

#[tokio::test]
async fn the_shipped_year_is_checked_then_written_and_read_back() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let (status, report) =
        app.post_with(&admin, "calendar/import", json!({ "year": 2026, "csv": EXAMPLE, "write": false })).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["written"], false);
    assert!(report["rows"].as_array().expect("rows").iter().all(|r| r["error"].is_null()), "{report}");
    let (status, report) =
        app.post_with(&admin, "calendar/import", json!({ "year": 2026, "csv": EXAMPLE, "write": true })).await;
    assert_eq!((status, report["written"].clone()), (StatusCode::OK, json!(true)), "{report}");
    let staff = app.staff_client("staff").await;
    let (status, year) = app.post_with(&staff, "calendar/year", json!({ "year": 2026 })).await;
    assert_eq!(status, StatusCode::OK, "{year}");
    let days = year["days"].as_array().expect("days");
    assert_eq!(days.len(), 39, "33 days off and 6 make-up days");
    let national = days.iter().find(|d| d["date"] == "2026-10-10").expect("10 October");
    assert_eq!((national["kind"].as_str(), national["works_as"].as_i64()), (Some("workday"), Some(3)));
    // A street's staff read it too; only the district's staff and administrators change it.
    let street = app.staff_client("shajing").await;
    assert_eq!(app.post_with(&street, "calendar/year", json!({ "year": 2026 })).await.0, StatusCode::OK);
    let (status, _) = app
        .post_with(&street, "calendar/save", json!({ "date": "2026-12-26", "kind": "holiday", "name": "区庆" }))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .post_with(&staff, "calendar/save", json!({ "date": "2026-12-26", "kind": "holiday", "name": "区庆" }))
        .await;
    assert_eq!(status, StatusCode::OK, "the district's staff keep it");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'calendar_import'").await, 1);
}

#[tokio::test]
async fn a_bad_table_or_day_gets_its_error_by_line_and_changes_nothing() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let before = calendar_rows(&app).await;
    let table = "\u{feff}日期,类型,名称,按星期\r\n\
                 2026-05-01,放假,劳动节,\r\n\
                 2026-05-01,holiday,劳动节,\r\n\
                 2026-13-01,holiday,错,\r\n\
                 2027-01-01,holiday,元旦,\r\n\
                 2026-05-08,workday,周五不用调休,1\r\n\
                 2026-05-09,workday,缺星期,\r\n\
                 2026-05-10,workday,星期错,6\r\n\
                 2026-05-11,vacation,未知,\r\n\
                 2026-05-12,HOLIDAY,,\r\n\
                 2026-05-16,上班,\"调休,上班\",2\r\n";
    let (status, report) =
        app.post_with(&admin, "calendar/import", json!({ "year": 2026, "csv": table, "write": false })).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let errors: Vec<(i64, Option<&str>)> = report["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| (r["line"].as_i64().unwrap_or(0), r["error"].as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (2, None),
            (3, Some("该日期出现了两次")),
            (4, Some("日期应写作YYYY-MM-DD，如2026-10-01")),
            (5, Some("日期不在所选年份内")),
            (6, Some("调休上班日应为周六或周日")),
            (7, Some("调休上班日须注明按星期几值班(1–5)")),
            (8, Some("调休上班日须注明按星期几值班(1–5)")),
            (9, Some("类型应为 放假(holiday) 或 上班(workday)")),
            (10, Some("请填写名称(不超过20字)")),
            (11, None),
        ]
    );
    let (status, answer) =
        app.post_with(&admin, "calendar/import", json!({ "year": 2026, "csv": table, "write": true })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(calendar_rows(&app).await, before, "nothing written");

    for (body, field) in [
        (json!({ "year": 2026, "csv": "date,name\n2026-05-01,x\n", "write": true }), "csv"),
        (json!({ "year": 1999, "csv": "date,kind,name\n", "write": true }), "year"),
        (
            json!({ "year": 2026, "csv": format!("date,kind,name\n{}", "2026-05-01,holiday,x\n".repeat(2_100)), "write": true }),
            "csv",
        ),
    ] {
        let (status, answer) = app.post_with(&admin, "calendar/import", body).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{answer}");
    }
    for (day, field) in [
        (json!({ "date": "2026-02-30", "kind": "holiday", "name": "劳动节" }), "date"),
        (json!({ "date": "2026-05-08", "kind": "workday", "name": "调休", "works_as": 1 }), "date"),
        (json!({ "date": "2026-05-09", "kind": "workday", "name": "调休" }), "works_as"),
        (json!({ "date": "2026-05-01", "kind": "holiday", "name": "" }), "name"),
        (json!({ "date": "1999-05-01", "kind": "holiday", "name": "远" }), "date"),
    ] {
        let (status, answer) = app.post_with(&admin, "calendar/save", day.clone()).await;
        assert_eq!(
            (status, answer["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{day}: {answer}"
        );
    }
    let (status, _) =
        app.post_with(&admin, "calendar/save", json!({ "date": "2026-05-01", "kind": "day_off", "name": "x" })).await;
    assert!(status.is_client_error(), "an unknown kind");
    assert_eq!(
        app.post_with(&admin, "calendar/remove", json!({ "date": "2026-05-06" })).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(calendar_rows(&app).await, before, "nothing written");
}

#[tokio::test]
async fn a_make_up_working_day_can_be_booked_and_a_holiday_cannot() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let houting = app.community("后亭社区").await;
    // 后亭社区 sits on weekday mornings: the next Saturday but one is worked as a Monday.
    let mut saturday = today().plus_days(2);
    while saturday.weekday() != 6 {
        saturday = saturday.plus_days(1);
    }
    assert!(!days_with_slots(&app, houting).await.contains(&saturday.to_string()));
    let day = json!({ "date": saturday.to_string(), "kind": "workday", "name": "调休上班", "works_as": 1 });
    let (status, year) = app.post_with(&admin, "calendar/save", day).await;
    assert_eq!(status, StatusCode::OK, "{year}");
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    assert!(days_with_slots(&app, houting).await.contains(&saturday.to_string()), "the Saturday is offered");
    let resident = app.resident("13711112001").await;
    let (status, booking) = book_at(&app, &resident, houting, saturday.at_minute(9 * 60).0).await;
    assert_eq!(status, StatusCode::OK, "{booking}");

    // The Monday after becomes a holiday: no slots, and booking one is refused.
    let monday = saturday.plus_days(2);
    let day = json!({ "date": monday.to_string(), "kind": "holiday", "name": "区庆" });
    assert_eq!(app.post_with(&admin, "calendar/save", day).await.0, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    assert!(!days_with_slots(&app, houting).await.contains(&monday.to_string()));
    let (status, answer) = book_at(&app, &resident, houting, monday.at_minute(9 * 60).0).await;
    assert!(status.is_client_error(), "{answer}");
    assert_eq!(app.count("SELECT COUNT(*) FROM bookings").await, 1);
}

#[tokio::test]
async fn the_setup_list_names_what_residents_cannot_yet_be_served_without() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let (status, before) = app.post_with(&staff, "staff/setup", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert_eq!(before["year"], today().year);
    assert!(before["calendar_days"].as_i64().is_some_and(|n| n > 0), "the demo loads this year: {before}");
    let count = |list: &Value, key: &str| list[key]["count"].as_i64().unwrap_or(-1);

    // A new community has neither an A lawyer nor duty yet; a new lawyer cannot sign in yet.
    let street = app.street("沙井街道").await;
    let create = json!({ "street_id": street, "name": "新桥东社区", "office_address": "新桥东社区党群服务中心" });
    assert_eq!(app.post_with(&staff, "staff/save-community", create).await.0, StatusCode::OK);
    let table = "律师姓名,律师事务所,执业证号\n钱新,广东宝城律师事务所,14403202611112222\n";
    let (status, report) = app.post_with(&staff, "staff/import-lawyers", json!({ "csv": table, "write": true })).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let (_, after) = app.post_with(&staff, "staff/setup", json!({})).await;
    assert_eq!(after["communities"].as_i64(), before["communities"].as_i64().map(|n| n + 1));
    for key in ["without_a_lawyer", "without_schedule", "lawyers_without_password"] {
        assert_eq!(count(&after, key), count(&before, key) + 1, "{key}: {after}");
    }
    assert!(after["lawyers_without_password"]["names"].as_array().is_some_and(|n| n.len() <= 10));
    let street_staff = app.staff_client("shajing").await;
    assert_eq!(app.post_with(&street_staff, "staff/setup", json!({})).await.0, StatusCode::FORBIDDEN);
}
