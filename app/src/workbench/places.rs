//! 街道与社区 (the district's staff): the streets in their order with their communities; a
//! street created or renamed; a community created, or renamed and moved to another street (its
//! records go with it); a community or a street leaving the programme. A community's team, office
//! and quota are on its team page.

use super::leave_place::{left_list, LeaveCommunity, LeaveStreet};
use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::registers::{GetPlaces, SaveCommunity, SaveStreet};
use crate::error::AppError;
use crate::model::{CommunityPlace, Places, PlacesRequest, StreetEdit};
use crate::ui::components::{error_note, page_title};
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left";

#[component]
pub fn PlacesPage() -> impl IntoView {
    let t = use_prefs().desk();
    let places = RwSignal::new(None::<Places>);
    let answer = RwSignal::new(None::<Result<&'static str, AppError>>);
    let street = RwSignal::new(None::<i64>);
    // What the last community's leaving did, until another street is opened.
    let done = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        street.track();
        done.set(None);
    });
    let show = Submit::new(move |street_id: &Option<i64>| call::<GetPlaces>(PlacesRequest { street_id: *street_id }))
        .then(move |result| match result {
            Ok(found) => places.set(Some(found.clone())),
            Err(error) => answer.set(Some(Err(error.clone()))),
        });
    show.dispatch(None);
    // A save answers with the streets and the saved place's street.
    let saved = move |words: &'static str| {
        move |result: &Result<Places, AppError>| {
            answer.set(Some(result.as_ref().map(|_| words).map_err(Clone::clone)));
            if let Ok(found) = result {
                street.set(found.communities.first().map(|c| c.street_id).or(street.get_untracked()));
                places.set(Some(found.clone()));
            }
        }
    };
    let save_street =
        Submit::new(move |edit: &StreetEdit| call::<SaveStreet>(edit.clone())).then(saved(t.places_saved));
    let save_community =
        Submit::new(move |place: &CommunityPlace| call::<SaveCommunity>(place.clone())).then(saved(t.places_saved));
    view! {
        {page_title(t.nav_places)}
        {move || answer.get().map(|a| match a {
            Ok(words) => view! { <p role="status" class="mb-2 font-bold">{words}</p> }.into_any(),
            Err(error) => error_note(error).into_any(),
        })}
        {move || places.get().map(|found| {
            let retired: Vec<_> = found.retired_streets.iter().chain(&found.retired_communities).cloned().collect();
            let open = street.get_untracked().filter(|id| found.streets.iter().any(|s| s.id == *id));
            let left = Callback::new(move |()| show.dispatch(street.get_untracked()));
            let saved = Callback::new(move |found: Places| places.set(Some(found)));
            view! {
                <Streets found=found.clone() street show />
                <StreetForm found=found.clone() street save=save_street />
                <CommunityForm found=found.clone() street save=save_community />
                {open.map(|street_id| view! {
                    <LeaveCommunity found done left />
                    <LeaveStreet street_id saved />
                })}
                {left_list(&retired)}
            }
        })}
    }
}

/// The streets, each opening its communities.
#[component]
fn Streets(found: Places, street: RwSignal<Option<i64>>, show: Submit<Option<i64>, Places>) -> impl IntoView {
    let t = use_prefs().desk();
    view! {
        <table class="mb-4 w-full text-sm">
            <thead><tr>
                <th class=CELL>{t.board_street}</th>
                <th class=CELL>{t.places_communities}</th>
                <th class=CELL>{t.places_open}</th>
            </tr></thead>
            <tbody>
                {found.streets.into_iter().map(|s| {
                    let id = s.id;
                    view! {
                    <tr class:font-bold=move || street.get() == Some(id)>
                        <td class=CELL>{s.name.clone()}</td>
                        <td class=CELL>{s.community_count}</td>
                        <td class=CELL>
                            <button class="underline" on:click=move |_| { street.set(Some(id)); show.dispatch(Some(id)); }>
                                {t.places_open}" "{s.name.clone()}
                            </button>
                            " "
                            <a class="text-brand underline" rel="external" target="_blank" href=format!("/posters/streets/{id}")>{format!("{} {}", t.places_posters, s.name)}</a>
                        </td>
                    </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {(!found.communities.is_empty()).then(|| view! {
            <ul class="mb-4 flex flex-wrap gap-3 text-sm">
                {found.communities.into_iter().map(|c| view! {
                    <li>
                        <a class="text-brand underline" href=format!("/desk/team?community={}", c.id)>{c.name.clone()}</a>
                        " "
                        <a class="text-sm text-muted underline" rel="external" target="_blank" href=format!("/posters/communities/{}", c.id)>{format!("{} {}", t.places_poster, c.name)}</a>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}

/// A new street, or the open one renamed or reordered.
#[component]
fn StreetForm(found: Places, street: RwSignal<Option<i64>>, save: Submit<StreetEdit, Places>) -> impl IntoView {
    let t = use_prefs().desk();
    let open = found.streets.iter().position(|s| Some(s.id) == street.get_untracked());
    let name = RwSignal::new(open.map(|i| found.streets[i].name.clone()).unwrap_or_default());
    let order = RwSignal::new(open.unwrap_or(found.streets.len()).to_string());
    let change = RwSignal::new(false);
    let send = move || StreetEdit {
        street_id: if change.get_untracked() { street.get_untracked() } else { None },
        name: name.get_untracked(),
        sort_order: order.get_untracked().trim().parse().unwrap_or(0),
    };
    view! {
        <h2 class="mb-2 text-lg font-bold">{t.places_street}</h2>
        <form class="mb-4 grid gap-2 sm:grid-cols-3" on:submit=move |e| { e.prevent_default(); save.dispatch(send()); }>
            <label class="flex flex-col">{t.places_street_name}<input class=FIELD bind:value=name required maxlength="40" /></label>
            <label class="flex flex-col">{t.places_order}<input type="number" class=FIELD bind:value=order /></label>
            <label class="flex items-center gap-2">
                <input type="checkbox" bind:checked=change disabled=move || street.get().is_none() />{t.places_rename_open}
            </label>
            <button class=BUTTON disabled=move || save.pending().get()>{t.places_save_street}</button>
        </form>
    }
}

/// A new community in a street, or one of the open street's renamed or moved.
#[component]
fn CommunityForm(found: Places, street: RwSignal<Option<i64>>, save: Submit<CommunityPlace, Places>) -> impl IntoView {
    let t = use_prefs().desk();
    let community = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let to = RwSignal::new(street.get_untracked().map(|s| s.to_string()).unwrap_or_default());
    let address = RwSignal::new(String::new());
    let known = found.communities.clone();
    let choose = move |id: String| {
        name.set(known.iter().find(|c| c.id.to_string() == id).map(|c| c.name.clone()).unwrap_or_default());
        community.set(id);
    };
    let send = move || CommunityPlace {
        community_id: community.get_untracked().parse().ok(),
        street_id: to.get_untracked().parse().unwrap_or(0),
        name: name.get_untracked(),
        office_address: address.get_untracked(),
    };
    view! {
        <h2 class="mb-2 text-lg font-bold">{t.places_community}</h2>
        <form class="grid gap-2 sm:grid-cols-2" on:submit=move |e| { e.prevent_default(); save.dispatch(send()); }>
            <label class="flex flex-col">{t.places_which}
                <select class=FIELD aria-label=t.places_which on:change=move |e| choose(event_target_value(&e)) prop:value=community>
                    <option value="">{t.places_new_community}</option>
                    {found.communities.into_iter().map(|c| view! { <option value=c.id.to_string()>{c.name}</option> }).collect_view()}
                </select>
            </label>
            <label class="flex flex-col">{t.places_community_name}<input class=FIELD bind:value=name required maxlength="40" /></label>
            <label class="flex flex-col">{t.board_street}
                <select class=FIELD aria-label=t.board_street bind:value=to required>
                    <option value="">"—"</option>
                    {found.streets.into_iter().map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || community.get().is_empty()>
                <label class="flex flex-col">{t.team_address}<input class=FIELD bind:value=address maxlength="200" /></label>
            </Show>
            <button class=BUTTON disabled=move || save.pending().get()>{t.places_save_community}</button>
        </form>
    }
}
