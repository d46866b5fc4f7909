//! `/me/community`: the resident's community and a chooser (by name, or the communities near
//! the phone's position). Asking a question without a community shows the same chooser, and
//! choosing comes back to the page that asked (`next`). `/near-me.js` fills the position.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META, PROBLEM};
use crate::i18n::Lang;
use crate::model::CommunitySummary;
use crate::ui::components::page_title;
use crate::ui::router::percent_encode;
use leptos::prelude::*;

/// What the chooser found, and where choosing leads.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The resident's community now.
    pub current: Option<CommunitySummary>,
    /// The name searched for.
    pub query: String,
    /// Whether a search (by name or position) was made.
    pub searched: bool,
    /// What it found, or why it failed.
    pub found: Result<Vec<CommunitySummary>, String>,
    /// The page to go back to once chosen (a path of this site).
    pub next: String,
}

/// The whole page.
pub fn page(lang: Lang, choice: Choice) -> AnyView {
    let m = lang.messages();
    let t = lang.texts();
    let current = choice.current.clone();
    view! {
        {page_title(t.home_my_community)}
        {match current {
            Some(c) => view! {
                <a href=format!("/communities/{}", c.id) class=format!("my-3 block {CARD}")>
                    <span class="block font-bold">{c.name}</span>
                    <span class=META>{c.street_name}</span>
                </a>
            }.into_any(),
            None => view! { <p class="my-3">{m.mc_none}</p> }.into_any(),
        }}
        {search(lang, &choice.query, &choice.next)}
        {results(lang, choice)}
    }
    .into_any()
}

/// The search box and the "near me" button, sending to `/me/community`.
pub fn search(lang: Lang, query: &str, next: &str) -> AnyView {
    let m = lang.messages();
    view! {
        <form id="choose" method="get" action="/me/community" role="search" class="my-3 space-y-2" data-failed=m.mc_near_failed>
            <label for="q" class=LABEL>{m.mc_search}</label>
            <div class="flex gap-2">
                <input id="q" name="q" type="search" maxlength="32" value=query.to_owned() class=FIELD placeholder=m.mc_search_hint />
                <button class=BUTTON>{m.page_search}</button>
            </div>
            <input type="hidden" name="next" value=next.to_owned() />
            <input id="near" type="hidden" name="near" disabled=true />
            <button id="near-me" type="button" hidden=true class=format!("w-full {BUTTON_OUTLINE}")>{m.mc_near}</button>
            <p id="near-problem" role="alert" class=PROBLEM hidden=true></p>
        </form>
        <script src="/near-me.js" defer=true></script>
    }
    .into_any()
}

/// What a search found, each with a button that makes it the resident's.
fn results(lang: Lang, choice: Choice) -> AnyView {
    let m = lang.messages();
    if !choice.searched {
        return ().into_any();
    }
    let list = match choice.found {
        Err(problem) => return view! { <p role="alert" class=PROBLEM>{problem}</p> }.into_any(),
        Ok(list) if list.is_empty() => return view! { <p class="my-3">{m.mc_none_found}</p> }.into_any(),
        Ok(list) => list,
    };
    let current = choice.current.map(|c| c.id);
    let next = percent_encode(&choice.next);
    view! {
        <p class=META>{m.mc_choose_hint}</p>
        <ul class="my-3 space-y-2">
            {list.into_iter().map(|c| {
                let action = format!("/communities/{}/mine?next={next}", c.id);
                view! {
                    <li>
                        <form method="post" action=action>
                            <button class=format!("flex w-full items-center justify-between text-left {CARD}")>
                                <span><span class="block font-bold">{c.name}</span><span class=META>{c.street_name}</span></span>
                                <span class="font-bold text-brand">{if current == Some(c.id) { "✓" } else { m.mc_choose }}</span>
                            </button>
                        </form>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
