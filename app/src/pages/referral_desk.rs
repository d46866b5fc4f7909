//! The lawyer's referral pages: `/referrals/new?question=7` (or `?booking=3`), the form that
//! refers a matter with the facts and the resident's documents chosen, and `/referrals`, the
//! referrals the lawyer wrote, with withdrawing those not yet answered.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, PROBLEM};
use super::referrals::{card, Side};
use crate::domain::{ReferralStatus, SpecialGroup};
use crate::i18n::{GroupTexts, Lang, ReferralTexts, VisitTexts};
use crate::model::{Organisation, ReferralDocument, ReferralView};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// What the form shows.
#[derive(Debug, Clone)]
pub struct Draft {
    /// `question_id` or `booking_id`, and its id.
    pub source: (&'static str, i64),
    /// The matter's title, as the lawyer knows it.
    pub title: String,
    /// The bodies to choose from.
    pub organisations: Vec<Organisation>,
    /// The resident's documents of the matter.
    pub files: Vec<ReferralDocument>,
    /// What the lawyer wrote, kept when a send was refused.
    pub facts: String,
    /// Why the last send was refused.
    pub problem: Option<String>,
    /// The masked number a consent code was just sent to.
    pub code_sent_to: Option<String>,
}

/// The form.
pub fn new(lang: Lang, draft: Draft) -> AnyView {
    let t = ReferralTexts::of(lang);
    let groups = GroupTexts::of(lang);
    let (field, id) = draft.source;
    view! {
        {page_title(t.title_new)}
        <p class="my-2 font-bold">{draft.title}</p>
        <p class="my-2">
            <a class="underline" href=format!("/visits?{}={id}", field.trim_end_matches("_id"))>{VisitTexts::of(lang).book_for}</a>
        </p>
        {draft.problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        <form method="post" action="/referrals/new/code" class=format!("my-3 {CARD}")>
            <input type="hidden" name=field value=id.to_string() />
            <p>{t.desk_consent_hint}</p>
            {draft.code_sent_to.map(|to| view! { <p class="font-bold" role="status">{format!("{} {to}", t.consent_code_sent)}</p> })}
            <button class=format!("mt-2 {BUTTON_OUTLINE}")>{t.send_consent_code}</button>
        </form>
        <form method="post" action="/referrals/new" class="space-y-3">
            <input type="hidden" name=field value=id.to_string() />
            <div>
                <label class=LABEL for="organisation">{t.to}</label>
                <select id="organisation" name="organisation_id" class=FIELD required=true>
                    {draft.organisations.into_iter().map(|o| view! {
                        <option value=o.id.to_string()>{t.kind(o.kind)}" · "{o.name}</option>
                    }).collect_view()}
                </select>
            </div>
            <div>
                <label class=LABEL for="facts">{t.facts}</label>
                <textarea id="facts" name="facts" class=FIELD rows="6" maxlength="2000" required=true>{draft.facts}</textarea>
            </div>
            <div>
                <label class=LABEL for="group">{groups.special_group}</label>
                <select id="group" name="special_group" class=FIELD>
                    <option value="">{groups.none}</option>
                    {SpecialGroup::ALL.iter().map(|g| view! { <option value=g.as_str()>{groups.group(*g)}</option> }).collect_view()}
                </select>
            </div>
            {super::referrals::application_fields(lang, 0, None)}
            {(!draft.files.is_empty()).then(|| view! {
                <fieldset>
                    <legend class=LABEL>{t.documents}</legend>
                    {draft.files.into_iter().map(|f| view! {
                        <label class="flex min-h-11 items-center gap-2">
                            <input type="checkbox" name="documents" value=f.token />
                            {f.name}
                        </label>
                    }).collect_view()}
                </fieldset>
            })}
            <div>
                <label class=LABEL for="consent_code">{t.consent_code}</label>
                <input id="consent_code" name="consent_code" class=FIELD inputmode="numeric" maxlength="6" autocomplete="one-time-code" />
            </div>
            <button class=BUTTON>{t.send}</button>
        </form>
    }
    .into_any()
}

/// The referrals the lawyer wrote, at `now`.
pub fn sent(lang: Lang, referrals: Vec<ReferralView>, now: i64) -> AnyView {
    let t = ReferralTexts::of(lang);
    view! {
        {page_title(t.title_sent)}
        {referrals.is_empty().then(|| view! { <p class="my-3">{t.none_queue}</p> })}
        <ul class="my-3 space-y-3">
            {referrals.into_iter().map(|r| {
                let open = matches!(r.status, ReferralStatus::AwaitingConsent | ReferralStatus::Sent);
                let actions = open.then(|| view! {
                    <form method="post" action=format!("/referrals/{}/withdraw", r.id) class="mt-3">
                        <button class=BUTTON_OUTLINE>{t.withdraw}</button>
                    </form>
                }).into_any();
                card(lang, r, Side::Lawyer, now, actions)
            }).collect_view()}
        </ul>
    }
    .into_any()
}
