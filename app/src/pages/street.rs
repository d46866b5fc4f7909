//! `/streets/:id`: a street's communities, narrowed by a name (`?q=`). Rendered by the server,
//! so the residents' app carries none of it; the search is a plain form.

use super::bits::PROBLEM;
use crate::i18n::Lang;
use crate::model::CommunitySummary;
use leptos::prelude::*;

/// Street `name`'s communities (`found`, already narrowed by `query`), or why the search failed.
pub fn page(lang: Lang, name: String, found: Result<Vec<CommunitySummary>, String>, query: String) -> AnyView {
    let t = lang.texts();
    let (list, problem) = match found {
        Ok(list) => (list, None),
        Err(problem) => (Vec::new(), Some(problem)),
    };
    view! {
        <a href="/" class="mb-2 inline-flex min-h-11 items-center text-brand">"‹ "{t.back}</a>
        <h1 class="mb-3 text-2xl font-bold">{name}</h1>
        <form method="get" role="search" class="mb-3">
            <input
                type="search"
                name="q"
                value=query
                class="min-h-12 w-full rounded-lg border border-line bg-surface px-3"
                aria-label=t.home_pick_community
                placeholder=t.home_pick_community
            />
        </form>
        {problem.map(|p| view! { <p role="alert" class=PROBLEM>{p}</p> })}
        <ul class="divide-y divide-line rounded-lg border border-line bg-surface">
            {list.into_iter().map(|c| view! {
                <li>
                    <a href=format!("/communities/{}", c.id) class="flex min-h-12 items-center justify-between px-4">
                        <span>{c.name}</span>
                        <span aria-hidden="true" class="text-muted">"›"</span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
