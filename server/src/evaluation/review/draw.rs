//! Drawing a review's sample: the period's answers and service records in scope, split between
//! streets in proportion to what each did (largest remainders), and within a street the ones
//! ranked first by a hash of the seed and the object. The same seed over the same records draws
//! the same sample; the database is read as a stream and only the sample is held.

use super::super::EvaluationService;
use super::read::one;
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::store::{now_ms, Store};
use app::error::{AppError, ErrorKind};
use app::i18n::EvaluationTexts;
use app::model::{DrawReview, Review};
use app::time::LocalDate;
use futures_util::TryStreamExt;
use std::collections::{BTreeMap, BinaryHeap};

/// At most this many items in a sample.
const MAX_SIZE: i64 = 500;
/// Seeds are whole numbers a browser's numbers hold exactly.
const MAX_SEED: i64 = (1 << 53) - 1;

/// The answers (kind 0: a question's first answer in the period) and the service records (kind
/// 1, those not made by answering a question) in street `$1` (0: all): kind, id, lawyer,
/// community, street.
const CANDIDATES: &str = "SELECT 0 AS kind, q.id, COALESCE(q.claimed_by, q.routed_to) AS lawyer_id, q.community_id, c.street_id \
    FROM questions q JOIN communities c ON c.id = q.community_id WHERE q.first_answer_at >= $2 AND q.first_answer_at < $3 \
    AND COALESCE(q.claimed_by, q.routed_to) IS NOT NULL AND ($1 = 0 OR c.street_id = $1) \
    UNION ALL SELECT 1, r.id, r.lawyer_id, r.community_id, c.street_id FROM service_records r \
    JOIN communities c ON c.id = r.community_id WHERE r.served_on >= $4 AND r.served_on <= $5 \
    AND r.question_id IS NULL AND ($1 = 0 OR c.street_id = $1)";

type Candidate = (i64, i64, i64, i64, i64);

/// `staff/draw-review`.
pub async fn draw(state: &EvaluationService, caller: &Caller, request: DrawReview) -> Result<Review, Failure> {
    let (user, t) = (caller.user()?, EvaluationTexts::of(caller.lang));
    let street = scope::street_shown(caller, user, request.street)?;
    let from = LocalDate::parse(&request.from).ok_or_else(|| AppError::invalid("from", t.err_review_period))?;
    let to = LocalDate::parse(&request.to)
        .filter(|to| *to >= from && to.to_days() - from.to_days() < 366)
        .ok_or_else(|| AppError::invalid("to", t.err_review_period))?;
    if !(1..=MAX_SIZE).contains(&request.size) {
        return Err(AppError::invalid("size", t.err_review_size).into());
    }
    let seed = match request.seed {
        Some(seed) if (0..=MAX_SEED).contains(&seed) => seed,
        Some(_) => return Err(AppError::invalid("seed", t.err_review_seed).into()),
        None => rand::random::<i64>() & MAX_SEED,
    };
    let store = &state.store;
    let bounds = (street.unwrap_or(0), from, to);
    let quotas = allocate(request.size, &strata(store, bounds).await?);
    if quotas.is_empty() {
        return Err(AppError::new(ErrorKind::Conflict, t.err_review_empty).into());
    }
    let sample = sample(store, bounds, seed, &quotas).await?;
    let checklist = state.settings.checklist.join("\n");
    let mut tx = store.writer().begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO quality_reviews (street_id, first_day, last_day, seed, size, checklist, drawn_by, drawn_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(street)
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(seed)
    .bind(request.size)
    .bind(&checklist)
    .bind(user.id)
    .bind(now_ms())
    .fetch_one(&mut *tx)
    .await?;
    for (kind, object, lawyer, community, _) in sample {
        let (question, record) = if kind == 0 { (Some(object), None) } else { (None, Some(object)) };
        sqlx::query(
            "INSERT INTO quality_items (review_id, question_id, record_id, lawyer_id, community_id) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(question)
        .bind(record)
        .bind(lawyer)
        .bind(community)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    audit::record_by(store, caller, user.id, "quality_review", &format!("review:{id}")).await?;
    one(store, id).await?.ok_or_else(|| caller.error(ErrorKind::Internal).into())
}

/// How many candidates each street has, by street.
async fn strata(
    store: &Store,
    (street, from, to): (i64, LocalDate, LocalDate),
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT street_id, COUNT(*) FROM ({CANDIDATES}) candidates GROUP BY street_id ORDER BY street_id"
    ))
    .bind(street)
    .bind(from.start().0)
    .bind(to.plus_days(1).start().0)
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(&store.pool)
    .await
}

/// `size` split between the streets in proportion to their `counts` (the largest remainders
/// get the rest, the lower street id first on a tie); every candidate when there are no more.
fn allocate(size: i64, counts: &[(i64, i64)]) -> BTreeMap<i64, i64> {
    let total: i64 = counts.iter().map(|(_, n)| n).sum();
    if total <= size {
        return counts.iter().filter(|(_, n)| *n > 0).copied().collect();
    }
    let mut quotas: BTreeMap<i64, i64> = counts.iter().map(|(street, n)| (*street, size * n / total)).collect();
    let mut remainders: Vec<(i64, i64)> = counts.iter().map(|(street, n)| (size * n % total, *street)).collect();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let left = size - quotas.values().sum::<i64>();
    for (_, street) in remainders.into_iter().take(usize::try_from(left).unwrap_or(0)) {
        *quotas.entry(street).or_default() += 1;
    }
    quotas.retain(|_, quota| *quota > 0);
    quotas
}

/// A candidate's place in the draw: SplitMix64 of the seed and the object, a fixed function,
/// so the draw is the same on every machine and version.
fn rank(seed: i64, kind: i64, id: i64) -> u64 {
    let mut z = (seed as u64) ^ ((kind as u64) << 62) ^ (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The `quotas` lowest-ranked candidates of each street, by street and rank.
async fn sample(
    store: &Store,
    (street, from, to): (i64, LocalDate, LocalDate),
    seed: i64,
    quotas: &BTreeMap<i64, i64>,
) -> Result<Vec<Candidate>, sqlx::Error> {
    let mut kept: BTreeMap<i64, BinaryHeap<(u64, Candidate)>> = BTreeMap::new();
    let mut rows = sqlx::query_as::<_, Candidate>(CANDIDATES)
        .bind(street)
        .bind(from.start().0)
        .bind(to.plus_days(1).start().0)
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch(&store.pool);
    while let Some(candidate) = rows.try_next().await? {
        let quota = quotas.get(&candidate.4).copied().unwrap_or(0);
        let heap = kept.entry(candidate.4).or_default();
        heap.push((rank(seed, candidate.0, candidate.1), candidate));
        if i64::try_from(heap.len()).unwrap_or(i64::MAX) > quota {
            heap.pop();
        }
    }
    Ok(kept.into_values().flat_map(|heap| heap.into_sorted_vec().into_iter().map(|(_, c)| c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_is_split_between_streets_in_proportion_with_the_largest_remainders() {
        let quotas = allocate(10, &[(1, 50), (2, 30), (3, 20)]);
        assert_eq!(quotas.into_iter().collect::<Vec<_>>(), vec![(1, 5), (2, 3), (3, 2)]);
        // 7 × 1/3 each: 2 each and the one left to the lowest street.
        let quotas = allocate(7, &[(4, 10), (5, 10), (6, 10)]);
        assert_eq!(quotas.into_iter().collect::<Vec<_>>(), vec![(4, 3), (5, 2), (6, 2)]);
        assert_eq!(allocate(100, &[(1, 3), (2, 0)]).into_iter().collect::<Vec<_>>(), vec![(1, 3)]);
        assert!(allocate(5, &[]).is_empty());
        let quotas = allocate(3, &[(1, 1000), (2, 1)]);
        assert_eq!(quotas.values().sum::<i64>(), 3);
    }

    #[test]
    fn the_rank_is_fixed_by_the_seed_and_the_object() {
        assert_eq!(rank(42, 0, 7), rank(42, 0, 7));
        assert_ne!(rank(42, 0, 7), rank(43, 0, 7));
        assert_ne!(rank(42, 0, 7), rank(42, 1, 7));
        // A fixed function: these values hold on every machine and version.
        assert_eq!((rank(42, 0, 7), rank(42, 1, 7)), (6_029_533_247_520_485_195, 9_880_039_707_958_450_996));
    }
}
