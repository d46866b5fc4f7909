//! Staff's side: praise and complaints in their scope, replying to a complaint, and recording a
//! letter of thanks or a banner that came offline.

use super::view::{list as listed, one};
use super::MY_FEEDBACK;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::store::{now_ms, today, Store};
use app::domain::{required_text, FeedbackChannel, MAX_FEEDBACK_CHARS};
use app::error::{AppError, ErrorKind};
use app::i18n::FeedbackTexts;
use app::model::{Empty, FeedbackReply, FeedbackView, OfflineThanks};
use app::time::LocalDate;

/// `staff/feedback`: open complaints first, then the newest; a street's staff their street's.
pub async fn list(store: &Store, caller: &Caller, _: Empty) -> Result<Vec<FeedbackView>, Failure> {
    let user = caller.user()?;
    let order = "CASE WHEN f.status = 'open' THEN 0 ELSE 1 END, f.created_at DESC, f.id DESC";
    let scope = match user.street {
        Some(street) => ("c.street_id = $1", street),
        None => ("$1 = $1", 0),
    };
    Ok(listed(store, scope, order, (500, true)).await?)
}

/// `staff/reply-complaint`: an open complaint of a community in scope (404 unknown, 403 another
/// street's, 409 already answered); the resident finds the reply in 我的 and a notice in the inbox.
pub async fn reply(store: &Store, caller: &Caller, request: FeedbackReply) -> Result<FeedbackView, Failure> {
    let t = FeedbackTexts::of(caller.lang);
    let user = caller.user()?;
    let text =
        required_text(&request.reply, MAX_FEEDBACK_CHARS).map_err(|_| AppError::invalid("reply", t.err_reply))?;
    let found: Option<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT community_id, kind, resident_id FROM feedback WHERE id = $1")
            .bind(request.id)
            .fetch_optional(&store.pool)
            .await?;
    let Some((community, kind, resident)) = found else { return Err(caller.error(ErrorKind::NotFound).into()) };
    scope::require_community(store, caller, user, community).await?;
    if kind != "complaint" {
        return Err(AppError::new(ErrorKind::Conflict, t.err_not_open).into());
    }
    let now = now_ms();
    let mut tx = store.writer().begin().await?;
    let moved = sqlx::query(
        "UPDATE feedback SET status = 'handled', reply = $1, replied_by = $2, replied_at = $3 WHERE id = $4 AND status = 'open'",
    )
    .bind(&text)
    .bind(user.id)
    .bind(now)
    .bind(request.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if moved == 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_not_open).into());
    }
    if let Some(resident) = resident {
        let lang: Option<String> =
            sqlx::query_scalar("SELECT lang FROM users WHERE id = $1").bind(resident).fetch_optional(&mut *tx).await?;
        let notice = FeedbackTexts::of(app::i18n::Lang::from_tag(lang.as_deref().unwrap_or(""))).notice_replied;
        sqlx::query("INSERT INTO notifications (user_id, body, created_at, link) VALUES ($1, $2, $3, $4)")
            .bind(resident)
            .bind(notice)
            .bind(now)
            .bind(MY_FEEDBACK)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "complaint_reply", &format!("feedback:{}", request.id)).await?;
    one(store, request.id, true).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}

/// `staff/record-thanks`: a letter or a banner, for a lawyer assigned to a community in scope
/// (404 unknown community, 403 another street's), received on a day not after today (422 on
/// `thanks` otherwise, nothing written).
pub async fn record_thanks(store: &Store, caller: &Caller, request: OfflineThanks) -> Result<FeedbackView, Failure> {
    let t = FeedbackTexts::of(caller.lang);
    let user = caller.user()?;
    let invalid = || AppError::invalid("thanks", t.err_thanks);
    let note = required_text(&request.note, MAX_FEEDBACK_CHARS).map_err(|_| invalid())?;
    let received = LocalDate::parse(&request.received_on).filter(|d| *d <= today()).ok_or_else(invalid)?;
    if request.channel == FeedbackChannel::Online {
        return Err(invalid().into());
    }
    scope::require_community(store, caller, user, request.community_id).await?;
    let assigned: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM assignments WHERE community_id = $1 AND lawyer_id = $2")
            .bind(request.community_id)
            .bind(request.lawyer_id)
            .fetch_one(&store.pool)
            .await?;
    if assigned == 0 {
        return Err(invalid().into());
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO feedback (kind, channel, lawyer_id, community_id, body, status, recorded_by, received_on, created_at) \
         VALUES ('praise', $1, $2, $3, $4, 'received', $5, $6, $7) RETURNING id",
    )
    .bind(request.channel.as_str())
    .bind(request.lawyer_id)
    .bind(request.community_id)
    .bind(&note)
    .bind(user.id)
    .bind(received.to_string())
    .bind(now_ms())
    .fetch_one(store.writer())
    .await?;
    audit::record_by(store, caller, user.id, "thanks_record", &format!("feedback:{id}")).await?;
    one(store, id, true).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}

/// The lawyers now assigned to communities in `caller`'s scope, for the thanks form:
/// `(lawyer, community, "name · community")`, by community and name.
pub async fn recipients(store: &Store, caller: &Caller) -> Result<Vec<(i64, i64, String)>, Failure> {
    let user = caller.user()?;
    let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT DISTINCT a.lawyer_id, a.community_id, l.name, c.name FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id \
         JOIN communities c ON c.id = a.community_id WHERE a.ends_on IS NULL AND ($1 = 0 OR c.street_id = $1) \
         ORDER BY c.name, l.name",
    )
    .bind(user.street.unwrap_or(0))
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(lawyer, community, name, place)| (lawyer, community, format!("{name} · {place}")))
        .collect())
}
