//! The year's scorecards: the by-lawyer export's figures (one streamed statement) with each
//! lawyer's quota, answers, corrections and referrals of the year, scored and with the
//! conclusion if staff made one.

use super::extras::Extras;
use super::score::{score, Shares, Year};
use super::EvaluationService;
use crate::board::{lawyer_lines, LawyerLine};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::store::today;
use app::error::{AppError, ErrorKind};
use app::i18n::EvaluationTexts;
use app::model::{Scorecard, ScorecardRequest, Scorecards, YearRequest};
use app::time::LocalDate;
use futures_util::TryStreamExt;

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
    let lawyer = scope::own_lawyer(&state.store, caller).await?;
    card_of(state, None, year, lawyer).await?.ok_or_else(|| caller.error(ErrorKind::NotFound).into())
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
        streets: extras.streets.get(&id).cloned().unwrap_or_default(),
        services_by_category: line.service_counts(),
        median_response_minutes: extras.median_minutes.get(&id).copied(),
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
