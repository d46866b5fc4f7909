//! `server generate-history [SCALE]`: adds years of past work to the programme a database
//! already holds (the demo district, or a generated one), so that the hot paths can be measured
//! with the history a programme gathers: at scale 1, two million residents, ten million
//! bookings, three million questions with their messages and twenty million service records,
//! over the ten years before the programme's first record. SQLite takes a tenth of it well.
//!
//! Everything is written in bulk inside the database, on both databases from the same
//! statements: the rows come from a series of numbers (`generate_series` on PostgreSQL, a
//! recursive query on SQLite), and what would be drawn at random is a hash of the row's number,
//! so one scale gives one history. Each booking, question and service goes to a community and
//! its A lawyer in turn; a community's bookings fill its days' half-hours from 08:00 to 20:00 one
//! after another, so no seat is taken twice. The history is over: bookings held or not,
//! questions answered and closed.

use super::first_line;
use crate::store::{Backend, Store};
use app::time::LocalDate;
use sqlx::Connection;

/// The residents a history adds, by their numbers (196 and eight digits).
pub const RESIDENTS_ADDED: &str = "phone >= '19600000000' AND phone <= '19699999999'";

/// The years of history, before the programme's first record.
const YEARS: i64 = 10;

/// Half-hours a day a community's bookings take, from 08:00.
const SLOTS_A_DAY: i64 = 24;

/// What a history holds at scale 1.
const RESIDENTS: f64 = 2_000_000.0;
const BOOKINGS: f64 = 10_000_000.0;
const QUESTIONS: f64 = 3_000_000.0;
const SERVICES: f64 = 20_000_000.0;

/// How many of each a history of `scale` adds: (residents, bookings, questions, services).
pub fn counts(scale: f64) -> [i64; 4] {
    [RESIDENTS, BOOKINGS, QUESTIONS, SERVICES].map(|full| ((full * scale).round() as i64).max(1))
}

/// The statements' parts that differ between the databases.
struct Dialect {
    backend: Backend,
}

impl Dialect {
    /// `WITH g(n) AS (…)`: the numbers 1..=`count`.
    fn series(&self, count: i64) -> String {
        match self.backend {
            Backend::Postgres => format!("WITH g(n) AS (SELECT generate_series(1, CAST({count} AS BIGINT)))"),
            Backend::Sqlite => {
                format!("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {count})")
            }
        }
    }

    /// The `YYYY-MM-DD` text of a day counted from 1970-01-01.
    fn date(&self, day: &str) -> String {
        match self.backend {
            Backend::Postgres => format!("CAST(DATE '1970-01-01' + CAST({day} AS INTEGER) AS TEXT)"),
            Backend::Sqlite => format!("date(({day}) * 86400, 'unixepoch')"),
        }
    }

    /// A resident's number from `n`: 196 and eight digits.
    fn phone(&self, n: &str) -> String {
        match self.backend {
            Backend::Postgres => format!("'196' || LPAD(CAST({n} AS TEXT), 8, '0')"),
            Backend::Sqlite => format!("printf('196%08d', {n})"),
        }
    }
}

/// A number 0..`below` drawn from row `n` (Knuth's multiplicative hash; no overflow below 3e9 rows).
fn draw(n: &str, salt: i64, below: i64) -> String {
    format!("(({n} * 2654435761 + {salt}) % 4294967296 % {below})")
}

/// Adds a history of `scale` to the programme in `store`; returns how many residents, bookings,
/// questions and services it added.
pub async fn history(store: &Store, scale: f64) -> Result<[i64; 4], String> {
    if !(scale > 0.0 && scale <= 10.0) {
        return Err("the scale is a number above 0, up to 10 (1: ten million bookings)".into());
    }
    let error = |e: sqlx::Error| e.to_string();
    let mut connection = store.writer().acquire().await.map_err(error)?;
    let teams: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assignments WHERE role = 'a' AND ends_on IS NULL")
        .fetch_one(&mut *connection)
        .await
        .map_err(error)?;
    if teams == 0 {
        return Err(
            "the database holds no community with an A lawyer: load the demo or generate a programme first".into()
        );
    }
    let first: Option<String> = sqlx::query_scalar(
        "SELECT MIN(d) FROM (SELECT MIN(served_on) AS d FROM service_records UNION ALL SELECT MIN(served_on) FROM duty_logs) f",
    )
    .fetch_one(&mut *connection)
    .await
    .map_err(error)?;
    let first_year = first.as_deref().and_then(LocalDate::parse).map_or(crate::store::today().year, |d| d.year);
    let end = LocalDate { year: first_year, month: 1, day: 1 }.to_days();
    let start = LocalDate { year: first_year - YEARS as i32, month: 1, day: 1 }.to_days();
    let plan =
        Plan { dialect: Dialect { backend: store.backend }, counts: counts(scale), teams, start, days: end - start };
    let mut tx = connection.begin().await.map_err(error)?;
    for sql in plan.before().into_iter().chain([plan.residents()]) {
        sqlx::raw_sql(&sql).execute(&mut *tx).await.map_err(|e| format!("{e}\n  in: {}", first_line(&sql)))?;
    }
    // The residents just added, numbered in one run (checked), and the questions to come.
    let (first_resident, added): (i64, i64) =
        sqlx::query_as(&format!("SELECT MIN(id), COUNT(*) FROM users WHERE {RESIDENTS_ADDED}"))
            .fetch_one(&mut *tx)
            .await
            .map_err(error)?;
    let last: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM users").fetch_one(&mut *tx).await.map_err(error)?;
    if added != plan.counts[0] || last - first_resident + 1 != added {
        return Err("the database already holds generated residents (numbers 196…): add a history once".into());
    }
    let before_questions: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM questions").fetch_one(&mut *tx).await.map_err(error)?;
    for sql in plan.records(first_resident, before_questions).into_iter().chain(plan.after()) {
        sqlx::raw_sql(&sql).execute(&mut *tx).await.map_err(|e| format!("{e}\n  in: {}", first_line(&sql)))?;
    }
    tx.commit().await.map_err(error)?;
    let (analyse, flush) = match store.backend {
        Backend::Postgres => ("VACUUM ANALYZE", "CHECKPOINT"),
        // Row counts only: with the value samples of `sqlite_stat4`, SQLite prepares a statement
        // again whenever a value bound to a range on an indexed column changes (its documented
        // behaviour), so every request would parse and plan its statements anew.
        Backend::Sqlite => {
            ("ANALYZE; DELETE FROM sqlite_stat4; ANALYZE sqlite_schema", "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    };
    sqlx::raw_sql(analyse).execute(&mut *connection).await.map_err(error)?;
    // The load's pages written out now, not while the portal serves (a role that may not
    // checkpoint leaves it to the database's own schedule).
    if let Err(e) = sqlx::raw_sql(flush).execute(&mut *connection).await {
        tracing::info!(error = %e, "the history is added; writing it out is left to the database");
    }
    Ok(plan.counts)
}

/// The statements of one history.
struct Plan {
    dialect: Dialect,
    counts: [i64; 4],
    /// Communities with an A lawyer.
    teams: i64,
    /// The first day of the history, and how many days it has.
    start: i64,
    days: i64,
}

impl Plan {
    /// On PostgreSQL a bulk load's start; the communities with an A lawyer, numbered from 0.
    fn before(&self) -> Vec<String> {
        let mut sql = if self.dialect.backend == Backend::Postgres { super::bulk_load_start() } else { Vec::new() };
        sql.extend([
            "CREATE TEMP TABLE gen_teams AS SELECT ROW_NUMBER() OVER (ORDER BY community_id) - 1 AS r, community_id, lawyer_id \
             FROM assignments WHERE role = 'a' AND ends_on IS NULL"
                .to_owned(),
            "CREATE INDEX gen_teams_r ON gen_teams (r)".to_owned(),
        ]);
        sql
    }

    /// The numbering dropped; on PostgreSQL the roll-ups summed again (SQLite reads them from
    /// the records).
    fn after(&self) -> Vec<String> {
        let mut sql = vec!["DROP TABLE gen_teams".to_owned()];
        if self.dialect.backend == Backend::Postgres {
            sql.extend(super::bulk_load_end());
        }
        sql
    }

    fn team(&self) -> String {
        format!("JOIN gen_teams t ON t.r = g.n % {}", self.teams)
    }

    /// The residents, each of a community in turn.
    fn residents(&self) -> String {
        let d = &self.dialect;
        format!(
            "{} INSERT INTO users (role, phone, display_name, community_id, created_at) \
             SELECT 'resident', {}, '居民', t.community_id, 0 FROM g {}",
            d.series(self.counts[0]),
            d.phone("g.n"),
            self.team()
        )
    }

    /// Bookings, questions with a question and an answer each (those after `before_questions`),
    /// and services.
    fn records(&self, first_resident: i64, before_questions: i64) -> Vec<String> {
        let Plan { dialect: d, counts: [residents, bookings, questions, services], teams, start, days } = self;
        let team = self.team();
        let resident = |salt: i64| format!("{first_resident} + {}", draw("g.n", salt, *residents));
        let noon = |day: &str| format!("(({start} + {day}) * 86400000 + 14400000)");
        // A community's j-th booking: its day, half-hour and seat (seats repeat only once every
        // day of the history is full).
        let j = format!("(g.n / {teams})");
        let slot = format!("(({start} + {j} / {SLOTS_A_DAY} % {days}) * 86400000 + {j} % {SLOTS_A_DAY} * 1800000)");
        let seat = format!("(1 + {j} / ({SLOTS_A_DAY} * {days}))");
        let status = format!(
            "(CASE {} WHEN 6 THEN 'no_show' WHEN 7 THEN 'cancelled' WHEN 8 THEN 'cancelled' WHEN 9 THEN 'declined' ELSE 'completed' END)",
            draw("g.n", 1, 10)
        );
        let asked = noon(&draw("g.n", 3, *days));
        vec![
            format!(
                "{} INSERT INTO bookings (code, resident_id, community_id, lawyer_id, slot_start, slot_end, channel, category, \
                 description, status, rating, seat, created_at, updated_at) \
                 SELECT 'HIST-' || g.n, {}, t.community_id, t.lawyer_id, {slot}, {slot} + 1800000, 'in_person', 'labour', '咨询', \
                 {status}, CASE WHEN {} < 5 THEN 3 + {} END, {seat}, {slot} - 86400000, {slot} FROM g {team}",
                d.series(*bookings),
                resident(2),
                draw("g.n", 4, 10),
                draw("g.n", 5, 3)
            ),
            format!(
                "{} INSERT INTO questions (resident_id, community_id, category, title, client_key, status, routed_to, deadline_at, \
                 first_answer_at, closed_at, rating, created_at, updated_at) \
                 SELECT {}, t.community_id, 'labour', '咨询', 'hist-' || g.n, 'closed', t.lawyer_id, {asked} + 259200000, \
                 {asked} + (1 + {}) * 60000, {asked} + 604800000, CASE WHEN {} < 4 THEN 3 + {} END, {asked}, {asked} + 604800000 \
                 FROM g {team}",
                d.series(*questions),
                resident(6),
                draw("g.n", 7, 2880),
                draw("g.n", 8, 10),
                draw("g.n", 9, 3)
            ),
            format!(
                "INSERT INTO question_messages (question_id, author_id, kind, body, created_at) \
                 SELECT id, resident_id, 'question', '单位拖欠工资三个月，怎么办？', created_at FROM questions WHERE id > {before_questions} \
                 UNION ALL SELECT q.id, COALESCE(l.user_id, q.resident_id), 'answer', '<p>可以先向劳动监察大队投诉。</p>', q.first_answer_at \
                 FROM questions q JOIN lawyers l ON l.id = q.routed_to WHERE q.id > {before_questions}"
            ),
            format!(
                "{} INSERT INTO service_records (community_id, lawyer_id, category, served_on, people_served, created_at) \
                 SELECT t.community_id, t.lawyer_id, \
                 CASE {} WHEN 0 THEN 'publicity' WHEN 1 THEN 'mediation' WHEN 2 THEN 'legal_opinion' ELSE 'consultation' END, \
                 {}, 1 + {}, {} FROM g {team}",
                d.series(*services),
                draw("g.n", 10, 8),
                d.date(&format!("{start} + {}", draw("g.n", 11, *days))),
                draw("g.n", 12, 3),
                noon(&draw("g.n", 11, *days))
            ),
        ]
    }
}
