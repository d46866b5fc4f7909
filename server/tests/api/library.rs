//! The public library: publishing, versions, Chinese search, downloads and their counts, and
//! every bad input.

use crate::helpers::{new_client, spawn_app};
use reqwest::StatusCode;
use serde_json::json;
use server::files::inspect::samples;

#[tokio::test]
async fn staff_publish_a_template_and_anyone_finds_it_by_a_chinese_word_and_downloads_it() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let token = app.uploaded(&staff, "工伤认定申请表.docx", samples::docx(&["工伤认定申请表", "申请人：＿＿＿"])).await;
    let (status, published) = app
        .post_with(
            &staff,
            "library/publish",
            json!({ "title": "工伤认定申请表", "category": "labour", "tags": "工伤，申请、模板", "summary": "上班途中受伤时申请工伤认定用", "token": token }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    let id = published["document"]["id"].as_i64().expect("id");
    assert_eq!(published["document"]["tags"], json!(["工伤", "申请", "模板"]));
    assert_eq!(published["document"]["version"], 1);

    // A visitor searches in Chinese: a word of the title, of a tag, of the summary.
    let visitor = new_client();
    for word in ["工伤", "模板", "上班途中"] {
        let (status, found) = app.post_with(&visitor, "library/search", json!({ "query": word })).await;
        assert_eq!(status, StatusCode::OK, "{found}");
        assert!(found.as_array().expect("list").iter().any(|d| d["id"] == id), "{word}: {found}");
    }
    let (_, found) = app.post_with(&visitor, "library/search", json!({ "query": "借条" })).await;
    let titles: Vec<&str> = found.as_array().expect("list").iter().filter_map(|d| d["title"].as_str()).collect();
    assert_eq!(titles, ["借条（模板）"], "the demo IOU only");
    let (_, by_category) = app.post_with(&visitor, "library/search", json!({ "category": "labour" })).await;
    assert!(by_category.as_array().expect("list").iter().all(|d| d["category"] == "labour"));
    assert_eq!(by_category.as_array().map(Vec::len), Some(2));
    // LIKE's wildcards are only characters.
    let (_, wild) = app.post_with(&visitor, "library/search", json!({ "query": "%" })).await;
    assert_eq!(wild.as_array().map(Vec::len), Some(0), "{wild}");

    // The search page works with no script at all.
    let page = visitor.get(format!("{}/library?q=%E5%B7%A5%E4%BC%A4", app.address)).send().await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(html.contains("工伤认定申请表") && !html.contains("借条（模板）"), "{html}");
    let page = visitor.get(format!("{}/library/{id}", app.address)).send().await.expect("page");
    assert!(page.text().await.expect("html").contains(&format!("/files/{token}")));

    // Downloads count; previews do not. The file goes out as what it is.
    let response = app.download(&visitor, &token, "").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(response.headers()["content-disposition"].to_str().expect("ascii").contains("filename*=UTF-8''"));
    assert!(response.bytes().await.expect("bytes").starts_with(b"PK\x03\x04"));
    app.download(&visitor, &token, "?inline=1").await;
    let (_, detail) = app.post_with(&visitor, "library/document", json!({ "document_id": id })).await;
    assert_eq!(detail["document"]["downloads"], 1);
}

#[tokio::test]
async fn versions_are_kept_and_only_their_publisher_or_staff_add_one() {
    let app = spawn_app().await;
    let lawyer = app.staff_client("lawyer").await;
    let first = app.uploaded(&lawyer, "调解协议.docx", samples::docx(&["调解协议 第一版"])).await;
    let (status, doc) = app
        .post_with(
            &lawyer,
            "library/publish",
            json!({ "title": "人民调解协议书（模板）", "category": "neighbours", "token": first }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{doc}");
    let id = doc["document"]["id"].as_i64().expect("id");
    let second = app.uploaded(&lawyer, "调解协议.docx", samples::docx(&["调解协议 第二版"])).await;
    let (status, doc) = app
        .post_with(&lawyer, "library/revise", json!({ "document_id": id, "token": second, "note": "增加履行期限" }))
        .await;
    assert_eq!(status, StatusCode::OK, "{doc}");
    assert_eq!(doc["document"]["version"], 2);
    assert_eq!(doc["document"]["file"]["token"], second.as_str());
    assert_eq!(doc["versions"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["versions"][0]["note"], "增加履行期限");
    assert_eq!(app.download(&new_client(), &first, "").await.status(), StatusCode::OK, "old versions stay");

    // Another lawyer's document (the demo's are staff's): as if it did not exist. Staff may.
    let demo: i64 = app.count("SELECT MIN(id) FROM documents").await;
    let third = app.uploaded(&lawyer, "x.docx", samples::docx(&["x"])).await;
    let (status, _) = app.post_with(&lawyer, "library/revise", json!({ "document_id": demo, "token": third })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let staff = app.staff_client("staff").await;
    let staffs = app.uploaded(&staff, "y.docx", samples::docx(&["y"])).await;
    let (status, _) = app.post_with(&staff, "library/revise", json!({ "document_id": id, "token": staffs })).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn bad_library_input_gets_a_clear_error_and_changes_nothing() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let lawyer = app.staff_client("lawyer").await;
    let token = app.uploaded(&staff, "a.docx", samples::docx(&["a"])).await;
    let lawyers = app.uploaded(&lawyer, "b.docx", samples::docx(&["b"])).await;
    let documents = app.count("SELECT COUNT(*) FROM documents").await;
    let cases = [
        (json!({ "title": " ", "category": "labour", "token": token }), StatusCode::UNPROCESSABLE_ENTITY, "标题"),
        (
            json!({ "title": "长".repeat(101), "category": "labour", "token": token }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "标题",
        ),
        (
            json!({ "title": "t", "category": "labour", "tags": "1,2,3,4,5,6,7,8,9", "token": token }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "标签",
        ),
        (
            json!({ "title": "t", "category": "labour", "summary": "长".repeat(501), "token": token }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "500",
        ),
        (json!({ "title": "t", "category": "astrology", "token": token }), StatusCode::BAD_REQUEST, ""),
        (json!({ "title": "t", "category": "labour", "token": lawyers }), StatusCode::NOT_FOUND, ""),
        (json!({ "title": "t", "category": "labour", "token": "../../etc/passwd" }), StatusCode::NOT_FOUND, ""),
    ];
    for (body, status, message) in cases {
        let (got, answer) = app.post_with(&staff, "library/publish", body.clone()).await;
        assert_eq!(got, status, "{body}: {answer}");
        assert!(answer["message"].as_str().unwrap_or("").contains(message), "{body}: {answer}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM documents").await, documents);
    // A file goes into the library once.
    let (status, _) =
        app.post_with(&staff, "library/publish", json!({ "title": "t", "category": "labour", "token": token })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, answer) =
        app.post_with(&staff, "library/publish", json!({ "title": "t2", "category": "labour", "token": token })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    assert_eq!(app.count("SELECT COUNT(*) FROM documents").await, documents + 1);
    let (status, answer) = app.post_with(&new_client(), "library/search", json!({ "query": "长".repeat(51) })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    let (status, _) = app.post_with(&new_client(), "library/document", json!({ "document_id": 999_999 })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
