//! Assignments imported from a table: checked row by row first (nothing written), then made as
//! changes by hand are (history kept); broken rows — unknown names, bad roles and dates, one
//! community's role twice, a start before the current holder's, another street's community —
//! each get their error, and writing then makes nothing at all.

use crate::board::role_of;
use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::store::today;

async fn licence(app: &TestApp, lawyer: i64) -> String {
    sqlx::query_scalar("SELECT licence_no FROM lawyers WHERE id = $1")
        .bind(lawyer)
        .fetch_one(&app.store.pool)
        .await
        .expect("lawyer")
}

fn errors(report: &Value) -> Vec<Option<String>> {
    report["rows"].as_array().expect("rows").iter().map(|r| r["error"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn a_table_of_assignments_is_checked_then_made_with_history_kept() {
    let app = spawn_app().await;
    let (houting, haiwang) = (app.community("后亭社区").await, app.community("海旺社区").await);
    // 后亭社区's new B lawyer: 海旺社区's A lawyer; 海旺社区's new coordinator: 后亭社区's A lawyer.
    let (a_houting, a_haiwang, old_b) =
        (role_of(&app, houting, "a").await, role_of(&app, haiwang, "a").await, role_of(&app, houting, "b").await);
    let from = today().plus_days(7);
    let csv = format!(
        "\u{feff}街道,社区,角色,执业证号,开始日期\r\n沙井街道,后亭社区,B角,{},{from}\r\n,海旺社区,联络员,{},{from}\r\n",
        licence(&app, a_haiwang).await,
        licence(&app, a_houting).await
    );
    let staff = app.staff_client("staff").await;
    let before = app.count("SELECT COUNT(*) FROM assignments").await;

    let (status, report) =
        app.post_with(&staff, "staff/import-assignments", json!({ "csv": csv, "write": false })).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(errors(&report), [None, None], "{report}");
    assert_eq!((report["written"].as_bool(), report["rows"][0]["line"].as_i64()), (Some(false), Some(2)));
    assert!(report["rows"][0]["lawyer_name"].is_string());
    assert_eq!(app.count("SELECT COUNT(*) FROM assignments").await, before, "a check writes nothing");

    let (status, report) =
        app.post_with(&staff, "staff/import-assignments", json!({ "csv": csv, "write": true })).await;
    assert_eq!((status, report["written"].as_bool()), (StatusCode::OK, Some(true)), "{report}");
    assert_eq!(app.count("SELECT COUNT(*) FROM assignments").await, before + 2);
    let ended: Option<String> =
        sqlx::query_scalar("SELECT ends_on FROM assignments WHERE community_id = $1 AND role = 'b' AND lawyer_id = $2")
            .bind(houting)
            .bind(old_b)
            .fetch_one(&app.store.pool)
            .await
            .expect("the old B assignment");
    assert_eq!(ended, Some(from.plus_days(-1).to_string()), "the old B lawyer's assignment ends the day before");
    let (_, team) = app.post_with(&staff, "staff/assignments", json!({ "community_id": houting })).await;
    assert_eq!(team["history"][0]["lawyer_id"].as_i64(), Some(a_haiwang));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'assignments_import'").await, 1);
}

#[tokio::test]
async fn broken_rows_get_their_errors_and_nothing_is_made() {
    let app = spawn_app().await;
    let (houting, haiwang) = (app.community("后亭社区").await, app.community("海旺社区").await);
    let (a_houting, a_haiwang) = (role_of(&app, houting, "a").await, role_of(&app, haiwang, "a").await);
    let (own, other) = (licence(&app, a_houting).await, licence(&app, a_haiwang).await);
    let (soon, far) = (today().plus_days(3), today().plus_days(400));
    let csv = format!(
        "社区,角色,执业证号,开始日期\n\
         后亭社区,b,{other},{soon}\n\
         无此社区,A,{own},{soon}\n\
         海旺社区,C,{own},{soon}\n\
         海旺社区,A,14403000000000000,{soon}\n\
         海旺社区,B,{own},2026-02-30\n\
         海旺社区,B,{own},{far}\n\
         后亭社区,B,{own},{soon}\n\
         海旺社区,A,{own},2025-12-31\n\
         海旺社区,联络员,{other},{soon}\n\
         后亭社区,A,{own},{soon}\n"
    );
    let staff = app.staff_client("staff").await;
    let before = app.count("SELECT COUNT(*) FROM assignments").await;
    let (status, report) =
        app.post_with(&staff, "staff/import-assignments", json!({ "csv": csv, "write": false })).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let expected = [
        None,
        Some("找不到该社区"),
        Some("角色须为A、B或联络员"),
        Some("找不到该执业证号的律师"),
        Some("请输入正确的日期"),
        Some("开始日期须在一年之内(前后)"),
        Some("同一社区的同一角色在表中只能出现一次"),
        Some("开始日期须晚于现任律师的开始日期"),
        Some("该律师已在本社区担任其他角色"),
        Some("该律师已担任此角色"),
    ];
    let expected: Vec<Option<String>> = expected.iter().map(|e| e.map(str::to_owned)).collect();
    assert_eq!(errors(&report), expected, "{report}");

    let (status, answer) =
        app.post_with(&staff, "staff/import-assignments", json!({ "csv": csv, "write": true })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["message"], "有行存在错误，未导入任何分工；请改正后再导入");
    assert_eq!(app.count("SELECT COUNT(*) FROM assignments").await, before, "not even the good first row");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM assignments WHERE ends_on IS NOT NULL AND ends_on > '2026-01-01'").await,
        0
    );

    // A table without the columns, and a street's staff on another street's community.
    let (status, answer) = app
        .post_with(&staff, "staff/import-assignments", json!({ "csv": "社区,律师\n后亭社区,张三\n", "write": false }))
        .await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("csv")), "{answer}");
    let street_staff = app.staff_client("shajing").await;
    let csv = format!("社区,角色,执业证号,开始日期\n后亭社区,B,{other},{soon}\n海旺社区,B,{own},{soon}\n");
    let (_, report) =
        app.post_with(&street_staff, "staff/import-assignments", json!({ "csv": csv, "write": false })).await;
    assert_eq!(errors(&report), [None, Some("只能查看和管理本街道的社区".to_owned())], "{report}");
}

/// A workbook as Excel saves one: shared strings, the start date as a day number.
fn workbook(rows: &[[&str; 4]]) -> String {
    use std::io::Write;
    let mut strings: Vec<String> = Vec::new();
    let mut sheet =
        String::from("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, value) in row.iter().enumerate() {
            let at = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            if r > 0 && c == 3 {
                sheet.push_str(&format!("<c r=\"{at}\" s=\"1\"><v>{value}</v></c>"));
            } else {
                strings.push((*value).to_owned());
                sheet.push_str(&format!("<c r=\"{at}\" t=\"s\"><v>{}</v></c>", strings.len() - 1));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let shared: String = strings.iter().map(|s| format!("<si><t>{s}</t></si>")).collect();
    let parts = [
        ("_rels/.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".to_owned()),
        ("xl/workbook.xml", "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"分工\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_owned()),
        ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_owned()),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", format!("<sst>{shared}</sst>")),
        // Style 1 is a date (built-in format 14), as Excel keeps a date cell.
        ("xl/styles.xml", "<styleSheet><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>".to_owned()),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).expect("part");
        zip.write_all(text.as_bytes()).expect("write");
    }
    let bytes = zip.finish().expect("zip").into_inner();
    base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes)
}

#[tokio::test]
async fn an_excel_workbook_is_imported_like_its_csv() {
    let app = spawn_app().await;
    let gushu = app.community("固戍社区").await;
    let lawyer = role_of(&app, gushu, "a").await;
    let from = today().plus_days(7);
    let day_number = (from.to_days() + 25_569).to_string();
    let book = workbook(&[
        ["社区", "角色", "执业证号", "开始日期"],
        ["兴东社区", "B角", &licence(&app, lawyer).await, &day_number],
    ]);
    let staff = app.staff_client("staff").await;
    let (status, report) =
        app.post_with(&staff, "staff/import-assignments", json!({ "csv": "", "workbook": book, "write": true })).await;
    assert_eq!((status, report["written"].as_bool()), (StatusCode::OK, Some(true)), "{report}");
    assert_eq!(report["rows"][0]["starts_on"], from.to_string(), "the day number read as a date");
    let xingdong = app.count("SELECT id FROM communities WHERE name = '兴东社区'").await;
    assert_eq!(role_of(&app, xingdong, "b").await, lawyer);

    let broken = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, b"not a workbook");
    let (status, answer) = app
        .post_with(&staff, "staff/import-assignments", json!({ "csv": "", "workbook": broken, "write": false }))
        .await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("workbook")), "{answer}");
    assert_eq!(answer["message"], "无法读取该Excel文件，请另存为.xlsx格式或CSV后再试");
}
