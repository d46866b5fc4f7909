//! `/me/feedback` and `/staff/feedback`: praise and complaints. The resident praises or
//! complains about a consultation or answer of theirs and reads staff's replies; staff reply to
//! complaints and record the letters of thanks and banners that reached a lawyer offline.

use super::bits::{BUTTON, CARD, FIELD, LABEL, META, PROBLEM};
use crate::domain::{FeedbackChannel, FeedbackKind, FeedbackStatus};
use crate::i18n::{FeedbackTexts, Lang};
use crate::model::{FeedbackMatter, FeedbackView};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// A lawyer of a community, as staff choose whom a letter or banner was for.
pub struct Recipient {
    pub lawyer_id: i64,
    pub community_id: i64,
    pub label: String,
}

/// The resident's page: the form for `matters`, then their `sent` feedback.
pub fn mine(lang: Lang, matters: Vec<FeedbackMatter>, sent: Vec<FeedbackView>, problem: Option<String>) -> AnyView {
    let t = FeedbackTexts::of(lang);
    let form = (!matters.is_empty()).then(|| {
        let options = matters.into_iter().map(|m| {
            let value = match (m.booking_id, m.question_id) {
                (Some(id), _) => format!("b:{id}"),
                (_, id) => format!("q:{}", id.unwrap_or(0)),
            };
            view! { <option value=value>{format!("{} · {}", m.label, m.lawyer)}</option> }
        });
        view! {
            <form method="post" action="/me/feedback" class=format!("my-3 space-y-3 {CARD}")>
                <label class=LABEL for="feedback-matter">{t.matter}</label>
                <select id="feedback-matter" name="matter" class=FIELD>{options.collect_view()}</select>
                <fieldset>
                    <legend class=LABEL>{t.kind}</legend>
                    <label class="mr-4"><input type="radio" name="kind" value="praise" checked=true />" "{t.praise}</label>
                    <label><input type="radio" name="kind" value="complaint" />" "{t.complaint}</label>
                </fieldset>
                <label class=LABEL for="feedback-body">{t.body}</label>
                <textarea id="feedback-body" name="body" class=FIELD rows="4" maxlength="1000" required=true></textarea>
                <label class=LABEL for="feedback-wanted">{t.wanted}</label>
                <textarea id="feedback-wanted" name="wanted" class=FIELD rows="2" maxlength="500"></textarea>
                <button class=BUTTON>{t.send}</button>
            </form>
        }
    });
    view! {
        {page_title(t.title)}
        <p class="my-3">{t.intro}</p>
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        {form.map_or_else(|| view! { <p class="my-3">{t.none_matters}</p> }.into_any(), IntoAny::into_any)}
        <h2 class="mt-6 text-lg font-bold">{t.mine}</h2>
        {sent.is_empty().then(|| view! { <p class="my-3">{t.none_mine}</p> })}
        <ul class="my-3 space-y-3">{sent.into_iter().map(|f| card(lang, f, None)).collect_view()}</ul>
    }
    .into_any()
}

/// Staff's page: `listed` (open complaints with a reply form), and the form to record thanks.
pub fn staff(lang: Lang, listed: Vec<FeedbackView>, recipients: Vec<Recipient>, problem: Option<String>) -> AnyView {
    let t = FeedbackTexts::of(lang);
    let empty = listed.is_empty();
    let cards = listed.into_iter().map(|f| {
        let reply = (f.status == FeedbackStatus::Open).then(|| {
            let id = format!("reply-{}", f.id);
            view! {
                <form method="post" action=format!("/staff/feedback/{}/reply", f.id) class="mt-3">
                    <label class=LABEL for=id.clone()>{t.reply}</label>
                    <textarea id=id name="reply" class=FIELD rows="2" maxlength="1000" required=true></textarea>
                    <button class=format!("mt-2 {BUTTON}")>{t.send_reply}</button>
                </form>
            }
            .into_any()
        });
        card(lang, f, reply)
    });
    let options = recipients.into_iter().map(|r| {
        view! { <option value=format!("{}:{}", r.lawyer_id, r.community_id)>{r.label}</option> }
    });
    view! {
        {page_title(t.title_staff)}
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        <form method="post" action="/staff/feedback/thanks" class=format!("my-3 space-y-3 {CARD}")>
            <h2 class="text-lg font-bold">{t.record}</h2>
            <label class=LABEL for="thanks-kind">{t.kind}</label>
            <select id="thanks-kind" name="channel" class=FIELD>
                <option value="banner">{t.channel_banner}</option>
                <option value="letter">{t.channel_letter}</option>
            </select>
            <label class=LABEL for="thanks-lawyer">{t.lawyer}</label>
            <select id="thanks-lawyer" name="recipient" class=FIELD>{options.collect_view()}</select>
            <label class=LABEL for="thanks-on">{t.received_on}</label>
            <input id="thanks-on" name="received_on" type="date" class=FIELD required=true />
            <label class=LABEL for="thanks-note">{t.note}</label>
            <input id="thanks-note" name="note" class=FIELD maxlength="1000" required=true />
            <button class=BUTTON>{t.save}</button>
        </form>
        {empty.then(|| view! { <p class="my-3">{t.none_staff}</p> })}
        <ul class="my-3 space-y-3">{cards.collect_view()}</ul>
    }
    .into_any()
}

/// Feedback as a card, with `actions` under it.
fn card(lang: Lang, f: FeedbackView, actions: Option<AnyView>) -> AnyView {
    let t = FeedbackTexts::of(lang);
    let kind = match (f.kind, f.channel) {
        (_, FeedbackChannel::Letter) => t.channel_letter,
        (_, FeedbackChannel::Banner) => t.channel_banner,
        (FeedbackKind::Praise, _) => t.praise,
        (FeedbackKind::Complaint, _) => t.complaint,
    };
    let status = match f.status {
        FeedbackStatus::Received => t.status_received,
        FeedbackStatus::Open => t.status_open,
        FeedbackStatus::Handled => t.status_handled,
    };
    view! {
        <li class=CARD>
            <p class="font-bold">{format!("{kind} · {status} · {}", f.received_on)}</p>
            <p>{format!("{}：{} · {}：{}", t.lawyer, f.lawyer, t.community, f.community)}</p>
            {f.resident.map(|name| view! { <p class=META>{format!("{}：{name}", t.resident)}</p> })}
            <p class="whitespace-pre-line">{f.body}</p>
            {(!f.wanted.is_empty()).then(|| view! { <p class=META>{format!("{}：{}", t.wanted, f.wanted)}</p> })}
            {(!f.reply.is_empty()).then(|| view! { <p class="font-bold">{format!("{}：{}", t.reply, f.reply)}</p> })}
            {actions}
        </li>
    }
    .into_any()
}
