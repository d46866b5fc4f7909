//! `GET /api/staff/board.csv?from=&to=[&by=lawyer]`: the board's period, one row per community
//! (or per lawyer), as CSV that Excel opens with its Chinese intact (UTF-8 with a byte-order
//! mark). Staff and admins only.

use super::{board, lawyers, period, services_of};
use crate::auth::internal;
use crate::http::api::error_response;
use crate::http::caller;
use crate::startup::AppState;
use app::domain::{Role, ServiceCategory};
use app::error::AppError;
use app::i18n::DeskTexts;
use app::model::{BoardRequest, Gap};
use app::ports::Caller;
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::net::SocketAddr;

/// What the export is asked for.
#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    from: String,
    to: String,
    /// `lawyer` for a row per lawyer.
    by: Option<String>,
}

const CATEGORIES: [ServiceCategory; 7] = [
    ServiceCategory::Consultation,
    ServiceCategory::Publicity,
    ServiceCategory::Mediation,
    ServiceCategory::LegalOpinion,
    ServiceCategory::ReferralLegalAid,
    ServiceCategory::ReferralMediation,
    ServiceCategory::ReferralNotary,
];

/// A CSV field: quoted when it holds a separator, a quote or a line break; a leading `=`, `+`,
/// `-` or `@` is kept as text, so a spreadsheet never runs a name as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Adds one CSV line of `cells` (already fields) to `out`.
fn push_line(out: &mut String, cells: Vec<String>) {
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// The mean of `ratings` ratings summing to `sum`, one decimal; empty when there are none.
fn mean_rating(sum: i64, ratings: i64) -> String {
    if ratings == 0 {
        String::new()
    } else {
        format!("{:.1}", sum as f64 / ratings as f64)
    }
}

fn gap_words(gap: Gap, t: &DeskTexts) -> &'static str {
    match gap {
        Gap::NoALawyer => t.gap_no_a_lawyer,
        Gap::BelowQuota => t.gap_below_quota,
        Gap::NoRecentDuty => t.gap_no_recent_duty,
        Gap::QuestionsPastDeadline => t.gap_questions,
        Gap::BookingsWaiting => t.gap_bookings,
    }
}

/// Serves the CSV of the period in the query.
pub async fn csv(State(state): State<AppState>, Query(query): Query<ExportQuery>, raw: Request) -> Response {
    let (parts, _) = raw.into_parts();
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let caller = caller::resolve(&state, &parts.headers, peer).await;
    if let Err(error) = caller.require(&[Role::Staff, Role::Admin]) {
        return error_response(error);
    }
    let request = BoardRequest { from: query.from, to: query.to };
    if query.by.as_deref() == Some("lawyer") {
        return by_lawyer(&state, &caller, &request).await.unwrap_or_else(error_response);
    }
    let board = match board(&state.store, &caller, request).await {
        Ok(board) => board,
        Err(error) => return error_response(error),
    };
    let t = DeskTexts::of(caller.lang);
    let none = "";
    let mut out = String::from("\u{feff}");
    let mut head: Vec<&str> =
        vec![t.board_street, t.board_community, t.col_a, t.col_b, t.col_coordinator, t.col_duty_days, t.col_quota];
    head.extend(CATEGORIES.iter().map(|c| c.label(t)));
    head.extend([
        t.board_people,
        t.col_completed,
        t.col_no_show,
        t.col_cancelled,
        t.col_waiting,
        t.col_answered,
        t.col_asked,
        t.board_past_deadline,
        t.board_median,
        t.board_satisfaction,
        t.board_gaps,
    ]);
    push_line(&mut out, head.iter().map(|h| field(h)).collect());
    for line in &board.communities {
        let street = board.streets.iter().find(|s| s.id == line.street_id).map_or(none, |s| s.name.as_str());
        let f = &line.figures;
        let by_category = services_of(f);
        let mut row: Vec<String> = vec![
            field(street),
            field(&line.name),
            field(line.a_lawyer.as_deref().unwrap_or(none)),
            field(line.b_lawyer.as_deref().unwrap_or(none)),
            field(line.coordinator.as_deref().unwrap_or(none)),
            f.duty_days.to_string(),
            f.quota.to_string(),
        ];
        row.extend(CATEGORIES.iter().map(|c| by_category(*c).to_string()));
        row.extend([
            f.people_served.to_string(),
            f.bookings_completed.to_string(),
            f.bookings_no_show.to_string(),
            f.bookings_cancelled.to_string(),
            f.bookings_waiting.to_string(),
            f.questions_answered.to_string(),
            f.questions_asked.to_string(),
            f.questions_past_deadline.to_string(),
            f.median_first_response_minutes.map(|m| m.to_string()).unwrap_or_default(),
            mean_rating(f.rating_sum, f.ratings),
            field(&line.gaps.iter().map(|g| gap_words(*g, t)).collect::<Vec<_>>().join("、")),
        ]);
        push_line(&mut out, row);
    }
    attachment(out, &format!("board-{}-{}.csv", board.from, board.to))
}

/// The period with a row per lawyer who logged, recorded or held anything in it.
async fn by_lawyer(state: &AppState, caller: &Caller, request: &BoardRequest) -> Result<Response, AppError> {
    let (from, to) = period(caller, request)?;
    let lines = lawyers::lines(&state.store, from, to).await.map_err(|e| internal(caller, e))?;
    let t = DeskTexts::of(caller.lang);
    let mut head: Vec<&str> = vec![t.col_lawyer, t.col_firm, t.col_licence, t.col_duty_days];
    head.extend(CATEGORIES.iter().map(|c| c.label(t)));
    head.extend([t.board_people, t.col_completed, t.col_no_show, t.board_satisfaction]);
    let mut out = String::from("\u{feff}");
    push_line(&mut out, head.iter().map(|h| field(h)).collect());
    for line in &lines {
        let mut row = vec![field(&line.name), field(&line.firm), field(&line.licence_no), line.duty_days.to_string()];
        row.extend(CATEGORIES.iter().map(|c| line.services_of(*c).to_string()));
        row.extend([
            line.people_served.to_string(),
            line.bookings_completed.to_string(),
            line.bookings_no_show.to_string(),
            mean_rating(line.rating_sum, line.ratings),
        ]);
        push_line(&mut out, row);
    }
    Ok(attachment(out, &format!("board-lawyers-{from}-{to}.csv")))
}

/// `body` as a CSV download named `file`.
fn attachment(body: String, file: &str) -> Response {
    let name = format!("attachment; filename=\"{file}\"");
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&name) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_when_needed_and_never_formulas() {
        assert_eq!(field("后亭社区"), "后亭社区");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
    }
}
