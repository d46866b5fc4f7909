//! Setting a month's theme and quiz, and reading this month's for a resident.

use super::month_of;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::{now_ms, today, Store};
use app::domain::required_text;
use app::error::{AppError, ErrorKind};
use app::i18n::QuizTexts;
use app::model::{Empty, QuizQuestion, QuizQuestionDraft, SaveTheme, Theme, ThemeArticle};
use app::time::LocalDate;

/// `themes/current`: this month's, with the signed-in resident's result.
pub async fn current(store: &Store, caller: &Caller, _: Empty) -> Result<Option<Theme>, Failure> {
    let resident = caller.user().ok().filter(|u| u.role == app::domain::Role::Resident).map(|u| u.id);
    Ok(read(store, &month_of(today()), resident).await?)
}

/// The theme of `month`, its published articles and quiz, and `resident`'s result.
pub async fn read(store: &Store, month: &str, resident: Option<i64>) -> Result<Option<Theme>, sqlx::Error> {
    let head: Option<(String, String)> = sqlx::query_as("SELECT title, intro FROM themes WHERE month = $1")
        .bind(month)
        .fetch_optional(&store.pool)
        .await?;
    let Some((title, intro)) = head else { return Ok(None) };
    let articles: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, title FROM articles WHERE theme = $1 AND publish_at <= $2 ORDER BY publish_at DESC, id DESC LIMIT 20",
    )
    .bind(&title)
    .bind(now_ms())
    .fetch_all(&store.pool)
    .await?;
    let questions: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, prompt, options FROM quiz_questions WHERE month = $1 ORDER BY position")
            .bind(month)
            .fetch_all(&store.pool)
            .await?;
    let mine = match resident {
        Some(resident) => super::take::result(store, month, resident).await?,
        None => None,
    };
    Ok(Some(Theme {
        month: month.to_owned(),
        title,
        intro,
        articles: articles.into_iter().map(|(id, title)| ThemeArticle { id, title }).collect(),
        questions: questions
            .into_iter()
            .map(|(id, prompt, options)| QuizQuestion {
                id,
                prompt,
                options: options.lines().map(str::to_owned).collect(),
            })
            .collect(),
        mine,
    }))
}

/// `staff/save-theme`: replaces the month's theme and quiz, until a resident has taken it (409).
pub async fn save(store: &Store, caller: &Caller, request: SaveTheme) -> Result<Theme, Failure> {
    let (user, t) = (caller.user()?, QuizTexts::of(caller.lang));
    let this = today();
    let month = month_start(&request.month)
        .filter(|first| *first >= LocalDate { day: 1, ..this } && first.to_days() - this.to_days() <= 366)
        .map(month_of)
        .ok_or_else(|| AppError::invalid("month", t.err_month))?;
    let title = required_text(&request.title, 40).map_err(|_| AppError::invalid("title", t.err_title))?;
    if request.intro.trim().chars().count() > 300 {
        return Err(AppError::invalid("intro", t.err_title).into());
    }
    let questions = checked(&request.questions).ok_or_else(|| AppError::invalid("questions", t.err_questions))?;
    let mut tx = store.writer().begin().await?;
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quiz_entries WHERE month = $1")
        .bind(&month)
        .fetch_one(&mut *tx)
        .await?;
    if taken > 0 {
        return Err(AppError::new(ErrorKind::Conflict, t.err_taken).into());
    }
    sqlx::query("DELETE FROM quiz_questions WHERE month = $1").bind(&month).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM themes WHERE month = $1").bind(&month).execute(&mut *tx).await?;
    sqlx::query("INSERT INTO themes (month, title, intro, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&month)
        .bind(&title)
        .bind(request.intro.trim())
        .bind(user.id)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
    for (position, (prompt, options, answer)) in questions.iter().enumerate() {
        sqlx::query(
            "INSERT INTO quiz_questions (month, position, prompt, options, answer) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&month)
        .bind(i64::try_from(position).unwrap_or(0))
        .bind(prompt)
        .bind(options.join("\n"))
        .bind(answer)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "theme_save", &format!("theme:{month}")).await?;
    read(store, &month, None).await?.ok_or_else(|| caller.error(ErrorKind::Internal).into())
}

/// The first day of `YYYY-MM`.
fn month_start(text: &str) -> Option<LocalDate> {
    let (year, month) = text.split_once('-')?;
    (year.len() == 4 && month.len() == 2).then_some(())?;
    LocalDate::parse(&format!("{year}-{month}-01"))
}

/// 1 to 10 questions, each a prompt of at most 200 characters, 2 to 4 different choices of at
/// most 100 (one line each), and the right one among them; trimmed.
fn checked(drafts: &[QuizQuestionDraft]) -> Option<Vec<(String, Vec<String>, i64)>> {
    if !(1..=10).contains(&drafts.len()) {
        return None;
    }
    drafts
        .iter()
        .map(|draft| {
            let prompt = required_text(&draft.prompt, 200).ok()?;
            let options: Vec<String> = draft
                .options
                .iter()
                .map(|o| required_text(o, 100).ok().filter(|o| !o.contains('\n')))
                .collect::<Option<_>>()?;
            let distinct = options.iter().enumerate().all(|(k, o)| !options[..k].contains(o));
            let fits = (2..=4).contains(&options.len()) && distinct;
            let answer = usize::try_from(draft.answer).ok().filter(|a| *a < options.len())?;
            fits.then(|| (prompt, options, i64::try_from(answer).unwrap_or(0)))
        })
        .collect()
}

/// A right answer's place for each question of `month`, in order.
pub async fn answers(store: &Store, month: &str) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT CAST(answer AS BIGINT) FROM quiz_questions WHERE month = $1 ORDER BY position")
        .bind(month)
        .fetch_all(&store.pool)
        .await
}
