use crate::api::auth::{CompleteSecondFactor, SignInWithPassword};
use crate::api::call;
use crate::domain::{OneTimeCode, Role};
use crate::error::AppError;
use crate::model::{Me, PasswordSignIn, PasswordSignInRequest, SecondFactorRequest};
use crate::ui::components::{error_note, page_title};
use crate::ui::router::{use_location, Location};
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session, SessionState};
use leptos::prelude::*;

/// 登录 for lawyers, assistants and staff: login and password, then a second-factor code if the
/// account has one. Residents are sent to their own app.
#[component]
pub fn SignInPage() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        {page_title(prefs.t().sign_in_staff)}
        <PasswordForm />
        <a href="/sign-in" rel="external" class="mt-6 flex min-h-12 items-center justify-center text-brand underline">{prefs.desk().sign_in_resident}" ›"</a>
    }
}

const FIELD: &str = "min-h-12 w-full rounded-lg border border-line bg-surface px-3 text-lg";
const PRIMARY: &str = "min-h-12 w-full rounded-lg bg-brand font-bold text-white disabled:opacity-50";

/// Opens the desk for a worker; a resident who somehow got here goes to the residents' app.
fn signed_in(me: &Me, session: SessionState, location: Location) {
    if me.role == Role::Resident {
        crate::ui::platform::go_to("/");
        return;
    }
    session.me.set(Some(me.clone()));
    location.navigate(super::BASE, false);
}

/// A lawyer's or staff member's login and password, then a second-factor code if the account has one.
#[component]
fn PasswordForm() -> impl IntoView {
    let prefs = use_prefs();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let factor_phone = RwSignal::new(None::<String>);

    let sign_in = Submit::new(move |req: &PasswordSignInRequest| call::<SignInWithPassword>(req.clone()));
    let second =
        Submit::new(move |code: &String| call::<CompleteSecondFactor>(SecondFactorRequest { code: code.clone() }));
    let (session, location) = (use_session(), use_location());
    sign_in.then(move |answer| match answer {
        Ok(PasswordSignIn::SignedIn { me }) => signed_in(me, session, location),
        Ok(PasswordSignIn::SecondFactorSent { phone_masked }) => {
            error.set(None);
            factor_phone.set(Some(phone_masked.clone()));
        }
        Err(e) => error.set(Some(e.clone())),
    });
    second.then(move |answer| match answer {
        Ok(me) => signed_in(me, session, location),
        Err(e) => error.set(Some(e.clone())),
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if factor_phone.get_untracked().is_some() {
            match OneTimeCode::parse(&code.get_untracked()) {
                Ok(c) => {
                    second.dispatch(c.as_str().to_owned());
                }
                Err(_) => error.set(Some(AppError::invalid("code", prefs.t().err_code_format))),
            }
        } else if login.get_untracked().trim().is_empty() || password.get_untracked().is_empty() {
            error.set(Some(AppError::invalid("login", prefs.desk().err_login_empty)));
        } else {
            sign_in
                .dispatch(PasswordSignInRequest { login: login.get_untracked(), password: password.get_untracked() });
        }
    };

    view! {
        <form on:submit=on_submit class="space-y-3" novalidate>
            <Show when=move || factor_phone.get().is_none()>
                <label class="block">
                    <span class="mb-1 block font-bold">{prefs.desk().login_label}</span>
                    <input type="text" autocomplete="username" class=FIELD bind:value=login />
                </label>
                <label class="block">
                    <span class="mb-1 block font-bold">{prefs.desk().password_label}</span>
                    <input type="password" autocomplete="current-password" class=FIELD bind:value=password />
                </label>
            </Show>
            {move || factor_phone.get().map(|phone| view! {
                <p role="status">{prefs.desk().second_factor_prompt}" ("{phone.clone()}")"</p>
                <label class="block">
                    <span class="mb-1 block font-bold">{prefs.t().code_label}</span>
                    <input type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" class=FIELD bind:value=code />
                </label>
            })}
            {move || error.get().map(error_note)}
            <button type="submit" class=PRIMARY disabled=move || sign_in.pending().get() || second.pending().get()>{prefs.t().sign_in_submit}</button>
        </form>
    }
}
