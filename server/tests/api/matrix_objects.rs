//! The authorisation matrix per object: each role on its own objects and on someone else's.
//! What the ids in each request name is declared in `matrix_names.rs`; an endpoint that names an
//! object without a declaration fails the first test.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::{matrix, signed_in, May};
use crate::matrix_names::{objects, Fixture, Object};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

#[test]
fn every_endpoint_that_names_an_object_declares_what_it_names() {
    let fixture = Fixture {
        lawyer: 1,
        community: 1,
        foreign_lawyer: 2,
        foreign_community: 2,
        later: 0,
        correction: 1,
        foreign_correction: 2,
        document: 1,
        foreign_document: 2,
    };
    let declared: std::collections::BTreeSet<&str> = objects().iter().map(|(p, _, _)| *p).collect();
    for (path, _, body) in matrix(1, 1) {
        let names_one = body.as_object().into_iter().flatten().any(|(key, _)| key.ends_with("_id"));
        assert_eq!(names_one, declared.contains(path), "{path}: declare what its ids name in objects()");
    }
    for (path, _, body) in objects() {
        let _ = body(&fixture, 1);
        assert!(matrix(1, 1).iter().any(|(p, _, _)| *p == path), "{path} is not a registered endpoint");
    }
}

/// A request that names an upload names a fresh one of the caller's, so that the object it
/// also names is what decides the answer.
async fn with_upload(app: &TestApp, client: &Client, mut body: Value) -> Value {
    if body.get("token").is_some() {
        body["token"] = json!(app.uploaded(client, "v.docx", server::files::inspect::samples::docx(&["v"])).await);
    }
    body
}

/// A question asked at `community` by a new resident; its id and the resident's client.
async fn question(app: &TestApp, community: &str, phone: &str) -> (i64, Client) {
    let (resident, _) = app.resident_of(phone, community).await;
    (crate::questions::asked(app, &resident, phone).await, resident)
}

/// A live booking at `community_id` by a new resident, in one of `starts`; its id and the
/// resident's client.
async fn booking(app: &TestApp, community_id: i64, start: i64, phone: &str) -> (i64, Client) {
    let resident = app.resident(phone).await;
    let (status, body) = app
        .post_with(
            &resident,
            "booking/book",
            json!({ "community_id": community_id, "slot_start": start, "channel": "phone", "topic": "debt", "description": "借款" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (body["id"].as_i64().expect("booking id"), resident)
}

#[tokio::test]
async fn each_role_reaches_its_own_objects_and_only_staff_reach_others() {
    let app = spawn_app().await;
    let fixture = Fixture {
        lawyer: sqlx::query_scalar(
            "SELECT l.id FROM lawyers l JOIN users u ON u.id = l.user_id WHERE u.login = 'lawyer'",
        )
        .fetch_one(&app.store.pool)
        .await
        .expect("the demo lawyer"),
        community: app.community("后亭社区").await,
        foreign_lawyer: 0,
        foreign_community: 0,
        later: server::store::now_ms() + 5 * 86_400_000,
        correction: 0,
        foreign_correction: 0,
        document: 0,
        foreign_document: 0,
    };
    let (foreign_community, foreign_lawyer): (i64, i64) = sqlx::query_as(
        "SELECT community_id, lawyer_id FROM assignments WHERE role = 'a' AND ends_on IS NULL AND community_id NOT IN \
         (SELECT community_id FROM assignments WHERE lawyer_id = $1) ORDER BY community_id LIMIT 1",
    )
    .bind(fixture.lawyer)
    .fetch_one(&app.store.pool)
    .await
    .expect("a community the demo lawyer does not serve");
    let correction = |lawyer: i64, community: i64| {
        let store = app.store.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO duty_corrections (lawyer_id, community_id, served_on, started_at, ended_at, reason, requested_by, created_at) \
                 VALUES ($1, $2, '2026-01-05', 0, 1, '忘记签到', (SELECT MIN(id) FROM users), 0) RETURNING id",
            )
            .bind(lawyer)
            .bind(community)
            .fetch_one(store.writer())
            .await
            .expect("a correction")
        }
    };
    // A document the demo lawyer published; the demo's own are staff's.
    let lawyer_client = app.staff_client("lawyer").await;
    let token = app.uploaded(&lawyer_client, "a.docx", server::files::inspect::samples::docx(&["a"])).await;
    let (status, published) = app
        .post_with(
            &lawyer_client,
            "library/publish",
            json!({ "title": "律师的模板", "category": "debt", "token": token }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    let fixture = Fixture {
        document: published["document"]["id"].as_i64().expect("document id"),
        foreign_document: app.count("SELECT MIN(id) FROM documents").await,
        correction: correction(fixture.lawyer, fixture.community).await,
        foreign_correction: correction(foreign_lawyer, foreign_community).await,
        foreign_community,
        foreign_lawyer,
        ..fixture
    };
    let own_starts = app.extra_evening(fixture.community, 4, 12, 15, 10).await;
    let foreign_starts = app.extra_evening(fixture.foreign_community, 4, 12, 15, 10).await;
    let mut workers = Vec::new();
    for role in ["assistant", "lawyer", "staff", "shajing", "admin"] {
        workers.push((role, signed_in(&app, role).await));
    }

    let mut n = 0;
    for (path, object, body) in objects() {
        if matches!(object, Object::Public | Object::Referral | Object::Incident | Object::ReviewItem) {
            continue;
        }
        let may = matrix(1, 1).into_iter().find(|(p, _, _)| *p == path).map(|(_, may, _)| may).expect("declared");
        let allowed = |role: &str| match &may {
            May::Anyone | May::SignedIn => true,
            May::Only(roles) => roles.contains(&role),
        };
        // Residents: their own question, and another resident's.
        if allowed("resident") && object == Object::Question {
            n += 1;
            let (theirs, _) = question(&app, "后亭社区", &format!("1377778{n:04}")).await;
            n += 1;
            let (own, client) = question(&app, "后亭社区", &format!("1377778{n:04}")).await;
            let (status, answer) = app.post_with(&client, path, body(&fixture, theirs)).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "a resident on another's question, {path}: {answer}");
            let (status, answer) = app.post_with(&client, path, body(&fixture, own)).await;
            assert!(
                ![401, 403, 404].contains(&status.as_u16()),
                "a resident on their own question, {path}: {status} {answer}"
            );
        }
        // Residents: their own booking, and another resident's at the same community.
        if allowed("resident") && object == Object::Booking {
            n += 1;
            let (theirs, _) = booking(&app, fixture.community, own_starts[n % 12], &format!("1377777{n:04}")).await;
            n += 1;
            let (own, client) = booking(&app, fixture.community, own_starts[n % 12], &format!("1377777{n:04}")).await;
            let (status, answer) = app.post_with(&client, path, body(&fixture, theirs)).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "a resident on another's booking, {path}: {answer}");
            let (status, answer) = app.post_with(&client, path, body(&fixture, own)).await;
            assert!(
                ![401, 403, 404].contains(&status.as_u16()),
                "a resident on their own booking, {path}: {status} {answer}"
            );
        }
        // The desk: objects of the communities it serves, and of one it does not.
        for (role, client) in &workers {
            if !allowed(role) {
                continue;
            }
            let (own, foreign) = match object {
                Object::Booking => {
                    n += 1;
                    let own = booking(&app, fixture.community, own_starts[n % 12], &format!("1377777{n:04}")).await.0;
                    n += 1;
                    let foreign =
                        booking(&app, fixture.foreign_community, foreign_starts[n % 12], &format!("1377777{n:04}"))
                            .await
                            .0;
                    (own, foreign)
                }
                Object::Community => (fixture.community, fixture.foreign_community),
                Object::Lawyer => (fixture.lawyer, fixture.foreign_lawyer),
                Object::Correction => (fixture.correction, fixture.foreign_correction),
                Object::Document => (fixture.document, fixture.foreign_document),
                Object::Question => {
                    n += 1;
                    let own = question(&app, "后亭社区", &format!("1377778{n:04}")).await.0;
                    n += 1;
                    let foreign = question(&app, "海旺社区", &format!("1377778{n:04}")).await.0;
                    (own, foreign)
                }
                Object::Public | Object::Referral | Object::Incident | Object::ReviewItem => {
                    unreachable!("skipped above")
                }
            };
            let (status, answer) =
                app.post_with(client, path, with_upload(&app, client, body(&fixture, own)).await).await;
            assert!(
                ![401, 403, 404].contains(&status.as_u16()),
                "{role} on its own {object:?}, {path}: {status} {answer}"
            );
            let (status, answer) =
                app.post_with(client, path, with_upload(&app, client, body(&fixture, foreign)).await).await;
            // The library is the programme's: a street's staff revise its documents too.
            if matches!(*role, "staff" | "admin") || (*role == "shajing" && object == Object::Document) {
                assert!(
                    ![401, 403, 404].contains(&status.as_u16()),
                    "{role} on any {object:?}, {path}: {status} {answer}"
                );
            } else if *role == "shajing" {
                assert!(
                    [403, 404].contains(&status.as_u16()),
                    "a street's staff on another street's {object:?}, {path}: {status} {answer}"
                );
            } else {
                assert_eq!(status, StatusCode::NOT_FOUND, "{role} on a foreign {object:?}, {path}: {answer}");
            }
        }
    }
}
