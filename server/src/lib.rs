//! The 法i社区 server: configuration, the store on SQLite or PostgreSQL, sessions and sign-in, the
//! feature modules that answer the endpoints `app::api` declares, the SMS outbox, and the HTTP
//! boundary on top (`docs/ARCHITECTURE.md` draws the layers).

pub mod admin;
pub mod articles;
pub mod assisted;
pub mod audit;
pub mod auth;
pub mod board;
pub mod booking;
pub mod calendar;
pub mod caller;
pub mod commands;
pub mod config;
pub mod demo;
pub mod directory;
pub mod duty;
pub mod evaluation;
pub mod failure;
pub mod feedback;
pub mod files;
pub mod generate;
pub mod heavy;
pub mod http;
pub mod incidents;
pub mod library;
pub mod markdown;
pub mod points;
pub mod privacy;
pub mod questions;
pub mod quizzes;
pub mod referrals;
pub mod scope;
pub mod sms;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod text;
pub mod webhooks;
pub mod wechat;
