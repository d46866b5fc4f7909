use crate::ui::components::PageTitle;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// 工作台: where lawyers, assistants and staff start. Visitors are pointed to sign-in.
#[component]
pub fn DeskPage() -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    view! {
        <PageTitle title=Signal::derive(move || prefs.t().nav_desk.to_owned()) />
        {move || match session.me.get() {
            Some(me) if me.role != crate::domain::Role::Resident => view! {
                <p class="mb-4">{move || prefs.t().me_signed_in_as}" "<strong>{me.display_name.clone()}</strong></p>
                <a href="/" class="flex min-h-12 items-center justify-center rounded-lg border-2 border-brand font-bold text-brand">{move || prefs.t().nav_communities}</a>
            }.into_any(),
            Some(_) => view! { <p>{move || prefs.t().err_forbidden}</p> }.into_any(),
            None => view! {
                <a href="/sign-in" class="flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{move || prefs.t().me_sign_in}</a>
            }.into_any(),
        }}
    }
}
