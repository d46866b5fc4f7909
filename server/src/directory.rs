//! Streets, communities and adviser teams: the server's side of `app::ports::DirectoryPort`.

use crate::admin::scope;
use crate::auth::internal;
use crate::store::Store;
use app::domain::AssignmentRole;
use app::error::{AppError, ErrorKind};
use app::model::{
    AssignRequest, Assignments, AuditPage, AuditQuery, Board, BoardRequest, CommunityDetail, CommunityEdit,
    CommunitySummary, ProgrammeOverview, Street, TeamLawyer, TeamMember,
};
use app::ports::{Caller, DirectoryPort};
use async_trait::async_trait;

/// Directory reads over the store.
#[derive(Clone, Debug)]
pub struct DirectoryService {
    store: Store,
}

impl DirectoryService {
    /// Reads from `store`.
    pub fn new(store: Store) -> DirectoryService {
        DirectoryService { store }
    }
}

fn list(text: String) -> Vec<String> {
    text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// A community row (id, name, street id, street name) as the wire type.
fn summary((id, name, street_id, street_name): (i64, String, i64, String)) -> CommunitySummary {
    CommunitySummary { id, name, street_id, street_name }
}

#[async_trait]
impl DirectoryPort for DirectoryService {
    async fn streets(&self, caller: &Caller) -> Result<Vec<Street>, AppError> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT s.id, s.name, COUNT(c.id) FROM streets s LEFT JOIN communities c ON c.street_id = s.id \
             GROUP BY s.id, s.name, s.sort_order ORDER BY s.sort_order, s.id",
        )
        .fetch_all(&self.store.pool)
        .await
        .map_err(|e| internal(caller, e))?;
        Ok(rows.into_iter().map(|(id, name, community_count)| Street { id, name, community_count }).collect())
    }

    async fn communities(
        &self,
        caller: &Caller,
        street_id: Option<i64>,
        query: Option<&str>,
    ) -> Result<Vec<CommunitySummary>, AppError> {
        // LIKE wildcards in the user's text are matched literally.
        let pattern = query.map(|q| format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")));
        let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
            "SELECT c.id, c.name, s.id, s.name FROM communities c JOIN streets s ON s.id = c.street_id \
             WHERE ($1 IS NULL OR c.street_id = $1) AND ($2 IS NULL OR c.name LIKE $2 ESCAPE '\\') \
             ORDER BY s.sort_order, c.id LIMIT 500",
        )
        .bind(street_id)
        .bind(pattern)
        .fetch_all(&self.store.pool)
        .await
        .map_err(|e| internal(caller, e))?;
        if rows.is_empty() && street_id.is_some() && query.is_none() {
            return Err(caller.error(ErrorKind::NotFound));
        }
        Ok(rows.into_iter().map(summary).collect())
    }

    async fn community(&self, caller: &Caller, community_id: i64) -> Result<CommunityDetail, AppError> {
        let head: Option<(String, i64, String, String)> = sqlx::query_as(
            "SELECT c.name, s.id, s.name, c.office_address FROM communities c JOIN streets s ON s.id = c.street_id WHERE c.id = $1",
        )
        .bind(community_id)
        .fetch_optional(&self.store.pool)
        .await
        .map_err(|e| internal(caller, e))?;
        let Some((name, street_id, street_name, office_address)) = head else {
            return Err(caller.error(ErrorKind::NotFound));
        };
        let today = crate::booking::today().to_string();
        let rows: Vec<(i64, String, String, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT l.id, l.name, a.role, f.name, l.practice_areas, l.languages, l.photo_path \
             FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id JOIN law_firms f ON f.id = l.firm_id \
             WHERE a.community_id = $1 AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2) \
             ORDER BY CASE a.role WHEN 'a' THEN 0 WHEN 'b' THEN 1 ELSE 2 END, l.id",
        )
        .bind(community_id)
        .bind(&today)
        .fetch_all(&self.store.pool)
        .await
        .map_err(|e| internal(caller, e))?;
        let lawyers: Vec<TeamLawyer> = rows
            .into_iter()
            .filter_map(|(lawyer_id, name, role, firm, areas, languages, photo)| {
                Some(TeamLawyer {
                    lawyer_id,
                    name,
                    role: AssignmentRole::from_db(&role)?,
                    firm,
                    practice_areas: list(areas),
                    languages: list(languages),
                    photo_url: photo.map(|p| format!("/media/{p}")),
                })
            })
            .collect();
        let members: Vec<(String, String)> = sqlx::query_as(
            "SELECT DISTINCT t.name, t.kind FROM team_members t JOIN assignments a ON a.lawyer_id = t.lawyer_id \
             WHERE a.community_id = $1 AND a.role = 'a' AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2) ORDER BY t.kind, t.name",
        )
        .bind(community_id)
        .bind(&today)
        .fetch_all(&self.store.pool)
        .await
        .map_err(|e| internal(caller, e))?;
        let duty = crate::booking::calendar_store::periods(&self.store, community_id, crate::booking::today())
            .await
            .map_err(|e| internal(caller, e))?;
        let t = caller.lang.messages();
        Ok(CommunityDetail {
            duty,
            id: community_id,
            name,
            street_id,
            street_name,
            office_address,
            lawyers,
            members: members
                .into_iter()
                .map(|(name, kind)| TeamMember {
                    name,
                    kind: match kind.as_str() {
                        "assistant" => t.member_assistant,
                        "volunteer" => t.member_volunteer,
                        _ => t.member_expert,
                    }
                    .to_owned(),
                })
                .collect(),
        })
    }

    async fn overview(&self, caller: &Caller) -> Result<ProgrammeOverview, AppError> {
        let today = crate::booking::today().to_string();
        // A street's staff see their street's counts and gaps.
        let street = caller.user()?.street;
        let (of_street, and_street) = match street {
            Some(_) => (" WHERE id = $2", " AND c.street_id = $2"),
            None => ("", ""),
        };
        let sql = format!(
            "SELECT (SELECT COUNT(*) FROM streets{of_street}), (SELECT COUNT(*) FROM communities c WHERE 1 = 1{and_street}), \
             (SELECT COUNT(DISTINCT lawyer_id) FROM assignments a JOIN communities c ON c.id = a.community_id \
             WHERE a.starts_on <= $1 AND (a.ends_on IS NULL OR a.ends_on >= $1){and_street})"
        );
        let mut query = sqlx::query_as(&sql).bind(&today);
        if let Some(street) = street {
            query = query.bind(street);
        }
        let counts: (i64, i64, i64) = query.fetch_one(&self.store.pool).await.map_err(|e| internal(caller, e))?;
        let sql = format!(
            "SELECT c.id, c.name, s.id, s.name FROM communities c JOIN streets s ON s.id = c.street_id \
             WHERE NOT EXISTS (SELECT 1 FROM assignments a WHERE a.community_id = c.id AND a.role = 'a' \
             AND a.starts_on <= $1 AND (a.ends_on IS NULL OR a.ends_on >= $1)){and_street} ORDER BY s.sort_order, c.id"
        );
        let mut query = sqlx::query_as(&sql).bind(&today);
        if let Some(street) = street {
            query = query.bind(street);
        }
        let gaps: Vec<(i64, String, i64, String)> =
            query.fetch_all(&self.store.pool).await.map_err(|e| internal(caller, e))?;
        Ok(ProgrammeOverview {
            streets: counts.0,
            communities: counts.1,
            active_lawyers: counts.2,
            without_a_lawyer: gaps.into_iter().map(summary).collect(),
        })
    }

    async fn board(&self, caller: &Caller, request: BoardRequest) -> Result<Board, AppError> {
        crate::board::board(&self.store, caller, request).await
    }

    async fn assignments(&self, caller: &Caller, community_id: i64) -> Result<Assignments, AppError> {
        scope::require_community(&self.store, caller, caller.user()?, community_id).await?;
        crate::admin::assignments::of_community(&self.store, caller, community_id).await
    }

    async fn assign(&self, caller: &Caller, request: AssignRequest) -> Result<Assignments, AppError> {
        scope::require_community(&self.store, caller, caller.user()?, request.community_id).await?;
        crate::admin::assignments::assign(&self.store, caller, request).await
    }

    async fn edit_community(&self, caller: &Caller, request: CommunityEdit) -> Result<Assignments, AppError> {
        scope::require_community(&self.store, caller, caller.user()?, request.community_id).await?;
        crate::admin::communities::edit(&self.store, caller, request).await
    }

    async fn audit(&self, caller: &Caller, query: AuditQuery) -> Result<AuditPage, AppError> {
        scope::require_district(caller, caller.user()?)?;
        crate::admin::audit_log::read(&self.store, caller, query).await
    }
}
