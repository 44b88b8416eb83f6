//! `tidings bounces poll`: read the bounce mailbox once and print what was found.

use std::sync::Arc;

use clap::{Args, Subcommand};

use super::StoreArgs;
use crate::control::{self, Request};
use crate::state::AppState;
use crate::store::{OpenOptions, Store};

#[derive(Debug, Args)]
pub struct BouncesArgs {
    #[command(subcommand)]
    pub command: BouncesCommand,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum BouncesCommand {
    /// Poll `[mail.bounces.mailbox]` once: record the bounces and complaints it holds, delete
    /// those messages, leave other mail alone.
    Poll,
}

pub fn run(args: BouncesArgs) -> Result<(), String> {
    let BouncesCommand::Poll = args.command;
    let config = args.store.load(None)?;
    // A running server holds the store: it polls for us.
    if let Some(r) =
        control::call(&config.data_dir, &Request::BouncesPoll).map_err(|e| format!("control socket: {e}"))?
    {
        println!("{}", r.output);
        return if r.ok { Ok(()) } else { Err("the poll failed".into()) };
    }
    let store = Store::open(&config.data_dir, &OpenOptions::from_config(&config, crate::wiring::registry()))
        .map_err(|e| e.to_string())?;
    let state = Arc::new(AppState::new(config, store).map_err(|e| e.to_string())?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("starting the runtime: {e}"))?;
    let report = runtime.block_on(crate::mail::mailbox::poll_and_log(&state)).map_err(|e| e.to_string())?;
    println!("{}", report.describe());
    Ok(())
}
