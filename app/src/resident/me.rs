use crate::api::account::SetLanguage;
use crate::api::auth::SignOut;
use crate::api::call;
use crate::i18n::Lang;
use crate::model::{Empty, SetLanguageRequest};
use crate::ui::components::{page_title, SignInLink};
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// 我的: the account, sign-in or sign-out, and display settings (language, large text, contrast).
#[component]
pub fn MePage() -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let leave = Submit::new(|_: &()| call::<SignOut>(Empty {}));
    leave.then(move |answer| {
        if answer.is_ok() {
            session.me.set(None);
        }
    });
    // The whole app renders again when the language changes, so this is read once.
    let lang = prefs.lang.get_untracked();
    let choose_lang = move |lang: Lang| {
        prefs.lang.set(lang);
        if session.me.get_untracked().is_some() {
            leptos::task::spawn_local(async move {
                // The device keeps the choice even if the account cannot be updated now.
                let _ = call::<SetLanguage>(SetLanguageRequest { lang }).await;
            });
        }
    };

    view! {
        {page_title(prefs.t().me_title)}
        {move || match session.me.get() {
            Some(me) => view! {
                <section class="mb-4 rounded-lg border border-line bg-surface p-4">
                    <p class="text-muted">{prefs.t().me_signed_in_as}</p>
                    <p class="text-lg font-bold">{me.display_name.clone()}</p>
                    {me.phone_masked.clone().filter(|phone| *phone != me.display_name).map(|phone| view! { <p>{phone}</p> })}
                    <button class="mt-3 min-h-12 w-full rounded-lg border-2 border-line font-bold" on:click=move |_| { leave.dispatch(()); }>
                        {prefs.t().me_sign_out}
                    </button>
                </section>
                {server_page("/me/community", prefs.t().home_my_community)}
                {server_page("/me/waitlist", prefs.t().my_waitlist)}
                {server_page("/me/referrals", prefs.t().my_referrals)}
                {server_page("/me/visits", prefs.t().my_visits)}
                {server_page("/me/feedback", prefs.t().my_feedback)}
                {server_page("/me/files", prefs.t().my_files)}
                {server_page("/me/privacy", prefs.t().my_privacy)}
                {server_page("/me/messages", prefs.t().inbox)}
            }.into_any(),
            None => view! {
                <SignInLink class="mb-4 flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{prefs.t().me_sign_in}</SignInLink>
            }.into_any(),
        }}
        <section class="space-y-3 rounded-lg border border-line bg-surface p-4">
            <h2 class="text-lg font-bold">{prefs.t().me_settings}</h2>
            <fieldset>
                <legend class="mb-1">{prefs.t().me_language}</legend>
                <div class="flex gap-2">
                    <button class="min-h-12 flex-1 rounded-lg border-2" class=("border-brand", lang == Lang::Zh)
                        aria-pressed=(lang == Lang::Zh).to_string() on:click=move |_| choose_lang(Lang::Zh)>"中文"</button>
                    <button class="min-h-12 flex-1 rounded-lg border-2" class=("border-brand", lang == Lang::En)
                        aria-pressed=(lang == Lang::En).to_string() on:click=move |_| choose_lang(Lang::En)>"English"</button>
                </div>
            </fieldset>
            {toggle(prefs.t().me_large_text, prefs.large_text)}
            {toggle(prefs.t().me_high_contrast, prefs.high_contrast)}
        </section>
    }
}

/// A link to a page the server renders (the router leaves it to the browser), as a row.
pub fn server_page(href: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <a href=href class="mb-4 flex min-h-12 items-center justify-between rounded-lg border-2 border-brand px-4 font-bold text-brand">
            <span>{label}</span>
            <span aria-hidden="true">"›"</span>
        </a>
    }
}

/// A labelled on/off switch.
fn toggle(label: &'static str, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="flex min-h-12 items-center justify-between">
            <span>{label}</span>
            <input type="checkbox" role="switch" class="h-6 w-6" bind:checked=value />
        </label>
    }
}
