//! Load benchmark: availability look-ups and bookings against the real application on loopback,
//! at 32 and 128 concurrent clients, and the other hot paths (my bookings, my questions, the
//! desk, the question queue, the month page) at 32, on SQLite and on PostgreSQL, beside the rate
//! of `/healthz` (the HTTP stack's own ceiling) measured in the same pass. Look-ups read the demo
//! district as it is; bookings then go to an open schedule with seats to spare. Each pass ends by
//! counting double bookings. Prints a Markdown table, and adds its headline figures to the table
//! of `scripts/bench.sh` (see `figures`).
//!
//! With `--history SCALE`, each database is measured four times, alternately: the demo district,
//! then the demo district with ten years of history added (`server generate-history`: SCALE on
//! PostgreSQL, kept as `fai_bench_history_<SCALE>` for later runs; a tenth of it on SQLite),
//! its residents signed in with their own past bookings and questions; then both again.
//!
//!   cargo run --release -p server --bin bench -- [--seconds 5] [--history 1] [--postgres postgres://…] [--no-postgres]
//!       [--only "desk from today,month page"]
//!
//! See docs/PERFORMANCE.md.

mod district;
mod drive;
mod figures;
mod hot_paths;
mod pass;

use figures::thousands;
use pass::{Database, Pass};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let seconds = value("--seconds").and_then(|s| s.parse().ok()).unwrap_or(5);
    let history: Option<f64> = value("--history").map(|s| s.parse()).transpose()?;
    let only = value("--only");
    println!(
        "{} cores; {seconds} s per measurement; server and clients share the machine",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("\n{}", pass::HEADER);
    let mut notes = Vec::new();

    let dir = std::env::temp_dir().join(format!("fai-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let file = |name: &str| format!("sqlite://{}?mode=rwc", dir.join(name).display());
    let sqlite = databases("SQLite (WAL)", file("demo.db"), history.map(|scale| (file("history.db"), scale / 10.0)));
    let passes = measure_all(&sqlite, seconds, only.as_deref()).await;
    let _ = std::fs::remove_dir_all(&dir);
    let passes = passes?;
    let sqlite_book = mean(&passes, false, |p| p.rate("book", 32));
    // Before the run's first request: later passes' figures hold what earlier ones left.
    if let Some(idle) = passes.first().map(|p| p.idle_mb) {
        let figure = "RSS MB of the process before its first request";
        figures::add("5 memory", figure, "SQLite", &idle.to_string(), "", "≤ 64", Some(idle <= 64));
    }
    summarize("SQLite", &passes, None, &mut notes);

    if args.iter().any(|a| a == "--no-postgres") {
        notes.push("PostgreSQL: skipped (--no-postgres)".into());
    } else {
        let admin = value("--postgres").unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".into());
        match postgres(&admin, seconds, history, only.as_deref()).await {
            Ok(passes) => summarize("PostgreSQL", &passes, sqlite_book, &mut notes),
            Err(error) => notes.push(format!("PostgreSQL: NOT measured at {admin}: {error}")),
        }
    }
    let peak = memory_mb("VmHWM:");
    figures::add("5 memory", "peak RSS MB, whole run", "both", &peak.to_string(), "", "≤ 256", Some(peak <= 256));
    notes.push(format!(
        "Memory of the whole process (server and clients, every pass): {} MB now, peak {peak} MB",
        memory_mb("VmRSS:")
    ));
    println!();
    for line in notes {
        println!("{line}");
    }
    Ok(())
}

/// The demo district's database, and the history's when asked: (url, scale).
fn databases(name: &str, demo: String, history: Option<(String, f64)>) -> Vec<Database> {
    let mut list = vec![Database { name: name.to_owned(), url: demo, history: None }];
    if let Some((url, scale)) = history {
        list.push(Database { name: format!("{name} + history ×{scale}"), url, history: Some(scale) });
    }
    list
}

/// The passes: the demo district alone, or demo, history, demo, history — so that a machine
/// that speeds up or slows down during the run touches both alike.
async fn measure_all(
    databases: &[Database],
    seconds: u64,
    only: Option<&str>,
) -> Result<Vec<Pass>, Box<dyn std::error::Error>> {
    let order: Vec<&Database> = match databases {
        [demo, history] => vec![demo, history, demo, history],
        _ => databases.iter().collect(),
    };
    let mut passes = Vec::new();
    for (k, database) in order.iter().enumerate() {
        let label = if order.len() > 1 { format!("{} ({})", database.name, k / 2 + 1) } else { database.name.clone() };
        passes.push(pass::measure(database, label, seconds, only).await?);
    }
    Ok(passes)
}

/// The mean of `figure` over the passes with (or without) history.
fn mean(passes: &[Pass], history: bool, figure: impl Fn(&Pass) -> Option<f64>) -> Option<f64> {
    let values: Vec<f64> = passes.iter().filter(|p| p.history == history).filter_map(figure).collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Adds the backend's headline figures to the table: bookings (against SQLite's rate when
/// given), each hot path with history against without.
fn summarize(backend: &str, passes: &[Pass], sqlite_book: Option<f64>, notes: &mut Vec<String>) {
    notes.extend(passes.iter().map(|p| p.note.clone()));
    let healthz = mean(passes, false, |p| p.rate("healthz", 32)).unwrap_or(0.0);
    let beside = |rate: f64| format!("{} req/s ({:.1} %)", thousands(healthz), 100.0 * rate / healthz);
    if let Some(book) = mean(passes, false, |p| p.rate("book", 32)) {
        let asked = sqlite_book.map_or("(the reference)".to_owned(), |s| format!("≥ SQLite's {}", thousands(s)));
        let met = sqlite_book.map(|s| book >= s);
        figures::add("2 bookings", "book req/s, 32 clients", backend, &thousands(book), &beside(book), &asked, met);
    }
    if let Some(p99) = mean(passes, false, |p| p.p99("book", 32)) {
        figures::add(
            "2 bookings",
            "book p99 ms, 32 clients",
            backend,
            &format!("{p99:.1}"),
            "",
            "≤ 50",
            Some(p99 <= 50.0),
        );
    }
    let hot =
        ["availability", "my bookings", "my questions", "desk from today", "question queue", "month page", "book"];
    for load in hot {
        let (Some(with), Some(without)) =
            (mean(passes, true, |p| p.rate(load, 32)), mean(passes, false, |p| p.rate(load, 32)))
        else {
            continue;
        };
        let change = 100.0 * (with / without - 1.0);
        let sign = if change < -0.5 { "−" } else { "+" };
        let healthz_with = mean(passes, true, |p| p.rate("healthz", 32)).unwrap_or(0.0);
        figures::add(
            "4 history",
            &format!("{load} req/s, history against none"),
            backend,
            &format!("{} against {} ({sign}{:.0} %)", thousands(with), thousands(without), change.abs()),
            &format!("{} against {}", thousands(healthz_with), thousands(healthz)),
            "within 20 %",
            Some(change >= -20.0),
        );
    }
}

/// A size from this process's `/proc/self/status` line `key` (Linux), in MB; 0 elsewhere.
pub fn memory_mb(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix(key)?.trim().strip_suffix("kB")?.trim().parse::<u64>().ok());
    kb.unwrap_or(0) / 1024
}

/// Measures a fresh demo database on the PostgreSQL server at `admin` (dropped afterwards) and,
/// with a history, the kept one that holds it.
async fn postgres(
    admin: &str,
    seconds: u64,
    history: Option<f64>,
    only: Option<&str>,
) -> Result<Vec<Pass>, Box<dyn std::error::Error>> {
    sqlx::any::install_default_drivers();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(admin).await?;
    let base = admin.rsplit_once('/').map_or(admin, |(b, _)| b);
    let demo = format!("fai_bench_{}", std::process::id());
    sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {demo}").as_str()).await?;
    let history = history.map(|scale| (format!("fai_bench_history_{}", scale.to_string().replace('.', "_")), scale));
    if let Some((name, _)) = &history {
        let exists: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM pg_database WHERE datname = '{name}'"))
            .fetch_one(&mut conn)
            .await?;
        if exists == 0 {
            sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str()).await?;
        }
    }
    let list = databases(
        "PostgreSQL",
        format!("{base}/{demo}"),
        history.map(|(name, scale)| (format!("{base}/{name}"), scale)),
    );
    let passes = measure_all(&list, seconds, only).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let _ = sqlx::Executor::execute(&mut conn, format!("DROP DATABASE IF EXISTS {demo} WITH (FORCE)").as_str()).await;
    passes
}
