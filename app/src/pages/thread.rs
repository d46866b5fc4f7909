//! `/questions/<id>`: a resident's question, its answers, and what they can do next (follow up,
//! accept, rate), which `/questions.js` sends through the JSON API.

use super::bits::{ACTIONS, BUTTON, CARD, META, PROBLEM};
use super::questions::status_label;
use crate::domain::QuestionStatus;
use crate::i18n::Lang;
use crate::model::{QuestionMessage, QuestionThread};
use leptos::prelude::*;

/// The thread.
pub fn page(lang: Lang, thread: QuestionThread) -> AnyView {
    let m = lang.messages();
    let q = thread.question;
    let attachments = (!thread.attachments.is_empty()).then(|| {
        view! {
            <h2 class="mb-2 mt-6 text-lg font-bold">{m.q_attachments}</h2>
            <ul class="space-y-2">
                {thread.attachments.into_iter().map(|f| view! {
                    <li><a href=format!("/files/{}?inline=1", f.token) class="text-brand underline">{f.name}</a></li>
                }).collect_view()}
            </ul>
        }
    });
    let rate = (q.first_answer_at.is_some() && thread.rating.is_none()).then(|| rating_form(lang));
    view! {
        <h1 class="mb-1 text-2xl font-bold text-ink">{q.title}</h1>
        <p class=META>
            <span class="font-bold text-brand">{status_label(m, q.status)}</span>
            {format!(" · {} · {}", q.category.label(lang.texts()), q.community)}
        </p>
        <ol class="thread my-3 space-y-2">{thread.messages.into_iter().map(|message| message_card(lang, message)).collect_view()}</ol>
        {attachments}
        <div id="act" data-question=q.id.to_string() data-offline=m.page_offline>
            {(q.status != QuestionStatus::Closed).then(|| view! {
                <form id="follow" class="my-3 space-y-2">
                    <label for="more" class="mb-1 block font-bold">{if q.status == QuestionStatus::NeedsInfo { m.q_give_more } else { m.q_follow_up }}</label>
                    <textarea id="more" rows="4" maxlength="3000" required=true class="w-full rounded-lg border border-line p-3"></textarea>
                    <button type="submit" class=BUTTON>{m.q_send}</button>
                </form>
            })}
            {(q.status == QuestionStatus::Answered).then(|| view! {
                <p class=ACTIONS><button type="button" data-action="accept" class=BUTTON>{m.q_accept}</button></p>
            })}
            {rate}
            {thread.rating.map(|rating| view! { <p class="my-3">{format!("{} {rating}/5", m.q_rated)}</p> })}
            <p id="problem" role="alert" class=PROBLEM hidden=true></p>
        </div>
        <p class="my-3"><a href="/questions" class="text-brand underline">{m.q_title}</a></p>
    }
    .into_any()
}

/// One message: a lawyer's (rendered when written) marked at its side, the resident's as text.
fn message_card(lang: Lang, message: QuestionMessage) -> impl IntoView {
    let m = lang.messages();
    let who = match message.kind.as_str() {
        "answer" => format!("{} {}", message.author, m.q_answered_by),
        "info_request" => format!("{} {}", message.author, m.q_asks_more),
        _ => m.q_you.to_owned(),
    };
    let meta = format!("{who} · {}", message.created_at.format_shanghai());
    let lawyer = message.from_lawyer();
    let body = match message.lawyer_html() {
        Some(html) => super::safe_html("prose", html).into_any(),
        None => view! { <p class="whitespace-pre-wrap">{message.body}</p> }.into_any(),
    };
    view! {
        <li class=CARD class=("border-l-4", lawyer) class=("border-l-brand", lawyer)>
            <p class=META>{meta}</p>
            {body}
        </li>
    }
}

/// One to five stars, five chosen.
fn rating_form(lang: Lang) -> impl IntoView {
    let m = lang.messages();
    view! {
        <form id="rate" class="my-3 space-y-2">
            <fieldset class="flex flex-wrap gap-3">
                <legend class="mb-1 block font-bold">{m.q_rate}</legend>
                {(1..=5).map(|n| view! {
                    <label class="flex min-h-11 items-center gap-1">
                        <input type="radio" name="rating" value=n.to_string() checked=n == 5 />" "{n}
                    </label>
                }).collect_view()}
            </fieldset>
            <button type="submit" class=BUTTON>{m.q_rate_send}</button>
        </form>
    }
}
