use crate::api::auth::{complete_second_factor, send_sign_in_code, sign_in_with_code, sign_in_with_password};
use crate::domain::{OneTimeCode, PhoneNumber, Role};
use crate::error::AppError;
use crate::model::{
    CodeSignInRequest, Me, PasswordSignIn, PasswordSignInRequest, SecondFactorRequest, SendCodeRequest,
};
use crate::ui::components::{ErrorNote, PageTitle};
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::time::Duration;

/// 登录: residents with a mobile number and an SMS code; lawyers and staff with a password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let prefs = use_prefs();
    let staff_mode = RwSignal::new(false);
    let tab = move |staff: bool, label: fn(&crate::i18n::Texts) -> &'static str| {
        view! {
            <button
                role="tab"
                aria-selected=move || (staff_mode.get() == staff).to_string()
                class="min-h-12 flex-1 border-b-2"
                class=("border-brand", move || staff_mode.get() == staff)
                class=("font-bold", move || staff_mode.get() == staff)
                class=("border-transparent", move || staff_mode.get() != staff)
                on:click=move |_| staff_mode.set(staff)
            >{move || label(prefs.t())}</button>
        }
    };
    view! {
        <PageTitle title=Signal::derive(move || prefs.t().sign_in_title.to_owned()) />
        <div role="tablist" class="mb-4 flex">
            {tab(false, |t| t.sign_in_resident)}
            {tab(true, |t| t.sign_in_staff)}
        </div>
        {move || if staff_mode.get() { view! { <PasswordForm /> }.into_any() } else { view! { <CodeForm /> }.into_any() }}
    }
}

/// Where an account lands after signing in.
fn home_for(me: &Me) -> &'static str {
    if me.role == Role::Resident {
        "/"
    } else {
        "/desk"
    }
}

fn signed_in(me: Me) {
    let path = home_for(&me);
    use_session().me.set(Some(me));
    use_navigate()(path, Default::default());
}

const FIELD: &str = "min-h-12 w-full rounded-lg border border-line bg-surface px-3 text-lg";
const PRIMARY: &str = "min-h-12 w-full rounded-lg bg-brand font-bold text-white disabled:opacity-50";

/// A resident's mobile number and one-time code.
#[component]
fn CodeForm() -> impl IntoView {
    let prefs = use_prefs();
    let phone = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let notice = RwSignal::new(None::<String>);
    let wait = RwSignal::new(0u32);

    let send = Action::new_local(move |phone: &String| send_sign_in_code(SendCodeRequest { phone: phone.clone() }));
    let verify = Action::new_local(move |req: &CodeSignInRequest| sign_in_with_code(req.clone()));

    Effect::new(move |_| match send.value().get() {
        Some(Ok(sent)) => {
            error.set(None);
            notice.set(Some(format!("{} {}", prefs.t().code_sent, sent.phone_masked)));
            start_countdown(wait, sent.resend_after_secs);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    Effect::new(move |_| match verify.value().get() {
        Some(Ok(me)) => signed_in(me),
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = prefs.t();
        match (PhoneNumber::parse(&phone.get_untracked()), OneTimeCode::parse(&code.get_untracked())) {
            (Err(_), _) => error.set(Some(AppError::invalid("phone", t.err_phone))),
            (_, Err(_)) => error.set(Some(AppError::invalid("code", t.err_code_format))),
            (Ok(p), Ok(c)) => {
                verify.dispatch(CodeSignInRequest { phone: p.as_str().to_owned(), code: c.as_str().to_owned() });
            }
        }
    };

    view! {
        <form on:submit=on_submit class="space-y-3" novalidate>
            <label class="block">
                <span class="mb-1 block font-bold">{move || prefs.t().phone_label}</span>
                <input type="tel" inputmode="numeric" autocomplete="tel" class=FIELD placeholder=move || prefs.t().phone_placeholder bind:value=phone />
            </label>
            <button type="button" class="min-h-12 w-full rounded-lg border-2 border-brand font-bold text-brand disabled:opacity-50"
                disabled=move || { wait.get() > 0 || send.pending().get() }
                on:click=move |_| request_code(&phone.get_untracked(), send, error)>
                {move || if wait.get() > 0 { format!("{}{}", wait.get(), prefs.t().resend_in) } else { prefs.t().send_code.to_owned() }}
            </button>
            {move || notice.get().map(|n| view! { <p role="status" class="text-brand">{n}</p> })}
            <label class="block">
                <span class="mb-1 block font-bold">{move || prefs.t().code_label}</span>
                <input type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" class=FIELD placeholder=move || prefs.t().code_placeholder bind:value=code />
            </label>
            {move || error.get().map(|error| view! { <ErrorNote error /> })}
            <button type="submit" class=PRIMARY disabled=move || verify.pending().get()>{move || prefs.t().sign_in_submit}</button>
        </form>
    }
}

/// Sends a code to a valid number, or explains what is wrong with it.
fn request_code(
    input: &str,
    send: Action<String, Result<crate::model::CodeSent, AppError>>,
    error: RwSignal<Option<AppError>>,
) {
    match PhoneNumber::parse(input) {
        Ok(p) => {
            send.dispatch_local(p.as_str().to_owned());
        }
        Err(_) => error.set(Some(AppError::invalid("phone", use_prefs().t().err_phone))),
    }
}

/// Counts `wait` down from `secs` to zero, once a second.
fn start_countdown(wait: RwSignal<u32>, secs: u32) {
    wait.set(secs);
    if let Ok(handle) =
        set_interval_with_handle(move || wait.update(|w| *w = w.saturating_sub(1)), Duration::from_secs(1))
    {
        set_timeout(move || handle.clear(), Duration::from_secs(u64::from(secs) + 1));
    }
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

    let sign_in = Action::new_local(move |req: &PasswordSignInRequest| sign_in_with_password(req.clone()));
    let second =
        Action::new_local(move |code: &String| complete_second_factor(SecondFactorRequest { code: code.clone() }));
    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok(PasswordSignIn::SignedIn { me })) => signed_in(me),
        Some(Ok(PasswordSignIn::SecondFactorSent { phone_masked })) => {
            error.set(None);
            factor_phone.set(Some(phone_masked));
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    Effect::new(move |_| match second.value().get() {
        Some(Ok(me)) => signed_in(me),
        Some(Err(e)) => error.set(Some(e)),
        None => {}
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
            error.set(Some(AppError::invalid("login", prefs.t().err_login_empty)));
        } else {
            sign_in
                .dispatch(PasswordSignInRequest { login: login.get_untracked(), password: password.get_untracked() });
        }
    };

    view! {
        <form on:submit=on_submit class="space-y-3" novalidate>
            <Show when=move || factor_phone.get().is_none()>
                <label class="block">
                    <span class="mb-1 block font-bold">{move || prefs.t().login_label}</span>
                    <input type="text" autocomplete="username" class=FIELD bind:value=login />
                </label>
                <label class="block">
                    <span class="mb-1 block font-bold">{move || prefs.t().password_label}</span>
                    <input type="password" autocomplete="current-password" class=FIELD bind:value=password />
                </label>
            </Show>
            {move || factor_phone.get().map(|phone| view! {
                <p role="status">{move || prefs.t().second_factor_prompt}" ("{phone.clone()}")"</p>
                <label class="block">
                    <span class="mb-1 block font-bold">{move || prefs.t().code_label}</span>
                    <input type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" class=FIELD bind:value=code />
                </label>
            })}
            {move || error.get().map(|error| view! { <ErrorNote error /> })}
            <button type="submit" class=PRIMARY disabled=move || sign_in.pending().get() || second.pending().get()>{move || prefs.t().sign_in_submit}</button>
        </form>
    }
}
