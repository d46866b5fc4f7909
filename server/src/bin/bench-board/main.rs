//! Board benchmark: how long the coverage board takes for every kind of period a user can choose
//! (a day to two years), for the whole programme and for one street, on PostgreSQL databases
//! filled by `server generate` — a district (130 communities) and a country (600 000 by default).
//! Each database is generated once and kept (`fai_bench_board_<communities>`); later runs reuse
//! it. Times the board's figures (`board::read`) and the whole answer staff get (`board::board`:
//! the district's staff for the programme, the street's own staff for one street). Prints a
//! Markdown table of medians and 90th percentiles over repeated reads, beside the median of
//! `/healthz` from a server started on the same database in the same run, and adds the whole
//! answers' medians to the table of `scripts/bench.sh`. First it checks that each street's
//! duty-days in the coverage order equal the sums of its days for every period timed.
//!
//!   cargo run --release -p server --bin bench-board -- [--national 600000] [--runs 15] [--postgres postgres://…/test]
//!
//! See docs/PERFORMANCE.md.

#[path = "../bench/figures.rs"]
mod figures;

use app::domain::Role;
use app::i18n::Lang;
use app::model::BoardRequest;
use app::time::LocalDate;
use server::caller::{Caller, SessionUser};
use server::config::Config;
use server::generate::{generate, Size};
use server::store::Store;
use std::time::Instant;

/// The generated year, and the day the board is read on (after it, as staff would).
const YEAR: i32 = 2025;

/// The database of a programme of `communities`, generated unless already there.
async fn programme(admin_url: &str, communities: i64) -> Result<(Store, String), Box<dyn std::error::Error>> {
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
    Ok((store, url))
}

/// Milliseconds of `runs` requests to `/healthz`, one at a time, of a server started on the
/// database at `url`: the least any answer costs on this machine in this run.
async fn healthz(url: &str, runs: usize) -> Result<Vec<f64>, Box<dyn std::error::Error>> {
    let mut config = Config::from_lookup(|key| match key {
        "BIND_ADDR" => Some("127.0.0.1:0".into()),
        "SITE_DIR" => Some("/nonexistent".into()),
        _ => None,
    })?;
    config.database_url = url.to_owned();
    let app = server::startup::Application::build(config).await?;
    let address = format!("http://127.0.0.1:{}/healthz", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    time(runs, || async { Ok(client.get(&address).send().await?.error_for_status()?.bytes().await?) }).await
}

/// Milliseconds of each of `runs` reads, sorted, after one read to warm the caches as a board in
/// use is.
async fn time<T, F: std::future::Future<Output = Result<T, Box<dyn std::error::Error>>>>(
    runs: usize,
    read: impl Fn() -> F,
) -> Result<Vec<f64>, Box<dyn std::error::Error>> {
    std::hint::black_box(read().await?);
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        std::hint::black_box(read().await?);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times)
}

/// A staff member of `street` (of the district when none), as the board's API sees them.
fn staff(street: Option<i64>) -> Caller {
    Caller {
        user: Some(SessionUser { id: 1, role: Role::Staff, complete: true, street }),
        lang: Lang::Zh,
        client_ip: None,
        session_token: None,
        wechat_ticket: None,
        secure_cookies: false,
        set_cookies: Default::default(),
    }
}

/// Fails unless each street's duty-days in the coverage order (running totals) equal the sums
/// of its days for every one of `periods`.
async fn same_coverage(store: &Store, periods: &[(LocalDate, LocalDate)]) -> Result<(), Box<dyn std::error::Error>> {
    for (from, to) in periods {
        let mut counted = server::board::coverage::by_street(store, *from, *to).await?;
        counted.retain(|_, days| *days != 0);
        let summed: std::collections::HashMap<i64, i64> = sqlx::query_as::<_, (i64, i64)>(
            "SELECT street_id, CAST(SUM(duty_days) AS BIGINT) FROM board_street_days \
             WHERE day >= $1 AND day <= $2 AND duty_days <> 0 GROUP BY street_id",
        )
        .bind(from.to_days())
        .bind(to.to_days())
        .fetch_all(&store.pool)
        .await?
        .into_iter()
        .collect();
        if counted != summed {
            return Err(format!("{from}..={to}: the coverage order's duty-days differ from the days' sums").into());
        }
    }
    Ok(())
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

    println!("| programme | records | scope | period | figures median ms | p90 ms | whole answer median ms | p90 ms | communities listed | /healthz median ms |");
    println!("|---|---:|---|---|---:|---:|---:|---:|---:|---:|");
    for communities in [130, national] {
        let (store, url) = programme(&admin_url, communities).await?;
        let healthz = at(&healthz(&url, runs.max(101)).await?, 0.5);
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
            ("day", format!("{YEAR}-10-15"), format!("{YEAR}-10-15")),
            ("two years", format!("{}-07-01", YEAR - 1), format!("{}-06-30", YEAR + 1)),
            ("year", format!("{YEAR}-01-01"), format!("{YEAR}-12-31")),
            ("half-year", format!("{YEAR}-07-01"), format!("{YEAR}-12-31")),
            ("quarter", format!("{YEAR}-10-01"), format!("{YEAR}-12-31")),
            ("month", format!("{YEAR}-10-01"), format!("{YEAR}-10-31")),
            ("week", format!("{YEAR}-10-13"), format!("{YEAR}-10-19")),
            ("any 100 days", format!("{YEAR}-03-15"), format!("{YEAR}-06-22")),
        ];
        let today = LocalDate { year: YEAR + 1, month: 1, day: 10 };
        let mut checked = Vec::new();
        for (_, from, to) in &periods {
            checked.push((LocalDate::parse(from).ok_or("date")?, LocalDate::parse(to).ok_or("date")?));
        }
        same_coverage(&store, &checked).await?;
        for (scope, street) in [("programme", None), ("one street", Some(street))] {
            let caller = staff(street);
            for (label, from, to) in &periods {
                let (first, last) = (LocalDate::parse(from).ok_or("date")?, LocalDate::parse(to).ok_or("date")?);
                let read =
                    || async { Ok(server::board::read(&store, street, first, last, today, today.start().0).await?) };
                let listed = read().await?.communities.len();
                let figures = time(runs, read).await?;
                let request = || BoardRequest { from: from.clone(), to: to.clone(), street };
                let answer = time(runs, || async {
                    server::board::board(&store, &caller, request()).await.map_err(|f| format!("{f:?}").into())
                })
                .await?;
                println!(
                    "| {communities} communities | {} | {scope} | {label} | {:.1} | {:.1} | {:.1} | {:.1} | {listed} | {healthz:.2} |",
                    figures::thousands(records as f64),
                    at(&figures, 0.5),
                    at(&figures, 0.9),
                    at(&answer, 0.5),
                    at(&answer, 0.9)
                );
                let budget = if communities <= 130 { 20.0 } else { 500.0 };
                figures::add(
                    "3 board",
                    &format!("{scope}, {label}: whole answer, median ms"),
                    &format!("PostgreSQL, {communities} communities"),
                    &format!("{:.1}", at(&answer, 0.5)),
                    &format!("{healthz:.2} ms"),
                    &format!("< {budget}"),
                    Some(at(&answer, 0.5) < budget),
                );
            }
        }
    }
    Ok(())
}
