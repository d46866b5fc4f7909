//! `/me/referrals`: the resident's referrals, each with where it stands and, while it waits for
//! them, what handing it over shares and the two answers. The card is shared with the lawyer's
//! and the receiving body's pages.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META};
use crate::domain::{Hardship, ReferralKind, ReferralStatus};
use crate::i18n::{GroupTexts, Lang, ReferralTexts};
use crate::model::{AidApplication, ReferralView};
use crate::time::Instant;
use crate::ui::components::page_title;
use leptos::prelude::*;

/// Who reads the card: the receiving body sees the resident's name and number, the others the
/// body it went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Resident,
    Lawyer,
    Agency,
}

/// One referral: where it went, where it stands, what it holds, each step's time; `actions`
/// below.
pub fn card(lang: Lang, r: ReferralView, side: Side, now: i64, actions: AnyView) -> AnyView {
    let t = ReferralTexts::of(lang);
    let overdue = r.status == ReferralStatus::Sent && r.due_at.is_some_and(|due| due < now);
    let steps =
        [(t.written, Some(r.created_at)), (t.sent, r.sent_at), (t.answered, r.answered_at), (t.closed, r.closed_at)];
    let timeline = steps
        .into_iter()
        .filter_map(|(label, at)| at.map(|at| view! { <li>{label}": "{Instant(at).format_shanghai()}</li> }))
        .collect_view();
    let due = (r.status == ReferralStatus::Sent).then_some(r.due_at).flatten();
    view! {
        <li class=CARD id=format!("referral-{}", r.id)>
            <p class="font-bold">{t.kind(r.kind)}" · "{r.organisation.clone()}</p>
            <p>
                <span class="font-bold text-brand">{t.status(r.status)}</span>
                {overdue.then(|| view! { <span class="ml-2 font-bold text-danger">{t.overdue}</span> })}
                {r.special_group.map(|g| view! {
                    <span class="ml-2 rounded bg-brand px-2 text-sm text-white">{t.green_channel}" · "{GroupTexts::of(lang).group(g)}</span>
                })}
            </p>
            {(side == Side::Agency).then(|| view! {
                <p>{t.resident}": "{r.resident.clone()}" "{r.phone.clone().unwrap_or_default()}</p>
            })}
            <p class=META>{t.community}": "{r.community.clone()}" · "{t.lawyer}": "{r.lawyer.clone()}</p>
            <p class="mt-2 font-bold">{t.facts}</p>
            <p class="whitespace-pre-wrap">{r.facts.clone()}</p>
            {(!r.documents.is_empty()).then(|| view! {
                <p class="mt-2 font-bold">{t.documents}</p>
                <ul class="list-disc pl-5">
                    {r.documents.iter().map(|d| view! {
                        <li><a class="text-brand underline" href=d.link.clone()>{d.name.clone()}</a></li>
                    }).collect_view()}
                </ul>
            })}
            {r.application.map(|a| view! {
                <p class="mt-2 font-bold">{t.application}</p>
                <p>
                    {format!("{}: {} · {}: {} ({} {})", t.household, a.household, t.monthly_income, a.monthly_income,
                        t.per_person, a.monthly_income / a.household.max(1))}
                    {a.hardship.map(|h| format!(" · {}", t.hardship(h)))}
                </p>
            })}
            {r.reason.clone().map(|reason| view! { <p class="mt-2">{t.reason}": "{reason}</p> })}
            {r.outcome.map(|o| view! { <p class="mt-2 font-bold">{t.outcome}": "{t.outcome(o)}</p> })}
            {r.outcome_note.clone().map(|note| view! { <p class="whitespace-pre-wrap">{note}</p> })}
            <ul class=format!("mt-2 {META}")>
                {timeline}
                {due.map(|due| view! { <li>{t.due}": "{Instant(due).format_shanghai()}</li> })}
            </ul>
            {(side != Side::Agency).then(|| r.source.clone().map(|link| {
                let label = if link.starts_with("/bookings/") { t.from_booking } else { t.from_question };
                view! { <a class="text-brand underline" href=link>{label}</a> }
            })).flatten()}
            {actions}
        </li>
    }
    .into_any()
}

/// The resident's page of `referrals` at `now`.
pub fn mine(lang: Lang, referrals: Vec<ReferralView>, now: i64) -> AnyView {
    let t = ReferralTexts::of(lang);
    view! {
        {page_title(lang.texts().my_referrals)}
        {referrals.is_empty().then(|| view! { <p class="my-3">{t.none_mine}</p> })}
        <ul class="my-3 space-y-3">
            {referrals.into_iter().map(|r| {
                let actions = consent_forms(lang, &r);
                card(lang, r, Side::Resident, now, actions)
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// While it waits for the resident: what agreeing shares, and the two answers.
fn consent_forms(lang: Lang, r: &ReferralView) -> AnyView {
    let t = ReferralTexts::of(lang);
    if r.status != ReferralStatus::AwaitingConsent {
        return ().into_any();
    }
    let action = format!("/me/referrals/{}/consent", r.id);
    // Legal aid asks the resident's own word on their circumstances, the lawyer's filled in.
    let circumstances = (r.kind == ReferralKind::LegalAid).then(|| application_fields(lang, r.id, r.application));
    view! {
        <p class="mt-3 rounded bg-brand-soft p-2">{t.consent_ask}</p>
        <div class="mt-2 flex flex-wrap gap-2">
            <form method="post" action=action.clone()>
                {circumstances}
                <input type="hidden" name="agree" value="1" />
                <button class=BUTTON>{t.agree}</button>
            </form>
            <form method="post" action=action>
                <input type="hidden" name="agree" value="0" />
                <button class=BUTTON_OUTLINE>{t.refuse}</button>
            </form>
        </div>
    }
    .into_any()
}

/// The legal-aid pre-application's fields (`household`, `monthly_income`, `hardship`), holding
/// `current`; `id` keeps each label's field its own on a page of several.
pub fn application_fields(lang: Lang, id: i64, current: Option<AidApplication>) -> AnyView {
    let t = ReferralTexts::of(lang);
    let ids = ["household", "income", "hardship"].map(|name| format!("{name}-{id}"));
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let chosen = current.and_then(|a| a.hardship);
    view! {
        <fieldset class="mb-2 w-full">
            <legend class=LABEL>{t.application}</legend>
            <label class=LABEL for=ids[0].clone()>{t.household}</label>
            <input id=ids[0].clone() name="household" type="number" min="1" max="20" inputmode="numeric" class=FIELD
                value=number(current.map(|a| a.household)) />
            <label class=LABEL for=ids[1].clone()>{t.monthly_income}</label>
            <input id=ids[1].clone() name="monthly_income" type="number" min="0" inputmode="numeric" class=FIELD
                value=number(current.map(|a| a.monthly_income)) />
            <label class=LABEL for=ids[2].clone()>{t.hardship}</label>
            <select id=ids[2].clone() name="hardship" class=FIELD>
                <option value="">{GroupTexts::of(lang).none}</option>
                {Hardship::ALL.iter().map(|h| view! {
                    <option value=h.as_str() selected=chosen == Some(*h)>{t.hardship(*h)}</option>
                }).collect_view()}
            </select>
        </fieldset>
    }
    .into_any()
}
