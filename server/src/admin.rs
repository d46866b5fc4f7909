//! The programme's administration by bureau staff: who serves which community, the
//! communities' offices and quotas, and the audit log of who did what.

pub mod assignments;
pub mod audit_log;
pub mod communities;
