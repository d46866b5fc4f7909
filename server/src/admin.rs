//! The programme's administration by bureau staff: who serves which community.

pub mod assignments;
