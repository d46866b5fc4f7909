//! The residents' pages the server renders: 普法 articles, the public library, online questions
//! and 我的资料. A resident on a weak network reads an article or finds a template before any wasm
//! could arrive, a shared link opens anywhere, and the residents' app (whose first load has a
//! fixed budget) pays not one byte for them.
//!
//! They are views like the app's, rendered to HTML once per request inside the app's own frame
//! (header and tab bar, [`crate::resident::shell::frame`]) with its stylesheet, so the two look
//! and work as one site. Every text is escaped by the view; the only markup printed as it is, an
//! article's or an answer's body, is a [`SafeHtml`]. Built only for the server (`ssr`).

pub mod api_keys;
pub mod articles;
pub mod ask;
mod bits;
pub mod community;
pub mod evaluations;
pub mod feedback;
pub mod incidents;
pub mod library;
pub mod messages;
pub mod my_community;
pub mod my_files;
pub mod my_waitlist;
pub mod notice;
pub mod organisations;
pub mod points;
pub mod poster;
pub mod privacy;
pub mod questions;
pub mod quiz;
pub mod referral_desk;
pub mod referral_queue;
pub mod referrals;
pub mod reviews;
pub mod street;
pub mod thread;
pub mod visit_office;
pub mod visits;
pub mod work;
mod worker_frame;

use crate::domain::SafeHtml;
use crate::i18n::Lang;
use crate::ui::router::Location;
use crate::ui::Prefs;
pub use leptos::prelude::AnyView;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

/// What a page is rendered for and with.
#[derive(Debug, Clone)]
pub struct Frame {
    /// The reader's language.
    pub lang: Lang,
    /// A lawyer, assistant, receiving body's staff member or staff member is signed in: the
    /// workers' frame (the header leads to the workbench, no residents' tab bar).
    pub is_worker: bool,
    /// The page's path and query (the tab bar marks its tab; sign-in links come back to it).
    pub path: String,
    /// The query, without `?`.
    pub query: String,
    /// The residents' stylesheet (its name carries the build's hash); none before a build.
    pub stylesheet: Option<String>,
    /// 适老化 large text, as chosen in 我的 (its cookie).
    pub large_text: bool,
    /// High contrast, likewise.
    pub high_contrast: bool,
}

impl Frame {
    /// The classes of `<html>` that the reader's choices ask for, as the app sets them.
    fn root_class(&self) -> &'static str {
        match (self.large_text, self.high_contrast) {
            (false, false) => "",
            (true, false) => "large-text",
            (false, true) => "high-contrast",
            (true, true) => "large-text high-contrast",
        }
    }
}

/// A whole document: `title`, and `main` inside the residents' frame (the workers' for a
/// worker); `script` (a file of this site) runs deferred.
pub fn render(frame: &Frame, title: &str, script: Option<&'static str>, main: impl FnOnce() -> AnyView) -> String {
    let lang = frame.lang;
    let class = frame.root_class();
    document(lang, (frame.large_text, frame.high_contrast), || {
        provide_context(Location {
            path: RwSignal::new(frame.path.clone()),
            query: RwSignal::new(frame.query.clone()),
        });
        let (is_worker, path) = (frame.is_worker, frame.path.clone());
        let body = if is_worker {
            worker_frame::frame(main()).into_any()
        } else {
            crate::resident::shell::frame(move || is_worker, move || path.clone(), main()).into_any()
        };
        view! {
            <html lang=lang.tag() class=class>
                <head>
                    <meta charset="utf-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                    <meta name="theme-color" content="#1e40af" />
                    <title>{format!("{title} · 法i社区")}</title>
                    <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
                    {frame.stylesheet.clone().map(|href| view! { <link rel="stylesheet" href=href /> })}
                    <link rel="stylesheet" href="/reading.css" />
                    {script.map(|src| view! { <script src=src defer=true></script> })}
                </head>
                <body>{body}</body>
            </html>
        }
    })
}

/// A page for printing: `main` alone, styled by `/poster.css` (no header, no tab bar).
pub fn render_print(lang: Lang, title: &str, main: impl FnOnce() -> AnyView) -> String {
    let style = view! { <link rel="stylesheet" href="/poster.css" /> }.into_any();
    bare(lang, format!("{title} · 法i社区"), style, main)
}

/// A document to keep offline (the resident's archive): its own small style, nothing fetched.
pub fn render_offline(lang: Lang, title: &str, main: impl FnOnce() -> AnyView) -> String {
    const STYLE: &str = "body{font-family:sans-serif;margin:1rem;line-height:1.5}table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}";
    bare(lang, title.to_owned(), view! { <style>{STYLE}</style> }.into_any(), main)
}

/// `main` alone in a document titled `title`, styled by `style` (no header, no tab bar).
fn bare(lang: Lang, title: String, style: AnyView, main: impl FnOnce() -> AnyView) -> String {
    document(lang, (false, false), || {
        view! {
            <html lang=lang.tag()>
                <head>
                    <meta charset="utf-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    <title>{title}</title>
                    {style}
                </head>
                <body>{main()}</body>
            </html>
        }
    })
}

/// `page` rendered as a document in `lang` with `(large text, high contrast)`, the preferences
/// the shared components read.
fn document<V: RenderHtml>(lang: Lang, (large, contrast): (bool, bool), page: impl FnOnce() -> V) -> String {
    Owner::new().with(|| {
        provide_context(Prefs {
            lang: RwSignal::new(lang),
            large_text: RwSignal::new(large),
            high_contrast: RwSignal::new(contrast),
        });
        format!("<!DOCTYPE html>{}", page().to_html())
    })
}

/// Sanitised markup, printed as it is.
fn safe_html(class: &'static str, html: SafeHtml) -> impl IntoView {
    view! { <div class=class inner_html=html.into_string()></div> }
}
