//! Years of past work added in bulk to the demo district (`server generate-history`), on both
//! databases: what it adds, that it keeps every rule of the records (no seat taken twice, each
//! question with its question and answer), that the board counts it as it counts the records,
//! and that it is added once.

use crate::helpers::spawn_app;
use app::time::LocalDate;
use server::generate::{history, history_counts};

#[tokio::test]
async fn a_history_adds_years_of_records_that_keep_the_rules_and_the_board_counts_them() {
    let app = spawn_app().await;
    let scale = 0.0002;
    assert_eq!(history_counts(scale), [400, 2_000, 600, 4_000]);
    for bad in [0.0, -1.0, 11.0, f64::NAN] {
        assert!(history(&app.store, bad).await.is_err(), "{bad}");
    }
    let users = app.count("SELECT COUNT(*) FROM users").await;
    assert_eq!(history(&app.store, scale).await.expect("history"), [400, 2_000, 600, 4_000]);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, users + 400);
    assert_eq!(app.count("SELECT COUNT(*) FROM bookings WHERE code LIKE 'HIST-%'").await, 2_000);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM questions WHERE client_key LIKE 'hist-%' AND status = 'closed'").await,
        600
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM question_messages m JOIN questions q ON q.id = m.question_id WHERE q.client_key LIKE 'hist-%'")
            .await,
        1_200,
        "a question and an answer each"
    );
    // No seat is taken twice, and every booking is over.
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM (SELECT community_id, slot_start, seat FROM bookings WHERE status NOT IN ('cancelled', 'declined') \
             GROUP BY community_id, slot_start, seat HAVING COUNT(*) > 1) x"
        )
        .await,
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM bookings WHERE code LIKE 'HIST-%' AND status IN ('pending', 'confirmed')")
            .await,
        0
    );

    // The history ends before the programme's first year, and the board counts it as the records.
    let first: i64 = sqlx::query_scalar("SELECT MIN(slot_start) FROM bookings WHERE code LIKE 'HIST-%'")
        .fetch_one(&app.store.pool)
        .await
        .expect("first");
    let year = app::time::Instant(first).to_shanghai().0.year;
    let (from, to) = (LocalDate { year, month: 1, day: 1 }, LocalDate { year, month: 12, day: 31 });
    let today = server::store::today();
    let board = server::board::read(&app.store, None, from, to, today, server::store::now_ms()).await.expect("board");
    let (start, end) = (from.start().0, to.plus_days(1).start().0);
    let held = app
        .count(&format!(
            "SELECT COUNT(*) FROM bookings WHERE status = 'completed' AND slot_start >= {start} AND slot_start < {end}"
        ))
        .await;
    let served = app
        .count(&format!(
            "SELECT COUNT(*) FROM service_records WHERE served_on >= '{from}' AND served_on <= '{to}' AND category = 'consultation'"
        ))
        .await;
    assert!(held > 0 && served > 0, "{held} {served}");
    assert_eq!(board.totals.bookings_completed, held);
    let consultations = board.totals.services.iter().find(|s| s.category == app::domain::ServiceCategory::Consultation);
    assert_eq!(consultations.map(|s| s.services), Some(served));

    // Once: a second history would number its residents over the first's.
    assert!(history(&app.store, scale).await.is_err());
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, users + 400, "nothing added");
}
