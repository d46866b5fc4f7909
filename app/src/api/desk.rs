//! The lawyers' desk: bookings to handle and the duty schedule. Lawyers and assistants act on
//! the communities they serve; staff and admins on any.

use super::endpoint::{endpoints, Access};
use crate::model::{
    AddDutyRequest, CallNumber, CallRequest, CloseStreetRequest, CommunityRequest, CommunitySummary, DeskBooking,
    DeskListRequest, DeskRequest, DutyExceptionRequest, DutyPlan, DutyPreview, DutySchedule, Empty, EndDutyRequest,
    LeaveRecorded, LeaveRequest, MeetingLinkRequest, SettleReport, SettleRequest, StreetClosed,
};

endpoints! {
    /// Bookings from today on, soonest first.
    ListDeskBookings = "desk/bookings", DeskListRequest => Vec<DeskBooking>, Access::DESK;

    /// Confirm, decline, complete, no-show, or note a booking.
    DecideBooking = "desk/decide", DeskRequest => DeskBooking, Access::DESK;

    /// The communities whose desk the caller works.
    ListDeskCommunities = "desk/communities", Empty => Vec<CommunitySummary>, Access::DESK;

    /// A community's recurring duty.
    GetDutySchedule = "desk/schedule", CommunityRequest => DutySchedule, Access::DESK;

    /// Adds a recurring duty period. Lawyers and staff.
    AddDutyPeriod = "desk/add-duty", AddDutyRequest => DutySchedule, Access::LAWYERS_AND_STAFF;

    /// Closes a desk on a date, or opens it extra. Lawyers and staff.
    AddDutyException = "desk/add-exception", DutyExceptionRequest => (), Access::LAWYERS_AND_STAFF;

    /// A community's duty as staff plan it: every period with its days, lawyers' names.
    GetDutyPlan = "desk/duty-plan", CommunityRequest => DutyPlan, Access::LAWYERS_AND_STAFF;

    /// The next four weeks of slots with a period added, saving nothing.
    PreviewDuty = "desk/preview-duty", AddDutyRequest => DutyPreview, Access::LAWYERS_AND_STAFF;

    /// Ends a period after a day (the past kept); answers the plan and the bookings left uncovered.
    EndDutyPeriod = "desk/end-duty", EndDutyRequest => DutyPlan, Access::LAWYERS_AND_STAFF;

    /// Settles live bookings a change of duty left without a desk: handed to the stand-in, or
    /// cancelled with a message; all or none. Lawyers and staff of the community.
    SettleBookings = "desk/settle-bookings", SettleRequest => SettleReport, Access::LAWYERS_AND_STAFF;

    /// Closes every community of a street on a day. Staff (a street's: their own).
    CloseStreet = "staff/close-street", CloseStreetRequest => StreetClosed, Access::STAFF;

    /// The resident's full number, to call them for their phone consultation: the lawyer who will
    /// see them or their assistant, from 15 minutes before the start to the end. Audited.
    CallResident = "desk/call", CallRequest => CallNumber, Access::ADVISERS;

    /// The lawyer of a video consultation gives its meeting address.
    SetMeetingLink = "desk/meeting-link", MeetingLinkRequest => DeskBooking, Access::ADVISERS;

    /// Records a lawyer's leave. Lawyers for themselves; staff for anyone.
    RecordLeave = "desk/leave", LeaveRequest => LeaveRecorded, Access::LAWYERS_AND_STAFF;
}
