//! 家门口公证: notary offices publish home-visit hours; residents, or their lawyer at the desk,
//! book a visit; the office records what came of it.

use super::endpoint::{endpoints, Access};
use crate::model::{
    Empty, NewVisit, NotaryOffice, OfficeRequest, VisitHours, VisitOutcome, VisitRequest, VisitSlots, VisitView,
};

endpoints! {
    /// The notary offices that visit residents at home.
    NotaryOffices = "visits/offices", Empty => Vec<NotaryOffice>, Access::Anyone;

    /// An office's free visit times of the next fortnight.
    VisitTimes = "visits/slots", OfficeRequest => VisitSlots, Access::Anyone;

    /// Books a visit for the caller (a resident) or, at the desk, for the resident of the
    /// caller's matter who read back their code.
    BookVisit = "visits/book", NewVisit => VisitView, Access::PARTIES;

    /// The resident's visits, the next first.
    MyVisits = "visits/mine", Empty => Vec<VisitView>, Access::RESIDENTS;

    /// The resident calls a booked visit off.
    CancelVisit = "visits/cancel", VisitRequest => VisitView, Access::RESIDENTS;

    /// The caller's notary office's weekly visit hours.
    GetVisitHours = "visits/hours", Empty => VisitHours, Access::AGENCY;

    /// Replaces the caller's notary office's weekly visit hours (visits booked stay).
    SaveVisitHours = "visits/save-hours", VisitHours => VisitHours, Access::AGENCY;

    /// The caller's notary office's visits: those to come first, then the last 30 days'.
    OfficeVisits = "visits/office", Empty => Vec<VisitView>, Access::AGENCY;

    /// The office records what came of a visit, or calls it off with a reason.
    FinishVisit = "visits/finish", VisitOutcome => VisitView, Access::AGENCY;
}
