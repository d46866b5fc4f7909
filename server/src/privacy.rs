//! Residents' personal data: what is held and why (the data map, which `docs/PRIVACY.md` is),
//! a resident's copy of all of it, and erasing their account.

pub mod data_map;
pub mod erase;
pub mod export;
