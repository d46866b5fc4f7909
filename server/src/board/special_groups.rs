//! Special groups on the board: what each had of the period, in the district or one street —
//! the services given to it (and the people served), the questions its residents asked, the
//! consultations completed for it — counted from the few rows that name a group (through their
//! partial indexes).

use crate::store::Store;
use app::domain::SpecialGroup;
use app::model::GroupServices;
use app::time::LocalDate;

/// Each group's figures in `from..=to`, in `street` or everywhere, in the groups' order; a group
/// with nothing is left out.
pub async fn read(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
) -> Result<Vec<GroupServices>, sqlx::Error> {
    let (start, end) = (from.start().0, to.plus_days(1).start().0);
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT 'services', r.special_group, COUNT(*), CAST(SUM(r.people_served) AS BIGINT) FROM service_records r \
         JOIN communities c ON c.id = r.community_id \
         WHERE r.special_group IS NOT NULL AND r.served_on >= $1 AND r.served_on <= $2 \
         AND ($3 IS NULL OR c.street_id = $3) GROUP BY r.special_group \
         UNION ALL SELECT 'questions', q.special_group, COUNT(*), 0 FROM questions q \
         JOIN communities c ON c.id = q.community_id \
         WHERE q.special_group IS NOT NULL AND q.created_at >= $4 AND q.created_at < $5 \
         AND ($3 IS NULL OR c.street_id = $3) GROUP BY q.special_group \
         UNION ALL SELECT 'bookings', b.special_group, COUNT(*), 0 FROM bookings b \
         JOIN communities c ON c.id = b.community_id \
         WHERE b.special_group IS NOT NULL AND b.slot_start >= $4 AND b.slot_start < $5 AND b.status = 'completed' \
         AND ($3 IS NULL OR c.street_id = $3) GROUP BY b.special_group",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(street)
    .bind(start)
    .bind(end)
    .fetch_all(&store.pool)
    .await?;
    let count = |what: &str, group: SpecialGroup| {
        rows.iter()
            .find(|(w, name, ..)| w == what && name == group.as_str())
            .map_or((0, 0), |(_, _, n, people)| (*n, *people))
    };
    Ok(SpecialGroup::ALL
        .iter()
        .map(|group| {
            let (services, people) = count("services", *group);
            let (questions, _) = count("questions", *group);
            let (bookings, _) = count("bookings", *group);
            GroupServices { group: *group, services, people, questions, bookings }
        })
        .filter(|g| g.services + g.questions + g.bookings > 0)
        .collect())
}
