//! Domain values parsed the same way in the browser (for instant feedback) and on the server
//! (which never trusts the browser).

mod one_time_code;
mod phone;
mod role;

pub use one_time_code::OneTimeCode;
pub use phone::PhoneNumber;
pub use role::{AssignmentRole, Role};
