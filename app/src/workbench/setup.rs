//! 开通检查 on the workbench home of the district's staff: what the programme still lacks before
//! residents can be served, each with the page that fixes it.

use crate::api::calendar::GetSetupChecklist;
use crate::api::call;
use crate::model::{Empty, Missing, SetupChecklist};
use crate::ui::components::loaded;
use crate::ui::load::load;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// The list, or a line saying everything is set.
#[component]
pub fn SetupList() -> impl IntoView {
    let list = load(|| call::<GetSetupChecklist>(Empty {}));
    view! { {move || loaded(list.get(), |checklist| items(checklist).into_any())} }
}

fn items(c: SetupChecklist) -> impl IntoView {
    let t = use_prefs().desk();
    let complete = c.complete();
    let count = |template: &str, missing: &Missing| template.replace("{n}", &missing.count.to_string());
    let mut lines: Vec<(String, Vec<String>, Option<&'static str>)> = Vec::new();
    if c.communities == 0 {
        lines.push((t.setup_no_communities.to_owned(), Vec::new(), Some("/desk/places")));
    }
    if c.without_a_lawyer.count > 0 {
        lines.push((count(t.setup_without_a, &c.without_a_lawyer), c.without_a_lawyer.names, Some("/desk/team")));
    }
    if c.without_schedule.count > 0 {
        lines.push((
            count(t.setup_without_schedule, &c.without_schedule),
            c.without_schedule.names,
            Some("/desk/schedule"),
        ));
    }
    if c.lawyers_without_password.count > 0 {
        let line = count(t.setup_without_password, &c.lawyers_without_password);
        lines.push((line, c.lawyers_without_password.names, Some("/desk/lawyers")));
    }
    if c.calendar_days == 0 {
        lines.push((t.setup_no_calendar.replace("{year}", &c.year.to_string()), Vec::new(), Some("/desk/calendar")));
    }
    view! {
        <section class="mb-4 rounded-lg border border-line bg-surface p-3" aria-label=t.setup_title>
            <h2 class="mb-1 text-lg font-bold">{t.setup_title}</h2>
            {complete.then(|| view! { <p class="text-brand">{t.setup_ready}</p> })}
            <ul class="space-y-1">
                {lines.into_iter().map(|(line, names, href)| view! {
                    <li>
                        {match href {
                            Some(href) => view! { <a href=href class="font-bold text-brand underline">{line}</a> }.into_any(),
                            None => view! { <span class="font-bold">{line}</span> }.into_any(),
                        }}
                        {(!names.is_empty()).then(|| view! { <span class="text-sm text-muted">{format!("：{}", names.join("、"))}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
