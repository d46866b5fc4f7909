use crate::helpers::{spawn_app, RESIDENT_PHONE};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn cross_site_requests_are_refused_before_anything_happens() {
    let app = spawn_app().await;
    for (name, value) in [("sec-fetch-site", "cross-site"), ("origin", "https://evil.example")] {
        let response = app
            .client
            .post(format!("{}/api/auth/send-code", app.address))
            .header(name, value)
            .json(&json!({ "phone": RESIDENT_PHONE }))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{name}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM one_time_codes").await, 0);

    let same_origin = app
        .client
        .post(format!("{}/api/auth/send-code", app.address))
        .header("sec-fetch-site", "same-origin")
        .json(&json!({ "phone": RESIDENT_PHONE }))
        .send()
        .await
        .expect("request");
    assert_eq!(same_origin.status(), StatusCode::OK);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/healthz", "/communities/1", "/api/directory/streets"] {
        let response = if path.starts_with("/api") {
            app.client.post(format!("{}{path}", app.address)).json(&json!({})).send().await
        } else {
            app.client.get(format!("{}{path}", app.address)).send().await
        }
        .expect("request");
        let h = response.headers();
        let csp = h.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(h.get("x-content-type-options").and_then(|v| v.to_str().ok()), Some("nosniff"));
        assert_eq!(h.get("referrer-policy").and_then(|v| v.to_str().ok()), Some("same-origin"));
    }
}

#[tokio::test]
async fn health_says_the_process_is_up_and_readiness_checks_the_database() {
    let app = spawn_app().await;
    let health = app.client.get(format!("{}/healthz", app.address)).send().await.expect("healthz");
    assert_eq!(health.status(), StatusCode::OK);
    let ready = app.client.get(format!("{}/readyz", app.address)).send().await.expect("readyz");
    assert_eq!(ready.status(), StatusCode::OK);
    app.store.pool.close().await;
    let ready = app.client.get(format!("{}/readyz", app.address)).send().await.expect("readyz");
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_a_load_balancers_id_is_kept() {
    let app = spawn_app().await;
    let id_of = |response: &reqwest::Response| {
        response.headers().get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_owned)
    };
    let first = app.client.get(format!("{}/healthz", app.address)).send().await.expect("request");
    let second = app
        .client
        .post(format!("{}/api/directory/streets", app.address))
        .json(&json!({}))
        .send()
        .await
        .expect("request");
    let (a, b) = (id_of(&first).expect("an id"), id_of(&second).expect("an id"));
    assert_eq!(a.len(), 16);
    assert_ne!(a, b, "each request has its own");

    let kept = app
        .client
        .get(format!("{}/healthz", app.address))
        .header("x-request-id", "lb-42_a")
        .send()
        .await
        .expect("request");
    assert_eq!(id_of(&kept).as_deref(), Some("lb-42_a"));
    let replaced = app
        .client
        .get(format!("{}/healthz", app.address))
        .header("x-request-id", "<script>")
        .send()
        .await
        .expect("request");
    assert_ne!(id_of(&replaced).as_deref(), Some("<script>"));
}
