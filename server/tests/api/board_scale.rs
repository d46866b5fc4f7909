//! The board of a programme too large to list: a generated programme of 206 streets (PostgreSQL;
//! on SQLite the generator says it needs PostgreSQL). The streets shown are the 200 least
//! covered; the programme's figures and each shown street's equal what the records say.

use crate::helpers::{fresh_store, on_postgres};
use app::time::LocalDate;
use server::generate::{generate, Size};

fn date(text: &str) -> LocalDate {
    LocalDate::parse(text).expect("date")
}

#[tokio::test]
async fn a_large_programme_lists_its_least_covered_streets_with_figures_that_add_up() {
    let (store, _dir) = fresh_store().await;
    let size = Size { communities: 3_090, year: 2025 };
    // Before there is a programme, the board is empty, not an error.
    let (day, now) = (date("2025-06-01"), date("2025-06-01").start().0);
    let empty = server::board::read(&store, None, day, day, day, now).await.expect("empty board");
    assert_eq!((empty.streets_total, empty.communities_total, empty.totals.quota), (0, 0, 0));
    if !on_postgres() {
        let refused = generate(&store, size).await.expect_err("SQLite");
        assert!(refused.contains("PostgreSQL"), "{refused}");
        return;
    }
    let records = generate(&store, size).await.expect("generated");
    assert!(records > 100_000, "{records} records");
    assert!(generate(&store, size).await.expect_err("not empty").contains("already holds a programme"));

    // A year that ends on a Tuesday, so that both whole months and loose days are summed.
    let (from, to, today) = (date("2025-01-01"), date("2025-12-16"), date("2026-01-10"));
    let board = server::board::read(&store, None, from, to, today, today.start().0).await.expect("board");
    assert_eq!((board.streets_total, board.communities_total), (206, 3_090));
    assert_eq!(board.streets.len(), 200);
    assert!(board.communities.is_empty() && board.with_gaps_total.is_none() && board.over_time.is_empty());
    let coverage: Vec<f64> =
        board.streets.iter().map(|s| s.figures.duty_days as f64 / s.figures.quota.max(1) as f64).collect();
    assert!(coverage.windows(2).all(|w| w[0] <= w[1]), "least covered first");

    let (first, last) = (from.to_days(), to.to_days());
    let sum = |sql: &str| {
        let sql = sql.to_owned();
        let pool = store.pool.clone();
        async move { sqlx::query_scalar::<_, i64>(&sql).bind(first).bind(last).fetch_one(&pool).await.expect(&sql) }
    };
    let duty_days =
        sum("SELECT CAST(SUM(duty_days) AS BIGINT) FROM board_days_live WHERE day >= $1 AND day <= $2").await;
    let asked =
        sum("SELECT CAST(SUM(questions_asked) AS BIGINT) FROM board_days_live WHERE day >= $1 AND day <= $2").await;
    let held =
        sum("SELECT CAST(SUM(bookings_completed) AS BIGINT) FROM board_days_live WHERE day >= $1 AND day <= $2").await;
    assert_eq!(
        (board.totals.duty_days, board.totals.questions_asked, board.totals.bookings_completed),
        (duty_days, asked, held)
    );
    let street = &board.streets[0];
    let of_street: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(d.duty_days), 0) AS BIGINT) FROM board_days_live d JOIN communities c ON c.id = d.community_id \
         WHERE c.street_id = $1 AND d.day >= $2 AND d.day <= $3",
    )
    .bind(street.id)
    .bind(first)
    .bind(last)
    .fetch_one(&store.pool)
    .await
    .expect("street");
    assert_eq!(street.figures.duty_days, of_street);

    // A calendar year: the coverage order comes from the yearly roll-up.
    let year =
        server::board::read(&store, None, from, date("2025-12-31"), today, today.start().0).await.expect("board");
    let whole = sqlx::query_scalar::<_, i64>("SELECT CAST(SUM(duty_days) AS BIGINT) FROM board_days_live")
        .fetch_one(&store.pool)
        .await
        .expect("year");
    assert_eq!(year.totals.duty_days, whole);
    let coverage: Vec<f64> =
        year.streets.iter().map(|s| s.figures.duty_days as f64 / s.figures.quota.max(1) as f64).collect();
    assert!(coverage.windows(2).all(|w| w[0] <= w[1]), "least covered first");

    // A street chosen: its communities, with their gaps, and the street first in the list.
    let chosen = board.streets[150].id;
    let drill = server::board::read(&store, Some(chosen), from, to, today, today.start().0).await.expect("board");
    assert_eq!(drill.streets[0].id, chosen);
    assert!(drill.streets[0].with_gaps.is_some());
    assert_eq!(drill.communities.len() as i64, drill.streets[0].communities);
    assert!(drill.communities.iter().all(|c| c.street_id == chosen));
    let lines: i64 = drill.communities.iter().map(|c| c.figures.duty_days).sum();
    assert_eq!(lines, drill.streets[0].figures.duty_days, "the street is the sum of its communities");
}
