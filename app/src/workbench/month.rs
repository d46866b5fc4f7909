//! 月度统计: a lawyer's month as the bureau will count it — duty-days, services, bookings,
//! ratings, gaps and leave — which the lawyer confirms or disputes and staff lock. Corrections are
//! asked for here and shown beside the locked figures.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::duty::{GetDutyMonth, ListDutyLawyers, LockDutyMonth, RequestCorrection, ReviewDutyMonth};
use crate::domain::{month_bounds, month_of, CorrectionStatus, DutyEnd, MonthStatus, Role};
use crate::i18n::DeskTexts;
use crate::model::{CorrectionRequest, Empty, MonthAction, MonthRequest, MonthReviewRequest, MonthSummary};
use crate::time::{format_hh_mm, Instant};
use crate::ui::components::{error_note, loaded, page_title};
use crate::ui::load::load;
use crate::ui::platform;
use crate::ui::router::{query_param, use_location};
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

fn status_label(status: MonthStatus, t: &DeskTexts) -> &'static str {
    match status {
        MonthStatus::Open => t.month_open,
        MonthStatus::Confirmed => t.month_confirmed,
        MonthStatus::Disputed => t.month_disputed,
        MonthStatus::Locked => t.month_locked,
    }
}

/// The month before or after `month`.
fn step(month: &str, days: i64) -> String {
    month_bounds(month)
        .map(|(first, last)| month_of(if days < 0 { first.plus_days(-1) } else { last.plus_days(1) }))
        .unwrap_or_default()
}

/// The page: the lawyer named in the address (`?lawyer=`), else the caller's own.
#[component]
pub fn MonthPage() -> impl IntoView {
    let prefs = use_prefs();
    let location = use_location();
    let session = use_session();
    let own = load(move || {
        let adviser = session.me.get().is_some_and(|me| me.role.is_adviser());
        async move {
            if adviser {
                call::<ListDutyLawyers>(Empty {}).await
            } else {
                Ok(Vec::new())
            }
        }
    });
    let lawyer = move || {
        query_param(&location.query.get(), "lawyer")
            .and_then(|id| id.parse::<i64>().ok())
            .or_else(|| own.get().and_then(Result::ok).and_then(|list| list.first().map(|l| l.id)))
    };
    let month = move || {
        query_param(&location.query.get(), "m")
            .filter(|m| month_bounds(m).is_some())
            .unwrap_or_else(|| month_of(Instant(platform::now_ms()).to_shanghai().0))
    };
    view! {
        {page_title(prefs.desk().nav_month)}
        {move || match lawyer() {
            Some(id) => view! { <Month lawyer_id=id month=month() /> }.into_any(),
            None => view! { <p class="text-muted">{prefs.desk().nothing}</p> }.into_any(),
        }}
    }
}

#[component]
fn Month(lawyer_id: i64, month: String) -> impl IntoView {
    let prefs = use_prefs();
    let version = RwSignal::new(0u32);
    let request = MonthRequest { lawyer_id, month: month.clone() };
    let summary = load(move || {
        version.track();
        call::<GetDutyMonth>(request.clone())
    });
    let link = move |m: String| format!("/desk/month?lawyer={lawyer_id}&m={m}");
    view! {
        <nav class="mb-3 flex justify-between text-brand underline">
            <a href=link(step(&month, -1))>{prefs.desk().prev_month}</a>
            <span class="font-bold no-underline">{month.clone()}</span>
            <a href=link(step(&month, 1))>{prefs.desk().next_month}</a>
        </nav>
        {move || loaded(summary.get(), move |m| view! {
            <Figures m=m.clone() />
            <Actions m=m.clone() version />
            <Details m=m.clone() />
            <CorrectionForm m=m version />
        }.into_any())}
    }
}

#[component]
fn Figures(m: MonthSummary) -> impl IntoView {
    let t = use_prefs().desk();
    let services: i64 = m.services.iter().map(|c| c.records).sum();
    let figure = |label: &'static str, value: String| {
        view! {
            <div class="rounded-lg border border-line bg-surface p-3"><dt class="text-sm text-muted">{label}</dt><dd class="text-2xl font-bold">{value}</dd></div>
        }
    };
    view! {
        <p class="mb-2"><span class="font-bold">{m.lawyer_name.clone()}</span>" · "<span data-month-status=m.status.as_str()>{status_label(m.status, t)}</span>
            {(!m.comment.is_empty()).then(|| format!(" · {}", m.comment))}</p>
        <dl class="mb-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
            {figure(t.fig_duty_days, m.duty_days.to_string())}
            {figure(t.fig_services, services.to_string())}
            {figure(t.fig_people, m.people_served.to_string())}
            {figure(t.fig_bookings, format!("{} / {}", m.bookings_completed, m.bookings_no_show))}
            {figure(t.fig_rating, m.rating_average.map(|r| format!("{r:.1} ({})", m.ratings)).unwrap_or_else(|| "—".into()))}
        </dl>
        {m.locked_figures.map(|(d, s, p)| view! { <p class="mb-3 text-sm">{t.locked_figures}{format!("{d} / {s} / {p}")}</p> })}
    }
}

/// Confirm or dispute (the lawyer), lock (staff).
#[component]
fn Actions(m: MonthSummary, version: RwSignal<u32>) -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let role = session.me.get_untracked().map(|me| me.role);
    let comment = RwSignal::new(String::new());
    let (lawyer_id, month) = (m.lawyer_id, m.month.clone());
    let month_for_review = month.clone();
    let review = Submit::new(move |action: &MonthAction| {
        call::<ReviewDutyMonth>(MonthReviewRequest {
            lawyer_id,
            month: month_for_review.clone(),
            action: *action,
            comment: comment.get_untracked(),
        })
    })
    .then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1)
        }
    });
    let lock = Submit::new(move |_: &()| call::<LockDutyMonth>(MonthRequest { lawyer_id, month: month.clone() })).then(
        move |answer| {
            if answer.is_ok() {
                version.update(|v| *v += 1)
            }
        },
    );
    let open = m.status != MonthStatus::Locked;
    let t = prefs.desk();
    view! {
        {(open && role == Some(Role::Lawyer)).then(|| view! {
            <div class="mb-3 space-y-2 rounded-lg border border-line bg-surface p-3">
                <button class=BUTTON on:click=move |_| review.dispatch(MonthAction::Confirm)>{t.confirm_month}</button>
                <label class="block">{t.comment}<input type="text" maxlength="200" class=FIELD bind:value=comment /></label>
                <button class="min-h-11 w-full rounded-lg border-2 border-brand font-bold text-brand" on:click=move |_| review.dispatch(MonthAction::Dispute)>{t.dispute_month}</button>
            </div>
        })}
        {(open && role.is_some_and(Role::is_staff)).then(|| view! {
            <button class=BUTTON on:click=move |_| lock.dispatch(())>{t.lock_month}</button>
        })}
        {move || review.value().get().and_then(Result::err).map(error_note)}
        {move || lock.value().get().and_then(Result::err).map(error_note)}
    }
}

#[component]
fn Details(m: MonthSummary) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let section = |title: &'static str, items: Vec<String>| {
        view! {
            <h2 class="mb-1 mt-4 font-bold">{title}</h2>
            {if items.is_empty() {
                view! { <p class="text-sm text-muted">{t.nothing}</p> }.into_any()
            } else {
                view! { <ul class="space-y-1 text-sm">{items.into_iter().map(|i| view! { <li class="rounded border border-line bg-surface p-2">{i}</li> }).collect_view()}</ul> }.into_any()
            }}
        }
    };
    let hh_mm = |at: Instant| format_hh_mm(at.to_shanghai().1);
    let communities = m
        .communities
        .iter()
        .map(|c| format!("{}: {} ({} {})", c.community_name, c.duty_days, t.scheduled, c.scheduled_days))
        .collect();
    let services =
        m.services.iter().map(|c| format!("{}: {} · {}", c.category.label(t), c.records, c.people)).collect();
    // One line per community: a month of missed days stays short on a phone.
    let mut by_community: Vec<(String, Vec<&str>)> = Vec::new();
    for gap in &m.gaps {
        let day = gap.date.get(5..).unwrap_or(&gap.date);
        match by_community.iter_mut().find(|(name, _)| *name == gap.community_name) {
            Some((_, days)) => days.push(day),
            None => by_community.push((gap.community_name.clone(), vec![day])),
        }
    }
    let gaps =
        by_community.into_iter().map(|(name, days)| format!("{name}（{}）：{}", days.len(), days.join("、"))).collect();
    let leave = m.leave.iter().map(|(a, b)| format!("{a} – {b}")).collect();
    let duties = m
        .duties
        .iter()
        .map(|d| {
            let end = d.ended_at.map(hh_mm).unwrap_or_else(|| "…".into());
            let how = match d.ended_by {
                Some(DutyEnd::Auto) => format!(" · {}", t.ended_auto),
                Some(DutyEnd::Correction) => format!(" · {}", t.ended_correction),
                _ => String::new(),
            };
            let check = if d.verified { "✓".to_owned() } else { format!("{}{}", t.position_unverified, d.reason) };
            let who =
                if d.entered_by.is_empty() { String::new() } else { format!(" · {}{}", t.entered_by, d.entered_by) };
            format!("{} {} {}–{} · {check}{how}{who}", d.served_on, d.community_name, hh_mm(d.started_at), end)
        })
        .collect();
    let records = m
        .records
        .iter()
        .map(|r| {
            let who =
                if r.entered_by.is_empty() { String::new() } else { format!(" · {}{}", t.entered_by, r.entered_by) };
            format!(
                "{} {} · {} · {} · {}{who}",
                r.served_on,
                r.community_name,
                r.category.label(t),
                r.people_served,
                r.summary
            )
        })
        .collect();
    let corrections = m
        .corrections
        .iter()
        .map(|c| {
            let status = match c.status {
                CorrectionStatus::Pending => t.correction_pending,
                CorrectionStatus::Approved => t.correction_approved,
                CorrectionStatus::Rejected => t.correction_rejected,
            };
            let late = if c.after_lock { format!(" · {}", t.after_lock) } else { String::new() };
            format!(
                "{} {} {}–{} · {} · {status}{late} {}",
                c.served_on, c.community_name, c.start, c.end, c.reason, c.note
            )
        })
        .collect();
    view! {
        {section(t.duties_title, duties)}
        {section(t.fig_duty_days, communities)}
        {section(t.records_title, records)}
        {section(t.fig_services, services)}
        {section(t.gaps_title, gaps)}
        {section(t.month_leave, leave)}
        {section(t.corrections_title, corrections)}
    }
}

/// Asks for a missing or wrong duty to be added or changed (lawyers and assistants).
#[component]
fn CorrectionForm(m: MonthSummary, version: RwSignal<u32>) -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let adviser = session.me.get_untracked().is_some_and(|me| me.role.is_adviser());
    let community = RwSignal::new(m.communities.first().map(|c| c.community_id).unwrap_or_default());
    let (date, start, end, reason) = (
        RwSignal::new(String::new()),
        RwSignal::new("09:00".to_owned()),
        RwSignal::new("12:00".to_owned()),
        RwSignal::new(String::new()),
    );
    let lawyer_id = m.lawyer_id;
    let send = Submit::new(move |_: &()| {
        call::<RequestCorrection>(CorrectionRequest {
            lawyer_id,
            community_id: community.get_untracked(),
            served_on: date.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            duty_id: None,
            reason: reason.get_untracked(),
        })
    })
    .then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1)
        }
    });
    let t = prefs.desk();
    let options = m
        .communities
        .iter()
        .map(|c| view! { <option value=c.community_id.to_string()>{c.community_name.clone()}</option> })
        .collect_view();
    adviser.then(|| view! {
        <form class="mt-4 space-y-2 rounded-lg border border-line bg-surface p-3" novalidate on:submit=move |ev| { ev.prevent_default(); send.dispatch(()); }>
            <h2 class="font-bold">{t.correction_request}</h2>
            <label class="block">{t.record_community}
                <select class=FIELD on:change=move |ev| { if let Ok(id) = event_target_value(&ev).parse() { community.set(id) } }>{options}</select>
            </label>
            <label class="block">{t.record_date}<input type="date" class=FIELD bind:value=date /></label>
            <div class="flex gap-2">
                <label class="block flex-1">{t.start_time}<input type="time" class=FIELD bind:value=start /></label>
                <label class="block flex-1">{t.end_time}<input type="time" class=FIELD bind:value=end /></label>
            </div>
            <label class="block">{prefs.desk().desk_reason}<input type="text" maxlength="200" class=FIELD bind:value=reason /></label>
            {move || match send.value().get() {
                Some(Ok(_)) => view! { <p role="status" class="text-brand">{t.sent}</p> }.into_any(),
                Some(Err(error)) => error_note(error).into_any(),
                None => ().into_any(),
            }}
            <button type="submit" class=BUTTON>{prefs.t().submit}</button>
        </form>
    })
}
