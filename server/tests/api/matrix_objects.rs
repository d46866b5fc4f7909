//! The authorisation matrix per object: each role on its own objects and on someone else's.
//! What the ids in each request name is declared here, so an endpoint that names an object
//! without a declaration fails the first test.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::{correction, matrix, record, signed_in, this_month, May, NO_FILE};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// What an id in a request names, so that each role is tried on its own object and on someone
/// else's.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Object {
    /// Anyone the endpoint admits may name any of these (a community to book at or read about).
    Public,
    /// A booking: a resident's own; for the desk, one at a community it serves.
    Booking,
    /// A community the desk serves.
    Community,
    /// The lawyer themselves (or the lawyer an assistant works for).
    Lawyer,
    /// A correction of a duty: the lawyer's own, or another lawyer's.
    Correction,
    /// A library document: one the lawyer published, or one staff published.
    Document,
    /// A question: a resident's own, or another's; for lawyers one routed to them (后亭社区), or
    /// one at a community they do not serve.
    Question,
    /// A referral: its parties are one resident, one lawyer and one receiving body, each tried
    /// on their own and on another's in `referrals.rs`.
    Referral,
}

/// A request naming the object `id`.
type Body = fn(&Fixture, i64) -> Value;

/// Every endpoint whose request names an object, what it names, and a request naming `id`.
fn objects() -> Vec<(&'static str, Object, Body)> {
    vec![
        ("account/set-community", Object::Public, |_, id| json!({ "community_id": id })),
        ("booking/availability", Object::Public, |_, id| json!({ "community_id": id })),
        (
            "booking/book",
            Object::Public,
            |f, id| json!({ "community_id": id, "slot_start": f.later, "channel": "phone", "topic": "debt", "description": "借款" }),
        ),
        ("booking/waitlist", Object::Public, |f, id| json!({ "community_id": id, "slot_start": f.later })),
        ("directory/community", Object::Public, |_, id| json!({ "community_id": id })),
        ("staff/assignments", Object::Public, |_, id| json!({ "community_id": id })),
        (
            "staff/save-booking-rules",
            Object::Public,
            |_, id| json!({ "community_id": id, "rules": super::matrix::rules() }),
        ),
        ("staff/clear-booking-rules", Object::Public, |_, id| json!({ "community_id": id })),
        (
            "staff/community",
            Object::Public,
            |_, id| json!({ "community_id": id, "office_address": "社区党群服务中心", "latitude": null, "longitude": null, "duty_days_per_month": 4 }),
        ),
        (
            "staff/assign",
            Object::Public,
            |f, id| json!({ "community_id": id, "role": "b", "lawyer_id": f.lawyer, "starts_on": server::store::today().to_string() }),
        ),
        // The register is the programme's: the district's staff correct any lawyer or firm.
        (
            "staff/save-lawyer",
            Object::Public,
            |_, id| json!({ "lawyer_id": id, "name": "某律师", "firm_id": 1, "licence_no": "14403000000000000", "verified": false }),
        ),
        (
            "staff/lawyer-account",
            Object::Public,
            |_, id| json!({ "lawyer_id": id, "phone": "13700009998", "password": "" }),
        ),
        ("staff/save-firm", Object::Public, |_, id| json!({ "firm_id": id, "name": "某律师事务所" })),
        ("staff/add-member", Object::Public, |_, id| json!({ "lawyer_id": id, "name": "志愿者", "kind": "volunteer" })),
        ("staff/remove-member", Object::Public, |_, id| json!({ "member_id": id })),
        // Staff address any community; a street's staff their street's (street_staff.rs).
        (
            "articles/save",
            Object::Public,
            |_, id| json!({ "title": "普法", "category": "labour", "body": "正文", "community_id": id }),
        ),
        // Streets and communities are the district's to arrange.
        ("staff/places", Object::Public, |_, id| json!({ "street_id": id })),
        ("staff/save-street", Object::Public, |_, id| json!({ "street_id": id, "name": "某街道" })),
        (
            "staff/save-community",
            Object::Public,
            |_, id| json!({ "community_id": id, "street_id": 1, "name": "某社区", "office_address": "" }),
        ),
        ("booking/cancel", Object::Booking, |_, id| json!({ "booking_id": id, "reason": "有事" })),
        (
            "booking/reschedule",
            Object::Booking,
            |f, id| json!({ "booking_id": id, "slot_start": f.later, "reason": "有事" }),
        ),
        ("booking/rate", Object::Booking, |_, id| json!({ "booking_id": id, "rating": 5 })),
        ("desk/call", Object::Booking, |_, id| json!({ "booking_id": id })),
        (
            "desk/meeting-link",
            Object::Booking,
            |_, id| json!({ "booking_id": id, "url": "https://meet.example.gov.cn/x" }),
        ),
        ("desk/decide", Object::Booking, |_, id| json!({ "booking_id": id, "action": "confirm" })),
        ("desk/bookings", Object::Community, |_, id| json!({ "community_id": id })),
        ("desk/schedule", Object::Community, |_, id| json!({ "community_id": id })),
        (
            "desk/add-duty",
            Object::Community,
            |f, id| json!({ "community_id": id, "period": { "lawyer_id": f.lawyer, "weekday": 6, "start": "19:00", "end": "20:00", "slot_minutes": 30, "seats": 1, "channels": ["phone"], "instant": true } }),
        ),
        ("desk/add-exception", Object::Community, |_, id| json!({ "community_id": id, "date": "2030-01-01" })),
        ("desk/duty-plan", Object::Community, |_, id| json!({ "community_id": id })),
        (
            "desk/settle-bookings",
            Object::Community,
            |_, id| json!({ "community_id": id, "booking_ids": [], "action": "cancel" }),
        ),
        ("staff/retire-lawyer", Object::Public, |_, id| json!({ "lawyer_id": id, "last_day": "2030-01-01" })),
        ("staff/retire-community", Object::Public, |_, id| json!({ "community_id": id, "last_day": "2030-01-01" })),
        ("staff/retire-street", Object::Public, |_, id| json!({ "street_id": id, "last_day": "2030-01-01" })),
        ("staff/close-street", Object::Public, |_, id| json!({ "street_id": id, "date": "2030-01-01" })),
        (
            "desk/preview-duty",
            Object::Community,
            |f, id| json!({ "community_id": id, "period": { "lawyer_id": f.lawyer, "weekday": 6, "start": "19:00", "end": "20:00", "slot_minutes": 30, "seats": 1, "channels": ["phone"], "instant": true } }),
        ),
        (
            "desk/end-duty",
            Object::Community,
            |_, id| json!({ "community_id": id, "period_id": 999_999, "last_day": "2030-01-01" }),
        ),
        (
            "desk/leave",
            Object::Lawyer,
            |_, id| json!({ "lawyer_id": id, "starts_on": "2030-01-01", "ends_on": "2030-01-02" }),
        ),
        ("duty/status", Object::Lawyer, |_, id| json!({ "lawyer_id": id })),
        ("duty/check-in", Object::Lawyer, |f, id| json!({ "lawyer_id": id, "community_id": f.community })),
        ("duty/check-out", Object::Lawyer, |_, id| json!({ "lawyer_id": id })),
        ("duty/record", Object::Lawyer, |f, id| record(id, f.community)),
        ("duty/month", Object::Lawyer, |_, id| json!({ "lawyer_id": id, "month": this_month() })),
        ("duty/review", Object::Lawyer, |_, id| json!({ "lawyer_id": id, "month": this_month(), "action": "confirm" })),
        ("duty/lock", Object::Lawyer, |_, id| json!({ "lawyer_id": id, "month": this_month() })),
        ("duty/correct", Object::Lawyer, |f, id| correction(id, f.community)),
        (
            "duty/decide-correction",
            Object::Correction,
            |_, id| json!({ "correction_id": id, "approve": false, "note": "不符" }),
        ),
        ("library/document", Object::Public, |_, id| json!({ "document_id": id })),
        ("library/revise", Object::Document, |_, id| json!({ "document_id": id, "token": NO_FILE })),
        ("articles/read", Object::Public, |_, id| json!({ "article_id": id })),
        ("questions/thread", Object::Question, |_, id| json!({ "question_id": id })),
        ("questions/inspect", Object::Question, |_, id| json!({ "question_id": id, "reason": "核查投诉" })),
        ("questions/follow-up", Object::Question, |_, id| json!({ "question_id": id, "body": "补充" })),
        ("questions/accept", Object::Question, |_, id| json!({ "question_id": id })),
        ("questions/rate", Object::Question, |_, id| json!({ "question_id": id, "rating": 5 })),
        ("questions/claim", Object::Question, |_, id| json!({ "question_id": id })),
        ("questions/answer", Object::Question, |_, id| json!({ "question_id": id, "body": "答复" })),
        ("questions/request-info", Object::Question, |_, id| json!({ "question_id": id, "body": "请补充" })),
        ("questions/close", Object::Question, |_, id| json!({ "question_id": id })),
        ("questions/reassign", Object::Question, |f, id| json!({ "question_id": id, "lawyer_id": f.lawyer })),
        (
            "questions/publish",
            Object::Question,
            |_, id| json!({ "question_id": id, "title": "借款", "question": "借款未还", "answer": "可以起诉" }),
        ),
        (
            "referrals/create",
            Object::Question,
            |_, id| json!({ "question_id": id, "organisation_id": 1, "facts": "欠薪" }),
        ),
        ("referrals/withdraw", Object::Referral, |_, id| json!({ "referral_id": id })),
        ("referrals/consent", Object::Referral, |_, id| json!({ "referral_id": id, "agree": true })),
        ("referrals/answer", Object::Referral, |_, id| json!({ "referral_id": id, "accept": true })),
        ("referrals/close", Object::Referral, |_, id| json!({ "referral_id": id, "outcome": "aid_granted" })),
    ]
}

/// Ids the object rows need: the demo lawyer and their community (后亭社区), and a community of
/// another street with its own A lawyer, which the demo lawyer does not serve.
struct Fixture {
    lawyer: i64,
    community: i64,
    foreign_lawyer: i64,
    foreign_community: i64,
    later: i64,
    correction: i64,
    foreign_correction: i64,
    document: i64,
    foreign_document: i64,
}

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
        if matches!(object, Object::Public | Object::Referral) {
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
                Object::Public | Object::Referral => unreachable!("skipped above"),
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
