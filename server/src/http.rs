//! The HTTP boundary, on top of the features: routing, the API's door, uploads, downloads and
//! exports, the server-rendered pages, health checks, security headers and the static front end.

pub mod api;
pub mod caller;
pub mod deadline;
pub mod download;
pub mod endpoint;
pub mod export;
pub mod guard;
pub mod health;
pub mod metrics;
pub mod openapi;
pub mod pages;
pub mod receipts;
pub mod request_id;
pub mod routes;
pub mod security;
pub mod serve;
pub mod site;
pub mod test_clock;
pub mod upload;
pub mod wechat;
