//! One pass over one database: the release server started on it in-process, then every load in
//! turn — `/healthz` and availability at 32 and 128 clients, the other hot paths at 32, bookings
//! at 32 and 128 — and the district put back as it was.

use crate::district;
use crate::drive::{percentile, rate, run, Load, Outcome, Target};
use crate::hot_paths::{self, HotPath};
use async_trait::async_trait;
use server::config::Config;
use server::sms::SmsSender;
use server::startup::Application;
use server::store::{now_ms, Store};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use std::time::Instant;

/// Discards messages: the benchmark measures booking, not logging.
struct Discard;

#[async_trait]
impl SmsSender for Discard {
    async fn send(&self, _: &server::sms::Outgoing) -> Result<Option<String>, server::sms::SendError> {
        Ok(None)
    }
}

/// A database to measure: the demo district, with a history of some scale added once (kept
/// databases keep theirs) if asked.
pub struct Database {
    pub name: String,
    pub url: String,
    pub history: Option<f64>,
}

/// One load's figures.
pub struct Measured {
    pub load: &'static str,
    pub clients: usize,
    pub rate: f64,
    pub p99: f64,
}

/// What one pass measured.
pub struct Pass {
    pub label: String,
    pub history: bool,
    pub loads: Vec<Measured>,
    /// The process's resident memory once the server was up, before the first request.
    pub idle_mb: u64,
    pub note: String,
}

impl Pass {
    fn of(&self, load: &str, clients: usize) -> Option<&Measured> {
        self.loads.iter().find(|m| m.load == load && m.clients == clients)
    }

    pub fn rate(&self, load: &str, clients: usize) -> Option<f64> {
        self.of(load, clients).map(|m| m.rate)
    }

    pub fn p99(&self, load: &str, clients: usize) -> Option<f64> {
        self.of(load, clients).map(|m| m.p99)
    }
}

/// The Markdown table's header; [`measure`] prints its rows as it goes.
pub const HEADER: &str =
    "| database | load | clients | req/s | p50 ms | p99 ms | ok | conflict | errors | vs healthz |\n\
                          |---|---|---:|---:|---:|---:|---:|---:|---:|---:|";

async fn start(url: &str) -> Result<(String, Store), Box<dyn std::error::Error>> {
    let mut config = Config::from_lookup(|key| match key {
        "BIND_ADDR" => Some("127.0.0.1:0".into()),
        "DEMO" => Some("1".into()),
        "SITE_DIR" => Some("/nonexistent".into()),
        "DB_MAX_CONNECTIONS" => std::env::var("DB_MAX_CONNECTIONS").ok(),
        _ => None,
    })?;
    config.database_url = url.to_owned();
    let app = Application::build_with_sender(config, Arc::new(Discard)).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    let store = app.state().store.clone();
    tokio::spawn(app.run_until_stopped());
    Ok((base, store))
}

/// Adds the history once: a kept database that has it is measured as it is.
async fn with_history(store: &Store, scale: f64) -> Result<String, Box<dyn std::error::Error>> {
    let present: i64 =
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM users WHERE {}", server::generate::RESIDENTS_ADDED))
            .fetch_one(&store.pool)
            .await?;
    if present > 0 {
        return Ok(format!("; its history was there ({present} residents)"));
    }
    let started = Instant::now();
    let [residents, bookings, questions, services] = server::generate::history(store, scale).await?;
    Ok(format!(
        "; history of {residents} residents, {bookings} bookings, {questions} questions, {services} services added in {:.0} s",
        started.elapsed().as_secs_f64()
    ))
}

/// Measures every load on `database` (or those `only` names, comma-separated, and `/healthz`)
/// for `seconds` each, printing a row per load.
pub async fn measure(
    database: &Database,
    label: String,
    seconds: u64,
    only: Option<&str>,
) -> Result<Pass, Box<dyn std::error::Error>> {
    let asked = |name: &str| name == "healthz" || only.is_none_or(|o| o.split(',').any(|n| n.trim() == name));
    let (base, store) = start(&database.url).await?;
    district::restore(&store).await?;
    let mut note = String::new();
    if let Some(scale) = database.history {
        note = with_history(&store, scale).await?;
    }
    let (tokens, communities) = district::residents(&store).await?;
    let lawyers = hot_paths::lawyers(&store).await?;
    let idle_mb = crate::memory_mb("VmRSS:");
    let client = reqwest::Client::builder().pool_max_idle_per_host(256).build()?;
    let target = Arc::new(Target {
        base,
        client,
        tokens,
        lawyers,
        communities,
        slots: std::sync::OnceLock::new(),
        next_resident: AtomicUsize::new(0),
    });
    let mut pass = Pass { label, history: database.history.is_some(), loads: Vec::new(), idle_mb, note };
    let mut drive = async |load: Load, name: &'static str, clients: usize| {
        if !asked(name) {
            return;
        }
        let outcome = run(target.clone(), load, clients, seconds).await;
        let ceiling = pass.rate("healthz", clients).unwrap_or_else(|| rate(&outcome));
        println!("{}", row(&pass.label, name, clients, &outcome, ceiling));
        pass.loads.push(Measured {
            load: name,
            clients,
            rate: rate(&outcome),
            p99: percentile(&outcome.latencies_us, 0.99),
        });
    };
    for clients in [32, 128] {
        drive(Load::Health, "healthz", clients).await;
        drive(Load::Availability, "availability", clients).await;
    }
    for path in HotPath::ALL {
        drive(Load::Hot(path), path.label(), 32).await;
    }
    if !asked("book") {
        pass.note = format!("{}: no bookings asked for{}", pass.label, pass.note);
        return Ok(pass);
    }
    let since = now_ms();
    let _ = target.slots.set(district::open_for_booking(&store).await?);
    for clients in [32, 128] {
        drive(Load::Book, "book", clients).await;
    }
    let (live, doubles) = district::bookings_made(&store, since).await?;
    district::restore(&store).await?;
    pass.note = format!("{}: {live} bookings made, {doubles} double bookings{}", pass.label, pass.note);
    Ok(pass)
}

/// One line of the Markdown table.
fn row(label: &str, load: &str, clients: usize, o: &Outcome, ceiling: f64) -> String {
    format!(
        "| {label} | {load} | {clients} | {:.0} | {:.2} | {:.2} | {} | {} | {} | {:.1} % |",
        rate(o),
        percentile(&o.latencies_us, 0.5),
        percentile(&o.latencies_us, 0.99),
        o.ok,
        o.conflicts,
        o.errors,
        100.0 * rate(o) / ceiling
    )
}
