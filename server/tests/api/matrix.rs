//! The authorisation matrix: every registered endpoint × every role (and, in `matrix_objects.rs`,
//! own and foreign objects). Who may call each endpoint is declared here, so an endpoint added
//! without a declaration fails the first test.

use crate::helpers::{code_in, new_client, spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// The roles, as the tests sign them in; `shajing` is 沙井街道司法所's staff, whose street holds
/// the objects the requests name.
pub(crate) const ROLES: [&str; 6] = ["resident", "assistant", "lawyer", "staff", "shajing", "admin"];

/// Who may call an endpoint.
#[derive(Debug, Clone, Copy)]
pub(crate) enum May {
    /// Anyone, signed in or not (the directory, signing in).
    Anyone,
    /// Any signed-in account.
    SignedIn,
    /// Only these roles.
    Only(&'static [&'static str]),
}

const RESIDENTS: May = May::Only(&["resident"]);
const DESK: May = May::Only(&["assistant", "lawyer", "staff", "shajing", "admin"]);
const SCHEDULERS: May = May::Only(&["lawyer", "staff", "shajing", "admin"]);
const STAFF: May = May::Only(&["staff", "shajing", "admin"]);
/// The district's staff and admins, not a street's.
const DISTRICT: May = May::Only(&["staff", "admin"]);
const ADMINS: May = May::Only(&["admin"]);
const LOGGERS: May = May::Only(&["assistant", "lawyer"]);
const SHARERS: May = May::Only(&["resident", "assistant", "lawyer"]);
const PUBLISHERS: May = May::Only(&["lawyer", "staff", "shajing", "admin"]);
/// A well-formed upload token that names nothing.
pub(crate) const NO_FILE: &str = "0123456789abcdef0123456789abcdef";

/// Every endpoint, who may call it, and a well-formed request (ids of 后亭社区 and its A lawyer).
pub(crate) fn matrix(community: i64, lawyer: i64) -> Vec<(&'static str, May, Value)> {
    let later = server::store::now_ms() + 5 * 86_400_000;
    let period = json!({ "lawyer_id": lawyer, "weekday": 6, "start": "19:00", "end": "20:00", "slot_minutes": 30, "seats": 1, "channels": ["phone"], "instant": true });
    vec![
        ("account/session", May::Anyone, json!({})),
        ("account/set-language", May::SignedIn, json!({ "lang": "zh-CN" })),
        ("account/set-community", RESIDENTS, json!({ "community_id": community })),
        ("account/inbox", May::SignedIn, json!({})),
        ("auth/send-code", May::Anyone, json!({ "phone": "13744440001" })),
        ("auth/sign-in-code", May::Anyone, json!({ "phone": "13744440001", "code": "000000" })),
        ("auth/sign-in-password", May::Anyone, json!({ "login": "nobody", "password": "x" })),
        ("auth/second-factor", May::Anyone, json!({ "code": "000000" })),
        ("auth/sign-out", May::Anyone, json!({})),
        ("booking/availability", May::Anyone, json!({ "community_id": community })),
        (
            "booking/book",
            RESIDENTS,
            json!({ "community_id": community, "slot_start": later, "channel": "phone", "topic": "debt", "description": "借款" }),
        ),
        ("booking/mine", RESIDENTS, json!({})),
        ("booking/cancel", RESIDENTS, json!({ "booking_id": 999_999, "reason": "有事" })),
        ("booking/reschedule", RESIDENTS, json!({ "booking_id": 999_999, "slot_start": later, "reason": "有事" })),
        ("booking/rate", RESIDENTS, json!({ "booking_id": 999_999, "rating": 5 })),
        ("booking/waitlist", RESIDENTS, json!({ "community_id": community, "slot_start": later })),
        ("desk/bookings", DESK, json!({ "community_id": community })),
        ("desk/decide", DESK, json!({ "booking_id": 999_999, "action": "confirm" })),
        ("desk/communities", DESK, json!({})),
        ("desk/schedule", DESK, json!({ "community_id": community })),
        ("desk/add-duty", SCHEDULERS, json!({ "community_id": community, "period": period })),
        ("desk/add-exception", SCHEDULERS, json!({ "community_id": community, "date": "2030-01-01" })),
        ("desk/leave", SCHEDULERS, json!({ "lawyer_id": lawyer, "starts_on": "2030-01-01", "ends_on": "2030-01-02" })),
        ("directory/streets", May::Anyone, json!({})),
        ("directory/communities", May::Anyone, json!({})),
        ("directory/community", May::Anyone, json!({ "community_id": community })),
        ("staff/overview", STAFF, json!({})),
        ("staff/board", STAFF, json!({ "from": "2026-10-01", "to": "2026-10-31" })),
        ("staff/assignments", STAFF, json!({ "community_id": community })),
        ("staff/audit", DISTRICT, json!({ "action": "sign_in" })),
        ("staff/import-lawyers", DISTRICT, json!({ "csv": "律师姓名,律师事务所,执业证号\n", "write": false })),
        (
            "staff/community",
            STAFF,
            json!({ "community_id": community, "office_address": "后亭社区党群服务中心", "latitude": 22.7, "longitude": 113.8, "duty_days_per_month": 8 }),
        ),
        (
            "staff/assign",
            STAFF,
            json!({ "community_id": community, "role": "b", "lawyer_id": lawyer, "starts_on": server::booking::today().to_string() }),
        ),
        ("staff/import-assignments", STAFF, json!({ "csv": "社区,角色,执业证号,开始日期\n", "write": false })),
        ("admin/staff-accounts", ADMINS, json!({})),
        ("staff/lawyers", DISTRICT, json!({ "text": "" })),
        (
            "staff/save-lawyer",
            DISTRICT,
            json!({ "lawyer_id": 999_999, "name": "无", "firm_id": 1, "licence_no": "14403000000000000", "verified": false }),
        ),
        ("staff/add-member", DISTRICT, json!({ "lawyer_id": 999_999, "name": "志愿者", "kind": "volunteer" })),
        ("staff/remove-member", DISTRICT, json!({ "member_id": 999_999 })),
        ("staff/places", DISTRICT, json!({ "street_id": null })),
        ("staff/save-street", DISTRICT, json!({ "street_id": 999_999, "name": "无此街道", "sort_order": 0 })),
        (
            "staff/save-community",
            DISTRICT,
            json!({ "community_id": 999_999, "street_id": 1, "name": "无此社区", "office_address": "" }),
        ),
        ("staff/save-firm", DISTRICT, json!({ "firm_id": 999_999, "name": "无此律师事务所", "address": "" })),
        (
            "admin/save-staff-account",
            ADMINS,
            json!({ "id": 999_999, "login": "nobody", "display_name": "无", "phone": "", "role": "staff", "password": "" }),
        ),
        ("duty/lawyers", LOGGERS, json!({})),
        ("duty/status", LOGGERS, json!({ "lawyer_id": lawyer })),
        ("duty/check-in", LOGGERS, json!({ "lawyer_id": lawyer, "community_id": community })),
        ("duty/check-out", LOGGERS, json!({ "lawyer_id": lawyer })),
        ("duty/record", LOGGERS, record(lawyer, community)),
        ("duty/month", DESK, json!({ "lawyer_id": lawyer, "month": this_month() })),
        (
            "duty/review",
            May::Only(&["lawyer"]),
            json!({ "lawyer_id": lawyer, "month": this_month(), "action": "confirm" }),
        ),
        ("duty/lock", STAFF, json!({ "lawyer_id": lawyer, "month": this_month() })),
        ("duty/correct", LOGGERS, correction(lawyer, community)),
        ("duty/corrections", DESK, json!({})),
        ("duty/decide-correction", STAFF, json!({ "correction_id": 999_999, "approve": false, "note": "不符" })),
        ("files/share", SHARERS, json!({ "token": NO_FILE })),
        ("files/mine", RESIDENTS, json!({})),
        ("files/residents", DESK, json!({})),
        ("files/delete", SHARERS, json!({ "token": NO_FILE })),
        ("library/search", May::Anyone, json!({ "query": "借条" })),
        ("library/document", May::Anyone, json!({ "document_id": 1 })),
        ("library/publish", PUBLISHERS, json!({ "title": "借条", "category": "debt", "token": NO_FILE })),
        ("library/revise", PUBLISHERS, json!({ "document_id": 999_999, "token": NO_FILE })),
        ("articles/feed", May::Anyone, json!({})),
        ("articles/read", May::Anyone, json!({ "article_id": 1 })),
        (
            "articles/save",
            STAFF,
            json!({ "title": "普法", "category": "labour", "body": "正文", "community_id": community }),
        ),
        ("articles/all", STAFF, json!({})),
        ("articles/sms", RESIDENTS, json!({ "on": false })),
        (
            "questions/ask",
            RESIDENTS,
            json!({ "client_key": "m", "category": "debt", "title": "借款", "body": "借款", "consent": true }),
        ),
        ("questions/mine", RESIDENTS, json!({})),
        ("questions/thread", May::SignedIn, json!({ "question_id": 999_999 })),
        ("questions/follow-up", RESIDENTS, json!({ "question_id": 999_999, "body": "补充" })),
        ("questions/accept", RESIDENTS, json!({ "question_id": 999_999 })),
        ("questions/rate", RESIDENTS, json!({ "question_id": 999_999, "rating": 5 })),
        ("questions/queue", DESK, json!({})),
        ("questions/claim", LOGGERS, json!({ "question_id": 999_999 })),
        ("questions/answer", LOGGERS, json!({ "question_id": 999_999, "body": "答复" })),
        ("questions/request-info", LOGGERS, json!({ "question_id": 999_999, "body": "请补充" })),
        ("questions/close", LOGGERS, json!({ "question_id": 999_999 })),
        ("questions/reassign", STAFF, json!({ "question_id": 999_999, "lawyer_id": 1 })),
        (
            "questions/publish",
            PUBLISHERS,
            json!({ "question_id": 999_999, "title": "t", "question": "q", "answer": "a" }),
        ),
        ("questions/faq", May::Anyone, json!({ "query": "借" })),
    ]
}

pub(crate) fn this_month() -> String {
    app::domain::month_of(server::booking::today())
}

/// A well-formed service record for `lawyer` at `community`, with a fresh device key.
pub(crate) fn record(lawyer: i64, community: i64) -> Value {
    json!({ "client_key": format!("matrix-{}", server::store::now_ms()), "lawyer_id": lawyer, "community_id": community,
        "category": "consultation", "served_on": server::booking::today().to_string(), "people_served": 1, "summary": "咨询工资拖欠" })
}

/// A well-formed correction: a duty yesterday morning.
pub(crate) fn correction(lawyer: i64, community: i64) -> Value {
    json!({ "lawyer_id": lawyer, "community_id": community, "served_on": server::booking::today().plus_days(-1).to_string(),
        "start": "09:00", "end": "11:00", "reason": "忘记签到" })
}

/// A signed-in client for `role` (the admin through its SMS second factor).
pub(crate) async fn signed_in(app: &TestApp, role: &str) -> Client {
    match role {
        "resident" => app.resident("13744449999").await,
        "admin" => {
            let client = new_client();
            app.sign_in_password(&client, "admin").await;
            let code = code_in(&app.last_sms("13900000001").await);
            let (status, body) = app.post_with(&client, "auth/second-factor", json!({ "code": code })).await;
            assert_eq!(status, StatusCode::OK, "{body}");
            client
        }
        login => app.staff_client(login).await,
    }
}

#[test]
fn every_registered_endpoint_is_in_the_matrix() {
    let registered: std::collections::BTreeSet<String> =
        server_fn::axum::server_fn_paths().map(|(path, _)| path.trim_start_matches("/api/").to_owned()).collect();
    let declared: std::collections::BTreeSet<String> = matrix(1, 1).iter().map(|(p, _, _)| (*p).to_owned()).collect();
    assert_eq!(registered, declared, "declare who may call each endpoint in tests/api/matrix.rs");
}

#[tokio::test]
async fn each_role_reaches_exactly_the_endpoints_declared_for_it() {
    let app = spawn_app().await;
    let community = app.community("后亭社区").await;
    let lawyer: i64 =
        sqlx::query_scalar("SELECT l.id FROM lawyers l JOIN users u ON u.id = l.user_id WHERE u.login = 'lawyer'")
            .fetch_one(&app.store.pool)
            .await
            .expect("the demo lawyer");
    let mut clients = vec![("anonymous", new_client())];
    for role in ROLES {
        clients.push((role, signed_in(&app, role).await));
    }
    for (path, may, body) in matrix(community, lawyer) {
        for (role, client) in &clients {
            // Signing out would end the session the next rows need.
            if path == "auth/sign-out" && *role != "anonymous" {
                continue;
            }
            let (status, answer) = app.post_with(client, path, body.clone()).await;
            let allowed = match may {
                // Open to all: a 401 here can only be about credentials (a wrong password or
                // code), never about who is calling.
                May::Anyone => {
                    assert_ne!(status, StatusCode::FORBIDDEN, "{role} may call {path}: {answer}");
                    continue;
                }
                May::SignedIn => *role != "anonymous",
                May::Only(roles) => roles.contains(role),
            };
            if allowed {
                assert!(
                    ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&status),
                    "{role} may call {path}, got {status}: {answer}"
                );
            } else if *role == "anonymous" {
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{role} on {path}: {answer}");
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{role} on {path}: {answer}");
            }
        }
    }
}
