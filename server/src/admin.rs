//! The programme's administration by bureau staff: who serves which community, the
//! streets and communities, their offices and quotas, lawyers and assignments imported in bulk,
//! staff accounts, and
//! the audit log of who did what;
//! a street's staff only within their street ([`scope`]).

pub mod accounts;
pub mod assignments;
pub mod audit_log;
pub mod communities;
pub mod import;
pub mod import_assignments;
pub mod lawyers;
pub mod places;
pub mod scope;
pub mod table;
pub mod xlsx;

use crate::store::Store;
use app::error::AppError;
use app::model::{
    AssignmentImportReport, AssignmentsCsv, CommunityPlace, FirmEdit, ImportReport, LawyerEdit, LawyersCsv,
    LawyersQuery, LawyersRegister, MemberAdd, MemberRemove, Places, PlacesRequest, StaffAccountEdit, StaffAccounts,
    StreetEdit,
};
use app::ports::{Caller, RegistersPort};
use async_trait::async_trait;

/// The registers over the store.
#[derive(Clone, Debug)]
pub struct RegistersService {
    store: Store,
    heavy: crate::heavy::Heavy,
}

impl RegistersService {
    /// Keeps the registers in `store`; imports are read within `heavy`'s limit.
    pub fn new(store: Store, heavy: crate::heavy::Heavy) -> RegistersService {
        RegistersService { store, heavy }
    }
}

#[async_trait]
impl RegistersPort for RegistersService {
    async fn staff_accounts(&self, caller: &Caller) -> Result<StaffAccounts, AppError> {
        accounts::list(&self.store, caller).await
    }

    async fn save_staff_account(&self, caller: &Caller, edit: StaffAccountEdit) -> Result<StaffAccounts, AppError> {
        accounts::save(&self.store, caller, edit).await
    }

    async fn import_lawyers(&self, caller: &Caller, request: LawyersCsv) -> Result<ImportReport, AppError> {
        scope::require_district(caller, caller.user()?)?;
        import::lawyers(&self.store, &self.heavy, caller, request).await
    }

    async fn import_assignments(
        &self,
        caller: &Caller,
        request: AssignmentsCsv,
    ) -> Result<AssignmentImportReport, AppError> {
        import_assignments::assignments(&self.store, &self.heavy, caller, request).await
    }

    async fn lawyers(&self, caller: &Caller, query: LawyersQuery) -> Result<LawyersRegister, AppError> {
        scope::require_district(caller, caller.user()?)?;
        lawyers::list(&self.store, caller, query).await
    }

    async fn save_lawyer(&self, caller: &Caller, edit: LawyerEdit) -> Result<LawyersRegister, AppError> {
        scope::require_district(caller, caller.user()?)?;
        lawyers::save_lawyer(&self.store, caller, edit).await
    }

    async fn save_firm(&self, caller: &Caller, edit: FirmEdit) -> Result<LawyersRegister, AppError> {
        scope::require_district(caller, caller.user()?)?;
        lawyers::save_firm(&self.store, caller, edit).await
    }

    async fn add_member(&self, caller: &Caller, add: MemberAdd) -> Result<LawyersRegister, AppError> {
        scope::require_district(caller, caller.user()?)?;
        lawyers::add_member(&self.store, caller, add).await
    }

    async fn remove_member(&self, caller: &Caller, remove: MemberRemove) -> Result<LawyersRegister, AppError> {
        scope::require_district(caller, caller.user()?)?;
        lawyers::remove_member(&self.store, caller, remove).await
    }

    async fn places(&self, caller: &Caller, request: PlacesRequest) -> Result<Places, AppError> {
        scope::require_district(caller, caller.user()?)?;
        places::list(&self.store, caller, request.street_id).await
    }

    async fn save_street(&self, caller: &Caller, edit: StreetEdit) -> Result<Places, AppError> {
        scope::require_district(caller, caller.user()?)?;
        places::save_street(&self.store, caller, edit).await
    }

    async fn save_community(&self, caller: &Caller, place: CommunityPlace) -> Result<Places, AppError> {
        scope::require_district(caller, caller.user()?)?;
        places::save_community(&self.store, caller, place).await
    }
}
