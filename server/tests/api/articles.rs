//! 普法 articles: targeting by street and community, inbox and SMS in the publishing
//! transaction, scheduled publishing with a controlled clock, the page before the wasm, and
//! every bad input.

use crate::helpers::{new_client, spawn_app};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn an_article_for_one_street_reaches_its_residents_and_no_one_else() {
    let app = spawn_app().await;
    let (shajing, _) = app.resident_of("13722220001", "后亭社区").await;
    let (xinan, _) = app.resident_of("13722220002", "海旺社区").await;
    let (status, _) = app.post_with(&shajing, "articles/sms", json!({ "on": true })).await;
    assert_eq!(status, StatusCode::OK);
    // The feed page's own form does the same, without any script; not from another site.
    let form = |client: &reqwest::Client, site: &'static str| {
        client
            .post(format!("{}/articles/sms", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", site)
            .body("on=1")
            .send()
    };
    let refused = form(&xinan, "cross-site").await.expect("form");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let done = form(&xinan, "same-origin").await.expect("form");
    assert!(done.url().path().ends_with("/articles"), "back on the feed: {}", done.url());
    assert!(done.text().await.expect("html").contains("关闭短信提醒"));
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE phone = '13722220002' AND article_sms = 1").await, 1);
    let street: i64 = app.count("SELECT id FROM streets WHERE name = '沙井街道'").await;
    let staff = app.staff_client("staff").await;
    let (status, saved) = app
        .post_with(
            &staff,
            "articles/save",
            json!({ "title": "沙井街道：拆迁补偿常见问题", "category": "tenancy", "theme": "物业与拆迁",
                    "body": "补偿协议签字前，**先核对面积**。\n\n<script>alert(1)</script>", "street_id": street, "important": true }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let id = saved["article"]["id"].as_i64().expect("id");
    assert_eq!(saved["article"]["audience"], "沙井街道");
    let html = saved["html"].as_str().expect("html");
    assert!(html.contains("<strong>先核对面积</strong>") && !html.contains("<script"), "{html}");

    let has = |feed: &serde_json::Value| feed.as_array().expect("feed").iter().any(|a| a["id"] == id);
    let (_, feed) = app.post_with(&shajing, "articles/feed", json!({})).await;
    assert!(has(&feed), "a resident of the street sees it");
    let (_, feed) = app.post_with(&xinan, "articles/feed", json!({})).await;
    assert!(!has(&feed), "a resident of another street does not");
    let (_, feed) = app.post_with(&new_client(), "articles/feed", json!({})).await;
    assert!(!has(&feed), "visitors see the articles for everyone");
    // Inbox and SMS, written with the article: only the street's resident who asked for SMS.
    let (_, inbox) = app.post_with(&shajing, "account/inbox", json!({})).await;
    assert!(inbox.to_string().contains("【普法】沙井街道：拆迁补偿常见问题"), "{inbox}");
    let (_, inbox) = app.post_with(&xinan, "account/inbox", json!({})).await;
    assert!(!inbox.to_string().contains("拆迁"), "{inbox}");
    let sms = app.sms_containing("13722220001", "拆迁补偿").await;
    assert!(sms.contains(&format!("/articles/{id}")), "{sms}");
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE recipient = '13722220002'").await, 0);

    // A shared link opens for anyone, readable before any wasm, and counts the read.
    let page = new_client().get(format!("{}/articles/{id}", app.address)).send().await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    let text = page.text().await.expect("html");
    assert!(text.contains(">沙井街道：拆迁补偿常见问题</h1>") && text.contains("先核对面积"), "{text}");
    assert!(text.contains("&lt;script&gt;") && !text.contains("<script>"), "{text}");
    let (_, read) = app.post_with(&xinan, "articles/read", json!({ "article_id": id })).await;
    assert_eq!(read["article"]["reads"], 2);
    let (_, all) = app.post_with(&staff, "articles/all", json!({})).await;
    assert_eq!(all.as_array().expect("all").iter().find(|a| a["id"] == id).map(|a| a["reads"].clone()), Some(json!(2)));
    let list = new_client().get(format!("{}/articles", app.address)).send().await.expect("page");
    assert!(!list.text().await.expect("html").contains("拆迁"), "a visitor's list holds the district's articles only");
}

#[tokio::test]
async fn a_scheduled_article_appears_at_its_time_and_is_announced_once() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13722220003", "后亭社区").await;
    let community = app.community("后亭社区").await;
    let staff = app.staff_client("staff").await;
    let hour = 3_600_000;
    let at = server::store::now_ms() + hour;
    let (status, saved) = app
        .post_with(
            &staff,
            "articles/save",
            json!({ "title": "端午节假期值守安排", "category": "other", "body": "请留意。", "community_id": community, "publish_at": at }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let id = saved["article"]["id"].as_i64().expect("id");
    let (status, _) = app.post_with(&resident, "articles/read", json!({ "article_id": id })).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not yet published");
    let (_, feed) = app.post_with(&resident, "articles/feed", json!({})).await;
    assert!(!feed.to_string().contains("端午节假期值守安排"));
    let (_, all) = app.post_with(&staff, "articles/all", json!({})).await;
    assert!(all.to_string().contains("端午节假期值守安排"), "staff see scheduled articles");

    let outbox = server::sms::Outbox::new(app.store.clone());
    let url = "https://fai.example";
    let announce = |now| server::articles::announce_due(&app.store, &outbox, now, url);
    assert_eq!(announce(at - 1).await.expect("announce"), 0, "not due yet");
    // Due: two servers' jobs at once deliver it once.
    let (one, two) = tokio::join!(announce(at + 1), announce(at + 1));
    assert_eq!(one.expect("one") + two.expect("two"), 1);
    assert_eq!(announce(at + 2).await.expect("announce"), 0);
    let (_, inbox) = app.post_with(&resident, "account/inbox", json!({})).await;
    assert_eq!(inbox.to_string().matches("端午节假期值守安排").count(), 1, "{inbox}");
}

#[tokio::test]
async fn bad_articles_get_a_clear_error_and_change_nothing() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let street = app.count("SELECT MIN(id) FROM streets").await;
    let community = app.community("后亭社区").await;
    let now = server::store::now_ms();
    let before = app.count("SELECT COUNT(*) FROM articles").await;
    let ok = json!({ "title": "标题", "category": "labour", "body": "正文" });
    let with = |key: &str, value: serde_json::Value| {
        let mut body = ok.clone();
        body[key] = value;
        body
    };
    let cases = [
        (with("title", json!("  ")), StatusCode::UNPROCESSABLE_ENTITY, "标题"),
        (with("title", json!("长".repeat(101))), StatusCode::UNPROCESSABLE_ENTITY, "标题"),
        (with("body", json!("")), StatusCode::UNPROCESSABLE_ENTITY, "正文"),
        (with("body", json!("长".repeat(20_001))), StatusCode::UNPROCESSABLE_ENTITY, "正文"),
        (with("theme", json!("长".repeat(31))), StatusCode::UNPROCESSABLE_ENTITY, "主题"),
        (
            json!({ "title": "t", "category": "labour", "body": "b", "street_id": street, "community_id": community }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "一个街道或一个社区",
        ),
        (with("street_id", json!(999_999)), StatusCode::UNPROCESSABLE_ENTITY, "没有找到"),
        (with("publish_at", json!(now - 86_400_000)), StatusCode::UNPROCESSABLE_ENTITY, "发布时间"),
        (with("publish_at", json!(now + 400 * 86_400_000_i64)), StatusCode::UNPROCESSABLE_ENTITY, "发布时间"),
        (with("category", json!("gossip")), StatusCode::BAD_REQUEST, ""),
    ];
    for (body, status, message) in cases {
        let (got, answer) = app.post_with(&staff, "articles/save", body.clone()).await;
        assert_eq!(got, status, "{body}: {answer}");
        assert!(answer["message"].as_str().unwrap_or("").contains(message), "{body}: {answer}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM articles").await, before);
    let (status, _) = app.post_with(&new_client(), "articles/read", json!({ "article_id": 999_999 })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let page = new_client().get(format!("{}/articles/nope", app.address)).send().await.expect("page");
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
}
