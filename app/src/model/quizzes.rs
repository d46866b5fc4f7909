//! The month's theme (一月一主题) and its quiz: staff set them, residents take the quiz once, and
//! the entries are counted per street.

use serde::{Deserialize, Serialize};

/// A question of a quiz as staff write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuizQuestionDraft {
    pub prompt: String,
    /// Two to four choices.
    pub options: Vec<String>,
    /// The right choice's place, from 0.
    pub answer: i64,
}

/// Staff set a month's theme and its quiz (until someone has taken it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct SaveTheme {
    /// `YYYY-MM`: this month or one of the next twelve.
    pub month: String,
    /// The theme; articles that name it belong to it.
    pub title: String,
    #[serde(default)]
    pub intro: String,
    pub questions: Vec<QuizQuestionDraft>,
}

/// A question as residents see it (without its answer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuizQuestion {
    pub id: i64,
    pub prompt: String,
    pub options: Vec<String>,
}

/// An article of the theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ThemeArticle {
    pub id: i64,
    pub title: String,
}

/// How a resident did: their choices, the right ones, and the count right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuizResult {
    pub choices: Vec<i64>,
    pub answers: Vec<i64>,
    pub correct: i64,
    pub total: i64,
}

/// A month's theme, its articles and quiz, and the caller's result if they took it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Theme {
    pub month: String,
    pub title: String,
    pub intro: String,
    pub articles: Vec<ThemeArticle>,
    pub questions: Vec<QuizQuestion>,
    pub mine: Option<QuizResult>,
}

/// A resident's answers to this month's quiz: a choice per question, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct TakeQuiz {
    pub month: String,
    pub choices: Vec<i64>,
}

/// A month of quizzes asked for, `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuizMonth {
    pub month: String,
}

/// A street's participation in a month's quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuizStreet {
    pub street_id: i64,
    pub street: String,
    /// Residents who took it.
    pub residents: i64,
    /// Their mean share of right answers, out of 100; none when nobody took it.
    pub mean_score: Option<f64>,
}

/// A month's participation, per street in scope (a street's staff: theirs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct QuizStats {
    pub month: String,
    pub title: Option<String>,
    pub streets: Vec<QuizStreet>,
}
