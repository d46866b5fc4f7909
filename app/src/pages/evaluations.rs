//! `/staff/evaluations` and `/evaluation`: lawyers' yearly evaluation. Staff read each lawyer's
//! card of the year — the figures, the score with each part's weight, the conclusion — and
//! conclude it; the lawyer reads their own and answers once.

use super::bits::{BUTTON, CARD, FIELD, LABEL, META, PROBLEM};
use crate::i18n::{EvaluationTexts, Lang};
use crate::model::{Scorecard, Scorecards};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// Staff's page of `year`; `problem` says why the last conclusion was refused.
pub fn staff(lang: Lang, year: i32, cards: Scorecards, problem: Option<String>) -> AnyView {
    let t = EvaluationTexts::of(lang);
    let Scorecards { scale, cards } = cards;
    view! {
        {page_title(t.title)}
        <form method="get" action="/staff/evaluations" class="my-3 flex items-end gap-2">
            <div>
                <label class=LABEL for="evaluation-year">{t.year}</label>
                <input id="evaluation-year" name="year" type="number" min="2000" class=FIELD value=year.to_string() />
            </div>
            <button class=BUTTON>{t.show}</button>
        </form>
        <p class="my-2 text-sm">
            {t.export}"："
            <a class="underline" href=format!("/api/staff/scorecards.xlsx?year={year}")>"Excel"</a>" · "
            <a class="underline" href=format!("/api/staff/scorecards.csv?year={year}")>"CSV"</a>
        </p>
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        {cards.is_empty().then(|| view! { <p class="my-3">{t.none}</p> })}
        <ul class="my-3 space-y-3">
            {cards.into_iter().map(|card| {
                let form = card.conclusion.as_ref().is_none_or(|c| c.answer.is_empty()).then(|| conclude(lang, &card, &scale));
                // Names repeat across firms: a card is named by both.
                let label = format!("{} · {}", card.name, card.firm);
                view! { <li class=CARD aria-label=label>{body(lang, &card)}{form}</li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The form that concludes `card`'s year.
fn conclude(lang: Lang, card: &Scorecard, scale: &[String]) -> AnyView {
    let t = EvaluationTexts::of(lang);
    let (conclusion, comment) = (format!("conclusion-{}", card.lawyer_id), format!("comment-{}", card.lawyer_id));
    let chosen = card.conclusion.as_ref().map(|c| c.conclusion.clone());
    view! {
        <form method="post" action="/staff/evaluations" class="mt-3 space-y-2">
            <input type="hidden" name="lawyer_id" value=card.lawyer_id.to_string() />
            <input type="hidden" name="year" value=card.year.to_string() />
            <label class=LABEL for=conclusion.clone()>{t.conclusion}</label>
            <select id=conclusion name="conclusion" class=FIELD>
                {scale.iter().map(|name| {
                    let selected = chosen.as_deref() == Some(name.as_str());
                    view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                }).collect_view()}
            </select>
            <label class=LABEL for=comment.clone()>{t.comment}</label>
            <textarea id=comment name="comment" class=FIELD rows="2" maxlength="1000"></textarea>
            <button class=BUTTON>{t.conclude}</button>
        </form>
    }
    .into_any()
}

/// The lawyer's own page; `problem` says why the last answer was refused.
pub fn mine(lang: Lang, card: Scorecard, problem: Option<String>) -> AnyView {
    let t = EvaluationTexts::of(lang);
    let answer = card.conclusion.as_ref().is_some_and(|c| c.answer.is_empty()).then(|| {
        view! {
            <form method="post" action="/evaluation" class="mt-3 space-y-2">
                <input type="hidden" name="year" value=card.year.to_string() />
                <label class=LABEL for="evaluation-answer">{t.answer}</label>
                <textarea id="evaluation-answer" name="answer" class=FIELD rows="3" maxlength="1000" required=true></textarea>
                <button class=BUTTON>{t.send_answer}</button>
            </form>
        }
    });
    view! {
        {page_title(t.title_mine)}
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        <section class=CARD>{body(lang, &card)}{answer}</section>
    }
    .into_any()
}

/// A card's figures, parts, score and conclusion.
fn body(lang: Lang, card: &Scorecard) -> AnyView {
    let t = EvaluationTexts::of(lang);
    let figures = [
        ("duty", card.duty_days),
        ("quota", card.quota),
        ("services", card.services),
        ("people", card.people_served),
        ("answered", card.answered),
        ("within", card.answered_within_a_day),
        ("praise", card.praise),
        ("complaints", card.complaints),
        ("corrections", card.corrections),
        ("referrals", card.referrals),
    ]
    .iter()
    .fold(t.figures.to_owned(), |text, (key, n)| text.replace(&format!("{{{key}}}"), &n.to_string()));
    let score = card.score.map_or_else(|| t.no_score.to_owned(), |s| s.to_string());
    let parts = card.parts.iter().map(|p| {
        let earned = p.earned.map_or_else(|| t.not_measured.to_owned(), |e| format!("{e:.1}"));
        view! { <li>{format!("{}({} {}): {earned}", part_name(t, &p.part), t.weight, p.weight)}</li> }
    });
    view! {
        <p class="font-bold">{format!("{} · {} · {} {}", card.name, card.firm, t.score, score)}</p>
        <p class=META>{figures}</p>
        {card.mean_rating.map(|r| view! { <p class=META>{format!("{} {r:.1}", t.satisfaction)}</p> })}
        {card.median_response_minutes.map(|m| view! { <p class=META>{format!("{}：{}", t.median, duration(t, m))}</p> })}
        {(!card.services_by_category.is_empty()).then(|| view! { <p class=META>{by_category(lang, card)}</p> })}
        {(!card.streets.is_empty()).then(|| view! { <p class=META>{format!("{}：{}", t.streets, card.streets.join("、"))}</p> })}
        <ul class="my-2 text-sm">{parts.collect_view()}</ul>
        {match &card.conclusion {
            Some(c) => view! {
                <p class="font-bold">{format!("{}：{}", t.conclusion, c.conclusion)}</p>
                {(!c.comment.is_empty()).then(|| view! { <p>{format!("{}：{}", t.comment, c.comment)}</p> })}
                {(!c.answer.is_empty()).then(|| view! { <p>{format!("{}：{}", t.answer, c.answer)}</p> })}
            }.into_any(),
            None => view! { <p class=META>{t.not_concluded}</p> }.into_any(),
        }}
    }
    .into_any()
}

/// `minutes` as hours and minutes.
pub fn duration(t: &EvaluationTexts, minutes: i64) -> String {
    t.minutes.replace("{hours}", &(minutes / 60).to_string()).replace("{minutes}", &(minutes % 60).to_string())
}

/// The card's services by category, with the people each served.
fn by_category(lang: Lang, card: &Scorecard) -> String {
    let (t, desk) = (EvaluationTexts::of(lang), crate::i18n::DeskTexts::of(lang));
    let counts: Vec<String> = card
        .services_by_category
        .iter()
        .map(|c| format!("{} {}({})", c.category.label(desk), c.services, c.people))
        .collect();
    format!("{}：{}", t.by_category, counts.join("，"))
}

/// What a score part measures, as the card names it.
pub fn part_name(t: &EvaluationTexts, part: &str) -> &'static str {
    match part {
        "duty" => t.part_duty,
        "services" => t.part_services,
        "answers" => t.part_answers,
        "satisfaction" => t.part_satisfaction,
        _ => t.part_complaints,
    }
}
