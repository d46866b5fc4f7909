//! Special groups on the board: the period's services given to each, in the district or one
//! street, counted from the few records that name a group (through their partial index).

use crate::store::Store;
use app::domain::SpecialGroup;
use app::model::GroupServices;
use app::time::LocalDate;

/// Services and people per group in `from..=to`, in `street` or everywhere, in the groups' order.
pub async fn read(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
) -> Result<Vec<GroupServices>, sqlx::Error> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT r.special_group, COUNT(*), CAST(SUM(r.people_served) AS BIGINT) FROM service_records r \
         JOIN communities c ON c.id = r.community_id \
         WHERE r.special_group IS NOT NULL AND r.served_on >= $1 AND r.served_on <= $2 \
         AND ($3 IS NULL OR c.street_id = $3) GROUP BY r.special_group",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(street)
    .fetch_all(&store.pool)
    .await?;
    Ok(SpecialGroup::ALL
        .iter()
        .filter_map(|group| {
            let (_, services, people) = rows.iter().find(|(name, ..)| name == group.as_str())?;
            Some(GroupServices { group: *group, services: *services, people: *people })
        })
        .collect())
}
