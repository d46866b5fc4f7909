//! Lawyers' yearly evaluation: staff read each lawyer's scorecard of their scope, conclude the
//! year on the district's scale, and the lawyer reads it and answers once; the score comes from
//! the card's own figures and the configured weights. Bad input and foreign lawyers change nothing.

use crate::board::{duty, role_of};
use crate::helpers::{spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn year() -> i32 {
    server::store::today().year
}

/// The card of `lawyer` in `cards`.
fn card_of(cards: &Value, lawyer: i64) -> Option<Value> {
    cards["cards"].as_array()?.iter().find(|c| c["lawyer_id"] == lawyer).cloned()
}

#[tokio::test]
async fn staff_conclude_a_lawyers_year_and_the_lawyer_reads_and_answers_it() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let a = role_of(&app, houting, "a").await;
    let haiwang = app.community("海旺社区").await;
    let foreign = role_of(&app, haiwang, "a").await;
    let (_, resident) = app.resident_of("13722280001", "后亭社区").await;
    let today = server::store::today().to_string();
    duty(&app, a, houting, &today, resident, false).await;

    // The district's staff see both lawyers; 沙井街道's staff theirs only, and no other street.
    let staff = app.staff_client("staff").await;
    let shajing = app.staff_client("shajing").await;
    let (status, all) = app.post_with(&staff, "staff/scorecards", json!({ "year": year() })).await;
    assert_eq!(status, StatusCode::OK, "{all}");
    assert_eq!(all["scale"], json!(["优秀", "合格", "基本合格", "不合格"]));
    assert!(card_of(&all, a).is_some() && card_of(&all, foreign).is_some());
    let (_, theirs) = app.post_with(&shajing, "staff/scorecards", json!({ "year": year() })).await;
    assert!(card_of(&theirs, a).is_some() && card_of(&theirs, foreign).is_none(), "{theirs}");
    let street: i64 = sqlx::query_scalar("SELECT street_id FROM communities WHERE id = $1")
        .bind(haiwang)
        .fetch_one(&app.store.pool)
        .await
        .expect("street");
    let asked = json!({ "year": year(), "street": street });
    assert_eq!(app.post_with(&shajing, "staff/scorecards", asked).await.0, StatusCode::FORBIDDEN);

    // The card's score is its parts, each its share of its weight.
    let card = card_of(&theirs, a).expect("the A lawyer's card");
    assert!(card["duty_days"].as_i64() >= Some(1) && card["quota"].as_i64() > Some(0), "{card}");
    let weights: Vec<i64> =
        card["parts"].as_array().expect("parts").iter().filter_map(|p| p["weight"].as_i64()).collect();
    assert_eq!(weights, vec![40, 20, 15, 15, 10]);
    let duty_share = (card["duty_days"].as_f64().unwrap_or(0.0) / card["quota"].as_f64().unwrap_or(1.0)).min(1.0);
    assert_eq!(card["parts"][0]["earned"].as_f64(), Some((duty_share * 400.0).round() / 10.0), "{card}");
    let counted: f64 = card["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .filter(|p| p["earned"].is_number())
        .filter_map(|p| p["weight"].as_f64())
        .sum();
    let earned: f64 = card["parts"].as_array().expect("parts").iter().filter_map(|p| p["earned"].as_f64()).sum();
    assert_eq!(card["score"].as_f64(), Some((100.0 * earned / counted).round()), "{card}");

    // Bad input changes nothing.
    let conclude = |lawyer: i64, conclusion: &str, comment: &str| json!({ "lawyer_id": lawyer, "year": year(), "conclusion": conclusion, "comment": comment });
    let long = "评".repeat(1_001);
    for (body, field) in [
        (conclude(a, "特优", ""), "conclusion"),
        (conclude(a, "合格", &long), "conclusion"),
        (json!({ "lawyer_id": a, "year": 1999, "conclusion": "合格" }), "year"),
        (json!({ "lawyer_id": a, "year": year() + 1, "conclusion": "合格" }), "year"),
    ] {
        let (status, answer) = app.post_with(&shajing, "staff/conclude", body).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{answer}");
    }
    assert_eq!(app.post_with(&shajing, "staff/conclude", conclude(foreign, "合格", "")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.post_with(&shajing, "staff/conclude", conclude(999_999, "合格", "")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM evaluations").await, 0);

    // Concluded, revised, then read and answered by the lawyer; after that it stands.
    let (status, _) = app.post_with(&shajing, "staff/conclude", conclude(a, "基本合格", "值班偏少")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, done) = app.post_with(&shajing, "staff/conclude", conclude(a, "合格", "全年履职认真，值班稍少")).await;
    assert_eq!((status, done["conclusion"]["conclusion"].as_str()), (StatusCode::OK, Some("合格")), "{done}");
    assert_eq!(done["conclusion"]["score"], done["score"], "the score it was concluded on");
    let lawyer = app.staff_client("lawyer").await;
    let (status, mine) = app.post_with(&lawyer, "evaluations/mine", json!({ "year": year() })).await;
    assert_eq!((status, mine["lawyer_id"].as_i64()), (StatusCode::OK, Some(a)), "{mine}");
    assert_eq!(mine["conclusion"]["comment"], "全年履职认真，值班稍少");
    let answer = |text: &str| json!({ "year": year(), "answer": text });
    assert_eq!(app.post_with(&lawyer, "evaluations/answer", answer(" ")).await.1["field"], "answer");
    let (status, answered) = app.post_with(&lawyer, "evaluations/answer", answer("接受评价，明年增加值班")).await;
    assert_eq!((status, answered["conclusion"]["answer"].as_str()), (StatusCode::OK, Some("接受评价，明年增加值班")));
    assert_eq!(app.post_with(&lawyer, "evaluations/answer", answer("再答")).await.0, StatusCode::CONFLICT);
    assert_eq!(app.post_with(&shajing, "staff/conclude", conclude(a, "优秀", "")).await.0, StatusCode::CONFLICT);

    // Another lawyer reads only their own card, not concluded; assistants and residents none.
    let other = app.staff_client("lawyer01").await;
    let (_, own) = app.post_with(&other, "evaluations/mine", json!({ "year": year() })).await;
    assert!(own["lawyer_id"] != a && own["conclusion"].is_null(), "{own}");
    assert_eq!(app.post_with(&other, "evaluations/answer", answer("收到")).await.0, StatusCode::CONFLICT);
    let assistant = app.staff_client("assistant").await;
    assert_eq!(app.post_with(&assistant, "evaluations/mine", json!({ "year": year() })).await.0, StatusCode::FORBIDDEN);
    let audited = "SELECT COUNT(*) FROM audit_events WHERE action = 'evaluation_conclude'";
    assert_eq!(app.count(audited).await, 2);
}

#[tokio::test]
async fn the_districts_weights_and_scale_are_its_own() {
    let app = spawn_app_with(|config| {
        config.evaluation.weights = [50, 50, 0, 0, 0];
        config.evaluation.scale = vec!["好".into(), "中".into(), "差".into()];
    })
    .await;
    let houting = app.community("后亭社区").await;
    let a = role_of(&app, houting, "a").await;
    let staff = app.staff_client("staff").await;
    let (_, cards) = app.post_with(&staff, "staff/scorecards", json!({ "year": year() })).await;
    assert_eq!(cards["scale"], json!(["好", "中", "差"]));
    let card = card_of(&cards, a).expect("card");
    let weights: Vec<i64> =
        card["parts"].as_array().expect("parts").iter().filter_map(|p| p["weight"].as_i64()).collect();
    assert_eq!(weights, vec![50, 50, 0, 0, 0]);
    let conclude = |c: &str| json!({ "lawyer_id": a, "year": year(), "conclusion": c });
    assert_eq!(app.post_with(&staff, "staff/conclude", conclude("合格")).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.post_with(&staff, "staff/conclude", conclude("好")).await.0, StatusCode::OK);
}

#[tokio::test]
async fn the_pages_conclude_and_answer_only_from_this_site_and_the_right_role() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let a = role_of(&app, houting, "a").await;
    let staff = app.staff_client("staff").await;
    let lawyer = app.staff_client("lawyer").await;
    let post = |client: &reqwest::Client, path: &str, fields: Vec<(&str, String)>, site: &str| {
        client.post(format!("{}{path}", app.address)).header("sec-fetch-site", site).form(&fields).send()
    };
    let concluded = || {
        vec![
            ("lawyer_id", a.to_string()),
            ("year", year().to_string()),
            ("conclusion", "优秀".to_owned()),
            ("comment", "群众满意".to_owned()),
        ]
    };
    assert_eq!(post(&staff, "/staff/evaluations", concluded(), "cross-site").await.expect("post").status(), 403);
    assert_eq!(post(&lawyer, "/staff/evaluations", concluded(), "same-origin").await.expect("post").status(), 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM evaluations").await, 0);
    let page = post(&staff, "/staff/evaluations", concluded(), "same-origin").await.expect("post");
    assert!(page.text().await.expect("html").contains("评价结论：优秀"));
    let own = lawyer.get(format!("{}/evaluation", app.address)).send().await.expect("page");
    assert!(own.text().await.expect("html").contains("群众满意"));
    let answer = vec![("year", year().to_string()), ("answer", "谢谢".to_owned())];
    assert_eq!(post(&staff, "/evaluation", answer.clone(), "same-origin").await.expect("post").status(), 403);
    let answered = post(&lawyer, "/evaluation", answer, "same-origin").await.expect("post");
    assert!(answered.text().await.expect("html").contains("律师回复：谢谢"));
}
