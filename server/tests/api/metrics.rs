//! `/metrics`: what an operator's Prometheus reads, and who may read it.

use crate::helpers::{spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn this_host_reads_request_counts_latency_bookings_outbox_and_pool() {
    let app = spawn_app().await;
    app.post("directory/streets", json!({})).await;
    app.post("directory/streets", json!({})).await;
    app.post("booking/book", json!({})).await;
    let response = app.client.get(format!("{}/metrics", app.address)).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.expect("body");
    for line in [
        "fai_http_requests_total{route=\"/api/directory/streets\",status=\"2xx\"} 2",
        "fai_http_requests_total{route=\"/api/booking/book\",status=\"4xx\"} 1",
        "fai_http_request_seconds_count{route=\"/api/directory/streets\"} 2",
        "fai_bookings_live 0",
        "fai_outbox_backlog ",
        "fai_outbox_failed 0",
        "fai_database_up 1",
        "fai_db_pool_connections ",
    ] {
        assert!(text.contains(line), "{line} missing from:\n{text}");
    }
}

#[tokio::test]
async fn elsewhere_only_the_token_opens_the_metrics() {
    let app = spawn_app_with(|c| {
        c.metrics_allow = Vec::new();
        c.metrics_token = Some("s3cret-token".into());
    })
    .await;
    let get = |auth: Option<&'static str>| {
        let mut request = app.client.get(format!("{}/metrics", app.address));
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        async move { request.send().await.expect("request").status() }
    };
    assert_eq!(get(None).await, StatusCode::NOT_FOUND);
    assert_eq!(get(Some("Bearer wrong")).await, StatusCode::NOT_FOUND);
    assert_eq!(get(Some("Bearer s3cret-token")).await, StatusCode::OK);
}
