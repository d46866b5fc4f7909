//! 普法 on the workbench: staff write an article for every resident, one street or one
//! community (a street's staff, for their street), now or at a set time, and see how often each
//! was read.

use super::library::topics;
use super::log::FIELD;
use crate::api::articles::{AllArticles, SaveArticle};
use crate::api::call;
use crate::api::directory::{ListCommunities, ListStreets};
use crate::domain::Topic;
use crate::model::{ArticleDraft, Empty, ListCommunitiesRequest};
use crate::time::{parse_hh_mm, LocalDate};
use crate::ui::components::{error_note, loaded};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

#[component]
pub fn ArticlesDesk() -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let version = RwSignal::new(0u32);
    let articles = load(move || {
        version.track();
        call::<AllArticles>(Empty {})
    });
    let streets = load(|| call::<ListStreets>(Empty {}));
    let (title, category, theme, body) = (
        RwSignal::new(String::new()),
        RwSignal::new("labour".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (street, community, at, important) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(false),
    );
    // A street's staff write for their street: it is chosen, and the only street offered.
    let session = use_session();
    let own = move || session.me.get().and_then(|me| me.street_id);
    Effect::new(move |_| {
        if let Some(own) = own() {
            street.set(own.to_string());
        }
    });
    let communities = load(move || {
        let street_id = street.get().parse().ok();
        call::<ListCommunities>(ListCommunitiesRequest { street_id, query: None })
    });
    let save = Submit::new(move |(): &()| {
        let community_id = community.get_untracked().parse().ok();
        call::<SaveArticle>(ArticleDraft {
            title: title.get_untracked(),
            category: Topic::from_db(&category.get_untracked()).unwrap_or(Topic::Other),
            theme: theme.get_untracked(),
            body: body.get_untracked(),
            // A community names its street already.
            street_id: if community_id.is_some() { None } else { street.get_untracked().parse().ok() },
            community_id,
            publish_at: local_instant(&at.get_untracked()),
            important: important.get_untracked(),
        })
    })
    .then(move |answer| {
        if answer.is_ok() {
            title.set(String::new());
            body.set(String::new());
            version.update(|v| *v += 1);
        }
    });
    view! {
        <h2 class="mb-2 mt-6 text-lg font-bold">{t.articles_title}</h2>
        <form class="space-y-2 rounded-lg border border-line bg-surface p-3" on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <label class="block"><span class="text-sm font-bold">{t.article_title}</span><input class=FIELD maxlength="100" bind:value=title /></label>
            <div class="grid gap-2 sm:grid-cols-2">
                <label class="block"><span class="text-sm font-bold">{t.article_category}</span>{topics(category)}</label>
                <label class="block"><span class="text-sm font-bold">{t.article_theme}</span><input class=FIELD maxlength="30" bind:value=theme /></label>
                <label class="block"><span class="text-sm font-bold">{t.article_street}</span>
                    <select class=FIELD bind:value=street on:change=move |_| community.set(String::new())>
                        {move || own().is_none().then(|| view! { <option value="">{t.article_everyone}</option> })}
                        {move || streets.get().and_then(Result::ok).unwrap_or_default().into_iter()
                            .filter(|s| own().is_none_or(|own| own == s.id))
                            .map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view()}
                    </select>
                </label>
                <label class="block"><span class="text-sm font-bold">{t.article_community}</span>
                    <select class=FIELD bind:value=community disabled=move || street.get().is_empty()>
                        <option value="">{t.article_whole_street}</option>
                        {move || communities.get().and_then(Result::ok).unwrap_or_default().into_iter()
                            .map(|c| view! { <option value=c.id.to_string()>{c.name}</option> }).collect_view()}
                    </select>
                </label>
                <label class="block"><span class="text-sm font-bold">{t.article_at}</span><input type="datetime-local" class=FIELD bind:value=at /></label>
                <label class="flex min-h-11 items-center gap-2 self-end"><input type="checkbox" class="h-5 w-5" bind:checked=important />{t.article_important}</label>
            </div>
            <label class="block"><span class="text-sm font-bold">{t.article_body}</span><textarea class=FIELD rows="8" maxlength="20000" bind:value=body></textarea></label>
            <button type="submit" class="min-h-11 rounded-lg bg-brand px-4 font-bold text-white">{t.article_save}</button>
            {move || save.value().get().and_then(Result::err).map(error_note)}
            {move || save.value().get().and_then(Result::ok).map(|a| view! {
                <p role="status" class="text-sm">{t.article_saved}" "<a class="text-brand underline" rel="external" href=format!("/articles/{}", a.article.id)>{a.article.title}</a></p>
            })}
        </form>
        {move || loaded(articles.get(), move |list| view! {
            <ul class="mt-3 space-y-2">
                {list.into_iter().map(|a| view! {
                    <li class="rounded-lg border border-line bg-surface p-3">
                        <a href=format!("/articles/{}", a.id) rel="external" class="font-bold text-brand underline">{a.title}</a>
                        <p class="text-sm text-muted">{format!("{} · {} · {} · {} {}", a.category.label(prefs.t()), a.audience, a.publish_at.format_shanghai(), a.reads, t.article_reads)}</p>
                    </li>
                }).collect_view()}
            </ul>
        }.into_any())}
    }
}

/// A `datetime-local` value (Shanghai time) as an instant; empty means now.
fn local_instant(value: &str) -> Option<crate::time::Instant> {
    let (date, time) = value.split_once('T')?;
    Some(LocalDate::parse(date)?.at_minute(parse_hh_mm(time)?))
}

#[cfg(test)]
mod tests {
    use super::local_instant;

    #[test]
    fn a_local_time_is_read_in_shanghai() {
        let at = local_instant("2026-12-01T09:30").expect("valid");
        assert_eq!(at.format_shanghai(), "2026-12-01 09:30");
        assert_eq!(local_instant(""), None);
        assert_eq!(local_instant("2026-13-01T09:30"), None);
    }
}
