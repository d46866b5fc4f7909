use super::account::AccountBar;
use super::corrections::CorrectionsReview;
use super::coverage::Coverage;
use super::duty::DutyPanel;
use super::waiting::WaitingQuestions;
use crate::api::call;
use crate::api::desk::{CallResident, DecideBooking, ListDeskBookings, SetMeetingLink};
use crate::domain::{BookingStatus, Channel, Role};
use crate::model::{CallRequest, DeskAction, DeskBooking, DeskListRequest, DeskRequest, MeetingLinkRequest};
use crate::time::format_hh_mm;
use crate::ui::components::{error_note, loaded, loading, page_title};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// 工作台: staff see coverage; everyone at a desk sees the bookings to handle, and lawyers the
/// questions waiting for them.
#[component]
pub fn DeskPage() -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    view! {
        {page_title(prefs.t().nav_desk)}
        {move || match session.me.get() {
            // A receiving body's staff work on the server's referral pages.
            Some(me) if me.role == Role::Agency => view! {
                <AccountBar me=me.clone() />
                <a href="/agency" rel="external" class="flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{prefs.desk().nav_referrals}</a>
            }.into_any(),
            Some(me) if me.role != Role::Resident => view! {
                <AccountBar me=me.clone() />
                {(me.role.is_staff() && me.street_id.is_none()).then(|| view! { <super::setup::SetupList /> })}
                {me.role.is_staff().then(|| view! {
                    <Coverage /> <CorrectionsReview />
                })}
                // The year's and special work (feedback, evaluation, emergency teams) lives on
                // the server's pages, one link away.
                {(me.role.is_staff() || me.role == Role::Lawyer).then(|| view! {
                    <p class="my-3"><a href="/work" rel="external" class="text-brand underline">{prefs.desk().nav_work}</a></p>
                })}
                {me.role.is_adviser().then(|| view! { <WaitingQuestions /> })}
                <DeskBookings />
                {me.role.is_adviser().then(|| view! { <DutyPanel lawyer_id=me.lawyer_id /> })}
            }.into_any(),
            Some(_) => view! {
                <p>{prefs.t().err_forbidden}</p>
                <a href="/" rel="external" class="text-brand underline">{prefs.t().tab_home}</a>
            }.into_any(),
            None if !session.known.get() => loading().into_any(),
            None => view! {
                <a href="/desk/sign-in" class="flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{prefs.t().me_sign_in}</a>
            }.into_any(),
        }}
    }
}

/// Bookings from today on, with the actions their state allows.
#[component]
fn DeskBookings() -> impl IntoView {
    let prefs = use_prefs();
    let version = RwSignal::new(0u32);
    let bookings = load(move || {
        version.track();
        call::<ListDeskBookings>(DeskListRequest::default())
    });
    view! {
        <h2 class="mb-2 text-lg font-bold">{prefs.desk().desk_bookings}</h2>
        {move || loaded(bookings.get(), |value| match value {
            list if list.is_empty() => view! { <p class="text-muted">{prefs.desk().desk_none}</p> }.into_any(),
            list => view! {
                <ul class="space-y-3">{list.into_iter().map(|row| view! { <DeskRow row version /> }).collect_view()}</ul>
            }.into_any(),
        })}
    }
}

#[component]
fn DeskRow(row: DeskBooking, version: RwSignal<u32>) -> impl IntoView {
    let prefs = use_prefs();
    let b = row.booking;
    let (date, minutes) = b.start.to_shanghai();
    let when = format!("{date} {}", format_hh_mm(minutes));
    let reason = RwSignal::new(String::new());
    let group = RwSignal::new(None);
    let id = b.id;
    let adviser = use_session().me.get_untracked().is_some_and(|me| me.role.is_adviser());
    let act = Submit::new(move |action: &DeskAction| {
        call::<DecideBooking>(DeskRequest {
            booking_id: id,
            action: *action,
            reason: reason.get_untracked(),
            note: None,
            special_group: if *action == DeskAction::Complete { group.get_untracked() } else { None },
        })
    });
    act.then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1);
        }
    });
    let status = b.status;
    let button = move |action: DeskAction, label: fn(&crate::i18n::DeskTexts) -> &'static str| {
        view! {
            <button class="min-h-11 rounded-lg border-2 border-brand px-3 font-bold text-brand" on:click=move |_| { act.dispatch(action); }>{label(prefs.desk())}</button>
        }
    };
    view! {
        <li class="rounded-lg border border-line bg-surface p-3" data-code=b.code.clone()>
            <p class="flex justify-between font-bold"><span>{when}</span><span class="text-brand">{status.label(prefs.t())}</span></p>
            <p class="text-sm">{b.community_name.clone()}" · "{row.resident_phone.clone()}" · "{b.channel.label(prefs.t())}</p>
            <p class="text-sm text-muted">{b.topic.label(prefs.t())}": "{b.description.clone()}</p>
            <div class="mt-2 flex flex-wrap gap-2">
                {(status == BookingStatus::Pending).then(|| button(DeskAction::Confirm, |t| t.desk_confirm))}
                {(status == BookingStatus::Confirmed).then(|| super::log::group_select(Box::new(move || group.get()), Box::new(move |g| group.set(g))))}
                {(status == BookingStatus::Confirmed).then(|| button(DeskAction::Complete, |t| t.desk_complete))}
                {(status == BookingStatus::Confirmed).then(|| button(DeskAction::NoShow, |t| t.desk_no_show))}
            </div>
            {status.is_live().then(|| view! {
                <div class="mt-2 flex gap-2">
                    <input type="text" maxlength="200" class="min-h-11 flex-1 rounded-lg border border-line px-2" aria-label=prefs.desk().desk_reason placeholder=prefs.desk().desk_reason bind:value=reason />
                    <button class="min-h-11 rounded-lg border-2 border-danger px-3 font-bold text-danger" on:click=move |_| { act.dispatch(DeskAction::Decline); }>{prefs.desk().desk_decline}</button>
                </div>
            })}
            {row.can_call.then(|| view! { <CallButton booking_id=id /> })}
            {(adviser && matches!(status, BookingStatus::Confirmed | BookingStatus::Completed)).then(|| view! {
                <a href=format!("/referrals/new?booking={id}") class="mt-2 inline-flex min-h-11 items-center text-brand underline">{prefs.desk().questions_refer}</a>
            })}
            {(status.is_live() && b.channel == Channel::Video).then(|| view! { <Meeting booking_id=id url=b.meeting_url.clone() version /> })}
            {move || act.value().get().and_then(Result::err).map(error_note)}
        </li>
    }
}

/// A video consultation's meeting: its link while it connects, and for its lawyers a form to
/// give one (a meeting of their own, when the bureau has no meeting server).
#[component]
fn Meeting(booking_id: i64, url: Option<String>, version: RwSignal<u32>) -> impl IntoView {
    let t = use_prefs().desk();
    let adviser = use_session().me.get_untracked().is_some_and(|me| me.role.is_adviser());
    let link = RwSignal::new(String::new());
    let save = Submit::new(move |(): &()| {
        call::<SetMeetingLink>(MeetingLinkRequest { booking_id, url: link.get_untracked() })
    })
    .then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1);
        }
    });
    view! {
        <div class="mt-2 flex flex-wrap gap-2">
            {url.map(|url| view! {
                <a class="inline-flex min-h-11 items-center rounded-lg bg-brand px-3 font-bold text-white" rel="external noopener" target="_blank" href=url>{t.desk_join_video}</a>
            })}
            {adviser.then(|| view! {
                <input type="url" maxlength="300" class="min-h-11 flex-1 rounded-lg border border-line px-2" aria-label=t.desk_meeting_link placeholder="https://" bind:value=link />
                <button class="min-h-11 rounded-lg border-2 border-brand px-3 font-bold text-brand" on:click=move |_| save.dispatch(())>{t.desk_meeting_save}</button>
            })}
        </div>
        {move || save.value().get().and_then(Result::err).map(error_note)}
    }
}

/// For a phone consultation about to start: asks for the resident's number (the request is
/// recorded) and offers it to dial.
#[component]
fn CallButton(booking_id: i64) -> impl IntoView {
    let prefs = use_prefs();
    let number = Submit::new(move |(): &()| call::<CallResident>(CallRequest { booking_id }));
    view! {
        <div class="mt-2">
            {move || match number.value().get() {
                Some(Ok(found)) => view! {
                    <a class="inline-flex min-h-11 items-center rounded-lg bg-brand px-3 font-bold text-white" href=format!("tel:{}", found.phone)>{format!("{} {}", prefs.desk().desk_dial, found.phone)}</a>
                }.into_any(),
                Some(Err(error)) => error_note(error).into_any(),
                None => view! {
                    <button class="min-h-11 rounded-lg border-2 border-brand px-3 font-bold text-brand" on:click=move |_| number.dispatch(())>{prefs.desk().desk_call}</button>
                }.into_any(),
            }}
        </div>
    }
}
