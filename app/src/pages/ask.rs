//! `/questions/ask`: the form. `/questions.js` keeps the draft on the phone until it is sent,
//! uploads attachments with a progress bar and sends once per draft; the ids and `data-` texts
//! below are what it reads.

use super::bits::{ACTIONS, BUTTON, BUTTON_OUTLINE, FIELD, LABEL, META, PROBLEM};
use crate::domain::{SpecialGroup, Topic, MAX_QUESTION_ATTACHMENTS};
use crate::i18n::{GroupTexts, Lang};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// What the pickers offer (the server decides for itself what a file is).
pub const ACCEPT: &str = "image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx";

/// The form, to the lawyers of `community`; files up to `max_upload` bytes.
pub fn form(lang: Lang, community: String, max_upload: usize) -> AnyView {
    let m = lang.messages();
    let t = lang.texts();
    let groups = GroupTexts::of(lang);
    view! {
        {page_title(m.q_ask)}
        <p class=META>{format!("{}{community}", m.q_to)}</p>
        <form id="ask" class="my-3 space-y-2"
            data-offline=m.page_offline data-max=max_upload.to_string() data-too-large=m.err_file_too_large
            data-too-many=m.err_too_many_attachments data-files=MAX_QUESTION_ATTACHMENTS.to_string() data-remove=m.q_remove>
            <label for="category" class=LABEL>{m.page_category}</label>
            <select id="category" name="category" class=FIELD>
                {Topic::ALL.iter().map(|topic| view! { <option value=topic.as_str()>{topic.label(t)}</option> }).collect_view()}
            </select>
            <label for="title" class=LABEL>{m.q_title_label}</label>
            <input id="title" name="title" maxlength="100" required=true class=FIELD />
            <label for="body" class=LABEL>{m.q_body_label}</label>
            <textarea id="body" name="body" rows="8" maxlength="3000" required=true class="w-full rounded-lg border border-line p-3"></textarea>
            <label for="special_group" class=LABEL>{groups.special_group}</label>
            <select id="special_group" name="special_group" class=FIELD aria-describedby="group-hint">
                <option value="">{groups.none}</option>
                {SpecialGroup::ALL.iter().map(|g| view! { <option value=g.as_str()>{groups.group(*g)}</option> }).collect_view()}
            </select>
            <p id="group-hint" class=META>{m.q_group_hint}</p>
            <label for="attach" class=BUTTON_OUTLINE>{m.q_attach}</label>
            <input id="attach" type="file" multiple=true accept=ACCEPT class="picker" />
            <ul id="attached" class="space-y-2"></ul>
            <p id="status" role="status" hidden=true>{m.page_uploading}" "<span id="percent">"0"</span>"%"</p>
            <progress id="progress" max="100" value="0" hidden=true aria-label=m.page_uploading></progress>
            <p class="rounded-lg bg-surface p-3 text-sm">{m.q_notice}</p>
            <label class="flex min-h-11 items-center gap-2"><input id="consent" type="checkbox" />" "{m.q_consent}</label>
            <label class="flex min-h-11 items-center gap-2"><input id="may_publish" type="checkbox" />" "{m.q_may_publish}</label>
            <p id="problem" role="alert" class=PROBLEM hidden=true></p>
            <p class=ACTIONS><button type="submit" class=BUTTON>{m.q_send}</button></p>
        </form>
        <noscript><p>{m.q_noscript}</p></noscript>
    }
    .into_any()
}

/// Asking needs a community whose lawyers answer: the chooser, right here, coming back to ask.
pub fn no_community(lang: Lang) -> AnyView {
    let m = lang.messages();
    view! {
        {page_title(m.q_ask)}
        <p class="my-3">{m.err_choose_community}</p>
        {super::my_community::search(lang, "", "/questions/ask")}
    }
    .into_any()
}
