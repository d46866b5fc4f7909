//! The district calendar (public holidays and 调休 make-up working days), the booking rules, and
//! the setup list that says what a programme still lacks before residents can be served.

use super::endpoint::{endpoints, Access};
use crate::model::{
    BookingRulesEdit, BookingRulesView, CalendarDay, CalendarImport, CalendarReport, CalendarYear, CommunityRequest,
    DayRequest, Empty, SetupChecklist, YearRequest,
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

    /// The district's booking rules and the communities' own (a street's staff: their street's).
    GetBookingRules = "staff/booking-rules", Empty => BookingRulesView, Access::STAFF;

    /// Sets the district's booking rules (the district's staff and admins) or a community's (staff
    /// whose scope covers it).
    SaveBookingRules = "staff/save-booking-rules", BookingRulesEdit => BookingRulesView, Access::STAFF;

    /// A community goes back to the district's booking rules.
    ClearBookingRules = "staff/clear-booking-rules", CommunityRequest => BookingRulesView, Access::STAFF;

    /// What is missing before residents can be served. The district's staff and admins.
    GetSetupChecklist = "staff/setup", Empty => SetupChecklist, Access::District;
}
