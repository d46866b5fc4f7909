//! 预约规则: the booking rules the district sets for every community, and a community's own in
//! place of them. The district's staff set the district's; every staff member their
//! communities'.

use super::log::{BUTTON, FIELD};
use crate::api::calendar::{ClearBookingRules, GetBookingRules, SaveBookingRules};
use crate::api::call;
use crate::api::desk::ListDeskCommunities;
use crate::domain::BookingRules;
use crate::i18n::SetupTexts;
use crate::model::{BookingRulesEdit, BookingRulesView, CommunityRequest, Empty};
use crate::ui::components::{error_note, loaded, page_title};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left";

/// The page: the rules in force, and a form for the district's or a community's.
#[component]
pub fn RulesPage() -> impl IntoView {
    let t = use_prefs().setup();
    let session = use_session();
    let district = move || session.me.get().is_some_and(|me| me.street_id.is_none());
    let version = RwSignal::new(0u32);
    let rules = load(move || {
        version.track();
        call::<GetBookingRules>(Empty {})
    });
    let communities = load(|| call::<ListDeskCommunities>(Empty {}));
    // The scope the form sets: none for the district.
    let chosen = RwSignal::new(None::<i64>);
    let changed = move || version.update(|v| *v += 1);
    view! {
        {page_title(t.nav_rules)}
        <p class="mb-3 text-sm text-muted">{t.rules_hint}</p>
        {move || loaded(rules.get(), move |view| rules_table(view, changed).into_any())}
        <label for="rules-scope" class="mt-4 block font-bold">{t.rules_scope}</label>
        {move || loaded(communities.get(), move |list| view! {
            <select id="rules-scope" class=FIELD on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                {district().then(|| view! { <option value="">{t.rules_district}</option> })}
                {(!district()).then(|| view! { <option value="">"—"</option> })}
                {list.into_iter().map(|c| view! { <option value=c.id.to_string()>{format!("{} {}", c.street_name, c.name)}</option> }).collect_view()}
            </select>
        }.into_any())}
        {move || {
            let view = rules.get().and_then(Result::ok)?;
            let scope = chosen.get();
            if scope.is_none() && !district() {
                return None;
            }
            let own = scope.and_then(|id| view.communities.iter().find(|c| c.community_id == id).map(|c| c.rules));
            Some(rules_form(scope, own.unwrap_or(view.district), changed))
        }}
    }
}

/// The six rules of a set, as the table shows them.
fn cells(rules: &BookingRules) -> [i64; 6] {
    [
        rules.min_notice_minutes,
        rules.window_days,
        rules.max_live_bookings,
        rules.change_cutoff_minutes,
        rules.first_reminder_minutes,
        rules.second_reminder_minutes,
    ]
}

/// The six rules' names, in the order of [`cells`].
fn labels(t: &'static SetupTexts) -> [&'static str; 6] {
    [
        t.rules_min_notice,
        t.rules_window,
        t.rules_max_live,
        t.rules_cutoff,
        t.rules_first_reminder,
        t.rules_second_reminder,
    ]
}

/// The district's rules, then each community's own with a way back to the district's.
fn rules_table(view: BookingRulesView, changed: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let t = use_prefs().setup();
    let clear = Submit::new(move |id: &i64| call::<ClearBookingRules>(CommunityRequest { community_id: *id })).then(
        move |answer| {
            if answer.is_ok() {
                changed()
            }
        },
    );
    let heads = std::iter::once(t.rules_scope).chain(labels(t));
    let row = |name: String, rules: &BookingRules| {
        view! {
            <td class=CELL>{name}</td>
            {cells(rules).into_iter().map(|n| view! { <td class=CELL>{n}</td> }).collect_view()}
        }
    };
    view! {
        <div class="overflow-x-auto">
            <table class="mb-3 w-full text-sm">
                <thead><tr>{heads.into_iter().map(|h| view! { <th class=CELL>{h}</th> }).collect_view()}<th class=CELL><span class="sr-only">{t.rules_clear}</span></th></tr></thead>
                <tbody>
                    <tr>{row(t.rules_district.to_owned(), &view.district)}<td class=CELL></td></tr>
                    {view.communities.into_iter().map(|c| {
                        let id = c.community_id;
                        view! {
                            <tr>
                                {row(format!("{} {}", c.street_name, c.community_name), &c.rules)}
                                <td class=CELL>
                                    <button class="min-h-11 rounded-lg border-2 border-line px-3" on:click=move |_| clear.dispatch(id)>{t.rules_clear}</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {move || clear.value().get().and_then(Result::err).map(error_note)}
    }
}

/// The form for one scope, filled with the rules it follows now.
fn rules_form(
    community_id: Option<i64>,
    current: BookingRules,
    changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_prefs().setup();
    let values = cells(&current).map(|n| RwSignal::new(n.to_string()));
    let save = Submit::new(move |(): &()| {
        // A number that does not read is sent as -1, which the server refuses by its field.
        let n = |i: usize| values[i].get_untracked().trim().parse::<i64>().unwrap_or(-1);
        let rules = BookingRules {
            min_notice_minutes: n(0),
            window_days: n(1),
            max_live_bookings: n(2),
            change_cutoff_minutes: n(3),
            first_reminder_minutes: n(4),
            second_reminder_minutes: n(5),
        };
        call::<SaveBookingRules>(BookingRulesEdit { community_id, rules })
    })
    .then(move |answer| {
        if answer.is_ok() {
            changed()
        }
    });
    view! {
        <section class="mt-2 space-y-2 rounded-lg border border-line bg-surface p-3">
            {labels(t).into_iter().zip(values).enumerate().map(|(i, (label, value))| {
                let id = format!("rule-{i}");
                view! {
                    <label for=id.clone() class="block">{label}</label>
                    <input id=id type="number" inputmode="numeric" class=FIELD bind:value=value />
                }
            }).collect_view()}
            <button class=BUTTON on:click=move |_| save.dispatch(()) disabled=move || save.pending().get()>{t.rules_save}</button>
            {move || save.value().get().map(|answer| match answer {
                Ok(_) => view! { <p role="status">{t.rules_saved}</p> }.into_any(),
                Err(error) => error_note(error).into_any(),
            })}
        </section>
    }
}
