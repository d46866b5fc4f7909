//! 普法 articles. Staff write Markdown; the server renders it to HTML once, at saving
//! ([`crate::markdown`]), so nothing in an article can run. An article appears at
//! its time: the first server to see it due marks it announced (a conditional update, so once),
//! and in that same transaction puts it in its residents' inboxes and, when important, queues an
//! SMS for those who asked for them. Feeds are targeted; an article itself is public, so a
//! shared link opens for anyone.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::sms::{Message, Outbox, Template};
use crate::store::{now_ms, Store};
use app::domain::{required_text, SafeHtml, Topic, MAX_ARTICLE_CHARS, MAX_TITLE_CHARS};
use app::error::{AppError, ErrorKind};
use app::i18n::{Lang, Messages};
use app::model::{Article, ArticleDraft, ArticleRequest, ArticleSmsRequest, ArticleSummary, Empty};
use app::time::Instant;
use std::time::Duration;
use tokio::sync::watch;

/// The longest monthly theme.
const MAX_THEME_CHARS: usize = 30;
/// How far ahead an article may be scheduled.
const MAX_AHEAD_MS: i64 = 366 * 86_400_000;

/// Articles over the store.
#[derive(Clone, Debug)]
pub struct ArticlesService {
    store: Store,
    outbox: Outbox,
    public_url: String,
}

impl ArticlesService {
    /// Articles of `store`; SMS links start with `public_url`.
    pub fn new(store: Store, outbox: Outbox, public_url: String) -> ArticlesService {
        ArticlesService { store, outbox, public_url }
    }
}

/// An article row, with the names of the street or community it is for.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    title: String,
    category: String,
    theme: String,
    street: Option<String>,
    community: Option<String>,
    publish_at: i64,
    important: i64,
    reads: i64,
}

/// An article row and its HTML.
#[derive(sqlx::FromRow)]
struct WithBody {
    #[sqlx(flatten)]
    row: Row,
    body_html: String,
}

const COLUMNS: &str =
    "SELECT a.id, a.title, a.category, a.theme, s.name AS street, c.name AS community, a.publish_at, \
    a.important, a.reads";
const FROM: &str =
    " FROM articles a LEFT JOIN streets s ON s.id = a.street_id LEFT JOIN communities c ON c.id = a.community_id";

fn summary(row: Row, lang: Lang) -> ArticleSummary {
    let Row { id, title, category, theme, street, community, publish_at, important, reads } = row;
    ArticleSummary {
        id,
        title,
        category: Topic::from_db(&category).unwrap_or(Topic::Other),
        theme,
        audience: community.or(street).unwrap_or_else(|| lang.messages().audience_all.to_owned()),
        publish_at: Instant(publish_at),
        important: important == 1,
        reads,
    }
}

/// The audience filter for residents: `u` is the resident, `a` the article.
const FOR_RESIDENT: &str = "(a.street_id IS NULL AND a.community_id IS NULL) OR a.community_id = u.community_id \
    OR a.street_id = (SELECT street_id FROM communities WHERE id = u.community_id)";

/// Delivers article `id` to inboxes (and SMS) if nobody has yet; inside `tx`. Returns whether
/// this call did.
async fn announce(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    now: i64,
    public_url: &str,
) -> Result<bool, sqlx::Error> {
    let marked = sqlx::query(
        "UPDATE articles SET announced_at = $1 WHERE id = $2 AND announced_at IS NULL AND publish_at <= $1",
    )
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if marked.rows_affected() != 1 {
        return Ok(false);
    }
    let (title, important): (String, i64) =
        sqlx::query_as("SELECT title, important FROM articles WHERE id = $1").bind(id).fetch_one(&mut **tx).await?;
    let link = format!("{public_url}/articles/{id}");
    let fill = |m: &Messages, template: fn(&Messages) -> &'static str| {
        crate::text::fill(template(m), &[("title", &title), ("link", &link)])
    };
    let (zh, en) = (Messages::of(Lang::Zh), Messages::of(Lang::En));
    let residents = format!(
        "FROM users u, articles a WHERE a.id = $4 AND u.role = 'resident' AND u.disabled_at IS NULL AND ({FOR_RESIDENT})"
    );
    sqlx::query(&format!(
        "INSERT INTO notifications (user_id, body, created_at, link) \
         SELECT u.id, CASE WHEN u.lang = 'en' THEN $2 ELSE $1 END, $3, $5 {residents}"
    ))
    .bind(fill(zh, |m| m.inbox_article))
    .bind(fill(en, |m| m.inbox_article))
    .bind(now)
    .bind(id)
    .bind(format!("/articles/{id}"))
    .execute(&mut **tx)
    .await?;
    if important == 1 {
        sqlx::query(&format!(
            "INSERT INTO outbox (channel, recipient, body, created_at, next_attempt_at, template, params) \
             SELECT 'sms', u.phone, CASE WHEN u.lang = 'en' THEN $2 ELSE $1 END, $3, $3, $5, $6 {residents} \
             AND u.article_sms = 1 AND u.phone IS NOT NULL"
        ))
        .bind(fill(zh, |m| m.sms_article))
        .bind(fill(en, |m| m.sms_article))
        .bind(now)
        .bind(id)
        .bind(Template::Article.key())
        .bind(Message::new(Template::Article, Lang::Zh, &[("title", &title), ("link", &link)]).params_json())
        .execute(&mut **tx)
        .await?;
    }
    Ok(true)
}

/// Announces every article due at `now`; returns how many this call announced.
pub async fn announce_due(store: &Store, outbox: &Outbox, now: i64, public_url: &str) -> Result<usize, sqlx::Error> {
    let due: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM articles WHERE announced_at IS NULL AND publish_at <= $1 ORDER BY publish_at",
    )
    .bind(now)
    .fetch_all(&store.pool)
    .await?;
    let mut done = 0;
    for id in due {
        let mut tx = store.writer().begin().await?;
        if announce(&mut tx, id, now, public_url).await? {
            done += 1;
        }
        tx.commit().await?;
    }
    if done > 0 {
        outbox.wake();
    }
    Ok(done)
}

/// Runs [`announce_due`] every minute until `stop`.
pub async fn run(store: Store, outbox: Outbox, public_url: String, mut stop: watch::Receiver<bool>) {
    loop {
        if let Err(error) = announce_due(&store, &outbox, now_ms(), &public_url).await {
            tracing::warn!(error = %error, "announcing articles failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = stop.changed() => return,
        }
    }
}

impl ArticlesService {
    /// A published article, or `None`.
    pub async fn published(&self, id: i64, lang: Lang) -> Result<Option<Article>, sqlx::Error> {
        let found: Option<WithBody> =
            sqlx::query_as(&format!("{COLUMNS}, a.body_html{FROM} WHERE a.id = $1 AND a.publish_at <= $2"))
                .bind(id)
                .bind(now_ms())
                .fetch_optional(&self.store.pool)
                .await?;
        let Some(WithBody { row, body_html: html }) = found else { return Ok(None) };
        sqlx::query("UPDATE articles SET reads = reads + 1 WHERE id = $1")
            .bind(id)
            .execute(self.store.writer())
            .await?;
        let mut article = Article { article: summary(row, lang), html: SafeHtml::from_sanitiser(html) };
        article.article.reads += 1;
        Ok(Some(article))
    }

    /// The feed of a resident (`user_id`), or the articles for everyone (`None`).
    pub async fn feed_for(&self, user_id: Option<i64>, lang: Lang) -> Result<Vec<ArticleSummary>, sqlx::Error> {
        let rows: Vec<Row> = match user_id {
            Some(user_id) => {
                sqlx::query_as(&format!(
                    "{COLUMNS}{FROM}, users u WHERE u.id = $1 AND a.publish_at <= $2 AND ({FOR_RESIDENT}) ORDER BY a.publish_at DESC LIMIT 100"
                ))
                .bind(user_id)
                .bind(now_ms())
                .fetch_all(&self.store.pool)
                .await?
            }
            None => {
                sqlx::query_as(&format!(
                    "{COLUMNS}{FROM} WHERE a.publish_at <= $1 AND a.street_id IS NULL AND a.community_id IS NULL \
                     ORDER BY a.publish_at DESC LIMIT 100"
                ))
                .bind(now_ms())
                .fetch_all(&self.store.pool)
                .await?
            }
        };
        Ok(rows.into_iter().map(|r| summary(r, lang)).collect())
    }

    fn check(&self, caller: &Caller, draft: &ArticleDraft, now: i64) -> Result<(String, String, i64), Failure> {
        let t = caller.lang.messages();
        let title =
            required_text(&draft.title, MAX_TITLE_CHARS).map_err(|_| AppError::invalid("title", t.err_title))?;
        let body =
            required_text(&draft.body, MAX_ARTICLE_CHARS).map_err(|_| AppError::invalid("body", t.err_article_body))?;
        if draft.theme.trim().chars().count() > MAX_THEME_CHARS {
            return Err(AppError::invalid("theme", t.err_theme).into());
        }
        if draft.street_id.is_some() && draft.community_id.is_some() {
            return Err(AppError::invalid("community_id", t.err_audience).into());
        }
        let publish_at = draft.publish_at.map_or(now, |at| at.0);
        // A minute's grace for a form filled in just before.
        if publish_at < now - 60_000 || publish_at > now + MAX_AHEAD_MS {
            return Err(AppError::invalid("publish_at", t.err_publish_at).into());
        }
        Ok((title, body, publish_at))
    }
}

impl ArticlesService {
    /// Published articles, newest first; for a resident, their community's and street's first.
    pub async fn feed(&self, caller: &Caller, _: Empty) -> Result<Vec<ArticleSummary>, Failure> {
        let user = caller.user().ok().filter(|u| u.role == app::domain::Role::Resident);
        self.feed_for(user.map(|u| u.id), caller.lang).await.map_err(Failure::from)
    }

    /// One published article, or 404.
    pub async fn read(&self, caller: &Caller, request: ArticleRequest) -> Result<Article, Failure> {
        self.published(request.article_id, caller.lang)
            .await?
            .ok_or_else(|| caller.error(ErrorKind::NotFound))
            .map_err(Failure::from)
    }

    /// Writes an article (staff; a street's staff for their street), published now or later.
    pub async fn save(&self, caller: &Caller, draft: ArticleDraft) -> Result<Article, Failure> {
        let user = caller.user()?;
        let now = now_ms();
        let (title, body, publish_at) = self.check(caller, &draft, now)?;
        for (table, id) in [("streets", draft.street_id), ("communities", draft.community_id)] {
            if let Some(id) = id {
                let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE id = $1"))
                    .bind(id)
                    .fetch_one(&self.store.pool)
                    .await?;
                if n == 0 {
                    return Err(AppError::invalid(
                        if table == "streets" { "street_id" } else { "community_id" },
                        caller.lang.texts().err_not_found,
                    )
                    .into());
                }
            }
        }
        // A street's staff write for their street: all of it, or one of its communities.
        if let Some(own) = user.street {
            match (draft.street_id, draft.community_id) {
                (Some(street), _) if street == own => {}
                (None, Some(community)) => scope::require_community(&self.store, caller, user, community).await?,
                _ => return Err(scope::other_street(caller).into()),
            }
        }
        let html = crate::markdown::render(&body);
        let mut tx = self.store.writer().begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO articles (title, category, theme, body_md, body_html, street_id, community_id, publish_at, important, author_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(&title)
        .bind(draft.category.as_str())
        .bind(draft.theme.trim())
        .bind(&body)
        .bind(html.as_str())
        .bind(draft.street_id)
        .bind(draft.community_id)
        .bind(publish_at)
        .bind(i64::from(draft.important))
        .bind(user.id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        // Published now: its messages go in this same transaction.
        let announced = announce(&mut tx, id, now, &self.public_url).await?;
        tx.commit().await?;
        if announced {
            self.outbox.wake();
        }
        crate::audit::record_by(&self.store, caller, user.id, "article_save", &format!("article:{id}")).await?;
        let row: Row =
            sqlx::query_as(&format!("{COLUMNS}{FROM} WHERE a.id = $1")).bind(id).fetch_one(&self.store.pool).await?;
        Ok(Article { article: summary(row, caller.lang), html })
    }

    /// Every article, published or scheduled, newest first (staff).
    pub async fn all(&self, caller: &Caller, _: Empty) -> Result<Vec<ArticleSummary>, Failure> {
        let rows: Vec<Row> = sqlx::query_as(&format!("{COLUMNS}{FROM} ORDER BY a.publish_at DESC LIMIT 500"))
            .fetch_all(&self.store.pool)
            .await?;
        Ok(rows.into_iter().map(|r| summary(r, caller.lang)).collect())
    }

    /// Turns a resident's article messages on or off.
    pub async fn set_sms(&self, caller: &Caller, request: ArticleSmsRequest) -> Result<Empty, Failure> {
        let user = caller.user()?;
        sqlx::query("UPDATE users SET article_sms = $1 WHERE id = $2")
            .bind(i64::from(request.on))
            .bind(user.id)
            .execute(self.store.writer())
            .await?;
        Ok(Empty {})
    }
}
