//! The 法i社区 server: configuration, startup, the store on SQLite or PostgreSQL, sessions and
//! sign-in, the SMS outbox, the HTTP boundary and the static front end. It fulfils the ports
//! that the `app` crate's server functions declare.

// The server functions are declared in `app` and register themselves when linked; naming the
// crate here makes sure the linker keeps them.
extern crate app;

pub mod admin;
pub mod articles;
pub mod audit;
pub mod auth;
pub mod board;
pub mod booking;
pub mod commands;
pub mod config;
pub mod demo;
pub mod directory;
pub mod duty;
pub mod files;
pub mod generate;
pub mod heavy;
pub mod http;
pub mod library;
pub mod questions;
pub mod sms;
pub mod startup;
pub mod store;
pub mod telemetry;
