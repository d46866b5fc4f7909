//! Streets and communities, as the district's staff create, rename, move and retire them. A community
//! moved to another street takes its records with it: the board's roll-ups of both streets are
//! rebuilt in the same transaction (on PostgreSQL by the trigger on `communities`).

use crate::audit;
use crate::caller::Caller;
use crate::directory::serving;
use crate::failure::Failure;
use crate::store::{today, Store};
use app::error::{AppError, ErrorKind};
use app::model::{
    CommunityPlace, CommunitySummary, Empty, Places, PlacesRequest, RetireStreetRequest, RetiredPlace, StreetEdit,
};
use app::time::LocalDate;

/// The longest street or community name.
const MAX_NAME: usize = 40;
/// The longest office address.
const MAX_ADDRESS: usize = 200;

/// Every street, and the communities of `street` (none when none is asked for); those that have
/// left the programme apart, with their last day.
pub async fn list(store: &Store, caller: &Caller, request: PlacesRequest) -> Result<Places, Failure> {
    let street = request.street_id.unwrap_or(0);
    let today = today().to_string();
    let streets = crate::directory::streets(store, caller, Empty {}).await?;
    let communities: Vec<crate::store::rows::CommunityRow> = sqlx::query_as(&format!(
        "SELECT c.id, c.name, s.id AS street_id, s.name AS street_name FROM communities c JOIN streets s ON s.id = c.street_id \
         WHERE c.street_id = $1 AND {} ORDER BY c.id",
        serving("c", 2)
    ))
    .bind(street)
    .bind(&today)
    .fetch_all(&store.pool)
    .await?;
    let retired = |table: &str, of_street: &str| {
        format!("SELECT id, name, last_day FROM {table} WHERE last_day < $1{of_street} ORDER BY last_day DESC, id")
    };
    let retired_streets: Vec<(i64, String, String)> =
        sqlx::query_as(&retired("streets", "")).bind(&today).fetch_all(&store.pool).await?;
    let retired_communities: Vec<(i64, String, String)> =
        sqlx::query_as(&retired("communities", " AND street_id = $2"))
            .bind(&today)
            .bind(street)
            .fetch_all(&store.pool)
            .await?;
    let place = |(id, name, last_day): (i64, String, String)| RetiredPlace { id, name, last_day };
    Ok(Places {
        streets,
        communities: communities.into_iter().map(CommunitySummary::from).collect(),
        retired_streets: retired_streets.into_iter().map(place).collect(),
        retired_communities: retired_communities.into_iter().map(place).collect(),
    })
}

/// `staff/retire-street`: the street leaves the programme after its last day. Refused, nothing
/// changed: no such street (404), one already retired (409), a last day before yesterday or not a
/// date (422), a community of it serving after the day (409).
pub async fn retire_street(store: &Store, caller: &Caller, request: RetireStreetRequest) -> Result<Places, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let id = request.street_id;
    let retired: Option<Option<String>> =
        sqlx::query_scalar("SELECT last_day FROM streets WHERE id = $1").bind(id).fetch_optional(&store.pool).await?;
    match retired {
        None => return Err(caller.error(ErrorKind::NotFound).into()),
        Some(Some(_)) => return Err(AppError::new(ErrorKind::Conflict, t.err_place_retired).into()),
        Some(None) => {}
    }
    let last = LocalDate::parse(request.last_day.trim())
        .filter(|d| *d >= today().plus_days(-1))
        .ok_or_else(|| AppError::invalid("last_day", t.err_schedule_dates))?
        .to_string();
    let mut tx = store.writer().begin().await?;
    let serving: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM communities WHERE street_id = $1 AND (last_day IS NULL OR last_day > $2)",
    )
    .bind(id)
    .bind(&last)
    .fetch_one(&mut *tx)
    .await?;
    if serving > 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_street_live).into());
    }
    let marked = sqlx::query("UPDATE streets SET last_day = $1 WHERE id = $2 AND last_day IS NULL")
        .bind(&last)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if marked.rows_affected() == 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_place_retired).into());
    }
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "street_retire", &format!("street:{id} last_day={last}")).await?;
    list(store, caller, PlacesRequest { street_id: Some(id) }).await
}

/// A name trimmed, or 422 on `field` when empty or too long.
fn name<'a>(caller: &Caller, text: &'a str, field: &str) -> Result<&'a str, Failure> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_NAME {
        return Err(AppError::invalid(field, caller.lang.messages().err_place_name).into());
    }
    Ok(text)
}

/// Creates, renames or reorders a street. Refused, nothing written: a name not of 1–40
/// characters (422) or another street's (409); no such street (404).
pub async fn save_street(store: &Store, caller: &Caller, edit: StreetEdit) -> Result<Places, Failure> {
    let user = caller.user()?;
    let street_name = name(caller, &edit.name, "name")?;
    let mut tx = store.writer().begin().await?;
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets WHERE name = $1 AND id <> $2")
        .bind(street_name)
        .bind(edit.street_id.unwrap_or(0))
        .fetch_one(&mut *tx)
        .await?;
    if taken > 0 {
        return Err(conflict(caller, "name").into());
    }
    let id: i64 = match edit.street_id {
        Some(id) => {
            let done = sqlx::query("UPDATE streets SET name = $1, sort_order = $2 WHERE id = $3")
                .bind(street_name)
                .bind(edit.sort_order)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(caller.error(ErrorKind::NotFound).into());
            }
            id
        }
        None => {
            sqlx::query_scalar("INSERT INTO streets (name, sort_order) VALUES ($1, $2) RETURNING id")
                .bind(street_name)
                .bind(edit.sort_order)
                .fetch_one(&mut *tx)
                .await?
        }
    };
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "street_change", &format!("street:{id}")).await?;
    list(store, caller, PlacesRequest { street_id: Some(id) }).await
}

/// Creates a community in a street, or renames it and moves it to another. Refused, nothing
/// written: a name not of 1–40 characters, a new community without an office address (or one
/// over 200 characters), an unknown street (422); a name the street already has (409); no such
/// community (404).
pub async fn save_community(store: &Store, caller: &Caller, place: CommunityPlace) -> Result<Places, Failure> {
    let street = place.street_id;
    save_place(store, caller, place, "community").await?;
    list(store, caller, PlacesRequest { street_id: Some(street) }).await
}

/// [`save_community`]'s work, a new place being of `kind` (a community, or a service point such
/// as an industrial park or an enterprise): the place's id.
pub async fn save_place(store: &Store, caller: &Caller, place: CommunityPlace, kind: &str) -> Result<i64, Failure> {
    let user = caller.user()?;
    let t = caller.lang.messages();
    let community_name = name(caller, &place.name, "name")?;
    let address = place.office_address.trim();
    if place.community_id.is_none() && (address.is_empty() || address.chars().count() > MAX_ADDRESS) {
        return Err(AppError::invalid("office_address", t.err_office_address).into());
    }
    let mut tx = store.writer().begin().await?;
    let street: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets WHERE id = $1")
        .bind(place.street_id)
        .fetch_one(&mut *tx)
        .await?;
    if street == 0 {
        return Err(AppError::invalid("street_id", t.err_account_street).into());
    }
    let taken: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM communities WHERE street_id = $1 AND name = $2 AND id <> $3")
            .bind(place.street_id)
            .bind(community_name)
            .bind(place.community_id.unwrap_or(0))
            .fetch_one(&mut *tx)
            .await?;
    if taken > 0 {
        return Err(conflict(caller, "name").into());
    }
    let (id, action) = match place.community_id {
        Some(id) => {
            let done = sqlx::query("UPDATE communities SET name = $1, street_id = $2 WHERE id = $3")
                .bind(community_name)
                .bind(place.street_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(caller.error(ErrorKind::NotFound).into());
            }
            (id, "community_place")
        }
        None => {
            let id = sqlx::query_scalar(
                "INSERT INTO communities (street_id, name, office_address, kind) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(place.street_id)
            .bind(community_name)
            .bind(address)
            .bind(kind)
            .fetch_one(&mut *tx)
            .await?;
            (id, "community_create")
        }
    };
    tx.commit().await?;
    let subject = format!("community:{id}:street:{}", place.street_id);
    audit::record_by(store, caller, user.id, action, &subject).await?;
    Ok(id)
}

/// 409: the name is another's.
fn conflict(caller: &Caller, field: &str) -> AppError {
    AppError { field: Some(field.into()), ..AppError::new(ErrorKind::Conflict, caller.lang.messages().err_place_taken) }
}
