//! `/me/privacy` (个人信息): the privacy notice in plain words, what the portal holds about the
//! resident, who opened their matters, a download of all of it, and erasing the account. Plain forms, no script: the page
//! costs the residents' app nothing.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, PROBLEM};
use crate::i18n::Lang;
use crate::time::Instant;
use crate::ui::components::page_title;
use leptos::prelude::*;

/// What the portal holds about the resident, counted.
#[derive(Debug, Clone, Default)]
pub struct Held {
    pub bookings: i64,
    pub questions: i64,
    pub files: i64,
    pub messages: i64,
}

/// One opening of the resident's matters by someone else: when, who, what, and why.
#[derive(Debug, Clone)]
pub struct Opening {
    pub at: Instant,
    pub who: String,
    pub what: &'static str,
    pub reason: String,
}

/// The privacy notice of `version`, as a section of 个人信息.
pub fn notice(lang: Lang, version: &str) -> AnyView {
    view! {
        <section class=format!("my-3 {CARD}") aria-labelledby="notice">
            <h2 id="notice" class="font-bold">{lang.messages().privacy_notice_title}</h2>
            {notice_text(lang, version)}
        </section>
    }
    .into_any()
}

/// `/privacy`: the notice as a page of its own.
pub fn notice_page(lang: Lang, version: &str) -> AnyView {
    view! {
        {crate::ui::components::page_title(lang.messages().privacy_notice_title)}
        <div class=format!("my-3 {CARD}")>{notice_text(lang, version)}</div>
    }
    .into_any()
}

/// What the notice says, and its version.
fn notice_text(lang: Lang, version: &str) -> impl IntoView {
    let m = lang.messages();
    view! {
        <p class="my-2">{m.privacy_notice_what}</p>
        <p class="my-2">{m.privacy_notice_who}</p>
        <p class="my-2">{m.privacy_notice_rights}</p>
        <p class="my-2 text-sm text-muted">{format!("{}{version}", m.privacy_version)}</p>
    }
}

/// What the resident agreed to: the version and when, or none yet.
#[derive(Debug, Clone)]
pub struct Consent {
    pub version: String,
    pub at: Instant,
}

/// Who opened the resident's matters, newest first.
fn openings(lang: Lang, list: Vec<Opening>) -> impl IntoView {
    let m = lang.messages();
    view! {
        <section class="my-4" aria-labelledby="openings">
            <h2 id="openings" class="font-bold">{m.privacy_access_title}</h2>
            <p class="my-2 text-sm text-muted">{m.privacy_access_note}</p>
            {if list.is_empty() {
                view! { <p class="my-2">{m.privacy_access_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="my-2 space-y-1">
                        {list.into_iter().map(|o| view! {
                            <li>
                                {format!("{} · {} {}", o.at.format_shanghai(), o.who, o.what)}
                                {(!o.reason.is_empty()).then(|| format!(" · {}{}", m.privacy_access_reason, o.reason))}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// What the page shows of the resident: the consent, the counts and who opened their matters.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub consent: Option<Consent>,
    pub held: Held,
    pub openings: Vec<Opening>,
}

/// The notice with what the resident agreed to (and a form to agree to the version in force
/// when they have not), the counts, who opened their matters, the download and the erasure
/// form; `problem` when a confirmation was wrong.
pub fn page(lang: Lang, version: &str, record: Record, problem: Option<&'static str>) -> AnyView {
    let Record { consent, held, openings: opened } = record;
    let m = lang.messages();
    let counts = [
        (m.privacy_bookings, held.bookings),
        (m.privacy_questions, held.questions),
        (m.privacy_files, held.files),
        (m.privacy_messages, held.messages),
    ];
    let current = consent.as_ref().is_some_and(|c| c.version == version);
    view! {
        {page_title(m.page_privacy)}
        {notice(lang, version)}
        {consent.map(|c| view! {
            <p class="my-2">{format!("{}{} · {}", m.privacy_agreed, c.version, c.at.format_shanghai())}</p>
        })}
        {(!current).then(|| view! {
            <form method="post" action="/me/privacy/consent" class="my-3">
                <button class=BUTTON>{m.privacy_agree}</button>
            </form>
        })}
        <h2 class="mt-4 font-bold">{m.privacy_held}</h2>
        <ul class="my-2">
            {counts.into_iter().map(|(what, n)| view! { <li>{format!("{what}：{n}")}</li> }).collect_view()}
        </ul>
        {openings(lang, opened)}
        <p class="my-3"><a class=BUTTON href="/me/privacy/export" download="">{m.privacy_export}</a></p>
        <form method="post" action="/me/privacy/erase" class=format!("my-4 space-y-2 {CARD}") aria-labelledby="erase">
            <h2 id="erase" class="font-bold">{m.privacy_erase_title}</h2>
            <p>{m.privacy_erase_note}</p>
            {problem.map(|p| view! { <p role="alert" class=PROBLEM>{p}</p> })}
            <label for="confirm" class=LABEL>{m.privacy_erase_confirm}</label>
            <input id="confirm" name="confirm" class=FIELD required=true autocomplete="off" />
            <button class=BUTTON_OUTLINE>{m.privacy_erase}</button>
        </form>
    }
    .into_any()
}

/// After the account was erased.
pub fn erased(lang: Lang) -> AnyView {
    let m = lang.messages();
    view! {
        {page_title(m.privacy_erased)}
        <p class="my-3">{m.privacy_erased_note}</p>
        <p class="my-3"><a href="/" class="text-brand underline">{m.page_home}</a></p>
    }
    .into_any()
}

/// One kind of data in the archive: its title, columns and rows.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The archive's readable index: each kind of data as a table.
pub fn archive_index(lang: Lang, sections: Vec<Section>) -> AnyView {
    let m = lang.messages();
    view! {
        <h1>{m.privacy_archive_title}</h1>
        <p>{m.privacy_archive_note}</p>
        {sections.into_iter().map(|s| view! {
            <h2>{s.title}</h2>
            <table>
                <thead><tr>{s.columns.into_iter().map(|c| view! { <th>{c}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {s.rows.into_iter().map(|row| view! {
                        <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        }).collect_view()}
    }
    .into_any()
}
