//! Assisted service: whoever works a community's desk books or asks for a resident who walked in
//! or phoned, with their consent; the resident finds it in 我的 when they sign in.

use super::endpoint::{endpoints, Access};
use crate::model::{AssistedBooking, AssistedQuestion, BookingView, CodeSent, ConsentCodeRequest, QuestionThread};

endpoints! {
    /// Sends a code to the resident's phone for them to read back as their consent.
    SendConsentCode = "assisted/consent-code", ConsentCodeRequest => CodeSent, Access::DESK;

    /// Books a slot of a community the caller serves for the resident of a number.
    BookForResident = "assisted/book", AssistedBooking => BookingView, Access::DESK;

    /// Asks a question to a community the caller serves for the resident of a number.
    AskForResident = "assisted/ask", AssistedQuestion => QuestionThread, Access::DESK;
}
