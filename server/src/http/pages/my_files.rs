//! `/me/files` (我的资料): a resident's files for their community's lawyers, and what the lawyers
//! sent back. The list is plain HTML; `/my-files.js` uploads a picked file with a progress bar
//! (then shares it into the folder) and deletes, both through the JSON API, and reloads.

use super::layout::{caller_of, escape, page, page_with_script, respond, trouble};
use super::library::size;
use crate::state::AppState;
use app::domain::Role;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::fmt::Write;

/// What the picker offers (the server decides for itself what a file is).
const ACCEPT: &str = "image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx";

/// `/me/files`.
pub async fn my_files(State(state): State<AppState>, request: Request) -> Response {
    let caller = caller_of(&state, request).await;
    let lang = caller.lang;
    let m = lang.messages();
    let resident = caller.user().ok().filter(|u| u.role == Role::Resident);
    if resident.is_none() {
        let main = format!(
            "<h1>{title}</h1><p>{note}</p><p class=\"actions\"><a class=\"button\" href=\"/sign-in?next=/me\">{sign_in}</a></p>",
            title = m.page_my_files,
            note = m.page_files_note,
            sign_in = m.page_sign_in,
        );
        return respond(StatusCode::OK, page(lang, m.page_my_files, &main));
    }
    let files = match crate::files::private::mine(&state.store, &caller, app::model::Empty {}).await {
        Ok(files) => files,
        Err(error) => return trouble(lang, error.answer(lang).message),
    };
    // A file can go with one of the resident's bookings, upcoming or of the last month.
    let bookings: Vec<(i64, String, i64, String)> = match sqlx::query_as(
        "SELECT b.id, b.code, b.slot_start, c.name FROM bookings b JOIN communities c ON c.id = b.community_id \
         WHERE b.resident_id = $1 AND b.slot_end > $2 AND b.status IN ('pending', 'confirmed', 'completed') \
         ORDER BY b.slot_start",
    )
    .bind(resident.map_or(0, |u| u.id))
    .bind(crate::store::now_ms() - 30 * 86_400_000)
    .fetch_all(&state.store.pool)
    .await
    {
        Ok(bookings) => bookings,
        Err(error) => return trouble(lang, error),
    };
    let mut matters = format!("<option value=\"\">{}</option>", m.page_files_folder);
    for (id, code, start, community) in &bookings {
        let _ = write!(
            matters,
            "<option value=\"{id}\">{label} {code} · {when} · {community}</option>",
            label = m.page_files_booking,
            when = app::time::Instant(*start).format_shanghai(),
            community = escape(community),
        );
    }
    let mut main = format!(
        "<h1>{title}</h1><p>{note}</p>\
         <form id=\"upload\" class=\"upload\" data-offline=\"{offline}\" data-max=\"{max}\" data-too-large=\"{too_large}\">\
         <label for=\"matter\">{about}</label><select id=\"matter\" name=\"booking\">{matters}</select>\
         <label class=\"button\" for=\"file\">{add}</label>\
         <input id=\"file\" name=\"file\" type=\"file\" accept=\"{ACCEPT}\" class=\"picker\">\
         <p id=\"status\" role=\"status\" hidden>{uploading} <span id=\"percent\">0</span>%</p>\
         <progress id=\"progress\" max=\"100\" value=\"0\" hidden aria-label=\"{uploading}\"></progress>\
         <p id=\"problem\" role=\"alert\" class=\"problem\" hidden></p></form>\
         <noscript><p>{noscript}</p></noscript><h2>{title}</h2>",
        title = m.page_my_files,
        note = m.page_files_note,
        add = m.page_files_add,
        uploading = m.page_uploading,
        noscript = m.page_files_noscript,
        offline = m.page_offline,
        about = m.page_files_about,
        max = state.files.max_upload_bytes,
        too_large = m.err_file_too_large,
    );
    if files.is_empty() {
        let _ = write!(main, "<p>{}</p>", m.page_files_empty);
    }
    main.push_str("<ul class=\"cards files\">");
    for shared in &files {
        let f = &shared.file;
        let picture = if f.thumb {
            format!("<img src=\"/files/{}?thumb=1\" alt=\"\" width=\"56\" height=\"56\" loading=\"lazy\">", f.token)
        } else {
            format!("<span class=\"kind\">{}</span>", f.kind.extension().to_uppercase())
        };
        let from = if shared.from_lawyer {
            format!("{} {}", m.page_from_lawyer, escape(&shared.shared_by))
        } else {
            escape(&shared.community)
        };
        let open = if f.kind.previewable() { "?inline=1" } else { "" };
        let _ = write!(
            main,
            "<li>{picture}<div><a href=\"/files/{token}{open}\">{name}</a><p class=\"meta\">{from} · {size} · {date}</p></div>\
             <button type=\"button\" data-delete=\"{token}\" aria-label=\"{delete} {name}\">{delete}</button></li>",
            token = f.token,
            name = escape(&f.name),
            size = size(f.size),
            date = shared.shared_at.format_shanghai(),
            delete = m.page_delete,
        );
    }
    main.push_str("</ul>");
    respond(StatusCode::OK, page_with_script(lang, m.page_my_files, &main, "/my-files.js"))
}
