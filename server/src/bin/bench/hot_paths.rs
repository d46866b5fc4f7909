//! The residents' and lawyers' everyday requests besides availability and booking: my bookings,
//! my questions, the desk's bookings from today, the question queue and the month page. Signed-in
//! sessions are made directly in the database, as the benchmark's residents are.

use server::store::{now_ms, Store};

/// A request a signed-in user makes over and over.
#[derive(Clone, Copy)]
pub enum HotPath {
    MyBookings,
    MyQuestions,
    DeskToday,
    QuestionQueue,
    MonthPage,
}

impl HotPath {
    pub const ALL: [HotPath; 5] =
        [HotPath::MyBookings, HotPath::MyQuestions, HotPath::DeskToday, HotPath::QuestionQueue, HotPath::MonthPage];

    pub fn label(self) -> &'static str {
        match self {
            HotPath::MyBookings => "my bookings",
            HotPath::MyQuestions => "my questions",
            HotPath::DeskToday => "desk from today",
            HotPath::QuestionQueue => "question queue",
            HotPath::MonthPage => "month page",
        }
    }

    /// Whether a lawyer makes it (else a resident).
    pub fn by_lawyer(self) -> bool {
        matches!(self, HotPath::DeskToday | HotPath::QuestionQueue | HotPath::MonthPage)
    }

    /// The endpoint and body, for the lawyer `lawyer_id` where it names one.
    pub fn request(self, lawyer_id: i64) -> (&'static str, serde_json::Value) {
        let month = app::time::Instant(now_ms()).to_shanghai().0;
        match self {
            HotPath::MyBookings => ("booking/mine", serde_json::json!({})),
            HotPath::MyQuestions => ("questions/mine", serde_json::json!({})),
            HotPath::DeskToday => ("desk/bookings", serde_json::json!({})),
            HotPath::QuestionQueue => ("questions/queue", serde_json::json!({})),
            HotPath::MonthPage => (
                "duty/month",
                serde_json::json!({ "lawyer_id": lawyer_id, "month": format!("{:04}-{:02}", month.year, month.month) }),
            ),
        }
    }
}

/// A session token for `user`.
pub async fn session(store: &Store, user: i64, tag: &str) -> Result<String, sqlx::Error> {
    let token = format!("bench-{tag}-{user}-{}", now_ms());
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, complete, created_at, expires_at) VALUES ($1, $2, 1, 0, $3)",
    )
    .bind(server::auth::sessions::hash_token(&token))
    .bind(user)
    .bind(now_ms() + 86_400_000)
    .execute(store.writer())
    .await?;
    Ok(token)
}

/// Sessions of the lawyers who have accounts and are a community's A lawyer: (token, lawyer).
pub async fn lawyers(store: &Store) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let accounts: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT DISTINCT l.user_id, l.id FROM lawyers l JOIN assignments a ON a.lawyer_id = l.id \
         WHERE a.role = 'a' AND a.ends_on IS NULL AND l.user_id IS NOT NULL ORDER BY l.id",
    )
    .fetch_all(&store.pool)
    .await?;
    let mut sessions = Vec::with_capacity(accounts.len());
    for (user, lawyer) in accounts {
        sessions.push((session(store, user, "lawyer").await?, lawyer));
    }
    Ok(sessions)
}

/// Residents a history added (numbers 196…), up to `n`: the benchmark signs them in, so that
/// their pages carry their years of bookings and questions.
pub async fn with_history(store: &Store, n: usize) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT id FROM users WHERE {} ORDER BY id LIMIT {n}",
        server::generate::RESIDENTS_ADDED
    ))
    .fetch_all(&store.pool)
    .await
}
