//! The month's theme and quiz: the district's staff set them (a street's staff may not), a
//! resident takes the quiz once and reads what was right, and staff read the participation per
//! street (a street's staff their own). Bad input changes nothing; a quiz taken stands.

use crate::helpers::spawn_app;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

fn this_month() -> String {
    let today = server::store::today();
    format!("{:04}-{:02}", today.year, today.month)
}

fn question(prompt: &str, options: &[&str], answer: i64) -> Value {
    json!({ "prompt": prompt, "options": options, "answer": answer })
}

fn theme(month: &str, questions: Value) -> Value {
    json!({ "month": month, "title": "宪法宣传月", "intro": "学宪法、讲宪法", "questions": questions })
}

fn quiz() -> Value {
    json!([
        question("现行宪法哪一年通过？", &["1954年", "1982年", "2004年"], 1),
        question("国家宪法日是哪一天？", &["12月4日", "3月15日"], 0),
    ])
}

#[tokio::test]
async fn the_district_sets_a_quiz_residents_take_it_once_and_streets_are_counted() {
    let app = spawn_app().await;
    let (staff, shajing) = (app.staff_client("staff").await, app.staff_client("shajing").await);
    let month = this_month();

    // Bad input, each with its field; a street's staff may not set it. Nothing is written.
    let long = "题".repeat(201);
    for (body, field) in [
        (theme("2019-01", quiz()), "month"),
        (theme("2026-13", quiz()), "month"),
        (theme("一月", quiz()), "month"),
        (json!({ "month": month, "title": " ", "questions": quiz() }), "title"),
        (json!({ "month": month, "title": "宪".repeat(41), "questions": quiz() }), "title"),
        (theme(&month, json!([])), "questions"),
        (theme(&month, json!([question(&long, &["甲", "乙"], 0)])), "questions"),
        (theme(&month, json!([question("问", &["甲"], 0)])), "questions"),
        (theme(&month, json!([question("问", &["甲", "甲"], 0)])), "questions"),
        (theme(&month, json!([question("问", &["甲", "乙", "丙", "丁", "戊"], 0)])), "questions"),
        (theme(&month, json!([question("问", &["甲", "乙"], 2)])), "questions"),
        (theme(&month, json!([question("问", &["甲", "乙"], -1)])), "questions"),
        (theme(&month, json!([question("问", &["甲\n乙", "丙"], 0)])), "questions"),
        (theme(&month, Value::Array(vec![question("问", &["甲", "乙"], 0); 11])), "questions"),
    ] {
        let (status, answer) = app.post_with(&staff, "staff/save-theme", body).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{answer}");
    }
    assert_eq!(app.post_with(&shajing, "staff/save-theme", theme(&month, quiz())).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM themes").await, 0);
    assert_eq!(app.post_with(&Client::new(), "themes/current", json!({})).await.1, Value::Null);

    let (status, saved) = app.post_with(&staff, "staff/save-theme", theme(&month, quiz())).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert!(saved["questions"][0].get("answer").is_none(), "the answers are not shown before the quiz is taken");
    // Saved again while nobody has taken it: replaced.
    assert_eq!(app.post_with(&staff, "staff/save-theme", theme(&month, quiz())).await.0, StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM quiz_questions").await, 2);

    // Residents of 后亭社区 (沙井街道) and of 海旺社区 take it; bad choices change nothing.
    let (houting, _) = app.resident_of("13722320001", "后亭社区").await;
    let (haiwang, _) = app.resident_of("13722320002", "海旺社区").await;
    let take = |choices: Value| json!({ "month": this_month(), "choices": choices });
    for (body, field) in [
        (take(json!([1])), "choices"),
        (take(json!([1, 2])), "choices"),
        (take(json!([1, -1])), "choices"),
        (take(json!([1, 0, 0])), "choices"),
        (json!({ "month": "2019-01", "choices": [1, 0] }), "month"),
    ] {
        let (status, answer) = app.post_with(&houting, "themes/answer", body).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{answer}");
    }
    let (status, result) = app.post_with(&houting, "themes/answer", take(json!([1, 1]))).await;
    assert_eq!(status, StatusCode::OK, "{result}");
    assert_eq!(
        (result["correct"].as_i64(), result["total"].as_i64(), result["answers"].clone()),
        (Some(1), Some(2), json!([1, 0]))
    );
    assert_eq!(app.post_with(&houting, "themes/answer", take(json!([1, 0]))).await.0, StatusCode::CONFLICT);
    assert_eq!(app.post_with(&haiwang, "themes/answer", take(json!([1, 0]))).await.1["correct"], 2);
    let (_, current) = app.post_with(&houting, "themes/current", json!({})).await;
    assert_eq!(current["mine"]["correct"], 1, "{current}");
    assert_eq!(app.post_with(&staff, "themes/answer", take(json!([1, 0]))).await.0, StatusCode::FORBIDDEN);

    // Taken, it stands; the figures per street, a street's staff their street only.
    assert_eq!(app.post_with(&staff, "staff/save-theme", theme(&month, quiz())).await.0, StatusCode::CONFLICT);
    let (_, all) = app.post_with(&staff, "staff/theme-stats", json!({ "month": month })).await;
    let street = |stats: &Value, name: &str| {
        stats["streets"].as_array().expect("streets").iter().find(|s| s["street"] == name).cloned()
    };
    let shajing_line = street(&all, "沙井街道").expect("沙井街道");
    assert_eq!((shajing_line["residents"].as_i64(), shajing_line["mean_score"].as_f64()), (Some(1), Some(50.0)));
    let counted: i64 = all["streets"].as_array().expect("streets").iter().filter_map(|s| s["residents"].as_i64()).sum();
    assert_eq!(counted, 2);
    let (_, theirs) = app.post_with(&shajing, "staff/theme-stats", json!({ "month": month })).await;
    assert_eq!(theirs["streets"].as_array().map(Vec::len), Some(1), "{theirs}");
    assert_eq!(theirs["title"], "宪法宣传月");
    let (status, answer) = app.post_with(&staff, "staff/theme-stats", json!({ "month": "2026-1" })).await;
    assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("month")));
}

#[tokio::test]
async fn the_pages_set_a_theme_and_take_its_quiz_only_from_this_site() {
    let app = spawn_app().await;
    let (staff, shajing) = (app.staff_client("staff").await, app.staff_client("shajing").await);
    let month = this_month();
    let post = |client: &Client, path: &str, fields: Vec<(&str, String)>, site: &str| {
        client.post(format!("{}{path}", app.address)).header("sec-fetch-site", site).form(&fields).send()
    };
    let set = || {
        let mut fields = vec![("month", month.clone()), ("title", "宪法宣传月".to_owned()), ("intro", String::new())];
        fields.extend([
            ("q0_prompt", "国家宪法日是哪一天？".to_owned()),
            ("q0_option0", "12月4日".to_owned()),
            ("q0_option1", "3月15日".to_owned()),
            ("q0_answer", "0".to_owned()),
        ]);
        fields
    };
    assert_eq!(post(&staff, "/staff/themes", set(), "cross-site").await.expect("post").status(), 403);
    assert_eq!(post(&shajing, "/staff/themes", set(), "same-origin").await.expect("post").status(), 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM themes").await, 0);
    let page = post(&staff, "/staff/themes", set(), "same-origin").await.expect("post").text().await.expect("html");
    assert!(page.contains("宪法宣传月"), "{page}");

    // The feed invites to it; a resident takes it from the page.
    let (resident, _) = app.resident_of("13722320003", "后亭社区").await;
    let feed =
        resident.get(format!("{}/articles", app.address)).send().await.expect("feed").text().await.expect("html");
    assert!(feed.contains("href=\"/quiz\""), "{feed}");
    let answer = vec![("month", month.clone()), ("q0", "0".to_owned())];
    assert_eq!(post(&resident, "/quiz", answer.clone(), "cross-site").await.expect("post").status(), 403);
    let page = post(&resident, "/quiz", answer, "same-origin").await.expect("post").text().await.expect("html");
    assert!(page.contains("您答对了1题(共1题)"), "{page}");
}
