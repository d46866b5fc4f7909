//! `server generate COMMUNITIES [YEAR]`: fills an empty PostgreSQL database with a synthetic
//! programme of any size — streets of uneven size (about fifteen communities each), communities
//! with quotas of 1, 2, 4 or 8 duty-days a month (rural ones fewer, 2.7 on average), law firms, lawyers (an A lawyer for two
//! communities, a B lawyer, a coordinator per street), residents, and a year of duty days,
//! services, bookings and questions — with skew: a few communities idle, most between a third of
//! their quota and all of it, consultations far more common than referrals, most answers within
//! hours and a long tail. The same size and year give the same programme (a fixed seed).
//!
//! Written for the board's benchmark at a country's scale, so it loads in bulk inside the
//! database (`generate_series`), with the roll-up triggers off, then refills the roll-ups once.

mod history;
pub use history::{counts as history_counts, history, RESIDENTS_ADDED};

use crate::store::{Backend, Store};
use sqlx::Connection;

/// What a generated programme holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub communities: i64,
    pub year: i32,
}

impl Size {
    pub fn streets(self) -> i64 {
        (self.communities / 15).max(1)
    }

    fn lawyers_a(self) -> i64 {
        (self.communities / 2).max(1)
    }
}

/// Generates `size` into `store`'s empty database; returns how many records were written.
pub async fn generate(store: &Store, size: Size) -> Result<i64, String> {
    if store.backend != Backend::Postgres {
        return Err("generate writes in bulk inside PostgreSQL: point DATABASE_URL at a PostgreSQL database".into());
    }
    if size.communities < 1 {
        return Err("generate needs at least one community".into());
    }
    let mut connection = store.pool.acquire().await.map_err(|e| e.to_string())?;
    let streets: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets")
        .fetch_one(&mut *connection)
        .await
        .map_err(|e| e.to_string())?;
    if streets > 0 {
        return Err("the database already holds a programme: generate fills only an empty one".into());
    }
    let mut tx = connection.begin().await.map_err(|e| e.to_string())?;
    for sql in bulk_load_start().into_iter().chain(statements(size)).chain(bulk_load_end()) {
        sqlx::raw_sql(&sql).execute(&mut *tx).await.map_err(|e| format!("{e}\n  in: {}", first_line(&sql)))?;
    }
    tx.commit().await.map_err(|e| e.to_string())?;
    sqlx::raw_sql("VACUUM ANALYZE").execute(&mut *connection).await.map_err(|e| e.to_string())?;
    let count: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM duty_logs) + (SELECT COUNT(*) FROM service_records) \
         + (SELECT COUNT(*) FROM bookings) + (SELECT COUNT(*) FROM questions)",
    )
    .fetch_one(&mut *connection)
    .await
    .map_err(|e| e.to_string())?;
    Ok(count)
}

fn first_line(sql: &str) -> &str {
    sql.trim().lines().next().unwrap_or_default()
}

/// The statements, in order, all in one transaction.
fn statements(size: Size) -> Vec<String> {
    let Size { communities: n, year } = size;
    let (streets, lawyers_a) = (size.streets(), size.lawyers_a());
    let firms = (lawyers_a / 10).max(1);
    let residents = (n / 4).max(100);
    // 09:00 in Shanghai of a date `d`, in ms.
    let nine = |d: &str| format!("(({d} - DATE '1970-01-01') * 86400000::BIGINT + 3600000)");
    vec![
        "SELECT setseed(0.42)".into(),
        // Streets of uneven size: a community's street is drawn with a skew.
        format!("INSERT INTO streets (name, sort_order) SELECT '第' || g || '街道', g FROM generate_series(1, {streets}) g"),
        format!(
            "INSERT INTO communities (street_id, name, office_address, latitude, longitude, duty_days_per_month) \
             SELECT s0 + LEAST({streets} - 1, FLOOR({streets} * POWER(random(), 1.3))::BIGINT), '第' || g || '社区', \
             '第' || g || '社区党群服务中心', 18 + random() * 35, 75 + random() * 55, (ARRAY[1, 1, 1, 2, 2, 4, 8])[1 + FLOOR(random() * 7)::INT] \
             FROM generate_series(1, {n}) g, (SELECT MIN(id) AS s0 FROM streets) s"
        ),
        format!("INSERT INTO law_firms (name) SELECT '第' || g || '律师事务所' FROM generate_series(1, {firms}) g"),
        format!(
            "INSERT INTO lawyers (firm_id, name, licence_no) SELECT f0 + g % {firms}, '律师' || g, '1' || LPAD(g::TEXT, 16, '0') \
             FROM generate_series(1, {lawyers_a} + {streets}) g, (SELECT MIN(id) AS f0 FROM law_firms) f"
        ),
        // A lawyer is A for two neighbouring communities and B for the next two; one community
        // in fifty has no A lawyer; each street has a coordinator.
        format!(
            "CREATE TEMP TABLE gen_c ON COMMIT DROP AS SELECT c.id, c.street_id, c.duty_days_per_month AS quota, \
             ROW_NUMBER() OVER (ORDER BY c.id) - 1 AS r, \
             CASE WHEN random() < 0.04 THEN 0.0 ELSE LEAST(1.1, 0.3 + POWER(random(), 0.6)) END AS activity \
             FROM communities c"
        ),
        format!(
            "INSERT INTO assignments (lawyer_id, community_id, role, starts_on) \
             SELECT l0 + c.r / 2, c.id, 'a', '{year}-01-01' FROM gen_c c, (SELECT MIN(id) AS l0 FROM lawyers) l WHERE c.r % 50 <> 49 \
             UNION ALL SELECT l0 + (c.r / 2 + 1) % {lawyers_a}, c.id, 'b', '{year}-01-01' FROM gen_c c, (SELECT MIN(id) AS l0 FROM lawyers) l \
             UNION ALL SELECT l0 + {lawyers_a} + (c.street_id - s0), c.id, 'coordinator', '{year}-01-01' \
             FROM gen_c c, (SELECT MIN(id) AS l0 FROM lawyers) l, (SELECT MIN(id) AS s0 FROM streets) s"
        ),
        "INSERT INTO users (role, login, display_name, created_at) VALUES ('staff', 'generated', '生成数据', 0)".into(),
        format!(
            "INSERT INTO users (role, phone, display_name, community_id, created_at) \
             SELECT 'resident', '199' || LPAD(g::TEXT, 8, '0'), '居民' || g, c0 + g % {n}, 0 \
             FROM generate_series(1, {residents}) g, (SELECT MIN(id) AS c0 FROM communities) c"
        ),
        // Duty days: each month, the community's quota scaled by its activity, spread over the
        // month; every fourth by the B lawyer.
        format!(
            "INSERT INTO duty_logs (lawyer_id, community_id, served_on, started_at, ended_at, ended_by, verified, entered_by, created_at) \
             SELECT CASE WHEN k % 4 = 3 THEN b.lawyer_id ELSE COALESCE(a.lawyer_id, b.lawyer_id) END, c.id, d::TEXT, \
             {start}, {start} + 10800000, 'checked_out', 1, (SELECT id FROM users WHERE login = 'generated'), {start} \
             FROM gen_c c \
             LEFT JOIN assignments a ON a.community_id = c.id AND a.role = 'a' \
             JOIN assignments b ON b.community_id = c.id AND b.role = 'b' \
             CROSS JOIN generate_series(1, 12) m \
             CROSS JOIN LATERAL (SELECT ROUND(c.quota * c.activity)::INT AS days) q \
             CROSS JOIN LATERAL generate_series(0, q.days - 1) k \
             CROSS JOIN LATERAL (SELECT make_date({year}, m, 1) + FLOOR(k * 27.0 / q.days)::INT + (c.id % 2)::INT AS d) dd",
            start = nine("d")
        ),
        // Services: most duty days record one, some two; consultations far more than referrals.
        // (A draw in a subquery's select list is made for every row; in a WHERE it may be made
        // once.)
        format!(
            "INSERT INTO service_records (community_id, lawyer_id, category, served_on, people_served, created_at) \
             SELECT community_id, lawyer_id, category, served_on, \
             CASE WHEN category = 'publicity' THEN 20 + FLOOR(random() * 60)::INT ELSE 1 + FLOOR(POWER(random(), 3) * 4)::INT END, created_at \
             FROM (SELECT d.community_id, d.lawyer_id, d.served_on, d.created_at, copy, random() AS luck, \
             (ARRAY['consultation', 'consultation', 'consultation', 'consultation', 'consultation', 'publicity', 'mediation', \
             'mediation', 'legal_opinion', 'referral_legal_aid', 'referral_mediation', 'referral_notary'])[1 + FLOOR(random() * 12)::INT] AS category \
             FROM duty_logs d CROSS JOIN generate_series(1, 2) copy) s WHERE (copy = 1 AND luck < 0.9) OR (copy = 2 AND luck < 0.3)"
        ),
        // Bookings: up to ten a year where lawyers are active, on distinct days; held, missed,
        // cancelled or declined, about half of those held rated.
        format!(
            "INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, description, status, rating, seat, created_at, updated_at) \
             SELECT 'G' || c.id || '-' || k, r0 + (c.id * 7919 + k * 104729) % {residents}, c.id, COALESCE(a.lawyer_id, b.lawyer_id), \
             {start} + (k % 8) * 3600000, {start} + (k % 8) * 3600000 + 1800000, 'in_person', 'labour', '咨询', s.status, \
             CASE WHEN s.status = 'completed' AND random() < 0.5 THEN 3 + FLOOR(random() * 3)::INT END, 1, {start} - 86400000, {start} \
             FROM gen_c c \
             LEFT JOIN assignments a ON a.community_id = c.id AND a.role = 'a' \
             JOIN assignments b ON b.community_id = c.id AND b.role = 'b' \
             CROSS JOIN (SELECT MIN(id) AS r0 FROM users WHERE role = 'resident') r \
             CROSS JOIN LATERAL generate_series(1, FLOOR(c.activity * 10 * random())::INT) k \
             CROSS JOIN LATERAL (SELECT make_date({year}, 1, 1) + ((k * 37 + c.id) % 364)::INT AS d) dd \
             CROSS JOIN LATERAL (SELECT (ARRAY['completed', 'completed', 'completed', 'completed', 'completed', 'completed', \
             'no_show', 'cancelled', 'cancelled', 'declined'])[1 + FLOOR(random() * 10)::INT] AS status, k AS draw) s",
            start = nine("d")
        ),
        // (A lateral draw names `k` so that it is drawn again for every row, not once.)
        // Questions: up to six a year; nearly all answered, most within hours, a long tail.
        format!(
            "INSERT INTO questions (resident_id, community_id, category, title, client_key, status, routed_to, deadline_at, first_answer_at, rating, created_at, updated_at) \
             SELECT r0 + (c.id * 31 + k * 7) % {residents}, c.id, 'labour', '咨询', 'g' || c.id || '-' || k, \
             CASE WHEN w THEN 'waiting' ELSE 'answered' END, COALESCE(a.lawyer_id, b.lawyer_id), t + 259200000, \
             CASE WHEN NOT w THEN t + (1 + FLOOR(-LN(1 - random()) * 180))::BIGINT * 60000 END, \
             CASE WHEN NOT w AND random() < 0.4 THEN 3 + FLOOR(random() * 3)::INT END, t, t \
             FROM gen_c c \
             LEFT JOIN assignments a ON a.community_id = c.id AND a.role = 'a' \
             JOIN assignments b ON b.community_id = c.id AND b.role = 'b' \
             CROSS JOIN (SELECT MIN(id) AS r0 FROM users WHERE role = 'resident') r \
             CROSS JOIN LATERAL generate_series(1, FLOOR(c.activity * 6 * random())::INT) k \
             CROSS JOIN LATERAL (SELECT {jan1} + FLOOR(random() * 364 * 86400000)::BIGINT AS t, random() < 0.002 AS w, k AS draw) q",
            jan1 = nine(&format!("DATE '{year}-01-01'"))
        ),
    ]
}

/// The records the roll-ups sum, whose triggers a bulk load turns off.
const ROLLED_UP: [&str; 4] = ["duty_logs", "service_records", "bookings", "questions"];

/// How a bulk load on PostgreSQL starts: room to sort, a superuser's load skipping the
/// foreign-key checks too (every reference is made from rows that exist), the roll-ups'
/// triggers off.
fn bulk_load_start() -> Vec<String> {
    let mut sql = vec![
        "SET LOCAL work_mem = '512MB'".to_owned(),
        "DO $$ BEGIN IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN \
         SET LOCAL session_replication_role = replica; END IF; END $$"
            .to_owned(),
    ];
    sql.extend(ROLLED_UP.map(|table| format!("ALTER TABLE {table} DISABLE TRIGGER USER")));
    sql
}

/// How it ends: the triggers on again, the roll-ups summed once from the records.
fn bulk_load_end() -> Vec<String> {
    let mut sql: Vec<String> = ROLLED_UP.map(|table| format!("ALTER TABLE {table} ENABLE TRIGGER USER")).into();
    sql.push("SELECT board_rebuild()".to_owned());
    sql
}
