//! Reusable pieces of the shell and the pages.

mod duty_hours;
mod error_note;
mod nav;
mod shell;

pub use duty_hours::DutyHours;
pub use error_note::{loaded, ErrorNote, Loading};
pub use nav::{StaffNav, TabBar};
pub use shell::{PageTitle, Shell};
