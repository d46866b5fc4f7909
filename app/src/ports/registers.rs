//! The port of the programme's registers.

use super::Caller;
use crate::error::AppError;
use crate::model::{
    AssignmentImportReport, AssignmentsCsv, CommunityPlace, FirmEdit, ImportReport, LawyerEdit, LawyersCsv,
    LawyersQuery, LawyersRegister, MemberAdd, MemberRemove, Places, PlacesRequest, StaffAccountEdit, StaffAccounts,
    StreetEdit,
};
use async_trait::async_trait;

/// The registers district staff and admins keep: staff accounts, lawyers and firms, streets
/// and communities, assignments in bulk.
#[async_trait]
pub trait RegistersPort: Send + Sync {
    /// Every staff and admin account. Admins only.
    async fn staff_accounts(&self, caller: &Caller) -> Result<StaffAccounts, AppError>;
    /// Creates or changes a staff or admin account. Admins only.
    async fn save_staff_account(&self, caller: &Caller, edit: StaffAccountEdit) -> Result<StaffAccounts, AppError>;
    /// Checks, and when asked adds, lawyers from a CSV table (staff).
    async fn import_lawyers(&self, caller: &Caller, request: LawyersCsv) -> Result<ImportReport, AppError>;
    /// Checks a table of assignments row by row; writes them when asked and no row is wrong.
    async fn import_assignments(
        &self,
        caller: &Caller,
        request: AssignmentsCsv,
    ) -> Result<AssignmentImportReport, AppError>;
    /// The lawyers matching a filter, and every firm. The district's staff.
    async fn lawyers(&self, caller: &Caller, query: LawyersQuery) -> Result<LawyersRegister, AppError>;
    /// Corrects a lawyer's name, firm, licence number and verification. The district's staff.
    async fn save_lawyer(&self, caller: &Caller, edit: LawyerEdit) -> Result<LawyersRegister, AppError>;
    /// Creates or corrects a law firm. The district's staff.
    async fn save_firm(&self, caller: &Caller, edit: FirmEdit) -> Result<LawyersRegister, AppError>;
    /// Adds a member to a lawyer's team. The district's staff.
    async fn add_member(&self, caller: &Caller, add: MemberAdd) -> Result<LawyersRegister, AppError>;
    /// Takes a member off a lawyer's team. The district's staff.
    async fn remove_member(&self, caller: &Caller, remove: MemberRemove) -> Result<LawyersRegister, AppError>;
    /// Every street, and one street's communities. The district's staff.
    async fn places(&self, caller: &Caller, request: PlacesRequest) -> Result<Places, AppError>;
    /// Creates, renames or reorders a street. The district's staff.
    async fn save_street(&self, caller: &Caller, edit: StreetEdit) -> Result<Places, AppError>;
    /// Creates a community, or renames it and moves it to another street. The district's staff.
    async fn save_community(&self, caller: &Caller, place: CommunityPlace) -> Result<Places, AppError>;
}
