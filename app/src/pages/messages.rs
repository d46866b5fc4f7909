//! `/me/messages`: the in-app copies of the resident's messages, newest first, each opening what
//! it is about (a booking, a question, an article, the waitlist's free seat). Rendered by the
//! server: the residents' app carries neither the list nor its decoding.

use super::bits::{CARD, META};
use crate::i18n::Lang;
use crate::model::Notice;
use crate::ui::components::page_title;
use leptos::prelude::*;

/// The page of `notices`.
pub fn page(lang: Lang, notices: Vec<Notice>) -> AnyView {
    let t = lang.texts();
    view! {
        {page_title(t.inbox)}
        {notices.is_empty().then(|| view! { <p class="my-3">{lang.messages().inbox_none}</p> })}
        <ul class="my-3 space-y-2">
            {notices.into_iter().map(|n| {
                let when = view! { <span class=format!("block {META}")>{n.created_at.format_shanghai()}</span> };
                match n.link {
                    Some(href) => view! {
                        <li><a href=href class=format!("flex items-center justify-between gap-2 {CARD}")>
                            <span>{when}{n.body}</span><span aria-hidden="true" class="text-brand">"›"</span>
                        </a></li>
                    }.into_any(),
                    None => view! { <li class=CARD>{when}{n.body}</li> }.into_any(),
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
