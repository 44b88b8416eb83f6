//! One integration test binary of modules (faster to link than one binary per file).

mod helpers;

mod api;
mod assets;
mod auth;
mod audit;
mod backup;
mod browser;
mod config;
mod durability;
mod smoke;
mod store;
