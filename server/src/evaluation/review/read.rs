//! Reviews and their items as staff and lawyers read them: each item with its lawyer, place and
//! words (the first answer, or the record's summary), and its checks and findings once scored.

use crate::store::Store;
use app::model::{Review, ReviewItem};

/// Which items to read; each binds one value as `$1`.
#[derive(Clone, Copy)]
pub enum Items {
    OfReview(i64),
    /// A lawyer's scored items.
    OfLawyer(i64),
    One(i64),
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    review_id: i64,
    question_id: Option<i64>,
    record_id: Option<i64>,
    lawyer_id: i64,
    lawyer: String,
    street: String,
    community: String,
    text: String,
    checks: Option<String>,
    score: Option<i64>,
    findings: String,
}

const ITEMS: &str = "SELECT i.id, i.review_id, i.question_id, i.record_id, i.lawyer_id, l.name AS lawyer, s.name AS street, \
    c.name AS community, COALESCE((SELECT m.body FROM question_messages m WHERE m.question_id = i.question_id \
    AND m.kind = 'answer' ORDER BY m.id LIMIT 1), r.summary, '') AS text, i.checks, CAST(i.score AS BIGINT) AS score, i.findings \
    FROM quality_items i JOIN lawyers l ON l.id = i.lawyer_id JOIN communities c ON c.id = i.community_id \
    JOIN streets s ON s.id = c.street_id LEFT JOIN service_records r ON r.id = i.record_id";

/// The items `which` names, in the order they were drawn.
pub async fn items(store: &Store, which: Items) -> Result<Vec<ReviewItem>, sqlx::Error> {
    let (filter, bind) = match which {
        Items::OfReview(review) => ("i.review_id = $1", review),
        Items::OfLawyer(lawyer) => ("i.lawyer_id = $1 AND i.score IS NOT NULL", lawyer),
        Items::One(id) => ("i.id = $1", id),
    };
    let rows: Vec<Row> =
        sqlx::query_as(&format!("{ITEMS} WHERE {filter} ORDER BY i.id")).bind(bind).fetch_all(&store.pool).await?;
    Ok(rows
        .into_iter()
        .map(|row| ReviewItem {
            id: row.id,
            review_id: row.review_id,
            kind: if row.question_id.is_some() { "answer" } else { "record" }.to_owned(),
            question_id: row.question_id,
            record_id: row.record_id,
            lawyer_id: row.lawyer_id,
            lawyer: row.lawyer,
            street: row.street,
            community: row.community,
            text: row.text,
            checks: row.checks.map(|checks| checks.chars().map(|c| c == '1').collect()),
            score: row.score,
            findings: row.findings,
        })
        .collect())
}

type Head = (i64, Option<i64>, Option<String>, String, String, i64, i64, String, i64);

const HEADS: &str =
    "SELECT v.id, v.street_id, s.name, v.first_day, v.last_day, v.seed, CAST(v.size AS BIGINT), v.checklist, \
    v.drawn_at FROM quality_reviews v LEFT JOIN streets s ON s.id = v.street_id";

/// The 20 latest reviews of street `street` (its staff's), or every review (none: the district's).
pub async fn reviews(store: &Store, street: Option<i64>) -> Result<Vec<Review>, sqlx::Error> {
    let heads: Vec<Head> = sqlx::query_as(&format!(
        "{HEADS} WHERE $1 = 0 OR v.street_id = $1 ORDER BY v.drawn_at DESC, v.id DESC LIMIT 20"
    ))
    .bind(street.unwrap_or(0))
    .fetch_all(&store.pool)
    .await?;
    let mut out = Vec::with_capacity(heads.len());
    for head in heads {
        out.push(review(store, head).await?);
    }
    Ok(out)
}

/// The review `id`, with its street's id (none: every street).
pub async fn one(store: &Store, id: i64) -> Result<Option<Review>, sqlx::Error> {
    let head: Option<Head> =
        sqlx::query_as(&format!("{HEADS} WHERE v.id = $1")).bind(id).fetch_optional(&store.pool).await?;
    match head {
        Some(head) => Ok(Some(review(store, head).await?)),
        None => Ok(None),
    }
}

/// The street a review was drawn in (none: every street), if the review exists.
pub async fn street_of(store: &Store, review: i64) -> Result<Option<Option<i64>>, sqlx::Error> {
    sqlx::query_scalar("SELECT street_id FROM quality_reviews WHERE id = $1")
        .bind(review)
        .fetch_optional(&store.pool)
        .await
}

async fn review(store: &Store, head: Head) -> Result<Review, sqlx::Error> {
    let (id, _, street, from, to, seed, size, checklist, drawn_at) = head;
    Ok(Review {
        id,
        from,
        to,
        seed,
        size,
        street,
        checklist: checklist.lines().map(str::to_owned).collect(),
        drawn_at,
        items: items(store, Items::OfReview(id)).await?,
    })
}
