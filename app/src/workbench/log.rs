//! 值班登记: a lawyer (or their assistant) checks in and out at a community office and records
//! each service, from a phone. A service being written is kept on the device until the server
//! has it, under a key that makes sending it twice record it once.

use crate::api::call;
use crate::api::desk::ListDeskCommunities;
use crate::api::duty::{CheckIn, CheckOut, GetDutyStatus, ListDutyLawyers, RecordService};
use crate::domain::{Need, ServiceCategory, SpecialGroup};
use crate::model::{
    CheckInRequest, CheckOutRequest, CommunitySummary, Empty, LawyerRef, LawyerRequest, Position, ServiceRecordRequest,
};
use crate::time::{format_hh_mm, Instant};
use crate::ui::components::{error_note, loaded, page_title};
use crate::ui::load::load;
use crate::ui::platform;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

pub(super) const FIELD: &str = "min-h-11 w-full rounded-lg border border-line bg-white px-2";
pub(super) const BUTTON: &str = "min-h-12 w-full rounded-lg bg-brand px-4 font-bold text-white disabled:opacity-50";

/// The page: who is being logged for, their duty, the service form, and their month.
#[component]
pub fn LogPage() -> impl IntoView {
    let prefs = use_prefs();
    let lawyers = load(|| call::<ListDutyLawyers>(Empty {}));
    view! {
        {page_title(prefs.desk().nav_log)}
        {move || loaded(lawyers.get(), |list| match list.first().map(|l| l.id) {
            Some(first) => view! { <ForLawyer lawyers=list first /> }.into_any(),
            None => view! { <p class="text-muted">{prefs.desk().nothing}</p> }.into_any(),
        })}
    }
}

#[component]
fn ForLawyer(lawyers: Vec<LawyerRef>, first: i64) -> impl IntoView {
    let prefs = use_prefs();
    let lawyer = RwSignal::new(first);
    let communities = load(|| call::<ListDeskCommunities>(Empty {}));
    let several = lawyers.len() > 1;
    view! {
        {several.then(|| view! {
            <label class="mb-3 block">{prefs.desk().log_for}
                <select class=FIELD on:change=move |ev| { if let Ok(id) = event_target_value(&ev).parse() { lawyer.set(id) } }>
                    {lawyers.into_iter().map(|l| view! { <option value=l.id.to_string()>{l.name}</option> }).collect_view()}
                </select>
            </label>
        })}
        {move || {
            let id = lawyer.get();
            loaded(communities.get(), move |list| view! {
                <CheckInCard lawyer_id=id communities=list.clone() />
                <ServiceForm lawyer_id=id communities=list />
                <a class="mt-4 block text-center text-brand underline" href=format!("/desk/month?lawyer={id}")>{prefs.desk().nav_month}</a>
            }.into_any())
        }}
    }
}

fn community_options(communities: &[CommunitySummary]) -> impl IntoView {
    communities
        .iter()
        .map(|c| view! { <option value=c.id.to_string()>{c.street_name.clone()}{c.name.clone()}</option> })
        .collect_view()
}

/// The duty in progress with its check-out, or the check-in.
#[component]
fn CheckInCard(lawyer_id: i64, communities: Vec<CommunitySummary>) -> impl IntoView {
    let prefs = use_prefs();
    let version = RwSignal::new(0u32);
    let status = load(move || {
        version.track();
        call::<GetDutyStatus>(LawyerRequest { lawyer_id })
    });
    let community = RwSignal::new(communities.first().map(|c| c.id).unwrap_or_default());
    let start = Submit::new(move |_: &()| async move {
        // Asked at the moment of checking in; refused or unavailable, the duty is still logged.
        let position = platform::current_position().await.map(|(latitude, longitude)| Position { latitude, longitude });
        call::<CheckIn>(CheckInRequest {
            lawyer_id,
            community_id: community.get_untracked(),
            position,
            reason: String::new(),
        })
        .await
    })
    .then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1);
        }
    });
    let end = Submit::new(move |_: &()| call::<CheckOut>(CheckOutRequest { lawyer_id })).then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1);
        }
    });
    let communities = StoredValue::new(communities);
    view! {
        <section class="mb-4 rounded-lg border border-line bg-surface p-3" aria-label=prefs.desk().check_in>
            {move || loaded(status.get(), move |on| match on.open {
                Some(duty) => view! {
                    <p class="font-bold" data-on-duty="yes">{prefs.desk().on_duty_at}{duty.community_name.clone()}" · "{format_hh_mm(duty.started_at.to_shanghai().1)}</p>
                    <p class="mb-2 text-sm">{if duty.verified {
                        prefs.desk().position_verified.to_owned()
                    } else {
                        format!("{}{}{}", prefs.desk().position_unverified, duty.reason, duty.distance_m.map(|m| format!(" ({m}{})", prefs.desk().metres)).unwrap_or_default())
                    }}</p>
                    <button class=BUTTON disabled=move || end.pending().get() on:click=move |_| end.dispatch(())>{prefs.desk().check_out}</button>
                }.into_any(),
                None => view! {
                    <label class="mb-2 block">{prefs.desk().record_community}
                        <select class=FIELD prop:value=move || community.get().to_string() on:change=move |ev| { if let Ok(id) = event_target_value(&ev).parse() { community.set(id) } }>
                            {communities.with_value(|list| community_options(list))}
                        </select>
                    </label>
                    <button class=BUTTON disabled=move || start.pending().get() on:click=move |_| start.dispatch(())>{prefs.desk().check_in}</button>
                }.into_any(),
            })}
            {move || start.value().get().and_then(Result::err).map(error_note)}
            {move || end.value().get().and_then(Result::err).map(error_note)}
        </section>
    }
}

/// Today in Shanghai, `YYYY-MM-DD`, by the device's clock.
fn today() -> String {
    Instant(platform::now_ms()).to_shanghai().0.to_string()
}

const DRAFT: &str = "draft.service";

fn fresh(lawyer_id: i64, community_id: i64) -> ServiceRecordRequest {
    ServiceRecordRequest {
        client_key: platform::new_key(),
        lawyer_id,
        community_id,
        category: ServiceCategory::Consultation,
        served_on: today(),
        people_served: 1,
        topic: String::new(),
        parties: String::new(),
        outcome: String::new(),
        summary: String::new(),
        special_group: None,
    }
}

/// Records a service. Every change is kept on the device; a sent record starts a new form.
#[component]
fn ServiceForm(lawyer_id: i64, communities: Vec<CommunitySummary>) -> impl IntoView {
    let prefs = use_prefs();
    let first = communities.first().map(|c| c.id).unwrap_or_default();
    let kept = platform::load_pref(DRAFT)
        .and_then(|text| serde_json::from_str::<ServiceRecordRequest>(&text).ok())
        .filter(|draft| draft.lawyer_id == lawyer_id);
    let form = RwSignal::new(kept.unwrap_or_else(|| fresh(lawyer_id, first)));
    Effect::new(move |_| {
        if let Ok(text) = serde_json::to_string(&form.get()) {
            platform::store_pref(DRAFT, &text);
        }
    });
    let send = Submit::new(move |_: &()| call::<RecordService>(form.get_untracked())).then(move |answer| {
        if answer.is_ok() {
            platform::remove_pref(DRAFT);
            let community = form.get_untracked().community_id;
            form.set(fresh(lawyer_id, community));
        }
    });
    let text = move |read: fn(&ServiceRecordRequest) -> &String, write: fn(&mut ServiceRecordRequest, String)| {
        (move || read(&form.read()).clone(), move |ev| form.update(|f| write(f, event_target_value(&ev))))
    };
    let (topic, set_topic) = text(|f| &f.topic, |f, v| f.topic = v);
    let (parties, set_parties) = text(|f| &f.parties, |f, v| f.parties = v);
    let (outcome, set_outcome) = text(|f| &f.outcome, |f, v| f.outcome = v);
    let (summary, set_summary) = text(|f| &f.summary, |f, v| f.summary = v);
    let (date, set_date) = text(|f| &f.served_on, |f, v| f.served_on = v);
    let category = move || form.read().category;
    // Only the details the chosen category records ([`ServiceCategory::details`]).
    let asks = move |k: usize| category().details()[k] != Need::Absent;
    view! {
        <form class="space-y-2 rounded-lg border border-line bg-surface p-3" novalidate
            on:submit=move |ev| { ev.prevent_default(); send.dispatch(()); }>
            <h2 class="text-lg font-bold">{prefs.desk().record_title}</h2>
            <label class="block">{prefs.desk().record_category}
                <select class=FIELD prop:value=move || category().as_str() on:change=move |ev| {
                    if let Some(c) = ServiceCategory::from_db(&event_target_value(&ev)) { form.update(|f| f.category = c) }
                }>
                    {ServiceCategory::ALL.iter().map(|c| view! { <option value=c.as_str()>{c.label(prefs.desk())}</option> }).collect_view()}
                </select>
            </label>
            <label class="block">{prefs.desk().record_community}
                <select class=FIELD prop:value=move || form.read().community_id.to_string() on:change=move |ev| {
                    if let Ok(id) = event_target_value(&ev).parse() { form.update(|f| f.community_id = id) }
                }>{community_options(&communities)}</select>
            </label>
            <label class="block">{prefs.desk().record_date}<input type="date" class=FIELD prop:value=date on:input=set_date /></label>
            <label class="block">{prefs.desk().record_people}
                <input type="number" inputmode="numeric" min="1" max="5000" class=FIELD prop:value=move || form.read().people_served.to_string()
                    on:input=move |ev| { let n = event_target_value(&ev).parse().unwrap_or(0); form.update(|f| f.people_served = n) } />
            </label>
            <Show when=move || asks(0)>
                <label class="block">{prefs.desk().record_topic}<input type="text" maxlength="200" class=FIELD prop:value=topic on:input=set_topic /></label>
            </Show>
            <Show when=move || asks(1)>
                <label class="block">{prefs.desk().record_parties}<input type="text" maxlength="200" class=FIELD prop:value=parties on:input=set_parties /></label>
            </Show>
            <Show when=move || asks(2)>
                <label class="block">{prefs.desk().record_outcome}<input type="text" maxlength="200" class=FIELD prop:value=outcome on:input=set_outcome /></label>
            </Show>
            {group_select(Box::new(move || form.read().special_group), Box::new(move |g| form.update(|f| f.special_group = g)))}
            <label class="block">{prefs.desk().record_summary}<textarea maxlength="2000" rows="3" class="w-full rounded-lg border border-line bg-white p-2" prop:value=summary on:input=set_summary></textarea></label>
            {move || match send.value().get() {
                Some(Ok(record)) => view! { <p role="status" class="text-brand">{prefs.desk().record_saved}{record.category.label(prefs.desk())}" · "{record.people_served}</p> }.into_any(),
                Some(Err(error)) if matches!(error.kind, crate::error::ErrorKind::Network | crate::error::ErrorKind::Internal | crate::error::ErrorKind::Unavailable) => view! {
                    {error_note(error)}<p class="text-sm text-muted">{prefs.desk().record_draft_kept}</p>
                }.into_any(),
                Some(Err(error)) => error_note(error).into_any(),
                None => ().into_any(),
            }}
            <button type="submit" class=BUTTON disabled=move || send.pending().get()>{prefs.t().submit}</button>
        </form>
    }
}

/// Which special group the resident belongs to, if any: the service form's and the desk's. Its
/// two functions are boxed so that both forms share one copy of the code (workbench bytes).
pub(super) fn group_select(
    value: Box<dyn Fn() -> Option<SpecialGroup> + Send + Sync>,
    set: Box<dyn Fn(Option<SpecialGroup>)>,
) -> impl IntoView {
    let groups = crate::i18n::GroupTexts::of(use_prefs().lang.get_untracked());
    view! {
        <label class="block">{groups.special_group}
            <select class=FIELD prop:value=move || value().map_or("", |g| g.as_str())
                on:change=move |ev| set(SpecialGroup::from_db(&event_target_value(&ev)))>
                <option value="">{groups.none}</option>
                {SpecialGroup::ALL.iter().map(|g| view! { <option value=g.as_str()>{groups.group(*g)}</option> }).collect_view()}
            </select>
        </label>
    }
}
