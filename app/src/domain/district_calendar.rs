//! The district calendar: which days are worked. Public holidays are off whatever their weekday;
//! a 调休 make-up working day is worked though it falls on a weekend, and runs the duty pattern
//! of the weekday it stands for. Booking availability, question deadlines and the figures read
//! this one calendar.

use crate::time::LocalDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// What a day of the calendar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A public holiday (法定节假日 and the days off around it): no duty, no working time.
    Holiday,
    /// A make-up working day (调休上班): a weekend day that is worked.
    Workday,
}

stored_names!(DayKind { Holiday = "holiday", Workday = "workday" });

/// The longest name of a calendar day.
pub const MAX_DAY_NAME_CHARS: usize = 20;

/// What is wrong with a calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayProblem {
    /// Not in the year being entered.
    OutsideYear,
    /// A make-up working day on a weekday, which is worked anyway.
    WorkdayOnWeekday,
    /// A make-up working day without the weekday (Monday–Friday) it runs as.
    WorksAs,
    /// No name, or a name over [`MAX_DAY_NAME_CHARS`].
    Name,
    /// The date is given twice.
    Twice,
}

/// Checks one day for `year`: the date inside it, a name, and for a make-up working day a weekend
/// date and the weekday (1–5) it runs as. A holiday's `works_as` is ignored (stored as none).
pub fn check_day(
    year: i32,
    date: LocalDate,
    kind: DayKind,
    name: &str,
    works_as: Option<u8>,
) -> Result<(), DayProblem> {
    let chars = name.trim().chars().count();
    if date.year != year {
        Err(DayProblem::OutsideYear)
    } else if chars == 0 || chars > MAX_DAY_NAME_CHARS {
        Err(DayProblem::Name)
    } else if kind == DayKind::Workday && date.weekday() <= 5 {
        Err(DayProblem::WorkdayOnWeekday)
    } else if kind == DayKind::Workday && !works_as.is_some_and(|d| (1..=5).contains(&d)) {
        Err(DayProblem::WorksAs)
    } else {
        Ok(())
    }
}

/// The calendar as working time and duty read it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DistrictCalendar {
    /// Days off.
    pub holidays: HashSet<LocalDate>,
    /// Weekend days worked, each with the weekday (1–5) whose duty pattern it runs.
    pub workdays: HashMap<LocalDate, u8>,
}

impl DistrictCalendar {
    /// Whether `day` is worked: a make-up working day, or Monday to Friday and not a holiday.
    pub fn is_working_day(&self, day: LocalDate) -> bool {
        self.workdays.contains_key(&day) || (day.weekday() <= 5 && !self.holidays.contains(&day))
    }

    /// The weekday whose duty pattern `day` runs: its own, or the one a make-up day stands for.
    pub fn runs_as(&self, day: LocalDate) -> u8 {
        self.workdays.get(&day).copied().unwrap_or_else(|| day.weekday())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> LocalDate {
        LocalDate::parse(s).expect("date")
    }

    #[test]
    fn holidays_are_off_and_make_up_days_are_worked_as_their_weekday() {
        let mut calendar = DistrictCalendar::default();
        calendar.holidays.insert(date("2026-10-01"));
        calendar.workdays.insert(date("2026-10-10"), 3);
        assert!(!calendar.is_working_day(date("2026-10-01")), "National Day, a Thursday");
        assert!(calendar.is_working_day(date("2026-10-10")), "a Saturday worked");
        assert!(!calendar.is_working_day(date("2026-10-11")), "a Sunday");
        assert!(calendar.is_working_day(date("2026-10-12")), "a Monday");
        assert_eq!(calendar.runs_as(date("2026-10-10")), 3);
        assert_eq!(calendar.runs_as(date("2026-10-11")), 7);
    }

    #[test]
    fn a_day_is_checked_against_its_year_its_name_and_its_weekday() {
        let ok = check_day(2026, date("2026-10-10"), DayKind::Workday, "国庆节调休", Some(3));
        assert_eq!(ok, Ok(()));
        assert_eq!(check_day(2026, date("2027-01-01"), DayKind::Holiday, "元旦", None), Err(DayProblem::OutsideYear));
        assert_eq!(
            check_day(2026, date("2026-10-09"), DayKind::Workday, "x", Some(3)),
            Err(DayProblem::WorkdayOnWeekday)
        );
        assert_eq!(check_day(2026, date("2026-10-10"), DayKind::Workday, "x", None), Err(DayProblem::WorksAs));
        assert_eq!(check_day(2026, date("2026-10-10"), DayKind::Workday, "x", Some(6)), Err(DayProblem::WorksAs));
        assert_eq!(check_day(2026, date("2026-10-01"), DayKind::Holiday, " ", None), Err(DayProblem::Name));
        assert_eq!(
            check_day(2026, date("2026-10-01"), DayKind::Holiday, &"节".repeat(21), None),
            Err(DayProblem::Name)
        );
    }
}
