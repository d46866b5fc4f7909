//! Special groups on questions and consultations: a resident says which group they belong to
//! when asking, the lawyer records it when a consultation is done (its service record takes it);
//! the board and its export count each group's services, questions and consultations in the area
//! shown; a bad group, or one named on another step, is refused and changes nothing.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn question(key: &str, group: Value) -> Value {
    json!({ "client_key": key, "category": "labour", "title": "退休前被辞退", "body": "工作二十年，临近退休被公司辞退，没有补偿。",
            "consent": true, "special_group": group })
}

#[tokio::test]
async fn questions_and_consultations_of_special_groups_are_counted_on_the_board_and_exported() {
    let app = spawn_app().await;
    let (elder, _) = app.resident_of("13722240001", "后亭社区").await;
    let asked = "SELECT COUNT(*) FROM questions";
    for (n, bad) in [json!("vip"), json!("Elderly"), json!(" elderly"), json!(["elderly"]), json!("e".repeat(10_000))]
        .into_iter()
        .enumerate()
    {
        let (status, answer) = app.post_with(&elder, "questions/ask", question(&format!("bad-{n}"), bad.clone())).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
        assert_eq!(app.count(asked).await, 0, "{bad} asked nothing");
    }
    let (status, thread) = app.post_with(&elder, "questions/ask", question("elder", json!("elderly"))).await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    let (other, _) = app.resident_of("13722240002", "后亭社区").await;
    assert_eq!(app.post_with(&other, "questions/ask", question("other", Value::Null)).await.0, StatusCode::OK);

    // The consultation: a group named on another step is refused; on completing, kept twice.
    let (resident, _) = app.resident_of("13722240003", "后亭社区").await;
    let booking = app.confirmed_booking(&resident, "in_person", -1).await;
    let lawyer = app.staff_client("lawyer").await;
    let decide =
        |action: &str, group: Value| json!({ "booking_id": booking, "action": action, "special_group": group });
    for (body, expected) in [
        (decide("no_show", json!("migrant_worker")), StatusCode::UNPROCESSABLE_ENTITY),
        (decide("note", json!("migrant_worker")), StatusCode::UNPROCESSABLE_ENTITY),
        (decide("complete", json!("worker")), StatusCode::BAD_REQUEST),
    ] {
        let (status, answer) = app.post_with(&lawyer, "desk/decide", body.clone()).await;
        assert_eq!(status, expected, "{body}: {answer}");
        let state = format!(
            "SELECT COUNT(*) FROM bookings WHERE id = {booking} AND status = 'confirmed' AND special_group IS NULL"
        );
        assert_eq!(app.count(&state).await, 1, "{body} changed nothing");
    }
    let (status, done) = app.post_with(&lawyer, "desk/decide", decide("complete", json!("migrant_worker"))).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    let record = format!(
        "SELECT COUNT(*) FROM service_records WHERE booking_id = {booking} AND special_group = 'migrant_worker'"
    );
    assert_eq!(app.count(&record).await, 1, "the service record takes the group");

    let today = server::store::today();
    let period = json!({ "from": today.plus_days(-1).to_string(), "to": today.to_string() });
    let mut here = period.clone();
    here["street"] = json!(app.street("沙井街道").await);
    let staff = app.staff_client("staff").await;
    let (_, board) = app.post_with(&staff, "staff/board", here).await;
    assert_eq!(
        board["special_groups"],
        json!([{ "group": "migrant_worker", "services": 1, "people": 1, "questions": 0, "bookings": 1 },
               { "group": "elderly", "services": 0, "people": 0, "questions": 1, "bookings": 0 }]),
        "{board}"
    );
    let summary = board["summary"].as_str().expect("summary");
    assert!(summary.contains("为特殊群体提供服务1件(农民工1件)。特殊群体在线咨询1件、完成预约咨询1次。"), "{summary}");
    let (_, shajing) = app.post_with(&app.staff_client("shajing").await, "staff/board", period.clone()).await;
    assert_eq!(shajing["special_groups"], board["special_groups"], "the street's own staff see the same");
    let mut elsewhere = period;
    elsewhere["street"] = json!(app.street("新安街道").await);
    let (_, board) = app.post_with(&staff, "staff/board", elsewhere).await;
    assert_eq!(board["special_groups"], json!([]), "another street's board");

    // The export: a row per group, the way the bureau reports them.
    let url = |by: &str| format!("{}/api/staff/board.csv?from={}&to={today}&by={by}", app.address, today.plus_days(-1));
    let response = staff.get(url("group")).send().await.expect("export");
    assert_eq!(response.status(), StatusCode::OK);
    let csv = response.text().await.expect("csv");
    assert!(csv.contains("特殊群体,服务件数,服务人次,在线咨询,完成预约咨询,转介(已转交)"), "{csv}");
    assert!(
        csv.contains("农民工,1,1,0,1,0") && csv.contains("老年人,0,0,1,0,0") && csv.contains("残疾人,0,0,0,0,0"),
        "{csv}"
    );
    let response = app.staff_client("shajing").await.get(url("group")).send().await.expect("export");
    let csv = response.text().await.expect("csv");
    assert!(csv.contains("农民工,1,1,0,1,0"), "a street's staff export their street: {csv}");
    let xinan = app.street("新安街道").await;
    let response = staff.get(format!("{}&street={xinan}", url("group"))).send().await.expect("export");
    let csv = response.text().await.expect("csv");
    assert!(csv.contains("农民工,0,0,0,0,0") && csv.contains("老年人,0,0,0,0,0"), "another street's: {csv}");
    assert_eq!(resident.get(url("group")).send().await.expect("export").status(), StatusCode::FORBIDDEN);
}
