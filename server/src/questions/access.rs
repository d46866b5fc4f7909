//! Who may read and act on a question. The resident who asked, every lawyer it was ever routed
//! to or claimed by (and their assistants), every lawyer of the street once it reached the street
//! step, and staff (with a reason, recorded) read it; anyone else is told it does not exist.
//! Only a lawyer it waits for now acts on it: its claimant, or (unclaimed) the lawyer it is
//! routed to, or at the street step any lawyer of the street.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::desk;
use crate::store::sql::Sql;
use crate::store::Store;
use app::domain::{QuestionStatus, Role};
use app::error::{AppError, ErrorKind};

/// What access checks need of a question.
#[derive(Debug, Clone)]
pub struct Facts {
    /// Question id.
    pub id: i64,
    /// Who asked.
    pub resident_id: i64,
    /// Where.
    pub community_id: i64,
    /// Where it stands.
    pub status: QuestionStatus,
    /// The step's number.
    pub step: i64,
    /// The lawyer it waits for (none at the street step).
    pub routed_to: Option<i64>,
    /// Its claimant.
    pub claimed_by: Option<i64>,
    /// Title, for messages.
    pub title: String,
}

/// The columns [`facts`] reads.
#[derive(sqlx::FromRow)]
struct FactsRow {
    id: i64,
    resident_id: i64,
    community_id: i64,
    status: String,
    route_step: i64,
    routed_to: Option<i64>,
    claimed_by: Option<i64>,
    title: String,
}

/// The question's facts, or 404.
pub async fn facts(store: &Store, caller: &Caller, question_id: i64) -> Result<Facts, Failure> {
    let row: Option<FactsRow> = sqlx::query_as(
        "SELECT id, resident_id, community_id, status, route_step, routed_to, claimed_by, title FROM questions WHERE id = $1",
    )
    .bind(question_id)
    .fetch_optional(&store.pool)
    .await?;
    let row = row.ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    Ok(Facts {
        id: row.id,
        resident_id: row.resident_id,
        community_id: row.community_id,
        status: QuestionStatus::from_db(&row.status).unwrap_or(QuestionStatus::Closed),
        step: row.route_step,
        routed_to: row.routed_to,
        claimed_by: row.claimed_by,
        title: row.title,
    })
}

/// Whether one of `lawyers` serves a community of the street of `community_id` today.
async fn in_street(store: &Store, lawyers: &[i64], community_id: i64) -> Result<bool, Failure> {
    if lawyers.is_empty() {
        return Ok(false);
    }
    let today = crate::store::today().to_string();
    let mut sql = Sql::new(
        "SELECT COUNT(*) FROM assignments a JOIN communities c ON c.id = a.community_id WHERE a.lawyer_id IN ",
    );
    sql.bind_list(lawyers.to_vec());
    sql.push(" AND c.street_id = (SELECT street_id FROM communities WHERE id = ").bind(community_id);
    sql.push(") AND a.starts_on <= ")
        .bind(today.clone())
        .push(" AND (a.ends_on IS NULL OR a.ends_on >= ")
        .bind(today)
        .push(")");
    let (n,): (i64,) = sql.fetch_one(&store.pool).await?;
    Ok(n > 0)
}

/// 404 unless the caller may read the question. (Staff open its thread only with a reason,
/// through `questions/inspect`, which records it.)
pub async fn require_read(store: &Store, caller: &Caller, q: &Facts) -> Result<(), Failure> {
    let user = caller.user()?;
    let allowed = match user.role {
        Role::Resident => q.resident_id == user.id,
        Role::Staff | Role::Admin => {
            crate::scope::require_community(store, caller, user, q.community_id).await?;
            true
        }
        Role::Lawyer | Role::Assistant => {
            let mine = desk::own_lawyers(store, caller).await?;
            let on_route: i64 = if mine.is_empty() {
                0
            } else {
                let mut sql = Sql::new("SELECT COUNT(*) FROM question_routes WHERE question_id = ");
                sql.bind(q.id).push(" AND lawyer_id IN ").bind_list(mine.clone());
                sql.fetch_one::<(i64,), _>(&store.pool).await?.0
            };
            on_route > 0
                || q.claimed_by.is_some_and(|l| mine.contains(&l))
                || q.routed_to.is_some_and(|l| mine.contains(&l))
                || (q.step == 3 && in_street(store, &mine, q.community_id).await?)
        }
        // A receiving body reads what a referral hands over, never the thread.
        Role::Agency => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(caller.error(ErrorKind::NotFound).into())
    }
}

/// The lawyer (of the caller's own) who acts on the question now: 404 when the caller may not
/// read it, 409 when another lawyer holds it or it is closed.
pub async fn acting_lawyer(store: &Store, caller: &Caller, q: &Facts) -> Result<i64, Failure> {
    require_read(store, caller, q).await?;
    let mine = desk::own_lawyers(store, caller).await?;
    let t = caller.lang.messages();
    if q.status == QuestionStatus::Closed {
        return Err(AppError::new(ErrorKind::Conflict, t.err_question_closed).into());
    }
    if let Some(claimant) = q.claimed_by {
        return if mine.contains(&claimant) {
            Ok(claimant)
        } else {
            Err(AppError::new(ErrorKind::Conflict, t.err_question_claimed).into())
        };
    }
    if let Some(lawyer) = q.routed_to.filter(|l| mine.contains(l)) {
        return Ok(lawyer);
    }
    if q.step == 3 {
        for lawyer in &mine {
            if in_street(store, &[*lawyer], q.community_id).await? {
                return Ok(*lawyer);
            }
        }
    }
    Err(AppError::new(ErrorKind::Conflict, t.err_question_not_yours).into())
}
