//! Emergency teams' pages: `/staff/incidents` and its forms (staff), `/incidents` and logging a
//! service from it (a member). Each calls the same feature functions as the JSON API; a form from another site,
//! or from an account of the wrong role, is refused before anything is read.

use super::layout::{field, number, posted, reader, respond, Fields, Reader};
use crate::incidents;
use crate::state::AppState;
use crate::store::today;
use app::domain::{Role, ServiceCategory};
use app::i18n::IncidentTexts;
use app::model::{CloseIncident, Empty, IncidentRecord, IncidentTeam, OpenIncident, ServiceRecordRequest};
use app::pages::incidents as page;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;

const FORM_BYTES: usize = 64 * 1024;

/// `/staff/incidents`.
pub async fn staff(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is_staff() {
        return reader.not_theirs(IncidentTexts::of(reader.lang()).title);
    }
    show_staff(&state, &reader, StatusCode::OK, None).await
}

async fn show_staff(state: &AppState, reader: &Reader, status: StatusCode, problem: Option<String>) -> Response {
    let lang = reader.lang();
    let (listed, choices) = (
        incidents::list(&state.store, &reader.caller, Empty {}).await,
        incidents::choices(&state.store, &reader.caller).await,
    );
    match listed.and_then(|listed| choices.map(|choices| (listed, choices))) {
        Ok((listed, choices)) => respond(
            status,
            reader.page(IncidentTexts::of(lang).title, None, || page::staff(lang, listed, choices, problem)),
        ),
        Err(failure) => reader.refused(failure),
    }
}

/// `POST /staff/incidents`: opens an incident, sets a team or closes one, then the page again.
pub async fn manage(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<Fields>(&state, request, FORM_BYTES).await;
    let Some(Ok(fields)) = form.filter(|_| reader.is_staff()) else { return reader.forbidden() };
    let (store, caller) = (&state.store, &reader.caller);
    let team: Vec<i64> =
        fields.iter().filter(|(k, _)| k == "lawyer_ids").map(|(_, v)| v.parse().unwrap_or(0)).collect();
    let (id, day) = (number(&fields, "id"), field(&fields, "day").to_owned());
    let done = match field(&fields, "action") {
        "open" => {
            let asked = OpenIncident {
                name: field(&fields, "name").to_owned(),
                community_id: number(&fields, "community_id"),
                opened_on: day,
                note: field(&fields, "note").to_owned(),
                lawyer_ids: team,
            };
            incidents::open(store, caller, asked).await.map(drop)
        }
        "team" => incidents::set_team(store, caller, IncidentTeam { id, lawyer_ids: team }).await.map(drop),
        "close" => incidents::close(store, caller, CloseIncident { id, closed_on: day }).await.map(drop),
        _ => return reader.not_found(),
    };
    reader
        .after_form(done.map(|()| "/staff/incidents".to_owned()), |status, message| {
            show_staff(&state, &reader, status, Some(message))
        })
        .await
}

/// `/incidents`: the member's incidents.
pub async fn mine(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is(Role::Lawyer) {
        return reader.not_theirs(IncidentTexts::of(reader.lang()).title_mine);
    }
    show_mine(&state, &reader, StatusCode::OK, None).await
}

async fn show_mine(state: &AppState, reader: &Reader, status: StatusCode, problem: Option<String>) -> Response {
    let lang = reader.lang();
    // A form sent twice (a double tap, a resend) records once.
    let key = format!("{:016x}", rand::random::<u64>());
    match incidents::mine(&state.store, &reader.caller, Empty {}).await {
        Ok(listed) => respond(
            status,
            reader.page(IncidentTexts::of(lang).title_mine, None, || {
                page::mine(lang, listed, &today().to_string(), &key, problem)
            }),
        ),
        Err(failure) => reader.refused(failure),
    }
}

/// `POST /incidents`: logs the service, then the page again.
pub async fn record(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<Fields>(&state, request, FORM_BYTES).await;
    let Some(Ok(fields)) = form.filter(|_| reader.is(Role::Lawyer)) else { return reader.forbidden() };
    let Some(category) = ServiceCategory::from_db(field(&fields, "category")) else { return reader.not_found() };
    let text = |name: &str| field(&fields, name).to_owned();
    let record = ServiceRecordRequest {
        client_key: text("client_key"),
        lawyer_id: 0,
        community_id: 0,
        category,
        served_on: text("served_on"),
        people_served: number(&fields, "people_served"),
        topic: text("topic"),
        parties: text("parties"),
        outcome: text("outcome"),
        summary: text("summary"),
        special_group: None,
    };
    let asked = IncidentRecord { incident_id: number(&fields, "incident_id"), record };
    let done = incidents::record(&state.store, &reader.caller, asked).await;
    reader
        .after_form(done.map(|_| "/incidents".to_owned()), |status, message| {
            show_mine(&state, &reader, status, Some(message))
        })
        .await
}
