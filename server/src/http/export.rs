//! `GET /api/staff/board.{csv,xlsx}?from=&to=[&by=lawyer|referral|group]`: the board's period, one row
//! per community (or per lawyer, or per kind of referral and special group, or per special group), as an Excel workbook or as CSV that Excel opens with its Chinese
//! intact (UTF-8 with a byte-order mark). Staff and admins only.

mod groups;
mod referrals;
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
use serde::Deserialize;
use std::collections::HashMap;
use std::net::SocketAddr;

/// What the export is asked for.
#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    from: String,
    to: String,
    /// One street's communities.
    street: Option<i64>,
    /// `lawyer` for a row per lawyer, `referral` for referrals by kind and special group, `group`
    /// for a row per special group.
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

/// Serves the period in the query as `format`, a row per community or per lawyer.
async fn export(
    State(state): State<AppState>,
    Query(query): Query<ExportQuery>,
    raw: Request,
    format: Format,
) -> Response {
    let (parts, _) = raw.into_parts();
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let caller = caller::resolve(&state, &parts.headers, peer).await;
    if let Err(error) = caller.require(&[Role::Staff, Role::Admin]) {
        return error_response(error);
    }
    let request = BoardRequest { from: query.from, to: query.to, street: query.street };
    let sheet = match query.by.as_deref() {
        Some("lawyer") => by_lawyer(&state, &caller, &request).await,
        Some("referral") => referrals::sheet(&state, &caller, &request).await,
        Some("group") => groups::sheet(&state, &caller, &request).await,
        _ => by_community(&state, &caller, request).await,
    };
    match sheet {
        Ok((file, sheet)) => {
            attachment(&sheet, &file, format).unwrap_or_else(|e| error_response(e.answer(caller.lang)))
        }
        Err(error) => error_response(error.answer(caller.lang)),
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
/// asked for, or the caller's).
async fn by_lawyer(state: &AppState, caller: &Caller, request: &BoardRequest) -> Result<(String, Sheet), Failure> {
    let street = scope::street_shown(caller, caller.user()?, request.street)?;
    let (from, to) = period(caller, request)?;
    let lines = lawyers::lines(&state.store, street, from, to).await?;
    // The same lawyers a year before, by licence number (unique to a lawyer).
    let shifted = (year_before::shift(from), year_before::shift(to));
    let before: HashMap<String, (i64, i64)> = lawyers::lines(&state.store, street, shifted.0, shifted.1)
        .await?
        .into_iter()
        .map(|l| (l.licence_no.clone(), (l.duty_days, l.services.values().sum())))
        .collect();
    let t = DeskTexts::of(caller.lang);
    let mut head: Vec<&str> = vec![t.col_lawyer, t.col_firm, t.col_licence, t.col_duty_days, t.col_duty_days_before];
    head.extend(CATEGORIES.iter().map(|c| c.label(t)));
    head.extend([t.col_services_before, t.board_people, t.col_completed, t.col_no_show, t.board_satisfaction]);
    let rows = lines
        .iter()
        .map(|line| {
            let (duty_before, services_before) = before.get(&line.licence_no).copied().unwrap_or_default();
            let mut row = vec![
                Cell::Text(line.name.clone()),
                Cell::Text(line.firm.clone()),
                Cell::Text(line.licence_no.clone()),
                Cell::Number(line.duty_days),
                Cell::Number(duty_before),
            ];
            row.extend(CATEGORIES.iter().map(|c| Cell::Number(line.services_of(*c))));
            row.extend([
                Cell::Number(services_before),
                Cell::Number(line.people_served),
                Cell::Number(line.bookings_completed),
                Cell::Number(line.bookings_no_show),
                Cell::Decimal(mean_rating(line.rating_sum, line.ratings)),
            ]);
            row
        })
        .collect();
    let sheet = Sheet { name: format!("{from}~{to}"), head: head.into_iter().map(str::to_owned).collect(), rows };
    Ok((format!("board-lawyers-{from}-{to}"), sheet))
}

/// `sheet` as CSV for Excel (the `csv` crate quotes what needs it): a byte-order mark, CRLF
/// lines, formulas kept as text.
fn to_csv(sheet: &Sheet) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record(sheet.head.iter().map(|h| as_text(h)))?;
    for row in &sheet.rows {
        out.write_record(row.iter().map(|cell| match cell {
            Cell::Text(text) => as_text(text),
            Cell::Number(n) => n.to_string(),
            Cell::Decimal(x) => x.map(|x| format!("{x:.1}")).unwrap_or_default(),
        }))?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// `sheet` as a download named `file` in `format`, never cached.
fn attachment(sheet: &Sheet, file: &str, format: Format) -> Result<Response, Failure> {
    let (body, kind, extension) = match format {
        Format::Csv => (to_csv(sheet).map_err(|e| Failure::Server(e.to_string()))?, "text/csv; charset=utf-8", "csv"),
        Format::Xlsx => (
            xlsx::workbook(sheet).map_err(|e| Failure::Server(e.to_string()))?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    let name = format!("attachment; filename=\"{file}.{extension}\"");
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&name) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::{to_csv, Cell, Sheet};

    #[test]
    fn csv_quotes_what_needs_it_and_never_writes_a_formula() {
        let sheet = Sheet {
            name: "s".into(),
            head: vec!["社区".into(), "说明".into()],
            rows: vec![
                vec![Cell::Text("后亭社区".into()), Cell::Text("a,b".into())],
                vec![Cell::Text("say \"hi\"".into()), Cell::Text("=HYPERLINK(\"x\")".into())],
                vec![Cell::Text("-1".into()), Cell::Decimal(Some(4.5))],
                vec![Cell::Text("两行\n文字".into()), Cell::Number(3)],
            ],
        };
        let text = String::from_utf8(to_csv(&sheet).expect("csv")).expect("utf-8");
        assert_eq!(
            text,
            "\u{feff}社区,说明\r\n后亭社区,\"a,b\"\r\n\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n'-1,4.5\r\n\"两行\n文字\",3\r\n"
        );
    }
}
