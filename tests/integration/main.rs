//! One integration test binary of modules (faster to link than one binary per file).

mod helpers;
mod smtp_sink;

mod api;
mod assets;
mod audit;
mod auth;
mod backup;
mod browser;
mod config;
mod contacts_api;
mod contacts_pages;
mod durability;
mod forms;
mod import;
mod mail;
mod smoke;
mod store;
