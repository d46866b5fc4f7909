//! Every bad duty request gets a clear error in the caller's language and changes nothing.

use crate::duty::{desk, month};
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::store::today;

#[tokio::test]
async fn every_bad_duty_request_gets_a_clear_error_and_changes_nothing() {
    let d = desk().await;
    let other_community: i64 = d
        .app
        .count(&format!("SELECT MIN(community_id) FROM assignments WHERE community_id NOT IN (SELECT community_id FROM assignments WHERE lawyer_id = {})", d.lawyer_id))
        .await;
    let other_lawyer: i64 = d.app.count(&format!("SELECT MIN(id) FROM lawyers WHERE id <> {}", d.lawyer_id)).await;
    let before = (d.rows("duty_logs").await, d.rows("service_records").await, d.rows("duty_corrections").await);

    let cases: Vec<(&str, Value, StatusCode, &str)> = vec![
        (
            "duty/check-in",
            json!({ "lawyer_id": d.lawyer_id, "community_id": other_community }),
            StatusCode::NOT_FOUND,
            "该律师不在此社区值班",
        ),
        (
            "duty/check-in",
            json!({ "lawyer_id": other_lawyer, "community_id": d.houting }),
            StatusCode::NOT_FOUND,
            "没有找到该内容",
        ),
        (
            "duty/check-in",
            json!({ "lawyer_id": d.lawyer_id, "community_id": d.houting, "position": { "latitude": 200.0, "longitude": 0.0 } }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "位置信息无效",
        ),
        (
            "duty/check-in",
            json!({ "lawyer_id": d.lawyer_id, "community_id": d.houting, "reason": "长".repeat(201) }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请填写原因(不超过200字)",
        ),
        ("duty/check-out", json!({ "lawyer_id": d.lawyer_id }), StatusCode::CONFLICT, "当前没有进行中的值班"),
        (
            "duty/correct",
            json!({ "lawyer_id": d.lawyer_id, "community_id": d.houting, "served_on": today().plus_days(1).to_string(), "start": "09:00", "end": "10:00", "reason": "补登" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "日期不能晚于今天",
        ),
        (
            "duty/correct",
            json!({ "lawyer_id": d.lawyer_id, "community_id": d.houting, "served_on": today().to_string(), "start": "00:00", "end": "24:00", "reason": "补登" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "日期不能晚于今天",
        ),
        (
            "duty/correct",
            json!({ "lawyer_id": d.lawyer_id, "community_id": d.houting, "served_on": today().plus_days(-1).to_string(), "start": "11:00", "end": "10:00", "reason": "补登" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请输入正确的时间，结束应晚于开始",
        ),
        (
            "duty/correct",
            json!({ "lawyer_id": d.lawyer_id, "community_id": d.houting, "served_on": today().plus_days(-1).to_string(), "start": "09:00", "end": "10:00", "reason": " " }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请填写原因(不超过200字)",
        ),
        (
            "duty/correct",
            json!({ "lawyer_id": d.lawyer_id, "community_id": d.houting, "served_on": today().plus_days(-1).to_string(), "start": "09:00", "end": "10:00", "reason": "改时间", "duty_id": 999_999 }),
            StatusCode::NOT_FOUND,
            "没有找到该内容",
        ),
        (
            "duty/month",
            json!({ "lawyer_id": d.lawyer_id, "month": "2026-13" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请输入正确的月份(如2026-11)",
        ),
        (
            "duty/review",
            json!({ "lawyer_id": d.lawyer_id, "month": month(), "action": "dispute", "comment": "" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请填写原因(不超过200字)",
        ),
    ];
    for (path, body, status, message) in cases {
        let (got, answer) = d.app.post_with(&d.lawyer, path, body.clone()).await;
        assert_eq!((got, answer["message"].as_str()), (status, Some(message)), "{path} {body}: {answer}");
    }
    let records: Vec<(Value, StatusCode, &str)> = vec![
        (
            json!({ "served_on": today().plus_days(1).to_string() }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "日期不能晚于今天",
        ),
        (
            json!({ "served_on": today().plus_days(-200).to_string() }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "只能登记最近三个月内的服务",
        ),
        (json!({ "served_on": "2026-02-30" }), StatusCode::UNPROCESSABLE_ENTITY, "请输入正确的日期"),
        (json!({ "people_served": 0 }), StatusCode::UNPROCESSABLE_ENTITY, "人数应在1到5000之间"),
        (json!({ "people_served": -5 }), StatusCode::UNPROCESSABLE_ENTITY, "人数应在1到5000之间"),
        (json!({ "people_served": 100_000 }), StatusCode::UNPROCESSABLE_ENTITY, "人数应在1到5000之间"),
        (json!({ "summary": "" }), StatusCode::UNPROCESSABLE_ENTITY, "请填写服务内容(不超过2000字)"),
        (
            json!({ "category": "publicity", "people_served": 30 }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请填写主题(不超过200字)",
        ),
        (
            json!({ "category": "mediation", "parties": "甲、乙" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请填写调处结果(不超过200字)",
        ),
        (
            json!({ "category": "legal_opinion", "topic": "合同审查" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "请填写当事人或服务对象(不超过200字)",
        ),
        (json!({ "community_id": other_community }), StatusCode::NOT_FOUND, "该律师不在此社区值班"),
        (json!({ "lawyer_id": other_lawyer }), StatusCode::NOT_FOUND, "没有找到该内容"),
        (json!({ "category": "fortune_telling" }), StatusCode::BAD_REQUEST, "请求格式不正确"),
    ];
    for (n, (fields, status, message)) in records.into_iter().enumerate() {
        let (got, answer) = d.record(&d.lawyer, &format!("bad-input-{n:04}"), fields.clone()).await;
        assert_eq!((got, answer["message"].as_str()), (status, Some(message)), "{fields}: {answer}");
    }
    let (got, answer) = d.record(&d.lawyer, "short", json!({})).await;
    assert_eq!(
        (got, answer["message"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("请求编号无效，请刷新后重试"))
    );
    assert_eq!(before, (d.rows("duty_logs").await, d.rows("service_records").await, d.rows("duty_corrections").await));
    assert_eq!(d.rows("month_reviews").await, 0);
}
