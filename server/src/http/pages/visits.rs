//! The home-visit pages: `/visits` and booking from it and `/me/visits` and calling one off (the
//! resident), `/agency/visits` with its hours and outcomes (the notary office). Each calls the
//! same feature functions as the JSON API; a form from another site, or from an account of the
//! wrong role, is refused before anything is read.

use super::layout::{posted, reader, respond, Reader};
use crate::referrals::visits;
use crate::state::AppState;
use crate::store::now_ms;
use app::domain::{Role, VisitMatter, VisitStatus};
use app::error::ErrorKind;
use app::i18n::VisitTexts;
use app::model::{Empty, NewVisit, OfficeRequest, ReferralSource, VisitHours, VisitOutcome, VisitPeriod, VisitRequest};
use app::pages::{visit_office, visits as page};
use app::time::Instant;
use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The largest form: an address, a note and the hours' rows, percent-encoded.
const FORM_BYTES: usize = 16 * 1024;

/// `/visits`' query: the office chosen and, at the desk, the matter whose resident it is for.
#[derive(Debug, Default, Deserialize)]
pub struct Chosen {
    #[serde(default)]
    office: Option<i64>,
    #[serde(default)]
    question: Option<i64>,
    #[serde(default)]
    booking: Option<i64>,
}

impl Chosen {
    fn source(&self) -> Option<ReferralSource> {
        match (self.question, self.booking) {
            (Some(q), _) => Some(ReferralSource { question_id: Some(q), booking_id: None }),
            (None, Some(b)) => Some(ReferralSource { question_id: None, booking_id: Some(b) }),
            (None, None) => None,
        }
    }
}

/// Who the reader books for: themselves (a resident), a matter's resident (a lawyer or
/// assistant naming it), or nobody.
fn booker(reader: &Reader, source: Option<ReferralSource>, code_sent_to: Option<String>) -> page::Booker {
    let adviser = reader.advises();
    match source {
        _ if reader.is(Role::Resident) => page::Booker::Resident,
        Some(ReferralSource { question_id: Some(id), .. }) if adviser => {
            page::Booker::Desk { source: ("question_id", id), code_sent_to }
        }
        Some(ReferralSource { booking_id: Some(id), .. }) if adviser => {
            page::Booker::Desk { source: ("booking_id", id), code_sent_to }
        }
        _ => page::Booker::Nobody,
    }
}

/// `/visits?office=[&question=|&booking=]`: the offices, and the chosen one's times with the form.
pub async fn offices(State(state): State<AppState>, Query(chosen): Query<Chosen>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let by = booker(&reader, chosen.source(), None);
    show(&state, &reader, (chosen.office, by), StatusCode::OK, None).await
}

async fn show(
    state: &AppState,
    reader: &Reader,
    (office, by): (Option<i64>, page::Booker),
    status: StatusCode,
    problem: Option<String>,
) -> Response {
    let lang = reader.lang();
    let offices = match visits::offices(&state.referrals, &reader.caller, Empty {}).await {
        Ok(offices) => offices,
        Err(failure) => return reader.refused(failure),
    };
    let office = office.or_else(|| (offices.len() == 1).then(|| offices[0].id));
    let chosen = match office {
        Some(id) => {
            match visits::slots(&state.referrals, &reader.caller, OfficeRequest { organisation_id: id }).await {
                Ok(slots) => Some((id, slots)),
                Err(failure) => return reader.refused(failure),
            }
        }
        None => None,
    };
    let booking = page::Booking { offices, chosen, problem, by };
    respond(status, reader.page(VisitTexts::of(lang).title, None, || page::page(lang, booking)))
}

#[derive(Deserialize)]
struct BookForm {
    organisation_id: i64,
    start: i64,
    matter: String,
    address: String,
    birth_date: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    question_id: Option<i64>,
    #[serde(default)]
    booking_id: Option<i64>,
    #[serde(default)]
    consent_code: String,
}

/// `POST /visits`: books; a resident then sees 我的上门公证, a lawyer the visit booked. A refusal
/// is said above the form.
pub async fn book(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<BookForm>(&state, request, FORM_BYTES).await;
    let adviser = reader.advises();
    let Some(form) = form.filter(|_| adviser || reader.is(Role::Resident)) else { return reader.forbidden() };
    let form = form.and_then(|f| Ok((VisitMatter::from_db(&f.matter).ok_or(())?, f)));
    let Ok((matter, form)) = form else {
        let message = reader.lang().texts().err_bad_request.to_owned();
        let by = booker(&reader, None, None);
        return show(&state, &reader, (None, by), StatusCode::BAD_REQUEST, Some(message)).await;
    };
    let office = form.organisation_id;
    let source = (form.question_id.is_some() || form.booking_id.is_some())
        .then_some(ReferralSource { question_id: form.question_id, booking_id: form.booking_id });
    let request = NewVisit {
        organisation_id: office,
        start: Instant(form.start),
        matter,
        address: form.address,
        note: form.note,
        birth_date: form.birth_date,
        source,
        consent_code: form.consent_code,
    };
    let lang = reader.lang();
    match visits::book(&state.referrals, &reader.caller, request).await {
        Ok(_) if !adviser => Redirect::to("/me/visits").into_response(),
        Ok(view) => reader.private(VisitTexts::of(lang).booked, || page::booked(lang, view)),
        Err(failure) if failure.kind() == ErrorKind::NotFound => reader.not_found(),
        Err(failure) => {
            let (status, message) = reader.refusal(failure);
            let by = booker(&reader, source, None);
            show(&state, &reader, (Some(office), by), status, Some(message)).await
        }
    }
}

#[derive(Deserialize)]
struct CodeForm {
    organisation_id: i64,
    #[serde(default)]
    question_id: Option<i64>,
    #[serde(default)]
    booking_id: Option<i64>,
}

/// `POST /visits/code`: a code to the matter's resident sitting with the lawyer; the form again,
/// saying where it went (or why not).
pub async fn send_code(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<CodeForm>(&state, request, 256).await;
    let adviser = reader.advises();
    let Some(form) = form.filter(|_| adviser) else { return reader.forbidden() };
    let Ok(form) = form else { return reader.not_found() };
    let source = ReferralSource { question_id: form.question_id, booking_id: form.booking_id };
    let office = Some(form.organisation_id);
    match crate::referrals::send_consent_code(&state.referrals, &reader.caller, source).await {
        Ok(sent) => {
            show(
                &state,
                &reader,
                (office, booker(&reader, Some(source), Some(sent.phone_masked))),
                StatusCode::OK,
                None,
            )
            .await
        }
        Err(failure) if failure.kind() == ErrorKind::NotFound => reader.not_found(),
        Err(failure) => {
            let (status, message) = reader.refusal(failure);
            show(&state, &reader, (office, booker(&reader, Some(source), None)), status, Some(message)).await
        }
    }
}

/// `/me/visits`.
pub async fn mine(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let title = VisitTexts::of(lang).mine;
    if !reader.is(Role::Resident) {
        return reader.not_theirs(title);
    }
    match visits::mine(&state.referrals, &reader.caller, Empty {}).await {
        Ok(list) => reader.private(title, || page::mine(lang, list, now_ms())),
        Err(failure) => reader.refused(failure),
    }
}

/// `POST /me/visits/<id>/cancel`, then the list again.
pub async fn cancel(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<Empty>(&state, request, 64).await;
    if form.is_none() || !reader.is(Role::Resident) {
        return reader.forbidden();
    }
    let Ok(id) = id.parse::<i64>() else { return reader.not_found() };
    match visits::cancel(&state.referrals, &reader.caller, VisitRequest { id }).await {
        Ok(_) => Redirect::to("/me/visits").into_response(),
        Err(failure) => reader.refused(failure),
    }
}

/// `/agency/visits`.
pub async fn office(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is(Role::Agency) {
        return reader.not_theirs(VisitTexts::of(reader.lang()).title_office);
    }
    show_office(&state, &reader, StatusCode::OK, None).await
}

async fn show_office(state: &AppState, reader: &Reader, status: StatusCode, problem: Option<String>) -> Response {
    let lang = reader.lang();
    let listed = visits::office_visits(&state.referrals, &reader.caller, Empty {}).await;
    let hours = visits::hours(&state.referrals, &reader.caller, Empty {}).await;
    match listed.and_then(|list| Ok((list, hours?))) {
        Ok((list, hours)) => respond(
            status,
            reader.page(VisitTexts::of(lang).title_office, None, || {
                visit_office::page(lang, list, hours, now_ms(), problem)
            }),
        ),
        Err(failure) => reader.refused(failure),
    }
}

/// The hours' rows as posted: a row per `weekday`, its other fields in the same order; a row
/// whose start is empty is left out.
fn periods(fields: &[(String, String)]) -> Result<Vec<VisitPeriod>, ()> {
    fn column<'a>(fields: &'a [(String, String)], name: &'static str) -> impl Iterator<Item = &'a str> + 'a {
        fields.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.trim())
    }
    let column = |name: &'static str| column(fields, name);
    let mut rows = Vec::new();
    let mut parts = (column("start"), column("end"), column("slot_minutes"), column("seats"));
    for weekday in column("weekday") {
        let (Some(start), Some(end), Some(minutes), Some(seats)) =
            (parts.0.next(), parts.1.next(), parts.2.next(), parts.3.next())
        else {
            return Err(());
        };
        if start.is_empty() {
            continue;
        }
        rows.push(VisitPeriod {
            weekday: weekday.parse().map_err(|_| ())?,
            start: start.to_owned(),
            end: end.to_owned(),
            slot_minutes: minutes.parse().map_err(|_| ())?,
            seats: seats.parse().map_err(|_| ())?,
        });
    }
    Ok(rows)
}

/// `POST /agency/visits/hours`.
pub async fn save_hours(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<Vec<(String, String)>>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| reader.is(Role::Agency)) else { return reader.forbidden() };
    let Ok(periods) = form.and_then(|fields| periods(&fields)) else {
        let message = reader.lang().texts().err_bad_request.to_owned();
        return show_office(&state, &reader, StatusCode::BAD_REQUEST, Some(message)).await;
    };
    let saved = visits::save_hours(&state.referrals, &reader.caller, VisitHours { periods }).await;
    office_answer(&state, &reader, saved.map(|_| ())).await
}

#[derive(Deserialize)]
struct FinishForm {
    status: String,
    #[serde(default)]
    reason: String,
}

/// `POST /agency/visits/<id>/finish` (`status=done|no_show`, or `status=cancelled&reason=…`).
pub async fn finish(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<FinishForm>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| reader.is(Role::Agency)) else { return reader.forbidden() };
    let outcome = form.and_then(|f| {
        let status = VisitStatus::from_db(&f.status).ok_or(())?;
        Ok(VisitOutcome { id: id.parse().map_err(|_| ())?, status, reason: f.reason })
    });
    let Ok(outcome) = outcome else {
        let message = reader.lang().texts().err_bad_request.to_owned();
        return show_office(&state, &reader, StatusCode::BAD_REQUEST, Some(message)).await;
    };
    let done = visits::finish(&state.referrals, &reader.caller, outcome).await;
    office_answer(&state, &reader, done.map(|_| ())).await
}

/// The office's page again after a form: on success by a redirect, on refusal with its status
/// and message above the page.
async fn office_answer(state: &AppState, reader: &Reader, done: Result<(), crate::failure::Failure>) -> Response {
    let done = done.map(|()| "/agency/visits".to_owned());
    reader.after_form(done, |status, message| show_office(state, reader, status, Some(message))).await
}
