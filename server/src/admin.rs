//! The programme's administration by bureau staff: who serves which community, the
//! communities' offices and quotas, lawyers imported in bulk, and the audit log of who did what;
//! a street's staff only within their street ([`scope`]).

pub mod assignments;
pub mod audit_log;
pub mod communities;
pub mod import;
pub mod scope;
