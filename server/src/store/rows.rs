//! Rows several features read the same way.

use app::model::CommunitySummary;

/// A community with its street, as read (`c.id, c.name, s.id AS street_id, s.name AS street_name`).
#[derive(sqlx::FromRow)]
pub struct CommunityRow {
    pub id: i64,
    pub name: String,
    pub street_id: i64,
    pub street_name: String,
}

impl From<CommunityRow> for CommunitySummary {
    fn from(row: CommunityRow) -> CommunitySummary {
        CommunitySummary { id: row.id, name: row.name, street_id: row.street_id, street_name: row.street_name }
    }
}
