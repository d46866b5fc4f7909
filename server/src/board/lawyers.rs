//! A period's figures per lawyer, for the export: duty-days, services by category, people
//! served, bookings held and missed, and ratings — read from the same tables as the board.

use crate::store::Store;
use app::domain::ServiceCategory;
use app::time::LocalDate;
use std::collections::BTreeMap;

/// One lawyer's line.
#[derive(Debug, Default)]
pub struct LawyerLine {
    pub name: String,
    pub firm: String,
    pub licence_no: String,
    pub duty_days: i64,
    pub services: BTreeMap<&'static str, i64>,
    pub people_served: i64,
    pub bookings_completed: i64,
    pub bookings_no_show: i64,
    pub ratings: i64,
    pub rating_sum: i64,
}

impl LawyerLine {
    /// Services of `category`.
    pub fn services_of(&self, category: ServiceCategory) -> i64 {
        self.services.get(category.as_str()).copied().unwrap_or(0)
    }
}

/// Keeps a record of street `$3`'s communities; street 0 stands for every street.
const IN_STREET: &str = " AND ($3 = 0 OR community_id IN (SELECT id FROM communities WHERE street_id = $3))";

/// A lawyer's name, firm and licence.
#[derive(sqlx::FromRow)]
struct LawyerRow {
    id: i64,
    name: String,
    firm: String,
    licence_no: String,
}

/// A lawyer's services of one category, and the people they served.
#[derive(sqlx::FromRow)]
struct ServiceRow {
    lawyer_id: i64,
    category: String,
    n: i64,
    people: i64,
}

/// A lawyer's bookings of one status, and their ratings.
#[derive(sqlx::FromRow)]
struct BookingRow {
    lawyer_id: i64,
    status: String,
    n: i64,
    ratings: i64,
    rating_sum: i64,
}

/// Lines by lawyer id, as they are filled.
type Lines = BTreeMap<i64, LawyerLine>;

/// Every lawyer with something in `from..=to` (in `street`'s communities, when given), by name.
pub async fn lines(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
) -> Result<Vec<LawyerLine>, sqlx::Error> {
    let street = street.unwrap_or(0);
    let mut lines = Lines::new();
    add_duty_days(store, &mut lines, street, from, to).await?;
    add_services(store, &mut lines, street, from, to).await?;
    add_bookings(store, &mut lines, street, from, to).await?;
    let lawyers: Vec<LawyerRow> = sqlx::query_as(
        "SELECT l.id, l.name, f.name AS firm, l.licence_no FROM lawyers l JOIN law_firms f ON f.id = l.firm_id",
    )
    .fetch_all(&store.pool)
    .await?;
    for lawyer in lawyers {
        if let Some(line) = lines.get_mut(&lawyer.id) {
            (line.name, line.firm, line.licence_no) = (lawyer.name, lawyer.firm, lawyer.licence_no);
        }
    }
    let mut out: Vec<LawyerLine> = lines.into_values().collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Duty-days, from their one definition (the `duty_days` view).
async fn add_duty_days(
    store: &Store,
    lines: &mut Lines,
    street: i64,
    from: LocalDate,
    to: LocalDate,
) -> Result<(), sqlx::Error> {
    let days: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT lawyer_id, COUNT(*) FROM duty_days WHERE served_on >= $1 AND served_on <= $2{IN_STREET} GROUP BY lawyer_id"
    ))
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(street)
    .fetch_all(&store.pool)
    .await?;
    for (lawyer, n) in days {
        lines.entry(lawyer).or_default().duty_days = n;
    }
    Ok(())
}

/// Services by category, and the people they served.
async fn add_services(
    store: &Store,
    lines: &mut Lines,
    street: i64,
    from: LocalDate,
    to: LocalDate,
) -> Result<(), sqlx::Error> {
    let services: Vec<ServiceRow> = sqlx::query_as(&format!(
        "SELECT lawyer_id, category, COUNT(*) AS n, CAST(SUM(people_served) AS BIGINT) AS people FROM service_records \
             WHERE served_on >= $1 AND served_on <= $2{IN_STREET} GROUP BY lawyer_id, category"
    ))
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(street)
    .fetch_all(&store.pool)
    .await?;
    for ServiceRow { lawyer_id: lawyer, category, n, people } in services {
        let line = lines.entry(lawyer).or_default();
        if let Some(category) = ServiceCategory::from_db(&category) {
            line.services.insert(category.as_str(), n);
        }
        line.people_served += people;
    }
    Ok(())
}

/// Bookings completed and missed, and their ratings.
async fn add_bookings(
    store: &Store,
    lines: &mut Lines,
    street: i64,
    from: LocalDate,
    to: LocalDate,
) -> Result<(), sqlx::Error> {
    let bookings: Vec<BookingRow> = sqlx::query_as(&format!(
        "SELECT lawyer_id, status, COUNT(*) AS n, COUNT(rating) AS ratings, CAST(COALESCE(SUM(rating), 0) AS BIGINT) AS rating_sum FROM bookings \
             WHERE slot_start >= $1 AND slot_start < $2 AND status IN ('completed', 'no_show'){IN_STREET} \
             GROUP BY lawyer_id, status"
    ))
    .bind(from.start().0)
    .bind(to.plus_days(1).start().0)
    .bind(street)
    .fetch_all(&store.pool)
    .await?;
    for BookingRow { lawyer_id: lawyer, status, n, ratings, rating_sum: sum } in bookings {
        let line = lines.entry(lawyer).or_default();
        if status == "completed" {
            line.bookings_completed = n;
        } else {
            line.bookings_no_show = n;
        }
        line.ratings += ratings;
        line.rating_sum += sum;
    }
    Ok(())
}
