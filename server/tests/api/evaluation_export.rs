//! The yearly evaluation exported: a row per lawyer in the caller's scope with the card's
//! figures, services by category, the middle time to a first answer, the streets served and the
//! conclusion; the workbook holds the CSV's table. Other streets and other roles are refused.

use crate::board::{duty, exec, role_of, service};
use crate::helpers::{spawn_app, TestApp};
use crate::workbook::xlsx_parts;
use reqwest::{Client, StatusCode};
use serde_json::json;

fn year() -> i32 {
    server::store::today().year
}

/// The CSV's rows, the header first.
async fn rows(client: &Client, url: &str) -> (StatusCode, Vec<Vec<String>>) {
    let response = client.get(url).send().await.expect("export");
    let status = response.status();
    let text = response.text().await.expect("body");
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows = reader.records().map(|r| r.expect("record").iter().map(str::to_owned).collect()).collect();
    (status, rows)
}

/// The row of a lawyer named by name and firm (names repeat across firms).
fn row_of<'a>(rows: &'a [Vec<String>], (name, firm): &(String, String)) -> Option<&'a Vec<String>> {
    rows.iter().find(|row| row[0] == *name && row[1] == *firm)
}

/// The cell of `row` under `column`.
fn cell<'a>(rows: &[Vec<String>], row: &'a [String], column: &str) -> &'a str {
    let at = rows[0].iter().position(|c| c == column).unwrap_or_else(|| panic!("{column} in {:?}", rows[0]));
    &row[at]
}

async fn name_of(app: &TestApp, lawyer: i64) -> (String, String) {
    sqlx::query_as("SELECT l.name, f.name FROM lawyers l JOIN law_firms f ON f.id = l.firm_id WHERE l.id = $1")
        .bind(lawyer)
        .fetch_one(&app.store.pool)
        .await
        .expect("name")
}

/// `count` questions at `community` answered by `lawyer` `minutes` after they were asked, today.
async fn answered(app: &TestApp, resident: i64, community: i64, lawyer: i64, minutes: i64, count: i64) {
    let answered_at = server::store::today().start().0 + 60_000;
    for k in 0..count {
        exec(
            app,
            "INSERT INTO questions (resident_id, community_id, category, title, client_key, status, deadline_at, first_answer_at, routed_to, created_at, updated_at) \
             VALUES ($1, $2, 'labour', '工资拖欠', $3, 'answered', $4, $4, $5, $6, $4)",
            &[json!(resident), json!(community), json!(format!("ev-{minutes}-{k}")), json!(answered_at), json!(lawyer), json!(answered_at - minutes * 60_000)],
        )
        .await;
    }
}

#[tokio::test]
async fn staff_export_the_year_of_their_scope_and_nothing_else() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let a = role_of(&app, houting, "a").await;
    let haiwang = app.community("海旺社区").await;
    let foreign = role_of(&app, haiwang, "a").await;
    let (_, resident) = app.resident_of("13722290001", "后亭社区").await;
    let today = server::store::today().to_string();
    duty(&app, a, houting, &today, resident, false).await;
    service(&app, a, houting, "mediation", &today, 3).await;
    service(&app, a, houting, "mediation", &today, 2).await;
    // More answers taking 95 minutes than the lawyer has others: the middle one is 95.
    let (from, to) = (format!("{}-01-01", year()), format!("{}-12-31", year()));
    let window = (app::time::LocalDate::parse(&from).expect("date").start().0, server::store::now_ms() + 86_400_000);
    let others: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM questions WHERE COALESCE(claimed_by, routed_to) = $1 AND first_answer_at >= $2 AND first_answer_at < $3",
    )
    .bind(a)
    .bind(window.0)
    .bind(window.1)
    .fetch_one(&app.store.pool)
    .await
    .expect("count");
    answered(&app, resident, houting, a, 95, others + 1).await;
    let staff = app.staff_client("staff").await;
    let conclude = json!({ "lawyer_id": a, "year": year(), "conclusion": "合格", "comment": "=值班稍少" });
    assert_eq!(app.post_with(&staff, "staff/conclude", conclude).await.0, StatusCode::OK);

    // The district's staff: every lawyer, with the streets each served.
    let url = |query: &str| format!("{}/api/staff/scorecards.csv?year={}{query}", app.address, year());
    let (status, all) = rows(&staff, &url("")).await;
    assert_eq!(status, StatusCode::OK);
    let (a_name, foreign_name) = (name_of(&app, a).await, name_of(&app, foreign).await);
    let line = row_of(&all, &a_name).expect("the A lawyer's row");
    assert!(row_of(&all, &foreign_name).is_some(), "another street's lawyer is in the district's");
    assert!(cell(&all, line, "服务街道").contains("沙井街道"), "{line:?}");
    let mediations: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM service_records WHERE lawyer_id = $1 AND category = 'mediation' AND served_on >= $2 AND served_on <= $3",
    )
    .bind(a)
    .bind(&from)
    .bind(&to)
    .fetch_one(&app.store.pool)
    .await
    .expect("count");
    assert!(mediations >= 2);
    assert_eq!(cell(&all, line, "矛盾纠纷调处"), mediations.to_string(), "{:?}", all[0]);
    assert_eq!(cell(&all, line, "首次答复用时中位数(分钟)"), "95");
    assert_eq!(cell(&all, line, "评价结论"), "合格");
    assert_eq!(cell(&all, line, "评语"), "'=值班稍少", "a comment is never a formula");
    assert!(all[0].iter().any(|c| c.starts_with("值班天数达标(权重 40)")), "{:?}", all[0]);

    // The workbook holds the same table, its text cells as they are (a text cell is never run).
    let mut table = all.clone();
    for row in table.iter_mut() {
        for cell in row.iter_mut() {
            if let Some(text) = cell.strip_prefix("'=") {
                *cell = format!("={text}");
            }
        }
    }
    let workbook = staff.get(url("").replace(".csv", ".xlsx")).send().await.expect("xlsx");
    assert!(workbook.headers()["content-disposition"]
        .to_str()
        .is_ok_and(|d| d.contains(&format!("evaluation-{}.xlsx", year()))));
    assert_eq!(xlsx_parts(&workbook.bytes().await.expect("body")).rows(), table);

    // 沙井街道's staff: their street's lawyers only, and no other street.
    let shajing = app.staff_client("shajing").await;
    let (_, theirs) = rows(&shajing, &url("")).await;
    assert!(row_of(&theirs, &a_name).is_some() && row_of(&theirs, &foreign_name).is_none());
    let other_street: i64 = sqlx::query_scalar("SELECT street_id FROM communities WHERE id = $1")
        .bind(haiwang)
        .fetch_one(&app.store.pool)
        .await
        .expect("street");
    assert_eq!(rows(&shajing, &url(&format!("&street={other_street}"))).await.0, StatusCode::FORBIDDEN);
    // The district's staff may ask for one street.
    let (_, one) = rows(&staff, &url(&format!("&street={other_street}"))).await;
    assert!(row_of(&one, &foreign_name).is_some() && row_of(&one, &a_name).is_none());

    // Bad years and other roles.
    let at = |query: &str| format!("{}/api/staff/scorecards.csv?{query}", app.address);
    assert_eq!(rows(&staff, &at("year=1999")).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(rows(&staff, &at(&format!("year={}", year() + 1))).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(rows(&staff, &at("year=二〇二六")).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(rows(&staff, &at("")).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(rows(&staff, &at("year=99999999999")).await.0, StatusCode::BAD_REQUEST);
    for role in ["lawyer", "assistant"] {
        let client = app.staff_client(role).await;
        assert_eq!(rows(&client, &url("")).await.0, StatusCode::FORBIDDEN, "{role}");
    }
    assert_eq!(rows(&Client::new(), &url("")).await.0, StatusCode::UNAUTHORIZED);
}
