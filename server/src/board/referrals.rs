//! Referrals on the board: those written in the period, in the district or one street, counted
//! by kind, where they stand and special group, with those past their answer's due time. Few
//! rows (a district's referrals), grouped in the database.

use crate::store::Store;
use app::domain::{ReferralKind, ReferralStatus, SpecialGroup};
use app::model::ReferralTally;
use app::time::LocalDate;

/// The tallies of `from..=to` in `street` or everywhere, overdue as of `now`.
pub async fn read(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
    now: i64,
) -> Result<Vec<ReferralTally>, sqlx::Error> {
    let rows: Vec<(String, String, Option<String>, i64, i64)> = sqlx::query_as(
        "SELECT r.kind, r.status, r.special_group, COUNT(*), \
         CAST(SUM(CASE WHEN r.status = 'sent' AND r.due_at < $4 THEN 1 ELSE 0 END) AS BIGINT) \
         FROM referrals r JOIN communities c ON c.id = r.community_id \
         WHERE r.created_at >= $1 AND r.created_at < $2 AND ($3 IS NULL OR c.street_id = $3) \
         GROUP BY r.kind, r.status, r.special_group ORDER BY r.kind, r.status, r.special_group",
    )
    .bind(from.start().0)
    .bind(to.plus_days(1).start().0)
    .bind(street)
    .bind(now)
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(kind, status, group, referrals, overdue)| {
            Some(ReferralTally {
                kind: ReferralKind::from_db(&kind)?,
                status: ReferralStatus::from_db(&status)?,
                special_group: group.as_deref().and_then(SpecialGroup::from_db),
                referrals,
                overdue,
            })
        })
        .collect())
}
