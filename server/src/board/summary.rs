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
    let bookings = bookings_of(f);
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
    let compared = board.year_before.as_ref().map(|before| year_on_year(f, before, lang)).unwrap_or_default();
    let referred = referrals(&board.referrals, lang);
    let groups = special_groups(&board.special_groups, lang);
    format!("{}{compared}{assisted}{groups}{referred}{locks}", paragraph.trim_end())
}

/// The emergency teams that served in the period, `(teams, services, people)`; nothing when
/// none did.
pub fn incidents((teams, services, people): (i64, i64, i64), lang: Lang) -> String {
    if teams == 0 {
        return String::new();
    }
    let n = |k: i64| k.to_string();
    let line = app::i18n::IncidentTexts::of(lang).summary_line;
    fill(line, &[("teams", &n(teams)), ("services", &n(services)), ("people", &n(people))])
}

/// The year's lectures at parks and enterprises so far against the target, `(lectures, target)`;
/// nothing when the year has no target.
pub fn lectures((lectures, target): (i64, Option<i64>), lang: Lang) -> String {
    let Some(target) = target else { return String::new() };
    let line = app::i18n::PointTexts::of(lang).summary_line;
    fill(line, &[("lectures", &lectures.to_string()), ("target", &target.to_string())])
}

/// The referrals handed over (the resident agreed, and they were not withdrawn), by kind and
/// for special groups, and those overdue; nothing when there were none.
fn referrals(tallies: &[app::model::ReferralTally], lang: Lang) -> String {
    use app::domain::{ReferralKind, ReferralStatus};
    let t = lang.messages();
    let handed = |tally: &&app::model::ReferralTally| {
        matches!(
            tally.status,
            ReferralStatus::Sent | ReferralStatus::Accepted | ReferralStatus::Declined | ReferralStatus::Closed
        )
    };
    let of =
        |kind: ReferralKind| tallies.iter().filter(handed).filter(|r| r.kind == kind).map(|r| r.referrals).sum::<i64>();
    let green: i64 = tallies.iter().filter(handed).filter(|r| r.special_group.is_some()).map(|r| r.referrals).sum();
    let overdue: i64 = tallies.iter().map(|r| r.overdue).sum();
    let (legal_aid, mediation, notary) =
        (of(ReferralKind::LegalAid), of(ReferralKind::Mediation), of(ReferralKind::Notary));
    let mut said = String::new();
    if legal_aid + mediation + notary > 0 {
        let counts = [legal_aid, mediation, notary, green].map(|n| n.to_string());
        let names = ["legal_aid", "mediation", "notary", "green"];
        let values: Vec<(&str, &str)> = names.iter().copied().zip(counts.iter().map(String::as_str)).collect();
        said.push_str(&fill(t.board_summary_referrals, &values));
    }
    if overdue > 0 {
        said.push_str(&fill(t.board_summary_overdue, &[("overdue", &overdue.to_string())]));
    }
    said
}

/// The bookings of `f`, whatever became of them.
fn bookings_of(f: &Figures) -> i64 {
    f.bookings_completed + f.bookings_no_show + f.bookings_cancelled + f.bookings_waiting
}

/// `now` against `before` the way the bureau writes it: 增长12.5%, 下降3.0%, 持平, or that there
/// was none a year before.
fn change(now: i64, before: i64, lang: Lang) -> String {
    let t = lang.messages();
    if before == 0 {
        return if now == 0 { t.yoy_flat.to_owned() } else { t.yoy_none_before.to_owned() };
    }
    let percent = (now - before) as f64 * 100.0 / before as f64;
    match percent {
        p if p.abs() < 0.05 => t.yoy_flat.to_owned(),
        p if p > 0.0 => fill(t.yoy_up, &[("p", &format!("{p:.1}"))]),
        p => fill(t.yoy_down, &[("p", &format!("{:.1}", -p))]),
    }
}

/// The sentence comparing the period's `f` with the same period a year before.
fn year_on_year(f: &Figures, before: &Figures, lang: Lang) -> String {
    let values = [
        ("duty_days", change(f.duty_days, before.duty_days, lang)),
        ("services", change(super::services_of_all(f), super::services_of_all(before), lang)),
        ("bookings", change(bookings_of(f), bookings_of(before), lang)),
        ("asked", change(f.questions_asked, before.questions_asked, lang)),
    ];
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(lang.messages().board_summary_yoy, &pairs)
}

/// The services given to special groups, in all and per group, then their residents' questions
/// and completed consultations; nothing for what there was none of.
fn special_groups(groups: &[app::model::GroupServices], lang: Lang) -> String {
    let t = lang.messages();
    let services: i64 = groups.iter().map(|g| g.services).sum();
    let (questions, bookings): (i64, i64) =
        (groups.iter().map(|g| g.questions).sum(), groups.iter().map(|g| g.bookings).sum());
    let contacts = if questions + bookings == 0 {
        String::new()
    } else {
        fill(
            t.board_summary_group_contacts,
            &[("questions", &questions.to_string()), ("bookings", &bookings.to_string())],
        )
    };
    if services == 0 {
        return contacts;
    }
    let names = app::i18n::GroupTexts::of(lang);
    let each: Vec<String> = groups
        .iter()
        .filter(|g| g.services > 0)
        .map(|g| match lang {
            Lang::Zh => format!("{}{}件", names.group(g.group), g.services),
            Lang::En => format!("{} {}", names.group(g.group), g.services),
        })
        .collect();
    let separator = if lang == Lang::Zh { "、" } else { ", " };
    let served =
        fill(t.board_summary_groups, &[("services", &services.to_string()), ("groups", &each.join(separator))]);
    format!("{served}{contacts}")
}

#[cfg(test)]
mod tests {
    use super::change;
    use app::i18n::Lang;

    #[test]
    fn changes_read_as_the_bureau_writes_them() {
        assert_eq!(change(9, 8, Lang::Zh), "增长12.5%");
        assert_eq!(change(97, 100, Lang::Zh), "下降3.0%");
        assert_eq!(change(5, 5, Lang::Zh), "持平");
        assert_eq!(change(3, 0, Lang::Zh), "去年同期为零");
        assert_eq!(change(0, 0, Lang::Zh), "持平");
        assert_eq!(change(0, 4, Lang::En), "down 100.0%");
    }
}
