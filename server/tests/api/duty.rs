//! Duty days and service records: checking in and out, counting duty-days, recording services
//! once, the lawyer's month, locking and corrections, and every bad input, on both databases.

use crate::helpers::{spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use server::store::today;

/// The demo lawyer (A lawyer of 后亭社区) signed in, with their ids and office position.
pub struct Desk {
    pub app: TestApp,
    pub lawyer: Client,
    pub lawyer_id: i64,
    pub houting: i64,
    pub office: (f64, f64),
}

pub async fn desk() -> Desk {
    let app = spawn_app().await;
    let lawyer = app.staff_client("lawyer").await;
    let lawyer_id: i64 =
        sqlx::query_scalar("SELECT l.id FROM lawyers l JOIN users u ON u.id = l.user_id WHERE u.login = 'lawyer'")
            .fetch_one(&app.store.pool)
            .await
            .expect("the demo lawyer");
    let houting = app.community("后亭社区").await;
    let office: (f64, f64) = sqlx::query_as("SELECT latitude, longitude FROM communities WHERE id = $1")
        .bind(houting)
        .fetch_one(&app.store.pool)
        .await
        .expect("office position");
    Desk { app, lawyer, lawyer_id, houting, office }
}

pub fn month() -> String {
    app::domain::month_of(today())
}

impl Desk {
    pub async fn check_in(&self, client: &Client, position: Option<(f64, f64)>) -> (StatusCode, Value) {
        let position = position.map(|(latitude, longitude)| json!({ "latitude": latitude, "longitude": longitude }));
        self.app
            .post_with(
                client,
                "duty/check-in",
                json!({ "lawyer_id": self.lawyer_id, "community_id": self.houting, "position": position }),
            )
            .await
    }

    pub async fn record(&self, client: &Client, key: &str, fields: Value) -> (StatusCode, Value) {
        let mut body = json!({ "client_key": key, "lawyer_id": self.lawyer_id, "community_id": self.houting,
            "category": "consultation", "served_on": today().to_string(), "people_served": 1, "summary": "咨询劳动合同" });
        for (k, v) in fields.as_object().expect("fields") {
            body[k] = v.clone();
        }
        self.app.post_with(client, "duty/record", body).await
    }

    pub async fn month(&self, client: &Client) -> Value {
        self.month_of(client, &month()).await
    }

    pub async fn month_of(&self, client: &Client, month: &str) -> Value {
        let (status, body) =
            self.app.post_with(client, "duty/month", json!({ "lawyer_id": self.lawyer_id, "month": month })).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    /// Rows of `table` (to show a refused request changed nothing).
    pub async fn rows(&self, table: &str) -> i64 {
        self.app.count(&format!("SELECT COUNT(*) FROM {table}")).await
    }
}

#[tokio::test]
async fn a_lawyer_checks_in_at_the_office_logs_a_lecture_and_a_mediation_and_checks_out() {
    let d = desk().await;
    let (status, duty) = d.check_in(&d.lawyer, Some((d.office.0 + 0.0005, d.office.1))).await;
    assert_eq!(status, StatusCode::OK, "{duty}");
    assert_eq!(duty["verified"], true);
    assert_eq!(duty["served_on"], today().to_string());
    assert!(duty["distance_m"].as_i64().is_some_and(|m| (50..=60).contains(&m)), "{duty}");
    assert_eq!(duty["ended_at"], Value::Null);

    let (status, body) = d.check_in(&d.lawyer, Some(d.office)).await;
    assert_eq!((status, body["message"].as_str()), (StatusCode::CONFLICT, Some("已在值班中，请先签退")));

    let (status, lecture) = d
        .record(
            &d.lawyer,
            "lecture-0001",
            json!({ "category": "publicity", "people_served": 30, "topic": "劳动合同法", "summary": "社区法治讲座" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{lecture}");
    let (status, mediation) = d
        .record(&d.lawyer, "mediate-0001", json!({ "category": "mediation", "people_served": 2, "parties": "邻居甲、邻居乙", "outcome": "达成调解协议", "summary": "漏水纠纷" }))
        .await;
    assert_eq!(status, StatusCode::OK, "{mediation}");
    assert_eq!(mediation["entered_by"], "", "the lawyer entered it themselves");

    let (status, ended) = d.app.post_with(&d.lawyer, "duty/check-out", json!({ "lawyer_id": d.lawyer_id })).await;
    assert_eq!(status, StatusCode::OK, "{ended}");
    assert_eq!(ended["ended_by"], "checked_out");
    let (status, body) = d.app.post_with(&d.lawyer, "duty/check-out", json!({ "lawyer_id": d.lawyer_id })).await;
    assert_eq!((status, body["message"].as_str()), (StatusCode::CONFLICT, Some("当前没有进行中的值班")));

    let m = d.month(&d.lawyer).await;
    assert_eq!(m["duty_days"], 1);
    assert_eq!(m["people_served"], 32);
    let services: Vec<(String, i64, i64)> = m["services"]
        .as_array()
        .expect("services")
        .iter()
        .map(|c| {
            (
                c["category"].as_str().unwrap_or("").to_owned(),
                c["records"].as_i64().unwrap_or(0),
                c["people"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(services, vec![("publicity".into(), 1, 30), ("mediation".into(), 1, 2)]);
    let houting =
        m["communities"].as_array().expect("communities").iter().find(|c| c["community_id"] == d.houting).cloned();
    assert_eq!(houting.map(|c| c["duty_days"].clone()), Some(json!(1)));
}

#[tokio::test]
async fn a_check_in_away_from_the_office_or_without_a_position_is_kept_unverified_with_a_reason() {
    let d = desk().await;
    // About 1.1 km north of the office.
    let (status, far) = d.check_in(&d.lawyer, Some((d.office.0 + 0.01, d.office.1))).await;
    assert_eq!(status, StatusCode::OK, "{far}");
    assert_eq!(far["verified"], false);
    assert!(far["distance_m"].as_i64().is_some_and(|m| (1000..1250).contains(&m)), "{far}");
    assert_eq!(far["reason"], "签到位置不在办公地点附近");
    d.app.post_with(&d.lawyer, "duty/check-out", json!({ "lawyer_id": d.lawyer_id })).await;

    let (status, blind) = d
        .app
        .post_with(
            &d.lawyer,
            "duty/check-in",
            json!({ "lawyer_id": d.lawyer_id, "community_id": d.houting, "reason": "手机定位未开启" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{blind}");
    assert_eq!((blind["verified"].clone(), blind["reason"].clone()), (json!(false), json!("手机定位未开启")));
    assert_eq!(blind["distance_m"], Value::Null);
}

#[tokio::test]
async fn an_assistant_logs_a_consultation_attributed_to_the_lawyer() {
    let d = desk().await;
    let assistant = d.app.staff_client("assistant").await;
    let (status, lawyers) = d.app.post_with(&assistant, "duty/lawyers", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{lawyers}");
    assert_eq!(
        lawyers.as_array().map(|l| l.iter().map(|x| x["id"].clone()).collect::<Vec<_>>()),
        Some(vec![json!(d.lawyer_id)])
    );
    let (status, record) =
        d.record(&assistant, "assist-0001", json!({ "people_served": 1, "summary": "咨询离婚财产分割" })).await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(record["lawyer_id"], d.lawyer_id);
    assert_eq!(record["entered_by"], "律师助理 小林");
    let m = d.month(&d.lawyer).await;
    assert_eq!(m["records"].as_array().map(Vec::len), Some(1));
    assert_eq!(m["services"][0]["category"], "consultation");
}

#[tokio::test]
async fn sending_a_record_again_records_it_once_even_when_the_sends_race() {
    let d = desk().await;
    let d = &d;
    let sends = (0..10).map(|_| d.record(&d.lawyer, "same-key-0001", json!({})));
    let results = futures_util::future::join_all(sends).await;
    assert!(
        results.iter().all(|(s, _)| *s == StatusCode::OK),
        "{:?}",
        results.iter().map(|(s, b)| (s.as_u16(), b.clone())).collect::<Vec<_>>()
    );
    let ids: std::collections::BTreeSet<i64> = results.iter().filter_map(|(_, b)| b["id"].as_i64()).collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(d.rows("service_records").await, 1);
}

#[tokio::test]
async fn duty_days_count_a_lawyer_at_a_community_once_a_day_and_a_duty_across_midnight_once() {
    let d = desk().await;
    // The middle of last month: a whole month in the past, whatever today's date.
    let last_month = app::domain::month_of(today().plus_days(-i64::from(today().day)));
    let (first, _) = app::domain::month_bounds(&last_month).expect("month");
    let day = first.plus_days(10);
    let at = |date: app::time::LocalDate, minute: u32| date.at_minute(minute).0;
    let lawyer_user: i64 = d.app.count("SELECT id FROM users WHERE login = 'lawyer'").await;
    let mut insert = Vec::new();
    // Three check-ins on one day at 后亭: one duty-day.
    for (start, end) in [(9 * 60, 10 * 60), (10 * 60 + 30, 11 * 60), (14 * 60, 15 * 60)] {
        insert.push((day, at(day, start), at(day, end)));
    }
    for (date, started, ended) in insert {
        sqlx::query("INSERT INTO duty_logs (lawyer_id, community_id, served_on, started_at, ended_at, ended_by, entered_by, created_at) VALUES ($1, $2, $3, $4, $5, 'checked_out', $6, 0)")
            .bind(d.lawyer_id)
            .bind(d.houting)
            .bind(date.to_string())
            .bind(started)
            .bind(ended)
            .bind(lawyer_user)
            .execute(d.app.store.writer())
            .await
            .expect("duty");
    }
    assert_eq!(d.month_of(&d.lawyer, &last_month).await["duty_days"], 1);
    // A duty from 23:00 to 01:00 counts for the day it began, once.
    {
        let before = day.plus_days(-1);
        sqlx::query("INSERT INTO duty_logs (lawyer_id, community_id, served_on, started_at, ended_at, ended_by, entered_by, created_at) VALUES ($1, $2, $3, $4, $5, 'checked_out', $6, 0)")
            .bind(d.lawyer_id)
            .bind(d.houting)
            .bind(before.to_string())
            .bind(at(before, 23 * 60))
            .bind(at(day, 60))
            .bind(lawyer_user)
            .execute(d.app.store.writer())
            .await
            .expect("overnight duty");
        assert_eq!(d.month_of(&d.lawyer, &last_month).await["duty_days"], 2);
    }
}

#[tokio::test]
async fn a_forgotten_check_out_closes_at_the_end_of_the_scheduled_duty() {
    let d = desk().await;
    // The demo lawyer's duty at 后亭 is every weekday 09:00–12:00: take last week's Monday.
    let mut monday = today().plus_days(-7);
    while monday.weekday() != 1 {
        monday = monday.plus_days(-1);
    }
    let lawyer_user: i64 = d.app.count("SELECT id FROM users WHERE login = 'lawyer'").await;
    let open = |date: app::time::LocalDate, minute: u32| {
        let store = d.app.store.clone();
        let (lawyer, community) = (d.lawyer_id, d.houting);
        async move {
            sqlx::query_scalar::<_, i64>("INSERT INTO duty_logs (lawyer_id, community_id, served_on, started_at, entered_by, created_at) VALUES ($1, $2, $3, $4, $5, 0) RETURNING id")
                .bind(lawyer)
                .bind(community)
                .bind(date.to_string())
                .bind(date.at_minute(minute).0)
                .bind(lawyer_user)
                .fetch_one(store.writer())
                .await
                .expect("open duty")
        }
    };
    let id = open(monday, 9 * 60 + 5).await;
    let close = server::duty::logs::close_forgotten;
    assert_eq!(close(&d.app.store, monday.at_minute(11 * 60).0).await.expect("pass"), 0, "still on duty at 11:00");
    assert_eq!(close(&d.app.store, monday.at_minute(12 * 60 + 30).0).await.expect("pass"), 1);
    let (ended, by): (i64, String) = sqlx::query_as("SELECT ended_at, ended_by FROM duty_logs WHERE id = $1")
        .bind(id)
        .fetch_one(&d.app.store.pool)
        .await
        .expect("closed");
    assert_eq!((ended, by.as_str()), (monday.at_minute(12 * 60).0, "auto"));
    // A second server's pass closes nothing twice.
    assert_eq!(close(&d.app.store, monday.at_minute(13 * 60).0).await.expect("pass"), 0);

    // A duty on a day with no schedule (Saturday) closes at midnight.
    let saturday = monday.plus_days(5);
    let id = open(saturday, 10 * 60).await;
    assert_eq!(close(&d.app.store, saturday.at_minute(23 * 60).0).await.expect("pass"), 0);
    assert_eq!(close(&d.app.store, saturday.plus_days(1).at_minute(1).0).await.expect("pass"), 1);
    let ended: i64 = sqlx::query_scalar("SELECT ended_at FROM duty_logs WHERE id = $1")
        .bind(id)
        .fetch_one(&d.app.store.pool)
        .await
        .expect("closed");
    assert_eq!(ended, saturday.plus_days(1).start().0);
}
