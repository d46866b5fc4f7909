//! The questions waiting for a lawyer, on the desk beside today's bookings: a lawyer at a
//! community office sees both on one screen.

use crate::api::call;
use crate::api::questions::QuestionQueue;
use crate::model::Empty;
use crate::ui::components::loaded;
use crate::ui::load::load;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// At most this many questions are listed here; the rest are on 在线咨询.
const SHOWN: usize = 5;

#[component]
pub fn WaitingQuestions() -> impl IntoView {
    let t = use_prefs().desk();
    let queue = load(|| call::<QuestionQueue>(Empty {}));
    view! {
        <section class="mb-4" aria-labelledby="waiting">
            <h2 id="waiting" class="mb-2 text-lg font-bold">{t.questions_title}</h2>
            {move || loaded(queue.get(), move |list| if list.is_empty() {
                view! { <p class="text-muted">{t.questions_none}</p> }.into_any()
            } else {
                let more = list.len() > SHOWN;
                view! {
                    <ul class="space-y-1">
                        {list.into_iter().take(SHOWN).map(|q| view! {
                            <li>
                                <a class="text-brand underline" href=format!("/desk/questions?id={}", q.id)>{q.title}</a>
                                <span class="text-sm text-muted">{format!(" · {}", q.community)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    {more.then(|| view! { <a class="text-sm text-brand underline" href="/desk/questions">{t.nav_questions}" ›"</a> })}
                }.into_any()
            })}
        </section>
    }
}
