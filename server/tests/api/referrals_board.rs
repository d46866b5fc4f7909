//! Referrals on the board and in its export: counted by kind, status and special group in the
//! area shown, those past their answer's due time called out, the paragraph saying so.

use crate::helpers::spawn_app;
use crate::referrals::{organisation, question_with_photo, refer};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn the_board_counts_referrals_by_kind_status_and_group_and_calls_out_the_overdue() {
    let app = spawn_app().await;
    let lawyer = app.staff_client("lawyer").await;
    let legal_aid = organisation(&app, "宝安区法律援助处").await;
    let mediation = organisation(&app, "沙井街道人民调解委员会").await;
    for (n, body, agree) in [(1, legal_aid, true), (2, mediation, true), (3, legal_aid, false)] {
        let (resident, question, _) = question_with_photo(&app, &format!("1372222600{n}")).await;
        let (status, view) = refer(&app, &lawyer, question, body, &[]).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        if agree {
            let id = view["id"].as_i64().expect("id");
            app.post_with(&resident, "referrals/consent", json!({ "referral_id": id, "agree": true })).await;
        }
    }
    // The mediation committee's answer is late.
    sqlx::query("UPDATE referrals SET due_at = 1 WHERE kind = 'mediation'")
        .execute(app.store.writer())
        .await
        .expect("due");

    let today = server::store::today();
    let period = json!({ "from": today.plus_days(-1).to_string(), "to": today.to_string() });
    let tally = |board: &Value, kind: &str, status: &str| -> (i64, i64) {
        let rows = board["referrals"].as_array().expect("tallies");
        let of = rows.iter().filter(|r| r["kind"] == kind && r["status"] == status);
        of.fold((0, 0), |(n, o), r| (n + r["referrals"].as_i64().unwrap_or(0), o + r["overdue"].as_i64().unwrap_or(0)))
    };
    for login in ["staff", "shajing"] {
        let (status, board) = app.post_with(&app.staff_client(login).await, "staff/board", period.clone()).await;
        assert_eq!(status, StatusCode::OK, "{board}");
        assert_eq!(tally(&board, "legal_aid", "sent"), (1, 0), "{login}: {board}");
        assert_eq!(tally(&board, "legal_aid", "awaiting_consent"), (1, 0));
        assert_eq!(tally(&board, "mediation", "sent"), (1, 1));
        assert!(board["referrals"].as_array().expect("tallies").iter().all(|r| r["special_group"] == "migrant_worker"));
        let summary = board["summary"].as_str().expect("summary");
        assert!(summary.contains("转介法律援助1件、人民调解1件、公证0件，其中绿色通道2件。"), "{summary}");
        assert!(summary.contains("1件转介超期未获答复"), "{summary}");
    }
    // Another street, drilled into: none of them.
    let elsewhere = app.street("新安街道").await;
    let mut there = period.clone();
    there["street"] = json!(elsewhere);
    let (_, board) = app.post_with(&app.staff_client("staff").await, "staff/board", there).await;
    assert_eq!(board["referrals"], json!([]), "{board}");

    // The export: a row per kind and group.
    let staff = app.staff_client("staff").await;
    let url = format!("{}/api/staff/board.csv?from={}&to={}&by=referral", app.address, today.plus_days(-1), today);
    let response = staff.get(url).send().await.expect("export");
    assert_eq!(response.status(), StatusCode::OK);
    let csv = response.text().await.expect("csv");
    assert!(csv.contains("法律援助,农民工,2,1,1,0,0,0,0,0"), "{csv}");
    assert!(csv.contains("人民调解,农民工,1,0,1,0,0,0,0,1"), "{csv}");
    let url = format!("{}/api/staff/board.csv?from={}&to={}&by=referral", app.address, today, today.plus_days(800));
    let too_long = staff.get(url).send().await.expect("export");
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let resident = app.resident("13722226009").await;
    let url = format!("{}/api/staff/board.csv?from={}&to={}&by=referral", app.address, today, today);
    assert_eq!(resident.get(url).send().await.expect("export").status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn services_to_special_groups_are_counted_per_group_in_the_area_shown() {
    let app = spawn_app().await;
    let lawyer = app.staff_client("lawyer").await;
    let (lawyer_id, community): (i64, i64) = sqlx::query_as(
        "SELECT l.id, a.community_id FROM lawyers l JOIN users u ON u.id = l.user_id JOIN assignments a ON a.lawyer_id = l.id \
         WHERE u.login = 'lawyer' AND a.ends_on IS NULL ORDER BY a.community_id LIMIT 1",
    )
    .fetch_one(&app.store.pool)
    .await
    .expect("the demo lawyer");
    let mut sent = 0;
    for (group, people) in
        [(json!("migrant_worker"), 3), (json!("migrant_worker"), 1), (json!("elderly"), 2), (Value::Null, 5)]
    {
        sent += 1;
        let mut record = crate::matrix::record(lawyer_id, community);
        record["client_key"] = json!(format!("special-group-{sent}"));
        record["special_group"] = group.clone();
        record["people_served"] = json!(people);
        let (status, saved) = app.post_with(&lawyer, "duty/record", record).await;
        assert_eq!((status, &saved["special_group"]), (StatusCode::OK, &group), "{saved}");
    }
    let mut bad = crate::matrix::record(lawyer_id, community);
    bad["special_group"] = json!("vip");
    let before = app.count("SELECT COUNT(*) FROM service_records").await;
    assert_eq!(app.post_with(&lawyer, "duty/record", bad).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(app.count("SELECT COUNT(*) FROM service_records").await, before);

    let today = server::store::today().to_string();
    let period = json!({ "from": today, "to": today });
    let (_, board) = app.post_with(&app.staff_client("shajing").await, "staff/board", period.clone()).await;
    assert_eq!(
        board["special_groups"],
        json!([{ "group": "migrant_worker", "services": 2, "people": 4, "questions": 0, "bookings": 0 },
               { "group": "elderly", "services": 1, "people": 2, "questions": 0, "bookings": 0 }])
    );
    let summary = board["summary"].as_str().expect("summary");
    assert!(summary.contains("为特殊群体提供服务3件(农民工2件、老年人1件)。"), "{summary}");
    let mut there = period;
    there["street"] = json!(app.street("新安街道").await);
    let (_, board) = app.post_with(&app.staff_client("staff").await, "staff/board", there).await;
    assert_eq!(board["special_groups"], json!([]));
}
