//! Reusable pieces of both front ends' pages.

mod duty_hours;
mod error_note;
mod file_upload;
mod page_title;
mod sign_in_link;

pub use duty_hours::duty_hours;
pub use error_note::{error_note, loaded, loading};
pub use file_upload::FileUpload;
pub use page_title::page_title;
pub use sign_in_link::{after_sign_in, SignInLink};
