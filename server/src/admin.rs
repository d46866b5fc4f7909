//! The programme's administration by bureau staff: who serves which community, the
//! streets and communities, their offices and quotas, lawyers and assignments imported in bulk,
//! staff accounts, and
//! the audit log of who did what;
//! a street's staff only within their street (`crate::scope`).

pub mod accounts;
pub mod api_keys;
pub mod assignments;
pub mod audit_log;
pub mod calendar;
pub mod communities;
pub mod import;
pub mod import_assignments;
pub mod lawyer_account;
pub mod lawyers;
pub mod messages;
pub mod organisations;
pub mod places;
pub mod setup;
pub mod table;
pub mod webhooks;
pub mod xlsx;

pub use places::save_place;

use crate::heavy::Heavy;
use crate::store::Store;

/// What an import needs: the store, and the turn for heavy work it reads the table in.
#[derive(Clone, Debug)]
pub struct Imports {
    /// Where the rows go.
    pub store: Store,
    /// One heavy job per core.
    pub heavy: Heavy,
}
