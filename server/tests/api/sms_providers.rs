//! Every kind of message through each approved-template provider (a local fake that checks what
//! the real one checks), on both databases: signatures checked, each provider's refusals retried
//! or given up as classified, the provider's id kept, nothing sent twice.

use crate::helpers::fresh_store;
use crate::sms_fakes::{self, template_id, Fake, SECRET};
use app::i18n::Lang;
use server::sms::aliyun::AliyunSender;
use server::sms::tencent::TencentSender;
use server::sms::{Message, Outbox, SmsSender, Template};
use server::store::Store;
use std::time::Duration;

/// A message of each kind, its parameters filled with recognisable values.
fn every_kind() -> Vec<Message> {
    Template::ALL
        .iter()
        .map(|t| {
            let values: Vec<(String, String)> =
                t.params().iter().map(|p| ((*p).to_owned(), format!("{p}-{}", t.key()))).collect();
            let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            Message::new(*t, Lang::Zh, &pairs)
        })
        .collect()
}

async fn queue(store: &Store, to: &str, messages: &[Message]) {
    let mut tx = store.writer().begin().await.expect("tx");
    for message in messages {
        Outbox::enqueue(&mut tx, to, message).await.expect("enqueue");
    }
    tx.commit().await.expect("commit");
}

/// (attempts, sent, failed, provider id, last error) of the only (or last) message.
async fn last_row(store: &Store) -> (i64, bool, bool, Option<String>, Option<String>) {
    let row: (i64, Option<i64>, Option<i64>, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT attempts, sent_at, failed_at, provider_id, last_error FROM outbox ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&store.pool)
    .await
    .expect("row");
    (row.0, row.1.is_some(), row.2.is_some(), row.3, row.4)
}

async fn make_due(store: &Store) {
    sqlx::query("UPDATE outbox SET next_attempt_at = 0").execute(store.writer()).await.expect("due");
}

async fn every_kind_goes_through(fake: &Fake, sender: &dyn SmsSender) {
    let (store, _dir) = fresh_store().await;
    let kinds = every_kind();
    queue(&store, "13912340000", &kinds).await;
    let outbox = Outbox::new(store.clone());
    assert_eq!(outbox.deliver_due(sender).await.expect("pass"), kinds.len());
    let accepted = fake.accepted();
    assert_eq!(accepted.len(), kinds.len());
    for (message, got) in kinds.iter().zip(&accepted) {
        assert_eq!(got.template, template_id(message.template));
        assert_eq!(got.to, "13912340000");
        let mut expected: Vec<(String, String)> = message.params.clone().into_iter().collect();
        let mut params = got.params.clone();
        expected.sort();
        params.sort();
        assert_eq!(params, expected, "{}", message.template.key());
    }
    let ids: Vec<Option<String>> =
        sqlx::query_scalar("SELECT provider_id FROM outbox ORDER BY id").fetch_all(&store.pool).await.expect("ids");
    assert!(ids.iter().all(Option::is_some), "{ids:?}");
    // The outbox id goes with each, for receipts; a second pass sends nothing again.
    let first: i64 = sqlx::query_scalar("SELECT MIN(id) FROM outbox").fetch_one(&store.pool).await.expect("id");
    assert_eq!(accepted[0].out_id, first.to_string());
    assert_eq!(outbox.deliver_due(sender).await.expect("pass"), 0);
    assert_eq!(fake.accepted().len(), kinds.len());
}

#[tokio::test]
async fn every_kind_of_message_goes_out_through_alibaba_cloud() {
    let fake = sms_fakes::aliyun().await;
    let sender = AliyunSender::new(fake.provider(SECRET), reqwest::Client::new());
    every_kind_goes_through(&fake, &sender).await;
}

#[tokio::test]
async fn every_kind_of_message_goes_out_through_tencent_cloud() {
    let fake = sms_fakes::tencent().await;
    let sender = TencentSender::new(fake.provider(SECRET), reqwest::Client::new());
    every_kind_goes_through(&fake, &sender).await;
}

/// Sends one sign-in code after the fake is told to refuse with `code`; answers the row.
async fn refused_with(
    fake: &Fake,
    sender: &dyn SmsSender,
    code: &str,
    to: &str,
) -> (Store, (i64, bool, bool, Option<String>, Option<String>)) {
    let (store, _dir) = fresh_store().await;
    queue(&store, to, &[Message::new(Template::Code, Lang::Zh, &[("code", "246810")])]).await;
    if !code.is_empty() {
        fake.fail_next(code);
    }
    assert_eq!(Outbox::new(store.clone()).deliver_due(sender).await.expect("pass"), 0);
    let row = last_row(&store).await;
    (store, row)
}

#[tokio::test]
async fn alibaba_clouds_refusals_are_retried_or_given_up_as_they_mean() {
    let fake = sms_fakes::aliyun().await;
    let sender = AliyunSender::new(fake.provider(SECRET), reqwest::Client::new());

    // Rate-limited: kept, retried later, then sent once.
    let (store, (attempts, sent, failed, _, error)) =
        refused_with(&fake, &sender, "isv.BUSINESS_LIMIT_CONTROL", "13912340001").await;
    assert_eq!((attempts, sent, failed), (1, false, false));
    assert!(error.is_some_and(|e| e.starts_with("retry: isv.BUSINESS_LIMIT_CONTROL")));
    make_due(&store).await;
    assert_eq!(Outbox::new(store.clone()).deliver_due(&sender).await.expect("pass"), 1);

    // A number the provider cannot reach, and a template it refuses: given up at once.
    let (store, (attempts, sent, failed, _, error)) = refused_with(&fake, &sender, "", "23912340002").await;
    assert_eq!((attempts, sent, failed), (server::sms::MAX_ATTEMPTS, false, true));
    assert!(error.is_some_and(|e| e.starts_with("wrong_number: isv.MOBILE_NUMBER_ILLEGAL")));
    make_due(&store).await;
    assert_eq!(Outbox::new(store.clone()).deliver_due(&sender).await.expect("pass"), 0, "never tried again");
    let (_, (_, _, failed, _, error)) = refused_with(&fake, &sender, "isv.SMS_TEMPLATE_ILLEGAL", "13912340003").await;
    assert!(failed && error.is_some_and(|e| e.starts_with("give_up:")));

    // A wrong secret fails the signature: given up, and the fake accepted nothing of it.
    let before = fake.accepted().len();
    let wrong = AliyunSender::new(fake.provider("not-the-secret"), reqwest::Client::new());
    let (_, (_, _, failed, _, error)) = refused_with(&fake, &wrong, "", "13912340004").await;
    assert!(failed && error.is_some_and(|e| e.contains("SignatureDoesNotMatch")));
    assert_eq!(fake.accepted().len(), before);
}

#[tokio::test]
async fn tencent_clouds_refusals_are_retried_or_given_up_as_they_mean() {
    let fake = sms_fakes::tencent().await;
    let sender = TencentSender::new(fake.provider(SECRET), reqwest::Client::new());
    let (_, (attempts, _, failed, _, error)) =
        refused_with(&fake, &sender, "LimitExceeded.PhoneNumberThirtySecondLimit", "13912340005").await;
    assert_eq!((attempts, failed), (1, false));
    assert!(error.is_some_and(|e| e.starts_with("retry:")));
    let (_, (_, _, failed, _, error)) = refused_with(&fake, &sender, "", "2391234000").await;
    assert!(failed && error.is_some_and(|e| e.starts_with("wrong_number: InvalidParameterValue.IncorrectPhoneNumber")));
    let (_, (_, _, failed, _, error)) =
        refused_with(&fake, &sender, "FailedOperation.TemplateIncorrectOrUnapproved", "13912340006").await;
    assert!(failed && error.is_some_and(|e| e.starts_with("give_up:")));
    let wrong = TencentSender::new(fake.provider("not-the-secret"), reqwest::Client::new());
    let (_, (_, _, failed, _, error)) = refused_with(&fake, &wrong, "", "13912340007").await;
    assert!(failed && error.is_some_and(|e| e.contains("AuthFailure.SignatureFailure")));
}

#[tokio::test]
async fn a_provider_that_answers_too_late_costs_one_attempt_and_the_message_goes_later() {
    let fake = sms_fakes::aliyun().await;
    *fake.delay.lock().expect("delay") = Duration::from_millis(800);
    let client = reqwest::Client::builder().timeout(Duration::from_millis(200)).build().expect("client");
    let sender = AliyunSender::new(fake.provider(SECRET), client);
    let (store, (attempts, sent, failed, _, error)) = refused_with(&fake, &sender, "", "13912340008").await;
    assert_eq!((attempts, sent, failed), (1, false, false));
    assert!(error.is_some_and(|e| e.starts_with("retry: unreachable")));
    *fake.delay.lock().expect("delay") = Duration::ZERO;
    make_due(&store).await;
    assert_eq!(Outbox::new(store.clone()).deliver_due(&sender).await.expect("pass"), 1);
}

#[tokio::test]
async fn a_template_the_district_has_not_configured_is_given_up_and_named() {
    let fake = sms_fakes::aliyun().await;
    let mut provider = fake.provider(SECRET);
    provider.templates.remove("reminder");
    let sender = AliyunSender::new(provider, reqwest::Client::new());
    let (store, _dir) = fresh_store().await;
    let reminder = Message::new(Template::Reminder, Lang::Zh, &[("when", "明天"), ("place", "社区"), ("code", "K7")]);
    queue(&store, "13912340009", &[reminder]).await;
    assert_eq!(Outbox::new(store.clone()).deliver_due(&sender).await.expect("pass"), 0);
    let (_, _, failed, _, error) = last_row(&store).await;
    assert!(failed && error.is_some_and(|e| e.contains("SMS_TEMPLATE_REMINDER")));
}

#[tokio::test]
async fn a_resident_signs_in_with_the_code_the_provider_delivered() {
    let fake = sms_fakes::tencent().await;
    let sender = std::sync::Arc::new(TencentSender::new(fake.provider(SECRET), reqwest::Client::new()));
    let app = crate::helpers::spawn_app_sending(sender, |_| {}).await;
    let (status, _) = app.post("auth/send-code", serde_json::json!({ "phone": "139 1234 0010" })).await;
    assert_eq!(status, reqwest::StatusCode::OK);
    let mut code = None;
    for _ in 0..100 {
        code = fake.accepted().into_iter().find(|a| a.to == "13912340010").map(|a| a.params[0].1.clone());
        if code.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let code = code.expect("the provider was asked to send the code");
    assert_eq!(fake.accepted()[0].template, template_id(Template::Code));
    let (status, body) =
        app.post("auth/sign-in-code", serde_json::json!({ "phone": "13912340010", "code": code })).await;
    assert_eq!(status, reqwest::StatusCode::OK, "{body}");
}
