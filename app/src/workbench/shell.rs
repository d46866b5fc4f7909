use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// The frame around every workbench page: a header with the workbench's navigation, the page.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let is_staff = move || session.me.get().is_some_and(|me| me.role.is_staff());
    let is_adviser = move || session.me.get().is_some_and(|me| me.role.is_adviser());
    let is_admin = move || session.me.get().is_some_and(|me| me.role == crate::domain::Role::Admin);
    // A street's staff do not see the district's registers.
    let district = move || session.me.get().is_some_and(|me| me.street_id.is_none());
    view! {
        <header class="sticky top-0 z-10 bg-brand text-white">
            <div class="mx-auto flex min-h-12 max-w-5xl flex-wrap items-center justify-between px-4">
                <a href="/desk" class="text-lg font-bold">{prefs.t().app_name}" · "{prefs.t().nav_desk}</a>
                <nav class="flex flex-wrap gap-1 text-sm" aria-label="staff">
                    <a href="/desk" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.t().nav_desk}</a>
                    <Show when=is_adviser>
                        <a href="/desk/duty" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_log}</a>
                        <a href="/desk/month" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_month}</a>
                    </Show>
                    <Show when=move || is_adviser() || is_staff()>
                        <a href="/desk/questions" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_questions}</a>
                        <a href="/desk/files" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_files}</a>
                    </Show>
                    <Show when=move || is_staff() || session.me.get().is_some_and(|me| me.role == crate::domain::Role::Lawyer)>
                        <a href="/desk/publish" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_publish}</a>
                    </Show>
                    <Show when=is_staff>
                        <a href="/desk/board" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_board}</a>
                        <Show when=district>
                            <a href="/desk/lawyers" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_lawyers}</a>
                            <a href="/desk/places" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_places}</a>
                            <a href="/desk/audit" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_audit}</a>
                            <a href="/desk/messages" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.setup().nav_messages}</a>
                        </Show>
                        <a href="/desk/import" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_import}</a>
                        <a href="/desk/schedule" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_schedule}</a>
                        <a href="/desk/rules" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.setup().nav_rules}</a>
                        <a href="/desk/calendar" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_calendar}</a>
                        <Show when=is_admin>
                            <a href="/desk/accounts" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_accounts}</a>
                        </Show>
                        <a href="/" rel="external" class="flex min-h-11 items-center rounded px-3 hover:bg-white/20">{prefs.desk().nav_communities}</a>
                    </Show>
                </nav>
            </div>
        </header>
        <main class="mx-auto max-w-5xl px-4 pb-12 pt-4">{children()}</main>
    }
}
