//! The programme's administration by bureau staff: who serves which community, and the audit
//! log of who did what.

pub mod assignments;
pub mod audit_log;
