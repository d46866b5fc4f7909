//! Residents' data rights: every column that names a person is in the data map, a resident's
//! archive holds everything the map exports and nobody else's, and erasing an account leaves
//! every figure as it was and nothing that names them.

use crate::helpers::{spawn_app, TestApp};
use crate::questions::asked;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use server::privacy::data_map;
use server::store::Backend;
use std::collections::BTreeSet;
use std::io::Read;

/// Every (table, column) of the schema, and those that reference `users`.
async fn schema(app: &TestApp) -> (Vec<(String, String)>, BTreeSet<(String, String)>) {
    let (columns, references) = match app.store.backend {
        Backend::Sqlite => (
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'",
            "SELECT m.name, p.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) p \
             WHERE m.type = 'table' AND p.\"table\" = 'users'",
        ),
        Backend::Postgres => (
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = current_schema()",
            "SELECT CAST(k.table_name AS TEXT), CAST(k.column_name AS TEXT) FROM information_schema.referential_constraints r \
             JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name \
             JOIN information_schema.constraint_column_usage u ON u.constraint_name = r.unique_constraint_name \
             WHERE u.table_name = 'users' AND k.table_schema = current_schema()",
        ),
    };
    let all: Vec<(String, String)> = sqlx::query_as(columns).fetch_all(&app.store.pool).await.expect("columns");
    let refs: Vec<(String, String)> = sqlx::query_as(references).fetch_all(&app.store.pool).await.expect("references");
    (all, refs.into_iter().collect())
}

/// Columns that hold a person without a reference: numbers, WeChat identities, addresses.
fn names_a_person(column: &str) -> bool {
    matches!(column, "phone" | "recipient" | "openid" | "wechat_openid" | "client_ip" | "actor_user_id")
}

#[tokio::test]
async fn every_column_that_names_a_person_is_in_the_data_map_and_every_entry_exists() {
    let app = spawn_app().await;
    let (columns, references) = schema(&app).await;
    let mapped: BTreeSet<(String, String)> =
        data_map::all().flat_map(|h| h.columns.iter().map(|c| (h.table.to_owned(), (*c).to_owned()))).collect();
    let personal: BTreeSet<(String, String)> = columns
        .iter()
        .filter(|(table, column)| names_a_person(column) || references.contains(&(table.clone(), column.clone())))
        .cloned()
        .collect();
    let unmapped: Vec<_> = personal.difference(&mapped).filter(|(t, c)| !(t == "users" && c == "id")).collect();
    assert!(unmapped.is_empty(), "add these to privacy::data_map with their export and erasure: {unmapped:?}");
    let existing: BTreeSet<(String, String)> = columns.into_iter().collect();
    let stale: Vec<_> = mapped.difference(&existing).collect();
    assert!(stale.is_empty(), "the data map names columns the schema does not have: {stale:?}");
}

/// A resident of 后亭社区 with a booking, a question and a shared file; their client and id.
async fn resident_with_everything(app: &TestApp, phone: &str) -> (Client, i64) {
    let (resident, id) = app.resident_of(phone, "后亭社区").await;
    asked(app, &resident, &format!("privacy-{phone}")).await;
    let houting = app.community("后亭社区").await;
    let slot = app.free_slots(houting).await.into_iter().next().expect("a slot");
    let body = json!({ "community_id": houting, "slot_start": slot["start"], "channel": "phone", "topic": "labour", "description": "欠薪三个月" });
    assert_eq!(app.post_with(&resident, "booking/book", body).await.0, StatusCode::OK);
    let token = app.uploaded(&resident, "合同.docx", server::files::inspect::samples::docx(&["劳动合同"])).await;
    let (status, shared) = app.post_with(&resident, "files/share", json!({ "token": token })).await;
    assert_eq!(status, StatusCode::OK, "{shared}");
    let notary = crate::referrals::organisation(app, "深圳市宝安公证处").await;
    let (_, times) = app.post("visits/slots", json!({ "organisation_id": notary })).await;
    let visit = json!({ "organisation_id": notary, "start": times["slots"][0]["start"], "matter": "will",
                        "address": "幸福路8号3栋502", "birth_date": "1950-03-01" });
    let (status, booked) = app.post_with(&resident, "visits/book", visit).await;
    assert_eq!(status, StatusCode::OK, "{booked}");
    (resident, id)
}

/// The archive `client` downloads: its entries by name.
async fn archive(app: &TestApp, client: &Client) -> (StatusCode, Vec<(String, Vec<u8>)>) {
    let response = client.get(format!("{}/me/privacy/export", app.address)).send().await.expect("export");
    let status = response.status();
    let bytes = response.bytes().await.expect("bytes");
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())) else { return (status, Vec::new()) };
    let mut entries = Vec::new();
    for k in 0..zip.len() {
        let mut entry = zip.by_index(k).expect("entry");
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("read");
        entries.push((entry.name().expect("name").into_owned(), content));
    }
    (status, entries)
}

#[tokio::test]
async fn a_residents_archive_holds_everything_about_them_and_nothing_of_anyone_else() {
    let app = spawn_app().await;
    let (resident, id) = resident_with_everything(&app, "13799993001").await;
    resident_with_everything(&app, "13799993002").await;
    let agreed = resident.post(format!("{}/me/privacy/consent", app.address)).send().await.expect("agree");
    assert!(agreed.status().is_success());
    let (status, entries) = archive(&app, &resident).await;
    assert_eq!(status, StatusCode::OK);
    let entry =
        |name: &str| entries.iter().find(|(n, _)| n == name).map(|(_, c)| String::from_utf8_lossy(c).into_owned());
    let data: Value = serde_json::from_str(&entry("data.json").expect("data.json")).expect("json");
    assert_eq!(data["users"][0]["id"].as_i64(), Some(id));
    assert_eq!(data["users"][0]["phone"], "13799993001");
    for (table, at_least) in
        [("bookings", 1), ("questions", 1), ("question_messages", 1), ("files", 1), ("outbox", 1), ("home_visits", 1)]
    {
        let rows = data[table].as_array().map_or(0, Vec::len);
        assert!(rows >= at_least, "{table}: {rows}");
    }
    assert_eq!(data["bookings"][0]["description"], "欠薪三个月");
    let notice = server::privacy::consent::NOTICE_VERSION;
    assert_eq!(
        (data["consents"][0]["version"].as_str(), data["consents"][0]["how"].as_str()),
        (Some(notice), Some("page"))
    );
    let everything = entry("data.json").unwrap_or_default() + &entry("index.html").unwrap_or_default();
    assert!(!everything.contains("13799993002"), "another resident's number");
    assert!(!everything.contains("password_hash") && !everything.contains("blob_key"));
    let index = entry("index.html").expect("index.html");
    assert!(index.contains("欠薪三个月") && index.contains("朋友借钱不还怎么办"), "readable");
    let file = entries.iter().find(|(n, _)| n.starts_with("files/") && n.ends_with("合同.docx")).expect("the file");
    assert!(file.1.starts_with(b"PK"), "its bytes");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'data_export'").await, 1);

    // Nobody else's: signed out, a lawyer, staff.
    assert_eq!(archive(&app, &Client::new()).await.0, StatusCode::FORBIDDEN);
    let lawyer = app.staff_client("lawyer").await;
    assert_eq!(archive(&app, &lawyer).await.0, StatusCode::FORBIDDEN);
}

/// The board's district totals for a year around today.
async fn figures(app: &TestApp, staff: &Client) -> Value {
    let today = app::time::Instant(server::store::now_ms()).to_shanghai().0;
    let body = json!({ "from": today.plus_days(-300).to_string(), "to": today.plus_days(60).to_string() });
    let (status, board) = app.post_with(staff, "staff/board", body).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    board["totals"].clone()
}

async fn erase(app: &TestApp, client: &Client, confirm: &str) -> StatusCode {
    let response = client
        .post(format!("{}/me/privacy/erase", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("confirm={}", percent_encoding::utf8_percent_encode(confirm, percent_encoding::NON_ALPHANUMERIC)))
        .send()
        .await
        .expect("erase");
    response.status()
}

/// How many text cells anywhere in the database hold `needle`.
async fn anywhere(app: &TestApp, needle: &str) -> Vec<String> {
    let (columns, _) = schema(app).await;
    let mut found = Vec::new();
    for (table, column) in columns {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE CAST({column} AS TEXT) LIKE '%{needle}%'");
        if app.count(&sql).await > 0 {
            found.push(format!("{table}.{column}"));
        }
    }
    found
}

#[tokio::test]
async fn erasing_an_account_keeps_every_figure_and_leaves_nothing_that_names_them() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let phone = "13799993003";
    let (resident, id) = resident_with_everything(&app, phone).await;
    let before = figures(&app, &staff).await;
    let blobs = app.stored_blobs();

    for wrong in ["", "yes", "注 销"] {
        assert_eq!(erase(&app, &resident, wrong).await, StatusCode::UNPROCESSABLE_ENTITY, "{wrong:?}");
    }
    let cross = resident.post(format!("{}/me/privacy/erase", app.address)).header("origin", "https://evil.example");
    let cross = cross.header("sec-fetch-site", "cross-site").body("confirm=%E6%B3%A8%E9%94%80").send().await;
    assert_eq!(cross.expect("cross").status(), StatusCode::FORBIDDEN);
    assert!(!anywhere(&app, phone).await.is_empty(), "nothing erased yet");

    assert_eq!(erase(&app, &resident, "注销").await, StatusCode::OK);
    assert_eq!(anywhere(&app, phone).await, Vec::<String>::new(), "their number nowhere");
    assert_eq!(anywhere(&app, "欠薪三个月").await, Vec::<String>::new(), "their words nowhere");
    assert_eq!(anywhere(&app, "朋友借钱不还").await, Vec::<String>::new());
    assert_eq!(anywhere(&app, "幸福路8号").await, Vec::<String>::new(), "their home address nowhere");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM home_visits WHERE status = 'booked'").await,
        0,
        "their visit called off"
    );
    assert!(app.stored_blobs() < blobs, "their file's bytes gone");
    let erased = app.count(&format!("SELECT COUNT(*) FROM users WHERE id = {id} AND erased_at IS NOT NULL")).await;
    assert_eq!(erased, 1);

    // Every figure stays; the live booking went back as cancelled.
    let after = figures(&app, &staff).await;
    for field in ["duty_days", "people_served", "services", "questions_asked", "questions_answered", "ratings"] {
        assert_eq!(after[field], before[field], "{field}");
    }
    let moved = |f: &str| after[f].as_i64().unwrap_or(0) - before[f].as_i64().unwrap_or(0);
    assert_eq!((moved("bookings_waiting"), moved("bookings_cancelled")), (-1, 1));

    // Signed out; erasing again is refused; the same phone opens a new, empty account.
    assert_eq!(app.post_with(&resident, "account/session", json!({})).await.1["me"], Value::Null);
    assert_eq!(erase(&app, &resident, "注销").await, StatusCode::FORBIDDEN);
    let again = app.resident(phone).await;
    let (_, session) = app.post_with(&again, "account/session", json!({})).await;
    assert_ne!(session["me"]["user_id"].as_i64(), Some(id));
    let (_, entries) = archive(&app, &again).await;
    let data: Value = entries
        .iter()
        .find(|(n, _)| n == "data.json")
        .map(|(_, c)| serde_json::from_slice(c).expect("json"))
        .expect("data.json");
    assert_eq!(data["bookings"], json!([]));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'account_erase'").await, 1);

    // A lawyer or staff member has no such door.
    let lawyer = app.staff_client("lawyer").await;
    assert_eq!(erase(&app, &lawyer, "注销").await, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn files_left_by_an_interrupted_erasure_go_with_the_next_pass_of_the_file_store() {
    let app = spawn_app().await;
    let (_, id) = resident_with_everything(&app, "13799993004").await;
    let blobs = app.stored_blobs();
    // The transaction alone, as if the server stopped before removing the bytes.
    let erased = server::privacy::erase::account(&app.store, id).await.expect("erase");
    assert!(erased.is_some());
    assert!(server::privacy::erase::account(&app.store, id).await.expect("again").is_none(), "once");
    assert_eq!(app.stored_blobs(), blobs, "bytes still there");
    let live = app.count(&format!("SELECT COUNT(*) FROM files WHERE uploaded_by = {id} AND deleted_at IS NULL")).await;
    assert_eq!(live, 1);
    let removed = server::files::retention::purge(&app.store, &app.files.blobs, server::store::now_ms(), 86_400_000)
        .await
        .expect("purge");
    assert_eq!(removed, 1);
    assert!(app.stored_blobs() < blobs);
}

#[tokio::test]
async fn signing_in_agrees_to_the_notice_in_force_once_and_the_resident_sees_what_they_agreed_to() {
    let app = spawn_app().await;
    let page = |client: Client, path: &'static str| {
        let url = format!("{}{path}", app.address);
        async move { client.get(url).send().await.expect("page").text().await.expect("text") }
    };
    let public = page(Client::new(), "/privacy").await;
    assert!(public.contains("隐私说明") && public.contains(server::privacy::consent::NOTICE_VERSION));

    let resident = crate::helpers::new_client();
    let me = app.sign_in_resident(&resident, "13799993005").await;
    let id = me["user_id"].as_i64().expect("id");
    let count = format!("SELECT COUNT(*) FROM consents WHERE user_id = {id}");
    let agreed = || app.count(&count);
    assert_eq!(agreed().await, 1);
    let mine = page(resident.clone(), "/me/privacy").await;
    assert!(mine.contains("您同意的版本") && !mine.contains("/me/privacy/consent"), "agreed already: no form");

    // A new version in force: the page asks again, and agreeing there is kept beside the first.
    sqlx::query("UPDATE consents SET version = '2020-01-01' WHERE user_id = $1")
        .bind(id)
        .execute(app.store.writer())
        .await
        .expect("older");
    assert!(page(resident.clone(), "/me/privacy").await.contains("/me/privacy/consent"));
    let agree = |client: &Client| client.post(format!("{}/me/privacy/consent", app.address)).send();
    let cross = resident.post(format!("{}/me/privacy/consent", app.address)).header("sec-fetch-site", "cross-site");
    assert_eq!(cross.send().await.expect("cross").status(), StatusCode::FORBIDDEN);
    assert_eq!(agreed().await, 1);
    assert!(agree(&resident).await.expect("agree").status().is_success());
    agree(&resident).await.expect("twice");
    assert_eq!(agreed().await, 2, "once per version");
    assert_eq!(agree(&Client::new()).await.expect("nobody").status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn personal_data_leaves_when_its_time_is_up_and_not_before() {
    let app = spawn_app().await;
    let phone = "13799993006";
    let client = crate::helpers::new_client();
    app.sign_in_resident(&client, phone).await;
    let count = |sql: &'static str| app.count(sql);
    let codes = "SELECT COUNT(*) FROM one_time_codes WHERE phone = '13799993006'";
    let numbers = "SELECT COUNT(*) FROM outbox WHERE recipient = '13799993006'";
    let sessions = "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.phone = '13799993006'";
    sqlx::query("INSERT INTO audit_events (at, action, subject) VALUES (0, 'old', 'x')")
        .execute(app.store.writer())
        .await
        .expect("an old event");
    let old = "SELECT COUNT(*) FROM audit_events WHERE action = 'old'";
    let day = 86_400_000;
    let now = server::store::now_ms();
    let outbox_count = || count("SELECT COUNT(*) FROM outbox");
    let messages = outbox_count().await;

    // Today nothing that is in use goes (the ancient audit event does: older than three years).
    server::privacy::retention::purge(&app.store, now).await.expect("purge");
    assert_eq!((count(codes).await, count(numbers).await, count(sessions).await), (1, 1, 1));
    assert_eq!(count(old).await, 0);

    // Two days on, the code; 181 days on, the number and text (the message still counted); 31
    // days on, the session too.
    server::privacy::retention::purge(&app.store, now + 2 * day).await.expect("purge");
    assert_eq!((count(codes).await, count(numbers).await, count(sessions).await), (0, 1, 1));
    server::privacy::retention::purge(&app.store, now + 181 * day).await.expect("purge");
    assert_eq!((count(numbers).await, count(sessions).await, outbox_count().await), (0, 0, messages));
    assert!(app.post_with(&client, "account/session", json!({})).await.1["me"].is_null(), "signed out");
}

#[tokio::test]
async fn an_erased_accounts_seat_is_offered_to_the_first_in_line() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let slot = app.free_slots(houting).await[0].clone();
    let book = json!({ "community_id": houting, "slot_start": slot["start"], "channel": "in_person", "topic": "debt", "description": "借款" });
    let leaving = app.resident("13799993010").await;
    for client in [&leaving, &app.resident("13799993011").await] {
        assert_eq!(app.post_with(client, "booking/book", book.clone()).await.0, StatusCode::OK);
    }
    let waiting = app.resident("13799993012").await;
    let join = json!({ "community_id": houting, "slot_start": slot["start"] });
    assert_eq!(app.post_with(&waiting, "booking/waitlist", join).await.0, StatusCode::OK);

    assert_eq!(erase(&app, &leaving, "注销").await, StatusCode::OK);
    app.sms_containing("13799993012", "有空位").await;
    assert_eq!(app.post_with(&waiting, "booking/book", book).await.0, StatusCode::OK, "the seat is theirs to take");
}
