//! `/quiz` and `/staff/themes`: the month's theme and quiz. A resident reads the theme's articles
//! and takes the quiz once, then sees what was right; the district's staff set a month's theme
//! and questions, and staff read the participation per street.

use super::bits::{BUTTON, CARD, FIELD, LABEL, META, PROBLEM};
use crate::i18n::{Lang, QuizTexts};
use crate::model::{QuizStats, Theme};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// Questions a staff form offers blanks for.
pub const FORM_QUESTIONS: usize = 5;

/// The resident's page: none this month, or the theme, its articles and the quiz (a form while
/// a signed-in resident has not taken it, their result after).
pub fn resident(lang: Lang, theme: Option<Theme>, signed_in: bool, problem: Option<String>) -> AnyView {
    let t = QuizTexts::of(lang);
    let Some(theme) = theme else {
        return view! { {page_title(t.title)} <p class="my-3">{t.none}</p> }.into_any();
    };
    let articles = theme.articles.iter().map(|a| {
        view! { <li><a class="text-brand underline" href=format!("/articles/{}", a.id)>{a.title.clone()}</a></li> }
    });
    let quiz = match (&theme.mine, signed_in) {
        (Some(result), _) => {
            let said = t
                .result
                .replace("{correct}", &result.correct.to_string())
                .replace("{total}", &result.total.to_string());
            let lines = theme.questions.iter().zip(&result.answers).enumerate().map(|(k, (q, answer))| {
                let chosen = result.choices.get(k).and_then(|c| q.options.get(usize::try_from(*c).ok()?)).cloned();
                let right = q.options.get(usize::try_from(*answer).unwrap_or(0)).cloned().unwrap_or_default();
                view! {
                    <li class=CARD><p>{q.prompt.clone()}</p>
                        <p class=META>{format!("{}：{} · {}：{right}", t.yours, chosen.unwrap_or_default(), t.right)}</p></li>
                }
            });
            view! { <p class="my-3 font-bold" role="status">{said}</p><ol class="space-y-2">{lines.collect_view()}</ol> }.into_any()
        }
        (None, false) => view! { <a class="text-brand underline" href="/me">{t.sign_in}</a> }.into_any(),
        (None, true) => form(t, &theme),
    };
    view! {
        {page_title(t.title)}
        <h2 class="my-2 text-lg font-bold">{theme.title.clone()}</h2>
        {(!theme.intro.is_empty()).then(|| view! { <p class="my-2">{theme.intro.clone()}</p> })}
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        {(!theme.articles.is_empty()).then(|| view! { <h3 class="mt-3 font-bold">{t.articles}</h3> })}
        <ul class="my-2 list-disc pl-5">{articles.collect_view()}</ul>
        <h3 class="mt-3 font-bold">{t.quiz}</h3>
        {quiz}
    }
    .into_any()
}

/// The quiz as a form: a group of choices per question.
fn form(t: &QuizTexts, theme: &Theme) -> AnyView {
    let questions = theme.questions.iter().enumerate().map(|(k, q)| {
        let choices = q.options.iter().enumerate().map(|(j, option)| {
            view! {
                <label class="flex min-h-12 items-center gap-2">
                    <input type="radio" name=format!("q{k}") value=j.to_string() required=true />{option.clone()}
                </label>
            }
        });
        view! { <fieldset class=CARD><legend class="font-bold">{format!("{}. {}", k + 1, q.prompt)}</legend>{choices.collect_view()}</fieldset> }
    });
    view! {
        <form method="post" action="/quiz" class="my-3 space-y-3">
            <input type="hidden" name="month" value=theme.month.clone() />
            {questions.collect_view()}
            <button class=BUTTON>{t.submit}</button>
        </form>
    }
    .into_any()
}

/// Staff's page: the month's participation per street; for the district's staff, the form that
/// sets the month's theme (filled with it when there is one).
/// `theme` comes with its right answers; `district` says whether the reader may set it.
pub fn staff(
    lang: Lang,
    stats: QuizStats,
    theme: Option<(Theme, Vec<i64>)>,
    district: bool,
    problem: Option<String>,
) -> AnyView {
    let t = QuizTexts::of(lang);
    let rows = stats.streets.iter().map(|s| {
        let mean = s.mean_score.map(|m| format!("{m:.1}")).unwrap_or_default();
        view! { <tr><td class="p-1">{s.street.clone()}</td><td class="p-1 text-right">{s.residents}</td><td class="p-1 text-right">{mean}</td></tr> }
    });
    view! {
        {page_title(t.title_staff)}
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        <form method="get" action="/staff/themes" class="my-3 flex items-end gap-2">
            <div><label class=LABEL for="theme-month-shown">{t.month}</label>
                <input id="theme-month-shown" name="month" class=FIELD value=stats.month.clone() pattern="[0-9]{4}-[0-9]{2}" /></div>
            <button class=BUTTON>{t.show}</button>
        </form>
        <h2 class="my-2 font-bold">{format!("{} · {}", t.stats, stats.title.clone().unwrap_or_default())}</h2>
        <table class="my-2 w-full text-sm">
            <thead><tr><th class="p-1 text-left" scope="col">{crate::i18n::DeskTexts::of(lang).board_street}</th><th class="p-1 text-right" scope="col">{t.residents}</th><th class="p-1 text-right" scope="col">{t.mean}</th></tr></thead>
            <tbody>{rows.collect_view()}</tbody>
        </table>
        {district.then(|| editor(t, &stats.month, theme))}
    }
    .into_any()
}

/// The district's form for `month`'s theme and its questions.
fn editor(t: &QuizTexts, month: &str, theme: Option<(Theme, Vec<i64>)>) -> AnyView {
    let (title, intro) = theme.as_ref().map(|(th, _)| (th.title.clone(), th.intro.clone())).unwrap_or_default();
    let (questions, answers) = theme.map(|(th, answers)| (th.questions, answers)).unwrap_or_default();
    let blocks = (0..FORM_QUESTIONS).map(|k| {
        let question = questions.get(k);
        let prompt = question.map(|q| q.prompt.clone()).unwrap_or_default();
        let options = (0..4).map(|j| {
            let value = question.and_then(|q| q.options.get(j).cloned()).unwrap_or_default();
            let id = format!("q{k}-option{j}");
            view! {
                <label class=LABEL for=id.clone()>{t.option.replace("{n}", &(j + 1).to_string())}</label>
                <input id=id name=format!("q{k}_option{j}") class=FIELD value=value maxlength="100" />
            }
        });
        let answer = format!("q{k}-answer");
        view! {
            <fieldset class=CARD>
                <legend class="font-bold">{t.question.replace("{n}", &(k + 1).to_string())}</legend>
                <label class=LABEL for=format!("q{k}-prompt")>{t.prompt}</label>
                <input id=format!("q{k}-prompt") name=format!("q{k}_prompt") class=FIELD value=prompt maxlength="200" />
                {options.collect_view()}
                <label class=LABEL for=answer.clone()>{t.answer}</label>
                <select id=answer name=format!("q{k}_answer") class=FIELD>
                    {(0..4).map(|j| {
                        let chosen = answers.get(k).is_some_and(|a| *a == j);
                        view! { <option value=j.to_string() selected=chosen>{t.option.replace("{n}", &(j + 1).to_string())}</option> }
                    }).collect_view()}
                </select>
            </fieldset>
        }
    });
    view! {
        <form method="post" action="/staff/themes" class="my-4 space-y-3">
            <input type="hidden" name="month" value=month.to_owned() />
            <label class=LABEL for="theme-title">{t.theme}</label>
            <input id="theme-title" name="title" class=FIELD value=title maxlength="40" required=true />
            <label class=LABEL for="theme-intro">{t.intro}</label>
            <textarea id="theme-intro" name="intro" class=FIELD rows="2" maxlength="300">{intro}</textarea>
            {blocks.collect_view()}
            <p class=META>{t.err_questions}</p>
            <button class=BUTTON>{t.save}</button>
        </form>
    }
    .into_any()
}
