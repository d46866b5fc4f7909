//! The board's tables: streets, then the communities of the street chosen (or all), with their
//! team, who is on duty, duty-days against quota and the gaps, each linking to what to do.

use super::{href, satisfaction, services};
use crate::i18n::DeskTexts;
use crate::model::{Board, CommunityLine, Gap};
use crate::ui::use_prefs;
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left";
const GAP_CELL: &str = "border-b border-line px-2 py-1 text-left font-bold text-danger";

/// One line per street; a street's name shows its communities.
#[component]
pub fn Streets(board: Board, street: Option<i64>) -> impl IntoView {
    let t = use_prefs().desk();
    let (from, to) = (board.from.clone(), board.to.clone());
    let shown = board.streets.len() as i64;
    let more = (board.streets_total > shown).then(|| {
        let words = t
            .board_least_covered
            .replace("{n}", &shown.to_string())
            .replace("{total}", &board.streets_total.to_string());
        view! { <p class="mb-2 text-sm text-muted">{words}</p> }
    });
    view! {
        <h2 class="mb-2 text-lg font-bold">{t.board_streets}</h2>
        {more}
        <div class="mb-4 overflow-x-auto">
            <table class="w-full text-sm">
                <thead><tr>
                    <th class=CELL>{t.board_street}</th>
                    <th class=CELL>{t.board_with_gaps}</th>
                    <th class=CELL>{t.board_duty_days}</th>
                    <th class=CELL>{t.board_services}</th>
                    <th class=CELL>{t.board_people}</th>
                    <th class=CELL>{t.board_questions}</th>
                    <th class=CELL>{t.board_satisfaction}</th>
                </tr></thead>
                <tbody>
                    {board.streets.into_iter().map(|s| {
                        let f = &s.figures;
                        let chosen = street == Some(s.id);
                        let gap_cell = if s.with_gaps.is_some_and(|n| n > 0) { GAP_CELL } else { CELL };
                        let with_gaps = s.with_gaps.map_or_else(|| t.board_none.to_owned(), |n| n.to_string());
                        view! {
                            <tr class=if chosen { "bg-surface font-bold" } else { "" }>
                                <td class=CELL><a class="text-brand underline" href=href(&from, &to, Some(s.id))>{s.name.clone()}</a></td>
                                <td class=gap_cell>{format!("{with_gaps} / {}", s.communities)}</td>
                                <td class=CELL>{format!("{} / {}", f.duty_days, f.quota)}</td>
                                <td class=CELL>{services(f)}</td>
                                <td class=CELL>{f.people_served}</td>
                                <td class=CELL>{format!("{} / {}", f.questions_answered, f.questions_asked)}</td>
                                <td class=CELL>{satisfaction(f)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A gap's words and where it is acted on.
fn gap(gap: Gap, line: &CommunityLine, t: &DeskTexts) -> (&'static str, String) {
    let month =
        line.a_lawyer_id.map_or_else(|| format!("/communities/{}", line.id), |id| format!("/desk/month?lawyer={id}"));
    let href = match gap {
        Gap::NoALawyer => format!("/desk/team?community={}", line.id),
        Gap::BelowQuota | Gap::NoRecentDuty => month,
        Gap::QuestionsPastDeadline => "/desk/questions".into(),
        Gap::BookingsWaiting => "/desk".into(),
    };
    (gap.label(t), href)
}

/// The communities of `street` (all when none), gaps first so they stand out.
#[component]
pub fn Communities(board: Board, street: Option<i64>) -> impl IntoView {
    let t = use_prefs().desk();
    let mut lines: Vec<CommunityLine> =
        board.communities.into_iter().filter(|c| street.is_none_or(|s| c.street_id == s)).collect();
    lines.sort_by_key(|c| c.gaps.is_empty());
    // A board of one street (a street's staff see only theirs) is titled with its name.
    let only = (board.streets.len() == 1).then(|| board.streets[0].id);
    let title = street
        .or(only)
        .and_then(|s| board.streets.iter().find(|x| x.id == s).map(|x| x.name.clone()))
        .unwrap_or_else(|| t.board_all_streets.to_owned());
    if street.is_none() && lines.is_empty() && board.communities_total > 0 {
        // Too many to list: the streets above lead to theirs.
        return view! { <p class="text-muted">{t.board_pick_street}</p> }.into_any();
    }
    view! {
        <h2 class="mb-2 text-lg font-bold">{title}</h2>
        {street.is_some().then(|| view! {
            <a class="mb-2 inline-block text-brand underline" href=href(&board.from, &board.to, None)>{t.board_all_streets}</a>
        })}
        <div class="overflow-x-auto">
            <table class="w-full text-sm">
                <thead><tr>
                    <th class=CELL>{t.board_community}</th>
                    <th class=CELL>{t.board_team}</th>
                    <th class=CELL>{t.board_on_duty}</th>
                    <th class=CELL>{t.board_duty_days}</th>
                    <th class=CELL>{t.board_last_duty}</th>
                    <th class=CELL>{t.board_services}</th>
                    <th class=CELL>{t.board_questions}</th>
                    <th class=CELL>{t.board_gaps}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|c| {
                        let f = &c.figures;
                        let none = || t.board_none.to_owned();
                        let team = format!(
                            "{} / {} / {}",
                            c.a_lawyer.clone().unwrap_or_else(none),
                            c.b_lawyer.clone().unwrap_or_else(none),
                            c.coordinator.clone().unwrap_or_else(none)
                        );
                        let gaps = c.gaps.iter().map(|g| {
                            let (words, to) = gap(*g, &c, t);
                            view! { <a href=to class="mb-1 mr-1 inline-block rounded-full border border-danger px-2 text-danger">"⚠ "{words}</a> }
                        }).collect_view();
                        view! {
                            <tr data-community=c.id>
                                <td class=CELL><a class="text-brand underline" href=format!("/desk/team?community={}", c.id)>{c.name.clone()}</a></td>
                                <td class=CELL>{team}</td>
                                <td class=CELL>{if c.on_duty.is_empty() { none() } else { c.on_duty.join("、") }}</td>
                                <td class=CELL>{format!("{} / {}", f.duty_days, f.quota)}</td>
                                <td class=CELL>{c.last_duty.clone().unwrap_or_else(none)}</td>
                                <td class=CELL>{services(f)}</td>
                                <td class=CELL>{format!("{} / {}", f.questions_answered, f.questions_asked)}</td>
                                <td class=CELL>{gaps}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
