//! The year's service points and the streets' lectures against their targets.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{today, Store};
use app::error::AppError;
use app::i18n::PointTexts;
use app::model::{ServicePoint, ServicePoints, StreetLectures, YearRequest};

/// A lecture: a 法治宣传 record at a park or an enterprise of street `$1` (0: all) from `$2` to `$3`,
/// read from the few service points' records (by place and day), never from every record. The
/// first condition is the service points' index's own, so the planner takes that index.
const LECTURES: &str =
    "SELECT c.street_id, r.community_id FROM communities c JOIN service_records r ON r.community_id = c.id \
    WHERE c.kind <> 'community' AND c.kind IN ('park', 'enterprise') AND ($1 = 0 OR c.street_id = $1) \
    AND r.served_on >= $2 AND r.served_on <= $3 AND r.category = 'publicity'";

/// `staff/service-points`: a year from 2000 to next year (422 on `year`).
pub async fn list(store: &Store, caller: &Caller, request: YearRequest) -> Result<ServicePoints, Failure> {
    let user = caller.user()?;
    if !(2000..=today().year + 1).contains(&request.year) {
        return Err(AppError::invalid("year", PointTexts::of(caller.lang).err_year).into());
    }
    Ok(read(store, user.street.unwrap_or(0), request.year).await?)
}

/// The points and streets of street `street` (0: all) in `year`.
pub(super) async fn read(store: &Store, street: i64, year: i32) -> Result<ServicePoints, sqlx::Error> {
    let (first, last) = (format!("{year:04}-01-01"), format!("{year:04}-12-31"));
    let points: Vec<(i64, String, i64, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT c.id, c.name, c.street_id, s.name, c.kind, \
         (SELECT COUNT(*) FROM ({LECTURES}) l WHERE l.community_id = c.id) \
         FROM communities c JOIN streets s ON s.id = c.street_id \
         WHERE c.kind <> 'community' AND ($1 = 0 OR c.street_id = $1) ORDER BY s.sort_order, s.id, c.name"
    ))
    .bind(street)
    .bind(&first)
    .bind(&last)
    .fetch_all(&store.pool)
    .await?;
    let streets: Vec<(i64, String, Option<i64>, i64)> = sqlx::query_as(&format!(
        "SELECT s.id, s.name, CAST(t.target AS BIGINT), (SELECT COUNT(*) FROM ({LECTURES}) l WHERE l.street_id = s.id) \
         FROM streets s LEFT JOIN lecture_targets t ON t.street_id = s.id AND t.year = $4 \
         WHERE $1 = 0 OR s.id = $1 ORDER BY s.sort_order, s.id"
    ))
    .bind(street)
    .bind(&first)
    .bind(&last)
    .bind(i64::from(year))
    .fetch_all(&store.pool)
    .await?;
    Ok(ServicePoints {
        year,
        points: points
            .into_iter()
            .map(|(id, name, street_id, street, kind, lectures)| ServicePoint {
                id,
                name,
                street_id,
                street,
                kind,
                lectures,
            })
            .collect(),
        streets: streets
            .into_iter()
            .map(|(street_id, street, target, lectures)| StreetLectures { street_id, street, target, lectures })
            .collect(),
    })
}

/// The lectures at parks and enterprises of street `street` (0: all) from the first of `last`'s
/// year to `last`, and the year's target summed over the streets (none when no street has one).
pub async fn lectures_so_far(
    store: &Store,
    street: i64,
    last: app::time::LocalDate,
) -> Result<(i64, Option<i64>), sqlx::Error> {
    let target: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(target) AS BIGINT) FROM lecture_targets WHERE year = $2 AND ($1 = 0 OR street_id = $1)",
    )
    .bind(street)
    .bind(i64::from(last.year))
    .fetch_one(&store.pool)
    .await?;
    // Without a target the board says nothing of lectures: nothing to count.
    if target.is_none() {
        return Ok((0, None));
    }
    let first = format!("{:04}-01-01", last.year);
    let lectures: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM ({LECTURES}) l"))
        .bind(street)
        .bind(&first)
        .bind(last.to_string())
        .fetch_one(&store.pool)
        .await?;
    Ok((lectures, target))
}
