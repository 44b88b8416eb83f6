//! One integration test binary of modules (faster to link than one binary per file).

mod helpers;
mod smtp_sink;

mod api;
mod assets;
mod audit;
mod auth;
mod backup;
mod bounces;
mod breaches;
mod browser;
mod campaigns;
mod config;
mod contacts_api;
mod contacts_pages;
mod crash_bounce;
mod crash_send;
mod day_one;
mod durability;
mod erasure;
mod forms;
mod gdpr;
mod import;
mod limits;
mod mail;
mod redirects;
mod reports;
mod retention;
mod saved_searches;
mod senders;
mod smoke;
mod store;
mod timing;
mod tracking;
mod unsubscribe;
mod website;
