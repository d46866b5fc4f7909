//! `/communities/:id`: a community's office, duty hours and adviser team (A, B, coordinator,
//! 1+1+N), with a form that makes it the resident's own. Rendered by the server: a resident who
//! scans the community's poster sees its team before any of the app's wasm arrives, and the app
//! carries none of this page.

use crate::domain::AssignmentRole;
use crate::i18n::{Lang, Texts};
use crate::model::{CommunityDetail, TeamLawyer};
use crate::ui::components::{duty_hours, SignInLink};
use leptos::prelude::*;

/// What the "my community" part offers the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mine {
    /// It is the signed-in resident's community.
    Already,
    /// A signed-in resident may make it theirs.
    Offer,
    /// A visitor signs in first.
    SignIn,
    /// Workers have no community of their own.
    Nothing,
}

/// The page of `detail` in `lang`.
pub fn page(lang: Lang, detail: CommunityDetail, mine: Mine) -> AnyView {
    let t = lang.texts();
    let id = detail.id;
    let no_lawyers = detail.lawyers.is_empty();
    view! {
        <a href=format!("/streets/{}", detail.street_id) class="mb-2 inline-flex min-h-11 items-center text-brand">"‹ "{detail.street_name.clone()}</a>
        <h1 class="text-2xl font-bold">{detail.name.clone()}</h1>
        <p class="mb-3 text-muted">{detail.street_name.clone()}</p>
        <p class="mb-4 rounded-lg bg-surface p-3">
            <span class="font-bold">{t.community_office}</span>
            {detail.office_address.clone()}
        </p>
        <p class="mb-4 rounded-lg bg-surface p-3">
            <span class="font-bold">{t.duty_days}</span>
            {duty_hours(detail.duty)}
        </p>
        <a href=format!("/communities/{id}/book") class="mb-3 flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{t.book_title}</a>
        {make_mine(t, id, mine)}
        <h2 class="mb-2 mt-4 text-lg font-bold">{t.community_team}</h2>
        {no_lawyers.then(|| view! { <p class="text-muted">{t.community_none_assigned}</p> })}
        <ul class="space-y-3">
            {detail.lawyers.into_iter().map(|l| lawyer_card(t, l)).collect_view()}
        </ul>
        <ul class="mt-3 flex flex-wrap gap-2 text-sm">
            {detail.members.into_iter().map(|m| view! {
                <li class="rounded-full border border-line px-3 py-1">{m.name}" · "{m.kind}</li>
            }).collect_view()}
        </ul>
        <p class="mt-4"><a href="/visits" class="text-brand underline">{crate::i18n::VisitTexts::of(lang).title}</a></p>
    }
    .into_any()
}

/// One lawyer of the team.
fn lawyer_card(t: &'static Texts, lawyer: TeamLawyer) -> impl IntoView {
    let initial = lawyer.name.chars().next().map(String::from).unwrap_or_default();
    view! {
        <li class="flex gap-3 rounded-lg border border-line bg-surface p-3">
            <div aria-hidden="true" class="flex h-14 w-14 shrink-0 items-center justify-center rounded-full bg-brand-soft text-xl font-bold text-brand">{initial}</div>
            <div>
                <p class="font-bold">{lawyer.name}" "<span class="rounded bg-brand-soft px-2 text-sm text-brand">{role_label(t, lawyer.role)}</span></p>
                <p class="text-sm text-muted">{lawyer.firm}</p>
                <p class="text-sm">{t.practice_areas}{lawyer.practice_areas.join(" · ")}</p>
                <p class="text-sm">{t.languages}{lawyer.languages.join(" · ")}</p>
            </div>
        </li>
    }
}

/// The resident's community already, a form that makes it so, or signing in first.
fn make_mine(t: &'static Texts, id: i64, mine: Mine) -> AnyView {
    let outline =
        "flex min-h-12 w-full items-center justify-center rounded-lg border-2 border-brand font-bold text-brand";
    match mine {
        Mine::Already => view! { <p class="font-bold text-brand">"✓ "{t.community_is_mine}</p> }.into_any(),
        Mine::Offer => view! {
            <form method="post" action=format!("/communities/{id}/mine")>
                <button class=outline>{t.community_set_mine}</button>
            </form>
        }
        .into_any(),
        Mine::SignIn => view! { <SignInLink class=outline>{t.community_set_mine}</SignInLink> }.into_any(),
        Mine::Nothing => ().into_any(),
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
