//! Delivery receipts pushed by the providers, the counts staff read, and the quiet hours.

use crate::helpers::{fresh_store, spawn_app_sending, TestApp};
use crate::sms_fakes::{self, SECRET};
use app::i18n::Lang;
use reqwest::StatusCode;
use serde_json::json;
use server::sms::aliyun::AliyunSender;
use server::sms::{Message, Outbox, Template};
use std::sync::Arc;

const TOKEN: &str = "receipts0123456789abcdef";

async fn hook(app: &TestApp, provider: &str, token: &str, body: serde_json::Value) -> StatusCode {
    let url = format!("{}/hooks/sms/{provider}/{token}", app.address);
    reqwest::Client::new().post(url).json(&body).send().await.expect("hook").status()
}

/// The provider's id of the sign-in code, once the outbox has sent it (waits up to 5 s).
async fn sent_through_provider(app: &TestApp) -> String {
    for _ in 0..100 {
        let id: Option<String> = sqlx::query_scalar("SELECT provider_id FROM outbox WHERE template = 'code'")
            .fetch_optional(&app.store.pool)
            .await
            .expect("row")
            .flatten();
        if let Some(id) = id {
            return id;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the code was not sent through the provider");
}

async fn delivery(app: &TestApp) -> (Option<i64>, Option<String>) {
    sqlx::query_as("SELECT delivered_at, undelivered FROM outbox WHERE template = 'code'")
        .fetch_one(&app.store.pool)
        .await
        .expect("row")
}

#[tokio::test]
async fn a_receipt_counts_once_for_the_message_and_number_it_names_and_staff_see_the_counts() {
    let fake = sms_fakes::aliyun().await;
    let sender = Arc::new(AliyunSender::new(fake.provider(SECRET), reqwest::Client::new()));
    let app = spawn_app_sending(sender, |config| config.sms_receipt_token = Some(TOKEN.into())).await;
    assert_eq!(app.post("auth/send-code", json!({ "phone": "13912345000" })).await.0, StatusCode::OK);
    let biz_id = sent_through_provider(&app).await;
    let report = |phone: &str, success: bool| {
        json!([{ "phone_number": phone, "send_time": "2026-12-04 09:29:58", "report_time": "2026-12-04 09:30:00",
                 "success": success, "err_code": if success { "DELIVERED" } else { "MK:0001" }, "err_msg": "", "sms_size": "1",
                 "biz_id": biz_id, "out_id": "1" }])
    };

    // Without the secret the hook does not exist; a receipt for another number changes nothing.
    assert_eq!(
        hook(&app, "aliyun", "receipts0123456789abcdeX", report("13912345000", true)).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(hook(&app, "aliyun", "short", report("13912345000", true)).await, StatusCode::NOT_FOUND);
    assert_eq!(hook(&app, "pigeon", TOKEN, report("13912345000", true)).await, StatusCode::NOT_FOUND);
    assert_eq!(hook(&app, "aliyun", TOKEN, report("13900000000", true)).await, StatusCode::OK);
    assert_eq!(hook(&app, "aliyun", TOKEN, json!({ "not": "a list" })).await, StatusCode::BAD_REQUEST);
    assert_eq!(delivery(&app).await, (None, None));

    assert_eq!(hook(&app, "aliyun", TOKEN, report("13912345000", true)).await, StatusCode::OK);
    let (delivered, undelivered) = delivery(&app).await;
    assert!(delivered.is_some() && undelivered.is_none());
    // A later, contrary receipt for the same message does not count.
    assert_eq!(hook(&app, "aliyun", TOKEN, report("13912345000", false)).await, StatusCode::OK);
    assert_eq!(delivery(&app).await, (delivered, None));

    let staff = app.staff_client("staff").await;
    let today = app::time::Instant(server::store::now_ms()).to_shanghai().0.to_string();
    let (status, counts) = app.post_with(&staff, "staff/messages", json!({ "from": today, "to": today })).await;
    assert_eq!(status, StatusCode::OK, "{counts}");
    let code = counts["kinds"].as_array().expect("kinds").iter().find(|k| k["kind"] == "code").cloned().expect("code");
    assert_eq!(
        (code["queued"].as_i64(), code["sent"].as_i64(), code["delivered"].as_i64()),
        (Some(1), Some(1), Some(1))
    );
    let (status, _) = app.post_with(&staff, "staff/messages", json!({ "from": today, "to": "2020-01-01" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = app.post_with(&staff, "staff/messages", json!({ "from": "2020-01-01", "to": today })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "more than a year");
    let street = app.staff_client("shajing").await;
    assert_eq!(
        app.post_with(&street, "staff/messages", json!({ "from": today, "to": today })).await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn tencents_undelivered_receipt_keeps_the_networks_reason() {
    let fake = sms_fakes::tencent().await;
    let sender = Arc::new(server::sms::tencent::TencentSender::new(fake.provider(SECRET), reqwest::Client::new()));
    let app = spawn_app_sending(sender, |config| config.sms_receipt_token = Some(TOKEN.into())).await;
    assert_eq!(app.post("auth/send-code", json!({ "phone": "13912345001" })).await.0, StatusCode::OK);
    assert_eq!(sent_through_provider(&app).await, "serial-1");
    let report = json!([{ "user_receive_time": "2026-12-04 09:30:00", "nationcode": "86", "mobile": "13912345001",
                          "report_status": "FAIL", "errmsg": "MK:0005", "description": "关机", "sid": "serial-1" }]);
    assert_eq!(hook(&app, "tencent", TOKEN, report).await, StatusCode::OK);
    assert_eq!(delivery(&app).await, (None, Some("MK:0005 关机".to_owned())));
}

#[tokio::test]
async fn at_night_only_urgent_messages_go_and_the_rest_wait_for_the_morning() {
    let (store, _dir) = fresh_store().await;
    let mut tx = store.writer().begin().await.expect("tx");
    let article =
        Message::new(Template::Article, Lang::Zh, &[("title", "租房押金"), ("link", "https://fai.example/articles/1")]);
    Outbox::enqueue(&mut tx, "13912345002", &article).await.expect("article");
    Outbox::enqueue(&mut tx, "13912345002", &Message::new(Template::Code, Lang::Zh, &[("code", "135790")]))
        .await
        .expect("code");
    tx.commit().await.expect("commit");
    let captured = crate::helpers::CapturedSms::default();
    // Quiet all day: the code goes, the article waits.
    let night = Outbox::new(store.clone()).quiet_during(Some((0, 24)));
    assert_eq!(night.deliver_due(&captured).await.expect("pass"), 1);
    assert!(captured.0.lock().expect("log")[0].1.contains("135790"));
    // Outside the quiet hours it goes.
    let day = Outbox::new(store.clone()).quiet_during(Some((3, 3 + 1)));
    let expected = usize::from(!server::sms::template::quiet_at(server::store::now_ms(), (3, 4)));
    assert_eq!(day.deliver_due(&captured).await.expect("pass"), expected);
    assert_eq!(Outbox::new(store.clone()).deliver_due(&captured).await.expect("pass"), 1 - expected);
}
