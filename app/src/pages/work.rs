//! `/work`: the server's pages of the year's and special work, the one place the desk links to
//! for them — staff's praise and complaints, evaluation and emergency teams; a lawyer's own year
//! and emergency assignments.

use super::bits::CARD;
use crate::i18n::{IncidentTexts, Lang};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// The hub with `links`, each an address and what it is.
pub fn hub(lang: Lang, links: Vec<(&'static str, &'static str)>) -> AnyView {
    view! {
        {page_title(IncidentTexts::of(lang).hub_title)}
        <ul class="my-3 space-y-3">
            {links.into_iter().map(|(href, label)| view! {
                <li class=CARD><a href=href class="block font-bold text-brand underline">{label}</a></li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
