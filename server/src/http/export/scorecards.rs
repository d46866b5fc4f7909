//! `GET /api/staff/scorecards.{csv,xlsx}?year=[&street=]`: the year's evaluation, a row per
//! lawyer in scope with the card's figures, its services by category, each part of the score
//! with its weight, the score, the conclusion and the lawyer's answer. A street's staff export
//! their street; the district's the whole district (each lawyer's streets in a column) or one
//! street.

use super::{Cell, Export};
use crate::board::rollup::CATEGORIES;
use crate::caller::Caller;
use crate::evaluation;
use crate::failure::Failure;
use crate::state::AppState;
use app::i18n::{DeskTexts, EvaluationTexts, FeedbackTexts};
use app::model::{Scorecard, ScorecardRequest};
use app::pages::evaluations::part_name;
use futures_util::StreamExt;
use serde::Deserialize;

/// The year and, for the district's staff, a street.
#[derive(Debug, Deserialize)]
pub struct YearQuery {
    year: i32,
    street: Option<i64>,
}

/// The export of the year asked for.
pub async fn export(state: &AppState, caller: &Caller, query: YearQuery) -> Result<Export, Failure> {
    let request = ScorecardRequest { year: query.year, street: query.street };
    let cards = evaluation::scorecards(&state.evaluation, caller, request).await?;
    let (t, desk, said) =
        (EvaluationTexts::of(caller.lang), DeskTexts::of(caller.lang), FeedbackTexts::of(caller.lang));
    let mut head: Vec<String> =
        [desk.col_lawyer, desk.col_firm, t.streets, desk.col_duty_days, desk.col_quota].map(str::to_owned).to_vec();
    head.extend(CATEGORIES.iter().map(|c| c.label(desk).to_owned()));
    head.extend(
        [
            t.col_services,
            desk.board_people,
            t.col_answered,
            t.col_within,
            t.col_median,
            desk.board_satisfaction,
            said.praise,
            said.complaint,
            t.col_corrections,
            t.col_referrals,
        ]
        .map(str::to_owned),
    );
    // The parts are the district's, the same on every card.
    let parts = cards.cards.first().map(|card| card.parts.clone()).unwrap_or_default();
    head.extend(parts.iter().map(|p| format!("{}({} {})", part_name(t, &p.part), t.weight, p.weight)));
    head.extend([t.score, t.conclusion, t.comment, t.answer].map(str::to_owned));
    let rows: Vec<Vec<Cell>> = cards.cards.iter().map(row).collect();
    let year = query.year;
    Ok(Export {
        file: format!("evaluation-{year}"),
        sheet: year.to_string(),
        head,
        rows: futures_util::stream::iter(rows.into_iter().map(Ok)).boxed(),
    })
}

/// A card as a row, in the head's order.
fn row(card: &Scorecard) -> Vec<Cell> {
    let text = |s: &str| Cell::Text(s.to_owned());
    let or_empty = |n: Option<i64>| n.map_or(Cell::Text(String::new()), Cell::Number);
    let mut row =
        vec![text(&card.name), text(&card.firm), text(&card.streets.join("、")), Cell::Number(card.duty_days)];
    row.push(Cell::Number(card.quota));
    row.extend(
        CATEGORIES.iter().map(|c| {
            Cell::Number(card.services_by_category.iter().find(|s| s.category == *c).map_or(0, |s| s.services))
        }),
    );
    row.extend([
        Cell::Number(card.services),
        Cell::Number(card.people_served),
        Cell::Number(card.answered),
        Cell::Number(card.answered_within_a_day),
        or_empty(card.median_response_minutes),
        Cell::Decimal(card.mean_rating),
        Cell::Number(card.praise),
        Cell::Number(card.complaints),
        Cell::Number(card.corrections),
        Cell::Number(card.referrals),
    ]);
    row.extend(card.parts.iter().map(|p| Cell::Decimal(p.earned)));
    row.push(or_empty(card.score.map(i64::from)));
    let concluded = card.conclusion.as_ref();
    row.extend([
        text(concluded.map_or("", |c| c.conclusion.as_str())),
        text(concluded.map_or("", |c| c.comment.as_str())),
        text(concluded.map_or("", |c| c.answer.as_str())),
    ]);
    row
}
