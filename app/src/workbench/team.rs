//! 社区律师团队: a community's A, B and coordinator lawyers over time, the form staff hand a
//! role to another lawyer with, and its office and monthly quota. The history is never
//! overwritten: the lawyer replaced keeps their term, ending the day before.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::staff::{Assign, EditCommunity, GetAssignments};
use crate::domain::AssignmentRole;
use crate::error::AppError;
use crate::i18n::DeskTexts;
use crate::model::{AssignRequest, Assignments, CommunityEdit, CommunityRequest};
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
    let version = RwSignal::new(0u32);
    // The answer to the last change: kept here, as the form is drawn again with the new team.
    let answer = RwSignal::new(None::<Result<&'static str, AppError>>);
    let team = load(move || {
        version.track();
        call::<GetAssignments>(CommunityRequest { community_id })
    });
    view! {
        {move || answer.get().map(|a| match a {
            Ok(saved) => view! { <p role="status" class="mb-3 font-bold">{saved}</p> }.into_any(),
            Err(error) => error_note(error).into_any(),
        })}
        {move || loaded(team.get(), move |team| view! {
            <Change team=team.clone() version answer />
            <History team=team.clone() />
            <Office team version answer />
        }.into_any())}
    }
}

/// The form: role, lawyer, first day.
#[component]
fn Change(
    team: Assignments,
    version: RwSignal<u32>,
    answer: RwSignal<Option<Result<&'static str, AppError>>>,
) -> impl IntoView {
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
        answer.set(Some(result.as_ref().map(|_| t.team_saved).map_err(Clone::clone)));
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

/// The community's office and monthly quota, as staff correct them.
#[component]
fn Office(
    team: Assignments,
    version: RwSignal<u32>,
    answer: RwSignal<Option<Result<&'static str, AppError>>>,
) -> impl IntoView {
    let t = use_prefs().desk();
    let number = |x: Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
    let address = RwSignal::new(team.office_address.clone());
    let latitude = RwSignal::new(number(team.latitude));
    let longitude = RwSignal::new(number(team.longitude));
    let quota = RwSignal::new(team.duty_days_per_month.to_string());
    let community_id = team.community_id;
    let save = Submit::new(move |_: &()| {
        let parse = |s: String| s.trim().parse::<f64>().ok();
        call::<EditCommunity>(CommunityEdit {
            community_id,
            office_address: address.get_untracked(),
            latitude: parse(latitude.get_untracked()),
            longitude: parse(longitude.get_untracked()),
            duty_days_per_month: quota.get_untracked().trim().parse().unwrap_or(0),
        })
    })
    .then(move |result| {
        answer.set(Some(result.as_ref().map(|_| t.team_office_saved).map_err(Clone::clone)));
        if result.is_ok() {
            version.update(|v| *v += 1);
        }
    });
    view! {
        <h2 class="mb-2 mt-4 text-lg font-bold">{t.team_office}</h2>
        <form class="mb-4 flex flex-wrap items-end gap-2" on:submit=move |e| { e.prevent_default(); save.dispatch(()); }>
            <label class="flex flex-col">{t.team_address}
                <input class=FIELD aria-label=t.team_address bind:value=address required maxlength="200" size="40" />
            </label>
            <label class="flex flex-col">{t.team_latitude}
                <input type="number" step="any" class=FIELD aria-label=t.team_latitude bind:value=latitude />
            </label>
            <label class="flex flex-col">{t.team_longitude}
                <input type="number" step="any" class=FIELD aria-label=t.team_longitude bind:value=longitude />
            </label>
            <label class="flex flex-col">{t.team_quota}
                <input type="number" min="1" max="31" class=FIELD aria-label=t.team_quota bind:value=quota required />
            </label>
            <button class=BUTTON disabled=move || save.pending().get()>{t.team_save_office}</button>
        </form>
    }
}
