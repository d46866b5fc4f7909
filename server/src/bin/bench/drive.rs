//! Clients driving the server: one kind of request, over and over, from a number of concurrent
//! clients for a number of seconds, each request's latency kept.

use crate::hot_paths::HotPath;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Who the clients are and what they ask about.
pub struct Target {
    pub base: String,
    pub client: reqwest::Client,
    pub tokens: Vec<String>,
    /// Lawyers' sessions and who they are.
    pub lawyers: Vec<(String, i64)>,
    pub communities: Vec<i64>,
    /// Slot starts every resident can book (set before the booking phase): contention is real,
    /// seats are limited.
    pub slots: std::sync::OnceLock<Vec<i64>>,
    pub next_resident: AtomicUsize,
}

#[derive(Clone, Copy)]
pub enum Load {
    Health,
    Availability,
    Book,
    Hot(HotPath),
}

pub struct Outcome {
    pub ok: usize,
    pub conflicts: usize,
    pub errors: usize,
    pub latencies_us: Vec<u64>,
    pub seconds: f64,
}

pub fn percentile(sorted: &[u64], p: f64) -> f64 {
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

pub async fn run(target: Arc<Target>, load: Load, clients: usize, seconds: u64) -> Outcome {
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

/// Requests per second.
pub fn rate(o: &Outcome) -> f64 {
    o.latencies_us.len() as f64 / o.seconds
}
