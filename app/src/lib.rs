//! 法i社区: the two browser apps and everything the browsers and the server share.
//!
//! Built for the browser with `csr` (trunk, one wasm per front end: `bin/resident.rs` and
//! `bin/workbench.rs`) and natively with `ssr`, where the `server` crate answers the endpoints
//! declared in [`api`].

pub mod api;
pub mod calendar;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod model;
#[cfg(feature = "ssr")]
pub mod pages;
pub mod resident;
pub mod time;
pub mod ui;
#[cfg(any(feature = "workbench", feature = "ssr"))]
pub mod workbench;

pub use error::{AppError, ErrorKind};
