//! Server functions: the portal's HTTP API. Each has a stable path under `/api/<area>/<verb>`,
//! takes one JSON object and answers JSON; each checks who is calling itself. `docs/API.md`
//! lists them with examples.

pub mod account;
pub mod articles;
pub mod auth;
pub mod booking;
pub(crate) mod call;
pub mod desk;
pub mod directory;
pub mod duty;
pub mod files;
pub mod library;
pub mod questions;
pub mod registers;
pub mod staff;

pub use call::call;
