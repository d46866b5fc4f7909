//! The authorisation matrix: every declared endpoint × every role (and, in `matrix_objects.rs`,
//! own and foreign objects). Who may call each endpoint is read from its declaration in `app::api`;
//! each endpoint needs a well-formed request here, so an endpoint added without one fails the
//! first test.

use crate::helpers::{code_in, new_client, spawn_app, TestApp};
use app::api::Access;
use app::domain::Role;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// The roles, as the tests sign them in; `shajing` is 沙井街道司法所's staff, whose street holds
/// the objects the requests name; `legalaid` is the legal-aid centre's account and `notary` the
/// notary office's.
pub(crate) const ROLES: [&str; 8] =
    ["resident", "assistant", "lawyer", "staff", "shajing", "admin", "legalaid", "notary"];

/// Endpoints of receiving bodies that only a notary office's accounts may call: another body's
/// are refused by the endpoint (403), as a street's staff are refused the district's.
const NOTARIES_ONLY: [&str; 4] = ["visits/hours", "visits/save-hours", "visits/office", "visits/finish"];

/// Who may call an endpoint, as test roles.
#[derive(Debug, Clone)]
pub(crate) enum May {
    /// Anyone, signed in or not (the directory, signing in).
    Anyone,
    /// Any signed-in account.
    SignedIn,
    /// Only these roles.
    Only(Vec<&'static str>),
}

/// A well-formed upload token that names nothing.
pub(crate) const NO_FILE: &str = "0123456789abcdef0123456789abcdef";

/// Every endpoint, who may call it (from its declaration), and a well-formed request (ids of
/// 后亭社区 and its A lawyer).
pub(crate) fn matrix(community: i64, lawyer: i64) -> Vec<(&'static str, May, Value)> {
    requests(community, lawyer)
        .into_iter()
        .map(|(path, body)| {
            let access = server::http::routes::DECLARED
                .iter()
                .find(|(declared, _)| declared.trim_start_matches("/api/") == path)
                .map_or(Access::Anyone, |(_, access)| *access);
            let may = if NOTARIES_ONLY.contains(&path) { May::Only(vec!["notary"]) } else { may(access) };
            (path, may, body)
        })
        .collect()
}

/// The test roles an endpoint's access lets in.
fn may(access: Access) -> May {
    let names = |role: Role| match role {
        Role::Resident => &["resident"][..],
        Role::Assistant => &["assistant"][..],
        Role::Lawyer => &["lawyer"][..],
        Role::Staff => &["staff", "shajing"][..],
        Role::Admin => &["admin"][..],
        Role::Agency => &["legalaid", "notary"][..],
    };
    match access {
        Access::Anyone => May::Anyone,
        Access::SignedIn => May::SignedIn,
        Access::Roles(roles) => May::Only(roles.iter().flat_map(|r| names(*r).iter().copied()).collect()),
        Access::District => May::Only(vec!["staff", "admin"]),
    }
}

/// The default booking rules, as the wire carries them.
pub(crate) fn rules() -> Value {
    serde_json::to_value(app::domain::BookingRules::DEFAULT).expect("rules")
}

/// A well-formed request for every endpoint.
fn requests(community: i64, lawyer: i64) -> Vec<(&'static str, Value)> {
    let later = server::store::now_ms() + 5 * 86_400_000;
    let period = json!({ "lawyer_id": lawyer, "weekday": 6, "start": "19:00", "end": "20:00", "slot_minutes": 30, "seats": 1, "channels": ["phone"], "instant": true });
    vec![
        ("account/session", json!({})),
        ("account/set-language", json!({ "lang": "zh-CN" })),
        ("account/set-community", json!({ "community_id": community })),
        ("account/inbox", json!({})),
        ("auth/send-code", json!({ "phone": "13744440001" })),
        ("auth/sign-in-code", json!({ "phone": "13744440001", "code": "000000" })),
        ("auth/sign-in-password", json!({ "login": "nobody", "password": "x" })),
        ("auth/second-factor", json!({ "code": "000000" })),
        ("auth/sign-out", json!({})),
        ("booking/availability", json!({ "community_id": community })),
        (
            "booking/book",
            json!({ "community_id": community, "slot_start": later, "channel": "phone", "topic": "debt", "description": "借款" }),
        ),
        ("booking/mine", json!({})),
        ("booking/cancel", json!({ "booking_id": 999_999, "reason": "有事" })),
        ("booking/reschedule", json!({ "booking_id": 999_999, "slot_start": later, "reason": "有事" })),
        ("booking/rate", json!({ "booking_id": 999_999, "rating": 5 })),
        ("booking/waitlist", json!({ "community_id": community, "slot_start": later })),
        ("desk/bookings", json!({ "community_id": community })),
        ("desk/call", json!({ "booking_id": 999_999 })),
        ("desk/meeting-link", json!({ "booking_id": 999_999, "url": "https://meet.example.gov.cn/fai-1" })),
        ("desk/decide", json!({ "booking_id": 999_999, "action": "confirm" })),
        ("desk/communities", json!({})),
        ("desk/schedule", json!({ "community_id": community })),
        ("desk/add-duty", json!({ "community_id": community, "period": period })),
        ("desk/duty-plan", json!({ "community_id": community })),
        ("desk/preview-duty", json!({ "community_id": community, "period": period })),
        ("desk/end-duty", json!({ "community_id": community, "period_id": 999_999, "last_day": "2030-01-01" })),
        ("desk/add-exception", json!({ "community_id": community, "date": "2030-01-01" })),
        (
            "desk/settle-bookings",
            json!({ "community_id": community, "booking_ids": [999_999], "action": "cancel", "reason": "闭馆" }),
        ),
        ("staff/close-street", json!({ "street_id": 999_999, "date": "2030-01-01" })),
        ("desk/leave", json!({ "lawyer_id": lawyer, "starts_on": "2030-01-01", "ends_on": "2030-01-02" })),
        ("directory/streets", json!({})),
        ("directory/communities", json!({})),
        ("directory/community", json!({ "community_id": community })),
        ("staff/overview", json!({})),
        ("staff/board", json!({ "from": "2026-10-01", "to": "2026-10-31" })),
        ("staff/assignments", json!({ "community_id": community })),
        ("staff/audit", json!({ "action": "sign_in" })),
        ("staff/import-lawyers", json!({ "csv": "律师姓名,律师事务所,执业证号\n", "write": false })),
        (
            "staff/community",
            json!({ "community_id": community, "office_address": "后亭社区党群服务中心", "latitude": 22.7, "longitude": 113.8, "duty_days_per_month": 8 }),
        ),
        (
            "staff/assign",
            json!({ "community_id": community, "role": "b", "lawyer_id": lawyer, "starts_on": server::store::today().to_string() }),
        ),
        ("staff/import-assignments", json!({ "csv": "社区,角色,执业证号,开始日期\n", "write": false })),
        ("admin/staff-accounts", json!({})),
        ("calendar/year", json!({ "year": 2026 })),
        ("staff/setup", json!({})),
        ("staff/booking-rules", json!({})),
        ("staff/messages", json!({ "from": "2026-12-01", "to": "2026-12-31" })),
        ("staff/save-booking-rules", json!({ "community_id": community, "rules": rules() })),
        ("staff/clear-booking-rules", json!({ "community_id": community })),
        ("calendar/save", json!({ "date": "2026-12-26", "kind": "workday", "name": "调休上班", "works_as": 5 })),
        ("calendar/remove", json!({ "date": "2026-12-27" })),
        ("calendar/import", json!({ "year": 2027, "csv": "date,kind,name\n", "write": false })),
        ("staff/lawyers", json!({ "text": "" })),
        (
            "staff/save-lawyer",
            json!({ "lawyer_id": 999_999, "name": "无", "firm_id": 1, "licence_no": "14403000000000000", "verified": false }),
        ),
        ("staff/retire-lawyer", json!({ "lawyer_id": 999_999, "last_day": "2030-01-01", "bookings": "hand_over" })),
        ("staff/retire-community", json!({ "community_id": 999_999, "last_day": "2030-01-01", "bookings": "cancel" })),
        ("staff/retire-street", json!({ "street_id": 999_999, "last_day": "2030-01-01" })),
        ("staff/add-member", json!({ "lawyer_id": 999_999, "name": "志愿者", "kind": "volunteer" })),
        (
            "staff/lawyer-account",
            json!({ "lawyer_id": 999_999, "phone": "13700009999", "password": "first-password-1" }),
        ),
        ("staff/remove-member", json!({ "member_id": 999_999 })),
        ("staff/places", json!({ "street_id": null })),
        ("staff/save-street", json!({ "street_id": 999_999, "name": "无此街道", "sort_order": 0 })),
        (
            "staff/save-community",
            json!({ "community_id": 999_999, "street_id": 1, "name": "无此社区", "office_address": "" }),
        ),
        ("staff/save-firm", json!({ "firm_id": 999_999, "name": "无此律师事务所", "address": "" })),
        (
            "admin/save-staff-account",
            json!({ "id": 999_999, "login": "nobody", "display_name": "无", "phone": "", "role": "staff", "password": "" }),
        ),
        ("duty/lawyers", json!({})),
        ("duty/status", json!({ "lawyer_id": lawyer })),
        ("duty/check-in", json!({ "lawyer_id": lawyer, "community_id": community })),
        ("duty/check-out", json!({ "lawyer_id": lawyer })),
        ("duty/record", record(lawyer, community)),
        ("duty/month", json!({ "lawyer_id": lawyer, "month": this_month() })),
        ("duty/review", json!({ "lawyer_id": lawyer, "month": this_month(), "action": "confirm" })),
        ("duty/lock", json!({ "lawyer_id": lawyer, "month": this_month() })),
        ("duty/correct", correction(lawyer, community)),
        ("duty/corrections", json!({})),
        ("duty/decide-correction", json!({ "correction_id": 999_999, "approve": false, "note": "不符" })),
        ("files/share", json!({ "token": NO_FILE })),
        ("files/mine", json!({})),
        ("files/residents", json!({})),
        ("files/delete", json!({ "token": NO_FILE })),
        ("library/search", json!({ "query": "借条" })),
        ("library/document", json!({ "document_id": 1 })),
        ("library/publish", json!({ "title": "借条", "category": "debt", "token": NO_FILE })),
        ("library/revise", json!({ "document_id": 999_999, "token": NO_FILE })),
        ("articles/feed", json!({})),
        ("articles/read", json!({ "article_id": 1 })),
        ("articles/save", json!({ "title": "普法", "category": "labour", "body": "正文", "community_id": community })),
        ("articles/all", json!({})),
        ("articles/sms", json!({ "on": false })),
        (
            "questions/ask",
            json!({ "client_key": "m", "category": "debt", "title": "借款", "body": "借款", "consent": true }),
        ),
        ("questions/mine", json!({})),
        ("questions/thread", json!({ "question_id": 999_999 })),
        ("questions/inspect", json!({ "question_id": 999_999, "reason": "核查投诉" })),
        ("questions/follow-up", json!({ "question_id": 999_999, "body": "补充" })),
        ("questions/accept", json!({ "question_id": 999_999 })),
        ("questions/rate", json!({ "question_id": 999_999, "rating": 5 })),
        ("questions/queue", json!({})),
        ("questions/claim", json!({ "question_id": 999_999 })),
        ("questions/answer", json!({ "question_id": 999_999, "body": "答复" })),
        ("questions/request-info", json!({ "question_id": 999_999, "body": "请补充" })),
        ("questions/close", json!({ "question_id": 999_999 })),
        ("questions/reassign", json!({ "question_id": 999_999, "lawyer_id": 1 })),
        ("questions/publish", json!({ "question_id": 999_999, "title": "t", "question": "q", "answer": "a" })),
        ("questions/faq", json!({ "query": "借" })),
        ("assisted/consent-code", json!({ "phone": "13744440002" })),
        ("referrals/organisations", json!({})),
        ("referrals/create", json!({ "question_id": 999_999, "organisation_id": 1, "facts": "欠薪" })),
        ("referrals/consent-code", json!({ "question_id": 999_999 })),
        ("referrals/sent", json!({})),
        ("referrals/withdraw", json!({ "referral_id": 999_999 })),
        ("referrals/mine", json!({})),
        ("referrals/consent", json!({ "referral_id": 999_999, "agree": true })),
        ("referrals/queue", json!({})),
        ("referrals/answer", json!({ "referral_id": 999_999, "accept": true })),
        ("referrals/close", json!({ "referral_id": 999_999, "outcome": "aid_granted" })),
        ("staff/scorecards", json!({ "year": 2026 })),
        ("staff/conclude", json!({ "lawyer_id": lawyer, "year": 2026, "conclusion": "合格", "comment": "" })),
        ("evaluations/mine", json!({ "year": 2026 })),
        ("evaluations/answer", json!({ "year": 2026, "answer": "收到" })),
        ("feedback/matters", json!({})),
        ("feedback/send", json!({ "kind": "praise", "booking_id": 999_999, "body": "很耐心" })),
        ("feedback/mine", json!({})),
        ("staff/feedback", json!({})),
        ("staff/reply-complaint", json!({ "id": 999_999, "reply": "已核实" })),
        (
            "staff/record-thanks",
            json!({ "channel": "banner", "lawyer_id": lawyer, "community_id": community, "received_on": "2026-01-05", "note": "锦旗" }),
        ),
        ("staff/service-points", json!({ "year": 2026 })),
        (
            "staff/save-point",
            json!({ "street_id": 1, "name": "矩阵工业园", "kind": "park", "office_address": "园区一楼" }),
        ),
        ("staff/lecture-target", json!({ "street_id": 1, "year": 2019, "target": 5 })),
        ("themes/current", json!({})),
        ("themes/answer", json!({ "month": "2026-01", "choices": [0] })),
        (
            "staff/save-theme",
            json!({ "month": "2019-01", "title": "宪法", "questions": [{ "prompt": "问", "options": ["甲", "乙"], "answer": 0 }] }),
        ),
        ("staff/theme-stats", json!({ "month": "2026-01" })),
        ("staff/draw-review", json!({ "from": "2026-01-01", "to": "2026-01-31", "size": 5 })),
        ("staff/reviews", json!({})),
        ("staff/score-item", json!({ "item_id": 999_999, "checks": [true, true, true, true, true] })),
        ("reviews/mine", json!({})),
        ("staff/incidents", json!({})),
        (
            "staff/open-incident",
            json!({ "name": "某厂欠薪", "community_id": community, "opened_on": "2026-01-05", "lawyer_ids": [lawyer] }),
        ),
        ("staff/incident-team", json!({ "id": 999_999, "lawyer_ids": [lawyer] })),
        ("staff/close-incident", json!({ "id": 999_999, "closed_on": "2026-01-05" })),
        ("incidents/mine", json!({})),
        ("incidents/record", json!({ "incident_id": 999_999, "record": record(lawyer, community) })),
        ("visits/offices", json!({})),
        ("visits/slots", json!({ "organisation_id": 1 })),
        (
            "visits/book",
            json!({ "organisation_id": 1, "start": later, "matter": "will", "address": "幸福路8号", "birth_date": "1950-03-01" }),
        ),
        ("visits/mine", json!({})),
        ("visits/cancel", json!({ "id": 999_999 })),
        ("visits/hours", json!({})),
        ("visits/save-hours", json!({ "periods": [] })),
        ("visits/office", json!({})),
        ("visits/finish", json!({ "id": 999_999, "status": "done" })),
        ("admin/organisations", json!({})),
        ("admin/save-organisation", json!({ "kind": "notary", "name": "矩阵公证处" })),
        ("admin/webhooks", json!({})),
        ("admin/save-webhook", json!({ "name": "12348", "url": "https://hook.example.gov.cn/fai" })),
        ("admin/api-keys", json!({})),
        ("admin/save-api-key", json!({ "name": "法援案件系统", "organisation_id": 1, "scopes": ["referrals:read"] })),
        (
            "assisted/book",
            json!({ "resident": { "phone": "13744440003", "consent": "desk" }, "booking": { "community_id": community,
                "slot_start": later, "channel": "phone", "topic": "debt", "description": "借款" } }),
        ),
        (
            "assisted/ask",
            json!({ "resident": { "phone": "13744440003", "consent": "phone" }, "question": { "client_key": "m",
                "community_id": community, "category": "debt", "title": "借款", "body": "借款", "consent": true } }),
        ),
    ]
}

pub(crate) fn this_month() -> String {
    app::domain::month_of(server::store::today())
}

/// A well-formed service record for `lawyer` at `community`, with a fresh device key.
pub(crate) fn record(lawyer: i64, community: i64) -> Value {
    json!({ "client_key": format!("matrix-{}", server::store::now_ms()), "lawyer_id": lawyer, "community_id": community,
        "category": "consultation", "served_on": server::store::today().to_string(), "people_served": 1, "summary": "咨询工资拖欠" })
}

/// A well-formed correction: a duty yesterday morning.
pub(crate) fn correction(lawyer: i64, community: i64) -> Value {
    json!({ "lawyer_id": lawyer, "community_id": community, "served_on": server::store::today().plus_days(-1).to_string(),
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
fn every_declared_endpoint_has_a_request_in_the_matrix() {
    let declared: std::collections::BTreeSet<String> =
        server::http::routes::DECLARED.iter().map(|(path, _)| path.trim_start_matches("/api/").to_owned()).collect();
    let requested: std::collections::BTreeSet<String> = requests(1, 1).iter().map(|(p, _)| (*p).to_owned()).collect();
    assert_eq!(declared, requested, "give each endpoint a well-formed request in tests/api/matrix.rs");
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
        let may = &may;
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
