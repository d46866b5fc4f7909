//! The board follows the records as they change — a duty moved, a booking held, a question
//! answered, a service deleted — and a street's board lists its own communities.

use crate::board::{at, booking, duty, exec, line, question, role_of, service};
use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The period's figures of 后亭社区 on the board, read again.
async fn houting_october(app: &TestApp, staff: &reqwest::Client, houting: i64) -> Value {
    let (status, board) =
        app.post_with(staff, "staff/board", json!({ "from": "2025-10-01", "to": "2025-10-31" })).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    line(&board, houting)["figures"].clone()
}

#[tokio::test]
async fn the_board_follows_records_changed_and_deleted() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let a = role_of(&app, houting, "a").await;
    let (_, resident) = app.resident_of("13712340002", "后亭社区").await;
    let staff = app.staff_client("staff").await;

    // Two logs of one lawyer on one day are one duty-day until both are gone.
    duty(&app, a, houting, "2025-10-06", resident, false).await;
    duty(&app, a, houting, "2025-10-06", resident, false).await;
    assert_eq!(houting_october(&app, &staff, houting).await["duty_days"], 1);
    exec(
        &app,
        "DELETE FROM duty_logs WHERE id = (SELECT MIN(id) FROM duty_logs WHERE community_id = $1)",
        &[json!(houting)],
    )
    .await;
    assert_eq!(houting_october(&app, &staff, houting).await["duty_days"], 1);
    exec(&app, "UPDATE duty_logs SET served_on = '2025-11-03' WHERE community_id = $1", &[json!(houting)]).await;
    assert_eq!(houting_october(&app, &staff, houting).await["duty_days"], 0, "moved to November");

    // A booking waiting, then held and rated, then moved out of the month.
    booking(&app, resident, a, houting, 9, "pending", Value::Null).await;
    let f = houting_october(&app, &staff, houting).await;
    assert_eq!((f["bookings_waiting"].as_i64(), f["bookings_completed"].as_i64()), (Some(1), Some(0)));
    exec(&app, "UPDATE bookings SET status = 'completed', rating = 4 WHERE code = 'BOARD009'", &[]).await;
    let f = houting_october(&app, &staff, houting).await;
    assert_eq!((f["bookings_waiting"].as_i64(), f["bookings_completed"].as_i64()), (Some(0), Some(1)));
    assert_eq!((f["ratings"].as_i64(), f["rating_sum"].as_i64()), (Some(1), Some(4)));
    let november = at("2025-11-04", 9);
    exec(
        &app,
        "UPDATE bookings SET slot_start = $1, slot_end = $2 WHERE code = 'BOARD009'",
        &[json!(november), json!(november + 1_800_000)],
    )
    .await;
    assert_eq!(houting_october(&app, &staff, houting).await["bookings_completed"], 0);

    // A question answered after 45 minutes, then its service recorded and deleted.
    let asked = at("2025-10-20", 10);
    question(&app, resident, houting, asked, Value::Null, "waiting", Value::Null).await;
    assert_eq!(houting_october(&app, &staff, houting).await["median_first_response_minutes"], Value::Null);
    exec(&app, "UPDATE questions SET status = 'answered', first_answer_at = $1", &[json!(asked + 45 * 60_000)]).await;
    let f = houting_october(&app, &staff, houting).await;
    assert_eq!((f["questions_answered"].as_i64(), f["median_first_response_minutes"].as_i64()), (Some(1), Some(60)));
    service(&app, a, houting, "mediation", "2025-10-20", 2).await;
    assert_eq!(houting_october(&app, &staff, houting).await["people_served"], 2);
    exec(&app, "DELETE FROM service_records", &[]).await;
    assert_eq!(houting_october(&app, &staff, houting).await["services"], json!([]));

    if app.store.backend == server::store::Backend::Postgres {
        // Writes and folds racing: each share is applied once.
        let racers = (1..=16).map(|i| {
            let pool = app.store.pool.clone();
            async move {
                sqlx::query("UPDATE bookings SET rating = $1 WHERE code = 'BOARD009'")
                    .bind(i % 5 + 1)
                    .execute(&pool)
                    .await
                    .expect("rate");
                sqlx::query("SELECT board_fold()").execute(&pool).await.expect("fold");
            }
        });
        futures_util::future::join_all(racers).await;
        // The writes queued their shares and the board's reads folded them: nothing is left in
        // the queue, and the tables hold what the records say (days emptied stay, as zeros).
        let queued: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM board_pending").fetch_one(&app.store.pool).await.expect("queue");
        assert_eq!(queued, 0);
        let differ: i64 = sqlx::query_scalar(
            "WITH kept AS (SELECT * FROM board_days b WHERE EXISTS \
             (SELECT 1 FROM jsonb_each(to_jsonb(b) - 'community_id' - 'day') e WHERE e.value <> '0')) \
             SELECT COUNT(*) FROM ((SELECT * FROM kept EXCEPT SELECT * FROM board_days_live) \
             UNION ALL (SELECT * FROM board_days_live EXCEPT SELECT * FROM kept)) d",
        )
        .fetch_one(&app.store.pool)
        .await
        .expect("compare");
        assert_eq!(differ, 0);
    }
}

#[tokio::test]
async fn a_street_shows_its_own_communities_and_every_street_its_figures() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let street: i64 = sqlx::query_scalar("SELECT street_id FROM communities WHERE id = $1")
        .bind(houting)
        .fetch_one(&app.store.pool)
        .await
        .expect("street");
    let staff = app.staff_client("staff").await;
    let (status, board) = app
        .post_with(&staff, "staff/board", json!({ "from": "2025-10-01", "to": "2025-10-31", "street": street }))
        .await;
    assert_eq!(status, StatusCode::OK, "{board}");
    let listed = board["communities"].as_array().expect("communities");
    assert!(listed.iter().all(|c| c["street_id"] == street) && listed.iter().any(|c| c["id"] == houting));
    assert_eq!(board["streets"].as_array().map(Vec::len), Some(10), "every street of the demo district");
    assert_eq!(board["streets_total"], 10);
    assert_eq!(board["communities_total"], 65);
    assert!(board["streets"].as_array().expect("streets").iter().all(|s| s["with_gaps"].is_i64()));
}
