//! Domain values parsed the same way in the browser (for instant feedback) and on the server
//! (which never trusts the browser).

mod booking;
mod one_time_code;
mod phone;
mod role;

pub use booking::{
    required_text, rules, BookingStatus, Channel, TextProblem, Topic, MAX_DESCRIPTION_CHARS, MAX_REASON_CHARS,
};
pub use one_time_code::OneTimeCode;
pub use phone::PhoneNumber;
pub use role::{AssignmentRole, Role};
