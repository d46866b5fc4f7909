//! The API suite: the real application on port 0 with a fresh database, called over HTTP the
//! way the browser calls it. Runs on SQLite by default and on PostgreSQL with
//! `TEST_DATABASE=postgres` (see `scripts/test.sh`).

mod articles;
mod assignments;
mod audit_log;
mod auth;
mod authorization;
mod bad_input;
mod board;
mod board_changes;
mod board_scale;
mod booking;
mod booking_rules;
mod commands;
mod communities_admin;
mod desk;
mod directory;
mod duty;
mod duty_bad_input;
mod duty_month;
mod faults;
mod files;
mod hardening;
mod hardening_sign_in;
mod helpers;
mod hostile;
mod import;
mod import_assignments;
mod lawyers_register;
mod library;
mod limits;
mod matrix;
mod matrix_downloads;
mod matrix_objects;
mod metrics;
mod outbox;
mod places;
mod question_route;
mod questions;
mod security;
mod servers;
mod site;
mod slow_clients;
mod staff_accounts;
mod street_staff;
mod workbook;
