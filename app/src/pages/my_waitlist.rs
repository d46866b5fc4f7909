//! `/me/waitlist`: the full slots the resident waits for, each with a way to leave it, and a
//! link to book when a seat was offered.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, META};
use crate::i18n::Lang;
use crate::model::WaitingPlace;
use crate::ui::components::page_title;
use leptos::prelude::*;

/// The page of `places`.
pub fn page(lang: Lang, places: Vec<WaitingPlace>) -> AnyView {
    let m = lang.messages();
    view! {
        {page_title(lang.texts().my_waitlist)}
        {places.is_empty().then(|| view! { <p class="my-3">{m.wl_none}</p> })}
        <ul class="my-3 space-y-3">
            {places.into_iter().map(|p| {
                let book = format!("/communities/{}/book?slot={}", p.community_id, p.slot_start.0);
                view! {
                    <li class=CARD>
                        <p class="font-bold">{p.slot_start.format_shanghai()}</p>
                        <p class=META>{p.community_name}</p>
                        {p.offered.then(|| view! { <p class="font-bold text-brand">{m.wl_offered}</p> })}
                        <div class="mt-2 flex flex-wrap gap-2">
                            {p.offered.then(|| view! { <a href=book class=BUTTON>{m.wl_book}</a> })}
                            <form method="post" action=format!("/me/waitlist/{}/leave", p.id)>
                                <button class=BUTTON_OUTLINE>{m.wl_leave}</button>
                            </form>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
