//! A lawyer's month: confirming, locking, corrections after the lock, and who reads which month.

use crate::duty::{desk, month};
use reqwest::StatusCode;
use serde_json::json;
use server::store::today;

#[tokio::test]
async fn a_locked_month_changes_only_through_visible_corrections() {
    let d = desk().await;
    let staff = d.app.staff_client("staff").await;
    let (status, _) = d.record(&d.lawyer, "before-lock-01", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, m) = d
        .app
        .post_with(&d.lawyer, "duty/review", json!({ "lawyer_id": d.lawyer_id, "month": month(), "action": "confirm" }))
        .await;
    assert_eq!((status, m["status"].clone()), (StatusCode::OK, json!("confirmed")), "{m}");
    // Only the lawyer confirms; only staff lock.
    let assistant = d.app.staff_client("assistant").await;
    let (status, _) = d
        .app
        .post_with(
            &assistant,
            "duty/review",
            json!({ "lawyer_id": d.lawyer_id, "month": month(), "action": "confirm" }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) =
        d.app.post_with(&d.lawyer, "duty/lock", json!({ "lawyer_id": d.lawyer_id, "month": month() })).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, locked) =
        d.app.post_with(&staff, "duty/lock", json!({ "lawyer_id": d.lawyer_id, "month": month() })).await;
    assert_eq!((status, locked["status"].clone()), (StatusCode::OK, json!("locked")), "{locked}");
    assert_eq!(locked["locked_figures"], json!([0, 1, 1]));
    assert_eq!(d.app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'month_locked'").await, 1);

    // Locked: no new record, no check-in, no change of mind, no second lock.
    let (status, body) = d.record(&d.lawyer, "after-lock-01", json!({})).await;
    assert_eq!((status, body["message"].as_str()), (StatusCode::CONFLICT, Some("该月已锁定，请提交更正申请")));
    let (status, _) = d.check_in(&d.lawyer, Some(d.office)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, body) = d
        .app
        .post_with(
            &d.lawyer,
            "duty/review",
            json!({ "lawyer_id": d.lawyer_id, "month": month(), "action": "dispute", "comment": "少算一天" }),
        )
        .await;
    assert_eq!((status, body["message"].as_str()), (StatusCode::CONFLICT, Some("该月当前状态不能执行此操作")));
    let (status, _) = d.app.post_with(&staff, "duty/lock", json!({ "lawyer_id": d.lawyer_id, "month": month() })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // The same record sent again still answers with the record it made.
    let (status, again) = d.record(&d.lawyer, "before-lock-01", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{again}");

    // A forgotten duty, added by a correction: asked for, refused without a note, approved.
    let served_on = today().to_string();
    let (status, correction) = d
        .app
        .post_with(&d.lawyer, "duty/correct", json!({ "lawyer_id": d.lawyer_id, "community_id": d.houting, "served_on": served_on, "start": "00:00", "end": "00:01", "reason": "忘记签到" }))
        .await;
    assert_eq!(status, StatusCode::OK, "{correction}");
    assert_eq!((correction["status"].clone(), correction["after_lock"].clone()), (json!("pending"), json!(true)));
    let id = correction["id"].clone();
    let (status, _) =
        d.app.post_with(&d.lawyer, "duty/decide-correction", json!({ "correction_id": id, "approve": true })).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "lawyers do not approve their own corrections");
    let (status, body) = d
        .app
        .post_with(&staff, "duty/decide-correction", json!({ "correction_id": id, "approve": false, "note": "" }))
        .await;
    assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("note")));
    let (status, pending) = d.app.post_with(&staff, "duty/corrections", json!({})).await;
    assert_eq!((status, pending.as_array().map(Vec::len)), (StatusCode::OK, Some(1)));
    let (status, approved) =
        d.app.post_with(&staff, "duty/decide-correction", json!({ "correction_id": id, "approve": true })).await;
    assert_eq!((status, approved["status"].clone()), (StatusCode::OK, json!("approved")), "{approved}");
    let (status, _) = d
        .app
        .post_with(&staff, "duty/decide-correction", json!({ "correction_id": id, "approve": false, "note": "重复" }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let m = d.month(&d.lawyer).await;
    assert_eq!(m["duty_days"], 1, "the approved correction adds the duty-day");
    assert_eq!(m["locked_figures"], json!([0, 1, 1]), "the locked figures stay as locked");
    assert_eq!(m["corrections"][0]["after_lock"], true);
    assert_eq!(m["duties"][0]["ended_by"], "correction");
    assert_eq!(d.app.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'duty_correction_%'").await, 2);

    // The board of the month shows the lock, and the duty corrected after it, in its summary too.
    let period = json!({ "from": format!("{}-01", month()), "to": today().to_string() });
    let (_, board) = d.app.post_with(&staff, "staff/board", period).await;
    assert_eq!(board["locks"]["locked_months"], 1, "{}", board["locks"]);
    assert_eq!(board["locks"]["changed"][0]["community"], "后亭社区");
    assert_eq!(board["locks"]["changed"][0]["served_on"], served_on);
    let summary = board["summary"].as_str().unwrap_or_default();
    assert!(summary.ends_with("本期已锁定1个律师月度报表，锁定后经审批更正值班1次。"), "{summary}");
}

#[tokio::test]
async fn staff_read_any_lawyers_month_and_others_only_their_own() {
    let d = desk().await;
    let staff = d.app.staff_client("staff").await;
    let other_lawyer: i64 = d.app.count(&format!("SELECT MIN(id) FROM lawyers WHERE id <> {}", d.lawyer_id)).await;
    let (status, _) =
        d.app.post_with(&staff, "duty/month", json!({ "lawyer_id": other_lawyer, "month": month() })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) =
        d.app.post_with(&d.lawyer, "duty/month", json!({ "lawyer_id": other_lawyer, "month": month() })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let resident = d.app.resident("13666660000").await;
    let (status, _) =
        d.app.post_with(&resident, "duty/month", json!({ "lawyer_id": d.lawyer_id, "month": month() })).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
