//! Referrals' bad input and scope: each party on their own referral and on another's, a lawyer
//! on a matter not theirs, a body on another body's queue, steps out of order, the same
//! referral twice at once, another site's form. Each refusal is clear and changes nothing.

use crate::helpers::{spawn_app, TestApp};
use crate::questions::{far_lawyer, lawyer_of};
use crate::referrals::{organisation, question_with_photo, refer};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn referrals(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM referrals").await
}

/// A referral to legal aid waiting for the resident: its id, the resident, the lawyer.
async fn sent_awaiting(app: &TestApp, phone: &str) -> (i64, Client, Client) {
    let (resident, question, file) = question_with_photo(app, phone).await;
    let lawyer = app.staff_client("lawyer").await;
    let (status, view) = refer(app, &lawyer, question, organisation(app, "宝安区法律援助处").await, &[&file]).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    (view["id"].as_i64().expect("id"), resident, lawyer)
}

/// A referral to legal aid the resident agreed to: its id, the resident, the lawyer.
async fn sent(app: &TestApp, phone: &str) -> (i64, Client, Client) {
    let (id, resident, lawyer) = sent_awaiting(app, phone).await;
    let (status, view) =
        app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": true })).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    (id, resident, lawyer)
}

#[tokio::test]
async fn bad_referrals_are_refused_clearly_and_change_nothing() {
    let app = spawn_app().await;
    let (_, question, file) = question_with_photo(&app, "13722221001").await;
    let (_, others, theirs) = question_with_photo(&app, "13722221002").await;
    let lawyer = app.staff_client("lawyer").await;
    let legal_aid = organisation(&app, "宝安区法律援助处").await;
    let base =
        json!({ "question_id": question, "organisation_id": legal_aid, "facts": "拖欠工资", "documents": [file] });
    let with = |key: &str, value: Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    let eleven: Vec<String> = (0..11).map(|k| format!("{k:032x}")).collect();
    let cases = [
        (with("facts", json!("   ")), StatusCode::UNPROCESSABLE_ENTITY),
        (with("facts", json!("字".repeat(2_001))), StatusCode::UNPROCESSABLE_ENTITY),
        (with("organisation_id", json!(999_999)), StatusCode::UNPROCESSABLE_ENTITY),
        (with("documents", json!([theirs])), StatusCode::UNPROCESSABLE_ENTITY),
        (with("documents", json!(eleven)), StatusCode::UNPROCESSABLE_ENTITY),
        (with("documents", json!(["x".repeat(1_000)])), StatusCode::UNPROCESSABLE_ENTITY),
        (with("documents", json!(vec!["x".repeat(64); 5_000])), StatusCode::PAYLOAD_TOO_LARGE),
        (with("booking_id", json!(1)), StatusCode::UNPROCESSABLE_ENTITY),
        (with("question_id", Value::Null), StatusCode::UNPROCESSABLE_ENTITY),
        (with("special_group", json!("vip")), StatusCode::BAD_REQUEST),
        (with("application", json!({ "household": 0, "monthly_income": 100 })), StatusCode::UNPROCESSABLE_ENTITY),
        (with("application", json!({ "household": 2, "monthly_income": -1 })), StatusCode::UNPROCESSABLE_ENTITY),
        (
            with("application", json!({ "household": 2, "monthly_income": 10_000_001 })),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            with("application", json!({ "household": 2, "monthly_income": 1, "hardship": "rich" })),
            StatusCode::BAD_REQUEST,
        ),
        // Another resident's question at the same desk is the lawyer's too, but not this file.
        (with("question_id", json!(others)), StatusCode::UNPROCESSABLE_ENTITY),
    ];
    for (body, expected) in cases {
        let before = referrals(&app).await;
        let (status, answer) = app.post_with(&lawyer, "referrals/create", body.clone()).await;
        assert_eq!(status, expected, "{answer}");
        assert!(!answer["message"].as_str().unwrap_or_default().is_empty(), "{answer}");
        assert_eq!(referrals(&app).await, before, "{body} changed nothing");
    }
    // The file named twice is handed over once.
    let (status, view) = app.post_with(&lawyer, "referrals/create", with("documents", json!([file, file]))).await;
    assert_eq!((status, view["documents"].as_array().map(Vec::len)), (StatusCode::OK, Some(1)), "{view}");
    // One open referral of a kind per matter.
    let (status, answer) = app.post_with(&lawyer, "referrals/create", base.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    // 沙井街道's committee does not take another street's matters.
    let (far_login, _) = lawyer_of(&app, "海旺社区", "a").await;
    let (far_resident, _) = app.resident_of("13722221003", "海旺社区").await;
    let far_question = crate::questions::asked(&app, &far_resident, "far").await;
    let far = app.staff_client(&far_login).await;
    let mediation = organisation(&app, "沙井街道人民调解委员会").await;
    let (status, answer) = app
        .post_with(
            &far,
            "referrals/create",
            json!({ "question_id": far_question, "organisation_id": mediation, "facts": "邻里纠纷" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    // Financial circumstances go to legal aid only.
    let (_, other_question, _) = question_with_photo(&app, "13722221004").await;
    let to_mediation = json!({ "question_id": other_question, "organisation_id": mediation, "facts": "邻里纠纷",
                               "application": { "household": 2, "monthly_income": 3000 } });
    let (status, answer) = app.post_with(&lawyer, "referrals/create", to_mediation).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
}

#[tokio::test]
async fn each_party_reaches_its_own_referrals_and_no_one_elses() {
    let app = spawn_app().await;
    let (id, resident, lawyer) = sent(&app, "13722222001").await;
    let (_, question, _) = question_with_photo(&app, "13722222002").await;
    // Another lawyer: not their matter, not their referral.
    let far = far_lawyer(&app).await;
    let legal_aid = organisation(&app, "宝安区法律援助处").await;
    let (status, _) = refer(&app, &far, question, legal_aid, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.post_with(&far, "referrals/withdraw", json!({ "referral_id": id })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, theirs) = app.post_with(&far, "referrals/sent", json!({})).await;
    assert_eq!(theirs, json!([]));
    // Another resident.
    let (stranger, _) = app.resident_of("13722222003", "后亭社区").await;
    let (status, _) = app.post_with(&stranger, "referrals/consent", json!({ "referral_id": id, "agree": false })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, mine) = app.post_with(&stranger, "referrals/mine", json!({})).await;
    assert_eq!(mine, json!([]));
    // Another body: the notary office neither sees nor answers the legal-aid centre's.
    let notary = app.staff_client("notary").await;
    let (_, queue) = app.post_with(&notary, "referrals/queue", json!({})).await;
    assert_eq!(queue, json!([]));
    for (path, body) in [
        ("referrals/answer", json!({ "referral_id": id, "accept": true })),
        ("referrals/close", json!({ "referral_id": id, "outcome": "notarised" })),
    ] {
        let (status, answer) = app.post_with(&notary, path, body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {answer}");
    }
    let link = format!("/agency/referrals/{id}/answer");
    let response = notary.post(format!("{}{link}", app.address)).form(&[("accept", "1")]).send().await.expect("form");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // Staff, the resident and the lawyer have no queue; the pages say so.
    for client in [&resident, &lawyer] {
        let (status, _) = app.post_with(client, "referrals/queue", json!({})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let response = client.get(format!("{}/agency", app.address)).send().await.expect("page");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
    let (status, view) = app.post_with(&lawyer, "referrals/sent", json!({})).await;
    assert_eq!((status, view[0]["id"].as_i64()), (StatusCode::OK, Some(id)));
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM referrals WHERE id = {id} AND status = 'sent'")).await, 1);
}

#[tokio::test]
async fn steps_out_of_order_are_conflicts_and_outcomes_belong_to_their_kind() {
    let app = spawn_app().await;
    let (id, resident, lawyer) = sent(&app, "13722223001").await;
    let centre = app.staff_client("legalaid").await;
    let step = |path: &'static str, body: Value| {
        let (app, centre) = (&app, &centre);
        async move { app.post_with(centre, path, body).await }
    };
    let (status, _) = app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": true })).await;
    assert_eq!(status, StatusCode::CONFLICT, "agreed once");
    let (status, _) = step("referrals/close", json!({ "referral_id": id, "outcome": "aid_granted" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "not accepted yet");
    let (status, _) = step("referrals/answer", json!({ "referral_id": id, "accept": true })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) =
        step("referrals/answer", json!({ "referral_id": id, "accept": false, "reason": "改变主意" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "answered once");
    let (status, _) = app.post_with(&lawyer, "referrals/withdraw", json!({ "referral_id": id })).await;
    assert_eq!(status, StatusCode::CONFLICT, "accepted: too late to withdraw");
    let (status, _) = step("referrals/close", json!({ "referral_id": id, "outcome": "notarised" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a notary's outcome");
    let note = "字".repeat(2_001);
    let (status, _) =
        step("referrals/close", json!({ "referral_id": id, "outcome": "aid_refused", "note": note })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = step("referrals/close", json!({ "referral_id": id, "outcome": "bogus" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM referrals WHERE id = {id} AND status = 'accepted'")).await, 1);
    let (status, _) = step("referrals/close", json!({ "referral_id": id, "outcome": "aid_refused" })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = step("referrals/close", json!({ "referral_id": id, "outcome": "aid_granted" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "closed once");
}

#[tokio::test]
async fn the_same_referral_at_once_is_made_once_and_answered_once() {
    let app = spawn_app().await;
    let (resident, question, _) = question_with_photo(&app, "13722224001").await;
    let lawyer = app.staff_client("lawyer").await;
    let assistant = app.staff_client("assistant").await;
    let legal_aid = organisation(&app, "宝安区法律援助处").await;
    let (a, b) =
        tokio::join!(refer(&app, &lawyer, question, legal_aid, &[]), refer(&app, &assistant, question, legal_aid, &[]));
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "{a:?} {b:?}");
    let id = [a.1, b.1].iter().find_map(|v| v["id"].as_i64()).expect("one made");
    app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": true })).await;
    let centre = app.staff_client("legalaid").await;
    let (a, b) = tokio::join!(
        app.post_with(&centre, "referrals/answer", json!({ "referral_id": id, "accept": true })),
        app.post_with(
            &centre,
            "referrals/answer",
            json!({ "referral_id": id, "accept": false, "reason": "不符合条件" })
        )
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "{a:?} {b:?}");
    let (_, inbox) = app.post_with(&resident, "account/inbox", json!({})).await;
    let about = inbox.as_array().expect("inbox").iter().filter(|n| n["link"] == "/me/referrals").count();
    assert_eq!(about, 2, "asked once, answered once: {inbox}");
}

#[tokio::test]
async fn another_sites_form_and_the_wrong_account_are_refused_on_the_pages() {
    let app = spawn_app().await;
    let (id, resident, lawyer) = sent(&app, "13722225001").await;
    let centre = app.staff_client("legalaid").await;
    let forged = centre
        .post(format!("{}/agency/referrals/{id}/answer", app.address))
        .header("origin", "https://evil.example")
        .form(&[("accept", "1")])
        .send()
        .await
        .expect("form");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let from_resident = resident
        .post(format!("{}/agency/referrals/{id}/answer", app.address))
        .form(&[("accept", "1")])
        .send()
        .await
        .expect("form");
    assert_eq!(from_resident.status(), StatusCode::FORBIDDEN);
    let response = lawyer.get(format!("{}/me/referrals", app.address)).send().await.expect("page");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let bad = centre.post(format!("{}/agency/referrals/{id}/close", app.address)).form(&[("outcome", "x")]).send();
    assert_eq!(bad.await.expect("form").status(), StatusCode::BAD_REQUEST);
    // A pre-application that is not numbers: 400, nothing agreed.
    let (other, resident_two, _) = sent_awaiting(&app, "13722225002").await;
    let form = [("agree", "1"), ("household", "三"), ("monthly_income", "2000")];
    let bad = resident_two.post(format!("{}/me/referrals/{other}/consent", app.address)).form(&form).send();
    assert_eq!(bad.await.expect("form").status(), StatusCode::BAD_REQUEST);
    let waiting = format!("SELECT COUNT(*) FROM referrals WHERE id = {other} AND status = 'awaiting_consent'");
    assert_eq!(app.count(&waiting).await, 1);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM referrals WHERE id = {id} AND status = 'sent'")).await, 1);
}
