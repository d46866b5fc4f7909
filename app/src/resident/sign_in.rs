use crate::api::auth::{SendSignInCode, SignInWithCode};
use crate::api::call;
use crate::domain::{OneTimeCode, PhoneNumber};
use crate::error::AppError;
use crate::model::{CodeSignInRequest, SendCodeRequest};
use crate::ui::components::{after_sign_in, error_note, page_title};
use crate::ui::router::{query_param, use_location};
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;
use std::time::Duration;

/// 登录: residents with a mobile number and an SMS code, then back to the page that asked
/// (`?next=`). Lawyers and staff sign in on the workbench.
#[component]
pub fn SignInPage() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        {page_title(prefs.t().sign_in_title)}
        <CodeForm />
        <p class="mt-3">{prefs.t().sign_in_consent}<a href="/privacy" rel="external" class="text-brand underline">{prefs.t().privacy_notice}</a></p>
        <a href="/desk/sign-in" rel="external" class="mt-6 flex min-h-12 items-center justify-center text-brand underline">{prefs.t().sign_in_staff}" ›"</a>
    }
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
    let session = use_session();
    let location = use_location();

    let send = Submit::new(move |phone: &String| call::<SendSignInCode>(SendCodeRequest { phone: phone.clone() }));
    let verify = Submit::new(move |req: &CodeSignInRequest| call::<SignInWithCode>(req.clone()));

    send.then(move |answer| match answer {
        Ok(sent) => {
            error.set(None);
            notice.set(Some(format!("{} {}", prefs.t().code_sent, sent.phone_masked)));
            start_countdown(wait, sent.resend_after_secs);
        }
        Err(e) => error.set(Some(e.clone())),
    });
    verify.then(move |answer| match answer {
        Ok(me) => {
            session.me.set(Some(me.clone()));
            let next = location.query.with_untracked(|q| query_param(q, "next"));
            location.navigate(&after_sign_in(next.as_deref(), "/"), false);
        }
        Err(e) => error.set(Some(e.clone())),
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
                <span class="mb-1 block font-bold">{prefs.t().phone_label}</span>
                <input type="tel" inputmode="numeric" autocomplete="tel" class=FIELD placeholder=prefs.t().phone_placeholder bind:value=phone />
            </label>
            <button type="button" class="min-h-12 w-full rounded-lg border-2 border-brand font-bold text-brand disabled:opacity-50"
                disabled=move || { wait.get() > 0 || send.pending().get() }
                on:click=move |_| request_code(&phone.get_untracked(), send, error)>
                {move || if wait.get() > 0 { format!("{}{}", wait.get(), prefs.t().resend_in) } else { prefs.t().send_code.to_owned() }}
            </button>
            {move || notice.get().map(|n| view! { <p role="status" class="text-brand">{n}</p> })}
            <label class="block">
                <span class="mb-1 block font-bold">{prefs.t().code_label}</span>
                <input type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" class=FIELD placeholder=prefs.t().code_placeholder bind:value=code />
            </label>
            {move || error.get().map(error_note)}
            <button type="submit" class=PRIMARY disabled=move || verify.pending().get()>{prefs.t().sign_in_submit}</button>
        </form>
    }
}

/// Sends a code to a valid number, or explains what is wrong with it.
fn request_code(input: &str, send: Submit<String, crate::model::CodeSent>, error: RwSignal<Option<AppError>>) {
    match PhoneNumber::parse(input) {
        Ok(p) => {
            send.dispatch(p.as_str().to_owned());
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
