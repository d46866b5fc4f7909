//! The HTTP boundary: the API, health checks, security headers and the static front end.

pub mod api;
pub mod caller;
pub mod deadline;
pub mod guard;
pub mod health;
pub mod metrics;
pub mod pages;
pub mod request_id;
pub mod security;
pub mod serve;
pub mod site;
pub mod test_clock;
