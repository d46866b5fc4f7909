//! The paragraph a report of the period opens with, in the bureau's way of reporting: the
//! district's (or a street's) duty-days against quota, services by category, people served, bookings and
//! questions, how many communities have gaps, and the months locked — every number the export's.

use crate::text::fill;
use app::i18n::{DeskTexts, Lang};
use app::model::{Board, Figures};

/// `2025-10-01` as `2025年10月1日` in Chinese; as it is in English.
fn date(text: &str, lang: Lang) -> String {
    match (lang, app::time::LocalDate::parse(text)) {
        (Lang::Zh, Some(d)) => format!("{}年{}月{}日", d.year, d.month, d.day),
        _ => text.to_owned(),
    }
}

/// The summary of `board` in `lang`, of the district or of the street named `street`.
pub fn paragraph(board: &Board, street: Option<&str>, lang: Lang) -> String {
    let t = lang.messages();
    let desk = DeskTexts::of(lang);
    let f: &Figures = &board.totals;
    let list = f
        .services
        .iter()
        .map(|s| match lang {
            Lang::Zh => format!("{}{}件", s.category.label(desk), s.services),
            Lang::En => format!("{}: {}", s.category.label(desk), s.services),
        })
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "、" } else { ", " });
    let categories = if list.is_empty() { String::new() } else { fill(t.board_summary_categories, &[("list", &list)]) };
    let median = f
        .median_first_response_minutes
        .map(|m| fill(t.board_summary_median, &[("minutes", &m.to_string())]))
        .unwrap_or_default();
    // Unknown when the programme is too large to look at every community at once.
    let gaps = match board.with_gaps_total {
        None => String::new(),
        Some(0) => t.board_summary_no_gaps.to_owned(),
        Some(n) => fill(t.board_summary_gaps, &[("n", &n.to_string())]),
    };
    let period = fill(t.board_summary_period, &[("from", &date(&board.from, lang)), ("to", &date(&board.to, lang))]);
    let bookings = f.bookings_completed + f.bookings_no_show + f.bookings_cancelled + f.bookings_waiting;
    let area = match street {
        Some(street) => fill(t.board_summary_street, &[("street", street)]),
        None => t.board_summary_district.to_owned(),
    };
    let changed = match board.locks.changed.len() {
        0 => String::new(),
        k => fill(t.board_summary_changed, &[("k", &k.to_string())]),
    };
    let locks = match board.locks.locked_months {
        None | Some(0) => String::new(),
        Some(n) => fill(t.board_summary_locks, &[("n", &n.to_string()), ("changed", &changed)]),
    };
    let paragraph = fill(
        t.board_summary,
        &[
            ("period", &period),
            ("area", &area),
            ("communities", &board.communities_total.to_string()),
            ("duty_days", &f.duty_days.to_string()),
            ("quota", &f.quota.to_string()),
            ("services", &super::services_of_all(f).to_string()),
            ("people", &f.people_served.to_string()),
            ("categories", &categories),
            ("bookings", &bookings.to_string()),
            ("completed", &f.bookings_completed.to_string()),
            ("asked", &f.questions_asked.to_string()),
            ("answered", &f.questions_answered.to_string()),
            ("median", &median),
            ("gaps", &gaps),
        ],
    );
    let assisted = match board.assisted {
        app::model::Assisted { bookings: 0, questions: 0 } => String::new(),
        a => fill(
            t.board_summary_assisted,
            &[("bookings", &a.bookings.to_string()), ("questions", &a.questions.to_string())],
        ),
    };
    format!("{}{assisted}{locks}", paragraph.trim_end())
}
