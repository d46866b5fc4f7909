use crate::api::call;
use crate::api::directory::ListStreets;
use crate::model::Empty;
use crate::ui::components::{loaded, page_title};
use crate::ui::load::load;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// 首页: the resident's own community when known, and the streets to choose one from.
#[component]
pub fn HomePage() -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let streets = load(|| call::<ListStreets>(Empty {}));
    let my_community = move || session.me.get().and_then(|me| me.community_id);

    view! {
        {page_title(prefs.t().tagline)}
        <p class="mb-4 text-sm text-muted">{prefs.t().home_services}</p>
        {move || my_community().map(|id| view! {
            <a href=format!("/communities/{id}") class="mb-4 flex min-h-12 items-center justify-between rounded-lg bg-brand px-4 py-3 text-white">
                <span class="font-bold">{prefs.t().home_my_community}</span>
                <span aria-hidden="true">"›"</span>
            </a>
        })}
        {super::me::server_page("/articles", prefs.t().articles)}
        <h2 class="mb-2 mt-2 text-lg font-bold">{prefs.t().home_pick_community}</h2>
        {move || loaded(streets.get(), |streets| view! {
            <ul class="grid grid-cols-2 gap-2">
                {streets.into_iter().map(|street| view! {
                    <li>
                        <a href=format!("/streets/{}", street.id) class="flex min-h-14 flex-col justify-center rounded-lg border border-line bg-surface px-3 py-2">
                            <span class="font-bold">{street.name}</span>
                            <span class="text-sm text-muted">{street.community_count}" "{prefs.t().home_communities_count}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        }.into_any())}
    }
}
