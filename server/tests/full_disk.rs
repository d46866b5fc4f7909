//! The data folder fills up while the portal serves (SQLite and uploads on a small tmpfs):
//! every answer is either a write that is really there, or a 503 that promises nothing; `/readyz`
//! says the portal cannot write; once space returns the portal writes again by itself, and
//! everything it confirmed is still there. Mounting needs root: `scripts/test.sh` runs this as
//! root and says loudly when it could not.

use serde_json::{json, Value};
use server::config::Config;
use server::startup::Application;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A small tmpfs, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(megabytes: u32) -> SmallDisk {
        let dir = std::env::temp_dir().join(format!("fai_full_disk_{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mount point");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(&dir)
            .status()
            .expect("mount runs");
        assert!(mounted.success(), "mounting a tmpfs needs root");
        SmallDisk(dir)
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes `filler` until the disk refuses a single byte more.
fn fill(filler: &Path) {
    let mut file = std::fs::File::create(filler).expect("filler");
    for chunk in [1 << 20, 64 << 10, 4 << 10, 512, 1] {
        let bytes = vec![0u8; chunk];
        while file.write_all(&bytes).and_then(|()| file.flush()).is_ok() {}
    }
    let _ = file.sync_all();
}

async fn post(client: &reqwest::Client, base: &str, path: &str, body: Value) -> (u16, Value) {
    let response = client.post(format!("{base}/api/{path}")).json(&body).send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn ready(client: &reqwest::Client, base: &str) -> u16 {
    client.get(format!("{base}/readyz")).send().await.map(|r| r.status().as_u16()).unwrap_or(0)
}

#[tokio::test]
async fn a_full_disk_gets_503s_never_a_lost_booking_and_the_portal_recovers() {
    server::telemetry::init();
    let disk = SmallDisk::mount(40);
    let mut config = Config::from_lookup(|key| match key {
        "BIND_ADDR" => Some("127.0.0.1:0".into()),
        "DEMO" => Some("1".into()),
        "SITE_DIR" => Some("/nonexistent".into()),
        _ => None,
    })
    .expect("config");
    config.data_dir = disk.0.clone();
    config.database_url = format!("sqlite://{}?mode=rwc", disk.0.join("fai.db").display());
    let app = Application::build(config).await.expect("build");
    let base = format!("http://127.0.0.1:{}", app.port());
    let store = app.state().store.clone();
    tokio::spawn(app.run_until_stopped());

    // A resident, and an evening of 24 single-seat slots to book.
    let staff = reqwest::Client::builder().cookie_store(true).build().expect("client");
    let (status, _) = post(
        &staff,
        &base,
        "auth/sign-in-password",
        json!({ "login": "staff", "password": server::demo::DEMO_PASSWORD }),
    )
    .await;
    assert_eq!(status, 200);
    let community: i64 = sqlx::query_scalar("SELECT id FROM communities WHERE name = '后亭社区'")
        .fetch_one(&store.pool)
        .await
        .expect("community");
    let lawyer: i64 = sqlx::query_scalar(
        "SELECT lawyer_id FROM assignments WHERE community_id = $1 AND role = 'a' AND ends_on IS NULL",
    )
    .bind(community)
    .fetch_one(&store.pool)
    .await
    .expect("lawyer");
    let date = app::time::Instant(server::store::now_ms()).to_shanghai().0.plus_days(3);
    let period = json!({ "lawyer_id": lawyer, "weekday": 1, "start": "19:00", "end": "23:00", "slot_minutes": 10,
        "seats": 1, "channels": ["phone"], "instant": true });
    let (status, body) = post(
        &staff,
        &base,
        "desk/add-exception",
        json!({ "community_id": community, "date": date.to_string(), "extra": period }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let slots: Vec<i64> = (0..24).map(|k| date.at_minute(19 * 60 + 10 * k).0).collect();
    sqlx::query("INSERT INTO users (role, phone, display_name, created_at) VALUES ('resident', '13900001111', '139****1111', 0)")
        .execute(store.writer())
        .await
        .expect("resident");
    let resident_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE phone = '13900001111'")
        .fetch_one(&store.pool)
        .await
        .expect("id");
    let (token, _) = server::auth::sessions::create(&store, resident_id, true).await.expect("session");
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("cookie", format!("fai_session={token}").parse().expect("cookie"));
    let resident = reqwest::Client::builder().default_headers(headers).build().expect("client");
    let book = |slot: i64| {
        let resident = resident.clone();
        let base = base.clone();
        async move {
            post(
                &resident,
                &base,
                "booking/book",
                json!({ "community_id": community, "slot_start": slot,
                "channel": "phone", "topic": "family", "description": "欠薪" }),
            )
            .await
        }
    };

    // The disk fills up; every booking is confirmed for real or refused with a 503.
    let filler = disk.0.join("filler");
    fill(&filler);
    let (mut confirmed, mut refused) = (Vec::new(), 0);
    for slot in &slots[..20] {
        match book(*slot).await {
            (200, view) => {
                confirmed.push((view["id"].as_i64().expect("id"), view["code"].as_str().expect("code").to_owned()))
            }
            (503, error) => {
                assert_eq!(error["kind"], "unavailable", "{error}");
                refused += 1;
            }
            (status, error) => panic!("a booking on a full disk answered {status}: {error}"),
        }
    }
    let upload = resident
        .post(format!("{base}/api/files/upload?name=a.pdf"))
        .body(server::files::inspect::samples::pdf("full"))
        .send()
        .await
        .expect("upload");
    assert!(matches!(upload.status().as_u16(), 201 | 503), "an upload on a full disk: {}", upload.status());
    assert_eq!(ready(&resident, &base).await, 503, "/readyz says the portal cannot write");
    println!("on a full disk: {} bookings confirmed, {refused} refused with 503", confirmed.len());

    // Space returns: the portal writes again by itself, and all it confirmed is there.
    std::fs::remove_file(&filler).expect("free space");
    let started = Instant::now();
    while ready(&resident, &base).await != 200 {
        assert!(started.elapsed() < Duration::from_secs(15), "/readyz stays 503 after space returned");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (status, view) = book(slots[22]).await;
    assert_eq!(status, 200, "{view}");
    confirmed.push((view["id"].as_i64().expect("id"), view["code"].as_str().expect("code").to_owned()));
    for (id, code) in &confirmed {
        let kept: Option<String> = sqlx::query_scalar("SELECT code FROM bookings WHERE id = $1")
            .bind(id)
            .fetch_optional(&store.pool)
            .await
            .expect("read");
        assert_eq!(kept.as_deref(), Some(code.as_str()), "booking {id} was confirmed, so it is kept");
    }
    let ids: std::collections::HashSet<i64> = confirmed.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids.len(), confirmed.len(), "no booking was given another's id");
    assert!(refused > 0, "the disk was full, so some write was refused");
}
