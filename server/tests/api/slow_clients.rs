//! Slow clients cannot hold the server: headers that never finish are cut off, connections past
//! the limit wait their turn, and an upload that stops sending is given up.

use crate::helpers::spawn_app_with;
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Opens a connection and sends the start of a request, never its end.
async fn dribble(address: &str) -> TcpStream {
    let host = address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).await.expect("connect");
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.expect("write");
    stream
}

#[tokio::test]
async fn slow_clients_headers_that_never_finish_are_cut_off_and_the_limit_queues_the_rest() {
    let app = spawn_app_with(|c| {
        c.header_read_timeout = Duration::from_millis(500);
        c.max_connections = 4;
    })
    .await;
    let mut slow = Vec::new();
    for _ in 0..4 {
        slow.push(dribble(&app.address).await);
    }
    // Every connection is taken by a slow client; a real request waits, and is served once the
    // slow ones are cut off.
    let started = Instant::now();
    let request = app.client.get(format!("{}/healthz", app.address)).send();
    let response =
        tokio::time::timeout(Duration::from_secs(5), request).await.expect("served in time").expect("served");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(started.elapsed() > Duration::from_millis(400), "it waited for a free connection: {:?}", started.elapsed());
    for mut stream in slow {
        let mut buffer = [0u8; 256];
        let read =
            tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer)).await.expect("closed in time");
        // Closed, or answered with an error and then closed: never left hanging.
        let closed = match &read {
            Ok(n) => *n == 0 || buffer[..*n].starts_with(b"HTTP/1.1 408"),
            Err(_) => true,
        };
        assert!(closed, "{read:?}");
    }
}

#[tokio::test]
async fn slow_clients_an_upload_that_stops_sending_is_given_up() {
    let app = spawn_app_with(|c| c.upload_idle_timeout = Duration::from_secs(1)).await;
    sqlx::query("INSERT INTO users (role, phone, display_name, created_at) VALUES ('resident', '13912340077', 'r', 0)")
        .execute(app.store.writer())
        .await
        .expect("resident");
    let id = app.count("SELECT id FROM users WHERE phone = '13912340077'").await;
    let (token, _) = server::auth::sessions::create(&app.store, id, true).await.expect("session");
    let cookie = format!("fai_session={token}");
    // A body that promises more than it sends.
    let host = app.address.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&host).await.expect("connect");
    let head = format!(
        "POST /api/files/upload?name=a.pdf HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nContent-Length: 100000\r\n\r\n%PDF-1.4"
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    // The server waits a while for more; it goes on serving others meanwhile.
    let (status, _) = app.post("directory/streets", serde_json::json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let mut answer = String::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_string(&mut answer)).await;
    assert!(read.is_ok(), "the stalled upload was given up");
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert_eq!(app.count("SELECT COUNT(*) FROM files WHERE name = 'a.pdf'").await, 0);
}
