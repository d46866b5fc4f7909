//! Short pages: not found, a failure, a refusal, and the invitation to sign in.

use super::bits::{BUTTON, CARD};
use crate::i18n::Lang;
use crate::ui::components::{page_title, SignInLink};
use leptos::prelude::*;

/// Nothing here.
pub fn not_found(lang: Lang) -> AnyView {
    let m = lang.messages();
    view! {
        {page_title(m.page_not_found)}
        <p class="my-3"><a href="/" class="text-brand underline">{m.page_home}</a></p>
    }
    .into_any()
}

/// Something failed on the server, or the reader may not do this: `message` says which.
pub fn problem(lang: Lang, message: String) -> AnyView {
    view! {
        <p role="alert" class="my-3 rounded border border-danger bg-danger-soft p-3 text-danger">{message}</p>
        <p class="my-3"><a href="/" class="text-brand underline">{lang.messages().page_home}</a></p>
    }
    .into_any()
}

/// A page for residents, seen by someone who is not signed in as one: what it is, and a way
/// in that comes back here.
pub fn sign_in_first(lang: Lang, title: &'static str, note: Option<&'static str>) -> AnyView {
    view! {
        {page_title(title)}
        {note.map(|note| view! { <p class=format!("my-3 {CARD}")>{note}</p> })}
        <p class="my-3"><SignInLink class=BUTTON>{lang.messages().page_sign_in}</SignInLink></p>
    }
    .into_any()
}
