use async_trait::async_trait;
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::config::Config;
use server::sms::{Outgoing, SendError, SmsSender};
use server::startup::Application;
use server::store::Store;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Captures SMS messages instead of sending them.
#[derive(Default)]
pub struct CapturedSms(pub Mutex<Vec<(String, String)>>);

#[async_trait]
impl SmsSender for CapturedSms {
    async fn send(&self, message: &Outgoing) -> Result<Option<String>, SendError> {
        let mut log = self.0.lock().map_err(|e| SendError::give_up(e.to_string()))?;
        log.push((message.to.clone(), message.text.clone()));
        Ok(None)
    }
}

/// A running application and a browser-like client with a cookie jar.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub sms: Arc<CapturedSms>,
    pub store: Store,
    pub database_url: String,
    /// Uploads and the blob store, shared by every server of this app.
    pub files: server::files::FilesService,
    /// Where the SQLite file (if any) and the uploads live.
    pub data_dir: std::path::PathBuf,
    /// Removed when this app is dropped (only the first server of an app holds it).
    sqlite_dir: Option<std::path::PathBuf>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(dir) = &self.sqlite_dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn unique_name() -> String {
    format!("fai_test_{}_{}", std::process::id(), rand_suffix())
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    u64::from(nanos) * 1000 + NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Whether this run uses PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var("TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// A fresh database URL (a new PostgreSQL database, or a new SQLite file) and a fresh folder
/// for its data.
async fn fresh_database() -> (String, Option<std::path::PathBuf>) {
    let name = unique_name();
    let dir = std::env::temp_dir().join(&name);
    if on_postgres() {
        let admin =
            std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        sqlx::any::install_default_drivers();
        let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin)
            .await
            .expect("PostgreSQL reachable at TEST_POSTGRES_URL");
        sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("create test database");
        let base = admin.rsplit_once('/').map(|(base, _)| base.to_owned()).unwrap_or(admin);
        (format!("{base}/{name}"), Some(dir))
    } else {
        (format!("sqlite://{}?mode=rwc", dir.join("fai.db").display()), Some(dir))
    }
}

/// A migrated store on a fresh database, with no application running on it.
pub async fn fresh_store() -> (Store, Option<std::path::PathBuf>) {
    let (url, dir) = fresh_database().await;
    (Store::open(&url, Some(4)).await.expect("store opens"), dir)
}

/// Starts the application with the demo district on a fresh database.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the application after `adjust` has changed its configuration.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let (database_url, dir) = fresh_database().await;
    let data_dir = dir.clone().unwrap_or_else(std::env::temp_dir);
    start(database_url, data_dir, dir, adjust, None).await
}

/// Starts the application with the demo district, its messages going through `sender`, after
/// `adjust` has changed its configuration.
pub async fn spawn_app_sending(sender: Arc<dyn SmsSender>, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let (database_url, dir) = fresh_database().await;
    let data_dir = dir.clone().unwrap_or_else(std::env::temp_dir);
    start(database_url, data_dir, dir, adjust, Some(sender)).await
}

async fn start(
    database_url: String,
    data_dir: std::path::PathBuf,
    sqlite_dir: Option<std::path::PathBuf>,
    adjust: impl FnOnce(&mut Config),
    sender: Option<Arc<dyn SmsSender>>,
) -> TestApp {
    server::telemetry::init();
    let mut config = Config::from_lookup(|key| match key {
        "BIND_ADDR" => Some("127.0.0.1:0".into()),
        "DEMO" => Some("1".into()),
        "SITE_DIR" => Some(std::env::temp_dir().join("fai-no-site").display().to_string()),
        _ => None,
    })
    .expect("test config");
    config.database_url = database_url.clone();
    config.data_dir = data_dir.clone();
    // Messages go at any hour in tests; the quiet hours have their own.
    config.sms_quiet_hours = None;
    adjust(&mut config);
    let sms = Arc::new(CapturedSms::default());
    let sender = sender.unwrap_or_else(|| sms.clone());
    let app = Application::build_with_sender(config, sender).await.expect("application starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let store = app.state().store.clone();
    let files = app.state().files.clone();
    tokio::spawn(app.run_until_stopped());
    TestApp { address, client: new_client(), sms, store, database_url, files, data_dir, sqlite_dir }
}

impl TestApp {
    /// Another server on this one's database, as behind a load balancer.
    pub async fn another_server(&self, adjust: impl FnOnce(&mut Config)) -> TestApp {
        start(self.database_url.clone(), self.data_dir.clone(), None, adjust, None).await
    }
}

/// A client with its own cookie jar: another browser.
pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).build().expect("client")
}

pub const RESIDENT_PHONE: &str = "13812345678";

impl TestApp {
    /// POSTs JSON to `/api/{path}` with this app's client.
    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.post_with(&self.client, path, body).await
    }

    /// POSTs JSON to `/api/{path}` with `client`.
    pub async fn post_with(&self, client: &reqwest::Client, path: &str, body: Value) -> (StatusCode, Value) {
        let response = client.post(format!("{}/api/{path}", self.address)).json(&body).send().await.expect("request");
        read(response).await
    }

    /// POSTs a raw body with a content type.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> (StatusCode, Value) {
        let response = self
            .client
            .post(format!("{}/api/{path}", self.address))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request");
        read(response).await
    }

    /// The last SMS sent to `phone`, waiting for the outbox to deliver one.
    pub async fn last_sms(&self, phone: &str) -> String {
        self.wait_for_sms(phone, "", true).await
    }

    /// Waits for an SMS to `phone` that contains `needle`.
    pub async fn sms_containing(&self, phone: &str, needle: &str) -> String {
        self.wait_for_sms(phone, needle, false).await
    }

    async fn wait_for_sms(&self, phone: &str, needle: &str, latest: bool) -> String {
        for _ in 0..100 {
            let log = self.sms.0.lock().expect("sms log").clone();
            let mut matching = log.into_iter().filter(|(to, text)| to == phone && text.contains(needle));
            let found = if latest { matching.next_back() } else { matching.next() };
            if let Some((_, text)) = found {
                return text;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no SMS to {phone} containing {needle:?}");
    }

    /// How many SMS went to `phone`.
    pub fn sms_count(&self, phone: &str) -> usize {
        self.sms.0.lock().expect("sms log").iter().filter(|(to, _)| to == phone).count()
    }

    /// Requests a code and returns it as delivered by SMS.
    pub async fn request_code(&self, client: &reqwest::Client, phone: &str) -> String {
        let before = self.sms_count(phone);
        let (status, body) = self.post_with(client, "auth/send-code", json!({ "phone": phone })).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        self.code_after(phone, before).await
    }

    /// The code in the first SMS to `phone` after its `before`th, waiting for the outbox.
    pub async fn code_after(&self, phone: &str, before: usize) -> String {
        for _ in 0..100 {
            if self.sms_count(phone) > before {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        code_in(&self.last_sms(phone).await)
    }

    /// Signs a resident in on `client` and returns their account.
    pub async fn sign_in_resident(&self, client: &reqwest::Client, phone: &str) -> Value {
        let code = self.request_code(client, phone).await;
        let (status, me) = self.post_with(client, "auth/sign-in-code", json!({ "phone": phone, "code": code })).await;
        assert_eq!(status, StatusCode::OK, "{me}");
        me
    }

    /// Signs a password account in on `client`.
    pub async fn sign_in_password(&self, client: &reqwest::Client, login: &str) -> Value {
        let (status, body) = self
            .post_with(
                client,
                "auth/sign-in-password",
                json!({ "login": login, "password": server::demo::DEMO_PASSWORD }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    /// A single number from the store.
    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.store.pool).await.expect("count query")
    }
}

impl TestApp {
    /// A signed-in resident made directly in the store (no SMS round trip, no rate limit),
    /// for tests that need many residents.
    pub async fn resident(&self, phone: &str) -> reqwest::Client {
        let headers = self.resident_headers(phone).await;
        reqwest::Client::builder().default_headers(headers).build().expect("client")
    }

    /// The headers of a signed-in resident made directly in the store (see [`Self::resident`]),
    /// for a client built otherwise.
    pub async fn resident_headers(&self, phone: &str) -> reqwest::header::HeaderMap {
        let phone = app::domain::PhoneNumber::parse(phone).expect("valid phone");
        sqlx::query("INSERT INTO users (role, phone, display_name, created_at) VALUES ('resident', $1, $2, 0)")
            .bind(phone.as_str())
            .bind(phone.masked())
            .execute(self.store.writer())
            .await
            .expect("insert resident");
        let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE phone = $1")
            .bind(phone.as_str())
            .fetch_one(&self.store.pool)
            .await
            .expect("id");
        let (token, _) = server::auth::sessions::create(&self.store, id, true).await.expect("session");
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("cookie", format!("fai_session={token}").parse().expect("header"));
        headers
    }

    /// A community's id by name.
    pub async fn community(&self, name: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM communities WHERE name = $1")
            .bind(name)
            .fetch_one(&self.store.pool)
            .await
            .expect("community")
    }

    /// A street's id by name.
    pub async fn street(&self, name: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM streets WHERE name = $1")
            .bind(name)
            .fetch_one(&self.store.pool)
            .await
            .expect("street")
    }

    /// A password account signed in on a new client.
    pub async fn staff_client(&self, login: &str) -> reqwest::Client {
        let client = new_client();
        self.sign_in_password(&client, login).await;
        client
    }

    /// Opens an extra evening from 19:00 at `community_id`, `days_ahead` days from today, with its
    /// A lawyer, by phone, booked at once: `slots` slots of `minutes` minutes and `seats` seats.
    /// Returns the start of each slot.
    pub async fn extra_evening(
        &self,
        community_id: i64,
        days_ahead: i64,
        slots: u32,
        minutes: u32,
        seats: u32,
    ) -> Vec<i64> {
        let date = app::time::Instant(server::store::now_ms()).to_shanghai().0.plus_days(days_ahead);
        let lawyer: i64 = sqlx::query_scalar(
            "SELECT lawyer_id FROM assignments WHERE community_id = $1 AND role = 'a' AND ends_on IS NULL",
        )
        .bind(community_id)
        .fetch_one(&self.store.pool)
        .await
        .expect("A lawyer");
        let end = 19 * 60 + slots * minutes;
        let period = json!({ "lawyer_id": lawyer, "weekday": 1, "start": "19:00", "end": format!("{:02}:{:02}", end / 60, end % 60),
            "slot_minutes": minutes, "seats": seats, "channels": ["phone"], "instant": true });
        let staff = self.staff_client("staff").await;
        let (status, body) = self
            .post_with(
                &staff,
                "desk/add-exception",
                json!({ "community_id": community_id, "date": date.to_string(), "extra": period }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        (0..slots).map(|i| date.at_minute(19 * 60 + minutes * i).0).collect()
    }

    /// The slots of a community with a free seat, flattened, soonest first.
    pub async fn free_slots(&self, community_id: i64) -> Vec<Value> {
        let (status, availability) = self.post("booking/availability", json!({ "community_id": community_id })).await;
        assert_eq!(status, StatusCode::OK, "{availability}");
        availability["days"]
            .as_array()
            .expect("days")
            .iter()
            .flat_map(|d| d["slots"].as_array().cloned().unwrap_or_default())
            .filter(|s| s["seats_left"].as_u64().is_some_and(|n| n > 0))
            .collect()
    }
}

/// The six digits in an SMS text.
pub fn code_in(text: &str) -> String {
    text.as_bytes()
        .windows(6)
        .find(|w| w.iter().all(u8::is_ascii_digit))
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .expect("a six-digit code in the SMS")
}

pub(crate) async fn read(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let text = response.text().await.expect("body");
    let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, value)
}

impl TestApp {
    /// A signed-in resident of `community` (by name), and their account id.
    pub async fn resident_of(&self, phone: &str, community: &str) -> (reqwest::Client, i64) {
        let client = self.resident(phone).await;
        let id = self.community(community).await;
        let (status, me) = self.post_with(&client, "account/set-community", json!({ "community_id": id })).await;
        assert_eq!(status, StatusCode::OK, "{me}");
        (client, me["user_id"].as_i64().expect("user id"))
    }
}
