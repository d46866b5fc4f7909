//! Consent at the desk: the lawyer sends the resident sitting with them a code (seeing only its
//! masked number); the resident reads it back and the referral is handed over at once, counted,
//! announced to partners and shown in the resident's 个人信息. A wrong code, someone else's
//! matter, or a code used once already changes nothing.

use crate::helpers::spawn_app;
use crate::referrals::{organisation, question_with_photo};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn referral(question: i64, body: i64, code: &str) -> Value {
    json!({ "question_id": question, "organisation_id": body, "facts": "公司拖欠工资三个月，居民在场同意转交。",
            "consent_code": code })
}

#[tokio::test]
async fn a_resident_at_the_desk_reads_back_a_code_and_the_referral_is_handed_over_at_once() {
    let app = spawn_app().await;
    let phone = "13722250001";
    let (resident, question, _) = question_with_photo(&app, phone).await;
    let lawyer = app.staff_client("lawyer").await;
    let legal_aid = organisation(&app, "宝安区法律援助处").await;

    // Only the lawyers of the matter send its resident a code.
    let other = app.staff_client("lawyer01").await;
    let (status, _) = app.post_with(&other, "referrals/consent-code", json!({ "question_id": question })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(app.post_with(&lawyer, "referrals/consent-code", json!({})).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let texts = app.sms_count(phone);
    let (status, sent) = app.post_with(&lawyer, "referrals/consent-code", json!({ "question_id": question })).await;
    assert_eq!((status, sent["phone_masked"].as_str()), (StatusCode::OK, Some("137****0001")), "{sent}");
    let code = app.code_after(phone, texts).await;

    let (referrals, records) = (
        "SELECT COUNT(*) FROM referrals",
        "SELECT COUNT(*) FROM service_records WHERE category = 'referral_legal_aid'",
    );
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for bad in [wrong, "12345", "abcdef", &"1".repeat(1_000)] {
        let (status, answer) = app.post_with(&lawyer, "referrals/create", referral(question, legal_aid, bad)).await;
        assert_eq!((status, answer["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("code")), "{answer}");
        assert_eq!((app.count(referrals).await, app.count(records).await), (0, 0), "{bad} wrote nothing");
    }

    let (status, view) = app.post_with(&lawyer, "referrals/create", referral(question, legal_aid, &code)).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["status"], "sent", "handed over at once");
    assert!(view["sent_at"].is_i64() && view["due_at"].is_i64(), "{view}");
    assert_eq!(app.count(records).await, 1, "counted as the lawyer's referral service");
    let (_, queue) = app.post_with(&app.staff_client("legalaid").await, "referrals/queue", json!({})).await;
    assert_eq!(queue[0]["id"], view["id"], "in the centre's queue: {queue}");
    let (_, inbox) = app.post_with(&resident, "account/inbox", json!({})).await;
    assert!(!inbox.to_string().contains("/me/referrals"), "nothing asks the resident to confirm again: {inbox}");

    // The code is spent; the resident's 个人信息 says who handed it over and how they agreed.
    let notary = organisation(&app, "深圳市宝安公证处").await;
    let (status, answer) = app.post_with(&lawyer, "referrals/create", referral(question, notary, &code)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(app.count(referrals).await, 1);
    let page = resident.get(format!("{}/me/privacy", app.address)).send().await.expect("page");
    let html = page.text().await.expect("html");
    assert!(html.contains("在您当面同意后转交了转介") && html.contains("您告知了短信验证码"), "{html}");
}

#[tokio::test]
async fn the_referral_form_sends_the_code_and_takes_it_back() {
    let app = spawn_app().await;
    let phone = "13722250002";
    let (resident, question, _) = question_with_photo(&app, phone).await;
    let lawyer = app.staff_client("lawyer").await;
    let post = |path: &str, fields: Vec<(&str, String)>| {
        lawyer.post(format!("{}{path}", app.address)).header("sec-fetch-site", "same-origin").form(&fields).send()
    };
    let texts = app.sms_count(phone);
    let response = post("/referrals/new/code", vec![("question_id", question.to_string())]).await.expect("form");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.expect("html").contains("确认码已发送至 137****0002"));
    let code = app.code_after(phone, texts).await;
    let legal_aid = organisation(&app, "宝安区法律援助处").await.to_string();
    let fields = |code: &str| {
        vec![
            ("question_id", question.to_string()),
            ("organisation_id", legal_aid.clone()),
            ("facts", "居民在场，同意转交。".to_owned()),
            ("consent_code", code.to_owned()),
        ]
    };
    let refused = post("/referrals/new", fields("99999x")).await.expect("form");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("html").contains("居民在场，同意转交。"), "what was written is kept");
    let done = post("/referrals/new", fields(&code)).await.expect("form");
    assert_eq!(done.url().path(), "/referrals");
    let html = done.text().await.expect("html");
    assert!(html.contains("已转交"), "{html}");
    // A lawyer's page is in the workers' frame: back to the workbench, no residents' tab bar.
    assert!(html.contains(r#"href="/desk/""#) && !html.contains(r#"aria-label="tabs""#), "{html}");
    let mine = resident.get(format!("{}/me/referrals", app.address)).send().await.expect("page");
    assert!(mine.text().await.expect("html").contains(r#"aria-label="tabs""#), "the resident's keeps it");
    let foreign = post("/referrals/new/code", vec![("question_id", "999999".to_owned())]).await.expect("form");
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
}
