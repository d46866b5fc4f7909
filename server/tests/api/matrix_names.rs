//! What the ids in each endpoint's request name, declared here so that an endpoint naming an
//! object without a declaration fails `matrix_objects`' first test, and the ids its requests use.

use crate::matrix::{correction, record, this_month, NO_FILE};
use serde_json::{json, Value};

/// What an id in a request names, so that each role is tried on its own object and on someone
/// else's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Object {
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
    /// An emergency team's incident: its members and staff of its street, each tried on their
    /// own and on another's in `incidents.rs`.
    Incident,
    /// An item of a quality review: staff of the street it was drawn in, tried on their own and
    /// on another's in `quality_review.rs`.
    ReviewItem,
}

/// A request naming the object `id`.
pub(crate) type Body = fn(&Fixture, i64) -> Value;

/// Every endpoint whose request names an object, what it names, and a request naming `id`.
pub(crate) fn objects() -> Vec<(&'static str, Object, Body)> {
    vec![
        ("account/set-community", Object::Public, |_, id| json!({ "community_id": id })),
        // Admins issue a key for any receiving body.
        (
            "admin/save-api-key",
            Object::Public,
            |_, id| json!({ "name": "法援案件系统", "organisation_id": id, "scopes": ["referrals:read"] }),
        ),
        ("booking/availability", Object::Public, |_, id| json!({ "community_id": id })),
        (
            "booking/book",
            Object::Public,
            |f, id| json!({ "community_id": id, "slot_start": f.later, "channel": "phone", "topic": "debt", "description": "借款" }),
        ),
        ("booking/waitlist", Object::Public, |f, id| json!({ "community_id": id, "slot_start": f.later })),
        ("directory/community", Object::Public, |_, id| json!({ "community_id": id })),
        (
            "staff/conclude",
            Object::Lawyer,
            |_, id| json!({ "lawyer_id": id, "year": 2026, "conclusion": "合格", "comment": "履职认真" }),
        ),
        ("feedback/send", Object::Booking, |_, id| json!({ "kind": "praise", "booking_id": id, "body": "很耐心" })),
        (
            "staff/record-thanks",
            Object::Community,
            |f, id| json!({ "channel": "banner", "lawyer_id": f.lawyer, "community_id": id, "received_on": "2026-01-05", "note": "锦旗" }),
        ),
        ("visits/slots", Object::Public, |_, id| json!({ "organisation_id": id })),
        (
            "staff/open-incident",
            Object::Community,
            |f, id| json!({ "name": "某厂欠薪", "community_id": id, "opened_on": server::store::today().to_string(), "lawyer_ids": [f.lawyer] }),
        ),
        (
            "staff/score-item",
            Object::ReviewItem,
            |_, id| json!({ "item_id": id, "checks": [true, true, true, true, true] }),
        ),
        (
            "incidents/record",
            Object::Incident,
            |f, id| json!({ "incident_id": id, "record": record(f.lawyer, f.community) }),
        ),
        (
            "visits/book",
            Object::Public,
            |f, id| json!({ "organisation_id": id, "start": f.later, "matter": "will", "address": "幸福路8号", "birth_date": "1950-03-01" }),
        ),
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
        (
            "staff/save-point",
            Object::Public,
            |_, id| json!({ "street_id": id, "name": "矩阵工业园", "kind": "park", "office_address": "园区一楼" }),
        ),
        ("staff/lecture-target", Object::Public, |_, id| json!({ "street_id": id, "year": 2019, "target": 5 })),
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
        ("referrals/consent-code", Object::Question, |_, id| json!({ "question_id": id })),
        ("referrals/withdraw", Object::Referral, |_, id| json!({ "referral_id": id })),
        ("referrals/consent", Object::Referral, |_, id| json!({ "referral_id": id, "agree": true })),
        ("referrals/answer", Object::Referral, |_, id| json!({ "referral_id": id, "accept": true })),
        ("referrals/close", Object::Referral, |_, id| json!({ "referral_id": id, "outcome": "aid_granted" })),
    ]
}

/// Ids the object rows need: the demo lawyer and their community (后亭社区), and a community of
/// another street with its own A lawyer, which the demo lawyer does not serve.
pub(crate) struct Fixture {
    pub(crate) lawyer: i64,
    pub(crate) community: i64,
    pub(crate) foreign_lawyer: i64,
    pub(crate) foreign_community: i64,
    pub(crate) later: i64,
    pub(crate) correction: i64,
    pub(crate) foreign_correction: i64,
    pub(crate) document: i64,
    pub(crate) foreign_document: i64,
}
