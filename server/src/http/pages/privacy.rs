//! `/me/privacy` (个人信息): the notice, what is held and who opened the resident's matters; `/me/privacy/export`, the resident's
//! archive; `POST /me/privacy/erase` (`confirm=注销`), erasing the account (both audited);
//! `POST /me/privacy/consent`, agreeing to the notice in force; `/privacy`, the notice for anyone.

use super::layout::{reader, respond, Reader};
use crate::audit;
use crate::failure::Failure;
use crate::privacy::{consent, erase, export};
use crate::state::AppState;
use crate::store::sql::Sql;
use app::pages::privacy::{self, Consent, Held, Opening, Record};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// The words that confirm an erasure, in either language.
const CONFIRM: [&str; 2] = ["注销", "erase"];

/// What the page counts, as stored.
#[derive(sqlx::FromRow)]
struct Counts {
    bookings: i64,
    questions: i64,
    files: i64,
    messages: i64,
}

async fn held(state: &AppState, resident: i64) -> Result<Held, sqlx::Error> {
    let counts: Counts = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM bookings WHERE resident_id = $1) AS bookings, \
         (SELECT COUNT(*) FROM questions WHERE resident_id = $1) AS questions, \
         (SELECT COUNT(*) FROM files WHERE (uploaded_by = $1 OR resident_id = $1) AND deleted_at IS NULL) AS files, \
         (SELECT COUNT(*) FROM outbox WHERE user_id = $1) AS messages",
    )
    .bind(resident)
    .fetch_one(&state.store.pool)
    .await?;
    Ok(Held { bookings: counts.bookings, questions: counts.questions, files: counts.files, messages: counts.messages })
}

/// Who opened `resident`'s matters, in `lang`.
async fn openings(state: &AppState, lang: app::i18n::Lang, resident: i64) -> Result<Vec<Opening>, sqlx::Error> {
    let m = lang.messages();
    let list = audit::access_log(&state.store, resident).await?;
    Ok(list
        .into_iter()
        .map(|a| {
            let role = match a.role.as_deref() {
                Some("lawyer") => m.privacy_by_lawyer,
                Some("assistant") => m.privacy_by_assistant,
                _ => m.privacy_by_staff,
            };
            let what = match a.action.as_str() {
                "question_read" => m.privacy_access_question,
                "phone_reveal" => m.privacy_access_phone,
                "assisted_booking" => m.privacy_access_booked_for,
                "assisted_question" => m.privacy_access_asked_for,
                "assisted_referral" => m.privacy_access_referred_for,
                "assisted_visit" => m.privacy_access_visit_for,
                _ => m.privacy_access_file,
            };
            // An assisted action's reason is how the resident agreed.
            let reason = match a.reason.as_str() {
                "code" if a.action.starts_with("assisted_") => m.privacy_consent_code.to_owned(),
                "phone" if a.action.starts_with("assisted_") => m.privacy_consent_phone.to_owned(),
                "desk" if a.action.starts_with("assisted_") => m.privacy_consent_desk.to_owned(),
                _ => a.reason,
            };
            let who = format!("{role} {}", a.name.unwrap_or_default()).trim().to_owned();
            Opening { at: app::time::Instant(a.at), who, what, reason }
        })
        .collect())
}

/// What the page shows of `resident`.
async fn record(state: &AppState, lang: app::i18n::Lang, resident: i64) -> Result<Record, sqlx::Error> {
    let consent = consent::latest(&state.store, resident).await?;
    Ok(Record {
        consent: consent.map(|(version, at)| Consent { version, at: app::time::Instant(at) }),
        held: held(state, resident).await?,
        openings: openings(state, lang, resident).await?,
    })
}

/// The page of `resident`, with `problem` when a confirmation was wrong.
async fn show(
    state: &AppState,
    reader: &Reader,
    resident: i64,
    status: StatusCode,
    problem: Option<&'static str>,
) -> Response {
    let lang = reader.lang();
    let record = match record(state, lang, resident).await {
        Ok(record) => record,
        Err(error) => return reader.trouble(error),
    };
    let page = || privacy::page(lang, consent::NOTICE_VERSION, record, problem);
    respond(status, reader.page(lang.messages().page_privacy, None, page))
}

/// `/privacy`: the notice, for anyone.
pub async fn notice(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    reader.public(lang.messages().privacy_notice_title, || privacy::notice_page(lang, consent::NOTICE_VERSION))
}

/// `POST /me/privacy/consent`: the resident agrees to the notice in force.
pub async fn agree(State(state): State<AppState>, request: Request) -> Response {
    let cross_site = crate::http::api::is_cross_site(request.headers());
    let reader = reader(&state, request).await;
    let Some(resident) = reader.resident().filter(|_| !cross_site) else { return reader.forbidden() };
    if let Err(error) = consent::agree(&state.store, resident, consent::How::Page).await {
        return reader.trouble(error);
    }
    axum::response::Redirect::to("/me/privacy").into_response()
}

/// `/me/privacy`.
pub async fn page(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let title = lang.messages().page_privacy;
    let Some(resident) = reader.resident() else {
        return reader.private(title, || app::pages::notice::sign_in_first(lang, title, None));
    };
    show(&state, &reader, resident, StatusCode::OK, None).await
}

/// `/me/privacy/export`: the archive, as a download.
pub async fn export(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let Some(resident) = reader.resident() else { return reader.forbidden() };
    let phone: Option<String> = match sqlx::query_scalar("SELECT phone FROM users WHERE id = $1")
        .bind(resident)
        .fetch_one(&state.store.pool)
        .await
    {
        Ok(phone) => phone,
        Err(error) => return reader.trouble(error),
    };
    let data = match export::data(&state.store, resident, phone.as_deref().unwrap_or_default()).await {
        Ok(data) => data,
        Err(error) => return reader.trouble(error),
    };
    let files = match archived_files(&state, &data).await {
        Ok(files) => files,
        Err(error) => return reader.trouble(error),
    };
    let archive = match export::archive(reader.lang(), &data, files) {
        Ok(archive) => archive,
        Err(error) => return reader.trouble(error),
    };
    if let Err(error) =
        audit::record_by(&state.store, &reader.caller, resident, "data_export", &format!("user:{resident}")).await
    {
        return reader.trouble(error);
    }
    let day = app::time::Instant(crate::store::now_ms()).to_shanghai().0;
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"fai-my-data-{day}.zip\"")),
        ],
        archive,
    )
        .into_response()
}

/// The bytes of the files `data` lists, each under its name in the archive (their keys read in
/// one query).
async fn archived_files(state: &AppState, data: &[export::Kind]) -> Result<Vec<export::ArchivedFile>, Failure> {
    let listed: Vec<(i64, String)> = data
        .iter()
        .filter(|kind| kind.table == "files")
        .flat_map(|kind| &kind.rows)
        .filter_map(|row| Some((row["id"].as_i64()?, row["name"].as_str()?.to_owned())))
        .collect();
    if listed.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new("SELECT id, blob_key FROM files WHERE id IN ");
    sql.bind_list(listed.iter().map(|(id, _)| *id).collect::<Vec<i64>>());
    let keys: Vec<(i64, String)> = sql.fetch_all(&state.store.pool).await?;
    let mut files = Vec::with_capacity(listed.len());
    for (id, name) in listed {
        let Some((_, key)) = keys.iter().find(|(k, _)| *k == id) else { continue };
        let bytes = state.files.blobs.get(key).await?;
        files.push(export::ArchivedFile { name: archived_name(id, &name), bytes: bytes.to_vec() });
    }
    Ok(files)
}

/// A file's name in the archive: its id, then its own name without any folder in it.
fn archived_name(id: i64, name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default().trim_start_matches('.');
    let last: String = last.chars().filter(|c| !c.is_control()).take(100).collect();
    format!("{id}-{last}")
}

/// `POST /me/privacy/erase`.
pub async fn erase(State(state): State<AppState>, request: Request) -> Response {
    let cross_site = crate::http::api::is_cross_site(request.headers());
    let (parts, body) = request.into_parts();
    let reader = reader(&state, Request::from_parts(parts, axum::body::Body::empty())).await;
    let Some(resident) = reader.resident().filter(|_| !cross_site) else { return reader.forbidden() };
    let form = axum::body::to_bytes(body, 1024).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&form);
    let confirm =
        text.split('&').filter_map(|pair| pair.split_once('=')).find(|(k, _)| *k == "confirm").map(|(_, v)| {
            percent_encoding::percent_decode_str(&v.replace('+', " ")).decode_utf8_lossy().trim().to_lowercase()
        });
    if !confirm.is_some_and(|c| CONFIRM.contains(&c.as_str())) {
        let problem = Some(reader.lang().messages().privacy_erase_wrong);
        return show(&state, &reader, resident, StatusCode::UNPROCESSABLE_ENTITY, problem).await;
    }
    match erase::account(&state.store, resident).await {
        Ok(Some(_)) => {}
        Ok(None) => return reader.forbidden(),
        Err(error) => return reader.trouble(error),
    }
    if let Err(error) =
        audit::record_by(&state.store, &reader.caller, resident, "account_erase", &format!("user:{resident}")).await
    {
        tracing::warn!(error = %error, "erasure not audited");
    }
    // Their files' bytes now; what fails here the file store's hourly pass finishes.
    let retention = i64::try_from(state.config.file_retention_days.saturating_mul(86_400_000)).unwrap_or(i64::MAX);
    if let Err(error) =
        crate::files::retention::purge(&state.store, &state.files.blobs, crate::store::now_ms(), retention).await
    {
        tracing::warn!(error = %error, "erased files not removed yet");
    }
    let lang = reader.lang();
    let mut response =
        respond(StatusCode::OK, reader.page(lang.messages().privacy_erased, None, || privacy::erased(lang)));
    let cookie = crate::caller::cookie(crate::caller::SESSION_COOKIE, "", 0, state.config.secure_cookies);
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
