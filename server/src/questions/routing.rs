//! Where a question goes: the community's A lawyer, then B, then the coordinator, then every
//! lawyer of the street; a step without a lawyer, or whose lawyer is on leave, is passed over.
//! Each step has a deadline in working hours; a job moves unanswered, unclaimed questions on
//! when it passes, and returns idle claims to the route. Each move is a conditional update on
//! the step it moves from, so several servers running the job move each question once; every
//! move is recorded with its reason. The clock is an argument, so tests move time themselves.

use crate::store::Store;
use app::domain::{add_working_hours, DistrictCalendar, RouteStep};
use app::time::{Instant, LocalDate};
use sqlx::{Any, Transaction};
use std::time::Duration;
use tokio::sync::watch;

/// How long each step has to answer, and how long a claim may sit idle.
#[derive(Debug, Clone, Copy)]
pub struct Deadlines {
    /// Working hours per step (`QUESTION_DEADLINE_HOURS`, 24).
    pub step_hours: i64,
    /// Milliseconds a claim may go without an act of its claimant (`QUESTION_CLAIM_LAPSE_DAYS`, 3).
    pub claim_lapse_ms: i64,
}

/// The district calendar from today on, for working-hour deadlines.
pub async fn holidays(tx: &mut Transaction<'_, Any>, from: LocalDate) -> Result<DistrictCalendar, sqlx::Error> {
    crate::calendar::from(&mut **tx, from).await
}

/// The deadline of a step that starts at `now`.
pub fn deadline(now: i64, hours: i64, calendar: &DistrictCalendar) -> i64 {
    add_working_hours(Instant(now), hours, |day| calendar.is_working_day(day)).0
}

/// A step passed over: the step, its lawyer (if any), why (`no_lawyer`, `on_leave`).
pub type Passed = (RouteStep, Option<i64>, &'static str);

/// The first step from `from` on that has a lawyer not on leave on `date`: the step and its
/// lawyer (none at the street step), and the steps passed over.
pub async fn target(
    tx: &mut Transaction<'_, Any>,
    community_id: i64,
    from: RouteStep,
    date: LocalDate,
) -> Result<(RouteStep, Option<i64>, Vec<Passed>), sqlx::Error> {
    let day = date.to_string();
    let mut passed = Vec::new();
    for step in RouteStep::ORDER.into_iter().skip(usize::try_from(from.index()).unwrap_or(0)) {
        let Some(role) = step.assignment_role() else { return Ok((step, None, passed)) };
        let lawyer: Option<(i64, i64)> = sqlx::query_as(
            "SELECT a.lawyer_id, (SELECT COUNT(*) FROM leaves v WHERE v.lawyer_id = a.lawyer_id AND v.starts_on <= $3 AND v.ends_on >= $3) \
             FROM assignments a WHERE a.community_id = $1 AND a.role = $2 AND a.starts_on <= $3 AND (a.ends_on IS NULL OR a.ends_on >= $3) \
             ORDER BY a.starts_on DESC, a.id DESC LIMIT 1",
        )
        .bind(community_id)
        .bind(role)
        .bind(&day)
        .fetch_optional(&mut **tx)
        .await?;
        match lawyer {
            Some((lawyer, 0)) => return Ok((step, Some(lawyer), passed)),
            Some((lawyer, _)) => passed.push((step, Some(lawyer), "on_leave")),
            None => passed.push((step, None, "no_lawyer")),
        }
    }
    Ok((RouteStep::Street, None, passed))
}

/// Records a hand-over.
pub async fn record(
    tx: &mut Transaction<'_, Any>,
    question_id: i64,
    step: RouteStep,
    lawyer: Option<i64>,
    reason: &str,
    by_user: Option<i64>,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO question_routes (question_id, step, lawyer_id, reason, by_user, at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(question_id)
        .bind(step.index())
        .bind(lawyer)
        .bind(reason)
        .bind(by_user)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Tells the lawyer a question now waits for them (in-app inbox).
pub async fn tell_lawyer(
    tx: &mut Transaction<'_, Any>,
    lawyer: Option<i64>,
    (question_id, title): (i64, &str),
    at: i64,
) -> Result<(), sqlx::Error> {
    if let Some(lawyer) = lawyer {
        let text = crate::text::fill(app::i18n::Lang::Zh.messages().inbox_question_routed, &[("title", title)]);
        // It quotes the resident's title: it names the question, so that erasing theirs takes it too.
        sqlx::query(
            "INSERT INTO notifications (user_id, body, created_at, question_id) \
             SELECT user_id, $1, $2, $4 FROM lawyers WHERE id = $3 AND user_id IS NOT NULL",
        )
        .bind(text)
        .bind(at)
        .bind(lawyer)
        .bind(question_id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Returns idle claims to the route and moves on every unanswered, unclaimed question whose
/// step's deadline passed or whose lawyer is on leave, at `now`. Returns how many moved.
pub async fn advance(store: &Store, now: i64, deadlines: Deadlines) -> Result<usize, sqlx::Error> {
    Ok(lapse_idle_claims(store, now, deadlines).await? + move_due(store, now, deadlines).await?)
}

/// A claim no act of its claimant has renewed, as stored.
#[derive(sqlx::FromRow)]
struct IdleClaim {
    id: i64,
    claimed_by: i64,
    claim_active_at: i64,
    route_step: i64,
}

/// Claims idle past the lapse go back to the route, with a fresh deadline.
async fn lapse_idle_claims(store: &Store, now: i64, deadlines: Deadlines) -> Result<usize, sqlx::Error> {
    let today = Instant(now).to_shanghai().0;
    let idle: Vec<IdleClaim> = sqlx::query_as(
        "SELECT id, claimed_by, claim_active_at, route_step FROM questions \
         WHERE status = 'waiting' AND claimed_by IS NOT NULL AND claim_active_at < $1",
    )
    .bind(now - deadlines.claim_lapse_ms)
    .fetch_all(&store.pool)
    .await?;
    let mut moved = 0;
    for IdleClaim { id, claimed_by: claimant, claim_active_at: active_at, route_step: step } in idle {
        let mut tx = store.writer().begin().await?;
        let free = holidays(&mut tx, today).await?;
        let lapsed = sqlx::query(
            "UPDATE questions SET claimed_by = NULL, claim_active_at = NULL, deadline_at = $1, updated_at = $2 \
             WHERE id = $3 AND claimed_by = $4 AND claim_active_at = $5 AND status = 'waiting'",
        )
        .bind(deadline(now, deadlines.step_hours, &free))
        .bind(now)
        .bind(id)
        .bind(claimant)
        .bind(active_at)
        .execute(&mut *tx)
        .await?;
        if lapsed.rows_affected() == 1 {
            let step = RouteStep::from_index(step).unwrap_or(RouteStep::Street);
            record(&mut tx, id, step, Some(claimant), "claim_lapsed", None, now).await?;
            moved += 1;
        }
        tx.commit().await?;
    }
    Ok(moved)
}

/// A question due to move on: past its step's deadline, or its lawyer on leave.
#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    community_id: i64,
    route_step: i64,
    title: String,
    on_leave: i64,
}

/// Questions due move to the next step, each by an update naming the step it moves from, so on
/// several servers each move happens once.
async fn move_due(store: &Store, now: i64, deadlines: Deadlines) -> Result<usize, sqlx::Error> {
    let today = Instant(now).to_shanghai().0;
    let due: Vec<Due> = sqlx::query_as(
        "SELECT q.id, q.community_id, q.route_step, q.title, \
           (SELECT COUNT(*) FROM leaves v WHERE v.lawyer_id = q.routed_to AND v.starts_on <= $2 AND v.ends_on >= $2) AS on_leave \
         FROM questions q WHERE q.status = 'waiting' AND q.first_answer_at IS NULL AND q.claimed_by IS NULL AND q.route_step < 3 \
         AND (q.deadline_at <= $1 OR EXISTS (SELECT 1 FROM leaves v WHERE v.lawyer_id = q.routed_to AND v.starts_on <= $2 AND v.ends_on >= $2))",
    )
    .bind(now)
    .bind(today.to_string())
    .fetch_all(&store.pool)
    .await?;
    let mut moved = 0;
    for q in due {
        let Some(next) = RouteStep::from_index(q.route_step + 1) else { continue };
        let mut tx = store.writer().begin().await?;
        let free = holidays(&mut tx, today).await?;
        let (to, lawyer, passed) = target(&mut tx, q.community_id, next, today).await?;
        let changed = sqlx::query(
            "UPDATE questions SET route_step = $1, routed_to = $2, deadline_at = $3, updated_at = $4 \
             WHERE id = $5 AND route_step = $6 AND claimed_by IS NULL AND first_answer_at IS NULL AND status = 'waiting'",
        )
        .bind(to.index())
        .bind(lawyer)
        .bind(deadline(now, deadlines.step_hours, &free))
        .bind(now)
        .bind(q.id)
        .bind(q.route_step)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() == 1 {
            for (step, lawyer, why) in passed {
                record(&mut tx, q.id, step, lawyer, why, None, now).await?;
            }
            let why = if q.on_leave > 0 { "on_leave" } else { "deadline" };
            record(&mut tx, q.id, to, lawyer, why, None, now).await?;
            tell_lawyer(&mut tx, lawyer, (q.id, &q.title), now).await?;
            moved += 1;
        }
        tx.commit().await?;
    }
    Ok(moved)
}

/// Runs [`advance`] every minute until `stop`.
pub async fn run(store: Store, deadlines: Deadlines, mut stop: watch::Receiver<bool>) {
    loop {
        match advance(&store, crate::store::now_ms(), deadlines).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(questions = n, "questions moved on"),
            Err(error) => tracing::warn!(error = %error, "moving questions on failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = stop.changed() => return,
        }
    }
}
