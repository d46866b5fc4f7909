//! A member's side: the incidents they are on the team of, and logging a service against one in
//! its community, whichever communities they serve otherwise.

use super::view::{list as listed, one, Which};
use crate::caller::Caller;
use crate::duty::record_service;
use crate::failure::Failure;
use crate::store::Store;
use app::error::{AppError, ErrorKind};
use app::i18n::IncidentTexts;
use app::model::{Empty, Incident, IncidentRecord, ServiceRecord, ServiceRecordRequest};
use app::time::LocalDate;

/// `incidents/mine`.
pub async fn mine(store: &Store, caller: &Caller, _: Empty) -> Result<Vec<Incident>, Failure> {
    let lawyer = crate::scope::own_lawyer(store, caller).await?;
    Ok(listed(store, Which::Member(lawyer)).await?)
}

/// `incidents/record`: an incident the caller is a member of (404 otherwise), on a day from the
/// day it opened to its last (422 on `served_on` otherwise), checked as every service record is.
pub async fn record(store: &Store, caller: &Caller, request: IncidentRecord) -> Result<ServiceRecord, Failure> {
    let lawyer = crate::scope::own_lawyer(store, caller).await?;
    let incident = one(store, request.incident_id)
        .await?
        .filter(|incident| incident.members.iter().any(|m| m.lawyer_id == lawyer))
        .ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    let served = LocalDate::parse(&request.record.served_on);
    let within = |day: LocalDate| {
        LocalDate::parse(&incident.opened_on).is_some_and(|opened| day >= opened)
            && incident.closed_on.as_deref().and_then(LocalDate::parse).is_none_or(|last| day <= last)
    };
    if served.is_some_and(|day| !within(day)) {
        return Err(AppError::invalid("served_on", IncidentTexts::of(caller.lang).err_outside).into());
    }
    let record = ServiceRecordRequest { lawyer_id: lawyer, community_id: incident.community_id, ..request.record };
    record_service(store, caller, record, Some(incident.id)).await
}
