use crate::ui::use_prefs;
use leptos::prelude::*;

/// A tab whose feature has not opened yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soon {
    /// 咨询.
    Questions,
    /// 资料.
    Library,
}

/// Says plainly that a feature is not open yet, and what to do meanwhile.
#[component]
pub fn SoonPage(what: Soon) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.t();
    let text = match what {
        Soon::Questions => t.soon_questions,
        Soon::Library => t.soon_library,
    };
    view! {
        <h1 class="mb-2 text-2xl font-bold">{prefs.t().soon_title}</h1>
        <p class="mb-4">{text}</p>
        <a href="/" class="flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{prefs.t().home_my_community}</a>
    }
}
