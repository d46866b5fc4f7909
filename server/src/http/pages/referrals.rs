//! The referral pages: `/me/referrals` and its consent form (the resident), `/referrals`,
//! `/referrals/new` and withdrawing (the lawyer), `/agency` and its answers (the receiving
//! body). Each calls the same feature functions as the JSON API; a form from another site, or
//! from an account of the wrong role, is refused before anything is read.

use super::layout::{posted, reader, respond, Reader};
use crate::referrals;
use crate::state::AppState;
use crate::store::now_ms;
use app::domain::{Hardship, Role, SpecialGroup};
use app::error::ErrorKind;
use app::i18n::ReferralTexts;
use app::model::{
    AidApplication, Empty, NewReferral, ReferralAnswer, ReferralConsent, ReferralDocument, ReferralRequest,
    ReferralResult, ReferralSource,
};
use app::pages::{notice, referral_desk, referral_queue, referrals as page};
use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The largest referral form: the facts (2 000 characters, percent-encoded) and its choices.
const FORM_BYTES: usize = 32 * 1024;

/// `/me/referrals`.
pub async fn mine(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let title = lang.texts().my_referrals;
    if !reader.is(Role::Resident) {
        return reader.not_theirs(title);
    }
    match referrals::mine(&state.referrals, &reader.caller, Empty {}).await {
        Ok(list) => reader.private(title, || page::mine(lang, list, now_ms())),
        Err(failure) => reader.refused(failure),
    }
}

#[derive(Deserialize)]
struct ConsentForm {
    agree: u8,
    #[serde(default)]
    household: String,
    #[serde(default)]
    monthly_income: String,
    #[serde(default)]
    hardship: String,
}

/// The pre-application's fields as typed: none when the two numbers are left empty; `Err` for
/// a number that is not one, or a hardship not on the list.
fn stated(household: &str, income: &str, hardship: &str) -> Result<Option<AidApplication>, ()> {
    let (household, income) = (household.trim(), income.trim());
    if household.is_empty() && income.is_empty() {
        return Ok(None);
    }
    Ok(Some(AidApplication {
        household: household.parse().map_err(|_| ())?,
        monthly_income: income.parse().map_err(|_| ())?,
        hardship: match hardship.trim() {
            "" => None,
            name => Some(Hardship::from_db(name).ok_or(())?),
        },
    }))
}

/// `POST /me/referrals/<id>/consent` (`agree=1` or `0`), then the list again.
pub async fn consent(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<ConsentForm>(&state, request, 64).await;
    let Some(form) = form.filter(|_| reader.is(Role::Resident)) else { return reader.forbidden() };
    let (Ok(form), Ok(referral_id)) = (form, id.parse::<i64>()) else { return reader.not_found() };
    let Ok(application) = stated(&form.household, &form.monthly_income, &form.hardship) else {
        let lang = reader.lang();
        let message = ReferralTexts::of(lang).err_application.to_owned();
        return respond(
            StatusCode::BAD_REQUEST,
            reader.page(&message.clone(), None, || notice::problem(lang, message)),
        );
    };
    let request = ReferralConsent { referral_id, agree: form.agree == 1, application };
    match referrals::consent(&state.referrals, &reader.caller, request).await {
        Ok(_) => Redirect::to("/me/referrals").into_response(),
        Err(failure) => reader.refused(failure),
    }
}

/// `/agency`: the receiving body's queue.
pub async fn queue(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is(Role::Agency) {
        return reader.not_theirs(ReferralTexts::of(reader.lang()).title_queue);
    }
    show_queue(&state, &reader, StatusCode::OK, None).await
}

async fn show_queue(state: &AppState, reader: &Reader, status: StatusCode, problem: Option<String>) -> Response {
    let lang = reader.lang();
    let notary = referrals::visits::is_notary(&state.referrals, &reader.caller).await;
    match referrals::queue(&state.referrals, &reader.caller, Empty {}).await {
        Ok(list) => respond(
            status,
            reader.page(ReferralTexts::of(lang).title_queue, None, || {
                referral_queue::page(lang, list, now_ms(), problem, notary)
            }),
        ),
        Err(failure) => reader.refused(failure),
    }
}

#[derive(Deserialize)]
struct AnswerForm {
    accept: u8,
    #[serde(default)]
    reason: String,
}

#[derive(Deserialize)]
struct CloseForm {
    outcome: String,
    #[serde(default)]
    note: String,
}

/// What an agency's form asks, once read.
enum Act {
    Answer(ReferralAnswer),
    Close(ReferralResult),
}

/// `POST /agency/referrals/<id>/answer` (`accept=1`, or `accept=0&reason=…`).
pub async fn answer(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<AnswerForm>(&state, request, FORM_BYTES).await;
    let act = form.map(|f| {
        f.map(|f| ReferralAnswer { referral_id: id.parse().unwrap_or(0), accept: f.accept == 1, reason: f.reason })
    });
    agency_act(&state, reader, act.map(|a| a.map(Act::Answer))).await
}

/// `POST /agency/referrals/<id>/close` (`outcome=…&note=…`).
pub async fn close(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<CloseForm>(&state, request, FORM_BYTES).await;
    let act = form.map(|f| {
        f.and_then(|f| {
            let outcome = app::domain::ReferralOutcome::from_db(&f.outcome).ok_or(())?;
            Ok(ReferralResult { referral_id: id.parse().unwrap_or(0), outcome, note: f.note })
        })
    });
    agency_act(&state, reader, act.map(|a| a.map(Act::Close))).await
}

/// Does what the form asks, then shows the queue; a refusal is said above the queue with its status.
async fn agency_act(state: &AppState, reader: Reader, act: Option<Result<Act, ()>>) -> Response {
    let Some(act) = act.filter(|_| reader.is(Role::Agency)) else { return reader.forbidden() };
    let Ok(act) = act else {
        let message = reader.lang().texts().err_bad_request.to_owned();
        return show_queue(state, &reader, StatusCode::BAD_REQUEST, Some(message)).await;
    };
    let done = match act {
        Act::Answer(answer) => referrals::answer(&state.referrals, &reader.caller, answer).await,
        Act::Close(result) => referrals::close(&state.referrals, &reader.caller, result).await,
    };
    let done = done.map(|view| format!("/agency#referral-{}", view.id));
    reader.after_form(done, |status, message| show_queue(state, &reader, status, Some(message))).await
}

/// `/referrals`: the lawyer's referrals.
pub async fn sent(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let title = ReferralTexts::of(lang).title_sent;
    if !reader.advises() {
        return reader.not_theirs(title);
    }
    match referrals::sent(&state.referrals, &reader.caller, Empty {}).await {
        Ok(list) => reader.private(title, || referral_desk::sent(lang, list, now_ms())),
        Err(failure) => reader.refused(failure),
    }
}

/// `POST /referrals/<id>/withdraw`.
pub async fn withdraw(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let (reader, form) = posted::<Empty>(&state, request, 64).await;
    if form.is_none() || !reader.advises() {
        return reader.forbidden();
    }
    let Ok(referral_id) = id.parse::<i64>() else { return reader.not_found() };
    match referrals::withdraw(&state.referrals, &reader.caller, ReferralRequest { referral_id }).await {
        Ok(_) => Redirect::to("/referrals").into_response(),
        Err(failure) => reader.refused(failure),
    }
}

/// The matter a new referral is about: `?question=7` or `?booking=3`.
#[derive(Debug, Default, Deserialize)]
pub struct Source {
    #[serde(default)]
    question: Option<i64>,
    #[serde(default)]
    booking: Option<i64>,
}

/// `/referrals/new?question=…|booking=…`: the form.
pub async fn new(State(state): State<AppState>, Query(source): Query<Source>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.advises() {
        return reader.not_theirs(ReferralTexts::of(reader.lang()).title_new);
    }
    let request = NewReferral {
        question_id: source.question,
        booking_id: source.booking.filter(|_| source.question.is_none()),
        organisation_id: 0,
        facts: String::new(),
        special_group: None,
        documents: Vec::new(),
        application: None,
        consent_code: String::new(),
    };
    form(&state, &reader, request, StatusCode::OK, Said::default()).await
}

/// What the form says above itself: why the last send was refused, where a code went.
#[derive(Debug, Default)]
struct Said {
    problem: Option<String>,
    code_sent_to: Option<String>,
}

/// The form for `request`'s matter, with what the lawyer wrote and why it was refused.
async fn form(state: &AppState, reader: &Reader, request: NewReferral, status: StatusCode, said: Said) -> Response {
    let lang = reader.lang();
    let t = ReferralTexts::of(lang);
    let matter = referrals::matter_files(&state.referrals, &reader.caller, &request).await;
    let (title, files) = match matter {
        Ok(found) => found,
        Err(failure) => return reader.refused(failure),
    };
    let organisations = match referrals::organisations(&state.referrals, &reader.caller, Empty {}).await {
        Ok(list) => list,
        Err(failure) => return reader.refused(failure),
    };
    let source = match (request.question_id, request.booking_id) {
        (Some(q), _) => ("question_id", q),
        (_, b) => ("booking_id", b.unwrap_or(0)),
    };
    let files =
        files.into_iter().map(|(_, name, token)| ReferralDocument { link: format!("/files/{token}"), token, name });
    let draft = referral_desk::Draft {
        source,
        title,
        organisations,
        files: files.collect(),
        facts: request.facts,
        problem: said.problem,
        code_sent_to: said.code_sent_to,
    };
    respond(status, reader.page(t.title_new, None, || referral_desk::new(lang, draft)))
}

/// `POST /referrals/new`: refers it, then the lawyer's referrals; refused, the form again with
/// what they wrote and why.
pub async fn create(State(state): State<AppState>, request: Request) -> Response {
    let (reader, fields) = posted::<Vec<(String, String)>>(&state, request, FORM_BYTES).await;
    let Some(fields) = fields.filter(|_| reader.advises()) else {
        return reader.forbidden();
    };
    let Some(request) = fields.ok().and_then(|fields| new_referral(&fields)) else {
        let lang = reader.lang();
        let message = lang.texts().err_bad_request.to_owned();
        return respond(
            StatusCode::BAD_REQUEST,
            reader.page(&message.clone(), None, || notice::problem(lang, message)),
        );
    };
    match referrals::create(&state.referrals, &reader.caller, request.clone()).await {
        Ok(_) => Redirect::to("/referrals").into_response(),
        Err(failure) if matches!(failure.kind(), ErrorKind::Validation | ErrorKind::Conflict) => {
            let (status, message) = reader.refusal(failure);
            form(&state, &reader, request, status, Said { problem: Some(message), code_sent_to: None }).await
        }
        Err(failure) => reader.refused(failure),
    }
}

/// The form's fields as a referral; `None` for a field that is not a number where one is asked.
fn new_referral(fields: &[(String, String)]) -> Option<NewReferral> {
    let number = |name: &str| -> Option<Option<i64>> {
        match fields.iter().find(|(k, _)| k == name) {
            Some((_, v)) if !v.trim().is_empty() => v.trim().parse().ok().map(Some),
            _ => Some(None),
        }
    };
    let text = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let group = text("special_group");
    let documents = fields.iter().filter(|(k, _)| k == "documents").map(|(_, v)| v.trim().to_owned()).collect();
    Some(NewReferral {
        question_id: number("question_id")?,
        booking_id: number("booking_id")?,
        organisation_id: number("organisation_id")?.unwrap_or(0),
        facts: text("facts"),
        special_group: if group.is_empty() { None } else { Some(SpecialGroup::from_db(&group)?) },
        documents,
        application: stated(&text("household"), &text("monthly_income"), &text("hardship")).ok()?,
        consent_code: text("consent_code"),
    })
}

/// `POST /referrals/new/code`: a code to the matter's resident, sitting with the lawyer; the
/// form again, saying where it went (or why not).
pub async fn send_code(State(state): State<AppState>, request: Request) -> Response {
    let (reader, fields) = posted::<Vec<(String, String)>>(&state, request, FORM_BYTES).await;
    let Some(fields) = fields.filter(|_| reader.advises()) else {
        return reader.forbidden();
    };
    let Some(request) = fields.ok().and_then(|fields| new_referral(&fields)) else {
        return reader.not_found();
    };
    let source = ReferralSource { question_id: request.question_id, booking_id: request.booking_id };
    match referrals::send_consent_code(&state.referrals, &reader.caller, source).await {
        Ok(sent) => {
            form(
                &state,
                &reader,
                request,
                StatusCode::OK,
                Said { problem: None, code_sent_to: Some(sent.phone_masked) },
            )
            .await
        }
        Err(failure) if matches!(failure.kind(), ErrorKind::Validation | ErrorKind::RateLimited) => {
            let (status, message) = reader.refusal(failure);
            form(&state, &reader, request, status, Said { problem: Some(message), code_sent_to: None }).await
        }
        Err(failure) => reader.refused(failure),
    }
}
