//! The server's own backup and restore: a copy taken while the portal serves brings it back as
//! it was at that moment; anything that is not a backup of this portal is refused.

use crate::helpers::{on_postgres, spawn_app};
use server::commands::{backup, demo, restore};
use server::config::Config;

fn config_for(database_url: &str) -> Config {
    let mut config = Config::from_lookup(|_| None).expect("config");
    config.database_url = database_url.to_owned();
    config
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_the_portal_as_it_was() {
    let app = spawn_app().await;
    let live = config_for(&app.database_url);
    let dir = std::env::temp_dir().join(format!("fai-backup-{}", server::store::now_ms()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("backup.db").display().to_string();
    if on_postgres() {
        let told = backup(&live, &file).await.expect_err("PostgreSQL is dumped by pg_dump");
        assert!(told.contains("pg_dump"), "{told}");
        return;
    }
    let resident = |phone: &'static str| {
        let store = app.store.clone();
        async move {
            sqlx::query("INSERT INTO users (role, phone, display_name, created_at) VALUES ('resident', $1, 'x', 0)")
                .bind(phone)
                .execute(store.writer())
                .await
                .expect("resident")
        }
    };
    resident("13688880001").await;
    assert_eq!(backup(&live, &file).await, Ok(format!("backed up to {file}")));
    assert!(backup(&live, &file).await.is_err(), "an existing file is never overwritten");
    resident("13688880002").await;

    // Restored on another host (a new database file): the first resident is there, the later one is not.
    let restored = config_for(&format!("sqlite://{}?mode=rwc", dir.join("restored.db").display()));
    assert!(restore(&restored, &file).await.is_ok());
    let store = server::store::Store::open(&restored.database_url, Some(1)).await.expect("restored store");
    let phones: Vec<String> = sqlx::query_scalar("SELECT phone FROM users WHERE phone LIKE '1368888%' ORDER BY phone")
        .fetch_all(&store.pool)
        .await
        .expect("phones");
    assert_eq!(phones, vec!["13688880001".to_owned()]);
    let communities: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM communities").fetch_one(&store.pool).await.expect("count");
    assert_eq!(communities, 65);

    // Not a database, or a database of something else: refused, nothing replaced.
    let junk = dir.join("junk.db");
    std::fs::write(&junk, b"not a database").expect("junk");
    assert!(restore(&restored, &junk.display().to_string()).await.is_err());
    assert!(restore(&restored, &dir.join("missing.db").display().to_string()).await.is_err());
    let still: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM communities").fetch_one(&store.pool).await.expect("count");
    assert_eq!(still, 65);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_demo_district_goes_only_into_an_empty_database() {
    let app = spawn_app().await;
    let told = demo(&config_for(&app.database_url)).await.expect_err("the test database already has the demo");
    assert!(told.contains("empty"), "{told}");
    if on_postgres() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("fai-demo-{}", server::store::now_ms()));
    let empty = config_for(&format!("sqlite://{}?mode=rwc", dir.join("new.db").display()));
    assert_eq!(demo(&empty).await, Ok("demo district loaded".to_owned()));
    let store = server::store::Store::open(&empty.database_url, Some(1)).await.expect("store");
    let communities: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM communities").fetch_one(&store.pool).await.expect("count");
    assert_eq!(communities, 65);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_first_administrator_is_made_once_by_the_command_and_signs_in() {
    use server::commands::{create_admin, NewAdmin};
    let app = spawn_app().await;
    let new = |login: &str, phone: &str, name: &str, force: bool| NewAdmin {
        login: login.to_owned(),
        phone: phone.to_owned(),
        name: name.to_owned(),
        password_file: None,
        force,
    };
    let config = config_for(&app.database_url);
    let admins = || app.count("SELECT COUNT(*) FROM users WHERE role = 'admin'");
    let before = admins().await;
    // The demo has its administrator: a second is refused unless forced.
    let refused = create_admin(&config, &new("chief", "13911112222", "局长", false), "a long password").await;
    assert!(refused.expect_err("one exists").contains("exists"));
    // Wrong input is refused in every field, nothing written.
    for (admin, password) in [
        (new("x", "13911112222", "局长", true), "a long password"),
        (new("Chief Admin", "13911112222", "局长", true), "a long password"),
        (new("chief", "12345", "局长", true), "a long password"),
        (new("chief", "13911112222", "  ", true), "a long password"),
        (new("chief", "13911112222", &"名".repeat(51), true), "a long password"),
        (new("chief", "13911112222", "局长", true), "short"),
        (new("admin", "13911112222", "局长", true), "a long password"),
        (new("chief", "13900000001", "局长", true), "a long password"),
    ] {
        assert!(create_admin(&config, &admin, password).await.is_err(), "{admin:?}");
    }
    assert_eq!(admins().await, before, "nothing written");
    // Forced, with the phone in another spelling: made, and it signs in with its second factor.
    let made = create_admin(&config, &new("Chief", "+86 139-1111-2222", "局长", true), "a long password").await;
    assert!(made.expect("made").contains("139****2222"));
    assert_eq!(admins().await, before + 1);
    let client = crate::helpers::new_client();
    let (status, answer) = app
        .post_with(
            &client,
            "auth/sign-in-password",
            serde_json::json!({ "login": "chief", "password": "a long password" }),
        )
        .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{answer}");
    assert_eq!(
        (answer["status"].as_str(), answer["phone_masked"].as_str()),
        (Some("second_factor_sent"), Some("139****2222"))
    );
}

#[test]
fn create_admin_reads_its_options_and_never_a_password() {
    use server::commands::{Command, NewAdmin};
    let args = |text: &str| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
    let parsed = Command::parse(&args("create-admin chief 13911112222 局长 --password-file /run/pw --force"));
    assert_eq!(
        parsed,
        Ok(Command::CreateAdmin(NewAdmin {
            login: "chief".into(),
            phone: "13911112222".into(),
            name: "局长".into(),
            password_file: Some("/run/pw".into()),
            force: true,
        }))
    );
    assert!(Command::parse(&args("create-admin chief 13911112222 局长 --password secret")).is_err());
    assert!(Command::parse(&args("create-admin chief 13911112222")).is_err());
    assert!(Command::parse(&args("create-admin chief 13911112222 局长 --password-file")).is_err());
}
