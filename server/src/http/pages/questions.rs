//! `/questions` (在线咨询: the resident's questions and the common questions),
//! `/questions/ask` and `/questions/<id>` (a thread). Plain HTML; `/questions.js` keeps the draft
//! on the phone, uploads attachments with a progress bar, sends (once per draft) and acts on a
//! thread through the JSON API.

use super::layout::{caller_of, escape, not_found, page, page_with_script, respond, topic, trouble};
use crate::state::AppState;
use app::domain::{QuestionStatus, Role, Topic, MAX_QUESTION_ATTACHMENTS};
use app::i18n::{Lang, Messages};
use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::fmt::Write;

fn status(m: &Messages, status: QuestionStatus) -> &'static str {
    match status {
        QuestionStatus::Waiting => m.q_status_waiting,
        QuestionStatus::Answered => m.q_status_answered,
        QuestionStatus::NeedsInfo => m.q_status_needs_info,
        QuestionStatus::Closed => m.q_status_closed,
    }
}

fn sign_in(lang: Lang, title: &str) -> Response {
    let m = lang.messages();
    let main = format!(
        "<h1>{title}</h1><p class=\"actions\"><a class=\"button\" href=\"/sign-in?next=/me\">{}</a></p>",
        m.page_sign_in
    );
    respond(StatusCode::OK, page(lang, title, &main))
}

/// The common questions' search box.
#[derive(Debug, Default, Deserialize)]
pub struct FaqParams {
    #[serde(default)]
    q: String,
}

/// `/questions`: the resident's questions, and the common questions to search first.
pub async fn questions(State(state): State<AppState>, Query(params): Query<FaqParams>, request: Request) -> Response {
    let caller = caller_of(&state, request).await;
    let lang = caller.lang;
    let m = lang.messages();
    let mut main = format!("<h1>{}</h1>", m.q_title);
    if caller.user().ok().is_some_and(|u| u.role == Role::Resident) {
        let _ = write!(main, "<p class=\"actions\"><a class=\"button\" href=\"/questions/ask\">{}</a></p>", m.q_ask);
        match crate::questions::mine(&state.questions, &caller, app::model::Empty {}).await {
            Ok(mine) if !mine.is_empty() => {
                let _ = write!(main, "<h2>{}</h2><ul class=\"cards\">", m.q_mine);
                for q in mine {
                    let _ = write!(
                        main,
                        "<li><a href=\"/questions/{id}\"><strong>{title}</strong></a><p class=\"meta\">{status} · {category} · {date}</p></li>",
                        id = q.id,
                        title = escape(&q.title),
                        status = status(m, q.status),
                        category = topic(lang, q.category),
                        date = q.created_at.format_shanghai(),
                    );
                }
                main.push_str("</ul>");
            }
            Ok(_) => {}
            Err(error) => return trouble(lang, error.answer(lang).message),
        }
    } else {
        let _ = write!(
            main,
            "<p class=\"actions\"><a class=\"button\" href=\"/sign-in?next=/me\">{}</a></p>",
            m.q_sign_in_to_ask
        );
    }
    let _ = write!(
        main,
        "<h2>{faq}</h2><form method=\"get\" action=\"/questions\" role=\"search\"><label for=\"q\">{search}</label>\
         <input id=\"q\" name=\"q\" type=\"search\" maxlength=\"50\" value=\"{q}\" placeholder=\"{hint}\"><button type=\"submit\">{search}</button></form>",
        faq = m.q_faq,
        search = m.page_search,
        q = escape(&params.q),
        hint = m.q_faq_hint,
    );
    match crate::questions::faq::search(&state.questions, &caller, app::model::FaqQuery { query: params.q.clone() })
        .await
    {
        Ok(found) if found.is_empty() => {
            let _ = write!(main, "<p>{}</p>", m.q_faq_none);
        }
        Ok(found) => {
            main.push_str("<ul class=\"cards\">");
            for f in found {
                let _ = write!(
                    main,
                    "<li><details><summary><strong>{title}</strong> <span class=\"meta\">{category}</span></summary>\
                     <p>{question}</p><div class=\"answer\">{answer}</div></details></li>",
                    title = escape(&f.title),
                    category = topic(lang, f.category),
                    question = escape(&f.question),
                    answer = f.answer,
                );
            }
            main.push_str("</ul>");
        }
        Err(error) => {
            let _ = write!(main, "<p role=\"alert\">{}</p>", escape(&error.answer(lang).message));
        }
    }
    respond(StatusCode::OK, page(lang, m.q_title, &main))
}

/// `/questions/ask`: the form; the draft lives on the phone until it is sent.
pub async fn ask(State(state): State<AppState>, request: Request) -> Response {
    let caller = caller_of(&state, request).await;
    let lang = caller.lang;
    let m = lang.messages();
    let Some(user) = caller.user().ok().filter(|u| u.role == Role::Resident) else { return sign_in(lang, m.q_ask) };
    let community: Option<String> = match sqlx::query_scalar(
        "SELECT c.name FROM users u JOIN communities c ON c.id = u.community_id WHERE u.id = $1",
    )
    .bind(user.id)
    .fetch_optional(&state.store.pool)
    .await
    {
        Ok(name) => name,
        Err(error) => return trouble(lang, error),
    };
    let Some(community) = community else {
        let main = format!(
            "<h1>{}</h1><p>{}</p><p class=\"actions\"><a class=\"button\" href=\"/\">{}</a></p>",
            m.q_ask, m.err_choose_community, m.page_home
        );
        return respond(StatusCode::OK, page(lang, m.q_ask, &main));
    };
    let categories: String =
        Topic::ALL.iter().map(|t| format!("<option value=\"{}\">{}</option>", t.as_str(), topic(lang, *t))).collect();
    let main = format!(
        "<h1>{title}</h1><p class=\"meta\">{to}{community}</p>\
         <form id=\"ask\" class=\"ask\" data-offline=\"{offline}\" data-max=\"{max}\" data-too-large=\"{too_large}\" data-too-many=\"{too_many}\" data-files=\"{files}\" data-remove=\"{remove}\">\
         <label for=\"category\">{category}</label><select id=\"category\" name=\"category\">{categories}</select>\
         <label for=\"title\">{title_label}</label><input id=\"title\" name=\"title\" maxlength=\"100\" required>\
         <label for=\"body\">{body_label}</label><textarea id=\"body\" name=\"body\" rows=\"8\" maxlength=\"3000\" required></textarea>\
         <label class=\"button secondary\" for=\"attach\">{attach}</label>\
         <input id=\"attach\" type=\"file\" multiple accept=\"image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx\" class=\"picker\">\
         <ul id=\"attached\" class=\"attached\"></ul>\
         <p id=\"status\" role=\"status\" hidden>{uploading} <span id=\"percent\">0</span>%</p>\
         <progress id=\"progress\" max=\"100\" value=\"0\" hidden aria-label=\"{uploading}\"></progress>\
         <p class=\"notice\">{notice}</p>\
         <label class=\"check\"><input id=\"consent\" type=\"checkbox\"> {consent}</label>\
         <label class=\"check\"><input id=\"may_publish\" type=\"checkbox\"> {may_publish}</label>\
         <p id=\"problem\" role=\"alert\" class=\"problem\" hidden></p>\
         <button type=\"submit\">{send}</button></form><noscript><p>{noscript}</p></noscript>",
        title = m.q_ask,
        to = m.q_to,
        community = escape(&community),
        offline = m.page_offline,
        max = state.files.max_upload_bytes,
        too_large = m.err_file_too_large,
        too_many = m.err_too_many_attachments,
        files = MAX_QUESTION_ATTACHMENTS,
        remove = m.q_remove,
        category = m.page_category,
        title_label = m.q_title_label,
        body_label = m.q_body_label,
        attach = m.q_attach,
        uploading = m.page_uploading,
        notice = m.q_notice,
        consent = m.q_consent,
        may_publish = m.q_may_publish,
        send = m.q_send,
        noscript = m.q_noscript,
    );
    respond(StatusCode::OK, page_with_script(lang, m.q_ask, &main, "/questions.js"))
}

/// `/questions/<id>`: the thread, with what the resident can do next.
pub async fn thread(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let caller = caller_of(&state, request).await;
    let lang = caller.lang;
    let m = lang.messages();
    let Ok(id) = id.parse::<i64>() else { return not_found(lang) };
    if caller.user().ok().filter(|u| u.role == Role::Resident).is_none() {
        return sign_in(lang, m.q_title);
    }
    let thread = match crate::questions::replies::thread(
        &state.questions,
        &caller,
        app::model::QuestionRequest { question_id: id },
    )
    .await
    {
        Ok(thread) => thread,
        Err(e) if e.kind() == app::error::ErrorKind::NotFound => return not_found(lang),
        Err(error) => return trouble(lang, error.answer(lang).message),
    };
    let q = &thread.question;
    let mut main = format!(
        "<h1>{title}</h1><p class=\"meta\"><span class=\"status\">{status}</span> · {category} · {community}</p><ol class=\"thread\">",
        title = escape(&q.title),
        status = status(m, q.status),
        category = topic(lang, q.category),
        community = escape(&q.community),
    );
    for message in &thread.messages {
        let from_lawyer = matches!(message.kind.as_str(), "answer" | "info_request");
        let who = match message.kind.as_str() {
            "answer" => format!("{} {}", escape(&message.author), m.q_answered_by),
            "info_request" => format!("{} {}", escape(&message.author), m.q_asks_more),
            _ => m.q_you.to_owned(),
        };
        // Lawyers' messages were sanitised when they were written; residents' are text.
        let body = if from_lawyer { message.body.clone() } else { format!("<p>{}</p>", escape(&message.body)) };
        let _ = write!(
            main,
            "<li class=\"{class}\"><p class=\"meta\">{who} · {at}</p>{body}</li>",
            class = if from_lawyer { "lawyer" } else { "resident" },
            at = message.created_at.format_shanghai(),
        );
    }
    main.push_str("</ol>");
    if !thread.attachments.is_empty() {
        let _ = write!(main, "<h2>{}</h2><ul>", m.q_attachments);
        for f in &thread.attachments {
            let _ = write!(main, "<li><a href=\"/files/{}?inline=1\">{}</a></li>", f.token, escape(&f.name));
        }
        main.push_str("</ul>");
    }
    let _ = write!(main, "<div id=\"act\" data-question=\"{id}\" data-offline=\"{}\">", m.page_offline);
    if q.status != QuestionStatus::Closed {
        let _ = write!(
            main,
            "<form id=\"follow\" class=\"ask\"><label for=\"more\">{label}</label><textarea id=\"more\" rows=\"4\" maxlength=\"3000\" required></textarea>\
             <button type=\"submit\">{send}</button></form>",
            label = if q.status == QuestionStatus::NeedsInfo { m.q_give_more } else { m.q_follow_up },
            send = m.q_send,
        );
    }
    if q.status == QuestionStatus::Answered {
        let _ = write!(
            main,
            "<p class=\"actions\"><button type=\"button\" data-action=\"accept\">{}</button></p>",
            m.q_accept
        );
    }
    if q.first_answer_at.is_some() && thread.rating.is_none() {
        let stars: String = (1..=5)
            .map(|n| {
                format!(
                    "<label class=\"star\"><input type=\"radio\" name=\"rating\" value=\"{n}\"{}> {n}</label>",
                    if n == 5 { " checked" } else { "" }
                )
            })
            .collect();
        let _ = write!(
            main,
            "<form id=\"rate\"><fieldset><legend>{legend}</legend>{stars}</fieldset><button type=\"submit\">{rate}</button></form>",
            legend = m.q_rate,
            rate = m.q_rate_send,
        );
    } else if let Some(rating) = thread.rating {
        let _ = write!(main, "<p>{} {rating}/5</p>", m.q_rated);
    }
    main.push_str("<p id=\"problem\" role=\"alert\" class=\"problem\" hidden></p></div>");
    let _ = write!(main, "<p><a href=\"/questions\">{}</a></p>", m.q_title);
    respond(StatusCode::OK, page_with_script(lang, &q.title, &main, "/questions.js"))
}
