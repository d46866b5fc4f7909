//! 覆盖看板: the bureau's board for a period — the district's figures, services by category, the
//! streets, and each community with its team and its gaps, each gap linking to where it is acted
//! on. The period and the street are in the address, so a board can be bookmarked and shared.

mod charts;
mod lines;
mod map;
mod referrals;

use crate::api::call;
use crate::api::staff::GetBoard;
use crate::domain::Period;
use crate::i18n::DeskTexts;
use crate::model::{BoardRequest, Figures, Locks};
use crate::time::{Instant, LocalDate};
use crate::ui::components::{loaded, page_title};
use crate::ui::load::load;
use crate::ui::platform;
use crate::ui::router::{query_param, use_location};
use crate::ui::use_prefs;
use leptos::prelude::*;

/// The board's address for a period and, optionally, one street.
pub fn href(from: &str, to: &str, street: Option<i64>) -> String {
    match street {
        Some(id) => format!("/desk/board?from={from}&to={to}&street={id}"),
        None => format!("/desk/board?from={from}&to={to}"),
    }
}

fn label(period: Period, t: &DeskTexts) -> &'static str {
    match period {
        Period::Week => t.board_week,
        Period::Month => t.board_month,
        Period::Quarter => t.board_quarter,
        Period::HalfYear => t.board_half_year,
    }
}

/// The page: this month unless the address names a period.
#[component]
pub fn BoardPage() -> impl IntoView {
    let prefs = use_prefs();
    let location = use_location();
    let today = Instant(platform::now_ms()).to_shanghai().0;
    let period = Memo::new(move |_| {
        let query = location.query.get();
        let (first, last) = Period::Month.around(today);
        let date = |name| query_param(&query, name).and_then(|d| LocalDate::parse(&d));
        (date("from").unwrap_or(first).to_string(), date("to").unwrap_or(last).to_string())
    });
    let street = Memo::new(move |_| query_param(&location.query.get(), "street").and_then(|s| s.parse::<i64>().ok()));
    view! {
        {page_title(prefs.desk().nav_board)}
        {move || {
            let (from, to) = period.get();
            let t = prefs.desk();
            view! {
                <nav class="mb-3 flex flex-wrap items-end gap-2 text-sm" aria-label=t.nav_board>
                    {Period::ALL.into_iter().map(|p| {
                        let (first, last) = p.around(today);
                        let current = first.to_string() == from && last.to_string() == to;
                        view! {
                            <a href=href(&first.to_string(), &last.to_string(), None)
                                class=if current { "rounded-full bg-brand px-3 py-2 text-white" } else { "rounded-full border border-line px-3 py-2" }>
                                {label(p, t)}
                            </a>
                        }
                    }).collect_view()}
                    // A plain form: the browser puts the dates in the address.
                    <form action="/desk/board" method="get" class="flex flex-wrap items-end gap-2">
                        <label class="flex flex-col">{t.board_from}
                            <input type="date" name="from" value=from.clone() required class="rounded border border-line px-2 py-1" />
                        </label>
                        <label class="flex flex-col">{t.board_to}
                            <input type="date" name="to" value=to.clone() required class="rounded border border-line px-2 py-1" />
                        </label>
                        <button class="rounded bg-brand px-3 py-2 text-white">{t.board_show}</button>
                    </form>
                </nav>
                <Loaded from to street=street.get() />
            }
        }}
    }
}

/// The board of one period, once read.
#[component]
fn Loaded(from: String, to: String, street: Option<i64>) -> impl IntoView {
    let request = BoardRequest { from, to, street };
    let board = load(move || call::<GetBoard>(request.clone()));
    move || {
        loaded(board.get(), move |board| {
            let period = match street {
                Some(id) => format!("from={}&to={}&street={id}", board.from, board.to),
                None => format!("from={}&to={}", board.from, board.to),
            };
            let t = use_prefs().desk();
            let link = move |href: String, words: &'static str| {
                view! { <a href=href rel="external" download class="text-brand underline">{words}</a> }
            };
            view! {
                <p class="mb-3 flex flex-wrap gap-4">
                    {link(format!("/api/staff/board.xlsx?{period}"), t.board_export_xlsx)}
                    {link(format!("/api/staff/board.xlsx?{period}&by=lawyer"), t.board_export_xlsx_lawyers)}
                    {link(format!("/api/staff/board.csv?{period}"), t.board_export)}
                    {link(format!("/api/staff/board.csv?{period}&by=lawyer"), t.board_export_lawyers)}
                    {link(format!("/api/staff/board.xlsx?{period}&by=referral"), t.board_export_referrals)}
                </p>
                <p class="mb-3 rounded-lg border border-line bg-surface p-3 leading-relaxed">{board.summary.clone()}</p>
                <ChangedAfterLock locks=board.locks.clone() />
                <Headline figures=board.totals.clone() />
                <Services figures=board.totals.clone() />
                <referrals::Referrals tallies=board.referrals.clone() />
                <charts::OverTime points=board.over_time.clone() />
                <charts::StreetBars streets=board.streets.clone() />
                <map::Map communities=board.communities.clone() streets=board.streets.clone() />
                <lines::Streets board=board.clone() street />
                <lines::Communities board street />
            }
            .into_any()
        })
    }
}

/// Duties corrected after their month was locked: the locked report's figures differ from
/// today's, and staff should know which.
#[component]
fn ChangedAfterLock(locks: Locks) -> impl IntoView {
    let t = use_prefs().desk();
    (!locks.changed.is_empty()).then(|| {
        view! {
            <section class="mb-3 rounded-lg border-2 border-danger p-3" aria-labelledby="changed-after-lock">
                <h2 id="changed-after-lock" class="font-bold text-danger">{t.board_changed_after_lock}</h2>
                <ul class="text-sm">
                    {locks.changed.into_iter().map(|c| view! {
                        <li>{c.served_on}" · "{c.community}" · "{c.lawyer}</li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// Satisfaction as the mean rating, one decimal.
pub fn satisfaction(f: &Figures) -> String {
    if f.ratings == 0 {
        return "—".into();
    }
    format!("{:.1}", f.rating_sum as f64 / f.ratings as f64)
}

/// Services of every category.
pub fn services(f: &Figures) -> i64 {
    f.services.iter().map(|s| s.services).sum()
}

/// The district's figures, each with its label.
#[component]
fn Headline(figures: Figures) -> impl IntoView {
    let t = use_prefs().desk();
    let f = figures;
    let median = f.median_first_response_minutes.map_or("—".to_owned(), |m| format!("≤ {m} {}", t.board_minutes));
    let items = [
        (t.board_duty_days, format!("{} / {}", f.duty_days, f.quota)),
        (t.board_services, services(&f).to_string()),
        (t.board_people, f.people_served.to_string()),
        (
            t.board_bookings,
            format!(
                "{} / {} / {} / {}",
                f.bookings_completed, f.bookings_no_show, f.bookings_cancelled, f.bookings_waiting
            ),
        ),
        (t.board_questions, format!("{} / {}", f.questions_answered, f.questions_asked)),
        (t.board_median, median),
        (t.board_past_deadline, f.questions_past_deadline.to_string()),
        (t.board_satisfaction, satisfaction(&f)),
    ];
    view! {
        <dl class="mb-4 grid grid-cols-2 gap-2 md:grid-cols-4">
            {items.into_iter().map(|(label, value)| view! {
                <div class="rounded-lg border border-line bg-surface p-3">
                    <dt class="text-sm text-muted">{label}</dt>
                    <dd class="text-xl font-bold">{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// Services by category as bars, longest first in the categories' order.
#[component]
fn Services(figures: Figures) -> impl IntoView {
    let t = use_prefs().desk();
    let most = figures.services.iter().map(|s| s.services).max().unwrap_or(0).max(1);
    view! {
        <h2 class="mb-2 text-lg font-bold">{t.board_by_category}</h2>
        <ul class="mb-4 space-y-1 text-sm">
            {figures.services.into_iter().map(|s| {
                let width = format!("width: {}%", s.services * 100 / most);
                view! {
                    <li class="grid grid-cols-[8rem_1fr_6rem] items-center gap-2">
                        <span>{s.category.label(t)}</span>
                        <span class="h-3 rounded bg-brand" style=width></span>
                        <span class="text-right">{s.services}" · "{s.people}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
