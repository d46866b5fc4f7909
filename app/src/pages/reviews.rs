//! `/staff/reviews` and `/reviews`: quality review. Staff draw a sample of a period's answers and
//! service records and score each against the checklist; a lawyer reads the findings on theirs.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META, PROBLEM};
use crate::i18n::{EvaluationTexts, Lang};
use crate::model::{Review, ReviewItem};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// Staff's page: the draw form (the period defaulting to last month), then the latest reviews.
pub fn staff(lang: Lang, reviews: Vec<Review>, (from, to): (String, String), problem: Option<String>) -> AnyView {
    let t = EvaluationTexts::of(lang);
    view! {
        {page_title(t.review_title)}
        <p class="my-2">{t.review_intro}</p>
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        <form method="post" action="/staff/reviews" class=format!("my-3 grid grid-cols-2 gap-2 {CARD}")>
            <input type="hidden" name="action" value="draw" />
            <div><label class=LABEL for="review-from">{t.review_from}</label>
                <input id="review-from" name="from" type="date" class=FIELD value=from required=true /></div>
            <div><label class=LABEL for="review-to">{t.review_to}</label>
                <input id="review-to" name="to" type="date" class=FIELD value=to required=true /></div>
            <div><label class=LABEL for="review-size">{t.review_size}</label>
                <input id="review-size" name="size" type="number" min="1" max="500" value="20" class=FIELD required=true /></div>
            <div><label class=LABEL for="review-seed">{t.review_seed}</label>
                <input id="review-seed" name="seed" type="number" min="0" class=FIELD /></div>
            <button class=BUTTON>{t.review_draw}</button>
        </form>
        <ul class="my-3 space-y-4">
            {reviews.into_iter().map(|review| {
                let head = format!(
                    "{} ~ {} · {} · {} {} · {} {}",
                    review.from, review.to, review.street.clone().unwrap_or_else(|| t.review_all_streets.to_owned()),
                    t.review_size, review.items.len(), t.review_seed, review.seed
                );
                let (checklist, label) = (review.checklist.clone(), head.clone());
                view! {
                    <li aria-label=label>
                        <p class="font-bold">{head}</p>
                        <ul class="space-y-2">
                            {review.items.into_iter().map(|item| view! {
                                <li class=CARD>{item_body(t, &item, &checklist)}{score_form(t, &item, &checklist)}</li>
                            }).collect_view()}
                        </ul>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// What was sampled and, once scored, how it fared.
fn item_body(t: &EvaluationTexts, item: &ReviewItem, checklist: &[String]) -> AnyView {
    let kind = if item.kind == "answer" { t.review_answer } else { t.review_record };
    let failed: Vec<String> =
        item.checks.iter().flatten().zip(checklist).filter(|(pass, _)| !**pass).map(|(_, name)| name.clone()).collect();
    view! {
        <p class=META>{format!("{kind} · {} · {} · {}", item.lawyer, item.street, item.community)}</p>
        <p class="my-1">{plain(&item.text)}</p>
        {item.score.map(|score| view! {
            <p class="font-bold">{format!("{} {score}", t.score)}{(!failed.is_empty()).then(|| format!(" · {}：{}", t.review_failed, failed.join("、")))}</p>
        })}
        {(!item.findings.is_empty()).then(|| view! { <p>{format!("{}：{}", t.review_findings, item.findings)}</p> })}
    }
    .into_any()
}

/// Scoring `item`: a box per checklist item (ticked: met), and the findings.
fn score_form(t: &EvaluationTexts, item: &ReviewItem, checklist: &[String]) -> AnyView {
    let findings = format!("findings-{}", item.id);
    let boxes = checklist.iter().enumerate().map(|(k, name)| {
        let met = item.checks.as_ref().is_none_or(|checks| checks.get(k).copied().unwrap_or(true));
        view! { <label class="mr-3 inline-flex min-h-12 items-center gap-1"><input type="checkbox" name=format!("check_{k}") value="1" checked=met />{name.clone()}</label> }
    });
    view! {
        <form method="post" action="/staff/reviews" class="mt-2">
            <input type="hidden" name="action" value="score" />
            <input type="hidden" name="item_id" value=item.id.to_string() />
            <input type="hidden" name="checks" value=checklist.len().to_string() />
            <fieldset><legend class=LABEL>{t.review_checklist}</legend>{boxes.collect_view()}</fieldset>
            <label class=LABEL for=findings.clone()>{t.review_findings}</label>
            <textarea id=findings name="findings" class=FIELD rows="2" maxlength="1000">{item.findings.clone()}</textarea>
            <button class=BUTTON_OUTLINE>{t.review_score}</button>
        </form>
    }
    .into_any()
}

/// The lawyer's page: the findings on their sampled work.
pub fn mine(lang: Lang, items: Vec<ReviewItem>) -> AnyView {
    let t = EvaluationTexts::of(lang);
    view! {
        {page_title(t.review_title_mine)}
        {items.is_empty().then(|| view! { <p class="my-3">{t.review_none}</p> })}
        <ul class="my-3 space-y-3">
            {items.into_iter().map(|item| view! { <li class=CARD>{item_body(t, &item, &[])}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// An answer's sanitised HTML as plain words, for a line of a list (the thread shows it whole).
fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}
