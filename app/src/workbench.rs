//! The workbench, served under `/desk/`: the lawyers' and assistants' desk and the bureau staff's
//! coverage. Its own wasm, built from `bin/workbench.rs`; it shares wire types, components, i18n
//! and endpoint declarations with the residents' app.

mod account;
mod accounts;
mod articles;
mod assist;
mod audit;
mod board;
mod booking_rules;
mod calendar;
mod closures;
mod corrections;
mod coverage;
mod desk;
mod duty;
mod files;
mod import;
mod labels;
mod lawyer_account;
mod lawyers;
mod leave_place;
mod library;
mod log;
mod messages;
mod month;
mod places;
mod publish;
mod questions;
mod retire;
mod schedule;
mod setup;
mod shell;
mod sign_in;
mod team;
mod waiting;

use crate::ui::router::{segments, Location};
use crate::ui::{Prefs, SessionState};
use leptos::prelude::*;

/// Where the workbench is served; every path in it starts here.
pub const BASE: &str = "/desk";

/// Mounts the workbench on `<body>`.
pub fn mount() {
    crate::ui::mount(App);
}

/// A page of the workbench.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/desk/sign-in`.
    SignIn,
    /// `/desk/duty`: check in and out, record services.
    Log,
    /// `/desk/month?lawyer=&m=`: a lawyer's month.
    Month,
    /// `/desk/files`: files residents shared.
    Files,
    /// `/desk/publish`: 普法 articles and the library.
    Publish,
    /// `/desk/questions[?id=]`: online questions.
    Questions,
    /// `/desk/board[?from=&to=&street=]`: the bureau's coverage board.
    Board,
    /// `/desk/team?community=`: a community's lawyers over time, and changing them.
    Team,
    /// `/desk/audit`: the audit log.
    Audit,
    /// `/desk/import[?kind=assignments]`: lawyers or assignments added from a table.
    Import,
    /// `/desk/accounts`: staff and admin accounts (admins).
    Accounts,
    /// `/desk/calendar`: holidays and make-up working days.
    Calendar,
    /// `/desk/messages`: text messages by kind, delivered and failed (the district's staff).
    Messages,
    /// `/desk/rules`: booking rules, the district's and communities' own (staff).
    Rules,
    /// `/desk/schedule`: each community's weekly duty (staff).
    Schedule,
    /// `/desk/lawyers`: the lawyers' register and their firms.
    Lawyers,
    /// `/desk/places`: streets and communities created and moved.
    Places,
    /// `/desk/assist`: booking or asking for a resident who came in or phoned.
    Assist,
    /// `/desk` and anything else under it: the desk.
    Desk,
}

impl Page {
    /// The page a path shows.
    pub fn of(path: &str) -> Page {
        match segments(path).as_slice() {
            ["desk", "sign-in"] => Page::SignIn,
            ["desk", "duty"] => Page::Log,
            ["desk", "month"] => Page::Month,
            ["desk", "files"] => Page::Files,
            ["desk", "publish"] => Page::Publish,
            ["desk", "questions"] => Page::Questions,
            ["desk", "board"] => Page::Board,
            ["desk", "team"] => Page::Team,
            ["desk", "audit"] => Page::Audit,
            ["desk", "import"] => Page::Import,
            ["desk", "accounts"] => Page::Accounts,
            ["desk", "calendar"] => Page::Calendar,
            ["desk", "schedule"] => Page::Schedule,
            ["desk", "rules"] => Page::Rules,
            ["desk", "messages"] => Page::Messages,
            ["desk", "lawyers"] => Page::Lawyers,
            ["desk", "places"] => Page::Places,
            ["desk", "assist"] => Page::Assist,
            _ => Page::Desk,
        }
    }
}

/// The workbench: the page the address names, inside the shell with the top navigation.
#[component]
pub fn App() -> impl IntoView {
    Prefs::provide();
    SessionState::provide();
    let location = Location::provide();
    let page = Memo::new(move |_| Page::of(&location.path.get()));
    let prefs = crate::ui::use_prefs();
    // Rendered again when the language changes: every text on the page is plain text.
    move || {
        prefs.lang.track();
        view! {
            <shell::Shell>
                {move || match page.get() {
                    Page::SignIn => view! { <sign_in::SignInPage /> }.into_any(),
                    Page::Log => view! { <log::LogPage /> }.into_any(),
                    Page::Month => view! { <month::MonthPage /> }.into_any(),
                    Page::Files => view! { <files::FilesPage /> }.into_any(),
                    Page::Publish => view! { <publish::PublishPage /> }.into_any(),
                    Page::Questions => view! { <questions::QuestionsPage /> }.into_any(),
                    Page::Board => view! { <board::BoardPage /> }.into_any(),
                    Page::Team => view! { <team::TeamPage /> }.into_any(),
                    Page::Audit => view! { <audit::AuditPage /> }.into_any(),
                    Page::Import => view! { <import::ImportPage /> }.into_any(),
                    Page::Accounts => view! { <accounts::AccountsPage /> }.into_any(),
                    Page::Calendar => view! { <calendar::CalendarPage /> }.into_any(),
                    Page::Schedule => view! { <schedule::SchedulePage /> }.into_any(),
                    Page::Rules => view! { <booking_rules::RulesPage /> }.into_any(),
                    Page::Messages => view! { <messages::MessagesPage /> }.into_any(),
                    Page::Lawyers => view! { <lawyers::LawyersPage /> }.into_any(),
                    Page::Places => view! { <places::PlacesPage /> }.into_any(),
                    Page::Assist => view! { <assist::AssistPage /> }.into_any(),
                    Page::Desk => view! { <desk::DeskPage /> }.into_any(),
                }}
            </shell::Shell>
        }
    }
}
