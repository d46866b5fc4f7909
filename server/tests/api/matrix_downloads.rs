//! The authorisation matrix on the download route: a private file of a resident of 后亭社区
//! (沙井街道) and one of a community of another street, opened by every role, whole, as a preview
//! and as a thumbnail. Whoever may not read it gets the same 404 as for a token that does not
//! exist.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::signed_in;
use reqwest::{Client, StatusCode};
use serde_json::json;
use server::files::inspect::samples;

/// A photo a new resident of `community` shared with their community's lawyers; its token.
async fn shared_photo(app: &TestApp, phone: &str, community: &str) -> (String, Client) {
    let (resident, _) = app.resident_of(phone, community).await;
    let token = app.uploaded(&resident, "合同.jpg", samples::jpeg_with_location()).await;
    let (status, shared) = app.post_with(&resident, "files/share", json!({ "token": token })).await;
    assert_eq!(status, StatusCode::OK, "{shared}");
    (token, resident)
}

#[tokio::test]
async fn every_role_on_every_download_route_of_its_own_street_and_another() {
    let app = spawn_app().await;
    let (own, owner) = shared_photo(&app, "13766660001", "后亭社区").await;
    // A community of another street, whose lawyers are not the demo lawyer's.
    let foreign_community: String = sqlx::query_scalar(
        "SELECT c.name FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.name <> '沙井街道' ORDER BY c.id LIMIT 1",
    )
    .fetch_one(&app.store.pool)
    .await
    .expect("a community of another street");
    let (foreign, _) = shared_photo(&app, "13766660002", &foreign_community).await;
    let stranger = app.resident("13766660003").await;
    let mut who: Vec<(&str, Client)> =
        vec![("owner", owner), ("another resident", stranger), ("visitor", Client::new())];
    for role in ["assistant", "lawyer", "staff", "shajing", "admin"] {
        who.push((role, signed_in(&app, role).await));
    }
    for (role, client) in &who {
        for (token, street) in [(&own, "own"), (&foreign, "foreign")] {
            let allowed = matches!(
                (*role, street),
                ("owner" | "assistant" | "lawyer" | "shajing", "own") | ("staff" | "admin", _)
            );
            let staff = matches!(*role, "staff" | "shajing" | "admin");
            for query in ["", "?inline=1", "?thumb=1"] {
                // Staff say why; without a reason they are refused, and only where they may read.
                let status = app.download(client, token, query).await.status();
                let expected = match (allowed, staff) {
                    (false, _) => StatusCode::NOT_FOUND,
                    (true, true) => StatusCode::UNPROCESSABLE_ENTITY,
                    (true, false) => StatusCode::OK,
                };
                assert_eq!(status, expected, "{role} on the {street} street's file{query}, no reason");
                let reason = format!("{}reason=%E6%A0%B8%E6%9F%A5", if query.is_empty() { "?" } else { "&" });
                let with = if staff { format!("{query}{reason}") } else { query.to_owned() };
                let status = app.download(client, token, &with).await.status();
                let expected = if allowed { StatusCode::OK } else { StatusCode::NOT_FOUND };
                assert_eq!(status, expected, "{role} on the {street} street's file{with}");
            }
        }
    }
    // Every opening by a lawyer or staff was audited (non-staff ran each twice); the owner's and
    // the refused ones were not.
    let audited = app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'file_read'").await;
    assert_eq!(audited, 3 * (2 * 2 + 1 + 2 * 2), "assistant, lawyer, shajing on one; staff and admin on both");
    let reasons = app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'file_read' AND detail = '核查'").await;
    assert_eq!(reasons, 3 * (1 + 2 * 2), "staff's openings carry their reason");
}
