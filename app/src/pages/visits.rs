//! `/visits` and `/me/visits`: 家门口公证. The offices that visit residents at home; an office's
//! free times of the next fortnight and the form to book one (the fee rule shown); the
//! resident's own visits, each with a way to call it off while it is still to come.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META, PROBLEM};
use crate::domain::{VisitMatter, VisitStatus};
use crate::i18n::{Lang, VisitTexts};
use crate::model::{NotaryOffice, VisitSlots, VisitView};
use crate::time::Instant;
use crate::ui::components::{page_title, SignInLink};
use leptos::prelude::*;

/// What the booking page shows: the offices, the one chosen with its times, and why the last
/// form was refused.
pub struct Booking {
    pub offices: Vec<NotaryOffice>,
    pub chosen: Option<(i64, VisitSlots)>,
    pub problem: Option<String>,
    /// Who books: a resident for themselves, or a lawyer for the resident of a matter.
    pub by: Booker,
}

/// Who the form books for.
pub enum Booker {
    /// A visitor, or an account that books no visit: the times, and a way to sign in.
    Nobody,
    /// The resident reading.
    Resident,
    /// A lawyer or assistant, for the resident of `question_id` or `booking_id` (the field and
    /// its id), with the masked number a code was just sent to.
    Desk { source: (&'static str, i64), code_sent_to: Option<String> },
}

/// `/visits?office=`.
pub fn page(lang: Lang, booking: Booking) -> AnyView {
    let t = VisitTexts::of(lang);
    let Booking { offices, chosen, problem, by } = booking;
    let chosen_id = chosen.as_ref().map(|(id, _)| *id);
    let source = match &by {
        Booker::Desk { source: (field, id), .. } => format!("&{}={id}", field.trim_end_matches("_id")),
        _ => String::new(),
    };
    view! {
        {page_title(t.title)}
        <p class="my-3">{t.intro}</p>
        <p class=format!("my-3 {META}")>{t.fee_rule}</p>
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        <ul class="my-3 flex flex-wrap gap-2" aria-label=t.office>
            {offices.into_iter().map(|o| {
                let current = (chosen_id == Some(o.id)).then_some("page");
                let class = if current.is_some() { BUTTON } else { BUTTON_OUTLINE };
                let href = format!("/visits?office={}{source}", o.id);
                view! { <li><a class=class aria-current=current href=href>{o.name}</a></li> }
            }).collect_view()}
        </ul>
        {chosen.map(|(id, slots)| form(lang, id, slots, by))}
    }
    .into_any()
}

/// The chosen office's times and the booking form; at the desk, first the code to the resident.
fn form(lang: Lang, office: i64, slots: VisitSlots, by: Booker) -> AnyView {
    let t = VisitTexts::of(lang);
    if slots.slots.is_empty() {
        return view! { <p class="my-3">{t.none_slots}</p> }.into_any();
    }
    let times = slots.slots.into_iter().enumerate().map(|(k, s)| {
        let id = format!("slot-{k}");
        let text = format!("{}–{} · {} {}", s.start.format_shanghai(), hh_mm(s.end), t.seats_left, s.seats_left);
        view! {
            <li class="flex items-center gap-2">
                <input type="radio" name="start" id=id.clone() value=s.start.0.to_string() required=true />
                <label for=id>{text}</label>
            </li>
        }
    });
    let matters = VisitMatter::ALL.iter().map(|m| view! { <option value=m.as_str()>{matter(lang, *m)}</option> });
    let (desk, submit) = match by {
        Booker::Nobody => (None, view! { <SignInLink class=BUTTON>{lang.messages().page_sign_in}</SignInLink> }.into_any()),
        Booker::Resident => (None, view! { <button class=BUTTON>{t.book}</button> }.into_any()),
        Booker::Desk { source, code_sent_to } => (
            Some((source, code_sent_to)),
            view! {
                <input type="hidden" name=source.0 value=source.1.to_string() />
                <label class=LABEL for="visit-code">{t.consent_code}</label>
                <input id="visit-code" name="consent_code" class=FIELD inputmode="numeric" autocomplete="one-time-code" required=true />
                <button class=BUTTON>{t.book}</button>
            }
            .into_any(),
        ),
    };
    view! {
        {desk.map(|((field, id), sent)| view! {
            <form method="post" action="/visits/code" class=format!("my-3 {CARD}")>
                <input type="hidden" name="organisation_id" value=office.to_string() />
                <input type="hidden" name=field value=id.to_string() />
                <p>{t.desk_hint}</p>
                {sent.map(|to| view! { <p class="font-bold" role="status">{format!("{} {to}", t.code_sent)}</p> })}
                <button class=format!("mt-2 {BUTTON_OUTLINE}")>{t.send_code}</button>
            </form>
        })}
        <form method="post" action="/visits" class=format!("my-3 space-y-3 {CARD}")>
            <input type="hidden" name="organisation_id" value=office.to_string() />
            <fieldset>
                <legend class=LABEL>{format!("{} · {}", slots.office, t.time)}</legend>
                <ul class="space-y-2">{times.collect_view()}</ul>
            </fieldset>
            <label class=LABEL for="visit-matter">{t.matter}</label>
            <select id="visit-matter" name="matter" class=FIELD>{matters.collect_view()}</select>
            <label class=LABEL for="visit-address">{t.address}</label>
            <input id="visit-address" name="address" class=FIELD maxlength="200" required=true autocomplete="street-address" />
            <label class=LABEL for="visit-born">{t.birth_date}</label>
            <input id="visit-born" name="birth_date" type="date" class=FIELD required=true autocomplete="bday" />
            <label class=LABEL for="visit-note">{t.note}</label>
            <textarea id="visit-note" name="note" class=FIELD rows="2" maxlength="500"></textarea>
            {submit}
        </form>
    }
    .into_any()
}

/// The visit just booked at the desk.
pub fn booked(lang: Lang, visit: VisitView) -> AnyView {
    let t = VisitTexts::of(lang);
    view! {
        {page_title(t.booked)}
        <ul class="my-3">{card(lang, visit, None)}</ul>
    }
    .into_any()
}

/// `/me/visits`.
pub fn mine(lang: Lang, visits: Vec<VisitView>, now: i64) -> AnyView {
    let t = VisitTexts::of(lang);
    view! {
        {page_title(t.mine)}
        {visits.is_empty().then(|| view! { <p class="my-3">{t.none_mine}</p> })}
        <p class="my-3"><a class="underline" href="/visits">{t.title}</a></p>
        <ul class="my-3 space-y-3">
            {visits.into_iter().map(|v| {
                let open = v.status == VisitStatus::Booked && v.start.0 > now;
                let cancel = format!("/me/visits/{}/cancel", v.id);
                card(lang, v, open.then(|| view! {
                    <form method="post" action=cancel class="mt-2">
                        <button class=BUTTON_OUTLINE>{t.cancel}</button>
                    </form>
                }.into_any()))
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// A visit as a card, with `actions` under it.
pub fn card(lang: Lang, v: VisitView, actions: Option<AnyView>) -> AnyView {
    let t = VisitTexts::of(lang);
    let fee = if v.free { t.free } else { t.fee };
    view! {
        <li class=CARD>
            <p class="font-bold">{format!("{}–{} · {}", v.start.format_shanghai(), hh_mm(v.end), status(lang, v.status))}</p>
            <p>{format!("{} · {} · {}", v.office, matter(lang, v.matter), fee)}</p>
            {v.resident.map(|(name, phone)| view! { <p>{format!("{}：{name} · {}：{phone}", t.resident, t.phone)}</p> })}
            <p class=META>{format!("{}：{}", t.address, v.address)}</p>
            {(!v.note.is_empty()).then(|| view! { <p class=META>{v.note}</p> })}
            {(!v.reason.is_empty()).then(|| view! { <p>{format!("{}：{}", t.reason, v.reason)}</p> })}
            <p class=META>{format!("{}：{}", t.code, v.code)}</p>
            {actions}
        </li>
    }
    .into_any()
}

fn hh_mm(at: Instant) -> String {
    crate::time::format_hh_mm(at.to_shanghai().1)
}

/// A matter's name.
pub fn matter(lang: Lang, m: VisitMatter) -> &'static str {
    let t = VisitTexts::of(lang);
    match m {
        VisitMatter::Will => t.matter_will,
        VisitMatter::Inheritance => t.matter_inheritance,
        VisitMatter::PowerOfAttorney => t.matter_power_of_attorney,
    }
}

fn status(lang: Lang, s: VisitStatus) -> &'static str {
    let t = VisitTexts::of(lang);
    match s {
        VisitStatus::Booked => t.status_booked,
        VisitStatus::Done => t.status_done,
        VisitStatus::NoShow => t.status_no_show,
        VisitStatus::Cancelled => t.status_cancelled,
    }
}
