//! The year's scorecards: the by-lawyer export's figures (one streamed statement) with each
//! lawyer's quota, answers, corrections and referrals of the year, scored and with the
//! conclusion if staff made one.

use super::score::{score, Shares, Year};
use super::EvaluationService;
use crate::board::{lawyer_lines, LawyerLine};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::store::{today, Store};
use app::error::{AppError, ErrorKind};
use app::i18n::EvaluationTexts;
use app::model::{Conclusion, Scorecard, ScorecardRequest, Scorecards, YearRequest};
use app::time::LocalDate;
use futures_util::TryStreamExt;
use std::collections::HashMap;

/// Keeps records of street `$1`'s communities; 0 stands for every street.
const IN_STREET: &str = "($1 = 0 OR community_id IN (SELECT id FROM communities WHERE street_id = $1))";

/// `staff/scorecards`: a street's staff their street's lawyers (403 asking for another).
pub async fn scorecards(
    state: &EvaluationService,
    caller: &Caller,
    request: ScorecardRequest,
) -> Result<Scorecards, Failure> {
    let street = scope::street_shown(caller, caller.user()?, request.street)?;
    let year = checked_year(caller, request.year)?;
    let cards = cards(state, street, year, None).await?;
    Ok(Scorecards { scale: state.settings.scale.clone(), cards })
}

/// `evaluations/mine`: the calling lawyer's card (empty figures when they did nothing).
pub async fn mine(state: &EvaluationService, caller: &Caller, request: YearRequest) -> Result<Scorecard, Failure> {
    let year = checked_year(caller, request.year)?;
    let lawyer = own_lawyer(&state.store, caller).await?;
    card_of(state, None, year, lawyer).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
}

/// The lawyer the signed-in lawyer account is.
pub(super) async fn own_lawyer(store: &Store, caller: &Caller) -> Result<i64, Failure> {
    let user = caller.user()?;
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM lawyers WHERE user_id = $1")
        .bind(user.id)
        .fetch_optional(&store.pool)
        .await?;
    id.ok_or_else(|| caller.error(ErrorKind::Forbidden).into())
}

/// A year from 2000 to this one (422 on `year` otherwise).
pub(super) fn checked_year(caller: &Caller, year: i32) -> Result<i32, Failure> {
    if (2000..=today().year).contains(&year) {
        Ok(year)
    } else {
        Err(AppError::invalid("year", EvaluationTexts::of(caller.lang).err_year).into())
    }
}

/// `lawyer`'s card of `year` in `street` (all streets: none), with empty figures when they did
/// nothing; none when there is no such lawyer.
pub(super) async fn card_of(
    state: &EvaluationService,
    street: Option<i64>,
    year: i32,
    lawyer: i64,
) -> Result<Option<Scorecard>, Failure> {
    if let Some(card) = card_in_scope(state, street, year, lawyer).await? {
        return Ok(Some(card));
    }
    let named: Option<(String, String)> =
        sqlx::query_as("SELECT l.name, f.name FROM lawyers l JOIN law_firms f ON f.id = l.firm_id WHERE l.id = $1")
            .bind(lawyer)
            .fetch_optional(&state.store.pool)
            .await?;
    Ok(named.map(|(name, firm)| {
        let line = LawyerLine { lawyer_id: lawyer, name, firm, ..LawyerLine::default() };
        assemble(state, year, line, &Extras::default())
    }))
}

/// `lawyer`'s card of `year` if they did anything in `street` (all streets: none) or were
/// assigned there.
pub(super) async fn card_in_scope(
    state: &EvaluationService,
    street: Option<i64>,
    year: i32,
    lawyer: i64,
) -> Result<Option<Scorecard>, Failure> {
    Ok(cards(state, street, year, Some(lawyer)).await?.pop())
}

/// The cards of every lawyer who did anything in `year` or was assigned in scope (or only
/// `lawyer`'s), by name.
async fn cards(
    state: &EvaluationService,
    street: Option<i64>,
    year: i32,
    only: Option<i64>,
) -> Result<Vec<Scorecard>, Failure> {
    let (from, to) = (LocalDate { year, month: 1, day: 1 }, LocalDate { year, month: 12, day: 31 });
    let before = (LocalDate { year: year - 1, ..from }, LocalDate { year: year - 1, ..to });
    let mut lines: Vec<LawyerLine> = lawyer_lines(state.store.clone(), street, (from, to), before)
        .try_filter(|line| std::future::ready(only.is_none_or(|id| id == line.lawyer_id)))
        .try_collect()
        .await?;
    let extras = Extras::read(&state.store, street.unwrap_or(0), (from, to)).await?;
    // Lawyers assigned in scope who did nothing have a card too: an empty year is a year.
    let idle = extras
        .assigned
        .iter()
        .filter(|(id, _, _)| only.is_none_or(|only| only == *id) && !lines.iter().any(|line| line.lawyer_id == *id));
    let idle: Vec<LawyerLine> = idle
        .map(|(id, name, firm)| LawyerLine {
            lawyer_id: *id,
            name: name.clone(),
            firm: firm.clone(),
            ..LawyerLine::default()
        })
        .collect();
    lines.extend(idle);
    // By name in the order of its bytes, as the export lists them.
    lines.sort_by(|a, b| (a.name.as_bytes(), a.lawyer_id).cmp(&(b.name.as_bytes(), b.lawyer_id)));
    Ok(lines.into_iter().map(|line| assemble(state, year, line, &extras)).collect())
}

/// What the export's line does not carry, by lawyer.
#[derive(Default)]
struct Extras {
    /// Duty-days a month the lawyer's A communities ask.
    quota_a_month: HashMap<i64, i64>,
    /// Questions answered, within a day, ratings and their sum.
    answers: HashMap<i64, (i64, i64, i64, i64)>,
    corrections: HashMap<i64, i64>,
    referrals: HashMap<i64, i64>,
    conclusions: HashMap<i64, Conclusion>,
    /// Every lawyer assigned to a community in scope during the year: id, name, firm.
    assigned: Vec<(i64, String, String)>,
}

impl Extras {
    async fn read(store: &Store, street: i64, (from, to): (LocalDate, LocalDate)) -> Result<Extras, sqlx::Error> {
        let (first, last) = (from.to_string(), to.to_string());
        let (start, end) = (from.start().0, to.plus_days(1).start().0);
        let pairs = |rows: Vec<(i64, i64)>| rows.into_iter().collect::<HashMap<_, _>>();
        let quota: Vec<(i64, i64)> = sqlx::query_as(&format!(
            "SELECT a.lawyer_id, CAST(SUM(c.duty_days_per_month) AS BIGINT) FROM assignments a \
             JOIN communities c ON c.id = a.community_id WHERE a.role = 'a' AND a.starts_on <= $3 \
             AND (a.ends_on IS NULL OR a.ends_on >= $2) AND {} GROUP BY a.lawyer_id",
            IN_STREET.replace("community_id", "a.community_id")
        ))
        .bind(street)
        .bind(&first)
        .bind(&last)
        .fetch_all(&store.pool)
        .await?;
        let answers: Vec<(i64, i64, i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT COALESCE(claimed_by, routed_to) AS lawyer_id, COUNT(*), \
             SUM(CASE WHEN first_answer_at - created_at <= 86400000 THEN 1 ELSE 0 END), COUNT(rating), \
             CAST(COALESCE(SUM(rating), 0) AS BIGINT) FROM questions \
             WHERE first_answer_at >= $2 AND first_answer_at < $3 AND COALESCE(claimed_by, routed_to) IS NOT NULL \
             AND {IN_STREET} GROUP BY COALESCE(claimed_by, routed_to)"
        ))
        .bind(street)
        .bind(start)
        .bind(end)
        .fetch_all(&store.pool)
        .await?;
        let counted = |table: &str, when: &str| {
            format!("SELECT lawyer_id, COUNT(*) FROM {table} WHERE {when} AND {IN_STREET} GROUP BY lawyer_id")
        };
        let corrections: Vec<(i64, i64)> =
            sqlx::query_as(&counted("duty_corrections", "served_on >= $2 AND served_on <= $3"))
                .bind(street)
                .bind(&first)
                .bind(&last)
                .fetch_all(&store.pool)
                .await?;
        let referrals: Vec<(i64, i64)> = sqlx::query_as(&counted("referrals", "created_at >= $2 AND created_at < $3"))
            .bind(street)
            .bind(start)
            .bind(end)
            .fetch_all(&store.pool)
            .await?;
        Ok(Extras {
            assigned: assigned(store, street, (&first, &last)).await?,
            quota_a_month: pairs(quota),
            answers: answers.into_iter().map(|(l, n, day, r, sum)| (l, (n, day, r, sum))).collect(),
            corrections: pairs(corrections),
            referrals: pairs(referrals),
            conclusions: conclusions(store, from.year).await?,
        })
    }
}

/// Every lawyer assigned to a community of street `street` (0: any) between `first` and `last`:
/// id, name, firm.
async fn assigned(
    store: &Store,
    street: i64,
    (first, last): (&str, &str),
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT DISTINCT l.id, l.name, f.name FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id \
         JOIN law_firms f ON f.id = l.firm_id WHERE a.starts_on <= $3 AND (a.ends_on IS NULL OR a.ends_on >= $2) AND {}",
        IN_STREET.replace("community_id", "a.community_id")
    ))
    .bind(street)
    .bind(first)
    .bind(last)
    .fetch_all(&store.pool)
    .await
}

/// The year's conclusions by lawyer.
async fn conclusions(store: &Store, year: i32) -> Result<HashMap<i64, Conclusion>, sqlx::Error> {
    let rows: Vec<(i64, String, String, Option<i64>, i64, String)> = sqlx::query_as(
        "SELECT lawyer_id, conclusion, comment, score, concluded_at, answer FROM evaluations WHERE year = $1",
    )
    .bind(i64::from(year))
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(lawyer, conclusion, comment, score, concluded_at, answer)| {
            let score = score.and_then(|s| u32::try_from(s).ok());
            (lawyer, Conclusion { conclusion, comment, score, concluded_at, answer })
        })
        .collect())
}

/// The months of `year` a quota counts: all twelve, or this year's up to this month.
fn months(year: i32) -> i64 {
    let now = today();
    if year < now.year {
        12
    } else {
        i64::from(now.month)
    }
}

fn assemble(state: &EvaluationService, year: i32, line: LawyerLine, extras: &Extras) -> Scorecard {
    let id = line.lawyer_id;
    let (answered, within, q_ratings, q_sum) = extras.answers.get(&id).copied().unwrap_or_default();
    let (ratings, rating_sum) = (line.ratings + q_ratings, line.rating_sum + q_sum);
    let figures = Year {
        duty_days: line.duty_days,
        quota: extras.quota_a_month.get(&id).copied().unwrap_or(0) * months(year),
        services: line.services.iter().sum(),
        answered,
        answered_within_a_day: within,
        mean_rating: (ratings > 0).then(|| rating_sum as f64 / ratings as f64),
        praise: line.praise,
        complaints: line.complaints,
    };
    let (parts, score) = score(&state.settings, &Shares::of(&figures));
    Scorecard {
        lawyer_id: id,
        name: line.name,
        firm: line.firm,
        year,
        duty_days: figures.duty_days,
        quota: figures.quota,
        services: figures.services,
        people_served: line.people_served,
        answered,
        answered_within_a_day: within,
        mean_rating: figures.mean_rating.map(|r| (r * 10.0).round() / 10.0),
        praise: line.praise,
        complaints: line.complaints,
        corrections: extras.corrections.get(&id).copied().unwrap_or(0),
        referrals: extras.referrals.get(&id).copied().unwrap_or(0),
        parts,
        score,
        conclusion: extras.conclusions.get(&id).cloned(),
    }
}
