//! Load benchmark: availability look-ups and bookings against the real application on loopback,
//! at 32 and 128 concurrent clients, and the other hot paths (my bookings, my questions, the
//! desk, the question queue, the month page) at 32, on SQLite and on PostgreSQL, beside the rate
//! of `/healthz` (the HTTP stack's own ceiling) measured in the same run. Look-ups read the demo
//! district as it is; bookings then go to an open schedule with seats to spare. Ends by counting
//! double bookings. Prints a Markdown table.
//!
//! With `--history SCALE`, each database is measured twice: the demo district, then the demo
//! district with ten years of history added (`server generate-history`: SCALE on PostgreSQL, a
//! tenth of it on SQLite), its residents signed in with their own past bookings and questions.
//!
//!   cargo run --release -p server --bin bench -- [--seconds 5] [--history 1] [--postgres postgres://…] [--no-postgres]
//!
//! See docs/PERFORMANCE.md.

mod hot_paths;

use async_trait::async_trait;
use hot_paths::HotPath;
use server::config::Config;
use server::sms::SmsSender;
use server::startup::Application;
use server::store::{now_ms, Store};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Discards messages: the benchmark measures booking, not logging.
struct Discard;

#[async_trait]
impl SmsSender for Discard {
    async fn send(&self, _: &server::sms::Outgoing) -> Result<Option<String>, server::sms::SendError> {
        Ok(None)
    }
}

const RESIDENTS: usize = 10_000;
const SEATS: i64 = 20;
/// Days of bookable slots, from tomorrow.
const BOOKING_DAYS: i64 = 3;

struct Target {
    base: String,
    client: reqwest::Client,
    tokens: Vec<String>,
    /// Lawyers' sessions and who they are.
    lawyers: Vec<(String, i64)>,
    communities: Vec<i64>,
    /// Slot starts every resident can book (set before the booking phase): contention is real,
    /// seats are limited.
    slots: std::sync::OnceLock<Vec<i64>>,
    next_resident: AtomicUsize,
    store: Store,
}

#[derive(Clone, Copy)]
enum Load {
    Health,
    Availability,
    Book,
    Hot(HotPath),
}

struct Outcome {
    ok: usize,
    conflicts: usize,
    errors: usize,
    latencies_us: Vec<u64>,
    seconds: f64,
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

async fn one(target: &Target, load: Load, n: u64) -> Result<reqwest::StatusCode, reqwest::Error> {
    let pick = |len: usize| (n.wrapping_mul(2_654_435_761) % len as u64) as usize;
    let response = match load {
        Load::Health => target.client.get(format!("{}/healthz", target.base)).send().await?,
        Load::Availability => {
            let community = target.communities[pick(target.communities.len())];
            target
                .client
                .post(format!("{}/api/booking/availability", target.base))
                .json(&serde_json::json!({ "community_id": community }))
                .send()
                .await?
        }
        Load::Book => {
            // Each resident books up to three times (the per-resident cap).
            let resident = target.next_resident.fetch_add(1, Ordering::Relaxed) / 3 % target.tokens.len();
            let community = target.communities[pick(target.communities.len())];
            let slots = target.slots.get().expect("booking phase");
            let slot = slots[pick(slots.len())];
            target
                .client
                .post(format!("{}/api/booking/book", target.base))
                .header("cookie", format!("fai_session={}", target.tokens[resident]))
                .json(&serde_json::json!({ "community_id": community, "slot_start": slot, "channel": "phone", "topic": "other", "description": "benchmark" }))
                .send()
                .await?
        }
        Load::Hot(path) => {
            let (token, lawyer) = if path.by_lawyer() {
                target.lawyers[pick(target.lawyers.len())].clone()
            } else {
                (target.tokens[pick(target.tokens.len())].clone(), 0)
            };
            let (endpoint, body) = path.request(lawyer);
            target
                .client
                .post(format!("{}/api/{endpoint}", target.base))
                .header("cookie", format!("fai_session={token}"))
                .json(&body)
                .send()
                .await?
        }
    };
    let status = response.status();
    let _ = response.bytes().await?;
    Ok(status)
}

async fn run(target: Arc<Target>, load: Load, clients: usize, seconds: u64) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for c in 0..clients {
        let target = target.clone();
        tasks.spawn(async move {
            let (mut ok, mut conflicts, mut errors, mut latencies) = (0, 0, 0, Vec::new());
            let mut n = c as u64 * 1_000_003;
            while Instant::now() < deadline {
                n += 1;
                let t = Instant::now();
                match one(&target, load, n).await {
                    Ok(s) if s.is_success() => ok += 1,
                    Ok(s) if s == reqwest::StatusCode::CONFLICT => conflicts += 1,
                    _ => errors += 1,
                }
                latencies.push(t.elapsed().as_micros() as u64);
            }
            (ok, conflicts, errors, latencies)
        });
    }
    let mut outcome = Outcome { ok: 0, conflicts: 0, errors: 0, latencies_us: Vec::new(), seconds: 0.0 };
    while let Some(Ok((ok, conflicts, errors, latencies))) = tasks.join_next().await {
        outcome.ok += ok;
        outcome.conflicts += conflicts;
        outcome.errors += errors;
        outcome.latencies_us.extend(latencies);
    }
    outcome.seconds = started.elapsed().as_secs_f64();
    outcome.latencies_us.sort_unstable();
    outcome
}

/// Signs residents in — those a history added, or new ones — and returns their session tokens
/// and the district's communities.
async fn residents(store: &Store) -> Result<(Vec<String>, Vec<i64>), Box<dyn std::error::Error>> {
    let communities: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM communities ORDER BY id").fetch_all(&store.pool).await?;
    let mut ids = hot_paths::with_history(store, RESIDENTS).await?;
    if ids.is_empty() {
        let mut tx = store.writer().begin().await?;
        for i in 0..RESIDENTS {
            let id: i64 = sqlx::query_scalar("INSERT INTO users (role, phone, display_name, created_at) VALUES ('resident', $1, 'bench', 0) RETURNING id")
                .bind(format!("135{i:08}"))
                .fetch_one(&mut *tx)
                .await?;
            ids.push(id);
        }
        tx.commit().await?;
    }
    let mut tokens = Vec::with_capacity(ids.len());
    for id in ids {
        tokens.push(hot_paths::session(store, id, "resident").await?);
    }
    Ok((tokens, communities))
}

/// Opens every community every day, 08:00–18:00, in 10-minute slots of 20 seats, and returns the
/// slot starts of the next few days: bookings compete for seats that exist.
async fn open_for_booking(store: &Store) -> Result<Vec<i64>, Box<dyn std::error::Error>> {
    sqlx::query("DELETE FROM duty_schedules").execute(store.writer()).await?;
    let communities: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT community_id, lawyer_id FROM assignments WHERE role = 'a' AND ends_on IS NULL ORDER BY community_id",
    )
    .fetch_all(&store.pool)
    .await?;
    for (community, lawyer) in &communities {
        for weekday in 1..=7i64 {
            sqlx::query(
                "INSERT INTO duty_schedules (community_id, lawyer_id, weekday, start_minute, end_minute, slot_minutes, seats, channels, instant, valid_from, created_at) \
                 VALUES ($1, $2, $3, 480, 1080, 10, $4, 'phone', 1, '2020-01-01', 0)",
            )
            .bind(community)
            .bind(lawyer)
            .bind(weekday)
            .bind(SEATS)
            .execute(store.writer())
            .await?;
        }
    }
    let tomorrow = app::time::Instant(now_ms()).to_shanghai().0.plus_days(1);
    Ok((0..BOOKING_DAYS)
        .flat_map(|d| (0..60).map(move |k| tomorrow.plus_days(d).at_minute(8 * 60 + 10 * k).0))
        .collect())
}

fn rate(o: &Outcome) -> f64 {
    o.latencies_us.len() as f64 / o.seconds
}

/// One line of the Markdown table.
fn row(backend: &str, load: &str, clients: usize, o: &Outcome, ceiling: f64) {
    println!(
        "| {backend} | {load} | {clients} | {:.0} | {:.2} | {:.2} | {} | {} | {} | {:.1} % |",
        rate(o),
        percentile(&o.latencies_us, 0.5),
        percentile(&o.latencies_us, 0.99),
        o.ok,
        o.conflicts,
        o.errors,
        100.0 * rate(o) / ceiling
    );
}

async fn double_bookings(store: &Store) -> Result<i64, sqlx::Error> {
    let over: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM (SELECT community_id, slot_start FROM bookings WHERE status NOT IN ('cancelled', 'declined') \
         GROUP BY community_id, slot_start HAVING COUNT(*) > {SEATS} OR MAX(seat) > {SEATS} OR COUNT(DISTINCT seat) < COUNT(*)) x"
    ))
    .fetch_one(&store.pool)
    .await?;
    let seatless: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE status IN ('pending', 'confirmed') AND seat IS NULL")
            .fetch_one(&store.pool)
            .await?;
    Ok(over + seatless)
}

/// Measures one backend, with a history of `history` added first if some; prints its rows and
/// returns its double-booking count as a line.
async fn bench_backend(
    name: &str,
    database_url: String,
    seconds: u64,
    history: Option<f64>,
) -> Result<String, Box<dyn std::error::Error>> {
    let mut config = Config::from_lookup(|key| match key {
        "BIND_ADDR" => Some("127.0.0.1:0".into()),
        "DEMO" => Some("1".into()),
        "SITE_DIR" => Some("/nonexistent".into()),
        "DB_MAX_CONNECTIONS" => std::env::var("DB_MAX_CONNECTIONS").ok(),
        _ => None,
    })?;
    config.database_url = database_url;
    let app = Application::build_with_sender(config, Arc::new(Discard)).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    let store = app.state().store.clone();
    tokio::spawn(app.run_until_stopped());
    let mut added = String::new();
    if let Some(scale) = history {
        let started = Instant::now();
        let [residents, bookings, questions, services] = server::generate::history(&store, scale).await?;
        added = format!(
            "; history of {residents} residents, {bookings} bookings, {questions} questions, {services} services added in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    let (tokens, communities) = residents(&store).await?;
    let lawyers = hot_paths::lawyers(&store).await?;
    let idle = memory_mb("VmRSS:");
    let client = reqwest::Client::builder().pool_max_idle_per_host(256).build()?;
    let target = Arc::new(Target {
        base,
        client,
        tokens,
        lawyers,
        communities,
        slots: std::sync::OnceLock::new(),
        next_resident: AtomicUsize::new(0),
        store: store.clone(),
    });

    let mut ceilings = Vec::new();
    for clients in [32, 128] {
        for (label, load) in [("healthz", Load::Health), ("availability", Load::Availability)] {
            let o = run(target.clone(), load, clients, seconds).await;
            if matches!(load, Load::Health) {
                ceilings.push((clients, rate(&o)));
            }
            row(name, label, clients, &o, ceilings.last().map_or(0.0, |c| c.1));
        }
    }
    let ceiling = ceilings.first().map_or(0.0, |c| c.1);
    for path in HotPath::ALL {
        let o = run(target.clone(), Load::Hot(path), 32, seconds).await;
        row(name, path.label(), 32, &o, ceiling);
    }
    let _ = target.slots.set(open_for_booking(&store).await?);
    for (clients, ceiling) in ceilings {
        let o = run(target.clone(), Load::Book, clients, seconds).await;
        row(name, "book", clients, &o, ceiling);
    }
    let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE status IN ('pending', 'confirmed')")
        .fetch_one(&target.store.pool)
        .await?;
    let doubles = double_bookings(&target.store).await?;
    Ok(format!(
        "{name}: {live} bookings made, {doubles} double bookings; {idle} MB resident before the first request{added}"
    ))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let seconds = value("--seconds").and_then(|s| s.parse().ok()).unwrap_or(5);
    println!(
        "{} cores; {seconds} s per measurement; server and clients share the machine",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("\n| backend | load | clients | req/s | p50 ms | p99 ms | ok | conflict | errors | vs healthz |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");

    let history: Option<f64> = value("--history").map(|s| s.parse()).transpose()?;
    // The demo district first, then (asked for) the same with its history: SQLite takes a tenth.
    let passes = [(None, None)].into_iter().chain(history.map(|scale| (Some(scale / 10.0), Some(scale))));
    let mut summary = Vec::new();
    for (k, (on_sqlite, on_postgres)) in passes.enumerate() {
        let with = |name: &str, scale: Option<f64>| scale.map_or(name.to_owned(), |s| format!("{name} + history ×{s}"));
        let dir = std::env::temp_dir().join(format!("fai-bench-{}-{k}", std::process::id()));
        let url = format!("sqlite://{}?mode=rwc", dir.join("bench.db").display());
        let sqlite = bench_backend(&with("SQLite (WAL)", on_sqlite), url, seconds, on_sqlite).await;
        let _ = std::fs::remove_dir_all(&dir);
        summary.push(sqlite?);
        if args.iter().any(|a| a == "--no-postgres") {
            summary.push("PostgreSQL: skipped (--no-postgres)".into());
        } else {
            summary
                .push(postgres(value("--postgres"), seconds, (&with("PostgreSQL", on_postgres), on_postgres)).await?);
        }
    }
    summary.push(format!(
        "Memory of the whole process (server and clients, both phases): {} MB now, peak {} MB",
        memory_mb("VmRSS:"),
        memory_mb("VmHWM:")
    ));
    println!();
    for line in summary {
        println!("{line}");
    }
    Ok(())
}

/// A size from this process's `/proc/self/status` line `key` (Linux), in MB; 0 elsewhere.
fn memory_mb(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix(key)?.trim().strip_suffix("kB")?.trim().parse::<u64>().ok());
    kb.unwrap_or(0) / 1024
}

/// Measures a fresh database on the PostgreSQL server at `admin` (dropped afterwards).
async fn postgres(
    admin: Option<String>,
    seconds: u64,
    (label, history): (&str, Option<f64>),
) -> Result<String, Box<dyn std::error::Error>> {
    let admin = admin.unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".into());
    sqlx::any::install_default_drivers();
    match <sqlx::AnyConnection as sqlx::Connection>::connect(&admin).await {
        Ok(mut conn) => {
            let name = format!("fai_bench_{}", std::process::id());
            sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str()).await?;
            let base = admin.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin.clone());
            let result = bench_backend(label, format!("{base}/{name}"), seconds, history).await;
            tokio::time::sleep(Duration::from_millis(200)).await;
            let _ = sqlx::Executor::execute(&mut conn, format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await;
            result
        }
        Err(error) => Ok(format!("PostgreSQL: NOT measured, {admin} unreachable: {error}")),
    }
}
