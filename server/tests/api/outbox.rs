use crate::helpers::{fresh_store, spawn_app, CapturedSms};
use app::i18n::Lang;
use async_trait::async_trait;
use server::sms::{Message, Outbox, Outgoing, SendError, SmsSender, Template};

struct Down;

#[async_trait]
impl SmsSender for Down {
    async fn send(&self, _: &Outgoing) -> Result<Option<String>, SendError> {
        Err(SendError::retry("gateway down"))
    }
}

/// A sign-in code, as the outbox carries one.
pub fn code(digits: &str) -> Message {
    Message::new(Template::Code, Lang::Zh, &[("code", digits)])
}

#[tokio::test]
async fn a_message_the_gateway_refuses_stays_queued_with_its_error_and_backs_off() {
    let (store, dir) = fresh_store().await;
    let mut tx = store.writer().begin().await.expect("tx");
    Outbox::enqueue(&mut tx, "13812345678", &code("123456")).await.expect("enqueue");
    tx.commit().await.expect("commit");

    let outbox = Outbox::new(store.clone());
    assert_eq!(outbox.deliver_due(&Down).await.expect("pass"), 0);
    let (attempts, sent_at, error): (i64, Option<i64>, Option<String>) =
        sqlx::query_as("SELECT attempts, sent_at, last_error FROM outbox").fetch_one(&store.pool).await.expect("row");
    assert_eq!((attempts, sent_at, error.as_deref()), (1, None, Some("retry: gateway down")));

    // Backed off: an immediate second pass does not even try.
    let captured = CapturedSms::default();
    assert_eq!(outbox.deliver_due(&captured).await.expect("pass"), 0);
    // Once due again, it goes out.
    sqlx::query("UPDATE outbox SET next_attempt_at = 0").execute(store.writer()).await.expect("make due");
    assert_eq!(outbox.deliver_due(&captured).await.expect("pass"), 1);
    assert_eq!(captured.0.lock().expect("log").len(), 1);
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[tokio::test]
async fn a_message_is_delivered_once_even_with_two_workers() {
    let app = spawn_app().await;
    let mut tx = app.store.writer().begin().await.expect("tx");
    Outbox::enqueue(&mut tx, "13700000000", &code("654321")).await.expect("enqueue");
    tx.commit().await.expect("commit");
    let first = Outbox::new(app.store.clone());
    let second = Outbox::new(app.store.clone());
    let (a, b) = tokio::join!(first.deliver_due(app.sms.as_ref()), second.deliver_due(app.sms.as_ref()));
    let _ = (a.expect("first"), b.expect("second"));
    // Give the app's own worker time to (not) send it again.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.sms_count("13700000000"), 1);
}

#[tokio::test]
async fn a_gateway_that_hangs_costs_one_attempt_and_loses_nothing() {
    // A gateway that accepts connections and never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}/send", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let (store, dir) = fresh_store().await;
    let mut tx = store.writer().begin().await.expect("tx");
    Outbox::enqueue(&mut tx, "13812345678", &code("123456")).await.expect("enqueue");
    tx.commit().await.expect("commit");

    let hanging = server::sms::HttpSender::new(&url, "secret".to_owned().into(), std::time::Duration::from_millis(300));
    let started = std::time::Instant::now();
    assert_eq!(Outbox::new(store.clone()).deliver_due(&hanging).await.expect("pass"), 0);
    assert!(started.elapsed() < std::time::Duration::from_secs(3), "waited {:?}", started.elapsed());
    let (attempts, sent_at, error, next): (i64, Option<i64>, Option<String>, i64) =
        sqlx::query_as("SELECT attempts, sent_at, last_error, next_attempt_at FROM outbox")
            .fetch_one(&store.pool)
            .await
            .expect("row");
    assert_eq!((attempts, sent_at), (1, None), "still queued after one attempt");
    assert!(error.is_some_and(|e| e.contains("gateway unreachable")));
    assert!(next > server::store::now_ms() + 20_000, "retried later, not at once");
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}
