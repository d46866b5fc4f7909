use crate::model::DutyPeriod;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// Duty periods as "周一 09:00–12:00", or a dash when there are none.
pub fn duty_hours(periods: Vec<DutyPeriod>) -> impl IntoView {
    let prefs = use_prefs();
    let none = periods.is_empty();
    view! {
        {none.then_some("—")}
        {periods.into_iter().map(|p| view! {
            <span class="mr-3 inline-block">{prefs.lang.get_untracked().weekday(p.weekday)}" "{p.start.clone()}"–"{p.end.clone()}</span>
        }).collect_view()}
    }
}
