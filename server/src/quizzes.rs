//! The month's theme (一月一主题) and its quiz: the district's staff set a month's theme and a short
//! quiz, articles join the theme by naming it, residents take the quiz once, and staff read how
//! many took it and how well, per street.

mod stats;
mod take;
mod theme;

pub use stats::stats;
pub use take::take;
pub use theme::{answers, current, read, save};

use app::time::LocalDate;

/// `YYYY-MM` of `day`.
fn month_of(day: LocalDate) -> String {
    format!("{:04}-{:02}", day.year, day.month)
}
