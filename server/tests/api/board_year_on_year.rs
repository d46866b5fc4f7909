//! The board compares a period with the same period a year before (同比), for the district and
//! for one street, in its figures and in its paragraph.

use crate::board::{duty, role_of, service};
use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn the_board_compares_a_period_with_the_same_period_a_year_before() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let lawyer = role_of(&app, houting, "a").await;
    let by: i64 = sqlx::query_scalar("SELECT user_id FROM lawyers WHERE id = $1")
        .bind(lawyer)
        .fetch_one(&app.store.pool)
        .await
        .expect("the lawyer's account");
    // October 2024: 2 duty-days, 2 services. October 2025: 3 duty-days, 1 service.
    for on in ["2024-10-08", "2024-10-15"] {
        duty(&app, lawyer, houting, on, by, false).await;
        service(&app, lawyer, houting, "consultation", on, 1).await;
    }
    for on in ["2025-10-08", "2025-10-15", "2025-10-22"] {
        duty(&app, lawyer, houting, on, by, false).await;
    }
    service(&app, lawyer, houting, "mediation", "2025-10-22", 2).await;
    // Outside the compared days: not counted.
    service(&app, lawyer, houting, "consultation", "2024-11-01", 1).await;

    let staff = app.staff_client("staff").await;
    let october = json!({ "from": "2025-10-01", "to": "2025-10-31" });
    let (status, board) = app.post_with(&staff, "staff/board", october).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    assert_eq!(board["year_before"]["duty_days"], 2);
    assert_eq!(board["year_before"]["services"], json!([{ "category": "consultation", "services": 2, "people": 2 }]));
    let summary = board["summary"].as_str().expect("summary");
    assert!(
        summary.contains("与去年同期相比，值班天次增长50.0%，服务件数下降50.0%，预约持平，在线咨询持平。"),
        "{summary}"
    );

    // One street: its own comparison; another street had nothing either year.
    let shajing = app.street("沙井街道").await;
    let (_, street) = app
        .post_with(&staff, "staff/board", json!({ "from": "2025-10-01", "to": "2025-10-31", "street": shajing }))
        .await;
    assert_eq!(street["year_before"]["duty_days"], 2);
    let xin_an = app.street("新安街道").await;
    let (_, other) = app
        .post_with(&staff, "staff/board", json!({ "from": "2025-10-01", "to": "2025-10-31", "street": xin_an }))
        .await;
    assert_eq!(other["year_before"]["duty_days"], 0);
    assert!(other["summary"].as_str().expect("summary").contains("值班天次持平"), "{other}");

    // The export compares each community: 后亭社区 had 2 duty-days and 2 services a year before.
    let url = format!("{}/api/staff/board.csv?from=2025-10-01&to=2025-10-31", app.address);
    let text = staff.get(&url).send().await.expect("csv").text().await.expect("body");
    let head: Vec<&str> = text.trim_start_matches('\u{feff}').lines().next().expect("head").split(',').collect();
    let row: Vec<&str> = text.lines().find(|l| l.contains(",后亭社区,")).expect("row").split(',').collect();
    let cell = |name: &str| row[head.iter().position(|h| *h == name).expect(name)];
    assert_eq!((cell("值班天数"), cell("去年同期值班天数")), ("3", "2"));
    assert_eq!(cell("去年同期服务件数"), "2");

    // So does the export by lawyer.
    let text = staff.get(format!("{url}&by=lawyer")).send().await.expect("csv").text().await.expect("body");
    let head: Vec<&str> = text.trim_start_matches('\u{feff}').lines().next().expect("head").split(',').collect();
    let licence: String = sqlx::query_scalar("SELECT licence_no FROM lawyers WHERE id = $1")
        .bind(lawyer)
        .fetch_one(&app.store.pool)
        .await
        .expect("licence");
    let row: Vec<&str> = text.lines().find(|l| l.contains(&licence)).expect("the lawyer's row").split(',').collect();
    let cell = |name: &str| row[head.iter().position(|h| *h == name).expect(name)];
    assert_eq!((cell("值班天数"), cell("去年同期值班天数"), cell("去年同期服务件数")), ("3", "2", "2"));

    // A leap day's year before is the 28th: the period still reads.
    let leap = json!({ "from": "2028-02-01", "to": "2028-02-29" });
    let (status, body) = app.post_with(&staff, "staff/board", leap).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
