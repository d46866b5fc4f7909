//! A lawyer's sign-in to the workbench, as the district's staff give it: phone and first password.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::registers::SetLawyerAccount;
use crate::model::LawyerAccountEdit;
use crate::ui::components::error_note;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// The form for `lawyer_id`.
#[component]
pub(super) fn LawyerAccountForm(lawyer_id: i64) -> impl IntoView {
    let t = use_prefs().desk();
    let (phone, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let save = Submit::new(move |(): &()| {
        call::<SetLawyerAccount>(LawyerAccountEdit {
            lawyer_id,
            phone: phone.get_untracked(),
            password: password.get_untracked(),
        })
    })
    .then(move |answer| {
        if answer.is_ok() {
            password.set(String::new())
        }
    });
    view! {
        <section class="mt-3 space-y-2 rounded-lg border border-line bg-surface p-3">
            <h3 class="font-bold">{t.account_title}</h3>
            <p class="text-sm text-muted">{t.account_hint}</p>
            <label for="account-phone" class="block">{t.account_phone}</label>
            <input id="account-phone" type="tel" autocomplete="off" class=FIELD bind:value=phone />
            <label for="account-password" class="block">{t.account_password}</label>
            <input id="account-password" type="password" autocomplete="new-password" class=FIELD bind:value=password />
            <button class=BUTTON on:click=move |_| save.dispatch(())>{t.account_save}</button>
            {move || save.value().get().map(|answer| match answer {
                Ok(_) => view! { <p role="status" class="font-bold text-brand">{t.account_saved}</p> }.into_any(),
                Err(error) => error_note(error).into_any(),
            })}
        </section>
    }
}
