use crate::api::call;
use crate::api::directory::ListCommunities;
use crate::model::ListCommunitiesRequest;
use crate::ui::components::loaded;
use crate::ui::load::load;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// A street's communities, with a name filter.
#[component]
pub fn StreetPage(street_id: i64) -> impl IntoView {
    let prefs = use_prefs();
    let communities = load(move || {
        let request = ListCommunitiesRequest { street_id: Some(street_id), query: None };
        call::<ListCommunities>(request)
    });
    let filter = RwSignal::new(String::new());

    view! {
        <a href="/" class="mb-2 inline-flex min-h-11 items-center text-brand">"‹ "{prefs.t().back}</a>
        {move || loaded(communities.get(), |list| {
            let street_name = list.first().map(|c| c.street_name.clone()).unwrap_or_default();
            view! {
                <h1 class="mb-3 text-2xl font-bold">{street_name}</h1>
                <input
                    type="search"
                    class="mb-3 min-h-12 w-full rounded-lg border border-line bg-surface px-3"
                    aria-label=prefs.t().home_pick_community
                    placeholder=prefs.t().home_pick_community
                    bind:value=filter
                />
                <ul class="divide-y divide-line rounded-lg border border-line bg-surface">
                    {move || {
                        let needle = filter.get();
                        list.iter()
                            .filter(|c| c.name.contains(needle.trim()))
                            .map(|c| view! {
                                <li>
                                    <a href=format!("/communities/{}", c.id) class="flex min-h-12 items-center justify-between px-4">
                                        <span>{c.name.clone()}</span>
                                        <span aria-hidden="true" class="text-muted">"›"</span>
                                    </a>
                                </li>
                            })
                            .collect_view()
                    }}
                </ul>
            }.into_any()
        })}
    }
}
