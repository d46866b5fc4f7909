//! Reusable pieces of the shell and the pages.

mod error_note;
mod nav;
mod shell;

pub use error_note::{ErrorNote, Loading};
pub use nav::{StaffNav, TabBar};
pub use shell::{PageTitle, Shell};
