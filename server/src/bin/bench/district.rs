//! The district a pass measures: its residents signed in, its schedule opened for the booking
//! phase, and afterwards put back as it was — so that passes over one database (interleaved with
//! another's, or a kept database's next run) each start from the same district.

use crate::hot_paths;
use server::store::{now_ms, Store};

const RESIDENTS: usize = 10_000;
pub const SEATS: i64 = 20;
/// Days of bookable slots, from tomorrow.
const BOOKING_DAYS: i64 = 3;
/// What the benchmark's bookings say, so that they can be found afterwards.
pub const DESCRIPTION: &str = "benchmark";

/// Signs residents in — those a history added, else the benchmark's own (made on the first
/// pass) — and returns their session tokens and the district's communities.
pub async fn residents(store: &Store) -> Result<(Vec<String>, Vec<i64>), Box<dyn std::error::Error>> {
    let communities: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM communities ORDER BY id").fetch_all(&store.pool).await?;
    let mut ids = hot_paths::with_history(store, RESIDENTS).await?;
    if ids.is_empty() {
        ids = sqlx::query_scalar(&format!(
            "SELECT id FROM users WHERE display_name = 'bench' AND role = 'resident' ORDER BY id LIMIT {RESIDENTS}"
        ))
        .fetch_all(&store.pool)
        .await?;
    }
    if ids.is_empty() {
        ids = add_residents(store).await?;
    }
    let mut tokens = Vec::with_capacity(ids.len());
    for id in ids {
        tokens.push(hot_paths::session(store, id, "resident").await?);
    }
    Ok((tokens, communities))
}

/// Adds the benchmark's own residents, with past work two years ago as a history's residents have
/// it on average ([`PAST_WORK`], [`PAST_MESSAGES`]): "my bookings" and "my questions" then compare
/// pages of one size with and without a history.
async fn add_residents(store: &Store) -> Result<Vec<i64>, Box<dyn std::error::Error>> {
    let mut tx = store.writer().begin().await?;
    let mut ids = Vec::with_capacity(RESIDENTS);
    for i in 0..RESIDENTS {
        let id: i64 = sqlx::query_scalar("INSERT INTO users (role, phone, display_name, created_at) VALUES ('resident', $1, 'bench', 0) RETURNING id")
            .bind(format!("135{i:08}"))
            .fetch_one(&mut *tx)
            .await?;
        ids.push(id);
    }
    let long_ago = now_ms() - 730 * 86_400_000;
    for statement in PAST_WORK {
        sqlx::query(&format!("{DESKS} {statement}")).bind(long_ago).execute(&mut *tx).await?;
    }
    sqlx::query(PAST_MESSAGES).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(ids)
}

/// Numbers 0 to 4, and the communities with their A lawyer numbered from 0: a resident's past work
/// goes to them in turn.
const DESKS: &str = "WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 4), \
    desks AS (SELECT community_id, lawyer_id, ROW_NUMBER() OVER (ORDER BY community_id) - 1 AS r \
      FROM assignments WHERE role = 'a' AND ends_on IS NULL)";

/// Each benchmark resident's past work, in bulk, $1 two years ago: five held consultations, each
/// its own half-hour (no seat is taken twice), and one or two questions (three for every two
/// residents), as a history's residents average them.
const PAST_WORK: [&str; 2] = [
    "INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, \
       description, status, seat, created_at, updated_at) \
     SELECT 'BENCH-PAST-' || (u.id * 5 + k.n), u.id, d.community_id, d.lawyer_id, $1 - (u.id * 5 + k.n) * 1800000, \
       $1 - (u.id * 5 + k.n) * 1800000 + 1800000, 'in_person', 'labour', '咨询', 'completed', 1, $1, $1 \
     FROM users u, k, desks d WHERE u.display_name = 'bench' AND u.role = 'resident' \
       AND d.r = (u.id * 5 + k.n) % (SELECT COUNT(*) FROM desks)",
    "INSERT INTO questions (resident_id, community_id, category, title, client_key, status, routed_to, deadline_at, \
       first_answer_at, closed_at, created_at, updated_at) \
     SELECT u.id, d.community_id, 'labour', '咨询', 'bench-past-' || (u.id * 2 + k.n), 'closed', d.lawyer_id, $1, $1, $1, \
       $1 - (u.id * 2 + k.n) * 3600000, $1 \
     FROM users u, k, desks d WHERE u.display_name = 'bench' AND u.role = 'resident' AND k.n < 1 + u.id % 2 \
       AND d.r = (u.id * 2 + k.n) % (SELECT COUNT(*) FROM desks)",
];

/// A question and an answer to each of those questions.
const PAST_MESSAGES: &str = "INSERT INTO question_messages (question_id, author_id, kind, body, created_at) \
     SELECT id, resident_id, 'question', '单位拖欠工资三个月，怎么办？', created_at FROM questions WHERE client_key LIKE 'bench-past-%' \
     UNION ALL SELECT q.id, COALESCE(l.user_id, q.resident_id), 'answer', '<p>可以先向劳动监察大队投诉。</p>', q.created_at \
     FROM questions q JOIN lawyers l ON l.id = q.routed_to WHERE q.client_key LIKE 'bench-past-%'";

/// Each community with its A lawyer.
async fn a_lawyers(store: &Store) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT community_id, lawyer_id FROM assignments WHERE role = 'a' AND ends_on IS NULL ORDER BY community_id",
    )
    .fetch_all(&store.pool)
    .await
}

/// Keeps the district's schedules aside and opens every community every day, 08:00–18:00, in
/// 10-minute slots of 20 seats; returns the slot starts of the next few days: bookings compete
/// for seats that exist.
pub async fn open_for_booking(store: &Store) -> Result<Vec<i64>, Box<dyn std::error::Error>> {
    sqlx::raw_sql("CREATE TABLE bench_kept_schedules AS SELECT * FROM duty_schedules; DELETE FROM duty_schedules")
        .execute(store.writer())
        .await?;
    for (community, lawyer) in &a_lawyers(store).await? {
        for weekday in 1..=7i64 {
            sqlx::query(
                "INSERT INTO duty_schedules (community_id, lawyer_id, weekday, start_minute, end_minute, slot_minutes, seats, channels, instant, valid_from, created_at) \
                 VALUES ($1, $2, $3, 480, 1080, 10, $4, 'phone', 1, '2020-01-01', 0)",
            )
            .bind(community)
            .bind(lawyer)
            .bind(weekday)
            .bind(SEATS)
            .execute(store.writer())
            .await?;
        }
    }
    let tomorrow = app::time::Instant(now_ms()).to_shanghai().0.plus_days(1);
    Ok((0..BOOKING_DAYS)
        .flat_map(|d| (0..60).map(move |k| tomorrow.plus_days(d).at_minute(8 * 60 + 10 * k).0))
        .collect())
}

/// Puts the district back as it was before the booking phase (also after a run that stopped
/// midway): its own schedules, without the benchmark's bookings (tens of thousands in three
/// days would weigh on the next pass's desk), their messages marked sent (the next pass should
/// not share the machine with this one's sending).
pub async fn restore(store: &Store) -> Result<(), sqlx::Error> {
    // The table is there only between `open_for_booking` and here.
    let kept = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM bench_kept_schedules").fetch_one(&store.pool).await;
    if kept.is_ok() {
        sqlx::raw_sql(
            "DELETE FROM duty_schedules; INSERT INTO duty_schedules SELECT * FROM bench_kept_schedules; \
             DROP TABLE bench_kept_schedules",
        )
        .execute(store.writer())
        .await?;
    }
    sqlx::query("DELETE FROM bookings WHERE description = $1").bind(DESCRIPTION).execute(store.writer()).await?;
    if store.backend == server::store::Backend::Postgres {
        // Deleted rows stay in PostgreSQL's indexes until vacuumed; the next pass's desk would
        // step over them.
        sqlx::raw_sql("VACUUM bookings").execute(store.writer()).await?;
    }
    sqlx::query("UPDATE outbox SET sent_at = $1 WHERE sent_at IS NULL").bind(now_ms()).execute(store.writer()).await?;
    Ok(())
}

/// Live bookings the benchmark made, and the slots from `since` on holding more than they have
/// or live bookings without a seat (always 0).
pub async fn bookings_made(store: &Store, since: i64) -> Result<(i64, i64), sqlx::Error> {
    let live: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings WHERE description = $1 AND status IN ('pending', 'confirmed')",
    )
    .bind(DESCRIPTION)
    .fetch_one(&store.pool)
    .await?;
    let over: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM (SELECT community_id, slot_start FROM bookings WHERE slot_start >= {since} \
         AND status NOT IN ('cancelled', 'declined') GROUP BY community_id, slot_start HAVING COUNT(*) > {SEATS} OR MAX(seat) > {SEATS} OR COUNT(DISTINCT seat) < COUNT(*)) x"
    ))
    .fetch_one(&store.pool)
    .await?;
    let seatless: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings WHERE slot_start >= $1 AND status IN ('pending', 'confirmed') AND seat IS NULL",
    )
    .bind(since)
    .fetch_one(&store.pool)
    .await?;
    Ok((live, over + seatless))
}
