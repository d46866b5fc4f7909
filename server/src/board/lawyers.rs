//! A period's figures per lawyer, for the export: duty-days, services by category, people
//! served, bookings held and missed, ratings, praise and complaints, and the same lawyer's
//! duty-days and services a year before — read from the same tables as the board, in one
//! statement whose rows are streamed, so that a country's lawyers are never all held in memory.

use crate::board::rollup::CATEGORIES;
use crate::store::{Backend, Store};
use app::domain::ServiceCategory;
use app::model::ServiceCount;
use app::time::LocalDate;
use futures_util::stream::{BoxStream, StreamExt};
use std::sync::LazyLock;
use tokio::sync::mpsc;

/// One lawyer's line.
#[derive(Debug, Default, sqlx::FromRow)]
pub struct LawyerLine {
    pub lawyer_id: i64,
    pub name: String,
    pub firm: String,
    pub licence_no: String,
    pub duty_days: i64,
    /// Services by category, in the order of [`CATEGORIES`].
    #[sqlx(skip)]
    pub services: [i64; 7],
    /// People served by category, in the same order.
    #[sqlx(skip)]
    pub people: [i64; 7],
    pub people_served: i64,
    pub bookings_completed: i64,
    pub bookings_no_show: i64,
    pub ratings: i64,
    pub rating_sum: i64,
    pub duty_days_before: i64,
    pub services_before: i64,
    /// Praise (online, letters and banners) and complaints received in the period.
    pub praise: i64,
    pub complaints: i64,
}

impl LawyerLine {
    /// Services of `category`.
    pub fn services_of(&self, category: ServiceCategory) -> i64 {
        CATEGORIES.iter().position(|c| *c == category).map_or(0, |k| self.services[k])
    }

    /// The categories the lawyer gave services in, with the services and people served.
    pub fn service_counts(&self) -> Vec<ServiceCount> {
        (0..CATEGORIES.len())
            .filter(|k| self.services[*k] > 0)
            .map(|k| ServiceCount { category: CATEGORIES[k], services: self.services[k], people: self.people[k] })
            .collect()
    }
}

/// Keeps a record of street `$3`'s communities; street 0 stands for every street.
const IN_STREET: &str = "($3 = 0 OR community_id IN (SELECT id FROM communities WHERE street_id = $3))";

/// Every lawyer with a duty-day, a service, a booking held or missed, praise or a complaint in
/// `$1..=$2` (slots from `$4` to before `$5`), with the year before's duty-days and services
/// (`$6..=$7`); by name.
fn statement(backend: Backend) -> String {
    let categories: Vec<String> = CATEGORIES
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let c = c.as_str();
            format!(
                "SUM(CASE WHEN category = '{c}' THEN 1 ELSE 0 END) AS c{k}, \
                 CAST(SUM(CASE WHEN category = '{c}' THEN people_served ELSE 0 END) AS BIGINT) AS p{k}"
            )
        })
        .collect();
    let chosen: Vec<String> =
        (0..CATEGORIES.len()).map(|k| format!("COALESCE(s.c{k}, 0) AS c{k}, COALESCE(s.p{k}, 0) AS p{k}")).collect();
    // Names in the order of their bytes on both databases, as the export always listed them.
    let order = if backend == Backend::Postgres { "l.name COLLATE \"C\", l.id" } else { "l.name, l.id" };
    format!(
        "WITH d AS (SELECT lawyer_id, COUNT(*) AS n FROM duty_days WHERE served_on >= $1 AND served_on <= $2 AND {IN_STREET} GROUP BY lawyer_id), \
         s AS (SELECT lawyer_id, COUNT(*) AS n, CAST(SUM(people_served) AS BIGINT) AS people, {categories} FROM service_records \
           WHERE served_on >= $1 AND served_on <= $2 AND {IN_STREET} GROUP BY lawyer_id), \
         b AS (SELECT lawyer_id, SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS completed, \
           SUM(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END) AS no_show, COUNT(rating) AS ratings, \
           CAST(COALESCE(SUM(rating), 0) AS BIGINT) AS rating_sum FROM bookings \
           WHERE slot_start >= $4 AND slot_start < $5 AND status IN ('completed', 'no_show') AND {IN_STREET} GROUP BY lawyer_id), \
         dp AS (SELECT lawyer_id, COUNT(*) AS n FROM duty_days WHERE served_on >= $6 AND served_on <= $7 AND {IN_STREET} GROUP BY lawyer_id), \
         sp AS (SELECT lawyer_id, COUNT(*) AS n FROM service_records WHERE served_on >= $6 AND served_on <= $7 AND {IN_STREET} GROUP BY lawyer_id), \
         fb AS (SELECT lawyer_id, SUM(CASE WHEN kind = 'praise' THEN 1 ELSE 0 END) AS praise, \
           SUM(CASE WHEN kind = 'complaint' THEN 1 ELSE 0 END) AS complaints FROM feedback \
           WHERE received_on >= $1 AND received_on <= $2 AND {IN_STREET} GROUP BY lawyer_id) \
         SELECT l.id AS lawyer_id, l.name, f.name AS firm, l.licence_no, COALESCE(d.n, 0) AS duty_days, {chosen}, \
           COALESCE(s.people, 0) AS people_served, COALESCE(b.completed, 0) AS bookings_completed, \
           COALESCE(b.no_show, 0) AS bookings_no_show, COALESCE(b.ratings, 0) AS ratings, COALESCE(b.rating_sum, 0) AS rating_sum, \
           COALESCE(dp.n, 0) AS duty_days_before, COALESCE(sp.n, 0) AS services_before, \
           COALESCE(fb.praise, 0) AS praise, COALESCE(fb.complaints, 0) AS complaints \
         FROM lawyers l JOIN law_firms f ON f.id = l.firm_id LEFT JOIN d ON d.lawyer_id = l.id LEFT JOIN s ON s.lawyer_id = l.id \
         LEFT JOIN b ON b.lawyer_id = l.id LEFT JOIN dp ON dp.lawyer_id = l.id LEFT JOIN sp ON sp.lawyer_id = l.id \
         LEFT JOIN fb ON fb.lawyer_id = l.id \
         WHERE d.lawyer_id IS NOT NULL OR s.lawyer_id IS NOT NULL OR b.lawyer_id IS NOT NULL OR fb.lawyer_id IS NOT NULL \
         ORDER BY {order}",
        categories = categories.join(", "),
        chosen = chosen.join(", "),
    )
}

static SQLITE: LazyLock<String> = LazyLock::new(|| statement(Backend::Sqlite));
static POSTGRES: LazyLock<String> = LazyLock::new(|| statement(Backend::Postgres));

/// The lines of `from..=to` (in `street`'s communities, when given), with the year before
/// `before` (its first and last day), as the database sends them: a task reads them and hands
/// on a few at a time, as fast as the reader takes them.
pub fn stream(
    store: Store,
    street: Option<i64>,
    (from, to): (LocalDate, LocalDate),
    before: (LocalDate, LocalDate),
) -> BoxStream<'static, Result<LawyerLine, sqlx::Error>> {
    let sql: &'static str = if store.backend == Backend::Postgres { &POSTGRES } else { &SQLITE };
    let (tx, rx) = mpsc::channel(64);
    tokio::spawn(async move {
        let mut rows = sqlx::query(sql)
            .bind(from.to_string())
            .bind(to.to_string())
            .bind(street.unwrap_or(0))
            .bind(from.start().0)
            .bind(to.plus_days(1).start().0)
            .bind(before.0.to_string())
            .bind(before.1.to_string())
            .fetch(&store.pool);
        while let Some(row) = rows.next().await {
            // The reader is gone (a download abandoned): stop reading.
            if tx.send(row.and_then(|row| line(&row))).await.is_err() {
                return;
            }
        }
    });
    futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|line| (line, rx)) }).boxed()
}

fn line(row: &sqlx::any::AnyRow) -> Result<LawyerLine, sqlx::Error> {
    use sqlx::{FromRow, Row};
    let mut line = LawyerLine::from_row(row)?;
    for k in 0..CATEGORIES.len() {
        line.services[k] = row.try_get(format!("c{k}").as_str())?;
        line.people[k] = row.try_get(format!("p{k}").as_str())?;
    }
    Ok(line)
}
