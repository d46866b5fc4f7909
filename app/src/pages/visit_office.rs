//! `/agency/visits`: a notary office's home visits — those booked first, each with who to ring,
//! what came of it (once begun) or calling it off with a reason — and its weekly hours, edited as
//! rows (a blank row adds a period; clearing a row's start removes it).

use super::bits::{BUTTON, BUTTON_OUTLINE, FIELD, LABEL, PROBLEM};
use super::visits::card;
use crate::domain::VisitStatus;
use crate::i18n::{Lang, VisitTexts};
use crate::model::{VisitHours, VisitPeriod, VisitView};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// Blank rows offered under the office's periods.
const BLANK_ROWS: usize = 2;

/// The office's page at `now`; `problem` says why the last form was refused.
pub fn page(lang: Lang, visits: Vec<VisitView>, hours: VisitHours, now: i64, problem: Option<String>) -> AnyView {
    let t = VisitTexts::of(lang);
    view! {
        {page_title(t.title_office)}
        <p class="my-3"><a class="underline" href="/agency">{crate::i18n::ReferralTexts::of(lang).title_queue}</a></p>
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        {visits.is_empty().then(|| view! { <p class="my-3">{t.none_office}</p> })}
        <ul class="my-3 space-y-3">
            {visits.into_iter().map(|v| {
                let actions = actions(lang, &v, now);
                card(lang, v, actions)
            }).collect_view()}
        </ul>
        {hours_form(lang, hours)}
    }
    .into_any()
}

/// What the office can do with `v` now.
fn actions(lang: Lang, v: &VisitView, now: i64) -> Option<AnyView> {
    let t = VisitTexts::of(lang);
    if v.status != VisitStatus::Booked {
        return None;
    }
    let action = format!("/agency/visits/{}/finish", v.id);
    let reason = format!("reason-{}", v.id);
    let begun = v.start.0 <= now;
    Some(
        view! {
            {begun.then(|| view! {
                <div class="mt-3 flex flex-wrap gap-2">
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="status" value="done" />
                        <button class=BUTTON>{t.mark_done}</button>
                    </form>
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="status" value="no_show" />
                        <button class=BUTTON_OUTLINE>{t.mark_no_show}</button>
                    </form>
                </div>
            })}
            <form method="post" action=action class="mt-3">
                <input type="hidden" name="status" value="cancelled" />
                <label class=LABEL for=reason.clone()>{t.reason}</label>
                <input id=reason name="reason" class=FIELD maxlength="200" />
                <button class=format!("mt-2 {BUTTON_OUTLINE}")>{t.call_off}</button>
            </form>
        }
        .into_any(),
    )
}

/// The weekly hours as rows of fields, with blank rows to add.
fn hours_form(lang: Lang, hours: VisitHours) -> AnyView {
    let t = VisitTexts::of(lang);
    let blank = VisitPeriod { weekday: 1, start: String::new(), end: String::new(), slot_minutes: 90, seats: 1 };
    let rows = hours.periods.into_iter().chain(std::iter::repeat_n(blank, BLANK_ROWS)).enumerate();
    view! {
        <form method="post" action="/agency/visits/hours" class="my-6">
            <h2 class="text-lg font-bold">{t.hours}</h2>
            <table class="my-3 w-full text-sm">
                <thead><tr>
                    <th scope="col">{t.weekday}</th><th scope="col">{t.start}</th><th scope="col">{t.end}</th>
                    <th scope="col">{t.minutes}</th><th scope="col">{t.seats}</th>
                </tr></thead>
                <tbody>
                    {rows.map(|(k, p)| view! {
                        <tr>
                            <td><select name="weekday" class=FIELD aria-label=format!("{} {}", t.weekday, k + 1)>
                                {(1..=7u8).map(|d| view! {
                                    <option value=d.to_string() selected=d == p.weekday>{lang.weekday(d)}</option>
                                }).collect_view()}
                            </select></td>
                            <td><input name="start" type="time" class=FIELD value=p.start aria-label=format!("{} {}", t.start, k + 1) /></td>
                            <td><input name="end" type="time" class=FIELD value=p.end aria-label=format!("{} {}", t.end, k + 1) /></td>
                            <td><input name="slot_minutes" type="number" min="30" max="240" class=FIELD value=p.slot_minutes.to_string()
                                aria-label=format!("{} {}", t.minutes, k + 1) /></td>
                            <td><input name="seats" type="number" min="1" max="10" class=FIELD value=p.seats.to_string()
                                aria-label=format!("{} {}", t.seats, k + 1) /></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <button class=BUTTON>{t.save_hours}</button>
        </form>
    }
    .into_any()
}
