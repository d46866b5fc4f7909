//! The coverage board against figures worked out by hand on a small fixed month (October 2025,
//! before any demo activity): duty-days, services, people, bookings, questions, satisfaction,
//! quotas, the team and the gaps; and bad periods refused.

use crate::helpers::{spawn_app, TestApp};
use crate::workbook::xlsx_parts;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Milliseconds of `date` at `hour`:00 in Shanghai.
pub(crate) fn at(date: &str, hour: u32) -> i64 {
    app::time::LocalDate::parse(date).expect("date").at_minute(hour * 60).0
}

pub(crate) async fn exec(app: &TestApp, sql: &str, binds: &[Value]) {
    let mut query = sqlx::query(sql);
    for bind in binds {
        query = match bind {
            Value::String(s) => query.bind(s.clone()),
            Value::Null => query.bind(None::<i64>),
            other => query.bind(other.as_i64().expect("integer")),
        };
    }
    query.execute(app.store.writer()).await.expect(sql);
}

pub(crate) async fn role_of(app: &TestApp, community: i64, role: &str) -> i64 {
    sqlx::query_scalar("SELECT lawyer_id FROM assignments WHERE community_id = $1 AND role = $2 AND ends_on IS NULL")
        .bind(community)
        .bind(role)
        .fetch_one(&app.store.pool)
        .await
        .expect("assigned lawyer")
}

pub(crate) async fn duty(app: &TestApp, lawyer: i64, community: i64, on: &str, by: i64, open: bool) {
    let start = at(on, 9);
    let end = if open { Value::Null } else { json!(start + 3_600_000) };
    exec(
        app,
        "INSERT INTO duty_logs (lawyer_id, community_id, served_on, started_at, ended_at, verified, entered_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $4)",
        &[json!(lawyer), json!(community), json!(on), json!(start), end, json!(by)],
    )
    .await;
}

pub(crate) async fn service(app: &TestApp, lawyer: i64, community: i64, category: &str, on: &str, people: i64) {
    exec(
        app,
        "INSERT INTO service_records (community_id, lawyer_id, category, served_on, people_served, created_at) VALUES ($1, $2, $3, $4, $5, 0)",
        &[json!(community), json!(lawyer), json!(category), json!(on), json!(people)],
    )
    .await;
}

pub(crate) async fn booking(
    app: &TestApp,
    resident: i64,
    lawyer: i64,
    community: i64,
    hour: u32,
    status: &str,
    rating: Value,
) {
    let start = at("2025-10-13", hour);
    exec(
        app,
        "INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, rating, seat, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'phone', 'debt', '借款', $7, $8, 1, 0, 0)",
        &[
            json!(format!("BOARD{hour:03}")),
            json!(resident),
            json!(community),
            json!(lawyer),
            json!(start),
            json!(start + 1_800_000),
            json!(status),
            rating,
        ],
    )
    .await;
}

pub(crate) async fn question(
    app: &TestApp,
    resident: i64,
    community: i64,
    asked: i64,
    answered: Value,
    status: &str,
    rating: Value,
) {
    exec(
        app,
        "INSERT INTO questions (resident_id, community_id, category, title, client_key, status, deadline_at, first_answer_at, rating, created_at, updated_at) \
         VALUES ($1, $2, 'labour', '工资', $3, $4, $5, $6, $7, $8, $8)",
        &[
            json!(resident),
            json!(community),
            json!(format!("k{asked}")),
            json!(status),
            json!(asked + 86_400_000),
            answered,
            rating,
            json!(asked),
        ],
    )
    .await;
}

pub(crate) fn line(board: &Value, id: i64) -> &Value {
    board["communities"].as_array().expect("communities").iter().find(|c| c["id"] == id).expect("community line")
}

fn gaps(line: &Value) -> Vec<&str> {
    line["gaps"].as_array().expect("gaps").iter().filter_map(Value::as_str).collect()
}

#[tokio::test]
async fn the_board_shows_a_months_figures_as_counted_by_hand() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let haiwang = app.community("海旺社区").await;
    let shatou = app.community("沙头社区").await;
    let (a, b, w) =
        (role_of(&app, houting, "a").await, role_of(&app, houting, "b").await, role_of(&app, haiwang, "a").await);
    let (_, resident) = app.resident_of("13712340001", "后亭社区").await;

    // 后亭社区: the A lawyer twice on the 6th (one duty-day), the 7th and the 8th; the B lawyer
    // on the 7th: four duty-days. Days outside October do not count.
    for on in ["2025-10-06", "2025-10-06", "2025-10-07", "2025-10-08", "2025-09-30", "2025-11-01"] {
        duty(&app, a, houting, on, resident, false).await;
    }
    duty(&app, b, houting, "2025-10-07", resident, false).await;
    // 海旺社区: one duty-day in October, and its A lawyer on duty there now.
    duty(&app, w, haiwang, "2025-10-10", resident, false).await;
    let today = app::time::Instant(server::store::now_ms()).to_shanghai().0.to_string();
    duty(&app, w, haiwang, &today, resident, true).await;

    service(&app, a, houting, "consultation", "2025-10-06", 1).await;
    service(&app, a, houting, "consultation", "2025-10-07", 1).await;
    service(&app, b, houting, "mediation", "2025-10-07", 3).await;
    service(&app, a, houting, "consultation", "2025-11-01", 1).await;
    service(&app, w, haiwang, "publicity", "2025-10-10", 40).await;

    booking(&app, resident, a, houting, 9, "completed", json!(5)).await;
    booking(&app, resident, a, houting, 10, "completed", json!(4)).await;
    booking(&app, resident, a, houting, 11, "no_show", Value::Null).await;
    booking(&app, resident, a, houting, 14, "cancelled", Value::Null).await;
    booking(&app, resident, a, houting, 15, "pending", Value::Null).await;

    // Answered after 30 and 90 minutes (median 30), one still waiting past its deadline.
    let (q1, q2, q3) = (at("2025-10-06", 10), at("2025-10-07", 10), at("2025-10-08", 10));
    question(&app, resident, houting, q1, json!(q1 + 30 * 60_000), "closed", json!(5)).await;
    question(&app, resident, houting, q2, json!(q2 + 90 * 60_000), "answered", Value::Null).await;
    question(&app, resident, houting, q3, Value::Null, "waiting", Value::Null).await;

    // 沙头社区 loses its A lawyer yesterday.
    let yesterday = app::time::Instant(server::store::now_ms() - 86_400_000).to_shanghai().0.to_string();
    exec(
        &app,
        "UPDATE assignments SET ends_on = $1 WHERE community_id = $2 AND role = 'a' AND ends_on IS NULL",
        &[json!(yesterday), json!(shatou)],
    )
    .await;

    let staff = app.staff_client("staff").await;
    let (status, board) =
        app.post_with(&staff, "staff/board", json!({ "from": "2025-10-01", "to": "2025-10-31" })).await;
    assert_eq!(status, StatusCode::OK, "{board}");

    let h = line(&board, houting);
    let f = &h["figures"];
    assert_eq!(f["duty_days"], 4);
    assert_eq!(f["quota"], 8, "a whole month asks the monthly quota");
    assert_eq!(
        f["services"],
        json!([
            { "category": "consultation", "services": 2, "people": 2 },
            { "category": "mediation", "services": 1, "people": 3 }
        ])
    );
    assert_eq!(f["people_served"], 5);
    assert_eq!(
        (&f["bookings_completed"], &f["bookings_no_show"], &f["bookings_cancelled"], &f["bookings_waiting"]),
        (&json!(2), &json!(1), &json!(1), &json!(1))
    );
    assert_eq!(
        (&f["questions_asked"], &f["questions_answered"], &f["questions_past_deadline"]),
        (&json!(3), &json!(2), &json!(1))
    );
    assert_eq!(f["median_first_response_minutes"], 30);
    assert_eq!((&f["ratings"], &f["rating_sum"]), (&json!(3), &json!(14)), "two bookings and a question rated");
    assert!(h["a_lawyer"].is_string() && h["b_lawyer"].is_string(), "{h}");
    assert_eq!(h["last_duty"], "2025-11-01");
    assert_eq!(gaps(h), ["below_quota", "no_recent_duty", "questions_past_deadline"]);

    let w_line = line(&board, haiwang);
    assert_eq!(w_line["figures"]["duty_days"], 1);
    assert_eq!(w_line["figures"]["people_served"], 40);
    assert_eq!(w_line["on_duty"].as_array().map(Vec::len), Some(1), "{w_line}");
    assert_eq!(gaps(w_line), ["below_quota"], "a duty today is recent");

    let s = line(&board, shatou);
    assert!(s["a_lawyer"].is_null());
    assert!(gaps(s).contains(&"no_a_lawyer"));

    // Streets sum their communities; the district sums the streets.
    let street = |name: &str| {
        board["streets"].as_array().expect("streets").iter().find(|s| s["name"] == name).expect("street").clone()
    };
    let shajing = street("沙井街道");
    assert_eq!(shajing["communities"], 7);
    assert_eq!(shajing["with_gaps"], 7, "no community of 沙井街道 met its quota");
    assert_eq!(shajing["figures"]["duty_days"], 4);
    assert_eq!(shajing["figures"]["quota"], 7 * 8);
    assert_eq!(shajing["figures"]["median_first_response_minutes"], 30);
    assert_eq!(street("新安街道")["figures"]["people_served"], 40);
    let totals = &board["totals"];
    assert_eq!(totals["duty_days"], 5);
    assert_eq!(totals["people_served"], 45);
    assert_eq!(
        totals["services"],
        json!([
            { "category": "consultation", "services": 2, "people": 2 },
            { "category": "publicity", "services": 1, "people": 40 },
            { "category": "mediation", "services": 1, "people": 3 }
        ])
    );
    let communities = app.count("SELECT COUNT(*) FROM communities").await;
    assert_eq!(totals["quota"], communities * 8);
    let summary = board["summary"].as_str().expect("summary");
    for words in [
        "2025年10月1日至2025年10月31日",
        &format!("全区{communities}个社区"),
        "值班5天次",
        &format!("应值班{}天次", communities * 8),
        "免费法律服务4件、服务45人次，其中法律咨询2件、法治宣传1件、矛盾纠纷调处1件",
        "预约法律顾问5次，已完成2次",
        "在线咨询3条，已回复2条，半数在30分钟内得到首次回复",
    ] {
        assert!(summary.contains(words), "{words} in {summary}");
    }
    assert_eq!(board["communities"].as_array().map(Vec::len), Some(communities as usize));

    // Duty-days over the month, day by day, against what the quotas ask of a day.
    let over_time = board["over_time"].as_array().expect("over time");
    assert_eq!(over_time.len(), 31, "a month is shown day by day");
    let day = |d: &str| over_time.iter().find(|p| p["first"] == d).expect("day")["duty_days"].as_i64();
    assert_eq!(
        (day("2025-10-06"), day("2025-10-07"), day("2025-10-08"), day("2025-10-10"), day("2025-10-11")),
        (Some(1), Some(2), Some(1), Some(1), Some(0))
    );
    // A working day asks its share of the month's 23 working days (no holidays entered for 2025);
    // a Saturday asks nothing.
    let per_day = (communities * 8) as f64 / 23.0;
    assert_eq!(over_time[0]["quota"].as_i64(), Some(per_day.round() as i64));
    let quota_of = |d: &str| over_time.iter().find(|p| p["first"] == d).expect("day")["quota"].as_i64();
    assert_eq!(quota_of("2025-10-04"), Some(0));

    // The same month as CSV for Excel: a byte-order mark, a header, one row per community.
    let url = format!("{}/api/staff/board.csv?from=2025-10-01&to=2025-10-31", app.address);
    let response = staff.get(&url).send().await.expect("csv");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .is_ok_and(|d| d.contains("board-2025-10-01-2025-10-31.csv")));
    let text = response.text().await.expect("body");
    assert!(text.starts_with("\u{feff}街道,社区,A角律师"), "{}", &text[..60.min(text.len())]);
    assert_eq!(text.lines().count(), 1 + communities as usize);
    let row = text.lines().find(|l| l.contains(",后亭社区,")).expect("后亭社区 row");
    let cells: Vec<&str> = row.split(',').collect();
    assert_eq!(
        (cells[5], cells[6], cells[7], cells[8], cells[10], cells[15]),
        ("4", "0", "8", "2", "1", "0"),
        "duty-days, a year before, quota, consultations, mediations, services a year before: {row}"
    );
    assert!(row.ends_with("值班天数不足、14天未值班、咨询超时"), "{row}");

    // The same table as an Excel workbook: the header frozen in view, numbers as numbers, and
    // every row the CSV has.
    let workbook = staff.get(url.replace(".csv", ".xlsx")).send().await.expect("xlsx");
    assert_eq!(workbook.status(), StatusCode::OK);
    assert_eq!(workbook.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(workbook.headers()["content-disposition"]
        .to_str()
        .is_ok_and(|d| d.contains("board-2025-10-01-2025-10-31.xlsx")));
    let book = xlsx_parts(&workbook.bytes().await.expect("body"));
    assert!(book.sheet.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#));
    assert!(book.sheet.contains("<autoFilter ref=\"A1:"), "a filter on the header");
    let csv_rows: Vec<Vec<String>> =
        text.trim_start_matches('\u{feff}').lines().map(|l| l.split(',').map(str::to_owned).collect()).collect();
    let rows = book.rows();
    assert_eq!(rows, csv_rows, "the workbook holds the CSV's table");
    assert_eq!(rows[0][5], "值班天数");
    assert!(book.is_bold(book.style_of("F1")), "bold header");
    assert!(book.sheet.contains(r#"<c r="F"#) && book.sheet.contains("<v>4</v>"), "duty-days as a number");

    // By lawyer: the A lawyer of 后亭社区 held three duty-days, two consultations, two bookings
    // done (rated 5 and 4) and one missed.
    let response = staff.get(format!("{url}&by=lawyer")).send().await.expect("csv");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .is_ok_and(|d| d.contains("board-lawyers-2025-10-01-2025-10-31.csv")));
    let text = response.text().await.expect("body");
    assert!(text.starts_with("\u{feff}律师,律师事务所,执业证号,值班天数,去年同期值班天数,法律咨询"), "{text}");
    let workbook = staff.get(format!("{url}&by=lawyer").replace(".csv", ".xlsx")).send().await.expect("xlsx");
    let by_lawyer: Vec<Vec<String>> =
        text.trim_start_matches('\u{feff}').lines().map(|l| l.split(',').map(str::to_owned).collect()).collect();
    assert_eq!(xlsx_parts(&workbook.bytes().await.expect("body")).rows(), by_lawyer);
    assert_eq!(text.lines().count(), 1 + 3, "three lawyers did something in October: {text}");
    let a_name: String = sqlx::query_scalar("SELECT name FROM lawyers WHERE id = $1")
        .bind(a)
        .fetch_one(&app.store.pool)
        .await
        .expect("name");
    let row = text.lines().find(|l| l.starts_with(&format!("{a_name},"))).expect("the A lawyer's row");
    let cells: Vec<&str> = row.split(',').collect();
    assert_eq!(
        (cells[3], cells[4], cells[5], cells[12], cells[13], cells[14], cells[15], cells[16]),
        ("3", "0", "2", "0", "2", "2", "1", "4.5"),
        "duty-days, a year before, consultations, services a year before, people, done, missed, satisfaction: {row}"
    );
}

#[tokio::test]
async fn only_staff_export_the_board() {
    let app = spawn_app().await;
    let url = format!("{}/api/staff/board.csv?from=2025-10-01&to=2025-10-31", app.address);
    let anonymous = reqwest::Client::new();
    assert_eq!(anonymous.get(&url).send().await.expect("csv").status(), StatusCode::UNAUTHORIZED);
    let resident = app.resident("13712340009").await;
    assert_eq!(resident.get(&url).send().await.expect("csv").status(), StatusCode::FORBIDDEN);
    let lawyer = app.staff_client("lawyer").await;
    assert_eq!(lawyer.get(&url).send().await.expect("csv").status(), StatusCode::FORBIDDEN);
    let admin = crate::matrix::signed_in(&app, "admin").await;
    assert_eq!(admin.get(&url).send().await.expect("csv").status(), StatusCode::OK);
    let bad = format!("{}/api/staff/board.csv?from=2025-10-31&to=2025-10-01", app.address);
    let response = admin.get(&bad).send().await.expect("csv");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let missing = format!("{}/api/staff/board.csv?from=2025-10-31", app.address);
    assert_eq!(admin.get(&missing).send().await.expect("csv").status(), StatusCode::BAD_REQUEST);
    let workbook = url.replace(".csv", ".xlsx");
    assert_eq!(anonymous.get(&workbook).send().await.expect("xlsx").status(), StatusCode::UNAUTHORIZED);
    assert_eq!(resident.get(&workbook).send().await.expect("xlsx").status(), StatusCode::FORBIDDEN);
    assert_eq!(lawyer.get(format!("{workbook}&by=lawyer")).send().await.expect("xlsx").status(), StatusCode::FORBIDDEN);
    let response = admin.get(bad.replace(".csv", ".xlsx")).send().await.expect("xlsx");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_bad_period_gets_a_clear_error() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    for (body, field) in [
        (json!({ "from": "2025-13-01", "to": "2025-12-31" }), "from"),
        (json!({ "from": "2025-10-01", "to": "十月" }), "to"),
        (json!({ "from": "2025-10-31", "to": "2025-10-01" }), "to"),
        // Two years and a day; two years are the longest period.
        (json!({ "from": "2024-01-01", "to": "2026-01-01" }), "to"),
    ] {
        let (status, answer) = app.post_with(&staff, "staff/board", body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body} → {answer}");
        assert_eq!(answer["field"], field, "{answer}");
        assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()), "{answer}");
    }
    let (status, two_years) =
        app.post_with(&staff, "staff/board", json!({ "from": "2024-01-01", "to": "2025-12-31" })).await;
    assert_eq!(status, StatusCode::OK, "{two_years}");
    assert_eq!(two_years["over_time"].as_array().map(Vec::len), Some(24), "two years by month");
}
