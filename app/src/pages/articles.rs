//! `/articles` (the 普法 feed) and `/articles/<id>` (one article).

use super::bits::{date, with_n, ACTIONS, BUTTON, CARD, META};
use crate::i18n::Lang;
use crate::model::{Article, ArticleSummary};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// The feed; `sms` is a signed-in resident's choice of SMS for important articles; `theme` the
/// month's theme, whose quiz the feed invites to.
pub fn feed(lang: Lang, sms: Option<bool>, feed: Vec<ArticleSummary>, theme: Option<String>) -> AnyView {
    let m = lang.messages();
    let t = lang.texts();
    let empty = feed.is_empty();
    view! {
        {page_title(m.page_articles)}
        {theme.map(|title| view! {
            <p class=format!("my-3 {CARD}")>
                <a class="font-bold text-brand underline" href="/quiz">{format!("{}：{title} · {}", crate::i18n::QuizTexts::of(lang).title, crate::i18n::QuizTexts::of(lang).quiz)}</a>
            </p>
        })}
        {sms.map(|on| view! {
            <form method="post" action="/articles/sms" class=ACTIONS>
                <span>{if on { m.page_sms_on } else { m.page_sms_off }}</span>
                <input type="hidden" name="on" value=if on { "0" } else { "1" } />
                <button type="submit" class=BUTTON>{if on { m.page_sms_stop } else { m.page_sms_start }}</button>
            </form>
        })}
        {empty.then(|| view! { <p class="my-3 text-muted">{m.page_no_articles}</p> })}
        <ul class="space-y-3">
            {feed.into_iter().map(|a| {
                let theme = if a.theme.is_empty() { String::new() } else { format!(" · {}", a.theme) };
                view! {
                    <li class=CARD>
                        <a href=format!("/articles/{}", a.id) class="font-bold text-brand">{a.title}</a>
                        <p class=META>{format!("{} · {} · {}{theme}", a.category.label(t), a.audience, date(a.publish_at))}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One article, and where to go next.
pub fn article(lang: Lang, article: Article) -> AnyView {
    let m = lang.messages();
    let a = article.article;
    let theme = if a.theme.is_empty() { String::new() } else { format!(" · {}：{}", m.page_theme, a.theme) };
    let meta = format!(
        "{} · {} · {}{theme} · {}",
        a.category.label(lang.texts()),
        a.audience,
        date(a.publish_at),
        with_n(m.page_reads, a.reads)
    );
    view! {
        <article class="rounded-lg bg-surface p-4">
            <h1 class="mb-1 text-2xl font-bold text-ink">{a.title}</h1>
            <p class=META>{meta}</p>
            {super::safe_html("prose", article.html)}
        </article>
        <p class=ACTIONS>
            <a href="/" class=BUTTON>{m.page_ask_lawyer}</a>
            <a href="/articles" class="text-brand underline">{m.page_more_articles}</a>
        </p>
    }
    .into_any()
}
