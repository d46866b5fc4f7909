//! 职员账号 (admins): every staff and admin account — the district's, or a street's 司法所 —
//! and the form that creates one or changes it. A change of street, role or password, or
//! disabling, signs the account out at once.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::registers::{GetStaffAccounts, SaveStaffAccount};
use crate::domain::Role;
use crate::error::AppError;
use crate::model::{Empty, StaffAccount, StaffAccountEdit, StaffAccounts};
use crate::ui::components::{error_note, loaded, page_title};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left";

/// The form's fields, as text.
#[derive(Clone, Copy)]
struct Form {
    id: RwSignal<Option<i64>>,
    login: RwSignal<String>,
    name: RwSignal<String>,
    phone: RwSignal<String>,
    role: RwSignal<String>,
    street: RwSignal<String>,
    password: RwSignal<String>,
    disabled: RwSignal<bool>,
}

impl Form {
    fn new() -> Form {
        Form {
            id: RwSignal::new(None),
            login: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            role: RwSignal::new("staff".to_owned()),
            street: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            disabled: RwSignal::new(false),
        }
    }

    /// Empties the form, for a new account.
    fn reset(self) {
        self.id.set(None);
        for field in [self.login, self.name, self.phone, self.street, self.password] {
            field.set(String::new());
        }
        self.role.set("staff".to_owned());
        self.disabled.set(false);
    }

    /// Fills the form with `account` to change it; its phone stays hidden (left empty, it is kept).
    fn edit(self, account: &StaffAccount) {
        self.id.set(Some(account.id));
        self.login.set(account.login.clone());
        self.name.set(account.display_name.clone());
        self.phone.set(String::new());
        self.role.set(account.role.as_str().to_owned());
        self.street.set(account.street_id.map(|s| s.to_string()).unwrap_or_default());
        self.password.set(String::new());
        self.disabled.set(account.disabled);
    }

    fn request(self) -> StaffAccountEdit {
        StaffAccountEdit {
            id: self.id.get_untracked(),
            login: self.login.get_untracked(),
            display_name: self.name.get_untracked(),
            phone: self.phone.get_untracked(),
            role: Role::from_db(&self.role.get_untracked()).unwrap_or(Role::Staff),
            street_id: self.street.get_untracked().parse().ok(),
            password: self.password.get_untracked(),
            disabled: self.disabled.get_untracked(),
            organisation_id: None,
        }
    }
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let t = use_prefs().desk();
    let version = RwSignal::new(0u32);
    let answer = RwSignal::new(None::<Result<(), AppError>>);
    let accounts = load(move || {
        version.track();
        call::<GetStaffAccounts>(Empty {})
    });
    let form = Form::new();
    let save = Submit::new(move |_: &()| call::<SaveStaffAccount>(form.request())).then(move |result| {
        answer.set(Some(result.as_ref().map(|_| ()).map_err(Clone::clone)));
        if result.is_ok() {
            version.update(|v| *v += 1);
            form.password.set(String::new());
        }
    });
    view! {
        {page_title(t.nav_accounts)}
        {move || loaded(accounts.get(), move |list| view! { <Table list=list.clone() form /> <Edit list form save /> }.into_any())}
        {move || answer.get().map(|a| match a {
            Ok(()) => view! { <p role="status" class="mt-2 font-bold">{t.accounts_saved}</p> }.into_any(),
            Err(error) => error_note(error).into_any(),
        })}
    }
}

/// Every account, with the street it sees and a button that loads it into the form.
#[component]
fn Table(list: StaffAccounts, form: Form) -> impl IntoView {
    let t = use_prefs().desk();
    let street_name = move |id: Option<i64>| match id {
        Some(id) => list.streets.iter().find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_default(),
        None => t.accounts_district.to_owned(),
    };
    view! {
        <table class="mb-4 w-full text-sm">
            <thead><tr>
                <th class=CELL>{t.accounts_login}</th>
                <th class=CELL>{t.accounts_name}</th>
                <th class=CELL>{t.accounts_role}</th>
                <th class=CELL>{t.accounts_street}</th>
                <th class=CELL>{t.accounts_phone}</th>
                <th class=CELL>{t.accounts_state}</th>
                <th class=CELL>{t.accounts_edit}</th>
            </tr></thead>
            <tbody>
                {list.accounts.iter().map(|account| {
                    let chosen = account.clone();
                    let role = if account.role == Role::Admin { t.accounts_admin } else { t.accounts_staff };
                    view! {
                    <tr class:text-muted=account.disabled>
                        <td class=CELL>{account.login.clone()}</td>
                        <td class=CELL>{account.display_name.clone()}</td>
                        <td class=CELL>{role}</td>
                        <td class=CELL>{street_name(account.street_id)}</td>
                        <td class=CELL>{account.phone_masked.clone().unwrap_or_default()}</td>
                        <td class=CELL>{if account.disabled { t.accounts_disabled } else { t.accounts_active }}</td>
                        <td class=CELL>
                            <button class="underline" on:click=move |_| form.edit(&chosen)>{t.accounts_edit}" "{account.login.clone()}</button>
                        </td>
                    </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The form: a new account, or the one chosen above.
#[component]
fn Edit(list: StaffAccounts, form: Form, save: Submit<(), StaffAccounts>) -> impl IntoView {
    let t = use_prefs().desk();
    let heading = move || if form.id.get().is_some() { t.accounts_change } else { t.accounts_new };
    view! {
        <h2 class="mb-2 text-lg font-bold">{heading}</h2>
        <form class="grid gap-2 sm:grid-cols-2" on:submit=move |e| { e.prevent_default(); save.dispatch(()); }>
            <label class="flex flex-col">{t.accounts_login}<input class=FIELD bind:value=form.login required maxlength="32" autocomplete="off" /></label>
            <label class="flex flex-col">{t.accounts_name}<input class=FIELD bind:value=form.name required maxlength="50" /></label>
            <label class="flex flex-col">{t.accounts_phone}<input class=FIELD type="tel" bind:value=form.phone maxlength="11" /></label>
            <label class="flex flex-col">{t.accounts_role}
                <select class=FIELD bind:value=form.role>
                    <option value="staff">{t.accounts_staff}</option>
                    <option value="admin">{t.accounts_admin}</option>
                </select>
            </label>
            <label class="flex flex-col">{t.accounts_street}
                <select class=FIELD bind:value=form.street>
                    <option value="">{t.accounts_district}</option>
                    {list.streets.into_iter().map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view()}
                </select>
            </label>
            <label class="flex flex-col">{t.accounts_password}
                <input class=FIELD type="password" bind:value=form.password autocomplete="new-password" minlength="10" />
            </label>
            <label class="flex items-center gap-2"><input type="checkbox" bind:checked=form.disabled />{t.accounts_disable}</label>
            <p class="flex gap-2 sm:col-span-2">
                <button class=BUTTON disabled=move || save.pending().get()>{t.accounts_save}</button>
                <button type="button" class="min-h-12 w-full rounded-lg border border-line px-4" on:click=move |_| form.reset()>{t.accounts_new}</button>
            </p>
        </form>
        <p class="mt-2 text-sm text-muted">{t.accounts_hint}</p>
    }
}
