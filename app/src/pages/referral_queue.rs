//! `/agency`: a receiving body's referrals — waiting for its answer first, 绿色通道 first among
//! them — with accepting, declining with a reason, and recording the outcome of those accepted.

use super::bits::{BUTTON, BUTTON_OUTLINE, FIELD, LABEL, PROBLEM};
use super::referrals::{card, Side};
use crate::domain::{ReferralOutcome, ReferralStatus};
use crate::i18n::{Lang, ReferralTexts};
use crate::model::ReferralView;
use crate::ui::components::page_title;
use leptos::prelude::*;

/// The queue of `referrals` at `now`; `problem` says why the last answer was refused. A notary
/// office (`notary`) also finds its home visits from here.
pub fn page(lang: Lang, referrals: Vec<ReferralView>, now: i64, problem: Option<String>, notary: bool) -> AnyView {
    let t = ReferralTexts::of(lang);
    view! {
        {page_title(t.title_queue)}
        {notary.then(|| view! {
            <p class="my-3"><a class="underline" href="/agency/visits">{crate::i18n::VisitTexts::of(lang).title_office}</a></p>
        })}
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        {referrals.is_empty().then(|| view! { <p class="my-3">{t.none_queue}</p> })}
        <ul class="my-3 space-y-3">
            {referrals.into_iter().map(|r| {
                let actions = actions(lang, &r);
                card(lang, r, Side::Agency, now, actions)
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// What the body can do with `r` now.
fn actions(lang: Lang, r: &ReferralView) -> AnyView {
    let t = ReferralTexts::of(lang);
    let answer = format!("/agency/referrals/{}/answer", r.id);
    let reason = format!("reason-{}", r.id);
    let note = format!("note-{}", r.id);
    let outcome = format!("outcome-{}", r.id);
    match r.status {
        ReferralStatus::Sent => view! {
            <form method="post" action=answer.clone() class="mt-3">
                <input type="hidden" name="accept" value="1" />
                <button class=BUTTON>{t.accept}</button>
            </form>
            <form method="post" action=answer class="mt-3">
                <input type="hidden" name="accept" value="0" />
                <label class=LABEL for=reason.clone()>{t.reason}</label>
                <textarea id=reason name="reason" class=FIELD rows="2" maxlength="2000"></textarea>
                <button class=format!("mt-2 {BUTTON_OUTLINE}")>{t.decline}</button>
            </form>
        }
        .into_any(),
        ReferralStatus::Accepted => {
            let choices: Vec<ReferralOutcome> =
                ReferralOutcome::ALL.iter().copied().filter(|o| o.kind() == r.kind).collect();
            view! {
                <form method="post" action=format!("/agency/referrals/{}/close", r.id) class="mt-3">
                    <label class=LABEL for=outcome.clone()>{t.outcome}</label>
                    <select id=outcome name="outcome" class=FIELD>
                        {choices.into_iter().map(|o| view! { <option value=o.as_str()>{t.outcome(o)}</option> }).collect_view()}
                    </select>
                    <label class=format!("mt-2 {LABEL}") for=note.clone()>{t.note}</label>
                    <textarea id=note name="note" class=FIELD rows="2" maxlength="2000"></textarea>
                    <button class=format!("mt-2 {BUTTON}")>{t.record_outcome}</button>
                </form>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}
