//! Board benchmark: how long the coverage board takes to read a year, a quarter, a month and a
//! week, for the whole programme and for one street, on PostgreSQL databases filled by
//! `server generate` — a district (130 communities) and a country (600 000 by default). Each
//! database is generated once and kept (`fai_bench_board_<communities>`); later runs reuse it.
//! Prints a Markdown table of medians and 90th percentiles over repeated reads.
//!
//!   cargo run --release -p server --bin bench-board -- [--national 600000] [--runs 15] [--postgres postgres://…/test]
//!
//! See docs/PERFORMANCE.md.

use server::generate::{generate, Size};
use server::store::Store;
use std::time::Instant;

/// The generated year, and the day the board is read on (after it, as staff would).
const YEAR: i32 = 2025;

/// The database of a programme of `communities`, generated unless already there.
async fn programme(admin_url: &str, communities: i64) -> Result<Store, Box<dyn std::error::Error>> {
    let name = format!("fai_bench_board_{communities}");
    let admin = Store::open(admin_url, Some(1)).await?;
    let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_one(&admin.pool)
        .await?;
    let url = match admin_url.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => return Err("--postgres must end in /DATABASE".into()),
    };
    if exists == 0 {
        sqlx::raw_sql(&format!("CREATE DATABASE {name}")).execute(&admin.pool).await?;
    }
    let store = Store::open(&url, Some(4)).await?;
    let streets: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets").fetch_one(&store.pool).await?;
    if streets == 0 {
        eprintln!("generating {communities} communities into {name} (kept for later runs)…");
        let started = Instant::now();
        let records = generate(&store, Size { communities, year: YEAR }).await?;
        eprintln!("  {records} records in {:.0} s", started.elapsed().as_secs_f64());
    }
    Ok(store)
}

/// Milliseconds of each of `runs` reads of the board, sorted, and how many communities it lists.
async fn time(
    store: &Store,
    street: Option<i64>,
    from: &str,
    to: &str,
    runs: usize,
) -> Result<(Vec<f64>, usize), Box<dyn std::error::Error>> {
    let date = |d: &str| app::time::LocalDate::parse(d).ok_or("date");
    let (from, to) = (date(from)?, date(to)?);
    let today = date(&format!("{}-01-10", YEAR + 1))?;
    let now = today.start().0;
    // One read first, to warm the caches as a board in use is.
    let listed = server::board::read(store, street, from, to, today, now).await?.communities.len();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let board = server::board::read(store, street, from, to, today, now).await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(board);
    }
    times.sort_by(f64::total_cmp);
    Ok((times, listed))
}

fn at(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let national: i64 = value("--national").and_then(|s| s.parse().ok()).unwrap_or(600_000);
    let runs: usize = value("--runs").and_then(|s| s.parse().ok()).unwrap_or(15);
    let admin_url = value("--postgres")
        .or_else(|| std::env::var("TEST_POSTGRES_URL").ok())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".into());

    println!("| programme | records | scope | period | median ms | p90 ms | communities listed |");
    println!("|---|---:|---|---|---:|---:|---:|");
    for communities in [130, national] {
        let store = programme(&admin_url, communities).await?;
        let records: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM duty_logs) + (SELECT COUNT(*) FROM service_records) \
             + (SELECT COUNT(*) FROM bookings) + (SELECT COUNT(*) FROM questions)",
        )
        .fetch_one(&store.pool)
        .await?;
        // The busiest street: the one a drill-down costs most on.
        let street: i64 = sqlx::query_scalar(
            "SELECT street_id FROM communities GROUP BY street_id ORDER BY COUNT(*) DESC, street_id LIMIT 1",
        )
        .fetch_one(&store.pool)
        .await?;
        let periods = [
            ("year", format!("{YEAR}-01-01"), format!("{YEAR}-12-31")),
            ("half-year", format!("{YEAR}-07-01"), format!("{YEAR}-12-31")),
            ("quarter", format!("{YEAR}-10-01"), format!("{YEAR}-12-31")),
            ("month", format!("{YEAR}-10-01"), format!("{YEAR}-10-31")),
            ("week", format!("{YEAR}-10-13"), format!("{YEAR}-10-19")),
            ("any 100 days", format!("{YEAR}-03-15"), format!("{YEAR}-06-22")),
        ];
        for (scope, street) in [("programme", None), ("one street", Some(street))] {
            for (label, from, to) in &periods {
                let (times, listed) = time(&store, street, from, to, runs).await?;
                println!(
                    "| {communities} communities | {records} | {scope} | {label} | {:.1} | {:.1} | {listed} |",
                    at(&times, 0.5),
                    at(&times, 0.9)
                );
            }
        }
    }
    Ok(())
}
