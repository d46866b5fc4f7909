//! Server functions: the portal's HTTP API. Each has a stable path under `/api/<area>/<verb>`,
//! takes one JSON object and answers JSON; each checks who is calling itself. `docs/API.md`
//! lists them with examples.

pub mod account;
pub mod auth;
pub mod booking;
mod call;
pub mod desk;
pub mod directory;
pub mod duty;
pub mod staff;

pub use call::call;
