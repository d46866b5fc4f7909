//! The praise and complaints pages: `/me/feedback` and sending from it (the resident),
//! `/staff/feedback` with replies and recorded thanks (staff). Each calls the same feature
//! functions as the JSON API; a form from another site, or from an account of the wrong role, is
//! refused before anything is read.

use super::layout::{posted, reader, respond, Reader};
use crate::feedback;
use crate::state::AppState;
use app::domain::{FeedbackChannel, FeedbackKind, Role};
use app::error::ErrorKind;
use app::i18n::FeedbackTexts;
use app::model::{Empty, FeedbackReply, NewFeedback, OfflineThanks};
use app::pages::feedback as page;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The largest form: a text of 1 000 characters and a few fields, percent-encoded.
const FORM_BYTES: usize = 16 * 1024;

/// `/me/feedback`.
pub async fn mine(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is(Role::Resident) {
        return reader.not_theirs(FeedbackTexts::of(reader.lang()).title);
    }
    show_mine(&state, &reader, StatusCode::OK, None).await
}

async fn show_mine(state: &AppState, reader: &Reader, status: StatusCode, problem: Option<String>) -> Response {
    let lang = reader.lang();
    let matters = feedback::matters(&state.store, &reader.caller, Empty {}).await;
    let sent = feedback::mine(&state.store, &reader.caller, Empty {}).await;
    match matters.and_then(|m| Ok((m, sent?))) {
        Ok((matters, sent)) => respond(
            status,
            reader.page(FeedbackTexts::of(lang).title, None, || page::mine(lang, matters, sent, problem)),
        ),
        Err(failure) => reader.refused(failure),
    }
}

#[derive(Deserialize)]
struct SendForm {
    matter: String,
    kind: String,
    body: String,
    #[serde(default)]
    wanted: String,
}

/// `POST /me/feedback`: sends it, then the page again; a refusal is said above the form.
pub async fn send(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<SendForm>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| reader.is(Role::Resident)) else { return reader.forbidden() };
    let asked = form.and_then(|f| {
        let kind = FeedbackKind::from_db(&f.kind).ok_or(())?;
        let (booking_id, question_id) = match f.matter.split_once(':') {
            Some(("b", id)) => (Some(id.parse().map_err(|_| ())?), None),
            Some(("q", id)) => (None, Some(id.parse().map_err(|_| ())?)),
            _ => return Err(()),
        };
        Ok(NewFeedback { kind, booking_id, question_id, body: f.body, wanted: f.wanted })
    });
    let Ok(asked) = asked else {
        let message = reader.lang().texts().err_bad_request.to_owned();
        return show_mine(&state, &reader, StatusCode::BAD_REQUEST, Some(message)).await;
    };
    match feedback::send(&state.store, &reader.caller, asked).await {
        Ok(_) => Redirect::to("/me/feedback").into_response(),
        Err(failure) if failure.kind() == ErrorKind::NotFound => reader.not_found(),
        Err(failure) => {
            let (status, message) = reader.refusal(failure);
            show_mine(&state, &reader, status, Some(message)).await
        }
    }
}

/// `/staff/feedback`.
pub async fn staff(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is_staff() {
        return reader.not_theirs(FeedbackTexts::of(reader.lang()).title_staff);
    }
    show_staff(&state, &reader, StatusCode::OK, None).await
}

async fn show_staff(state: &AppState, reader: &Reader, status: StatusCode, problem: Option<String>) -> Response {
    let lang = reader.lang();
    let listed = feedback::list(&state.store, &reader.caller, Empty {}).await;
    let recipients = feedback::recipients(&state.store, &reader.caller).await;
    match listed.and_then(|l| Ok((l, recipients?))) {
        Ok((listed, recipients)) => {
            let recipients = recipients
                .into_iter()
                .map(|(lawyer_id, community_id, label)| page::Recipient { lawyer_id, community_id, label })
                .collect();
            respond(
                status,
                reader
                    .page(FeedbackTexts::of(lang).title_staff, None, || page::staff(lang, listed, recipients, problem)),
            )
        }
        Err(failure) => reader.refused(failure),
    }
}

#[derive(Deserialize)]
struct ReplyForm {
    reply: String,
}

/// `POST /staff/feedback/<id>/reply`.
pub async fn reply(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<ReplyForm>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| reader.is_staff()) else { return reader.forbidden() };
    let (Ok(form), Ok(id)) = (form, id.parse::<i64>()) else { return reader.not_found() };
    let done = feedback::reply(&state.store, &reader.caller, FeedbackReply { id, reply: form.reply }).await;
    staff_answer(&state, &reader, done.map(|_| ())).await
}

#[derive(Deserialize)]
struct ThanksForm {
    channel: String,
    recipient: String,
    received_on: String,
    note: String,
}

/// `POST /staff/feedback/thanks` (`recipient=<lawyer>:<community>`).
pub async fn thanks(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<ThanksForm>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| reader.is_staff()) else { return reader.forbidden() };
    let asked = form.and_then(|f| {
        let (lawyer, community) = f.recipient.split_once(':').ok_or(())?;
        Ok(OfflineThanks {
            channel: FeedbackChannel::from_db(&f.channel).ok_or(())?,
            lawyer_id: lawyer.parse().map_err(|_| ())?,
            community_id: community.parse().map_err(|_| ())?,
            received_on: f.received_on,
            note: f.note,
        })
    });
    let Ok(asked) = asked else {
        let message = reader.lang().texts().err_bad_request.to_owned();
        return show_staff(&state, &reader, StatusCode::BAD_REQUEST, Some(message)).await;
    };
    let done = feedback::record_thanks(&state.store, &reader.caller, asked).await;
    staff_answer(&state, &reader, done.map(|_| ())).await
}

/// Staff's page again after a form: on success by a redirect, refused with its status and message.
async fn staff_answer(state: &AppState, reader: &Reader, done: Result<(), crate::failure::Failure>) -> Response {
    let done = done.map(|()| "/staff/feedback".to_owned());
    reader.after_form(done, |status, message| show_staff(state, reader, status, Some(message))).await
}
