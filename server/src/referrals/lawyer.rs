//! The lawyer's side: the receiving bodies, writing a referral from a question or booking they
//! handle, their referrals, and withdrawing one not yet answered.

use super::notify::tell_resident;
use super::view::{self, Reader};
use super::ReferralsService;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::desk;
use crate::sms::{Message, Template};
use crate::store::now_ms;
use app::domain::{ReferralKind, MAX_REFERRAL_DOCUMENTS, MAX_REFERRAL_TEXT_CHARS};
use app::error::{AppError, ErrorKind};
use app::i18n::ReferralTexts;
use app::model::{AidApplication, Empty, NewReferral, Organisation, ReferralRequest, ReferralView};

/// The receiving bodies still taking referrals, by kind and name.
pub async fn organisations(
    service: &ReferralsService,
    _caller: &Caller,
    _: Empty,
) -> Result<Vec<Organisation>, Failure> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, kind, name FROM organisations WHERE closed_at IS NULL ORDER BY kind, name")
            .fetch_all(&service.store.pool)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, kind, name)| Some(Organisation { id, kind: ReferralKind::from_db(&kind)?, name }))
        .collect())
}

/// The matter a referral comes from: whose, where, and the lawyer who refers it.
pub(super) struct Matter {
    pub(super) resident_id: i64,
    community_id: i64,
    lawyer_id: i64,
}

/// The question or booking named, if the caller's lawyer handles it; 404 otherwise.
pub(super) async fn matter(
    service: &ReferralsService,
    caller: &Caller,
    (question_id, booking_id): (Option<i64>, Option<i64>),
) -> Result<Matter, Failure> {
    let store = &service.store;
    let mine = desk::own_lawyers(store, caller).await?;
    let not_found = || caller.error(ErrorKind::NotFound);
    match (question_id, booking_id) {
        (Some(question_id), None) => {
            let q = crate::questions::question_facts(store, caller, question_id).await?;
            crate::questions::require_question_read(store, caller, &q).await?;
            // The lawyer who has it now, if the caller acts as them; else the caller's own.
            let lawyer_id = [q.claimed_by, q.routed_to]
                .into_iter()
                .flatten()
                .find(|l| mine.contains(l))
                .or_else(|| mine.first().copied())
                .ok_or_else(not_found)?;
            Ok(Matter { resident_id: q.resident_id, community_id: q.community_id, lawyer_id })
        }
        (None, Some(booking_id)) => {
            let row: Option<(i64, i64, i64)> =
                sqlx::query_as("SELECT resident_id, community_id, lawyer_id FROM bookings WHERE id = $1")
                    .bind(booking_id)
                    .fetch_optional(&store.pool)
                    .await?;
            match row {
                Some((resident_id, community_id, lawyer_id)) if mine.contains(&lawyer_id) => {
                    Ok(Matter { resident_id, community_id, lawyer_id })
                }
                _ => Err(not_found().into()),
            }
        }
        _ => Err(AppError::invalid("question_id", ReferralTexts::of(caller.lang).err_source).into()),
    }
}

/// The form's view of a matter the caller's lawyer handles: its title, and the resident's files
/// of it (id, name, token). 404 as for [`create`].
pub async fn matter_files(
    service: &ReferralsService,
    caller: &Caller,
    request: &NewReferral,
) -> Result<(String, Vec<(i64, String, String)>), Failure> {
    let matter = matter(service, caller, (request.question_id, request.booking_id)).await?;
    let title: Option<String> = match (request.question_id, request.booking_id) {
        (Some(q), _) => {
            sqlx::query_scalar("SELECT title FROM questions WHERE id = $1")
                .bind(q)
                .fetch_optional(&service.store.pool)
                .await?
        }
        (_, b) => {
            let row: Option<(String, String)> = sqlx::query_as(
                "SELECT c.name, b.description FROM bookings b JOIN communities c ON c.id = b.community_id WHERE b.id = $1",
            )
            .bind(b.unwrap_or(0))
            .fetch_optional(&service.store.pool)
            .await?;
            row.map(|(community, description)| format!("{community} · {description}"))
        }
    };
    let files = files_of(service, request, &matter).await?;
    Ok((title.unwrap_or_default(), files))
}

/// `referrals/create`: the referral waits for the resident's consent, who is told by SMS and in
/// their inbox; or, with the code the resident at the desk read back, it is handed over at once.
/// Bad input — no facts, a body that does not exist or does not serve the community, a document
/// not the resident's own of this matter, a wrong code — changes nothing.
pub async fn create(
    service: &ReferralsService,
    caller: &Caller,
    request: NewReferral,
) -> Result<ReferralView, Failure> {
    let user = caller.user()?;
    let checked = check(service, caller, &request).await?;
    let at_desk = !request.consent_code.trim().is_empty();
    if at_desk {
        super::desk_consent::verify(service, caller, checked.matter.resident_id, &request.consent_code).await?;
    }
    let mut tx = service.store.writer().begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO referrals (kind, organisation_id, resident_id, community_id, lawyer_id, written_by, question_id, \
         booking_id, facts, special_group, status, created_at, household, monthly_income, hardship) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'awaiting_consent', $11, $12, $13, $14) RETURNING id",
    )
    .bind(&checked.kind)
    .bind(request.organisation_id)
    .bind(checked.matter.resident_id)
    .bind(checked.matter.community_id)
    .bind(checked.matter.lawyer_id)
    .bind(user.id)
    .bind(request.question_id)
    .bind(request.booking_id)
    .bind(&checked.facts)
    .bind(request.special_group.map(|g| g.as_str()))
    .bind(now_ms())
    .bind(checked.application.map(|a| a.household))
    .bind(checked.application.map(|a| a.monthly_income))
    .bind(checked.application.and_then(|a| a.hardship).map(|h| h.as_str()))
    .fetch_one(&mut *tx)
    .await?;
    for file in checked.files {
        sqlx::query("INSERT INTO referral_files (referral_id, file_id) VALUES ($1, $2)")
            .bind(id)
            .bind(file)
            .execute(&mut *tx)
            .await?;
    }
    let body = checked.body;
    if at_desk {
        super::desk_consent::hand_over(&mut tx, (id, &body)).await?;
    } else {
        let message = |lang| Message::new(Template::ReferralToConfirm, lang, &[("body", &body)]);
        tell_resident(&mut tx, checked.matter.resident_id, message).await?;
    }
    tx.commit().await?;
    service.outbox.wake();
    if at_desk {
        super::desk_consent::record(service, caller, id, checked.matter.resident_id).await?;
    }
    Ok(view::one(&service.store, Reader::Lawyer, id).await?)
}

/// A new referral, checked: its matter, the body's kind and name, the facts, the files' ids.
struct Checked {
    matter: Matter,
    kind: String,
    body: String,
    facts: String,
    files: Vec<i64>,
    application: Option<AidApplication>,
}

/// `request` checked, or the first thing wrong with it (see [`create`]).
async fn check(service: &ReferralsService, caller: &Caller, request: &NewReferral) -> Result<Checked, Failure> {
    let t = ReferralTexts::of(caller.lang);
    let facts = request.facts.trim();
    if facts.is_empty() || facts.chars().count() > MAX_REFERRAL_TEXT_CHARS {
        return Err(AppError::invalid("facts", t.err_facts).into());
    }
    let mut tokens = request.documents.clone();
    tokens.sort_unstable();
    tokens.dedup();
    if tokens.len() > MAX_REFERRAL_DOCUMENTS {
        return Err(AppError::invalid("documents", t.err_documents).into());
    }
    let matter = matter(service, caller, (request.question_id, request.booking_id)).await?;
    let organisation: Option<(String, String)> = sqlx::query_as(
        "SELECT kind, name FROM organisations WHERE id = $1 AND closed_at IS NULL \
         AND (street_id IS NULL OR street_id = (SELECT street_id FROM communities WHERE id = $2))",
    )
    .bind(request.organisation_id)
    .bind(matter.community_id)
    .fetch_optional(&service.store.pool)
    .await?;
    let Some((kind, body)) = organisation else {
        return Err(AppError::invalid("organisation_id", t.err_organisation).into());
    };
    let stated = super::application(
        caller,
        ReferralKind::from_db(&kind).unwrap_or(ReferralKind::LegalAid),
        request.application,
    )?;
    let theirs = if tokens.is_empty() { Vec::new() } else { files_of(service, request, &matter).await? };
    let files: Option<Vec<i64>> =
        tokens.iter().map(|token| theirs.iter().find(|f| &f.2 == token).map(|f| f.0)).collect();
    let Some(files) = files else {
        return Err(AppError::invalid("documents", t.err_documents).into());
    };
    Ok(Checked { matter, kind, body, facts: facts.to_owned(), files, application: stated })
}

/// The resident's own files of the matter (id, name, token): those a referral may hand over.
async fn files_of(
    service: &ReferralsService,
    request: &NewReferral,
    matter: &Matter,
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    let (column, id) = match (request.question_id, request.booking_id) {
        (Some(q), _) => ("question_id", q),
        (_, b) => ("booking_id", b.unwrap_or(0)),
    };
    sqlx::query_as(&format!(
        "SELECT id, name, token FROM files WHERE purpose = 'private' AND deleted_at IS NULL AND resident_id = $1 \
         AND {column} = $2 ORDER BY id"
    ))
    .bind(matter.resident_id)
    .bind(id)
    .fetch_all(&service.store.pool)
    .await
}

/// `referrals/sent`: the referrals of the lawyers the caller acts as, newest first.
pub async fn sent(service: &ReferralsService, caller: &Caller, _: Empty) -> Result<Vec<ReferralView>, Failure> {
    let user = caller.user()?;
    let filter = "r.lawyer_id IN (SELECT id FROM lawyers WHERE user_id = $1 \
                  UNION SELECT lawyer_id FROM team_members WHERE user_id = $1)";
    Ok(view::list(&service.store, Reader::Lawyer, filter, user.id, "r.created_at DESC, r.id DESC").await?)
}

/// `referrals/withdraw`: before the receiving body answers. Not the caller's lawyer's: 404;
/// answered already: 409.
pub async fn withdraw(
    service: &ReferralsService,
    caller: &Caller,
    request: ReferralRequest,
) -> Result<ReferralView, Failure> {
    let facts = view::facts(&service.store.pool, request.referral_id).await?;
    let mine = desk::own_lawyers(&service.store, caller).await?;
    let facts = facts.filter(|f| mine.contains(&f.lawyer_id)).ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    let mut tx = service.store.writer().begin().await?;
    let moved = sqlx::query(
        "UPDATE referrals SET status = 'withdrawn', closed_at = $1 WHERE id = $2 AND status IN ('awaiting_consent', 'sent')",
    )
    .bind(now_ms())
    .bind(facts.id)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Err(AppError::new(ErrorKind::Conflict, ReferralTexts::of(caller.lang).err_not_open).into());
    }
    // The body's systems heard of it once it was handed over; they hear it is withdrawn.
    if facts.sent_at.is_some() {
        crate::webhooks::announce_referral_step(&mut tx, facts.id).await?;
    }
    tx.commit().await?;
    Ok(view::one(&service.store, Reader::Lawyer, facts.id).await?)
}
