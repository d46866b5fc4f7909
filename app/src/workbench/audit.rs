//! 审计日志: who did what to which record, newest first, filtered by action, actor and record;
//! older pages follow on.

use super::labels;
use super::log::FIELD;
use crate::api::call;
use crate::api::staff::ReadAudit;
use crate::model::{AuditEntry, AuditQuery};
use crate::ui::components::{error_note, page_title};
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left align-top";

#[component]
pub fn AuditPage() -> impl IntoView {
    let prefs = use_prefs();
    let (t, lang) = (prefs.desk(), prefs.lang.get_untracked());
    let (action, actor, subject) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let actions = RwSignal::new(Vec::<String>::new());
    let more = RwSignal::new(false);
    let query = move |before_id| AuditQuery {
        action: action.get_untracked(),
        actor: actor.get_untracked(),
        subject: subject.get_untracked(),
        before_id,
    };
    // A page: the first (replacing what is shown) or one older (added below).
    let read = Submit::new(move |q: &AuditQuery| call::<ReadAudit>(q.clone())).then(move |answer| {
        if let Ok(page) = answer {
            more.set(page.more);
            actions.set(page.actions.clone());
            entries.update(|list| list.extend(page.entries.iter().cloned()));
        }
    });
    let find = move || {
        entries.set(Vec::new());
        read.dispatch(query(None));
    };
    find();
    view! {
        {page_title(t.nav_audit)}
        <form class="mb-3 grid gap-2 md:grid-cols-4" on:submit=move |e| { e.prevent_default(); find(); }>
            <label class="flex flex-col text-sm">{t.audit_action}
                <select class=FIELD bind:value=action>
                    <option value="">{t.audit_any}</option>
                    {move || actions.get().into_iter().map(|a| view! { <option value=a.clone()>{labels::action(lang, &a)}</option> }).collect_view()}
                </select>
            </label>
            <label class="flex flex-col text-sm">{t.audit_actor}
                <input type="search" maxlength="100" class=FIELD bind:value=actor />
            </label>
            <label class="flex flex-col text-sm">{t.audit_subject}
                <input type="search" maxlength="100" class=FIELD bind:value=subject />
            </label>
            <button class="min-h-11 self-end rounded-lg bg-brand px-4 font-bold text-white disabled:opacity-50"
                disabled=move || read.pending().get()>{t.audit_find}</button>
        </form>
        {move || read.value().get().and_then(Result::err).map(error_note)}
        <div class="overflow-x-auto">
            <table class="w-full text-sm">
                <thead><tr>
                    <th class=CELL>{t.audit_when}</th>
                    <th class=CELL>{t.audit_actor}</th>
                    <th class=CELL>{t.audit_action}</th>
                    <th class=CELL>{t.audit_subject}</th>
                    <th class=CELL>{t.audit_from}</th>
                </tr></thead>
                <tbody>
                    {move || entries.get().into_iter().map(|e| view! {
                        <tr>
                            <td class=CELL>{e.at.format_shanghai()}</td>
                            <td class=CELL>{e.actor.unwrap_or_else(|| t.audit_system.to_owned())}</td>
                            <td class=CELL>{labels::action(lang, &e.action)}</td>
                            <td class=CELL>{e.subject}{(!e.reason.is_empty()).then(|| format!(" · {}{}", t.audit_reason, labels::reason(lang, &e.action, &e.reason)))}</td>
                            <td class=CELL>{e.client_ip.unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {move || more.get().then(|| view! {
            <button class="mt-3 min-h-11 rounded-lg border-2 border-brand px-4 font-bold text-brand disabled:opacity-50"
                disabled=move || read.pending().get()
                on:click=move |_| read.dispatch(query(entries.with_untracked(|l| l.last().map(|e| e.id))))>
                {t.audit_older}
            </button>
        })}
    }
}
