//! Quality review: staff draw a seeded sample of a period's answers and service records,
//! stratified by street and the same for the same seed; they score items against the checklist
//! and the lawyer reads the findings about their own work only. Bad input changes nothing, and a
//! street's staff neither draw nor score another street's.

use crate::board::{exec, role_of, service};
use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A question of 后亭社区 asked and answered by `lawyer` on `on`.
async fn answered(app: &TestApp, resident: i64, lawyer: i64, key: &str, on: &str) {
    let houting = app.community("后亭社区").await;
    let at = crate::board::at(on, 10);
    exec(
        app,
        "INSERT INTO questions (resident_id, community_id, category, title, client_key, status, deadline_at, first_answer_at, routed_to, created_at, updated_at) \
         VALUES ($1, $2, 'labour', '加班费', $3, 'answered', $4, $4, $5, $4, $4)",
        &[json!(resident), json!(houting), json!(key), json!(at), json!(lawyer)],
    )
    .await;
    let question = app.count(&format!("SELECT id FROM questions WHERE client_key = '{key}'")).await;
    let author = app.count(&format!("SELECT user_id FROM lawyers WHERE id = {lawyer}")).await;
    exec(
        app,
        "INSERT INTO question_messages (question_id, author_id, kind, body, created_at) VALUES ($1, $2, 'answer', '<p>依照劳动法第四十四条</p>', $3)",
        &[json!(question), json!(author), json!(at)],
    )
    .await;
}

fn draw(size: i64, seed: Value) -> Value {
    json!({ "from": "2024-01-01", "to": "2024-01-31", "size": size, "seed": seed })
}

/// The sampled objects of a review, as `(kind, id)`.
fn objects(review: &Value) -> Vec<(String, i64)> {
    let items = review["items"].as_array().expect("items").iter();
    items
        .map(|i| {
            (
                i["kind"].as_str().unwrap_or("").to_owned(),
                i["question_id"].as_i64().or(i["record_id"].as_i64()).unwrap_or(0),
            )
        })
        .collect()
}

fn streets(review: &Value) -> Vec<String> {
    review["items"].as_array().expect("items").iter().map(|i| i["street"].as_str().unwrap_or("").to_owned()).collect()
}

#[tokio::test]
async fn a_seeded_sample_by_street_scored_against_the_checklist_and_read_by_its_lawyer() {
    let app = spawn_app().await;
    let (houting, haiwang) = (app.community("后亭社区").await, app.community("海旺社区").await);
    let (a, foreign) = (role_of(&app, houting, "a").await, role_of(&app, haiwang, "a").await);
    for day in 1..=6 {
        service(&app, a, houting, "consultation", &format!("2024-01-{day:02}"), 1).await;
    }
    for day in 1..=4 {
        service(&app, foreign, haiwang, "consultation", &format!("2024-01-{day:02}"), 1).await;
    }
    let (_, resident) = app.resident_of("13722310001", "后亭社区").await;
    answered(&app, resident, a, "qr-1", "2024-01-10").await;
    answered(&app, resident, a, "qr-2", "2024-01-11").await;
    let (staff, shajing) = (app.staff_client("staff").await, app.staff_client("shajing").await);
    let other_street = app.count(&format!("SELECT street_id FROM communities WHERE id = {haiwang}")).await;

    // Bad input, each with its field; another street; a period with nothing. Nothing is written.
    for (body, field) in [
        (json!({ "from": "2024-02-30", "to": "2024-03-01", "size": 5 }), "from"),
        (json!({ "from": "2024-02-01", "to": "2024-01-01", "size": 5 }), "to"),
        (json!({ "from": "2023-01-01", "to": "2024-01-02", "size": 5 }), "to"),
        (draw(0, Value::Null), "size"),
        (draw(501, Value::Null), "size"),
        (draw(5, json!(-1)), "seed"),
        (draw(5, json!(9_007_199_254_740_992_i64)), "seed"),
    ] {
        let (status, answer) = app.post_with(&staff, "staff/draw-review", body).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{answer}");
    }
    let mut foreign_street = draw(5, json!(1));
    foreign_street["street"] = json!(other_street);
    assert_eq!(app.post_with(&shajing, "staff/draw-review", foreign_street).await.0, StatusCode::FORBIDDEN);
    let empty = json!({ "from": "2019-01-01", "to": "2019-01-31", "size": 5 });
    assert_eq!(app.post_with(&staff, "staff/draw-review", empty).await.0, StatusCode::CONFLICT);
    assert_eq!(app.count("SELECT COUNT(*) FROM quality_reviews").await, 0);

    // Five of twelve: 沙井街道 has eight, the other street four, so three and two; the same seed
    // draws the same sample, and the seed is recorded.
    let (status, first) = app.post_with(&staff, "staff/draw-review", draw(5, json!(42))).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let counted = |review: &Value, street: &str| streets(review).iter().filter(|s| *s == street).count();
    assert_eq!((counted(&first, "沙井街道"), first["items"].as_array().map(Vec::len)), (3, Some(5)), "{first}");
    assert_eq!(first["seed"], 42);
    assert_eq!(first["checklist"], json!(["事实清楚", "依据准确", "答复完整", "及时回应", "表达规范"]));
    let (_, again) = app.post_with(&staff, "staff/draw-review", draw(5, json!(42))).await;
    assert_eq!(objects(&again), objects(&first), "reproducible from its seed");
    let (_, all) = app.post_with(&staff, "staff/draw-review", draw(500, json!(7))).await;
    assert_eq!(all["items"].as_array().map(Vec::len), Some(12), "a sample larger than the period is all of it");
    assert!(objects(&all).iter().filter(|(kind, _)| kind == "answer").count() == 2);
    let (_, unseeded) = app.post_with(&staff, "staff/draw-review", draw(3, Value::Null)).await;
    assert!(unseeded["seed"].as_i64().is_some_and(|s| s >= 0), "{unseeded}");

    // 沙井街道's staff draw in their street only and list only their street's reviews.
    let (_, theirs) = app.post_with(&shajing, "staff/draw-review", draw(4, json!(42))).await;
    assert!(streets(&theirs).iter().all(|s| s == "沙井街道") && streets(&theirs).len() == 4, "{theirs}");
    let (_, listed) = app.post_with(&shajing, "staff/reviews", json!({})).await;
    let ids: Vec<i64> = listed.as_array().expect("list").iter().filter_map(|r| r["id"].as_i64()).collect();
    assert_eq!(ids, vec![theirs["id"].as_i64().expect("id")]);
    assert_eq!(app.post_with(&staff, "staff/reviews", json!({})).await.1.as_array().map(Vec::len), Some(5));

    // Scoring: the checklist's length, findings when something fails, the street's own reviews.
    let item = |review: &Value, lawyer: i64| {
        review["items"].as_array().expect("items").iter().find(|i| i["lawyer_id"] == lawyer).expect("an item")["id"]
            .clone()
    };
    let (own_item, district_item) = (item(&theirs, a), item(&first, a));
    let score =
        |id: &Value, checks: Value, findings: &str| json!({ "item_id": id, "checks": checks, "findings": findings });
    let fail = json!([true, true, true, false, true]);
    for (body, field) in [
        (score(&own_item, json!([true, true]), ""), "checks"),
        (score(&own_item, fail.clone(), " "), "findings"),
        (score(&own_item, fail.clone(), &"慢".repeat(1_001)), "findings"),
    ] {
        let (status, answer) = app.post_with(&shajing, "staff/score-item", body).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{answer}");
    }
    assert_eq!(
        app.post_with(&shajing, "staff/score-item", score(&district_item, fail.clone(), "迟")).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_with(&shajing, "staff/score-item", score(&json!(999_999), fail.clone(), "迟")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM quality_items WHERE score IS NOT NULL").await, 0);
    let (status, scored) = app.post_with(&shajing, "staff/score-item", score(&own_item, fail, "答复超过三天")).await;
    assert_eq!((status, scored["score"].as_i64()), (StatusCode::OK, Some(80)), "{scored}");
    assert_eq!(scored["checks"], json!([true, true, true, false, true]));

    // The lawyer reads their own findings; another lawyer none of theirs; others may not ask.
    let lawyer = app.staff_client("lawyer").await;
    let (status, mine) = app.post_with(&lawyer, "reviews/mine", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        mine.as_array().map(|m| m.iter().map(|i| i["findings"].clone()).collect::<Vec<_>>()),
        Some(vec![json!("答复超过三天")])
    );
    let other = app.staff_client("lawyer01").await;
    let (_, theirs_only) = app.post_with(&other, "reviews/mine", json!({})).await;
    assert!(theirs_only.as_array().expect("list").iter().all(|i| i["lawyer_id"] != a), "{theirs_only}");
    let assistant = app.staff_client("assistant").await;
    assert_eq!(app.post_with(&assistant, "reviews/mine", json!({})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post_with(&lawyer, "staff/draw-review", draw(5, json!(1))).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'quality_review'").await, 6);
}

#[tokio::test]
async fn the_pages_draw_and_score_only_from_this_site_and_the_lawyer_reads_the_findings() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let a = role_of(&app, houting, "a").await;
    service(&app, a, houting, "consultation", "2024-01-05", 1).await;
    let (staff, lawyer) = (app.staff_client("shajing").await, app.staff_client("lawyer").await);
    let post = |client: &reqwest::Client, fields: Vec<(&str, String)>, site: &str| {
        client.post(format!("{}/staff/reviews", app.address)).header("sec-fetch-site", site).form(&fields).send()
    };
    let drawn = || {
        vec![
            ("action", "draw".to_owned()),
            ("from", "2024-01-01".to_owned()),
            ("to", "2024-01-31".to_owned()),
            ("size", "5".to_owned()),
            ("seed", String::new()),
        ]
    };
    assert_eq!(post(&staff, drawn(), "cross-site").await.expect("post").status(), 403);
    assert_eq!(post(&lawyer, drawn(), "same-origin").await.expect("post").status(), 403);
    let mut bad_seed = drawn();
    bad_seed[4].1 = "七".to_owned();
    let refused = post(&staff, bad_seed, "same-origin").await.expect("post");
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.expect("html").contains("随机种子须为"));
    assert_eq!(app.count("SELECT COUNT(*) FROM quality_reviews").await, 0);
    let page = post(&staff, drawn(), "same-origin").await.expect("post").text().await.expect("html");
    assert!(page.contains("评查表"), "{page}");
    let item = app.count(&format!("SELECT MIN(id) FROM quality_items WHERE lawyer_id = {a}")).await;
    // Every box but the fourth ticked, with the findings.
    let mut scored = vec![("action", "score".to_owned()), ("item_id", item.to_string()), ("checks", "5".to_owned())];
    scored.extend(["check_0", "check_1", "check_2", "check_4"].map(|k| (k, "1".to_owned())));
    scored.push(("findings", "回访记录缺失".to_owned()));
    let page = post(&staff, scored, "same-origin").await.expect("post").text().await.expect("html");
    assert!(page.contains("评分 80") && page.contains("不合格项：及时回应"), "{page}");
    let own = lawyer.get(format!("{}/reviews", app.address)).send().await.expect("page");
    assert!(own.text().await.expect("html").contains("回访记录缺失"));
}
