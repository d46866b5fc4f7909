//! Lawyers imported from a CSV table: checked row by row first, each row's error in words;
//! written only when asked and no row is wrong, all or nothing.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

const HEAD: &str = "\u{feff}律师姓名,律师事务所,执业证号\r\n";

#[tokio::test]
async fn a_table_is_checked_row_by_row_and_written_only_whole() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let registered: String = sqlx::query_scalar("SELECT licence_no FROM lawyers ORDER BY id LIMIT 1")
        .fetch_one(&app.store.pool)
        .await
        .expect("a licence");
    let lawyers_before = app.count("SELECT COUNT(*) FROM lawyers").await;
    let table = format!(
        "{HEAD}周新,\"广东新安律师事务所\",14403202610000001\r\n\
         ,广东新安律师事务所,14403202610000002\r\n\
         吴明,广东新安律师事务所,1440320261000\r\n\
         郑好,广东宝城律师事务所,{registered}\r\n\
         冯远,广东宝城律师事务所,14403202610000001\r\n"
    );
    let (status, report) = app.post_with(&staff, "staff/import-lawyers", json!({ "csv": table, "write": false })).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let rows = report["rows"].as_array().expect("rows");
    let errors: Vec<Option<&str>> = rows.iter().map(|r| r["error"].as_str()).collect();
    assert_eq!(
        errors,
        [
            None,
            Some("姓名须为1到40个字"),
            Some("执业证号须为17位数字"),
            Some("执业证号已登记或在表中重复"),
            Some("执业证号已登记或在表中重复"),
        ]
    );
    assert_eq!((rows[0]["line"].as_i64(), rows[0]["firm"].as_str()), (Some(2), Some("广东新安律师事务所")));
    assert_eq!(report["written"], false);

    // Asked to write with wrong rows: refused, nothing written.
    let (status, answer) = app.post_with(&staff, "staff/import-lawyers", json!({ "csv": table, "write": true })).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("csv")), "{answer}");
    assert_eq!(app.count("SELECT COUNT(*) FROM lawyers").await, lawyers_before);
    assert_eq!(app.count("SELECT COUNT(*) FROM law_firms WHERE name = '广东新安律师事务所'").await, 0);

    // The good rows alone: written, the new firm with them, in the audit log.
    let good =
        format!("{HEAD}周新,广东新安律师事务所,14403202610000001\r\n吴明,广东新安律师事务所,14403202610000003\r\n");
    let (status, report) = app.post_with(&staff, "staff/import-lawyers", json!({ "csv": good, "write": true })).await;
    assert_eq!((status, report["written"].as_bool()), (StatusCode::OK, Some(true)), "{report}");
    assert_eq!(app.count("SELECT COUNT(*) FROM lawyers").await, lawyers_before + 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM law_firms WHERE name = '广东新安律师事务所'").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'lawyers_import'").await, 1);
    // The same table again: every licence is registered now.
    let (status, _) = app.post_with(&staff, "staff/import-lawyers", json!({ "csv": good, "write": true })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT COUNT(*) FROM lawyers").await, lawyers_before + 2);
}

#[tokio::test]
async fn a_table_without_its_columns_or_too_long_is_refused() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    for table in
        ["".to_owned(), "姓名,单位\n张三,某所\n".to_owned(), format!("{HEAD}{}", "张三,某所,1\n".repeat(2_001))]
    {
        let (status, answer) =
            app.post_with(&staff, "staff/import-lawyers", json!({ "csv": table, "write": false })).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("csv")), "{answer}");
    }
    // English column names, in any order, are read too.
    let table = "licence_no,name,firm\n14403202610000009,Li Wei,Bao'an Law Firm\n";
    let (status, report) = app.post_with(&staff, "staff/import-lawyers", json!({ "csv": table, "write": false })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((report["rows"][0]["name"].as_str(), report["rows"][0]["error"].is_null()), (Some("Li Wei"), true));
}
