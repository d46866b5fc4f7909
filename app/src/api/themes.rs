//! The month's theme (一月一主题) and its quiz: staff set them, residents take the quiz once, and
//! staff read the participation per street.

use super::endpoint::{endpoints, Access};
use crate::model::{Empty, QuizMonth, QuizResult, QuizStats, SaveTheme, TakeQuiz, Theme};

endpoints! {
    /// This month's theme with its articles and quiz (none when there is none), and the signed-in
    /// resident's result if they took it.
    CurrentTheme = "themes/current", Empty => Option<Theme>, Access::Anyone;

    /// The resident takes this month's quiz, once; the answer shows what was right.
    TakeTheQuiz = "themes/answer", TakeQuiz => QuizResult, Access::RESIDENTS;

    /// The district's staff set a month's theme and its quiz (until someone has taken it).
    SaveMonthTheme = "staff/save-theme", SaveTheme => Theme, Access::District;

    /// A month's quiz participation and mean score per street in scope.
    ThemeStats = "staff/theme-stats", QuizMonth => QuizStats, Access::STAFF;
}
