//! Justified access and masking: staff open a resident's question or file only with a reason,
//! the resident reads who opened their matters, when and why, and no worker's answer carries a
//! resident's full number except the call a phone consultation needs.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::{matrix, signed_in};
use crate::questions::asked;
use reqwest::{Client, StatusCode};
use serde_json::json;
use server::files::inspect::samples;

/// Events that name `resident` as whose matter was opened.
async fn openings(app: &TestApp, resident: i64) -> i64 {
    app.count(&format!("SELECT COUNT(*) FROM audit_events WHERE about_user_id = {resident}")).await
}

/// The resident's 个人信息 page.
async fn privacy_page(app: &TestApp, client: &Client) -> String {
    let page = client.get(format!("{}/me/privacy", app.address)).send().await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    page.text().await.expect("html")
}

#[tokio::test]
async fn staff_open_a_question_or_a_file_only_with_a_reason_and_the_resident_sees_who_when_and_why() {
    let app = spawn_app().await;
    let (resident, id) = app.resident_of("13781110001", "后亭社区").await;
    let question = asked(&app, &resident, "access-1").await;
    let token = app.uploaded(&resident, "欠条.jpg", samples::jpeg_with_location()).await;
    assert_eq!(app.post_with(&resident, "files/share", json!({ "token": token })).await.0, StatusCode::OK);
    let staff = app.staff_client("staff").await;

    // No reason, in every spelling of none, or one too long: refused, nothing recorded.
    let long = "查".repeat(201);
    for reason in ["", "   ", "\u{3000}\u{3000}", "。。。", "\u{200b}\u{200b}\u{200b}", "a", long.as_str()] {
        let body = json!({ "question_id": question, "reason": reason });
        let (status, answer) = app.post_with(&staff, "questions/inspect", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reason:?}: {answer}");
        assert_eq!(answer["field"], "reason");
        let query = format!("?reason={}", reason.replace(' ', "%20"));
        assert_eq!(app.download(&staff, &token, &query).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{reason:?}");
    }
    assert_eq!(
        app.post_with(&staff, "questions/thread", json!({ "question_id": question })).await.0,
        StatusCode::FORBIDDEN
    );
    // 沙井街道's staff, with a reason, on a question of another street: refused, nothing recorded.
    let shajing = app.staff_client("shajing").await;
    let (far_resident, far_id) = app.resident_of("13781110002", "海旺社区").await;
    let far_question = asked(&app, &far_resident, "access-2").await;
    let body = json!({ "question_id": far_question, "reason": "核查居民投诉" });
    assert_eq!(app.post_with(&shajing, "questions/inspect", body).await.0, StatusCode::FORBIDDEN);
    assert_eq!((openings(&app, id).await, openings(&app, far_id).await), (0, 0));

    // With a reason: the thread, the number masked, and one event each with the reason.
    let body = json!({ "question_id": question, "reason": "  核查居民投诉  " });
    let (status, thread) = app.post_with(&staff, "questions/inspect", body).await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    assert_eq!(thread["resident_phone"], "137****0001");
    let query = "?inline=1&reason=%E5%A4%8D%E6%A0%B8%E8%B5%84%E6%96%99"; // 复核资料
    assert_eq!(app.download(&staff, &token, query).await.status(), StatusCode::OK);
    let lawyer = app.staff_client("lawyer").await;
    assert_eq!(app.download(&lawyer, &token, "").await.status(), StatusCode::OK, "the lawyer serving it needs none");
    assert_eq!(app.download(&resident, &token, "").await.status(), StatusCode::OK);
    assert_eq!(openings(&app, id).await, 3, "the staff's two openings and the lawyer's; not the resident's own");
    let reasons: Vec<String> =
        sqlx::query_scalar("SELECT detail FROM audit_events WHERE about_user_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&app.store.pool)
            .await
            .expect("reasons");
    assert_eq!(reasons, ["核查居民投诉", "复核资料", ""]);
    let (_, log) = app.post_with(&staff, "staff/audit", json!({ "action": "question_read" })).await;
    assert_eq!(log["entries"][0]["reason"], "核查居民投诉", "staff read the reason in the audit log: {log}");

    // The resident reads who opened what, when and why; another resident reads none of it.
    let page = privacy_page(&app, &resident).await;
    for shown in [
        "谁查看过我的信息",
        "工作人员 区司法局 公共法律服务科 查看了您的问题",
        "理由：核查居民投诉",
        "打开了您的资料",
        "理由：复核资料",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    let other = privacy_page(&app, &far_resident).await;
    assert!(!other.contains("核查居民投诉") && other.contains("还没有人查看过"), "{other}");
    // And it is in their archive, without the worker's address.
    let archive = resident.get(format!("{}/me/privacy/export", app.address)).send().await.expect("export");
    let bytes = archive.bytes().await.expect("bytes");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("zip");
    let data: serde_json::Value = serde_json::from_reader(zip.by_name("data.json").expect("data.json")).expect("json");
    let events = data["audit_events"].as_array().expect("their access log");
    assert_eq!(events.len(), 3, "{events:?}");
    assert!(events.iter().all(|e| e.get("client_ip").is_none()), "{events:?}");
}

/// Every resident's number as stored.
async fn residents_numbers(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT phone FROM users WHERE role = 'resident' AND phone IS NOT NULL")
        .fetch_all(&app.store.pool)
        .await
        .expect("numbers")
}

#[tokio::test]
async fn no_worker_answer_carries_a_residents_full_number_except_the_call() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13781110003", "后亭社区").await;
    let question = asked(&app, &resident, "access-3").await;
    let (far, _) = app.resident_of("13781110004", "海旺社区").await;
    asked(&app, &far, "access-4").await;
    let houting = app.community("后亭社区").await;
    let slot = app.free_slots(houting).await.into_iter().next().expect("a slot");
    let body = json!({ "community_id": houting, "slot_start": slot["start"], "channel": "phone", "topic": "labour", "description": "欠薪" });
    let (status, booking) = app.post_with(&resident, "booking/book", body).await;
    assert_eq!(status, StatusCode::OK, "{booking}");
    let lawyer: i64 =
        sqlx::query_scalar("SELECT l.id FROM lawyers l JOIN users u ON u.id = l.user_id WHERE u.login = 'lawyer'")
            .fetch_one(&app.store.pool)
            .await
            .expect("the demo lawyer");
    let numbers = residents_numbers(&app).await;
    assert!(numbers.len() >= 3, "the demo's resident and these two: {numbers:?}");
    // Every endpoint as every worker, and the reads of this resident's own question and booking.
    let mut requests: Vec<(&str, serde_json::Value)> =
        matrix(houting, lawyer).into_iter().map(|(path, _, body)| (path, body)).collect();
    let reasoned = json!({ "question_id": question, "reason": "核查" });
    requests.extend([
        ("questions/thread", json!({ "question_id": question })),
        ("questions/claim", json!({ "question_id": question })),
        ("questions/inspect", reasoned),
        ("desk/bookings", json!({ "community_id": houting })),
        ("staff/audit", json!({})),
        ("staff/messages", json!({ "from": "2020-01-01", "to": "2030-12-31" })),
    ]);
    for role in ["assistant", "lawyer", "staff", "shajing", "admin"] {
        let client = signed_in(&app, role).await;
        for (path, body) in &requests {
            if *path == "auth/sign-out" {
                continue;
            }
            let (_, answer) = app.post_with(&client, path, body.clone()).await;
            let text = answer.to_string();
            let seen: Vec<&String> = numbers.iter().filter(|n| text.contains(n.as_str())).collect();
            assert!(seen.is_empty(), "{role} on {path} sees {seen:?}: {text}");
        }
    }
}
