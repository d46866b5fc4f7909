//! Who serves each community today, who is on duty there now, and when each last had a duty.

use crate::store::Store;
use app::time::LocalDate;
use std::collections::HashMap;

/// A role held today, with its lawyer.
#[derive(sqlx::FromRow)]
struct Assigned {
    community_id: i64,
    role: String,
    lawyer_id: i64,
    name: String,
}

/// Who serves each community today, who is on duty now, and when each last had a duty.
pub struct Team {
    /// A, B and coordinator by community.
    pub roles: HashMap<i64, [Option<String>; 3]>,
    /// The A lawyer's id by community.
    pub a_ids: HashMap<i64, i64>,
    pub on_duty: HashMap<i64, Vec<String>>,
    pub last_duty: HashMap<i64, String>,
}

impl Team {
    /// The team of `street`'s communities, or of all.
    pub async fn read(store: &Store, street: Option<i64>, today: LocalDate) -> Result<Team, sqlx::Error> {
        let pool = &store.pool;
        let of = |column: &str, at: usize| match street {
            Some(_) => format!(" AND {column} IN (SELECT id FROM communities WHERE street_id = ${at})"),
            None => String::new(),
        };
        let sql = format!(
            "SELECT a.community_id, a.role, l.id AS lawyer_id, l.name FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id \
             WHERE a.starts_on <= $1 AND (a.ends_on IS NULL OR a.ends_on >= $1){} ORDER BY a.starts_on, a.id",
            of("a.community_id", 2)
        );
        let mut query = sqlx::query_as(&sql).bind(today.to_string());
        if let Some(street) = street {
            query = query.bind(street);
        }
        let assigned: Vec<Assigned> = query.fetch_all(pool).await?;
        let mut roles: HashMap<i64, [Option<String>; 3]> = HashMap::new();
        let mut a_ids = HashMap::new();
        for Assigned { community_id: community, role, lawyer_id: id, name } in assigned {
            let k = match role.as_str() {
                "a" => 0,
                "b" => 1,
                _ => 2,
            };
            if k == 0 {
                a_ids.entry(community).or_insert(id);
            }
            roles.entry(community).or_default()[k].get_or_insert(name);
        }
        let sql = format!(
            "SELECT d.community_id, l.name FROM duty_logs d JOIN lawyers l ON l.id = d.lawyer_id \
             WHERE d.ended_at IS NULL{} ORDER BY d.id",
            of("d.community_id", 1)
        );
        let open: Vec<(i64, String)> = in_street(sqlx::query_as(&sql), street).fetch_all(pool).await?;
        let mut on_duty: HashMap<i64, Vec<String>> = HashMap::new();
        for (community, name) in open {
            on_duty.entry(community).or_default().push(name);
        }
        let sql = format!(
            "SELECT community_id, MAX(served_on) FROM duty_logs WHERE 1 = 1{} GROUP BY community_id",
            of("community_id", 1)
        );
        let last: Vec<(i64, String)> = in_street(sqlx::query_as(&sql), street).fetch_all(pool).await?;
        Ok(Team { roles, a_ids, on_duty, last_duty: last.into_iter().collect() })
    }
}

/// `query` with `street` bound as its one parameter, when there is one.
fn in_street<'q, T>(
    query: sqlx::query::QueryAs<'q, sqlx::Any, T, sqlx::any::AnyArguments<'q>>,
    street: Option<i64>,
) -> sqlx::query::QueryAs<'q, sqlx::Any, T, sqlx::any::AnyArguments<'q>> {
    match street {
        Some(street) => query.bind(street),
        None => query,
    }
}
