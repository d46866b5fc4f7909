//! The coverage order's duty-days per street, from running totals by month and by year, equal a
//! direct count of the duty logs over any period up to two years: loose days, whole months, whole
//! years, leap days, a community moved to another street and a log deleted.

use crate::board::{duty, exec, role_of};
use crate::helpers::{spawn_app, TestApp};
use app::time::LocalDate;
use serde_json::json;
use std::collections::HashMap;

fn date(text: &str) -> LocalDate {
    LocalDate::parse(text).expect("date")
}

/// Duty-days per street in `from..=to`, counted from the logs themselves.
async fn direct(app: &TestApp, from: LocalDate, to: LocalDate) -> HashMap<i64, i64> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.street_id, COUNT(*) FROM (SELECT DISTINCT community_id, lawyer_id, served_on FROM duty_logs \
         WHERE served_on >= $1 AND served_on <= $2) d JOIN communities c ON c.id = d.community_id GROUP BY c.street_id",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(&app.store.pool)
    .await
    .expect("direct count");
    rows.into_iter().collect()
}

async fn assert_same(app: &TestApp, from: LocalDate, to: LocalDate) {
    let mut counted = server::board::coverage::by_street(&app.store, from, to).await.expect("coverage");
    counted.retain(|_, days| *days != 0);
    assert_eq!(counted, direct(app, from, to).await, "{from}..={to}");
}

#[tokio::test]
async fn any_period_up_to_two_years_counts_each_streets_duty_days_as_the_logs_do() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let elsewhere: i64 =
        sqlx::query_scalar("SELECT MIN(id) FROM streets WHERE id <> (SELECT street_id FROM communities WHERE id = $1)")
            .bind(houting)
            .fetch_one(&app.store.pool)
            .await
            .expect("another street");
    let (a, b) = (role_of(&app, houting, "a").await, role_of(&app, houting, "b").await);
    let (_, resident) = app.resident_of("13712340031", "后亭社区").await;
    // Days on every kind of edge: months' first and last days, a leap day, New Year, two lawyers
    // on one day, one lawyer twice on one day.
    let days = [
        "2023-12-31",
        "2024-01-01",
        "2024-02-29",
        "2024-03-01",
        "2024-06-30",
        "2024-12-31",
        "2025-01-01",
        "2025-01-31",
        "2025-02-28",
        "2025-07-15",
        "2025-12-31",
        "2026-01-01",
        "2026-02-27",
        "2026-03-31",
    ];
    for (k, day) in days.iter().enumerate() {
        duty(&app, a, houting, day, resident, false).await;
        if k % 3 == 0 {
            duty(&app, b, houting, day, resident, false).await;
            duty(&app, a, houting, day, resident, false).await;
        }
    }
    let fixed = [
        ("2025-07-15", "2025-07-15"),
        ("2024-02-29", "2024-03-01"),
        ("2023-12-31", "2025-12-30"),
        ("2024-01-01", "2025-12-31"),
        ("2024-03-15", "2026-03-14"),
        ("2025-01-01", "2025-12-31"),
        ("2025-03-15", "2025-06-22"),
        ("2025-12-29", "2026-01-04"),
    ];
    for (from, to) in fixed {
        assert_same(&app, date(from), date(to)).await;
    }

    // The community moves to another street and a log is deleted: the totals follow.
    exec(&app, "UPDATE communities SET street_id = $1 WHERE id = $2", &[json!(elsewhere), json!(houting)]).await;
    exec(
        &app,
        "DELETE FROM duty_logs WHERE id = (SELECT MIN(id) FROM duty_logs WHERE community_id = $1 AND served_on = '2025-01-01')",
        &[json!(houting)],
    )
    .await;
    // Sampled ranges from a fixed seed: any start from December 2023, any length up to two years.
    let mut seed: u64 = 0x5eed;
    let mut next = |below: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    let start = date("2023-12-01").to_days();
    for _ in 0..40 {
        let from = start + next(850) as i64;
        let to = from + next(731) as i64;
        assert_same(&app, LocalDate::from_days(from), LocalDate::from_days(to)).await;
    }
    for (from, to) in fixed {
        assert_same(&app, date(from), date(to)).await;
    }
}
