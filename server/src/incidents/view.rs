//! Incidents as their lines read: where and when, the team with what each member logged, and
//! the services and people of the whole team.

use crate::store::Store;
use app::model::{Incident, IncidentMember};
use std::collections::HashMap;

/// Which incidents a list holds; each binds one value as `$1`.
#[derive(Clone, Copy)]
pub enum Which {
    /// Those of a street's communities; 0: every street.
    Street(i64),
    /// Those a lawyer is a member of.
    Member(i64),
    One(i64),
}

impl Which {
    fn filter(self) -> (&'static str, i64) {
        match self {
            Which::Street(street) => ("($1 = 0 OR c.street_id = $1)", street),
            Which::Member(lawyer) => {
                ("i.id IN (SELECT incident_id FROM incident_members WHERE lawyer_id = $1)", lawyer)
            }
            Which::One(id) => ("i.id = $1", id),
        }
    }
}

/// At most this many incidents are listed, the open ones and the latest.
const LISTED: i64 = 200;

type Line = (i64, String, i64, String, String, String, String, Option<String>);

/// The incidents `which` names, open ones first, then the latest formed.
pub async fn list(store: &Store, which: Which) -> Result<Vec<Incident>, sqlx::Error> {
    let (filter, bind) = which.filter();
    let lines: Vec<Line> = sqlx::query_as(&format!(
        "SELECT i.id, i.name, i.community_id, c.name, s.name, i.note, i.opened_on, i.closed_on FROM incidents i \
         JOIN communities c ON c.id = i.community_id JOIN streets s ON s.id = c.street_id WHERE {filter} \
         ORDER BY CASE WHEN i.closed_on IS NULL THEN 0 ELSE 1 END, i.opened_on DESC, i.id DESC LIMIT {LISTED}"
    ))
    .bind(bind)
    .fetch_all(&store.pool)
    .await?;
    let chosen = format!("SELECT i.id FROM incidents i JOIN communities c ON c.id = i.community_id WHERE {filter}");
    let members: Vec<(i64, i64, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT m.incident_id, l.id, l.name, f.name, \
         (SELECT COUNT(*) FROM service_records r WHERE r.incident_id = m.incident_id AND r.lawyer_id = l.id) \
         FROM incident_members m JOIN lawyers l ON l.id = m.lawyer_id JOIN law_firms f ON f.id = l.firm_id \
         WHERE m.incident_id IN ({chosen}) ORDER BY m.incident_id, l.name, l.id"
    ))
    .bind(bind)
    .fetch_all(&store.pool)
    .await?;
    let figures: Vec<(i64, i64, i64)> = sqlx::query_as(&format!(
        "SELECT incident_id, COUNT(*), CAST(SUM(people_served) AS BIGINT) FROM service_records \
         WHERE incident_id IN ({chosen}) GROUP BY incident_id"
    ))
    .bind(bind)
    .fetch_all(&store.pool)
    .await?;
    let mut teams: HashMap<i64, Vec<IncidentMember>> = HashMap::new();
    for (incident, lawyer_id, name, firm, services) in members {
        teams.entry(incident).or_default().push(IncidentMember { lawyer_id, name, firm, services });
    }
    let figures: HashMap<i64, (i64, i64)> = figures.into_iter().map(|(id, n, people)| (id, (n, people))).collect();
    Ok(lines
        .into_iter()
        .map(|(id, name, community_id, community, street, note, opened_on, closed_on)| {
            let (services, people_served) = figures.get(&id).copied().unwrap_or_default();
            let members = teams.remove(&id).unwrap_or_default();
            Incident {
                id,
                name,
                community_id,
                community,
                street,
                note,
                opened_on,
                closed_on,
                members,
                services,
                people_served,
            }
        })
        .collect())
}

/// One incident, if it exists.
pub async fn one(store: &Store, id: i64) -> Result<Option<Incident>, sqlx::Error> {
    Ok(list(store, Which::One(id)).await?.pop())
}

/// The period's incidents with a service in it, in street `street` (0: all): how many, their
/// services and people.
pub async fn in_period(
    store: &Store,
    street: i64,
    (first, last): (&str, &str),
) -> Result<(i64, i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(DISTINCT r.incident_id), COUNT(*), CAST(COALESCE(SUM(r.people_served), 0) AS BIGINT) \
         FROM service_records r JOIN communities c ON c.id = r.community_id \
         WHERE r.incident_id IS NOT NULL AND r.served_on >= $2 AND r.served_on <= $3 AND ($1 = 0 OR c.street_id = $1)",
    )
    .bind(street)
    .bind(first)
    .bind(last)
    .fetch_one(&store.pool)
    .await
}

/// The incidents of street `street` (0: all) open on a day of `first..=last`, each with the
/// services and people of that period.
pub async fn of_period(
    store: &Store,
    street: i64,
    (first, last): (&str, &str),
) -> Result<Vec<(Incident, i64, i64)>, sqlx::Error> {
    let figures: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT r.incident_id, COUNT(*), CAST(SUM(r.people_served) AS BIGINT) FROM service_records r \
         JOIN communities c ON c.id = r.community_id WHERE r.incident_id IS NOT NULL \
         AND r.served_on >= $2 AND r.served_on <= $3 AND ($1 = 0 OR c.street_id = $1) GROUP BY r.incident_id",
    )
    .bind(street)
    .bind(first)
    .bind(last)
    .fetch_all(&store.pool)
    .await?;
    let figures: HashMap<i64, (i64, i64)> = figures.into_iter().map(|(id, n, people)| (id, (n, people))).collect();
    let open_then = |i: &Incident| i.opened_on.as_str() <= last && i.closed_on.as_deref().is_none_or(|c| c >= first);
    Ok(list(store, Which::Street(street))
        .await?
        .into_iter()
        .filter(open_then)
        .map(|incident| {
            let (services, people) = figures.get(&incident.id).copied().unwrap_or_default();
            (incident, services, people)
        })
        .collect())
}
