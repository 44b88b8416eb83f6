//! Tidings: a self-hosted, GDPR-native marketing-automation appliance.
//!
//! `main.rs` only parses the command line; everything lives here so that the tests start the
//! same application the binary does.

pub mod allocator;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod contacts;
pub mod control;
pub mod domain;
pub mod fault;
pub mod feed;
pub mod forms;
pub mod gdpr;
pub mod http;
pub mod i18n;
pub mod intake;
pub mod jobs;
pub mod journeys;
pub mod mail;
pub mod media;
pub mod metrics;
pub mod ops;
pub mod ratelimit;
pub mod reports;
pub mod scoring;
pub mod search;
pub mod segments;
pub mod senders;
pub mod sending;
pub mod sendtime;
pub mod settings;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod tls;
pub mod tracking;
pub mod units;
pub mod wiring;
