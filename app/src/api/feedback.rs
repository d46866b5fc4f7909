//! Praise and complaints: residents send them; staff reply to complaints and record letters of
//! thanks and banners that came offline.

use super::endpoint::{endpoints, Access};
use crate::model::{Empty, FeedbackMatter, FeedbackReply, FeedbackView, NewFeedback, OfflineThanks};

endpoints! {
    /// The resident's consultations held and questions answered in the last 180 days, to praise
    /// or complain about.
    FeedbackMatters = "feedback/matters", Empty => Vec<FeedbackMatter>, Access::RESIDENTS;

    /// The resident praises or complains about one of their consultations or answers (once each).
    SendFeedback = "feedback/send", NewFeedback => FeedbackView, Access::RESIDENTS;

    /// The resident's praise and complaints, with staff's replies.
    MyFeedback = "feedback/mine", Empty => Vec<FeedbackView>, Access::RESIDENTS;

    /// Praise and complaints in the caller's scope (a street's staff: their street's): open
    /// complaints first, then the newest.
    StaffFeedback = "staff/feedback", Empty => Vec<FeedbackView>, Access::STAFF;

    /// Replies to an open complaint, which handles it; the resident reads the reply.
    ReplyToComplaint = "staff/reply-complaint", FeedbackReply => FeedbackView, Access::STAFF;

    /// Records a letter of thanks or a banner a lawyer received for a community in scope.
    RecordThanks = "staff/record-thanks", OfflineThanks => FeedbackView, Access::STAFF;
}
