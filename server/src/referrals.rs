//! Referrals (转介): a lawyer hands a resident's question or booking to the legal-aid centre, a
//! people's mediation committee or a notary office, with the facts and the documents they
//! choose; the resident agrees in 我的 before anything leaves; the receiving body accepts or
//! declines it with a reason and records the outcome; the resident is told of each step by SMS
//! and in the inbox. A referral not answered within its working days is overdue on the board.

mod agency;
mod desk_consent;
mod lawyer;
mod notify;
mod resident;
mod view;
pub mod visits;

pub use agency::{answer, close, queue};
pub use desk_consent::send_code as send_consent_code;
pub use lawyer::{create, matter_files, organisations, sent, withdraw};
pub use resident::{consent, mine};

use crate::caller::Caller;
use crate::failure::Failure;
use crate::sms::Outbox;
use crate::store::Store;
use app::domain::{ReferralKind, MAX_HOUSEHOLD, MAX_MONTHLY_INCOME};
use app::error::AppError;
use app::i18n::ReferralTexts;
use app::model::AidApplication;

/// A pre-application as stated for a referral of `kind`: only legal aid takes one, and its
/// numbers must be a household's (422 otherwise).
fn application(
    caller: &Caller,
    kind: ReferralKind,
    stated: Option<AidApplication>,
) -> Result<Option<AidApplication>, Failure> {
    let Some(stated) = stated else { return Ok(None) };
    let fits = kind == ReferralKind::LegalAid
        && (1..=MAX_HOUSEHOLD).contains(&stated.household)
        && (0..=MAX_MONTHLY_INCOME).contains(&stated.monthly_income);
    if !fits {
        return Err(AppError::invalid("application", ReferralTexts::of(caller.lang).err_application).into());
    }
    Ok(Some(stated))
}

/// Whether the agency account `user_id`'s organisation received `file_id` with a referral the
/// resident agreed to, that it has not declined and the lawyer did not withdraw.
pub async fn hands_over(store: &Store, user_id: i64, file_id: i64) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM referral_files rf JOIN referrals r ON r.id = rf.referral_id \
         JOIN users u ON u.organisation_id = r.organisation_id \
         WHERE rf.file_id = $1 AND u.id = $2 AND r.status IN ('sent', 'accepted', 'closed')",
    )
    .bind(file_id)
    .bind(user_id)
    .fetch_one(&store.pool)
    .await?;
    Ok(n > 0)
}

/// Referrals in the store, messages through the outbox, consent codes at the desk through the
/// sign-in codes' service.
#[derive(Clone)]
pub struct ReferralsService {
    store: Store,
    outbox: Outbox,
    auth: crate::auth::AuthService,
}

impl ReferralsService {
    pub fn new(store: Store, outbox: Outbox, auth: crate::auth::AuthService) -> ReferralsService {
        ReferralsService { store, outbox, auth }
    }
}
