use crate::api::call;
use crate::api::staff::GetProgrammeOverview;
use crate::model::Empty;
use crate::ui::components::loaded;
use crate::ui::load::load;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// The programme's counts, each with its label, and the communities without an A lawyer.
#[component]
pub fn Coverage() -> impl IntoView {
    let prefs = use_prefs();
    let overview = load(|| call::<GetProgrammeOverview>(Empty {}));
    view! {
        <h2 class="mb-2 text-lg font-bold">{prefs.desk().nav_coverage}</h2>
        <a href="/desk/board" class="mb-2 inline-block text-brand underline">{prefs.desk().board_open}</a>
        {move || loaded(overview.get(), |o| {
            let gaps = o.without_a_lawyer;
            view! {
                <dl class="mb-3 grid grid-cols-3 gap-2">
                    <Figure label=prefs.desk().figure_streets value=o.streets />
                    <Figure label=prefs.desk().figure_communities value=o.communities />
                    <Figure label=prefs.desk().figure_active_lawyers value=o.active_lawyers />
                </dl>
                <p class="mb-1 font-bold">{prefs.desk().figure_without_a_lawyer}" "{gaps.len()}</p>
                <ul class="mb-4 flex flex-wrap gap-2 text-sm">
                    {gaps.into_iter().map(|c| view! {
                        <li class="rounded-full border border-danger px-3 py-1 text-danger">"⚠ "{c.street_name}{c.name}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

/// One labelled figure.
#[component]
fn Figure(label: &'static str, value: i64) -> impl IntoView {
    view! {
        <div class="rounded-lg border border-line bg-surface p-3">
            <dt class="text-sm text-muted">{label}</dt>
            <dd class="text-2xl font-bold">{value}</dd>
        </div>
    }
}
