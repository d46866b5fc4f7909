//! 排班: staff plan each community's weekly duty — the periods in force with the days they
//! apply, a period ended from a day on, a new period previewed for four weeks before it is saved,
//! closed days, and the bookings no duty covers any more, settled ([`super::closures`]).

use super::closures::{uncovered_list, ClosedDayForm};
use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::desk::{AddDutyPeriod, EndDutyPeriod, GetDutyPlan, ListDeskCommunities, PreviewDuty};
use crate::api::staff::GetAssignments;
use crate::domain::Channel;
use crate::model::{AddDutyRequest, CommunityRequest, DutyPeriod, DutyPlan, DutyPreview, Empty, EndDutyRequest};
use crate::ui::components::{error_note, loaded, page_title};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left";

/// The page: a community chosen, its plan, and the form.
#[component]
pub fn SchedulePage() -> impl IntoView {
    let t = use_prefs().desk();
    let communities = load(|| call::<ListDeskCommunities>(Empty {}));
    // The community chosen, with its street.
    let chosen = RwSignal::new(None::<(i64, i64)>);
    view! {
        {page_title(t.nav_schedule)}
        <p class="mb-3 text-sm text-muted">{t.schedule_hint}</p>
        <label for="schedule-community" class="block font-bold">{t.schedule_community}</label>
        {move || loaded(communities.get(), move |list| view! {
            <select id="schedule-community" class=FIELD on:change=move |ev| {
                let id: Option<i64> = event_target_value(&ev).parse().ok();
                chosen.set(id.and_then(|id| list.iter().find(|c| c.id == id)).map(|c| (c.id, c.street_id)));
            }>
                <option value="">{t.schedule_choose}</option>
                {list.iter().map(|c| view! { <option value=c.id.to_string()>{format!("{} {}", c.street_name, c.name)}</option> }).collect_view()}
            </select>
        }.into_any())}
        {move || chosen.get().map(|(id, street_id)| view! { <CommunityPlan community_id=id street_id /> })}
    }
}

/// One community's plan and form.
#[component]
fn CommunityPlan(community_id: i64, street_id: i64) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let plan = load(move || {
        version.track();
        call::<GetDutyPlan>(CommunityRequest { community_id })
    });
    let changed = move || version.update(|v| *v += 1);
    view! {
        {move || loaded(plan.get(), move |plan| {
            let uncovered = plan.uncovered.clone();
            view! {
                {periods_table(plan, changed)}
                {(!uncovered.is_empty()).then(|| uncovered_list(community_id, uncovered, changed))}
            }.into_any()
        })}
        <PeriodForm community_id changed />
        <ClosedDayForm community_id street_id changed />
    }
}

/// The periods in force, each with a last day to end it on.
fn periods_table(plan: DutyPlan, changed: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let lang = prefs.lang.get_untracked();
    let community_id = plan.community_id;
    let end = Submit::new(move |(period_id, last_day): &(i64, String)| {
        call::<EndDutyPeriod>(EndDutyRequest { community_id, period_id: *period_id, last_day: last_day.clone() })
    })
    .then(move |answer| {
        if answer.is_ok() {
            changed();
        }
    });
    if plan.periods.is_empty() {
        return view! { <p class="my-3 text-muted">{t.schedule_none}</p> }.into_any();
    }
    view! {
        <table class="my-3 w-full text-sm">
            <thead><tr>
                <th class=CELL>{t.schedule_when}</th><th class=CELL>{t.schedule_slot}</th><th class=CELL>{t.schedule_lawyer}</th>
                <th class=CELL>{t.schedule_valid}</th><th class=CELL>{t.schedule_end_on}</th>
            </tr></thead>
            <tbody>
                {plan.periods.into_iter().map(|p| {
                    let last = RwSignal::new(String::new());
                    let id = p.period.id;
                    let valid = match &p.valid_until {
                        Some(until) => format!("{} – {until}", p.valid_from),
                        None => format!("{} {}", p.valid_from, t.schedule_from_on),
                    };
                    view! {
                        <tr>
                            <td class=CELL>{format!("{} {}–{}", lang.weekday(p.period.weekday), p.period.start, p.period.end)}</td>
                            <td class=CELL>{format!("{}′ ×{}", p.period.slot_minutes, p.period.seats)}</td>
                            <td class=CELL>{p.lawyer_name}</td>
                            <td class=CELL>{valid}</td>
                            <td class=CELL>
                                <input type="date" class=FIELD aria-label=format!("{} {}", t.schedule_end_on, id) bind:value=last />
                                <button class="min-h-11 rounded-lg border-2 border-line px-3" on:click=move |_| end.dispatch((id, last.get_untracked()))>{t.schedule_end}</button>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {move || end.value().get().and_then(Result::err).map(error_note)}
    }
    .into_any()
}

/// A new period's fields, as the form holds them.
#[derive(Clone, Copy)]
struct Draft {
    lawyer: RwSignal<i64>,
    weekday: RwSignal<u8>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    slot: RwSignal<u32>,
    seats: RwSignal<u32>,
    phone: RwSignal<bool>,
    instant: RwSignal<bool>,
    from: RwSignal<String>,
    until: RwSignal<String>,
}

impl Draft {
    /// Monday 09:00–12:00, half-hour slots of two seats, in person or by phone, from today.
    fn new() -> Draft {
        Draft {
            lawyer: RwSignal::new(0),
            weekday: RwSignal::new(1),
            start: RwSignal::new("09:00".to_owned()),
            end: RwSignal::new("12:00".to_owned()),
            slot: RwSignal::new(30),
            seats: RwSignal::new(2),
            phone: RwSignal::new(true),
            instant: RwSignal::new(false),
            from: RwSignal::new(String::new()),
            until: RwSignal::new(String::new()),
        }
    }

    fn request(self, community_id: i64) -> AddDutyRequest {
        let mut channels = vec![Channel::InPerson];
        if self.phone.get_untracked() {
            channels.push(Channel::Phone);
        }
        let period = DutyPeriod {
            id: 0,
            lawyer_id: self.lawyer.get_untracked(),
            weekday: self.weekday.get_untracked(),
            start: self.start.get_untracked(),
            end: self.end.get_untracked(),
            slot_minutes: self.slot.get_untracked(),
            seats: self.seats.get_untracked(),
            channels,
            instant: self.instant.get_untracked(),
        };
        let day = |s: RwSignal<String>| Some(s.get_untracked()).filter(|d| !d.is_empty());
        AddDutyRequest { community_id, period, valid_from: day(self.from), valid_until: day(self.until) }
    }
}

/// The form of a new weekly period: preview, then save.
#[component]
fn PeriodForm(community_id: i64, changed: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let t = use_prefs().desk();
    let team = load(move || call::<GetAssignments>(CommunityRequest { community_id }));
    let draft = Draft::new();
    let preview = Submit::new(move |(): &()| call::<PreviewDuty>(draft.request(community_id)));
    let save = Submit::new(move |(): &()| call::<AddDutyPeriod>(draft.request(community_id))).then(move |answer| {
        if answer.is_ok() {
            changed()
        }
    });
    view! {
        <section class="mt-4 space-y-2 rounded-lg border border-line bg-surface p-3">
            <h2 class="text-lg font-bold">{t.schedule_add}</h2>
            <label for="duty-lawyer" class="block">{t.schedule_lawyer}</label>
            {move || loaded(team.get(), move |team| {
                let current: Vec<_> = team.history.into_iter().filter(|a| a.ends_on.is_none()).collect();
                if let Some(first) = current.first() {
                    draft.lawyer.set(first.lawyer_id);
                }
                view! {
                    <select id="duty-lawyer" class=FIELD on:change=move |ev| draft.lawyer.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {current.into_iter().map(|a| view! { <option value=a.lawyer_id.to_string()>{a.lawyer_name}</option> }).collect_view()}
                    </select>
                }.into_any()
            })}
            {fields(draft)}
            <p class="flex gap-2">
                <button class=BUTTON on:click=move |_| preview.dispatch(())>{t.schedule_preview}</button>
                <button class=BUTTON on:click=move |_| save.dispatch(())>{t.schedule_save}</button>
            </p>
            {move || save.value().get().map(|answer| match answer {
                Ok(_) => view! { <p role="status" class="font-bold text-brand">{t.schedule_saved}</p> }.into_any(),
                Err(error) => error_note(error).into_any(),
            })}
            {move || preview.value().get().map(|answer| match answer {
                Ok(preview) => preview_list(preview).into_any(),
                Err(error) => error_note(error).into_any(),
            })}
        </section>
    }
}

/// The period's fields but its lawyer.
fn fields(draft: Draft) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let lang = prefs.lang.get_untracked();
    let number =
        |signal: RwSignal<u32>| move |ev: leptos::ev::Event| signal.set(event_target_value(&ev).parse().unwrap_or(0));
    view! {
        <label for="duty-weekday" class="block">{t.schedule_weekday}</label>
        <select id="duty-weekday" class=FIELD on:change=move |ev| draft.weekday.set(event_target_value(&ev).parse().unwrap_or(1))>
            {(1..=7u8).map(|d| view! { <option value=d.to_string()>{lang.weekday(d)}</option> }).collect_view()}
        </select>
        <label for="duty-start" class="block">{t.schedule_start}</label>
        <input id="duty-start" type="time" class=FIELD bind:value=draft.start />
        <label for="duty-end" class="block">{t.schedule_end_time}</label>
        <input id="duty-end" type="time" class=FIELD bind:value=draft.end />
        <label for="duty-slot" class="block">{t.schedule_slot_minutes}</label>
        <input id="duty-slot" type="number" min="10" max="240" class=FIELD prop:value=move || draft.slot.get().to_string() on:change=number(draft.slot) />
        <label for="duty-seats" class="block">{t.schedule_seats}</label>
        <input id="duty-seats" type="number" min="1" max="20" class=FIELD prop:value=move || draft.seats.get().to_string() on:change=number(draft.seats) />
        <label class="flex min-h-11 items-center gap-2"><input type="checkbox" bind:checked=draft.phone />{prefs.t().channel_phone}</label>
        <label class="flex min-h-11 items-center gap-2"><input type="checkbox" bind:checked=draft.instant />{t.schedule_instant}</label>
        <label for="duty-from" class="block">{t.schedule_from}</label>
        <input id="duty-from" type="date" class=FIELD bind:value=draft.from />
        <label for="duty-until" class="block">{t.schedule_to}</label>
        <input id="duty-until" type="date" class=FIELD bind:value=draft.until />
    }
}

/// Four weeks of slots, day by day.
fn preview_list(preview: DutyPreview) -> impl IntoView {
    let prefs = use_prefs();
    let lang = prefs.lang.get_untracked();
    view! {
        <ul class="space-y-1 text-sm" aria-label=prefs.desk().schedule_preview>
            {preview.days.into_iter().map(|d| view! {
                <li><span class="font-bold">{format!("{} {} ", d.date, lang.weekday(d.weekday))}</span>{d.slots.join("  ")}</li>
            }).collect_view()}
        </ul>
    }
}
