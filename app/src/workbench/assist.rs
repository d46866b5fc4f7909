//! 代办: a lawyer, assistant or staff member books a consultation or asks a question for a
//! resident who came in or phoned, in a community they serve, with the resident's consent (at the
//! desk, on the phone, or a code texted to them and read back). The resident finds it in 我的.

use super::log::{BUTTON, FIELD};
use crate::api::assisted::{AskForResident, BookForResident, SendConsentCode};
use crate::api::booking::GetAvailability;
use crate::api::call;
use crate::api::desk::ListDeskCommunities;
use crate::domain::{Channel, Topic};
use crate::error::AppError;
use crate::model::{
    AskRequest, AssistedBooking, AssistedQuestion, AvailabilityRequest, BookRequest, CommunitySummary, Consent,
    ConsentCodeRequest, Empty, ForResident, FreeSlot,
};
use crate::ui::components::{error_note, loaded, page_title};
use crate::ui::load::load;
use crate::ui::platform;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

const OUTLINE: &str = "min-h-11 rounded-lg border-2 border-brand px-3 font-bold text-brand";

/// The resident being helped, as the form holds them.
#[derive(Clone, Copy)]
struct Resident {
    phone: RwSignal<String>,
    consent: RwSignal<Consent>,
    code: RwSignal<String>,
}

impl Resident {
    fn get(self) -> ForResident {
        ForResident {
            phone: self.phone.get_untracked(),
            consent: self.consent.get_untracked(),
            code: self.code.get_untracked(),
        }
    }
}

/// The page: the resident and their consent, the community, then booking or asking.
#[component]
pub fn AssistPage() -> impl IntoView {
    let a = use_prefs().assist();
    let communities = load(|| call::<ListDeskCommunities>(Empty {}));
    view! {
        {page_title(a.title)}
        <p class="mb-3 text-sm text-muted">{a.hint}</p>
        {move || loaded(communities.get(), |list| view! { <AssistForm communities=list /> }.into_any())}
    }
}

#[component]
fn AssistForm(communities: Vec<CommunitySummary>) -> impl IntoView {
    let a = use_prefs().assist();
    let who = Resident {
        phone: RwSignal::new(String::new()),
        consent: RwSignal::new(Consent::Desk),
        code: RwSignal::new(String::new()),
    };
    let community = RwSignal::new(communities.first().map(|c| c.id).unwrap_or_default());
    let asking = RwSignal::new(false);
    let send = Submit::new(move |phone: &String| call::<SendConsentCode>(ConsentCodeRequest { phone: phone.clone() }));
    let ways = [(Consent::Desk, a.consent_desk), (Consent::Phone, a.consent_phone), (Consent::Code, a.consent_code)];
    view! {
        <section class="mb-3 space-y-2 rounded-lg border border-line bg-surface p-3">
            <label for="assist-phone" class="block font-bold">{a.phone}</label>
            <input id="assist-phone" type="tel" inputmode="numeric" autocomplete="off" class=FIELD bind:value=who.phone />
            <fieldset>
                <legend class="font-bold">{a.consent}</legend>
                {ways.map(|(way, label)| view! {
                    <label class="flex min-h-11 items-center gap-2">
                        <input type="radio" name="consent" checked=move || who.consent.get() == way on:change=move |_| who.consent.set(way) />{label}
                    </label>
                }).collect_view()}
            </fieldset>
            <Show when=move || who.consent.get() == Consent::Code>
                <button type="button" class=OUTLINE on:click=move |_| send.dispatch(who.phone.get_untracked())>{a.send_code}</button>
                {move || send.value().get().map(|sent| match sent {
                    Ok(sent) => view! { <p role="status">{format!("{}{}", a.code_sent, sent.phone_masked)}</p> }.into_any(),
                    Err(error) => error_note(error).into_any(),
                })}
                <label for="assist-code" class="block">{a.code}</label>
                <input id="assist-code" inputmode="numeric" autocomplete="off" maxlength="6" class=FIELD bind:value=who.code />
            </Show>
            <label for="assist-community" class="block font-bold">{a.community}</label>
            <select id="assist-community" class=FIELD on:change=move |ev| { if let Ok(id) = event_target_value(&ev).parse() { community.set(id) } }>
                {communities.into_iter().map(|c| view! { <option value=c.id.to_string()>{c.street_name}{c.name}</option> }).collect_view()}
            </select>
            <div role="group" class="flex gap-2">
                <button type="button" class=OUTLINE class=("bg-brand-soft", move || !asking.get()) aria-pressed=move || (!asking.get()).to_string() on:click=move |_| asking.set(false)>{a.book}</button>
                <button type="button" class=OUTLINE class=("bg-brand-soft", move || asking.get()) aria-pressed=move || asking.get().to_string() on:click=move |_| asking.set(true)>{a.ask}</button>
            </div>
        </section>
        {move || {
            let community_id = community.get();
            if asking.get() { view! { <AskFor community_id who /> }.into_any() } else { view! { <BookFor community_id who /> }.into_any() }
        }}
    }
}

/// The community's free times, and a booking of one for the resident.
#[component]
fn BookFor(community_id: i64, who: Resident) -> impl IntoView {
    let a = use_prefs().assist();
    let availability = load(move || call::<GetAvailability>(AvailabilityRequest { community_id }));
    view! {
        {move || loaded(availability.get(), move |availability| {
            let slots: Vec<FreeSlot> = availability.days.into_iter().flat_map(|d| d.slots).filter(|s| s.seats_left > 0).collect();
            if slots.is_empty() {
                return view! { <p class="text-muted">{a.no_slots}</p> }.into_any();
            }
            view! { <BookingFields community_id who slots /> }.into_any()
        })}
    }
}

#[component]
fn BookingFields(community_id: i64, who: Resident, slots: Vec<FreeSlot>) -> impl IntoView {
    let prefs = use_prefs();
    let (a, t) = (prefs.assist(), prefs.t());
    let first = |s: &FreeSlot| s.channels.first().copied().unwrap_or(Channel::InPerson);
    let channel = RwSignal::new(slots.first().map_or(Channel::InPerson, first));
    let slots = StoredValue::new(slots);
    let chosen = RwSignal::new(0usize);
    let topic = RwSignal::new(Topic::Other);
    let description = RwSignal::new(String::new());
    let slot = move || slots.with_value(|all| all.get(chosen.get()).cloned());
    let submit = Submit::new(move |(): &()| {
        let start = slot().map_or(crate::time::Instant(0), |s| s.start);
        let booking = BookRequest {
            community_id,
            slot_start: start,
            channel: channel.get_untracked(),
            topic: topic.get_untracked(),
            description: description.get_untracked(),
        };
        call::<BookForResident>(AssistedBooking { resident: who.get(), booking })
    });
    view! {
        <form class="space-y-2 rounded-lg border border-line bg-surface p-3" novalidate on:submit=move |ev| { ev.prevent_default(); submit.dispatch(()); }>
            <label for="assist-slot" class="block font-bold">{a.slot}</label>
            <select id="assist-slot" class=FIELD on:change=move |ev| {
                if let Ok(k) = event_target_value(&ev).parse::<usize>() {
                    chosen.set(k);
                    // A time offers its own ways to consult: start on its first.
                    if let Some(s) = slots.with_value(|all| all.get(k).cloned()) { channel.set(first(&s)) }
                }
            }>
                {slots.get_value().into_iter().enumerate().map(|(k, s)| view! { <option value=k.to_string()>{s.start.format_shanghai()}</option> }).collect_view()}
            </select>
            <label for="assist-channel" class="block font-bold">{t.book_channel}</label>
            <select id="assist-channel" class=FIELD on:change=move |ev| { if let Some(c) = Channel::from_db(&event_target_value(&ev)) { channel.set(c) } }>
                {move || slot().map(|s| s.channels).unwrap_or_default().into_iter().map(|c| view! {
                    <option value=c.as_str() selected=move || channel.get() == c>{c.label(t)}</option>
                }).collect_view()}
            </select>
            {topic_select(topic)}
            <label for="assist-description" class="block font-bold">{t.book_description}</label>
            <textarea id="assist-description" rows="3" maxlength="500" class="w-full rounded-lg border border-line p-2" bind:value=description></textarea>
            {move || submit.value().get().map(|answer| match answer {
                Ok(b) => view! { <p role="status" class="font-bold text-brand">{format!("{}{} · {}", a.booked, b.code, b.start.format_shanghai())}</p> }.into_any(),
                Err(error) => error_note(error).into_any(),
            })}
            <button type="submit" class=BUTTON disabled=move || submit.pending().get()>{a.book}</button>
        </form>
    }
}

/// A question for the resident, to the community's lawyers.
#[component]
fn AskFor(community_id: i64, who: Resident) -> impl IntoView {
    let a = use_prefs().assist();
    // One key per question: sending it again after a dropped connection asks once.
    let key = StoredValue::new(platform::new_key());
    let (topic, title, body, told) =
        (RwSignal::new(Topic::Other), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(false));
    let submit = Submit::new(move |(): &()| {
        let question = AskRequest {
            client_key: key.get_value(),
            community_id: Some(community_id),
            category: topic.get_untracked(),
            title: title.get_untracked(),
            body: body.get_untracked(),
            attachments: Vec::new(),
            consent: told.get_untracked(),
            may_publish: false,
            special_group: None,
        };
        call::<AskForResident>(AssistedQuestion { resident: who.get(), question })
    });
    view! {
        <form class="space-y-2 rounded-lg border border-line bg-surface p-3" novalidate on:submit=move |ev| { ev.prevent_default(); submit.dispatch(()); }>
            {topic_select(topic)}
            <label for="assist-title" class="block font-bold">{a.question_title}</label>
            <input id="assist-title" maxlength="100" class=FIELD bind:value=title />
            <label for="assist-body" class="block font-bold">{a.question_body}</label>
            <textarea id="assist-body" rows="5" maxlength="3000" class="w-full rounded-lg border border-line p-2" bind:value=body></textarea>
            <label class="flex min-h-11 items-center gap-2"><input type="checkbox" bind:checked=told />{a.told}</label>
            {move || submit.value().get().map(|answer: Result<_, AppError>| match answer {
                Ok(_) => view! { <p role="status" class="font-bold text-brand">{a.asked}</p> }.into_any(),
                Err(error) => error_note(error).into_any(),
            })}
            <button type="submit" class=BUTTON disabled=move || submit.pending().get()>{a.ask}</button>
        </form>
    }
}

/// The topic of a booking or question.
fn topic_select(topic: RwSignal<Topic>) -> impl IntoView {
    let t = use_prefs().t();
    view! {
        <label for="assist-topic" class="block font-bold">{t.book_topic}</label>
        <select id="assist-topic" class=FIELD on:change=move |ev| { if let Some(c) = Topic::from_db(&event_target_value(&ev)) { topic.set(c) } }>
            {Topic::ALL.iter().map(|c| view! { <option value=c.as_str() selected=move || topic.get() == *c>{c.label(t)}</option> }).collect_view()}
        </select>
    }
}
