//! Online questions (在线咨询): where a question stands, who it is routed to, and the rules its
//! text and deadlines obey.

use crate::time::{Instant, LocalDate};
use serde::{Deserialize, Serialize};

/// Where a question stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionStatus {
    /// Waiting for a lawyer's answer.
    Waiting,
    /// A lawyer answered; the resident may accept, follow up or rate.
    Answered,
    /// A lawyer asked the resident for more information.
    NeedsInfo,
    /// Closed: accepted by the resident, or closed by the lawyer.
    Closed,
}

stored_names!(QuestionStatus { Waiting = "waiting", Answered = "answered", NeedsInfo = "needs_info", Closed = "closed" });

/// Who a question is routed to, in the order it escalates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RouteStep {
    /// The community's A lawyer.
    A,
    /// The community's B lawyer.
    B,
    /// The community's coordinating lawyer.
    Coordinator,
    /// Every lawyer of the community's street.
    Street,
}

impl RouteStep {
    /// The steps in escalation order.
    pub const ORDER: [RouteStep; 4] = [RouteStep::A, RouteStep::B, RouteStep::Coordinator, RouteStep::Street];

    /// Its number in the order (stored).
    pub fn index(self) -> i64 {
        match self {
            RouteStep::A => 0,
            RouteStep::B => 1,
            RouteStep::Coordinator => 2,
            RouteStep::Street => 3,
        }
    }

    /// The step numbered `n`.
    pub fn from_index(n: i64) -> Option<RouteStep> {
        usize::try_from(n).ok().and_then(|i| RouteStep::ORDER.get(i).copied())
    }

    /// The assignment role this step goes to (none: the whole street).
    pub fn assignment_role(self) -> Option<&'static str> {
        match self {
            RouteStep::A => Some("a"),
            RouteStep::B => Some("b"),
            RouteStep::Coordinator => Some("coordinator"),
            RouteStep::Street => None,
        }
    }
}

/// The longest question title, in characters.
pub const MAX_QUESTION_TITLE_CHARS: usize = 100;
/// The longest question, answer or follow-up, in characters.
pub const MAX_QUESTION_TEXT_CHARS: usize = 3000;
/// The most files attached to one question.
pub const MAX_QUESTION_ATTACHMENTS: usize = 5;
/// The most questions one resident may ask per day (Asia/Shanghai).
pub const QUESTIONS_PER_DAY: i64 = 3;

/// `start` plus `hours` of working time: only time on days `working` says are worked counts
/// (with the district calendar: Monday to Friday but holidays, and make-up working days; a
/// question asked on Friday evening with 24 working hours is due on Monday evening).
pub fn add_working_hours(start: Instant, hours: i64, working: impl Fn(LocalDate) -> bool) -> Instant {
    let mut left = hours.max(0) * 3_600_000;
    let mut at = start;
    // A year of days off in a row cannot happen; the bound only guards against a bad calendar.
    for _ in 0..400 {
        let day = at.to_shanghai().0;
        let next = day.plus_days(1).start();
        if working(day) {
            if left <= next.0 - at.0 {
                return Instant(at.0 + left);
            }
            left -= next.0 - at.0;
        }
        at = next;
    }
    Instant(at.0 + left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DistrictCalendar;

    fn at(date: &str, minute: u32) -> Instant {
        LocalDate::parse(date).expect("date").at_minute(minute)
    }

    #[test]
    fn working_hours_skip_weekends_and_holidays_and_count_make_up_days() {
        let none = |d: LocalDate| DistrictCalendar::default().is_working_day(d);
        // Monday 10:00 + 24 h → Tuesday 10:00.
        assert_eq!(add_working_hours(at("2026-11-30", 600), 24, none), at("2026-12-01", 600));
        // Friday 20:00 + 24 h → 4 h left on Friday, then Monday 20:00.
        assert_eq!(add_working_hours(at("2026-12-04", 1200), 24, none), at("2026-12-07", 1200));
        // Saturday 09:00 counts from Monday 00:00.
        assert_eq!(add_working_hours(at("2026-12-05", 540), 24, none), at("2026-12-08", 0));
        // New Year's Day (a Friday) is a holiday.
        let mut calendar = DistrictCalendar::default();
        calendar.holidays.insert(LocalDate::parse("2027-01-01").expect("date"));
        let new_year = |d: LocalDate| calendar.is_working_day(d);
        assert_eq!(add_working_hours(at("2026-12-31", 720), 24, new_year), at("2027-01-04", 720));
        // A Saturday worked (调休) counts.
        calendar.workdays.insert(LocalDate::parse("2027-01-02").expect("date"), 5);
        let make_up = |d: LocalDate| calendar.is_working_day(d);
        assert_eq!(add_working_hours(at("2026-12-31", 720), 24, make_up), at("2027-01-02", 720));
    }

    #[test]
    fn steps_escalate_in_order() {
        assert_eq!(RouteStep::from_index(0), Some(RouteStep::A));
        assert_eq!(RouteStep::from_index(3), Some(RouteStep::Street));
        assert_eq!(RouteStep::from_index(4), None);
        assert_eq!(RouteStep::Coordinator.assignment_role(), Some("coordinator"));
    }
}
