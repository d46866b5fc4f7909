//! A referral as each of its parties reads it: the resident and the lawyer see the resident's
//! number masked, the receiving body (once the resident agreed) in full, to contact them.

use crate::store::sql::Sql;
use crate::store::Store;
use app::domain::{Hardship, PhoneNumber, ReferralKind, ReferralOutcome, ReferralStatus, SpecialGroup};
use app::model::{AidApplication, ReferralDocument, ReferralView};
use std::collections::HashMap;

/// Who reads a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Resident,
    Lawyer,
    Agency,
}

/// What access checks and transitions need of a referral.
#[derive(Debug, sqlx::FromRow)]
pub struct Facts {
    pub id: i64,
    pub kind: String,
    pub organisation_id: i64,
    pub organisation: String,
    pub resident_id: i64,
    pub lawyer_id: i64,
    /// When the resident agreed and it was handed over; never, for one they did not agree to.
    pub sent_at: Option<i64>,
}

impl Facts {
    pub fn kind(&self) -> ReferralKind {
        ReferralKind::from_db(&self.kind).unwrap_or(ReferralKind::LegalAid)
    }
}

/// The referral's facts, if it exists.
pub async fn facts<'e, E>(executor: E, id: i64) -> Result<Option<Facts>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query_as(
        "SELECT r.id, r.kind, r.organisation_id, o.name AS organisation, r.resident_id, r.lawyer_id, r.sent_at \
         FROM referrals r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(executor)
    .await
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    status: String,
    organisation: String,
    community: String,
    lawyer: String,
    facts: String,
    special_group: Option<String>,
    resident: String,
    phone: Option<String>,
    question_id: Option<i64>,
    booking_id: Option<i64>,
    reason: Option<String>,
    outcome: Option<String>,
    outcome_note: Option<String>,
    created_at: i64,
    sent_at: Option<i64>,
    answered_at: Option<i64>,
    closed_at: Option<i64>,
    due_at: Option<i64>,
    household: Option<i64>,
    monthly_income: Option<i64>,
    hardship: Option<String>,
}

/// Referrals matching `filter` (SQL over `r`, with `value` as `$1`), in `order`, at most 200.
pub async fn list(
    store: &Store,
    reader: Reader,
    filter: &str,
    value: i64,
    order: &str,
) -> Result<Vec<ReferralView>, sqlx::Error> {
    let sql = format!(
        "SELECT r.id, r.kind, r.status, o.name AS organisation, c.name AS community, l.name AS lawyer, r.facts, \
         r.special_group, u.display_name AS resident, u.phone, r.question_id, r.booking_id, r.reason, r.outcome, \
         r.outcome_note, r.created_at, r.sent_at, r.answered_at, r.closed_at, r.due_at, r.household, r.monthly_income, \
         r.hardship \
         FROM referrals r JOIN organisations o ON o.id = r.organisation_id JOIN communities c ON c.id = r.community_id \
         JOIN lawyers l ON l.id = r.lawyer_id JOIN users u ON u.id = r.resident_id \
         WHERE {filter} ORDER BY {order} LIMIT 200"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(value).fetch_all(&store.pool).await?;
    let mut documents = documents(store, rows.iter().map(|r| r.id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let handed_over = documents.remove(&row.id).unwrap_or_default();
            view(row, handed_over, reader)
        })
        .collect())
}

/// One referral as `reader` sees it.
pub async fn one(store: &Store, reader: Reader, id: i64) -> Result<ReferralView, sqlx::Error> {
    let mut found = list(store, reader, "r.id = $1", id, "r.id").await?;
    found.pop().ok_or(sqlx::Error::RowNotFound)
}

/// The files handed over with each of `ids`.
async fn documents(store: &Store, ids: Vec<i64>) -> Result<HashMap<i64, Vec<ReferralDocument>>, sqlx::Error> {
    let mut by_referral: HashMap<i64, Vec<ReferralDocument>> = HashMap::new();
    if ids.is_empty() {
        return Ok(by_referral);
    }
    let mut sql = Sql::new(
        "SELECT rf.referral_id, f.name, f.token FROM referral_files rf JOIN files f ON f.id = rf.file_id \
         WHERE f.deleted_at IS NULL AND rf.referral_id IN ",
    );
    sql.bind_list(ids).push(" ORDER BY f.id");
    let rows: Vec<(i64, String, String)> = sql.fetch_all(&store.pool).await?;
    for (referral, name, token) in rows {
        let link = format!("/files/{token}");
        by_referral.entry(referral).or_default().push(ReferralDocument { token, name, link });
    }
    Ok(by_referral)
}

fn view(row: Row, documents: Vec<ReferralDocument>, reader: Reader) -> ReferralView {
    let phone = row.phone.as_deref().and_then(|p| PhoneNumber::parse(p).ok()).map(|p| match reader {
        Reader::Agency => p.as_str().to_owned(),
        Reader::Resident | Reader::Lawyer => p.masked(),
    });
    // The matter as each party opens it: the resident's page, the lawyer's workbench.
    let source = match (reader, row.question_id, row.booking_id) {
        (Reader::Resident, Some(q), _) => Some(format!("/questions/{q}")),
        (Reader::Resident, None, Some(b)) => Some(format!("/bookings/{b}")),
        (Reader::Lawyer, Some(q), _) => Some(format!("/desk/questions?id={q}")),
        _ => None,
    };
    ReferralView {
        id: row.id,
        kind: ReferralKind::from_db(&row.kind).unwrap_or(ReferralKind::LegalAid),
        status: ReferralStatus::from_db(&row.status).unwrap_or(ReferralStatus::Withdrawn),
        organisation: row.organisation,
        community: row.community,
        lawyer: row.lawyer,
        facts: row.facts,
        special_group: row.special_group.as_deref().and_then(SpecialGroup::from_db),
        resident: row.resident,
        phone,
        documents,
        application: row.household.zip(row.monthly_income).map(|(household, monthly_income)| AidApplication {
            household,
            monthly_income,
            hardship: row.hardship.as_deref().and_then(Hardship::from_db),
        }),
        source,
        reason: row.reason,
        outcome: row.outcome.as_deref().and_then(ReferralOutcome::from_db),
        outcome_note: row.outcome_note,
        created_at: row.created_at,
        sent_at: row.sent_at,
        answered_at: row.answered_at,
        closed_at: row.closed_at,
        due_at: row.due_at,
    }
}
