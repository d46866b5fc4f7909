//! 社区律师团队: a community's A, B and coordinator lawyers over time, and the form staff hand a
//! role to another lawyer with. The history is never overwritten: the lawyer replaced keeps
//! their term, ending the day before.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::staff::{Assign, GetAssignments};
use crate::domain::AssignmentRole;
use crate::error::AppError;
use crate::i18n::DeskTexts;
use crate::model::{AssignRequest, Assignments, CommunityRequest};
use crate::time::Instant;
use crate::ui::components::{error_note, loaded, page_title};
use crate::ui::load::load;
use crate::ui::platform;
use crate::ui::router::{query_param, use_location};
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

fn role_label(role: AssignmentRole, t: &DeskTexts) -> &'static str {
    match role {
        AssignmentRole::A => t.role_a,
        AssignmentRole::B => t.role_b,
        AssignmentRole::Coordinator => t.role_coordinator,
    }
}

/// The page of the community in the address (`?community=`).
#[component]
pub fn TeamPage() -> impl IntoView {
    let prefs = use_prefs();
    let location = use_location();
    let community = move || query_param(&location.query.get(), "community").and_then(|c| c.parse::<i64>().ok());
    view! {
        {page_title(prefs.desk().team_title)}
        {move || match community() {
            Some(id) => view! { <Team community_id=id /> }.into_any(),
            None => view! { <p class="text-muted">{prefs.desk().nothing}</p> }.into_any(),
        }}
    }
}

#[component]
fn Team(community_id: i64) -> impl IntoView {
    let t = use_prefs().desk();
    let version = RwSignal::new(0u32);
    // The answer to the last change: kept here, as the form is drawn again with the new team.
    let answer = RwSignal::new(None::<Result<(), AppError>>);
    let team = load(move || {
        version.track();
        call::<GetAssignments>(CommunityRequest { community_id })
    });
    view! {
        {move || answer.get().map(|a| match a {
            Ok(()) => view! { <p role="status" class="mb-3 font-bold">{t.team_saved}</p> }.into_any(),
            Err(error) => error_note(error).into_any(),
        })}
        {move || loaded(team.get(), move |team| view! { <Change team=team.clone() version answer /> <History team /> }.into_any())}
    }
}

/// The form: role, lawyer, first day.
#[component]
fn Change(team: Assignments, version: RwSignal<u32>, answer: RwSignal<Option<Result<(), AppError>>>) -> impl IntoView {
    let t = use_prefs().desk();
    let role = RwSignal::new("b".to_owned());
    let lawyer = RwSignal::new(String::new());
    let starts_on = RwSignal::new(Instant(platform::now_ms()).to_shanghai().0.to_string());
    let community_id = team.community_id;
    let save = Submit::new(move |_: &()| {
        call::<Assign>(AssignRequest {
            community_id,
            role: AssignmentRole::from_db(&role.get_untracked()).unwrap_or(AssignmentRole::B),
            lawyer_id: lawyer.get_untracked().parse().unwrap_or(0),
            starts_on: starts_on.get_untracked(),
        })
    })
    .then(move |result| {
        answer.set(Some(result.as_ref().map(|_| ()).map_err(Clone::clone)));
        if result.is_ok() {
            version.update(|v| *v += 1);
        }
    });
    view! {
        <h2 class="mb-2 text-lg font-bold">{team.community_name.clone()}" · "{t.team_change}</h2>
        <form class="mb-4 flex flex-wrap items-end gap-2" on:submit=move |e| { e.prevent_default(); save.dispatch(()); }>
            <label class="flex flex-col">{t.team_role}
                <select class=FIELD aria-label=t.team_role bind:value=role>
                    {AssignmentRole::ALL.iter().map(|r| view! { <option value=r.as_str()>{role_label(*r, t)}</option> }).collect_view()}
                </select>
            </label>
            <label class="flex flex-col">{t.team_lawyer}
                <select class=FIELD aria-label=t.team_lawyer bind:value=lawyer required>
                    <option value="">"—"</option>
                    {team.lawyers.into_iter().map(|l| view! { <option value=l.id.to_string()>{l.name}</option> }).collect_view()}
                </select>
            </label>
            <label class="flex flex-col">{t.team_starts}
                <input type="date" class=FIELD aria-label=t.team_starts bind:value=starts_on required />
            </label>
            <button class=BUTTON disabled=move || save.pending().get()>{t.team_save}</button>
        </form>
    }
}

/// Every assignment the community has had, newest first.
#[component]
fn History(team: Assignments) -> impl IntoView {
    let t = use_prefs().desk();
    view! {
        <h2 class="mb-2 text-lg font-bold">{t.team_history}</h2>
        <ul class="space-y-1 text-sm">
            {team.history.into_iter().map(|a| {
                let ended = a.ends_on.is_some();
                view! {
                <li class:text-muted=ended>
                    <span class="mr-2 inline-block w-20 font-bold">{role_label(a.role, t)}</span>
                    {a.lawyer_name}" · "{a.starts_on}" – "{a.ends_on.unwrap_or_else(|| t.team_until_now.to_owned())}
                </li>
                }
            }).collect_view()}
        </ul>
    }
}
