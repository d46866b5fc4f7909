//! Residents' personal data: what is held and why (the data map, which `docs/PRIVACY.md` is),
//! agreeing to the notice, a resident's copy of all of it, and erasing their account.

pub mod consent;
pub mod data_map;
pub mod document;
pub mod erase;
pub mod export;

pub use consent::{agree as record_consent, How as ConsentHow};
