use crate::api::account::SetMyCommunity;
use crate::api::call;
use crate::api::directory::GetCommunity;
use crate::domain::{AssignmentRole, Role};
use crate::i18n::Texts;
use crate::model::{CommunityDetail, CommunityRequest, TeamLawyer};
use crate::ui::components::{duty_hours, error_note, loaded, SignInLink};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// A community: its office and its adviser team (A, B, coordinator, 1+1+N).
#[component]
pub fn CommunityPage(community_id: i64) -> impl IntoView {
    let community = load(move || call::<GetCommunity>(CommunityRequest { community_id }));

    view! {
        {move || loaded(community.get(), |detail| view! { <CommunityView detail /> }.into_any())}
    }
}

#[component]
fn CommunityView(detail: CommunityDetail) -> impl IntoView {
    let prefs = use_prefs();
    let id = detail.id;
    let no_lawyers = detail.lawyers.is_empty();
    let duty = detail.duty.clone();
    view! {
        <a href=format!("/streets/{}", detail.street_id) class="mb-2 inline-flex min-h-11 items-center text-brand">"‹ "{detail.street_name.clone()}</a>
        <h1 class="text-2xl font-bold">{detail.name.clone()}</h1>
        <p class="mb-3 text-muted">{detail.street_name.clone()}</p>
        <p class="mb-4 rounded-lg bg-surface p-3">
            <span class="font-bold">{prefs.t().community_office}</span>
            {detail.office_address.clone()}
        </p>
        <p class="mb-4 rounded-lg bg-surface p-3">
            <span class="font-bold">{prefs.t().duty_days}</span>
            {duty_hours(duty)}
        </p>
        <a href=format!("/communities/{id}/book") class="mb-3 flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{prefs.t().book_title}</a>
        <MyCommunityButton community_id=id />
        <h2 class="mb-2 mt-4 text-lg font-bold">{prefs.t().community_team}</h2>
        {no_lawyers.then(|| view! { <p class="text-muted">{prefs.t().community_none_assigned}</p> })}
        <ul class="space-y-3">
            {detail.lawyers.into_iter().map(lawyer_card).collect_view()}
        </ul>
        <ul class="mt-3 flex flex-wrap gap-2 text-sm">
            {detail.members.into_iter().map(|m| view! {
                <li class="rounded-full border border-line px-3 py-1">{m.name}" · "{m.kind}</li>
            }).collect_view()}
        </ul>
    }
}

/// One lawyer of the team.
fn lawyer_card(lawyer: TeamLawyer) -> impl IntoView {
    let prefs = use_prefs();
    let role = lawyer.role;
    let initial = lawyer.name.chars().next().map(String::from).unwrap_or_default();
    view! {
        <li class="flex gap-3 rounded-lg border border-line bg-surface p-3">
            <div aria-hidden="true" class="flex h-14 w-14 shrink-0 items-center justify-center rounded-full bg-brand-soft text-xl font-bold text-brand">{initial}</div>
            <div>
                <p class="font-bold">{lawyer.name}" "<span class="rounded bg-brand-soft px-2 text-sm text-brand">{role_label(prefs.t(), role)}</span></p>
                <p class="text-sm text-muted">{lawyer.firm}</p>
                <p class="text-sm">{prefs.t().practice_areas}{lawyer.practice_areas.join(" · ")}</p>
                <p class="text-sm">{prefs.t().languages}{lawyer.languages.join(" · ")}</p>
            </div>
        </li>
    }
}

/// Lets a signed-in resident remember this community; visitors are sent to sign in first.
#[component]
fn MyCommunityButton(community_id: i64) -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let save = Submit::new(move |_: &()| call::<SetMyCommunity>(CommunityRequest { community_id }));
    save.then(move |answer| {
        if let Ok(me) = answer {
            session.me.set(Some(me.clone()));
        }
    });
    let is_mine = move || session.me.get().and_then(|me| me.community_id) == Some(community_id);
    let is_resident = move || session.me.get().is_some_and(|me| me.role == Role::Resident);
    view! {
        {move || if is_mine() {
            view! { <p class="font-bold text-brand">"✓ "{prefs.t().community_is_mine}</p> }.into_any()
        } else if is_resident() {
            view! {
                <button class="min-h-12 w-full rounded-lg border-2 border-brand font-bold text-brand" on:click=move |_| { save.dispatch(()); }>
                    {prefs.t().community_set_mine}
                </button>
            }.into_any()
        } else if session.me.get().is_none() {
            view! { <SignInLink class="flex min-h-12 items-center justify-center rounded-lg border-2 border-brand font-bold text-brand">{prefs.t().community_set_mine}</SignInLink> }.into_any()
        } else {
            ().into_any()
        }}
        {move || save.value().get().and_then(Result::err).map(error_note)}
    }
}

/// The label of a team role.
pub fn role_label(t: &Texts, role: AssignmentRole) -> &'static str {
    match role {
        AssignmentRole::A => t.role_a,
        AssignmentRole::B => t.role_b,
        AssignmentRole::Coordinator => t.role_coordinator,
    }
}
