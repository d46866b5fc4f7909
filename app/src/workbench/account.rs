use crate::api::account::SetLanguage;
use crate::api::auth::SignOut;
use crate::api::call;
use crate::i18n::Lang;
use crate::model::{Empty, Me, SetLanguageRequest};
use crate::ui::router::use_location;
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// Who is signed in, the language switch and sign-out, in one line above the desk.
#[component]
pub fn AccountBar(me: Me) -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let location = use_location();
    let leave = Submit::new(|_: &()| call::<SignOut>(Empty {}));
    leave.then(move |answer| {
        if answer.is_ok() {
            session.me.set(None);
            location.navigate("/desk/sign-in", false);
        }
    });
    let other = move || if prefs.lang.get() == Lang::Zh { Lang::En } else { Lang::Zh };
    let switch = move |_| {
        let lang = other();
        prefs.lang.set(lang);
        // The device keeps the choice even if the account cannot be updated now.
        leptos::task::spawn_local(async move {
            let _ = call::<SetLanguage>(SetLanguageRequest { lang }).await;
        });
    };
    view! {
        <div class="mb-4 flex flex-wrap items-center gap-2">
            <p class="flex-1">{prefs.t().me_signed_in_as}" "<strong>{me.display_name.clone()}</strong></p>
            <button class="min-h-11 rounded-lg border-2 border-line px-3" on:click=switch>
                {move || if other() == Lang::En { "English" } else { "中文" }}
            </button>
            <button class="min-h-11 rounded-lg border-2 border-line px-3 font-bold" on:click=move |_| { leave.dispatch(()); }>
                {prefs.t().me_sign_out}
            </button>
        </div>
    }
}
