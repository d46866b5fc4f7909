//! `/questions` (在线咨询): the resident's own questions, and the common questions to search
//! first.

use super::bits::{date, ACTIONS, BUTTON, CARD, FIELD, LABEL, META};
use crate::domain::QuestionStatus;
use crate::i18n::{Lang, Messages};
use crate::model::{Faq, QuestionSummary};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// The label of a question's status.
pub fn status_label(m: &Messages, status: QuestionStatus) -> &'static str {
    match status {
        QuestionStatus::Waiting => m.q_status_waiting,
        QuestionStatus::Answered => m.q_status_answered,
        QuestionStatus::NeedsInfo => m.q_status_needs_info,
        QuestionStatus::Closed => m.q_status_closed,
    }
}

/// The page: `mine` is `None` for anyone but a signed-in resident; `faq` what the search for
/// `query` found.
pub fn list(lang: Lang, mine: Option<Vec<QuestionSummary>>, query: String, faq: Result<Vec<Faq>, String>) -> AnyView {
    let m = lang.messages();
    view! {
        {page_title(m.q_title)}
        {match mine {
            Some(mine) => view! {
                <p class=ACTIONS><a href="/questions/ask" class=BUTTON>{m.q_ask}</a></p>
                {own(lang, mine)}
            }.into_any(),
            // The form asks a visitor to sign in, and brings them back to it.
            None => view! { <p class=ACTIONS><a href="/questions/ask" class=BUTTON>{m.q_sign_in_to_ask}</a></p> }.into_any(),
        }}
        <h2 class="mb-2 mt-6 text-lg font-bold">{m.q_faq}</h2>
        <form method="get" action="/questions" role="search" class="my-3 space-y-2">
            <label for="q" class=LABEL>{m.page_search}</label>
            <input id="q" name="q" type="search" maxlength="50" value=query placeholder=m.q_faq_hint class=FIELD />
            <button type="submit" class=BUTTON>{m.page_search}</button>
        </form>
        {match faq {
            Ok(found) if found.is_empty() => view! { <p class="my-3 text-muted">{m.q_faq_none}</p> }.into_any(),
            Ok(found) => view! { <ul class="space-y-3">{found.into_iter().map(|f| faq_card(lang, f)).collect_view()}</ul> }.into_any(),
            Err(message) => view! { <p role="alert" class="my-3 text-danger">{message}</p> }.into_any(),
        }}
    }
    .into_any()
}

/// The resident's questions, newest first.
fn own(lang: Lang, mine: Vec<QuestionSummary>) -> impl IntoView {
    let m = lang.messages();
    (!mine.is_empty()).then(|| {
        view! {
            <h2 class="mb-2 mt-6 text-lg font-bold">{m.q_mine}</h2>
            <ul class="space-y-3">
                {mine.into_iter().map(|q| view! {
                    <li class=CARD>
                        <a href=format!("/questions/{}", q.id) class="font-bold text-brand">{q.title}</a>
                        <p class=META>{format!("{} · {} · {}", status_label(m, q.status), q.category.label(lang.texts()), q.created_at.format_shanghai())}</p>
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

/// A common question, opened by a tap.
fn faq_card(lang: Lang, f: Faq) -> impl IntoView {
    view! {
        <li class=CARD>
            <details>
                <summary class="min-h-11 cursor-pointer">
                    <strong>{f.title}</strong>" "<span class=META>{f.category.label(lang.texts())}</span>
                </summary>
                <p class="my-2">{f.question}</p>
                {super::safe_html("prose answer", f.answer)}
                <p class=META>{date(f.created_at)}</p>
            </details>
        </li>
    }
}
