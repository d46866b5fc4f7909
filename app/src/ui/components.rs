//! Reusable pieces of both front ends' pages.

mod duty_hours;
mod error_note;
mod page_title;
mod sign_in_link;

pub use duty_hours::DutyHours;
pub use error_note::{loaded, ErrorNote, Loading};
pub use page_title::PageTitle;
pub use sign_in_link::{after_sign_in, sign_in_href, SignInLink};
