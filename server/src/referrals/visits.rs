//! 家门口公证: a notary office publishes weekly hours for visiting residents at home; a resident
//! (or their lawyer at the desk, with the resident's code) books a visit with the address and
//! the matter, and sees whether it is free (a will, from 65); the office records what came of
//! it or calls it off with a reason the resident is sent. Slots come from the booking engine's
//! calendar, so the district's holidays and make-up days hold here too.

mod book;
mod hours;
mod office;
mod resident;
mod slots;
mod view;

pub use book::book;
pub use hours::{hours, save_hours};
pub use office::{finish, office_visits};
pub use resident::{cancel, mine};
pub use slots::{offices, slots};

use super::ReferralsService;
use crate::caller::Caller;
use crate::failure::Failure;
use app::error::{AppError, ErrorKind};
use app::i18n::{ReferralTexts, VisitTexts};

/// Where a visit's messages lead.
pub const MY_VISITS: &str = "/me/visits";

/// The caller's notary office: 403 for an account of no body, or of a body of another kind.
async fn notary_office(service: &ReferralsService, caller: &Caller) -> Result<i64, Failure> {
    let user = caller.user()?;
    let found: Option<(i64, String)> = sqlx::query_as(
        "SELECT o.id, o.kind FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1",
    )
    .bind(user.id)
    .fetch_optional(&service.store.pool)
    .await?;
    match found {
        Some((id, kind)) if kind == "notary" => Ok(id),
        Some(_) => Err(AppError::new(ErrorKind::Forbidden, VisitTexts::of(caller.lang).err_not_notary).into()),
        None => Err(AppError::new(ErrorKind::Forbidden, ReferralTexts::of(caller.lang).err_no_organisation).into()),
    }
}

/// Whether the caller works at a notary office.
pub async fn is_notary(service: &ReferralsService, caller: &Caller) -> bool {
    notary_office(service, caller).await.is_ok()
}
