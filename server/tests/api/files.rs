//! The upload pipeline and private exchange: what is accepted and how it is cleaned, who may
//! read, share and delete each file, and the limits, raced.

use crate::helpers::{new_client, spawn_app, spawn_app_with, TestApp};
use reqwest::StatusCode;
use serde_json::json;
use server::files::inspect::samples;

/// A demo lawyer's login who does not serve 后亭社区.
async fn foreign_lawyer_login(app: &TestApp) -> String {
    sqlx::query_scalar(
        "SELECT u.login FROM users u JOIN lawyers l ON l.user_id = u.id WHERE u.login LIKE 'lawyer%' AND l.id NOT IN \
         (SELECT lawyer_id FROM assignments WHERE community_id = (SELECT id FROM communities WHERE name = '后亭社区')) \
         ORDER BY u.id LIMIT 1",
    )
    .fetch_one(&app.store.pool)
    .await
    .expect("a lawyer of another community")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn a_residents_photo_reaches_their_lawyer_cleaned_and_no_one_else() {
    let app = spawn_app().await;
    let (resident, resident_id) = app.resident_of("13711110001", "后亭社区").await;
    let photo = samples::jpeg_with_location();
    assert!(contains(&photo, b"GPSLatitude"));
    let (status, file) = app.upload(&resident, "IMG_2041 合同.JPG", photo).await;
    assert_eq!(status, StatusCode::CREATED, "{file}");
    assert_eq!(file["kind"], "jpeg");
    assert_eq!(file["name"], "IMG_2041 合同.jpg");
    assert_eq!(file["thumb"], true);
    let token = file["token"].as_str().expect("token").to_owned();
    assert_eq!(token.len(), 32);

    let (status, shared) = app.post_with(&resident, "files/share", json!({ "token": token })).await;
    assert_eq!(status, StatusCode::OK, "{shared}");
    assert_eq!(shared["community"], "后亭社区");
    assert_eq!(shared["from_lawyer"], false);
    let (_, mine) = app.post_with(&resident, "files/mine", json!({})).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(1), "{mine}");

    // The resident reads it back: an attachment, never sniffed, running nothing, not cached.
    let response = app.download(&resident, &token, "").await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "image/jpeg");
    assert!(headers["content-disposition"].to_str().expect("ascii").starts_with("attachment;"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers["content-security-policy"].to_str().expect("ascii").contains("sandbox"));
    assert_eq!(headers["cache-control"], "private, no-store");
    let bytes = response.bytes().await.expect("bytes");
    assert!(bytes.starts_with(&[0xFF, 0xD8]));
    assert!(!contains(&bytes, b"GPSLatitude") && !contains(&bytes, b"Exif"), "location and EXIF are gone");
    let preview = app.download(&resident, &token, "?inline=1").await;
    assert!(preview.headers()["content-disposition"].to_str().expect("ascii").starts_with("inline;"));
    let thumb = app.download(&resident, &token, "?thumb=1").await;
    assert_eq!(thumb.status(), StatusCode::OK);
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");

    // Their community's lawyer sees it on the desk and opens it; the opening is audited.
    let lawyer = app.staff_client("lawyer").await;
    let (status, listed) = app.post_with(&lawyer, "files/residents", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    assert!(listed.as_array().expect("list").iter().any(|f| f["file"]["token"] == token.as_str()));
    assert_eq!(app.download(&lawyer, &token, "").await.status(), StatusCode::OK);
    let file_id: i64 = sqlx::query_scalar("SELECT id FROM files WHERE token = $1")
        .bind(&token)
        .fetch_one(&app.store.pool)
        .await
        .expect("file id");
    let audited = app
        .count(&format!("SELECT COUNT(*) FROM audit_events WHERE action = 'file_read' AND subject = 'file:{file_id}'"))
        .await;
    assert_eq!(audited, 1);
    let staff = app.staff_client("staff").await;
    assert_eq!(app.download(&staff, &token, "?reason=%E6%A0%B8%E6%9F%A5").await.status(), StatusCode::OK);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_events WHERE action = 'file_read' AND subject = 'file:{file_id}'"
        ))
        .await,
        2
    );

    // Nobody else: another resident, a lawyer of another community, a visitor: as if it did not exist.
    let stranger = app.resident("13711110002").await;
    let foreign = app.staff_client(&foreign_lawyer_login(&app).await).await;
    for (who, client) in
        [("another resident", &stranger), ("another community's lawyer", &foreign), ("a visitor", &new_client())]
    {
        assert_eq!(app.download(client, &token, "").await.status(), StatusCode::NOT_FOUND, "{who}");
        assert_eq!(app.download(client, &token, "?thumb=1").await.status(), StatusCode::NOT_FOUND, "{who}");
    }
    let (_, foreign_list) = app.post_with(&foreign, "files/residents", json!({})).await;
    assert!(!foreign_list.as_array().expect("list").iter().any(|f| f["file"]["token"] == token.as_str()));
    // Guessing is pointless: an unknown token, a malformed one, a path.
    for path in ["00000000000000000000000000000000", "1", "..%2F..%2Fetc%2Fpasswd"] {
        assert_eq!(app.download(&resident, path, "").await.status(), StatusCode::NOT_FOUND, "{path}");
    }

    // The lawyer shares a letter back; it lands in the resident's folder and inbox.
    let letter = app.uploaded(&lawyer, "律师函.pdf", samples::pdf("Letter")).await;
    let (status, back) =
        app.post_with(&lawyer, "files/share", json!({ "token": letter, "resident_id": resident_id })).await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(back["from_lawyer"], true);
    let (_, mine) = app.post_with(&resident, "files/mine", json!({})).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(2));
    let (_, inbox) = app.post_with(&resident, "account/inbox", json!({})).await;
    assert!(inbox.to_string().contains("律师函.pdf"), "{inbox}");
    // The other community's lawyer cannot send to this resident.
    let theirs = app.uploaded(&foreign, "x.pdf", samples::pdf("X")).await;
    let (status, _) =
        app.post_with(&foreign, "files/share", json!({ "token": theirs, "resident_id": resident_id })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The resident deletes the photo at any time; it is gone for everyone, bytes included.
    let (status, _) = app.post_with(&stranger, "files/delete", json!({ "token": token })).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not the stranger's to delete");
    let blobs_before = app.stored_blobs();
    let (status, body) = app.post_with(&resident, "files/delete", json!({ "token": token })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(app.download(&lawyer, &token, "").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.stored_blobs(), blobs_before - 2, "the photo and its thumbnail");
}

#[tokio::test]
async fn bad_uploads_get_a_clear_error_and_store_nothing() {
    let app = spawn_app_with(|c| c.max_upload_bytes = 200_000).await;
    let (resident, _) = app.resident_of("13711110003", "后亭社区").await;
    let blobs = app.stored_blobs();
    let files = app.count("SELECT COUNT(*) FROM files").await;
    let mut polyglot = samples::pdf("Hi");
    polyglot.extend_from_slice(&samples::docx(&["x"]));
    let mut png_zip = samples::png();
    png_zip.extend_from_slice(&samples::docx(&["x"]));
    let macros = samples::office_zip(&[
        ("[Content_Types].xml", "<Types/>".into()),
        ("xl/workbook.xml", "<workbook/>".into()),
        ("xl/vbaProject.bin", "Sub AutoOpen()".into()),
    ]);
    let cases: Vec<(&str, Vec<u8>, StatusCode, &str)> = vec![
        ("big.pdf", vec![b'%'; 200_001], StatusCode::PAYLOAD_TOO_LARGE, "文件太大"),
        ("empty.pdf", Vec::new(), StatusCode::UNPROCESSABLE_ENTITY, "文件是空的"),
        ("page.pdf", b"<html><script>alert(1)</script></html>".to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "只能上传"),
        ("run.exe", b"MZ\x90\x00\x03".to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "只能上传"),
        ("photo.jpg", vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], StatusCode::UNPROCESSABLE_ENTITY, "已损坏"),
        ("both.pdf", polyglot, StatusCode::UNPROCESSABLE_ENTITY, "已损坏"),
        ("both.png", png_zip, StatusCode::UNPROCESSABLE_ENTITY, "已损坏"),
        ("book.xlsx", macros, StatusCode::UNPROCESSABLE_ENTITY, "宏"),
    ];
    for (name, bytes, status, message) in cases {
        let (got, body) = app.upload(&resident, name, bytes).await;
        assert_eq!(got, status, "{name}: {body}");
        assert!(body["message"].as_str().unwrap_or("").contains(message), "{name}: {body}");
    }
    // Signed out, or from another site.
    let (status, _) = app.upload(&new_client(), "a.pdf", samples::pdf("A")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let response = resident
        .post(format!("{}/api/files/upload?name=a.pdf", app.address))
        .header("sec-fetch-site", "cross-site")
        .body(samples::pdf("A"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM files").await, files);
    assert_eq!(app.stored_blobs(), blobs, "no bytes kept");

    // A path in the name is not an error: the name is cleaned, the folders dropped.
    let (status, file) = app.upload(&resident, "../../etc/passwd.pdf", samples::pdf("A")).await;
    assert_eq!(status, StatusCode::CREATED, "{file}");
    assert_eq!(file["name"], "passwd.pdf");
    let token = file["token"].as_str().expect("token");
    // Sharing: twice, someone else's upload, someone else's booking, no community chosen.
    let (status, _) = app.post_with(&resident, "files/share", json!({ "token": token })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = app.post_with(&resident, "files/share", json!({ "token": token })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let other = app.resident("13711110004").await;
    let theirs = app.uploaded(&other, "b.pdf", samples::pdf("B")).await;
    let (status, _) = app.post_with(&resident, "files/share", json!({ "token": theirs })).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "someone else's upload");
    let (status, body) = app.post_with(&other, "files/share", json!({ "token": theirs })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "no community yet: {body}");
    assert!(body["message"].as_str().unwrap_or("").contains("选择您的社区"), "{body}");
    let (status, _) = app.post_with(&other, "files/share", json!({ "token": theirs, "booking_id": 999_999 })).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a booking that is not theirs");
    assert_eq!(app.count("SELECT COUNT(*) FROM files WHERE purpose = 'private'").await, 1);
}

/// Inserts `n` live files for `user` (uploaded now, or shared into their folder).
async fn existing_files(app: &TestApp, user: i64, community: i64, n: usize, shared: bool) {
    for i in 0..n {
        sqlx::query(
            "INSERT INTO files (token, blob_key, kind, name, size, uploaded_by, created_at, purpose, resident_id, community_id, shared_at) \
             VALUES ($1, 'none', 'pdf', 'old.pdf', 1, $2, $3, $4, $5, $6, $3)",
        )
        .bind(format!("{:032x}", (user as u128) << 64 | i as u128 | u128::from(shared) << 40))
        .bind(user)
        // Files in a folder were uploaded on earlier days; pending ones today.
        .bind(server::store::now_ms() - if shared { 2 * 86_400_000 } else { 0 })
        .bind(if shared { "private" } else { "pending" })
        .bind(shared.then_some(user))
        .bind(shared.then_some(community))
        .execute(app.store.writer())
        .await
        .expect("file row");
    }
}

#[tokio::test]
async fn the_daily_upload_limit_and_the_folder_limit_hold_under_racing_requests() {
    let app = spawn_app().await;
    let community = app.community("后亭社区").await;
    let (resident, id) = app.resident_of("13711110005", "后亭社区").await;
    // 28 of 30 uploads used today: of eight at once, two get through.
    existing_files(&app, id, community, 28, false).await;
    let attempts = (0..8).map(|i| app.upload(&resident, "p.pdf", samples::pdf(&format!("P{i}"))));
    let answers = futures_util::future::join_all(attempts).await;
    let accepted: Vec<String> = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .map(|(_, b)| b["token"].as_str().expect("token").to_owned())
        .collect();
    assert_eq!(accepted.len(), 2, "{answers:?}");
    assert!(answers
        .iter()
        .filter(|(s, _)| *s != StatusCode::CREATED)
        .all(|(s, b)| *s == StatusCode::TOO_MANY_REQUESTS && b["message"].as_str().unwrap_or("").contains("上限")));
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM files WHERE uploaded_by = {id}")).await, 30);

    // A folder of 99 (of 100) files: of two shares at once, one gets through.
    let (other, other_id) = app.resident_of("13711110006", "后亭社区").await;
    existing_files(&app, other_id, community, 99, true).await;
    let a = app.uploaded(&other, "a.pdf", samples::pdf("A")).await;
    let b = app.uploaded(&other, "b.pdf", samples::pdf("B")).await;
    let (first, second) = tokio::join!(
        app.post_with(&other, "files/share", json!({ "token": a })),
        app.post_with(&other, "files/share", json!({ "token": b })),
    );
    let mut statuses = [first.0, second.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "{first:?} {second:?}");
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM files WHERE resident_id = {other_id} AND purpose = 'private'")).await,
        100
    );
}

#[tokio::test]
async fn files_leave_when_their_time_is_up_once_however_many_servers_run_the_job() {
    let app = spawn_app().await;
    let (resident, resident_id) = app.resident_of("13711110007", "后亭社区").await;
    let community = app.community("后亭社区").await;
    let lawyer: i64 =
        sqlx::query_scalar("SELECT l.id FROM lawyers l JOIN users u ON u.id = l.user_id WHERE u.login = 'lawyer'")
            .fetch_one(&app.store.pool)
            .await
            .expect("lawyer");
    let day = 86_400_000;
    let now = server::store::now_ms();
    // A consultation that ended ten days ago, with a photo on it.
    let booking: i64 = sqlx::query_scalar(
        "INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, created_at, updated_at) \
         VALUES ('R1', $1, $2, $3, $4, $5, 'in_person', 'debt', '借款', 'completed', $4, $5) RETURNING id",
    )
    .bind(resident_id)
    .bind(community)
    .bind(lawyer)
    .bind(now - 10 * day - 3_600_000)
    .bind(now - 10 * day)
    .fetch_one(app.store.writer())
    .await
    .expect("booking");
    let photo = app.uploaded(&resident, "借据.jpg", samples::jpeg_with_location()).await;
    let (status, body) =
        app.post_with(&resident, "files/share", json!({ "token": photo, "booking_id": booking })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["booking_code"], "R1");
    // The same bytes in 我的资料 (stored once), and an upload never attached.
    let kept = app.uploaded(&resident, "借据.jpg", samples::jpeg_with_location()).await;
    app.post_with(&resident, "files/share", json!({ "token": kept })).await;
    let demo_blobs = app.count("SELECT COUNT(*) FROM files WHERE purpose = 'library'").await as usize;
    let forgotten = app.uploaded(&resident, "x.pdf", samples::pdf("X")).await;
    assert_eq!(app.stored_blobs(), demo_blobs + 3, "photo, thumbnail, pdf");

    let blobs = &app.files.blobs;
    let retention = 180 * day;
    // Today: nothing is due.
    assert_eq!(server::files::retention::purge(&app.store, blobs, now, retention).await.expect("purge"), 0);
    // Two days on, the forgotten upload goes; 171 days after the consultation, nothing more.
    assert_eq!(server::files::retention::purge(&app.store, blobs, now + 2 * day, retention).await.expect("purge"), 1);
    assert_eq!(server::files::retention::purge(&app.store, blobs, now + 170 * day, retention).await.expect("purge"), 0);
    // 181 days after: the booking's photo goes, on two servers at once, once.
    let later = now + 171 * day;
    let (one, two) = tokio::join!(
        server::files::retention::purge(&app.store, blobs, later, retention),
        server::files::retention::purge(&app.store, blobs, later, retention),
    );
    assert_eq!(one.expect("one") + two.expect("two"), 1);
    assert_eq!(app.download(&resident, &photo, "").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.download(&resident, &forgotten, "").await.status(), StatusCode::NOT_FOUND);
    // The folder's copy names the same bytes, so they stay.
    assert_eq!(app.download(&resident, &kept, "").await.status(), StatusCode::OK);
    assert_eq!(app.stored_blobs(), demo_blobs + 2, "photo and thumbnail, still named by the folder's copy");
    assert_eq!(server::files::retention::purge(&app.store, blobs, later + day, retention).await.expect("purge"), 0);
}

#[tokio::test]
async fn my_files_is_a_page_the_server_renders_with_names_escaped() {
    let app = spawn_app().await;
    let (resident, _) = app.resident_of("13711110008", "后亭社区").await;
    // Names lose markup characters at upload; what is left is escaped on the page.
    let token = app.uploaded(&resident, "R&D \"合同\".pdf", samples::pdf("A")).await;
    app.post_with(&resident, "files/share", json!({ "token": token })).await;
    let page = resident.get(format!("{}/me/files", app.address)).send().await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"].to_str().expect("ascii").to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let html = page.text().await.expect("html");
    assert!(html.contains(&format!("/files/{token}?inline=1")), "{html}");
    assert!(html.contains(">R&amp;D 合同.pdf</a>"), "{html}");
    assert!(html.contains("<script src=\"/my-files.js\" defer></script>"), "{html}");
    // A visitor is asked to sign in, and comes back here.
    let html =
        new_client().get(format!("{}/me/files", app.address)).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("/sign-in?next=/me/files\"") && !html.contains(&token), "{html}");
}
