//! 律师名册 (the district's staff): lawyers found by name, firm or licence number, with their
//! roles today and whether their licence has been verified; a lawyer's record corrected and
//! verified, their team's members added and taken off; law firms created and renamed.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::registers::{AddMember, GetLawyers, RemoveMember, SaveFirm, SaveLawyer};
use crate::error::AppError;
use crate::model::{FirmEdit, LawyerEdit, LawyersQuery, LawyersRegister, MemberAdd, MemberRemove, RegisterLawyer};
use crate::ui::components::{error_note, page_title};
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left align-top";

#[component]
pub fn LawyersPage() -> impl IntoView {
    let t = use_prefs().desk();
    let text = RwSignal::new(String::new());
    let register = RwSignal::new(None::<LawyersRegister>);
    let answer = RwSignal::new(None::<Result<&'static str, AppError>>);
    let chosen = RwSignal::new(None::<RegisterLawyer>);
    let find = Submit::new(move |_: &()| call::<GetLawyers>(LawyersQuery { text: text.get_untracked() })).then(
        move |result| match result {
            Ok(found) => register.set(Some(found.clone())),
            Err(error) => answer.set(Some(Err(error.clone()))),
        },
    );
    // A save answers with the register around what was saved.
    let saved = move |words: &'static str| {
        move |result: &Result<LawyersRegister, AppError>| {
            answer.set(Some(result.as_ref().map(|_| words).map_err(Clone::clone)));
            if let Ok(found) = result {
                register.set(Some(found.clone()));
                chosen.set(None);
            }
        }
    };
    // A change of a team keeps its lawyer open, as the register now has them.
    let team_saved = move |result: &Result<LawyersRegister, AppError>| {
        answer.set(Some(result.as_ref().map(|_| t.lawyers_team_saved).map_err(Clone::clone)));
        if let Ok(found) = result {
            let id = chosen.get_untracked().map(|l| l.id);
            chosen.set(found.lawyers.iter().find(|l| Some(l.id) == id).cloned());
            register.set(Some(found.clone()));
        }
    };
    find.dispatch(());
    view! {
        {page_title(t.nav_lawyers)}
        <form class="mb-3 flex gap-2" role="search" on:submit=move |e| { e.prevent_default(); find.dispatch(()); }>
            <input class=FIELD aria-label=t.lawyers_find_hint placeholder=t.lawyers_find_hint bind:value=text maxlength="100" />
            <button class="min-h-11 rounded-lg bg-brand px-4 font-bold text-white">{t.lawyers_find}</button>
        </form>
        {move || answer.get().map(|a| match a {
            Ok(words) => view! { <p role="status" class="mb-2 font-bold">{words}</p> }.into_any(),
            Err(error) => error_note(error).into_any(),
        })}
        {move || register.get().map(|found| {
            let firms = found.clone();
            view! {
                <Table found=found.clone() chosen />
                {move || chosen.get().map(|lawyer| view! {
                    <EditLawyer lawyer=lawyer.clone() found=firms.clone() saved=saved(t.lawyers_saved) />
                    <super::lawyer_account::LawyerAccountForm lawyer_id=lawyer.id />
                    <super::duty::LeaveForm lawyer_id=lawyer.id />
                    <super::retire::RetireForm lawyer_id=lawyer.id last_day=lawyer.last_day.clone() />
                    <Members lawyer saved=team_saved />
                })}
                <EditFirm found saved=saved(t.lawyers_firm_saved) />
            }
        })}
    }
}

#[component]
fn Table(found: LawyersRegister, chosen: RwSignal<Option<RegisterLawyer>>) -> impl IntoView {
    let t = use_prefs().desk();
    view! {
        <div class="mb-4 overflow-x-auto">
            <table class="w-full text-sm">
                <thead><tr>
                    <th class=CELL>{t.col_lawyer}</th>
                    <th class=CELL>{t.col_firm}</th>
                    <th class=CELL>{t.col_licence}</th>
                    <th class=CELL>{t.lawyers_verified}</th>
                    <th class=CELL>{t.lawyers_serving}</th>
                    <th class=CELL>{t.accounts_edit}</th>
                </tr></thead>
                <tbody>
                    {found.lawyers.into_iter().map(|lawyer| {
                        let verified = lawyer.verified_at.map(|at| at.to_shanghai().0.to_string());
                        let unverified = verified.is_none();
                        let this = lawyer.clone();
                        view! {
                        <tr>
                            <td class=CELL>{lawyer.name.clone()}</td>
                            <td class=CELL>{lawyer.firm}</td>
                            <td class=CELL>{lawyer.licence_no}</td>
                            <td class=CELL class:text-danger=unverified>{verified.unwrap_or_else(|| t.lawyers_unverified.to_owned())}</td>
                            <td class=CELL>{match &lawyer.last_day {
                                Some(day) => format!("{}{day}", use_prefs().setup().retire_left),
                                None => lawyer.serving.join("、"),
                            }}</td>
                            <td class=CELL><button class="underline" on:click=move |_| chosen.set(Some(this.clone()))>{t.accounts_edit}" "{lawyer.name}</button></td>
                        </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {found.more.then(|| view! { <p class="text-sm text-muted">{t.lawyers_more}</p> })}
        </div>
    }
}

#[component]
fn EditLawyer(
    lawyer: RegisterLawyer,
    found: LawyersRegister,
    saved: impl Fn(&Result<LawyersRegister, AppError>) + 'static,
) -> impl IntoView {
    let t = use_prefs().desk();
    let name = RwSignal::new(lawyer.name.clone());
    let firm = RwSignal::new(lawyer.firm_id.to_string());
    let licence = RwSignal::new(lawyer.licence_no.clone());
    let verified = RwSignal::new(lawyer.verified_at.is_some());
    let lawyer_id = lawyer.id;
    let save = Submit::new(move |_: &()| {
        call::<SaveLawyer>(LawyerEdit {
            lawyer_id,
            name: name.get_untracked(),
            firm_id: firm.get_untracked().parse().unwrap_or(0),
            licence_no: licence.get_untracked(),
            verified: verified.get_untracked(),
        })
    })
    .then(saved);
    view! {
        <h2 class="mb-2 text-lg font-bold">{t.lawyers_edit}" · "{lawyer.name}</h2>
        <form class="mb-4 grid gap-2 sm:grid-cols-2" on:submit=move |e| { e.prevent_default(); save.dispatch(()); }>
            <label class="flex flex-col">{t.col_lawyer}<input class=FIELD bind:value=name required maxlength="40" /></label>
            <label class="flex flex-col">{t.col_firm}
                <select class=FIELD bind:value=firm>
                    {found.firms.into_iter().map(|f| view! { <option value=f.id.to_string()>{f.name}</option> }).collect_view()}
                </select>
            </label>
            <label class="flex flex-col">{t.col_licence}<input class=FIELD bind:value=licence required inputmode="numeric" maxlength="17" /></label>
            <label class="flex items-center gap-2"><input type="checkbox" bind:checked=verified />{t.lawyers_verify}</label>
            <button class=BUTTON disabled=move || save.pending().get()>{t.lawyers_save}</button>
        </form>
    }
}

/// The lawyer's team: each member with a way to take them off, and one added.
#[component]
fn Members(
    lawyer: RegisterLawyer,
    saved: impl Fn(&Result<LawyersRegister, AppError>) + Copy + 'static,
) -> impl IntoView {
    let t = use_prefs().desk();
    let lawyer_id = lawyer.id;
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new("volunteer".to_owned());
    let add = Submit::new(move |_: &()| {
        call::<AddMember>(MemberAdd { lawyer_id, name: name.get_untracked(), kind: kind.get_untracked() })
    })
    .then(saved);
    let remove =
        Submit::new(move |member_id: &i64| call::<RemoveMember>(MemberRemove { member_id: *member_id })).then(saved);
    let kind_words = move |kind: &str| match kind {
        "assistant" => t.lawyers_member_assistant,
        "expert" => t.lawyers_member_expert,
        _ => t.lawyers_member_volunteer,
    };
    view! {
        <h2 class="mb-2 text-lg font-bold">{t.lawyers_team}" · "{lawyer.name}</h2>
        <ul class="mb-2 space-y-1 text-sm">
            {lawyer.members.into_iter().map(|m| {
                let id = m.id;
                view! {
                <li class="flex items-center gap-3">
                    <span>{m.name.clone()}" · "{kind_words(&m.kind)}{m.signs_in.then_some(t.lawyers_member_signs_in)}</span>
                    <button class="underline" on:click=move |_| remove.dispatch(id) disabled=move || remove.pending().get()>
                        {t.lawyers_member_remove}" "{m.name}
                    </button>
                </li>
                }
            }).collect_view()}
        </ul>
        <form class="mb-4 grid gap-2 sm:grid-cols-3" on:submit=move |e| { e.prevent_default(); add.dispatch(()); }>
            <label class="flex flex-col">{t.lawyers_member_name}<input class=FIELD bind:value=name required maxlength="40" /></label>
            <label class="flex flex-col">{t.lawyers_member_kind}
                <select class=FIELD aria-label=t.lawyers_member_kind bind:value=kind>
                    <option value="volunteer">{t.lawyers_member_volunteer}</option>
                    <option value="expert">{t.lawyers_member_expert}</option>
                    <option value="assistant">{t.lawyers_member_assistant}</option>
                </select>
            </label>
            <button class=BUTTON disabled=move || add.pending().get()>{t.lawyers_member_add}</button>
        </form>
    }
}

/// A firm: a new one, or one of the list renamed or moved.
#[component]
fn EditFirm(found: LawyersRegister, saved: impl Fn(&Result<LawyersRegister, AppError>) + 'static) -> impl IntoView {
    let t = use_prefs().desk();
    let firm = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let firms = found.firms.clone();
    // Choosing a firm fills in its name and address, to be corrected.
    let choose = move |id: String| {
        let known = firms.iter().find(|f| f.id.to_string() == id);
        name.set(known.map(|f| f.name.clone()).unwrap_or_default());
        address.set(known.map(|f| f.address.clone()).unwrap_or_default());
        firm.set(id);
    };
    let save = Submit::new(move |_: &()| {
        call::<SaveFirm>(FirmEdit {
            firm_id: firm.get_untracked().parse().ok(),
            name: name.get_untracked(),
            address: address.get_untracked(),
        })
    })
    .then(saved);
    view! {
        <h2 class="mb-2 text-lg font-bold">{t.lawyers_firms}</h2>
        <form class="grid gap-2 sm:grid-cols-2" on:submit=move |e| { e.prevent_default(); save.dispatch(()); }>
            <label class="flex flex-col">{t.lawyers_firm_which}
                <select class=FIELD on:change=move |e| choose(event_target_value(&e)) prop:value=firm>
                    <option value="">{t.lawyers_firm_new}</option>
                    {found.firms.into_iter().map(|f| view! { <option value=f.id.to_string()>{f.name}</option> }).collect_view()}
                </select>
            </label>
            <label class="flex flex-col">{t.lawyers_firm_name}<input class=FIELD bind:value=name required maxlength="80" /></label>
            <label class="flex flex-col">{t.lawyers_firm_address}<input class=FIELD bind:value=address maxlength="200" /></label>
            <button class=BUTTON disabled=move || save.pending().get()>{t.lawyers_firm_save}</button>
        </form>
    }
}
