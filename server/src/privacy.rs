//! Residents' personal data: what is held and why (the data map, which `docs/PRIVACY.md` is),
//! agreeing to the notice, a resident's copy of all of it, erasing their account, and removing
//! what has been kept its time.

pub mod consent;
pub mod data_map;
pub mod document;
pub mod erase;
pub mod export;
pub mod retention;

pub use consent::{agree as record_consent, How as ConsentHow};
