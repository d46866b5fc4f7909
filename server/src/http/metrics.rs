//! `/metrics` in Prometheus' text format: requests and their latency by route, live bookings,
//! the SMS outbox's backlog and failures, and the database pool. Answered only to the addresses
//! in `METRICS_ALLOW` (default: this host) or to a bearer `METRICS_TOKEN`; anyone else gets 404.

use crate::http::caller;
use crate::sms::MAX_ATTEMPTS;
use crate::state::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;
use std::net::SocketAddr;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Instant;

/// Latency bucket bounds, seconds.
const BUCKETS: [f64; 9] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0];

/// Counts kept since start, per route and status class.
#[derive(Debug, Default, Clone)]
pub struct Metrics {
    inner: Arc<Mutex<BTreeMap<(&'static str, &'static str), Series>>>,
}

#[derive(Debug, Default)]
struct Series {
    count: u64,
    sum_seconds: f64,
    buckets: [u64; BUCKETS.len()],
}

/// The API's paths: every declared endpoint and the routes of their own. Only these name a
/// series, so the number of series is fixed however many paths clients invent.
static ENDPOINTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::http::routes::DECLARED
        .iter()
        .map(|(path, _)| *path)
        .chain(["/api/files/upload", "/api/staff/board.csv", "/api/staff/board.xlsx", "/api/openapi.json"])
        .chain(["/api/staff/scorecards.csv", "/api/staff/scorecards.xlsx"])
        .collect()
});

/// The route a path is counted under: an API endpoint, a health check, or the site's files.
fn route(path: &str) -> &'static str {
    match path {
        "/healthz" => "/healthz",
        "/readyz" => "/readyz",
        "/metrics" => "/metrics",
        p if p.starts_with("/api") => ENDPOINTS.get(p).copied().unwrap_or("/api/other"),
        _ => "site",
    }
}

fn class(status: StatusCode) -> &'static str {
    match status.as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

impl Metrics {
    fn observe(&self, route: &'static str, status: StatusCode, seconds: f64) {
        let mut inner = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let series = inner.entry((route, class(status))).or_default();
        series.count += 1;
        series.sum_seconds += seconds;
        for (bucket, bound) in series.buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
    }

    fn write(&self, out: &mut String) {
        let inner = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let _ = writeln!(out, "# HELP fai_http_requests_total Requests answered, by route and status class.");
        let _ = writeln!(out, "# TYPE fai_http_requests_total counter");
        for ((route, status), s) in inner.iter() {
            let _ = writeln!(out, "fai_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {}", s.count);
        }
        let _ = writeln!(out, "# HELP fai_http_request_seconds Time to answer, by route.");
        let _ = writeln!(out, "# TYPE fai_http_request_seconds histogram");
        let mut by_route: BTreeMap<&str, Series> = BTreeMap::new();
        for ((route, _), s) in inner.iter() {
            let total = by_route.entry(route).or_default();
            total.count += s.count;
            total.sum_seconds += s.sum_seconds;
            for (t, b) in total.buckets.iter_mut().zip(s.buckets) {
                *t += b;
            }
        }
        for (route, s) in by_route {
            for (bound, n) in BUCKETS.iter().zip(s.buckets) {
                let _ = writeln!(out, "fai_http_request_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}");
            }
            let _ = writeln!(out, "fai_http_request_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}", s.count);
            let _ = writeln!(out, "fai_http_request_seconds_sum{{route=\"{route}\"}} {}", s.sum_seconds);
            let _ = writeln!(out, "fai_http_request_seconds_count{{route=\"{route}\"}} {}", s.count);
        }
    }
}

/// Counts every request and how long it took.
pub async fn record(State(metrics): State<Metrics>, request: Request, next: Next) -> Response {
    let route = route(request.uri().path());
    let started = Instant::now();
    let response = next.run(request).await;
    metrics.observe(route, response.status(), started.elapsed().as_secs_f64());
    response
}

/// Whether this request may read the metrics.
fn allowed(state: &AppState, request: &Request) -> bool {
    if let Some(token) = &state.config.metrics_token {
        let bearer = request.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
        if bearer == Some(format!("Bearer {token}").as_str()) {
            return true;
        }
    }
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let ip = caller::client_ip(state, request.headers(), peer);
    ip.is_some_and(|ip| state.config.metrics_allow.contains(&ip))
}

/// `GET /metrics`.
pub async fn scrape(
    State(state): State<AppState>,
    Extension(metrics): Extension<Metrics>,
    request: Request,
) -> Response {
    if !allowed(&state, &request) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut out = String::new();
    metrics.write(&mut out);
    let gauges = async {
        let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE status IN ('pending', 'confirmed')")
            .fetch_one(&state.store.pool)
            .await?;
        let backlog: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND attempts < $1")
            .bind(MAX_ATTEMPTS)
            .fetch_one(&state.store.pool)
            .await?;
        let failed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND attempts >= $1")
            .bind(MAX_ATTEMPTS)
            .fetch_one(&state.store.pool)
            .await?;
        Ok::<_, sqlx::Error>((live, backlog, failed))
    };
    let up = match gauges.await {
        Ok((live, backlog, failed)) => {
            for (name, help, value) in [
                ("fai_bookings_live", "Bookings pending or confirmed.", live),
                ("fai_outbox_backlog", "SMS waiting to be sent.", backlog),
                ("fai_outbox_failed", "SMS given up after every retry.", failed),
            ] {
                let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}");
            }
            1
        }
        Err(error) => {
            tracing::warn!(error = %error, "metrics: database unavailable");
            0
        }
    };
    let pool = &state.store.pool;
    let _ = writeln!(out, "# HELP fai_database_up Whether the database answered this scrape.\n# TYPE fai_database_up gauge\nfai_database_up {up}");
    let _ = writeln!(out, "# HELP fai_db_pool_connections Open database connections.\n# TYPE fai_db_pool_connections gauge\nfai_db_pool_connections {}", pool.size());
    let _ = writeln!(
        out,
        "# HELP fai_db_pool_idle Idle database connections.\n# TYPE fai_db_pool_idle gauge\nfai_db_pool_idle {}",
        pool.num_idle()
    );
    let mut response = out.into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_a_closed_set() {
        assert_eq!(route("/api/booking/book"), "/api/booking/book");
        assert_eq!(route("/api/x%20y"), "/api/other");
        assert_eq!(route("/communities/4"), "site");
        assert_eq!(route("/healthz"), "/healthz");
    }

    #[test]
    fn latency_lands_in_every_bucket_above_it() {
        let metrics = Metrics::default();
        metrics.observe("/healthz", StatusCode::OK, 0.02);
        let mut out = String::new();
        metrics.write(&mut out);
        assert!(out.contains("fai_http_requests_total{route=\"/healthz\",status=\"2xx\"} 1"));
        assert!(out.contains("fai_http_request_seconds_bucket{route=\"/healthz\",le=\"0.01\"} 0"));
        assert!(out.contains("fai_http_request_seconds_bucket{route=\"/healthz\",le=\"0.025\"} 1"));
    }
}
