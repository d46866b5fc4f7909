//! Streets, communities and adviser teams: what anyone may read, and the staff's overview.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::rows::CommunityRow;
use crate::store::Store;
use app::domain::AssignmentRole;
use app::error::{AppError, ErrorKind};
use app::model::{
    CommunityDetail, CommunityRequest, CommunitySummary, Empty, ListCommunitiesRequest, ProgrammeOverview, Street,
    TeamLawyer, TeamMember,
};
use app::time::LocalDate;

/// The longest community name fragment a search takes.
pub const MAX_QUERY_CHARS: usize = 32;

/// A lawyer of a community's team today.
#[derive(sqlx::FromRow)]
struct TeamRow {
    id: i64,
    name: String,
    role: String,
    firm: String,
    practice_areas: String,
    languages: String,
    photo_path: Option<String>,
}

fn list(text: String) -> Vec<String> {
    text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// A street and how many communities it has.
#[derive(sqlx::FromRow)]
struct StreetRow {
    id: i64,
    name: String,
    community_count: i64,
}

/// The programme's counts.
#[derive(sqlx::FromRow)]
struct Counts {
    streets: i64,
    communities: i64,
    lawyers: i64,
}

/// A community's name, street and office.
#[derive(sqlx::FromRow)]
struct HeadRow {
    name: String,
    street_id: i64,
    street_name: String,
    office_address: String,
}

/// SQL: the street or community `alias` serves on the day bound as `$n` (it has not left the
/// programme before it). A street's or community's last day is written by `booking::retire_place`.
pub fn serving(alias: &str, n: usize) -> String {
    format!("({alias}.last_day IS NULL OR {alias}.last_day >= ${n})")
}

/// Every street serving today with its community count.
pub async fn streets(store: &Store, _: &Caller, _: Empty) -> Result<Vec<Street>, Failure> {
    let rows: Vec<StreetRow> = sqlx::query_as(&format!(
        "SELECT s.id, s.name, COUNT(c.id) AS community_count FROM streets s \
         LEFT JOIN communities c ON c.street_id = s.id AND {} WHERE {} \
         GROUP BY s.id, s.name, s.sort_order ORDER BY s.sort_order, s.id",
        serving("c", 1),
        serving("s", 1)
    ))
    .bind(crate::store::today().to_string())
    .fetch_all(&store.pool)
    .await?;
    Ok(rows.into_iter().map(|r| Street { id: r.id, name: r.name, community_count: r.community_count }).collect())
}

/// Communities, filtered by street and/or a name fragment.
pub async fn communities(
    store: &Store,
    caller: &Caller,
    request: ListCommunitiesRequest,
) -> Result<Vec<CommunitySummary>, Failure> {
    let street_id = request.street_id;
    let query = request.query.as_deref().map(str::trim).filter(|q| !q.is_empty());
    if query.is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS) {
        return Err(AppError::invalid("query", caller.lang.texts().err_bad_request).into());
    }
    // LIKE wildcards in the user's text are matched literally.
    let pattern = query.map(crate::text::like_contains);
    let rows: Vec<CommunityRow> = sqlx::query_as(&format!(
        "SELECT c.id, c.name, s.id AS street_id, s.name AS street_name FROM communities c JOIN streets s ON s.id = c.street_id \
         WHERE ($1 IS NULL OR c.street_id = $1) AND ($2 IS NULL OR c.name LIKE $2 ESCAPE '\\') AND {} \
         ORDER BY s.sort_order, c.id LIMIT 500",
        serving("c", 3)
    ))
    .bind(street_id)
    .bind(pattern)
    .bind(crate::store::today().to_string())
    .fetch_all(&store.pool)
    .await?;
    if rows.is_empty() && street_id.is_some() && query.is_none() {
        return Err(caller.error(ErrorKind::NotFound).into());
    }
    Ok(rows.into_iter().map(CommunitySummary::from).collect())
}

/// How far, in degrees of latitude, [`near`] looks (about 20 km).
const NEAR_RADIUS_DEGREES: f64 = 0.2;

/// The communities serving today nearest to `(latitude, longitude)`, nearest first, at most
/// `limit`, within [`NEAR_RADIUS_DEGREES`]; 422 on `near` for a position that is not on Earth.
pub async fn near(
    store: &Store,
    caller: &Caller,
    (latitude, longitude): (f64, f64),
    limit: i64,
) -> Result<Vec<CommunitySummary>, Failure> {
    if !(latitude.abs() <= 90.0 && longitude.abs() <= 180.0) {
        return Err(AppError::invalid("near", caller.lang.messages().err_position).into());
    }
    // A degree of longitude shrinks with the cosine of the latitude; at a city's scale the flat
    // distance orders communities the way the map does.
    let squeeze = latitude.to_radians().cos();
    let rows: Vec<CommunityRow> = sqlx::query_as(&format!(
        "SELECT c.id, c.name, s.id AS street_id, s.name AS street_name FROM communities c JOIN streets s ON s.id = c.street_id \
         WHERE c.latitude BETWEEN $1 - $3 AND $1 + $3 AND c.longitude IS NOT NULL AND {} AND {} \
         ORDER BY (c.latitude - $1) * (c.latitude - $1) + (c.longitude - $2) * $5 * (c.longitude - $2) * $5, c.id LIMIT $6",
        serving("c", 4),
        serving("s", 4)
    ))
    .bind(latitude)
    .bind(longitude)
    .bind(NEAR_RADIUS_DEGREES)
    .bind(crate::store::today().to_string())
    .bind(squeeze)
    .bind(limit)
    .fetch_all(&store.pool)
    .await?;
    Ok(rows.into_iter().map(CommunitySummary::from).collect())
}

/// One community serving today with its current team, or 404.
pub async fn community(store: &Store, caller: &Caller, request: CommunityRequest) -> Result<CommunityDetail, Failure> {
    let community_id = request.community_id;
    let today = crate::store::today();
    let head: Option<HeadRow> = sqlx::query_as(&format!(
        "SELECT c.name, s.id AS street_id, s.name AS street_name, c.office_address FROM communities c \
         JOIN streets s ON s.id = c.street_id WHERE c.id = $1 AND {}",
        serving("c", 2)
    ))
    .bind(community_id)
    .bind(today.to_string())
    .fetch_optional(&store.pool)
    .await?;
    let Some(HeadRow { name, street_id, street_name, office_address }) = head else {
        return Err(caller.error(ErrorKind::NotFound).into());
    };
    Ok(CommunityDetail {
        duty: crate::booking::duty_periods(store, community_id, today).await?,
        id: community_id,
        name,
        street_id,
        street_name,
        office_address,
        lawyers: lawyers_of(store, community_id, today).await?,
        members: members_of(store, caller, community_id, today).await?,
    })
}

/// The community's A, B and coordinator lawyers today, in that order.
async fn lawyers_of(store: &Store, community_id: i64, today: LocalDate) -> Result<Vec<TeamLawyer>, sqlx::Error> {
    let rows: Vec<TeamRow> = sqlx::query_as(
        "SELECT l.id, l.name, a.role, f.name AS firm, l.practice_areas, l.languages, l.photo_path \
         FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id JOIN law_firms f ON f.id = l.firm_id \
         WHERE a.community_id = $1 AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2) \
         ORDER BY CASE a.role WHEN 'a' THEN 0 WHEN 'b' THEN 1 ELSE 2 END, l.id",
    )
    .bind(community_id)
    .bind(today.to_string())
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(TeamLawyer {
                lawyer_id: row.id,
                name: row.name,
                role: AssignmentRole::from_db(&row.role)?,
                firm: row.firm,
                practice_areas: list(row.practice_areas),
                languages: list(row.languages),
                photo_url: row.photo_path.map(|p| format!("/media/{p}")),
            })
        })
        .collect())
}

/// The A lawyer's team (the "1+N"): assistants, volunteers and experts, by kind in the caller's
/// language.
async fn members_of(
    store: &Store,
    caller: &Caller,
    community_id: i64,
    today: LocalDate,
) -> Result<Vec<TeamMember>, sqlx::Error> {
    let members: Vec<(String, String)> = sqlx::query_as(
        "SELECT DISTINCT t.name, t.kind FROM team_members t JOIN assignments a ON a.lawyer_id = t.lawyer_id \
         WHERE a.community_id = $1 AND a.role = 'a' AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2) ORDER BY t.kind, t.name",
    )
    .bind(community_id)
    .bind(today.to_string())
    .fetch_all(&store.pool)
    .await?;
    let t = caller.lang.messages();
    Ok(members
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
        .collect())
}

/// The programme's counts and the communities without an A lawyer today (a street's staff: their
/// street's).
pub async fn overview(store: &Store, caller: &Caller, _: Empty) -> Result<ProgrammeOverview, Failure> {
    let today = crate::store::today().to_string();
    // A street's staff see their street's counts and gaps.
    let street = caller.user()?.street;
    let (of_street, and_street) = match street {
        Some(_) => (" WHERE id = $2", " AND c.street_id = $2"),
        None => ("", ""),
    };
    let serving = serving("c", 1);
    let sql = format!(
        "SELECT (SELECT COUNT(*) FROM streets{of_street}) AS streets, \
         (SELECT COUNT(*) FROM communities c WHERE {serving}{and_street}) AS communities, \
         (SELECT COUNT(DISTINCT lawyer_id) FROM assignments a JOIN communities c ON c.id = a.community_id \
         WHERE a.starts_on <= $1 AND (a.ends_on IS NULL OR a.ends_on >= $1){and_street}) AS lawyers"
    );
    let mut query = sqlx::query_as(&sql).bind(&today);
    if let Some(street) = street {
        query = query.bind(street);
    }
    let counts: Counts = query.fetch_one(&store.pool).await?;
    let sql = format!(
        "SELECT c.id, c.name, s.id AS street_id, s.name AS street_name FROM communities c \
         JOIN streets s ON s.id = c.street_id WHERE NOT EXISTS (SELECT 1 FROM assignments a WHERE a.community_id = c.id AND a.role = 'a' \
         AND a.starts_on <= $1 AND (a.ends_on IS NULL OR a.ends_on >= $1)) AND {serving}{and_street} ORDER BY s.sort_order, c.id"
    );
    let mut query = sqlx::query_as(&sql).bind(&today);
    if let Some(street) = street {
        query = query.bind(street);
    }
    let gaps: Vec<CommunityRow> = query.fetch_all(&store.pool).await?;
    Ok(ProgrammeOverview {
        streets: counts.streets,
        communities: counts.communities,
        active_lawyers: counts.lawyers,
        without_a_lawyer: gaps.into_iter().map(CommunitySummary::from).collect(),
    })
}
