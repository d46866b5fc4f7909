use crate::api::call;
use crate::api::desk::{GetDutySchedule, ListDeskCommunities, RecordLeave};
use crate::model::{CommunityRequest, CommunitySummary, Empty, LeaveRequest};
use crate::ui::components::{duty_hours, error_note, loaded};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// 值班安排: the duty hours of each community the lawyer serves, and their leave.
#[component]
pub fn DutyPanel(lawyer_id: Option<i64>) -> impl IntoView {
    let prefs = use_prefs();
    let communities = load(|| call::<ListDeskCommunities>(Empty {}));
    view! {
        <h2 class="mb-2 mt-6 text-lg font-bold">{prefs.desk().duty_title}</h2>
        {move || loaded(communities.get(), |list| view! {
            <ul class="space-y-2">{list.into_iter().map(|c| view! { <CommunityDuty community=c /> }).collect_view()}</ul>
        }.into_any())}
        {lawyer_id.map(|id| view! { <LeaveForm lawyer_id=id /> })}
    }
}

#[component]
fn CommunityDuty(community: CommunitySummary) -> impl IntoView {
    let id = community.id;
    let schedule = load(move || call::<GetDutySchedule>(CommunityRequest { community_id: id }));
    view! {
        <li class="rounded-lg border border-line bg-surface p-3">
            <p class="font-bold">{community.street_name}{community.name}</p>
            <p class="text-sm">{move || schedule.get().and_then(Result::ok).map(|s| duty_hours(s.periods))}</p>
        </li>
    }
}

/// Records a lawyer's leave (their own, or staff for a lawyer who is ill or in court); live
/// bookings in it go to the backup lawyer, or are counted for staff to act on.
#[component]
pub(super) fn LeaveForm(lawyer_id: i64) -> impl IntoView {
    let prefs = use_prefs();
    let (from, to, reason) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let save = Submit::new(move |_: &()| {
        call::<RecordLeave>(LeaveRequest {
            lawyer_id,
            starts_on: from.get_untracked(),
            ends_on: to.get_untracked(),
            reason: reason.get_untracked(),
        })
    });
    let field = "min-h-11 w-full rounded-lg border border-line px-2";
    view! {
        <form class="mt-3 space-y-2 rounded-lg border border-line bg-surface p-3" novalidate on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <p class="font-bold">{prefs.desk().leave_title}</p>
            <label class="block">{prefs.desk().leave_from}<input type="date" class=field bind:value=from /></label>
            <label class="block">{prefs.desk().leave_to}<input type="date" class=field bind:value=to /></label>
            <label class="block">{prefs.desk().desk_reason}<input type="text" maxlength="200" class=field bind:value=reason /></label>
            {move || match save.value().get() {
                Some(Ok(done)) => view! { <p role="status" class="text-brand">{prefs.desk().leave_saved}" "{done.moved_to_backup}" / "{done.without_backup}</p> }.into_any(),
                Some(Err(error)) => error_note(error).into_any(),
                None => ().into_any(),
            }}
            <button type="submit" class="min-h-11 w-full rounded-lg bg-brand font-bold text-white">{prefs.t().submit}</button>
        </form>
    }
}
