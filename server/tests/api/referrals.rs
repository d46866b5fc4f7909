//! Referrals: a lawyer refers a resident's question to legal aid with one of its documents; the
//! resident agrees in 我的; the centre sees it with the resident's number, opens the document
//! (audited), accepts it and records the outcome; the resident is told of each step and sees it
//! in 我的; the lawyer's figures count one referral.

use crate::helpers::{spawn_app, TestApp};
use crate::questions::ask;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use server::files::inspect::samples;

/// The receiving body called `name`.
pub(crate) async fn organisation(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM organisations WHERE name = $1")
        .bind(name)
        .fetch_one(&app.store.pool)
        .await
        .expect("the demo's body")
}

/// A question of a new resident at 后亭社区 with one photo: the resident, the question, the
/// photo's token.
pub(crate) async fn question_with_photo(app: &TestApp, phone: &str) -> (Client, i64, String) {
    let (resident, _) = app.resident_of(phone, "后亭社区").await;
    let photo = app.uploaded(&resident, "工资条.jpg", samples::jpeg_with_location()).await;
    let (status, thread) = ask(app, &resident, &format!("k-{phone}"), vec![photo]).await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    let file = thread["attachments"][0]["token"].as_str().expect("token").to_owned();
    (resident, thread["question"]["id"].as_i64().expect("id"), file)
}

/// The lawyer refers `question` to `body` with `files`.
pub(crate) async fn refer(
    app: &TestApp,
    lawyer: &Client,
    question: i64,
    body: i64,
    files: &[&str],
) -> (StatusCode, Value) {
    app.post_with(
        lawyer,
        "referrals/create",
        json!({ "question_id": question, "organisation_id": body, "facts": "公司拖欠工资三个月，共计1.2万元，申请法律援助。",
                "special_group": "migrant_worker", "documents": files }),
    )
    .await
}

async fn page(client: &Client, app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = client.get(format!("{}{path}", app.address)).send().await.expect("page");
    (response.status(), response.text().await.expect("html"))
}

#[tokio::test]
async fn a_question_goes_to_legal_aid_with_a_document_and_the_resident_follows_it_to_its_outcome() {
    let app = spawn_app().await;
    let phone = "13722220001";
    let (resident, question, file) = question_with_photo(&app, phone).await;
    let lawyer = app.staff_client("lawyer").await;
    let centre = app.staff_client("legalaid").await;
    let legal_aid = organisation(&app, "宝安区法律援助处").await;
    let records = "SELECT COUNT(*) FROM service_records WHERE category = 'referral_legal_aid'";
    let counted = app.count(records).await;

    let (status, view) = app
        .post_with(
            &lawyer,
            "referrals/create",
            json!({ "question_id": question, "organisation_id": legal_aid, "facts": "公司拖欠工资三个月，共计1.2万元。",
                    "special_group": "migrant_worker", "documents": [file],
                    "application": { "household": 3, "monthly_income": 2400 } }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let id = view["id"].as_i64().expect("id");
    assert_eq!(view["status"], "awaiting_consent");
    assert_eq!(view["application"], json!({ "household": 3, "monthly_income": 2400, "hardship": null }));
    assert_eq!(view["documents"][0]["token"].as_str(), Some(file.as_str()));
    assert!(view["phone"].as_str().expect("phone").contains("****"), "the lawyer sees the number masked: {view}");
    assert!(app.sms_containing(phone, "宝安区法律援助处").await.contains("确认"));
    // Nothing leaves before the resident agrees: the centre sees nothing, opens nothing.
    let (_, queue) = app.post_with(&centre, "referrals/queue", json!({})).await;
    assert_eq!(queue, json!([]));
    let link = view["documents"][0]["link"].as_str().expect("link").to_owned();
    let response = centre.get(format!("{}{link}", app.address)).send().await.expect("file");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.count(records).await, counted, "not counted before it is handed over");

    // The resident reads what agreeing shares and agrees, on the server's page.
    let (status, html) = page(&resident, &app, "/me/referrals").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("待居民确认") && html.contains("宝安区法律援助处") && html.contains("工资条.jpg"), "{html}");
    let agreed = resident
        .post(format!("{}/me/referrals/{id}/consent", app.address))
        .header("sec-fetch-site", "same-origin")
        .form(&[("agree", "1"), ("household", "4"), ("monthly_income", "2400"), ("hardship", "low_income")])
        .send()
        .await
        .expect("consent");
    assert_eq!(agreed.url().path(), "/me/referrals", "back to the list");
    assert!(agreed.text().await.expect("html").contains("已转交，待受理"));
    assert_eq!(app.count(records).await, counted + 1, "one referral service of the lawyer's");

    // The centre: the case first in its queue, green channel, the number in full, the document.
    let (_, queue) = app.post_with(&centre, "referrals/queue", json!({})).await;
    assert_eq!(queue[0]["id"].as_i64(), Some(id), "{queue}");
    assert_eq!(queue[0]["status"], "sent");
    assert_eq!(queue[0]["special_group"], "migrant_worker");
    assert_eq!(queue[0]["phone"], phone);
    let stated = json!({ "household": 4, "monthly_income": 2400, "hardship": "low_income" });
    assert_eq!(queue[0]["application"], stated, "the resident's own word on their circumstances");
    assert!(queue[0]["due_at"].as_i64().expect("due") > queue[0]["sent_at"].as_i64().expect("sent"));
    let response = centre.get(format!("{}{link}", app.address)).send().await.expect("file");
    assert_eq!(response.status(), StatusCode::OK);
    let opened = format!(
        "SELECT COUNT(*) FROM audit_events e JOIN users u ON u.id = e.actor_user_id WHERE e.action = 'file_read' \
         AND u.login = 'legalaid' AND e.subject = (SELECT 'file:' || id FROM files WHERE token = '{file}')"
    );
    assert_eq!(app.count(&opened).await, 1, "the centre's opening is audited");
    let (status, html) = page(&centre, &app, "/agency").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("绿色通道") && html.contains(phone) && html.contains("人均 600") && html.contains("低保户"),
        "{html}"
    );

    let (status, accepted) =
        app.post_with(&centre, "referrals/answer", json!({ "referral_id": id, "accept": true })).await;
    assert_eq!((status, accepted["status"].as_str()), (StatusCode::OK, Some("accepted")), "{accepted}");
    assert!(app.sms_containing(phone, "已受理").await.contains("宝安区法律援助处"));
    let (status, closed) = app
        .post_with(
            &centre,
            "referrals/close",
            json!({ "referral_id": id, "outcome": "aid_granted", "note": "已指派律师" }),
        )
        .await;
    assert_eq!((status, closed["status"].as_str()), (StatusCode::OK, Some("closed")), "{closed}");
    assert!(app.sms_containing(phone, "已办结").await.contains("给予法律援助"));

    // The resident sees both steps, in 我的 and in the inbox; the lawyer sees the outcome.
    let (_, mine) = app.post_with(&resident, "referrals/mine", json!({})).await;
    assert_eq!(mine[0]["outcome"], "aid_granted", "{mine}");
    assert!(mine[0]["answered_at"].is_i64() && mine[0]["closed_at"].is_i64());
    let (_, html) = page(&resident, &app, "/me/referrals").await;
    assert!(html.contains("已办结") && html.contains("给予法律援助") && html.contains("已指派律师"), "{html}");
    let (_, inbox) = app.post_with(&resident, "account/inbox", json!({})).await;
    let about: Vec<&Value> = inbox.as_array().expect("inbox").iter().filter(|n| n["link"] == "/me/referrals").collect();
    assert_eq!(about.len(), 3, "asked, accepted, closed: {inbox}");
    let (_, sent) = app.post_with(&lawyer, "referrals/sent", json!({})).await;
    assert_eq!(sent[0]["status"], "closed", "{sent}");
    let (status, html) = page(&lawyer, &app, "/referrals").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("给予法律援助"), "{html}");
}

#[tokio::test]
async fn a_declined_referral_says_why_and_a_refused_one_goes_nowhere() {
    let app = spawn_app().await;
    let phone = "13722220002";
    let (resident, question, _) = question_with_photo(&app, phone).await;
    let lawyer = app.staff_client("lawyer").await;
    let notary = organisation(&app, "深圳市宝安公证处").await;
    let mediation = organisation(&app, "沙井街道人民调解委员会").await;

    // Refused by the resident: withdrawn, never seen by the body, not counted.
    let (_, first) = refer(&app, &lawyer, question, notary, &[]).await;
    let id = first["id"].as_i64().expect("id");
    let (status, refused) =
        app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": false })).await;
    assert_eq!((status, refused["status"].as_str()), (StatusCode::OK, Some("withdrawn")), "{refused}");
    let notary_client = app.staff_client("notary").await;
    let (_, queue) = app.post_with(&notary_client, "referrals/queue", json!({})).await;
    assert_eq!(queue, json!([]));

    // To mediation, agreed, declined with a reason the resident reads.
    let (status, second) = refer(&app, &lawyer, question, mediation, &[]).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    let id = second["id"].as_i64().expect("id");
    app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": true })).await;
    let committee = app.staff_client("mediation").await;
    let (status, answer) = app
        .post_with(&committee, "referrals/answer", json!({ "referral_id": id, "accept": false, "reason": "" }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a decline gives its reason: {answer}");
    let (status, answer) = app
        .post_with(
            &committee,
            "referrals/answer",
            json!({ "referral_id": id, "accept": false, "reason": "双方均不同意调解" }),
        )
        .await;
    assert_eq!((status, answer["status"].as_str()), (StatusCode::OK, Some("declined")), "{answer}");
    assert!(app.sms_containing(phone, "未受理").await.contains("双方均不同意调解"));
    let (_, mine) = app.post_with(&resident, "referrals/mine", json!({})).await;
    assert_eq!(mine[0]["reason"], "双方均不同意调解", "{mine}");
    // Declined, it is over: a new referral of the same kind may follow.
    let (status, again) = refer(&app, &lawyer, question, mediation, &[]).await;
    assert_eq!(status, StatusCode::OK, "{again}");
}

#[tokio::test]
async fn a_resident_who_erases_their_account_takes_the_facts_and_files_back_from_an_open_referral() {
    let app = spawn_app().await;
    let phone = "13722220003";
    let (resident, question, file) = question_with_photo(&app, phone).await;
    let lawyer = app.staff_client("lawyer").await;
    let (_, view) = refer(&app, &lawyer, question, organisation(&app, "宝安区法律援助处").await, &[&file]).await;
    let id = view["id"].as_i64().expect("id");
    app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": true })).await;
    let admin = crate::matrix::signed_in(&app, "admin").await;
    let hook = json!({ "name": "法律援助案件系统", "url": "https://hook.example.gov.cn/fai" });
    assert_eq!(app.post_with(&admin, "admin/save-webhook", hook).await.0, StatusCode::OK);
    let erased = resident
        .post(format!("{}/me/privacy/erase", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("confirm=%E6%B3%A8%E9%94%80")
        .send()
        .await
        .expect("erase");
    assert_eq!(erased.status(), StatusCode::OK);
    let (status, queue) = app.post_with(&app.staff_client("legalaid").await, "referrals/queue", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((queue[0]["status"].as_str(), queue[0]["facts"].as_str()), (Some("withdrawn"), Some("")), "{queue}");
    assert_eq!(queue[0]["documents"], json!([]));
    let counted = app.count("SELECT COUNT(*) FROM service_records WHERE category = 'referral_legal_aid'").await;
    assert_eq!(counted, 1, "the figures keep the referral");
    let told = format!("SELECT COUNT(*) FROM webhook_deliveries WHERE event_id = 'referral-{id}-withdrawn'");
    assert_eq!(app.count(&told).await, 1, "the partner hears it was withdrawn");
}
