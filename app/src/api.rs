//! The portal's HTTP API, declared as data: each endpoint has a stable path under
//! `/api/<area>/<verb>`, takes one JSON object, answers JSON and names the roles that may call
//! it ([`Endpoint`]). The server routes the declarations; `docs/API.md` lists them with examples.

pub mod account;
pub mod articles;
pub mod assisted;
pub mod auth;
pub mod booking;
pub mod calendar;
pub(crate) mod call;
pub mod desk;
pub mod directory;
pub mod duty;
mod endpoint;
pub mod evaluations;
pub mod feedback;
pub mod files;
pub mod home_visits;
pub mod incidents;
pub mod library;
pub mod points;
pub mod questions;
pub mod referrals;
pub mod registers;
pub mod staff;
pub mod themes;

pub use call::call;
pub use endpoint::{Access, Endpoint};
