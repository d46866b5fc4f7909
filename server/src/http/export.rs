//! `GET /api/staff/board.{csv,xlsx}?from=&to=[&by=lawyer|referral|group]`: the board's period, one row
//! per community (or per lawyer, or per kind of referral and special group, or per special group), as an Excel workbook or as CSV that Excel opens with its Chinese
//! intact (UTF-8 with a byte-order mark). Staff and admins only.

mod groups;
mod incidents;
mod referrals;
mod scorecards;
mod stream;
mod xlsx;

use crate::board::rollup::CATEGORIES;
use crate::board::{board, lawyers, period, services_of, services_of_all, year_before};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::http::api::error_response;
use crate::http::caller;
use crate::scope;
use crate::state::AppState;
use app::domain::Role;
use app::i18n::DeskTexts;
use app::model::BoardRequest;
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde::Deserialize;
use std::net::SocketAddr;

/// What the export is asked for.
#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    from: String,
    to: String,
    /// One street's communities.
    street: Option<i64>,
    /// `lawyer` for a row per lawyer, `referral` for referrals by kind and special group, `group`
    /// for a row per special group, `incident` for a row per emergency team.
    by: Option<String>,
}

/// A text cell as a spreadsheet must take it: a leading `=`, `+`, `-` or `@` is kept as text, so a
/// spreadsheet never runs a name as a formula.
fn as_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The mean of `ratings` ratings summing to `sum`; none when there are none.
fn mean_rating(sum: i64, ratings: i64) -> Option<f64> {
    (ratings > 0).then(|| sum as f64 / ratings as f64)
}

/// A table to export: a header and rows of cells.
pub struct Sheet {
    pub name: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One exported value.
pub enum Cell {
    Text(String),
    Number(i64),
    /// A mean with one decimal; none when there is nothing to average.
    Decimal(Option<f64>),
}

/// The file an export is asked as.
#[derive(Clone, Copy)]
pub enum Format {
    Csv,
    Xlsx,
}

/// `GET /api/staff/board.csv`.
pub async fn csv(state: State<AppState>, query: Query<ExportQuery>, raw: Request) -> Response {
    export(state, query, raw, Format::Csv).await
}

/// `GET /api/staff/board.xlsx`.
pub async fn xlsx(state: State<AppState>, query: Query<ExportQuery>, raw: Request) -> Response {
    export(state, query, raw, Format::Xlsx).await
}

/// `GET /api/staff/scorecards.csv`.
pub async fn scorecards_csv(state: State<AppState>, query: Query<scorecards::YearQuery>, raw: Request) -> Response {
    year_export(state, query, raw, Format::Csv).await
}

/// `GET /api/staff/scorecards.xlsx`.
pub async fn scorecards_xlsx(state: State<AppState>, query: Query<scorecards::YearQuery>, raw: Request) -> Response {
    year_export(state, query, raw, Format::Xlsx).await
}

async fn year_export(
    State(state): State<AppState>,
    Query(query): Query<scorecards::YearQuery>,
    raw: Request,
    format: Format,
) -> Response {
    let caller = match staff_caller(&state, raw).await {
        Ok(caller) => caller,
        Err(refused) => return refused,
    };
    match scorecards::export(&state, &caller, query).await {
        Ok(export) => attachment(export, format),
        Err(error) => error_response(error.answer(caller.lang)),
    }
}

/// The caller of `raw` if staff or an admin; the refusal otherwise.
async fn staff_caller(state: &AppState, raw: Request) -> Result<Caller, Response> {
    let (parts, _) = raw.into_parts();
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let caller = caller::resolve(state, &parts.headers, peer).await;
    caller.require(&[Role::Staff, Role::Admin]).map_err(error_response)?;
    Ok(caller)
}

/// Serves the period in the query as `format`, a row per community or per lawyer.
async fn export(
    State(state): State<AppState>,
    Query(query): Query<ExportQuery>,
    raw: Request,
    format: Format,
) -> Response {
    let caller = match staff_caller(&state, raw).await {
        Ok(caller) => caller,
        Err(refused) => return refused,
    };
    let request = BoardRequest { from: query.from, to: query.to, street: query.street };
    let export = match query.by.as_deref() {
        Some("lawyer") => by_lawyer(&state, &caller, &request).await,
        Some("referral") => referrals::sheet(&state, &caller, &request).await.map(Export::from),
        Some("group") => groups::sheet(&state, &caller, &request).await.map(Export::from),
        Some("incident") => incidents::sheet(&state, &caller, &request).await.map(Export::from),
        _ => by_community(&state, &caller, request).await.map(Export::from),
    };
    match export {
        Ok(export) => attachment(export, format),
        Err(error) => error_response(error.answer(caller.lang)),
    }
}

/// An export as it is served: its file's name (without the extension), its sheet's name, its
/// header and its rows as they are read.
struct Export {
    file: String,
    sheet: String,
    head: Vec<String>,
    rows: stream::Rows,
}

impl From<(String, Sheet)> for Export {
    fn from((file, sheet): (String, Sheet)) -> Export {
        let rows = futures_util::stream::iter(sheet.rows.into_iter().map(Ok)).boxed();
        Export { file, sheet: sheet.name, head: sheet.head, rows }
    }
}

/// The period with a row per community; the file's name without its extension.
async fn by_community(state: &AppState, caller: &Caller, request: BoardRequest) -> Result<(String, Sheet), Failure> {
    let street = scope::street_shown(caller, caller.user()?, request.street)?;
    let (from, to) = period(caller, &request)?;
    let board = board(&state.store, caller, request).await?;
    let before = year_before::by_community(&state.store, street, from, to).await?;
    let t = DeskTexts::of(caller.lang);
    let mut head: Vec<&str> = vec![
        t.board_street,
        t.board_community,
        t.col_a,
        t.col_b,
        t.col_coordinator,
        t.col_duty_days,
        t.col_duty_days_before,
        t.col_quota,
    ];
    head.extend(CATEGORIES.iter().map(|c| c.label(t)));
    head.extend([
        t.col_services_before,
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
    let text = |s: Option<&str>| Cell::Text(s.unwrap_or_default().to_owned());
    let rows = board
        .communities
        .iter()
        .map(|line| {
            let street = board.streets.iter().find(|s| s.id == line.street_id).map(|s| s.name.as_str());
            let f = &line.figures;
            let by_category = services_of(f);
            let then = before.get(&line.id);
            let mut row = vec![
                text(street),
                text(Some(&line.name)),
                text(line.a_lawyer.as_deref()),
                text(line.b_lawyer.as_deref()),
                text(line.coordinator.as_deref()),
                Cell::Number(f.duty_days),
                Cell::Number(then.map_or(0, |b| b.duty_days)),
                Cell::Number(f.quota),
            ];
            row.extend(CATEGORIES.iter().map(|c| Cell::Number(by_category(*c))));
            row.push(Cell::Number(then.map_or(0, services_of_all)));
            row.extend([
                Cell::Number(f.people_served),
                Cell::Number(f.bookings_completed),
                Cell::Number(f.bookings_no_show),
                Cell::Number(f.bookings_cancelled),
                Cell::Number(f.bookings_waiting),
                Cell::Number(f.questions_answered),
                Cell::Number(f.questions_asked),
                Cell::Number(f.questions_past_deadline),
                f.median_first_response_minutes.map_or(Cell::Text(String::new()), Cell::Number),
                Cell::Decimal(mean_rating(f.rating_sum, f.ratings)),
                Cell::Text(line.gaps.iter().map(|g| g.label(t)).collect::<Vec<_>>().join("、")),
            ]);
            row
        })
        .collect();
    let name = format!("{}~{}", board.from, board.to);
    let file = format!("board-{}-{}", board.from, board.to);
    Ok((file, Sheet { name, head: head.into_iter().map(str::to_owned).collect(), rows }))
}

/// The period with a row per lawyer who logged, recorded or held anything in it (in the street
/// asked for, or the caller's), streamed from the database.
async fn by_lawyer(state: &AppState, caller: &Caller, request: &BoardRequest) -> Result<Export, Failure> {
    let street = scope::street_shown(caller, caller.user()?, request.street)?;
    let (from, to) = period(caller, request)?;
    let before = (year_before::shift(from), year_before::shift(to));
    let t = DeskTexts::of(caller.lang);
    let mut head: Vec<&str> = vec![t.col_lawyer, t.col_firm, t.col_licence, t.col_duty_days, t.col_duty_days_before];
    head.extend(CATEGORIES.iter().map(|c| c.label(t)));
    head.extend([t.col_services_before, t.board_people, t.col_completed, t.col_no_show, t.board_satisfaction]);
    let said = app::i18n::FeedbackTexts::of(caller.lang);
    head.extend([said.praise, said.complaint]);
    let rows = lawyers::stream(state.store.clone(), street, (from, to), before).map(|line| {
        let line = line.map_err(|e| e.to_string())?;
        let mut row = vec![
            Cell::Text(line.name.clone()),
            Cell::Text(line.firm.clone()),
            Cell::Text(line.licence_no.clone()),
            Cell::Number(line.duty_days),
            Cell::Number(line.duty_days_before),
        ];
        row.extend(CATEGORIES.iter().map(|c| Cell::Number(line.services_of(*c))));
        row.extend([
            Cell::Number(line.services_before),
            Cell::Number(line.people_served),
            Cell::Number(line.bookings_completed),
            Cell::Number(line.bookings_no_show),
            Cell::Decimal(mean_rating(line.rating_sum, line.ratings)),
            Cell::Number(line.praise),
            Cell::Number(line.complaints),
        ]);
        Ok(row)
    });
    let head = head.into_iter().map(str::to_owned).collect();
    Ok(Export { file: format!("board-lawyers-{from}-{to}"), sheet: format!("{from}~{to}"), head, rows: rows.boxed() })
}

impl Cell {
    /// The cell as CSV writes it.
    fn csv_text(&self) -> String {
        match self {
            Cell::Text(text) => as_text(text),
            Cell::Number(n) => n.to_string(),
            Cell::Decimal(x) => x.map(|x| format!("{x:.1}")).unwrap_or_default(),
        }
    }
}

/// `export` as a download in `format`, written as its rows are read, never cached.
fn attachment(export: Export, format: Format) -> Response {
    let (body, kind, extension) = match format {
        Format::Csv => (stream::csv(export.head, export.rows), "text/csv; charset=utf-8", "csv"),
        Format::Xlsx => (
            stream::workbook(export.sheet, export.head, export.rows),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    let name = format!("attachment; filename=\"{}.{extension}\"", export.file);
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&name) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::stream::csv_record;
    use super::Cell;

    #[test]
    fn csv_quotes_what_needs_it_and_never_writes_a_formula() {
        let rows = vec![
            vec![Cell::Text("后亭社区".into()), Cell::Text("a,b".into())],
            vec![Cell::Text("say \"hi\"".into()), Cell::Text("=HYPERLINK(\"x\")".into())],
            vec![Cell::Text("-1".into()), Cell::Decimal(Some(4.5))],
            vec![Cell::Text("两行\n文字".into()), Cell::Number(3)],
        ];
        let mut out = Vec::new();
        csv_record(&mut out, ["社区".to_owned(), "说明".to_owned()]).expect("head");
        for row in &rows {
            csv_record(&mut out, row.iter().map(Cell::csv_text)).expect("row");
        }
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "社区,说明\r\n后亭社区,\"a,b\"\r\n\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n'-1,4.5\r\n\"两行\n文字\",3\r\n"
        );
    }
}
