//! Text messages as the district's staff watch them: for each kind, how many went out, reached
//! the phone or failed, and why they failed — so a template the provider stopped accepting, or a
//! run of wrong numbers, is seen the day it starts.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;
use app::error::AppError;
use app::model::{FailureCount, KindCounts, MessageCounts, MessagesRequest};
use app::time::LocalDate;

/// The longest period asked for.
const MAX_DAYS: i64 = 366;

/// One kind's counts, as read.
#[derive(sqlx::FromRow)]
struct Row {
    template: String,
    queued: i64,
    sent: i64,
    delivered: i64,
    failed: i64,
    waiting: i64,
}

/// `staff/messages`: 422 for dates that are not a range of at most a year.
pub async fn counts(store: &Store, caller: &Caller, request: MessagesRequest) -> Result<MessageCounts, Failure> {
    let t = caller.lang.messages();
    let date = |text: &str, field: &'static str| {
        LocalDate::parse(text.trim()).ok_or_else(|| AppError::invalid(field, t.err_schedule_dates))
    };
    let (from, to) = (date(&request.from, "from")?, date(&request.to, "to")?);
    if to < from || to.to_days() - from.to_days() >= MAX_DAYS {
        return Err(AppError::invalid("to", t.err_schedule_dates).into());
    }
    let (start, end) = (from.start().0, to.plus_days(1).start().0);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT template, COUNT(*) AS queued, \
         CAST(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS sent, \
         CAST(SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS delivered, \
         CAST(SUM(CASE WHEN failed_at IS NOT NULL OR undelivered IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS failed, \
         CAST(SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS waiting \
         FROM outbox WHERE created_at >= $1 AND created_at < $2 GROUP BY template ORDER BY template",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&store.pool)
    .await?;
    let failures: Vec<(String, i64)> = sqlx::query_as(
        "SELECT reason, COUNT(*) AS n FROM (SELECT COALESCE(undelivered, last_error) AS reason FROM outbox \
         WHERE created_at >= $1 AND created_at < $2 AND (failed_at IS NOT NULL OR undelivered IS NOT NULL)) f \
         GROUP BY reason ORDER BY n DESC, reason LIMIT 10",
    )
    .bind(start)
    .bind(end)
    .fetch_all(&store.pool)
    .await?;
    Ok(MessageCounts {
        kinds: rows
            .into_iter()
            .map(|r| KindCounts {
                kind: r.template,
                queued: r.queued,
                sent: r.sent,
                delivered: r.delivered,
                failed: r.failed,
                waiting: r.waiting,
            })
            .collect(),
        failures: failures.into_iter().map(|(reason, count)| FailureCount { reason, count }).collect(),
    })
}
