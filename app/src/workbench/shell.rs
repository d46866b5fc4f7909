use crate::ui::router::use_location;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// The frame around every workbench page: a header with the workbench's navigation, the page.
/// On a phone the header is one row under 64 px: the links scroll sideways inside it rather
/// than wrapping over the page, and the current one is marked.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let is_staff = move || session.me.get().is_some_and(|me| me.role.is_staff());
    let is_adviser = move || session.me.get().is_some_and(|me| me.role.is_adviser());
    let is_admin = move || session.me.get().is_some_and(|me| me.role == crate::domain::Role::Admin);
    // A street's staff do not see the district's registers.
    let district = move || session.me.get().is_some_and(|me| me.street_id.is_none());
    let (t, desk, setup) = (prefs.t(), prefs.desk(), prefs.setup());
    view! {
        <header class="sticky top-0 z-10 bg-brand text-white">
            <div class="mx-auto flex h-14 max-w-5xl items-center gap-2 px-2 sm:px-4">
                <a href="/desk" class="shrink-0 font-bold"><span class="sm:hidden">"法i"</span><span class="hidden sm:inline">{t.app_name}</span></a>
                <nav class="flex min-w-0 flex-1 gap-1 overflow-x-auto whitespace-nowrap text-sm" aria-label=desk.nav_label>
                    {nav_link("/desk", t.nav_desk)}
                    <Show when=is_adviser>
                        {nav_link("/desk/duty", desk.nav_log)}
                        {nav_link("/desk/month", desk.nav_month)}
                        {nav_link("/referrals", desk.nav_referrals_sent)}
                    </Show>
                    <Show when=move || is_adviser() || is_staff()>
                        {nav_link("/desk/assist", prefs.assist().nav_assist)}
                        {nav_link("/desk/questions", desk.nav_questions)}
                        {nav_link("/desk/files", desk.nav_files)}
                    </Show>
                    <Show when=move || is_staff() || session.me.get().is_some_and(|me| me.role == crate::domain::Role::Lawyer)>
                        {nav_link("/desk/publish", desk.nav_publish)}
                    </Show>
                    <Show when=is_staff>
                        {nav_link("/desk/board", desk.nav_board)}
                        <Show when=district>
                            {nav_link("/desk/lawyers", desk.nav_lawyers)}
                            {nav_link("/desk/places", desk.nav_places)}
                            {nav_link("/desk/audit", desk.nav_audit)}
                            {nav_link("/desk/messages", setup.nav_messages)}
                        </Show>
                        <Show when=move || session.me.get().is_some_and(|me| me.role == crate::domain::Role::Admin)>
                            {nav_link("/admin/organisations", desk.nav_organisations)}
                        </Show>
                        {nav_link("/desk/import", desk.nav_import)}
                        {nav_link("/desk/schedule", desk.nav_schedule)}
                        {nav_link("/desk/rules", setup.nav_rules)}
                        {nav_link("/desk/calendar", desk.nav_calendar)}
                        <Show when=is_admin>
                            {nav_link("/desk/accounts", desk.nav_accounts)}
                        </Show>
                        <a href="/" rel="external" class=LINK>{desk.nav_communities}</a>
                    </Show>
                </nav>
            </div>
        </header>
        <main class="mx-auto max-w-5xl px-4 pb-12 pt-4">{children()}</main>
    }
}

const LINK: &str = "flex min-h-11 shrink-0 items-center rounded px-3 hover:bg-white/20";

/// A link of the navigation, marked (`aria-current`, underlined on a lighter ground) on its page.
fn nav_link(href: &'static str, label: &'static str) -> impl IntoView {
    let path = use_location().path;
    let here = move || path.with(|p| p.trim_end_matches('/') == href);
    view! {
        <a href=href class=LINK class=("bg-white/20", here) class=("underline", here)
            aria-current=move || here().then_some("page")>{label}</a>
    }
}
