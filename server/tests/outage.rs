//! A PostgreSQL database that goes away while the portal serves: `/readyz` says so (503) and the
//! portal recovers by itself when the database returns. Needs PostgreSQL (TEST_POSTGRES_URL,
//! default the local server, superuser to refuse and allow connections); `scripts/test.sh` runs it
//! in its PostgreSQL stage.

use server::config::Config;
use server::startup::Application;
use sqlx::{AnyConnection, Connection, Executor};
use std::time::{Duration, Instant};

async fn wait_for(client: &reqwest::Client, url: &str, status: u16) -> Duration {
    let started = Instant::now();
    loop {
        let got = client.get(url).send().await.map(|r| r.status().as_u16()).unwrap_or(0);
        if got == status {
            return started.elapsed();
        }
        assert!(started.elapsed() < Duration::from_secs(15), "{url} still {got}, waiting for {status}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn readiness_follows_the_database_away_and_back_and_the_portal_recovers() {
    server::telemetry::init();
    sqlx::any::install_default_drivers();
    let admin_url =
        std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let mut admin = AnyConnection::connect(&admin_url).await.expect("PostgreSQL reachable at TEST_POSTGRES_URL");
    let name = format!("fai_outage_{}", std::process::id());
    admin.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create database");
    let base = admin_url.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin_url.clone());

    let mut config = Config::from_lookup(|key| match key {
        "BIND_ADDR" => Some("127.0.0.1:0".into()),
        "DEMO" => Some("1".into()),
        "SITE_DIR" => Some("/nonexistent".into()),
        _ => None,
    })
    .expect("config");
    config.database_url = format!("{base}/{name}");
    let app = Application::build(config).await.expect("starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let ready = format!("{address}/readyz");
    wait_for(&client, &ready, 200).await;

    // The database refuses new connections and drops the portal's.
    admin.execute(format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false").as_str()).await.expect("refuse");
    admin
        .execute(format!("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'").as_str())
        .await
        .expect("drop connections");
    let noticed = wait_for(&client, &ready, 503).await;
    assert!(noticed < Duration::from_secs(5), "noticed after {noticed:?}");
    // The API says so too, clearly and soon: 503, retry later.
    let asked = Instant::now();
    let away = client
        .post(format!("{address}/api/directory/streets"))
        .header("accept-language", "zh-CN")
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("request");
    assert_eq!(away.status().as_u16(), 503);
    assert_eq!(away.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("5"));
    let body: serde_json::Value = away.json().await.expect("json");
    assert_eq!(body["message"], "服务暂时不可用，请稍后再试");
    assert!(asked.elapsed() < Duration::from_secs(8), "answered after {:?}", asked.elapsed());

    // Back: ready again without a restart, and the API answers.
    admin.execute(format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true").as_str()).await.expect("allow");
    let recovered = wait_for(&client, &ready, 200).await;
    assert!(recovered < Duration::from_secs(10), "recovered after {recovered:?}");
    let streets = client
        .post(format!("{address}/api/directory/streets"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("request");
    assert_eq!(streets.status().as_u16(), 200);

    let _ = admin.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str()).await;
}
