//! The district calendar (public holidays and 调休 make-up working days), and the setup list
//! that says what a programme still lacks before residents can be served.

use super::endpoint::{endpoints, Access};
use crate::model::{
    CalendarDay, CalendarImport, CalendarReport, CalendarYear, DayRequest, Empty, SetupChecklist, YearRequest,
};

endpoints! {
    /// A year's holidays and make-up working days. Staff and admins.
    GetCalendar = "calendar/year", YearRequest => CalendarYear, Access::STAFF;

    /// Adds or changes one day; answers its year. The district's staff and admins.
    SaveCalendarDay = "calendar/save", CalendarDay => CalendarYear, Access::District;

    /// Takes one day off the calendar; answers its year. The district's staff and admins.
    RemoveCalendarDay = "calendar/remove", DayRequest => CalendarYear, Access::District;

    /// Checks a year's table row by row, and replaces the year with it when asked and no row is
    /// wrong. The district's staff and admins.
    ImportCalendar = "calendar/import", CalendarImport => CalendarReport, Access::District;

    /// What is missing before residents can be served. The district's staff and admins.
    GetSetupChecklist = "staff/setup", Empty => SetupChecklist, Access::District;
}
