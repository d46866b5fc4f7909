//! 节假日: the district calendar of a year — public holidays and 调休 make-up working days —
//! that booking and question deadlines read. Every staff member reads it; the district's staff
//! and administrators add, change and remove days, or import the whole year from a table.

use super::import::{importer, Checked};
use super::log::{BUTTON, FIELD};
use crate::api::calendar::{GetCalendar, ImportCalendar, RemoveCalendarDay, SaveCalendarDay};
use crate::api::call;
use crate::domain::DayKind;
use crate::model::{CalendarDay, CalendarImport, CalendarYear, DayRequest, YearRequest};
use crate::time::{Instant, LocalDate};
use crate::ui::components::{error_note, loaded, page_title};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::{platform, use_prefs, use_session};
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left";

/// The page: a year, its days, and for the district's staff the form and the import.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let session = use_session();
    let admin = move || session.me.get().is_some_and(|me| me.role.is_staff() && me.street_id.is_none());
    let year = RwSignal::new(Instant(platform::now_ms()).to_shanghai().0.year);
    let version = RwSignal::new(0u32);
    let calendar = load(move || {
        version.track();
        call::<GetCalendar>(YearRequest { year: year.get() })
    });
    let changed = move || version.update(|v| *v += 1);
    view! {
        {page_title(t.nav_calendar)}
        <p class="mb-3 text-sm text-muted">{t.calendar_hint}</p>
        <p class="mb-3 flex items-center gap-2">
            <button class="min-h-11 rounded-lg border-2 border-line px-3" aria-label="-1" on:click=move |_| year.update(|y| *y -= 1)>"‹"</button>
            <span class="font-bold">{t.calendar_year}" "{move || year.get()}</span>
            <button class="min-h-11 rounded-lg border-2 border-line px-3" aria-label="+1" on:click=move |_| year.update(|y| *y += 1)>"›"</button>
        </p>
        {move || loaded(calendar.get(), move |days| days_table(days, admin(), changed).into_any())}
        <Show when=admin>
            {day_form(changed)}
            <h2 class="mb-2 mt-6 text-lg font-bold">{t.calendar_import}</h2>
            {importer(
                t.calendar_import_hint,
                vec![t.calendar_date, t.calendar_kind, t.calendar_name, t.calendar_works_as],
                t.calendar_written,
                move |csv, workbook, write| async move {
                    let request = CalendarImport { year: year.get_untracked(), csv, workbook, write };
                    let report = call::<ImportCalendar>(request).await?;
                    if report.written {
                        changed();
                    }
                    let rows = report.rows.into_iter().map(|r| (r.line as usize, vec![r.date, r.kind, r.name, r.works_as], r.error));
                    Ok(Checked { written: report.written, rows: rows.collect() })
                },
            )}
        </Show>
    }
}

/// The year's days, each removable by the district's staff.
fn days_table(year: CalendarYear, admin: bool, changed: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let lang = prefs.lang.get_untracked();
    let remove = Submit::new(move |date: &String| call::<RemoveCalendarDay>(DayRequest { date: date.clone() })).then(
        move |answer| {
            if answer.is_ok() {
                changed()
            }
        },
    );
    if year.days.is_empty() {
        return view! { <p class="mb-3 text-muted">{t.calendar_none}</p> }.into_any();
    }
    view! {
        <table class="mb-3 w-full text-sm">
            <thead><tr>
                <th class=CELL>{t.calendar_date}</th>
                <th class=CELL>{t.calendar_kind}</th>
                <th class=CELL>{t.calendar_name}</th>
                <th class=CELL>{t.calendar_works_as}</th>
                {admin.then(|| view! { <th class=CELL></th> })}
            </tr></thead>
            <tbody>
                {year.days.into_iter().map(|day| {
                    let weekday = LocalDate::parse(&day.date).map(|d| lang.weekday(d.weekday())).unwrap_or("");
                    let kind = match day.kind { DayKind::Holiday => t.calendar_holiday, DayKind::Workday => t.calendar_workday };
                    let runs_as = day.works_as.map(|d| lang.weekday(d)).unwrap_or("");
                    let date = day.date.clone();
                    view! {
                        <tr>
                            <td class=CELL>{format!("{} {weekday}", day.date)}</td>
                            <td class=CELL>{kind}</td>
                            <td class=CELL>{day.name}</td>
                            <td class=CELL>{runs_as}</td>
                            {admin.then(|| view! {
                                <td class=CELL>
                                    <button class="min-h-11 rounded-lg border-2 border-line px-3" on:click=move |_| remove.dispatch(date.clone())>{t.calendar_remove}</button>
                                </td>
                            })}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {move || remove.value().get().and_then(Result::err).map(error_note)}
    }
    .into_any()
}

/// Adds a day, or changes the one on that date.
fn day_form(changed: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let lang = prefs.lang.get_untracked();
    let (date, kind, name, works_as) = (
        RwSignal::new(String::new()),
        RwSignal::new("holiday".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new(1u8),
    );
    let save = Submit::new(move |(): &()| {
        let kind = DayKind::from_db(&kind.get_untracked()).unwrap_or(DayKind::Holiday);
        let works_as = (kind == DayKind::Workday).then(|| works_as.get_untracked());
        call::<SaveCalendarDay>(CalendarDay { date: date.get_untracked(), kind, name: name.get_untracked(), works_as })
    })
    .then(move |answer| {
        if answer.is_ok() {
            changed()
        }
    });
    view! {
        <section class="space-y-2 rounded-lg border border-line bg-surface p-3">
            <label for="day-date" class="block">{t.calendar_date}</label>
            <input id="day-date" type="date" class=FIELD bind:value=date />
            <label for="day-kind" class="block">{t.calendar_kind}</label>
            <select id="day-kind" class=FIELD on:change=move |ev| kind.set(event_target_value(&ev))>
                <option value="holiday">{t.calendar_holiday}</option>
                <option value="workday">{t.calendar_workday}</option>
            </select>
            <label for="day-name" class="block">{t.calendar_name}</label>
            <input id="day-name" class=FIELD maxlength="20" bind:value=name />
            <Show when=move || kind.get() == "workday">
                <label for="day-works-as" class="block">{t.calendar_works_as}</label>
                <select id="day-works-as" class=FIELD on:change=move |ev| works_as.set(event_target_value(&ev).parse().unwrap_or(1))>
                    {(1..=5u8).map(|d| view! { <option value=d.to_string()>{lang.weekday(d)}</option> }).collect_view()}
                </select>
            </Show>
            <button class=BUTTON on:click=move |_| save.dispatch(()) disabled=move || save.pending().get()>{t.calendar_add}</button>
            {move || save.value().get().and_then(Result::err).map(error_note)}
        </section>
    }
}
